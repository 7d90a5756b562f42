//! One module per screen or overlay; each draws from the app's state.

pub mod form;
pub mod gaps;
pub mod help;
pub mod palette;
pub mod path;
pub mod rotation;
pub mod situation;
pub mod start;
pub mod trainings;
