//! Writing a new file a command creates (`plan new -o`, `profile new -o`): never over
//! something that is not a regular file, never over an existing file without `--force`,
//! and always whole (atomically).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::store::Diagnostic;
use crate::store::fsio::{Keep, NewFile};
use crate::store::source::{FileKind, SourceError};

/// Writes `text` to `path`, the new file getting the permissions `keep` says (0600 for
/// `Keep::Private`). What went wrong is told on standard error, and the exit code returned.
pub fn write_new_file(
    path: &Path,
    text: impl AsRef<[u8]>,
    force: bool,
    keep: Keep,
    lang: Lang,
) -> Result<(), ExitCode> {
    let mut file = begin_new_file(path, force, keep, lang)?;
    if let Err(e) = file.write_all(text.as_ref()) {
        return Err(cannot_write(path, &e, lang));
    }
    finish_new_file(file, path, lang)
}

fn refuse(path: &Path, message: String, hint: &str, lang: Lang) -> ExitCode {
    let shown = path.display().to_string();
    crate::cli::to_stderr(&Diagnostic::file_level(&shown, message, hint.to_string()).render(lang));
    ExitCode::FAILURE
}

fn already_exists(path: &Path, lang: Lang) -> ExitCode {
    refuse(
        path,
        lang.pick("ファイルが既にあります", "the file already exists")
            .to_string(),
        lang.pick(
            "別の名前を指定するか、--force で上書きしてください",
            "choose another name, or pass --force to replace it",
        ),
        lang,
    )
}

/// Tells on standard error that `path` could not be written, and returns the exit code.
pub fn cannot_write(path: &Path, e: &io::Error, lang: Lang) -> ExitCode {
    if e.kind() == io::ErrorKind::AlreadyExists {
        return already_exists(path, lang);
    }
    refuse(
        path,
        match lang {
            Lang::Ja => format!("書き込めません: {e}"),
            Lang::En => format!("cannot write: {e}"),
        },
        lang.pick(
            "フォルダがあるか、書き込み権限があるか確認してください",
            "check that the folder exists and you may write there",
        ),
        lang,
    )
}

/// Starts a new file at `path` to be written as a stream, after the checks of
/// [`write_new_file`]; [`finish_new_file`] puts it in place. Nothing appears at `path`
/// until then.
pub fn begin_new_file(path: &Path, force: bool, keep: Keep, lang: Lang) -> Result<NewFile, ExitCode> {
    let mode = match keep {
        Keep::Mode(mode) => mode,
        _ => 0o600,
    };
    let started = match std::fs::metadata(path) {
        // Never replaced, even with --force: a FIFO, a device or a folder is not a file to
        // write, and writing there could hang or destroy something else.
        Ok(metadata) if !metadata.is_file() => {
            let kind = FileKind::of(metadata.file_type()).unwrap_or(FileKind::Other);
            return Err(refuse(
                path,
                SourceError::NotAFile { kind }.message(lang),
                lang.pick("通常のファイルの名前を指定してください", "name a regular file"),
                lang,
            ));
        }
        Ok(_) if !force => return Err(already_exists(path, lang)),
        // Replacing through a symbolic link writes the file it points to, so the link stays.
        Ok(_) => std::fs::canonicalize(path).and_then(|target| NewFile::replace(&target, &keep)),
        Err(_) if force => NewFile::replace(path, &keep),
        // Created only where nothing is, not even a dangling link.
        Err(_) => NewFile::create(path, mode),
    };
    started.map_err(|e| cannot_write(path, &e, lang))
}

/// Puts a file begun with [`begin_new_file`] in place.
pub fn finish_new_file(file: NewFile, path: &Path, lang: Lang) -> Result<(), ExitCode> {
    file.commit().map_err(|e| cannot_write(path, &e, lang))
}
