//! Text helpers shared by every front end: display width (full-width characters take two
//! columns), padding and truncation by width, making untrusted text safe to print, and
//! "did you mean" suggestions.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A count with its thousands grouped: 2,000,000 (as counts are written in Japanese
/// reports too).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Columns `s` occupies in a terminal.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Stands for the second column of an East-Asian-ambiguous character laid out two columns
/// wide (`--ambiguous-wide`): a private-use character the width functions count as one
/// column, placed right after the character, so every measure, pad, cut and wrap of the
/// text reserves two columns for it. The terminal app's last drawing step turns the cell
/// it lands in into the character's second half; it never reaches a terminal or a file.
pub const WIDE_TAIL: char = '\u{E000}';

/// Whether `c` is East-Asian-ambiguous: one column in most terminals, two in terminals set
/// up for CJK (Tera Term, RLogin, Windows Terminal with ambiguous characters wide) — ○ ◎ ■
/// ▶ █ ░ ← → … — and box drawing. [`WIDE_TAIL`] is not counted, though it is private use.
pub fn is_ambiguous(c: char) -> bool {
    c != WIDE_TAIL && c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// Columns `s` occupies in a terminal that draws ambiguous characters two columns wide.
pub fn width_cjk(s: &str) -> usize {
    UnicodeWidthStr::width_cjk(s)
}

/// `s` padded with spaces on the right to `columns` display columns (never truncated).
pub fn pad_right(s: &str, columns: usize) -> String {
    let w = width(s);
    let mut out = String::with_capacity(s.len() + columns.saturating_sub(w));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

/// `s` cut to at most `columns` display columns, ending in "…" when cut. Never splits a
/// character.
pub fn truncate(s: &str, columns: usize) -> String {
    truncate_with(s, columns, "…")
}

/// `s` cut to at most `columns` display columns, ending in `ellipsis` when cut (an ASCII
/// `~`, or a `…` laid out two columns wide). Never splits a character, nor a character
/// from its [`WIDE_TAIL`].
pub fn truncate_with(s: &str, columns: usize, ellipsis: &str) -> String {
    if width(s) <= columns {
        return s.to_string();
    }
    let room = columns.saturating_sub(width(ellipsis));
    if room == 0 && columns < width(ellipsis) {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // A character and its tail go together, or not at all.
        let tail = usize::from(chars.peek() == Some(&WIDE_TAIL));
        let w = c.width().unwrap_or(0) + tail;
        if used + w > room {
            break;
        }
        out.push(c);
        if tail == 1 {
            out.push(WIDE_TAIL);
            chars.next();
        }
        used += w;
    }
    out.push_str(ellipsis);
    out
}

/// Characters that must not begin a line (行頭禁則): closing brackets and punctuation.
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        WIDE_TAIL
            | '、'
            | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '・'
            | '：'
            | '；'
            | '？'
            | '！'
            | 'ー'
            | ')'
            | ','
            | '.'
            | ':'
            | ';'
            | '!'
            | '?'
    )
}

/// Wraps `text` to lines of at most `columns` display columns. Japanese has no spaces to
/// break at, so lines break between any two characters, except that closing punctuation
/// never starts a line (the character before it moves down with it). Latin words are kept
/// whole when they fit on a line. Existing line breaks are kept.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        let chars: Vec<char> = paragraph.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            // A Latin word (letters, digits, `-`, `/`, …): take it whole when it fits on a line.
            if c.is_ascii_graphic() && !no_line_start(c) {
                let end = chars[i..]
                    .iter()
                    .position(|c| !c.is_ascii_graphic())
                    .map_or(chars.len(), |p| i + p);
                let word: String = chars[i..end].iter().collect();
                let w = width(&word);
                if used + w > columns && used > 0 && w <= columns {
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                    used = 0;
                }
                if w <= columns {
                    line.push_str(&word);
                    used += w;
                    i = end;
                    continue;
                }
            }
            let w = c.width().unwrap_or(0);
            if c == ' ' && line.is_empty() {
                // No line starts with a space.
                i += 1;
                continue;
            }
            if used + w > columns && used > 0 {
                // Closing punctuation may not start a line: take the character before it
                // along to the next line (追い出し), unless nothing would be left behind;
                // no line is ever wider than asked.
                // A character laid out two columns wide goes with its tail.
                let take = match line.chars().rev().take(2).collect::<Vec<char>>()[..] {
                    [WIDE_TAIL, _] => 2,
                    _ => 1,
                };
                let carried: String = line.chars().skip(line.chars().count().saturating_sub(take)).collect();
                let carried = if no_line_start(c) && line.chars().count() > take && width(&carried) + w <= columns {
                    for _ in 0..take {
                        line.pop();
                    }
                    Some(carried)
                } else {
                    None
                };
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                used = 0;
                if let Some(p) = carried {
                    used += width(&p);
                    line.push_str(&p);
                }
                if c == ' ' {
                    i += 1;
                    continue;
                }
            }
            line.push(c);
            used += w;
            i += 1;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Wraps one line like [`wrap`], keeping its leading spaces on every line it becomes, and
/// hanging the lines after the first under the text of a 「・」 bullet.
pub fn wrap_hanging(line: &str, columns: usize) -> Vec<String> {
    let body = line.trim_start_matches(' ');
    let indent = width(line).saturating_sub(width(body));
    let hang = if body.starts_with('・') { indent + 2 } else { indent };
    wrap(body, columns.saturating_sub(hang).max(2))
        .into_iter()
        .enumerate()
        .map(|(i, l)| format!("{}{l}", " ".repeat(if i == 0 { indent } else { hang })))
        .collect()
}

/// Display column of the character at `char_index` in `s` (where a text cursor goes).
pub fn column_of(s: &str, char_index: usize) -> usize {
    s.chars().take(char_index).map(|c| c.width().unwrap_or(0)).sum()
}

/// Whether `c` must never reach a terminal raw: C0 controls other than tab and line feed,
/// DEL, C1 controls, and bidirectional formatting characters (they reorder what a reader
/// sees, "Trojan Source").
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every forbidden character (and carriage return) shown as a visible `\u{..}`
/// escape, so text from a file can be printed in an error message safely.
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_forbidden_char(c) || c == '\r' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` made safe to print as part of one line: like [`escape_controls`], and line feeds and
/// tabs shown as `\n` and `\t` too, so text from a file can never start a line of its own
/// in a report (a forged heading) or push columns apart.
pub fn escape_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_forbidden_char(c) || c == '\r' => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Whether `s` prints as it is on one line: nothing [`escape_line`] would escape. Text
/// with no control byte and none of the bytes that start a C1 control or a bidi control
/// (0xC2, 0xD8, 0xE2) is passed on a byte scan alone.
pub fn is_line_safe(s: &str) -> bool {
    if !s
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2)
    {
        return true;
    }
    !s.chars()
        .any(|c| matches!(c, '\n' | '\t' | '\r') || is_forbidden_char(c))
}

/// `s` escaped as [`escape_line`] does and cut to at most `columns` display columns, ending
/// in "…" when cut. Only the part kept is looked at, so a megabyte of text costs no more
/// than a short one.
pub fn escape_line_cut(s: &str, columns: usize) -> String {
    escape_line_cut_told(s, columns).0
}

/// [`escape_line_cut`], and whether the text was cut.
pub fn escape_line_cut_told(s: &str, columns: usize) -> (String, bool) {
    let mut out = String::new();
    let mut used = 0;
    let mut chars = s.chars();
    let mut buf = [0u8; 4];
    while let Some(c) = chars.next() {
        let piece = escape_line(c.encode_utf8(&mut buf));
        let w = width(&piece);
        if used + w > columns.saturating_sub(1) && (used + w > columns || chars.clone().next().is_some()) {
            out.push('…');
            return (out, true);
        }
        out.push_str(&piece);
        used += w;
    }
    (out, false)
}

/// Longest text looked up for "did you mean": ids are at most 64 characters, so anything
/// longer is no typo of one, and comparing it would cost time for nothing.
const MAX_SUGGESTION_INPUT: usize = 80;

/// Most candidates compared for one suggestion, so a file naming tens of thousands of ids
/// cannot make each suggestion slow.
const MAX_SUGGESTION_CANDIDATES: usize = 2_000;

/// Edit distance over characters where swapping two neighbours counts as one edit
/// (optimal string alignment), the commonest typo in ids.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The candidate closest to `wanted`, when it is close enough to be a likely typo. Bounded
/// work: candidates whose length alone rules them out are skipped without comparing, and
/// at most [`MAX_SUGGESTION_CANDIDATES`] are compared.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = wanted.chars().count();
    if length > MAX_SUGGESTION_INPUT {
        return None;
    }
    let limit = (length / 3).max(2);
    candidates
        .into_iter()
        // Byte length bounds character count from above, so this never drops a candidate
        // that the exact test below would keep.
        .filter(|c| c.len() + limit >= length && c.chars().count().abs_diff(length) <= limit)
        .take(MAX_SUGGESTION_CANDIDATES)
        .map(|c| (edit_distance(wanted, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(3_000_000), "3,000,000");
        assert_eq!(grouped(12_345), "12,345");
    }

    #[test]
    fn full_width_text_is_two_columns_per_character() {
        assert_eq!(width("主任級"), 6);
        assert_eq!(pad_right("主任", 6), "主任  ");
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("管理能力発揮期", 6), "管理…");
        assert_eq!(truncate("管理能力発揮期", 7), "管理能…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 0), "");
    }

    #[test]
    fn control_characters_are_escaped_not_printed() {
        assert_eq!(escape_controls("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_controls("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_controls("主事\tok"), "主事\tok");
    }

    #[test]
    fn a_hanging_wrap_keeps_the_indent_and_hangs_a_bullet() {
        assert_eq!(
            wrap_hanging("  ・能力 3 件: 行政経営能力、組織管理能力", 20),
            ["  ・能力 3 件: 行", "    政経営能力、組織", "    管理能力"]
        );
        assert_eq!(wrap_hanging("  a b", 10), ["  a b"]);
        for line in wrap_hanging("    ・長い説明の文章をここに書きます", 12) {
            assert!(width(&line) <= 12, "{line}");
        }
    }

    #[test]
    fn japanese_wraps_by_width_and_keeps_punctuation_off_line_starts() {
        let lines = wrap(
            "職務に関して必要な知識・技能を身につけ、職務を正確・迅速に処理する。",
            10,
        );
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with(['、', '。', '・'])), "{lines:?}");
        assert_eq!(
            lines.concat(),
            "職務に関して必要な知識・技能を身につけ、職務を正確・迅速に処理する。"
        );
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("DX 推進", 4), ["DX", "推進"]);
        assert_eq!(wrap("日付は YYYY-MM-DD。", 12), ["日付は", "YYYY-MM-DD。"]);
        // 「例示）」 would overflow by its bracket: 示 moves down with it.
        assert_eq!(wrap("必要 5（段階は例示）", 18), ["必要 5（段階は例", "示）"]);
        // A symbol laid out two columns wide moves down whole, its tail with it.
        let wide = format!("表の◎{WIDE_TAIL}・○{WIDE_TAIL}");
        assert_eq!(wrap(&wide, 7), ["表の", &format!("◎{WIDE_TAIL}・○{WIDE_TAIL}")]);
    }

    #[test]
    fn cursor_columns_count_display_width() {
        assert_eq!(column_of("主任abc", 2), 4);
        assert_eq!(column_of("主任abc", 3), 5);
        assert_eq!(column_of("", 5), 0);
    }

    #[test]
    fn suggestions_find_typos_only() {
        assert_eq!(closest("shunni", ["shuji", "shunin", "kacho"]), Some("shunin"));
        assert_eq!(closest("zzzzzz", ["shuji", "shunin"]), None);
        assert_eq!(closest(&"a".repeat(10_000), ["aaa"]), None);
    }

    #[test]
    fn long_text_is_cut_after_escaping() {
        assert_eq!(escape_line_cut("abc", 3), "abc");
        assert_eq!(escape_line_cut("abcd", 3), "ab…");
        assert_eq!(escape_line_cut("a\nb", 3), "a…");
        assert_eq!(escape_line_cut(&"主".repeat(1_000_000), 5), "主主…");
    }

    #[test]
    fn one_line_escapes_break_lines_and_tabs() {
        assert_eq!(escape_line("a\n■ b\tc\u{1b}"), "a\\n■ b\\tc\\u{1b}");
    }

    proptest::proptest! {
        #[test]
        fn wrapped_lines_fit_and_lose_no_text(text in "[あ-ん漢字、。）「」 a-z0-9-]{0,80}", columns in 2usize..40) {
            let lines = wrap(&text, columns);
            let longest_word = text.split(|c: char| !c.is_ascii_graphic()).map(width).max().unwrap_or(0);
            if longest_word <= columns {
                for l in &lines {
                    proptest::prop_assert!(width(l) <= columns, "{:?} wider than {}", l, columns);
                }
            }
            let squeeze = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
            proptest::prop_assert_eq!(squeeze(&lines.concat()), squeeze(&text));
        }

        #[test]
        fn line_safe_text_is_what_escaping_leaves_as_it_is(text in "[あ◎○…―a\u{0}-\u{1f}\u{7f}-\u{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{61c}\u{200e}]{0,12}") {
            proptest::prop_assert_eq!(is_line_safe(&text), escape_line(&text) == text);
        }
    }
}
