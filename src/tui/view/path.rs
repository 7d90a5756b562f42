//! "Path": the grade ladder with the employee's position, earliest and typical years,
//! exams, illustrative figures, the retirement and 役職定年 lines, and what the selected
//! grade asks that the current one does not.
//!
//! Notes wrap in their column, never cut. The table is compact by itself where the full
//! one would leave the notes less than [`NOTES_MIN`] columns (80 columns with the 和暦):
//! one years column 「2029〜2031」 without the era, and the selected grade's years in full
//! at the top of the lower pane. No key to learn in front of an audience.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::{TrajectoryStep, grade_diff};
use crate::i18n::Lang;
use crate::model::{Emphasis, FiscalYear};
use crate::tui::state::{Doc, Hit, State, path_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{Details, HitMap, block, draw_details, hanging, row_rect};

/// Fewest columns the full table leaves its notes before it turns compact.
pub const NOTES_MIN: usize = 30;

/// The ladder and the grade difference.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
}

/// How the table is laid out for this width.
struct Table {
    compact: bool,
    grade_w: usize,
    year_w: usize,
}

impl Table {
    fn new(state: &State, doc: &Doc, columns: usize, theme: &Theme) -> Table {
        let steps = &doc.analysis.trajectory.steps;
        let lang = state.lang();
        let current = doc.profile.grade(&doc.plan.grade).map_or("", |(_, g)| g.name.as_str());
        let grade_w = steps
            .iter()
            .map(|s| theme.width(&s.grade_name))
            .chain([theme.width(current)])
            .max()
            .unwrap_or(0)
            .saturating_add(4)
            .clamp(12, 24);
        let full = |y: Option<FiscalYear>| full_year(state, y);
        let year_w = steps
            .iter()
            .flat_map(|s| [full(s.earliest_fy), full(s.typical_fy)])
            .chain([
                lang.pick("最短", "Earliest").to_string(),
                lang.pick("標準", "Typical").to_string(),
            ])
            .map(|y| theme.width(&y) + 2)
            .max()
            .unwrap_or(10)
            .max(theme.width(&current_since(state, doc)).div_ceil(2) + 1);
        if columns.saturating_sub(2 + grade_w + 2 * year_w) >= NOTES_MIN {
            return Table {
                compact: false,
                grade_w,
                year_w,
            };
        }
        let year_w = steps
            .iter()
            .map(|s| compact_years(s, lang))
            .chain([compact_header(lang).to_string(), lang.pick("現在", "now").to_string()])
            .map(|y| theme.width(&y) + 2)
            .max()
            .unwrap_or(10);
        Table {
            compact: true,
            grade_w,
            year_w,
        }
    }
}

/// A step's year as a cell of the full table, with the 和暦 when it is on.
fn full_year(state: &State, fy: Option<FiscalYear>) -> String {
    crate::describe::step_year_text(fy, state.lang(), state.ui.wareki)
}

/// The compact table's years: 「2029〜2031」, 「2027」 when both agree, 「定めなし」.
fn compact_years(step: &TrajectoryStep, lang: Lang) -> String {
    let dash = lang.pick("〜", "-");
    match (step.earliest_fy, step.typical_fy) {
        (Some(e), Some(t)) if e == t => format!("{e}"),
        (Some(e), Some(t)) => format!("{e}{dash}{t}"),
        (Some(e), None) => format!("{e}{dash}"),
        (None, Some(t)) => format!("{dash}{t}"),
        (None, None) => lang.pick("定めなし", "not stated").to_string(),
    }
}

fn compact_header(lang: Lang) -> &'static str {
    lang.pick("最短〜標準", "Earliest-typ.")
}

/// 「現在 2020-04-01」: since when the current grade is held.
fn current_since(state: &State, doc: &Doc) -> String {
    format!("{} {}", state.lang().pick("現在", "now"), doc.plan.grade_since)
}

/// Each ladder row's notes: the target, the exam, 役職定年 and the years' footing.
fn step_notes(doc: &Doc, step: &TrajectoryStep, lang: Lang, theme: &Theme) -> String {
    let mut notes = Vec::new();
    if step.grade == doc.plan.target_grade {
        notes.push(format!("{} {}", theme.glyphs.target, lang.pick("目標", "target")));
    }
    notes.extend(crate::describe::step_notes(&doc.profile, step, lang));
    notes.join(lang.pick("・", "; "))
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let a = &doc.analysis;
    let [top, _] = panes(area);
    let ladder = block(
        lang.pick(
            "昇任の道筋（最短は制度上の可能性であり約束ではありません）",
            "Path (the earliest year is what the model allows, not a promise)",
        ),
        theme,
    );
    let inner = ladder.inner(top);
    frame.render_widget(ladder, top);
    let columns = usize::from(inner.width);
    let table = Table::new(state, doc, columns, theme);
    // 役職定年 is told only where a grade of the plan's ladder is subject to it.
    let limited = doc
        .profile
        .ladder_has_management_limit(doc.plan.series_id(&doc.profile));
    let r = &a.retirement;
    let course = crate::describe::course_label(&doc.profile, &doc.plan, lang);
    let facts = format!(
        "{}{}{} {}  {}{}{}",
        lang.pick("定年 ", "Retirement "),
        r.age,
        lang.pick("歳", ""),
        r.date,
        lang.pick("役職定年 ", "Management posts until "),
        match limited {
            true => r.management_post_until.to_string(),
            false => lang.pick("対象の職級なし", "no grade subject").to_string(),
        },
        if course.is_empty() {
            String::new()
        } else {
            format!("{}{course}", lang.pick("  コース ", "  Course "))
        }
    );
    let mut head = theme.wrap(&facts, columns, theme.accent);
    let years_header = if table.compact {
        theme.cell(compact_header(lang), table.year_w)
    } else {
        format!(
            "{}{}",
            theme.cell(lang.pick("最短", "Earliest"), table.year_w),
            theme.cell(lang.pick("標準", "Typical"), table.year_w)
        )
    };
    head.push(Line::styled(
        theme.cut(
            &format!(
                "  {}{years_header}{}",
                theme.cell(lang.pick("職級", "Grade"), table.grade_w),
                lang.pick("備考", "Notes")
            ),
            columns,
        ),
        theme.dim,
    ));
    // Every row, each as many lines as its notes wrap to, with the row it belongs to.
    let keys = path_rows(doc);
    let selected = doc.selected.path.index(&keys);
    let current = doc.profile.grade(&doc.plan.grade).map_or("", |(_, g)| g.name.as_str());
    let mut rows: Vec<(usize, Line<'static>)> = Vec::new();
    let mut add_row = |i: usize, grade: String, years: String, notes: String| {
        let style = if i == selected { theme.selected } else { theme.text };
        let marker = if i == selected {
            theme.glyphs.selected.to_string()
        } else {
            " ".repeat(theme.width(theme.glyphs.selected))
        };
        let prefix = format!("{marker}{}{years}", theme.cell(&grade, table.grade_w));
        for line in hanging(&prefix, &notes, columns, style, theme) {
            rows.push((i, line));
        }
    };
    let (since, now_notes) = if table.compact {
        (
            theme.cell(lang.pick("現在", "now"), table.year_w),
            format!(
                "{}（{}）",
                lang.pick("現在の職級", "current grade"),
                match lang {
                    Lang::Ja => format!("{} から", doc.plan.grade_since),
                    Lang::En => format!("since {}", doc.plan.grade_since),
                }
            ),
        )
    } else {
        (
            theme.cell(&current_since(state, doc), 2 * table.year_w),
            lang.pick("（現在の職級）", "(current grade)").to_string(),
        )
    };
    add_row(0, format!("{} {current}", theme.glyphs.current), since, now_notes);
    for (n, s) in a.trajectory.steps.iter().enumerate() {
        let years = if table.compact {
            theme.cell(&compact_years(s, lang), table.year_w)
        } else {
            format!(
                "{}{}",
                theme.cell(&full_year(state, s.earliest_fy), table.year_w),
                theme.cell(&full_year(state, s.typical_fy), table.year_w)
            )
        };
        add_row(
            n + 1,
            format!("  {}", s.grade_name),
            years,
            step_notes(doc, s, lang, theme),
        );
    }
    let limit = if limited {
        format!(
            "{} {} {}（{}）  ",
            theme.glyphs.rule,
            lang.pick("役職定年", "役職定年"),
            r.management_post_until,
            state.fy(r.last_management_fiscal_year())
        )
    } else {
        String::new()
    };
    let mut foot = theme.wrap(
        &format!(
            "{limit}{} {} {}",
            theme.glyphs.rule,
            lang.pick("定年退職", "retirement"),
            r.date
        ),
        columns,
        theme.warn,
    );
    // The legend of an assumption in years sits under the ladder, with room kept for it.
    if let Some(text) = crate::describe::promotion_assumption_legend(&doc.profile, lang)
        && a.trajectory.steps.iter().any(|s| s.assumed_by.is_some())
    {
        foot.extend(theme.wrap(&text, columns, theme.dim));
    }
    let height = usize::from(inner.height).saturating_sub(head.len() + foot.len());
    // The selected row whole on screen: its last line, and then its first.
    let first = rows.iter().position(|(i, _)| *i == selected).unwrap_or(0);
    let last = rows.iter().rposition(|(i, _)| *i == selected).unwrap_or(0);
    let offset = last.saturating_sub(height.saturating_sub(1)).min(first);
    let first_row = head.len();
    let mut lines = head;
    for (n, (i, line)) in rows.into_iter().skip(offset).take(height).enumerate() {
        if let Some(key) = keys.get(i) {
            hits.add(row_rect(inner, first_row + n), Hit::Path(key.clone()));
        }
        lines.push(line);
    }
    lines.extend(foot);
    frame.render_widget(Paragraph::new(lines), inner);
    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// The lower pane: what the selected grade (default: the next) asks that the current one
/// does not, with its conditions, and its years in full when the table is compact.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let a = &doc.analysis;
    let [top, bottom] = panes(area);
    let keys = path_rows(doc);
    let selected = doc.selected.path.index(&keys);
    let step = match selected {
        0 => a.trajectory.steps.first(),
        n => a.trajectory.steps.get(n - 1),
    };
    let carried = match (doc.profile.scale.accumulate.is_some(), lang) {
        (true, Lang::Ja) => format!("・{} 引き継ぎ", theme.glyphs.up),
        (true, Lang::En) => format!("; {} carried up", theme.glyphs.up),
        (false, _) => String::new(),
    };
    let title = match (crate::describe::scale_legend_short(&doc.profile, lang), lang) {
        (Some(legend), Lang::Ja) => format!("職級の違い（{legend}{carried}）"),
        (Some(legend), Lang::En) => format!("Grade difference ({legend}{carried})"),
        (None, _) => lang.pick("職級の違い", "Grade difference").to_string(),
    };
    let columns = usize::from(bottom.width.saturating_sub(2));
    let mut lines = Vec::new();
    let compact = Table::new(state, doc, usize::from(top.width.saturating_sub(2)), theme).compact;
    if let Some(step) = step.filter(|_| compact) {
        let text = format!(
            "{}: {} {}{}{} {}",
            step.grade_name,
            lang.pick("最短", "earliest"),
            full_year(state, step.earliest_fy),
            lang.pick("・", ", "),
            lang.pick("標準", "typical"),
            full_year(state, step.typical_fy)
        );
        lines.extend(theme.wrap(&text, columns, theme.accent));
    }
    // The document's conditions for the step into the selected grade (勤務評定, 試験 …).
    if let Some(step) = step.filter(|s| !s.conditions.is_empty()) {
        let text = format!(
            "{} {}",
            lang.pick("昇任の条件:", "Conditions:"),
            step.conditions.join(lang.pick("／", " / "))
        );
        lines.extend(theme.wrap(&text, columns, theme.accent));
    }
    let to = step.map(|s| s.grade.clone());
    match to.and_then(|to| grade_diff(&doc.profile, doc.plan.series_id(&doc.profile), &doc.plan.grade, &to)) {
        Some(diff) => {
            let heading = match lang {
                Lang::Ja => format!("{} が {} に比べて求めること", diff.to_name, diff.from_name),
                Lang::En => format!("What {} asks that {} does not", diff.to_name, diff.from_name),
            };
            lines.extend(theme.wrap(&heading, columns, theme.title));
            let mark = |e: Emphasis, l: Option<u8>, derived: &Option<String>, illustrative: bool| {
                crate::describe::level_cell(&doc.profile, l, e, illustrative && l.is_some(), derived.is_some(), lang)
            };
            let name_w = diff
                .changes
                .iter()
                .map(|row| theme.width(&row.competency_name) + 2)
                .max()
                .unwrap_or(0)
                .clamp(10, 32);
            let cells: Vec<(String, String)> = diff
                .changes
                .iter()
                .map(|row| {
                    (
                        mark(row.from_emphasis, row.from_level, &row.from_derived, row.illustrative),
                        mark(row.to_emphasis, row.to_level, &row.to_derived, row.illustrative),
                    )
                })
                .collect();
            // Each level column as wide as its widest cell (「記載なし」, "not stated").
            let level_w = cells
                .iter()
                .flat_map(|(from, to)| [theme.width(from), theme.width(to)])
                .max()
                .unwrap_or(0)
                .max(6)
                + 1;
            for (row, (from, to)) in diff.changes.iter().zip(&cells) {
                let prefix = format!(
                    "  {}{} {} {}",
                    theme.cell(&row.competency_name, name_w),
                    theme.cell(from, level_w),
                    theme.glyphs.right,
                    theme.cell(to, level_w),
                );
                let descriptor = row.to_descriptor.as_deref().unwrap_or("").replace('\n', " ");
                lines.extend(hanging(&prefix, &descriptor, columns, theme.text, theme));
            }
            if !diff.new_roles.is_empty() {
                lines.push(Line::styled(lang.pick("新たな役割:", "New roles:"), theme.accent));
                for role in &diff.new_roles {
                    lines.extend(hanging("・", role, columns, theme.text, theme));
                }
            }
            for legend in crate::describe::scale_legend(&doc.profile, lang) {
                lines.extend(theme.wrap(&legend, columns, theme.dim));
            }
        }
        None => lines.push(Line::from(Span::styled(
            lang.pick("（この職系の最上位です）", "(top of the ladder)"),
            theme.dim,
        ))),
    }
    Details {
        area: bottom,
        title,
        lines,
    }
}
