//! A roster in a workbook, streamed: a reader thread turns the sheet into rows of text and
//! hands them over a small bounded channel, so the rows never all sit in memory at once.
//! An `.xlsx` sheet is read cell by cell (calamine's cell reader); an `.ods` file only
//! reads whole. Both are measured before they get here, and `.xls` and `.xlsb` are refused
//! (see [`super::read::Rows::open`]).
//!
//! Rows cross between the threads in batches, each one string with the cells' spans in
//! it: a string per cell allocated on one thread and freed on the other would cost more
//! than reading it.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto};

use super::read::{ReadError, ReadOptions};

/// Rows per batch.
const BATCH: usize = 1024;

/// Batches handed over at most this far ahead of the report.
const AHEAD: usize = 4;

/// Rows of a sheet as text: every cell's text one after another in `text`, each cell a
/// span of it, each row its number on the sheet (1 = the first row) and a run of cells.
#[derive(Default)]
struct Batch {
    text: String,
    cells: Vec<(usize, usize)>,
    rows: Vec<(u64, usize, usize)>,
}

impl Batch {
    /// Starts row `number` (its cells come next).
    fn start_row(&mut self, number: u64) {
        self.rows.push((number, self.cells.len(), 0));
    }

    /// Writes the current row's cell in column `column` (0 = A), the columns before it
    /// empty; a cell repeated or out of order replaces the one written.
    fn cell(&mut self, column: usize, write: impl FnOnce(&mut String)) {
        let Some((_, from, count)) = self.rows.last_mut() else {
            return;
        };
        let start = self.text.len();
        write(&mut self.text);
        // A control character is shown escaped wherever the cell goes (as a CSV's are).
        if let Some(unsafe_text) = self.text.get(start..).filter(|t| !crate::text::is_line_safe(t)) {
            let escaped = crate::text::escape_line(unsafe_text);
            self.text.truncate(start);
            self.text.push_str(&escaped);
        }
        let span = (start, self.text.len());
        if column < *count {
            self.cells[*from + column] = span;
            return;
        }
        while *count < column {
            self.cells.push((start, start));
            *count += 1;
        }
        self.cells.push(span);
        *count += 1;
    }

    fn is_full(&self) -> bool {
        self.rows.len() >= BATCH
    }
}

/// A batch of rows from the reader thread, or why the sheet could not be read on.
type Sent = Result<Batch, ReadError>;

/// Sends full batches; false once the report stopped reading.
struct Out<'t> {
    tx: &'t SyncSender<Sent>,
    batch: Batch,
}

impl Out<'_> {
    /// Starts row `number`, sending the batch first when it is full.
    fn start_row(&mut self, number: u64) -> bool {
        if self.batch.is_full() && !self.flush() {
            return false;
        }
        self.batch.start_row(number);
        true
    }

    fn flush(&mut self) -> bool {
        self.batch.rows.is_empty() || self.tx.send(Ok(std::mem::take(&mut self.batch))).is_ok()
    }
}

/// The rows of a sheet, as the reader thread sends them.
pub struct SheetRows {
    rx: Receiver<Sent>,
    batch: Batch,
    /// The next row of the batch.
    next: usize,
    /// Cells left of this column (the header's first) are dropped.
    first: usize,
}

impl SheetRows {
    /// The next row (its number on the sheet and its cells), or None at the end.
    pub fn next(&mut self) -> Option<Result<(u64, Vec<&str>), ReadError>> {
        while self.next >= self.batch.rows.len() {
            match self.rx.recv() {
                Ok(Ok(batch)) => {
                    self.batch = batch;
                    self.next = 0;
                }
                Ok(Err(e)) => return Some(Err(e)),
                Err(_) => return None,
            }
        }
        let (number, from, count) = self.batch.rows[self.next];
        self.next += 1;
        let text = &self.batch.text;
        let cells = self.batch.cells[from..from + count]
            .iter()
            .skip(self.first)
            .map(|&(a, b)| text.get(a..b).unwrap_or(""))
            .collect();
        Some(Ok((number, cells)))
    }
}

/// A cell as text: dates stored as dates come out as ISO dates, whole numbers without a
/// decimal point (a 職員番号 typed as a number).
fn write_cell(out: &mut String, cell: &Data) {
    let _ = match cell {
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            write!(out, "{y:04}-{m:02}-{day:02}")
        }
        Data::Float(f) if f.fract() == 0.0 => write!(out, "{f:.0}"),
        Data::String(s) => {
            out.push_str(s);
            Ok(())
        }
        Data::Empty => Ok(()),
        other => write!(out, "{other}"),
    };
}

/// The reader thread's name.
const READER_THREAD: &str = "roster-sheet";

/// Runs the reader, sending what stopped it: its error, or, should the workbook library
/// panic on a file it cannot take, an error saying so (never a crash, whatever the bytes).
fn guarded(tx: &SyncSender<Sent>, read: impl FnOnce(&SyncSender<Sent>) -> Result<(), ReadError>) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(tx))).unwrap_or_else(|_| {
        Err(ReadError::Workbook(
            "the workbook could not be read (its reader stopped on this file)".into(),
        ))
    });
    if let Err(e) = result {
        let _ = tx.send(Err(e));
    }
}

/// Keeps a panic of the reader thread (caught and reported as an error) off standard error
/// and out of the terminal app's panic handling; every other panic goes on as before.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(READER_THREAD) {
                previous(info);
            }
        }));
    });
}

/// Opens the sheet (`options.sheet`, else the first) and returns its header row, with the
/// columns left of the header's first cell dropped from every row, and the rows after it.
pub fn open(path: &Path, options: &ReadOptions) -> Result<(Vec<String>, SheetRows), ReadError> {
    let workbook = open_workbook_auto(path).map_err(|e| ReadError::Workbook(e.to_string()))?;
    let name = match &options.sheet {
        Some(name) => {
            if !workbook.sheet_names().iter().any(|n| n == name) {
                return Err(ReadError::NoSheet(name.clone()));
            }
            name.clone()
        }
        None => workbook.sheet_names().first().cloned().ok_or(ReadError::Empty)?,
    };
    let (tx, rx) = sync_channel::<Sent>(AHEAD);
    quiet_reader_panics();
    std::thread::Builder::new()
        .name(READER_THREAD.into())
        .spawn(move || {
            guarded(&tx, |tx| match workbook {
                Sheets::Xlsx(mut xlsx) => {
                    let workbook_error = |e: calamine::XlsxError| ReadError::Workbook(e.to_string());
                    let mut reader = xlsx.worksheet_cells_reader(&name).map_err(workbook_error)?;
                    stream(|| reader.next_cell().map_err(workbook_error), tx)
                }
                mut other => whole_sheet(&mut other, &name, tx),
            })
        })
        .map_err(ReadError::Io)?;
    let mut rows = SheetRows {
        rx,
        batch: Batch::default(),
        next: 0,
        first: 0,
    };
    let (_, header) = rows.next().ok_or(ReadError::Empty)??;
    let first = header.iter().position(|h| !h.trim().is_empty()).unwrap_or(0);
    let header = header.iter().skip(first).map(|h| h.trim().to_string()).collect();
    rows.first = first;
    Ok((header, rows))
}

/// A sheet's last row and column (0-based), Excel's: a cell the file places beyond them is
/// an error, not rows or columns to fill up to it.
const LAST_ROW: u32 = 1_048_575;
const LAST_COLUMN: u32 = 16_383;

/// Sends the rows of an `.xlsx` sheet cell by cell (`next` gives the cells in order); the rows with no cell between two rows are sent empty, so row numbers are the
/// sheet's. A send fails only when the report stopped reading: then this stops too.
fn stream<'a>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, ReadError>,
    tx: &SyncSender<Sent>,
) -> Result<(), ReadError> {
    let mut out = Out {
        tx,
        batch: Batch::default(),
    };
    let mut row: Option<u32> = None;
    while let Some(cell) = next()? {
        let (r, c) = cell.get_position();
        if r > LAST_ROW || c > LAST_COLUMN {
            return Err(ReadError::BeyondSheet {
                row: u64::from(r) + 1,
                column: u64::from(c) + 1,
            });
        }
        if row != Some(r) {
            // Empty rows between two rows with cells (never before the header).
            let from = row.map_or(r, |done| done + 1);
            for number in from..=r {
                if !out.start_row(u64::from(number) + 1) {
                    return Ok(());
                }
            }
            row = Some(r);
        }
        out.batch.cell(c as usize, |text| match cell.get_value() {
            DataRef::SharedString(s) => text.push_str(s),
            DataRef::String(s) => text.push_str(s),
            other => write_cell(text, &Data::from(other.clone())),
        });
    }
    out.flush();
    Ok(())
}

/// Sends the rows of a sheet read whole (`.ods`).
fn whole_sheet<RS: std::io::Read + std::io::Seek>(
    workbook: &mut Sheets<RS>,
    name: &str,
    tx: &SyncSender<Sent>,
) -> Result<(), ReadError> {
    let range = workbook
        .worksheet_range(name)
        .map_err(|e| ReadError::Workbook(e.to_string()))?;
    let start = range.start().map_or(0, |(r, _)| r);
    let mut out = Out {
        tx,
        batch: Batch::default(),
    };
    for (i, cells) in range.rows().enumerate() {
        if !out.start_row(u64::from(start) + i as u64 + 1) {
            return Ok(());
        }
        for (column, cell) in cells.iter().enumerate() {
            out.batch.cell(column, |text| write_cell(text, cell));
        }
    }
    out.flush();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_with_a_control_character_is_kept_escaped_and_its_neighbours_as_they_are() {
        let mut batch = Batch::default();
        batch.start_row(2);
        batch.cell(0, |t| t.push_str("入間"));
        batch.cell(2, |t| t.push_str("\u{1b}[2J一"));
        batch.cell(3, |t| t.push('◎'));
        let cells: Vec<&str> = batch
            .cells
            .iter()
            .map(|&(a, b)| batch.text.get(a..b).unwrap_or("?"))
            .collect();
        assert_eq!(cells, ["入間", "", "\\u{1b}[2J一", "◎"]);
    }

    #[test]
    fn a_reader_that_panics_is_reported_as_an_error() {
        let (tx, rx) = sync_channel::<Sent>(AHEAD);
        let thread = std::thread::Builder::new()
            .name(READER_THREAD.into())
            .spawn(move || {
                quiet_reader_panics();
                guarded(&tx, |_| panic!("a library bug"));
            })
            .unwrap();
        thread.join().unwrap();
        match rx.recv() {
            Ok(Err(e)) => assert!(e.to_string().contains("could not be read"), "{e}"),
            _ => panic!("an error is sent"),
        }
    }
}
