//! Michi (道): a career-path planner for Japanese municipal staff.
//!
//! Layers: [`model`] (pure data and checks) → [`store`] (files: parsing, validation,
//! diagnostics) → [`cli`] (headless commands). Data flows one way, from files to display.

pub mod cli;
pub mod clock;
pub mod describe;
pub mod engine;
pub mod export;
pub mod i18n;
pub mod model;
pub mod store;
#[doc(hidden)]
pub mod testgen;
pub mod text;
pub mod tui;
