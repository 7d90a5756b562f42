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

fn since<'a>(id: &'a str, birth: &str, rank: usize, grade_since: Option<&str>) -> Person<'a> {
    Person {
        grade_since: grade_since.map(d),
        ..person(id, birth, rank)
    }
}

/// 課長級 holders and 主幹級 staff below them (step 主幹級 → 課長級: 2 years, illustrative),
/// as of 2026-11-22, five fiscal years (FY2026–2030).
fn succession_roster(p: &Profile) -> RosterReport {
    let kacho = rank_of(p, "kacho");
    let shukan = rank_of(p, "shukan");
    let mut b = RosterBuilder::new(p, d("2026-11-22"), 5);
    // 60 on 2027-05-31: leaves 課長級 at the end of FY2027.
    b.add(&since("k1", "1967-06-01", kacho, Some("2026-04-01")));
    // 60 on 2026-04-01: leaves at the end of FY2026.
    b.add(&since("k2", "1966-04-02", kacho, None));
    // Past 役職定年 (60 in FY2019) and still 課長級: not projected.
    b.add(&since("k3", "1960-01-01", kacho, None));
    // Two years on 2027-10-01: can fill a post on 2028-04-01, i.e. after FY2027; own
    // 役職定年 in FY2034.
    b.add(&since("s1", "1975-01-01", shukan, Some("2025-10-01")));
    // Two years on 2022-04-01 (already); 60 on 2027-11-30, so appointable only on
    // 2027-04-01, after FY2026.
    b.add(&since("s2", "1967-12-01", shukan, Some("2020-04-01")));
    // No 職級発令日: eligibility unknown.
    b.add(&since("s3", "1980-01-01", shukan, None));
    b.finish()
}

#[test]
fn succession_sets_vacancies_against_staff_with_the_minimum_years_below() {
    let p = iruma();
    let r = succession_roster(&p);
    let post = r.succession.posts.iter().find(|q| q.grade == "課長級").unwrap();
    assert_eq!(post.past_limit, 1);
    assert_eq!(
        post.grades_below,
        [GradeBelow {
            grade: "主幹級".into(),
            min_years: Some(2),
            basis: MinYearsBasis::Illustrative
        }]
    );
    let row = |fy: i32| post.years.iter().find(|y| y.fy == fy).unwrap();
    let figures = |fy: i32| {
        let y = row(fy);
        (y.vacancies, y.eligible, y.unknown_no_grade_since, y.below)
    };
    assert_eq!(figures(2026), (1, 1, 1, 3));
    assert_eq!(figures(2027), (1, 1, 1, 2));
    assert_eq!(figures(2028), (0, 1, 1, 2));
    assert_eq!(row(2026).eligible_per_vacancy, Some(1.0));
    assert_eq!(row(2028).eligible_per_vacancy, None);
    // 次長級: the grade below is 課長級. k1 has 1 year of 2 on 2027-04-01 and is past 役職定年
    // a year later; k2 and k3 are past it: none eligible, k1 below in FY2026 only.
    let jicho = r.succession.posts.iter().find(|q| q.grade == "次長級").unwrap();
    let y = &jicho.years[0];
    assert_eq!((y.vacancies, y.eligible, y.below), (0, 0, 1));
    assert_eq!(jicho.years[1].below, 0);
}

#[test]
fn training_demand_counts_the_target_grades_year_by_year() {
    let p = iruma();
    let r = succession_roster(&p);
    let td = &r.training_demand;
    assert_eq!(td.fiscal_years, [2026, 2027, 2028, 2029, 2030]);
    // 所属長等への研修: 課長級・次長級・部長級 (Michi's reading).
    let managers = td.trainings.iter().find(|t| t.id == "shozokucho_mental").unwrap();
    assert_eq!(managers.audience, "grades");
    assert!(managers.grades_illustrative);
    assert_eq!(managers.staff, [3, 1, 0, 0, 0]);
    assert_eq!(managers.entered_this_year, 1);
    assert_eq!(managers.no_grade_since, 2);
    // 階層別研修: everyone in service, after 役職定年 too: k3 (past 定年, counted this year
    // only), k2 (定年 at 64 in FY2030), k1, s1, s2, s3 (定年 after FY2030).
    let all = td.trainings.iter().find(|t| t.id == "kaisobetsu").unwrap();
    assert_eq!(all.audience, "all_grades");
    assert_eq!(all.staff, [6, 5, 5, 5, 5]);
    let unstated = td.trainings.iter().find(|t| t.id == "haken").unwrap();
    assert_eq!(unstated.audience, "unstated");
    assert!(unstated.staff.is_empty());
}

#[test]
fn plans_add_their_planned_and_suggested_trainings() {
    let p = iruma();
    let mut r = succession_roster(&p);
    let text = crate::store::personas::PERSONAS
        .iter()
        .find(|(n, _)| *n == "iruma-shunin-to-kacho")
        .unwrap()
        .1;
    let plan: crate::model::Plan = toml::from_str(text).unwrap();
    let mut demand = PlanDemand::new(&p, d("2026-11-22"), 5);
    demand.add(&plan);
    let mut other = plan.clone();
    other.profile = "ageo".into();
    demand.add(&other);
    demand.unread("broken.toml".into(), "エラー".into());
    demand.finish(&mut r.training_demand, false);
    let plans = r.training_demand.plans.as_ref().unwrap();
    assert_eq!((plans.files, plans.used, plans.other_profile), (3, 1, 1));
    assert_eq!(plans.unread.len(), 1);
    let analysis = crate::engine::analyze(&p, &plan, d("2026-11-22"), crate::engine::DEFAULT_PER_YEAR);
    let in_window: Vec<_> = analysis.trainings.iter().filter(|s| s.fy <= 2030).collect();
    assert!(!in_window.is_empty());
    let total = |f: fn(&TrainingDemandRow) -> &Option<Vec<u64>>| -> u64 {
        r.training_demand
            .trainings
            .iter()
            .map(|t| f(t).as_ref().unwrap().iter().sum::<u64>())
            .sum()
    };
    let planned = in_window.iter().filter(|s| s.planned).count() as u64;
    assert_eq!(total(|t| &t.planned), planned);
    assert_eq!(total(|t| &t.suggested), in_window.len() as u64 - planned);
}

#[test]
fn a_profiles_special_retirement_age_moves_its_staff_retirement_and_is_named() {
    let mut p = iruma();
    let series = p.job_series[0].id.clone();
    let kacho = p
        .ladder(&p.job_series[0])
        .iter()
        .find(|g| g.name == "課長級")
        .unwrap()
        .id
        .clone();
    p.special_retirement_ages = vec![
        crate::model::SpecialRetirementAge {
            series: Some(series),
            grade: None,
            age: 63,
            source: "例示の条例".into(),
            illustrative: true,
        },
        crate::model::SpecialRetirementAge {
            series: None,
            grade: Some(kacho.clone()),
            age: 65,
            source: "例示の条例 第2条".into(),
            illustrative: true,
        },
    ];
    let mut b = RosterBuilder::new(&p, d("2026-04-01"), 15);
    // Born 1970-04-02: nationally 65 (FY2035). The series' 特例定年 63: FY2033.
    b.add(&person("a", "1970-04-02", 0));
    // The same birth in 課長級: the grade's 65 wins over the series' 63.
    b.add(&person("b", "1970-04-02", rank_of(&p, &kacho)));
    let r = b.finish();
    let count = |fy: i32| {
        let i = r.retirements.fiscal_years.iter().position(|y| *y == fy).unwrap();
        r.retirements.counts[i][0]
    };
    assert_eq!(count(2033), 1);
    assert_eq!(count(2035), 1);
    assert_eq!(r.retirements.special_ages.len(), 2);
    assert_eq!(r.retirements.special_ages[1].grade.as_deref(), Some("課長級"));
    assert_eq!(r.retirements.special_ages[1].series, p.job_series[0].name);
    assert!(r.retirements.special_ages[0].illustrative);
}

#[test]
fn a_years_cover_is_short_only_when_even_the_unknown_staff_could_not_fill_it() {
    let year = |vacancies, eligible, no_date, no_years| SuccessionYear {
        fy: 2030,
        vacancies,
        eligible,
        unknown_no_grade_since: no_date,
        unknown_no_min_years: no_years,
        below: eligible + no_date + no_years,
        eligible_per_vacancy: None,
    };
    assert_eq!(year(0, 0, 0, 0).cover(), Cover::Enough);
    assert_eq!(year(3, 3, 0, 0).cover(), Cover::Enough);
    assert_eq!(year(3, 1, 1, 1).cover(), Cover::Unknown);
    assert_eq!(year(3, 1, 1, 0).cover(), Cover::Short);
    assert_eq!(year(3, 1, 1, 0).shortfall(), 2);
    assert_eq!(year(1, 4, 0, 0).shortfall(), 0);
}
