//! Michi's own symbols, and text made safe for the terminal's idea of width.
//!
//! East-Asian-ambiguous characters (○ ◎ ■ ▶ █ ░ ← → … and box drawing) are one column in
//! most terminals and two in terminals set up for Japanese (Tera Term, RLogin, Windows
//! Terminal with CJK settings). ratatui always lays them out as one, so on those terminals
//! every row holding one is pushed out of line. Three modes answer it:
//!
//! - [`GlyphMode::Unicode`]: the symbols as they are (most terminals).
//! - [`GlyphMode::Ascii`] (`--ascii`): every symbol, marker, bar and arrow is ASCII
//!   ([`Glyphs::ASCII`]), and text from the documents and the user is transliterated
//!   ([`ascii_for`]: ① → (1), ※ → *, → → ->) before it is measured; Japanese stays.
//! - [`GlyphMode::Wide`] (`--ambiguous-wide`): the symbols stay, laid out two columns wide:
//!   each ambiguous character is followed by [`WIDE_TAIL`], which every width function
//!   counts as a column, so pads, cuts, wraps and borders reserve two columns for it, and
//!   [`settle`] turns that column into the character's second half when the frame is done.
//!   Borders are ASCII there (a border line cannot be two columns wide).
//!
//! [`settle`] is also the safety net: whatever ambiguous character still stands alone in a
//! frame in the ASCII or wide mode (a string drawn without [`super::Theme::text`]) becomes
//! a one-column look-alike, so a row can never be pushed out of line.

use ratatui::buffer::Buffer;
use ratatui::buffer::CellDiffOption;
use std::num::NonZeroU16;

pub use crate::text::WIDE_TAIL;
use crate::text::is_ambiguous;

/// How ambiguous-width characters are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GlyphMode {
    #[default]
    Unicode,
    /// `--ascii`: ASCII symbols and borders.
    Ascii,
    /// `--ambiguous-wide`: symbols kept and laid out two columns wide; ASCII borders.
    Wide,
}

/// Every symbol the screens draw, in the mode's form. Draw with these, never with a
/// literal ▶ or ◎, so `--ascii` and `--ambiguous-wide` hold everywhere and legends match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Before the selected row of a list, with its space (selection never rests on colour).
    pub selected: &'static str,
    /// Before a section heading.
    pub bullet: &'static str,
    /// ◎: the document's mark for 特に求められる (key).
    pub key_mark: &'static str,
    /// ○: the document's mark for 求められる (expected).
    pub expected_mark: &'static str,
    /// ●: the current grade on the path.
    pub current: &'static str,
    /// ◀: beside the target grade.
    pub target: &'static str,
    /// ✓: a training taken.
    pub done: &'static str,
    /// A ticked and an open checkbox.
    pub ticked: &'static str,
    pub unticked: &'static str,
    /// Level bars and the rotation timeline: a level (a year) held, missing, beyond.
    pub bar_have: &'static str,
    pub bar_missing: &'static str,
    pub bar_beyond: &'static str,
    /// The end of a rotation rule's window on the timeline.
    pub window_end: &'static str,
    /// Arrows in text.
    pub right: &'static str,
    pub left: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    /// A short rule before a heading inside a list (── 記録メモ).
    pub rule: &'static str,
    /// Ends a cut text.
    pub ellipsis: &'static str,
    /// Before an "add …" row.
    pub add: &'static str,
    /// Around a form's choice.
    pub choice_left: &'static str,
    pub choice_right: &'static str,
    /// A goal's status: planned, in progress, done, dropped.
    pub goal_planned: &'static str,
    pub goal_in_progress: &'static str,
    pub goal_done: &'static str,
    pub goal_dropped: &'static str,
    /// Between the parts of the header line.
    pub divider: &'static str,
    /// Between a name and what follows (a dash).
    pub dash: &'static str,
}

/// `c` followed by its tail, as a literal.
macro_rules! wide {
    ($c:literal) => {
        concat!($c, "\u{E000}")
    };
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        selected: "▶ ",
        bullet: "■",
        key_mark: "◎",
        expected_mark: "○",
        current: "●",
        target: "◀",
        done: "✓",
        ticked: "[✓]",
        unticked: "[ ]",
        bar_have: "█",
        bar_missing: "░",
        bar_beyond: "·",
        window_end: "┆",
        right: "→",
        left: "←",
        up: "↑",
        down: "↓",
        rule: "──",
        ellipsis: "…",
        add: "＋",
        choice_left: "◀",
        choice_right: "▶",
        goal_planned: "○",
        goal_in_progress: "◐",
        goal_done: "●",
        goal_dropped: "×",
        divider: "│",
        dash: "—",
    };

    pub const ASCII: Glyphs = Glyphs {
        selected: "> ",
        bullet: "#",
        key_mark: "@",
        expected_mark: "o",
        current: "=",
        target: "<",
        done: "v",
        ticked: "[x]",
        unticked: "[ ]",
        bar_have: "#",
        bar_missing: "-",
        bar_beyond: ".",
        window_end: "|",
        right: "->",
        left: "<-",
        up: "^",
        down: "v",
        rule: "--",
        ellipsis: "~",
        add: "+",
        choice_left: "<",
        choice_right: ">",
        goal_planned: "[ ]",
        goal_in_progress: "[~]",
        goal_done: "[x]",
        goal_dropped: "[-]",
        divider: "|",
        dash: "-",
    };

    /// The Unicode symbols, each ambiguous one laid out two columns wide.
    pub const WIDE: Glyphs = Glyphs {
        selected: concat!(wide!("▶"), " "),
        bullet: wide!("■"),
        key_mark: wide!("◎"),
        expected_mark: wide!("○"),
        current: wide!("●"),
        target: wide!("◀"),
        done: "✓",
        ticked: "[✓]",
        unticked: "[ ]",
        bar_have: wide!("█"),
        bar_missing: "░",
        bar_beyond: wide!("·"),
        window_end: wide!("┆"),
        right: wide!("→"),
        left: wide!("←"),
        up: wide!("↑"),
        down: wide!("↓"),
        rule: concat!(wide!("─"), wide!("─")),
        ellipsis: wide!("…"),
        add: "＋",
        choice_left: wide!("◀"),
        choice_right: wide!("▶"),
        goal_planned: wide!("○"),
        goal_in_progress: wide!("◐"),
        goal_done: wide!("●"),
        goal_dropped: wide!("×"),
        divider: "|",
        dash: wide!("—"),
    };

    pub fn of(mode: GlyphMode) -> &'static Glyphs {
        match mode {
            GlyphMode::Unicode => &Glyphs::UNICODE,
            GlyphMode::Ascii => &Glyphs::ASCII,
            GlyphMode::Wide => &Glyphs::WIDE,
        }
    }
}

/// The ASCII for a character that is not safe in `--ascii` mode: every ambiguous-width
/// character (and a few of Michi's own symbols that are not). None: keep it.
pub fn ascii_for(c: char) -> Option<&'static str> {
    const CIRCLED: [&str; 20] = [
        "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)", "(14)", "(15)",
        "(16)", "(17)", "(18)", "(19)", "(20)",
    ];
    const ROMAN: [&str; 12] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
    const ROMAN_SMALL: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    const GREEK: &str = "abgdezhqiklmnxoprsstufcyw";
    let index = |from: char| (c as u32 - from as u32) as usize;
    Some(match c {
        '◎' => "@",
        '○' | '◯' => "o",
        '●' | '★' | '☆' | '◆' | '※' => "*",
        '◐' | '◑' => "~",
        '◇' => "<>",
        '■' => "#",
        '□' => "[]",
        '▶' | '▷' | '►' => ">",
        '◀' | '◁' | '◄' => "<",
        '▲' | '△' => "^",
        '▼' | '▽' => "v",
        '→' => "->",
        '←' => "<-",
        '↑' => "^",
        '↓' => "v",
        '⇒' => "=>",
        '⇔' | '↔' => "<->",
        '…' => "...",
        '»' => ">>",
        '«' => "<<",
        '‥' => "..",
        '—' | '–' | '―' | '‐' | '−' => "-",
        '·' => ".",
        '×' => "x",
        '÷' => "/",
        '±' => "+/-",
        '°' => "o",
        '“' | '”' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '§' => "S",
        '¶' => "P",
        '✓' | '✔' => "v",
        '✗' | '✘' => "x",
        '█' | '▓' => "#",
        '░' => "-",
        '▒' => ":",
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' => "-",
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' => "|",
        '\u{2500}'..='\u{257F}' => "+",
        '\u{2460}'..='\u{2473}' => CIRCLED[index('\u{2460}')],
        '\u{2474}'..='\u{2487}' => CIRCLED[index('\u{2474}')],
        '\u{2160}'..='\u{216B}' => ROMAN[index('\u{2160}')],
        '\u{2170}'..='\u{217B}' => ROMAN_SMALL[index('\u{2170}')],
        'α'..='ω' => GREEK.get(index('α')..index('α') + 1).unwrap_or("?"),
        'Α'..='Ω' => GREEK.get(index('Α')..index('Α') + 1).unwrap_or("?"),
        'À'..='Å' => "A",
        'Æ' => "AE",
        'Ç' => "C",
        'È'..='Ë' => "E",
        'Ì'..='Ï' => "I",
        'Ð' => "D",
        'Ñ' => "N",
        'Ò'..='Ö' | 'Ø' => "O",
        'Ù'..='Ü' => "U",
        'Ý' => "Y",
        'Þ' => "Th",
        'ß' => "ss",
        'à'..='å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è'..='ë' => "e",
        'ì'..='ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò'..='ö' | 'ø' => "o",
        'ù'..='ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        c if is_ambiguous(c) => "?",
        _ => return None,
    })
}

/// A one-column stand-in for `c`, for the last step, where nothing may change width.
fn narrow_ascii(c: char) -> char {
    match c {
        '→' | '⇒' => '>',
        '←' => '<',
        '…' | '‥' => '~',
        '±' => '+',
        _ => ascii_for(c)
            .and_then(|s| s.chars().find(|c| c.is_ascii_alphanumeric()).or(s.chars().next()))
            .unwrap_or('?'),
    }
}

/// `text` ready to be measured and drawn in `mode`: transliterated to ASCII, or with a
/// [`WIDE_TAIL`] after each ambiguous character (once: the result can be passed again).
pub fn prepare(text: &str, mode: GlyphMode) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match mode {
        GlyphMode::Unicode => Cow::Borrowed(text),
        GlyphMode::Ascii => {
            if text.is_ascii() || !text.chars().any(|c| ascii_for(c).is_some() || c == WIDE_TAIL) {
                return Cow::Borrowed(text);
            }
            // A pair of arrows is a pair of keys: 「← → で選択肢」 reads "Left/Right".
            let keys = text
                .replace("← →", "Left/Right")
                .replace("←→", "Left/Right")
                .replace("↑ ↓", "Up/Down")
                .replace("↑↓", "Up/Down")
                .replace("-↑", "-Up")
                .replace("-↓", "-Down")
                .replace("-←", "-Left")
                .replace("-→", "-Right");
            let mut out = String::with_capacity(keys.len());
            for c in keys.chars() {
                match ascii_for(c) {
                    Some(s) => out.push_str(s),
                    None if c == WIDE_TAIL => {}
                    None => out.push(c),
                }
            }
            Cow::Owned(out)
        }
        GlyphMode::Wide => {
            let chars: Vec<char> = text.chars().collect();
            let missing = |i: usize| is_ambiguous(chars[i]) && chars.get(i + 1) != Some(&WIDE_TAIL);
            if !(0..chars.len()).any(missing) {
                return Cow::Borrowed(text);
            }
            let mut out = String::with_capacity(text.len() + 8);
            for (i, &c) in chars.iter().enumerate() {
                out.push(c);
                if missing(i) {
                    out.push(WIDE_TAIL);
                }
            }
            Cow::Owned(out)
        }
    }
}

/// A key caption for the mode: the arrows spelt out in ASCII (「↑ k」 → 「Up k」), each arrow
/// two columns wide in the wide mode.
pub fn key_caption(keys: &str, mode: GlyphMode) -> std::borrow::Cow<'_, str> {
    if mode != GlyphMode::Ascii || keys.is_ascii() {
        return prepare(keys, mode);
    }
    let spelt = keys
        .replace("↑↓", "Up/Down")
        .replace("← →", "Left/Right")
        .replace('↑', "Up")
        .replace('↓', "Down")
        .replace('←', "Left")
        .replace('→', "Right");
    std::borrow::Cow::Owned(prepare(&spelt, mode).into_owned())
}

/// The last drawing step. In the ASCII and wide modes, no cell may hold a character whose
/// width the terminal decides for itself: a character followed by its [`WIDE_TAIL`] is
/// given both columns ([`CellDiffOption::ForcedWidth`], the tail's cell emptied); any
/// other ambiguous character becomes a one-column look-alike.
pub fn settle(buf: &mut Buffer, mode: GlyphMode) {
    if mode == GlyphMode::Unicode {
        return;
    }
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol().to_string();
            if symbol.chars().any(|c| c == WIDE_TAIL) {
                // A tail whose character is gone (cut, or under a pop-up): a blank.
                buf[(x, y)].set_symbol(" ");
                continue;
            }
            if !symbol.chars().any(is_ambiguous) {
                continue;
            }
            let tail_next = x + 1 < area.right() && buf[(x + 1, y)].symbol().starts_with(WIDE_TAIL);
            if mode == GlyphMode::Wide && tail_next && symbol.chars().count() == 1 {
                buf[(x, y)].set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1)));
                buf[(x + 1, y)].set_symbol("");
                buf[(x + 1, y)].set_diff_option(CellDiffOption::Skip);
            } else {
                let narrow: String = symbol
                    .chars()
                    .map(|c| if is_ambiguous(c) { narrow_ascii(c) } else { c })
                    .collect();
                buf[(x, y)].set_symbol(&narrow);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{width, width_cjk};

    #[test]
    fn ascii_glyphs_are_ascii_and_wide_glyphs_reserve_the_cjk_width() {
        let sets = [Glyphs::ASCII, Glyphs::UNICODE, Glyphs::WIDE];
        let fields = |g: &Glyphs| {
            [
                g.selected,
                g.bullet,
                g.key_mark,
                g.expected_mark,
                g.current,
                g.target,
                g.done,
                g.ticked,
                g.unticked,
                g.bar_have,
                g.bar_missing,
                g.bar_beyond,
                g.window_end,
                g.right,
                g.left,
                g.up,
                g.down,
                g.rule,
                g.ellipsis,
                g.add,
                g.choice_left,
                g.choice_right,
                g.goal_planned,
                g.goal_in_progress,
                g.goal_done,
                g.goal_dropped,
                g.divider,
                g.dash,
            ]
        };
        for glyph in fields(&sets[0]) {
            assert!(glyph.is_ascii(), "{glyph}");
        }
        for (unicode, wide) in fields(&sets[1]).into_iter().zip(fields(&sets[2])) {
            let shown: String = wide.chars().filter(|c| *c != WIDE_TAIL).collect();
            assert_eq!(width(wide), width_cjk(&shown), "{unicode} / {wide:?}");
            assert_eq!(prepare(wide, GlyphMode::Wide), wide, "{wide:?} is prepared already");
        }
    }

    #[test]
    fn text_is_transliterated_or_widened_once() {
        assert_eq!(prepare("①職務→◎", GlyphMode::Ascii), "(1)職務->@");
        assert_eq!(prepare("Café ※注", GlyphMode::Ascii), "Cafe *注");
        assert_eq!(prepare("主任", GlyphMode::Ascii), "主任");
        assert_eq!(
            prepare("← → で切替、段2 → 段3", GlyphMode::Ascii),
            "Left/Right で切替、段2 -> 段3"
        );
        let wide = prepare("◎段3↑", GlyphMode::Wide).into_owned();
        assert_eq!(wide, "◎\u{E000}段3↑\u{E000}");
        assert_eq!(prepare(&wide, GlyphMode::Wide), wide);
        assert_eq!(width(&wide), width_cjk("◎段3↑"));
        assert_eq!(key_caption("↑ k", GlyphMode::Ascii), "Up k");
        assert_eq!(key_caption("Tab ↑↓", GlyphMode::Ascii), "Tab Up/Down");
        assert_eq!(key_caption("Enter", GlyphMode::Ascii), "Enter");
    }

    #[test]
    fn the_last_step_leaves_no_ambiguous_character_standing_alone() {
        use ratatui::layout::Rect;
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "◎\u{E000}a…", ratatui::style::Style::new());
        settle(&mut buf, GlyphMode::Wide);
        assert_eq!(buf[(0, 0)].symbol(), "◎");
        assert_eq!(buf[(1, 0)].symbol(), "");
        assert_eq!(buf[(2, 0)].symbol(), "a");
        assert_eq!(buf[(3, 0)].symbol(), "~");
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf.set_string(0, 0, "→①", ratatui::style::Style::new());
        settle(&mut buf, GlyphMode::Ascii);
        assert_eq!(buf[(0, 0)].symbol(), ">");
        assert_eq!(buf[(1, 0)].symbol(), "1");
    }
}
