//! "Rotation": the postings as a timeline over department families, what each rule asks
//! within its window, what is missing, and the family suggested next.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::engine::RuleStatus;
use crate::tui::state::{Doc, Hit, State};
use crate::tui::theme::Theme;
use crate::tui::view::{Details, HitMap, block, draw_details, hanging, row_rect, scroll_offset};

/// The timeline with the postings, and the rules with the findings.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let r = &doc.analysis.rotation;
    let [top, _] = panes(area);
    let outer = block(
        lang.pick(
            "配属の推移（系統ごと・1文字＝1年度）",
            "Postings over time (per family, one column a year)",
        ),
        theme,
    );
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let first_fy = doc.plan.hire_date.fiscal_year();
    let last_fy = state.today.fiscal_year();
    let label_w = 16;
    // A year is a column, or two where the bar glyph is laid out two columns wide.
    let year_w = theme.width(theme.glyphs.bar_have).max(1);
    let span = usize::try_from(last_fy - first_fy + 1)
        .unwrap_or(1)
        .clamp(1, (columns.saturating_sub(label_w + 1) / year_w).max(1));
    let start_fy = last_fy - span as i32 + 1;
    let window_end = r
        .rules
        .iter()
        .find_map(|rule| rule.window_end)
        .map(|end| end.fiscal_year());
    let families: Vec<(Option<String>, String)> = doc
        .profile
        .rotation
        .iter()
        .flat_map(|rot| rot.families.iter().map(|f| (Some(f.id.clone()), f.name.clone())))
        .collect();
    // Postings whose family is not told: "unknown" where the profile has families, plain
    // "postings" where the document sets none.
    let rest = if families.is_empty() {
        lang.pick("配属", "postings")
    } else {
        lang.pick("系統不明", "unknown")
    };
    let families: Vec<(Option<String>, String)> = families
        .into_iter()
        .chain(std::iter::once((None, rest.to_string())))
        .collect();
    let g = theme.glyphs;
    let (have, none, window) = (g.bar_have, g.bar_beyond, g.window_end);
    let mut lines = vec![Line::styled(
        theme.cut(
            &format!(
                "{}{} {} {}",
                theme.cell("", label_w),
                start_fy,
                g.right,
                lang.pick("今年度", "this year")
            ),
            columns,
        ),
        theme.dim,
    )];
    // Which years each family was served, from one pass over the postings (not a scan of
    // every posting per family and year).
    let family_row: std::collections::HashMap<Option<&str>, usize> = families
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_deref(), i))
        .collect();
    let mut served_by_family = vec![vec![false; span]; families.len()];
    for p in &r.postings {
        let unknown = families.len().saturating_sub(1);
        let row = family_row.get(&p.family.as_deref()).copied().unwrap_or(unknown);
        let from = p.from.fiscal_year().max(start_fy);
        let to = p.to.map_or(last_fy, |t| t.fiscal_year()).min(last_fy);
        if let Some(years) = served_by_family.get_mut(row) {
            for fy in from..=to {
                if let Some(cell) = usize::try_from(fy - start_fy).ok().and_then(|i| years.get_mut(i)) {
                    *cell = true;
                }
            }
        }
    }
    for ((id, name), served) in families.iter().zip(&served_by_family) {
        if id.is_none() && !served.contains(&true) {
            continue;
        }
        let track: String = (start_fy..=last_fy)
            .zip(served.iter())
            .map(|(fy, s)| {
                if *s {
                    have
                } else if Some(fy) == window_end {
                    window
                } else {
                    none
                }
            })
            .collect();
        lines.push(Line::raw(
            theme.cut(&format!("{}{track}", theme.cell(name, label_w)), columns),
        ));
    }
    lines.push(Line::from(""));
    // The postings scroll by their selection under the timeline (a name cut short shows
    // in full where Enter edits it).
    let keys: Vec<usize> = (0..r.postings.len()).collect();
    let selected = doc.selected.rotation.index(&keys);
    let first_row = lines.len();
    let height = usize::from(inner.height).saturating_sub(first_row).max(1);
    let offset = scroll_offset(selected, height);
    for (n, (i, p)) in r.postings.iter().enumerate().skip(offset).take(height).enumerate() {
        hits.add(row_rect(inner, first_row + n), Hit::Rotation(i));
        let text = posting_text(p, lang, theme);
        let style = if i == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(theme.marked(&text, i == selected, columns), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// A posting as a row: its dates, its department and its years.
fn posting_text(p: &crate::engine::rotation::Posting, lang: crate::i18n::Lang, theme: &Theme) -> String {
    let to =
        p.to.map_or_else(|| lang.pick("現在", "now").to_string(), |d| d.to_string());
    format!(
        "{} ～ {}  {} ({:.1}{})",
        p.from,
        theme.cell(&to, 10),
        p.department_name,
        p.years,
        lang.pick("年", "y")
    )
}

/// The lower pane: what to do next, where each rule stands, the findings, and the rules'
/// own words — longer than the pane at 80×24, so it scrolls.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let r = &doc.analysis.rotation;
    let [_, bottom] = panes(area);
    let columns = usize::from(bottom.width.saturating_sub(2));
    let family_name = |id: &str| crate::describe::family_label(&doc.profile, id, lang);
    let mut lines = Vec::new();
    // The selected posting in full, where its row above is cut.
    let keys: Vec<usize> = (0..r.postings.len()).collect();
    if let Some(p) = r.postings.get(doc.selected.rotation.index(&keys)) {
        let text = posting_text(p, lang, theme);
        if theme.width(&text) + theme.width(theme.glyphs.selected) > columns {
            lines.extend(theme.wrap(&text, columns, theme.accent));
        }
    }
    // What to do next first, then where each rule stands, then the findings, and the rules'
    // own words last: at 80×24 the pane shows the first lines.
    let names = |ids: &[String]| ids.iter().map(|f| family_name(f)).collect::<Vec<_>>().join("・");
    if let Some(next) = &r.next {
        for (i, line) in crate::describe::next_post_lines(&doc.profile, next, lang)
            .iter()
            .enumerate()
        {
            let style = if i == 0 { theme.good } else { theme.text };
            lines.extend(theme.wrap(line, columns, style));
        }
    }
    if !r.missing.is_empty() {
        lines.extend(theme.wrap(
            &format!("{} {}", lang.pick("未経験の系統:", "Missing:"), names(&r.missing)),
            columns,
            theme.warn,
        ));
    }
    for rule in &r.rules {
        let status = crate::describe::rule_status(rule.status, lang);
        let example = if rule.illustrative {
            lang.pick("・期間や数は例示", ", figures illustrative")
        } else {
            ""
        };
        lines.extend(theme.wrap(
            &format!("{status}  {}{example}", crate::describe::rule_window(rule, lang)),
            columns,
            if matches!(rule.status, RuleStatus::NotMet | RuleStatus::Broken) {
                theme.warn
            } else {
                theme.accent
            },
        ));
        if let Some(progress) = crate::describe::rule_progress(&doc.profile, rule, lang) {
            lines.extend(theme.wrap(&progress, columns, theme.text));
        }
    }
    if doc
        .profile
        .rotation
        .as_ref()
        .is_some_and(|rot| !rot.families.is_empty())
    {
        lines.extend(theme.wrap(
            &format!("{} {}", lang.pick("経験した系統:", "Served:"), names(&r.covered)),
            columns,
            theme.text,
        ));
    }
    for f in &r.findings {
        lines.extend(hanging(
            "・",
            &crate::describe::finding_text(f, lang),
            columns,
            theme.dim,
            theme,
        ));
    }
    for rule in &r.rules {
        lines.extend(theme.wrap(&rule.text, columns, theme.dim));
        if let Some(strength) = crate::describe::rule_strength(rule, lang) {
            lines.extend(theme.wrap(&strength, columns, theme.dim));
        }
    }
    if let Some(statement) = &r.statement {
        lines.extend(theme.wrap(lang.pick("文書の記述:", "The document says:"), columns, theme.accent));
        lines.extend(theme.wrap(
            &format!("「{}」（{}）", statement.text, statement.source),
            columns,
            theme.text,
        ));
    }
    Details {
        area: bottom,
        title: lang.pick("規則と所見", "Rules and findings").to_string(),
        lines,
    }
}
