//! Everything that touches disk: reading files safely, parsing and locating problems,
//! bundled and user profiles.

pub mod diagnostic;
pub mod parse;
pub mod profiles;
pub mod source;

pub use diagnostic::{Diagnostic, Severity};
pub use profiles::{BUNDLED, Catalog, CatalogEntry, FailedProfile, Origin, load_profile_file, parse_profile};
