//! A one-line text field. The cursor is kept as a character index and shown at its display
//! column, so full-width text and the IME's composition window line up.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::text::{column_of, is_forbidden_char};

/// Longest text a field accepts (characters).
const MAX_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        let text: String = text.chars().filter(|c| !is_forbidden_char(*c) && *c != '\n').collect();
        let cursor = text.chars().count();
        TextInput { text, cursor }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Display column of the cursor from the start of the text.
    pub fn cursor_column(&self) -> usize {
        column_of(&self.text, self.cursor)
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Applies an editing key; returns whether it was one.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let len = self.text.chars().count();
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                if !is_forbidden_char(c) && len < MAX_CHARS {
                    let at = self.byte_at(self.cursor);
                    self.text.insert(at, c);
                    self.cursor += 1;
                }
            }
            KeyCode::Char('u') => {
                let at = self.byte_at(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char('a') => self.cursor = 0,
            KeyCode::Char('e') => self.cursor = len,
            KeyCode::Backspace if self.cursor > 0 => {
                let (start, end) = (self.byte_at(self.cursor - 1), self.byte_at(self.cursor));
                self.text.replace_range(start..end, "");
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let (start, end) = (self.byte_at(self.cursor), self.byte_at(self.cursor + 1));
                self.text.replace_range(start..end, "");
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            _ => return false,
        }
        true
    }

    /// The part of the text to show in `width` columns, and the cursor's column within it:
    /// the view scrolls so the cursor stays visible, never cutting a wide character.
    pub fn visible(&self, width: usize) -> (String, usize) {
        let width = width.max(2);
        let cursor_col = self.cursor_column();
        let start_col = cursor_col.saturating_sub(width - 1);
        let mut shown = String::new();
        let mut col = 0;
        for c in self.text.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if col >= start_col && col + w <= start_col + width {
                shown.push(c);
            }
            col += w;
        }
        // A wide character straddling the left edge is dropped: shift the cursor with it.
        let skipped: usize = self
            .text
            .chars()
            .scan(0, |acc, c| {
                let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                let here = *acc;
                *acc += w;
                Some((here, w))
            })
            .filter(|(here, _)| *here < start_col)
            .map(|(_, w)| w)
            .sum();
        (shown, cursor_col.saturating_sub(skipped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(input: &mut TextInput, code: KeyCode) {
        input.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    #[test]
    fn typing_japanese_puts_the_cursor_at_its_display_column() {
        let mut input = TextInput::new("");
        for c in "主任a".chars() {
            press(&mut input, KeyCode::Char(c));
        }
        assert_eq!(input.text(), "主任a");
        assert_eq!(input.cursor_column(), 5);
        press(&mut input, KeyCode::Left);
        press(&mut input, KeyCode::Backspace);
        assert_eq!(input.text(), "主a");
        assert_eq!(input.cursor_column(), 2);
    }

    #[test]
    fn control_characters_are_never_typed_in() {
        let mut input = TextInput::new("a\u{1b}b");
        press(&mut input, KeyCode::Char('\u{7}'));
        assert_eq!(input.text(), "ab");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let input = TextInput::new("職務を正確・迅速に処理する");
        let (shown, col) = input.visible(10);
        assert!(crate::text::width(&shown) <= 10);
        assert!(col <= 10);
        assert!(shown.ends_with("する"));
    }
}
