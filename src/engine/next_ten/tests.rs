#![allow(clippy::unwrap_used)]

use super::*;
use crate::model::SpecialRetirementAge;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn ageo() -> Profile {
    crate::store::Catalog::load(None, crate::i18n::Lang::Ja)
        .get("ageo")
        .unwrap()
        .profile
        .clone()
}

/// A plan on 上尾's ladder: born on `birth`, at `grade`, aiming at `target`.
fn plan(profile: &Profile, birth: &str, grade: &str, target: &str) -> Plan {
    let mut plan = Plan::example_for(profile, d("2026-11-21")).unwrap();
    plan.birth_date = d(birth);
    plan.hire_date = d(birth).add_years(23);
    plan.grade = grade.into();
    plan.target_grade = target.into();
    plan
}

fn date_of(n: &NextTen, kind: EventKind) -> Option<String> {
    n.event(kind).map(|e| e.date.to_string())
}

/// One school-year cohort (born 2 April of `cohort` to 1 April of the next year): its
/// retirement age and date, 役職定年, the latest day with one year's extension, the first day
/// at 70% pay, the fiscal year of the intent check and the end of 暫定再任用.
type Cohort = (
    i32,
    i32,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<i32>,
    Option<&'static str>,
);

/// Worked out by hand from the national rules: reaching 60 falls in FY cohort+60; the age in
/// force is 60 to FY2022, then 61, 62, 63, 64 for two fiscal years each, 65 from FY2031.
#[rustfmt::skip]
const COHORTS: [Cohort; 14] = [
    // cohort, age, 定年退職日, 役職定年 (last day), extended to, 70% from, intent FY, 暫定再任用 to
    (1962, 60, "2023-03-31", "2023-03-31", None, None, None, Some("2028-03-31")),
    (1963, 61, "2025-03-31", "2024-03-31", Some("2025-03-31"), Some("2024-04-01"), Some(2022), Some("2029-03-31")),
    (1964, 62, "2027-03-31", "2025-03-31", Some("2026-03-31"), Some("2025-04-01"), Some(2023), Some("2030-03-31")),
    (1965, 63, "2029-03-31", "2026-03-31", Some("2027-03-31"), Some("2026-04-01"), Some(2024), Some("2031-03-31")),
    (1966, 64, "2031-03-31", "2027-03-31", Some("2028-03-31"), Some("2027-04-01"), Some(2025), Some("2032-03-31")),
    (1967, 65, "2033-03-31", "2028-03-31", Some("2029-03-31"), Some("2028-04-01"), Some(2026), None),
    (1968, 65, "2034-03-31", "2029-03-31", Some("2030-03-31"), Some("2029-04-01"), Some(2027), None),
    (1969, 65, "2035-03-31", "2030-03-31", Some("2031-03-31"), Some("2030-04-01"), Some(2028), None),
    (1970, 65, "2036-03-31", "2031-03-31", Some("2032-03-31"), Some("2031-04-01"), Some(2029), None),
    (1971, 65, "2037-03-31", "2032-03-31", Some("2033-03-31"), Some("2032-04-01"), Some(2030), None),
    (1972, 65, "2038-03-31", "2033-03-31", Some("2034-03-31"), Some("2033-04-01"), Some(2031), None),
    (1973, 65, "2039-03-31", "2034-03-31", Some("2035-03-31"), Some("2034-04-01"), Some(2032), None),
    (1974, 65, "2040-03-31", "2035-03-31", Some("2036-03-31"), Some("2035-04-01"), Some(2033), None),
    (1975, 65, "2041-03-31", "2036-03-31", Some("2037-03-31"), Some("2036-04-01"), Some(2034), None),
];

#[test]
fn birth_cohorts_1962_to_1975_at_both_edges_and_between() {
    let p = ageo();
    for &(y, age, retires, posts_until, extension, pay_from, intent_fy, interim_until) in &COHORTS {
        // 2 April opens the cohort, 1 April of the next year closes it: a 1 April birthday
        // reaches each age on 31 March, in the earlier school year.
        for birth in [format!("{y}-04-02"), format!("{y}-10-15"), format!("{}-04-01", y + 1)] {
            // A 課長級 (management post) on a day before anything has happened.
            let n = next_ten_years(&p, &plan(&p, &birth, "kacho", "kacho"), d("2020-06-01"));
            assert_eq!(n.retirement.age, age, "born {birth}");
            assert_eq!(n.retirement.date, d(retires), "born {birth}");
            assert_eq!(date_of(&n, EventKind::Retirement).as_deref(), Some(retires));
            assert_eq!(n.retirement.management_post_until, d(posts_until), "born {birth}");
            assert_eq!(n.reformed, age > 60, "born {birth}");
            let posts_end = date_of(&n, EventKind::ManagementPostsEnd);
            assert_eq!(
                posts_end.as_deref(),
                extension.map(|_| posts_until),
                "born {birth}: 役職定年 is a date of its own once the age is above 60"
            );
            assert_eq!(
                date_of(&n, EventKind::ManagementExtensionEnd).as_deref(),
                extension,
                "born {birth}"
            );
            assert_eq!(date_of(&n, EventKind::PayReduced).as_deref(), pay_from, "born {birth}");
            let intent = n.event(EventKind::InformationAndIntent);
            assert_eq!(intent.map(|e| e.date.fiscal_year()), intent_fy, "born {birth}");
            if let Some(e) = intent {
                assert_eq!(e.until, Some(Date::fy_end(e.date.fiscal_year())));
            }
            assert_eq!(
                date_of(&n, EventKind::InterimReemploymentEnd).as_deref(),
                interim_until,
                "born {birth}"
            );
            // 60 is reached on the day before the 60th birthday.
            let sixty = Date::parse(&birth).unwrap().add_years(60).pred();
            assert_eq!(
                n.event(EventKind::ReachesSixty).map(|e| e.date),
                n.reformed.then_some(sixty)
            );
            // The options after 60 run from that day to 定年.
            let kinds: Vec<OptionKind> = n.options.iter().map(|o| o.kind).collect();
            let mut expected = Vec::new();
            if n.reformed {
                expected.extend([OptionKind::FullTime, OptionKind::ShortTime, OptionKind::Leave]);
            }
            if interim_until.is_some() {
                expected.push(OptionKind::Interim);
            }
            assert_eq!(kinds, expected, "born {birth}");
            for o in n.options.iter().filter(|o| o.kind != OptionKind::Interim) {
                assert_eq!((o.from, o.until), (sixty, n.retirement.date));
            }
        }
    }
}

#[test]
fn the_1_april_and_2_april_birthdays_fall_in_different_cohorts() {
    let p = ageo();
    let at = |birth: &str| next_ten_years(&p, &plan(&p, birth, "kacho", "kacho"), d("2020-06-01"));
    // Born 1 April 1967: reaches 60 on 31 March 2027 (FY2026) with the 1966 cohort.
    let first = at("1967-04-01");
    let second = at("1967-04-02");
    assert_eq!((first.retirement.age, second.retirement.age), (64, 65));
    assert_eq!(date_of(&first, EventKind::ReachesSixty).as_deref(), Some("2027-03-31"));
    assert_eq!(date_of(&second, EventKind::ReachesSixty).as_deref(), Some("2027-04-01"));
    assert_eq!(
        date_of(&first, EventKind::ManagementPostsEnd).as_deref(),
        Some("2027-03-31")
    );
    assert_eq!(
        date_of(&second, EventKind::ManagementPostsEnd).as_deref(),
        Some("2028-03-31")
    );
    // Pay at 70% starts the day after for the one, a year later for the other.
    assert_eq!(date_of(&first, EventKind::PayReduced).as_deref(), Some("2027-04-01"));
    assert_eq!(date_of(&second, EventKind::PayReduced).as_deref(), Some("2028-04-01"));
}

#[test]
fn the_persona_born_in_1968_year_by_year_from_today() {
    let p = ageo();
    // 主査級 aiming at 課長級: 役職定年 concerns the target.
    let n = next_ten_years(&p, &plan(&p, "1968-08-12", "shusa", "kacho"), d("2026-11-21"));
    assert_eq!(n.age, 58);
    assert!(matches!(&n.management, ManagementPosts::Target { grade, .. } if grade == "kacho"));
    let fys: Vec<i32> = n.years.iter().map(|y| y.fy).collect();
    assert_eq!(fys, (2026..=2033).collect::<Vec<_>>());
    let ages: Vec<i32> = n.years.iter().map(|y| y.age).collect();
    assert_eq!(ages, [58, 59, 60, 61, 62, 63, 64, 65]);
    let year = |fy: i32| n.years.iter().find(|y| y.fy == fy).unwrap();
    assert!(year(2026).current);
    assert_eq!(year(2027).events, [EventKind::InformationAndIntent]);
    assert_eq!(
        year(2028).events,
        [EventKind::ReachesSixty, EventKind::ManagementPostsEnd]
    );
    assert_eq!(
        year(2029).events,
        [EventKind::PayReduced, EventKind::ManagementExtensionEnd]
    );
    assert_eq!(year(2033).events, [EventKind::Retirement]);
    assert_eq!(year(2028).posts, PostYear::Yes);
    assert_eq!(year(2029).posts, PostYear::Extension);
    assert_eq!(year(2030).posts, PostYear::No);
    assert_eq!((year(2028).pay_percent, year(2029).pay_percent), (None, Some(70)));
    assert_eq!(year(2033).pay_percent, Some(70));
    assert!(n.events.iter().all(|e| !e.past));
}

#[test]
fn a_manager_counts_the_fiscal_years_left_in_post() {
    let p = ageo();
    let n = next_ten_years(&p, &plan(&p, "1968-08-12", "kacho", "bucho"), d("2026-11-21"));
    match &n.management {
        ManagementPosts::Current {
            grade,
            fiscal_years_left,
            basis,
            ..
        } => {
            assert_eq!(grade, "kacho");
            // FY2026, 2027 and 2028 (役職定年 on 31 March 2029).
            assert_eq!(*fiscal_years_left, 3);
            assert_eq!(*basis, LimitBasis::Management);
        }
        other => panic!("{other:?}"),
    }
    // A 主事 aiming at 主任: 役職定年 applies only higher up the ladder.
    let n = next_ten_years(&p, &plan(&p, "1968-08-12", "shuji", "shunin"), d("2026-11-21"));
    assert_eq!(n.management, ManagementPosts::Ladder);
}

#[test]
fn past_dates_are_marked_and_years_start_today() {
    let p = ageo();
    // Born 1965-05-01: 63 on 31 March 2029; 役職定年 was on 31 March 2026.
    let n = next_ten_years(&p, &plan(&p, "1965-05-01", "kacho", "kacho"), d("2026-11-21"));
    assert_eq!(n.age, 61);
    let posts = n.event(EventKind::ManagementPostsEnd).unwrap();
    assert!(posts.past);
    assert!(!n.event(EventKind::Retirement).unwrap().past);
    assert_eq!(n.years.first().map(|y| y.fy), Some(2026));
    // 暫定再任用 runs past 定年 to the end of FY2030 (65 on 30 April 2030).
    assert_eq!(
        n.years.last().map(|y| (y.fy, y.service)),
        Some((2030, Service::Interim))
    );
    assert_eq!(n.years.last().map(|y| y.pay_percent), Some(None));
    // After everything: no years left, still the dates.
    let n = next_ten_years(&p, &plan(&p, "1965-05-01", "kacho", "kacho"), d("2040-01-01"));
    assert!(n.retired() && n.years.is_empty() && n.events.iter().all(|e| e.past));
}

#[test]
fn a_special_retirement_age_of_the_series_or_grade_replaces_the_national_one() {
    let mut p = ageo();
    let series = p.job_series[0].id.clone();
    p.special_retirement_ages = vec![SpecialRetirementAge {
        series: Some(series),
        grade: None,
        age: 67,
        source: "職員の定年等に関する条例 第3条（例）".into(),
        illustrative: true,
    }];
    let n = next_ten_years(&p, &plan(&p, "1968-08-12", "shusa", "kacho"), d("2026-11-21"));
    assert_eq!(n.retirement.age, 67);
    assert_eq!(n.retirement.date, d("2036-03-31"));
    assert_eq!(n.event(EventKind::Retirement).unwrap().rule, Rule::SpecialRetirementAge);
    assert!(n.special.is_some());
    assert!(n.event(EventKind::InterimReemploymentEnd).is_none());
    // A grade's own entry wins over its series'.
    p.special_retirement_ages.push(SpecialRetirementAge {
        series: None,
        grade: Some("shusa".into()),
        age: 63,
        source: "例".into(),
        illustrative: true,
    });
    let n = next_ten_years(&p, &plan(&p, "1968-08-12", "shusa", "kacho"), d("2026-11-21"));
    assert_eq!(n.retirement.age, 63);
    // The analysis uses the same retirement.
    let a = crate::engine::analyze(&p, &plan(&p, "1968-08-12", "shusa", "kacho"), d("2026-11-21"), 3);
    assert_eq!(a.retirement, n.retirement);
}

#[test]
fn ages_are_reached_the_day_before_the_birthday() {
    assert_eq!(age_on(d("1968-08-12"), d("2028-08-10")), 59);
    assert_eq!(age_on(d("1968-08-12"), d("2028-08-11")), 60);
    assert_eq!(age_on(d("1964-04-01"), d("2024-03-31")), 60);
    assert_eq!(age_on(d("1964-04-01"), d("2024-03-30")), 59);
    assert_eq!(age_on(d("1990-05-10"), d("1980-01-01")), 0);
}
