//! The checker's shape of the profile and plan formats stays in step with the model: for
//! every key of complete files, leaving it out either still reads (serde accepts it) or is
//! told by the shape walk as that very key missing — and the walk never refuses what serde
//! accepts. The fixtures together use every key the shape knows, so a field added to the
//! model is exercised here as soon as a fixture carries it.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeSet;

use michi::model::{Plan, Profile};
use michi::store::schema::{Shape, TableShape, shape_of};
use michi::store::shape_check::{ShapeKind, check_shape};
use serde::de::DeserializeOwned;
use toml_edit::{DocumentMut, Item, Value};

const PROFILES: &[(&str, &str)] = &[
    ("ageo", include_str!("../profiles/ageo.toml")),
    ("iruma", include_str!("../profiles/iruma.toml")),
    ("kawagoe", include_str!("../profiles/kawagoe.toml")),
    ("akishima", include_str!("../profiles/akishima.toml")),
    ("joetsu", include_str!("../profiles/joetsu.toml")),
    ("minimal", include_str!("fixtures/valid/minimal.toml")),
    ("every_key", include_str!("fixtures/shape/every_key.toml")),
    ("no_ability_table", include_str!("fixtures/valid/no_ability_table.toml")),
    (
        "rotation_patterns",
        include_str!("fixtures/valid/rotation_patterns.toml"),
    ),
    ("shared_grades", include_str!("fixtures/valid/shared_grades.toml")),
    (
        "courses_and_assumptions",
        include_str!("fixtures/shape/courses_and_assumptions.toml"),
    ),
];

const PLANS: &[(&str, &str)] = &[
    ("base", include_str!("fixtures/plans/base.toml")),
    ("every_key_plan", include_str!("fixtures/shape/every_key_plan.toml")),
];

#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Every key's path in the document, keys of arrays' later elements left out (they are
/// the same struct's keys as the first element's).
fn paths(item: &Item, at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match item {
        Item::Table(t) => {
            for (k, v) in t.iter() {
                at.push(Seg::Key(k.to_string()));
                out.push(at.clone());
                paths(v, at, out);
                at.pop();
            }
        }
        // Every element: a key may appear only in a later one (a second series' shares_from).
        // The caller keeps the first path to each key.
        Item::ArrayOfTables(a) => {
            for (i, element) in a.iter().enumerate() {
                at.push(Seg::Index(i));
                paths(&Item::Table(element.clone()), at, out);
                at.pop();
            }
        }
        Item::Value(Value::Array(a)) => {
            for (i, element) in a.iter().enumerate() {
                if let Value::InlineTable(_) = element {
                    at.push(Seg::Index(i));
                    paths(&Item::Value(element.clone()), at, out);
                    at.pop();
                }
            }
        }
        Item::Value(Value::InlineTable(t)) => {
            for (k, v) in t.iter() {
                at.push(Seg::Key(k.to_string()));
                out.push(at.clone());
                paths(&Item::Value(v.clone()), at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// Removes the key at `path`.
fn remove(item: &mut Item, path: &[Seg]) {
    match (path, item) {
        ([Seg::Key(k)], Item::Table(t)) => {
            t.remove(k);
        }
        ([Seg::Key(k)], Item::Value(Value::InlineTable(t))) => {
            t.remove(k);
        }
        ([Seg::Key(k), rest @ ..], Item::Table(t)) => remove(t.get_mut(k).unwrap(), rest),
        ([Seg::Key(k), rest @ ..], Item::Value(Value::InlineTable(t))) => {
            let mut inner = Item::Value(t.get(k).unwrap().clone());
            remove(&mut inner, rest);
            t.insert(k, inner.into_value().unwrap());
        }
        ([Seg::Index(i), rest @ ..], Item::Value(Value::Array(a))) => {
            let mut inner = Item::Value(a.get(*i).unwrap().clone());
            remove(&mut inner, rest);
            a.replace(*i, inner.into_value().unwrap());
        }
        ([Seg::Index(i), rest @ ..], Item::ArrayOfTables(a)) => {
            let mut inner = Item::Table(a.get(*i).unwrap().clone());
            remove(&mut inner, rest);
            *a.get_mut(*i).unwrap() = inner.into_table().unwrap();
        }
        (path, item) => panic!("cannot remove {path:?} from {item:?}"),
    }
}

fn dotted(path: &[Seg]) -> String {
    path.iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether the shape can see the key at `path`: not inside a value of a type the tracing
/// cannot see into (`Shape::Any`, e.g. an untagged enum), which serde alone checks.
fn visible(table: &TableShape, path: &[Seg]) -> bool {
    let mut table = table;
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        })
        .collect();
    for (i, key) in keys.iter().enumerate() {
        let Some(field) = table.field(key) else { return false };
        if i + 1 == keys.len() {
            return true;
        }
        let inner = match &field.shape {
            Shape::List(inner) => inner.as_ref(),
            other => other,
        };
        match inner {
            Shape::Table(t) => table = t,
            _ => return false,
        }
    }
    true
}

/// The dotted paths of every key the shape knows.
fn shape_paths(table: &TableShape, prefix: &str, out: &mut BTreeSet<String>) {
    for field in &table.fields {
        let path = if prefix.is_empty() {
            field.key.to_string()
        } else {
            format!("{prefix}.{}", field.key)
        };
        out.insert(path.clone());
        match &field.shape {
            Shape::Table(t) => shape_paths(t, &path, out),
            Shape::List(inner) => {
                if let Shape::Table(t) = inner.as_ref() {
                    shape_paths(t, &path, out);
                }
            }
            _ => {}
        }
    }
}

fn walk_agrees_with_serde<T: DeserializeOwned>(files: &[(&str, &str)]) {
    let shape: &'static TableShape = Box::leak(Box::new(shape_of::<T>().expect("traced")));
    let mut used = BTreeSet::new();
    for (name, text) in files {
        let doc: DocumentMut = text.parse().unwrap();
        let mut all = Vec::new();
        paths(doc.as_item(), &mut Vec::new(), &mut all);
        // One removal per key: the first place it is written.
        let mut seen = BTreeSet::new();
        all.retain(|path| seen.insert(dotted(path)));
        let root = toml::de::DeTable::parse(text).unwrap();
        assert_eq!(check_shape(root.get_ref(), text, shape).0, vec![], "{name} as it is");
        for path in all {
            used.insert(dotted(&path));
            if !visible(shape, &path) {
                continue;
            }
            let mut edited = doc.clone();
            remove(edited.as_item_mut(), &path);
            let edited = edited.to_string();
            let serde = toml::from_str::<T>(&edited).err().map(|e| e.message().to_string());
            let root = toml::de::DeTable::parse(&edited).unwrap();
            let (found, _) = check_shape(root.get_ref(), &edited, shape);
            let key = match path.last() {
                Some(Seg::Key(k)) => k.clone(),
                _ => unreachable!(),
            };
            match serde {
                None => assert_eq!(found, vec![], "{name}: without {}, serde reads it", dotted(&path)),
                Some(message) => {
                    assert!(
                        message.starts_with("missing field"),
                        "{name}: without {}: {message}",
                        dotted(&path)
                    );
                    assert!(
                        found
                            .iter()
                            .any(|p| matches!(&p.kind, ShapeKind::Missing { field, .. } if field.key == key)),
                        "{name}: without {}, serde says {message}; the walk says {found:?}",
                        dotted(&path)
                    );
                }
            }
        }
    }
    let mut known = BTreeSet::new();
    shape_paths(shape, "", &mut known);
    let unused: Vec<&String> = known.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "no fixture uses these keys; add them to tests/fixtures/shape/: {unused:?}"
    );
}

#[test]
fn every_profile_key_left_out_reads_or_is_told_missing() {
    walk_agrees_with_serde::<Profile>(PROFILES);
}

#[test]
fn every_plan_key_left_out_reads_or_is_told_missing() {
    walk_agrees_with_serde::<Plan>(PLANS);
}

fn table<'a>(shape: &'a TableShape, key: &str) -> &'a TableShape {
    match &shape.field(key).map(|f| &f.shape) {
        Some(Shape::Table(t)) => t,
        Some(Shape::List(inner)) => match inner.as_ref() {
            Shape::Table(t) => t,
            other => panic!("{key}: {other:?}"),
        },
        other => panic!("{key}: {other:?}"),
    }
}

#[test]
fn the_profile_shape_knows_required_keys_types_and_tables() {
    let profile = shape_of::<Profile>().expect("traced");
    let required: Vec<&str> = profile.fields.iter().filter(|f| f.required).map(|f| f.key).collect();
    assert!(
        required.contains(&"job_series") && required.contains(&"name"),
        "{required:?}"
    );
    assert!(!required.contains(&"trainings") && !required.contains(&"prefecture"));
    let grade = table(table(&profile, "job_series"), "grades");
    let name = grade.field("name").expect("name");
    assert_eq!((name.required, &name.shape), (true, &Shape::Text));
    assert!(!grade.field("roles").expect("roles").required);
    let levels = table(table(&profile, "scale"), "levels");
    assert_eq!(
        levels.field("level").map(|f| &f.shape),
        Some(&Shape::Integer { min: 0, max: 255 })
    );
    let requirement = table(&profile, "requirements");
    match &requirement.field("emphasis").expect("emphasis").shape {
        Shape::Choice { values, .. } => assert_eq!(*values, ["key", "expected", "unmarked"]),
        other => panic!("{other:?}"),
    }
    assert!(!requirement.field("emphasis").expect("emphasis").required);
    assert!(matches!(
        profile.field("rotation").map(|f| &f.shape),
        Some(Shape::Table(_))
    ));
}

#[test]
fn the_plan_shape_knows_dates_and_free_tables() {
    let plan = shape_of::<Plan>().expect("traced");
    assert_eq!(plan.field("birth_date").map(|f| &f.shape), Some(&Shape::Date));
    assert!(matches!(
        plan.field("self_assessment").map(|f| &f.shape),
        Some(Shape::Map(_))
    ));
    let assignment = table(&plan, "assignments");
    assert_eq!(
        assignment.field("to").map(|f| (f.required, &f.shape)),
        Some((false, &Shape::Date))
    );
}
