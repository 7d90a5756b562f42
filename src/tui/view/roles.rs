//! "Roles": the target grade's roles as the document lists them, each ticked by the
//! employee (Space) and the supervisor (c). Where the document gives no usable ability
//! table, this checklist is the readiness signal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::tui::state::{Doc, Hit, State, role_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{Details, HitMap, block, draw_details, row_rect, scroll_offset};

/// The checklist and the role in full.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area)
}

/// 「役割 本人 3/7・上司 1/7」: how much of the target grade's roles are carried out.
pub fn roles_summary(doc: &Doc, lang: Lang) -> Option<String> {
    let r = &doc.analysis.roles;
    let total = r.roles.len();
    (total > 0).then(|| match lang {
        Lang::Ja => format!("役割 本人 {}/{total}・上司 {}/{total}", r.done_self, r.done_supervisor),
        Lang::En => format!(
            "roles: self {}/{total}, supervisor {}/{total}",
            r.done_self, r.done_supervisor
        ),
    })
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let report = &doc.analysis.roles;
    let [top, _] = panes(area);
    let grade = crate::describe::grade_name(&doc.profile, &report.grade);
    let heading = report.heading.as_deref().unwrap_or(lang.pick("役割", "roles"));
    let title = match lang {
        Lang::Ja => format!("目標 {grade} の{heading}"),
        Lang::En => format!("{grade}: {heading}"),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let mut lines = Vec::new();
    match roles_summary(doc, lang) {
        Some(summary) => lines.extend(theme.wrap(&summary, columns, theme.accent)),
        None => lines.extend(theme.wrap(
            lang.pick(
                "文書はこの職級の役割を挙げていません。",
                "The document lists no roles for this grade.",
            ),
            columns,
            theme.dim,
        )),
    }
    if doc.analysis.target.readiness.is_none() && !report.roles.is_empty() {
        lines.extend(theme.wrap(
            lang.pick(
                "この文書には能力ごとの職級要件がないため、役割の確認が準備の目安です。",
                "The document sets no ability requirements for this grade: these roles are the readiness signal.",
            ),
            columns,
            theme.dim,
        ));
    }
    if !report.roles.is_empty() {
        lines.push(Line::styled(
            theme.cut(
                &format!(
                    "  {}{}{}",
                    theme.cell(lang.pick("本人", "Self"), 6),
                    theme.cell(lang.pick("上司", "Supv"), 6),
                    lang.pick("役割（文書の順）", "Role (the document's order)")
                ),
                columns,
            ),
            theme.dim,
        ));
    }
    let rows = role_rows(doc);
    let selected = doc.selected.roles.index(&rows);
    let first_row = lines.len();
    let height = usize::from(inner.height).saturating_sub(first_row);
    let offset = scroll_offset(selected, height);
    let (yes, no) = (theme.glyphs.ticked, theme.glyphs.unticked);
    for (n, (pos, role)) in report.roles.iter().enumerate().skip(offset).take(height).enumerate() {
        let text = format!(
            "{}{}{}. {}",
            theme.cell(if role.own { yes } else { no }, 6),
            theme.cell(if role.supervisor { yes } else { no }, 6),
            role.number,
            role.text.replace('\n', " ")
        );
        let style = if pos == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(theme.marked(&text, pos == selected, columns), style));
        hits.add(row_rect(inner, first_row + n), Hit::Role(role.number));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// The lower pane: the selected role in the document's words, and its source.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let report = &doc.analysis.roles;
    let [_, bottom] = panes(area);
    let columns = usize::from(bottom.width.saturating_sub(2));
    let rows = role_rows(doc);
    let selected = doc.selected.roles.index(&rows);
    let mut lines = Vec::new();
    if let Some(role) = report.roles.get(selected) {
        lines.extend(theme.wrap(&format!("{}. {}", role.number, role.text), columns, theme.text));
        lines.push(Line::from(""));
        lines.extend(theme.wrap(
            lang.pick(
                "Space: 本人が「できている」・外す　c: 上司が確認・外す",
                "Space: self 'I do this' / undo   c: supervisor confirms / undo",
            ),
            columns,
            theme.dim,
        ));
    }
    if let Some(source) = &report.source {
        lines.extend(theme.wrap(
            &format!("{} {source}", lang.pick("出典:", "Source:")),
            columns,
            theme.dim,
        ));
    }
    Details {
        area: bottom,
        title: lang.pick("役割の全文", "The role in full").to_string(),
        lines,
    }
}
