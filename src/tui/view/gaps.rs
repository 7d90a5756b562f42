//! "Gaps": each competency's required and current level as bars, the gap, emphasis marks
//! and the supervisor's level; sortable and filterable; the selected row's descriptors and
//! source below. Readiness for the target grade at the top. Sorted self vs supervisor, the
//! table sets both levels side by side and the pane below shows each side's notes
//! ([`sides`]).

mod sides;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::Gap;
use crate::i18n::Lang;
use crate::text::truncate;
use crate::tui::state::{Doc, GapFilter, GapSort, Hit, State, gap_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, cell, marked, row_rect, scroll_offset, wrapped};

/// The level bar: current level filled, the shortfall to the requirement shaded, the rest
/// of the scale dotted. Readable without colour: █ (#) have, ░ (-) missing, · (.) beyond.
pub fn bar(gap: &Gap, max: u8, ascii: bool) -> String {
    let (have, miss, rest) = if ascii { ('#', '-', '.') } else { ('█', '░', '·') };
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

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let report = &doc.analysis.target;
    let target = doc
        .profile
        .grade(&report.grade)
        .map_or(report.grade.as_str(), |(_, g)| g.name.as_str());
    let [top, bottom] = panes(area);
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
    let bar_w = usize::from(max).max(5);
    let name_w = columns.saturating_sub(bar_w + 30).clamp(10, 30);
    // Readiness on a line of its own, with its coverage: a title is cut at 80 columns.
    let mut lines = vec![Line::styled(truncate(&readiness, columns), theme.accent)];
    let header = Line::styled(
        truncate(
            &format!(
                "  {}{}{}{}{}{}{}",
                cell(lang.pick("能力", "Competency"), name_w),
                cell(
                    if doc.profile.uses_marks() {
                        lang.pick("重点", "Mk")
                    } else {
                        ""
                    },
                    5
                ),
                cell(lang.pick("必要", "Req"), 6),
                cell(lang.pick("本人", "Self"), 8),
                cell(lang.pick("上司", "Supv"), 5),
                cell(lang.pick("差", "Gap"), 4),
                lang.pick("本人 █ ／ 不足 ░", "have █ / missing ░")
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
    let side_table = sides_sort.then(|| sides::Table::new(doc, &side_rows, columns, lang));
    if let Some(table) = &side_table {
        lines.push(Line::styled(truncate(&table.header(lang), columns), theme.dim));
    } else if !no_table {
        lines.push(header);
    }
    let selected = doc.selected.gaps.index(&rows);
    let height = usize::from(inner.height).saturating_sub(2);
    let offset = scroll_offset(selected, height);
    for (n, (pos, id)) in rows.iter().enumerate().skip(offset).take(height).enumerate() {
        if let (Some(table), Some(row)) = (&side_table, side_rows.get(pos)) {
            hits.add(row_rect(inner, n + 2), Hit::Gap(id.clone()));
            let text = table.row(doc, id, row, lang);
            let style = if pos == selected { theme.selected } else { theme.text };
            lines.push(Line::styled(marked(&text, pos == selected, columns, theme), style));
            continue;
        }
        let Some(g) = by_id.get(id.as_str()) else { continue };
        hits.add(row_rect(inner, n + 2), Hit::Gap(id.clone()));
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
            cell(&g.competency_name, name_w),
            cell(
                if doc.profile.uses_marks() {
                    g.emphasis.mark()
                } else {
                    ""
                },
                5
            ),
            cell(&required, 6),
            cell(&current, 8),
            cell(&supervisor, 5),
            cell(&gap, 4),
            bar(g, max, state.ui.ascii)
        );
        let style = if pos == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(marked(&text, pos == selected, columns, theme), style));
    }
    if no_table {
        lines.push(Line::styled(
            lang.pick(
                "（文書に能力表なし: 能力の差は示しません。6 役割の確認が目安です）",
                "(the document has no ability table: no gaps; see 6 Roles)",
            ),
            theme.dim,
        ));
    } else if report.gaps.is_empty() {
        lines.push(Line::styled(
            lang.pick(
                "（文書はこの職級の能力の段階を示していません。6 役割の確認が目安です）",
                "(the document states no ability levels for this grade: see 6 Roles)",
            ),
            theme.dim,
        ));
    } else if rows.is_empty() {
        lines.push(Line::styled(
            lang.pick(
                "（該当する能力はありません。f で絞り込みを切替）",
                "(nothing matches: f changes the filter)",
            ),
            theme.dim,
        ));
    }
    if !report.not_stated.is_empty() && lines.len() < usize::from(inner.height) {
        let names: Vec<&str> = report.not_stated.iter().map(|n| n.competency_name.as_str()).collect();
        let text = match lang {
            Lang::Ja => format!("記載なし（この職級の要件ではない）: {}", names.join("・")),
            Lang::En => format!("Not stated (no requirement at this grade): {}", names.join(", ")),
        };
        lines.push(Line::styled(truncate(&text, columns), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    if side_table.is_some() {
        let row = rows.get(selected).zip(side_rows.get(selected));
        sides::detail(frame, doc, row.map(|(id, r)| (id.as_str(), r)), bottom, theme, lang);
        return;
    }
    let detail_title = match crate::describe::scale_legend_short(&doc.profile, lang) {
        Some(legend) => match lang {
            Lang::Ja => format!("記述と出典（{legend}）"),
            Lang::En => format!("Descriptors and source ({legend})"),
        },
        None => lang.pick("記述と出典", "Descriptors and source").to_string(),
    };
    let detail = block(&detail_title, theme);
    let detail_inner = detail.inner(bottom);
    frame.render_widget(detail, bottom);
    let columns = usize::from(detail_inner.width);
    let mut lines = Vec::new();
    if let Some(g) = rows.get(selected).and_then(|id| by_id.get(id.as_str())) {
        let current_grade = doc.profile.grade(&doc.plan.grade).map_or("", |(_, g)| g.name.as_str());
        lines.push(Line::from(vec![Span::styled(
            format!("{current_grade}: "),
            theme.accent,
        )]));
        lines.extend(wrapped(
            g.current_descriptor
                .as_deref()
                .unwrap_or(lang.pick("（記述なし）", "(none)")),
            columns,
            theme.text,
        ));
        if let (Some(level), Some(series)) = (g.current, doc.plan.series_id(&doc.profile)) {
            let meaning = crate::describe::level_meaning(&doc.profile, series, &g.competency, level, lang);
            lines.push(Line::styled(
                truncate(&format!("{} {meaning}", lang.pick("本人の評価:", "Self:")), columns),
                theme.accent,
            ));
        }
        let carried = match (&g.derived_from, lang) {
            (Some(from), Lang::Ja) => format!("（{from} の要件を引き継ぎ）"),
            (Some(from), Lang::En) => format!(" (carried up from {from})"),
            (None, _) => String::new(),
        };
        lines.push(Line::from(vec![Span::styled(
            format!("{target}{carried}: "),
            theme.accent,
        )]));
        lines.extend(wrapped(
            g.target_descriptor
                .as_deref()
                .unwrap_or(lang.pick("（記述なし）", "(none)")),
            columns,
            theme.text,
        ));
        let source = g
            .source
            .as_deref()
            .unwrap_or(lang.pick("文書に定めなし", "not set by the document"));
        lines.push(Line::styled(
            truncate(&format!("{} {source}", lang.pick("出典:", "Source:")), columns),
            theme.dim,
        ));
    }
    if no_table {
        lines.extend(wrapped(
            lang.pick(
                "文書に能力表がないため、能力の差と準備度は示しません。役割の確認（6）が目安です。",
                "The document has no ability table, so there are no gaps and no readiness figure; the roles checklist (6) is the signal.",
            ),
            columns,
            theme.warn,
        ));
    } else if doc.analysis.target.readiness.is_none() {
        lines.extend(wrapped(
            lang.pick(
                "文書は目標の職級に求める能力の段階を示していないため、準備度は示せません。役割の確認（6）が目安です。",
                "The document sets no ability levels for the target grade, so there is no readiness figure; the roles checklist (6) is the signal.",
            ),
            columns,
            theme.warn,
        ));
    }
    for line in crate::describe::scale_legend(&doc.profile, lang) {
        lines.extend(wrapped(&line, columns, theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), detail_inner);
}
