//! "Training plan": suggestions by fiscal year with the gaps each addresses; mark planned
//! (p) or done (d). Marking done changes the plan, so gaps and readiness change at once.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::tui::state::{Doc, Hit, State, TrainingRow, training_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{Details, HitMap, block, draw_details, row_rect, scroll_offset};

/// The plan and the detail pane.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area)
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let a = &doc.analysis;
    let [top, _] = panes(area);
    let readiness = crate::describe::readiness_text(&a.target, lang);
    let title = match lang {
        Lang::Ja => format!(
            "研修計画（{} まで・年{}件まで）",
            state.fy(a.target_fy),
            crate::engine::DEFAULT_PER_YEAR
        ),
        Lang::En => format!(
            "Training plan (to {}, up to {} a year)",
            state.fy(a.target_fy),
            crate::engine::DEFAULT_PER_YEAR
        ),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let rows = training_rows(doc);
    let keys: Vec<String> = rows.iter().map(|(_, id)| id.clone()).collect();
    let selected = doc.selected.trainings.index(&keys);
    let competency = |id: &str| doc.profile.competency(id).map_or(id.to_string(), |c| c.name.clone());
    // Readiness on a line of its own, with its coverage: a title is cut at 80 columns.
    let mut lines = theme.wrap(&readiness, columns, theme.accent);
    if !a.target.ability_table {
        lines.extend(theme.wrap(
            lang.pick(
                "文書に能力表がないため、能力の差から研修は提案しません。下の一覧のどの研修も予定・受講済みにできます。",
                "The document has no ability table, so no training is suggested from gaps. Any training below can still be marked.",
            ),
            columns,
            theme.dim,
        ));
    } else if a.trainings.is_empty() {
        lines.extend(theme.wrap(
            lang.pick(
                "提案できる研修はありません（差がない、自己評価がまだ、または差を育てる研修が対象の職級にありません）。下の一覧のどの研修も予定・受講済みにできます。",
                "Nothing to suggest (no gaps, no self-assessment yet, or no training for those gaps at your grade). Any training below can still be marked.",
            ),
            columns,
            theme.dim,
        ));
    }
    let first_row = lines.len();
    let height = usize::from(inner.height).saturating_sub(first_row);
    let offset = scroll_offset(selected, height);
    let done_mark = theme.glyphs.done;
    let planned_set: std::collections::HashSet<&str> = doc.plan.planned_trainings.iter().map(String::as_str).collect();
    let mut last_label = String::new();
    // The year column as wide as its widest label (「2026年度」 without the 和暦).
    let label_w = rows
        .iter()
        .map(|(row, _)| match row {
            TrainingRow::Suggested(i) => a.trainings.get(*i).map_or(0, |s| theme.width(&state.fy(s.fy))),
            TrainingRow::Other(_) => theme.width(lang.pick("その他の研修", "Other trainings")),
            TrainingRow::Done(_) => theme.width(lang.pick("受講済み", "done")),
        })
        .max()
        .unwrap_or(0)
        .saturating_add(2)
        .min(20);
    // The training's name gets the room a wide terminal has; what it develops the rest.
    let name_w = (columns.saturating_sub(7 + label_w) / 2).max(34);
    for (n, (pos, (row, id))) in rows.iter().enumerate().skip(offset).take(height).enumerate() {
        let planned = planned_set.contains(id.as_str());
        let mark = if planned { lang.pick("予定", "plan") } else { "" };
        let name = doc.profile.training(id).map_or(id.as_str(), |t| t.name.as_str());
        let (label, rest) = match row {
            TrainingRow::Suggested(i) => {
                let Some(s) = a.trainings.get(*i) else { continue };
                let addresses: Vec<String> = s.addresses.iter().map(|c| competency(c)).collect();
                (state.fy(s.fy), addresses.join("・"))
            }
            TrainingRow::Other(_) => (lang.pick("その他の研修", "Other trainings").to_string(), String::new()),
            TrainingRow::Done(_) => (lang.pick("受講済み", "done").to_string(), String::new()),
        };
        let shown_label = if label == last_label {
            String::new()
        } else {
            label.clone()
        };
        last_label = label;
        let mark = if matches!(row, TrainingRow::Done(_)) {
            done_mark
        } else {
            mark
        };
        let text = format!(
            "{}{} {}{}",
            theme.cell(&shown_label, label_w),
            theme.cell(mark, 5),
            theme.cell(name, name_w),
            rest
        );
        let style = if pos == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(theme.marked(&text, pos == selected, columns), style));
        hits.add(row_rect(inner, first_row + n), Hit::Training(id.clone()));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// The lower pane: the selected training in full — what it is, what it develops, who it
/// is for, its source, and (when suggested) the gaps it addresses.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let a = &doc.analysis;
    let [_, bottom] = panes(area);
    let columns = usize::from(bottom.width.saturating_sub(2));
    let rows = training_rows(doc);
    let keys: Vec<String> = rows.iter().map(|(_, id)| id.clone()).collect();
    let selected = doc.selected.trainings.index(&keys);
    let competency = |id: &str| doc.profile.competency(id).map_or(id.to_string(), |c| c.name.clone());
    let id = keys.get(selected).map(String::as_str);
    let mut lines = Vec::new();
    if let Some(t) = id.and_then(|id| doc.profile.training(id)) {
        let kind = t.category_label(lang == Lang::Ja);
        lines.extend(theme.wrap(
            &format!(
                "{}（{kind}）{}",
                t.name,
                t.provider
                    .as_deref()
                    .map(|p| format!(" {} {p}", theme.glyphs.dash))
                    .unwrap_or_default()
            ),
            columns,
            theme.title,
        ));
        if let Some((TrainingRow::Suggested(i), _)) = rows.get(selected)
            && let Some(s) = a.trainings.get(*i)
        {
            let addresses: Vec<String> = s.addresses.iter().map(|c| competency(c)).collect();
            let text = match lang {
                Lang::Ja => format!("{}に提案（埋める差: {}）", state.fy(s.fy), addresses.join("・")),
                Lang::En => format!("Suggested for {} (gaps: {})", state.fy(s.fy), addresses.join(", ")),
            };
            lines.extend(theme.wrap(&text, columns, theme.accent));
        }
        if let Some(d) = &t.description {
            lines.extend(theme.wrap(d, columns, theme.text));
        }
        let develops: Vec<String> = t.competencies.iter().map(|c| competency(c)).collect();
        let example = if t.competencies_illustrative {
            lang.pick("（対応は例示）", " (mapping illustrative)")
        } else {
            ""
        };
        lines.extend(theme.wrap(
            &format!(
                "{} {}{example}",
                lang.pick("育てる能力:", "Develops:"),
                if develops.is_empty() {
                    lang.pick(
                        "（文書は能力との対応を示していません）",
                        "(the document links it to no competency)",
                    )
                    .to_string()
                } else {
                    develops.join("・")
                }
            ),
            columns,
            theme.accent,
        ));
        lines.extend(theme.wrap(
            &crate::describe::training_audience(&doc.profile, t, lang),
            columns,
            theme.accent,
        ));
        lines.extend(theme.wrap(
            &format!("{} {}", lang.pick("出典:", "Source:"), t.source),
            columns,
            theme.dim,
        ));
    }
    Details {
        area: bottom,
        title: lang.pick("研修の内容", "About the training").to_string(),
        lines,
    }
}
