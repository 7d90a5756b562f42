//! Saving and closing: Ctrl-S, save-as, and the question before closing a plan with edits
//! that are not in its file.

use crate::tui::forms::{Prompt, PromptFor};
use crate::tui::state::{AfterClose, Doc, Overlay, Source, State};
use crate::tui::update::{Effect, SaveTarget};

/// Ctrl-S: save to the plan's file, or ask for a name when it has none it may write.
pub fn save(state: &mut State, fx: &mut Vec<Effect>) {
    let Some(doc) = &state.doc else { return };
    match &doc.source {
        Source::File { read_only: None, .. } if doc.conflict => state.overlay = Some(Overlay::Conflict),
        Source::File { read_only: None, .. } => fx.push(Effect::Save {
            before: doc.on_disk.clone(),
            after: doc.plan.clone(),
        }),
        _ => offer_save_as(state),
    }
}

/// The file name a plan is saved under: the city and the person.
pub fn suggested_stem(doc: &Doc) -> String {
    crate::store::data_dir::plan_file_stem(&doc.profile.name, doc.plan.name.as_deref())
}

pub fn offer_save_as(state: &mut State) {
    let Some(doc) = &state.doc else { return };
    // In anonymous display the name offered is the pseudonym shown, not the real one.
    let stem = match (&state.workshop, doc.plan.name.as_deref()) {
        (Some(w), Some(name)) if w.anonymous => {
            crate::store::data_dir::plan_file_stem(&doc.profile.name, Some(&state.shown_name(name)))
        }
        _ => suggested_stem(doc),
    };
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptFor::SaveAs, &stem)));
}

/// Closing the plan (F10, q) or quitting: asks first when edits are not in its file.
pub fn close(state: &mut State, then: AfterClose, fx: &mut Vec<Effect>) {
    if state.doc.as_ref().is_some_and(|d| d.unsaved()) {
        state.overlay = Some(Overlay::Unsaved { then });
        return;
    }
    finish_close(state, then, fx);
}

pub fn finish_close(state: &mut State, then: AfterClose, fx: &mut Vec<Effect>) {
    state.doc = None;
    state.today = state.base_today();
    state.overlay = None;
    fx.push(Effect::CloseFile);
    match then {
        AfterClose::StartScreen => fx.push(Effect::Scan),
        AfterClose::Quit => {
            state.quit = true;
            fx.push(Effect::Quit);
        }
    }
}

/// A save target from what was typed: a bare name goes into the plans folder.
pub fn save_target(typed: &str) -> Option<SaveTarget> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    if typed.contains('/') || typed.contains(std::path::MAIN_SEPARATOR) || typed.starts_with('~') {
        Some(SaveTarget::Typed(typed.to_string()))
    } else {
        let stem = typed.strip_suffix(".toml").unwrap_or(typed);
        Some(SaveTarget::PlansDir {
            stem: crate::store::data_dir::plan_file_stem(stem, None),
        })
    }
}

/// "Save and close": writes the plan (or a new file when it has none it may write), then
/// closes once the shell reports the save.
pub fn save_then_close(state: &mut State, then: AfterClose, fx: &mut Vec<Effect>) {
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
                stem: suggested_stem(doc),
            },
            plan: doc.plan.clone(),
        });
    }
}
