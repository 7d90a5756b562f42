#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;

use super::*;
use crate::engine::roster::{Person, RosterBuilder};
use crate::model::Date;

fn run() -> RosterRun {
    let catalog = crate::store::Catalog::load(None, Lang::Ja);
    let profile = &catalog.get("iruma").unwrap().profile;
    let today = Date::parse("2026-11-22").unwrap();
    let mut builder = RosterBuilder::new(profile, today, 15);
    let kacho = profile
        .ladder(&profile.job_series[0])
        .iter()
        .position(|g| g.id == "kacho")
        .unwrap();
    for (id, birth, rank) in [
        ("1", "1964-06-01", kacho),
        ("2", "1966-06-01", kacho),
        ("3", "1990-01-01", 0),
    ] {
        builder.add(&Person {
            id,
            name: id,
            birth: Date::parse(birth).unwrap(),
            hire: Date::parse("1990-04-01").unwrap(),
            series: 0,
            rank,
            grade_since: None,
        });
    }
    RosterRun {
        report: builder.finish(),
        problems: Vec::new(),
        problem_counts: BTreeMap::new(),
        encoding: None,
    }
}

#[test]
fn every_section_is_a_valid_worksheet_with_rows_as_wide_as_its_columns() {
    let run = run();
    for lang in [Lang::Ja, Lang::En] {
        let tables = RosterTables::new(&run, lang);
        assert_eq!(tables.sections.len(), 9);
        for s in &tables.sections {
            assert!(s.sheet.chars().count() <= 31, "{}", s.sheet);
            assert!(!s.sheet.contains(['[', ']', ':', '*', '?', '/', '\\']), "{}", s.sheet);
            for row in &s.table.rows {
                assert_eq!(row.len(), s.table.columns.len(), "{}", s.table.heading);
            }
        }
        assert!(to_xlsx(&tables).is_ok());
    }
}

#[test]
fn the_wave_draws_every_year_and_the_pyramid_every_band() {
    let run = run();
    let page = to_html(&RosterTables::new(&run, Lang::Ja), &run.report, Lang::Ja);
    // 15 fiscal years, each with its total (the zero years too) and its label.
    assert_eq!(
        page.matches("font-size=\"11\" class=\"zero\">0</text>").count(),
        13,
        "{page}"
    );
    for fy in 2026..2041 {
        assert!(page.contains(&format!(">{fy}</text>")), "{fy}");
    }
    // Eleven bands, oldest first: 65〜 above 〜19.
    let top = page.find(">65〜</text>").unwrap();
    let bottom = page.find(">〜19</text>").unwrap();
    assert!(top < bottom);
}
