//! Colours, borders, symbols, and text fitted to the terminal. Meaning never rests on
//! colour alone: marks (◎ ○ * ✓) and words carry it, and the monochrome theme (chosen when
//! NO_COLOR is set) uses only bold, underline and reverse video. Every theme passes a
//! contrast check against its background (see the tests below).
//!
//! The conventions every screen follows, so `--ascii` and `--ambiguous-wide` hold:
//!
//! - Symbols come from [`Theme::glyphs`] ([`Glyphs`]: the selection marker, ◎ ○, bars,
//!   arrows, ticks, goal marks …), never from a literal; a legend uses the same glyph.
//! - Text from the documents, the plan or `describe` is measured, cut, padded and wrapped
//!   through the theme: [`Theme::text`], [`Theme::width`], [`Theme::cut`], [`Theme::cell`],
//!   [`Theme::wrap`] and [`Theme::marked`] (not `crate::text` directly), so ambiguous
//!   characters are transliterated (ASCII) or given two columns (wide) before they are
//!   measured. Key captions go through [`Theme::keys`] (「← →」 is 「Left/Right」 in ASCII).
//! - `view::draw` ends with [`glyphs::settle`], which turns the reserved columns into wide
//!   characters and replaces any ambiguous character that was not fitted.

pub mod glyphs;

use std::borrow::Cow;

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::Line;

pub use glyphs::{GlyphMode, Glyphs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    Default,
    /// Strong contrast for projectors.
    HighContrast,
    /// No colour at all (NO_COLOR).
    Mono,
}

impl ThemeKind {
    pub fn next(self) -> ThemeKind {
        match self {
            ThemeKind::Default => ThemeKind::HighContrast,
            ThemeKind::HighContrast => ThemeKind::Mono,
            ThemeKind::Mono => ThemeKind::Default,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ThemeKind::Default => "default",
            ThemeKind::HighContrast => "high-contrast",
            ThemeKind::Mono => "mono",
        }
    }

    /// The theme's name for people: 「高コントラスト」 / "high contrast".
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            ThemeKind::Default => lang.pick("標準", "default"),
            ThemeKind::HighContrast => lang.pick("高コントラスト（プロジェクター向け）", "high contrast (projectors)"),
            ThemeKind::Mono => lang.pick("モノクロ", "monochrome"),
        }
    }

    pub fn parse(s: &str) -> Option<ThemeKind> {
        match s {
            "default" => Some(ThemeKind::Default),
            "high-contrast" => Some(ThemeKind::HighContrast),
            "mono" => Some(ThemeKind::Mono),
            _ => None,
        }
    }
}

/// The styles the screens draw with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub kind: ThemeKind,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub selected: Style,
    pub key: Style,
    pub good: Style,
    pub warn: Style,
    pub error: Style,
    pub bar_required: Style,
    pub bar_current: Style,
    pub tab_active: Style,
    pub border: Style,
    pub borders: border::Set<'static>,
    /// No ambiguous-width symbol is drawn as it is (`--ascii` or `--ambiguous-wide`); prefer
    /// [`Theme::glyphs`], which says what to draw instead.
    pub ascii: bool,
    /// How ambiguous-width characters are drawn.
    pub mode: GlyphMode,
    /// The symbols to draw with.
    pub glyphs: &'static Glyphs,
}

impl Theme {
    pub fn new(kind: ThemeKind, mode: GlyphMode) -> Theme {
        let ascii = mode != GlyphMode::Unicode;
        let glyphs = Glyphs::of(mode);
        let borders = if ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        };
        let bold = Modifier::BOLD;
        match kind {
            ThemeKind::Default => Theme {
                kind,
                text: Style::new(),
                dim: Style::new().fg(Color::DarkGray),
                title: Style::new().fg(Color::Cyan).add_modifier(bold),
                accent: Style::new().fg(Color::Cyan),
                selected: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(bold),
                key: Style::new().fg(Color::Yellow).add_modifier(bold),
                good: Style::new().fg(Color::Green),
                warn: Style::new().fg(Color::Yellow),
                error: Style::new().fg(Color::LightRed).add_modifier(bold),
                bar_required: Style::new().fg(Color::DarkGray),
                bar_current: Style::new().fg(Color::Cyan),
                tab_active: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
                border: Style::new().fg(Color::DarkGray),
                borders,
                ascii,
                mode,
                glyphs,
            },
            // Bright colours on a black background of its own, whatever the terminal's:
            // a projector washes out dark yellow and grey, so neither is used.
            ThemeKind::HighContrast => Theme {
                kind,
                text: Style::new().fg(Color::White).bg(Color::Black),
                dim: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new().fg(Color::LightYellow).bg(Color::Black).add_modifier(bold),
                accent: Style::new().fg(Color::LightCyan).bg(Color::Black).add_modifier(bold),
                selected: Style::new().fg(Color::Black).bg(Color::White).add_modifier(bold),
                key: Style::new()
                    .fg(Color::LightYellow)
                    .bg(Color::Black)
                    .add_modifier(bold | Modifier::UNDERLINED),
                good: Style::new().fg(Color::LightGreen).bg(Color::Black).add_modifier(bold),
                warn: Style::new().fg(Color::LightYellow).bg(Color::Black).add_modifier(bold),
                error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(bold),
                bar_required: Style::new().fg(Color::White).bg(Color::Black),
                bar_current: Style::new().fg(Color::LightCyan).bg(Color::Black).add_modifier(bold),
                tab_active: Style::new().fg(Color::Black).bg(Color::LightCyan).add_modifier(bold),
                border: Style::new().fg(Color::White).bg(Color::Black),
                borders: if ascii { borders } else { border::THICK },
                ascii,
                mode,
                glyphs,
            },
            ThemeKind::Mono => Theme {
                kind,
                text: Style::new(),
                dim: Style::new(),
                title: Style::new().add_modifier(bold),
                accent: Style::new().add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                key: Style::new().add_modifier(bold),
                good: Style::new(),
                warn: Style::new().add_modifier(bold),
                error: Style::new().add_modifier(bold | Modifier::UNDERLINED),
                bar_required: Style::new(),
                bar_current: Style::new().add_modifier(bold),
                tab_active: Style::new().add_modifier(Modifier::REVERSED | bold),
                border: Style::new(),
                borders,
                ascii,
                mode,
                glyphs,
            },
        }
    }

    /// `text` ready to be measured and drawn: ambiguous characters transliterated (ASCII)
    /// or given their second column (wide); unchanged otherwise.
    pub fn text<'a>(&self, text: &'a str) -> Cow<'a, str> {
        glyphs::prepare(text, self.mode)
    }

    /// Columns `text` takes on the terminal, as this theme draws it.
    pub fn width(&self, text: &str) -> usize {
        crate::text::width(&self.text(text))
    }

    /// `text` cut to `columns`, ending in the theme's ellipsis when cut.
    pub fn cut(&self, text: &str, columns: usize) -> String {
        crate::text::truncate_with(&self.text(text), columns, self.glyphs.ellipsis)
    }

    /// A cell of a hand-laid table: cut and padded to exactly `columns`.
    pub fn cell(&self, text: &str, columns: usize) -> String {
        crate::text::pad_right(&self.cut(text, columns), columns)
    }

    /// `text` wrapped to `columns` (Japanese breaks between characters), in `style`.
    pub fn wrap(&self, text: &str, columns: usize, style: Style) -> Vec<Line<'static>> {
        crate::text::wrap(&self.text(text), columns)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect()
    }

    /// A list row's text with the selection marker (so selection never rests on colour
    /// alone), or as many spaces, cut to `columns`.
    pub fn marked(&self, text: &str, selected: bool, columns: usize) -> String {
        let marker = self.glyphs.selected;
        let text = if selected {
            format!("{marker}{text}")
        } else {
            format!("{}{text}", " ".repeat(crate::text::width(marker)))
        };
        self.cut(&text, columns)
    }

    /// A key caption from the key table, for this theme (arrows spelt out in ASCII).
    pub fn keys<'a>(&self, keys: &'a str) -> Cow<'a, str> {
        glyphs::key_caption(keys, self.mode)
    }
}

#[cfg(test)]
mod contrast;
