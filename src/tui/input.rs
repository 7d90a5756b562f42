//! Decoding the terminal's input bytes into key, paste and mouse events (Unix).
//!
//! crossterm's own decoder waits without limit for the end of an escape sequence: after
//! Alt-`[` then `?` (`ESC [ ?`) it swallows every key, `q` and Ctrl-C included, until a `c`
//! or `u` happens to arrive. This decoder bounds every sequence: by length, and by time (a
//! sequence still incomplete when the input pauses is given up and its bytes read as keys),
//! and an ESC always starts afresh. It yields crossterm's event types, so the rest of the app
//! does not care which decoder ran.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// Longest escape sequence kept; anything longer is not one we know and is dropped.
const MAX_SEQUENCE: usize = 32;
/// Largest paste taken in (bytes); the rest of a bigger one is dropped. A text field holds
/// far less (`forms::text::MAX_CHARS`) and says how much of a paste it left out.
pub const MAX_PASTE: usize = 1 << 20;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A plain character, with Shift for upper-case letters as crossterm reports them.
fn char_key(c: char, extra: KeyModifiers) -> Event {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), shift | extra)
}

/// xterm's modifier parameter (1 + bits: 1 Shift, 2 Alt, 4 Ctrl).
fn modifiers(param: u16) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// The outcome of looking at the bytes at the front of the buffer.
enum Step {
    /// Bytes consumed and what they meant (nothing for sequences we ignore).
    Done(usize, Option<Event>),
    /// The bytes may be the start of something longer: wait for more.
    NeedMore,
}

/// A control byte or a character as a key.
fn single(byte: u8) -> Option<Event> {
    Some(match byte {
        b'\r' | b'\n' => key(KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => key(KeyCode::Tab, KeyModifiers::NONE),
        0x7f | 0x08 => key(KeyCode::Backspace, KeyModifiers::NONE),
        0x1b => key(KeyCode::Esc, KeyModifiers::NONE),
        0 => key(KeyCode::Char(' '), KeyModifiers::CONTROL),
        1..=26 => key(KeyCode::Char(char::from(b'a' + byte - 1)), KeyModifiers::CONTROL),
        28..=31 => key(KeyCode::Char(char::from(b'4' + byte - 28)), KeyModifiers::CONTROL),
        _ => return None,
    })
}

/// A CSI sequence (`ESC [ params final`) as an event, if it is one we know.
fn csi(params: &[u8], last: u8) -> Option<Event> {
    let text = std::str::from_utf8(params).ok()?;
    if let Some(rest) = text.strip_prefix('<') {
        return sgr_mouse(rest, last);
    }
    let numbers: Vec<u16> = text.split(';').map(|p| p.parse().unwrap_or(1)).collect();
    let mods = modifiers(numbers.get(1).copied().unwrap_or(1));
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        b'~' => match numbers.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F(u8::try_from(n - 10).ok()?),
            n @ 17..=21 => KeyCode::F(u8::try_from(n - 11).ok()?),
            n @ 23..=24 => KeyCode::F(u8::try_from(n - 12).ok()?),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, mods))
}

/// An SGR mouse report: `ESC [ < button ; column ; row M|m` (1-based).
fn sgr_mouse(params: &str, last: u8) -> Option<Event> {
    let mut parts = params.split(';').map(|p| p.parse::<u16>().ok());
    let (button, column, row) = (parts.next()??, parts.next()??, parts.next()??);
    // Low two bits: the button; 32: a drag; 64: the wheel.
    let kind = match (button & 3, last, button & 64 != 0, button & 32 != 0) {
        (0, _, true, _) => MouseEventKind::ScrollUp,
        (1, _, true, _) => MouseEventKind::ScrollDown,
        (b, b'M', false, true) => MouseEventKind::Drag(mouse_button(b)?),
        (b, b'M', false, false) => MouseEventKind::Down(mouse_button(b)?),
        (b, b'm', false, _) => MouseEventKind::Up(mouse_button(b)?),
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers: KeyModifiers::NONE,
    }))
}

fn mouse_button(bits: u16) -> Option<MouseButton> {
    match bits & 3 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    }
}

/// Looks at an escape sequence at the front of `buf` (which starts with ESC).
fn escape(buf: &[u8]) -> Step {
    let Some(&second) = buf.get(1) else {
        return Step::NeedMore;
    };
    match second {
        b'[' => {
            // Parameters and intermediates run until a final byte 0x40..=0x7e.
            for (i, &b) in buf.iter().enumerate().skip(2) {
                match b {
                    0x1b => return Step::Done(i, None),
                    0x40..=0x7e => {
                        let params = buf.get(2..i).unwrap_or(&[]);
                        return Step::Done(i + 1, csi(params, b));
                    }
                    0x20..=0x3f => {}
                    _ => return Step::Done(i, None),
                }
                if i >= MAX_SEQUENCE {
                    return Step::Done(i + 1, None);
                }
            }
            Step::NeedMore
        }
        b'O' => match buf.get(2) {
            None => Step::NeedMore,
            Some(&b) => Step::Done(3, csi(b"", b)),
        },
        0x1b => Step::Done(1, single(0x1b)),
        _ => match char_at(buf, 1) {
            CharAt::Char(c, len) => Step::Done(1 + len, Some(char_key(c, KeyModifiers::ALT))),
            // ESC then a control key (Esc typed quickly before Ctrl-S, Enter …): two keys.
            CharAt::Control(_) => Step::Done(1, single(0x1b)),
            CharAt::Incomplete => Step::NeedMore,
            CharAt::Invalid => Step::Done(2, None),
        },
    }
}

enum CharAt {
    Char(char, usize),
    Control(u8),
    Incomplete,
    Invalid,
}

/// The character starting at `buf[at]`.
fn char_at(buf: &[u8], at: usize) -> CharAt {
    let Some(&first) = buf.get(at) else {
        return CharAt::Incomplete;
    };
    if first < 0x20 || first == 0x7f {
        return CharAt::Control(first);
    }
    let len = match first {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return CharAt::Invalid,
    };
    let Some(bytes) = buf.get(at..at + len) else {
        return CharAt::Incomplete;
    };
    match std::str::from_utf8(bytes).ok().and_then(|s| s.chars().next()) {
        Some(c) => CharAt::Char(c, len),
        None => CharAt::Invalid,
    }
}

impl Decoder {
    /// Feeds bytes read from the terminal; returns the events complete so far.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        self.drain(false)
    }

    /// The input paused: whatever is still pending is taken as it stands (a lone ESC is the
    /// Esc key; an unfinished sequence is read as the keys it was made of).
    pub fn flush(&mut self) -> Vec<Event> {
        self.drain(true)
    }

    /// Whether bytes are waiting for more (the caller should flush after a short pause).
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty() && self.paste.is_none()
    }

    fn drain(&mut self, flush: bool) -> Vec<Event> {
        let mut out = Vec::new();
        loop {
            if self.paste.is_some() {
                if !self.take_paste(&mut out) {
                    break;
                }
                continue;
            }
            if self.pending.is_empty() {
                break;
            }
            if self.pending.starts_with(PASTE_START) {
                self.pending.drain(..PASTE_START.len());
                self.paste = Some(Vec::new());
                continue;
            }
            let step = match self.pending.first() {
                Some(0x1b) => escape(&self.pending),
                Some(_) => match char_at(&self.pending, 0) {
                    CharAt::Char(c, len) => Step::Done(len, Some(char_key(c, KeyModifiers::NONE))),
                    CharAt::Control(b) => Step::Done(1, single(b)),
                    CharAt::Incomplete => Step::NeedMore,
                    CharAt::Invalid => Step::Done(1, None),
                },
                None => break,
            };
            match step {
                Step::Done(n, decoded) => {
                    self.pending.drain(..n.min(self.pending.len()));
                    out.extend(decoded);
                }
                Step::NeedMore if flush => {
                    // Give the sequence up: ESC alone, then the rest as ordinary input.
                    let first = self.pending.remove(0);
                    if first == 0x1b {
                        match self.pending.first().copied() {
                            Some(b) if b >= 0x20 && b != 0x7f && b < 0x80 => {
                                self.pending.remove(0);
                                out.push(char_key(char::from(b), KeyModifiers::ALT));
                            }
                            _ => out.extend(single(0x1b)),
                        }
                    }
                }
                Step::NeedMore => break,
            }
        }
        out
    }

    /// Collects paste bytes up to the end marker; true when the paste ended.
    fn take_paste(&mut self, out: &mut Vec<Event>) -> bool {
        let Some(paste) = &mut self.paste else { return false };
        let end = self.pending.windows(PASTE_END.len()).position(|w| w == PASTE_END);
        let take = end.unwrap_or_else(|| {
            // Keep a possible start of the end marker for the next read.
            self.pending.len().saturating_sub(PASTE_END.len() - 1)
        });
        let room = MAX_PASTE.saturating_sub(paste.len());
        paste.extend(self.pending.iter().take(take.min(room)));
        self.pending.drain(..take);
        if end.is_none() {
            return false;
        }
        self.pending.drain(..PASTE_END.len());
        let bytes = self.paste.take().unwrap_or_default();
        out.push(Event::Paste(String::from_utf8_lossy(&bytes).into_owned()));
        true
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn keys(decoded: &[Event]) -> Vec<(KeyCode, KeyModifiers)> {
        decoded
            .iter()
            .filter_map(|d| match d {
                Event::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn a_stray_csi_prefix_never_swallows_later_keys() {
        let mut d = Decoder::default();
        // Alt-[ then ?: crossterm would wait here for `c` or `u` forever.
        let mut out = d.feed(b"\x1b[?");
        assert!(out.is_empty());
        out.extend(d.flush());
        out.extend(d.feed(b"q"));
        assert_eq!(
            keys(&out),
            [
                (KeyCode::Char('['), KeyModifiers::ALT),
                (KeyCode::Char('?'), NONE),
                (KeyCode::Char('q'), NONE)
            ]
        );
        // An unknown but complete sequence is dropped, not typed.
        assert_eq!(keys(&d.feed(b"\x1b[?1;2cq")), [(KeyCode::Char('q'), NONE)]);
    }

    #[test]
    fn arrows_function_keys_and_japanese_text() {
        let mut d = Decoder::default();
        let out = d.feed("\x1b[A\x1bOB\x1b[3~\x1b[21~\x1b[1;5C主任\r\x7f\x03".as_bytes());
        assert_eq!(
            keys(&out),
            [
                (KeyCode::Up, NONE),
                (KeyCode::Down, NONE),
                (KeyCode::Delete, NONE),
                (KeyCode::F(10), NONE),
                (KeyCode::Right, KeyModifiers::CONTROL),
                (KeyCode::Char('主'), NONE),
                (KeyCode::Char('任'), NONE),
                (KeyCode::Enter, NONE),
                (KeyCode::Backspace, NONE),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
            ]
        );
    }

    #[test]
    fn a_lone_escape_is_the_esc_key_after_a_pause() {
        let mut d = Decoder::default();
        assert!(d.feed(b"\x1b").is_empty());
        assert!(d.waiting());
        assert_eq!(keys(&d.flush()), [(KeyCode::Esc, NONE)]);
    }

    #[test]
    fn esc_typed_quickly_before_a_control_key_is_two_keys() {
        let mut d = Decoder::default();
        assert_eq!(
            keys(&d.feed(b"\x1b\x13")),
            [(KeyCode::Esc, NONE), (KeyCode::Char('s'), KeyModifiers::CONTROL)]
        );
        assert_eq!(keys(&d.feed(b"\x1bx")), [(KeyCode::Char('x'), KeyModifiers::ALT)]);
    }

    #[test]
    fn a_character_split_across_reads_is_whole() {
        let mut d = Decoder::default();
        let bytes = "主".as_bytes();
        assert!(d.feed(&bytes[..1]).is_empty());
        assert_eq!(keys(&d.feed(&bytes[1..])), [(KeyCode::Char('主'), NONE)]);
    }

    #[test]
    fn a_paste_is_text_even_when_split_and_full_of_key_like_bytes() {
        let mut d = Decoder::default();
        let mut out = d.feed(b"\x1b[200~line one\r\n- minus\nq\x1b[");
        assert!(out.is_empty());
        out.extend(d.feed(b"A\x1b[20"));
        out.extend(d.feed(b"1~x"));
        assert_eq!(
            out.first(),
            Some(&(Event::Paste("line one\r\n- minus\nq\x1b[A".into())))
        );
        assert_eq!(keys(&out), [(KeyCode::Char('x'), NONE)]);
    }

    #[test]
    fn sgr_mouse_reports() {
        let mut d = Decoder::default();
        let out = d.feed(b"\x1b[<0;10;5M\x1b[<65;3;4M");
        assert_eq!(
            out,
            [
                (Event::Mouse(MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    column: 9,
                    row: 4,
                    modifiers: NONE
                })),
                (Event::Mouse(MouseEvent {
                    kind: MouseEventKind::ScrollDown,
                    column: 2,
                    row: 3,
                    modifiers: NONE
                })),
            ]
        );
    }

    #[test]
    fn any_bytes_decode_without_panic_and_memory_stays_bounded() {
        let mut d = Decoder::default();
        let mut seed = 12345u32;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let byte = (seed >> 16) as u8;
            let _ = d.feed(&[byte]);
            assert!(d.pending.len() <= MAX_SEQUENCE + 8 || d.paste.is_some());
        }
        let _ = d.flush();
    }
}
