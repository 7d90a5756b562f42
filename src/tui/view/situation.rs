//! "My situation": the plan's editor. Basics, the self-assessment (with the document's
//! descriptors for the current and target grade beside the selected competency), postings,
//! leave, completed trainings and personal constraints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::model::Track;
use crate::tui::state::{Doc, Field, Hit, SitRow, State, situation_rows};
use crate::tui::theme::Theme;
use crate::tui::view::{Details, HitMap, block, draw_details, row_rect, scroll_offset};

/// The editor's list and the details pane.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area)
}

fn field_value(state: &State, doc: &Doc, field: Field) -> String {
    let lang = state.lang();
    let p = &doc.plan;
    // A grade or series the document does not name is marked as Michi's reading.
    let reading = lang.pick("（Michi の読み取り）", " (Michi's reading)");
    let grade = |id: &str| {
        doc.profile.grade(id).map_or(id.to_string(), |(_, g)| {
            format!("{}{}", g.name, if g.illustrative { reading } else { "" })
        })
    };
    match field {
        Field::Name => p
            .name
            .clone()
            .unwrap_or_else(|| lang.pick("（未入力）", "(none)").into()),
        Field::BirthDate => p.birth_date.to_string(),
        Field::HireDate => p.hire_date.to_string(),
        Field::Series => p
            .series_id(&doc.profile)
            .and_then(|id| doc.profile.series(id))
            .map_or(String::new(), |s| {
                format!("{}{}", s.name, if s.illustrative { reading } else { "" })
            }),
        Field::Grade => match p.position.as_deref() {
            Some(_) => {
                let illustrative = doc.profile.grade(&p.grade).is_some_and(|(_, g)| g.illustrative);
                format!(
                    "{}{}",
                    crate::describe::current_grade(&doc.profile, p),
                    if illustrative { reading } else { "" }
                )
            }
            None => grade(&p.grade),
        },
        Field::GradeSince => p.grade_since.to_string(),
        Field::TargetGrade => grade(&p.target_grade),
        Field::TargetFy => p.target_fy.map_or_else(
            || {
                lang.pick("（指定なし: 標準的な年度）", "(none: the typical year)")
                    .to_string()
            },
            |fy| state.fy(fy),
        ),
        Field::CourseField => {
            let course = p.course_id(&doc.profile).and_then(|c| doc.profile.course(c));
            match (course, p.course_field.as_deref()) {
                (Some(c), Some(f)) => c
                    .fields
                    .iter()
                    .find(|x| x.id == f)
                    .map_or_else(|| f.to_string(), |x| x.name.clone()),
                (Some(c), None) if c.fields.is_empty() => lang.pick("（分野のないコース）", "(no fields)").into(),
                _ => lang.pick("（未選択）", "(none)").into(),
            }
        }
        Field::CourseSince => p
            .course_since
            .map_or_else(|| lang.pick("（未入力）", "(none)").into(), |d| d.to_string()),
        Field::Track if !doc.profile.courses.is_empty() => crate::describe::course_label(&doc.profile, p, lang),
        Field::Track => match p.track {
            Track::Generalist => lang.pick("ジェネラリスト", "generalist").into(),
            Track::Specialist => lang
                .pick(
                    "スペシャリスト（ローテーション対象外の場合あり）",
                    "specialist (may be exempt from rotation)",
                )
                .into(),
        },
    }
}

/// One row of the editor as text.
fn row_text(state: &State, doc: &Doc, row: &SitRow, columns: usize, theme: &Theme) -> String {
    let lang = state.lang();
    let p = &doc.plan;
    let g = theme.glyphs;
    let bullet = g.bullet;
    match row {
        SitRow::Header(crate::tui::state::Section::Assessment) if doc.profile.competencies.is_empty() => format!(
            "{bullet} {}",
            lang.pick(
                "自己評価: 文書に能力表なし（役割の確認は 6）",
                "Self-assessment: no ability table (see 6 Roles)"
            )
        ),
        SitRow::Header(section) => {
            // A heading too long for the list keeps its name; its keys are in the details
            // pane of the rows under it.
            let title = section.title(lang);
            let full = format!("{bullet} {title}");
            if theme.width(&full) + 2 > columns {
                let name = title.split(['（', '(']).next().unwrap_or(title).trim_end();
                format!("{bullet} {name}")
            } else {
                full
            }
        }
        SitRow::Field(f) => {
            let value = match (f, &p.name) {
                (Field::Name, Some(name)) => state.shown_name(name),
                _ => field_value(state, doc, *f),
            };
            format!("  {} {}", theme.cell(f.label(lang), 14), value)
        }
        SitRow::Competency(id) => {
            let Some(c) = doc.profile.competency(id) else {
                return String::new();
            };
            let req = doc
                .profile
                .requirement_on(p.series_id(&doc.profile), &p.target_grade, c);
            let mark = match &req {
                Some(r) if r.level.is_none() => lang.pick("－", "-"),
                Some(r) if doc.profile.uses_marks() => match r.emphasis {
                    crate::model::Emphasis::Key => g.key_mark,
                    crate::model::Emphasis::Expected => g.expected_mark,
                    crate::model::Emphasis::Unmarked => "",
                },
                _ => "",
            };
            let (own, supervisor, none, level_w) = match lang {
                Lang::Ja => ("本人", "上司", "未評価", 6),
                // A dash for "not rated", so the row fits 80 columns in English too.
                Lang::En => ("self", "supervisor", "–", 2),
            };
            let level = |l: Option<&u8>| {
                l.map_or_else(
                    || none.to_string(),
                    |&l| crate::describe::level_number(&doc.profile, l, lang),
                )
            };
            let evidence = if p.evidence.contains_key(&c.id) {
                lang.pick("根拠あり", "evidence")
            } else {
                ""
            };
            format!(
                "  {} {} {own} {} {supervisor} {} {}",
                theme.cell(&c.name, 26.min(columns / 3)),
                theme.cell(mark, 2),
                theme.cell(&level(p.self_assessment.get(&c.id)), level_w),
                theme.cell(&level(p.supervisor_assessment.get(&c.id)), level_w),
                evidence
            )
        }
        SitRow::Posting(i) => {
            let Some(a) = p.assignments.get(*i) else {
                return String::new();
            };
            let posting = doc.analysis.rotation.postings.get(*i);
            let name = posting.map_or(a.department.clone(), |x| x.department_name.clone());
            let family = posting
                .and_then(|x| x.family.as_deref())
                .and_then(|f| doc.profile.rotation.as_ref()?.families.iter().find(|x| x.id == f))
                .map_or(String::new(), |f| format!("（{}）", f.name));
            let to =
                a.to.map_or_else(|| lang.pick("現在", "now").to_string(), |d| d.to_string());
            format!("  {} ～ {}  {name}{family}", a.from, theme.cell(&to, 10))
        }
        SitRow::AddPosting => format!(
            "  {} {}",
            g.add,
            lang.pick("配属を追加（Enter）", "add a posting (Enter)")
        ),
        SitRow::Leave(i) => {
            let Some(l) = p.leaves.get(*i) else {
                return String::new();
            };
            let kind = if lang == Lang::Ja {
                l.kind.label_ja()
            } else {
                l.kind.label_en()
            };
            let to =
                l.to.map_or_else(|| lang.pick("継続中", "ongoing").to_string(), |d| d.to_string());
            format!(
                "  {} ～ {}  {kind} {}",
                l.from,
                theme.cell(&to, 10),
                l.note.as_deref().unwrap_or("")
            )
        }
        SitRow::AddLeave => format!(
            "  {} {}",
            g.add,
            lang.pick("休業等を追加（Enter）", "add leave (Enter)")
        ),
        SitRow::Training(id) => {
            let name = doc.profile.training(id).map_or(id.as_str(), |t| t.name.as_str());
            format!("  {} {name}", g.done)
        }
        SitRow::AddTraining => format!(
            "  {} {}",
            g.add,
            lang.pick(
                "受講済みの研修を追加（Enter で検索）",
                "add a completed training (Enter searches)"
            )
        ),
        SitRow::Constraint(i) => {
            let text = p.constraints.get(*i).map_or("", String::as_str);
            format!("  ・{}", text.replace('\n', " / "))
        }
        SitRow::AddConstraint => format!(
            "  {} {}",
            g.add,
            lang.pick("本人の事情を追加（Enter）", "add a constraint (Enter)")
        ),
    }
}

/// The detail pane: descriptors for the selected competency, or help for the row.
fn detail(state: &State, doc: &Doc, row: Option<&SitRow>, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang();
    let p = &doc.plan;
    let mut lines = Vec::new();
    match row {
        Some(SitRow::Competency(id)) => {
            let Some(c) = doc.profile.competency(id) else {
                return lines;
            };
            lines.extend(theme.wrap(&c.name, columns, theme.title));
            if !c.definition.is_empty() {
                lines.extend(theme.wrap(&c.definition, columns, theme.text));
            }
            for (label, grade) in [
                (lang.pick("現在の職級", "Current grade"), &p.grade),
                (lang.pick("目標の職級", "Target grade"), &p.target_grade),
            ] {
                let Some(req) = doc.profile.requirement_on(p.series_id(&doc.profile), grade, c) else {
                    continue;
                };
                let name = doc
                    .profile
                    .grade(grade)
                    .map_or(grade.as_str(), |(_, g)| g.name.as_str());
                lines.push(Line::from(""));
                let example = if req.illustrative {
                    lang.pick("（段階は例示）", " (level illustrative)")
                } else {
                    ""
                };
                let heading = format!(
                    "{label}: {name} {} {}{example}",
                    lang.pick("必要", "required"),
                    crate::describe::level_cell(
                        &doc.profile,
                        req.level,
                        req.emphasis,
                        false,
                        req.derived_from.is_some(),
                        lang
                    ),
                );
                lines.extend(theme.wrap(&heading, columns, theme.accent));
                match req.descriptor {
                    Some(d) => lines.extend(theme.wrap(d, columns, theme.text)),
                    None => lines.extend(theme.wrap(
                        lang.pick("（文書に記述なし）", "(the document says nothing here)"),
                        columns,
                        theme.dim,
                    )),
                }
            }
            lines.push(Line::from(""));
            let series = p.series_id(&doc.profile).unwrap_or("");
            let rungs = doc.profile.rungs(series, &c.id);
            if doc.profile.scale.kind() == crate::model::ScaleKind::Descriptors {
                // The ladder the self level is read on: each rung with the grades it belongs to.
                lines.extend(theme.wrap(
                    lang.pick(
                        "評価の段階（文書の記述の順）:",
                        "Levels (the document's descriptions, in order):",
                    ),
                    columns,
                    theme.accent,
                ));
                if rungs.is_empty() {
                    lines.extend(theme.wrap(
                        lang.pick(
                            "この職系では、文書はこの能力を職級ごとに記述していません。",
                            "On this ladder the document does not describe this ability per grade.",
                        ),
                        columns,
                        theme.dim,
                    ));
                }
                for rung in rungs {
                    let meaning = crate::describe::rung_text(&doc.profile, &rung, lang);
                    lines.extend(theme.wrap(&meaning, columns, theme.dim));
                }
            } else {
                let scale: Vec<String> = doc
                    .profile
                    .scale
                    .levels
                    .iter()
                    .map(|l| format!("{} {}", l.level, l.label))
                    .collect();
                lines.extend(theme.wrap(&scale.join(" / "), columns, theme.dim));
            }
            for line in crate::describe::scale_legend(&doc.profile, lang) {
                lines.extend(theme.wrap(&line, columns, theme.dim));
            }
            if let Some(e) = p.evidence.get(&c.id) {
                lines.push(Line::from(""));
                lines.push(Line::styled(lang.pick("根拠:", "Evidence:"), theme.accent));
                lines.extend(theme.wrap(e, columns, theme.text));
            }
            lines.push(Line::from(""));
            lines.extend(theme.wrap(crate::tui::state::Section::Assessment.title(lang), columns, theme.dim));
        }
        Some(SitRow::Field(field)) => {
            let value = format!("{}: {}", field.label(lang), field_value(state, doc, *field));
            lines.extend(theme.wrap(&value, columns, theme.accent));
            lines.push(Line::from(""));
            lines.extend(theme.wrap(
            lang.pick(
                "Enter で編集、← → で選択肢を切替。日付は 1990-02-03、1990/2/3、平成2年2月3日 などで入力できます。変更はすぐに分析へ反映され、u で元に戻せます。",
                "Enter edits, ← → cycles choices. Dates as 1990-02-03, 1990/2/3 or 平成2年2月3日. Changes update the analysis at once; u undoes.",
            ),
            columns,
            theme.dim,
        ));
        }
        Some(SitRow::Constraint(i)) => {
            lines.extend(theme.wrap(lang.pick("本人の事情", "Personal constraint"), columns, theme.title));
            lines.extend(theme.wrap(p.constraints.get(*i).map_or("", String::as_str), columns, theme.text));
            lines.push(Line::from(""));
            lines.extend(theme.wrap(
                lang.pick("Enter で編集、x で削除。", "Enter edits, x deletes."),
                columns,
                theme.dim,
            ));
        }
        Some(row @ (SitRow::Posting(_) | SitRow::Leave(_) | SitRow::Training(_))) => {
            // The row in full: a department or a note cut short in the list.
            let text = row_text(state, doc, row, usize::MAX, theme);
            lines.extend(theme.wrap(text.trim_start(), columns, theme.text));
            lines.push(Line::from(""));
            lines.extend(theme.wrap(
                lang.pick(
                    "Enter で編集、x で削除（確認あり・u で元に戻す）。",
                    "Enter edits, x deletes (asks first; u undoes).",
                ),
                columns,
                theme.dim,
            ));
        }
        Some(
            row @ (SitRow::Header(_)
            | SitRow::AddPosting
            | SitRow::AddLeave
            | SitRow::AddTraining
            | SitRow::AddConstraint),
        ) => {
            // The row in full (cut at 80 columns in English).
            let text = row_text(state, doc, row, usize::MAX, theme);
            lines.extend(theme.wrap(text.trim_start(), columns, theme.title));
        }
        _ => {}
    }
    lines
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let [left, _] = panes(area);
    let list_block = block(state.lang().pick("現在の状況", "My situation"), theme);
    frame.render_widget(list_block, left);
    let inner = left.inner(Margin::new(1, 1));
    let rows = situation_rows(doc);
    let selected = doc.selected.situation.index(&rows);
    let height = usize::from(inner.height);
    let columns = usize::from(inner.width);
    let offset = scroll_offset(selected, height);
    let mut lines = Vec::new();
    for (n, (i, row)) in rows.iter().enumerate().skip(offset).take(height).enumerate() {
        let text = theme.marked(
            row_text(state, doc, row, columns, theme).trim_start(),
            i == selected,
            columns,
        );
        let style = if i == selected {
            theme.selected
        } else if matches!(row, SitRow::Header(_)) {
            theme.title
        } else {
            theme.text
        };
        lines.push(Line::styled(text, style));
        hits.add(row_rect(inner, n), Hit::Situation(row.clone()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// The right pane: the selected row in full, and for a competency the document's words.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let [_, right] = panes(area);
    let rows = situation_rows(doc);
    let selected = doc.selected.situation.index(&rows);
    let columns = usize::from(right.width.saturating_sub(2));
    Details {
        area: right,
        title: state.lang().pick("説明", "Details").to_string(),
        lines: detail(state, doc, rows.get(selected), columns, theme),
    }
}
