//! Turning a TOML file into a checked model value, with every problem located in the file.
//! Shared by profiles and (later) plans: decode, parse, refuse control characters,
//! deserialize, validate, and map each problem back to a line and column.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::Lang;
use crate::model::{FieldPath, PathSeg, Problem};
use crate::store::diagnostic::Diagnostic;
use crate::store::source::decode;
use crate::text::{closest, is_forbidden_char};

/// A parsed document kept for locating problems after deserialization.
pub struct Located<'a> {
    file: &'a str,
    text: &'a str,
    root: Spanned<DeTable<'a>>,
}

impl<'a> Located<'a> {
    /// The byte span of the value at `path`, or of the deepest part of it that exists.
    pub fn span_of(&self, path: &FieldPath) -> Range<usize> {
        let mut span = self.root.span();
        let mut table: Option<&DeTable<'_>> = Some(self.root.get_ref());
        let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
        for seg in &path.0 {
            let next = match (seg, table, array) {
                (PathSeg::Key(key), Some(t), _) => t.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v),
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
    pub fn problem(&self, problem: &Problem, lang: Lang) -> Diagnostic {
        Diagnostic::at_span(
            self.file,
            self.text,
            self.span_of(&problem.path),
            problem.kind.message(lang),
            Some(problem.kind.hint(lang)),
        )
    }
}

/// Parses `bytes` as a TOML document of type `T`, then runs `validate` on it.
/// Returns the value, or every problem found (syntax and type problems stop at the first,
/// as a compiler's parse errors do; consistency problems are all reported).
pub fn parse_toml<T: DeserializeOwned>(
    file: &str,
    bytes: &[u8],
    lang: Lang,
    validate: impl FnOnce(&T, &Located<'_>) -> Vec<Diagnostic>,
) -> Result<T, Vec<Diagnostic>> {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(vec![match e.position() {
                Some((line, column)) => {
                    Diagnostic::at_position(file, None, line, column, e.message(lang), e.hint(lang))
                }
                None => Diagnostic::file_level(file, e.message(lang), e.hint(lang)),
            }]);
        }
    };
    let root = match DeTable::parse(&text) {
        Ok(root) => root,
        Err(e) => return Err(vec![toml_error(file, &text, &e, lang)]),
    };
    let located = Located {
        file,
        text: &text,
        root,
    };
    let mut diagnostics = Vec::new();
    scan_controls(&located, located.root.get_ref(), lang, &mut diagnostics);
    let value: T = match toml::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            diagnostics.push(toml_error(file, &text, &e, lang));
            return Err(diagnostics);
        }
    };
    diagnostics.extend(validate(&value, &located));
    if diagnostics.is_empty() {
        Ok(value)
    } else {
        Err(diagnostics)
    }
}

/// Reports every key or string holding a character that could drive the terminal.
fn scan_controls(located: &Located<'_>, table: &DeTable<'_>, lang: Lang, out: &mut Vec<Diagnostic>) {
    for (key, value) in table.iter() {
        check_text(located, key.get_ref(), key.span(), lang, out);
        scan_value(located, value, lang, out);
    }
}

fn scan_value(located: &Located<'_>, value: &Spanned<DeValue<'_>>, lang: Lang, out: &mut Vec<Diagnostic>) {
    match value.get_ref() {
        DeValue::String(s) => check_text(located, s, value.span(), lang, out),
        DeValue::Array(items) => items.iter().for_each(|v| scan_value(located, v, lang, out)),
        DeValue::Table(t) => scan_controls(located, t, lang, out),
        _ => {}
    }
}

fn check_text(located: &Located<'_>, text: &str, span: Range<usize>, lang: Lang, out: &mut Vec<Diagnostic>) {
    if let Some(c) = text.chars().find(|&c| is_forbidden_char(c)) {
        let code = format!("U+{:04X}", c as u32);
        out.push(Diagnostic::at_span(
            located.file,
            located.text,
            span,
            match lang {
                Lang::Ja => format!("文字列に制御文字 {code} が含まれています"),
                Lang::En => format!("the text contains the control character {code}"),
            },
            Some(
                lang.pick(
                    "端末を操作する文字（ESC・BEL・双方向制御など）は使えません。削除してください",
                    "characters that drive a terminal (ESC, BEL, bidi controls, …) are not allowed: remove it",
                )
                .to_string(),
            ),
        ));
    }
}

/// A TOML syntax or shape error, told in the interface language with a useful hint.
fn toml_error(file: &str, text: &str, error: &toml::de::Error, lang: Lang) -> Diagnostic {
    let (message, hint) = describe(error.message(), lang);
    match error.span() {
        Some(span) => Diagnostic::at_span(file, text, span, message, Some(hint)),
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
