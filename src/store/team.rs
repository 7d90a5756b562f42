//! A team folder: the plan files of one folder, each read and checked against its profile,
//! for `michi team DIR` and the app's team list. Only `.toml` files are read, in name order
//! and to a bound; a file that does not read comes back with its problems, never as an error
//! of the whole folder.

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::{Catalog, Problems, load_plan_file};

/// Most plan files read from one folder.
pub const MAX_PLANS: usize = 2_000;

/// One plan file of the folder, read and checked (or its problems).
#[derive(Debug, Clone)]
pub struct TeamFile {
    pub path: PathBuf,
    pub plan: Result<Plan, Problems>,
}

impl TeamFile {
    /// The file's name, control characters escaped.
    pub fn file_name(&self) -> String {
        crate::text::escape_controls(
            &self
                .path
                .file_name()
                .map_or_else(String::new, |f| f.to_string_lossy().into_owned()),
        )
    }
}

/// The plan files of a folder.
#[derive(Debug, Clone)]
pub struct TeamFolder {
    /// In file-name order, at most [`MAX_PLANS`].
    pub files: Vec<TeamFile>,
    /// The folder held more plan files than were read.
    pub more: bool,
}

/// Reads every `.toml` file of `dir` (the first [`MAX_PLANS`] by name), each checked against
/// `catalog`, its problems told in `lang`. Only a folder that cannot be listed is an error.
pub fn read_team_folder(dir: &Path, catalog: &Catalog, lang: Lang) -> std::io::Result<TeamFolder> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
        .collect();
    paths.sort();
    let more = paths.len() > MAX_PLANS;
    paths.truncate(MAX_PLANS);
    let files = paths
        .into_iter()
        .map(|path| {
            let plan = load_plan_file(&path, catalog, lang);
            TeamFile { path, plan }
        })
        .collect();
    Ok(TeamFolder { files, more })
}

/// The first problem of a file that did not read, on one line (「エラー: …」): where in the
/// file is left to `michi plan check` and to opening it.
pub fn first_problem(problems: &Problems, lang: Lang) -> String {
    problems.render(lang).lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn plans_are_read_in_name_order_and_a_broken_one_keeps_its_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (_, text) = crate::store::personas::PERSONAS
            .iter()
            .find(|(n, _)| *n == "iruma-shunin-to-kacho")
            .unwrap();
        std::fs::write(dir.path().join("b.toml"), text).unwrap();
        std::fs::write(dir.path().join("a.toml"), "broken = \n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
        std::fs::create_dir(dir.path().join("sub.toml")).unwrap();
        let catalog = Catalog::load(None, Lang::Ja);
        let folder = read_team_folder(dir.path(), &catalog, Lang::Ja).unwrap();
        assert!(!folder.more);
        let names: Vec<String> = folder.files.iter().map(TeamFile::file_name).collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        let problem = folder.files[0].plan.as_ref().unwrap_err();
        assert!(first_problem(problem, Lang::Ja).starts_with("エラー"));
        let plan = folder.files[1].plan.as_ref().unwrap();
        let profile = &catalog.get(&plan.profile).unwrap().profile;
        let row = crate::describe::team_summary(profile, plan);
        assert_eq!(row.name.as_deref(), Some("入間 健"));
        assert!(row.readiness.is_some());
        assert!(row.largest_gap.as_deref().is_some_and(|g| g.ends_with('）')));
    }

    #[test]
    fn a_folder_that_is_not_there_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = Catalog::default();
        assert!(read_team_folder(&dir.path().join("nowhere"), &catalog, Lang::En).is_err());
    }
}
