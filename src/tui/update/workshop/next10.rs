//! The 「これからの10年」 page: ↑ ↓ (and the page keys) move along its rows.

use crate::tui::state::{Doc, next_ten, next10_rows};

/// Moves the selection by `delta` rows.
pub fn move_selection(doc: &mut Doc, delta: isize) {
    let rows = next10_rows(&next_ten(doc));
    let here = doc.selected.next10.index(&rows);
    doc.selected.next10.select(&rows, here.saturating_add_signed(delta));
}
