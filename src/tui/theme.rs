//! Colours and borders. Meaning never rests on colour alone: marks (◎ ○ * ✓) and words
//! carry it, and the monochrome theme (chosen when NO_COLOR is set) uses only bold,
//! underline and reverse video.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

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
    /// Plain ASCII for marks and borders (terminals that draw ambiguous-width symbols wide).
    pub ascii: bool,
}

impl Theme {
    pub fn new(kind: ThemeKind, ascii: bool) -> Theme {
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
                error: Style::new().fg(Color::Red).add_modifier(bold),
                bar_required: Style::new().fg(Color::DarkGray),
                bar_current: Style::new().fg(Color::Cyan),
                tab_active: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
                border: Style::new().fg(Color::DarkGray),
                borders,
                ascii,
            },
            ThemeKind::HighContrast => Theme {
                kind,
                text: Style::new().fg(Color::White).bg(Color::Black),
                dim: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new().fg(Color::Yellow).bg(Color::Black).add_modifier(bold),
                accent: Style::new().fg(Color::Yellow).bg(Color::Black).add_modifier(bold),
                selected: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
                key: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(bold | Modifier::UNDERLINED),
                good: Style::new().fg(Color::White).bg(Color::Black).add_modifier(bold),
                warn: Style::new().fg(Color::Yellow).bg(Color::Black).add_modifier(bold),
                error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(bold),
                bar_required: Style::new().fg(Color::White).bg(Color::Black),
                bar_current: Style::new().fg(Color::Yellow).bg(Color::Black).add_modifier(bold),
                tab_active: Style::new().fg(Color::Black).bg(Color::White).add_modifier(bold),
                border: Style::new().fg(Color::White).bg(Color::Black),
                borders: if ascii { borders } else { border::THICK },
                ascii,
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
            },
        }
    }
}
