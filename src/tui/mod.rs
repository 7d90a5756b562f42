//! The full-screen terminal app, built as state → update → effects: `state` holds what is
//! shown, `update` turns each action into a new state and a list of effects (no I/O), `view`
//! draws the state and reports where things are, and the shell here carries out the effects
//! (files, settings, the terminal) and feeds their results back as actions.

pub mod action;
pub mod forms;
pub mod input;
pub mod keymap;
pub mod picker;
pub mod shell;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

pub use shell::{Options, WorkshopOptions, restore_terminal, run};
