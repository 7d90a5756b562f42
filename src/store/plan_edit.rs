//! Saving a plan into the text it was read from, changing only what changed: people write
//! comments, blank lines and their own key order into plan files, and a save must not wipe
//! them. Pure text in, text out; no files.
//!
//! The edit compares the plan as it was read (`before`) with the plan to save (`after`),
//! field by field, and touches the TOML document only where they differ. A changed value
//! keeps its decoration (the spaces around it and a trailing `# comment`); a removed key's
//! comment lines move to the next key; a new key goes at the end of its table, a new table
//! at the end of the file. The result is checked by reading it back: it must be `after`.

use std::collections::BTreeMap;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use crate::i18n::Lang;
use crate::model::Plan;

/// Why a plan could not be written into its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanEditError {
    /// The original text is not TOML (it was changed since it was read, or is not a plan).
    #[error("the file is not valid TOML: {reason}")]
    NotToml { reason: String },
    /// The edited text would not read back as the plan to save (the text did not hold the
    /// `before` plan, or it is laid out in a way the edit cannot follow).
    #[error("the edited file would not read back as the plan")]
    NotFaithful,
}

impl PlanEditError {
    /// What went wrong, in words for the person using Michi.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanEditError::NotToml { .. } => lang.pick(
                "ファイルの書式が壊れているため、書き換えられません",
                "the file's format is broken, so it cannot be updated in place",
            ),
            PlanEditError::NotFaithful => lang.pick(
                "ファイルの書き方のため、コメントを残したままでは書き換えられません",
                "the way the file is laid out does not allow updating it with its comments kept",
            ),
        }
        .to_string()
    }
}

/// Returns `original` with the values that differ between `before` and `after` replaced,
/// everything else (comments, order, blank lines, inline tables) left as written.
/// `before` must be the plan `original` reads as.
pub fn update_plan_text(original: &str, before: &Plan, after: &Plan) -> Result<String, PlanEditError> {
    let mut doc: DocumentMut = original
        .parse()
        .map_err(|e: toml_edit::TomlError| PlanEditError::NotToml {
            reason: e.message().to_string(),
        })?;
    for ((key, old), (_, new)) in fields(before).into_iter().zip(fields(after)) {
        if old != new {
            apply(&mut doc, key, &old, &new);
        }
    }
    let text = doc.to_string();
    // The edit is only as good as its reading: anything that would not give back `after`
    // exactly is refused rather than written. Names the text wrote where ids belong (as
    // `before` was read from it) stay as written, and read as the same ids again.
    let faithful = |text: &str| {
        toml::from_str::<Plan>(text).is_ok_and(|mut read_back| {
            read_back.reread_names(&before.names_read);
            read_back.names_read.clone_from(&after.names_read);
            read_back == *after
        })
    };
    // toml_edit writes every line end as LF; a file written with CRLF (Windows editors)
    // gets its own line ends back, unless that would change a multi-line string's value.
    let first_line_end = original.find('\n');
    if first_line_end.is_some_and(|end| end > 0 && original.as_bytes().get(end - 1) == Some(&b'\r')) {
        let crlf = with_crlf(&text);
        if faithful(&crlf) {
            return Ok(crlf);
        }
    }
    if faithful(&text) {
        Ok(text)
    } else {
        Err(PlanEditError::NotFaithful)
    }
}

/// `text` with every lone LF made CRLF.
fn with_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// Writes the change of one top-level field into the document.
fn apply(doc: &mut DocumentMut, key: &str, old: &Field, new: &Field) {
    match (old, new) {
        (_, Field::Scalar(value)) => {
            let orphan = set_entry(doc.as_table_mut(), key, value.as_ref());
            keep_at_end(doc, orphan);
        }
        (old, Field::Strings(items)) => {
            let old_items: &[String] = match old {
                Field::Strings(o) => o,
                _ => &[],
            };
            match doc.as_table_mut().get_mut(key) {
                Some(Item::Value(Value::Array(array))) => {
                    edit_array(
                        array,
                        old_items,
                        items,
                        |s| Value::from(s.as_str()),
                        |value, _, new_item| {
                            let mut replaced = Value::from(new_item.as_str());
                            *replaced.decor_mut() = value.decor().clone();
                            *value = replaced;
                        },
                    );
                }
                _ => {
                    let array: Array = items.iter().map(String::as_str).collect();
                    set_item(doc.as_table_mut(), key, Item::Value(Value::Array(array)));
                }
            }
        }
        (old, Field::Map(entries)) => {
            let old_entries: &[(String, Scalar)] = match old {
                Field::Map(o) => o,
                _ => &[],
            };
            match doc.as_table_mut().get_mut(key) {
                Some(item) if item.is_table_like() => {
                    let orphan = match item {
                        Item::Table(table) => edit_table(table, old_entries, entries),
                        Item::Value(Value::InlineTable(table)) => edit_inline_table(table, old_entries, entries),
                        _ => item
                            .as_table_like_mut()
                            .and_then(|table| edit_entries(table, old_entries, entries)),
                    };
                    keep_at_end(doc, orphan);
                }
                // A table no one wrote yet is created only once it has something in it.
                _ if entries.is_empty() => {}
                _ => {
                    let mut table = new_table(entries);
                    table.set_position(Some(next_position(doc)));
                    set_item(doc.as_table_mut(), key, Item::Table(table));
                }
            }
        }
        (old, Field::Rows(rows)) => {
            let old_rows: &[Entries] = match old {
                Field::Rows(o) => o,
                _ => &[],
            };
            edit_rows(doc, key, old_rows, rows);
        }
    }
}

/// Replaces the item at `key` keeping the key (and its comments) where it is, or adds it.
fn set_item(table: &mut Table, key: &str, item: Item) {
    match table.get_mut(key) {
        Some(slot) => *slot = item,
        None => {
            table.insert(key, item);
        }
    }
}

/// Sets, replaces or removes `key = value` in a table. A replaced value keeps its
/// decoration. Returns comment lines of a removed key that had nowhere to go.
fn set_entry(table: &mut dyn TableLike, key: &str, value: Option<&Scalar>) -> Option<String> {
    let Some(value) = value else {
        return remove_entry(table, key);
    };
    let mut new = value.to_value();
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *new.decor_mut() = old.decor().clone();
            *old = new;
        }
        Some(slot) => *slot = Item::Value(new),
        None => {
            table.insert(key, Item::Value(new));
        }
    }
    None
}

/// The comment lines of a stretch of whitespace and comments (up to its last line end), if
/// it has any.
fn comment_lines(raw: &str) -> Option<&str> {
    if !raw.contains('#') {
        return None;
    }
    raw.rfind('\n').and_then(|end| raw.get(..=end))
}

fn raw_str(raw: Option<&toml_edit::RawString>) -> &str {
    raw.and_then(toml_edit::RawString::as_str).unwrap_or("")
}

/// Removes `key` from a table. Comment lines written above it are about the file as much as
/// about the key, so they move down to the next key, or, for the last key, onto the line
/// of the one before; returns them when the table has no other key.
fn remove_entry(table: &mut dyn TableLike, key: &str) -> Option<String> {
    let keys: Vec<String> = table
        .iter()
        .filter(|(_, item)| item.is_value())
        .map(|(k, _)| k.to_string())
        .collect();
    let comments = table
        .key(key)
        .and_then(|k| comment_lines(raw_str(k.leaf_decor().prefix())))
        .map(str::to_string);
    table.remove(key);
    let comments = comments?;
    let at = keys.iter().position(|k| k == key)?;
    if let Some(mut next) = keys.get(at + 1).and_then(|k| table.key_mut(k)) {
        let prefix = format!("{comments}{}", raw_str(next.leaf_decor().prefix()));
        next.leaf_decor_mut().set_prefix(prefix);
        return None;
    }
    if let Some(Item::Value(previous)) = at
        .checked_sub(1)
        .and_then(|p| keys.get(p))
        .and_then(|k| table.get_mut(k))
    {
        let suffix = format!(
            "{}\n{}",
            raw_str(previous.decor().suffix()),
            comments.trim_end_matches(['\n', '\r'])
        );
        previous.decor_mut().set_suffix(suffix);
        return None;
    }
    Some(comments)
}

/// Keeps comment lines that lost their place at the end of the document.
fn keep_at_end(doc: &mut DocumentMut, orphan: Option<String>) {
    if let Some(comments) = orphan {
        let trailing = format!("{comments}{}", raw_str(Some(doc.trailing())));
        doc.set_trailing(trailing);
    }
}

/// Brings a table's entries from `old` to `new`; comment lines that lost their key go on
/// the table's header line.
fn edit_table(table: &mut Table, old: &[(String, Scalar)], new: &[(String, Scalar)]) -> Option<String> {
    let (handled, nested_orphan) = edit_nested_tables(table, old, new);
    let old: Vec<(String, Scalar)> = old.iter().filter(|(k, _)| !handled.contains(k)).cloned().collect();
    let new: Vec<(String, Scalar)> = new.iter().filter(|(k, _)| !handled.contains(k)).cloned().collect();
    let orphan = match (edit_entries(table, &old, &new), nested_orphan) {
        (None, None) => return None,
        (a, b) => format!("{}{}", a.unwrap_or_default(), b.unwrap_or_default()),
    };
    if table.is_dotted() || table.is_implicit() {
        return Some(orphan);
    }
    let suffix = format!(
        "{}\n{}",
        raw_str(table.decor().suffix()),
        orphan.trim_end_matches(['\n', '\r'])
    );
    table.decor_mut().set_suffix(suffix);
    None
}

/// Removes, replaces and adds the entries that differ between `old` and `new`.
fn edit_entries(table: &mut dyn TableLike, old: &[(String, Scalar)], new: &[(String, Scalar)]) -> Option<String> {
    let old_map: BTreeMap<&str, &Scalar> = old.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let new_map: BTreeMap<&str, &Scalar> = new.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut orphans = String::new();
    for (key, _) in old.iter().filter(|(k, _)| !new_map.contains_key(k.as_str())) {
        if let Some(comments) = remove_entry(table, key) {
            orphans.push_str(&comments);
        }
    }
    for (key, value) in new {
        if old_map.get(key.as_str()) != Some(&value) {
            set_entry(table, key, Some(value));
        }
    }
    (!orphans.is_empty()).then_some(orphans)
}

/// [`edit_entries`] for an inline table, keeping the space before its closing `}` after
/// whichever entry is now last.
fn edit_inline_table(table: &mut InlineTable, old: &[(String, Scalar)], new: &[(String, Scalar)]) -> Option<String> {
    let last_before = table
        .iter()
        .last()
        .map(|(k, v)| (k.to_string(), raw_str(v.decor().suffix()).to_string()));
    let orphan = edit_entries(table, old, new);
    let last_now = table.iter().last().map(|(k, _)| k.to_string());
    if let (Some((key_before, closing)), Some(key_now)) = (last_before, last_now)
        && key_before != key_now
    {
        if let Some(value) = table.get_mut(&key_before) {
            value.decor_mut().set_suffix("");
        }
        if let Some(value) = table.get_mut(&key_now) {
            value.decor_mut().set_suffix(closing);
        }
    }
    orphan
}

fn new_table(entries: &[(String, Scalar)]) -> Table {
    let mut table = Table::new();
    for (key, value) in entries {
        let item = match value {
            Scalar::Tables(rows) => Item::ArrayOfTables(new_tables(rows)),
            value => Item::Value(value.to_value()),
        };
        table.insert(key, item);
    }
    table
}

fn new_inline_table(entries: &[(String, Scalar)]) -> Value {
    let mut table = InlineTable::new();
    for (key, value) in entries {
        table.insert(key.as_str(), value.to_value());
    }
    table.fmt();
    Value::InlineTable(table)
}

/// The position after every table of the document, so a new table is written last.
fn next_position(doc: &DocumentMut) -> isize {
    fn highest(table: &Table) -> isize {
        let mut top = table.position().unwrap_or(0);
        for (_, item) in table.iter() {
            match item {
                Item::Table(t) => top = top.max(highest(t)),
                Item::ArrayOfTables(a) => {
                    for t in a.iter() {
                        top = top.max(highest(t));
                    }
                }
                _ => {}
            }
        }
        top
    }
    highest(doc.as_table()).saturating_add(1)
}

/// Brings an array from `old` to `new`: kept elements keep their formatting, added ones
/// follow the array's layout (one a line, or all on one), and comment lines of removed
/// ones move to the next element.
fn edit_array<T: PartialEq>(
    array: &mut Array,
    old: &[T],
    new: &[T],
    make: impl Fn(&T) -> Value,
    change: impl Fn(&mut Value, &T, &T),
) {
    let written: Vec<Value> = array.iter().cloned().collect();
    let multiline = written.iter().any(|v| raw_str(v.decor().prefix()).contains('\n'));
    let first_prefix = written
        .first()
        .map(|v| raw_str(v.decor().prefix()).to_string())
        .unwrap_or_default();
    let line_prefix = written.last().map_or_else(
        || "\n  ".to_string(),
        |v| {
            let prefix = raw_str(v.decor().prefix());
            format!("\n{}", prefix.rsplit('\n').next().unwrap_or(""))
        },
    );
    let mut values: Vec<Value> = Vec::new();
    let mut carried = String::new();
    for step in list_steps(old, new) {
        let mut value = match step {
            Step::Keep(i) => written.get(i).cloned(),
            Step::Change { old: i, new: j } => match (written.get(i), old.get(i), new.get(j)) {
                (Some(value), Some(old_item), Some(new_item)) => {
                    let mut value = value.clone();
                    change(&mut value, old_item, new_item);
                    Some(value)
                }
                (None, _, Some(new_item)) => Some(make(new_item)),
                _ => None,
            },
            Step::Add(j) => new.get(j).map(|item| {
                let mut value = make(item);
                let prefix = match (multiline, values.is_empty()) {
                    (true, _) => line_prefix.clone(),
                    (false, true) => first_prefix.clone(),
                    (false, false) => " ".to_string(),
                };
                value.decor_mut().set_prefix(prefix);
                value.decor_mut().set_suffix("");
                value
            }),
            Step::Remove(i) => {
                if let Some(comments) = written.get(i).and_then(|v| comment_lines(raw_str(v.decor().prefix()))) {
                    carried.push_str(comments);
                }
                None
            }
        };
        if let Some(value) = value.as_mut() {
            if !carried.is_empty() {
                let prefix = format!("{carried}{}", raw_str(value.decor().prefix()));
                value.decor_mut().set_prefix(prefix);
                carried.clear();
            }
            if !multiline {
                // On one line the first element sits right after `[`; the others after ", ".
                let prefix = if values.is_empty() {
                    first_prefix.clone()
                } else {
                    " ".to_string()
                };
                let current = raw_str(value.decor().prefix());
                if values.is_empty() || current.is_empty() {
                    value.decor_mut().set_prefix(prefix);
                }
            }
        }
        values.extend(value);
    }
    array.clear();
    for value in values {
        array.push_formatted(value);
    }
    if !carried.is_empty() {
        let trailing = raw_str(Some(array.trailing()));
        let trailing = format!("{carried}{}", trailing.strip_prefix('\n').unwrap_or(trailing));
        array.set_trailing(trailing);
    }
}

/// Brings `[[key]]` tables (or an array of inline tables) from `old` to `new`, matching
/// equal rows and changing the others field by field.
fn edit_rows(doc: &mut DocumentMut, key: &str, old: &[Entries], new: &[Entries]) {
    let root = doc.as_table_mut();
    match root.get_mut(key) {
        Some(Item::ArrayOfTables(tables)) => {
            let (orphan, after) = edit_tables(tables, old, new);
            if tables.is_empty() {
                root.remove(key);
            }
            if let Some(comments) = orphan {
                place_before_next_table(doc, after, &comments);
            }
        }
        Some(Item::Value(Value::Array(array))) => {
            edit_array(
                array,
                old,
                new,
                |row| new_inline_table(row),
                |value, old_row, new_row| {
                    if let Some(table) = value.as_inline_table_mut() {
                        // Comments inside an inline table are rare enough (TOML 1.1 only) to let
                        // those of a removed key go with it.
                        let _ = edit_inline_table(table, old_row, new_row);
                    }
                },
            );
        }
        _ if new.is_empty() => {}
        _ => {
            let start = next_position(doc);
            let mut tables = ArrayOfTables::new();
            for (offset, row) in new.iter().enumerate() {
                let mut table = new_table(row);
                table.set_position(Some(start.saturating_add_unsigned(offset)));
                tables.push(table);
            }
            set_item(doc.as_table_mut(), key, Item::ArrayOfTables(tables));
        }
    }
}

/// Brings the tables of a `[[key]]` array from `old` to `new`. Comment lines above a removed
/// table's header move to the next table of the array; returns those that had none, with
/// the position of the last removed table.
fn edit_tables(tables: &mut ArrayOfTables, old: &[Entries], new: &[Entries]) -> (Option<String>, isize) {
    let written: Vec<Table> = tables.iter().cloned().collect();
    let mut carried = String::new();
    let mut removed_at = 0;
    tables.clear();
    for step in list_steps(old, new) {
        let table = match step {
            Step::Keep(i) => written.get(i).cloned(),
            Step::Change { old: i, new: j } => match (written.get(i), old.get(i), new.get(j)) {
                (Some(table), Some(old_row), Some(new_row)) => {
                    let mut table = table.clone();
                    let _ = edit_table(&mut table, old_row, new_row);
                    Some(table)
                }
                (None, _, Some(new_row)) => Some(new_table(new_row)),
                _ => None,
            },
            Step::Add(j) => new.get(j).map(|row| new_table(row)),
            Step::Remove(i) => {
                if let Some(table) = written.get(i) {
                    if let Some(comments) = comment_lines(raw_str(table.decor().prefix())) {
                        carried.push_str(comments);
                    }
                    removed_at = table.position().unwrap_or(removed_at);
                }
                None
            }
        };
        if let Some(mut table) = table {
            if !carried.is_empty() {
                let prefix = format!("{carried}{}", raw_str(table.decor().prefix()));
                table.decor_mut().set_prefix(prefix);
                carried.clear();
            }
            tables.push(table);
        }
    }
    ((!carried.is_empty()).then_some(carried), removed_at)
}

/// Puts comment lines just before the first table written after `position`, or at the end
/// of the document when none is.
fn place_before_next_table(doc: &mut DocumentMut, position: isize, comments: &str) {
    let mut next: Option<(isize, String, Option<usize>)> = None;
    for (key, item) in doc.as_table().iter() {
        let mut consider = |table: &Table, index: Option<usize>| {
            if let Some(p) = table.position().filter(|p| *p > position)
                && next.as_ref().is_none_or(|(best, _, _)| p < *best)
            {
                next = Some((p, key.to_string(), index));
            }
        };
        match item {
            Item::Table(table) => consider(table, None),
            Item::ArrayOfTables(tables) => tables.iter().enumerate().for_each(|(i, t)| consider(t, Some(i))),
            _ => {}
        }
    }
    let target = next.and_then(|(_, key, index)| match (doc.as_table_mut().get_mut(&key), index) {
        (Some(Item::Table(table)), None) => Some(table),
        (Some(Item::ArrayOfTables(tables)), Some(i)) => tables.get_mut(i),
        _ => None,
    });
    match target {
        Some(table) => {
            let prefix = format!("{comments}{}", raw_str(table.decor().prefix()));
            table.decor_mut().set_prefix(prefix);
        }
        None => keep_at_end(doc, Some(comments.to_string())),
    }
}

mod fields;
mod nested;
mod steps;

use fields::{Entries, Field, Scalar, fields};
use nested::{edit_nested_tables, new_tables};
use steps::{Step, list_steps};

#[cfg(test)]
mod tests;
