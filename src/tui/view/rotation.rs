//! "Rotation": the postings as a timeline over department families, what each rule asks
//! within its window, what is missing, and the family suggested next.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::engine::RuleStatus;
use crate::text::truncate;
use crate::tui::state::{Doc, Hit, State};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, cell, marked, row_rect, wrapped};

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let r = &doc.analysis.rotation;
    let [top, bottom] = Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
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
    let span = usize::try_from(last_fy - first_fy + 1)
        .unwrap_or(1)
        .clamp(1, columns.saturating_sub(label_w + 1).max(1));
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
    let (have, none, window) = if state.ui.ascii {
        ('#', '.', '|')
    } else {
        ('█', '·', '┆')
    };
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "{}{}{}",
                cell("", label_w),
                start_fy,
                lang.pick(" → 今年度", " → this year")
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
        lines.push(Line::raw(truncate(&format!("{}{track}", cell(name, label_w)), columns)));
    }
    lines.push(Line::from(""));
    let keys: Vec<usize> = (0..r.postings.len()).collect();
    let selected = doc.selected.rotation.index(&keys);
    for (i, p) in r.postings.iter().enumerate() {
        hits.add(row_rect(inner, lines.len()), Hit::Rotation(i));
        let to =
            p.to.map_or_else(|| lang.pick("現在", "now").to_string(), |d| d.to_string());
        let text = format!(
            "{} ～ {}  {} ({:.1}{})",
            p.from,
            cell(&to, 10),
            p.department_name,
            p.years,
            lang.pick("年", "y")
        );
        let style = if i == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(marked(&text, i == selected, columns, theme), style));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let rules = block(lang.pick("規則と所見", "Rules and findings"), theme);
    let rules_inner = rules.inner(bottom);
    frame.render_widget(rules, bottom);
    let columns = usize::from(rules_inner.width);
    let family_name = |id: &str| crate::describe::family_label(&doc.profile, id, lang);
    // What to do next first, then where each rule stands, then the findings, and the rules'
    // own words last: at 80×24 the pane shows the first lines.
    let mut lines = Vec::new();
    let names = |ids: &[String]| ids.iter().map(|f| family_name(f)).collect::<Vec<_>>().join("・");
    if let Some(next) = &r.next {
        for (i, line) in crate::describe::next_post_lines(&doc.profile, next, lang)
            .iter()
            .enumerate()
        {
            let style = if i == 0 { theme.good } else { theme.text };
            lines.extend(wrapped(line, columns, style));
        }
    }
    if !r.missing.is_empty() {
        lines.push(Line::styled(
            truncate(
                &format!("{} {}", lang.pick("未経験の系統:", "Missing:"), names(&r.missing)),
                columns,
            ),
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
        lines.push(Line::styled(
            truncate(
                &format!("{status}  {}{example}", crate::describe::rule_window(rule, lang)),
                columns,
            ),
            if matches!(rule.status, RuleStatus::NotMet | RuleStatus::Broken) {
                theme.warn
            } else {
                theme.accent
            },
        ));
        if let Some(progress) = crate::describe::rule_progress(&doc.profile, rule, lang) {
            lines.extend(wrapped(&progress, columns, theme.text));
        }
    }
    if doc
        .profile
        .rotation
        .as_ref()
        .is_some_and(|rot| !rot.families.is_empty())
    {
        lines.push(Line::raw(truncate(
            &format!("{} {}", lang.pick("経験した系統:", "Served:"), names(&r.covered)),
            columns,
        )));
    }
    for f in &r.findings {
        lines.extend(wrapped(
            &format!("・{}", crate::describe::finding_text(f, lang)),
            columns,
            theme.dim,
        ));
    }
    for rule in &r.rules {
        lines.extend(wrapped(&rule.text, columns, theme.dim));
        if let Some(strength) = crate::describe::rule_strength(rule, lang) {
            lines.extend(wrapped(&strength, columns, theme.dim));
        }
    }
    if let Some(statement) = &r.statement {
        lines.push(Line::styled(
            truncate(lang.pick("文書の記述:", "The document says:"), columns),
            theme.accent,
        ));
        lines.extend(wrapped(
            &format!("「{}」（{}）", statement.text, statement.source),
            columns,
            theme.text,
        ));
    }
    frame.render_widget(Paragraph::new(lines), rules_inner);
}
