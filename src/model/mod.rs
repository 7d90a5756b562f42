//! The nouns of Michi: profiles (a municipality's career system) and, later, plans.
//! Pure data and checks: no files, no clock, no terminal.

pub mod profile;
pub mod validate;

pub use profile::*;
pub use validate::{Entity, FieldPath, PathSeg, Problem, ProblemKind};
