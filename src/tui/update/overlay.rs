//! Commands inside pop-ups: help, messages, the palette and pickers, prompts, the
//! multi-line editor, forms and the dialogs. Pastes land here too.

use crate::engine::{FieldValue, check_field};
use crate::tui::action::{Answer, Command, View};
use crate::tui::forms::{EditorFor, FieldMut, FormKind, PromptFor, TextInput};
use crate::tui::picker::PickTarget;
use crate::tui::state::{AfterClose, Field, GapFilter, Overlay, Pending, Said, SitRow, State, situation_rows};
use crate::tui::update::edit::{apply, apply_or_warn};
use crate::tui::update::views::{finish_close, grade_name, offer_save_as, save_target, training_name};
use crate::tui::update::{Effect, start};

/// Applies a text-editing command to an input; false when it is not one.
fn edit_text(input: &mut TextInput, command: Command) -> bool {
    match command {
        Command::Type(c) => input.insert_char(c),
        Command::Backspace => input.backspace(),
        Command::DeleteForward => input.delete(),
        Command::CursorLeft => input.left(),
        Command::CursorRight => input.right(),
        Command::LineStart => input.home(),
        Command::LineEnd => input.end(),
        Command::ClearLine => input.clear_to_line_start(),
        Command::NewLine => input.new_line(),
        Command::Up if input.is_multiline() => input.up(),
        Command::Down if input.is_multiline() => input.down(),
        _ => return false,
    }
    true
}

/// A paste goes whole into the focused text field, never read as keys.
pub fn paste(state: &mut State, text: &str) {
    let result = match &mut state.overlay {
        Some(Overlay::Prompt(p)) => Some(p.input.insert_str(text)),
        Some(Overlay::Editor(e)) => Some(e.input.insert_str(text)),
        Some(Overlay::Picker(p)) => {
            let r = p.query.insert_str(text);
            p.refilter();
            Some(r)
        }
        Some(Overlay::Form(form)) => match form.focused_mut() {
            Some(FieldMut::Text(input)) => Some(input.insert_str(text)),
            _ => None,
        },
        _ => None,
    };
    match result {
        None => state.say(Said::new(
            "貼り付けは入力欄でのみ使えます（Enter や e で入力欄を開いてから貼り付けてください）",
            "Paste works in a text field only (open one with Enter or e, then paste)",
        )),
        Some(r) if r.dropped > 0 => state.warn(Said::each(|l| {
            format!(
                "{} {} {}",
                l.pick("貼り付けのうち", "Of the paste,"),
                r.dropped,
                l.pick(
                    "文字は入れられませんでした（制御文字または長さの上限）",
                    "characters were left out (control characters or the length limit)"
                )
            )
        })),
        Some(_) => {}
    }
}

pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some(overlay) = state.overlay.take() else { return };
    let lines = usize::from(state.size.1.saturating_sub(6)).max(1);
    state.overlay = match overlay {
        Overlay::Help { scroll } | Overlay::Message { scroll, .. }
            if matches!(
                command,
                Command::Up | Command::Down | Command::PageUp | Command::PageDown
            ) =>
        {
            let scroll = match command {
                Command::Up => scroll.saturating_sub(1),
                Command::Down => scroll + 1,
                Command::PageUp => scroll.saturating_sub(lines),
                _ => scroll + lines,
            };
            Some(match overlay {
                Overlay::Message { title, body, .. } => Overlay::Message { title, body, scroll },
                _ => Overlay::Help { scroll },
            })
        }
        Overlay::Help { .. } | Overlay::Message { .. } if command == Command::Back => None,
        o @ (Overlay::Help { .. } | Overlay::Message { .. }) => Some(o),
        Overlay::Picker(mut picker) => match command {
            Command::Back => None,
            Command::Up | Command::Down | Command::PageUp | Command::PageDown => {
                picker.move_by(match command {
                    Command::Up => -1,
                    Command::Down => 1,
                    Command::PageUp => -(lines as isize),
                    _ => lines as isize,
                });
                Some(Overlay::Picker(picker))
            }
            Command::Submit => {
                if let Some(target) = picker.chosen() {
                    pick(state, target, fx);
                }
                return;
            }
            c => {
                if edit_text(&mut picker.query, c) {
                    picker.refilter();
                }
                Some(Overlay::Picker(picker))
            }
        },
        Overlay::Prompt(mut prompt) => match command {
            Command::Back => None,
            Command::Submit => {
                let text = prompt.input.text();
                match submit_prompt(state, &prompt.target, &text, fx) {
                    Ok(()) => return,
                    Err(e) => {
                        prompt.error = Some(e);
                        Some(Overlay::Prompt(prompt))
                    }
                }
            }
            c => {
                edit_text(&mut prompt.input, c);
                Some(Overlay::Prompt(prompt))
            }
        },
        Overlay::Editor(mut editor) => match command {
            Command::Back => None,
            Command::Submit => match submit_editor(state, &editor.target, &editor.input.text(), fx) {
                Ok(()) => return,
                Err(e) => {
                    editor.error = Some(e);
                    Some(Overlay::Editor(editor))
                }
            },
            c => {
                edit_text(&mut editor.input, c);
                Some(Overlay::Editor(editor))
            }
        },
        Overlay::Form(mut form) => match command {
            Command::Back => None,
            Command::NextField => {
                form.focus = (form.focus + 1) % form.field_count().max(1);
                Some(Overlay::Form(form))
            }
            Command::PrevField => {
                let n = form.field_count().max(1);
                form.focus = (form.focus + n - 1) % n;
                Some(Overlay::Form(form))
            }
            Command::Submit => match submit_form(state, &form.kind, fx) {
                Ok(()) => return,
                Err(e) => {
                    form.error = Some(e);
                    Some(Overlay::Form(form))
                }
            },
            c => {
                match form.focused_mut() {
                    Some(FieldMut::Choice(choice)) => match c {
                        Command::CursorLeft => choice.step(false),
                        Command::CursorRight | Command::Type(' ') => choice.step(true),
                        _ => {}
                    },
                    Some(FieldMut::Text(input)) => {
                        edit_text(input, c);
                    }
                    None => {}
                }
                Some(Overlay::Form(form))
            }
        },
        Overlay::Confirm { pending, .. } => {
            if command == Command::Answer(Answer::Yes) {
                delete(state, pending, fx);
            } else {
                state.say(Said::new("削除を取り消しました", "Nothing was deleted"));
            }
            return;
        }
        Overlay::Unsaved { then } => match command {
            Command::Answer(Answer::No) => {
                if let Some(doc) = &state.doc {
                    fx.push(Effect::RemoveDraft {
                        key: doc.draft_key.clone(),
                    });
                }
                finish_close(state, then, fx);
                return;
            }
            Command::Answer(Answer::Save) => {
                save_then_close(state, then, fx);
                return;
            }
            Command::Back => None,
            _ => Some(Overlay::Unsaved { then }),
        },
        Overlay::Conflict => match command {
            Command::Answer(Answer::Reload) => {
                fx.push(Effect::Reload);
                None
            }
            Command::Answer(Answer::SaveMine) => {
                offer_save_as(state);
                return;
            }
            Command::Answer(Answer::ShowDiff) => {
                if let Some(doc) = &state.doc {
                    fx.push(Effect::ShowDiff {
                        before: doc.on_disk.clone(),
                        mine: doc.plan.clone(),
                    });
                }
                None
            }
            Command::Back => {
                state.warn(Said::new(
                    "ファイルが他で変更されたため自動保存を止めています（変更は下書きに保存。Ctrl-S で選び直せます）",
                    "The file changed elsewhere: autosave is paused (edits go to a draft; Ctrl-S to decide)",
                ));
                None
            }
            _ => Some(Overlay::Conflict),
        },
    };
}

/// "Save and close": writes the plan (or a new file when it has none it may write), then
/// closes once the shell reports the save.
fn save_then_close(state: &mut State, then: AfterClose, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    state.close_after_save = Some(then);
    if doc.autosaves() {
        fx.push(Effect::Save {
            before: doc.on_disk.clone(),
            after: doc.plan.clone(),
        });
    } else if doc.conflict {
        state.close_after_save = None;
        state.overlay = Some(Overlay::Conflict);
    } else {
        fx.push(Effect::SaveNew {
            target: crate::tui::update::SaveTarget::PlansDir {
                stem: crate::tui::update::views::suggested_stem(doc),
            },
            plan: doc.plan.clone(),
        });
    }
}

fn delete(state: &mut State, pending: Pending, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else {
        start::delete(state, pending, fx);
        return;
    };
    let what = match &pending {
        Pending::Posting(i) => Said::each(|l| {
            let name = doc
                .analysis
                .rotation
                .postings
                .get(*i)
                .map(|p| p.department_name.clone())
                .unwrap_or_default();
            format!("{} {name}", l.pick("配属を削除", "deleted the posting"))
        }),
        Pending::Leave(_) => Said::new("休業等を削除", "deleted the leave"),
        Pending::Completed(id) | Pending::Planned(id) => {
            let name = training_name(doc, id);
            Said::each(|l| format!("{} {name}", l.pick("研修を外す", "removed the training")))
        }
        Pending::Constraint(_) => Said::new("本人の事情を削除", "deleted the constraint"),
        Pending::SavedPlan(_) | Pending::Draft(_) => return,
    };
    let changed = apply_or_warn(
        state,
        what.clone(),
        |p, _| match &pending {
            Pending::Posting(i) => {
                p.assignments.get(*i).is_some() && {
                    p.assignments.remove(*i);
                    true
                }
            }
            Pending::Leave(i) => {
                p.leaves.get(*i).is_some() && {
                    p.leaves.remove(*i);
                    true
                }
            }
            Pending::Completed(id) => {
                let before = p.completed_trainings.len();
                p.completed_trainings.retain(|t| t != id);
                p.completed_trainings.len() != before
            }
            Pending::Planned(id) => {
                let before = p.planned_trainings.len();
                p.planned_trainings.retain(|t| t != id);
                p.planned_trainings.len() != before
            }
            Pending::Constraint(i) => {
                p.constraints.get(*i).is_some() && {
                    p.constraints.remove(*i);
                    true
                }
            }
            Pending::SavedPlan(_) | Pending::Draft(_) => false,
        },
        fx,
    );
    if changed {
        state.say(Said::each(|l| {
            format!("{}{}", what.get(l), l.pick("しました（u で元に戻す）", " (u undoes)"))
        }));
    }
}

fn submit_prompt(state: &mut State, target: &PromptFor, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
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

fn submit_editor(state: &mut State, target: &EditorFor, text: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
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

fn submit_form(state: &mut State, kind: &FormKind, fx: &mut Vec<Effect>) -> Result<(), Said> {
    match kind {
        FormKind::Posting(form) => {
            let posting = form.to_assignment().map_err(|e| e.0)?;
            if let Some(doc) = &state.doc {
                check_field(
                    &doc.plan,
                    state.today,
                    FieldValue::Posting {
                        from: posting.from,
                        to: posting.to,
                    },
                )
                .map_err(|e| Said::each(|l| e.message(l)))?;
            }
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
        FormKind::Leave(form) => {
            let leave = form.to_leave().map_err(|e| e.0)?;
            if let Some(doc) = &state.doc {
                check_field(
                    &doc.plan,
                    state.today,
                    FieldValue::Leave {
                        from: leave.from,
                        to: leave.to,
                    },
                )
                .map_err(|e| Said::each(|l| e.message(l)))?;
            }
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
fn pick(state: &mut State, target: PickTarget, fx: &mut Vec<Effect>) {
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
            let name = if field == Field::Series {
                doc.profile.series(&id).map_or(id.clone(), |s| s.name.clone())
            } else {
                grade_name(doc, &id)
            };
            apply_or_warn(
                state,
                Said::each(|l| format!("{} → {name}", field.label(l))),
                |p, profile| match field {
                    Field::Series => p.set_series(profile, &id),
                    Field::Grade => {
                        p.grade = id;
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
