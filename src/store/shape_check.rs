//! Every structural problem of a parsed document in one pass: keys missing, unknown or of
//! the wrong type, values outside an enumeration or a range, tables written as arrays of
//! tables and the reverse. The document is walked against the format's shape
//! ([`crate::store::schema`]) before serde sees it, so a file with five such problems is
//! answered with five, not one per run.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::Date;
use crate::store::diagnostic::MAX_SHOWN;
use crate::store::schema::{FieldShape, Shape, TableShape};

/// One structural problem, at a byte span of the source.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapeProblem {
    pub span: Range<usize>,
    pub kind: ShapeKind,
}

/// What is wrong with the document's structure.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    /// A required key is absent from the table at `path` (dotted; empty for the top of the
    /// file), whose header is `header` (`[document]`, `[[job_series.grades]]`).
    Missing {
        path: String,
        header: String,
        /// The table's type (`Profile`, `Grade`).
        owner: &'static str,
        field: &'static FieldShape,
    },
    /// A key the table does not have.
    Unknown { key: String, table: &'static TableShape },
    /// A value of the wrong kind.
    WrongType {
        key: String,
        /// The dotted header path of the key, for `[x]` and `[[x]]` in messages.
        path: String,
        expected: &'static Shape,
        found: FoundValue,
    },
    /// A string outside an enumeration.
    NotAllowed {
        key: String,
        value: String,
        choice: &'static Shape,
    },
    /// A whole number outside its range.
    OutOfRange {
        key: String,
        value: String,
        min: i128,
        max: i128,
    },
    /// A date that is not one.
    NotADate { key: String, value: String },
}

/// What a document has where another kind of value was expected, for messages.
#[derive(Debug, Clone, PartialEq)]
pub enum FoundValue {
    Text(String),
    Integer(String),
    Decimal(String),
    Bool(bool),
    Datetime(String),
    List,
    /// `[[x]]` tables.
    TableList,
    Table,
}

/// Longest value quoted back in a message, in characters.
const QUOTED_CHARS: usize = 40;

impl FoundValue {
    fn of(value: &Spanned<DeValue<'_>>) -> FoundValue {
        match value.get_ref() {
            DeValue::String(s) => FoundValue::Text(cut(s)),
            DeValue::Integer(i) => FoundValue::Integer(cut(i.as_str())),
            DeValue::Float(f) => FoundValue::Decimal(cut(f.as_str())),
            DeValue::Boolean(b) => FoundValue::Bool(*b),
            DeValue::Datetime(d) => FoundValue::Datetime(d.to_string()),
            DeValue::Array(items) if is_table_list(value, items) => FoundValue::TableList,
            DeValue::Array(_) => FoundValue::List,
            DeValue::Table(_) => FoundValue::Table,
        }
    }
}

fn cut(s: &str) -> String {
    if s.chars().count() <= QUOTED_CHARS {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(QUOTED_CHARS).collect();
        out.push('…');
        out
    }
}

/// Whether an array was written as `[[x]]` headers: its span is its first table's header.
fn is_table_list(value: &Spanned<DeValue<'_>>, items: &[Spanned<DeValue<'_>>]) -> bool {
    items
        .first()
        .is_some_and(|first| first.get_ref().is_table() && first.span() == value.span())
}

/// The structural problems of `root` against `shape`: the first [`MAX_SHOWN`] in file
/// order, and how many more there are.
pub fn check_shape(root: &DeTable<'_>, source: &str, shape: &'static TableShape) -> (Vec<ShapeProblem>, usize) {
    let mut walk = Walk {
        found: Vec::new(),
        more: 0,
    };
    let first_key = root
        .iter()
        .map(|(k, _)| k.span())
        .min_by_key(|s| s.start)
        .unwrap_or(0..0);
    let end = source.trim_end().len();
    let last_char = source
        .get(..end)
        .and_then(|s| s.char_indices().next_back())
        .map_or(0..0, |(i, _)| i..end);
    walk.table(
        "",
        "",
        Place::Root {
            scalars: first_key,
            tables: last_char,
        },
        root,
        shape,
    );
    walk.found.sort_by_key(|p| (p.span.start, p.span.end));
    if walk.found.len() > MAX_SHOWN {
        walk.more += walk.found.len() - MAX_SHOWN;
        walk.found.truncate(MAX_SHOWN);
    }
    (walk.found, walk.more)
}

/// Where to point at a key missing from a table.
#[derive(Clone)]
enum Place {
    /// The top of the file: keys go before the first header, tables anywhere after.
    Root {
        scalars: Range<usize>,
        tables: Range<usize>,
    },
    /// A table's header or inline braces.
    Table(Range<usize>),
}

struct Walk {
    found: Vec<ShapeProblem>,
    more: usize,
}

impl Walk {
    fn push(&mut self, span: Range<usize>, kind: ShapeKind) {
        // Tables are walked in key order, not file order: keep twice the shown number,
        // then the earliest in the file, so the report starts at the top.
        if self.found.len() >= 2 * MAX_SHOWN {
            self.found.sort_by_key(|p| (p.span.start, p.span.end));
            self.more += self.found.len() - MAX_SHOWN;
            self.found.truncate(MAX_SHOWN);
        }
        self.found.push(ShapeProblem { span, kind });
    }

    fn table(&mut self, path: &str, header: &str, place: Place, table: &DeTable<'_>, shape: &'static TableShape) {
        for (key, value) in table.iter() {
            let name = key.get_ref();
            match shape.field(name) {
                Some(field) => self.value(&join(path, field.key), field.key, value, &field.shape, false),
                None => self.push(
                    key.span(),
                    ShapeKind::Unknown {
                        key: cut(name),
                        table: shape,
                    },
                ),
            }
        }
        for field in shape.fields.iter().filter(|f| f.required) {
            if table.get(field.key).is_some() {
                continue;
            }
            let span = match &place {
                Place::Root { scalars, tables } => match field.shape {
                    Shape::Table(_) | Shape::Map(_) => tables.clone(),
                    Shape::List(ref inner) if matches!(inner.as_ref(), Shape::Table(_)) => tables.clone(),
                    _ => scalars.clone(),
                },
                Place::Table(span) => span.clone(),
            };
            self.push(
                span,
                ShapeKind::Missing {
                    path: path.to_string(),
                    header: header.to_string(),
                    owner: shape.name,
                    field,
                },
            );
        }
    }

    /// Checks `value` of `key` against `shape`; `in_list` when it is an element of an array
    /// (a table there has a `[[…]]` header).
    fn value(&mut self, path: &str, key: &str, value: &Spanned<DeValue<'_>>, shape: &'static Shape, in_list: bool) {
        let span = value.span();
        match (shape, value.get_ref()) {
            (Shape::Any, _)
            | (Shape::Text, DeValue::String(_))
            | (Shape::Bool, DeValue::Boolean(_))
            | (Shape::Decimal, DeValue::Integer(_) | DeValue::Float(_)) => {}
            (Shape::Integer { min, max }, DeValue::Integer(i)) => {
                let n = i128::from_str_radix(i.as_str(), i.radix()).ok();
                if n.is_none_or(|n| n < *min || n > *max) {
                    self.push(
                        span,
                        ShapeKind::OutOfRange {
                            key: key.to_string(),
                            value: cut(i.as_str()),
                            min: *min,
                            max: *max,
                        },
                    );
                }
            }
            (Shape::Date, DeValue::Datetime(d)) => {
                let valid = d.time.is_none()
                    && d.offset.is_none()
                    && d.date
                        .is_some_and(|d| Date::new(i32::from(d.year), d.month, d.day).is_some());
                if !valid {
                    self.push(
                        span,
                        ShapeKind::NotADate {
                            key: key.to_string(),
                            value: d.to_string(),
                        },
                    );
                }
            }
            (Shape::Date, DeValue::String(s)) => {
                if Date::parse(s).is_none() {
                    self.push(
                        span,
                        ShapeKind::NotADate {
                            key: key.to_string(),
                            value: cut(s),
                        },
                    );
                }
            }
            (Shape::Choice { values, .. }, DeValue::String(s)) => {
                if !values.contains(&s.as_ref()) {
                    self.push(
                        span,
                        ShapeKind::NotAllowed {
                            key: key.to_string(),
                            value: cut(s),
                            choice: shape,
                        },
                    );
                }
            }
            (Shape::List(element), DeValue::Array(items)) => {
                for item in items.iter() {
                    self.value(path, key, item, element, true);
                }
            }
            (Shape::Table(table), DeValue::Table(t)) => {
                let header = if in_list {
                    format!("[[{path}]]")
                } else {
                    format!("[{path}]")
                };
                self.table(path, &header, Place::Table(span), t, table);
            }
            (Shape::Map(values), DeValue::Table(t)) => {
                for (k, v) in t.iter() {
                    self.value(path, k.get_ref(), v, values, false);
                }
            }
            _ => self.push(
                span,
                ShapeKind::WrongType {
                    key: key.to_string(),
                    path: path.to_string(),
                    expected: shape,
                    found: FoundValue::of(value),
                },
            ),
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;
    use crate::store::schema::shape_of;
    use std::sync::OnceLock;

    fn profile_shape() -> &'static TableShape {
        static SHAPE: OnceLock<TableShape> = OnceLock::new();
        SHAPE.get_or_init(|| shape_of::<Profile>().expect("traced"))
    }

    fn problems(text: &str) -> Vec<ShapeProblem> {
        let root = DeTable::parse(text).expect("parses");
        check_shape(root.get_ref(), text, profile_shape()).0
    }

    #[test]
    fn every_missing_key_is_found_at_its_table() {
        let text = "schema_version = 2\nid = \"x\"\n\n[document]\ndate = \"2024\"\n";
        let found = problems(text);
        let missing: Vec<(&str, &str)> = found
            .iter()
            .filter_map(|p| match &p.kind {
                ShapeKind::Missing { path, field, .. } => Some((path.as_str(), field.key)),
                _ => None,
            })
            .collect();
        // The scale, the competencies and the document's date may be left out (the
        // document may have no ability table or no date).
        for expected in [
            ("", "name"),
            ("", "name_romaji"),
            ("document", "title"),
            ("", "job_series"),
        ] {
            assert!(missing.contains(&expected), "{expected:?} in {missing:?}");
        }
        let title = found
            .iter()
            .find(|p| matches!(&p.kind, ShapeKind::Missing { field, .. } if field.key == "title"))
            .expect("title");
        assert_eq!(text.get(title.span.clone()), Some("[document]"));
    }

    #[test]
    fn wrong_types_unknown_keys_and_values_are_each_told() {
        let text = "[[job_series]]\nid = \"g\"\nname = \"一般\"\nsource = \"s\"\nnmae = 1\n[[job_series.grades]]\nid = \"a\"\nname = \"主事\"\nmanagement = \"supervisory\"\nsource = \"s\"\n[[requirements]]\ngrade = \"a\"\ncompetency = \"c\"\nemphasis = \"keey\"\nsource = \"s\"\n[[promotion]]\nfrom = \"a\"\nto = \"b\"\nmin_years = 300\ntypical_years = 3\n";
        let found = problems(text);
        assert!(
            found
                .iter()
                .any(|p| matches!(&p.kind, ShapeKind::Unknown { key, .. } if key == "nmae"))
        );
        assert!(found.iter().any(|p| matches!(
            &p.kind,
            ShapeKind::WrongType { key, found: FoundValue::Text(v), expected: Shape::Bool, .. }
                if key == "management" && v == "supervisory"
        )));
        assert!(
            found
                .iter()
                .any(|p| matches!(&p.kind, ShapeKind::NotAllowed { value, .. } if value == "keey"))
        );
        assert!(
            found
                .iter()
                .any(|p| matches!(&p.kind, ShapeKind::OutOfRange { value, .. } if value == "300"))
        );
        let starts: Vec<usize> = found.iter().map(|p| p.span.start).collect();
        assert!(starts.is_sorted(), "in file order: {starts:?}");
    }

    #[test]
    fn a_table_written_as_a_list_of_tables_is_told_as_such() {
        let found = problems("[competencies]\nid = \"c\"\n[[document]]\ntitle = \"t\"\n");
        assert!(found.iter().any(|p| matches!(
            &p.kind,
            ShapeKind::WrongType { key, found: FoundValue::Table, .. } if key == "competencies"
        )));
        assert!(found.iter().any(|p| matches!(
            &p.kind,
            ShapeKind::WrongType { key, found: FoundValue::TableList, .. } if key == "document"
        )));
    }
}
