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
use crate::model::{Date, Plan};

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
    // exactly is refused rather than written.
    let faithful = |text: &str| toml::from_str::<Plan>(text).is_ok_and(|read_back| read_back == *after);
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

/// A single TOML value of a plan, comparable without its formatting.
#[derive(Debug, Clone, PartialEq)]
enum Scalar {
    Int(i64),
    Bool(bool),
    Str(String),
    Date(Date),
}

impl Scalar {
    fn to_value(&self) -> Value {
        match self {
            Scalar::Int(n) => Value::from(*n),
            Scalar::Bool(b) => Value::from(*b),
            Scalar::Str(s) => Value::from(s.as_str()),
            Scalar::Date(d) => match u16::try_from(d.year()).ok().filter(|y| *y <= 9999) {
                Some(year) => Value::from(toml_edit::Datetime {
                    date: Some(toml_edit::Date {
                        year,
                        month: d.month(),
                        day: d.day(),
                    }),
                    time: None,
                    offset: None,
                }),
                // TOML dates have four-digit years; the plan reader also takes a quoted date.
                None => Value::from(d.to_string()),
            },
        }
    }
}

/// Key and value pairs of a table, in the order they are written when new.
type Entries = Vec<(String, Scalar)>;

/// One top-level field of a plan, in the shape it takes in the file.
#[derive(Debug, PartialEq)]
enum Field {
    /// `key = value`, absent when `None`.
    Scalar(Option<Scalar>),
    /// `key = ["…", …]`
    Strings(Vec<String>),
    /// `[key]` with `id = value` lines.
    Map(Entries),
    /// `[[key]]` tables.
    Rows(Vec<Entries>),
}

fn entry(key: &str, value: Option<Scalar>) -> Option<(String, Scalar)> {
    value.map(|v| (key.to_string(), v))
}

/// The plan's fields in file order. Destructured so a new field of `Plan` cannot be
/// forgotten here.
fn fields(plan: &Plan) -> Vec<(&'static str, Field)> {
    let Plan {
        schema_version,
        sample,
        profile,
        series,
        name,
        birth_date,
        hire_date,
        grade,
        grade_since,
        target_grade,
        target_fy,
        track,
        completed_trainings,
        planned_trainings,
        planned_years,
        self_assessment,
        supervisor_assessment,
        evidence,
        assignments,
        leaves,
        constraints,
    } = plan;
    let text = |s: &String| Scalar::Str(s.clone());
    let levels =
        |m: &BTreeMap<String, u8>| Field::Map(m.iter().map(|(k, v)| (k.clone(), Scalar::Int(i64::from(*v)))).collect());
    vec![
        (
            "schema_version",
            Field::Scalar(Some(Scalar::Int(i64::from(*schema_version)))),
        ),
        ("sample", Field::Scalar(sample.then_some(Scalar::Bool(true)))),
        ("profile", Field::Scalar(Some(text(profile)))),
        ("series", Field::Scalar(series.as_ref().map(text))),
        ("name", Field::Scalar(name.as_ref().map(text))),
        ("birth_date", Field::Scalar(Some(Scalar::Date(*birth_date)))),
        ("hire_date", Field::Scalar(Some(Scalar::Date(*hire_date)))),
        ("grade", Field::Scalar(Some(text(grade)))),
        ("grade_since", Field::Scalar(Some(Scalar::Date(*grade_since)))),
        ("target_grade", Field::Scalar(Some(text(target_grade)))),
        (
            "target_fy",
            Field::Scalar(target_fy.map(|fy| Scalar::Int(i64::from(fy)))),
        ),
        ("track", Field::Scalar(Some(Scalar::Str(track.id().to_string())))),
        ("completed_trainings", Field::Strings(completed_trainings.clone())),
        ("planned_trainings", Field::Strings(planned_trainings.clone())),
        (
            "planned_years",
            Field::Map(
                planned_years
                    .iter()
                    .map(|(k, v)| (k.clone(), Scalar::Int(i64::from(*v))))
                    .collect(),
            ),
        ),
        ("self_assessment", levels(self_assessment)),
        ("supervisor_assessment", levels(supervisor_assessment)),
        (
            "evidence",
            Field::Map(evidence.iter().map(|(k, v)| (k.clone(), text(v))).collect()),
        ),
        (
            "assignments",
            Field::Rows(
                assignments
                    .iter()
                    .map(|a| {
                        [
                            entry("department", Some(text(&a.department))),
                            entry("family", a.family.as_ref().map(text)),
                            entry("from", Some(Scalar::Date(a.from))),
                            entry("to", a.to.map(Scalar::Date)),
                        ]
                        .into_iter()
                        .flatten()
                        .collect()
                    })
                    .collect(),
            ),
        ),
        (
            "leaves",
            Field::Rows(
                leaves
                    .iter()
                    .map(|l| {
                        [
                            entry("kind", Some(Scalar::Str(l.kind.id().to_string()))),
                            entry("from", Some(Scalar::Date(l.from))),
                            entry("to", l.to.map(Scalar::Date)),
                            entry("note", l.note.as_ref().map(text)),
                        ]
                        .into_iter()
                        .flatten()
                        .collect()
                    })
                    .collect(),
            ),
        ),
        ("constraints", Field::Strings(constraints.clone())),
    ]
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
    let orphan = edit_entries(table, old, new)?;
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
        table.insert(key, Item::Value(value.to_value()));
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

/// One step of turning an old list into a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The old element at this index stays as it is.
    Keep(usize),
    /// The old element becomes the new one (same place, new content).
    Change { old: usize, new: usize },
    /// The old element goes.
    Remove(usize),
    /// The new element is added here.
    Add(usize),
}

/// Largest list pair matched element by element (longest common subsequence); beyond it,
/// elements are paired by position, which is slower to read in a diff but still correct.
const MAX_MATCH_CELLS: usize = 250_000;

/// The steps from `old` to `new`: equal elements are kept, and between them old and new
/// elements are paired by position (changed), the rest removed or added.
fn list_steps<T: PartialEq>(old: &[T], new: &[T]) -> Vec<Step> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = old.get(prefix..old.len() - suffix).unwrap_or_default();
    let new_mid = new.get(prefix..new.len() - suffix).unwrap_or_default();
    let mut steps: Vec<Step> = (0..prefix).map(Step::Keep).collect();
    let (mut i, mut j) = (0, 0);
    for (a, b) in common_subsequence(old_mid, new_mid)
        .into_iter()
        .chain([(old_mid.len(), new_mid.len())])
    {
        while i < a && j < b {
            steps.push(Step::Change {
                old: prefix + i,
                new: prefix + j,
            });
            i += 1;
            j += 1;
        }
        steps.extend((i..a).map(|k| Step::Remove(prefix + k)));
        steps.extend((j..b).map(|k| Step::Add(prefix + k)));
        if a < old_mid.len() {
            steps.push(Step::Keep(prefix + a));
        }
        (i, j) = (a + 1, b + 1);
    }
    steps.extend((old.len() - suffix..old.len()).map(Step::Keep));
    steps
}

/// Index pairs of a longest common subsequence, in order; none when the lists are too long
/// to match in reasonable time and memory.
fn common_subsequence<T: PartialEq>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_MATCH_CELLS {
        return Vec::new();
    }
    // lengths[i * (m + 1) + j]: length of the longest common subsequence of old[i..], new[j..].
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let value = if old.get(i) == new.get(j) {
                lengths.get((i + 1) * width + j + 1).map_or(0, |l| l + 1)
            } else {
                let down = lengths.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = lengths.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lengths.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old.get(i) == new.get(j) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths.get((i + 1) * width + j) >= lengths.get(i * width + j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::model::{Assignment, Leave, LeaveKind, Track};

    /// How many lines differ between two texts: what lies between their common first and
    /// last lines, counted on the longer side.
    fn lines_changed(a: &str, b: &str) -> usize {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let room = a.len().min(b.len()) - prefix;
        let suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(room)
            .take_while(|(x, y)| x == y)
            .count();
        a.len().max(b.len()) - prefix - suffix
    }

    fn comment_lines_of(text: &str) -> Vec<&str> {
        text.lines().map(str::trim).filter(|l| l.starts_with('#')).collect()
    }

    fn edit(text: &str, change: impl FnOnce(&mut Plan)) -> String {
        let before: Plan = toml::from_str(text).unwrap();
        let mut after = before.clone();
        change(&mut after);
        let edited = update_plan_text(text, &before, &after).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let read_back: Plan = toml::from_str(&edited).unwrap();
        assert_eq!(read_back, after, "\n{edited}");
        edited
    }

    const HAND_WRITTEN: &str = r#"# 自分の計画（手書き）
profile = "iruma"   # 入間市
schema_version = 1

# 職級のこと
grade = "shunin"
target_grade = "kacho"
grade_since = 2021-04-01
hire_date = 2011-04-01
birth_date = 1988-09-20
completed_trainings = [
  "kaisobetsu",  # 階層別
  "ojt_kenshu",
]
planned_trainings = ["coaching","kikaku"]
supervisor_assessment = { kosho_chosei = 2 }

[[assignments]]   # 最初の配属
department = "zeimu"
from = 2011-04-01
# 4年いた
to = 2015-03-31

[self_assessment]
# 自己評価は年に一度見直す
kosho_chosei = 3   # 交渉
jimu_shori = 4

# 二つ目の配属
[[assignments]]
department = "fukushi"
from = 2015-04-01

[evidence]
kikaku_ritsuan = """
一行目
二行目"""
"#;

    #[test]
    fn one_changed_level_changes_one_line_and_keeps_its_comment() {
        let edited = edit(HAND_WRITTEN, |p| {
            p.self_assessment.insert("kosho_chosei".into(), 4);
        });
        assert_eq!(lines_changed(HAND_WRITTEN, &edited), 1, "\n{edited}");
        assert!(edited.contains("kosho_chosei = 4   # 交渉\n"), "\n{edited}");
    }

    #[test]
    fn equal_fields_are_not_touched_and_defaults_not_inserted() {
        let edited = edit(HAND_WRITTEN, |p| p.grade = "shusa".into());
        assert_eq!(lines_changed(HAND_WRITTEN, &edited), 1);
        assert!(!edited.contains("track"), "a default absent from the file stays absent");
        assert!(!edited.contains("sample"));
    }

    #[test]
    fn an_unchanged_plan_gives_back_the_text_byte_for_byte() {
        assert_eq!(edit(HAND_WRITTEN, |_| {}), HAND_WRITTEN);
    }

    #[test]
    fn arrays_keep_their_layout() {
        let edited = edit(HAND_WRITTEN, |p| {
            p.completed_trainings.push("coaching".into());
            p.planned_trainings.retain(|t| t != "coaching");
        });
        assert!(
            edited.contains(
                "completed_trainings = [\n  \"kaisobetsu\",  # 階層別\n  \"ojt_kenshu\",\n  \"coaching\",\n]"
            ),
            "\n{edited}"
        );
        assert!(edited.contains("planned_trainings = [\"kikaku\"]\n"), "\n{edited}");
        let edited = edit(&edited, |p| p.planned_trainings.insert(0, "a".into()));
        assert!(
            edited.contains("planned_trainings = [\"a\", \"kikaku\"]\n"),
            "\n{edited}"
        );
    }

    #[test]
    fn a_removed_element_hands_its_comment_on() {
        let edited = edit(HAND_WRITTEN, |p| p.completed_trainings.retain(|t| t != "ojt_kenshu"));
        assert!(edited.contains("# 階層別"), "\n{edited}");
        let edited = edit(HAND_WRITTEN, |p| p.completed_trainings.clear());
        assert!(edited.contains("# 階層別"), "\n{edited}");
    }

    #[test]
    fn inline_tables_stay_inline() {
        let edited = edit(HAND_WRITTEN, |p| {
            p.supervisor_assessment.insert("jimu_shori".into(), 3);
        });
        assert!(
            edited.contains("supervisor_assessment = { kosho_chosei = 2, jimu_shori = 3 }\n"),
            "\n{edited}"
        );
    }

    #[test]
    fn postings_are_changed_field_by_field_added_and_removed() {
        let edited = edit(HAND_WRITTEN, |p| {
            let d = Date::parse("2019-03-31").unwrap();
            if let Some(a) = p.assignments.get_mut(1) {
                a.to = Some(d);
            }
            p.assignments.push(Assignment {
                department: "kikaku".into(),
                family: None,
                from: Date::parse("2019-04-01").unwrap(),
                to: None,
            });
        });
        assert_eq!(lines_changed(HAND_WRITTEN, &edited), 5, "\n{edited}");
        assert!(edited.contains("from = 2015-04-01\nto = 2019-03-31\n"));
        assert!(
            edited.contains("from = 2015-04-01\nto = 2019-03-31\n\n[[assignments]]\ndepartment = \"kikaku\"\nfrom = 2019-04-01\n\n[evidence]"),
            "a new posting follows the last one\n{edited}"
        );

        // The first posting goes: the comment above its header stays (it is about the file),
        // the one inside it goes with it.
        let edited = edit(HAND_WRITTEN, |p| {
            p.assignments.remove(0);
        });
        assert!(!edited.contains("# 4年いた"));
        assert!(!edited.contains("zeimu"));
        for comment in comment_lines_of(HAND_WRITTEN).into_iter().filter(|c| *c != "# 4年いた") {
            assert!(edited.contains(comment), "{comment} lost:\n{edited}");
        }
    }

    #[test]
    fn removed_keys_hand_their_comments_on() {
        let edited = edit(HAND_WRITTEN, |p| {
            p.self_assessment.remove("kosho_chosei");
        });
        assert!(
            edited.contains("# 自己評価は年に一度見直す\njimu_shori = 4\n"),
            "\n{edited}"
        );
        let edited = edit(HAND_WRITTEN, |p| p.self_assessment.clear());
        assert!(
            edited.contains("[self_assessment]\n# 自己評価は年に一度見直す\n"),
            "\n{edited}"
        );
        let edited = edit(HAND_WRITTEN, |p| {
            if let Some(a) = p.assignments.get_mut(0) {
                a.to = None;
            }
        });
        assert!(edited.contains("# 4年いた"), "\n{edited}");
        assert!(edited.contains("# 最初の配属"), "\n{edited}");
    }

    #[test]
    fn missing_tables_are_added_at_the_end_only_when_they_get_an_entry() {
        let text = "schema_version = 1\nprofile = \"iruma\"\nbirth_date = 1988-09-20\nhire_date = 2011-04-01\ngrade = \"shunin\"\ngrade_since = 2021-04-01\ntarget_grade = \"kacho\"\n\n[[assignments]]\ndepartment = \"zeimu\"\nfrom = 2011-04-01\n";
        let edited = edit(text, |p| {
            p.supervisor_assessment.insert("kosho_chosei".into(), 2);
            p.target_fy = Some(2034);
        });
        assert!(
            edited.ends_with("from = 2011-04-01\n\n[supervisor_assessment]\nkosho_chosei = 2\n"),
            "\n{edited}"
        );
        assert!(
            edited.contains("target_grade = \"kacho\"\ntarget_fy = 2034\n"),
            "\n{edited}"
        );
        assert!(!edited.contains("[self_assessment]"));
        assert!(!edited.contains("[evidence]"));
    }

    #[test]
    fn multi_line_and_awkward_text_is_written_as_valid_toml() {
        for note in [
            "二行\n目",
            "\"\"\"",
            "a'''b",
            "tab\tand\r\nreturn",
            "\u{7f}\u{1b}[31m",
            "\\",
            "",
            "末尾\n",
        ] {
            edit(HAND_WRITTEN, |p| {
                p.evidence.insert("kikaku_ritsuan".into(), note.into());
                p.evidence.insert(note.into(), note.into());
                p.name = Some(note.into());
                p.leaves.push(Leave {
                    kind: LeaveKind::Other,
                    from: Date::parse("2020-01-01").unwrap(),
                    to: None,
                    note: Some(note.into()),
                });
            });
        }
    }

    #[test]
    fn dotted_keys_and_inline_postings_are_followed() {
        let text = "schema_version = 1\nprofile = \"iruma\"\nbirth_date = 1988-09-20\nhire_date = 2011-04-01\ngrade = \"shunin\"\ngrade_since = 2021-04-01\ntarget_grade = \"kacho\"\nself_assessment.kosho_chosei = 3\nassignments = [{ department = \"zeimu\", from = 2011-04-01 }]\nleaves = [\n  { kind = \"childcare\", from = 2023-05-01 },\n]\n";
        let edited = edit(text, |p| {
            p.self_assessment.insert("jimu_shori".into(), 2);
            p.track = Track::Specialist;
            if let Some(a) = p.assignments.get_mut(0) {
                a.to = Some(Date::parse("2015-03-31").unwrap());
            }
            p.leaves.push(Leave {
                kind: LeaveKind::Sick,
                from: Date::parse("2024-01-01").unwrap(),
                to: None,
                note: None,
            });
        });
        assert!(
            edited.contains("assignments = [{ department = \"zeimu\", from = 2011-04-01, to = 2015-03-31 }]"),
            "\n{edited}"
        );
        assert!(
            edited.contains("\n  { kind = \"sick\", from = 2024-01-01 },\n]"),
            "\n{edited}"
        );
    }

    #[test]
    fn windows_line_ends_and_a_missing_last_line_end_are_followed() {
        let crlf = HAND_WRITTEN.replace('\n', "\r\n");
        let edited = edit(&crlf, |p| {
            p.self_assessment.insert("kosho_chosei".into(), 4);
            p.self_assessment.insert("kiki_kanri".into(), 2);
            p.constraints.push("通勤".into());
        });
        assert!(edited.contains("kosho_chosei = 4   # 交渉\r\n"), "{edited:?}");
        assert!(!edited.replace("\r\n", "").contains('\n'), "{edited:?}");
        let one = edit(&crlf, |p| {
            p.self_assessment.insert("jimu_shori".into(), 3);
        });
        assert_eq!(lines_changed(&crlf, &one), 1);
        assert_eq!(one.replace("jimu_shori = 3", "jimu_shori = 4"), crlf);
        let cut = HAND_WRITTEN.trim_end_matches('\n');
        edit(cut, |p| {
            p.evidence.insert("zzz".into(), "最後".into());
            p.leaves.push(Leave {
                kind: LeaveKind::Childcare,
                from: Date::parse("2030-04-01").unwrap(),
                to: None,
                note: None,
            });
        });
    }

    #[test]
    fn text_that_does_not_hold_the_plan_is_refused() {
        let before: Plan = toml::from_str(HAND_WRITTEN).unwrap();
        let mut after = before.clone();
        after.grade = "shusa".into();
        assert!(matches!(
            update_plan_text("not = [toml", &before, &after),
            Err(PlanEditError::NotToml { .. })
        ));
        let other = HAND_WRITTEN.replace("jimu_shori = 4", "jimu_shori = 1");
        assert_eq!(
            update_plan_text(&other, &before, &after),
            Err(PlanEditError::NotFaithful)
        );
    }

    #[test]
    fn list_steps_keep_equal_elements_and_pair_the_rest() {
        use Step::*;
        assert_eq!(list_steps(&[1, 2, 3], &[1, 3]), [Keep(0), Remove(1), Keep(2)]);
        assert_eq!(
            list_steps(&[1, 2, 3], &[1, 9, 3, 4]),
            [Keep(0), Change { old: 1, new: 1 }, Keep(2), Add(3)]
        );
        assert_eq!(list_steps::<u8>(&[], &[5]), [Add(0)]);
        assert_eq!(list_steps(&[5, 6], &[6, 5]), [Remove(0), Keep(1), Add(1)]);
        let long: Vec<u32> = (0..2000).collect();
        let reversed: Vec<u32> = long.iter().rev().copied().collect();
        assert_eq!(list_steps(&long, &reversed).len(), 2000, "long lists pair by position");
    }
}
