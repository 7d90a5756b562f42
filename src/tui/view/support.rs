//! "Support": what the document says beyond ladders — the employee it aims for (目指す職員像)
//! and the career-support measures it promises (面談, 自己申告, メンター …), each in its
//! words with its source.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::text::truncate;
use crate::tui::state::{Doc, Hit, State, support_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{HitMap, block, cell, marked, row_rect, scroll_offset, wrapped};

/// One entry of the view.
enum Entry<'p> {
    Ideal(&'p crate::model::Ideal),
    Measure(&'p crate::model::Measure),
    Delivery(&'p crate::model::DeliveryMethod),
    /// How the profile reads levels: its scale, the document's or Michi's.
    Scale,
}

fn entry(doc: &Doc, i: usize) -> Option<Entry<'_>> {
    let p = &doc.profile;
    let (ideals, measures) = (p.ideals.len(), p.measures.len());
    let methods = p.delivery_methods.len();
    if i < ideals {
        p.ideals.get(i).map(Entry::Ideal)
    } else if i < ideals + measures {
        p.measures.get(i - ideals).map(Entry::Measure)
    } else if i < ideals + measures + methods {
        p.delivery_methods.get(i - ideals - measures).map(Entry::Delivery)
    } else {
        (i == ideals + measures + methods).then_some(Entry::Scale)
    }
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let [top, bottom] = Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
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
    let mut lines = Vec::new();
    if doc.profile.ideals.is_empty() && doc.profile.measures.is_empty() {
        lines.extend(wrapped(
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
        let (kind, name, when) = match entry(doc, i) {
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
        let text = format!("{} {} {when}", cell(kind, 20), name.replace('\n', " "));
        let style = if n == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(marked(&text, n == selected, columns, theme), style));
        hits.add(row_rect(inner, n - offset), Hit::Support(i));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let detail = block(lang.pick("文書の記述", "In the document's words"), theme);
    let detail_inner = detail.inner(bottom);
    frame.render_widget(detail, bottom);
    let columns = usize::from(detail_inner.width);
    let mut lines = Vec::new();
    let fact = |label: (&str, &str), value: &Option<String>, lines: &mut Vec<Line<'static>>| {
        if let Some(v) = value {
            lines.push(Line::styled(
                truncate(&format!("{} {v}", lang.pick(label.0, label.1)), columns),
                theme.accent,
            ));
        }
    };
    match rows.get(selected).and_then(|&i| entry(doc, i)) {
        Some(Entry::Ideal(ideal)) => {
            lines.push(Line::styled(truncate(&ideal.name, columns), theme.title));
            if let Some(text) = &ideal.text {
                lines.extend(wrapped(text, columns, theme.text));
            }
            fact(("出典:", "Source:"), &Some(ideal.source.clone()), &mut lines);
        }
        Some(Entry::Measure(m)) => {
            lines.push(Line::styled(truncate(&m.name, columns), theme.title));
            fact(("時期:", "When:"), &m.timing, &mut lines);
            fact(("対象:", "For:"), &m.who, &mut lines);
            fact(("状況:", "Status:"), &m.status, &mut lines);
            lines.extend(wrapped(&m.text, columns, theme.text));
            fact(("出典:", "Source:"), &Some(m.source.clone()), &mut lines);
        }
        Some(Entry::Delivery(m)) => {
            lines.push(Line::styled(truncate(&m.name, columns), theme.title));
            if let Some(text) = &m.text {
                lines.extend(wrapped(text, columns, theme.text));
            }
            lines.extend(wrapped(
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
                lines.extend(wrapped(note, columns, theme.text));
            }
            for line in crate::describe::scale_legend(&doc.profile, lang) {
                lines.extend(wrapped(&line, columns, theme.dim));
            }
            if !scale.targets.is_empty() {
                let targets: Vec<String> = scale
                    .targets
                    .iter()
                    .map(|t| {
                        let name = crate::describe::grade_name(&doc.profile, &t.grade);
                        match t.expected {
                            Some(e) => format!("{name} ◎{}○{e}", t.key),
                            None => format!("{name} ◎{}", t.key),
                        }
                    })
                    .collect();
                lines.extend(wrapped(
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
    frame.render_widget(Paragraph::new(lines), detail_inner);
}
