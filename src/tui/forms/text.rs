//! A text field, one line or several. The cursor is a character index shown at its display
//! column, so full-width text and the IME's composition window line up. Pasted text goes in
//! whole: line breaks are kept in a multi-line field and become spaces in a one-line field.

use unicode_width::UnicodeWidthChar;

use crate::text::is_forbidden_char;

/// Longest text a field accepts (characters); a paste beyond it is cut, and says so.
pub const MAX_CHARS: usize = 4000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    chars: Vec<char>,
    /// Cursor position in characters.
    cursor: usize,
    multiline: bool,
}

/// What an insertion did, so the caller can say when text was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inserted {
    pub kept: usize,
    pub dropped: usize,
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

impl TextInput {
    /// A one-line field holding `text` (line breaks become spaces), cursor at the end.
    pub fn new(text: &str) -> TextInput {
        let mut input = TextInput::default();
        input.insert_str(text);
        input
    }

    /// A multi-line field holding `text`, cursor at the end.
    pub fn multiline(text: &str) -> TextInput {
        let mut input = TextInput {
            multiline: true,
            ..TextInput::default()
        };
        input.insert_str(text);
        input
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Inserts typed or pasted text at the cursor. Control and bidi characters are dropped;
    /// `\r\n` and `\r` count as line breaks; tabs become spaces.
    pub fn insert_str(&mut self, text: &str) -> Inserted {
        let mut kept = 0;
        let mut dropped = 0;
        let mut previous_cr = false;
        for c in text.chars() {
            let c = match c {
                '\r' => {
                    previous_cr = true;
                    '\n'
                }
                '\n' if previous_cr => {
                    previous_cr = false;
                    continue;
                }
                '\t' => ' ',
                c => c,
            };
            if c != '\n' {
                previous_cr = false;
            }
            let c = if c == '\n' && !self.multiline { ' ' } else { c };
            if (c != '\n' && is_forbidden_char(c)) || self.chars.len() >= MAX_CHARS {
                dropped += 1;
                continue;
            }
            self.chars.insert(self.cursor, c);
            self.cursor += 1;
            kept += 1;
        }
        Inserted { kept, dropped }
    }

    pub fn insert_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    /// A line break in a multi-line field; nothing in a one-line field.
    pub fn new_line(&mut self) {
        if self.multiline {
            self.insert_str("\n");
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    pub fn clear_to_line_start(&mut self) {
        let start = self.line_start(self.cursor);
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    pub fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    pub fn end(&mut self) {
        self.cursor = self.line_end(self.cursor);
    }

    /// Moves to the line above (multi-line), keeping the display column where it can.
    pub fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            return;
        }
        let column = self.columns_between(start, self.cursor);
        let previous_start = self.line_start(start - 1);
        self.cursor = self.index_at_column(previous_start, start - 1, column);
    }

    /// Moves to the line below (multi-line), keeping the display column where it can.
    pub fn down(&mut self) {
        let end = self.line_end(self.cursor);
        if end >= self.chars.len() {
            return;
        }
        let column = self.columns_between(self.line_start(self.cursor), self.cursor);
        let next_start = end + 1;
        let next_end = self.line_end(next_start);
        self.cursor = self.index_at_column(next_start, next_end, column);
    }

    fn line_start(&self, at: usize) -> usize {
        self.chars
            .get(..at)
            .and_then(|before| before.iter().rposition(|c| *c == '\n'))
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.chars
            .get(at..)
            .and_then(|after| after.iter().position(|c| *c == '\n'))
            .map_or(self.chars.len(), |i| at + i)
    }

    fn columns_between(&self, from: usize, to: usize) -> usize {
        self.chars
            .get(from..to)
            .map_or(0, |s| s.iter().map(|c| char_width(*c)).sum())
    }

    fn index_at_column(&self, start: usize, end: usize, column: usize) -> usize {
        let mut used = 0;
        for i in start..end {
            let w = self.chars.get(i).map_or(0, |c| char_width(*c));
            if used + w > column {
                return i;
            }
            used += w;
        }
        end
    }

    /// Display column of the cursor in a one-line field.
    pub fn cursor_column(&self) -> usize {
        self.columns_between(0, self.cursor)
    }

    /// The part of a one-line field to show in `width` columns, and the cursor's column
    /// within it: the view scrolls so the cursor stays visible, never cutting a wide
    /// character.
    pub fn visible(&self, width: usize) -> (String, usize) {
        let width = width.max(2);
        let cursor_col = self.cursor_column();
        let start_col = cursor_col.saturating_sub(width - 1);
        let mut shown = String::new();
        let mut col = 0;
        let mut skipped = 0;
        for c in &self.chars {
            let w = char_width(*c);
            if col < start_col {
                skipped += w;
            } else if col + w <= start_col + width {
                shown.push(*c);
            }
            col += w;
        }
        (shown, cursor_col.saturating_sub(skipped))
    }

    /// A multi-line field laid out in `width` columns: the display lines (long lines
    /// wrapped by width) and the cursor's (row, column).
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(2);
        let mut lines = vec![String::new()];
        let mut col = 0;
        let mut cursor = (0, 0);
        for (i, c) in self.chars.iter().enumerate() {
            if i == self.cursor {
                cursor = (lines.len() - 1, col);
            }
            if *c == '\n' {
                lines.push(String::new());
                col = 0;
                continue;
            }
            let w = char_width(*c);
            if col + w > width {
                lines.push(String::new());
                col = 0;
                if i == self.cursor {
                    cursor = (lines.len() - 1, 0);
                }
            }
            if let Some(line) = lines.last_mut() {
                line.push(*c);
            }
            col += w;
        }
        if self.cursor >= self.chars.len() {
            if col >= width {
                lines.push(String::new());
                col = 0;
            }
            cursor = (lines.len() - 1, col);
        }
        (lines, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_japanese_puts_the_cursor_at_its_display_column() {
        let mut input = TextInput::new("");
        for c in "主任a".chars() {
            input.insert_char(c);
        }
        assert_eq!(input.text(), "主任a");
        assert_eq!(input.cursor_column(), 5);
        input.left();
        input.backspace();
        assert_eq!(input.text(), "主a");
        assert_eq!(input.cursor_column(), 2);
    }

    #[test]
    fn control_characters_are_never_typed_in() {
        let mut input = TextInput::new("a\u{1b}b");
        input.insert_char('\u{7}');
        assert_eq!(input.text(), "ab");
    }

    #[test]
    fn a_paste_keeps_line_breaks_only_in_multi_line_fields() {
        let mut one = TextInput::new("");
        one.insert_str("一行目\r\n二行目\n三行目");
        assert_eq!(one.text(), "一行目 二行目 三行目");
        let mut many = TextInput::multiline("");
        many.insert_str("一行目\r\n二行目\r三行目");
        assert_eq!(many.text(), "一行目\n二行目\n三行目");
    }

    #[test]
    fn a_paste_beyond_the_limit_is_cut_and_counted() {
        let mut input = TextInput::new("");
        let long = "あ".repeat(MAX_CHARS + 10);
        let result = input.insert_str(&long);
        assert_eq!(result.kept, MAX_CHARS);
        assert_eq!(result.dropped, 10);
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let input = TextInput::new("職務を正確・迅速に処理する");
        let (shown, col) = input.visible(10);
        assert!(crate::text::width(&shown) <= 10);
        assert!(col <= 10);
        assert!(shown.ends_with("する"));
    }

    #[test]
    fn up_and_down_keep_the_column_across_lines() {
        let mut input = TextInput::multiline("abcd\n主任\nxy");
        input.up();
        assert_eq!(input.layout(20).1, (1, 2), "after 主 (two columns)");
        input.up();
        assert_eq!(input.layout(20).1, (0, 2));
        input.end();
        input.down();
        assert_eq!(input.layout(20).1, (1, 4), "column 4 is past 主任's end");
        input.down();
        assert_eq!(input.layout(20).1, (2, 2));
    }

    #[test]
    fn multi_line_layout_wraps_by_display_width() {
        let input = TextInput::multiline("あいうえお\nab");
        let (lines, cursor) = input.layout(6);
        assert_eq!(lines, ["あいう", "えお", "ab"]);
        assert_eq!(cursor, (2, 2));
    }
}
