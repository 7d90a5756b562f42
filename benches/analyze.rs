//! How long analysing one plan takes, from parsed inputs (the engine alone) and from file
//! bytes (what `michi plan analyze` does). Run with `cargo bench`.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use michi::engine;
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::{Catalog, parse_plan};

const PERSONA: &str = include_str!("../assets/personas/iruma-shunin-to-kacho.toml");

fn bench(c: &mut Criterion) {
    let catalog = Catalog::load(None, Lang::Ja);
    let plan = parse_plan("persona.toml", PERSONA.as_bytes(), &catalog, Lang::Ja).unwrap();
    let profile = &catalog.get(&plan.profile).unwrap().profile;
    let today = Date::parse("2026-11-21").unwrap();

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

criterion_group!(benches, bench);
criterion_main!(benches);
