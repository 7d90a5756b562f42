//! "Support": what the document says beyond ladders — the employee it aims for (目指す職員像),
//! the career-support measures it promises (面談, 自己申告, メンター …), and its evaluation
//! system (人事評価) and self-report (自己申告) where it describes them — each in its words
//! with its source.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::tui::state::{Doc, Hit, State, SupportEntry, support_entries, support_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{Details, HitMap, block, draw_details, evaluation, row_rect, scroll_offset};

/// The entries and the selected one in the document's words.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
}

/// One entry of the view.
enum Entry<'p> {
    Ideal(&'p crate::model::Ideal),
    Measure(&'p crate::model::Measure),
    Evaluation(&'p crate::model::Evaluation),
    EvaluationKind(&'p crate::model::Evaluation, &'p crate::model::EvaluationKind),
    RatingScale(&'p crate::model::RatingScale),
    SelfReport(&'p crate::model::SelfReportSystem),
    Delivery(&'p crate::model::DeliveryMethod),
    /// How the profile reads levels: its scale, the document's or Michi's.
    Scale,
}

fn entry<'p>(doc: &'p Doc, entries: &[SupportEntry], i: usize) -> Option<Entry<'p>> {
    let p = &doc.profile;
    let evaluation = p.evaluation.as_ref();
    Some(match *entries.get(i)? {
        SupportEntry::Ideal(n) => Entry::Ideal(p.ideals.get(n)?),
        SupportEntry::Measure(n) => Entry::Measure(p.measures.get(n)?),
        SupportEntry::Evaluation => Entry::Evaluation(evaluation?),
        SupportEntry::EvaluationKind(n) => Entry::EvaluationKind(evaluation?, evaluation?.kinds.get(n)?),
        SupportEntry::RatingScale(n) => Entry::RatingScale(evaluation?.scales.get(n)?),
        SupportEntry::SelfReport => Entry::SelfReport(p.self_report.as_ref()?),
        SupportEntry::Delivery(n) => Entry::Delivery(p.delivery_methods.get(n)?),
        SupportEntry::Scale => Entry::Scale,
    })
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let [top, _] = panes(area);
    let title = match lang {
        Lang::Ja => format!("{} の目指す職員像と育成の取組", doc.profile.name),
        Lang::En => format!(
            "{}: the employee it aims for, and career support",
            doc.profile.name_romaji
        ),
    };
    let outer = block(&title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let rows = support_rows(doc);
    let entries = support_entries(&doc.profile);
    let mut lines = Vec::new();
    let p = &doc.profile;
    if p.ideals.is_empty() && p.measures.is_empty() && p.evaluation.is_none() && p.self_report.is_none() {
        lines.extend(theme.wrap(
            lang.pick(
                "このプロファイルには目指す職員像・育成の取組が記録されていません。",
                "This profile records no ideal employee or career-support measures.",
            ),
            columns,
            theme.dim,
        ));
    }
    let selected = doc.selected.support.index(&rows);
    let height = usize::from(inner.height);
    let offset = scroll_offset(selected, height);
    for (n, &i) in rows.iter().enumerate().skip(offset).take(height) {
        let (kind, name, when) = match entry(doc, &entries, i) {
            Some(Entry::Ideal(ideal)) => (lang.pick("目指す職員像", "Ideal"), ideal.name.as_str(), ""),
            Some(Entry::Measure(m)) => (
                if lang == Lang::Ja {
                    m.kind.label_ja()
                } else {
                    m.kind.label_en()
                },
                m.name.as_str(),
                m.timing.as_deref().unwrap_or(""),
            ),
            Some(Entry::Evaluation(e)) => (lang.pick("人事評価", "Evaluation"), e.name.as_str(), ""),
            Some(Entry::EvaluationKind(_, k)) => (lang.pick("評価の種類", "Kind of evaluation"), k.name.as_str(), ""),
            Some(Entry::RatingScale(s)) => (lang.pick("評語", "Ratings"), s.name.as_str(), ""),
            Some(Entry::SelfReport(r)) => (
                lang.pick("自己申告", "Self-report"),
                r.name.as_str(),
                r.timing.as_deref().unwrap_or(""),
            ),
            Some(Entry::Delivery(m)) => (lang.pick("研修の実施方法", "Delivery"), m.name.as_str(), ""),
            Some(Entry::Scale) => (
                lang.pick("段階の読み方", "Levels"),
                match (doc.profile.scale.kind(), doc.profile.scale.illustrative) {
                    (crate::model::ScaleKind::Descriptors, _) => {
                        lang.pick("文書の記述の順（段）", "rungs of the document's descriptions")
                    }
                    (_, true) => lang.pick("Michi の仮定の尺度", "a scale that is Michi's assumption"),
                    (_, false) => lang.pick("プロファイルの尺度", "the profile's scale"),
                },
                "",
            ),
            None => continue,
        };
        // 「Secondment and exchange」 is the longest kind: 24 columns keep it whole.
        let text = format!("{} {} {when}", theme.cell(kind, 24), name.replace('\n', " "));
        let style = if n == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(theme.marked(&text, n == selected, columns), style));
        hits.add(row_rect(inner, n - offset), Hit::Support(i));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// The lower pane: the selected entry in the document's words, with its source.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let [_, bottom] = panes(area);
    let columns = usize::from(bottom.width.saturating_sub(2));
    let rows = support_rows(doc);
    let entries = support_entries(&doc.profile);
    let selected = doc.selected.support.index(&rows);
    let mut lines = Vec::new();
    let fact = |label: (&str, &str), value: &Option<String>, lines: &mut Vec<Line<'static>>| {
        if let Some(v) = value {
            lines.extend(theme.wrap(&format!("{} {v}", lang.pick(label.0, label.1)), columns, theme.accent));
        }
    };
    match rows.get(selected).and_then(|&i| entry(doc, &entries, i)) {
        Some(Entry::Ideal(ideal)) => {
            lines.extend(theme.wrap(&ideal.name, columns, theme.title));
            if let Some(text) = &ideal.text {
                lines.extend(theme.wrap(text, columns, theme.text));
            }
            fact(("出典:", "Source:"), &Some(ideal.source.clone()), &mut lines);
        }
        Some(Entry::Measure(m)) => {
            lines.extend(theme.wrap(&m.name, columns, theme.title));
            let kind = if lang == Lang::Ja {
                m.kind.label_ja()
            } else {
                m.kind.label_en()
            };
            fact(("種類:", "Kind:"), &Some(kind.to_string()), &mut lines);
            fact(("時期:", "When:"), &m.timing, &mut lines);
            fact(("対象:", "For:"), &m.who, &mut lines);
            fact(("状況:", "Status:"), &m.status, &mut lines);
            lines.extend(theme.wrap(&m.text, columns, theme.text));
            fact(("出典:", "Source:"), &Some(m.source.clone()), &mut lines);
        }
        Some(Entry::Evaluation(e)) => lines.extend(evaluation::evaluation(e, columns, theme, lang)),
        Some(Entry::EvaluationKind(e, k)) => {
            lines.extend(evaluation::kind(&doc.profile, e, k, columns, theme, lang));
        }
        Some(Entry::RatingScale(s)) => lines.extend(evaluation::rating_scale(s, columns, theme, lang)),
        Some(Entry::SelfReport(r)) => lines.extend(evaluation::self_report(r, columns, theme, lang)),
        Some(Entry::Delivery(m)) => {
            lines.extend(theme.wrap(&m.name, columns, theme.title));
            if let Some(text) = &m.text {
                lines.extend(theme.wrap(text, columns, theme.text));
            }
            lines.extend(theme.wrap(
                lang.pick(
                    "研修の名前ではなく、研修の実施のしかたです。",
                    "A way of delivering training, not a training of its own.",
                ),
                columns,
                theme.dim,
            ));
            fact(("出典:", "Source:"), &Some(m.source.clone()), &mut lines);
        }
        Some(Entry::Scale) => {
            let scale = &doc.profile.scale;
            if let Some(note) = &scale.note {
                lines.extend(theme.wrap(note, columns, theme.text));
            }
            for line in crate::describe::scale_legend(&doc.profile, lang) {
                lines.extend(theme.wrap(&line, columns, theme.dim));
            }
            if !scale.targets.is_empty() {
                let targets: Vec<String> = scale
                    .targets
                    .iter()
                    .map(|t| {
                        let name = crate::describe::grade_name(&doc.profile, &t.grade);
                        let g = theme.glyphs;
                        match t.expected {
                            Some(e) => format!("{name} {}{}{}{e}", g.key_mark, t.key, g.expected_mark),
                            None => format!("{name} {}{}", g.key_mark, t.key),
                        }
                    })
                    .collect();
                lines.extend(theme.wrap(
                    &format!(
                        "{} {}",
                        lang.pick("職級ごとの必要段階:", "Level per grade:"),
                        targets.join(" / ")
                    ),
                    columns,
                    theme.accent,
                ));
            }
            fact(("出典:", "Source:"), &scale.source, &mut lines);
        }
        None => {}
    }
    Details {
        area: bottom,
        title: lang.pick("文書の記述", "In the document's words").to_string(),
        lines,
    }
}
