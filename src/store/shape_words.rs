//! Structural problems in words an HR officer knows: 文字列, 整数, true/false, 日付, 一覧
//! `[...]`, 表 `[x]`, 表の一覧 `[[x]]` — never serde's or Rust's names for types — with an
//! example of what to write.

use serde::Deserialize;
use serde::de::value::{Error as ValueError, StrDeserializer};

use crate::i18n::Lang;
use crate::model::{
    Emphasis, LeaveKind, MeasureKind, PLAN_SCHEMA_VERSION, PROFILE_SCHEMA_VERSION, RotationRuleKind, RuleStrength,
    ScaleKind, Track, TrainingKind,
};
use crate::store::schema::{FieldShape, Shape, TableShape};
use crate::store::shape_check::{FoundValue, ShapeKind};
use crate::text::closest;

/// What to say about a structural problem.
pub struct Told {
    pub message: String,
    pub hint: String,
    /// Lines to copy into the file, shown under the hint.
    pub example: Vec<String>,
}

/// Keys listed in a hint at most.
const KEYS_LISTED: usize = 24;

impl ShapeKind {
    pub fn told(&self, lang: Lang) -> Told {
        let ja = lang == Lang::Ja;
        match self {
            ShapeKind::Missing {
                path,
                header,
                owner,
                field,
            } => missing(path, header, owner, field, lang),
            ShapeKind::Unknown { key, table } => unknown(key, table, lang),
            ShapeKind::WrongType {
                key,
                path,
                expected,
                found,
            } => wrong_type(key, path, expected, found, lang),
            ShapeKind::NotAllowed { key, value, choice } => {
                let Shape::Choice { name, values } = choice else {
                    return told_plain(format!("`{key}`"), String::new());
                };
                let listed: Vec<String> = values
                    .iter()
                    .map(|v| match gloss(name, v, lang) {
                        Some(words) if words != *v && ja => format!("{v}（{words}）"),
                        Some(words) if words != *v => format!("{v} ({words})"),
                        _ => (*v).to_string(),
                    })
                    .collect();
                let guess = closest(value, values.iter().copied());
                let message = if ja {
                    format!("`{key}` に `{value}` は使えません")
                } else {
                    format!("`{value}` is not an allowed value of `{key}`")
                };
                let allowed = listed.join(lang.pick("、", ", "));
                let hint = match (guess, ja) {
                    (Some(g), true) => format!("`{g}` のことですか？ 使える値: {allowed}"),
                    (Some(g), false) => format!("did you mean `{g}`? allowed values: {allowed}"),
                    (None, true) => format!("使える値: {allowed}"),
                    (None, false) => format!("allowed values: {allowed}"),
                };
                told_plain(message, hint)
            }
            ShapeKind::OutOfRange { key, value, min, max } => {
                let range = range_words(*min, *max, lang);
                if ja {
                    told_plain(
                        format!("`{key}` の {value} は範囲外です"),
                        format!("{range}を書いてください"),
                    )
                } else {
                    told_plain(format!("`{key}`: {value} is out of range"), format!("write {range}"))
                }
            }
            ShapeKind::NotADate { key, value } => {
                if ja {
                    told_plain(
                        format!("`{key}` の `{value}` は日付として読めません"),
                        format!("{key} = 1990-05-10 のように 年-月-日 で、実在する日付を書いてください"),
                    )
                } else {
                    told_plain(
                        format!("`{key}`: `{value}` is not a date"),
                        format!("write a real date as year-month-day, e.g. {key} = 1990-05-10"),
                    )
                }
            }
        }
    }
}

fn told_plain(message: String, hint: String) -> Told {
    Told {
        message,
        hint,
        example: Vec::new(),
    }
}

fn missing(table: &str, header: &str, owner: &str, field: &FieldShape, lang: Lang) -> Told {
    let ja = lang == Lang::Ja;
    let path = if table.is_empty() {
        field.key.to_string()
    } else {
        format!("{table}.{}", field.key)
    };
    match &field.shape {
        Shape::List(inner) if matches!(inner.as_ref(), Shape::Table(_)) => {
            let Shape::Table(shape) = inner.as_ref() else {
                return told_plain(String::new(), String::new());
            };
            let header = format!("[[{path}]]");
            Told {
                message: if ja {
                    format!("必須の表の一覧 `{header}` がありません")
                } else {
                    format!("missing required tables `{header}`")
                },
                hint: match (table.is_empty(), ja) {
                    (true, true) => {
                        format!("`{header}` の表を一つ以上書いてください（ファイルの末尾に書き足せます）。例:")
                    }
                    (true, false) => {
                        format!("write one or more `{header}` tables (they can go at the end of the file), e.g.:")
                    }
                    (false, true) => format!("`{header}` の表を一つ以上書いてください。例:"),
                    (false, false) => format!("write one or more `{header}` tables, e.g.:"),
                },
                example: table_example(&header, shape),
            }
        }
        Shape::Table(shape) => {
            let header = format!("[{path}]");
            Told {
                message: if ja {
                    format!("必須の表 `{header}` がありません")
                } else {
                    format!("missing required table `{header}`")
                },
                hint: match (table.is_empty(), ja) {
                    (true, true) => format!("`{header}` の表を書いてください（ファイルの末尾に書き足せます）。例:"),
                    (true, false) => format!("write a `{header}` table (it can go at the end of the file), e.g.:"),
                    (false, true) => format!("`{header}` の表を書いてください。例:"),
                    (false, false) => format!("write a `{header}` table, e.g.:"),
                },
                example: table_example(&header, shape),
            }
        }
        shape => {
            let value = match (owner, field.key) {
                ("Profile", "schema_version") => PROFILE_SCHEMA_VERSION.to_string(),
                ("Plan", "schema_version") => PLAN_SCHEMA_VERSION.to_string(),
                _ => sample(shape),
            };
            let line = format!("{} = {value}", field.key);
            let (message, hint) = match (table.is_empty(), ja) {
                (true, true) => (
                    format!("必須のキー `{}` がありません", field.key),
                    format!("ファイルの先頭（最初の `[…]` の行より前）に `{line}` を書いてください"),
                ),
                (true, false) => (
                    format!("missing required key `{}`", field.key),
                    format!("add `{line}` at the top of the file, before the first `[…]` line"),
                ),
                (false, true) => (
                    format!("必須のキー `{}` がありません", field.key),
                    format!("この表（`{header}`）に `{line}` を書いてください"),
                ),
                (false, false) => (
                    format!("missing required key `{}`", field.key),
                    format!("add `{line}` to this table (`{header}`)"),
                ),
            };
            told_plain(message, hint)
        }
    }
}

/// A header and the table's first required keys: what to copy to start one.
fn table_example(header: &str, shape: &TableShape) -> Vec<String> {
    let mut lines = vec![header.to_string()];
    lines.extend(
        shape
            .fields
            .iter()
            .filter(|f| f.required && !is_table_like(&f.shape))
            .take(2)
            .map(|f| format!("{} = {}", f.key, sample(&f.shape))),
    );
    lines
}

fn is_table_like(shape: &Shape) -> bool {
    match shape {
        Shape::Table(_) | Shape::Map(_) => true,
        Shape::List(inner) => matches!(inner.as_ref(), Shape::Table(_)),
        _ => false,
    }
}

/// A value of the shape to copy and change.
fn sample(shape: &Shape) -> String {
    match shape {
        Shape::Text | Shape::Any => "\"…\"".to_string(),
        Shape::Integer { min, .. } if *min > 1 => min.to_string(),
        Shape::Integer { .. } => "1".to_string(),
        Shape::Decimal => "0.5".to_string(),
        Shape::Bool => "false".to_string(),
        Shape::Date => "2024-04-01".to_string(),
        Shape::Choice { values, .. } => format!("\"{}\"", values.first().copied().unwrap_or_default()),
        Shape::List(inner) if !is_table_like(inner) => format!("[{}]", sample(inner)),
        Shape::List(_) | Shape::Table(_) | Shape::Map(_) => "{ … }".to_string(),
    }
}

fn unknown(key: &str, table: &TableShape, lang: Lang) -> Told {
    let ja = lang == Lang::Ja;
    let guess = closest(key, table.keys());
    let mut keys: Vec<&str> = table.keys().take(KEYS_LISTED).collect();
    if table.fields.len() > KEYS_LISTED {
        keys.push("…");
    }
    let options = keys.join(", ");
    let message = if ja {
        format!("不明なキー `{key}` です")
    } else {
        format!("unknown key `{key}`")
    };
    let hint = match (guess, ja) {
        (Some(g), true) => format!("`{g}` のことですか？ 使えるキー: {options}"),
        (Some(g), false) => format!("did you mean `{g}`? allowed keys: {options}"),
        (None, true) if keys.is_empty() => "ここにはキーを書けません".to_string(),
        (None, false) if keys.is_empty() => "no keys are allowed here".to_string(),
        (None, true) => format!("使えるキー: {options}（表の後に書いたキーは、その表のものになります）"),
        (None, false) => format!("allowed keys: {options} (a key written after a table header belongs to that table)"),
    };
    told_plain(message, hint)
}

fn wrong_type(key: &str, path: &str, expected: &Shape, found: &FoundValue, lang: Lang) -> Told {
    let ja = lang == Lang::Ja;
    match (expected, found) {
        (Shape::List(inner), FoundValue::Table) if matches!(inner.as_ref(), Shape::Table(_)) => {
            return told_plain(
                if ja {
                    format!("`{key}` は表の一覧です: `[{path}]` ではなく `[[{path}]]` と書きます")
                } else {
                    format!("`{key}` is a list of tables: write `[[{path}]]`, not `[{path}]`")
                },
                if ja {
                    format!("見出しを `[[{path}]]` にしてください（一つごとに書きます）")
                } else {
                    format!("make the header `[[{path}]]`, one per entry")
                },
            );
        }
        (Shape::Table(_), FoundValue::TableList) => {
            return told_plain(
                if ja {
                    format!("`{key}` は一つの表です: `[[{path}]]` ではなく `[{path}]` と書きます")
                } else {
                    format!("`{key}` is a single table: write `[{path}]`, not `[[{path}]]`")
                },
                if ja {
                    format!("見出しを `[{path}]` にし、一度だけ書いてください")
                } else {
                    format!("make the header `[{path}]` and write it once")
                },
            );
        }
        _ => {}
    }
    let wanted = shape_words(expected, path, lang);
    let have = found_words(found, lang);
    let message = if ja {
        format!("`{key}` には {wanted} を書きます（書かれているのは {have}）")
    } else {
        format!("`{key}` takes {wanted}, not {have}")
    };
    let hint = match expected {
        Shape::Bool if ja => format!("{key} = true または {key} = false と、引用符なしで書いてください"),
        Shape::Bool => format!("write {key} = true or {key} = false, without quotes"),
        Shape::Integer { .. } | Shape::Decimal if matches!(found, FoundValue::Text(_)) && ja => {
            format!("数は引用符なしで書きます。例: {key} = {}", sample(expected))
        }
        Shape::Integer { .. } | Shape::Decimal if matches!(found, FoundValue::Text(_)) => {
            format!("write numbers without quotes, e.g. {key} = {}", sample(expected))
        }
        Shape::Table(_) | Shape::Map(_) if ja => format!("`[{path}]` の見出しの下に書いてください"),
        Shape::Table(_) | Shape::Map(_) => format!("write it under a `[{path}]` header"),
        Shape::List(inner) if matches!(inner.as_ref(), Shape::Table(_)) && ja => {
            format!("`[[{path}]]` の見出しを一つごとに書いてください")
        }
        Shape::List(inner) if matches!(inner.as_ref(), Shape::Table(_)) => {
            format!("write one `[[{path}]]` header per entry")
        }
        Shape::List(_) if ja => format!("一つだけでも角括弧で囲みます。例: {key} = {}", sample(expected)),
        Shape::List(_) => format!("put even a single value in brackets, e.g. {key} = {}", sample(expected)),
        Shape::Choice { values, .. } if ja => format!("使える値: {}（引用符で囲みます）", values.join("、")),
        Shape::Choice { values, .. } => format!("allowed values: {} (in quotes)", values.join(", ")),
        _ if ja => format!("例: {key} = {}", sample(expected)),
        _ => format!("e.g. {key} = {}", sample(expected)),
    };
    told_plain(message, hint)
}

fn range_words(min: i128, max: i128, lang: Lang) -> String {
    match lang {
        Lang::Ja if min == 0 && max > 100_000 => "0 以上の整数".to_string(),
        Lang::Ja => format!("{min}〜{max} の整数"),
        Lang::En if min == 0 && max > 100_000 => "a whole number, 0 or more".to_string(),
        Lang::En => format!("a whole number from {min} to {max}"),
    }
}

/// What a key takes, in words.
fn shape_words(shape: &Shape, path: &str, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match shape {
        Shape::Text => lang.pick("文字列（\"…\"）", "text in quotes (\"…\")").to_string(),
        Shape::Integer { min, max } => range_words(*min, *max, lang),
        Shape::Decimal => lang.pick("数（3 や 0.5）", "a number (3 or 0.5)").to_string(),
        Shape::Bool => lang.pick("`true` か `false`", "`true` or `false`").to_string(),
        Shape::Date => lang.pick("日付（1990-05-10）", "a date (1990-05-10)").to_string(),
        Shape::Choice { values, .. } if ja => format!("決まった値（{}）", values.join("、")),
        Shape::Choice { values, .. } => format!("one of {}", values.join(", ")),
        Shape::List(inner) if matches!(inner.as_ref(), Shape::Table(_)) => {
            if ja {
                format!("表の一覧 `[[{path}]]`")
            } else {
                format!("tables `[[{path}]]`")
            }
        }
        Shape::List(inner) if ja => format!("{}の一覧 [...]", element_words(inner, lang)),
        Shape::List(inner) => format!("a list [...] of {}", element_words(inner, lang)),
        Shape::Table(_) | Shape::Map(_) if ja => format!("表 `[{path}]`"),
        Shape::Table(_) | Shape::Map(_) => format!("a table `[{path}]`"),
        Shape::Any => lang.pick("値", "a value").to_string(),
    }
}

fn element_words(shape: &Shape, lang: Lang) -> &'static str {
    match shape {
        Shape::Text => lang.pick("文字列", "texts"),
        Shape::Integer { .. } => lang.pick("整数", "whole numbers"),
        Shape::Decimal => lang.pick("数", "numbers"),
        Shape::Bool => lang.pick("true/false", "true/false values"),
        Shape::Date => lang.pick("日付", "dates"),
        Shape::Choice { .. } => lang.pick("決まった値", "allowed values"),
        _ => lang.pick("値", "values"),
    }
}

/// What a document has, in words.
fn found_words(found: &FoundValue, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match found {
        FoundValue::Text(s) if ja => format!("文字列 \"{s}\""),
        FoundValue::Text(s) => format!("text \"{s}\""),
        FoundValue::Integer(n) if ja => format!("整数 {n}"),
        FoundValue::Integer(n) => format!("the number {n}"),
        FoundValue::Decimal(n) if ja => format!("小数 {n}"),
        FoundValue::Decimal(n) => format!("the decimal {n}"),
        FoundValue::Bool(b) if ja => format!("{b}"),
        FoundValue::Bool(b) => format!("{b}"),
        FoundValue::Datetime(d) if ja => format!("日付 {d}"),
        FoundValue::Datetime(d) => format!("the date {d}"),
        FoundValue::List => lang.pick("一覧 [...]", "a list [...]").to_string(),
        FoundValue::TableList => lang.pick("表の一覧 [[...]]", "tables [[...]]").to_string(),
        FoundValue::Table => lang.pick("表", "a table").to_string(),
    }
}

/// The meaning of one value of an enumeration, in words, where the model names it.
fn gloss(name: &str, value: &str, lang: Lang) -> Option<String> {
    fn read<T: for<'de> Deserialize<'de>>(value: &str) -> Option<T> {
        let de: StrDeserializer<'_, ValueError> = StrDeserializer::new(value);
        T::deserialize(de).ok()
    }
    let ja = lang == Lang::Ja;
    let pick = |j: &str, e: &str| Some(if ja { j.to_string() } else { e.to_string() });
    match name {
        "TrainingKind" => read::<TrainingKind>(value).map(|k| if ja { k.label_ja() } else { k.label_en() }.to_string()),
        "MeasureKind" => read::<MeasureKind>(value).map(|k| if ja { k.label_ja() } else { k.label_en() }.to_string()),
        "LeaveKind" => read::<LeaveKind>(value).map(|k| if ja { k.label_ja() } else { k.label_en() }.to_string()),
        "Emphasis" => match read::<Emphasis>(value)? {
            Emphasis::Key => pick("◎ 特に求める", "◎ key"),
            Emphasis::Expected => pick("○ 求める", "○ expected"),
            Emphasis::Unmarked => pick("印なし", "unmarked"),
        },
        "ScaleKind" => match read::<ScaleKind>(value)? {
            ScaleKind::Descriptors => pick(
                "文書が職級ごとに書く記述を段階とする",
                "the document's descriptions per grade",
            ),
            ScaleKind::Proficiency => pick("習熟度の尺度（◎/○ のみの文書）", "a proficiency scale (◎/○ only)"),
            ScaleKind::Levels => pick("形式 1 の数値", "format 1 numbers"),
        },
        "RuleStrength" => match read::<RuleStrength>(value)? {
            RuleStrength::Requirement => pick("必須（達成・未達を判定）", "a requirement (checked)"),
            RuleStrength::Guideline => pick("目安（助言のみ）", "a guideline (advice only)"),
        },
        "Track" => match read::<Track>(value)? {
            Track::Generalist => pick("ゼネラリスト", "generalist"),
            Track::Specialist => pick("スペシャリスト", "specialist"),
        },
        "RotationRuleKind" => match read::<RotationRuleKind>(value)? {
            RotationRuleKind::CoverFamilies => pick(
                "挙げた系統を経験（at_least でそのうち k 系統）",
                "serve in the listed families (at_least: k of them)",
            ),
            RotationRuleKind::DistinctDepartments => pick("異なる部署の数", "a number of different departments"),
            RotationRuleKind::WithinFamily => pick("一つの系統の中で異動", "move within one family"),
            RotationRuleKind::FirstPosting => pick("最初の配属先", "where the first posting is"),
        },
        _ => None,
    }
}
