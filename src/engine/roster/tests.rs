#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn iruma() -> Profile {
    let catalog = crate::store::Catalog::load(None, crate::i18n::Lang::Ja);
    catalog.get("iruma").unwrap().profile.clone()
}

fn person<'a>(id: &'a str, birth: &str, rank: usize) -> Person<'a> {
    Person {
        id,
        name: id,
        birth: d(birth),
        hire: d("1990-04-01"),
        series: 0,
        rank,
        grade_since: None,
    }
}

fn rank_of(profile: &Profile, grade: &str) -> usize {
    let series = &profile.job_series[0];
    profile.ladder(series).iter().position(|g| g.id == grade).unwrap()
}

#[test]
fn retirements_follow_the_national_steps_and_the_first_of_april_edge() {
    let p = iruma();
    let mut b = RosterBuilder::new(&p, d("2022-04-01"), 12);
    // Born 1962-04-02 → 60 in FY2022 at 60 (age in force 60): retires 2023-03-31 (FY2022).
    b.add(&person("a", "1962-04-02", 0));
    // Born 1962-04-01 reaches 60 on 2022-03-31 (FY2021): already retired before the window.
    b.add(&person("b", "1962-04-01", 0));
    // Born 1963-04-02 → 61 in FY2024: retires 2025-03-31 (FY2024); none in FY2023.
    b.add(&person("c", "1963-04-02", 0));
    // Born 1964-04-01 belongs to the 1963 cohort: also FY2024.
    b.add(&person("d", "1964-04-01", 0));
    // Born 1966-04-02 → 63: retires 2030-03-31 (FY2029)? No: 1966 cohort reaches 63 in
    // FY2029, when 64 is in force, so they stay to 64: FY2030.
    b.add(&person("e", "1966-04-02", 0));
    let r = b.finish();
    let count = |fy: i32| {
        let i = r.retirements.fiscal_years.iter().position(|y| *y == fy).unwrap();
        r.retirements.counts[i][0]
    };
    assert_eq!(count(2022), 1);
    assert_eq!(count(2023), 0, "no 定年 in FY2023");
    assert_eq!(count(2024), 2);
    assert_eq!(count(2025), 0, "no 定年 in FY2025");
    assert_eq!(count(2030), 1);
    assert_eq!(r.summary.past_retirement, 1);
    assert_eq!(r.summary.used, 5);
    assert_eq!(r.retirements.age_in_force[1], 61);
}

#[test]
fn management_limits_count_only_grades_it_applies_to_and_list_who() {
    let p = iruma();
    let kacho = rank_of(&p, "kacho");
    let shunin = rank_of(&p, "shunin");
    let mut b = RosterBuilder::new(&p, d("2026-11-22"), 5);
    b.add(&person("m1", "1967-06-01", kacho)); // 60 on 2027-05-31 → FY2027
    b.add(&person("m2", "1967-04-01", kacho)); // 60 on 2027-03-31 → FY2026
    b.add(&person("s1", "1967-06-01", shunin)); // not a management post
    let r = b.finish();
    let ml = &r.management_limits;
    let col = ml.grades.iter().position(|[_, g]| g == "課長級").unwrap();
    let row = |fy: i32| ml.fiscal_years.iter().position(|y| *y == fy).unwrap();
    assert_eq!(ml.table[row(2026)][col], 1);
    assert_eq!(ml.table[row(2027)][col], 1);
    let total: u64 = ml.table.iter().flatten().sum();
    assert_eq!(total, 2);
    assert_eq!(
        ml.listed.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
        ["m2", "m1"]
    );
}

#[test]
fn turning_sixty_lists_those_to_inform_this_and_next_year() {
    let p = iruma();
    let mut b = RosterBuilder::new(&p, d("2026-11-22"), 5);
    b.add(&person("x", "1967-04-02", 0)); // 60 on 2027-04-01: FY2027 → inform in FY2026
    b.add(&person("y", "1967-04-01", 0)); // 60 on 2027-03-31: FY2026 → informed last year
    b.add(&person("z", "1968-12-01", 0)); // 60 in FY2028 → inform next year
    let r = b.finish();
    let ids = |l: &[ListedPerson]| l.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&r.turning_60.this_year), ["x"]);
    assert_eq!(ids(&r.turning_60.next_year), ["z"]);
}

#[test]
fn the_pyramid_adds_up_to_the_rows_used() {
    let p = iruma();
    let mut b = RosterBuilder::new(&p, d("2026-11-22"), 5);
    for (i, birth) in ["2004-05-01", "1999-01-01", "1980-06-01", "1961-01-01", "1990-12-31"]
        .iter()
        .enumerate()
    {
        let id = format!("p{i}");
        b.add(&person(&id, birth, 0));
    }
    b.skip();
    let r = b.finish();
    let total: u64 = r.age_pyramid.rows.iter().map(|c| c.total).sum();
    assert_eq!(total, r.summary.used);
    assert_eq!(r.summary.read, 6);
    assert_eq!(r.summary.skipped, 1);
    let row = &r.age_pyramid.rows[0];
    let band = |label: &str| r.age_pyramid.bands.iter().position(|b| b == label).unwrap();
    assert_eq!(row.counts[band("20〜24")], 1); // 22
    assert_eq!(row.counts[band("25〜29")], 1); // 27
    assert_eq!(row.counts[band("45〜49")], 1); // 46
    assert_eq!(row.counts[band("65〜")], 1); // 65
    assert_eq!(row.counts[band("35〜39")], 1); // 35
}
