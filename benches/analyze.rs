//! How long analysing one plan takes, from parsed inputs (the engine alone) and from file
//! bytes (what `michi plan analyze` does), for every bundled persona. Run with `cargo bench`.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use michi::engine;
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::personas::PERSONAS;
use michi::store::{Catalog, parse_plan};

const PERSONA: &str = include_str!("../assets/personas/iruma-shunin-to-kacho.toml");

fn today() -> Date {
    Date::parse("2026-11-21").unwrap()
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::load(None, Lang::Ja);
    let plan = parse_plan("persona.toml", PERSONA.as_bytes(), &catalog, Lang::Ja).unwrap();
    let profile = &catalog.get(&plan.profile).unwrap().profile;
    let today = today();

    c.bench_function("analyze one plan (engine only)", |b| {
        b.iter(|| engine::analyze(black_box(profile), black_box(&plan), today, engine::DEFAULT_PER_YEAR))
    });
    c.bench_function("parse + validate one plan", |b| {
        b.iter(|| parse_plan("persona.toml", black_box(PERSONA.as_bytes()), &catalog, Lang::Ja).unwrap())
    });
    c.bench_function("load the five bundled profiles", |b| {
        b.iter(|| Catalog::load(None, Lang::Ja))
    });
}

/// Each bundled persona against its bundled profile: the engine alone, and from the plan
/// file's bytes (parse, validate, analyse), the work behind `michi plan analyze`.
fn personas(c: &mut Criterion) {
    let catalog = Catalog::load(None, Lang::Ja);
    let today = today();
    let mut engine_only = c.benchmark_group("persona analyze");
    for (name, text) in PERSONAS {
        let plan = parse_plan(name, text.as_bytes(), &catalog, Lang::Ja).unwrap();
        let profile = &catalog.get(&plan.profile).unwrap().profile;
        // The profile's look-up index is built once per loaded profile, as in the app.
        engine::analyze(profile, &plan, today, engine::DEFAULT_PER_YEAR);
        engine_only.bench_function(*name, |b| {
            b.iter(|| engine::analyze(black_box(profile), black_box(&plan), today, engine::DEFAULT_PER_YEAR))
        });
    }
    engine_only.finish();
    let mut from_bytes = c.benchmark_group("persona parse + validate + analyze");
    for (name, text) in PERSONAS {
        from_bytes.bench_function(*name, |b| {
            b.iter(|| {
                let plan = parse_plan(name, black_box(text.as_bytes()), &catalog, Lang::Ja).unwrap();
                let profile = &catalog.get(&plan.profile).unwrap().profile;
                engine::analyze(profile, &plan, today, engine::DEFAULT_PER_YEAR)
            })
        });
    }
    from_bytes.finish();
}

criterion_group!(benches, bench, personas);
criterion_main!(benches);
