//! The Gaps view sorted self vs supervisor (本人と上司の差): the two levels and their
//! difference side by side, and below, for the selected competency, what each side wrote
//! (the period's notes, newest first, and the employee's undated 根拠).

use ratatui::layout::Rect;

use crate::engine::{Disagreement, Gap};
use crate::i18n::Lang;
use crate::model::NoteAuthor;
use crate::tui::state::Doc;
use crate::tui::theme::Theme;
use crate::tui::view::Details;

/// Columns of the 本人 and 上司 cells (「未評価」, 「段3」, 「unrated」).
const LEVEL_W: usize = 8;
/// Columns of the difference cell (「上司－本人」, 「+2 rungs」).
const DIFFERENCE_W: usize = 11;
/// Columns of the requirement's gap cell (the last column: its width only counts for the
/// name's share).
const GAP_W: usize = 4;
const MARK_W: usize = 5;

/// One row of the table: what the engine knows of the competency.
pub(super) struct Row<'a> {
    pub gap: Option<&'a Gap>,
    pub sides: Option<&'a Disagreement>,
}

/// The table's layout for this frame: the requirement column fits its widest cell, the
/// name takes what is left (up to 30 columns).
pub(super) struct Table {
    name_w: usize,
    required_w: usize,
    marks: bool,
}

impl Table {
    pub fn new(doc: &Doc, rows: &[Row<'_>], columns: usize, lang: Lang, theme: &Theme) -> Table {
        let marks = doc.profile.uses_marks();
        let required_w = rows
            .iter()
            .map(|r| theme.width(&required(doc, r.gap, lang)))
            .chain([theme.width(lang.pick("必要", "Req"))])
            .max()
            .unwrap_or(0)
            .max(5)
            + 1;
        let fixed = 2 + if marks { MARK_W } else { 0 } + required_w + 2 * LEVEL_W + DIFFERENCE_W + GAP_W;
        Table {
            name_w: columns.saturating_sub(fixed).clamp(10, 30),
            required_w,
            marks,
        }
    }

    pub fn header(&self, lang: Lang, theme: &Theme) -> String {
        format!(
            "  {}{}{}{}{}{}{}",
            theme.cell(lang.pick("能力", "Competency"), self.name_w),
            theme.cell(if self.marks { lang.pick("重点", "Mk") } else { "" }, self.mark_w()),
            theme.cell(lang.pick("必要", "Req"), self.required_w),
            theme.cell(lang.pick("本人", "Self"), LEVEL_W),
            theme.cell(lang.pick("上司", "Supv"), LEVEL_W),
            theme.cell(lang.pick("上司－本人", "Supv-Self"), DIFFERENCE_W),
            // 「差」 would read as the self-supervisor difference here: the shortfall to the
            // requirement is named as the bar's legend names it.
            lang.pick("不足", "Gap"),
        )
    }

    pub fn row(&self, doc: &Doc, id: &str, row: &Row<'_>, lang: Lang, theme: &Theme) -> String {
        let name = row
            .gap
            .map(|g| g.competency_name.as_str())
            .or(row.sides.map(|d| d.competency_name.as_str()))
            .unwrap_or_else(|| crate::describe::competency_name(&doc.profile, id));
        let mark = match row.gap {
            Some(g) if self.marks => super::emphasis_mark(g.emphasis, theme.glyphs),
            _ => "",
        };
        let level = |l: Option<u8>| {
            l.map_or_else(
                || lang.pick("未評価", "unrated").to_string(),
                |l| crate::describe::level_number(&doc.profile, l, lang),
            )
        };
        let (own, supervisor) = levels(row);
        let difference = row.sides.and_then(|d| d.difference).map_or_else(
            || "-".to_string(),
            |d| crate::describe::level_difference(&doc.profile, d, lang),
        );
        let gap = match row.gap {
            Some(g) => g.gap.map_or("?".to_string(), |n| n.to_string()),
            None => "-".to_string(),
        };
        format!(
            "{}{}{}{}{}{}{}",
            theme.cell(name, self.name_w),
            theme.cell(mark, self.mark_w()),
            theme.cell(&required(doc, row.gap, lang), self.required_w),
            theme.cell(&level(own), LEVEL_W),
            theme.cell(&level(supervisor), LEVEL_W),
            theme.cell(&difference, DIFFERENCE_W),
            gap,
        )
    }

    fn mark_w(&self) -> usize {
        if self.marks { MARK_W } else { 0 }
    }
}

/// The employee's and the supervisor's levels of a row.
fn levels(row: &Row<'_>) -> (Option<u8>, Option<u8>) {
    match (row.sides, row.gap) {
        (Some(d), _) => (d.own, d.supervisor),
        (None, Some(g)) => (g.current, g.supervisor),
        (None, None) => (None, None),
    }
}

/// The target grade's requirement as a cell, without its mark (the mark has a column):
/// 「5*」, 「段3↑」, or 「記載なし」 where the grade does not state the competency.
fn required(doc: &Doc, gap: Option<&Gap>, lang: Lang) -> String {
    let cell = match gap {
        Some(g) => crate::describe::level_cell(
            &doc.profile,
            Some(g.required),
            g.emphasis,
            g.illustrative,
            g.derived_from.is_some(),
            lang,
        ),
        None => crate::describe::level_cell(&doc.profile, None, crate::model::Emphasis::Unmarked, false, false, lang),
    };
    cell.trim_start_matches(['◎', '○', '・']).to_string()
}

/// The lower pane: both levels in the profile's words, then what each side wrote about the
/// selected competency.
pub(super) fn details(doc: &Doc, selected: Option<(&str, &Row<'_>)>, area: Rect, theme: &Theme, lang: Lang) -> Details {
    let title = match (crate::describe::scale_legend_short(&doc.profile, lang), lang) {
        (Some(legend), Lang::Ja) => format!("本人と上司の評価・メモ（新しい順・{legend}）"),
        (Some(legend), Lang::En) => format!("Self vs supervisor: notes newest first ({legend})"),
        (None, _) => lang
            .pick(
                "本人と上司の評価・メモ（新しい順）",
                "Self vs supervisor: notes newest first",
            )
            .to_string(),
    };
    // The border's corners and the title's spaces take four columns.
    let title = theme.cut(&title, usize::from(area.width).saturating_sub(4));
    let columns = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    if let Some((id, row)) = selected {
        // The name in full: the table cuts a long one.
        let name = crate::describe::competency_name(&doc.profile, id);
        lines.extend(theme.wrap(name, columns, theme.title));
        let (own, supervisor) = levels(row);
        let series = doc.plan.series_id(&doc.profile);
        let meaning = |level: Option<u8>| match (level, series) {
            (None, _) => lang.pick("未評価", "not assessed").to_string(),
            (Some(l), Some(series)) => crate::describe::level_meaning(&doc.profile, series, id, l, lang),
            (Some(l), None) => crate::describe::level_number(&doc.profile, l, lang),
        };
        for (who, level) in [
            (lang.pick("本人", "Self"), own),
            (lang.pick("上司", "Supervisor"), supervisor),
        ] {
            let text = format!("{who}: {}", meaning(level));
            lines.extend(theme.wrap(&text, columns, theme.accent));
        }
        let notes = crate::engine::competency_notes(&doc.plan, id);
        for note in &notes {
            let who = match note.author {
                NoteAuthor::Own => lang.pick("本人", "self"),
                NoteAuthor::Supervisor => lang.pick("上司", "supervisor"),
            };
            lines.extend(theme.wrap(&format!("{} {who}: {}", note.date, note.text), columns, theme.text));
        }
        let evidence = doc.plan.evidence.get(id).filter(|e| !e.trim().is_empty());
        if let Some(evidence) = evidence {
            let label = lang.pick("根拠（本人・日付なし）", "Evidence (self, undated)");
            lines.extend(theme.wrap(&format!("{label}: {evidence}"), columns, theme.text));
        }
        if notes.is_empty() && evidence.is_none() {
            lines.extend(theme.wrap(
                lang.pick(
                    "（この能力のメモと根拠はまだありません）",
                    "(no notes or evidence for this competency yet)",
                ),
                columns,
                theme.dim,
            ));
        }
    }
    for line in crate::describe::scale_legend(&doc.profile, lang) {
        lines.extend(theme.wrap(&line, columns, theme.dim));
    }
    Details { area, title, lines }
}
