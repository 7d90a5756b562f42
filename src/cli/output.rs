//! Writing a new file a command creates (`plan new -o`, `profile new -o`): never over
//! something that is not a regular file, never over an existing file without `--force`,
//! and always whole (atomically).

use std::io;
use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::store::Diagnostic;
use crate::store::fsio::{Keep, create_new, write_atomic};
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
    let bytes = text.as_ref();
    let shown = path.display().to_string();
    let refuse = |message: String, hint: &str| {
        crate::cli::to_stderr(&Diagnostic::file_level(&shown, message, hint.to_string()).render(lang));
        Err(ExitCode::FAILURE)
    };
    let already_exists = || {
        refuse(
            lang.pick("ファイルが既にあります", "the file already exists")
                .to_string(),
            lang.pick(
                "別の名前を指定するか、--force で上書きしてください",
                "choose another name, or pass --force to replace it",
            ),
        )
    };
    let mode = match keep {
        Keep::Mode(mode) => mode,
        _ => 0o600,
    };
    let written = match std::fs::metadata(path) {
        // Never replaced, even with --force: a FIFO, a device or a folder is not a file to
        // write, and writing there could hang or destroy something else.
        Ok(metadata) if !metadata.is_file() => {
            let kind = FileKind::of(metadata.file_type()).unwrap_or(FileKind::Other);
            return refuse(
                SourceError::NotAFile { kind }.message(lang),
                lang.pick("通常のファイルの名前を指定してください", "name a regular file"),
            );
        }
        Ok(_) if !force => return already_exists(),
        // Replacing through a symbolic link writes the file it points to, so the link stays.
        Ok(_) => std::fs::canonicalize(path).and_then(|target| write_atomic(&target, bytes, &keep)),
        Err(_) if force => write_atomic(path, bytes, &keep),
        // Created only where nothing is, not even a dangling link.
        Err(_) => create_new(path, bytes, mode),
    };
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => already_exists(),
        Err(e) => refuse(
            match lang {
                Lang::Ja => format!("書き込めません: {e}"),
                Lang::En => format!("cannot write: {e}"),
            },
            lang.pick(
                "フォルダがあるか、書き込み権限があるか確認してください",
                "check that the folder exists and you may write there",
            ),
        ),
    }
}
