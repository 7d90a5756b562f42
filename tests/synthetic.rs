//! The synthetic profiles and plans of `michi::testgen` (used by the scaling benchmarks)
//! are valid at every size, and the engine's answers on them match straightforward
//! reference computations.
#![allow(clippy::unwrap_used, clippy::panic, clippy::type_complexity)]

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashSet};

use michi::engine::{self, GapReport, Suggestion, Trajectory};
use michi::i18n::Lang;
use michi::model::{Date, Emphasis, Grade, JobSeries, Plan, Profile, ScaleKind, Training};
use michi::store::personas::PERSONAS;
use michi::store::{Catalog, CatalogEntry, Origin, parse_plan, parse_profile};
use michi::testgen::{ProfileShape, plan_toml, profile_toml};
use proptest::prelude::*;

fn today() -> Date {
    Date::parse("2026-11-21").unwrap()
}

fn catalog(profile: Profile) -> Catalog {
    Catalog {
        entries: vec![CatalogEntry {
            profile,
            origin: Origin::Bundled,
            overrides_bundled: false,
        }],
        failed: Vec::new(),
    }
}

fn load(shape: &ProfileShape, postings: usize) -> (Catalog, Plan) {
    let text = profile_toml(shape);
    let profile = parse_profile("synthetic.toml", text.as_bytes(), Lang::En).unwrap_or_else(|d| {
        panic!(
            "{shape:?}: {}",
            d.iter().map(|d| d.render(Lang::En)).collect::<String>()
        )
    });
    let catalog = catalog(profile);
    let plan_text = plan_toml(shape, postings);
    let plan = parse_plan("plan.toml", plan_text.as_bytes(), &catalog, Lang::En).unwrap_or_else(|d| {
        panic!(
            "{shape:?}: {}",
            d.iter().map(|d| d.render(Lang::En)).collect::<String>()
        )
    });
    (catalog, plan)
}

#[test]
fn the_base_shape_is_the_size_of_a_bundled_profile() {
    let (catalog, _) = load(&ProfileShape::BASE, 3);
    let p = &catalog.entries[0].profile;
    assert_eq!(
        (p.grades().count(), p.competencies.len(), p.trainings.len()),
        (7, 17, 20)
    );
    assert!((90..=100).contains(&p.requirements.len()), "{}", p.requirements.len());
}

#[test]
fn profiles_and_plans_of_every_size_validate_and_analyse() {
    let shapes = [
        (1, 10, None),
        (1, 1_000, None),
        (10, 100, None),
        (100, 10, None),
        (10, 100, Some(3)),
    ];
    for (scale, postings, shared) in shapes {
        let shape = match shared {
            Some(rank) => ProfileShape::scaled(scale).sharing_from(rank),
            None => ProfileShape::scaled(scale),
        };
        let (catalog, plan) = load(&shape, postings);
        let p = &catalog.entries[0].profile;
        assert_eq!(p.grades().count(), shape.grade_count());
        assert_eq!(p.trainings.len(), 20 * scale);
        let a = engine::analyze(p, &plan, today(), engine::DEFAULT_PER_YEAR);
        assert_eq!(a.rotation.postings.len(), postings);
        assert_eq!(a.target.total, shape.competencies);
        assert!(!a.trajectory.steps.is_empty());
        assert!(!a.trainings.is_empty());
        assert!(a.trainings.iter().any(|s| s.id == "t3" && s.fy == 2028 && s.planned));
    }
}

/// A series' ladder as the profile format describes it, found by scanning: its own grades,
/// then those of the series it shares from, from the named grade up.
fn reference_ladder<'p>(p: &'p Profile, series: &'p JobSeries) -> Vec<&'p Grade> {
    let mut ladder: Vec<&Grade> = series.grades.iter().collect();
    if let Some(share) = &series.shares_from
        && let Some(from) = p.job_series.iter().find(|s| s.id == share.series)
    {
        ladder.extend(from.grades.iter().skip_while(|g| g.id != share.grade));
    }
    ladder
}

/// What a grade asks of a competency on `series`' ladder, found by scanning as the profile
/// format describes it: the written requirement, else `unmarked` at the scale's minimum.
fn reference_requirement(
    p: &Profile,
    series: &JobSeries,
    grade: &str,
    competency: &str,
) -> Option<(Option<u8>, Emphasis, Option<String>)> {
    let ladder = reference_ladder(p, series);
    ladder.iter().find(|g| g.id == grade)?;
    let written = |g: &str| {
        p.requirements
            .iter()
            .find(|r| r.grade == g && r.competency == competency)
    };
    // The level a written requirement asks, by the scale's kind, read naively.
    let target = |r: &michi::model::Requirement| -> Option<u8> {
        let t = p.scale.targets.iter().find(|t| t.grade == r.grade)?;
        match r.emphasis {
            Emphasis::Key => Some(t.key),
            Emphasis::Expected => t.expected,
            Emphasis::Unmarked => None,
        }
    };
    let level_of = |r: &michi::model::Requirement| -> Option<u8> {
        match p.scale.kind() {
            ScaleKind::Levels => r.level,
            ScaleKind::Proficiency => {
                let own = target(r)?;
                if !p.scale.never_lower {
                    return Some(own);
                }
                // Held at the highest target stated at this grade or below.
                let below = ladder
                    .iter()
                    .take_while(|g| g.id != r.grade)
                    .filter_map(|g| written(&g.id).and_then(target))
                    .max();
                Some(below.map_or(own, |b| b.max(own)))
            }
            ScaleKind::Descriptors => {
                let mut distinct: Vec<&str> = Vec::new();
                for g in &ladder {
                    if let Some(d) = written(&g.id).and_then(|w| w.descriptor.as_deref())
                        && !distinct.contains(&d)
                    {
                        distinct.push(d);
                    }
                    if g.id == r.grade {
                        break;
                    }
                }
                let d = r.descriptor.as_deref()?;
                distinct.iter().position(|x| *x == d).map(|i| i as u8 + 1)
            }
        }
    };
    Some(match written(grade) {
        Some(r) => (level_of(r), r.emphasis, r.descriptor.clone()),
        None if p.scale.kind() == ScaleKind::Levels => (Some(p.scale.min()), Emphasis::Unmarked, None),
        None if p.scale.accumulate.is_some() => {
            // The highest requirement among the lower grades (the lowest such grade on a tie).
            let mut best: Option<(u8, &michi::model::Requirement)> = None;
            for g in ladder.iter().take_while(|g| g.id != grade) {
                if let Some(r) = written(&g.id)
                    && let Some(l) = level_of(r)
                    && best.is_none_or(|(b, _)| l > b)
                {
                    best = Some((l, r));
                }
            }
            match best {
                Some((l, r)) => (Some(l), r.emphasis, r.descriptor.clone()),
                None => (None, Emphasis::Unmarked, None),
            }
        }
        None => (None, Emphasis::Unmarked, None),
    })
}

fn bundled_and_synthetic() -> Vec<Profile> {
    let mut profiles: Vec<Profile> = Catalog::load(None, Lang::En)
        .entries
        .into_iter()
        .map(|e| e.profile)
        .collect();
    for scale in [1, 10] {
        profiles.push(load(&ProfileShape::scaled(scale), 3).0.entries.remove(0).profile);
    }
    // Ladders that merge: every series after the first shares the first one's upper grades.
    profiles.push(
        load(&ProfileShape::scaled(10).sharing_from(4), 3)
            .0
            .entries
            .remove(0)
            .profile,
    );
    let shared = include_str!("fixtures/valid/shared_grades.toml");
    profiles.push(parse_profile("shared_grades.toml", shared.as_bytes(), Lang::En).unwrap());
    // The same with requirements that accumulate, 組織運営 asked of 技師 and not written at
    // 副主幹: carried up on 技術's ladder, not stated on 事務's.
    let accumulating = shared
        .replace(
            "kind = \"descriptors\"\n",
            "kind = \"descriptors\"\naccumulate = { text = \"上位の職は下位の能力を引き続き備える。\", source = \"例示 表1注\" }\n",
        )
        .replace(
            "grade = \"fukushukan\"\ncompetency = \"soshiki\"",
            "grade = \"gishi\"\ncompetency = \"soshiki\"",
        );
    profiles.push(parse_profile("accumulating.toml", accumulating.as_bytes(), Lang::En).unwrap());
    profiles
}

#[test]
fn indexed_requirements_match_a_scan_of_the_profile() {
    for p in bundled_and_synthetic() {
        let resolved = p.resolved_requirements();
        let cells: usize = p.job_series.iter().map(|s| reference_ladder(&p, s).len()).sum();
        assert_eq!(resolved.len(), cells * p.competencies.len(), "{}", p.id);
        let mut all = resolved.iter();
        // Every grade on every ladder: a shared grade is measured on each ladder it is on.
        for series in &p.job_series {
            for g in reference_ladder(&p, series) {
                for c in &p.competencies {
                    let expected = reference_requirement(&p, series, &g.id, &c.id);
                    let got = p.requirement_on(Some(&series.id), &g.id, c).unwrap();
                    assert_eq!(
                        Some((got.level, got.emphasis, got.descriptor.map(str::to_string))),
                        expected,
                        "{} {} {} {}",
                        p.id,
                        series.id,
                        g.id,
                        c.id
                    );
                    assert_eq!(got.series, series.id);
                    assert_eq!(all.next(), Some(&got));
                }
            }
        }
        // Without a series, a grade is measured on the ladder of the series defining it.
        for (series, g) in p.grades() {
            for c in &p.competencies {
                let got = p.requirement(&g.id, c).unwrap();
                assert_eq!(got, p.requirement_on(Some(&series.id), &g.id, c).unwrap());
            }
        }
        let c = &p.competencies[0];
        assert!(p.requirement("no_such_grade", c).is_none());
        assert!(p.grade_requirements("no_such_grade").is_none());
    }
}

#[test]
fn look_ups_by_id_find_what_a_scan_finds() {
    for p in bundled_and_synthetic() {
        for (series, g) in p.grades() {
            let (s, found) = p.grade(&g.id).unwrap();
            assert!(std::ptr::eq(found, g) && std::ptr::eq(s, series));
            for other in &p.job_series {
                let rank = reference_ladder(&p, other).iter().position(|x| x.id == g.id);
                assert_eq!(p.rank(other, &g.id), rank, "{} {} on {}", p.id, g.id, other.id);
            }
            let steps: Vec<_> = p.promotion.iter().filter(|s| s.from == g.id).collect();
            assert_eq!(p.steps_from(&g.id).collect::<Vec<_>>(), steps);
        }
        for t in &p.trainings {
            assert!(std::ptr::eq(p.training(&t.id).unwrap(), t));
        }
        for c in &p.competencies {
            assert!(std::ptr::eq(p.competency(&c.id).unwrap(), c));
        }
        if let Some(rotation) = &p.rotation {
            for d in &rotation.departments {
                assert!(std::ptr::eq(p.department(&d.id).unwrap(), d));
            }
            for f in &rotation.families {
                assert!(std::ptr::eq(p.family(&f.id).unwrap(), f));
            }
        }
        assert!(p.training("no_such_training").is_none() && p.department("no_such").is_none());
    }
}

#[test]
fn a_copy_edited_after_look_ups_answers_from_its_own_lists() {
    let p = load(&ProfileShape::BASE, 3).0.entries.remove(0).profile;
    let c = p.competencies[0].clone();
    assert!(p.requirement("s0g0", &c).is_some());
    let mut edited = p.clone();
    edited.job_series[0].grades[0].id = "renamed".into();
    for r in edited.requirements.iter_mut().filter(|r| r.grade == "s0g0") {
        r.grade = "renamed".into();
    }
    assert!(edited.requirement("s0g0", &c).is_none());
    assert_eq!(
        edited.requirement("renamed", &c).map(|r| r.level),
        p.requirement("s0g0", &c).map(|r| r.level)
    );
}

/// The training plan as it was first written: every slot scans the whole catalogue for the
/// best training (planned first, then score, catalogue order breaking ties).
fn reference_training_plan(
    profile: &Profile,
    plan: &Plan,
    gaps: &GapReport,
    trajectory: &Trajectory,
    first_fy: i32,
    last_fy: i32,
    per_year: usize,
) -> Vec<Suggestion> {
    let mut remaining: BTreeMap<&str, (u8, u32)> = gaps
        .gaps
        .iter()
        .filter_map(|g| {
            g.gap
                .filter(|&n| n > 0)
                .map(|n| (g.competency.as_str(), (n, engine::emphasis_weight(g.emphasis))))
        })
        .collect();
    let addressed = |t: &Training, remaining: &BTreeMap<&str, (u8, u32)>| {
        let mut addresses: Vec<(String, u32)> = t
            .competencies
            .iter()
            .filter_map(|c| {
                remaining
                    .get(c.as_str())
                    .map(|&(gap, w)| (c.clone(), w * u32::from(gap)))
            })
            .collect();
        addresses.sort_by_key(|&(_, s)| Reverse(s));
        (addresses.iter().map(|(_, s)| s).sum::<u32>(), addresses)
    };
    let take = |remaining: &mut BTreeMap<&str, (u8, u32)>, addresses: &[(String, u32)]| {
        for (c, _) in addresses {
            if let Some(entry) = remaining.get_mut(c.as_str()) {
                entry.0 = entry.0.saturating_sub(1);
                if entry.0 == 0 {
                    remaining.remove(c.as_str());
                }
            }
        }
    };
    let suggestion = |t: &Training, fy, addresses: &[(String, u32)], score, grade: &str, planned| Suggestion {
        id: t.id.clone(),
        name: t.name.clone(),
        kind: t.kind,
        category: t.category_label(true).to_string(),
        fy,
        addresses: addresses.iter().map(|(c, _)| c.clone()).collect(),
        score,
        grade: grade.to_string(),
        planned,
        illustrative: t.competencies_illustrative,
    };
    let completed: HashSet<&str> = plan.completed_trainings.iter().map(String::as_str).collect();
    let planned: HashSet<&str> = plan.planned_trainings.iter().map(String::as_str).collect();
    let mut dated: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for t in plan
        .planned_trainings
        .iter()
        .filter(|t| !completed.contains(t.as_str()))
    {
        if let Some(&fy) = plan.planned_years.get(t) {
            dated.entry(fy.max(first_fy)).or_default().push(t);
        }
    }
    let last_dated = dated.keys().next_back().copied().unwrap_or(first_fy);
    let mut chosen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for fy in first_fy..=last_fy.max(last_dated) {
        if remaining.is_empty() && fy > last_dated {
            break;
        }
        let grade = trajectory
            .steps
            .iter()
            .rev()
            .find(|s| s.typical_fy.is_some_and(|typical| typical <= fy))
            .map_or(plan.grade.as_str(), |s| s.grade.as_str());
        let mut room = per_year;
        for id in dated.get(&fy).into_iter().flatten() {
            let Some(t) = profile.trainings.iter().find(|t| t.id == *id) else {
                continue;
            };
            let (score, addresses) = addressed(t, &remaining);
            take(&mut remaining, &addresses);
            chosen.insert(t.id.clone());
            room = room.saturating_sub(1);
            out.push(suggestion(t, fy, &addresses, score, grade, true));
        }
        if fy > last_fy {
            continue;
        }
        for _ in 0..room {
            let mut best: Option<(bool, u32, &Training, Vec<(String, u32)>)> = None;
            for t in &profile.trainings {
                if completed.contains(t.id.as_str())
                    || chosen.contains(&t.id)
                    || plan.planned_years.contains_key(&t.id)
                    || !(t.grades.is_empty() || t.grades.iter().any(|g| g == grade))
                {
                    continue;
                }
                let (score, addresses) = addressed(t, &remaining);
                let key = (planned.contains(t.id.as_str()), score);
                if score > 0 && best.as_ref().is_none_or(|b| key > (b.0, b.1)) {
                    best = Some((key.0, score, t, addresses));
                }
            }
            let Some((is_planned, score, t, addresses)) = best else {
                break;
            };
            take(&mut remaining, &addresses);
            chosen.insert(t.id.clone());
            out.push(suggestion(t, fy, &addresses, score, grade, is_planned));
        }
    }
    out
}

fn assert_training_plan_matches_reference(p: &Profile, plan: &Plan, per_year: usize, what: &str) {
    let a = engine::analyze(p, plan, today(), per_year);
    let first = today().fiscal_year();
    for last in [first, a.target_fy, first + 12] {
        let got = engine::training_plan(p, plan, &a.target, &a.trajectory, first, last, per_year);
        let expected = reference_training_plan(p, plan, &a.target, &a.trajectory, first, last, per_year);
        assert_eq!(got, expected, "{what}, per year {per_year}, to FY{last}");
    }
}

#[test]
fn training_plans_match_a_full_scan_of_the_catalogue() {
    let catalog = Catalog::load(None, Lang::En);
    for (name, text) in PERSONAS {
        let plan = parse_plan(name, text.as_bytes(), &catalog, Lang::En).unwrap();
        let p = &catalog.get(&plan.profile).unwrap().profile;
        for per_year in [1, 3, 10] {
            assert_training_plan_matches_reference(p, &plan, per_year, name);
        }
    }
    for scale in [1, 10] {
        let (catalog, plan) = load(&ProfileShape::scaled(scale), 20);
        for per_year in [1, 3, 10] {
            assert_training_plan_matches_reference(&catalog.entries[0].profile, &plan, per_year, "synthetic");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random assessments, completed and planned trainings on a synthetic profile.
    #[test]
    fn training_plans_match_the_reference_for_any_assessment(
        levels in prop::collection::vec(proptest::option::of(1u8..=5), 17),
        completed in prop::collection::vec(0usize..20, 0..6),
        planned in prop::collection::vec(0usize..20, 0..6),
        year in proptest::option::of(2026i32..2032),
        grade in 0usize..5,
        per_year in 1usize..5,
    ) {
        let (catalog, mut plan) = load(&ProfileShape::BASE, 5);
        let p = &catalog.entries[0].profile;
        plan.self_assessment = levels
            .iter()
            .enumerate()
            .filter_map(|(c, l)| l.map(|l| (format!("c{c}"), l)))
            .collect();
        plan.grade = format!("s0g{grade}");
        let mut seen = HashSet::new();
        plan.completed_trainings = completed.iter().filter(|&&t| seen.insert(t)).map(|t| format!("t{t}")).collect();
        plan.planned_trainings = planned.iter().filter(|&&t| seen.insert(t)).map(|t| format!("t{t}")).collect();
        plan.planned_years.clear();
        if let (Some(fy), Some(first)) = (year, plan.planned_trainings.first()) {
            plan.planned_years.insert(first.clone(), fy);
        }
        assert_training_plan_matches_reference(p, &plan, per_year, "random");
    }
}
