//! "Path": the grade ladder with the employee's position, earliest and typical years,
//! exams, illustrative figures, the retirement and 役職定年 lines, and what the selected
//! grade asks that the current one does not.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::grade_diff;
use crate::model::{Emphasis, fiscal_year_label};
use crate::text::truncate;
use crate::tui::state::{Doc, Hit, State, path_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, cell, marked, row_rect, scroll_offset, wrapped};

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let a = &doc.analysis;
    let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
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
    let fy = |y| fiscal_year_label(y, lang);
    let year = |y| crate::describe::step_year(y, lang);
    // A year column fits its widest cell: 「在級年数の定めなし」 where no years are stated.
    let year_w = a
        .trajectory
        .steps
        .iter()
        .flat_map(|s| [s.earliest_fy, s.typical_fy])
        .map(|y| crate::text::width(&year(y)) + 2)
        .fold(22, usize::max);
    // 役職定年 is told only where a grade of the plan's ladder is subject to it.
    let limited = doc
        .profile
        .ladder_has_management_limit(doc.plan.series_id(&doc.profile));
    let r = &a.retirement;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(lang.pick("定年 ", "Retirement "), theme.accent),
            Span::raw(format!("{}{} {} ", r.age, lang.pick("歳", ""), r.date)),
            Span::styled(lang.pick("  役職定年 ", "  Management posts until "), theme.accent),
            Span::raw(match limited {
                true => format!("{}", r.management_post_until),
                false => lang.pick("対象の職級なし", "no grade subject").to_string(),
            }),
            Span::styled(
                if doc.profile.courses.is_empty() {
                    ""
                } else {
                    lang.pick("  コース ", "  Course ")
                },
                theme.accent,
            ),
            Span::raw(crate::describe::course_label(&doc.profile, &doc.plan, lang)),
        ]),
        Line::styled(
            format!(
                "  {}{}{}{}",
                cell(lang.pick("職級", "Grade"), 20),
                cell(lang.pick("最短", "Earliest"), year_w),
                cell(lang.pick("標準", "Typical"), year_w),
                lang.pick("備考", "Notes")
            ),
            theme.dim,
        ),
    ];
    let current = doc.profile.grade(&doc.plan.grade).map_or("", |(_, g)| g.name.as_str());
    let mut rows = vec![format!(
        "{}{}{}",
        cell(&format!("● {current}"), 20),
        cell(
            &format!("{} {}", lang.pick("現在", "now"), doc.plan.grade_since),
            2 * year_w
        ),
        lang.pick("（現在の職級）", "(current grade)")
    )];
    for s in &a.trajectory.steps {
        let mut notes = Vec::new();
        if s.grade == doc.plan.target_grade {
            notes.push(lang.pick("◀ 目標", "◀ target").to_string());
        }
        notes.extend(crate::describe::step_notes(&doc.profile, s, lang));
        rows.push(format!(
            "{}{}{}{}",
            cell(&format!("  {}", s.grade_name), 20),
            cell(&year(s.earliest_fy), year_w),
            cell(&year(s.typical_fy), year_w),
            notes.join("・")
        ));
    }
    let keys = path_rows(doc);
    let selected = doc.selected.path.index(&keys);
    // The legend of an assumption in years sits under the ladder, with room kept for it.
    let legend = match crate::describe::promotion_assumption_legend(&doc.profile, lang) {
        Some(text) if a.trajectory.steps.iter().any(|s| s.assumed_by.is_some()) => wrapped(&text, columns, theme.dim),
        _ => Vec::new(),
    };
    let height = usize::from(inner.height).saturating_sub(lines.len() + 1 + legend.len());
    let offset = scroll_offset(selected, height);
    let first_row = lines.len();
    for (n, (i, row)) in rows.iter().enumerate().skip(offset).take(height).enumerate() {
        let style = if i == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(marked(row, i == selected, columns, theme), style));
        if let Some(key) = keys.get(i) {
            hits.add(row_rect(inner, first_row + n), Hit::Path(key.clone()));
        }
    }
    let limit = if limited {
        format!(
            "  ─ {} {}（{}）",
            lang.pick("役職定年", "役職定年"),
            r.management_post_until,
            fy(r.last_management_fiscal_year())
        )
    } else {
        String::new()
    };
    lines.push(Line::styled(
        truncate(
            &format!("{limit}  ─ {} {}", lang.pick("定年退職", "retirement"), r.date),
            columns,
        ),
        theme.warn,
    ));
    lines.extend(legend);
    frame.render_widget(Paragraph::new(lines), inner);

    // What the selected grade (default: the next) asks that the current one does not.
    let to = match selected {
        0 => a.trajectory.steps.first().map(|s| s.grade.clone()),
        n => a.trajectory.steps.get(n - 1).map(|s| s.grade.clone()),
    };
    let carried = match (doc.profile.scale.accumulate.is_some(), lang) {
        (true, crate::i18n::Lang::Ja) => "・↑ 引き継ぎ",
        (true, crate::i18n::Lang::En) => "; ↑ carried up",
        (false, _) => "",
    };
    let title = match (crate::describe::scale_legend_short(&doc.profile, lang), lang) {
        (Some(legend), crate::i18n::Lang::Ja) => format!("職級の違い（{legend}{carried}）"),
        (Some(legend), crate::i18n::Lang::En) => format!("Grade difference ({legend}{carried})"),
        (None, _) => lang.pick("職級の違い", "Grade difference").to_string(),
    };
    let diff_block = block(&title, theme);
    let diff_inner = diff_block.inner(bottom);
    frame.render_widget(diff_block, bottom);
    let columns = usize::from(diff_inner.width);
    let mut lines = Vec::new();
    // The document's conditions for the step into the selected grade (勤務評定, 試験 …).
    if let Some(step) = to
        .as_deref()
        .and_then(|to| a.trajectory.steps.iter().find(|s| s.grade == to))
        .filter(|s| !s.conditions.is_empty())
    {
        let text = format!(
            "{} {}",
            lang.pick("昇任の条件:", "Conditions:"),
            step.conditions.join(lang.pick("／", " / "))
        );
        lines.extend(crate::tui::view::wrapped(&text, columns, theme.accent));
    }
    match to.and_then(|to| grade_diff(&doc.profile, doc.plan.series_id(&doc.profile), &doc.plan.grade, &to)) {
        Some(diff) => {
            lines.push(Line::styled(
                match lang {
                    crate::i18n::Lang::Ja => format!("{} が {} に比べて求めること", diff.to_name, diff.from_name),
                    crate::i18n::Lang::En => format!("What {} asks that {} does not", diff.to_name, diff.from_name),
                },
                theme.title,
            ));
            let mark = |e: Emphasis, l: Option<u8>, derived: &Option<String>, illustrative: bool| {
                crate::describe::level_cell(&doc.profile, l, e, illustrative && l.is_some(), derived.is_some(), lang)
            };
            for row in &diff.changes {
                let text = format!(
                    "  {}{} → {} {}",
                    cell(&row.competency_name, 24),
                    cell(
                        &mark(row.from_emphasis, row.from_level, &row.from_derived, row.illustrative),
                        8
                    ),
                    cell(
                        &mark(row.to_emphasis, row.to_level, &row.to_derived, row.illustrative),
                        8
                    ),
                    row.to_descriptor.as_deref().unwrap_or("").replace('\n', " ")
                );
                lines.push(Line::raw(truncate(&text, columns)));
            }
            if !diff.new_roles.is_empty() {
                lines.push(Line::styled(lang.pick("新たな役割:", "New roles:"), theme.accent));
                for role in &diff.new_roles {
                    lines.extend(wrapped(&format!("・{role}"), columns, theme.text));
                }
            }
        }
        None => lines.push(Line::styled(
            lang.pick("（この職系の最上位です）", "(top of the ladder)"),
            theme.dim,
        )),
    }
    frame.render_widget(Paragraph::new(lines), diff_inner);
}
