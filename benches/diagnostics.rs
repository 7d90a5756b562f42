//! How long bad files take to be answered, and how long loading the profiles takes at
//! start. Run with `cargo bench --bench diagnostics`.
//!
//! The bad files come from the generator the tests use (tests/support/badgen.rs): each is
//! parsed, checked and its report rendered, as `michi plan check` / `profile check` do.
#![allow(clippy::unwrap_used)]

#[path = "../tests/support/badgen.rs"]
mod badgen;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use michi::i18n::Lang;
use michi::model::Profile;
use michi::store::{BUNDLED, Catalog, parse_plan, parse_profile};

fn bad_files(c: &mut Criterion) {
    let catalog = Catalog::load(None, Lang::Ja);
    let mut group = c.benchmark_group("bad file report");
    group.sample_size(10);
    for case in badgen::cases() {
        let report = |text: &[u8]| match case.kind {
            badgen::Kind::Plan => parse_plan(case.name, text, &catalog, Lang::Ja).err(),
            badgen::Kind::Profile => parse_profile(case.name, text, Lang::Ja).err(),
        };
        let problems = report(case.text.as_bytes()).unwrap();
        assert!(problems.total() >= case.at_least, "{}", case.name);
        group.bench_function(case.name, |b| {
            b.iter(|| report(black_box(case.text.as_bytes())).unwrap().render(Lang::Ja))
        });
    }
    group.finish();
}

fn loading(c: &mut Criterion) {
    c.bench_function("Catalog::load (bundled profiles)", |b| {
        b.iter(|| Catalog::load(None, Lang::Ja))
    });
    // What the parse alone costs, without the control scan and validation, for comparison.
    c.bench_function("toml::from_str of the bundled profiles", |b| {
        b.iter(|| {
            BUNDLED
                .iter()
                .map(|(_, text)| toml::from_str::<Profile>(black_box(text)).unwrap())
                .collect::<Vec<_>>()
        })
    });
    let json: Vec<String> = BUNDLED
        .iter()
        .map(|(_, t)| serde_json::to_string(&toml::from_str::<Profile>(t).unwrap()).unwrap())
        .collect();
    c.bench_function("serde_json of the bundled profiles", |b| {
        b.iter(|| {
            json.iter()
                .map(|t| serde_json::from_str::<Profile>(black_box(t)).unwrap())
                .collect::<Vec<_>>()
        })
    });
    c.bench_function("Profile::validate of the bundled profiles", |b| {
        let profiles: Vec<Profile> = BUNDLED.iter().map(|(_, t)| toml::from_str(t).unwrap()).collect();
        b.iter(|| profiles.iter().map(|p| black_box(p).validate().len()).sum::<usize>())
    });
}

criterion_group!(benches, bad_files, loading);
criterion_main!(benches);
