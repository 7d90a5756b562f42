//! Reading a user's file into text safely: size limit, encoding, byte-order mark.

use std::path::Path;

use crate::i18n::Lang;

/// Largest file Michi reads (profiles and plans are a few hundred KiB at most).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Why a file could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("cannot read the file: {reason}")]
    Unreadable { reason: String },
    #[error("the file is {size} bytes, over the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a regular file but {kind}")]
    NotAFile { kind: FileKind },
    #[error("the file is not UTF-8 (first bad byte on line {line})")]
    NotUtf8 {
        line: usize,
        column: usize,
        looks_like_shift_jis: bool,
    },
}

impl SourceError {
    /// Line and column the problem is at, when it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            SourceError::NotUtf8 { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SourceError::Unreadable { reason }, Lang::Ja) => format!("ファイルを読めません: {reason}"),
            (SourceError::NotAFile { kind }, lang) => match lang {
                Lang::Ja => format!("通常のファイルではありません（{}）", kind.label(lang)),
                Lang::En => format!("not a regular file but {}", kind.label(lang)),
            },
            (SourceError::TooLarge { size, limit }, Lang::Ja) => {
                format!("ファイルが大きすぎます（{size} バイト、上限 {limit} バイト）")
            }
            (
                SourceError::NotUtf8 {
                    looks_like_shift_jis: true,
                    ..
                },
                Lang::Ja,
            ) => "ファイルが UTF-8 ではありません（Shift_JIS で保存されているようです）".to_string(),
            (SourceError::NotUtf8 { .. }, Lang::Ja) => "ファイルが UTF-8 ではありません".to_string(),
            (
                SourceError::NotUtf8 {
                    looks_like_shift_jis: true,
                    ..
                },
                Lang::En,
            ) => "the file is not UTF-8 (it looks like Shift_JIS)".to_string(),
            (other, Lang::En) => other.to_string(),
        }
    }

    pub fn hint(&self, lang: Lang) -> String {
        match self {
            SourceError::Unreadable { .. } => {
                lang.pick("パスと読み取り権限を確認してください", "check the path and that you may read it")
            }
            SourceError::NotAFile { .. } => lang.pick(
                "計画やプロファイルの .toml ファイルを指定してください",
                "name a plan or profile .toml file",
            ),
            SourceError::TooLarge { .. } => lang.pick(
                "プロファイルや計画のファイルとしては大きすぎます。正しいファイルか確認してください",
                "no profile or plan is this large: check that this is the right file",
            ),
            SourceError::NotUtf8 { .. } => lang.pick(
                "エディタで文字コード「UTF-8」を選んで保存し直してください（メモ帳: 名前を付けて保存 → 文字コード UTF-8）",
                "save the file again as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
            ),
        }
        .to_string()
    }
}

/// What a path is when it is not a regular file. Michi never opens these for reading: a
/// FIFO would block until something writes to it, a device could be read forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Socket,
    Device,
    Other,
}

impl FileKind {
    /// The kind of a file that is not regular, or `None` for a regular file.
    pub fn of(file_type: std::fs::FileType) -> Option<FileKind> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(FileKind::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if file_type.is_socket() {
                return Some(FileKind::Socket);
            }
            if file_type.is_block_device() || file_type.is_char_device() {
                return Some(FileKind::Device);
            }
        }
        Some(FileKind::Other)
    }

    /// The kind in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Directory => lang.pick("フォルダ", "a folder"),
            FileKind::Fifo => lang.pick("名前付きパイプ", "a named pipe"),
            FileKind::Socket => lang.pick("ソケット", "a socket"),
            FileKind::Device => lang.pick("デバイス", "a device"),
            FileKind::Other => lang.pick("特殊なファイル", "a special file"),
        }
    }
}

impl std::fmt::Display for FileKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}

fn unreadable(e: &std::io::Error) -> SourceError {
    SourceError::Unreadable { reason: e.to_string() }
}

/// Refuses anything but a regular file, by its metadata (symbolic links followed).
pub fn check_regular(metadata: &std::fs::Metadata) -> Result<(), SourceError> {
    match FileKind::of(metadata.file_type()) {
        None => Ok(()),
        Some(kind) => Err(SourceError::NotAFile { kind }),
    }
}

/// Opens `path` for reading only if it is a regular file: its metadata is checked before
/// opening (nothing special is ever opened), the open does not wait (in case the path was
/// swapped for a FIFO in between), and the opened file is checked again.
pub fn open_regular(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), SourceError> {
    check_regular(&std::fs::metadata(path).map_err(|e| unreadable(&e))?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| unreadable(&e))?;
    let metadata = file.metadata().map_err(|e| unreadable(&e))?;
    check_regular(&metadata)?;
    Ok((file, metadata))
}

/// Reads the whole of an opened file, refusing more than [`MAX_FILE_BYTES`] before reading
/// them all.
pub fn read_to_limit(file: std::fs::File, known_size: u64) -> Result<Vec<u8>, SourceError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge {
            size: known_size.max(size),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads the regular file at `path`, refusing files over [`MAX_FILE_BYTES`] before reading
/// them whole, and anything that is not a regular file without opening it.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, SourceError> {
    let (file, metadata) = open_regular(path)?;
    read_to_limit(file, metadata.len())
}

/// Turns bytes into text: UTF-8 only, a leading byte-order mark dropped (Windows editors
/// write one). CRLF line ends are left for the TOML parser, which accepts them.
pub fn decode(bytes: &[u8]) -> Result<String, SourceError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SourceError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(valid.get(line_start..).unwrap_or_default())
                .chars()
                .count()
                + 1;
            Err(SourceError::NotUtf8 {
                line,
                column,
                looks_like_shift_jis: looks_like_shift_jis(bytes),
            })
        }
    }
}

/// Whether every non-ASCII byte pairs up as a Shift_JIS double-byte character (or is a
/// half-width katakana byte), with at least one double-byte character present.
fn looks_like_shift_jis(bytes: &[u8]) -> bool {
    let mut pairs = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => match bytes.get(i + 1) {
                Some(0x40..=0x7E | 0x80..=0xFC) => {
                    pairs += 1;
                    i += 2;
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    pairs > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("plan.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        // Opening a FIFO for reading would block until a writer came: this returning at
        // all shows it was never opened.
        assert_eq!(read_limited(&fifo), Err(SourceError::NotAFile { kind: FileKind::Fifo }));
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&fifo, &link).unwrap();
        assert_eq!(
            read_limited(&link),
            Err(SourceError::NotAFile { kind: FileKind::Fifo }),
            "links are followed"
        );
        assert_eq!(
            read_limited(dir.path()),
            Err(SourceError::NotAFile {
                kind: FileKind::Directory
            })
        );
        assert_eq!(
            read_limited(Path::new("/dev/zero")),
            Err(SourceError::NotAFile { kind: FileKind::Device })
        );
        let err = read_limited(&fifo).unwrap_err();
        assert_eq!(err.message(Lang::Ja), "通常のファイルではありません（名前付きパイプ）");
        assert_eq!(err.message(Lang::En), "not a regular file but a named pipe");
    }

    #[test]
    fn bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFid = 1").as_deref(), Ok("id = 1"));
    }

    #[test]
    fn shift_jis_is_recognised() {
        // 「主任」 in Shift_JIS on line 2.
        let err = decode(b"a = 1\nname = \"\x8E\xE5\x94\x43\"").unwrap_err();
        assert_eq!(
            err,
            SourceError::NotUtf8 {
                line: 2,
                column: 9,
                looks_like_shift_jis: true
            }
        );
        assert!(err.message(Lang::Ja).contains("Shift_JIS"));
    }

    #[test]
    fn random_bytes_are_not_utf8_nor_shift_jis() {
        let err = decode(b"\xFF\xFE\x00").unwrap_err();
        assert!(matches!(
            err,
            SourceError::NotUtf8 {
                looks_like_shift_jis: false,
                ..
            }
        ));
    }
}
