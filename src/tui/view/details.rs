//! Details panes: the lower (or right) pane of a plan view that shows the selected row in
//! full, scrolled with `J` / `K`, its length known from the state alone so scrolling stops
//! at its last line, and where it is on screen for the mouse wheel.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{block, body_area, gaps, interview, path, roles, rotation, situation, support, trainings};
use crate::i18n::Lang;
use crate::tui::action::View;
use crate::tui::state::State;
use crate::tui::theme::Theme;

/// A view's details pane: where it goes, its title, and all its lines (which may be more
/// than the pane holds: it scrolls with `J` / `K`).
pub struct Details {
    pub area: Rect,
    pub title: String,
    pub lines: Vec<Line<'static>>,
}

impl Details {
    /// Lines the pane can scroll before its last line is at its bottom.
    pub fn scroll_limit(&self) -> usize {
        self.lines
            .len()
            .saturating_sub(usize::from(self.area.height.saturating_sub(2)))
    }
}

/// Draws a details pane from line `scroll` (clamped), and, while lines are hidden, says on
/// its bottom border how many and which keys bring them.
pub fn draw_details(frame: &mut Frame, state: &State, details: Details, scroll: usize, theme: &Theme) {
    let lang = state.lang();
    let scroll = scroll.min(details.scroll_limit());
    let height = usize::from(details.area.height.saturating_sub(2));
    let below = details.lines.len().saturating_sub(scroll + height);
    let more = match ((below, scroll), lang) {
        ((0, 0), _) => String::new(),
        ((0, _), Lang::Ja) => " K で上へ ".to_string(),
        ((0, _), Lang::En) => " K: back up ".to_string(),
        ((n, 0), Lang::Ja) => format!(" J で続き（あと{n}行） "),
        ((n, 0), Lang::En) => format!(" J: {n} more "),
        ((n, _), Lang::Ja) => format!(" J で続き（あと{n}行）・K で上へ "),
        ((n, _), Lang::En) => format!(" J: {n} more, K: back up "),
    };
    let mut pane = block(&details.title, theme);
    if !more.is_empty() {
        pane = pane.title_bottom(Line::styled(theme.text(&more).into_owned(), theme.key).right_aligned());
    }
    let inner = pane.inner(details.area);
    frame.render_widget(pane, details.area);
    let shown: Vec<Line> = details.lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// How far the current view's details pane can scroll (0 when everything fits): the same
/// layout as drawing, from the state alone, so `J` stops at the last line.
pub fn detail_scroll_limit(state: &State) -> usize {
    let Some(doc) = &state.doc else { return 0 };
    let theme = state.theme();
    let body = body_area(state);
    details_of(state, doc, body, &theme).map_or(0, |d| d.scroll_limit())
}

/// Where the current view's details pane is on screen, when a plan view shows one and
/// nothing covers it: the mouse wheel over it scrolls the pane, not the selection.
pub fn details_area(state: &State) -> Option<Rect> {
    if state.overlay.is_some() || state.compare.is_some() || state.roster.is_some() {
        return None;
    }
    let doc = state.doc.as_ref()?;
    let theme = state.theme();
    details_of(state, doc, body_area(state), &theme).map(|d| d.area)
}

/// The current view's details pane, if it has one.
fn details_of(state: &State, doc: &crate::tui::state::Doc, body: Rect, theme: &Theme) -> Option<Details> {
    Some(match doc.view {
        View::Situation => situation::details(state, doc, body, theme),
        View::Path => path::details(state, doc, body, theme),
        View::Gaps => gaps::details(state, doc, body, theme),
        View::Trainings => trainings::details(state, doc, body, theme),
        View::Rotation => rotation::details(state, doc, body, theme),
        View::Roles => roles::details(state, doc, body, theme),
        View::Support => support::details(state, doc, body, theme),
        View::Interview => interview::details(state, doc, body, theme),
        View::Workshop => return None,
    })
}
