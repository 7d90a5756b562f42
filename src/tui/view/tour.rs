//! The guided tour's bar: "ツアー 3/8: " and the step's narration, at most two lines,
//! above the message bar while a tour is under way.

use ratatui::text::{Line, Span};

use crate::text::{truncate, width, wrap};
use crate::tui::state::State;
use crate::tui::theme::Theme;

/// The bar's lines (none when no tour is under way).
pub fn lines(state: &State, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang();
    let Some(w) = state.workshop.as_ref().filter(|w| w.touring()) else {
        return Vec::new();
    };
    let (Some(tour), Some(step)) = (&w.tour, w.current()) else {
        return Vec::new();
    };
    let label = format!("{} {}/{}: ", lang.pick("ツアー", "Tour"), w.step + 1, tour.steps.len());
    let indent = width(&label);
    let mut text = wrap(step.narration.get(lang), columns.saturating_sub(indent).max(1));
    if text.len() > 2 {
        text.truncate(2);
        if let Some(last) = text.last_mut() {
            *last = truncate(last, columns.saturating_sub(indent + 1)) + "…";
        }
    }
    text.into_iter()
        .enumerate()
        .map(|(i, line)| {
            let head = if i == 0 { label.clone() } else { " ".repeat(indent) };
            Line::from(vec![Span::styled(head, theme.title), Span::styled(line, theme.accent)])
        })
        .collect()
}
