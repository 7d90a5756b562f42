//! A plan file open for editing: where it really is, what it held when last read or
//! written, and whether Michi may write to it. Saving checks that nobody changed the file
//! in the meantime, changes only what the user changed (comments stay), and writes through
//! a symbolic link to the file it points to, keeping that file's permissions.
//!
//! Two Michis must not edit one plan at once: the first holds an advisory lock on a hidden
//! file beside the plan (`.NAME.lock`); the others open it read-only. The lock, not the
//! lock file's existence, is what counts, so a file left by a crash blocks no one.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::fsio::{self, Keep};
use crate::store::plan_edit::update_plan_text;
use crate::store::plan_writer::plan_to_toml;
use crate::store::source::{self, SourceError};

/// Whether Michi may write to an open plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly(ReadOnlyReason),
}

/// Why an open plan file is read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file (or its folder) may not be written.
    NoPermission,
    /// Another Michi has the file open for editing.
    LockedElsewhere,
    /// A sample shipped with Michi (`sample = true`): never written to.
    Sample,
}

impl ReadOnlyReason {
    /// Why the file is read-only, in words for the person using Michi.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            ReadOnlyReason::NoPermission => lang.pick(
                "このファイルには書き込みの権限がありません",
                "you may not write to this file",
            ),
            ReadOnlyReason::LockedElsewhere => lang.pick(
                "このファイルは別の Michi で編集中です",
                "this file is being edited in another Michi",
            ),
            ReadOnlyReason::Sample => lang.pick(
                "配布のサンプルには書き込みません。名前を付けて保存してください",
                "samples shipped with Michi are never written to: save a copy under a new name",
            ),
        }
    }
}

/// Why a plan file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Not readable, not a regular file, too large or not UTF-8.
    #[error(transparent)]
    Source(#[from] SourceError),
}

impl OpenError {
    /// What went wrong, in words for the person using Michi.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpenError::Source(e) => e.message(lang),
        }
    }
}

/// Why a save did not happen. Nothing was written in any of these cases.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("the file is read-only: {0:?}")]
    ReadOnly(ReadOnlyReason),
    /// The file on disk is not what Michi last read or wrote: someone else changed it.
    #[error("the file was changed by someone else")]
    Changed {
        /// What the file holds now, for showing or reloading.
        disk_text: String,
    },
    /// The file is no longer there.
    #[error("the file is gone")]
    Removed,
    /// `save_as_new`: a file with that name exists.
    #[error("the file already exists")]
    Exists,
    /// The file on disk could not be read to check it.
    #[error("cannot read the file: {0}")]
    Unreadable(SourceError),
    /// Writing failed (full disk, permissions, …).
    #[error("cannot write the file: {reason}")]
    Write { reason: String },
}

impl SaveError {
    /// What went wrong, in words for the person using Michi.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SaveError::ReadOnly(reason) => reason.message(lang).to_string(),
            SaveError::Changed { .. } => lang
                .pick(
                    "ファイルが他で変更されています。保存していません",
                    "the file was changed elsewhere: nothing was saved",
                )
                .to_string(),
            SaveError::Removed => lang
                .pick(
                    "ファイルが見つかりません（移動または削除されました）",
                    "the file is gone (moved or deleted)",
                )
                .to_string(),
            SaveError::Exists => lang
                .pick(
                    "同じ名前のファイルが既にあります",
                    "a file with this name already exists",
                )
                .to_string(),
            SaveError::Unreadable(e) => e.message(lang),
            SaveError::Write { reason } => match lang {
                Lang::Ja => format!("ファイルに書き込めません: {reason}"),
                Lang::En => format!("cannot write the file: {reason}"),
            },
        }
    }
}

fn write_error(e: &io::Error) -> SaveError {
    SaveError::Write { reason: e.to_string() }
}

/// How a save went: every one keeps the plan; only some keep the file's comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Only the changed values were rewritten; comments and layout are as they were.
    Edited,
    /// The file's layout could not be followed, so it was written anew (comments lost).
    Rewritten,
}

/// A plan file open for editing. Holds the lock until dropped.
#[derive(Debug)]
pub struct PlanFile {
    /// The path as the user gave it, for display.
    shown: PathBuf,
    /// The file itself, symbolic links resolved: what is read and replaced.
    target: PathBuf,
    /// The bytes as last read or written, to tell whether someone else changed the file.
    loaded: Vec<u8>,
    access: Access,
    /// The held advisory lock, if any.
    lock: Option<Lock>,
}

impl PlanFile {
    /// Opens the plan at `path`, returning it and its text (byte-order mark dropped).
    /// Anything but a regular file is refused without being opened for reading. The file
    /// opens read-write when its permissions allow it, its folder allows saving beside it,
    /// and no other Michi holds it; otherwise read-only, saying why.
    pub fn open(path: &Path) -> Result<(PlanFile, String), OpenError> {
        let (file, metadata) = source::open_regular(path)?;
        let target = fs::canonicalize(path).map_err(|e| SourceError::Unreadable { reason: e.to_string() })?;
        let loaded = source::read_to_limit(file, metadata.len())?;
        let text = source::decode(&loaded)?;
        let (access, lock) = if may_write(&target, &metadata) {
            match Lock::take(&target) {
                Ok(lock) => (Access::ReadWrite, lock),
                Err(reason) => (Access::ReadOnly(reason), None),
            }
        } else {
            (Access::ReadOnly(ReadOnlyReason::NoPermission), None)
        };
        Ok((
            PlanFile {
                shown: path.to_path_buf(),
                target,
                loaded,
                access,
                lock,
            },
            text,
        ))
    }

    /// Creates a new plan file at `path` holding `plan` and opens it. Never replaces a file:
    /// an existing path is [`SaveError::Exists`]. A missing folder is created private (0700),
    /// the file private (0600).
    pub fn save_as_new(path: &Path, plan: &Plan) -> Result<PlanFile, SaveError> {
        let name = path.file_name().ok_or_else(|| SaveError::Write {
            reason: "no file name".to_string(),
        })?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.exists() {
            fsio::create_private_dir(&dir).map_err(|e| write_error(&e))?;
        }
        // Dangling links count as taken: writing through them would create a file elsewhere.
        if fs::symlink_metadata(path).is_ok() {
            return Err(SaveError::Exists);
        }
        let target = fs::canonicalize(&dir).map_err(|e| write_error(&e))?.join(name);
        let lock = Lock::take(&target).map_err(SaveError::ReadOnly)?;
        let bytes = plan_to_toml(plan).into_bytes();
        fsio::create_private_new(&target, &bytes).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => SaveError::Exists,
            _ => write_error(&e),
        })?;
        Ok(PlanFile {
            shown: path.to_path_buf(),
            target,
            loaded: bytes,
            access: Access::ReadWrite,
            lock,
        })
    }

    /// The path as the user gave it.
    pub fn path(&self) -> &Path {
        &self.shown
    }

    /// The file that is read and written: the path with symbolic links resolved.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Whether Michi may write to the file, and if not why.
    pub fn access(&self) -> Access {
        self.access
    }

    /// Marks the file as a shipped sample (its plan says `sample = true`): it becomes
    /// read-only and its lock is let go, since it will never be written.
    pub fn mark_sample(&mut self) {
        self.access = Access::ReadOnly(ReadOnlyReason::Sample);
        self.lock = None;
    }

    /// Saves `after` into the file, changing only what differs from `before` (the plan the
    /// file held when last read or written). Refused when read-only, and when the file on
    /// disk is not byte for byte what Michi last read or wrote; nothing is written then.
    pub fn save(&mut self, before: &Plan, after: &Plan) -> Result<Saved, SaveError> {
        if let Access::ReadOnly(reason) = self.access {
            return Err(SaveError::ReadOnly(reason));
        }
        let (file, metadata) = match source::open_regular(&self.target) {
            Ok(opened) => opened,
            Err(_) if !self.target.exists() => return Err(SaveError::Removed),
            Err(e) => return Err(SaveError::Unreadable(e)),
        };
        let disk = source::read_to_limit(file, metadata.len()).map_err(SaveError::Unreadable)?;
        if disk != self.loaded {
            return Err(SaveError::Changed {
                disk_text: source::decode(&disk).unwrap_or_else(|_| String::from_utf8_lossy(&disk).into_owned()),
            });
        }
        let original = source::decode(&self.loaded).unwrap_or_default();
        let (text, saved) = match update_plan_text(&original, before, after) {
            Ok(text) => (text, Saved::Edited),
            Err(_) => (plan_to_toml(after), Saved::Rewritten),
        };
        let bytes = text.into_bytes();
        fsio::write_atomic(&self.target, &bytes, &Keep::From(metadata)).map_err(|e| write_error(&e))?;
        self.loaded = bytes;
        Ok(saved)
    }

    /// Reads the file again (after a change elsewhere) and takes it as the new base for
    /// saving; returns its text.
    pub fn reload(&mut self) -> Result<String, OpenError> {
        let bytes = source::read_limited(&self.target)?;
        let text = source::decode(&bytes)?;
        self.loaded = bytes;
        Ok(text)
    }

    /// Whether the file on disk differs from what Michi last read or wrote (a file that
    /// cannot be read any more differs).
    pub fn disk_differs(&self) -> bool {
        source::read_limited(&self.target).map_or(true, |disk| disk != self.loaded)
    }

    /// The file's text as it is on disk now (nothing remembered changes).
    pub fn disk_text(&self) -> Result<String, OpenError> {
        let bytes = source::read_limited(&self.target)?;
        Ok(source::decode(&bytes)?)
    }

    /// The text a save of `after` would write over the text last read or written (which
    /// holds `before`): to show someone what their version changes.
    pub fn text_for(&self, before: &Plan, after: &Plan) -> String {
        source::decode(&self.loaded)
            .ok()
            .and_then(|text| update_plan_text(&text, before, after).ok())
            .unwrap_or_else(|| plan_to_toml(after))
    }
}

/// Whether the file may be written: its owner-write bit is set (checked by hand because
/// root ignores permissions, and a file someone made read-only should stay so), it opens
/// for writing, and its folder takes a new file (the save writes one beside it).
fn may_write(target: &Path, metadata: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if metadata.permissions().mode() & 0o200 == 0 {
            return false;
        }
    }
    if metadata.permissions().readonly() {
        return false;
    }
    if fs::OpenOptions::new().write(true).open(target).is_err() {
        return false;
    }
    folder_takes_new_files(target)
}

/// Whether a file can be created beside `target`, tried with a short-lived probe file
/// (permission bits alone do not tell: read-only mounts, root, access lists).
fn folder_takes_new_files(target: &Path) -> bool {
    let Some(dir) = target.parent() else { return false };
    let probe = dir.join(format!(".michi-probe.{}.tmp", std::process::id()));
    match fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(file) => {
            drop(file);
            let _ = fs::remove_file(&probe);
            true
        }
        // Left over by this same process: the folder did take it.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => true,
        Err(_) => false,
    }
}

/// The advisory lock on a plan: an exclusive lock held on the hidden file
/// `.NAME.lock` beside it.
#[derive(Debug)]
struct Lock {
    path: PathBuf,
    file: File,
}

impl Lock {
    /// The lock file's path for a plan file.
    fn path_for(target: &Path) -> PathBuf {
        let name = target.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        target.with_file_name(format!(".{name}.lock"))
    }

    /// Takes the lock on `target`. `Ok(None)` when the file system cannot lock (the save's
    /// check for changes still protects the file), `Err` when another holds it or the
    /// folder takes no new file.
    fn take(target: &Path) -> Result<Option<Lock>, ReadOnlyReason> {
        let path = Lock::path_for(target);
        // A holder removes the lock file before letting go (see Drop): a lock won on a
        // file that is no longer at `path` is worthless, so check and try again.
        for _ in 0..10 {
            let mut options = fs::OpenOptions::new();
            options.read(true).write(true).create(true).truncate(false);
            // Its name tells whose plan it is: private like the plan.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let file = match options.open(&path) {
                Ok(file) => file,
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                    ) =>
                {
                    return Err(ReadOnlyReason::NoPermission);
                }
                Err(_) => return Ok(None),
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => return Err(ReadOnlyReason::LockedElsewhere),
                Err(fs::TryLockError::Error(_)) => return Ok(None),
            }
            if still_at(&file, &path) {
                return Ok(Some(Lock { path, file }));
            }
        }
        Ok(None)
    }
}

/// Whether `file` is the file now at `path`.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(held), Ok(there)) => held.dev() == there.dev() && held.ino() == there.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_at(_file: &File, _path: &Path) -> bool {
    true
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so no one can win a lock on a file about to vanish
        // (Lock::take checks). Where open files cannot be removed the lock file stays, and
        // it blocks no one: only a held lock does.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}
