//! Turning a TOML file into a checked model value, with every problem located in the file.
//! Shared by profiles and plans: decode, parse, refuse control characters, deserialize,
//! validate, and map each problem back to a line and column.
//!
//! A file is parsed once. The spanned document the parser builds is scanned for control
//! characters and then handed to serde; a valid file is never parsed again. Only when
//! validation finds problems is the text parsed a second time, to find their places: that
//! costs nothing on the common path, where keeping every span alive through validation
//! would cost a clone of the whole document.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::Lang;
use crate::model::{FieldPath, Found, PathSeg, Problem};
use crate::store::diagnostic::{Diagnostic, LineIndex, MAX_SHOWN, Problems};
use crate::store::source::decode;
use crate::text::{closest, is_forbidden_char};

/// A parsed document kept for locating problems after deserialization.
struct Located<'a> {
    file: &'a str,
    lines: &'a LineIndex<'a>,
    root: Spanned<DeTable<'a>>,
}

impl Located<'_> {
    /// The byte span of the value at `path`, or of the deepest part of it that exists.
    fn span_of(&self, path: &FieldPath) -> Range<usize> {
        let mut span = self.root.span();
        let mut table: Option<&DeTable<'_>> = Some(self.root.get_ref());
        let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
        for seg in &path.0 {
            let next = match (seg, table, array) {
                (PathSeg::Key(key), Some(t), _) => t.get(key.as_ref()),
                (PathSeg::Index(i), _, Some(a)) => a.get(*i),
                _ => None,
            };
            let Some(value) = next else { break };
            span = value.span();
            table = value.get_ref().as_table();
            array = value.get_ref().as_array().map(|a| &a[..]);
        }
        span
    }

    /// A diagnostic for a model problem found by validation.
    fn problem(&self, problem: &Problem, lang: Lang) -> Diagnostic {
        self.lines.diagnostic(
            self.file,
            self.span_of(&problem.path),
            problem.kind.message(lang),
            Some(problem.kind.hint(lang)),
        )
    }
}

/// Parses `bytes` as a TOML document of type `T`, then runs `validate` on it, asking it for
/// at most `limit` problems (it may also complete the value: a plan reads the names it
/// holds where ids belong). Returns the value, or the problems found (syntax and type
/// problems stop at the first, as a compiler's parse errors do; consistency problems are
/// all counted, the first [`MAX_SHOWN`] shown).
pub fn parse_toml<T: for<'de> Deserialize<'de>>(
    file: &str,
    bytes: &[u8],
    lang: Lang,
    validate: impl FnOnce(&mut T, usize) -> Found,
) -> Result<T, Problems> {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(Problems::one(match e.position() {
                Some((line, column)) => {
                    Diagnostic::at_position(file, None, line, column, e.message(lang), e.hint(lang))
                }
                None => Diagnostic::file_level(file, e.message(lang), e.hint(lang)),
            }));
        }
    };
    let root = match DeTable::parse(&text) {
        Ok(root) => root,
        Err(e) => return Err(Problems::one(toml_error(file, &LineIndex::new(&text), &e, lang))),
    };
    let mut controls = Controls::default();
    controls.scan_table(root.get_ref());
    let deserialized = T::deserialize(toml::de::Deserializer::from(root));
    let mut problems = Problems::new();
    if !controls.found.is_empty() || deserialized.is_err() {
        let lines = LineIndex::new(&text);
        for (span, c) in controls.found {
            problems.push(lines.diagnostic(file, span, control_message(c, lang), Some(control_hint(lang))));
        }
        problems.count_more(controls.more);
        if let Err(e) = &deserialized {
            problems.push(toml_error(file, &lines, e, lang));
        }
    }
    let mut value = match deserialized {
        Ok(value) => value,
        Err(_) => return Err(problems),
    };
    let room = MAX_SHOWN.saturating_sub(problems.total());
    let found = validate(&mut value, room);
    if found.problems.is_empty() && found.more == 0 && problems.is_empty() {
        return Ok(value);
    }
    // The value is not returned: let it go before the document is parsed again to locate
    // the problems, so the two never take memory at the same time.
    drop(value);
    if !found.problems.is_empty() {
        let lines = LineIndex::new(&text);
        match DeTable::parse(&text) {
            Ok(root) => {
                let located = Located {
                    file,
                    lines: &lines,
                    root,
                };
                for p in &found.problems {
                    problems.push(located.problem(p, lang));
                }
            }
            // The text parsed a moment ago; should it not, the problems are still told.
            Err(_) => {
                for p in &found.problems {
                    problems.push(lines.diagnostic(file, 0..0, p.kind.message(lang), Some(p.kind.hint(lang))));
                }
            }
        }
    }
    problems.count_more(found.more);
    Err(problems)
}

/// Keys and strings holding a character that could drive the terminal: the first
/// [`MAX_SHOWN`] places, and a count of the rest.
#[derive(Default)]
struct Controls {
    found: Vec<(Range<usize>, char)>,
    more: usize,
}

impl Controls {
    fn scan_table(&mut self, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            self.check(key.get_ref(), key.span());
            self.scan_value(value);
        }
    }

    fn scan_value(&mut self, value: &Spanned<DeValue<'_>>) {
        match value.get_ref() {
            DeValue::String(s) => self.check(s, value.span()),
            DeValue::Array(items) => items.iter().for_each(|v| self.scan_value(v)),
            DeValue::Table(t) => self.scan_table(t),
            _ => {}
        }
    }

    fn check(&mut self, text: &str, span: Range<usize>) {
        if let Some(c) = text.chars().find(|&c| is_forbidden_char(c)) {
            if self.found.len() < MAX_SHOWN {
                self.found.push((span, c));
            } else {
                self.more += 1;
            }
        }
    }
}

fn control_message(c: char, lang: Lang) -> String {
    let code = format!("U+{:04X}", c as u32);
    match lang {
        Lang::Ja => format!("文字列に制御文字 {code} が含まれています"),
        Lang::En => format!("the text contains the control character {code}"),
    }
}

fn control_hint(lang: Lang) -> String {
    lang.pick(
        "端末を操作する文字（ESC・BEL・双方向制御など）は使えません。削除してください",
        "characters that drive a terminal (ESC, BEL, bidi controls, …) are not allowed: remove it",
    )
    .to_string()
}

/// A TOML syntax or shape error, told in the interface language with a useful hint.
fn toml_error(file: &str, lines: &LineIndex<'_>, error: &toml::de::Error, lang: Lang) -> Diagnostic {
    let (message, hint) = describe(error.message(), lang);
    match error.span() {
        Some(span) => lines.diagnostic(file, span, message, Some(hint)),
        None => Diagnostic::file_level(file, message, hint),
    }
}

/// Backquoted words in a serde message: "unknown field `nmae`, expected one of `id`, `name`".
fn quoted(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn describe(message: &str, lang: Lang) -> (String, String) {
    let words = quoted(message);
    let first = words.first().copied().unwrap_or_default();
    let rest = words.get(1..).unwrap_or_default();
    let ja = lang == Lang::Ja;
    let options = rest.join(", ");
    if message.starts_with("unknown field") {
        let guess = closest(first, rest.iter().copied());
        let m = if ja {
            format!("不明なキー `{first}` です")
        } else {
            format!("unknown key `{first}`")
        };
        let h = match (guess, ja) {
            (Some(g), true) => format!("`{g}` のことですか？ 使えるキー: {options}"),
            (Some(g), false) => format!("did you mean `{g}`? allowed keys: {options}"),
            (None, true) if rest.is_empty() => "ここにはキーを書けません".to_string(),
            (None, false) if rest.is_empty() => "no keys are allowed here".to_string(),
            (None, true) => format!("使えるキー: {options}"),
            (None, false) => format!("allowed keys: {options}"),
        };
        (m, h)
    } else if message.starts_with("missing field") {
        if ja {
            (
                format!("必須のキー `{first}` がありません"),
                format!("この表に `{first} = …` を追加してください"),
            )
        } else {
            (
                format!("missing required key `{first}`"),
                format!("add `{first} = …` to this table"),
            )
        }
    } else if message.starts_with("unknown variant") {
        if ja {
            (format!("`{first}` は使えない値です"), format!("使える値: {options}"))
        } else {
            (
                format!("`{first}` is not an allowed value"),
                format!("allowed values: {options}"),
            )
        }
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let detail = plain_types(message.trim(), lang);
        if ja {
            (
                format!("値の型または範囲が違います（{detail}）"),
                "文書の形式（docs/profile-format.md）に合わせてください".to_string(),
            )
        } else {
            (
                format!("wrong type or value ({detail})"),
                "see docs/profile-format.md for this key's type".to_string(),
            )
        }
    } else if message.contains("duplicate key") {
        if ja {
            (
                format!("キーが重複しています（{}）", message.trim()),
                "同じ表に同じキーは一度だけ書けます".to_string(),
            )
        } else {
            (
                message.trim().to_string(),
                "a key may appear once per table".to_string(),
            )
        }
    } else if ja {
        (
            format!("TOML の書き方に誤りがあります: {}", message.trim()),
            "引用符・括弧・= の対応を確認してください".to_string(),
        )
    } else {
        (
            format!("TOML syntax error: {}", message.trim()),
            "check quotes, brackets and `=` around this place".to_string(),
        )
    }
}

/// serde's type names in words a profile author knows.
fn plain_types(message: &str, lang: Lang) -> String {
    let replacements: &[(&str, &str, &str)] = &[
        (
            "expected u8",
            "0～255 の整数が必要です",
            "expected a whole number from 0 to 255",
        ),
        ("expected u32", "0 以上の整数が必要です", "expected a whole number"),
        (
            "expected a boolean",
            "true または false が必要です",
            "expected true or false",
        ),
        (
            "expected a string",
            "文字列（\"…\"）が必要です",
            "expected text in quotes",
        ),
        ("expected a sequence", "配列（[…]）が必要です", "expected a list [ … ]"),
    ];
    let mut out = message.to_string();
    for (from, ja, en) in replacements {
        out = out.replace(from, lang.pick(ja, en));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_suggests_the_closest() {
        let (m, h) = describe("unknown field `nmae`, expected one of `id`, `name`, `source`", Lang::En);
        assert_eq!(m, "unknown key `nmae`");
        assert!(h.starts_with("did you mean `name`?"), "{h}");
    }
}
