//! Reading a roster file row by row: CSV in UTF-8 (with or without a BOM) or Shift_JIS
//! (detected, or chosen), comma or tab separated, streamed so memory stays flat; or an
//! Excel workbook's sheet (the first, or one named).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use encoding_rs::{Encoding, SHIFT_JIS, UTF_8};

/// The text encoding of a CSV roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    ShiftJis,
}

impl TextEncoding {
    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::ShiftJis => SHIFT_JIS,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::ShiftJis => "Shift_JIS",
        }
    }
}

/// How to read a roster file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// None: detect (a BOM or valid UTF-8 means UTF-8, else Shift_JIS).
    pub encoding: Option<TextEncoding>,
    /// The workbook sheet to read (None: the first).
    pub sheet: Option<String>,
}

/// Why a roster file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("CSV: {0}")]
    Csv(csv::Error),
    /// A CSV row over the bound ([`super::bounded::RowTooLong`]).
    #[error("CSV: {0}")]
    RowTooLong(super::bounded::RowTooLong),
    /// A workbook part over a bound ([`super::zipped::Overrun`]).
    #[error("Excel: {part}: {overrun}")]
    Overrun {
        part: String,
        overrun: super::zipped::Overrun,
    },
    /// A sheet cell placed beyond Excel's last row or column (1-based).
    #[error(
        "Excel: a cell lies beyond the last row or column a sheet has (row {}, column {}; \
         Excel's last is row 1,048,576, column 16,384)",
        crate::text::grouped(*.row),
        crate::text::grouped(*.column)
    )]
    BeyondSheet { row: u64, column: u64 },
    #[error("Excel: {0}")]
    Workbook(String),
    #[error("the workbook has no sheet named {0}")]
    NoSheet(String),
    #[error("the file is empty (no header row)")]
    Empty,
    #[error(
        "{0} files are not read (a small one can ask for more memory than the machine has): save \
         the sheet as an Excel workbook (.xlsx) or as CSV"
    )]
    NotRead(&'static str),
    #[error(
        "the .ods file would hold {cells} cells or more, and an .ods file is read whole: Michi \
         reads up to {max} cells from one (200,000 rows of 10 columns); save it as an Excel \
         workbook (.xlsx) or as CSV, which are read row by row at any size",
        cells = crate::text::grouped(*.0),
        max = crate::text::grouped(super::ods::MAX_CELLS)
    )]
    TooManyCells(u64),
}

impl From<super::zipped::Refusal> for ReadError {
    fn from(refusal: super::zipped::Refusal) -> ReadError {
        match refusal {
            super::zipped::Refusal::TooManyCells(n) => ReadError::TooManyCells(n),
            super::zipped::Refusal::Overrun { part, overrun } => ReadError::Overrun { part, overrun },
            super::zipped::Refusal::Unreadable(e) => ReadError::Workbook(e),
        }
    }
}

impl From<csv::Error> for ReadError {
    /// A row over the bound is told as such; any other CSV error as the reader says it.
    fn from(e: csv::Error) -> ReadError {
        let too_long = match e.kind() {
            csv::ErrorKind::Io(io) => io
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<super::bounded::RowTooLong>())
                .copied(),
            _ => None,
        };
        match too_long {
            Some(row) => ReadError::RowTooLong(row),
            None => ReadError::Csv(e),
        }
    }
}

/// Bytes read to decide the encoding and the separator.
const SNIFF: usize = 64 * 1024;

/// Whether `bytes` are UTF-8, allowing a character cut at the end of the sample.
fn looks_utf8(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4,
    }
}

/// The encoding of a CSV file from its first bytes.
pub fn detect_encoding(head: &[u8]) -> TextEncoding {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) || looks_utf8(head) {
        TextEncoding::Utf8
    } else {
        TextEncoding::ShiftJis
    }
}

/// Tab when the first line has more tabs than commas.
fn detect_delimiter(head: &str) -> u8 {
    let line = head.lines().next().unwrap_or("");
    if line.matches('\t').count() > line.matches(',').count() {
        b'\t'
    } else {
        b','
    }
}

/// The rows of a roster: the header, then each data row with its number in the file
/// (the header is row 1, as a spreadsheet counts).
pub enum Rows {
    Csv {
        reader: csv::Reader<Box<dyn Read>>,
        record: csv::StringRecord,
        row: u64,
        encoding: TextEncoding,
    },
    Sheet(super::sheet::SheetRows),
}

impl Rows {
    /// Opens `path`: a workbook by its extension (.xlsx, .xlsm, .ods), else CSV. A workbook
    /// is measured first ([`super::zipped::check_xlsx`], [`super::ods::check`]). The old
    /// Excel format (.xls) and the binary one (.xlsb) are refused: the workbook library
    /// would hold an .xls file's sheets whole, as wide and long as the file claims, and an
    /// .xlsb file's records as long as they claim, neither measurable beforehand.
    pub fn open(path: &Path, options: &ReadOptions) -> Result<(Vec<String>, Rows), ReadError> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "xls" | "xla" => return Err(ReadError::NotRead(".xls")),
            "xlsb" => return Err(ReadError::NotRead(".xlsb")),
            "ods" => super::ods::check(path).map_err(ReadError::from)?,
            "xlsx" | "xlsm" => super::zipped::check_xlsx(path).map_err(ReadError::from)?,
            _ => {}
        }
        if matches!(ext.as_str(), "xlsx" | "xlsm" | "ods") {
            let (header, rows) = super::sheet::open(path, options)?;
            return Ok((header, Rows::Sheet(rows)));
        }
        let mut file = BufReader::with_capacity(SNIFF, File::open(path)?);
        let head = file.fill_buf()?;
        let encoding = options.encoding.unwrap_or_else(|| detect_encoding(head));
        let (sample, _, _) = encoding.encoding().decode(head);
        let delimiter = detect_delimiter(sample.trim_start_matches('\u{feff}'));
        let decoded: Box<dyn Read> = Box::new(super::bounded::RowBound::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding.encoding()))
                .bom_override(true)
                .build(file),
            delimiter,
        ));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(decoded);
        let mut record = csv::StringRecord::new();
        if !reader.read_record(&mut record)? {
            return Err(ReadError::Empty);
        }
        let header = record
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        Ok((
            header,
            Rows::Csv {
                reader,
                record,
                row: 1,
                encoding,
            },
        ))
    }

    /// The text encoding read (None for a workbook).
    pub fn encoding(&self) -> Option<TextEncoding> {
        match self {
            Rows::Csv { encoding, .. } => Some(*encoding),
            Rows::Sheet(_) => None,
        }
    }

    /// The next data row: its number and its cells (`Err` when the file cannot be read on).
    pub fn next_row(&mut self) -> Option<Result<(u64, Vec<&str>), ReadError>> {
        match self {
            Rows::Csv {
                reader, record, row, ..
            } => match reader.read_record(record) {
                Ok(true) => {
                    // The line the record starts on: what a spreadsheet opening the file
                    // numbers the row (blank lines count, as they show as empty rows).
                    *row = record.position().map_or(*row + 1, |p| p.line());
                    // A control character (a terminal's escape sequence, a line break in a
                    // quoted name) is shown escaped wherever the cell goes.
                    if !crate::text::is_line_safe(record.as_slice()) {
                        *record = record.iter().map(crate::text::escape_line).collect();
                    }
                    Some(Ok((*row, record.iter().collect())))
                }
                Ok(false) => None,
                Err(e) => Some(Err(e.into())),
            },
            Rows::Sheet(rows) => rows.next(),
        }
    }
}
