//! Changing the open plan: every change is checked against the profile, recorded for undo,
//! analysed again, and then written: to the plan's file when it saves as it goes, else to a
//! recovery draft.

use crate::model::{Plan, Profile};
use crate::tui::state::{Doc, Edit, Said, Source, State};
use crate::tui::update::Effect;

/// The first problem of a changed plan, in plain words.
pub fn problem_text(plan: &Plan, profile: &Profile) -> Option<Said> {
    let problem = plan.validate(profile).into_iter().next()?;
    Some(Said::each(|lang| {
        crate::describe::plan_problem(&problem, plan, profile, lang)
    }))
}

/// Applies `change` to a copy of the open plan; keeps it only when the plan stays valid.
/// Returns the reason when it is refused; no change at all is not an error.
pub fn apply(
    state: &mut State,
    what: Said,
    change: impl FnOnce(&mut Plan, &Profile) -> bool,
    fx: &mut Vec<Effect>,
) -> Result<bool, Said> {
    let today = state.today;
    let Some(doc) = &mut state.doc else { return Ok(false) };
    let mut plan = doc.plan.clone();
    if !change(&mut plan, &doc.profile) || plan == doc.plan {
        return Ok(false);
    }
    if let Some(problem) = problem_text(&plan, &doc.profile) {
        return Err(problem);
    }
    let before = std::mem::replace(&mut doc.plan, plan);
    doc.history.record(Edit {
        before,
        after: doc.plan.clone(),
        what,
    });
    doc.reanalyze(today);
    persist(doc, fx);
    state.status = None;
    Ok(true)
}

/// Like [`apply`], showing a refusal in the message bar.
pub fn apply_or_warn(
    state: &mut State,
    what: Said,
    change: impl FnOnce(&mut Plan, &Profile) -> bool,
    fx: &mut Vec<Effect>,
) -> bool {
    match apply(state, what, change, fx) {
        Ok(changed) => changed,
        Err(problem) => {
            state.warn(problem);
            false
        }
    }
}

/// Writes the plan where it belongs after a change.
pub fn persist(doc: &Doc, fx: &mut Vec<Effect>) {
    if doc.autosaves() {
        fx.push(Effect::Save {
            before: doc.on_disk.clone(),
            after: doc.plan.clone(),
        });
    } else if doc.unsaved() {
        fx.push(Effect::WriteDraft {
            key: doc.draft_key.clone(),
            origin: draft_origin(doc),
            plan: doc.plan.clone(),
        });
    } else {
        fx.push(Effect::RemoveDraft {
            key: doc.draft_key.clone(),
        });
    }
}

/// What a draft was made from, as the start screen lists it.
pub fn draft_origin(doc: &Doc) -> String {
    match &doc.source {
        Source::Unsaved { origin, .. } => origin.clone(),
        Source::File { path, .. } => path.display().to_string(),
    }
}

/// Undo (`forward` false) or redo the last step.
pub fn undo(state: &mut State, forward: bool, fx: &mut Vec<Effect>) {
    let today = state.today;
    let Some(doc) = &mut state.doc else { return };
    let step = if forward {
        doc.history.redo.pop()
    } else {
        doc.history.undo.pop()
    };
    let Some(step) = step else {
        state.say(if forward {
            Said::new("やり直す操作はありません", "Nothing to redo")
        } else {
            Said::new("元に戻す操作はありません", "Nothing to undo")
        });
        return;
    };
    doc.plan = if forward {
        step.after.clone()
    } else {
        step.before.clone()
    };
    doc.reanalyze(today);
    persist(doc, fx);
    let message = if forward {
        Said::each(|lang| format!("{}: {}", lang.pick("やり直しました", "Redone"), step.what.get(lang)))
    } else {
        Said::each(|lang| {
            format!(
                "{}: {}{}",
                lang.pick("元に戻しました", "Undone"),
                step.what.get(lang),
                lang.pick("（Ctrl-R でやり直し）", " (Ctrl-R redoes)")
            )
        })
    };
    if forward {
        doc.history.undo.push(step);
    } else {
        doc.history.redo.push(step);
    }
    state.say(message);
}
