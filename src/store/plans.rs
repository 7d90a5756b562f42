//! Plan files: parsing and checking against the plan's profile.

use std::path::Path;

use crate::i18n::Lang;
use crate::model::{Entity, FieldPath, Found, NamedField, Plan, Problem, ProblemKind, Profile, Reading};
use crate::store::diagnostic::{Diagnostic, Problems};
use crate::store::parse::parse_toml;
use crate::store::profiles::{Catalog, CatalogEntry};
use crate::store::source::read_limited;
use crate::text::closest;

/// Parses a plan and checks it against its profile from `catalog`.
pub fn parse_plan(file: &str, bytes: &[u8], catalog: &Catalog, lang: Lang) -> Result<Plan, Problems> {
    if let Some(problem) = too_many_tables(file, bytes, lang) {
        return Err(Problems::one(problem));
    }
    parse_toml::<Plan>(file, bytes, lang, |plan, limit| match read_profile(plan, catalog) {
        Ok(Some(entry)) => read_and_validate(plan, &entry.profile, limit),
        Err(ambiguous) => Found {
            problems: vec![ambiguous],
            ..Found::default()
        },
        Ok(None) if limit == 0 => Found {
            more: 1,
            ..Found::default()
        },
        Ok(None) => {
            let mut known: Vec<&str> = catalog.entries.iter().map(|e| e.profile.id.as_str()).collect();
            known.sort_unstable();
            let suggestion = closest(&plan.profile, known.iter().copied()).map(str::to_string);
            // The hint lists the ids; a folder of thousands of profiles lists the first few.
            let listed = known.len().min(MAX_IDS_LISTED);
            let mut known: Vec<String> = known.iter().take(listed).map(|id| id.to_string()).collect();
            if catalog.entries.len() > listed {
                known.push("…".to_string());
            }
            Found {
                problems: vec![crate::model::Problem {
                    path: crate::model::FieldPath::default().key("profile"),
                    kind: ProblemKind::UnknownProfile {
                        id: plan.profile.clone(),
                        suggestion,
                        known,
                    },
                }],
                ..Found::default()
            }
        }
    })
}

/// The catalog's profile the plan names, by id or by name (a name is recorded and replaced
/// by the id); `Ok(None)` when none is called so, a problem when several are.
fn read_profile<'c>(plan: &mut Plan, catalog: &'c Catalog) -> Result<Option<&'c CatalogEntry>, Problem> {
    let word = plan.profile.clone();
    match catalog.read(&word) {
        Reading::Id(entry) => Ok(Some(entry)),
        Reading::Name(entry) => {
            plan.record(NamedField::Profile, &word, &entry.profile.id, &entry.profile.name);
            Ok(Some(entry))
        }
        Reading::Ambiguous(found) => Err(Problem {
            path: FieldPath::default().key("profile"),
            kind: ProblemKind::AmbiguousName {
                entity: Entity::Profile,
                name: word,
                candidates: found
                    .iter()
                    .map(|e| format!("{}（{}）", e.profile.id, e.profile.name))
                    .collect(),
            },
        }),
        Reading::Unknown => Ok(None),
    }
}

/// Reads the names the plan writes where ids belong, then checks it. A name several things
/// go by is told once: not again as an id the profile lacks.
fn read_and_validate(plan: &mut Plan, profile: &Profile, limit: usize) -> Found {
    let read = plan.read_names(profile);
    let found = plan.validate_bounded(profile, limit);
    // Each problem with the count of those it causes; a place a name was read at is told
    // once, as the name (a plan has a handful of such places: profile, series, grades).
    let checked: Vec<(Problem, usize)> = found
        .problems
        .iter()
        .enumerate()
        .filter(|(_, p)| !read.iter().any(|r| r.path == p.path))
        .map(|(i, p)| (p.clone(), found.caused_by(i)))
        .collect();
    let mut all: Vec<(Problem, usize)> = read.iter().cloned().map(|p| (p, 0)).collect();
    all.extend(checked);
    let over = all.len().saturating_sub(limit);
    all.truncate(limit);
    let (problems, caused) = all.into_iter().unzip();
    Found {
        problems,
        more: found.more + over,
        follow_ons: found.follow_ons,
        caused,
    }
}

/// Most profile ids listed in the hint for an unknown profile.
const MAX_IDS_LISTED: usize = 20;

/// Most table headers (`[[assignments]]`, `[[leaves]]`, `[evidence]` …) a plan may hold. A
/// career has tens; a file of tens of thousands makes the TOML parser itself take tens of
/// megabytes before any check could speak (a 2 MiB file of 29,000 postings: about 85 MB).
pub const MAX_PLAN_TABLES: usize = 2_000;

/// Counts the lines that open a table before the file is parsed; past the bound, the
/// problem is told at the first table too many.
fn too_many_tables(file: &str, bytes: &[u8], lang: Lang) -> Option<crate::store::Diagnostic> {
    let mut tables = 0usize;
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let start = line
            .iter()
            .position(|b| *b != b' ' && *b != b'\t')
            .unwrap_or(line.len());
        if line.get(start) != Some(&b'[') {
            continue;
        }
        tables += 1;
        if tables > MAX_PLAN_TABLES {
            let (message, hint) = match lang {
                Lang::Ja => (
                    format!("表（[[assignments]] など）が多すぎます（計画には {MAX_PLAN_TABLES} まで）"),
                    "配属や休業等の記録が重複していないか確かめてください".to_string(),
                ),
                Lang::En => (
                    format!("too many tables ([[assignments]] and the like): a plan holds at most {MAX_PLAN_TABLES}"),
                    "check that postings or leave are not repeated".to_string(),
                ),
            };
            return Some(crate::store::Diagnostic::at_position(
                file,
                None,
                index.saturating_add(1),
                start.saturating_add(1),
                message,
                hint,
            ));
        }
    }
    None
}

/// Reads and checks the plan at `path`.
pub fn load_plan_file(path: &Path, catalog: &Catalog, lang: Lang) -> Result<Plan, Problems> {
    let file = path.display().to_string();
    let bytes =
        read_limited(path).map_err(|e| Problems::one(Diagnostic::file_level(&file, e.message(lang), e.hint(lang))))?;
    parse_plan(&file, &bytes, catalog, lang)
}

/// The directory holding saved plans: `plans` in the data directory
/// ([`crate::store::data_dir::data_dir`]), e.g. `$MICHI_DATA_DIR/plans`.
pub fn plans_dir() -> Option<std::path::PathBuf> {
    crate::store::data_dir::data_dir().map(|d| d.join("plans"))
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
    /// When the file was last changed, for listing plans by it.
    pub modified: Option<std::time::SystemTime>,
    pub plan: Result<Plan, Problems>,
}

/// Every plan file in `dir`, each checked against its profile.
pub fn saved_plans(dir: &Path, catalog: &Catalog, lang: Lang) -> Vec<SavedPlan> {
    crate::store::fsio::toml_files(dir, MAX_SAVED_PLANS)
        .into_iter()
        .map(|path| {
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            let plan = load_plan_file(&path, catalog, lang);
            SavedPlan { path, modified, plan }
        })
        .collect()
}

/// The profile a checked plan was made against.
pub fn plan_profile<'c>(plan: &Plan, catalog: &'c Catalog) -> Option<&'c Profile> {
    catalog.get(&plan.profile).map(|e| &e.profile)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn saved_plans_come_with_their_last_change() {
        let dir = tempfile::tempdir().unwrap();
        let (_, text) = crate::store::personas::PERSONAS.first().unwrap();
        std::fs::write(dir.path().join("a.toml"), text).unwrap();
        std::fs::write(dir.path().join("b.toml"), "broken = [").unwrap();
        let catalog = Catalog::load(None, Lang::Ja);
        let saved = saved_plans(dir.path(), &catalog, Lang::Ja);
        assert_eq!(saved.len(), 2);
        assert!(saved.iter().all(|s| s.modified.is_some()));
        assert!(saved.first().unwrap().plan.is_ok());
        assert!(saved.get(1).unwrap().plan.is_err());
    }
}
