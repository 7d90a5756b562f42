//! Rotation rules as cities write them, on a fictional city (例示市,
//! `fixtures/valid/rotation_patterns.toml`): a first posting that deals with citizens,
//! "3 of 5 families in the first 10 years" (養成期間), "years 10–20 within one field"
//! (発揮期間), a tenure of 3.3 years; and the next-posting suggestion with its reasons.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::describe::{next_post_lines, rule_progress};
use michi::engine::rotation::{NextReason, RotationReport, RuleCheck, Wish, WishBlock};
use michi::engine::{self, Finding, RuleStatus};
use michi::i18n::Lang;
use michi::model::{Date, Plan, ProblemKind, Profile, RotationProblem};
use michi::store::parse_profile;

const FIXTURE: &str = include_str!("fixtures/valid/rotation_patterns.toml");

fn profile_from(text: &str) -> Profile {
    parse_profile("rotation_patterns.toml", text.as_bytes(), Lang::Ja)
        .unwrap_or_else(|p| panic!("{}", p.render(Lang::Ja)))
}

fn profile() -> Profile {
    profile_from(FIXTURE)
}

fn today() -> Date {
    Date::parse("2026-11-21").unwrap()
}

/// A plan of 例示市 hired on `hire`, with the postings (department, from, to) and extra
/// TOML (a `[self_report]` table …).
fn plan(p: &Profile, hire: &str, postings: &[(&str, &str, Option<&str>)], extra: &str) -> Plan {
    let mut text = format!(
        "schema_version = 1\nprofile = \"reiji\"\nbirth_date = 1990-05-01\nhire_date = {hire}\ngrade = \"shunin\"\ngrade_since = {hire}\ntarget_grade = \"kakaricho\"\n{extra}\n"
    );
    for (department, from, to) in postings {
        text.push_str(&format!(
            "\n[[assignments]]\ndepartment = \"{department}\"\nfrom = {from}\n"
        ));
        if let Some(to) = to {
            text.push_str(&format!("to = {to}\n"));
        }
    }
    let plan: Plan = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(plan.validate(p), vec![], "{text}");
    plan
}

fn rule<'a>(r: &'a RotationReport, id: &str) -> &'a RuleCheck {
    r.rules.iter().find(|c| c.id == id).unwrap()
}

/// Hired 2014: 市民対応系, 事業系, 管理・調整系 (four years) in the 養成期間; in the 発揮期間
/// (from 2024) in 事業系 again. Year 12 on `today`.
const COMPLIANT: &[(&str, &str, Option<&str>)] = &[
    ("zeimu", "2014-04-01", Some("2017-03-31")),
    ("doboku", "2017-04-01", Some("2020-03-31")),
    ("somu", "2020-04-01", Some("2024-03-31")),
    ("sangyo", "2024-04-01", None),
];

#[test]
fn a_compliant_three_of_five_history_is_met_and_four_years_are_not_too_long() {
    let p = profile();
    let r = engine::rotation(&p, &plan(&p, "2014-04-01", COMPLIANT, ""), today());
    let yosei = rule(&r, "yosei");
    assert_eq!(yosei.status, RuleStatus::Satisfied);
    assert_eq!(yosei.covered, ["shimin", "jigyo", "kanri"]);
    assert_eq!((yosei.needed, yosei.still_needed), (Some(3), 0));
    assert_eq!(
        rule_progress(&p, yosei, Lang::Ja).unwrap(),
        "5 系統中 3 系統を経験（3 系統以上が必要）"
    );
    assert_eq!(
        rule_progress(&p, yosei, Lang::En).unwrap(),
        "3 of 5 families, at least 3 needed"
    );
    assert_eq!(yosei.phase.as_deref(), Some("養成期間"));
    assert_eq!(rule(&r, "first_post").status, RuleStatus::Satisfied);
    // Nothing is missing: the two families not served are not needed.
    assert!(r.missing.is_empty(), "{:?}", r.missing);
    // 総務課 for four years with a tenure of 3.3 ("10 years, 3 workplaces"): postings of 3
    // or 4 whole years, so not long.
    assert!(
        !r.findings.iter().any(|f| matches!(f, Finding::LongPosting { .. })),
        "{:?}",
        r.findings
    );
}

#[test]
fn three_postings_inside_one_family_are_not_three_families() {
    let p = profile();
    let one_family = [
        ("shimin_ka", "2014-04-01", Some("2017-03-31")),
        ("zeimu", "2017-04-01", Some("2020-03-31")),
        ("hoken_nenkin", "2020-04-01", None),
    ];
    let r = engine::rotation(&p, &plan(&p, "2014-04-01", &one_family, ""), today());
    let yosei = rule(&r, "yosei");
    assert_eq!(yosei.status, RuleStatus::NotMet);
    assert_eq!((yosei.covered.len(), yosei.still_needed), (1, 2));
    assert_eq!(
        rule_progress(&p, yosei, Lang::Ja).unwrap(),
        "5 系統中 1 系統を経験（3 系統以上が必要）"
    );

    // Counted in departments (昭島's 「３か所程度の部署」) they are three; with
    // `distinct_families` they are one.
    let departments = FIXTURE.replace(
        "kind = \"cover_families\"\nphase = \"養成期間\"",
        "kind = \"distinct_departments\"\nmin_departments = 3\nphase = \"養成期間\"",
    );
    let departments = departments.replace(
        "families = [\"shimin\", \"jigyo\", \"kanri\", \"fukushi\", \"kikaku\"]\nat_least = 3\n",
        "",
    );
    let p = profile_from(&departments);
    let r = engine::rotation(&p, &plan(&p, "2014-04-01", &one_family, ""), today());
    assert_eq!(rule(&r, "yosei").status, RuleStatus::Satisfied);
    assert_eq!(rule(&r, "yosei").departments_served, 3);
    let p = profile_from(&departments.replace(
        "min_departments = 3\n",
        "min_departments = 3\ndistinct_families = true\n",
    ));
    let r = engine::rotation(&p, &plan(&p, "2014-04-01", &one_family, ""), today());
    let yosei = rule(&r, "yosei");
    assert_eq!((yosei.status, yosei.departments_served), (RuleStatus::NotMet, 1));
    assert_eq!(rule_progress(&p, yosei, Lang::Ja).unwrap(), "異なる系統の部署 1 / 3");
}

#[test]
fn a_year_12_employee_in_the_hakki_period_is_not_sent_to_a_new_family() {
    let p = profile();
    let r = engine::rotation(&p, &plan(&p, "2014-04-01", COMPLIANT, ""), today());
    let hakki = rule(&r, "hakki");
    assert_eq!(hakki.status, RuleStatus::Holding);
    assert_eq!(hakki.covered, ["jigyo"]);
    let next = r.next.as_ref().unwrap();
    assert_eq!(
        (next.family.as_str(), next.same_family, next.stay),
        ("jigyo", true, false)
    );
    assert!(matches!(&next.reason, NextReason::WithinFamily { rule } if rule.phase.as_deref() == Some("発揮期間")));
    let lines = next_post_lines(&p, next, Lang::Ja);
    assert_eq!(lines[0], "次の配属の候補: 同じ系統（事業系）の中で異動");
    assert!(
        lines[1]
            .starts_with("理由: 発揮期間（勤続10〜20年）は一つの系統の中で異動する期間のため、新しい系統は勧めません"),
        "{lines:?}"
    );

    // A wish for another field is set aside, and the reader is told why.
    let wishing = plan(
        &p,
        "2014-04-01",
        COMPLIANT,
        "[self_report]\ntransfer_wish = \"move\"\nchoices = [\"企画課\"]",
    );
    let next = engine::rotation(&p, &wishing, today()).next.unwrap();
    assert_eq!(next.family, "jigyo");
    let w = next.wish_not_followed.as_ref().unwrap();
    assert!(matches!(&w.wish, Wish::Choice { family, .. } if family == "kikaku"));
    assert!(matches!(&w.why, WishBlock::OutsideField { field: Some(f), .. } if f == "jigyo"));
    assert!(next_post_lines(&p, &next, Lang::Ja).contains(
        &"希望「企画課」（企画・政策系）は、発揮期間（勤続10〜20年）は一つの系統（事業系）の中で異動する期間のため候補にしていません"
            .to_string()
    ));

    // A wish to stay is followed where the rules allow it.
    let staying = plan(&p, "2014-04-01", COMPLIANT, "[self_report]\ntransfer_wish = \"stay\"");
    let next = engine::rotation(&p, &staying, today()).next.unwrap();
    assert!(next.stay && next.reason == NextReason::StayAsWished, "{next:?}");
    assert_eq!(
        next_post_lines(&p, &next, Lang::Ja)[0],
        "次の配属の候補: 現在の配属を続ける（事業系）"
    );
}

#[test]
fn a_first_posting_outside_the_citizen_family_is_reported() {
    let p = profile();
    let postings = [
        ("somu", "2022-04-01", Some("2025-03-31")),
        ("doboku", "2025-04-01", None),
    ];
    let r = engine::rotation(&p, &plan(&p, "2022-04-01", &postings, ""), today());
    let first = rule(&r, "first_post");
    assert_eq!(first.status, RuleStatus::Broken);
    assert_eq!(first.first_posting.as_ref().unwrap().family.as_deref(), Some("kanri"));
    assert_eq!(
        rule_progress(&p, first, Lang::Ja).unwrap(),
        "最初の配属: 総務課（管理・調整系）・規則の配属先: 市民対応系"
    );
    assert_eq!(
        michi::describe::rule_status(first.status, Lang::Ja),
        "未達（規則に合わない配属）"
    );
    // As a guideline, it is advice.
    let p = profile_from(&FIXTURE.replace(
        "families = [\"shimin\"]\n",
        "families = [\"shimin\"]\nstrength = \"guideline\"\n",
    ));
    let r = engine::rotation(&p, &plan(&p, "2022-04-01", &postings, ""), today());
    assert_eq!(rule(&r, "first_post").status, RuleStatus::BelowGuideline);

    // A new hire with no posting yet: the rule cannot be checked, and the suggestion is
    // the citizen family, whatever the wish.
    let p = profile();
    let new_hire = plan(&p, "2026-04-01", &[], "[self_report]\nchoices = [\"企画・政策系\"]");
    let r = engine::rotation(&p, &new_hire, today());
    assert_eq!(rule(&r, "first_post").status, RuleStatus::NotRecorded);
    let next = r.next.unwrap();
    assert_eq!(next.family, "shimin");
    assert!(matches!(next.reason, NextReason::FirstPosting { .. }));
    assert!(matches!(
        next.wish_not_followed.as_ref().map(|w| &w.why),
        Some(WishBlock::FirstPosting { .. })
    ));
}

#[test]
fn a_decimal_tenure_or_a_range_sets_when_a_posting_is_long() {
    let p = profile();
    let five = [
        ("zeimu", "2014-04-01", Some("2019-03-31")),
        ("doboku", "2019-04-01", None),
    ];
    let r = engine::rotation(&p, &plan(&p, "2014-04-01", &five, ""), today());
    let long: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| matches!(f, Finding::LongPosting { .. } | Finding::DueForRotation { .. }))
        .collect();
    // Five years is past 3.3 (postings of up to 4 years); 7.6 years in 土木課 is due.
    assert_eq!(long.len(), 2, "{long:?}");
    assert_eq!(
        michi::describe::finding_text(long[0], Lang::Ja),
        "税務課 の在籍 5.0 年は標準 3.3 年（4 年まで）より長い"
    );

    // 「3〜5年」: four and a half years is within the range, five and a half past it.
    let ranged = profile_from(&FIXTURE.replace(
        "typical_tenure_years = 3.3          # 「10年で3か所」",
        "tenure_range = [3, 5]",
    ));
    let postings = [
        ("zeimu", "2014-04-01", Some("2018-09-30")),
        ("doboku", "2018-10-01", Some("2024-03-31")),
        ("sangyo", "2024-04-01", None),
    ];
    let r = engine::rotation(&ranged, &plan(&ranged, "2014-04-01", &postings, ""), today());
    let long: Vec<String> = r
        .findings
        .iter()
        .filter(|f| matches!(f, Finding::LongPosting { .. } | Finding::DueForRotation { .. }))
        .map(|f| michi::describe::finding_text(f, Lang::Ja))
        .collect();
    assert_eq!(long, ["土木課 の在籍 5.5 年は在任の目安 3〜5 年より長い"]);
}

#[test]
fn the_suggestion_follows_a_wish_that_keeps_the_rules_reachable_and_says_why_not_otherwise() {
    let p = profile();
    // Hired 2022: 市民対応系 then 事業系 (since 2025); one more family is needed by 2032,
    // and the next move comes at 3.3 years, in 2028.
    let postings = [
        ("shimin_ka", "2022-04-01", Some("2025-03-31")),
        ("doboku", "2025-04-01", None),
    ];
    let wish = |choices: &str| {
        let plan = plan(
            &p,
            "2022-04-01",
            &postings,
            &format!("[self_report]\ntransfer_wish = \"move\"\nchoices = {choices}"),
        );
        engine::rotation(&p, &plan, today()).next.unwrap()
    };
    // 福祉課 is a family still to serve: followed.
    let next = wish("[\"福祉課\", \"まちづくりの仕事\"]");
    assert_eq!(next.family, "fukushi");
    assert_eq!(
        next.reason,
        NextReason::Wish {
            choice: "福祉課".into()
        }
    );
    assert_eq!(next.unmatched_choices, ["まちづくりの仕事"]);
    assert!(next.keeps_rules && next.waits_for_tenure);
    let lines = next_post_lines(&p, &next, Lang::Ja);
    assert!(
        lines[1].starts_with("理由: 本人の希望（自己申告）「福祉課」で、規則も期間内に満たせます"),
        "{lines:?}"
    );

    // 市民課 was served already: going back leaves too little of the window for a third
    // family, so the first family still needed is suggested, and the wish is answered.
    let next = wish("[\"市民課\"]");
    assert_eq!(next.family, "kanri");
    assert!(matches!(next.reason, NextReason::NeededByRule { .. }));
    let w = next.wish_not_followed.as_ref().unwrap();
    assert!(matches!(&w.why, WishBlock::Unreachable { rule } if rule.rule == "yosei"));
    let text = next_post_lines(&p, &next, Lang::Ja).join("\n");
    assert!(
        text.contains("希望「市民課」（市民対応系）は、養成期間（採用から10年）で3つ以上の部門系統を経験するローテーションを期間内に満たせなくなるため候補にしていません"),
        "{text}"
    );
    // Names and ids of families and departments are all understood.
    for choice in ["福祉・保健系", "fukushi", "fukushi_ka", " 福祉課 "] {
        assert_eq!(wish(&format!("[\"{choice}\"]")).family, "fukushi", "{choice}");
    }
}

#[test]
fn a_window_too_short_for_what_is_missing_is_warned_about() {
    let p = profile();
    // Hired 2018, two families served, the window closes in March 2028: 1.4 years left
    // for a family that takes 3.3.
    let postings = [
        ("zeimu", "2018-04-01", Some("2021-03-31")),
        ("doboku", "2021-04-01", None),
    ];
    let r = engine::rotation(
        &p,
        &plan(&p, "2018-04-01", &postings, "[self_report]\ntransfer_wish = \"stay\""),
        today(),
    );
    let short = r
        .findings
        .iter()
        .find(|f| matches!(f, Finding::ShortWindow { .. }))
        .unwrap();
    assert!(
        matches!(short, Finding::ShortWindow { still_needed: 1, years_left, tenure_years, .. } if *years_left < 1.5 && *tenure_years == 3.3)
    );
    assert_eq!(
        michi::describe::finding_text(short, Lang::Ja),
        "養成期間（採用から10年）で3つ以上の部門系統を経験するローテーション: 期間の残りは 1.4 年ですが、まだ 1 系統（1か所 3.3 年として 3.3 年）が必要です。1 か所の在任年数に足りません"
    );
    let next = r.next.unwrap();
    // Staying would lose the rule for good; a family still needed is suggested.
    assert_eq!(next.family, "kanri");
    assert!(!next.keeps_rules);
    assert!(matches!(next.wish_not_followed.map(|w| w.wish), Some(Wish::Stay)));
}

fn rotation_problems(text: &str) -> Vec<RotationProblem> {
    let p: Profile = toml::from_str(text).unwrap();
    p.validate()
        .into_iter()
        .filter_map(|problem| match problem.kind {
            ProblemKind::Rotation(r) => Some(r),
            _ => None,
        })
        .collect()
}

#[test]
fn rules_that_cannot_be_met_are_refused_with_the_arithmetic() {
    assert_eq!(rotation_problems(FIXTURE), vec![]);
    let all_five = FIXTURE.replace("at_least = 3", "at_least = 5").replace(
        "typical_tenure_years = 3.3          # 「10年で3か所」",
        "typical_tenure_years = 3",
    );
    let problems = rotation_problems(&all_five);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message(Lang::En),
        "5 families × 3 years = 15 years > window 10 years (the first 10 years of service)"
    );
    assert_eq!(
        problems[0].message(Lang::Ja),
        "5 系統 × 3 年 = 15 年が、期間の 10 年（採用から10年）を超えます"
    );

    // A within-family phase that opens at year 5 leaves 5 years for the other two families.
    let cut = FIXTURE.replace("from_year = 10\nwindow_years = 20", "from_year = 5\nwindow_years = 20");
    let problems = rotation_problems(&cut);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message(Lang::Ja),
        "勤続5年から一つの系統の中で異動する期間（発揮期間）が始まるため、勤続0〜5年の 5 年に 2 系統 × 3.3 年 = 6.6 年が必要です（5 年を超えます）"
    );

    // A first posting outside the counted families takes a tenure of the window first.
    let outside = FIXTURE.replace(
        "families = [\"shimin\", \"jigyo\", \"kanri\", \"fukushi\", \"kikaku\"]",
        "families = [\"jigyo\", \"kanri\", \"fukushi\", \"kikaku\"]",
    );
    let problems = rotation_problems(&outside);
    assert_eq!(
        problems.iter().map(|p| p.message(Lang::En)).collect::<Vec<_>>(),
        [
            "1 first posting outside the listed families + 3 families = 4 postings × 3.3 years = 13.2 years > window 10 years (the first 10 years of service)"
        ]
    );
}

#[test]
fn keys_that_do_not_fit_the_rule_are_refused() {
    let cases = [
        (
            "at_least = 3",
            "at_least = 6",
            "at_least = 6 ですが、families には 5 系統しかありません",
        ),
        (
            "from_year = 10\n",
            "from_year = 20\n",
            "期間が始まる年（from_year = 20）が終わる年（window_years = 20）より前にありません",
        ),
        (
            "typical_tenure_years = 3.3",
            "typical_tenure_years = 0",
            "在任年数 0 は年数として読めません（0 より大きい数が必要です）",
        ),
        (
            "typical_tenure_years = 3.3",
            "tenure_range = [5, 3]",
            "在任年数の範囲 [5, 3] は始まりが終わりより大きくなっています",
        ),
        (
            "typical_tenure_years = 3.3",
            "typical_tenure_years = 6\ntenure_range = [3, 5]",
            "標準の在任年数 6 年が範囲 3〜5 年の外です",
        ),
        (
            "families = [\"shimin\"]\n",
            "families = [\"shimin\"]\nwindow_years = 1\n",
            "`window_years` は kind = \"first_posting\" の規則では使いません",
        ),
        (
            "from_year = 10\nwindow_years = 20\n",
            "from_year = 10\n",
            "規則に期間の終わり（window_years）がありません",
        ),
        (
            "families = [\"shimin\"]\n",
            "",
            "最初の配属の規則に families も departments もありません",
        ),
    ];
    for (from, to, message) in cases {
        let text = FIXTURE.replacen(from, to, 1);
        assert_ne!(text, FIXTURE, "{from}");
        let problems = rotation_problems(&text);
        assert!(
            problems.iter().any(|p| p.message(Lang::Ja) == message),
            "{to}: {:?}",
            problems.iter().map(|p| p.message(Lang::Ja)).collect::<Vec<_>>()
        );
    }
}
