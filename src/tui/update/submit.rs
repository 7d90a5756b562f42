//! What Enter (or Ctrl-S in the editor) does in a prompt, the editor, a form or a picker:
//! the input is parsed and checked, then applied as an edit; a refusal keeps the pop-up
//! open with the reason.

use crate::engine::{FieldValue, check_field};
use crate::tui::action::View;
use crate::tui::forms::{EditorFor, FormKind, PromptFor};
use crate::tui::picker::PickTarget;
use crate::tui::state::{Field, GapFilter, Said, SitRow, State, situation_rows};
use crate::tui::update::Effect;
use crate::tui::update::edit::{apply, apply_or_warn};
use crate::tui::update::saving::save_target;
use crate::tui::update::views::{grade_name, training_name};

pub fn submit_prompt(state: &mut State, target: &PromptFor, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let value = text.trim().to_string();
    match target {
        PromptFor::SaveAs => {
            let Some(target) = save_target(&value) else {
                return Err(Said::new("名前を入力してください", "Enter a name"));
            };
            if let Some(doc) = &state.doc {
                fx.push(Effect::SaveNew {
                    target,
                    plan: doc.plan.clone(),
                });
            }
            Ok(())
        }
        PromptFor::Rename(path) => {
            if value.is_empty() {
                return Err(Said::new("新しい名前を入力してください", "Enter the new name"));
            }
            fx.push(Effect::Rename {
                from: path.clone(),
                to: value,
            });
            Ok(())
        }
        PromptFor::TeamFolder => {
            if value.is_empty() {
                return Err(Said::new("フォルダのパスを入力してください", "Enter the folder's path"));
            }
            state.start.team_folder = Some(value.clone());
            fx.push(Effect::ReadTeam(value));
            Ok(())
        }
        PromptFor::RosterFile => crate::tui::update::roster::file_given(state, &value),
        PromptFor::RosterHistory => crate::tui::update::roster::history_given(state, &value, fx),
        PromptFor::Field(field) => {
            let field = *field;
            let what = Said::each(|l| field.label(l).to_string());
            let check = |state: &State, value: FieldValue| match &state.doc {
                Some(doc) => check_field(&doc.plan, state.today, value)
                    .map_err(|e| Said::each(|l| format!("{}: {}", field.label(l), e.message(l)))),
                None => Ok(()),
            };
            let result = match field {
                Field::Name => apply(
                    state,
                    what,
                    |p, _| {
                        p.name = Some(value.clone()).filter(|v| !v.is_empty());
                        true
                    },
                    fx,
                ),
                Field::BirthDate | Field::HireDate | Field::GradeSince => {
                    let date = crate::tui::forms::parse_date(field.plan_field(), &value).map_err(|e| e.0)?;
                    check(
                        state,
                        match field {
                            Field::BirthDate => FieldValue::BirthDate(date),
                            Field::HireDate => FieldValue::HireDate(date),
                            _ => FieldValue::GradeSince(date),
                        },
                    )?;
                    apply(
                        state,
                        what,
                        |p, _| {
                            match field {
                                Field::BirthDate => p.birth_date = date,
                                Field::HireDate => p.hire_date = date,
                                _ => p.grade_since = date,
                            }
                            true
                        },
                        fx,
                    )
                }
                Field::CourseSince => {
                    let date = if value.trim().is_empty() {
                        None
                    } else {
                        Some(crate::tui::forms::parse_date(field.plan_field(), &value).map_err(|e| e.0)?)
                    };
                    apply(
                        state,
                        what,
                        |p, _| {
                            p.course_since = date;
                            true
                        },
                        fx,
                    )
                }
                Field::TargetFy => {
                    let fy = crate::tui::forms::parse_fiscal_year(&value).map_err(|e| e.0)?;
                    if let Some(fy) = fy {
                        check(state, FieldValue::TargetFy(fy))?;
                    }
                    apply(
                        state,
                        what,
                        |p, _| {
                            p.target_fy = fy;
                            true
                        },
                        fx,
                    )
                }
                _ => Ok(false),
            };
            result.map(|_| ())
        }
    }
}

pub fn submit_editor(state: &mut State, target: &EditorFor, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let value = text.trim().to_string();
    match target {
        EditorFor::Evidence(id) => {
            let id = id.clone();
            apply(
                state,
                Said::new("根拠", "evidence"),
                |p, _| {
                    if value.is_empty() {
                        p.evidence.remove(&id);
                    } else {
                        p.evidence.insert(id, value);
                    }
                    true
                },
                fx,
            )
            .map(|_| ())
        }
        EditorFor::Comment(..) | EditorFor::NextSteps(_) => {
            crate::tui::update::interview::submit_text(state, target, text, fx)
        }
        EditorFor::Wcm(pane) => crate::tui::update::workshop::wcm::submit(state, *pane, text, fx),
        EditorFor::LifelineNote(fy) => crate::tui::update::workshop::lifeline::submit_note(state, *fy, text, fx),
        EditorFor::Constraint(index) => {
            let index = *index;
            apply(
                state,
                Said::new("本人の事情", "constraint"),
                |p, _| {
                    match (index, value.is_empty()) {
                        (Some(i), true) => {
                            if i < p.constraints.len() {
                                p.constraints.remove(i);
                            }
                        }
                        (Some(i), false) => {
                            if let Some(c) = p.constraints.get_mut(i) {
                                *c = value;
                            }
                        }
                        (None, false) => p.constraints.push(value),
                        (None, true) => {}
                    }
                    true
                },
                fx,
            )
            .map(|_| ())
        }
    }
}

/// Whether a new value is plausible for the open plan (dates against birth, hire, today
/// and retirement).
fn check(state: &State, value: FieldValue) -> Result<(), Said> {
    match &state.doc {
        Some(doc) => check_field(&doc.plan, state.today, value).map_err(|e| Said::each(|l| e.message(l))),
        None => Ok(()),
    }
}

pub fn submit_form(state: &mut State, kind: &FormKind, fx: &mut Vec<Effect>) -> Result<(), Said> {
    match kind {
        FormKind::Posting(form) => {
            let posting = form.to_assignment().map_err(|e| e.0)?;
            check(
                state,
                FieldValue::Posting {
                    from: posting.from,
                    to: posting.to,
                },
            )?;
            let index = form.index;
            let key = posting.clone();
            apply(
                state,
                Said::new("配属", "posting"),
                |p, _| {
                    match index {
                        Some(i) => {
                            if let Some(slot) = p.assignments.get_mut(i) {
                                *slot = posting;
                            }
                            p.assignments.sort_by_key(|a| a.from);
                        }
                        None => {
                            p.add_posting(posting);
                        }
                    }
                    true
                },
                fx,
            )?;
            // Select the posting where it now stands in date order.
            if let Some(doc) = &mut state.doc
                && let Some(i) = doc.plan.assignments.iter().position(|a| *a == key)
            {
                let rows = situation_rows(doc);
                doc.selected.situation.select_key(&rows, SitRow::Posting(i));
                doc.selected.rotation.key = Some(i);
            }
            Ok(())
        }
        FormKind::Interview(form) => crate::tui::update::interview::submit_interview(state, form, fx),
        FormKind::Goal(form) => crate::tui::update::interview::submit_goal(state, form, fx),
        FormKind::Note(form) => crate::tui::update::interview::submit_note(state, form, fx),
        FormKind::Export(form) => export(state, form, fx),
        FormKind::Leave(form) => {
            let leave = form.to_leave().map_err(|e| e.0)?;
            check(
                state,
                FieldValue::Leave {
                    from: leave.from,
                    to: leave.to,
                },
            )?;
            let index = form.index;
            apply(
                state,
                Said::new("休業等", "leave"),
                |p, _| {
                    match index.and_then(|i| p.leaves.get_mut(i)) {
                        Some(slot) => *slot = leave,
                        None => p.leaves.push(leave),
                    }
                    true
                },
                fx,
            )
            .map(|_| ())
        }
    }
}

/// Carries out a palette or picker choice.
pub fn pick(state: &mut State, target: PickTarget, fx: &mut Vec<Effect>) {
    match target {
        PickTarget::Command(command) => crate::tui::update::run(state, command, fx),
        PickTarget::Competency(id) => {
            if let Some(doc) = &mut state.doc {
                doc.gap_filter = GapFilter::All;
                doc.view = View::Gaps;
                doc.selected.gaps.key = Some(id);
            }
        }
        PickTarget::Training(id) => {
            if let Some(doc) = &mut state.doc {
                doc.view = View::Trainings;
                doc.selected.trainings.key = Some(id);
            }
        }
        PickTarget::Grade(id) => {
            if let Some(doc) = &mut state.doc {
                doc.view = View::Path;
                doc.selected.path.key = Some(id);
            }
        }
        PickTarget::Department(id) => {
            if let Some(doc) = &mut state.doc {
                doc.view = View::Rotation;
                if let Some(i) = doc.analysis.rotation.postings.iter().position(|p| p.department == id) {
                    doc.selected.rotation.key = Some(i);
                } else {
                    state.say(Said::new(
                        "この部署への配属はまだありません",
                        "No posting in this department yet",
                    ));
                }
            }
        }
        PickTarget::SetField(field, id) => {
            let Some(doc) = &state.doc else { return };
            let name = match field {
                Field::Series => doc.profile.series(&id).map_or(id.clone(), |s| s.name.clone()),
                Field::CourseField => doc
                    .profile
                    .courses
                    .iter()
                    .flat_map(|c| c.fields.iter())
                    .find(|f| f.id == id)
                    .map_or_else(|| "—".to_string(), |f| f.name.clone()),
                _ => grade_name(doc, &id),
            };
            apply_or_warn(
                state,
                Said::each(|l| format!("{} → {name}", field.label(l))),
                |p, profile| match field {
                    Field::Series => p.set_series(profile, &id),
                    Field::CourseField => {
                        p.course_field = Some(id).filter(|f| !f.is_empty());
                        true
                    }
                    Field::Grade => {
                        p.set_grade(id);
                        true
                    }
                    _ => {
                        p.target_grade = id;
                        true
                    }
                },
                fx,
            );
        }
        PickTarget::SetLevel(id, level) => {
            let Some(doc) = &state.doc else { return };
            let name = doc.profile.competency(&id).map_or(id.clone(), |c| c.name.clone());
            let shown = level.map(|l| crate::describe::level_number(&doc.profile, l, state.lang()));
            apply_or_warn(
                state,
                Said::each(|l| {
                    let value = shown.clone().unwrap_or_else(|| l.pick("未評価", "unrated").to_string());
                    format!("{name} {} → {value}", l.pick("本人評価", "self level"))
                }),
                |p, _| match level {
                    Some(level) => p.self_assessment.insert(id, level) != Some(level),
                    None => p.self_assessment.remove(&id).is_some(),
                },
                fx,
            );
        }
        PickTarget::Cohort(cohort) => crate::tui::update::tour::choose_cohort(state, cohort),
        PickTarget::AgreeTraining(interview, id) => {
            crate::tui::update::interview::toggle_agreed(state, interview, id, fx);
        }
        target @ (PickTarget::CompareFirst(_) | PickTarget::CompareWith(..) | PickTarget::CompareAs(_)) => {
            crate::tui::update::compare::pick(state, target, fx);
        }
        PickTarget::Roster(file, profile) => {
            // Shown while a large roster is read (the screen is drawn before slow effects).
            state.say(Said::new("名簿を読んでいます…", "Reading the roster…"));
            fx.push(Effect::ReadRoster { file, profile });
        }
        PickTarget::AddCompleted(id) => {
            let Some(doc) = &state.doc else { return };
            let name = training_name(doc, &id);
            apply_or_warn(
                state,
                Said::each(|l| format!("{name} {}", l.pick("受講済み", "done"))),
                |p, _| {
                    !p.completed_trainings.contains(&id) && {
                        p.toggle_completed(&id);
                        true
                    }
                },
                fx,
            );
        }
    }
}

/// Writes the 面談シート with the form's choices into the data folder's exports.
fn export(state: &mut State, form: &crate::tui::forms::ExportForm, fx: &mut Vec<Effect>) -> Result<(), Said> {
    let lang = state.lang();
    let options = form.options(lang).map_err(|e| e.0)?;
    let Some(doc) = &state.doc else { return Ok(()) };
    let format = form.format();
    let bytes = format
        .render(&doc.profile, &doc.plan, &doc.analysis, options)
        .map_err(|e| Said::each(|l| format!("{}: {e}", l.pick("書き出せません", "Cannot export"))))?;
    let who = if options.anonymous {
        "匿名".to_string()
    } else {
        crate::store::data_dir::plan_file_stem(&doc.profile.name, doc.plan.name.as_deref())
    };
    let confidential = if options.with_self_report { "-取扱注意" } else { "" };
    fx.push(Effect::Export {
        name: format!("{who}-面談シート-{}{confidential}.{}", options.fy, format.extension()),
        bytes,
    });
    Ok(())
}
