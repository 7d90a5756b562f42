//! Measuring a workbook's zipped XML before the workbook library reads it. Deflate packs a
//! run of one byte about a thousand to one, so a workbook of 1 MB can unpack to a cell
//! text or shared-strings part of 1 GB, which the library (and any XML reader) holds whole.
//! [`Measured`] streams a part once in constant memory and fails on a text or tag longer
//! than [`MAX_RUN`] or a part larger than its limit; [`check_xlsx`] measures an Excel
//! workbook's parts this way (an `.ods` file's in [`super::ods::check`]).

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

/// The longest text or tag in a workbook's XML: an Excel cell holds at most 32,767
/// characters, and no tag comes near.
pub const MAX_RUN: u64 = 1 << 20;
/// The parts the library holds whole (shared strings, styles, the workbook's own), in all.
pub const MAX_HELD: u64 = 256 << 20;
/// Any one part, read at most this far (a sheet streams, but is not scanned on forever).
pub const MAX_PART: u64 = 4 << 30;

/// What a part measured by [`Measured`] went past (carried inside the `io::Error`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Overrun {
    #[error("a text or tag in it is over 1 MiB, which no cell holds (an Excel cell holds at most 32,767 characters)")]
    LongText,
    #[error("it unpacks to more than {} MB", crate::text::grouped(*.mb))]
    LargePart { mb: u64 },
}

/// Why a workbook is refused before it is read.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    /// The sheets would take more cells than an `.ods` file may hold (at least this many).
    TooManyCells(u64),
    /// A part (its name in the zip) went past a bound.
    Overrun { part: String, overrun: Overrun },
    /// Not a workbook that can be read: the library's words.
    Unreadable(String),
}

impl Refusal {
    pub(super) fn from_io(part: &str, e: &io::Error) -> Refusal {
        match e.get_ref().and_then(|inner| inner.downcast_ref::<Overrun>()) {
            Some(overrun) => Refusal::Overrun {
                part: part.to_string(),
                overrun: overrun.clone(),
            },
            None => Refusal::Unreadable(format!("{part}: {e}")),
        }
    }
}

/// A zip part's bytes as they unpack, measured: fails past `limit` bytes in all, or on a
/// text or tag (bytes between `<` and `>` or `>` and `<`) over [`MAX_RUN`].
pub struct Measured<R> {
    inner: R,
    read: u64,
    limit: u64,
    run: u64,
}

impl<R: Read> Measured<R> {
    pub fn new(inner: R, limit: u64) -> Measured<R> {
        Measured {
            inner,
            read: 0,
            limit,
            run: 0,
        }
    }

    pub fn unpacked(&self) -> u64 {
        self.read
    }
}

impl<R: Read> Read for Measured<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            return Err(io::Error::other(Overrun::LargePart { mb: self.limit >> 20 }));
        }
        let mut rest = buf.get(..n).unwrap_or_default();
        while !rest.is_empty() {
            match memchr::memchr2(b'<', b'>', rest) {
                Some(at) => {
                    self.run += at as u64;
                    if self.run > MAX_RUN {
                        break;
                    }
                    self.run = 0;
                    rest = rest.get(at + 1..).unwrap_or_default();
                }
                None => {
                    self.run += rest.len() as u64;
                    break;
                }
            }
        }
        if self.run > MAX_RUN {
            return Err(io::Error::other(Overrun::LongText));
        }
        Ok(n)
    }
}

/// Reads an `.xlsx` / `.xlsm` file's XML parts through [`Measured`]: every text and tag at
/// most [`MAX_RUN`], the parts other than the sheets (held whole) [`MAX_HELD`] in all.
pub fn check_xlsx(path: &Path) -> Result<(), Refusal> {
    let unreadable = |e: &dyn std::fmt::Display| Refusal::Unreadable(e.to_string());
    let file = File::open(path).map_err(|e| unreadable(&e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(&e))?;
    let mut held: u64 = 0;
    let mut sink = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let name = part.name().map_err(|e| unreadable(&e))?.to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let sheet = name.starts_with("xl/worksheets/");
        let limit = if sheet { MAX_PART } else { MAX_HELD.saturating_sub(held) };
        let mut measured = Measured::new(part, limit);
        loop {
            match measured.read(&mut sink) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return Err(Refusal::from_io(&name, &e)),
            }
        }
        if !sheet {
            held += measured.unpacked();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn measure(bytes: &[u8], limit: u64) -> io::Result<u64> {
        let mut m = Measured::new(bytes, limit);
        io::copy(&mut m, &mut io::sink())?;
        Ok(m.unpacked())
    }

    #[test]
    fn ordinary_xml_passes_and_a_long_text_or_part_fails() {
        let row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>入間 一</t></is></c></row>".repeat(50_000);
        assert!(measure(row.as_bytes(), MAX_PART).is_ok());
        let long = format!("<t>{}</t>", "a".repeat(MAX_RUN as usize + 1));
        let e = measure(long.as_bytes(), MAX_PART).unwrap_err();
        assert!(e.to_string().contains("over 1 MiB"), "{e}");
        let e = measure(row.as_bytes(), 1 << 20).unwrap_err();
        assert!(e.to_string().contains("more than 1 MB"), "{e}");
    }
}
