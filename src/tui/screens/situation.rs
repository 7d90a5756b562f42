//! "My situation": the plan's editor. Basics, the self-assessment (with the document's
//! descriptors for the current and target grade beside the selected competency), postings,
//! leave and completed trainings.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::model::{Track, fiscal_year_label};
use crate::tui::app::{App, Field, PlanDoc, Row};
use crate::tui::theme::Theme;
use crate::tui::ui::{block, cell, marked, scroll_offset, wrapped};

fn field_value(doc: &PlanDoc, field: Field, lang: Lang) -> String {
    let p = &doc.plan;
    let grade = |id: &str| doc.profile.grade(id).map_or(id.to_string(), |(_, g)| g.name.clone());
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
            .map_or(String::new(), |s| s.name.clone()),
        Field::Grade => grade(&p.grade),
        Field::GradeSince => p.grade_since.to_string(),
        Field::TargetGrade => grade(&p.target_grade),
        Field::TargetFy => p.target_fy.map_or_else(
            || {
                lang.pick("（指定なし: 標準的な年度）", "(none: the typical year)")
                    .to_string()
            },
            |fy| fiscal_year_label(fy, lang),
        ),
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
fn row_text(app: &App, doc: &PlanDoc, row: Row, columns: usize) -> String {
    let lang = app.lang;
    let p = &doc.plan;
    match row {
        Row::Header(section) => format!("■ {}", section.title(lang)),
        Row::Field(f) => format!("  {} {}", cell(f.label(lang), 14), field_value(doc, f, lang)),
        Row::Competency(i) => {
            let c = &doc.profile.competencies[i];
            let req = doc.profile.requirement(&p.target_grade, c);
            let mark = req.as_ref().map_or("", |r| r.emphasis.mark());
            let level = |l: Option<&u8>| l.map_or_else(|| lang.pick("未評価", "n/a").to_string(), |l| l.to_string());
            let evidence = if p.evidence.contains_key(&c.id) {
                lang.pick("根拠あり", "evidence")
            } else {
                ""
            };
            format!(
                "  {} {} {}{} {}{} {}",
                cell(&c.name, 26.min(columns / 3)),
                cell(mark, 2),
                cell(lang.pick("本人 ", "self "), 5),
                cell(&level(p.self_assessment.get(&c.id)), 6),
                cell(lang.pick("上司 ", "supv "), 5),
                cell(&level(p.supervisor_assessment.get(&c.id)), 6),
                evidence
            )
        }
        Row::Posting(i) => {
            let a = &p.assignments[i];
            let posting = doc.analysis.rotation.postings.get(i);
            let name = posting.map_or(a.department.clone(), |x| x.department_name.clone());
            let family = posting
                .and_then(|x| x.family.as_deref())
                .and_then(|f| doc.profile.rotation.as_ref()?.families.iter().find(|x| x.id == f))
                .map_or(String::new(), |f| format!("（{}）", f.name));
            let to =
                a.to.map_or_else(|| lang.pick("現在", "now").to_string(), |d| d.to_string());
            format!("  {} ～ {}  {name}{family}", a.from, cell(&to, 10))
        }
        Row::AddPosting => format!("  ＋ {}", lang.pick("配属を追加（Enter）", "add a posting (Enter)")),
        Row::Leave(i) => {
            let l = &p.leaves[i];
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
                cell(&to, 10),
                l.note.as_deref().unwrap_or("")
            )
        }
        Row::AddLeave => format!("  ＋ {}", lang.pick("休業等を追加（Enter）", "add leave (Enter)")),
        Row::Training(i) => {
            let id = &p.completed_trainings[i];
            let name = doc.profile.training(id).map_or(id.as_str(), |t| t.name.as_str());
            format!("  ✓ {name}")
        }
        Row::AddTraining => format!(
            "  ＋ {}",
            lang.pick(
                "受講済みの研修を追加（Enter で検索）",
                "add a completed training (Enter searches)"
            )
        ),
    }
}

/// The detail pane: descriptors for the selected competency, or help for the row.
fn detail(app: &App, doc: &PlanDoc, row: Option<Row>, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let p = &doc.plan;
    let mut lines = Vec::new();
    match row {
        Some(Row::Competency(i)) => {
            let c = &doc.profile.competencies[i];
            lines.push(Line::styled(c.name.clone(), theme.title));
            if !c.definition.is_empty() {
                lines.extend(wrapped(&c.definition, columns, theme.text));
            }
            for (label, grade) in [
                (lang.pick("現在の職級", "Current grade"), &p.grade),
                (lang.pick("目標の職級", "Target grade"), &p.target_grade),
            ] {
                let Some(req) = doc.profile.requirement(grade, c) else {
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
                    "{label}: {name} {} {} {}{example}",
                    req.emphasis.mark(),
                    lang.pick("必要", "required"),
                    req.level
                );
                lines.extend(wrapped(&heading, columns, theme.accent));
                match req.descriptor {
                    Some(d) => lines.extend(wrapped(d, columns, theme.text)),
                    None => lines.push(Line::styled(
                        lang.pick("（文書に記述なし）", "(the document says nothing here)"),
                        theme.dim,
                    )),
                }
            }
            lines.push(Line::from(""));
            let scale: Vec<String> = doc
                .profile
                .scale
                .levels
                .iter()
                .map(|l| format!("{} {}", l.level, l.label))
                .collect();
            lines.extend(wrapped(&scale.join(" / "), columns, theme.dim));
            if let Some(e) = p.evidence.get(&c.id) {
                lines.push(Line::from(""));
                lines.push(Line::styled(lang.pick("根拠:", "Evidence:"), theme.accent));
                lines.extend(wrapped(e, columns, theme.text));
            }
        }
        Some(Row::Field(_)) => {
            lines.extend(wrapped(
                lang.pick(
                    "Enter で編集、← → で選択肢を切替。日付は YYYY-MM-DD。変更はすぐに分析へ反映され、保存済みの計画は自動で保存されます。",
                    "Enter edits, ← → cycles choices. Dates are YYYY-MM-DD. Changes update the analysis at once; saved plans save automatically.",
                ),
                columns,
                theme.dim,
            ));
        }
        Some(Row::Posting(_) | Row::Leave(_) | Row::Training(_)) => {
            lines.extend(wrapped(
                lang.pick("Enter で編集、x で削除。", "Enter edits, x deletes."),
                columns,
                theme.dim,
            ));
        }
        _ => {}
    }
    lines
}

/// The editor list and the details pane.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(area)
}

/// Where the editor's rows are drawn (for mouse clicks too).
pub fn rows_area(area: Rect) -> Rect {
    panes(area)[0].inner(Margin::new(1, 1))
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let Some(doc) = &app.doc else { return };
    let [left, right] = panes(area);
    let list_block = block(app.lang.pick("現在の状況", "My situation"), theme);
    let inner = list_block.inner(left);
    frame.render_widget(list_block, left);
    let rows = app.situation_rows();
    let height = usize::from(inner.height);
    let columns = usize::from(inner.width);
    let offset = scroll_offset(app.situation_row, height);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let text = marked(
                row_text(app, doc, *row, columns).trim_start(),
                i == app.situation_row,
                columns,
            );
            let style = if i == app.situation_row {
                theme.selected
            } else if matches!(row, Row::Header(_)) {
                theme.title
            } else {
                theme.text
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    let detail_block = block(app.lang.pick("説明", "Details"), theme);
    let detail_inner = detail_block.inner(right);
    frame.render_widget(detail_block, right);
    let lines = detail(
        app,
        doc,
        rows.get(app.situation_row).copied(),
        usize::from(detail_inner.width),
        theme,
    );
    frame.render_widget(Paragraph::new(lines), detail_inner);
}
