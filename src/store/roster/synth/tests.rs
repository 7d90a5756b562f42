#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::i18n::Lang;

/// 20,000 synthetic 上越 staff as of 2026-11-22, as rows of cells (header dropped).
fn staff() -> (Profile, Vec<Vec<String>>) {
    let catalog = crate::store::Catalog::load(None, Lang::Ja);
    let profile = catalog.get("joetsu").unwrap().profile.clone();
    let mut bytes = Vec::new();
    write_roster(&profile, Date::parse("2026-11-22").unwrap(), 20_000, 11, 0, &mut bytes).unwrap();
    let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    (profile, rows)
}

fn share(rows: &[Vec<String>], keep: impl Fn(&Vec<String>) -> bool) -> f64 {
    rows.iter().filter(|r| keep(r)).count() as f64 / rows.len() as f64
}

#[test]
fn a_synthetic_city_hires_a_few_percent_a_year_and_is_a_pyramid_of_grades() {
    let (profile, rows) = staff();
    // Hired this fiscal year: a few percent, as a city's yearly intake (not one in eight).
    let new = share(&rows, |r| r[3] == "2026-04-01");
    assert!((0.02..0.08).contains(&new), "{new}");
    // Every grade has fewer staff than the one below it from 係長 up; 部長 are few.
    let series = &profile.job_series[0];
    let ladder: Vec<&str> = profile.ladder(series).iter().map(|g| g.name.as_str()).collect();
    let count = |g: &str| rows.iter().filter(|r| r[4] == series.name && r[5] == g).count();
    let counts: Vec<usize> = ladder.iter().map(|g| count(g)).collect();
    for pair in counts[2..].windows(2) {
        assert!(pair[1] < pair[0], "{ladder:?}: {counts:?}");
    }
    let all: usize = counts.iter().sum();
    let top = *counts.last().unwrap() as f64 / all as f64;
    assert!((0.001..0.02).contains(&top), "部長 {top}");
}

#[test]
fn a_synthetic_employee_holds_the_first_grade_from_hire_and_no_date_is_in_the_future() {
    let (profile, rows) = staff();
    let first: Vec<&str> = profile
        .job_series
        .iter()
        .filter_map(|s| profile.ladder(s).first().map(|g| g.name.as_str()))
        .collect();
    let today = Date::parse("2026-11-22").unwrap();
    for r in &rows {
        let (hire, since, posted) = (
            Date::parse(&r[3]).unwrap(),
            Date::parse(&r[6]).unwrap(),
            Date::parse(&r[8]).unwrap(),
        );
        assert!(hire <= since && since <= today, "{r:?}");
        assert!(hire <= posted && posted <= today, "{r:?}");
        if first.contains(&r[5].as_str()) {
            assert_eq!(hire, since, "in the first grade since hire: {r:?}");
        }
    }
}

#[test]
fn most_synthetic_managers_past_the_post_limit_have_moved_down() {
    let (profile, rows) = staff();
    let today = Date::parse("2026-11-22").unwrap();
    let limited: Vec<&str> = profile
        .job_series
        .iter()
        .flat_map(|s| profile.ladder(s).iter())
        .filter(|g| profile.management_limit(g).applies)
        .map(|g| g.name.as_str())
        .collect();
    let past: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| crate::engine::retirement(Date::parse(&r[2]).unwrap()).management_post_until < today)
        .collect();
    let in_post = past.iter().filter(|r| limited.contains(&r[5].as_str())).count();
    assert!(!past.is_empty());
    // Some stay on (the report finds them), far fewer than those who moved down.
    assert!(in_post > 0 && in_post * 4 < past.len(), "{in_post} of {}", past.len());
}
