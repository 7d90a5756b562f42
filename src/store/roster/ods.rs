//! A check before an OpenDocument spreadsheet (`.ods`) goes to the workbook library, which
//! reads every sheet of it whole as it opens the file, repeating a cell and a row as many
//! times as the file says (`table:number-columns-repeated`, `table:number-rows-repeated`):
//! a file of a few hundred bytes can ask for billions of cells, more memory than any
//! machine has. [`check`] streams through the file's XML once, in constant memory, counts
//! the cells the library would hold, and refuses the file above [`MAX_CELLS`].

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::zipped::Measured;
pub use super::zipped::Refusal;

/// Cells an `.ods` file may hold in all (about 200 MB in the library; a roster of 10
/// columns and 200,000 rows).
pub const MAX_CELLS: u64 = 2_000_000;
/// The library's own limits: a sheet's columns and rows.
const MAX_COLUMNS: u64 = 16_384;
const MAX_ROWS: u64 = 1_048_576;
/// The sheet XML read at most (a larger one is refused, not scanned on).
const MAX_XML_BYTES: u64 = 1 << 30;

/// The number an attribute holds (1 when absent or not a number, as a repeat).
fn repeats(e: &BytesStart<'_>, name: &str) -> u64 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
}

/// Whether a cell holds something: a value type, a formula, or content inside it.
fn has_value(e: &BytesStart<'_>, has_children: bool) -> bool {
    has_children
        || ["office:value-type", "table:formula"]
            .iter()
            .any(|a| e.try_get_attribute(a).ok().flatten().is_some())
}

/// One sheet's count as its rows go by.
#[derive(Default)]
struct Table {
    /// Cells held while the rows are read (each row once, up to its last filled cell).
    parsed: u64,
    /// Rows so far, repeats counted.
    rows: u64,
    /// The first filled row's start and the last filled row's end, in rows.
    first: Option<u64>,
    last: u64,
    /// The widest filled row.
    width: u64,
}

impl Table {
    fn row(&mut self, width: u64, repeat: u64) {
        let repeat = repeat.min(MAX_ROWS.saturating_sub(self.rows));
        self.parsed = self.parsed.saturating_add(width);
        if width > 0 {
            self.first.get_or_insert(self.rows);
            self.last = self.rows + repeat;
            self.width = self.width.max(width);
        }
        self.rows += repeat;
    }

    /// Cells held while reading and after: the rows read, and the sheet's filled rectangle.
    fn cells(&self) -> u64 {
        let span = self.first.map_or(0, |first| self.last - first);
        self.parsed.saturating_add(span.saturating_mul(self.width))
    }
}

/// Refuses an `.ods` file whose sheets would take more than [`MAX_CELLS`] cells in all.
pub fn check(path: &Path) -> Result<(), Refusal> {
    let unreadable = |e: &dyn std::fmt::Display| Refusal::Unreadable(e.to_string());
    let file = File::open(path).map_err(|e| unreadable(&e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(&e))?;
    let content = zip.by_name("content.xml").map_err(|e| unreadable(&e))?;
    // Every text and tag at most a MiB, so the XML reader's buffer stays small too.
    let mut reader = Reader::from_reader(BufReader::new(Measured::new(content, MAX_XML_BYTES)));
    let mut buf = Vec::new();
    let mut total: u64 = 0;
    let mut table = Table::default();
    // The row being read: its width up to its last filled cell, empty cells since then,
    // and its repeat.
    let mut row: Option<(u64, u64, u64)> = None;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| match &e {
            quick_xml::Error::Io(io) => Refusal::from_io("content.xml", io),
            other => Refusal::Unreadable(format!("content.xml: {other}")),
        })?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let children = matches!(event, Event::Start(_));
                match e.name().as_ref() {
                    "table:table" => table = Table::default(),
                    "table:table-row" => {
                        row = Some((0, 0, repeats(e, "table:number-rows-repeated")));
                        if !children {
                            table.row(0, repeats(e, "table:number-rows-repeated"));
                            row = None;
                        }
                    }
                    "table:table-cell" | "table:covered-table-cell" => {
                        if let Some((width, empty, _)) = &mut row {
                            let n = repeats(e, "table:number-columns-repeated");
                            if has_value(e, children) {
                                *width = width.saturating_add(*empty).saturating_add(n).min(MAX_COLUMNS);
                                *empty = 0;
                            } else {
                                *empty = empty.saturating_add(n).min(MAX_COLUMNS);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => {
                    if let Some((width, _, repeat)) = row.take() {
                        table.row(width, repeat);
                    }
                }
                "table:table" => {
                    total = total.saturating_add(table.cells());
                    table = Table::default();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if total.saturating_add(table.cells()) > MAX_CELLS {
            return Err(Refusal::TooManyCells(total.saturating_add(table.cells())));
        }
        buf.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::io::Write;

    /// An `.ods` file whose sheet is `rows` (the XML inside `<table:table>`).
    fn ods(dir: &Path, rows: &str) -> std::path::PathBuf {
        let path = dir.join("s.ods");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        write!(
            zip,
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
        .unwrap();
        zip.finish().unwrap();
        path
    }

    const CELL: &str = r#"<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>"#;

    #[test]
    fn a_sheet_of_ordinary_size_with_the_trailing_empties_a_spreadsheet_writes_passes() {
        let dir = tempfile::tempdir().unwrap();
        // 1,000 rows of 9 cells, each row ending in 1,015 empty columns, then the empty
        // rows to the sheet's end, as LibreOffice writes them.
        let row = format!(
            r#"<table:table-row>{}<table:table-cell table:number-columns-repeated="1015"/></table:table-row>"#,
            CELL.repeat(9)
        );
        let rows = format!(
            r#"{}<table:table-row table:number-rows-repeated="1047576"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
            row.repeat(1000)
        );
        assert_eq!(check(&ods(dir.path(), &rows)), Ok(()));
    }

    #[test]
    fn repeated_rows_or_columns_asking_for_more_cells_than_the_bound_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let repeated_rows = format!(
            r#"<table:table-row>{CELL}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#
        );
        assert!(matches!(
            check(&ods(dir.path(), &repeated_rows)),
            Err(Refusal::TooManyCells(n)) if n > MAX_CELLS
        ));
        // Wide rows, each written once: the cells are held while the rows are read.
        let wide = r#"<table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row>"#;
        assert!(matches!(
            check(&ods(dir.path(), &wide.repeat(200))),
            Err(Refusal::TooManyCells(_))
        ));
        // Filled cells far apart: the rectangle between them.
        let apart = format!(
            r#"<table:table-row>{CELL}</table:table-row><table:table-row table:number-rows-repeated="500000"/><table:table-row><table:table-cell table:number-columns-repeated="9"/>{CELL}</table:table-row>"#
        );
        assert!(matches!(check(&ods(dir.path(), &apart)), Err(Refusal::TooManyCells(_))));
        // Repeats as large as a number can be: counted without overflowing.
        let huge = format!(
            r#"<table:table-row table:number-rows-repeated="18446744073709551615"><table:table-cell table:number-columns-repeated="18446744073709551615"/><table:table-cell table:number-columns-repeated="18446744073709551615" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>{CELL}"#
        );
        assert!(matches!(check(&ods(dir.path(), &huge)), Err(Refusal::TooManyCells(_))));
    }

    #[test]
    fn a_file_that_is_not_a_spreadsheet_is_unreadable_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.ods");
        std::fs::write(&path, b"PK\x03\x04 not really").unwrap();
        assert!(matches!(check(&path), Err(Refusal::Unreadable(_))));
    }
}
