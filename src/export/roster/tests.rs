#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;

use super::*;
use crate::engine::roster::{GradeBelow, MinYearsBasis, Person, RosterBuilder, SuccessionPost, SuccessionYear};
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

fn post(series: &str, grade: &str, basis: MinYearsBasis, years: &[(i32, u64, u64, u64)]) -> SuccessionPost {
    SuccessionPost {
        series: series.to_string(),
        grade: grade.to_string(),
        grades_below: vec![GradeBelow {
            grade: "係長".to_string(),
            min_years: (basis != MinYearsBasis::None).then_some(3),
            basis,
        }],
        past_limit: 0,
        years: years
            .iter()
            .map(|&(fy, vacancies, eligible, unknown)| SuccessionYear {
                fy,
                vacancies,
                eligible,
                unknown_no_grade_since: 0,
                unknown_no_min_years: unknown,
                below: eligible + unknown,
                eligible_per_vacancy: None,
            })
            .collect(),
    }
}

/// The HTML of `run` with its succession replaced by `posts`.
fn page_with_posts(posts: Vec<SuccessionPost>, lang: Lang) -> String {
    let mut run = run();
    run.report.succession.posts = posts;
    to_html(&RosterTables::new(&run, lang), &run.report, lang)
}

#[test]
fn the_succession_chart_pairs_vacancies_and_eligible_and_marks_the_shortfall() {
    let page = page_with_posts(
        vec![
            post(
                "行政職",
                "課長",
                MinYearsBasis::Stated,
                &[(2026, 3, 1, 0), (2027, 1, 4, 0)],
            ),
            post(
                "行政職",
                "部長",
                MinYearsBasis::None,
                &[(2026, 2, 0, 5), (2027, 0, 0, 5)],
            ),
        ],
        Lang::Ja,
    );
    assert_eq!(page.matches("<g class=\"post\"").count(), 2);
    assert_eq!(
        page.matches("<rect class=\"vacant\"").count(),
        3,
        "one per year with a vacancy"
    );
    assert_eq!(page.matches("<rect class=\"eligible\"").count(), 2);
    // FY2026 of 課長: 3 posts, 1 eligible: a shortfall of 2, outlined and written under it;
    // of 部長: 2 posts and eligibility unknown for 5.
    assert_eq!(page.matches("<rect class=\"short\"").count(), 2);
    assert!(page.contains("font-weight=\"bold\">−2</text>"), "{page}");
    assert!(
        page.contains(">1</text>") && page.contains(">4</text>"),
        "stated years: no mark"
    );
    assert!(page.contains(">0?</text>"), "unknown eligibility is marked: {page}");
    assert!(page.contains("係長（在級3年）") && page.contains("係長（在級年数の定めなし・有資格者は不明）"));
    assert!(page.contains("前提（Michi の仮定）: 昇任は見込まず"));
    // Drawn after the wave and the pyramid, before the tables.
    let chart = page.find("<section class=\"succession\">").unwrap();
    assert!(page.find("<svg class=\"pyramid\"").unwrap() < chart);
    assert!(chart < page.find("<h2>定年退職（年度 × 職種）</h2>").unwrap());
}

#[test]
fn the_succession_chart_escapes_names_and_marks_illustrative_years() {
    let page = page_with_posts(
        vec![post(
            "<script>\"&'",
            "=cmd|' /C calc'!A0",
            MinYearsBasis::Illustrative,
            &[(2026, 1, 2, 0)],
        )],
        Lang::En,
    );
    assert!(!page.contains("<script"), "{page}");
    assert!(page.contains("data-series=\"&lt;script&gt;&quot;&amp;&#39;\" data-grade=\"=cmd|&#39; /C calc&#39;!A0\""));
    assert!(page.contains(">2*</text>"), "{page}");
    assert!(page.contains("係長 (3 years, illustrative)"));
    assert!(page.contains("no promotion is projected"));
}

#[test]
fn a_profile_without_management_grades_says_so_instead_of_a_chart() {
    let page = page_with_posts(Vec::new(), Lang::En);
    assert!(page.contains("The profile names no grade the limit applies to"));
    assert!(!page.contains("<g class=\"post\""));
}

#[test]
fn the_rotation_sections_are_valid_worksheets_in_both_languages() {
    use crate::store::roster::history::{
        HistoryProblem, HistorySummary, RotationPerson, RotationSection, RuleStanding,
    };
    let person = |department: Option<&str>| RotationPerson {
        id: "0001".into(),
        name: "一".into(),
        have: 1,
        need: 3,
        department: department.map(str::to_string),
    };
    let section = RotationSection {
        rules: vec![RuleStanding {
            rule: "three_families".into(),
            text: "採用から概ね10年目までは、三つの系統に順次配属する".into(),
            kind: crate::model::RotationRuleKind::CoverFamilies,
            from_year: 0,
            window_years: 10,
            in_window: 4,
            missing: 1,
            listed: vec![person(None)],
        }],
        past_tenure: Some(1),
        past_tenure_listed: vec![person(Some("税務部門"))],
        tenure_illustrative: false,
        without_history: 2,
        unlisted: 3,
        history: HistorySummary {
            read: 5,
            used: 4,
            skipped: 1,
            over_limit: 0,
            problems: vec![HistoryProblem {
                row: 3,
                column: "開始日".into(),
                kind: "bad_date",
                value: "2021-02-30".into(),
            }],
        },
    };
    let run = run();
    for lang in [Lang::Ja, Lang::En] {
        let tables = RosterTables::new(&run, lang).with_rotation(&section, lang);
        assert_eq!(tables.sections.len(), 9 + 5);
        for s in &tables.sections {
            assert!(s.sheet.chars().count() <= 31, "{}", s.sheet);
            assert!(!s.sheet.contains(['[', ']', ':', '*', '?', '/', '\\']), "{}", s.sheet);
            for row in &s.table.rows {
                assert_eq!(row.len(), s.table.columns.len(), "{}", s.table.heading);
            }
        }
        let names: Vec<&str> = tables.sections.iter().map(|s| s.sheet.as_str()).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "sheet names differ: {names:?}");
        assert!(to_xlsx(&tables).is_ok());
    }
    let tables = RosterTables::new(&run, Lang::Ja).with_rotation(&section, Lang::Ja);
    let summary = &tables.sections[9].table;
    assert!(
        summary
            .rows
            .contains(&vec!["今の配属が在任年数を超えている職員".to_string(), "1".to_string()])
    );
    assert!(
        summary
            .rows
            .contains(&vec!["一覧に載せきれなかった人数".to_string(), "3".to_string()])
    );
    // No department in the rules' lists: no empty column for it.
    assert_eq!(
        tables.sections[11].table.columns,
        ["規則", "職員番号", "氏名", "経験した数", "求める数"]
    );
    assert_eq!(tables.sections[12].table.rows, [["0001", "一", "税務部門", "1", "3"]]);
}

#[test]
fn a_long_run_of_years_wraps_into_bands_with_legible_counts() {
    let years: Vec<(i32, u64, u64, u64)> = (2026..2071).map(|fy| (fy, 1, 2, 0)).collect();
    let page = page_with_posts(vec![post("行政職", "課長", MinYearsBasis::Stated, &years)], Lang::Ja);
    let chart = page
        .split("<svg class=\"gap\"")
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    // 45 years: bands of 20, 20 and 5, each with its axis and its row labels.
    assert_eq!(chart.matches("<g class=\"fy\"").count(), 45);
    assert_eq!(chart.matches("<line ").count(), 3);
    assert_eq!(chart.matches(">空席</text>").count(), 3);
    assert!(chart.contains(">2070</text>"));
    assert!(
        !chart.contains("font-size=\"4.") && !chart.contains("font-size=\"5."),
        "{chart}"
    );
}
