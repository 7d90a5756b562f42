//! Format-preserving plan edits on the files people actually have: the shipped personas and
//! the starter plan `michi plan new` writes (comments everywhere).
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::i18n::Lang;
use michi::model::{Assignment, Date, Leave, LeaveKind, Plan, Track, TransferWish};
use michi::store::Catalog;
use michi::store::personas::PERSONAS;
use michi::store::plan_edit::update_plan_text;
use michi::store::template::starter_plan;
use proptest::prelude::*;

/// Every base text: the personas (also with Windows line ends), then the starter plan of
/// every bundled profile in both languages.
fn bases() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = PERSONAS
        .iter()
        .map(|(name, text)| ((*name).to_string(), (*text).to_string()))
        .collect();
    texts.extend(
        PERSONAS
            .iter()
            .map(|(name, text)| (format!("{name} CRLF"), text.replace('\n', "\r\n"))),
    );
    let catalog = Catalog::load(None, Lang::Ja);
    let today = Date::parse("2026-11-21").unwrap();
    for entry in &catalog.entries {
        for lang in [Lang::Ja, Lang::En] {
            texts.push((
                format!("template {} {lang:?}", entry.profile.id),
                starter_plan(&entry.profile, today, lang),
            ));
        }
    }
    texts
}

/// How many lines differ: what lies between the common first and last lines, counted on
/// the longer side.
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

fn comment_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(str::trim).filter(|l| l.starts_with('#')).collect();
    lines.sort_unstable();
    lines
}

/// Whether every line of `needles` (a sorted multiset) is in `haystack` as often.
fn contains_all(haystack: &[&str], needles: &[&str]) -> bool {
    let mut rest = haystack.to_vec();
    needles.iter().all(|n| match rest.iter().position(|h| h == n) {
        Some(i) => {
            rest.swap_remove(i);
            true
        }
        None => false,
    })
}

#[test]
fn one_changed_level_is_one_changed_line_in_every_persona_and_starter_plan() {
    let catalog = Catalog::load(None, Lang::Ja);
    for (name, text) in bases() {
        let before: Plan = toml::from_str(&text).unwrap();
        let mut after = before.clone();
        match after.self_assessment.iter_mut().next() {
            Some((_, level)) => *level = if *level == 1 { 2 } else { 1 },
            None => {
                let profile = &catalog.get(&before.profile).unwrap().profile;
                let first = profile.competencies.first().unwrap();
                after.self_assessment.insert(first.id.clone(), 2);
            }
        }
        let edited = update_plan_text(&text, &before, &after).unwrap();
        assert_eq!(lines_changed(&text, &edited), 1, "{name}:\n{edited}");
        assert_eq!(comment_lines(&text), comment_lines(&edited), "{name}");
    }
}

#[test]
fn the_sample_mark_goes_with_its_line_and_nothing_else() {
    for (name, text) in PERSONAS {
        let before: Plan = toml::from_str(text).unwrap();
        assert!(before.sample, "{name} is marked as a sample");
        let edited = update_plan_text(text, &before, &before.savable_copy()).unwrap();
        assert_eq!(lines_changed(text, &edited), 1, "{name}");
        assert_eq!(edited.lines().count() + 1, text.lines().count(), "{name}");
        assert!(!edited.contains("sample"), "{name}");
    }
}

fn date() -> impl Strategy<Value = Date> {
    (1950i32..2080, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

/// Text as people (and fuzzers) write it: ids, Japanese, quotes, line ends, controls.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,12}",
        "[ぁ-んァ-ン一-龥]{0,8}",
        any::<String>(),
        Just("一行目\n二行目".to_string()),
        Just("\"\"\"'''\\\r\n".to_string()),
    ]
}

/// An existing entry (by index, modulo the length) or a new key.
#[derive(Debug, Clone)]
enum Target {
    Existing(usize),
    New(String),
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![any::<usize>().prop_map(Target::Existing), text().prop_map(Target::New)]
}

#[derive(Debug, Clone)]
enum Edit {
    Level {
        supervisor: bool,
        at: Target,
        level: Option<u8>,
    },
    Evidence {
        at: Target,
        text: Option<String>,
    },
    List {
        which: u8,
        at: Target,
        text: Option<String>,
    },
    Name(Option<String>),
    Series(Option<String>),
    TargetFy(Option<i32>),
    Specialist(bool),
    Sample(bool),
    Grade(String),
    Born(Date),
    Posting {
        at: Target,
        department: String,
        family: Option<String>,
        from: Date,
        to: Option<Date>,
        remove: bool,
    },
    Leave {
        at: Target,
        kind: u8,
        from: Date,
        to: Option<Date>,
        note: Option<String>,
        remove: bool,
    },
    /// 自己申告: the wish, one choice, one qualification, the reasons.
    SelfReport {
        wish: Option<u8>,
        choice: Target,
        text: Option<String>,
        qualification: bool,
        reasons: Option<String>,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<bool>(), target(), proptest::option::of(1u8..=5)).prop_map(|(supervisor, at, level)| Edit::Level {
            supervisor,
            at,
            level
        }),
        (target(), proptest::option::of(text())).prop_map(|(at, text)| Edit::Evidence { at, text }),
        (0u8..3, target(), proptest::option::of(text())).prop_map(|(which, at, text)| Edit::List { which, at, text }),
        proptest::option::of(text()).prop_map(Edit::Name),
        proptest::option::of(text()).prop_map(Edit::Series),
        proptest::option::of(1990i32..2070).prop_map(Edit::TargetFy),
        any::<bool>().prop_map(Edit::Specialist),
        any::<bool>().prop_map(Edit::Sample),
        text().prop_map(Edit::Grade),
        date().prop_map(Edit::Born),
        (
            target(),
            text(),
            proptest::option::of(text()),
            date(),
            proptest::option::of(date()),
            any::<bool>()
        )
            .prop_map(|(at, department, family, from, to, remove)| Edit::Posting {
                at,
                department,
                family,
                from,
                to,
                remove
            }),
        (
            target(),
            0u8..5,
            date(),
            proptest::option::of(date()),
            proptest::option::of(text()),
            any::<bool>()
        )
            .prop_map(|(at, kind, from, to, note, remove)| Edit::Leave {
                at,
                kind,
                from,
                to,
                note,
                remove
            }),
        (
            proptest::option::of(0u8..3),
            target(),
            proptest::option::of(text()),
            any::<bool>(),
            proptest::option::of(text())
        )
            .prop_map(|(wish, choice, text, qualification, reasons)| Edit::SelfReport {
                wish,
                choice,
                text,
                qualification,
                reasons
            }),
    ]
}

/// Sets (or with `None` removes) an entry of a map.
fn edit_map<V>(map: &mut std::collections::BTreeMap<String, V>, at: &Target, value: Option<V>) {
    let key = match at {
        Target::Existing(i) if !map.is_empty() => map.keys().nth(i % map.len()).cloned().unwrap(),
        Target::Existing(i) => i.to_string(),
        Target::New(key) => key.clone(),
    };
    match value {
        Some(v) => {
            map.insert(key, v);
        }
        None => {
            map.remove(&key);
        }
    }
}

/// Replaces, inserts or (with `None`) removes an element of a list.
fn edit_list<T>(list: &mut Vec<T>, at: &Target, item: Option<T>) {
    match (at, item) {
        (Target::Existing(i), Some(item)) if !list.is_empty() => {
            let len = list.len();
            if let Some(slot) = list.get_mut(i % len) {
                *slot = item;
            }
        }
        (Target::Existing(i), None) if !list.is_empty() => {
            list.remove(i % list.len());
        }
        (Target::New(key), Some(item)) => {
            let at = key.len() % (list.len() + 1);
            list.insert(at, item);
        }
        _ => {}
    }
}

fn apply(plan: &mut Plan, edit: Edit) {
    match edit {
        Edit::Level { supervisor, at, level } => {
            let map = if supervisor {
                &mut plan.supervisor_assessment
            } else {
                &mut plan.self_assessment
            };
            edit_map(map, &at, level);
        }
        Edit::Evidence { at, text } => edit_map(&mut plan.evidence, &at, text),
        Edit::List { which, at, text } => {
            let list = match which {
                0 => &mut plan.completed_trainings,
                1 => &mut plan.planned_trainings,
                _ => &mut plan.constraints,
            };
            edit_list(list, &at, text);
        }
        Edit::Name(name) => plan.name = name,
        Edit::Series(series) => plan.series = series,
        Edit::TargetFy(fy) => plan.target_fy = fy,
        Edit::Specialist(yes) => plan.track = if yes { Track::Specialist } else { Track::Generalist },
        Edit::Sample(yes) => plan.sample = yes,
        Edit::Grade(grade) => plan.grade = grade,
        Edit::Born(date) => plan.birth_date = date,
        Edit::Posting {
            at,
            department,
            family,
            from,
            to,
            remove,
        } => {
            let posting = Assignment {
                department,
                family,
                from,
                to,
            };
            edit_list(&mut plan.assignments, &at, (!remove).then_some(posting));
        }
        Edit::Leave {
            at,
            kind,
            from,
            to,
            note,
            remove,
        } => {
            let kind = LeaveKind::ALL
                .get(usize::from(kind))
                .copied()
                .unwrap_or(LeaveKind::Other);
            let leave = Leave { kind, from, to, note };
            edit_list(&mut plan.leaves, &at, (!remove).then_some(leave));
        }
        Edit::SelfReport {
            wish,
            choice,
            text,
            qualification,
            reasons,
        } => {
            let report = &mut plan.self_report;
            report.transfer_wish = wish.and_then(|w| {
                [TransferWish::Stay, TransferWish::Move, TransferWish::Either]
                    .get(usize::from(w))
                    .copied()
            });
            let list = if qualification {
                &mut report.qualifications
            } else {
                &mut report.choices
            };
            edit_list(list, &choice, text);
            report.reasons = reasons;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any edit reads back as the plan saved, and no comment line of the original is lost
    /// (these files have none inside a posting or a leave).
    #[test]
    fn any_edit_reads_back_and_keeps_every_comment(
        base in any::<prop::sample::Index>(),
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let bases = bases();
        let (name, text) = base.get(&bases);
        let before: Plan = toml::from_str(text).unwrap();
        let mut after = before.clone();
        for e in edits {
            apply(&mut after, e);
        }
        let edited = update_plan_text(text, &before, &after)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let read_back: Plan = toml::from_str(&edited).unwrap_or_else(|e| panic!("{name}: {e}\n{edited}"));
        prop_assert_eq!(&read_back, &after, "{}:\n{}", name, edited);
        prop_assert!(
            contains_all(&comment_lines(&edited), &comment_lines(text)),
            "{}: a comment was lost\n{}", name, edited
        );
        // Editing back gives a text that reads as the original plan again.
        let back = update_plan_text(&edited, &after, &before).unwrap_or_else(|e| panic!("{name}: {e}"));
        prop_assert_eq!(toml::from_str::<Plan>(&back).unwrap(), before);
    }
}
