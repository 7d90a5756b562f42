//! "Interview" (面談記録): the chosen fiscal year's interviews — each with its comments,
//! agreed next steps, agreed trainings and goals — and the notes of the period below; the
//! selected row in full underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::i18n::Lang;
use crate::model::{FiscalYear, Goal, GoalStatus, Interview, NoteAuthor};
use crate::tui::forms::interview::status_label;
use crate::tui::state::{Doc, Hit, IvRow, State, interview_rows, interviews_of, side_label};
use crate::tui::theme::{Glyphs, Theme};
use crate::tui::view::{Details, HitMap, block, draw_details, row_rect, scroll_offset};

/// The record and the selected row in full.
fn panes(area: Rect) -> [Rect; 2] {
    Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(area)
}

fn status_mark(status: GoalStatus, glyphs: &Glyphs) -> &'static str {
    match status {
        GoalStatus::Planned => glyphs.goal_planned,
        GoalStatus::InProgress => glyphs.goal_in_progress,
        GoalStatus::Done => glyphs.goal_done,
        GoalStatus::Dropped => glyphs.goal_dropped,
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A competency's name as a note's tag: ［…］ in Japanese, […] in English.
fn bracketed(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("［{name}］"),
        Lang::En => format!("[{name}] "),
    }
}

fn unwritten(lang: Lang) -> &'static str {
    lang.pick("（未記入）", "(not written)")
}

/// 「2026（令和8）年度 面談 2件・目標 3件（未完 2）・記録メモ 4件」
fn year_summary(state: &State, doc: &Doc, fy: FiscalYear, lang: Lang) -> String {
    let interviews = interviews_of(doc, fy);
    let goals: Vec<&Goal> = interviews
        .iter()
        .filter_map(|i| doc.plan.interviews.get(*i))
        .flat_map(|iv| &iv.goals)
        .collect();
    let open = goals
        .iter()
        .filter(|g| matches!(g.status, GoalStatus::Planned | GoalStatus::InProgress))
        .count();
    let notes = doc.plan.notes.iter().filter(|n| n.date.fiscal_year() == fy).count();
    let year = state.fy(fy);
    match lang {
        Lang::Ja => format!(
            "{year}  面談 {}件・目標 {}件（未完 {open}）・記録メモ {notes}件",
            interviews.len(),
            goals.len()
        ),
        Lang::En => format!(
            "{year}  {} interview(s), {} goal(s) ({open} open), {notes} note(s)",
            interviews.len(),
            goals.len()
        ),
    }
}

fn interview_heading(iv: &Interview, lang: Lang) -> String {
    let mut text = format!("{} {}", iv.date, iv.kind.label(lang));
    if let Some(e) = &iv.evaluator {
        text.push_str(&format!("  {} {e}", lang.pick("評価者", "evaluator")));
    }
    if let Some(e) = &iv.second_evaluator {
        text.push_str(&format!(" / {} {e}", lang.pick("2次", "2nd")));
    }
    let weights: u32 = iv.goals.iter().filter_map(|g| g.weight).map(u32::from).sum();
    if weights > 0 {
        text.push_str(&format!("  {} {weights}%", lang.pick("ウェイト計", "weights")));
    }
    text
}

fn goal_line(goal: &Goal, n: usize, glyphs: &Glyphs, lang: Lang) -> String {
    let mut text = format!(
        "{} {}{}: {}",
        status_mark(goal.status, glyphs),
        lang.pick("目標", "Goal "),
        n + 1,
        one_line(&goal.title)
    );
    text.push_str(&format!("  [{}]", status_label(goal.status, lang)));
    if let Some(w) = goal.weight {
        text.push_str(&format!(" {w}%"));
    }
    if let Some(due) = goal.due {
        text.push_str(&format!(" {}{due}", lang.pick("期限 ", "due ")));
    }
    text
}

fn training_names(doc: &Doc, ids: &[String], lang: Lang) -> String {
    if ids.is_empty() {
        return lang.pick("（なし・t で選ぶ）", "(none; t chooses)").to_string();
    }
    ids.iter()
        .map(|id| crate::describe::training_name(&doc.profile, id))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// A row's text and style.
fn row_text(doc: &Doc, row: IvRow, state: &State, theme: &Theme) -> (String, Style) {
    let lang = state.lang();
    let plus = theme.glyphs.add;
    let iv = |i: usize| doc.plan.interviews.get(i);
    match row {
        IvRow::Interview(i) => (
            iv(i).map(|iv| interview_heading(iv, lang)).unwrap_or_default(),
            theme.accent,
        ),
        IvRow::Comment(i, side) => {
            let text = iv(i).and_then(|iv| match side {
                NoteAuthor::Own => iv.self_comment.as_deref(),
                NoteAuthor::Supervisor => iv.supervisor_comment.as_deref(),
            });
            let label = match side {
                NoteAuthor::Own => lang.pick("本人の所見", "Own comment"),
                NoteAuthor::Supervisor => lang.pick("上司の所見", "Supervisor"),
            };
            let style = if text.is_some() { theme.text } else { theme.dim };
            (
                format!(
                    "  {label}: {}",
                    text.map_or_else(|| unwritten(lang).to_string(), one_line)
                ),
                style,
            )
        }
        IvRow::NextSteps(i) => {
            let steps = iv(i).map(|iv| iv.agreed_next_steps.as_slice()).unwrap_or_default();
            let text = if steps.is_empty() {
                unwritten(lang).to_string()
            } else {
                steps.join(lang.pick("・", "; "))
            };
            let style = if steps.is_empty() { theme.dim } else { theme.text };
            (format!("  {}: {text}", lang.pick("次の一歩", "Next steps")), style)
        }
        IvRow::AgreedTrainings(i) => {
            let ids = iv(i).map(|iv| iv.agreed_trainings.as_slice()).unwrap_or_default();
            let style = if ids.is_empty() { theme.dim } else { theme.text };
            (
                format!(
                    "  {}: {}",
                    lang.pick("合意した研修", "Agreed trainings"),
                    training_names(doc, ids, lang)
                ),
                style,
            )
        }
        IvRow::Goal(i, g) => {
            let goal = iv(i).and_then(|iv| iv.goals.get(g));
            let style = match goal.map(|g| g.status) {
                Some(GoalStatus::Done | GoalStatus::Dropped) => theme.dim,
                _ => theme.text,
            };
            (
                goal.map(|goal| format!("  {}", goal_line(goal, g, theme.glyphs, lang)))
                    .unwrap_or_default(),
                style,
            )
        }
        IvRow::AddGoal(_) => (
            format!("  {plus} {}", lang.pick("目標を追加（a）", "Add a goal (a)")),
            theme.dim,
        ),
        IvRow::AddInterview => (
            format!("{plus} {}", lang.pick("面談を追加（a）", "Add an interview (a)")),
            theme.dim,
        ),
        IvRow::NotesHeader => (
            match lang {
                Lang::Ja => format!("{} 記録メモ（{}）", theme.glyphs.rule, doc.note_order.label(lang)),
                Lang::En => format!(
                    "{} Notes of the period ({})",
                    theme.glyphs.rule,
                    doc.note_order.label(lang)
                ),
            },
            theme.accent,
        ),
        IvRow::Note(n) => {
            let Some(note) = doc.plan.notes.get(n) else {
                return (String::new(), theme.text);
            };
            let about = note
                .competency
                .as_deref()
                .map(|c| bracketed(crate::describe::competency_name(&doc.profile, c), lang))
                .unwrap_or_default();
            (
                format!(
                    "  {} {} {about}{}",
                    note.date,
                    side_label(note.author, lang),
                    one_line(&note.text)
                ),
                theme.text,
            )
        }
        IvRow::AddNote => (
            format!("  {plus} {}", lang.pick("記録メモを書く（n）", "Write a note (n)")),
            theme.dim,
        ),
    }
}

pub fn draw(frame: &mut Frame, state: &State, doc: &Doc, area: Rect, theme: &Theme, hits: &mut HitMap) {
    let lang = state.lang();
    let [top, _] = panes(area);
    let title = match lang {
        Lang::Ja => "面談記録（← → で年度）",
        Lang::En => "Interview record (← → year)",
    };
    let outer = block(title, theme);
    let inner = outer.inner(top);
    frame.render_widget(outer, top);
    let columns = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        theme.cut(&year_summary(state, doc, doc.interview_fy, lang), columns),
        theme.title,
    )];
    let rows = interview_rows(doc);
    let selected = doc.selected.interview.index(&rows);
    let first_row = lines.len();
    let height = usize::from(inner.height).saturating_sub(first_row);
    let offset = scroll_offset(selected, height);
    for (n, (pos, row)) in rows.iter().enumerate().skip(offset).take(height).enumerate() {
        let (text, style) = row_text(doc, *row, state, theme);
        let style = if pos == selected { theme.selected } else { style };
        lines.push(Line::styled(theme.marked(&text, pos == selected, columns), style));
        hits.add(row_rect(inner, first_row + n), Hit::Interview(*row));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    draw_details(frame, state, details(state, doc, area, theme), doc.detail_scroll, theme);
}

/// The lower pane: the selected row in full.
pub fn details(state: &State, doc: &Doc, area: Rect, theme: &Theme) -> Details {
    let lang = state.lang();
    let [_, bottom] = panes(area);
    let columns = usize::from(bottom.width.saturating_sub(2));
    let rows = interview_rows(doc);
    let selected = doc.selected.interview.index(&rows);
    let mut lines = Vec::new();
    if let Some(row) = rows.get(selected) {
        // The year's figures first where the line above the list is cut (80 columns).
        let summary = year_summary(state, doc, doc.interview_fy, lang);
        if theme.width(&summary) > columns {
            lines.extend(theme.wrap(&summary, columns, theme.dim));
        }
        lines.extend(detail_lines(state, doc, *row, columns, theme));
    }
    Details {
        area: bottom,
        title: lang.pick("選んだ行の全文", "The selected row in full").to_string(),
        lines,
    }
}

/// `label: value` lines, wrapped, skipping values not given.
fn labelled(lines: &mut Vec<Line<'static>>, label: &str, value: Option<&str>, columns: usize, theme: &Theme) {
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        lines.extend(theme.wrap(&format!("{label}: {value}"), columns, theme.text));
    }
}

fn detail_lines(state: &State, doc: &Doc, row: IvRow, columns: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang();
    let mut lines = Vec::new();
    let hint = |lines: &mut Vec<Line<'static>>, ja: &str, en: &str| {
        lines.extend(theme.wrap(lang.pick(ja, en), columns, theme.dim));
    };
    let iv = row.interview().and_then(|i| doc.plan.interviews.get(i));
    match (row, iv) {
        (IvRow::Interview(_), Some(iv)) => {
            lines.extend(theme.wrap(&interview_heading(iv, lang), columns, theme.accent));
            labelled(
                &mut lines,
                lang.pick("本人の所見", "Own comment"),
                iv.self_comment.as_deref(),
                columns,
                theme,
            );
            labelled(
                &mut lines,
                lang.pick("上司の所見", "Supervisor's comment"),
                iv.supervisor_comment.as_deref(),
                columns,
                theme,
            );
            hint(
                &mut lines,
                "Enter: 種類・日付・評価者を編集　a: 目標を追加　t: 合意した研修　x: 削除",
                "Enter: edit kind, date, evaluators   a: add a goal   t: agreed trainings   x: delete",
            );
        }
        (IvRow::Comment(_, side), Some(iv)) => {
            let text = match side {
                NoteAuthor::Own => iv.self_comment.as_deref(),
                NoteAuthor::Supervisor => iv.supervisor_comment.as_deref(),
            };
            lines.extend(theme.wrap(text.unwrap_or(unwritten(lang)), columns, theme.text));
            hint(&mut lines, "Enter: 書く（複数行）", "Enter: write (several lines)");
        }
        (IvRow::NextSteps(_), Some(iv)) => {
            for step in &iv.agreed_next_steps {
                lines.extend(theme.wrap(&format!("・{step}"), columns, theme.text));
            }
            hint(
                &mut lines,
                "Enter: 書く（1行に1つ）",
                "Enter: write them (one per line)",
            );
        }
        (IvRow::AgreedTrainings(_), Some(iv)) => {
            for id in &iv.agreed_trainings {
                let name = crate::describe::training_name(&doc.profile, id);
                let status = if doc.plan.completed_trainings.contains(id) {
                    lang.pick("受講済み", "done").to_string()
                } else if let Some(fy) = doc
                    .plan
                    .planned_years
                    .get(id)
                    .copied()
                    .or_else(|| doc.analysis.trainings.iter().find(|s| s.id == *id).map(|s| s.fy))
                {
                    format!("{} {}", lang.pick("研修計画:", "planned:"), state.fy(fy))
                } else if doc.plan.planned_trainings.contains(id) {
                    lang.pick("研修計画に入っています", "in the training plan").to_string()
                } else {
                    lang.pick("研修計画から外されています", "not in the training plan")
                        .to_string()
                };
                lines.extend(theme.wrap(&format!("・{name} {} {status}", theme.glyphs.dash), columns, theme.text));
            }
            hint(
                &mut lines,
                "Enter・t: 能力の差を埋める研修から（全研修からも）選ぶ。合意した研修は研修計画に入ります",
                "Enter or t: choose from the trainings that close gaps (or any); agreed ones join the training plan",
            );
        }
        (IvRow::Goal(_, g), Some(iv)) => {
            if let Some(goal) = iv.goals.get(g) {
                lines.extend(theme.wrap(&goal.title, columns, theme.accent));
                labelled(
                    &mut lines,
                    lang.pick("達成基準", "Measure"),
                    goal.measure.as_deref(),
                    columns,
                    theme,
                );
                let due = goal.due.map(|d| d.to_string());
                labelled(&mut lines, lang.pick("期限", "Due"), due.as_deref(), columns, theme);
                labelled(
                    &mut lines,
                    lang.pick("難易度", "Difficulty"),
                    goal.difficulty.as_deref(),
                    columns,
                    theme,
                );
                let weight = goal.weight.map(|w| format!("{w}%"));
                labelled(
                    &mut lines,
                    lang.pick("ウェイト", "Weight"),
                    weight.as_deref(),
                    columns,
                    theme,
                );
                labelled(
                    &mut lines,
                    lang.pick("状況", "Status"),
                    Some(status_label(goal.status, lang)),
                    columns,
                    theme,
                );
                labelled(
                    &mut lines,
                    lang.pick("達成状況", "Result"),
                    goal.result.as_deref(),
                    columns,
                    theme,
                );
                hint(
                    &mut lines,
                    "Enter: 編集　Space: 状況を進める　x: 削除",
                    "Enter: edit   Space: next status   x: delete",
                );
            }
        }
        (IvRow::Note(n), _) => {
            if let Some(note) = doc.plan.notes.get(n) {
                let about = note
                    .competency
                    .as_deref()
                    .map(|c| {
                        format!(
                            "  {}",
                            bracketed(crate::describe::competency_name(&doc.profile, c), lang)
                        )
                    })
                    .unwrap_or_default();
                lines.extend(theme.wrap(
                    &format!("{} {}{about}", note.date, side_label(note.author, lang)),
                    columns,
                    theme.accent,
                ));
                lines.extend(theme.wrap(&note.text, columns, theme.text));
            }
        }
        (IvRow::NotesHeader | IvRow::AddNote, _) => hint(
            &mut lines,
            "職務行動記録メモ: 期間中の事実と行動を、本人・上司のどちらも日付つきで記録します（能力を選ぶと、その能力の根拠になります）。n: 書く　s: 並べ方",
            "Notes of the period: dated facts and actions, written by either side (pick a competency to make it evidence for it). n: write   s: order",
        ),
        (IvRow::AddInterview, _) => hint(
            &mut lines,
            "期首面談で目標と役割を決め、中間・期末面談で振り返ります。Enter・a: 面談を追加",
            "The start-of-year interview sets goals and roles; mid- and end-of-year interviews review them. Enter or a: add an interview",
        ),
        (IvRow::AddGoal(_), _) => hint(
            &mut lines,
            "目標: 達成基準・期限・難易度・ウェイト（合計100%まで）。Enter・a: 追加",
            "Goal: measure, due date, difficulty, weight (100% in all at most). Enter or a: add",
        ),
        _ => {}
    }
    lines
}
