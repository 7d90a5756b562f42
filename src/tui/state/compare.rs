//! The compare screen: two analysed plans side by side (read-only), or one person under
//! another city's profile with the mapping report a key away. The rows it shows are laid
//! out here, from the words `describe::compare` gives, so that drawing and scrolling agree
//! on how many there are at a width.

use std::path::PathBuf;

use crate::describe::compare::{mapping_lines, mapping_summary, sections, side_title};
use crate::engine::compare::{Comparison, MappingReport};
use crate::i18n::Lang;
use crate::text::{pad_right, truncate, wrap_hanging};

/// A plan to compare, as chosen on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareSource {
    /// A saved plan file.
    Saved(PathBuf),
    /// A sample persona shipped with Michi (its file stem).
    Persona(&'static str),
}

/// Which page of the compare screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparePage {
    /// The two plans, section by section.
    Sides,
    /// How the plan was read across to the other profile, and what could not be.
    Mapping,
}

/// The compare screen's state: what is compared, and where it is scrolled to.
#[derive(Debug, Clone, PartialEq)]
pub struct Compare {
    pub comparison: Comparison,
    /// Set when B is A read across to another city's profile.
    pub mapping: Option<MappingReport>,
    pub page: ComparePage,
    /// The first row shown of the scrolled part.
    pub scroll: usize,
}

/// What a row of the compare screen is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Title,
    Text,
    /// A side's label in the stacked layout ("A", "B") and the line it starts.
    SideStart,
    /// An account of the mapping, above the comparison.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    pub kind: RowKind,
    pub text: String,
}

/// At this screen width and above the sides stand in two columns; below it (80 columns)
/// they are stacked, A above B.
pub const TWO_COLUMNS_FROM: u16 = 100;

/// Text without the glyphs some terminals draw two columns wide (`--ascii`).
pub fn plain(text: &str, ascii: bool) -> String {
    if !ascii {
        return text.to_string();
    }
    text.replace('→', "->")
        .replace(['—', '–'], "-")
        .replace('■', "#")
        .replace('│', "|")
}

impl Compare {
    pub fn new(comparison: Comparison, mapping: Option<MappingReport>) -> Compare {
        Compare {
            comparison,
            mapping,
            page: ComparePage::Sides,
            scroll: 0,
        }
    }

    /// The fixed lines above the scrolled part: who A and B are (one line when the sides
    /// stand in two columns).
    pub fn heading(&self, lang: Lang, columns: usize, two_columns: bool, ascii: bool) -> Vec<String> {
        let a = plain(&format!("A: {}", side_title(&self.comparison.left, lang)), ascii);
        let b = plain(&format!("B: {}", side_title(&self.comparison.right, lang)), ascii);
        if two_columns {
            let half = column_width(columns);
            vec![format!(
                "{}   {}",
                pad_right(&truncate(&a, half), half),
                truncate(&b, half)
            )]
        } else {
            vec![truncate(&a, columns), truncate(&b, columns)]
        }
    }

    /// The rows of the page shown, at `columns` display columns.
    pub fn rows(&self, lang: Lang, columns: usize, two_columns: bool, ascii: bool) -> Vec<CompareRow> {
        let row = |kind, text: String| CompareRow {
            kind,
            text: plain(&text, ascii),
        };
        let bullet = if ascii { "# " } else { "■ " };
        let mut rows = Vec::new();
        if self.page == ComparePage::Mapping {
            if let Some(report) = &self.mapping {
                for line in mapping_lines(report, lang) {
                    rows.extend(
                        wrap_hanging(&plain(&line, ascii), columns)
                            .into_iter()
                            .map(|t| row(RowKind::Text, t)),
                    );
                }
            }
            return rows;
        }
        if let Some(report) = &self.mapping {
            let summary = format!(
                "{}{}",
                mapping_summary(report, lang),
                lang.pick("（m で一覧）", " (m lists them)")
            );
            rows.extend(
                wrap_hanging(&plain(&summary, ascii), columns)
                    .into_iter()
                    .map(|t| row(RowKind::Note, t)),
            );
        }
        let half = column_width(columns);
        for section in sections(&self.comparison, lang) {
            if !rows.is_empty() {
                rows.push(row(RowKind::Text, String::new()));
            }
            rows.push(row(
                RowKind::Title,
                truncate(&format!("{bullet}{}", section.title), columns),
            ));
            let [left, right] = &section.sides;
            if two_columns {
                let cut = |lines: &[String]| -> Vec<String> {
                    lines
                        .iter()
                        .flat_map(|l| wrap_hanging(&plain(l, ascii), half))
                        .collect()
                };
                let (left, right) = (cut(left), cut(right));
                let bar = if ascii { " | " } else { " │ " };
                for i in 0..left.len().max(right.len()) {
                    let l = left.get(i).map_or("", String::as_str);
                    let r = right.get(i).map_or("", String::as_str);
                    rows.push(row(RowKind::Text, format!("{}{bar}{r}", pad_right(l, half))));
                }
            } else {
                for (label, lines) in [("A ", left), ("B ", right)] {
                    for (i, line) in lines.iter().enumerate() {
                        let wrapped = wrap_hanging(&plain(line, ascii), columns.saturating_sub(2));
                        for (j, text) in wrapped.into_iter().enumerate() {
                            let first = i == 0 && j == 0;
                            let kind = if first { RowKind::SideStart } else { RowKind::Text };
                            rows.push(row(kind, format!("{}{text}", if first { label } else { "  " })));
                        }
                    }
                }
            }
        }
        rows
    }
}

/// Rows of the scrolled part on a `size` screen with `heading` fixed lines: the screen less
/// the header, a one-line message bar and the key line, the borders and the heading.
pub fn visible_rows(size: (u16, u16), heading: usize) -> usize {
    usize::from(size.1).saturating_sub(5 + heading)
}

/// Each side's width in two columns: half the room, less the separator.
pub fn column_width(columns: usize) -> usize {
    columns.saturating_sub(3) / 2
}
