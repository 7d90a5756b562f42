//! The TOML parser's and serde's messages in words a profile author knows. The checker
//! walks a document against the format's shape before serde sees it, so serde's own
//! messages are rarely reached; those that are, and the parser's syntax errors, are told
//! here without serde's or Rust's names for types ("invalid type", "sequence", "u8").

use crate::i18n::Lang;
use crate::text::closest;

/// Backquoted words in a serde message: "unknown field `nmae`, expected one of `id`, `name`".
fn quoted(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// The message and the hint for a parser or serde message.
pub fn describe(message: &str, lang: Lang) -> (String, String) {
    let message = message.trim();
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
        let found = found_words(message, lang);
        match (found, ja) {
            (Some(found), true) => (
                format!("値の種類がこの欄に合いません（書かれているのは {found}）"),
                "docs/profile-format.md でこのキーの書き方を確かめてください".to_string(),
            ),
            (None, true) => (
                "値の種類がこの欄に合いません".to_string(),
                "docs/profile-format.md でこのキーの書き方を確かめてください".to_string(),
            ),
            (Some(found), false) => (
                format!("this key does not take {found}"),
                "see docs/profile-format.md for how to write this key".to_string(),
            ),
            (None, false) => (
                "this key does not take a value of this kind".to_string(),
                "see docs/profile-format.md for how to write this key".to_string(),
            ),
        }
    } else if message.contains("did not match any variant") {
        if ja {
            (
                "値の書き方がこの欄に合いません".to_string(),
                "docs/profile-format.md でこのキーの書き方を確かめてください".to_string(),
            )
        } else {
            (
                "this key does not take a value written this way".to_string(),
                "see docs/profile-format.md for how to write this key".to_string(),
            )
        }
    } else if message.starts_with("invalid date") {
        if ja {
            (
                "日付として読めません".to_string(),
                "1990-05-10 のように 年-月-日 で、実在する日付を書いてください".to_string(),
            )
        } else {
            (
                format!("not a date ({message})"),
                "write a real date as year-month-day, e.g. 1990-05-10".to_string(),
            )
        }
    } else if message.contains("duplicate key") {
        if ja {
            (
                "キーが重複しています".to_string(),
                "同じ表に同じキーは一度だけ書けます。重複している行を消してください".to_string(),
            )
        } else {
            (message.to_string(), "a key may appear once per table".to_string())
        }
    } else if ja {
        let detail = syntax_words(message).map(|w| format!(": {w}")).unwrap_or_default();
        (
            format!("TOML の書き方に誤りがあります{detail}"),
            "引用符・括弧・= の対応を確認してください".to_string(),
        )
    } else {
        (
            format!("TOML syntax error: {message}"),
            "check quotes, brackets and `=` around this place".to_string(),
        )
    }
}

/// What a serde "invalid type: string \"x\", expected …" message says was found.
fn found_words(message: &str, lang: Lang) -> Option<String> {
    let ja = lang == Lang::Ja;
    let found = message.split_once(": ")?.1;
    let found = found.rsplit_once(", expected").map_or(found, |(f, _)| f);
    let value = quoted(found).first().map(|v| v.to_string());
    let kinds: &[(&str, &str, &str)] = &[
        ("string", "文字列", "text"),
        ("integer", "整数", "the number"),
        ("floating point", "小数", "the decimal"),
        ("boolean", "", ""),
        ("sequence", "一覧 [...]", "a list [...]"),
        ("map", "表", "a table"),
    ];
    let (_, kind_ja, kind_en) = kinds.iter().find(|(k, _, _)| found.starts_with(k))?;
    let kind = if ja { kind_ja } else { kind_en };
    if found.starts_with("string") {
        let text = found.strip_prefix("string ").unwrap_or_default();
        return Some(format!("{kind} {text}"));
    }
    Some(match value {
        Some(v) if kind.is_empty() => v,
        Some(v) => format!("{kind} {v}"),
        None => kind.to_string(),
    })
}

/// The TOML parser's description of a syntax error, in Japanese.
fn syntax_words(message: &str) -> Option<&'static str> {
    let description = message.split(", expected").next().unwrap_or(message);
    let words: &[(&str, &str)] = &[
        ("invalid basic string", "文字列の引用符 \" が閉じていません"),
        (
            "invalid multi-line basic string",
            "複数行の文字列 \"\"\" が閉じていません",
        ),
        ("string values must be quoted", "文字列は引用符で囲みます（\"…\"）"),
        ("unclosed table", "表の見出しの ] が閉じていません"),
        ("unclosed array table", "表の一覧の見出しの ]] が閉じていません"),
        ("unclosed inline table", "{ が閉じていません"),
        ("invalid date", "実在しない日付です"),
        ("invalid time", "時刻として読めません"),
        (
            "unexpected key or value",
            "一行に書けるのは キー = 値 を一つだけです（改行が必要です）",
        ),
        ("unexpected content", "余分な文字があります"),
        ("unquoted keys cannot be empty", "= の前にキーがありません"),
        (
            "invalid key",
            "キーに使えない文字があります（英数字・_・- 以外を含むキーは \"…\" で囲みます）",
        ),
        (
            "missing escaped value",
            "\\ の後の文字が正しくありません（\\ そのものは \\\\ と書きます）",
        ),
        (
            "missing comma between array elements",
            "一覧の要素の間にコンマ , がありません",
        ),
        (
            "missing comma between key-value pairs",
            "{ } の中の キー = 値 の間にコンマ , がありません",
        ),
        ("extra comma in array", "余分なコンマ , があります"),
        ("extra comma in inline table", "余分なコンマ , があります"),
        ("missing value for key", "= の後に値がありません"),
        ("key with no value", "キーの後に = と値がありません"),
        ("missing value", "値がありません"),
        (
            "missing assignment between key-value pairs",
            "キーと値の間に = がありません",
        ),
        ("extra assignment between key-value pairs", "= が多すぎます"),
        ("missing array opening", "一覧の [ がありません"),
        ("missing inline table opening", "{ がありません"),
        (
            "missing key for inline table element",
            "{ } の中にキーのない値があります",
        ),
        ("invalid inline table element", "{ } の中の書き方に誤りがあります"),
        ("missing table open", "表の見出しの [ がありません"),
        ("invalid table", "表の見出しの書き方に誤りがあります"),
        ("invalid key-value pair", "キー = 値 の書き方に誤りがあります"),
        ("invalid integer", "数として読めません"),
        ("invalid float", "数として読めません"),
        ("invalid number", "数として読めません"),
    ];
    words.iter().find(|(en, _)| description == *en).map(|(_, ja)| *ja)
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

    #[test]
    fn serde_words_never_reach_a_japanese_message() {
        for message in [
            "invalid type: string \"supervisory\", expected a boolean",
            "invalid type: integer `3`, expected a sequence",
            "invalid value: integer `300`, expected u8",
            "invalid type: map, expected a string",
            "unclosed table, expected `]`",
            "something new, expected a thing",
            "data did not match any variant of untagged enum Tenure",
        ] {
            let (m, h) = describe(message, Lang::Ja);
            for word in ["invalid", "expected", "u8", "sequence", "map", "variant", "string"] {
                assert!(!m.contains(word) && !h.contains(word), "{word} in {m} / {h}");
            }
        }
        let (m, _) = describe("invalid type: string \"supervisory\", expected a boolean", Lang::Ja);
        assert_eq!(
            m,
            "値の種類がこの欄に合いません（書かれているのは 文字列 \"supervisory\"）"
        );
    }
}
