//! The search palette and other pickers: a query line and the matching items.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::picker::Picker;
use crate::tui::theme::Theme;
use crate::tui::ui::{block, cell, marked, scroll_offset};

pub fn draw(frame: &mut Frame, app: &App, picker: &Picker, area: Rect, theme: &Theme) {
    frame.render_widget(Clear, area);
    let outer = block(&picker.title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let (shown, cursor) = picker.query.visible(columns.saturating_sub(3));
    let mut lines = vec![Line::from(vec![Span::styled("> ", theme.key), Span::raw(shown)])];
    let height = usize::from(inner.height).saturating_sub(2);
    let offset = scroll_offset(picker.selected, height);
    for (pos, &i) in picker.matches.iter().enumerate().skip(offset).take(height) {
        let item = &picker.items[i];
        let style = if pos == picker.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(
            marked(
                &format!("{}{}", cell(&item.kind, 12), item.label),
                pos == picker.selected,
                columns,
            ),
            style,
        ));
    }
    if picker.matches.is_empty() {
        lines.push(Line::styled(
            app.lang.pick("（一致するものはありません）", "(no match)"),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position {
        x: inner.x + 2 + cursor as u16,
        y: inner.y,
    });
}
