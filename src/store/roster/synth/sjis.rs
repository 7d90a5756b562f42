//! A writer that takes UTF-8 and writes Shift_JIS, line by line as it comes, so a file of
//! millions of rows is encoded without holding it. Shift_JIS is stateless: encoding the
//! pieces gives the same bytes as encoding the whole text at once.

use std::io::{self, Write};

/// Encodes what is written to it into Shift_JIS on `inner`.
pub struct ShiftJisWriter<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence whose rest has not come yet (at most 3 bytes).
    pending: Vec<u8>,
}

impl<W: Write> ShiftJisWriter<W> {
    pub fn new(inner: W) -> Self {
        ShiftJisWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn encode(&mut self, text: &str) -> io::Result<()> {
        let (encoded, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        self.inner.write_all(&encoded)
    }
}

impl<W: Write> Write for ShiftJisWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty()
            && let Ok(text) = std::str::from_utf8(buf)
        {
            self.encode(text)?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let pending = std::mem::take(&mut self.pending);
        let valid = match std::str::from_utf8(&pending) {
            Ok(_) => pending.len(),
            // An incomplete sequence at the end waits for the next write; bytes that are
            // not UTF-8 at all are an error, not something to guess at.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(io::Error::new(io::ErrorKind::InvalidData, e)),
        };
        let (text, rest) = pending.split_at(valid);
        self.encode(std::str::from_utf8(text).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?)?;
        self.pending = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn pieces_split_anywhere_encode_like_the_whole_text() {
        let text = "職員番号,所属\n0000001,税務部門\n";
        let (whole, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        for cut in 0..text.len() {
            let mut writer = ShiftJisWriter::new(Vec::new());
            writer.write_all(&text.as_bytes()[..cut]).unwrap();
            writer.write_all(&text.as_bytes()[cut..]).unwrap();
            assert_eq!(writer.inner, whole.as_ref(), "cut at {cut}");
        }
    }
}
