//! Text tables for the terminal, sized to its width: label columns on the left, counts
//! aligned to the right, every cell measured by display width. A table wider than the
//! terminal is not cut: its count columns are split into blocks that fit, each block
//! repeating the label columns, so every figure stays on screen with what it belongs to.

use std::io::{self, Write};

use crate::text::{pad_right, width, wrap, wrap_hanging};

/// Columns between two cells.
const GAP: usize = 2;

/// The width text is laid out to when no terminal says otherwise.
pub const DEFAULT_COLUMNS: usize = 80;

/// Narrower than this, tables and lines are laid out as if this wide.
const MIN_COLUMNS: usize = 40;

/// Where text is laid out to: the terminal's width when standard output is one, else
/// `COLUMNS` from the environment when set, else 80.
pub fn terminal_columns() -> usize {
    use std::io::IsTerminal;
    let from_terminal = std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w > 0);
    let from_env = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|w| *w > 0)
    };
    from_terminal
        .or_else(from_env)
        .unwrap_or(DEFAULT_COLUMNS)
        .max(MIN_COLUMNS)
}

/// A table to print: `labels` columns of text first (left-aligned), then counts.
pub struct TextTable<'a> {
    pub header: &'a [String],
    pub rows: &'a [Vec<String>],
    /// How many columns on the left are labels, repeated in every block.
    pub labels: usize,
}

impl TextTable<'_> {
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = self.header.iter().map(|h| width(h)).collect();
        for row in self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        widths
    }

    /// The count columns of each block: as many as fit beside the labels in `columns`,
    /// and at least one per block.
    fn blocks(&self, widths: &[usize], columns: usize) -> Vec<std::ops::Range<usize>> {
        let labels = self.labels.min(widths.len());
        let label_width: usize = widths[..labels].iter().map(|w| w + GAP).sum();
        let mut blocks = Vec::new();
        let mut start = labels;
        while start < widths.len() {
            let mut end = start;
            let mut used = label_width;
            while end < widths.len() && (end == start || used + widths[end] <= columns) {
                used += widths[end] + GAP;
                end += 1;
            }
            blocks.push(start..end);
            start = end;
        }
        if blocks.is_empty() {
            blocks.push(labels..labels);
        }
        // The same number of blocks, evened out, when they still fit: 4 + 4 + 4 columns
        // read better than 5 + 5 + 2.
        let counts = widths.len() - labels;
        let per_block = counts.div_ceil(blocks.len().max(1)).max(1);
        let even: Vec<_> = (labels..widths.len())
            .step_by(per_block)
            .map(|start| start..(start + per_block).min(widths.len()))
            .collect();
        let fits = |block: &std::ops::Range<usize>| {
            label_width + widths[block.clone()].iter().map(|w| w + GAP).sum::<usize>() - GAP <= columns
        };
        if even.len() == blocks.len() && even.iter().all(fits) {
            return even;
        }
        blocks
    }

    /// Writes the table within `columns`, in as many blocks as it takes.
    pub fn write(&self, out: &mut impl Write, columns: usize) -> io::Result<()> {
        let widths = self.widths();
        let labels = self.labels.min(widths.len());
        let blocks = self.blocks(&widths, columns);
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            let shown: Vec<usize> = (0..labels).chain(block.clone()).collect();
            let line = |cells: &[String]| {
                shown
                    .iter()
                    .map(|&c| {
                        let cell = cells.get(c).map(String::as_str).unwrap_or("");
                        let w = widths[c];
                        if c < labels {
                            pad_right(cell, w)
                        } else {
                            format!("{}{cell}", " ".repeat(w.saturating_sub(width(cell))))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(&" ".repeat(GAP))
                    .trim_end()
                    .to_string()
            };
            writeln!(out, "{}", line(self.header))?;
            for row in self.rows {
                writeln!(out, "{}", line(row))?;
            }
        }
        Ok(())
    }
}

/// A table with one label column on the left.
pub fn table(out: &mut impl Write, header: &[String], rows: &[Vec<String>], columns: usize) -> io::Result<()> {
    TextTable {
        header,
        rows,
        labels: 1,
    }
    .write(out, columns)
}

/// After a list cut short: how many more there are, and where they all are.
pub fn more_people(out: &mut impl Write, hidden: usize, lang: crate::i18n::Lang) -> io::Result<()> {
    if hidden == 0 {
        return Ok(());
    }
    let text = match lang {
        crate::i18n::Lang::Ja => format!(
            "ほか {} 人（--format json ですべて）",
            crate::text::grouped(hidden as u64)
        ),
        crate::i18n::Lang::En => format!(
            "and {} more (all with --format json)",
            crate::text::grouped(hidden as u64)
        ),
    };
    writeln!(out, "  {text}")
}

/// A paragraph wrapped to `columns`.
pub fn wrapped(out: &mut impl Write, text: &str, columns: usize) -> io::Result<()> {
    for line in wrap(text, columns) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Items joined by `separator` on as few lines as fit in `columns`, each line broken only
/// between items (an item wider than the line is wrapped on its own).
pub fn packed(out: &mut impl Write, items: &[String], separator: &str, columns: usize) -> io::Result<()> {
    let mut line = String::new();
    for item in items {
        let joined = if line.is_empty() {
            item.clone()
        } else {
            format!("{line}{separator}{item}")
        };
        if width(&joined) <= columns || line.is_empty() {
            line = joined;
        } else {
            wrapped(out, &line, columns)?;
            line = item.clone();
        }
    }
    if !line.is_empty() {
        wrapped(out, &line, columns)?;
    }
    Ok(())
}

/// A line that wraps under its own indent (a list entry).
pub fn hanging(out: &mut impl Write, text: &str, columns: usize) -> io::Result<()> {
    for line in wrap_hanging(text, columns) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn render(labels: usize, header: &[&str], rows: &[&[&str]], columns: usize) -> String {
        let header = strings(header);
        let rows: Vec<Vec<String>> = rows.iter().map(|r| strings(r)).collect();
        let mut out = Vec::new();
        TextTable {
            header: &header,
            rows: &rows,
            labels,
        }
        .write(&mut out, columns)
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_that_fits_is_one_block_with_counts_aligned_right() {
        let text = render(
            1,
            &["年度", "行政職", "計"],
            &[&["2026", "10", "10"], &["2027", "0", "0"]],
            80,
        );
        assert_eq!(text, "年度  行政職  計\n2026      10  10\n2027       0   0\n");
    }

    #[test]
    fn a_wide_table_is_split_into_blocks_that_fit_each_repeating_the_labels() {
        let header = ["職種", "職級", "20〜24", "25〜29", "30〜34", "35〜39", "計"];
        let row: &[&str] = &["放課後児童支援員職", "放課後児童支援員", "2", "7", "1", "2", "12"];
        let text = render(2, &header, &[row], 60);
        let blocks: Vec<&str> = text.split("\n\n").collect();
        assert!(blocks.len() > 1, "{text}");
        for line in text.lines() {
            assert!(width(line) <= 60, "{line:?} is {} wide", width(line));
        }
        for block in &blocks {
            assert!(block.contains("放課後児童支援員職  放課後児童支援員"), "{block}");
        }
        // Every count is printed once, in order.
        let counts: Vec<&str> = blocks
            .iter()
            .flat_map(|b| b.lines().nth(1).unwrap().split_whitespace().skip(2))
            .collect();
        assert_eq!(counts, ["2", "7", "1", "2", "12"]);
    }

    #[test]
    fn packed_items_break_only_between_items() {
        let items = strings(&["基準日 2026-11-22", "読んだ行 400", "使った行 394", "使えなかった行 6"]);
        let mut out = Vec::new();
        packed(&mut out, &items, "・", 40).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "基準日 2026-11-22・読んだ行 400\n使った行 394・使えなかった行 6\n"
        );
    }

    #[test]
    fn labels_wider_than_the_terminal_still_show_one_count_per_block() {
        let text = render(
            1,
            &["研修", "2026", "2027"],
            &[&["とても長い研修の名前がここに続きます", "1", "2"]],
            20,
        );
        assert_eq!(text.split("\n\n").count(), 2, "{text}");
        assert!(text.contains('1') && text.contains('2'));
    }
}
