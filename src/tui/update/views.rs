//! Commands on an open plan's views (no pop-up open).

use crate::model::{Assessor, Track};
use crate::tui::action::{Command, View};
use crate::tui::forms::{Editor, EditorFor, Form, FormKind, LeaveForm, PostingForm, Prompt, PromptFor};
use crate::tui::picker::Picker;
use crate::tui::state::{
    AfterClose, Doc, Field, Hit, Overlay, Said, SitRow, State, gap_rows, interview_rows, path_rows, role_rows,
    situation_rows, support_rows, training_rows,
};
use crate::tui::update::Effect;
use crate::tui::update::assess::{level, no_ladder, tick_role};
use crate::tui::update::delete::ask_delete;
use crate::tui::update::edit::{apply_or_warn, undo};
use crate::tui::update::saving::{close, offer_save_as, save};
use crate::tui::update::trainings::{mark_training, move_planned_year};

/// Rows a page moves.
fn page(state: &State) -> isize {
    isize::try_from(state.size.1.saturating_sub(10)).unwrap_or(1).max(1)
}

pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let page = page(state);
    let Some(doc) = &mut state.doc else { return };
    pin_selection(doc);
    let view = doc.view;
    if view == View::Interview && crate::tui::update::interview::command(state, command, fx) {
        return;
    }
    if view == View::Workshop && crate::tui::update::workshop::command(state, command, fx) {
        return;
    }
    let Some(doc) = &mut state.doc else { return };
    match command {
        Command::Quit | Command::ClosePlan => close(state, AfterClose::StartScreen, fx),
        Command::Back => doc.view = View::Situation,
        Command::NextView | Command::PrevView => {
            let step = if command == Command::NextView {
                1
            } else {
                View::ALL.len() - 1
            };
            doc.view = View::ALL
                .get((doc.view.index() + step) % View::ALL.len())
                .copied()
                .unwrap_or(View::Situation);
        }
        Command::Go(view) => doc.view = view,
        Command::Compare => crate::tui::update::compare::choose_city(state),
        Command::Up => move_selection(doc, -1),
        Command::Down => move_selection(doc, 1),
        Command::PageUp => move_selection(doc, -page),
        Command::PageDown => move_selection(doc, page),
        Command::Top => move_selection(doc, isize::MIN / 2),
        Command::Bottom => move_selection(doc, isize::MAX / 2),
        Command::Undo => undo(state, false, fx),
        Command::Redo => undo(state, true, fx),
        Command::Save => save(state, fx),
        Command::SaveAs => offer_save_as(state),
        Command::Left | Command::Right if doc.view == View::Trainings => {
            move_planned_year(state, if command == Command::Right { 1 } else { -1 }, fx);
        }
        Command::Left | Command::Right => {
            let delta = if command == Command::Right { 1 } else { -1 };
            if doc.view == View::Situation {
                match doc.selected.situation.selected(&situation_rows(doc)).cloned() {
                    Some(SitRow::Competency(id)) => level(state, &id, Assessor::Own, delta, fx),
                    Some(SitRow::Field(field)) => cycle_field(state, field, isize::from(delta), fx),
                    _ => {}
                }
            }
        }
        Command::LevelUp | Command::LevelDown | Command::SupervisorUp | Command::SupervisorDown => {
            let who = if matches!(command, Command::SupervisorUp | Command::SupervisorDown) {
                Assessor::Supervisor
            } else {
                Assessor::Own
            };
            let delta = if matches!(command, Command::LevelUp | Command::SupervisorUp) {
                1
            } else {
                -1
            };
            match selected_competency(doc) {
                Some(id) => level(state, &id, who, delta, fx),
                None => state.say(Said::new(
                    "能力の行を選んでから段階を変えてください",
                    "Select a competency first",
                )),
            }
        }
        Command::Export => {
            let fy = if doc.view == View::Interview {
                doc.interview_fy
            } else {
                state.today.fiscal_year()
            };
            let mut form = crate::tui::forms::ExportForm::new(fy, state.ui.lang);
            // Names hidden on screen stay hidden on paper unless the facilitator says otherwise.
            if state.workshop.as_ref().is_some_and(|w| w.anonymous) {
                form.anonymous.selected = 1;
            }
            state.overlay = Some(Overlay::Form(Form::new(FormKind::Export(form))));
        }
        Command::AddNote => {
            let competency = selected_competency(doc);
            crate::tui::update::interview::add_note(state, competency.as_deref());
        }
        Command::ChooseLevel => match selected_competency(doc) {
            Some(id) => match no_ladder(doc, &id) {
                Some(why) => state.say(why),
                None => {
                    let picker = crate::tui::picker::Picker::levels(doc, &id, state.ui.lang);
                    state.overlay = Some(Overlay::Picker(picker));
                }
            },
            None => state.say(Said::new(
                "能力の行を選んでから段階を選んでください",
                "Select a competency first",
            )),
        },
        Command::EditEvidence => {
            if let Some(id) = selected_competency(doc) {
                let text = doc.plan.evidence.get(&id).cloned().unwrap_or_default();
                state.overlay = Some(Overlay::Editor(Editor::new(EditorFor::Evidence(id), &text)));
            }
        }
        Command::SortNext => {
            use crate::tui::state::GapSort;
            doc.gap_sort = match doc.gap_sort {
                GapSort::Emphasis => GapSort::Gap,
                GapSort::Gap => GapSort::Document,
                GapSort::Document => GapSort::Disagreement,
                GapSort::Disagreement => GapSort::Emphasis,
            };
        }
        Command::FilterNext => {
            use crate::tui::state::GapFilter;
            doc.gap_filter = match doc.gap_filter {
                GapFilter::All => GapFilter::WithGap,
                GapFilter::WithGap => GapFilter::KeyOnly,
                GapFilter::KeyOnly => GapFilter::All,
            };
        }
        Command::MarkPlanned | Command::MarkDone => mark_training(state, command == Command::MarkDone, fx),
        Command::SetTarget => {
            let rows = path_rows(doc);
            if let Some(grade) = doc.selected.path.selected(&rows).cloned() {
                let name = grade_name(doc, &grade);
                apply_or_warn(
                    state,
                    Said::each(|l| format!("{} → {name}", crate::tui::state::Field::TargetGrade.label(l))),
                    |p, _| {
                        p.target_grade = grade;
                        true
                    },
                    fx,
                );
            }
        }
        Command::TickRole | Command::ConfirmRole => {
            let who = if command == Command::TickRole {
                Assessor::Own
            } else {
                Assessor::Supervisor
            };
            tick_role(state, who, fx);
        }
        Command::Open => open_row(state, fx),
        Command::Add => add_row(state),
        Command::Delete => ask_delete(state),
        _ => {}
    }
}

pub fn grade_name(doc: &Doc, id: &str) -> String {
    crate::describe::grade_name(&doc.profile, id).to_string()
}

pub(super) fn competency_name(doc: &Doc, id: &str) -> String {
    crate::describe::competency_name(&doc.profile, id).to_string()
}

pub fn training_name(doc: &Doc, id: &str) -> String {
    crate::describe::training_name(&doc.profile, id).to_string()
}

/// Settles the current view's selection on its item before a command acts on it.
fn pin_selection(doc: &mut Doc) {
    match doc.view {
        View::Situation => {
            let rows = situation_rows(doc);
            doc.selected.situation.pin(&rows);
        }
        View::Path => {
            let rows = path_rows(doc);
            doc.selected.path.pin(&rows);
        }
        View::Gaps => {
            let rows = gap_rows(doc);
            doc.selected.gaps.pin(&rows);
        }
        View::Trainings => {
            let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
            doc.selected.trainings.pin(&rows);
        }
        View::Rotation => {
            let rows: Vec<usize> = (0..doc.analysis.rotation.postings.len()).collect();
            doc.selected.rotation.pin(&rows);
        }
        View::Roles => {
            let rows = role_rows(doc);
            doc.selected.roles.pin(&rows);
        }
        View::Support => {
            let rows = support_rows(doc);
            doc.selected.support.pin(&rows);
        }
        View::Interview => {
            let rows = interview_rows(doc);
            doc.selected.interview.pin(&rows);
        }
        View::Workshop => {}
    }
}

fn move_selection(doc: &mut Doc, delta: isize) {
    match doc.view {
        View::Situation => {
            let rows = situation_rows(doc);
            let here = doc.selected.situation.index(&rows);
            let mut next = here.saturating_add_signed(delta).min(rows.len().saturating_sub(1));
            // Headers are not selectable: go on in the same direction, or back.
            let is_header = |i: usize| matches!(rows.get(i), Some(SitRow::Header(_)));
            while is_header(next) {
                let candidate = if delta < 0 { next.checked_sub(1) } else { Some(next + 1) };
                match candidate.filter(|c| *c < rows.len()) {
                    Some(c) => next = c,
                    None => {
                        // A header at the edge (Home, End): the nearest row the other way.
                        let other = if delta < 0 {
                            (next..rows.len()).find(|i| !is_header(*i))
                        } else {
                            (0..=next).rev().find(|i| !is_header(*i))
                        };
                        next = other.unwrap_or(here);
                        break;
                    }
                }
            }
            doc.selected.situation.select(&rows, next);
        }
        View::Path => {
            let rows = path_rows(doc);
            let here = doc.selected.path.index(&rows);
            doc.selected.path.select(&rows, here.saturating_add_signed(delta));
        }
        View::Gaps => {
            let rows = gap_rows(doc);
            let here = doc.selected.gaps.index(&rows);
            doc.selected.gaps.select(&rows, here.saturating_add_signed(delta));
        }
        View::Trainings => {
            let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
            let here = doc.selected.trainings.index(&rows);
            doc.selected.trainings.select(&rows, here.saturating_add_signed(delta));
        }
        View::Rotation => {
            let rows: Vec<usize> = (0..doc.analysis.rotation.postings.len()).collect();
            let here = doc.selected.rotation.index(&rows);
            doc.selected.rotation.select(&rows, here.saturating_add_signed(delta));
        }
        View::Roles => {
            let rows = role_rows(doc);
            let here = doc.selected.roles.index(&rows);
            doc.selected.roles.select(&rows, here.saturating_add_signed(delta));
        }
        View::Support => {
            let rows = support_rows(doc);
            let here = doc.selected.support.index(&rows);
            doc.selected.support.select(&rows, here.saturating_add_signed(delta));
        }
        View::Interview => {
            let rows = interview_rows(doc);
            let here = doc.selected.interview.index(&rows);
            doc.selected.interview.select(&rows, here.saturating_add_signed(delta));
        }
        View::Workshop => crate::tui::update::workshop::move_selection(doc, delta),
    }
}

/// Selects what was clicked; true when it was selected already (the click then opens it).
pub fn select_hit(doc: &mut Doc, hit: Hit) -> bool {
    fn pick<K: PartialEq + Clone>(sel: &mut crate::tui::state::Selection<K>, rows: &[K], key: K) -> bool {
        let again = sel.selected(rows) == Some(&key);
        sel.select_key(rows, key);
        again
    }
    match hit {
        Hit::Situation(row) if !matches!(row, SitRow::Header(_)) => {
            let rows = situation_rows(doc);
            pick(&mut doc.selected.situation, &rows, row)
        }
        Hit::Path(grade) => {
            let rows = path_rows(doc);
            pick(&mut doc.selected.path, &rows, grade)
        }
        Hit::Gap(id) => {
            let rows = gap_rows(doc);
            pick(&mut doc.selected.gaps, &rows, id)
        }
        Hit::Training(id) => {
            let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
            pick(&mut doc.selected.trainings, &rows, id)
        }
        Hit::Rotation(i) => {
            let rows: Vec<usize> = (0..doc.analysis.rotation.postings.len()).collect();
            pick(&mut doc.selected.rotation, &rows, i)
        }
        Hit::Role(n) => {
            let rows = role_rows(doc);
            pick(&mut doc.selected.roles, &rows, n)
        }
        Hit::Support(i) => {
            let rows = support_rows(doc);
            pick(&mut doc.selected.support, &rows, i)
        }
        Hit::Interview(row) => {
            let rows = interview_rows(doc);
            pick(&mut doc.selected.interview, &rows, row)
        }
        Hit::WcmPane(pane) => {
            // A click selects the pane; Enter writes in it.
            crate::tui::update::workshop::wcm::select(doc, pane);
            false
        }
        Hit::LifelineYear(fy) => {
            crate::tui::update::workshop::lifeline::select(doc, fy);
            false
        }
        _ => false,
    }
}

fn selected_competency(doc: &Doc) -> Option<String> {
    match doc.view {
        View::Situation => match doc.selected.situation.selected(&situation_rows(doc)) {
            Some(SitRow::Competency(id)) => Some(id.clone()),
            _ => None,
        },
        View::Gaps => doc.selected.gaps.selected(&gap_rows(doc)).cloned(),
        _ => None,
    }
}

fn cycle_field(state: &mut State, field: Field, delta: isize, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    let what = Said::each(|l| field.label(l).to_string());
    let today_fy = state.today.fiscal_year();
    match field {
        Field::Track => {
            apply_or_warn(
                state,
                what,
                |p, profile| {
                    if profile.courses.is_empty() {
                        p.track = match p.track {
                            Track::Generalist => Track::Specialist,
                            Track::Specialist => Track::Generalist,
                        };
                        return true;
                    }
                    // The profile's courses in turn; a field belongs to the course left.
                    let at = p
                        .course_id(profile)
                        .and_then(|c| profile.courses.iter().position(|x| x.id == c))
                        .unwrap_or(0);
                    let n = profile.courses.len();
                    let next = (at + n).saturating_add_signed(delta) % n;
                    let Some(course) = profile.courses.get(next) else {
                        return false;
                    };
                    p.course = Some(course.id.clone());
                    p.course_field = None;
                    true
                },
                fx,
            );
        }
        Field::Grade | Field::TargetGrade => {
            let current = if field == Field::Grade {
                doc.plan.grade.clone()
            } else {
                doc.plan.target_grade.clone()
            };
            if let Some(next) = doc.plan.neighbour_grade(&doc.profile, &current, delta) {
                apply_or_warn(
                    state,
                    what,
                    |p, _| {
                        if field == Field::Grade {
                            p.set_grade(next);
                        } else {
                            p.target_grade = next;
                        }
                        true
                    },
                    fx,
                );
            }
        }
        Field::Series => {
            let all: Vec<&str> = doc.profile.job_series.iter().map(|s| s.id.as_str()).collect();
            let here = doc
                .plan
                .series_id(&doc.profile)
                .and_then(|id| all.iter().position(|s| *s == id))
                .unwrap_or(0);
            let next = here.saturating_add_signed(delta).min(all.len().saturating_sub(1));
            if let Some(series) = all.get(next).map(|s| s.to_string()) {
                apply_or_warn(state, what, |p, profile| p.set_series(profile, &series), fx);
            }
        }
        Field::TargetFy => {
            let fy = doc.plan.target_fy.unwrap_or(today_fy);
            let next = fy.saturating_add(i32::try_from(delta).unwrap_or(0));
            apply_or_warn(
                state,
                what,
                |p, _| {
                    p.target_fy = Some(next);
                    true
                },
                fx,
            );
        }
        _ => {}
    }
}

/// Enter on the situation editor or the rotation view: edit the selected row.
fn open_row(state: &mut State, fx: &mut Vec<Effect>) {
    let lang = state.lang();
    let today = state.today;
    let Some(doc) = &state.doc else { return };
    let row = match doc.view {
        View::Situation => doc.selected.situation.selected(&situation_rows(doc)).cloned(),
        View::Rotation => {
            let rows: Vec<usize> = (0..doc.analysis.rotation.postings.len()).collect();
            doc.selected.rotation.selected(&rows).map(|i| SitRow::Posting(*i))
        }
        _ => None,
    };
    let default_from = crate::model::Date::fy_start(today.fiscal_year());
    let overlay = match row {
        Some(SitRow::Field(field)) => match field {
            Field::Series | Field::Grade | Field::TargetGrade | Field::CourseField => {
                Overlay::Picker(Picker::choice(doc, field, lang))
            }
            Field::Track => {
                cycle_field(state, field, 1, fx);
                return;
            }
            _ => {
                let p = &doc.plan;
                let value = match field {
                    Field::Name => p.name.clone().unwrap_or_default(),
                    Field::BirthDate => p.birth_date.to_string(),
                    Field::HireDate => p.hire_date.to_string(),
                    Field::GradeSince => p.grade_since.to_string(),
                    Field::TargetFy => p.target_fy.map(|y| y.to_string()).unwrap_or_default(),
                    Field::CourseSince => p.course_since.map(|d| d.to_string()).unwrap_or_default(),
                    _ => String::new(),
                };
                Overlay::Prompt(Prompt::new(PromptFor::Field(field), &value))
            }
        },
        Some(SitRow::Competency(id)) => {
            let text = doc.plan.evidence.get(&id).cloned().unwrap_or_default();
            Overlay::Editor(Editor::new(EditorFor::Evidence(id), &text))
        }
        Some(SitRow::Posting(i)) => {
            let existing = doc.plan.assignments.get(i).map(|a| (i, a));
            Overlay::Form(Form::new(FormKind::Posting(PostingForm::new(
                &doc.profile,
                existing,
                default_from,
            ))))
        }
        Some(SitRow::AddPosting) => Overlay::Form(Form::new(FormKind::Posting(PostingForm::new(
            &doc.profile,
            None,
            default_from,
        )))),
        Some(SitRow::Leave(i)) => {
            let existing = doc.plan.leaves.get(i).map(|l| (i, l));
            Overlay::Form(Form::new(FormKind::Leave(LeaveForm::new(existing, lang))))
        }
        Some(SitRow::AddLeave) => Overlay::Form(Form::new(FormKind::Leave(LeaveForm::new(None, lang)))),
        Some(SitRow::AddTraining) => Overlay::Picker(Picker::trainings_to_add(doc, lang)),
        Some(SitRow::Constraint(i)) => {
            let text = doc.plan.constraints.get(i).cloned().unwrap_or_default();
            Overlay::Editor(Editor::new(EditorFor::Constraint(Some(i)), &text))
        }
        Some(SitRow::AddConstraint) => Overlay::Editor(Editor::new(EditorFor::Constraint(None), "")),
        Some(SitRow::Training(_)) => {
            state.say(Said::new(
                "受講済みの研修です。x で外せます（研修計画の画面でも d で切り替えられます）",
                "A completed training: x removes it (d on the Trainings view toggles it too)",
            ));
            return;
        }
        Some(SitRow::Header(_)) | None => return,
    };
    state.overlay = Some(overlay);
}

/// `a`: add to the section of the selected row.
fn add_row(state: &mut State) {
    let lang = state.lang();
    let default_from = crate::model::Date::fy_start(state.today.fiscal_year());
    let Some(doc) = &state.doc else { return };
    if doc.view != View::Situation {
        return;
    }
    let overlay = match doc.selected.situation.selected(&situation_rows(doc)) {
        Some(SitRow::Leave(_) | SitRow::AddLeave) => {
            Overlay::Form(Form::new(FormKind::Leave(LeaveForm::new(None, lang))))
        }
        Some(SitRow::Training(_) | SitRow::AddTraining) => Overlay::Picker(Picker::trainings_to_add(doc, lang)),
        Some(SitRow::Constraint(_) | SitRow::AddConstraint) => {
            Overlay::Editor(Editor::new(EditorFor::Constraint(None), ""))
        }
        _ => Overlay::Form(Form::new(FormKind::Posting(PostingForm::new(
            &doc.profile,
            None,
            default_from,
        )))),
    };
    state.overlay = Some(overlay);
}
