//! The workshop view: `[` `]` turn the page; each page handles its own keys.

pub(super) mod lifeline;
mod next10;
pub(super) mod wcm;

use crate::tui::action::Command;
use crate::tui::state::{Doc, State, WorkshopPage};
use crate::tui::update::Effect;

/// Handles a command on the workshop view; false when it is not one of its own.
pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) -> bool {
    let Some(doc) = &mut state.doc else { return false };
    match command {
        Command::NextPage | Command::PrevPage => {
            doc.workshop_page = doc
                .workshop_page
                .step(if command == Command::NextPage { 1 } else { -1 });
            true
        }
        _ => match doc.workshop_page {
            WorkshopPage::Wcm => wcm::command(state, command),
            WorkshopPage::Lifeline => lifeline::command(state, command, fx),
            WorkshopPage::NextTen => {
                let _ = fx;
                false
            }
        },
    }
}

/// Moves the selection of the page shown.
pub fn move_selection(doc: &mut Doc, delta: isize) {
    match doc.workshop_page {
        WorkshopPage::Wcm => wcm::move_selection(doc, delta),
        WorkshopPage::Lifeline => lifeline::move_selection(doc, delta),
        WorkshopPage::NextTen => next10::move_selection(doc, delta),
    }
}
