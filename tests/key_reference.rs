//! The key reference of docs/profile-format.md (§19) lists every key of the profile format
//! as Michi's model has it: the keys, their types and whether each is required are traced
//! from the model's serde types (`shape_of::<Profile>()`, what `profile check` itself
//! walks), so a key added to the model, removed from it, or made required cannot go
//! unnoticed in the table an HR officer reads.
// Slices of the page are cut where `find` found ASCII markers: on character boundaries.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

use std::collections::BTreeMap;
use std::path::Path;

use michi::model::Profile;
use michi::store::schema::{Shape, TableShape, shape_of};

/// A key as the model has it.
struct ModelKey {
    shape: Shape,
    required: bool,
}

/// A row of the table.
struct Row {
    line: usize,
    kind: String,
    required: String,
}

fn model_keys(table: &TableShape, prefix: &str, out: &mut BTreeMap<String, ModelKey>) {
    for field in &table.fields {
        let path = if prefix.is_empty() {
            field.key.to_string()
        } else {
            format!("{prefix}.{}", field.key)
        };
        out.insert(
            path.clone(),
            ModelKey {
                shape: field.shape.clone(),
                required: field.required,
            },
        );
        let inner = match &field.shape {
            Shape::List(inner) => inner.as_ref(),
            other => other,
        };
        if let Shape::Table(t) = inner {
            model_keys(t, &path, out);
        }
    }
}

/// The section of the document between the heading starting `heading` and the next `## `.
fn section<'a>(doc: &'a str, heading: &str) -> (usize, &'a str) {
    let start = doc
        .find(&format!("\n{heading}"))
        .unwrap_or_else(|| panic!("no heading {heading:?} in docs/profile-format.md"))
        + 1;
    let rest = &doc[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    let line = doc[..start].lines().count() + 1;
    (line, &rest[..end])
}

fn table_rows(doc: &str) -> BTreeMap<String, Vec<Row>> {
    let (first_line, text) = section(doc, "## 19. Key reference");
    let mut rows: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("| `") else { continue };
        let cells: Vec<&str> = line.split(" | ").collect();
        assert_eq!(cells.len(), 5, "line {}: five columns: {line}", first_line + i);
        let key = rest.split('`').next().unwrap().to_string();
        rows.entry(key).or_default().push(Row {
            line: first_line + i,
            kind: cells[1].trim().to_string(),
            required: cells[2].trim().to_string(),
        });
    }
    rows
}

/// The words the Type column starts with for a shape, and the enumeration values it must
/// name, if any.
fn type_words(shape: &Shape) -> (&'static str, Vec<&'static str>) {
    match shape {
        Shape::Text => ("text", vec![]),
        Shape::Integer { .. } => ("whole number", vec![]),
        Shape::Decimal => ("number", vec![]),
        Shape::Bool => ("true/false", vec![]),
        Shape::Date => ("date", vec![]),
        Shape::Choice { values, .. } => ("one of", values.to_vec()),
        Shape::List(inner) => match inner.as_ref() {
            Shape::Text => ("list of text", vec![]),
            Shape::Decimal | Shape::Integer { .. } => ("list of numbers", vec![]),
            Shape::Choice { values, .. } => ("list, each one of", values.to_vec()),
            Shape::Table(_) => ("list of tables", vec![]),
            _ => ("list", vec![]),
        },
        Shape::Table(_) => ("table", vec![]),
        Shape::Map(_) => ("table of", vec![]),
        Shape::Any => ("", vec![]),
    }
}

#[test]
fn the_key_reference_lists_every_key_of_the_model_as_the_model_has_it() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/profile-format.md")).unwrap();
    let mut model = BTreeMap::new();
    model_keys(&shape_of::<Profile>().expect("traced"), "", &mut model);
    assert!(model.len() > 200, "the tracing found {} keys", model.len());
    let rows = table_rows(&doc);

    let mut wrong = Vec::new();
    for (path, key) in &model {
        let Some(found) = rows.get(path) else {
            wrong.push(format!("`{path}` is a key of the model, missing from the table"));
            continue;
        };
        if found.len() > 1 {
            let lines: Vec<String> = found.iter().map(|r| r.line.to_string()).collect();
            wrong.push(format!(
                "`{path}` is listed {} times (lines {})",
                found.len(),
                lines.join(", ")
            ));
        }
        let row = &found[0];
        let said = row
            .required
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or_default();
        let wanted = if key.required { "yes" } else { "no" };
        if said != wanted {
            wrong.push(format!(
                "line {}: `{path}` is {} in the model; the table says {:?}",
                row.line,
                if key.required { "required" } else { "optional" },
                row.required
            ));
        }
        let (words, values) = type_words(&key.shape);
        if !row.kind.starts_with(words) {
            wrong.push(format!(
                "line {}: `{path}` holds {words:?} in the model; the table says {:?}",
                row.line, row.kind
            ));
        }
        for value in values {
            if !row.kind.contains(&format!("`{value}`")) {
                wrong.push(format!(
                    "line {}: `{path}` may be `{value}`; the table's type does not say so",
                    row.line
                ));
            }
        }
    }
    for (path, found) in &rows {
        if !model.contains_key(path) {
            wrong.push(format!(
                "line {}: `{path}` is in the table but not a key of the model",
                found[0].line
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/profile-format.md §19 is out of step with the model:\n{}",
        wrong.join("\n")
    );
}
