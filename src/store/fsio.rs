//! Writing files so that nothing is lost: a crash or a full disk leaves either the old file
//! or the new one, never half of each; files holding personal data are private (0600).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, created
/// private, written and synced, then renamed over the target, then the directory synced.
pub fn write_private_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(path, bytes, &Keep::Private)
}

/// What the file written by [`write_atomic`] keeps of the one it replaces.
#[derive(Debug, Clone)]
pub enum Keep {
    /// Nothing: the new file is private (0600).
    Private,
    /// The replaced file's permissions and, where the system allows it, owner and group.
    From(fs::Metadata),
    /// These Unix permission bits, whatever the umask (0644 for a file that holds no
    /// personal data and others may read, such as a profile).
    Mode(u32),
}

/// Writes `bytes` to `path` atomically (see [`write_private_atomic`]), the new file getting
/// the permissions `keep` says. `path` itself is replaced: resolve symbolic links first to
/// write through them.
pub fn write_atomic(path: &Path, bytes: &[u8], keep: &Keep) -> io::Result<()> {
    let mut file = NewFile::replace(path, keep)?;
    file.write_all(bytes)?;
    file.commit()
}

/// Creates `path` with `bytes`, private (0600), never replacing anything there: the whole
/// content is written and synced under a temporary name first and then linked into place,
/// so the file appears complete or not at all. Fails with `AlreadyExists` when the path is
/// taken.
pub fn create_private_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    create_new(path, bytes, 0o600)
}

/// Creates `path` with `bytes` as [`create_private_new`] does, with the Unix permission
/// bits `mode` (set explicitly, so the umask does not narrow them).
pub fn create_new(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let mut file = NewFile::create(path, mode)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written as a stream — more than memory should hold — that appears at its path
/// whole or not at all: the bytes go to a private temporary file beside it, which
/// [`NewFile::commit`] syncs and puts in place. Dropped without a commit, the temporary
/// file is removed and the path left as it was.
pub struct NewFile {
    tmp_path: PathBuf,
    target: PathBuf,
    file: io::BufWriter<File>,
    /// `Some(mode)`: created where nothing is; `None`: replaces the target.
    create_mode: Option<u32>,
}

impl NewFile {
    /// A file that [`NewFile::commit`] creates at `path` with the permission bits `mode`,
    /// never replacing anything there (`AlreadyExists` then).
    pub fn create(path: &Path, mode: u32) -> io::Result<NewFile> {
        let (tmp_path, tmp) = create_temp_beside(path)?;
        let file = NewFile {
            tmp_path,
            target: path.to_path_buf(),
            file: io::BufWriter::new(tmp),
            create_mode: Some(mode),
        };
        set_mode(file.file.get_ref(), mode)?;
        Ok(file)
    }

    /// A file that [`NewFile::commit`] renames over `path` (itself: resolve symbolic links
    /// first to write through them), with the permissions `keep` says.
    pub fn replace(path: &Path, keep: &Keep) -> io::Result<NewFile> {
        let (tmp_path, tmp) = create_temp_beside(path)?;
        let file = NewFile {
            tmp_path,
            target: path.to_path_buf(),
            file: io::BufWriter::new(tmp),
            create_mode: None,
        };
        match keep {
            Keep::Private => {}
            Keep::From(metadata) => keep_permissions(file.file.get_ref(), metadata)?,
            Keep::Mode(mode) => set_mode(file.file.get_ref(), *mode)?,
        }
        Ok(file)
    }

    /// Syncs what was written and puts the file in place.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        self.file.get_ref().sync_all()?;
        let dir = parent_dir(&self.target);
        match self.create_mode {
            None => fs::rename(&self.tmp_path, &self.target)?,
            Some(mode) => match fs::hard_link(&self.tmp_path, &self.target) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                // Some file systems (FAT, some network shares) have no hard links: create
                // the file directly; it is new, so a crash can only leave a partial new file.
                Err(_) => {
                    let mut file = open_private_new(&self.target)?;
                    set_mode(&file, mode)?;
                    io::copy(&mut File::open(&self.tmp_path)?, &mut file)?;
                    file.sync_all()?;
                }
            },
        }
        // Dropping `self` removes the temporary name (gone already after a rename).
        sync_dir(&dir)
    }
}

impl Write for NewFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for NewFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.tmp_path);
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new private temporary file beside `path`, named `.NAME.PID.N.tmp` (the pattern
/// [`remove_stale_temp_files`] looks for).
fn create_temp_beside(path: &Path) -> io::Result<(PathBuf, File)> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let mut attempt = 0u32;
    loop {
        let tmp_path = dir.join(format!(
            ".{}.{}.{attempt}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        match open_private_new(&tmp_path) {
            Ok(f) => return Ok((tmp_path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Gives the new file the replaced one's permissions, set explicitly because the umask
/// would narrow a mode given at creation; and its owner and group, which only succeeds when
/// running as root (or keeping one's own), so a failure there is not an error.
#[cfg(unix)]
fn keep_permissions(file: &File, metadata: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
    file.set_permissions(metadata.permissions())
}

#[cfg(not(unix))]
fn keep_permissions(file: &File, metadata: &fs::Metadata) -> io::Result<()> {
    file.set_permissions(metadata.permissions())
}

/// Gives `file` the permission bits `mode`.
#[cfg(unix)]
fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(mode))
}

/// Permission bits are Unix's: elsewhere the file keeps what the system gives it.
#[cfg(not(unix))]
fn set_mode(_file: &File, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Creates a new file readable and writable by its owner only.
fn open_private_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Syncs a directory, so a rename or a new file in it survives a crash.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Syncs a directory (nothing to do on this system).
#[cfg(not(unix))]
pub fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// The `*.toml` files directly in `dir`, sorted by name, at most `limit`; none when the
/// directory is missing or unreadable.
pub fn toml_files(dir: &Path, limit: usize) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    paths.sort();
    paths.truncate(limit);
    paths
}

/// Most directory entries looked at when cleaning up, so a huge directory cannot stall.
const MAX_ENTRIES_SCANNED: usize = 10_000;

/// How old a temporary file must be before it counts as left over, where Michi cannot ask
/// whether the process that wrote it still runs.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// The process id in a temporary file name of [`write_atomic`] (`.NAME.PID.N.tmp`), or
/// `None` for any other name.
fn temp_file_pid(file_name: &str) -> Option<u32> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, attempt) = inner.rsplit_once('.')?;
    let (name, pid) = rest.rsplit_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if name.is_empty() || !digits(attempt) || !digits(pid) {
        return None;
    }
    pid.parse().ok()
}

/// Whether the process `pid` may still be running (and so still writing its temporary
/// file). Linux says through /proc; elsewhere Michi cannot tell and answers by age.
fn may_be_running(pid: u32, modified: Option<std::time::SystemTime>) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    modified
        .and_then(|m| m.elapsed().ok())
        .is_none_or(|age| age < STALE_AFTER)
}

/// Removes the temporary files a save left behind in `dir` when its process died before
/// renaming them (`.NAME.PID.N.tmp` of a process no longer running). Nothing else is
/// touched. Returns the files removed.
pub fn remove_stale_temp_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir) else { return Vec::new() };
    let mut removed = Vec::new();
    for entry in read.filter_map(Result::ok).take(MAX_ENTRIES_SCANNED) {
        let Some(pid) = entry.file_name().to_str().and_then(temp_file_pid) else {
            continue;
        };
        // DirEntry::metadata does not follow symbolic links: only plain files are ours.
        let Ok(metadata) = entry.metadata() else { continue };
        if !metadata.is_file() || may_be_running(pid, metadata.modified().ok()) {
            continue;
        }
        let path = entry.path();
        if fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

/// Creates `dir` (and parents) private to its owner (0700) when missing.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_atomic_private_and_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        write_private_atomic(&path, b"one").unwrap();
        write_private_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["plan.toml"]);
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        let keep = Keep::From(fs::metadata(&path).unwrap());
        write_atomic(&path, b"new", &keep).unwrap();
        assert_eq!(mode(&path), 0o664, "the umask does not narrow the kept mode");
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn new_files_never_replace_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        create_private_new(&path, b"first").unwrap();
        let err = create_private_new(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["plan.toml"], "no temporary file is left");
    }

    #[test]
    fn a_streamed_file_appears_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("history.csv");
        let mut file = NewFile::create(&path, 0o600).unwrap();
        for i in 0..10_000 {
            writeln!(file, "{i:07},税務部門,2020-04-01,").unwrap();
        }
        assert!(!path.exists(), "nothing at the path before the commit");
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap().lines().count(), 10_000);
        // Dropped without a commit: the old file stays and no temporary file is left.
        let mut file = NewFile::replace(&path, &Keep::Private).unwrap();
        file.write_all(b"half").unwrap();
        drop(file);
        assert_eq!(fs::read_to_string(&path).unwrap().lines().count(), 10_000);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["history.csv"]);
        assert_eq!(
            NewFile::create(&path, 0o600).unwrap().commit().unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
    }

    #[test]
    fn only_temporary_files_of_the_writer_pattern_are_recognised() {
        assert_eq!(temp_file_pid(".plan.toml.123.0.tmp"), Some(123));
        assert_eq!(temp_file_pid(".上越市.toml.9.12.tmp"), Some(9));
        for name in [
            "plan.toml.123.0.tmp",
            "..123.0.tmp",
            ".plan.toml.12a.0.tmp",
            ".plan.toml.123..tmp",
            ".plan.toml.123.0.tmp.bak",
            ".plan.toml.lock",
            ".plan.123.0.TMP",
        ] {
            assert_eq!(temp_file_pid(name), None, "{name}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stale_temporary_files_go_and_everything_else_stays() {
        let dir = tempfile::tempdir().unwrap();
        // A process id above the kernel's maximum (4194304) never runs.
        let stale = dir.path().join(".plan.toml.99999999.0.tmp");
        let mine = dir.path().join(format!(".plan.toml.{}.0.tmp", std::process::id()));
        let running = dir.path().join(".plan.toml.1.0.tmp");
        let others = [
            "plan.toml",
            ".plan.toml.lock",
            "notes.99999999.0.tmp",
            ".x.99999999.tmp",
        ];
        for path in [&stale, &mine, &running] {
            fs::write(path, "x").unwrap();
        }
        for name in others {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        fs::create_dir(dir.path().join(".dir.99999999.0.tmp")).unwrap();
        assert_eq!(remove_stale_temp_files(dir.path()), std::slice::from_ref(&stale));
        assert!(!stale.exists());
        assert!(mine.exists() && running.exists());
        for name in others {
            assert!(dir.path().join(name).exists(), "{name}");
        }
        assert!(dir.path().join(".dir.99999999.0.tmp").is_dir());
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        assert!(write_private_atomic(Path::new("/nonexistent/dir/plan.toml"), b"x").is_err());
    }
}
