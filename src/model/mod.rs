//! The nouns of Michi: profiles (a municipality's career system) and, later, plans.
//! Pure data and checks: no files, no clock, no terminal.

pub mod courses;
pub mod date;
pub mod evaluation;
pub mod grades;
mod index;
pub mod interview;
pub mod measures;
pub mod names;
pub mod plan;
pub mod plan_ops;
pub mod profile;
pub mod promotion;
mod resolve;
pub mod rotation;
pub mod scale;
pub mod validate;
pub mod workshop;

pub use courses::{Course, CourseField};
pub use date::{
    Date, DateInputError, Era, FiscalYear, FiscalYearInputError, fiscal_year_label, fiscal_year_text,
    japanese_fiscal_year, parse_fiscal_year_input,
};
pub use interview::{Goal, GoalStatus, Interview, InterviewKind, Note, NoteAuthor};
pub use names::{GradeHit, NameRead, NamedField, Reading};
pub use plan::*;
pub use plan_ops::{Assessor, TrainingMark};
pub use profile::*;
pub use resolve::{ResolvedRequirement, Rung};
pub use validate::{
    Advice, DateField, Entity, FieldPath, Found, PathSeg, PostRule, Problem, ProblemKind, RotationProblem, Warning,
};
pub use workshop::{LIFELINE_MAX, LIFELINE_MIN, LifelineYear, WillCanMust};
