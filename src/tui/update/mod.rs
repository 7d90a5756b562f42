//! `update(&mut State, Action) -> Vec<Effect>`: how every action changes the state. No I/O,
//! no clock, no environment: what needs the disk is returned as an [`Effect`], which the
//! shell carries out and reports back as [`Action::Done`].

mod assess;
mod compare;
mod delete;
mod display;
mod edit;
mod interview;
mod outcome;
mod overlay;
mod roster;
mod saving;
mod start;
mod submit;
mod team;
mod tour;
mod trainings;
mod views;
mod workshop;

use std::path::PathBuf;

pub use outcome::Outcome;
pub use tour::enter as enter_workshop;

use crate::model::Plan;
use crate::tui::action::{Action, Command, View};
use crate::tui::keymap::Scope;
use crate::tui::state::{AfterClose, Hit, Overlay, Said, State, Ui};

/// Where a new file is to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveTarget {
    /// In the plans folder, as `stem.toml` (or `stem-2.toml` … when taken).
    PlansDir { stem: String },
    /// A path as the user typed it (`~` is expanded by the shell).
    Typed(String),
}

/// Work for the shell: everything that touches the disk or the terminal.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open a plan file (reports `Opened` or `OpenFailed`).
    OpenFile(PathBuf),
    /// Write the open plan to its file, changing only what differs from `before`.
    Save {
        before: Option<Plan>,
        after: Plan,
    },
    /// Write the open plan to a new file, which becomes its file.
    SaveNew {
        target: SaveTarget,
        plan: Plan,
    },
    /// Read the open plan's file again.
    Reload,
    /// Compare the open plan with its file on disk (`before`: the plan as last written).
    ShowDiff {
        before: Option<Plan>,
        mine: Plan,
    },
    /// Let go of the open plan's file (and its lock).
    CloseFile,
    /// Keep unsaved edits in a recovery draft.
    WriteDraft {
        key: String,
        origin: String,
        plan: Plan,
    },
    RemoveDraft {
        key: String,
    },
    /// List saved plans and drafts again.
    Scan,
    Trash(PathBuf),
    Untrash {
        original: PathBuf,
        trashed: PathBuf,
    },
    Rename {
        from: PathBuf,
        to: String,
    },
    Duplicate(PathBuf),
    /// Write an exported sheet under this file name in the data folder's exports (0600).
    Export {
        name: String,
        bytes: Vec<u8>,
    },
    WriteSettings(Ui),
    SetMouse(bool),
    Quit,
    /// Read the plans of a folder, as typed (`~` is expanded by the shell), for the team
    /// list (reports `Team`, or `FileFailed` when the folder cannot be read).
    ReadTeam(String),
    /// Read two plans to compare (reports `CompareRead`).
    ReadCompare {
        first: crate::tui::state::CompareSource,
        second: crate::tui::state::CompareSource,
    },
    /// Read a roster file, as typed (`~` is expanded by the shell), against the profile
    /// `profile` (an id) for the roster report (reports `RosterRead`).
    ReadRoster {
        file: String,
        profile: String,
    },
    /// Read a posting history, as typed (`~` is expanded by the shell), against the profile
    /// `profile` (an id), and join it to the roster `roster` as of `as_of` for the roster
    /// screen's rotation page (reports `HistoryRead`).
    ReadHistory {
        history: String,
        roster: std::path::PathBuf,
        profile: String,
        as_of: crate::model::Date,
    },
}

/// The key-table scopes of the current mode, widest first.
pub fn scopes(state: &State) -> Vec<Scope> {
    let mode = match &state.overlay {
        Some(Overlay::Help { .. }) => vec![Scope::Help],
        Some(Overlay::Message { .. }) => vec![Scope::Message],
        Some(Overlay::Picker(_)) => vec![Scope::Text, Scope::Picker],
        Some(Overlay::Prompt(_)) => vec![Scope::Text, Scope::Prompt],
        Some(Overlay::Editor(_)) => vec![Scope::Text, Scope::Editor],
        Some(Overlay::Form(_)) => vec![Scope::Text, Scope::Form],
        Some(Overlay::Confirm { .. }) => vec![Scope::Confirm],
        Some(Overlay::Unsaved { .. }) => vec![Scope::Unsaved],
        Some(Overlay::Conflict) => vec![Scope::Conflict],
        Some(Overlay::Team(_)) => vec![Scope::Team],
        Some(Overlay::ConfirmReset) => vec![Scope::ConfirmReset],
        None if state.compare.is_some() => vec![Scope::Global, Scope::Compare],
        None if state.roster.is_some() => vec![Scope::Global, Scope::Roster],
        None => {
            // Workshop keys sit between the screen's and the view's; a tour's win over all.
            let workshop = state.workshop.as_ref();
            let mut scopes = vec![Scope::Global];
            scopes.push(if state.doc.is_some() { Scope::Plan } else { Scope::Start });
            scopes.extend(workshop.map(|_| Scope::WorkshopMode));
            scopes.extend(state.doc.as_ref().map(|doc| Scope::View(doc.view)));
            scopes.extend(workshop.filter(|w| w.touring()).map(|_| Scope::Tour));
            scopes
        }
    };
    std::iter::once(Scope::Always).chain(mode).collect()
}

/// A scrolled page's first row after a movement key: a line or a page at a time, to the
/// top or the bottom, never past `last` (other commands leave it where it is).
pub(crate) fn scrolled(scroll: usize, command: Command, page: usize, last: usize) -> usize {
    match command {
        Command::Up => scroll.saturating_sub(1),
        Command::Down => scroll + 1,
        Command::PageUp => scroll.saturating_sub(page),
        Command::PageDown => scroll + page,
        Command::Top => 0,
        Command::Bottom => last,
        _ => scroll,
    }
    .min(last)
}

/// Carries out one action.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Command(command) => run(state, command, &mut fx),
        Action::Paste(text) => overlay::paste(state, &text),
        Action::Click(hit) => click(state, hit, &mut fx),
        Action::Scroll(rows) => {
            let command = if rows < 0 { Command::Up } else { Command::Down };
            for _ in 0..rows.unsigned_abs() {
                run(state, command, &mut fx);
            }
        }
        Action::Resize(w, h) => state.size = (w, h),
        Action::Terminate => {
            state.quit = true;
            fx.push(Effect::Quit);
        }
        Action::Done(done) => outcome::apply(state, *done, &mut fx),
        Action::OpenPath(path) => fx.push(Effect::OpenFile(path)),
    }
    tour::remember_names(state);
    fx
}

/// One command from the key table (or the palette).
pub fn run(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    if command == Command::Interrupt {
        interrupt(state, fx);
        return;
    }
    if state.overlay.is_some() {
        overlay::command(state, command, fx);
        return;
    }
    if state.too_small() && !matches!(command, Command::Quit | Command::ClosePlan) {
        return;
    }
    match command {
        Command::Help => state.overlay = Some(Overlay::Help { scroll: 0 }),
        Command::Palette => {
            state.overlay = Some(Overlay::Picker(crate::tui::picker::Picker::palette(state)));
        }
        Command::ToggleMouse => {
            state.ui.mouse = !state.ui.mouse;
            fx.push(Effect::SetMouse(state.ui.mouse));
            fx.push(Effect::WriteSettings(state.ui));
            state.say(if state.ui.mouse {
                Said::new("マウス操作: オン", "Mouse: on")
            } else {
                Said::new(
                    "マウス操作: オフ（文字を選択できます）",
                    "Mouse: off (text can be selected)",
                )
            });
        }
        Command::ToggleLang => {
            state.ui.lang = match state.ui.lang {
                crate::i18n::Lang::Ja => crate::i18n::Lang::En,
                crate::i18n::Lang::En => crate::i18n::Lang::Ja,
            };
            fx.push(Effect::WriteSettings(state.ui));
            if state.doc.is_none() {
                // The saved plans' problems are told in the language of the listing.
                fx.push(Effect::Scan);
            }
        }
        Command::CycleTheme => display::cycle_theme(state, fx),
        Command::ToggleWareki => display::toggle_wareki(state, fx),
        Command::DetailsDown | Command::DetailsUp => display::scroll_details(state, command),
        _ if state.compare.is_some() => compare::command(state, command),
        _ if state.roster.is_some() => roster::command(state, command),
        Command::Workshop
        | Command::TourStart
        | Command::TourNext
        | Command::TourPrev
        | Command::TourLeave
        | Command::ResetSample
        | Command::ToggleAnonymous => tour::command(state, command, fx),
        _ if tour::name_hidden(state, command) => {}
        _ if state.doc.is_some() => display::keeping_detail_scroll(state, |state| views::command(state, command, fx)),
        _ => start::command(state, command, fx),
    }
}

/// Ctrl-C: leave from anywhere, asking first when a plan has unsaved edits. A second Ctrl-C
/// at that question leaves (edits not in their file are in a recovery draft).
fn interrupt(state: &mut State, fx: &mut Vec<Effect>) {
    let asking = matches!(state.overlay, Some(Overlay::Unsaved { .. }));
    state.overlay = None;
    if !asking && state.doc.as_ref().is_some_and(|d| d.unsaved()) {
        state.overlay = Some(Overlay::Unsaved { then: AfterClose::Quit });
        return;
    }
    state.quit = true;
    fx.push(Effect::Quit);
}

/// A click on something drawn: a tab switches views; a row is selected, and a click on the
/// row already selected opens it (as Enter does).
fn click(state: &mut State, hit: Hit, fx: &mut Vec<Effect>) {
    if state.overlay.is_some() || state.too_small() || state.compare.is_some() {
        return;
    }
    if state.roster.is_some() {
        roster::click(state, hit);
        return;
    }
    match (hit, &mut state.doc) {
        (Hit::Tab(view), Some(doc)) => doc.view = view,
        (Hit::Start(key), None) => {
            let rows = crate::tui::state::start_rows(&state.start, &state.catalog);
            if state.start.selected.selected(&rows) == Some(&key) {
                start::command(state, Command::Open, fx);
            } else {
                state.start.selected.select_key(&rows, key);
            }
        }
        (hit, Some(_)) => display::keeping_detail_scroll(state, |state| click_row(state, hit, fx)),
        _ => {}
    }
}

/// A click on a row of the open plan's view.
fn click_row(state: &mut State, hit: Hit, fx: &mut Vec<Effect>) {
    let Some(doc) = &mut state.doc else { return };
    if views::select_hit(doc, hit) {
        let command = match doc.view {
            View::Situation | View::Rotation | View::Interview => Command::Open,
            View::Path => Command::SetTarget,
            View::Gaps => Command::EditEvidence,
            View::Trainings => Command::MarkPlanned,
            View::Roles => Command::TickRole,
            View::Support | View::Workshop => Command::Down,
        };
        views::command(state, command, fx);
    }
}
