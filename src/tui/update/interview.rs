//! The Interview view (面談記録): adding and editing interviews, their goals, comments,
//! next steps and agreed trainings, and the notes of the period. Every change is an
//! ordinary edit (checked, undoable, saved); agreed trainings join the training plan.

use crate::i18n::Lang;
use crate::model::{Interview, InterviewKind, NoteAuthor};
use crate::tui::action::Command;
use crate::tui::forms::interview::{next_status, status_label};
use crate::tui::forms::{Editor, EditorFor, Form, FormKind, GoalForm, InterviewForm, NoteForm};
use crate::tui::picker::{PickItem, PickTarget, Picker};
use crate::tui::state::{Doc, IvRow, Overlay, Pending, Said, State, interview_rows, interviews_of};
use crate::tui::update::Effect;
use crate::tui::update::edit::{apply, apply_or_warn};
use crate::tui::update::views::training_name;

/// Handles a command on the Interview view; false when it is not one of the view's own.
pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) -> bool {
    match command {
        Command::Open => open(state, fx),
        Command::Add => add(state),
        Command::AddNote => add_note(state, None),
        Command::CycleGoalStatus => cycle_status(state, fx),
        Command::AgreeTrainings => agree(state),
        Command::SortNext => {
            if let Some(doc) = &mut state.doc {
                doc.note_order = doc.note_order.next();
                let order = doc.note_order;
                state.say(Said::each(|l| {
                    format!("{}: {}", l.pick("記録メモ", "Notes"), order.label(l))
                }));
            }
        }
        Command::Left | Command::Right => {
            if let Some(doc) = &mut state.doc {
                doc.interview_fy += if command == Command::Right { 1 } else { -1 };
                doc.selected.interview = Default::default();
                let fy = doc.interview_fy;
                let wareki = state.ui.wareki;
                state.say(Said::each(|l| crate::model::fiscal_year_text(fy, l, wareki)));
            }
        }
        _ => return false,
    }
    true
}

fn selected(doc: &Doc) -> Option<IvRow> {
    doc.selected.interview.selected(&interview_rows(doc)).copied()
}

/// Enter: edit the selected row (or add, on an "add" row).
fn open(state: &mut State, fx: &mut Vec<Effect>) {
    let lang = state.lang();
    let today = state.today;
    let Some(doc) = &state.doc else { return };
    let overlay = match selected(doc) {
        Some(IvRow::Interview(i)) => {
            let Some(iv) = doc.plan.interviews.get(i) else { return };
            Overlay::Form(Form::new(FormKind::Interview(InterviewForm::new(
                Some((i, iv)),
                iv.fy,
                today,
                &[],
                lang,
            ))))
        }
        Some(IvRow::Comment(i, side)) => {
            let Some(iv) = doc.plan.interviews.get(i) else { return };
            let text = match side {
                NoteAuthor::Own => &iv.self_comment,
                NoteAuthor::Supervisor => &iv.supervisor_comment,
            };
            Overlay::Editor(Editor::new(EditorFor::Comment(i, side), text.as_deref().unwrap_or("")))
        }
        Some(IvRow::NextSteps(i)) => {
            let Some(iv) = doc.plan.interviews.get(i) else { return };
            Overlay::Editor(Editor::new(EditorFor::NextSteps(i), &iv.agreed_next_steps.join("\n")))
        }
        Some(IvRow::AgreedTrainings(i)) => Overlay::Picker(agreed_picker(doc, i, lang)),
        Some(IvRow::Goal(i, g)) => {
            let Some(iv) = doc.plan.interviews.get(i) else { return };
            let Some(goal) = iv.goals.get(g) else { return };
            Overlay::Form(Form::new(FormKind::Goal(GoalForm::new(
                i,
                Some((g, goal)),
                iv.fy,
                lang,
            ))))
        }
        Some(IvRow::AddGoal(_) | IvRow::AddInterview) => {
            add(state);
            return;
        }
        Some(IvRow::Note(n)) => {
            let Some(note) = doc.plan.notes.get(n) else { return };
            Overlay::Form(Form::new(FormKind::Note(NoteForm::new(
                &doc.profile,
                Some((n, note)),
                today,
                None,
                lang,
            ))))
        }
        Some(IvRow::NotesHeader | IvRow::AddNote) | None => {
            add_note(state, None);
            return;
        }
    };
    let _ = fx;
    state.overlay = Some(overlay);
}

/// `a`: a goal for the selected interview, a note in the notes, else a new interview.
fn add(state: &mut State) {
    let lang = state.lang();
    let today = state.today;
    let Some(doc) = &state.doc else { return };
    let row = selected(doc);
    if row.is_some_and(IvRow::in_notes) {
        add_note(state, None);
        return;
    }
    let overlay = match row.and_then(IvRow::interview) {
        Some(i) if !matches!(row, Some(IvRow::AddInterview)) => {
            let Some(iv) = doc.plan.interviews.get(i) else { return };
            Overlay::Form(Form::new(FormKind::Goal(GoalForm::new(i, None, iv.fy, lang))))
        }
        _ => {
            let fy = doc.interview_fy;
            let held: Vec<InterviewKind> = interviews_of(doc, fy)
                .into_iter()
                .filter_map(|i| doc.plan.interviews.get(i).map(|iv| iv.kind))
                .collect();
            Overlay::Form(Form::new(FormKind::Interview(InterviewForm::new(
                None, fy, today, &held, lang,
            ))))
        }
    };
    state.overlay = Some(overlay);
}

/// `n`: a note dated today (or the shown year's first day), on `competency` when given.
pub fn add_note(state: &mut State, competency: Option<&str>) {
    let lang = state.lang();
    let today = state.today;
    let Some(doc) = &state.doc else { return };
    let fy = if doc.view == crate::tui::action::View::Interview {
        doc.interview_fy
    } else {
        today.fiscal_year()
    };
    let date = if today.fiscal_year() == fy {
        today
    } else {
        crate::model::Date::fy_start(fy)
    };
    let mut form = Form::new(FormKind::Note(NoteForm::new(
        &doc.profile,
        None,
        date,
        competency,
        lang,
    )));
    // The note's text first: the date, author and competency are usually right already.
    form.focus = NoteForm::TEXT;
    state.overlay = Some(Overlay::Form(form));
}

/// Space on a goal: its next status.
fn cycle_status(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    let Some(IvRow::Goal(i, g)) = selected(doc) else {
        state.say(Said::new(
            "目標の行を選ぶと、Space で状況を進めます",
            "Select a goal; Space moves its status on",
        ));
        return;
    };
    let Some(goal) = doc.plan.interviews.get(i).and_then(|iv| iv.goals.get(g)) else {
        return;
    };
    let next = next_status(goal.status);
    let title = crate::text::truncate(&goal.title, 30);
    apply_or_warn(
        state,
        Said::each(|l| format!("{title} → {}", status_label(next, l))),
        |p, _| match p.interviews.get_mut(i).and_then(|iv| iv.goals.get_mut(g)) {
            Some(goal) => {
                goal.status = next;
                true
            }
            None => false,
        },
        fx,
    );
}

/// `t`: the trainings agreed at the selected interview.
fn agree(state: &mut State) {
    let lang = state.lang();
    let Some(doc) = &state.doc else { return };
    match selected(doc).and_then(IvRow::interview) {
        Some(i) => state.overlay = Some(Overlay::Picker(agreed_picker(doc, i, lang))),
        None => state.say(Said::new(
            "面談の行を選んでから、合意した研修を選んでください",
            "Select an interview first, then choose the agreed trainings",
        )),
    }
}

/// The trainings to agree on: those suggested for the gaps first (with the gaps they
/// address), then the rest of the catalogue; agreed ones are marked.
pub fn agreed_picker(doc: &Doc, interview: usize, lang: Lang) -> Picker {
    let agreed: &[String] = doc
        .plan
        .interviews
        .get(interview)
        .map_or(&[], |iv| iv.agreed_trainings.as_slice());
    let mark = |id: &str, rest: String| {
        if agreed.iter().any(|a| a == id) {
            lang.pick("✓ 合意済み", "✓ agreed").to_string()
        } else {
            rest
        }
    };
    let mut seen = std::collections::HashSet::new();
    let mut items = Vec::new();
    for s in &doc.analysis.trainings {
        if !seen.insert(s.id.as_str()) {
            continue;
        }
        let gaps: Vec<String> = s
            .addresses
            .iter()
            .map(|c| crate::describe::competency_name(&doc.profile, c).to_string())
            .collect();
        let label = if gaps.is_empty() {
            s.name.clone()
        } else {
            format!("{} — {}", s.name, gaps.join("・"))
        };
        items.push(PickItem {
            kind: mark(&s.id, lang.pick("差を埋める", "closes a gap").into()),
            label,
            search: format!("{} {}", s.name, s.id),
            target: PickTarget::AgreeTraining(interview, s.id.clone()),
        });
    }
    for t in &doc.profile.trainings {
        if seen.contains(t.id.as_str()) || doc.plan.completed_trainings.contains(&t.id) {
            continue;
        }
        items.push(PickItem {
            kind: mark(&t.id, t.category_label(lang == Lang::Ja).into()),
            label: t.name.clone(),
            search: format!("{} {}", t.name, t.id),
            target: PickTarget::AgreeTraining(interview, t.id.clone()),
        });
    }
    Picker::new(
        lang.pick(
            "合意した研修（Enter で合意・取消、研修計画に入ります。Esc で閉じる）",
            "Agreed trainings (Enter agrees / withdraws; they join the training plan. Esc closes)",
        )
        .into(),
        items,
    )
}

/// Agrees on a training at interview `i` (it joins the training plan for the interview's
/// year, or this year, unless already planned or done), or withdraws the agreement (the
/// training stays planned: the plan's own list decides that).
pub fn toggle_agreed(state: &mut State, i: usize, id: String, fx: &mut Vec<Effect>) {
    let today_fy = state.today.fiscal_year();
    let lang = state.lang();
    let Some(doc) = &state.doc else { return };
    let name = training_name(doc, &id);
    let Some(iv) = doc.plan.interviews.get(i) else { return };
    let agreed = iv.agreed_trainings.contains(&id);
    let year = iv.fy.max(today_fy);
    let already = doc.plan.planned_trainings.contains(&id) || doc.plan.completed_trainings.contains(&id);
    let changed = apply_or_warn(
        state,
        Said::each(|l| {
            format!(
                "{name} {}",
                if agreed {
                    l.pick("の合意を取消", "no longer agreed")
                } else {
                    l.pick("を合意", "agreed")
                }
            )
        }),
        |p, _| {
            let Some(iv) = p.interviews.get_mut(i) else {
                return false;
            };
            if agreed {
                iv.agreed_trainings.retain(|t| *t != id);
            } else {
                iv.agreed_trainings.push(id.clone());
                let known = p.planned_trainings.contains(&id) || p.completed_trainings.contains(&id);
                if !known {
                    p.plan_training_for(&id, year);
                }
            }
            true
        },
        fx,
    );
    if let Some(doc) = &state.doc
        && changed
    {
        state.overlay = Some(Overlay::Picker(agreed_picker(doc, i, lang)));
        let wareki = state.ui.wareki;
        state.say(Said::each(|l| {
            if agreed {
                format!(
                    "{name}: {}",
                    l.pick(
                        "合意を取り消しました（研修計画には残っています）",
                        "agreement withdrawn (it stays in the training plan)"
                    )
                )
            } else if already {
                format!(
                    "{name}: {}",
                    l.pick(
                        "合意しました（研修計画にすでに入っています）",
                        "agreed (it was in the training plan already)"
                    )
                )
            } else {
                format!(
                    "{name}: {} {}",
                    l.pick("合意し、研修計画に入れました", "agreed and in the training plan for"),
                    crate::model::fiscal_year_text(year, l, wareki)
                )
            }
        }));
    }
}

/// Saves an interview form: a new interview is appended (never over another), an existing
/// one keeps its comments, goals and trainings.
pub fn submit_interview(state: &mut State, form: &InterviewForm, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let mut interview = match form.index.and_then(|i| state.doc.as_ref()?.plan.interviews.get(i)) {
        Some(iv) => iv.clone(),
        None => InterviewForm::blank(),
    };
    form.apply_to(&mut interview).map_err(|e| e.0)?;
    let index = form.index;
    let fy = interview.fy;
    let kind = interview.kind;
    let new_at = apply(
        state,
        Said::each(|l| kind.label(l).to_string()),
        |p, _| {
            match index.and_then(|i| p.interviews.get_mut(i)) {
                Some(slot) => *slot = interview,
                None => p.interviews.push(interview),
            }
            true
        },
        fx,
    )
    .map(|_| {
        index.unwrap_or_else(|| {
            state
                .doc
                .as_ref()
                .map_or(0, |d| d.plan.interviews.len().saturating_sub(1))
        })
    })?;
    follow(state, fy, IvRow::Interview(new_at));
    Ok(())
}

pub fn submit_goal(state: &mut State, form: &GoalForm, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let goal = form.to_goal().map_err(|e| e.0)?;
    let (i, index) = (form.interview, form.index);
    let title = goal.title.clone();
    apply(
        state,
        Said::each(|l| format!("{} {}", l.pick("目標", "goal"), crate::text::truncate(&title, 30))),
        |p, _| {
            let Some(iv) = p.interviews.get_mut(i) else {
                return false;
            };
            match index.and_then(|g| iv.goals.get_mut(g)) {
                Some(slot) => *slot = goal,
                None => iv.goals.push(goal),
            }
            true
        },
        fx,
    )?;
    if let Some(doc) = &state.doc
        && let Some(iv) = doc.plan.interviews.get(i)
    {
        let g = index.unwrap_or(iv.goals.len().saturating_sub(1));
        follow(state, iv.fy, IvRow::Goal(i, g));
    }
    Ok(())
}

pub fn submit_note(state: &mut State, form: &NoteForm, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let note = form.to_note().map_err(|e| e.0)?;
    let index = form.index;
    let fy = note.date.fiscal_year();
    apply(
        state,
        Said::new("記録メモ", "note"),
        |p, _| {
            match index.and_then(|n| p.notes.get_mut(n)) {
                Some(slot) => *slot = note,
                None => p.notes.push(note),
            }
            true
        },
        fx,
    )?;
    let n = index.unwrap_or_else(|| state.doc.as_ref().map_or(0, |d| d.plan.notes.len().saturating_sub(1)));
    let in_view = state
        .doc
        .as_ref()
        .is_some_and(|d| d.view == crate::tui::action::View::Interview);
    if in_view {
        follow(state, fy, IvRow::Note(n));
    } else {
        state.say(Said::new(
            "記録メモを書きました（8 面談 で一覧できます）",
            "Note written (8 Interview lists them)",
        ));
    }
    Ok(())
}

/// A comment (本人 or 上司) or the next steps (one per line) of interview `i`.
pub fn submit_text(state: &mut State, target: &EditorFor, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let value = Some(text.trim().to_string()).filter(|t| !t.is_empty());
    match *target {
        EditorFor::Comment(i, side) => apply(
            state,
            Said::each(|l| match side {
                NoteAuthor::Own => l.pick("本人の所見", "own comment").to_string(),
                NoteAuthor::Supervisor => l.pick("上司の所見", "supervisor's comment").to_string(),
            }),
            |p, _| {
                let Some(iv) = p.interviews.get_mut(i) else {
                    return false;
                };
                match side {
                    NoteAuthor::Own => iv.self_comment = value,
                    NoteAuthor::Supervisor => iv.supervisor_comment = value,
                }
                true
            },
            fx,
        )
        .map(|_| ()),
        EditorFor::NextSteps(i) => {
            let steps: Vec<String> = text
                .lines()
                .map(|l| l.trim().trim_start_matches(['・', '-', '*']).trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            apply(
                state,
                Said::new("合意した次の一歩", "agreed next steps"),
                |p, _| {
                    let Some(iv) = p.interviews.get_mut(i) else {
                        return false;
                    };
                    iv.agreed_next_steps = steps;
                    true
                },
                fx,
            )
            .map(|_| ())
        }
        _ => Ok(()),
    }
}

/// Shows year `fy` with `row` selected (after an edit that may have moved it).
fn follow(state: &mut State, fy: crate::model::FiscalYear, row: IvRow) {
    let Some(doc) = &mut state.doc else { return };
    if doc.view != crate::tui::action::View::Interview {
        return;
    }
    doc.interview_fy = fy;
    let rows = interview_rows(doc);
    doc.selected.interview.select_key(&rows, row);
}

/// What `x` would delete on the Interview view, and how to ask.
pub fn pending_delete(doc: &Doc) -> Option<(Pending, Said)> {
    match selected(doc)? {
        IvRow::Interview(i) => {
            let iv = doc.plan.interviews.get(i)?;
            Some((Pending::Interview(i), describe_interview(iv)))
        }
        IvRow::Goal(i, g) => {
            let goal = doc.plan.interviews.get(i)?.goals.get(g)?;
            let title = crate::text::truncate(&goal.title, 30);
            Some((
                Pending::Goal(i, g),
                Said::each(|l| format!("{} 「{title}」", l.pick("目標", "the goal"))),
            ))
        }
        IvRow::Note(n) => {
            let note = doc.plan.notes.get(n)?;
            let text = crate::text::truncate(&note.text, 30);
            let date = note.date;
            Some((
                Pending::Note(n),
                Said::each(|l| format!("{} {date} 「{text}」", l.pick("記録メモ", "the note"))),
            ))
        }
        _ => None,
    }
}

fn describe_interview(iv: &Interview) -> Said {
    let (date, kind, goals) = (iv.date, iv.kind, iv.goals.len());
    Said::each(|l| {
        let with = if goals == 0 {
            String::new()
        } else {
            match l {
                Lang::Ja => format!("と目標 {goals} 件"),
                Lang::En => format!(" with its {goals} goal(s)"),
            }
        };
        format!("{date} {}{with}", kind.label(l))
    })
}

/// Deletes an interview, goal or note; returns false for another kind of deletion.
pub fn delete(state: &mut State, pending: &Pending, fx: &mut Vec<Effect>) -> Option<bool> {
    let what = match pending {
        Pending::Interview(_) => Said::new("面談を削除", "deleted the interview"),
        Pending::Goal(..) => Said::new("目標を削除", "deleted the goal"),
        Pending::Note(_) => Said::new("記録メモを削除", "deleted the note"),
        _ => return None,
    };
    let changed = apply_or_warn(
        state,
        what.clone(),
        |p, _| match *pending {
            Pending::Interview(i) if i < p.interviews.len() => {
                p.interviews.remove(i);
                true
            }
            Pending::Goal(i, g) => match p.interviews.get_mut(i) {
                Some(iv) if g < iv.goals.len() => {
                    iv.goals.remove(g);
                    true
                }
                _ => false,
            },
            Pending::Note(n) if n < p.notes.len() => {
                p.notes.remove(n);
                true
            }
            _ => false,
        },
        fx,
    );
    if changed {
        state.say(Said::each(|l| {
            format!("{}{}", what.get(l), l.pick("しました（u で元に戻す）", " (u undoes)"))
        }));
    }
    Some(changed)
}
