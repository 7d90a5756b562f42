//! Every theme's styles against its background, by the WCAG 2 contrast ratio.
//!
//! Named terminal colours are taken at xterm's standard RGB values. Where a theme leaves
//! the background to the terminal (default, mono), the terminal is taken to be dark with
//! xterm's default light-grey text (229, 229, 229 on black) — Windows Terminal, Tera Term
//! and RLogin's dark schemes; the high-contrast theme paints its own black background, so
//! it holds on any terminal.
//!
//! Thresholds: 4.5 for every style that carries text (WCAG AA for normal text; Michi's
//! text is never large), 3 for borders and bars (WCAG 1.4.11, non-text). The high-contrast
//! theme is for projectors, which wash colours out: 7 for its text (WCAG AAA), except the
//! error style, which is bold white on red and says in words that it is an error — no
//! named terminal red reaches 7 against white text.

use ratatui::style::{Color, Modifier, Style};

use super::{GlyphMode, Theme, ThemeKind};

const DEFAULT_FG: (u8, u8, u8) = (229, 229, 229);
const DEFAULT_BG: (u8, u8, u8) = (0, 0, 0);

/// xterm's standard RGB value of a colour (None: the terminal's default).
fn rgb(color: Color) -> Option<(u8, u8, u8)> {
    Some(match color {
        Color::Reset => return None,
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(_) => panic!("indexed colours have no standard value: use a named one"),
    })
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The contrast of `style` drawn over the screen's base style `base`.
fn contrast(style: Style, base: Style) -> f64 {
    let fg = style.fg.or(base.fg).and_then(rgb).unwrap_or(DEFAULT_FG);
    let bg = style.bg.or(base.bg).and_then(rgb).unwrap_or(DEFAULT_BG);
    let (fg, bg) = if style.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    };
    ratio(fg, bg)
}

#[test]
fn every_theme_is_readable_against_its_background() {
    let mut failures = Vec::new();
    for kind in [ThemeKind::Default, ThemeKind::HighContrast, ThemeKind::Mono] {
        let t = Theme::new(kind, GlyphMode::Unicode);
        let text_min = if kind == ThemeKind::HighContrast { 7.0 } else { 4.5 };
        let styles = [
            ("text", t.text, text_min),
            ("dim", t.dim, text_min),
            ("title", t.title, text_min),
            ("accent", t.accent, text_min),
            ("selected", t.selected, text_min),
            ("key", t.key, text_min),
            ("good", t.good, text_min),
            ("warn", t.warn, text_min),
            ("error", t.error, 4.5),
            ("tab_active", t.tab_active, text_min),
            ("border", t.border, 3.0),
            ("bar_required", t.bar_required, 3.0),
            ("bar_current", t.bar_current, 3.0),
        ];
        for (name, style, min) in styles {
            let c = contrast(style, t.text);
            if c < min {
                failures.push(format!("{} {name}: {c:.2} < {min}", kind.name()));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn high_contrast_selection_is_not_dark_yellow() {
    let t = Theme::new(ThemeKind::HighContrast, GlyphMode::Unicode);
    assert_ne!(t.selected.bg, Some(Color::Yellow));
    assert!(contrast(t.selected, t.text) >= 7.0);
}

#[test]
fn the_ratio_matches_the_wcag_examples() {
    assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
    assert!((ratio((118, 118, 118), (255, 255, 255)) - 4.54).abs() < 0.01);
}
