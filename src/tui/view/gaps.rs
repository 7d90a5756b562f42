//! "Gaps": each competency's required and current level as bars, the gap, emphasis marks
//! and the supervisor's level; sortable and filterable; the selected row's descriptors and
//! source below. Readiness for the target grade at the top. Sorted self vs supervisor, the
//! table sets both levels side by side and the pane below shows each side's notes
//! ([`sides`]).

mod sides;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::engine::Gap;
use crate::i18n::Lang;
use crate::model::Emphasis;
use crate::tui::state::{Doc, GapFilter, GapSort, Hit, State, gap_rows};
use crate::tui::theme::{Glyphs, Theme};
use crate::tui::view::{Details, HitMap, block, draw_details, row_rect, scroll_offset};

/// The level bar: current level filled, the shortfall to the requirement shaded, the rest
/// of the scale dotted. Readable without colour: █ (#) have, ░ (-) missing, · (.) beyond.
pub fn bar(gap: &Gap, max: u8, glyphs: &Glyphs) -> String {
    let (have, miss, rest) = (glyphs.bar_have, glyphs.bar_missing, glyphs.bar_beyond);
    let current = gap.current.unwrap_or(0);
    (1..=max)
        .map(|level| {
            if level <= current {
                have
            } else if level <= gap.required {
                miss
            } else {
                rest
            }
        })
        .collect()
}

/// The table and the descriptor pane.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area)
}

/// The document's mark for an emphasis, as the theme draws it (「◎」, 「@」 in ASCII).
pub fn emphasis_mark(emphasis: Emphasis, glyphs: &Glyphs) -> &'static str {
    match emphasis {
        Emphasis::Key => glyphs.key_mark,
        Emphasis::Expected => glyphs.expected_mark,
        Emphasis::Unmarked => "",
    }
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let report = &doc.analysis.target;
    let target = doc
        .profile
        .grade(&report.grade)
        .map_or(report.grade.as_str(), |(_, g)| g.name.as_str());
    let [top, _] = panes(area);
    let no_table = !report.ability_table;
    // Sorted self vs supervisor, both figures in a line short enough for 80 columns.
    let mut readiness = (doc.gap_sort == GapSort::Disagreement)
        .then(|| crate::describe::readiness_both_ways(report, lang))
        .flatten()
        .unwrap_or_else(|| crate::describe::readiness_text(report, lang));
    if let Some(roles) = crate::tui::view::roles::roles_summary(doc, lang) {
        readiness.push_str(lang.pick("・", "; "));
        readiness.push_str(&roles);
    }
    let sort = match doc.gap_sort {
        GapSort::Emphasis => lang.pick("重点順", "by emphasis"),
        GapSort::Gap => lang.pick("差の大きい順", "by gap"),
        GapSort::Document => lang.pick("文書の順", "document order"),
        GapSort::Disagreement => lang.pick("本人と上司の差が大きい順", "by self-supervisor difference"),
    };
    let filter = match doc.gap_filter {
        GapFilter::All => lang.pick("すべて", "all"),
        GapFilter::WithGap => lang.pick("差のあるもの", "with a gap"),
        GapFilter::KeyOnly => lang.pick("◎のみ", "key only"),
    };
    let title = match lang {
        Lang::Ja => format!("目標 {target} との差  {sort}・{filter}"),
        Lang::En => format!("Gaps for {target}  {sort}, {filter}"),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let max = doc
        .profile
        .competencies
        .iter()
        .map(|c| *doc.profile.level_range(&c.id).end())
        .max()
        .unwrap_or(0);
    let bar_w = (usize::from(max) * theme.width(theme.glyphs.bar_have)).max(5);
    let name_w = columns.saturating_sub(bar_w + 30).clamp(10, 30);
    // Readiness on lines of its own, with its coverage: a title is cut at 80 columns.
    let mut lines = theme.wrap(&readiness, columns, theme.accent);
    let first_row = lines.len() + 1;
    let g = theme.glyphs;
    let header = Line::styled(
        theme.cut(
            &format!(
                "  {}{}{}{}{}{}{}",
                theme.cell(lang.pick("能力", "Competency"), name_w),
                theme.cell(
                    if doc.profile.uses_marks() {
                        lang.pick("重点", "Mk")
                    } else {
                        ""
                    },
                    5
                ),
                theme.cell(lang.pick("必要", "Req"), 6),
                theme.cell(lang.pick("本人", "Self"), 8),
                theme.cell(lang.pick("上司", "Supv"), 5),
                theme.cell(lang.pick("差", "Gap"), 4),
                match lang {
                    Lang::Ja => format!("本人 {} ／ 不足 {}", g.bar_have, g.bar_missing),
                    Lang::En => format!("have {} / missing {}", g.bar_have, g.bar_missing),
                }
            ),
            columns,
        ),
        theme.dim,
    );
    let by_id: std::collections::HashMap<&str, &Gap> = report.gaps.iter().map(|g| (g.competency.as_str(), g)).collect();
    let rows = gap_rows(doc);
    // Self vs supervisor: the rows as the engine compares both sides.
    let sides_by_id: std::collections::HashMap<&str, &crate::engine::Disagreement> = doc
        .analysis
        .disagreements
        .iter()
        .map(|d| (d.competency.as_str(), d))
        .collect();
    let side_row = |id: &str| sides::Row {
        gap: by_id.get(id).copied(),
        sides: sides_by_id.get(id).copied(),
    };
    // Without an ability table there is nothing to set side by side: the reason is shown.
    let sides_sort = doc.gap_sort == GapSort::Disagreement && !no_table;
    let side_rows: Vec<sides::Row<'_>> = if sides_sort {
        rows.iter().map(|id| side_row(id)).collect()
    } else {
        Vec::new()
    };
    let side_table = sides_sort.then(|| sides::Table::new(doc, &side_rows, columns, lang, theme));
    if let Some(table) = &side_table {
        lines.push(Line::styled(theme.cut(&table.header(lang, theme), columns), theme.dim));
    } else if !no_table {
        lines.push(header);
    }
    let selected = doc.selected.gaps.index(&rows);
    let height = usize::from(inner.height).saturating_sub(first_row);
    let offset = scroll_offset(selected, height);
    for (n, (pos, id)) in rows.iter().enumerate().skip(offset).take(height).enumerate() {
        if let (Some(table), Some(row)) = (&side_table, side_rows.get(pos)) {
            hits.add(row_rect(inner, n + first_row), Hit::Gap(id.clone()));
            let text = table.row(doc, id, row, lang, theme);
            let style = if pos == selected { theme.selected } else { theme.text };
            lines.push(Line::styled(theme.marked(&text, pos == selected, columns), style));
            continue;
        }
        let Some(gap) = by_id.get(id.as_str()) else { continue };
        let g = *gap;
        hits.add(row_rect(inner, n + first_row), Hit::Gap(id.clone()));
        let required = crate::describe::level_cell(
            &doc.profile,
            Some(g.required),
            g.emphasis,
            g.illustrative,
            g.derived_from.is_some(),
            lang,
        );
        let required = required.trim_start_matches(['◎', '○', '・']).to_string();
        let number = |l: u8| crate::describe::level_number(&doc.profile, l, lang);
        let current = g
            .current
            .map_or_else(|| lang.pick("未評価", "unrated").to_string(), number);
        let supervisor = g.supervisor.map_or("-".to_string(), number);
        let gap = g.gap.map_or("?".to_string(), |n| n.to_string());
        let text = format!(
            "{}{}{}{}{}{}{}",
            theme.cell(&g.competency_name, name_w),
            theme.cell(
                if doc.profile.uses_marks() {
                    emphasis_mark(g.emphasis, theme.glyphs)
                } else {
                    ""
                },
                5
            ),
            theme.cell(&required, 6),
            theme.cell(&current, 8),
            theme.cell(&supervisor, 5),
            theme.cell(&gap, 4),
            bar(g, max, theme.glyphs)
        );
        let style = if pos == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(theme.marked(&text, pos == selected, columns), style));
    }
    let empty = if no_table {
        Some(lang.pick(
            "（文書に能力表なし: 能力の差は示しません。6 役割の確認が目安です）",
            "(the document has no ability table: no gaps; see 6 Roles)",
        ))
    } else if report.gaps.is_empty() {
        Some(lang.pick(
            "（文書はこの職級の能力の段階を示していません。6 役割の確認が目安です）",
            "(the document states no ability levels for this grade: see 6 Roles)",
        ))
    } else if rows.is_empty() {
        Some(lang.pick(
            "（該当する能力はありません。f で絞り込みを切替）",
            "(nothing matches: f changes the filter)",
        ))
    } else {
        None
    };
    if let Some(empty) = empty {
        lines.extend(theme.wrap(empty, columns, theme.dim));
    }
    // The competencies the grade does not state, under the table where they fit whole (and
    // at the end of the details pane always).
    if let Some(text) = not_stated(doc, lang) {
        let wrapped = theme.wrap(&text, columns, theme.dim);
        if lines.len() + wrapped.len() <= usize::from(inner.height) {
            lines.extend(wrapped);
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// 「記載なし（この職級の要件ではない）: …」, where the target grade leaves some out.
fn not_stated(doc: &Doc, lang: Lang) -> Option<String> {
    let report = &doc.analysis.target;
    if report.not_stated.is_empty() {
        return None;
    }
    let names: Vec<&str> = report.not_stated.iter().map(|n| n.competency_name.as_str()).collect();
    Some(match lang {
        Lang::Ja => format!("記載なし（この職級の要件ではない）: {}", names.join("・")),
        Lang::En => format!("Not stated (no requirement at this grade): {}", names.join(", ")),
    })
}

/// The lower pane: the selected competency's descriptors for the current and the target
/// grade with their source (or, sorted self vs supervisor, what each side wrote).
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let report = &doc.analysis.target;
    let target = doc
        .profile
        .grade(&report.grade)
        .map_or(report.grade.as_str(), |(_, g)| g.name.as_str());
    let [_, bottom] = panes(area);
    let no_table = !report.ability_table;
    let rows = gap_rows(doc);
    let selected = doc.selected.gaps.index(&rows);
    if doc.gap_sort == GapSort::Disagreement && !no_table {
        let by_id: std::collections::HashMap<&str, &Gap> =
            report.gaps.iter().map(|g| (g.competency.as_str(), g)).collect();
        let sides = doc
            .analysis
            .disagreements
            .iter()
            .find(|d| Some(&d.competency) == rows.get(selected));
        let row = rows.get(selected).map(|id| {
            (
                id.as_str(),
                sides::Row {
                    gap: by_id.get(id.as_str()).copied(),
                    sides,
                },
            )
        });
        let mut details = sides::details(doc, row.as_ref().map(|(id, r)| (*id, r)), bottom, theme, lang);
        if let Some(text) = not_stated(doc, lang) {
            details
                .lines
                .extend(theme.wrap(&text, usize::from(bottom.width.saturating_sub(2)), theme.dim));
        }
        return details;
    }
    let by_id: std::collections::HashMap<&str, &Gap> = report.gaps.iter().map(|g| (g.competency.as_str(), g)).collect();
    let detail_title = match crate::describe::scale_legend_short(&doc.profile, lang) {
        Some(legend) => match lang {
            Lang::Ja => format!("記述と出典（{legend}）"),
            Lang::En => format!("Descriptors and source ({legend})"),
        },
        None => lang.pick("記述と出典", "Descriptors and source").to_string(),
    };
    let columns = usize::from(bottom.width.saturating_sub(2));
    let mut lines = Vec::new();
    if let Some(g) = rows.get(selected).and_then(|id| by_id.get(id.as_str())) {
        // The name in full: the table cuts a long one.
        lines.extend(theme.wrap(&g.competency_name, columns, theme.title));
        let current_grade = doc.profile.grade(&doc.plan.grade).map_or("", |(_, g)| g.name.as_str());
        lines.extend(theme.wrap(&format!("{current_grade}: "), columns, theme.accent));
        lines.extend(
            theme.wrap(
                g.current_descriptor
                    .as_deref()
                    .unwrap_or(lang.pick("（記述なし）", "(none)")),
                columns,
                theme.text,
            ),
        );
        if let (Some(level), Some(series)) = (g.current, doc.plan.series_id(&doc.profile)) {
            let meaning = crate::describe::level_meaning(&doc.profile, series, &g.competency, level, lang);
            lines.extend(theme.wrap(
                &format!("{} {meaning}", lang.pick("本人の評価:", "Self:")),
                columns,
                theme.accent,
            ));
        }
        let carried = match (&g.derived_from, lang) {
            (Some(from), Lang::Ja) => format!("（{from} の要件を引き継ぎ）"),
            (Some(from), Lang::En) => format!(" (carried up from {from})"),
            (None, _) => String::new(),
        };
        lines.extend(theme.wrap(&format!("{target}{carried}: "), columns, theme.accent));
        lines.extend(
            theme.wrap(
                g.target_descriptor
                    .as_deref()
                    .unwrap_or(lang.pick("（記述なし）", "(none)")),
                columns,
                theme.text,
            ),
        );
        let source = g
            .source
            .as_deref()
            .unwrap_or(lang.pick("文書に定めなし", "not set by the document"));
        lines.extend(theme.wrap(
            &format!("{} {source}", lang.pick("出典:", "Source:")),
            columns,
            theme.dim,
        ));
    }
    if no_table {
        lines.extend(theme.wrap(
            lang.pick(
                "文書に能力表がないため、能力の差と準備度は示しません。役割の確認（6）が目安です。",
                "The document has no ability table, so there are no gaps and no readiness figure; the roles checklist (6) is the signal.",
            ),
            columns,
            theme.warn,
        ));
    } else if doc.analysis.target.readiness.is_none() {
        lines.extend(theme.wrap(
            lang.pick(
                "文書は目標の職級に求める能力の段階を示していないため、準備度は示せません。役割の確認（6）が目安です。",
                "The document sets no ability levels for the target grade, so there is no readiness figure; the roles checklist (6) is the signal.",
            ),
            columns,
            theme.warn,
        ));
    }
    for line in crate::describe::scale_legend(&doc.profile, lang) {
        lines.extend(theme.wrap(&line, columns, theme.dim));
    }
    if let Some(text) = not_stated(doc, lang) {
        lines.extend(theme.wrap(&text, columns, theme.dim));
    }
    Details {
        area: bottom,
        title: detail_title,
        lines,
    }
}
