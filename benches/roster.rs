//! The roster report's throughput (issue 12): the pure builder over 100,000 in-memory
//! staff, and the whole read (CSV decoding, date parsing, resolving series and grades,
//! the report) over a 100,000-row synthetic roster. `scripts/roster-bench.sh` measures
//! the whole process over 3,000,000 rows against the Python baseline.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use michi::engine::roster::{DEFAULT_YEARS, Person, RosterBuilder};
use michi::i18n::Lang;
use michi::model::{Date, Profile};
use michi::store::Catalog;
use michi::store::roster::{ReadOptions, RosterMap, RosterOptions, read_roster, synth};

const ROWS: u64 = 100_000;

fn today() -> Date {
    Date::parse("2026-11-22").unwrap()
}

fn profile() -> Profile {
    Catalog::load(None, Lang::Ja).get("iruma").unwrap().profile.clone()
}

/// Owned staff to lend to the builder: (id, name, birth, hire, series, rank).
type Staff = (String, String, Date, Date, usize, usize);

fn staff(profile: &Profile) -> Vec<Staff> {
    let ladders: Vec<usize> = profile.job_series.iter().map(|s| profile.ladder(s).len()).collect();
    (0..ROWS)
        .map(|i| {
            let series = usize::try_from(i % 10).unwrap() / 7 % ladders.len();
            let birth_year = 1962 + i32::try_from(i % 43).unwrap();
            let month = u8::try_from(1 + i % 12).unwrap();
            let day = u8::try_from(1 + i % 28).unwrap();
            let birth = Date::new(birth_year, month, day).unwrap();
            let hire = Date::new(birth_year + 23, 4, 1).unwrap();
            let rank = usize::try_from((2026 - birth_year - 23).max(0) / 6).unwrap() % ladders[series].max(1);
            (format!("{:07}", i + 1), format!("職員 {i}"), birth, hire, series, rank)
        })
        .collect()
}

fn builder(c: &mut Criterion) {
    let profile = profile();
    let staff = staff(&profile);
    let mut group = c.benchmark_group("roster");
    group.throughput(Throughput::Elements(ROWS));
    group.sample_size(20);
    group.bench_function("builder, 100,000 staff in memory", |b| {
        b.iter(|| {
            let mut builder = RosterBuilder::new(&profile, today(), DEFAULT_YEARS);
            for (id, name, birth, hire, series, rank) in &staff {
                builder.add(&Person {
                    id,
                    name,
                    birth: *birth,
                    hire: *hire,
                    series: *series,
                    rank: *rank,
                    grade_since: None,
                });
            }
            black_box(builder.finish())
        })
    });
    group.finish();
}

fn read_csv(c: &mut Criterion) {
    let profile = profile();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.csv");
    let mut bytes = Vec::new();
    synth::write_roster(&profile, today(), ROWS, 1, 10, &mut bytes).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let map = RosterMap::default();
    let options = RosterOptions {
        read: ReadOptions::default(),
        today: today(),
        years: DEFAULT_YEARS,
        anonymous: false,
    };
    let mut group = c.benchmark_group("roster");
    group.throughput(Throughput::Elements(ROWS));
    group.sample_size(10);
    group.bench_function("read a 100,000-row CSV", |b| {
        b.iter(|| black_box(read_roster(&path, &profile, &map, &options).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, builder, read_csv);
criterion_main!(benches);
