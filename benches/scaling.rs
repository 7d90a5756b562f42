//! How the engine and `profile export --json` grow with profile size and plan length, on
//! synthetic profiles (michi::testgen): 1×, 10× and 100× a bundled profile, and plans with
//! 10, 100 and 1,000 postings. The goal is linear growth: 100× the profile within 150× the
//! time, 1,000 postings within 20× the time of 10.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use michi::engine;
use michi::i18n::Lang;
use michi::model::{Date, Plan, Profile};
use michi::store::{Catalog, CatalogEntry, Origin, parse_plan, parse_profile};
use michi::testgen::{ProfileShape, plan_toml, profile_toml};

const SCALES: [usize; 3] = [1, 10, 100];
const POSTINGS: [usize; 3] = [10, 100, 1_000];

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

/// A synthetic profile of `scale`× and a plan against it with `postings` postings.
fn inputs(scale: usize, postings: usize) -> (Catalog, Plan, String) {
    let shape = ProfileShape::scaled(scale);
    let profile = parse_profile("synthetic.toml", profile_toml(&shape).as_bytes(), Lang::Ja).unwrap();
    let catalog = catalog(profile);
    let text = plan_toml(&shape, postings);
    let plan = parse_plan("plan.toml", text.as_bytes(), &catalog, Lang::Ja).unwrap();
    (catalog, plan, text)
}

fn analyze_by_profile_size(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze by profile size");
    for scale in SCALES {
        let (catalog, plan, _) = inputs(scale, 10);
        let profile = &catalog.entries[0].profile;
        engine::analyze(profile, &plan, today(), engine::DEFAULT_PER_YEAR);
        group.bench_with_input(BenchmarkId::from_parameter(format!("{scale}x")), &scale, |b, _| {
            b.iter(|| engine::analyze(black_box(profile), black_box(&plan), today(), engine::DEFAULT_PER_YEAR))
        });
    }
    group.finish();
}

fn analyze_by_postings(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze by postings");
    for postings in POSTINGS {
        let (catalog, plan, _) = inputs(1, postings);
        let profile = &catalog.entries[0].profile;
        engine::analyze(profile, &plan, today(), engine::DEFAULT_PER_YEAR);
        group.bench_with_input(BenchmarkId::from_parameter(postings), &postings, |b, _| {
            b.iter(|| engine::analyze(black_box(profile), black_box(&plan), today(), engine::DEFAULT_PER_YEAR))
        });
    }
    group.finish();
}

/// Parse, validate and analyse a plan from its bytes, the profile already loaded.
fn from_bytes_by_postings(c: &mut Criterion) {
    let mut group = c.benchmark_group("plan parse + validate + analyze by postings");
    for postings in POSTINGS {
        let (catalog, _, text) = inputs(1, postings);
        group.bench_with_input(BenchmarkId::from_parameter(postings), &postings, |b, _| {
            b.iter(|| {
                let plan = parse_plan("plan.toml", black_box(text.as_bytes()), &catalog, Lang::Ja).unwrap();
                engine::analyze(&catalog.entries[0].profile, &plan, today(), engine::DEFAULT_PER_YEAR)
            })
        });
    }
    group.finish();
}

/// The work behind `michi profile export --json`: resolving every grade × competency
/// requirement and writing the JSON (to memory).
fn export_by_profile_size(c: &mut Criterion) {
    let mut group = c.benchmark_group("profile export --json by profile size");
    group.sample_size(10);
    for scale in SCALES {
        let profile = parse_profile(
            "synthetic.toml",
            profile_toml(&ProfileShape::scaled(scale)).as_bytes(),
            Lang::Ja,
        )
        .unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(format!("{scale}x")), &scale, |b, _| {
            // A fresh copy each time, made outside the timing: the export's cost includes
            // indexing the profile, as `michi profile export` does once per run.
            b.iter_batched(
                || profile.clone(),
                |profile| {
                    let mut out = Vec::new();
                    michi::cli::write_export_json(black_box(&profile), &mut out).unwrap();
                    out
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    analyze_by_profile_size,
    analyze_by_postings,
    from_bytes_by_postings,
    export_by_profile_size
);
criterion_main!(benches);
