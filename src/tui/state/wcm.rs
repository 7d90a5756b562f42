//! The Will-Can-Must page's state: the pane selected and how far it is scrolled.

pub use crate::describe::wcm::Pane as WcmPane;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WcmState {
    pub pane: WcmPane,
    /// Rows the selected pane is scrolled down (drawing stops at its last page).
    pub scroll: usize,
}
