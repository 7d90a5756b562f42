//! A form in a pop-up (a posting, a leave): Tab or ↑↓ moves between fields, ← → picks a
//! choice, typing edits text, Enter saves, Esc cancels.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::forms::{FieldRef, Form, FormKind};
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::view::{block, clear_popup};

pub fn draw(frame: &mut Frame, state: &State, form: &Form, area: Rect, theme: &Theme) {
    let lang = state.lang();
    clear_popup(frame, area);
    let title = match &form.kind {
        FormKind::Posting(f) if f.index.is_none() => lang.pick("配属を追加", "Add a posting"),
        FormKind::Posting(_) => lang.pick("配属を編集", "Edit a posting"),
        FormKind::Leave(f) if f.index.is_none() => lang.pick("休業等を追加", "Add leave"),
        FormKind::Leave(_) => lang.pick("休業等を編集", "Edit leave"),
        FormKind::Interview(f) if f.index.is_none() => lang.pick("面談を追加", "Add an interview"),
        FormKind::Interview(_) => lang.pick("面談を編集", "Edit the interview"),
        FormKind::Goal(f) if f.index.is_none() => lang.pick("目標を追加", "Add a goal"),
        FormKind::Goal(_) => lang.pick("目標を編集", "Edit the goal"),
        FormKind::Note(f) if f.index.is_none() => lang.pick("記録メモを追加", "Add a note"),
        FormKind::Note(_) => lang.pick("記録メモを編集", "Edit the note"),
        FormKind::Export(_) => lang.pick("面談シートを書き出す", "Export the interview sheet"),
    };
    let outer = block(title, theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let columns = usize::from(inner.width);
    let label_w = 24.min(columns / 2);
    let mut lines = Vec::new();
    let mut cursor = None;
    for i in 0..form.field_count() {
        let Some((label, input)) = form.field(i, lang) else {
            continue;
        };
        let selected = i == form.focus;
        let value = match input {
            FieldRef::Text(input) => {
                let (shown, col) = input.visible(columns.saturating_sub(label_w + 1));
                if selected {
                    cursor = Some((label_w + col, i));
                }
                shown
            }
            FieldRef::Choice(choice) => {
                let label = match choice.label() {
                    "" if i == 0 => lang.pick("（一覧にない: 下の欄に入力）", "(not listed: type below)"),
                    "" => lang.pick("（部署から判定）", "(from the department)"),
                    l => l,
                };
                format!("{} {label} {}", theme.glyphs.choice_left, theme.glyphs.choice_right)
            }
        };
        lines.push(Line::from(vec![
            Span::styled(
                theme.cell(label, label_w),
                if selected { theme.accent } else { theme.dim },
            ),
            Span::styled(
                theme.cut(&value, columns.saturating_sub(label_w)),
                if selected { theme.selected } else { theme.text },
            ),
        ]));
    }
    lines.push(Line::from(""));
    if let Some(e) = &form.error {
        lines.extend(theme.wrap(e.get(lang), columns, theme.error));
    }
    lines.extend(theme.wrap(
        lang.pick(
            "Tab ↑↓ 項目  ← → 選択肢  Enter 確定  Esc 取消",
            "Tab ↑↓ field  ← → choice  Enter saves  Esc cancels",
        ),
        columns,
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((col, row)) = cursor {
        frame.set_cursor_position(Position {
            x: inner.x.saturating_add(u16::try_from(col).unwrap_or(0)),
            y: inner.y.saturating_add(u16::try_from(row).unwrap_or(0)),
        });
    }
}
