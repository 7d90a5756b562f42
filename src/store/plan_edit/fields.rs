//! A plan as the TOML fields a save compares: each value without its formatting.

use std::collections::BTreeMap;

use toml_edit::Value;

use crate::model::{Date, Plan, SelfReport};

/// A single TOML value of a plan, comparable without its formatting.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar {
    Int(i64),
    Bool(bool),
    Str(String),
    Date(Date),
    Ints(Vec<i64>),
    Strs(Vec<String>),
    /// Tables inside a table of a list (an interview's goals): `[[interviews.goals]]`, or
    /// inline where the file writes them inline.
    Tables(Vec<Entries>),
}

impl Scalar {
    pub(super) fn to_value(&self) -> Value {
        match self {
            Scalar::Int(n) => Value::from(*n),
            Scalar::Bool(b) => Value::from(*b),
            Scalar::Str(s) => Value::from(s.as_str()),
            Scalar::Ints(ns) => Value::Array(ns.iter().copied().collect()),
            Scalar::Strs(items) => Value::Array(items.iter().map(String::as_str).collect()),
            Scalar::Tables(rows) => Value::Array(
                rows.iter()
                    .map(|row| {
                        let mut t = toml_edit::InlineTable::new();
                        for (k, v) in row {
                            t.insert(k, v.to_value());
                        }
                        Value::InlineTable(t)
                    })
                    .collect(),
            ),
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
pub(super) type Entries = Vec<(String, Scalar)>;

/// One top-level field of a plan, in the shape it takes in the file.
#[derive(Debug, PartialEq)]
pub(super) enum Field {
    /// `key = value`, absent when `None`.
    Scalar(Option<Scalar>),
    /// `key = ["…", …]`
    Strings(Vec<String>),
    /// `[key]` with `id = value` lines.
    Map(Entries),
    /// `[[key]]` tables.
    Rows(Vec<Entries>),
}

pub(super) fn entry(key: &str, value: Option<Scalar>) -> Option<(String, Scalar)> {
    value.map(|v| (key.to_string(), v))
}

/// The plan's fields in file order. Destructured so a new field of `Plan` cannot be
/// forgotten here.
pub(super) fn fields(plan: &Plan) -> Vec<(&'static str, Field)> {
    let Plan {
        schema_version,
        sample,
        as_of,
        profile,
        series,
        name,
        birth_date,
        hire_date,
        grade,
        position,
        grade_since,
        target_grade,
        target_fy,
        track,
        course,
        course_field,
        course_since,
        completed_trainings,
        planned_trainings,
        planned_years,
        self_assessment,
        supervisor_assessment,
        evidence,
        roles_self,
        roles_supervisor,
        assignments,
        leaves,
        constraints,
        self_report,
        interviews,
        notes,
        lifeline,
        wcm,
        names_read: _,
    } = plan;
    let text = |s: &String| Scalar::Str(s.clone());
    let roles = |m: &BTreeMap<String, Vec<u16>>| {
        Field::Map(
            m.iter()
                .map(|(k, v)| (k.clone(), Scalar::Ints(v.iter().map(|&n| i64::from(n)).collect())))
                .collect(),
        )
    };
    let levels =
        |m: &BTreeMap<String, u8>| Field::Map(m.iter().map(|(k, v)| (k.clone(), Scalar::Int(i64::from(*v)))).collect());
    vec![
        (
            "schema_version",
            Field::Scalar(Some(Scalar::Int(i64::from(*schema_version)))),
        ),
        ("sample", Field::Scalar(sample.then_some(Scalar::Bool(true)))),
        ("as_of", Field::Scalar(as_of.map(Scalar::Date))),
        ("profile", Field::Scalar(Some(text(profile)))),
        ("series", Field::Scalar(series.as_ref().map(text))),
        ("name", Field::Scalar(name.as_ref().map(text))),
        ("birth_date", Field::Scalar(Some(Scalar::Date(*birth_date)))),
        ("hire_date", Field::Scalar(Some(Scalar::Date(*hire_date)))),
        ("grade", Field::Scalar(Some(text(grade)))),
        ("position", Field::Scalar(position.as_ref().map(text))),
        ("grade_since", Field::Scalar(Some(Scalar::Date(*grade_since)))),
        ("target_grade", Field::Scalar(Some(text(target_grade)))),
        (
            "target_fy",
            Field::Scalar(target_fy.map(|fy| Scalar::Int(i64::from(fy)))),
        ),
        ("track", Field::Scalar(Some(Scalar::Str(track.id().to_string())))),
        ("course", Field::Scalar(course.as_ref().map(text))),
        ("course_field", Field::Scalar(course_field.as_ref().map(text))),
        ("course_since", Field::Scalar(course_since.map(Scalar::Date))),
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
        ("roles_self", roles(roles_self)),
        ("roles_supervisor", roles(roles_supervisor)),
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
        ("self_report", self_report_entries(self_report)),
        (
            "interviews",
            Field::Rows(interviews.iter().map(interview_entries).collect()),
        ),
        ("notes", Field::Rows(notes.iter().map(note_entries).collect())),
        (
            "lifeline",
            Field::Rows(
                lifeline
                    .iter()
                    .map(|y| {
                        [
                            entry("fy", Some(Scalar::Int(i64::from(y.fy)))),
                            entry("score", Some(Scalar::Int(i64::from(y.score)))),
                            entry("note", y.note.as_ref().map(text)),
                        ]
                        .into_iter()
                        .flatten()
                        .collect()
                    })
                    .collect(),
            ),
        ),
        (
            "wcm",
            Field::Map(
                [("will", &wcm.will), ("can", &wcm.can), ("must", &wcm.must)]
                    .into_iter()
                    .filter_map(|(k, v)| entry(k, v.as_ref().map(text)))
                    .collect(),
            ),
        ),
    ]
}

/// An interview as its keys in file order; destructured so a new part is not forgotten.
fn interview_entries(interview: &crate::model::Interview) -> Entries {
    let crate::model::Interview {
        fy,
        kind,
        date,
        evaluator,
        second_evaluator,
        self_comment,
        supervisor_comment,
        agreed_next_steps,
        agreed_trainings,
        goals,
    } = interview;
    let text = |s: &Option<String>| s.as_ref().map(|s| Scalar::Str(s.clone()));
    let list = |items: &Vec<String>| (!items.is_empty()).then(|| Scalar::Strs(items.clone()));
    [
        entry("fy", Some(Scalar::Int(i64::from(*fy)))),
        entry("kind", Some(Scalar::Str(kind.id().to_string()))),
        entry("date", Some(Scalar::Date(*date))),
        entry("evaluator", text(evaluator)),
        entry("second_evaluator", text(second_evaluator)),
        entry("self_comment", text(self_comment)),
        entry("supervisor_comment", text(supervisor_comment)),
        entry("agreed_next_steps", list(agreed_next_steps)),
        entry("agreed_trainings", list(agreed_trainings)),
        entry(
            "goals",
            (!goals.is_empty()).then(|| Scalar::Tables(goals.iter().map(goal_entries).collect())),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn goal_entries(goal: &crate::model::Goal) -> Entries {
    let crate::model::Goal {
        title,
        measure,
        due,
        difficulty,
        weight,
        status,
        result,
    } = goal;
    let text = |s: &Option<String>| s.as_ref().map(|s| Scalar::Str(s.clone()));
    [
        entry("title", Some(Scalar::Str(title.clone()))),
        entry("measure", text(measure)),
        entry("due", due.map(Scalar::Date)),
        entry("difficulty", text(difficulty)),
        entry("weight", weight.map(|w| Scalar::Int(i64::from(w)))),
        entry("status", Some(Scalar::Str(status.id().to_string()))),
        entry("result", text(result)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn note_entries(note: &crate::model::Note) -> Entries {
    let crate::model::Note {
        date,
        author,
        competency,
        text,
    } = note;
    [
        entry("date", Some(Scalar::Date(*date))),
        entry("author", Some(Scalar::Str(author.id().to_string()))),
        entry("competency", competency.as_ref().map(|c| Scalar::Str(c.clone()))),
        entry("text", Some(Scalar::Str(text.clone()))),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `[self_report]` as its keys in file order; destructured so a new part is not forgotten.
fn self_report_entries(report: &SelfReport) -> Field {
    let SelfReport {
        transfer_wish,
        choices,
        reasons,
        health,
        qualifications,
        circumstances,
    } = report;
    let text = |s: &Option<String>| s.as_ref().map(|s| Scalar::Str(s.clone()));
    let list = |items: &Vec<String>| (!items.is_empty()).then(|| Scalar::Strs(items.clone()));
    Field::Map(
        [
            entry("transfer_wish", transfer_wish.map(|w| Scalar::Str(w.id().to_string()))),
            entry("choices", list(choices)),
            entry("reasons", text(reasons)),
            entry("health", text(health)),
            entry("qualifications", list(qualifications)),
            entry("circumstances", text(circumstances)),
        ]
        .into_iter()
        .flatten()
        .collect(),
    )
}
