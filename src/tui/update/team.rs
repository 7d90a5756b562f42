//! The team list: moving in it, opening a plan from it (as the start screen opens a saved
//! plan), and taking in the folder the shell read.

use std::path::PathBuf;

use crate::tui::action::Command;
use crate::tui::state::{Overlay, Said, State, TeamList, TeamRow};
use crate::tui::update::Effect;

/// A command while the team list is open; the overlay that stays (None: closed).
pub fn command(
    state: &mut State,
    mut list: TeamList,
    command: Command,
    page: usize,
    fx: &mut Vec<Effect>,
) -> Option<Overlay> {
    let page = isize::try_from(page).unwrap_or(isize::MAX);
    match command {
        Command::Back => return None,
        Command::Up => list.move_by(-1),
        Command::Down => list.move_by(1),
        Command::PageUp => list.move_by(-page),
        Command::PageDown => list.move_by(page),
        Command::Top => list.selected = 0,
        Command::Bottom => list.move_by(isize::MAX),
        Command::Open => {
            if let Some(row) = list.selected_row() {
                state.start.team_opened = Some(row.path.clone());
                fx.push(Effect::OpenFile(row.path.clone()));
                return None;
            }
        }
        _ => {}
    }
    Some(Overlay::Team(list))
}

/// The folder's plans arrived: shown in the team list, the plan last opened from it selected
/// again. A folder with no plan files is said in the message bar instead.
pub fn show(state: &mut State, dir: PathBuf, rows: Vec<TeamRow>, more: bool) {
    if rows.is_empty() {
        let shown = crate::text::escape_controls(&dir.display().to_string());
        state.warn(Said::each(|l| {
            format!(
                "{}: {shown}",
                l.pick(
                    "このフォルダに計画ファイル（.toml）はありません",
                    "No plan files (.toml) in this folder"
                )
            )
        }));
        return;
    }
    let selected = state
        .start
        .team_opened
        .as_ref()
        .and_then(|opened| rows.iter().position(|r| r.path == *opened))
        .unwrap_or(0);
    state.status = None;
    state.overlay = Some(Overlay::Team(TeamList {
        dir,
        rows,
        more,
        selected,
    }));
}
