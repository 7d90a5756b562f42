//! Problems in a user's file, told the way a person can act on them: the file, line and
//! column, what is wrong, the offending line with a marker under it, and what to do.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::i18n::Lang;
use crate::text::{escape_controls, width};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The line a problem is on, with the part to underline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The source line, control characters escaped.
    pub text: String,
    /// Display columns before the underlined part.
    pub marker_offset: usize,
    /// Display columns of the underlined part (at least 1).
    pub marker_width: usize,
}

/// One problem, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column in characters (as editors count them).
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

impl Diagnostic {
    /// A problem about the file as a whole.
    pub fn file_level(file: &str, message: String, hint: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: escape_controls(file),
            line: None,
            column: None,
            message: escape_controls(&message),
            hint: Some(escape_controls(&hint)),
            snippet: None,
        }
    }

    /// A problem at a byte range of `source`.
    pub fn at_span(file: &str, source: &str, span: Range<usize>, message: String, hint: Option<String>) -> Self {
        let (line, column, snippet) = locate(source, span);
        Diagnostic {
            severity: Severity::Error,
            file: escape_controls(file),
            line: Some(line),
            column: Some(column),
            message: escape_controls(&message),
            hint: hint.map(|h| escape_controls(&h)),
            snippet: Some(snippet),
        }
    }

    /// A problem at a known line and column (no span available).
    pub fn at_position(
        file: &str,
        source: Option<&str>,
        line: usize,
        column: usize,
        message: String,
        hint: String,
    ) -> Self {
        let snippet = source.and_then(|s| s.lines().nth(line.saturating_sub(1))).map(|text| {
            let before: String = text.chars().take(column.saturating_sub(1)).collect();
            Snippet {
                text: escape_controls(text),
                marker_offset: width(&escape_controls(&before)),
                marker_width: 1,
            }
        });
        Diagnostic {
            severity: Severity::Error,
            file: escape_controls(file),
            line: Some(line),
            column: Some(column),
            message: escape_controls(&message),
            hint: Some(escape_controls(&hint)),
            snippet,
        }
    }

    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// `file:line:column` (or just the file).
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }

    /// Multi-line text in the style of compilers:
    ///
    /// ```text
    /// error: no grade with id `shunni` is defined
    ///   --> iruma.toml:12:9
    ///    |
    /// 12 | grade = "shunni"
    ///    |         ^^^^^^^^
    ///    = hint: did you mean `shunin`?
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        let label = match self.severity {
            Severity::Error => lang.pick("エラー", "error"),
            Severity::Warning => lang.pick("警告", "warning"),
        };
        let mut out = format!("{label}: {}\n", self.message);
        let gutter = self.line.map_or(1, |l| l.to_string().len());
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad}--> {}", self.location());
        if let (Some(line), Some(snippet)) = (self.line, &self.snippet) {
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line} | {}", snippet.text);
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(snippet.marker_offset),
                "^".repeat(snippet.marker_width.max(1))
            );
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{pad} = {}: {hint}", lang.pick("ヒント", "hint"));
        }
        out
    }
}

/// Line, column (1-based, in characters) and snippet of a byte span.
fn locate(source: &str, span: Range<usize>) -> (usize, usize, Snippet) {
    let start = floor_char_boundary(source, span.start.min(source.len()));
    let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
    let before = source.get(..start).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let line_end = source
        .get(start..)
        .and_then(|rest| rest.find('\n'))
        .map_or(source.len(), |p| start + p);
    let line_text = source
        .get(line_start..line_end)
        .unwrap_or_default()
        .trim_end_matches('\r');
    let prefix = source.get(line_start..start).unwrap_or_default();
    let column = prefix.chars().count() + 1;
    let marked = source.get(start..end.min(line_end)).unwrap_or_default();
    let snippet = Snippet {
        text: escape_controls(line_text),
        marker_offset: width(&escape_controls(prefix)),
        marker_width: width(&escape_controls(marked)).max(1),
    };
    (line, column, snippet)
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while index > 0 && !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_markers_count_columns() {
        let source = "a = 1\nname = \"主任\" x\n";
        let at = source.find('x').expect("x");
        let d = Diagnostic::at_span("p.toml", source, at..at + 1, "bad".into(), Some("fix".into()));
        assert_eq!(d.location(), "p.toml:2:13");
        let snippet = d.snippet.as_ref().expect("snippet");
        // `name = "主任" ` is 12 characters but 14 display columns.
        assert_eq!(snippet.marker_offset, 14);
        let text = d.render(Lang::En);
        assert!(text.contains("2 | name = \"主任\" x"), "{text}");
        assert!(text.contains(&format!("  | {}^", " ".repeat(14))), "{text}");
        assert!(text.contains("= hint: fix"), "{text}");
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_do_not_panic() {
        let source = "主任";
        #[allow(clippy::reversed_empty_ranges)]
        for span in [0..100, 1..2, 5..3, 100..200] {
            let d = Diagnostic::at_span("p.toml", source, span, "m".into(), None);
            assert_eq!(d.line, Some(1));
        }
    }

    #[test]
    fn control_characters_never_reach_the_output() {
        let source = "name = \"\u{1b}[2J\"";
        let d = Diagnostic::at_span("p\u{7}.toml", source, 8..12, "bad \u{1b}".into(), None);
        let text = d.render(Lang::Ja);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
        assert!(text.contains("\\u{1b}"));
    }
}
