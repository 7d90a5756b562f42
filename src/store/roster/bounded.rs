//! Bounds on what one row of a roster may hold, so that memory stays flat whatever a file
//! holds: a CSV row (a field left open by a stray quote takes the rest of the file with it)
//! and the text of a workbook cell are held whole while they are read.
//!
//! [`RowBound`] sits under the CSV reader and follows the file as the reader will (fields,
//! quotes, doubled quotes, line ends), so it knows where each row ends; a row longer than
//! [`MAX_ROW_BYTES`] stops the read with the line it started on.

use std::io::{self, Read};

/// The longest row of a CSV roster: far more than any row of a roster holds (an Excel
/// cell holds at most 32,767 characters).
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// Where the reader is in a row, as the `csv` crate reads one (quotes open a field only at
/// its start; `""` inside quotes is one quote; `\r` or `\n` ends a row outside quotes).
#[derive(Clone, Copy, PartialEq)]
enum At {
    FieldStart,
    Field,
    Quoted,
    /// A quote inside quotes: the field's closing quote, or the first of `""`.
    QuoteInQuoted,
}

/// A row over [`MAX_ROW_BYTES`], from `line` on (carried inside the `io::Error`).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[error(
    "the row from line {} is over 1 MiB, which no roster row is: is a quote (\") left open there? \
     Correct the file or export it again",
    crate::text::grouped(*.line)
)]
pub struct RowTooLong {
    pub line: u64,
}

/// A reader of decoded (UTF-8) CSV text that fails on a row over [`MAX_ROW_BYTES`].
pub struct RowBound<R> {
    inner: R,
    delimiter: u8,
    at: At,
    /// Bytes of the row being read so far.
    row_bytes: usize,
    /// The line the row being read started on, and the line being read (1-based).
    row_line: u64,
    line: u64,
}

impl<R: Read> RowBound<R> {
    pub fn new(inner: R, delimiter: u8) -> RowBound<R> {
        RowBound {
            inner,
            delimiter,
            at: At::FieldStart,
            row_bytes: 0,
            row_line: 1,
            line: 1,
        }
    }

    fn step(&mut self, byte: u8) {
        let ends_line = byte == b'\n' || byte == b'\r';
        let row_end = ends_line && self.at != At::Quoted;
        self.at = match (self.at, byte) {
            (At::Quoted, b'"') => At::QuoteInQuoted,
            (At::Quoted, _) => At::Quoted,
            (At::QuoteInQuoted, b'"') => At::Quoted,
            (At::FieldStart, b'"') => At::Quoted,
            (_, b) if b == self.delimiter => At::FieldStart,
            _ if row_end => At::FieldStart,
            _ => At::Field,
        };
        if byte == b'\n' {
            self.line += 1;
        }
        if row_end {
            self.row_bytes = 0;
            self.row_line = self.line;
        } else {
            self.row_bytes += 1;
        }
    }
}

impl<R: Read> Read for RowBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let read = buf.get(..n).unwrap_or_default();
        let mut i = 0;
        while let Some(rest) = read.get(i..).filter(|r| !r.is_empty()) {
            // Inside a field only its end matters (and inside quotes, a quote or a line end):
            // skip to it.
            let skip = match self.at {
                At::Field => memchr::memchr3(self.delimiter, b'\n', b'\r', rest),
                At::Quoted => memchr::memchr2(b'"', b'\n', rest),
                At::FieldStart | At::QuoteInQuoted => Some(0),
            }
            .unwrap_or(rest.len());
            self.row_bytes += skip;
            i += skip;
            // The row's bytes up to here (the next byte may end the row).
            let over = self.row_bytes > MAX_ROW_BYTES;
            if !over && let Some(&byte) = read.get(i) {
                self.step(byte);
                i += 1;
            }
            if over || self.row_bytes > MAX_ROW_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    RowTooLong { line: self.row_line },
                ));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn read_all(text: &str) -> io::Result<usize> {
        let mut out = Vec::new();
        RowBound::new(text.as_bytes(), b',').read_to_end(&mut out)
    }

    #[test]
    fn rows_of_any_number_and_quoted_line_breaks_pass() {
        let row = "001,\"入間, 一\",\"a \"\"quoted\"\" word\r\non two lines\",1980-01-01\r\n";
        assert!(read_all(&row.repeat(100_000)).is_ok());
        // A quote inside an unquoted field is a character, as the CSV reader reads it: the
        // rows after it are rows.
        let stray = "001,山田\"太郎,1980-01-01\n".repeat(100_000);
        assert!(read_all(&stray).is_ok());
    }

    #[test]
    fn a_row_over_the_bound_fails_with_the_line_it_started_on() {
        let long = format!("職員番号,氏名\n001,{}\n", "あ".repeat(MAX_ROW_BYTES / 3 + 1));
        let e = read_all(&long).unwrap_err();
        assert!(e.to_string().contains("from line 2"), "{e}");
        // A quote left open: the rest of the file is one row.
        let open = format!(
            "職員番号,氏名\n001,ok\n002,\"open\n{}",
            "003,x\n".repeat(MAX_ROW_BYTES / 6 + 1)
        );
        let e = read_all(&open).unwrap_err();
        assert!(
            e.to_string().contains("from line 3") && e.to_string().contains("quote"),
            "{e}"
        );
    }
}
