//! The synthetic profiles and plans of `michi::testgen` (used by the scaling benchmarks)
//! are valid at every size, and the engine's answers on them match straightforward
//! reference computations.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::engine;
use michi::i18n::Lang;
use michi::model::{Date, Plan, Profile};
use michi::store::{Catalog, CatalogEntry, Origin, parse_plan, parse_profile};
use michi::testgen::{ProfileShape, plan_toml, profile_toml};

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
    for (scale, postings) in [(1, 10), (1, 1_000), (10, 100), (100, 10)] {
        let shape = ProfileShape::scaled(scale);
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
