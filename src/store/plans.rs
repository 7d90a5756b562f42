//! Plan files: parsing and checking against the plan's profile.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::{Plan, ProblemKind, Profile};
use crate::store::diagnostic::Diagnostic;
use crate::store::parse::parse_toml;
use crate::store::profiles::Catalog;
use crate::store::source::read_limited;
use crate::text::closest;

/// Parses a plan and checks it against its profile from `catalog`.
pub fn parse_plan(file: &str, bytes: &[u8], catalog: &Catalog, lang: Lang) -> Result<Plan, Vec<Diagnostic>> {
    parse_toml::<Plan>(file, bytes, lang, |plan, located| {
        let problems = match catalog.get(&plan.profile) {
            Some(entry) => plan.validate(&entry.profile),
            None => {
                let known: Vec<String> = catalog.entries.iter().map(|e| e.profile.id.clone()).collect();
                let suggestion = closest(&plan.profile, known.iter().map(String::as_str)).map(str::to_string);
                vec![crate::model::Problem {
                    path: crate::model::FieldPath::default().key("profile"),
                    kind: ProblemKind::UnknownProfile {
                        id: plan.profile.clone(),
                        suggestion,
                        known,
                    },
                }]
            }
        };
        problems.iter().map(|p| located.problem(p, lang)).collect()
    })
}

/// Reads and checks the plan at `path`.
pub fn load_plan_file(path: &Path, catalog: &Catalog, lang: Lang) -> Result<Plan, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let bytes = read_limited(path).map_err(|e| vec![Diagnostic::file_level(&file, e.message(lang), e.hint(lang))])?;
    parse_plan(&file, &bytes, catalog, lang)
}

/// The directory holding saved plans: `$MICHI_DATA_DIR/plans` when set, else the platform's
/// data directory (`~/.local/share/michi/plans` on Linux).
pub fn plans_dir() -> Option<std::path::PathBuf> {
    match std::env::var_os("MICHI_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(std::path::PathBuf::from(dir).join("plans")),
        _ => directories::ProjectDirs::from("", "", "michi").map(|d| d.data_dir().join("plans")),
    }
}

/// Saves a plan atomically as a private file (0600), creating its directory private (0700)
/// when missing.
pub fn save_plan(path: &Path, plan: &Plan) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        crate::store::fsio::create_private_dir(dir)?;
    }
    crate::store::fsio::write_private_atomic(path, crate::store::plan_writer::plan_to_toml(plan).as_bytes())
}

/// Most plan files listed from the plans directory.
const MAX_SAVED_PLANS: usize = 500;

/// A plan file in the plans directory, read and checked (or its problems).
#[derive(Debug, Clone)]
pub struct SavedPlan {
    pub path: std::path::PathBuf,
    pub plan: Result<Plan, Vec<Diagnostic>>,
}

/// Every plan file in `dir`, each checked against its profile.
pub fn saved_plans(dir: &Path, catalog: &Catalog, lang: Lang) -> Vec<SavedPlan> {
    crate::store::fsio::toml_files(dir, MAX_SAVED_PLANS)
        .into_iter()
        .map(|path| {
            let plan = load_plan_file(&path, catalog, lang);
            SavedPlan { path, plan }
        })
        .collect()
}

/// The profile a checked plan was made against.
pub fn plan_profile<'c>(plan: &Plan, catalog: &'c Catalog) -> Option<&'c Profile> {
    catalog.get(&plan.profile).map(|e| &e.profile)
}
