//! Everything that touches disk: reading files safely, parsing and locating problems,
//! bundled and user profiles.

pub mod data_dir;
pub mod diagnostic;
pub mod fsio;
pub mod migrate;
pub mod parse;
pub mod personas;
pub mod plan_edit;
pub mod plan_file;
pub mod plan_writer;
pub mod plans;
pub mod profile_check;
pub mod profile_template;
pub mod profiles;
pub mod roster;
pub mod schema;
pub mod settings;
pub mod shape_check;
mod shape_words;
pub mod source;
pub mod team;
pub mod template;
mod toml_words;
pub mod tours;

pub use diagnostic::{Diagnostic, Problems, Severity};
pub use plans::{load_plan_file, parse_plan, plan_profile};
pub use profiles::{BUNDLED, Catalog, CatalogEntry, FailedProfile, Origin, load_profile_file, parse_profile};
