//! The team list: the plans of a folder a supervisor asked for from the start screen, each
//! summed up in a row (or the problem of a file that did not read).

use std::path::PathBuf;

use crate::describe::TeamSummary;
use crate::tui::state::Said;

/// One plan file of the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow {
    pub path: PathBuf,
    /// The file's name (control characters escaped): shown where the plan has no name, and
    /// beside a problem.
    pub file: String,
    /// The plan's figures, or why the file did not read.
    pub summary: Result<TeamSummary, Said>,
}

/// The team list pop-up. Its rows never re-sort while it is open, so the selection is a row.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamList {
    /// The folder, as read (a typed `~` expanded).
    pub dir: PathBuf,
    pub rows: Vec<TeamRow>,
    /// The folder held more plan files than were read.
    pub more: bool,
    pub selected: usize,
}

impl TeamList {
    pub fn selected_row(&self) -> Option<&TeamRow> {
        self.rows.get(self.selected)
    }

    /// Moves the selection by `rows` (negative is up), within the list.
    pub fn move_by(&mut self, rows: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(rows).min(last);
    }
}
