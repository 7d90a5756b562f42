//! An open plan file on disk: locks, permissions, links, changes made elsewhere, special
//! files.
#![allow(clippy::unwrap_used, clippy::panic)]
#![cfg(unix)]

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use michi::i18n::Lang;
use michi::model::Plan;
use michi::store::personas::PERSONAS;
use michi::store::plan_file::{Access, OpenError, PlanFile, ReadOnlyReason, SaveError, Saved};
use michi::store::source::{FileKind, SourceError};

/// A persona's text made the user's own (its sample line dropped).
fn own_plan_text() -> String {
    let (_, text) = PERSONAS
        .iter()
        .find(|(name, _)| *name == "iruma-shunin-to-kacho")
        .unwrap();
    text.lines()
        .filter(|l| !l.starts_with("sample = "))
        .map(|l| format!("{l}\n"))
        .collect()
}

fn write_plan(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, own_plan_text()).unwrap();
    path
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn raised_level(text: &str) -> (Plan, Plan) {
    let before: Plan = toml::from_str(text).unwrap();
    let mut after = before.clone();
    after.self_assessment.insert("kosho_chosei".into(), 4);
    (before, after)
}

#[test]
fn a_save_changes_only_the_changed_line_and_keeps_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    let (mut file, text) = PlanFile::open(&path).unwrap();
    assert_eq!(file.access(), Access::ReadWrite);
    let (before, after) = raised_level(&text);
    assert_eq!(file.save(&before, &after).unwrap(), Saved::Edited);
    let saved = fs::read_to_string(&path).unwrap();
    assert_eq!(saved, text.replace("kosho_chosei = 3", "kosho_chosei = 4"));
    assert!(!file.disk_differs());
    // The next save starts from what was written.
    let mut again = after.clone();
    again.self_assessment.insert("kosho_chosei".into(), 5);
    file.save(&after, &again).unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("kosho_chosei = 5"));
}

#[test]
fn a_linked_plan_is_saved_into_the_file_the_link_points_to() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("real")).unwrap();
    let real = write_plan(&dir.path().join("real"), "plan.toml");
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (mut file, text) = PlanFile::open(&link).unwrap();
    assert_eq!(file.path(), link);
    assert_eq!(file.target(), fs::canonicalize(&real).unwrap());
    let (before, after) = raised_level(&text);
    file.save(&before, &after).unwrap();
    assert!(
        fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link stays a link"
    );
    assert!(fs::read_to_string(&real).unwrap().contains("kosho_chosei = 4"));
    let names: Vec<_> = fs::read_dir(dir.path().join("real"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "{names:?}"
    );
}

#[test]
fn a_file_without_the_write_bit_is_read_only_even_for_root() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    set_mode(&path, 0o444);
    let (mut file, text) = PlanFile::open(&path).unwrap();
    assert_eq!(file.access(), Access::ReadOnly(ReadOnlyReason::NoPermission));
    let (before, after) = raised_level(&text);
    let err = file.save(&before, &after).unwrap_err();
    assert_eq!(err, SaveError::ReadOnly(ReadOnlyReason::NoPermission));
    assert_eq!(err.message(Lang::Ja), "このファイルには書き込みの権限がありません");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert!(
        !dir.path().join(".plan.toml.lock").exists(),
        "a read-only file takes no lock"
    );
}

#[test]
fn a_saved_file_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    set_mode(&path, 0o640);
    let (mut file, text) = PlanFile::open(&path).unwrap();
    let (before, after) = raised_level(&text);
    file.save(&before, &after).unwrap();
    assert_eq!(mode(&path), 0o640);
}

#[test]
fn special_files_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let started = Instant::now();
    let err = PlanFile::open(&fifo).unwrap_err();
    assert_eq!(err, OpenError::Source(SourceError::NotAFile { kind: FileKind::Fifo }));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(matches!(
        PlanFile::open(dir.path()),
        Err(OpenError::Source(SourceError::NotAFile {
            kind: FileKind::Directory
        }))
    ));
    assert!(matches!(
        PlanFile::open(Path::new("/dev/null")),
        Err(OpenError::Source(SourceError::NotAFile { kind: FileKind::Device }))
    ));
}

#[test]
fn a_change_on_disk_that_keeps_size_and_time_is_caught_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    let (mut file, text) = PlanFile::open(&path).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    // Another editor changes one digit: same length; then the time is put back.
    let changed = text.replace("jimu_shori = 4", "jimu_shori = 5");
    assert_eq!(changed.len(), text.len());
    fs::write(&path, &changed).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    assert!(file.disk_differs());

    let (before, after) = raised_level(&text);
    let err = file.save(&before, &after).unwrap_err();
    assert_eq!(
        err,
        SaveError::Changed {
            disk_text: changed.clone()
        }
    );
    assert_eq!(
        err.message(Lang::Ja),
        "ファイルが他で変更されています。保存していません"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        changed,
        "the disk file is untouched"
    );

    // Reloading takes the disk's text as the base; saving works again.
    assert_eq!(file.reload().unwrap(), changed);
    let (before, after) = raised_level(&changed);
    file.save(&before, &after).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(saved.contains("jimu_shori = 5") && saved.contains("kosho_chosei = 4"));
}

#[test]
fn a_removed_file_is_reported_not_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    let (mut file, text) = PlanFile::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    let (before, after) = raised_level(&text);
    assert_eq!(file.save(&before, &after), Err(SaveError::Removed));
    assert!(!path.exists());
}

#[test]
fn a_second_open_in_the_same_process_is_read_only_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    let (first, _) = PlanFile::open(&path).unwrap();
    let (second, _) = PlanFile::open(&path).unwrap();
    assert_eq!(second.access(), Access::ReadOnly(ReadOnlyReason::LockedElsewhere));
    // Through a link it is the same plan.
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    assert_eq!(
        PlanFile::open(&link).unwrap().0.access(),
        Access::ReadOnly(ReadOnlyReason::LockedElsewhere)
    );
    drop(second);
    assert_eq!(
        PlanFile::open(&path).unwrap().0.access(),
        Access::ReadOnly(ReadOnlyReason::LockedElsewhere),
        "dropping a read-only one frees nothing"
    );
    drop(first);
    let (third, _) = PlanFile::open(&path).unwrap();
    assert_eq!(third.access(), Access::ReadWrite);
    drop(third);
    assert!(
        !dir.path().join(".plan.toml.lock").exists(),
        "the lock file goes with the lock"
    );
}

#[test]
fn a_lock_file_left_behind_blocks_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    fs::write(dir.path().join(".plan.toml.lock"), "").unwrap();
    assert_eq!(PlanFile::open(&path).unwrap().0.access(), Access::ReadWrite);
}

/// Holds the lock on a plan in another process: util-linux `flock`, which takes the same
/// kind of lock as Rust's `File::try_lock` on Linux, and runs a shell that waits for its
/// input to close. `-o` keeps the lock in `flock` alone, so killing it frees the lock.
fn hold_lock_elsewhere(plan: &Path) -> std::process::Child {
    let lock = plan.with_file_name(format!(".{}.lock", plan.file_name().unwrap().to_string_lossy()));
    let mut child = Command::new("flock")
        .args(["-n", "-o"])
        .arg(&lock)
        .args(["-c", "echo locked; cat >/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line, "locked\n");
    child
}

#[cfg(target_os = "linux")]
#[test]
fn another_process_holding_the_plan_makes_it_read_only_and_a_crash_frees_it() {
    if Command::new("flock").arg("--version").output().is_err() {
        eprintln!("skipped: no flock(1) on this machine");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");

    let mut holder = hold_lock_elsewhere(&path);
    assert_eq!(
        PlanFile::open(&path).unwrap().0.access(),
        Access::ReadOnly(ReadOnlyReason::LockedElsewhere)
    );
    holder.stdin.take().unwrap().write_all(b"").unwrap();
    holder.wait().unwrap();
    assert_eq!(PlanFile::open(&path).unwrap().0.access(), Access::ReadWrite);

    // A holder killed outright leaves its lock file; the lock itself dies with it.
    let mut holder = hold_lock_elsewhere(&path);
    holder.kill().unwrap();
    holder.wait().unwrap();
    drop(holder.stdin.take());
    assert!(dir.path().join(".plan.toml.lock").exists());
    assert_eq!(PlanFile::open(&path).unwrap().0.access(), Access::ReadWrite);
}

#[test]
fn a_sample_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.toml");
    let (_, text) = PERSONAS.first().unwrap();
    fs::write(&path, text).unwrap();
    let (mut file, text) = PlanFile::open(&path).unwrap();
    let (before, after) = raised_level(&text);
    assert!(before.sample);
    file.mark_sample();
    assert_eq!(file.access(), Access::ReadOnly(ReadOnlyReason::Sample));
    assert_eq!(
        file.save(&before, &after),
        Err(SaveError::ReadOnly(ReadOnlyReason::Sample))
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);

    // Its savable copy goes to a new file, private, in a private new folder.
    let copy_path = dir.path().join("mine").join("plan.toml");
    let mut copy = PlanFile::save_as_new(&copy_path, &after.savable_copy()).unwrap();
    assert_eq!(copy.access(), Access::ReadWrite);
    assert_eq!(mode(&copy_path), 0o600);
    assert_eq!(mode(&dir.path().join("mine")), 0o700);
    let saved: Plan = toml::from_str(&fs::read_to_string(&copy_path).unwrap()).unwrap();
    assert_eq!(saved, after.savable_copy());
    assert_eq!(
        PlanFile::open(&copy_path).unwrap().0.access(),
        Access::ReadOnly(ReadOnlyReason::LockedElsewhere),
        "the new file is held"
    );
    let mut next = saved.clone();
    next.grade = "shusa".into();
    copy.save(&saved, &next).unwrap();
}

#[test]
fn save_as_new_never_replaces_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    let plan: Plan = toml::from_str(&own_plan_text()).unwrap();
    let mut other = plan.clone();
    other.grade = "shusa".into();
    assert_eq!(PlanFile::save_as_new(&path, &other).unwrap_err(), SaveError::Exists);
    assert_eq!(fs::read_to_string(&path).unwrap(), own_plan_text());
    let dangling = dir.path().join("dangling.toml");
    std::os::unix::fs::symlink(dir.path().join("nowhere.toml"), &dangling).unwrap();
    assert_eq!(PlanFile::save_as_new(&dangling, &other).unwrap_err(), SaveError::Exists);
    assert!(!dir.path().join("nowhere.toml").exists());
    let fifo = dir.path().join("fifo.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    assert_eq!(PlanFile::save_as_new(&fifo, &other).unwrap_err(), SaveError::Exists);
}

#[test]
fn a_file_in_a_folder_that_takes_no_new_files_is_read_only() {
    // Root ignores folder permissions, so this holds only for other users.
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    set_mode(dir.path(), 0o500);
    let probe = dir.path().join("probe");
    let root = fs::write(&probe, "").is_ok();
    let _ = fs::remove_file(&probe);
    if !root {
        assert_eq!(
            PlanFile::open(&path).unwrap().0.access(),
            Access::ReadOnly(ReadOnlyReason::NoPermission)
        );
    }
    set_mode(dir.path(), 0o700);
}

#[test]
fn a_file_whose_layout_cannot_be_followed_is_written_anew_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.toml");
    let (mut file, text) = PlanFile::open(&path).unwrap();
    // A `before` that is not what the file holds: the edit would not read back as `after`.
    let (mut before, mut after) = raised_level(&text);
    before.self_assessment.insert("jimu_shori".into(), 1);
    after.self_assessment.insert("jimu_shori".into(), 1);
    assert_eq!(file.save(&before, &after).unwrap(), Saved::Rewritten);
    let saved: Plan = toml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved, after, "the plan itself is never lost");
}
