//! "Training plan": suggestions by fiscal year with the gaps each addresses; mark planned
//! (p) or done (d). Marking done changes the plan, so gaps and readiness change at once.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::model::fiscal_year_label;
use crate::text::truncate;
use crate::tui::app::{App, TrainingRow};
use crate::tui::theme::Theme;
use crate::tui::ui::{block, cell, marked, scroll_offset, wrapped};

/// The plan and the detail pane.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area)
}

/// Where the training rows are drawn (for mouse clicks too).
pub fn rows_area(area: Rect) -> Rect {
    panes(area)[0].inner(Margin::new(1, 1))
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let lang = app.lang;
    let a = &doc.analysis;
    let [top, bottom] = panes(area);
    let readiness = a
        .target
        .readiness
        .map_or_else(|| "—".to_string(), |r| format!("{r}/100"));
    let title = match lang {
        Lang::Ja => format!(
            "研修計画（{} まで・年{}件まで）  準備度 {readiness}",
            fiscal_year_label(a.target_fy, lang),
            crate::engine::DEFAULT_PER_YEAR
        ),
        Lang::En => format!(
            "Training plan (to {}, up to {} a year)  readiness {readiness}",
            fiscal_year_label(a.target_fy, lang),
            crate::engine::DEFAULT_PER_YEAR
        ),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let rows = app.training_rows();
    let competency = |id: &str| doc.profile.competency(id).map_or(id.to_string(), |c| c.name.clone());
    let mut lines = Vec::new();
    if a.trainings.is_empty() {
        lines.push(Line::styled(
            lang.pick(
                "提案できる研修はありません（差がない、自己評価がまだ、または差を育てる研修が対象の職級にありません）",
                "Nothing to suggest (no gaps, no self-assessment yet, or no training for those gaps at your grade)",
            ),
            theme.dim,
        ));
    }
    let height = usize::from(inner.height).saturating_sub(lines.len());
    let offset = scroll_offset(app.trainings_row, height);
    let mut last_fy = None;
    for (pos, row) in rows.iter().enumerate().skip(offset).take(height) {
        let text = match row {
            TrainingRow::Suggested(i) => {
                let s = &a.trainings[*i];
                let year = if last_fy != Some(s.fy) {
                    fiscal_year_label(s.fy, lang)
                } else {
                    String::new()
                };
                last_fy = Some(s.fy);
                let mark = if s.planned { lang.pick("予定", "plan") } else { "    " };
                let addresses: Vec<String> = s.addresses.iter().map(|c| competency(c)).collect();
                format!(
                    "{}{} {}{}",
                    cell(&year, 20),
                    cell(mark, 4),
                    cell(&s.name, 34),
                    addresses.join("・")
                )
            }
            TrainingRow::Done(i) => {
                let id = &doc.plan.completed_trainings[*i];
                let name = doc.profile.training(id).map_or(id.as_str(), |t| t.name.as_str());
                format!("{}✓ {}", cell(lang.pick("受講済み", "done"), 20), name)
            }
        };
        let style = if pos == app.trainings_row {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(marked(&text, pos == app.trainings_row, columns), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let detail = block(lang.pick("研修の内容", "About the training"), theme);
    let detail_inner = detail.inner(bottom);
    frame.render_widget(detail, bottom);
    let columns = usize::from(detail_inner.width);
    let id = match rows.get(app.trainings_row) {
        Some(TrainingRow::Suggested(i)) => Some(a.trainings[*i].id.as_str()),
        Some(TrainingRow::Done(i)) => doc.plan.completed_trainings.get(*i).map(String::as_str),
        None => None,
    };
    let mut lines = Vec::new();
    if let Some(t) = id.and_then(|id| doc.profile.training(id)) {
        let kind = if lang == Lang::Ja {
            t.kind.label_ja()
        } else {
            t.kind.label_en()
        };
        lines.push(Line::styled(
            truncate(
                &format!(
                    "{}（{kind}）{}",
                    t.name,
                    t.provider.as_deref().map(|p| format!(" — {p}")).unwrap_or_default()
                ),
                columns,
            ),
            theme.title,
        ));
        if let Some(d) = &t.description {
            lines.extend(wrapped(d, columns, theme.text));
        }
        let develops: Vec<String> = t.competencies.iter().map(|c| competency(c)).collect();
        let example = if t.competencies_illustrative {
            lang.pick("（対応は例示）", " (mapping illustrative)")
        } else {
            ""
        };
        lines.push(Line::styled(
            truncate(
                &format!(
                    "{} {}{example}",
                    lang.pick("育てる能力:", "Develops:"),
                    develops.join("・")
                ),
                columns,
            ),
            theme.accent,
        ));
        lines.push(Line::styled(
            truncate(&format!("{} {}", lang.pick("出典:", "Source:"), t.source), columns),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), detail_inner);
}
