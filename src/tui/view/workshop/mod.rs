//! The workshop view: a line of page titles (`[` `]` turn the page), then the page.

mod lifeline;
mod next10;
pub(crate) mod wcm;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::state::{Doc, State, WorkshopPage};
use crate::tui::theme::Theme;
use crate::tui::view::HitMap;

/// The line of page titles and the page below it.
pub(crate) fn page_areas(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area)
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let [pages, body] = page_areas(area);
    let mut spans = vec![Span::styled(lang.pick(" [ ] ページ: ", " [ ] page: "), theme.dim)];
    for page in WorkshopPage::ALL {
        let title = page.title(lang);
        if page == doc.workshop_page {
            spans.push(Span::styled(format!("[{title}]"), theme.tab_active));
        } else {
            spans.push(Span::styled(format!(" {title} "), theme.dim));
        }
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), pages);
    match doc.workshop_page {
        WorkshopPage::Wcm => wcm::draw(frame, state, doc, body, theme, hits),
        WorkshopPage::Lifeline => lifeline::draw(frame, state, doc, body, theme, hits),
        WorkshopPage::NextTen => next10::draw(frame, state, doc, body, theme),
    }
}
