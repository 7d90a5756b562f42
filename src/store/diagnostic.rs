//! Problems in a user's file, told the way a person can act on them: the file, line and
//! column, what is wrong, the offending line with a marker under it, and what to do.

use std::cell::Cell;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::i18n::Lang;
use crate::text::{escape_line, escape_line_cut, escape_line_cut_told, width};

/// Most problems of one file kept with their locations; the rest are only counted. A file
/// with a hundred thousand mistakes is answered as quickly as one with a few, and nobody
/// reads past the first screens anyway: the same mistake repeated is fixed in one go.
pub const MAX_SHOWN: usize = 100;

/// Widest snippet of a source line shown under a problem, in display columns.
const SNIPPET_COLUMNS: usize = 100;

/// Widest message or hint, in display columns: a value quoted from the file can be long.
const MESSAGE_COLUMNS: usize = 300;

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
    /// Lines to copy into the file (a table header and its first keys), shown under the hint.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub example: Vec<String>,
    #[serde(skip)]
    pub snippet: Option<Snippet>,
}

impl Diagnostic {
    /// A problem about the file as a whole.
    pub fn file_level(file: &str, message: String, hint: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: escape_line(file),
            line: None,
            column: None,
            message: escape_line_cut(&message, MESSAGE_COLUMNS),
            hint: Some(escape_line_cut(&hint, MESSAGE_COLUMNS)),
            example: Vec::new(),
            snippet: None,
        }
    }

    /// A problem at a byte range of `source`. For more than one problem in the same
    /// source, [`LineIndex::diagnostic`] finds lines without counting from the start each time.
    pub fn at_span(file: &str, source: &str, span: Range<usize>, message: String, hint: Option<String>) -> Self {
        LineIndex::new(source).diagnostic(file, span, message, hint)
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
            let at = text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i);
            snippet(text, at, at)
        });
        Diagnostic {
            severity: Severity::Error,
            file: escape_line(file),
            line: Some(line),
            column: Some(column),
            message: escape_line_cut(&message, MESSAGE_COLUMNS),
            hint: Some(escape_line_cut(&hint, MESSAGE_COLUMNS)),
            example: Vec::new(),
            snippet,
        }
    }

    /// The same problem with lines to copy shown under its hint.
    pub fn with_example(mut self, lines: Vec<String>) -> Self {
        self.example = lines.iter().map(|l| escape_line_cut(l, MESSAGE_COLUMNS)).collect();
        self
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
        for line in &self.example {
            let _ = writeln!(out, "{pad}       {line}");
        }
        out
    }
}

/// Where each line of a source starts, found once, so locating many problems costs a
/// binary search each instead of a count from the start of the file.
pub struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset of the first character of each line.
    starts: Vec<usize>,
    /// The last position located and its column: problems tend to come in file order, so
    /// the next column is counted from there rather than from the start of a long line.
    last: Cell<Option<(usize, usize)>>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `source`.
    pub fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(
                source
                    .bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex {
            source,
            starts,
            last: Cell::new(None),
        }
    }

    /// A problem at a byte range of the indexed source.
    pub fn diagnostic(&self, file: &str, span: Range<usize>, message: String, hint: Option<String>) -> Diagnostic {
        let (line, column, snippet) = self.locate(span);
        Diagnostic {
            severity: Severity::Error,
            file: escape_line(file),
            line: Some(line),
            column: Some(column),
            message: escape_line_cut(&message, MESSAGE_COLUMNS),
            hint: hint.map(|h| escape_line_cut(&h, MESSAGE_COLUMNS)),
            example: Vec::new(),
            snippet: Some(snippet),
        }
    }

    /// Line, column (1-based, in characters) and snippet of a byte span.
    fn locate(&self, span: Range<usize>) -> (usize, usize, Snippet) {
        let source = self.source;
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let line_index = self.starts.partition_point(|&s| s <= start).saturating_sub(1);
        let line_start = self.starts.get(line_index).copied().unwrap_or(0);
        let line_end = self
            .starts
            .get(line_index + 1)
            .map_or(source.len(), |&next| next.saturating_sub(1));
        let column = match self.last.get() {
            Some((at, column)) if at >= line_start && at <= start => {
                column + source.get(at..start).unwrap_or_default().chars().count()
            }
            _ => source.get(line_start..start).unwrap_or_default().chars().count() + 1,
        };
        self.last.set(Some((start, column)));
        let line_text = source
            .get(line_start..line_end)
            .unwrap_or_default()
            .trim_end_matches('\r');
        let snippet = snippet(line_text, start - line_start, end.min(line_end) - line_start);
        (line_index + 1, column, snippet)
    }
}

/// The part of `line` around the byte range `start..end` that fits [`SNIPPET_COLUMNS`],
/// escaped, with "…" where it was cut, and the marker's place in it. Only the characters
/// shown are looked at, so a line of two megabytes costs what a short one does.
fn snippet(line: &str, start: usize, end: usize) -> Snippet {
    let start = floor_char_boundary(line, start.min(line.len()));
    let end = floor_char_boundary(line, end.clamp(start, line.len()));
    let escaped_width = |c: char| {
        let mut buf = [0u8; 4];
        width(&escape_line(c.encode_utf8(&mut buf)))
    };
    // Up to a third of the room goes to what comes before the marker.
    let lead_room = SNIPPET_COLUMNS / 3;
    let before = line.get(..start).unwrap_or_default();
    let mut lead_start = start;
    let mut lead_width = 0;
    for (i, c) in before.char_indices().rev() {
        let w = escaped_width(c);
        if lead_width + w > lead_room {
            break;
        }
        lead_width += w;
        lead_start = i;
    }
    let mut text = String::new();
    if lead_start > 0 {
        text.push('…');
        lead_width += 1;
    }
    text.push_str(&escape_line(line.get(lead_start..start).unwrap_or_default()));
    let room = SNIPPET_COLUMNS.saturating_sub(lead_width);
    let marked = line.get(start..end).unwrap_or_default();
    let (shown_marked, cut) = escape_line_cut_told(marked, room);
    let marker_width = width(&shown_marked).max(1);
    text.push_str(&shown_marked);
    if !cut {
        let rest = line.get(end..).unwrap_or_default();
        text.push_str(&escape_line_cut(rest, room.saturating_sub(width(&shown_marked))));
    }
    Snippet {
        text,
        marker_offset: lead_width,
        marker_width,
    }
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    while index > 0 && !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The problems found in one file: the first [`MAX_SHOWN`] with their locations, and how
/// many more there are (counted, never built).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    shown: Vec<Diagnostic>,
    more: usize,
    /// Problems not told because another one causes them (references to an id that is
    /// itself wrong): counted in the summary line.
    follow_ons: usize,
}

impl Problems {
    /// No problems yet.
    pub fn new() -> Self {
        Problems::default()
    }

    /// A single problem.
    pub fn one(diagnostic: Diagnostic) -> Self {
        Problems {
            shown: vec![diagnostic],
            more: 0,
            follow_ons: 0,
        }
    }

    /// Whether [`MAX_SHOWN`] problems are kept already, so further ones need only counting.
    pub fn is_full(&self) -> bool {
        self.shown.len() >= MAX_SHOWN
    }

    /// Adds a problem, or counts it when enough are kept.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.is_full() {
            self.more += 1;
        } else {
            self.shown.push(diagnostic);
        }
    }

    /// Counts `n` further problems that are not shown.
    pub fn count_more(&mut self, n: usize) {
        self.more = self.more.saturating_add(n);
    }

    /// Counts `n` problems caused by others and not told.
    pub fn count_follow_ons(&mut self, n: usize) {
        self.follow_ons = self.follow_ons.saturating_add(n);
    }

    /// Problems caused by others and not told.
    pub fn follow_ons(&self) -> usize {
        self.follow_ons
    }

    /// Whether there are no problems at all.
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty() && self.more == 0
    }

    /// Every problem, shown or not.
    pub fn total(&self) -> usize {
        self.shown.len().saturating_add(self.more)
    }

    /// Problems found but not kept.
    pub fn omitted(&self) -> usize {
        self.more
    }

    /// The problems kept, in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.shown.iter()
    }

    /// The first problem.
    pub fn first(&self) -> Option<&Diagnostic> {
        self.shown.first()
    }

    /// Every kept problem rendered, then a line telling how many more were left out.
    pub fn render(&self, lang: Lang) -> String {
        let mut out: String = self.shown.iter().map(|d| d.render(lang)).collect();
        if self.more > 0 {
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Ja => format!(
                        "…ほかに {} 件の問題があります（最初の {MAX_SHOWN} 件だけを表示しています。上から直して、もう一度確かめてください）",
                        self.more
                    ),
                    Lang::En => format!(
                        "… and {} more problems (only the first {MAX_SHOWN} are shown: fix these, then check again)",
                        self.more
                    ),
                }
            );
        }
        out
    }

    /// One line closing a report: the file and how many problems it has.
    pub fn summary(&self, file: &str, lang: Lang) -> String {
        let file = escape_line(file);
        let line = match (lang, self.total()) {
            (Lang::Ja, n) => format!("{file}: 問題が {n} 件あります"),
            (Lang::En, 1) => format!("{file}: 1 problem"),
            (Lang::En, n) => format!("{file}: {n} problems"),
        };
        match (lang, self.follow_ons, self.total()) {
            (_, 0, _) => line,
            (Lang::Ja, n, 1) => format!("{line}（ほか {n} 件はこの誤りによるもの）"),
            (Lang::Ja, n, _) => format!("{line}（ほか {n} 件はこれらの誤りによるもの）"),
            (Lang::En, n, 1) => format!("{line} (and {n} more caused by it)"),
            (Lang::En, n, _) => format!("{line} (and {n} more caused by them)"),
        }
    }
}

impl<'p> IntoIterator for &'p Problems {
    type Item = &'p Diagnostic;
    type IntoIter = std::slice::Iter<'p, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.shown.iter()
    }
}

impl From<Diagnostic> for Problems {
    fn from(diagnostic: Diagnostic) -> Self {
        Problems::one(diagnostic)
    }
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

    #[test]
    fn a_line_break_in_a_message_cannot_start_a_line_of_its_own() {
        let d = Diagnostic::file_level("p.toml", "bad `x\n■ 課長級に推薦済み`".into(), "fix\tit".into());
        let text = d.render(Lang::Ja);
        assert!(!text.lines().any(|l| l.starts_with('■')), "{text}");
        assert!(text.contains("\\n■") && text.contains("fix\\tit"), "{text}");
    }

    #[test]
    fn snippets_of_long_lines_are_cut_around_the_marker() {
        let mut source = "x = [".to_string();
        source.push_str(&"\"kenshu\", ".repeat(100_000));
        source.push_str("\"bad\"]\n");
        let at = source.find("\"bad\"").expect("bad");
        let index = LineIndex::new(&source);
        let d = index.diagnostic("p.toml", at..at + 5, "m".into(), None);
        let snippet = d.snippet.as_ref().expect("snippet");
        assert!(width(&snippet.text) <= SNIPPET_COLUMNS, "{}", snippet.text);
        assert!(
            snippet.text.starts_with('…') && snippet.text.contains("\"bad\"]"),
            "{}",
            snippet.text
        );
        assert_eq!(snippet.marker_width, 5);
        assert_eq!(d.column, Some(at + 1), "ASCII: one column per byte");
        // The same place found again, and an earlier one, give the same answers.
        let again = index.diagnostic("p.toml", at..at + 5, "m".into(), None);
        assert_eq!(again, d);
        let first = index.diagnostic("p.toml", 5..13, "m".into(), None);
        assert_eq!((first.line, first.column), (Some(1), Some(6)));
    }

    #[test]
    fn problems_past_the_bound_are_counted_not_kept() {
        let mut problems = Problems::new();
        for _ in 0..MAX_SHOWN + 5 {
            problems.push(Diagnostic::file_level("p.toml", "m".into(), "h".into()));
        }
        assert_eq!((problems.iter().count(), problems.total()), (MAX_SHOWN, MAX_SHOWN + 5));
        let text = problems.render(Lang::En);
        assert!(text.ends_with("… and 5 more problems (only the first 100 are shown: fix these, then check again)\n"));
        assert!(problems.render(Lang::Ja).contains("ほかに 5 件の問題があります"));
        assert_eq!(problems.summary("p.toml", Lang::En), "p.toml: 105 problems");
    }
}
