//! The search palette and other pickers: a query line and the matching items.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::picker::Picker;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::view::{block, clear_popup, scroll_offset};

pub fn draw(frame: &mut Frame, state: &State, picker: &Picker, area: Rect, theme: &Theme) {
    clear_popup(frame, area);
    let outer = block(&picker.title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let (shown, cursor) = picker.query.visible(columns.saturating_sub(3));
    let mut lines = vec![Line::from(vec![Span::styled("> ", theme.key), Span::raw(shown)])];
    let height = usize::from(inner.height).saturating_sub(1);
    let offset = scroll_offset(picker.selected, height);
    for (pos, &i) in picker.matches.iter().enumerate().skip(offset).take(height) {
        let Some(item) = picker.items.get(i) else { continue };
        let selected = pos == picker.selected;
        lines.push(Line::styled(
            theme.marked(
                &format!("{}{}", theme.cell(&item.kind, 12), item.label),
                selected,
                columns,
            ),
            if selected { theme.selected } else { theme.text },
        ));
    }
    if picker.matches.is_empty() {
        lines.push(Line::styled(
            state.lang().pick("（一致するものはありません）", "(no match)"),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position(Position {
        x: inner
            .x
            .saturating_add(2)
            .saturating_add(u16::try_from(cursor).unwrap_or(0)),
        y: inner.y,
    });
}
