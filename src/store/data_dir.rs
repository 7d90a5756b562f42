//! Michi's own data directory: safe names for new plan files, recovery drafts of plans not
//! yet saved, and a trash that deleted plans go to first. Everything here is private to its
//! owner (files 0600, folders 0700) and bounded in how much it reads.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::fsio;
use crate::store::plan_writer::plan_to_toml;
use crate::store::source::{self, SourceError};
use crate::text::{escape_controls, is_forbidden_char};

/// Michi's data directory: `$MICHI_DATA_DIR` when set, else the platform's
/// (`~/.local/share/michi` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("MICHI_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "michi").map(|d| d.data_dir().to_path_buf()),
    }
}

/// Where recovery drafts are kept: `drafts` in the data directory.
pub fn drafts_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("drafts"))
}

/// Where deleted plans go first: `trash` in the data directory.
pub fn trash_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("trash"))
}

/// Longest file stem made, in bytes: with `-NNN.toml` it stays far below the 255-byte
/// limit of common file systems, Japanese text taking three bytes a character.
const MAX_STEM_BYTES: usize = 120;

/// The stem used when nothing of a name is left.
const FALLBACK_STEM: &str = "計画";

/// Whether a character may not appear in a file name on some system Michi runs on:
/// path separators, characters Windows reserves, controls, and invisible characters that
/// would make two names look alike (bidirectional marks, zero-width spaces, BOM).
fn unsafe_in_file_name(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
        || c.is_control()
        || is_forbidden_char(c)
        || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Names Windows keeps for devices, whatever the extension (`CON.toml` is the console).
fn is_windows_device_name(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ["COM", "LPT"].iter().any(|prefix| {
            base.strip_prefix(prefix)
                .is_some_and(|n| n.len() == 1 && n.bytes().all(|b| (b'1'..=b'9').contains(&b)))
        })
}

/// `s` cut to at most `max` bytes at a character boundary.
fn cut_to_bytes(s: &str, max: usize) -> &str {
    let end = s
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|end| *end <= max)
        .last()
        .unwrap_or(0);
    s.get(..end).unwrap_or("")
}

/// A file stem for a plan, safe on every file system: `上越市-上越花子` (spaces in the
/// person's name left out), or the city alone
/// when there is no person's name, or `計画` when there is nothing. Unsafe characters become
/// `_`; no leading dot or space, no trailing dot or space, no Windows device name, at most
/// 120 bytes.
pub fn plan_file_stem(city: &str, person: Option<&str>) -> String {
    let trim = |s: &str| s.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_string();
    let clean = |s: &str| -> String {
        trim(
            &s.trim()
                .chars()
                .map(|c| if unsafe_in_file_name(c) { '_' } else { c })
                .collect::<String>(),
        )
    };
    let city = clean(city);
    // A person's name is often written with a space between family and given name
    // (上越 花子): the file name leaves it out, so it needs no quoting in a shell.
    let person = person
        .map(|p| clean(&p.chars().filter(|c| !c.is_whitespace()).collect::<String>()))
        .unwrap_or_default();
    let joined = match (city.is_empty(), person.is_empty()) {
        (_, true) => city,
        (true, false) => person,
        (false, false) => format!("{city}-{person}"),
    };
    let mut stem = trim(cut_to_bytes(&joined, MAX_STEM_BYTES));
    if stem.is_empty() {
        return FALLBACK_STEM.to_string();
    }
    if is_windows_device_name(&stem) {
        stem.insert(0, '_');
    }
    stem
}

/// Most numbered names tried before giving up on `stem-N.toml`.
const MAX_NUMBERED_NAMES: u32 = 10_000;

/// A path in `dir` for a new plan: `stem.toml`, else `stem-2.toml`, `stem-3.toml`, … the
/// first that is free. Another program may take it before it is written: create it with
/// [`crate::store::plan_file::PlanFile::save_as_new`], which never replaces a file.
pub fn unique_plan_path(dir: &Path, stem: &str) -> PathBuf {
    unique_path(dir, stem, "toml")
}

/// The folder exported sheets are written to: `exports` in the data folder.
pub fn exports_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("exports"))
}

/// A free path in `dir` for `stem.extension` (then `stem-2.extension` …).
pub fn unique_file_path(dir: &Path, stem: &str, extension: &str) -> PathBuf {
    unique_path(dir, stem, extension)
}

fn unique_path(dir: &Path, stem: &str, extension: &str) -> PathBuf {
    let taken = |p: &Path| fs::symlink_metadata(p).is_ok();
    let first = dir.join(format!("{stem}.{extension}"));
    if !taken(&first) {
        return first;
    }
    (2..=MAX_NUMBERED_NAMES)
        .map(|n| dir.join(format!("{stem}-{n}.{extension}")))
        .find(|p| !taken(p))
        .unwrap_or_else(|| {
            let stamp = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            dir.join(format!("{stem}-{stamp}.{extension}"))
        })
}

/// The first line of a draft file, naming what the draft came from. A comment, so the rest
/// of the file stays a plain plan that reads with the plan reader.
const DRAFT_ORIGIN_PREFIX: &str = "# michi-draft-origin: ";

/// Most drafts listed.
const MAX_DRAFTS: usize = 100;

/// A recovery draft: the work on a plan not yet saved to a file of its own.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The key it was written under (its file stem).
    pub key: String,
    pub path: PathBuf,
    /// What the draft was started from (a new plan for a city, a sample …), as written.
    pub origin: Option<String>,
    /// When the draft was last written.
    pub written: Option<SystemTime>,
    /// The plan, or why it cannot be read.
    pub plan: Result<Plan, DraftError>,
}

/// Why a draft cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Source(SourceError),
    /// Not a plan (broken by hand, or cut short).
    #[error("not a plan: {reason}")]
    NotAPlan { reason: String },
}

impl DraftError {
    /// What is wrong with the draft, in words for the person using Michi.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DraftError::Source(e) => e.message(lang),
            DraftError::NotAPlan { reason } => match lang {
                Lang::Ja => format!("下書きが壊れていて読めません: {reason}"),
                Lang::En => format!("the draft is damaged and cannot be read: {reason}"),
            },
        }
    }
}

fn draft_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{}.toml", plan_file_stem(key, None)))
}

/// Writes the draft of `plan` under `key` (one draft per key, replaced each time), noting
/// `origin` (one line) as what it came from. Creates `dir` private when missing.
pub fn write_draft(dir: &Path, key: &str, plan: &Plan, origin: &str) -> io::Result<PathBuf> {
    fsio::create_private_dir(dir)?;
    let path = draft_path(dir, key);
    let origin: String = origin
        .chars()
        .map(|c| if c.is_control() || is_forbidden_char(c) { ' ' } else { c })
        .collect();
    let text = format!("{DRAFT_ORIGIN_PREFIX}{origin}\n{}", plan_to_toml(plan));
    fsio::write_private_atomic(&path, text.as_bytes())?;
    Ok(path)
}

/// The drafts in `dir`, oldest key first by name, at most 100. A draft that cannot be read
/// is listed with its problem.
pub fn list_drafts(dir: &Path) -> Vec<Draft> {
    fsio::toml_files(dir, MAX_DRAFTS)
        .into_iter()
        .map(|path| {
            let key = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let written = fs::metadata(&path).and_then(|m| m.modified()).ok();
            let text = source::read_limited(&path)
                .and_then(|bytes| source::decode(&bytes))
                .map_err(DraftError::Source);
            let origin = text.as_ref().ok().and_then(|t| {
                t.lines()
                    .next()
                    .and_then(|l| l.strip_prefix(DRAFT_ORIGIN_PREFIX))
                    .map(escape_controls)
            });
            let plan = text.and_then(|t| {
                toml::from_str::<Plan>(&t).map_err(|e| DraftError::NotAPlan {
                    reason: escape_controls(e.message()),
                })
            });
            Draft {
                key,
                path,
                origin,
                written,
                plan,
            }
        })
        .collect()
}

/// Removes the draft under `key`; a draft already gone is no error.
pub fn remove_draft(dir: &Path, key: &str) -> io::Result<()> {
    match fs::remove_file(draft_path(dir, key)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Moves `from` to `to` unless something is at `to`: linked then unlinked, so an existing
/// file is never replaced; where the file system has no hard links, renamed after a check.
fn move_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if fs::symlink_metadata(to).is_ok() => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
        Err(_) => match fs::rename(from, to) {
            Err(e) if e.kind() == io::ErrorKind::CrossesDevices => copy_then_remove(from, to),
            done => done,
        },
    }
}

/// Moves a file to another file system: a new private copy, synced, then the original
/// removed.
fn copy_then_remove(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = fs::File::open(from)?;
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut copy = options.open(to)?;
    let copied = io::copy(&mut source, &mut copy).and_then(|_| copy.sync_all());
    if let Err(e) = copied {
        let _ = fs::remove_file(to);
        return Err(e);
    }
    fs::remove_file(from)
}

/// Moves the plan file at `path` into `trash_dir` (created private when missing), under its
/// own name or a numbered one when taken; returns where it went. Nothing in the trash is
/// ever replaced.
pub fn move_to_trash(trash_dir: &Path, path: &Path) -> io::Result<PathBuf> {
    fsio::create_private_dir(trash_dir)?;
    let name = Path::new(
        path.file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?,
    );
    let stem = name
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = name
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for _ in 0..MAX_NUMBERED_NAMES {
        let destination = unique_path(trash_dir, &stem, &extension);
        match move_no_clobber(path, &destination) {
            // Taken in the meantime: look for the next free name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
            Ok(()) => {
                let _ = fsio::sync_dir(trash_dir);
                return Ok(destination);
            }
        }
    }
    Err(io::Error::from(io::ErrorKind::AlreadyExists))
}

/// Puts a trashed file back at `original`. Fails with `AlreadyExists`, moving nothing,
/// when a file is there now.
pub fn restore_from_trash(trashed: &Path, original: &Path) -> io::Result<()> {
    if let Some(dir) = original.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
        fsio::create_private_dir(dir)?;
    }
    move_no_clobber(trashed, original)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use proptest::prelude::*;

    fn sample_plan() -> Plan {
        let (_, text) = crate::store::personas::PERSONAS.first().unwrap();
        toml::from_str::<Plan>(text).unwrap().savable_copy()
    }

    #[test]
    fn stems_are_city_and_person() {
        assert_eq!(plan_file_stem("上越市", Some("上越花子")), "上越市-上越花子");
        assert_eq!(
            plan_file_stem("上越市", Some("上越\u{3000}花子")),
            "上越市-上越花子",
            "no space in the file name"
        );
        assert_eq!(plan_file_stem("上越市", None), "上越市");
        assert_eq!(plan_file_stem("上越市", Some("")), "上越市");
        assert_eq!(plan_file_stem("上越市", Some(" \t")), "上越市");
        assert_eq!(plan_file_stem("", Some("上越花子")), "上越花子");
        assert_eq!(plan_file_stem("", None), "計画");
        assert_eq!(plan_file_stem(" . ", Some("..")), "計画");
    }

    #[test]
    fn stems_are_safe_on_every_file_system() {
        assert_eq!(plan_file_stem("../etc", Some("a/b\\c")), "_etc-a_b_c");
        assert_eq!(plan_file_stem("a<b>c:d\"e|f?g*h", None), "a_b_c_d_e_f_g_h");
        assert_eq!(plan_file_stem("a\nb\u{1b}[31m", None), "a_b_[31m");
        assert_eq!(plan_file_stem("\u{202e}txt.exe", None), "_txt.exe");
        assert_eq!(plan_file_stem(".hidden", None), "hidden");
        assert_eq!(plan_file_stem("市. ", Some("")), "市");
        for device in ["CON", "prn", "Aux", "nul", "COM1", "lpt9", "con.txt", "NUL "] {
            let stem = plan_file_stem(device, None);
            assert!(stem.starts_with('_'), "{device} → {stem}");
        }
        for fine in ["COM10", "LPT0", "CONSOLE", "上越"] {
            assert_eq!(plan_file_stem(fine, None), fine);
        }
        let long = plan_file_stem(&"長".repeat(100), Some(&"名".repeat(100)));
        assert_eq!(long, "長".repeat(40), "cut at 120 bytes on a character boundary");
    }

    proptest! {
        #[test]
        fn any_text_gives_a_safe_stem(city in any::<String>(), person in proptest::option::of(any::<String>())) {
            let stem = plan_file_stem(&city, person.as_deref());
            prop_assert!(!stem.is_empty() && stem.len() <= MAX_STEM_BYTES, "{stem:?}");
            prop_assert!(!stem.chars().any(unsafe_in_file_name), "{stem:?}");
            let edges = |c: char| c == '.' || c.is_whitespace();
            prop_assert!(!stem.starts_with(edges) && !stem.ends_with(edges), "{stem:?}");
            prop_assert!(!is_windows_device_name(&stem), "{stem:?}");
        }
    }

    #[test]
    fn unique_paths_count_up_past_taken_names() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(unique_plan_path(dir.path(), "上越市"), dir.path().join("上越市.toml"));
        fs::write(dir.path().join("上越市.toml"), "").unwrap();
        fs::write(dir.path().join("上越市-2.toml"), "").unwrap();
        assert_eq!(unique_plan_path(dir.path(), "上越市"), dir.path().join("上越市-3.toml"));
    }

    #[test]
    fn drafts_are_private_listed_with_their_origin_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = dir.path().join("drafts");
        let plan = sample_plan();
        let path = write_draft(&drafts, "new-iruma", &plan, "入間市の新しい計画\n二行目").unwrap();
        write_draft(&drafts, "persona-joetsu", &plan, "sample").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(fs::metadata(&drafts).unwrap().permissions().mode() & 0o777, 0o700);
        }
        // Broken drafts are listed with their problem, never a crash.
        fs::write(drafts.join("broken.toml"), "schema_version = [").unwrap();
        fs::write(drafts.join("shift-jis.toml"), b"name = \"\x8E\xE5\x94\x43\"").unwrap();
        let listed = list_drafts(&drafts);
        let keys: Vec<&str> = listed.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["broken", "new-iruma", "persona-joetsu", "shift-jis"]);
        let new = listed.iter().find(|d| d.key == "new-iruma").unwrap();
        assert_eq!(new.origin.as_deref(), Some("入間市の新しい計画 二行目"));
        assert_eq!(new.plan.as_ref().unwrap(), &plan);
        assert!(new.written.is_some());
        let broken = listed.iter().find(|d| d.key == "broken").unwrap();
        assert!(matches!(broken.plan, Err(DraftError::NotAPlan { .. })));
        assert!(
            broken
                .plan
                .as_ref()
                .unwrap_err()
                .message(Lang::Ja)
                .starts_with("下書きが壊れていて")
        );
        let sjis = listed.iter().find(|d| d.key == "shift-jis").unwrap();
        assert!(matches!(
            sjis.plan,
            Err(DraftError::Source(SourceError::NotUtf8 { .. }))
        ));

        // Written again under the same key, the draft is replaced, not duplicated.
        let mut changed = plan.clone();
        changed.grade = "shusa".into();
        write_draft(&drafts, "new-iruma", &changed, "入間市").unwrap();
        let again = list_drafts(&drafts);
        assert_eq!(again.len(), 4);
        let new = again.iter().find(|d| d.key == "new-iruma").unwrap();
        assert_eq!(new.plan.as_ref().unwrap().grade, "shusa");

        remove_draft(&drafts, "new-iruma").unwrap();
        remove_draft(&drafts, "new-iruma").unwrap();
        assert!(!path.exists());
        assert!(list_drafts(&dir.path().join("missing")).is_empty());
    }

    #[test]
    fn the_trash_never_replaces_and_restoring_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let trash = dir.path().join("trash");
        let plan = dir.path().join("plan.toml");
        fs::write(&plan, "first").unwrap();
        let first = move_to_trash(&trash, &plan).unwrap();
        assert_eq!(first, trash.join("plan.toml"));
        assert!(!plan.exists());
        fs::write(&plan, "second").unwrap();
        let second = move_to_trash(&trash, &plan).unwrap();
        assert_eq!(second, trash.join("plan-2.toml"));
        assert_eq!(fs::read_to_string(&first).unwrap(), "first");

        fs::write(&plan, "third").unwrap();
        let err = restore_from_trash(&first, &plan).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&plan).unwrap(), "third");
        assert!(first.exists(), "nothing moved");

        fs::remove_file(&plan).unwrap();
        restore_from_trash(&first, &plan).unwrap();
        assert_eq!(fs::read_to_string(&plan).unwrap(), "first");
        assert!(!first.exists());
        let elsewhere = dir.path().join("new-folder").join("plan.toml");
        restore_from_trash(&second, &elsewhere).unwrap();
        assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "second");
    }
}
