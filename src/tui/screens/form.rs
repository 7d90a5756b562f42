//! A small form in an overlay (a posting, a leave): ↑↓ moves, ← → picks a choice, typing
//! edits text, Enter saves, Esc cancels.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::text::truncate;
use crate::tui::app::{App, Form, FormKind};
use crate::tui::theme::Theme;
use crate::tui::ui::{block, cell};

pub fn draw(frame: &mut Frame, app: &App, form: &Form, area: Rect, theme: &Theme) {
    let lang = app.lang;
    frame.render_widget(Clear, area);
    let title = match form.kind {
        FormKind::Posting(None) => lang.pick("配属を追加", "Add a posting"),
        FormKind::Posting(Some(_)) => lang.pick("配属を編集", "Edit a posting"),
        FormKind::Leave(None) => lang.pick("休業等を追加", "Add leave"),
        FormKind::Leave(Some(_)) => lang.pick("休業等を編集", "Edit leave"),
    };
    let outer = block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let label_w = 22;
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, f) in form.fields.iter().enumerate() {
        let selected = i == form.selected;
        let value = if f.choices.is_empty() {
            let (shown, col) = f.input.visible(columns.saturating_sub(label_w + 1));
            if selected {
                cursor = Some((label_w + col, i));
            }
            shown
        } else {
            let label = f.choices.get(f.choice).map_or("", |(_, l)| l.as_str());
            format!("◀ {label} ▶")
        };
        let style = if selected { theme.selected } else { theme.text };
        lines.push(Line::from(vec![
            Span::styled(cell(f.label, label_w), if selected { theme.accent } else { theme.dim }),
            Span::styled(truncate(&value, columns.saturating_sub(label_w)), style),
        ]));
    }
    lines.push(Line::from(""));
    if let Some(e) = &form.error {
        lines.push(Line::styled(truncate(e, columns), theme.error));
    }
    lines.push(Line::styled(
        lang.pick(
            "↑↓ 項目  ← → 選択肢  Enter 保存  Esc 取消",
            "↑↓ field  ← → choice  Enter saves  Esc cancels",
        ),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((col, row)) = cursor {
        frame.set_cursor_position(Position {
            x: inner.x + col as u16,
            y: inner.y + row as u16,
        });
    }
}
