//! Posts through the library, on the fictional 例示町 (tests/fixtures/valid/shared_grades.toml):
//! 事務 and 技術 ladders merging at 副主幹, 主任主査 within 主査, post classes 一般 / 監督職 /
//! 管理職 with 役職定年 on 管理職 only, and names read where ids belong.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::engine::{self, PlanNote};
use michi::i18n::Lang;
use michi::model::{LimitBasis, NamedField, Plan, PostRule, ProblemKind, Profile, Reading};
use michi::store::{Catalog, CatalogEntry, Origin, parse_plan, parse_profile};

const FIXTURE: &str = include_str!("fixtures/valid/shared_grades.toml");

fn profile() -> Profile {
    parse_profile("shared_grades.toml", FIXTURE.as_bytes(), Lang::En)
        .unwrap_or_else(|d| panic!("{}", d.iter().map(|d| d.render(Lang::En)).collect::<String>()))
}

fn catalog() -> Catalog {
    Catalog {
        entries: vec![CatalogEntry {
            profile: profile(),
            origin: Origin::Bundled,
            overrides_bundled: false,
        }],
        failed: Vec::new(),
    }
}

fn today() -> michi::model::Date {
    michi::model::Date::parse("2026-11-21").unwrap()
}

/// A plan of 例示町 read as the app and the command line read it (names resolved).
fn plan(body: &str) -> Plan {
    let text =
        format!("schema_version = 1\nprofile = \"reijicho\"\nbirth_date = 1970-05-01\nhire_date = 1995-04-01\n{body}");
    parse_plan("plan.toml", text.as_bytes(), &catalog(), Lang::Ja)
        .unwrap_or_else(|d| panic!("{}", d.iter().map(|d| d.render(Lang::En)).collect::<String>()))
}

fn ladder(p: &Profile, series: &str) -> Vec<String> {
    p.ladder(p.series(series).unwrap())
        .iter()
        .map(|g| g.id.clone())
        .collect()
}

#[test]
fn the_two_ladders_merge_at_fukushukan_with_the_upper_grades_written_once() {
    let p = profile();
    let shared = ["fukushukan", "shukan", "kacho", "bucho"];
    assert_eq!(
        ladder(&p, "gijutsu"),
        [&["gishi", "gijutsu_shunin", "gijutsu_shusa"][..], &shared[..]].concat()
    );
    assert_eq!(
        ladder(&p, "jimu"),
        [&["shuji", "shunin", "shusa"][..], &shared[..]].concat()
    );
    for id in shared {
        let (defined_by, _) = p.grade(id).unwrap();
        assert_eq!(defined_by.id, "jimu", "{id} is written once, by 事務");
        assert_eq!(p.requirements.iter().filter(|r| r.grade == id).count(), 2, "{id}");
    }
    // Ranks on either ladder; the merge grade sits at rank 3 on both.
    let gijutsu = p.series("gijutsu").unwrap();
    assert_eq!(p.rank(gijutsu, "fukushukan"), Some(3));
    assert_eq!(p.rank(gijutsu, "shusa"), None, "事務's 主査 is not on 技術's ladder");
    assert_eq!(
        p.common_series("gijutsu_shusa", "kacho").map(|s| s.id.as_str()),
        Some("gijutsu")
    );
    assert_eq!(p.common_series("shusa", "gijutsu_shusa"), None);
}

/// A shared grade's rung counts the descriptions below it on each ladder: 副主幹's 実務遂行
/// is the 4th description on 事務's ladder and the 3rd on 技術's (技術 主任 and 主査 share one).
#[test]
fn a_shared_grade_is_measured_on_the_plans_ladder() {
    let p = profile();
    let jitsumu = p.competency("jitsumu").unwrap();
    let level = |series: &str, grade: &str| p.requirement_on(Some(series), grade, jitsumu).unwrap().level;
    assert_eq!(level("jimu", "fukushukan"), Some(4));
    assert_eq!(level("gijutsu", "fukushukan"), Some(3));
    assert_eq!(level("gijutsu", "kacho"), Some(5));
    // A grade not on the series named is measured on its own ladder.
    assert_eq!(level("gijutsu", "shusa"), Some(3));

    let diff = engine::grade_diff(&p, Some("gijutsu"), "gijutsu_shusa", "fukushukan").unwrap();
    assert_eq!(diff.series.as_deref(), Some("gijutsu"));
    let row = diff.changes.iter().find(|r| r.competency == "jitsumu").unwrap();
    assert_eq!((row.from_level, row.to_level), (Some(2), Some(3)));
    assert_eq!(diff.new_roles, ["係の業務を統括する。"]);
}

#[test]
fn a_gijutsu_plan_climbs_through_the_shared_grades() {
    let plan =
        plan("series = \"gijutsu\"\ngrade = \"gijutsu_shusa\"\ngrade_since = 2024-04-01\ntarget_grade = \"kacho\"\n");
    let p = profile();
    let a = engine::analyze(&p, &plan, today(), 3);
    let path: Vec<&str> = a.trajectory.steps.iter().map(|s| s.grade.as_str()).collect();
    assert_eq!(path, ["fukushukan", "shukan", "kacho", "bucho"]);
    assert!(a.trajectory.unconnected.is_empty());
    // 8 years in 技術 主査 from 2024, then a year each.
    let earliest: Vec<i32> = a.trajectory.steps.iter().filter_map(|s| s.earliest_fy).collect();
    assert_eq!(earliest, [2032, 2033, 2034, 2036]);
    // The target's requirements are read on 技術's ladder.
    let gap = a.target.gaps.iter().find(|g| g.competency == "jitsumu").unwrap();
    assert_eq!(gap.required, 5);
}

/// 役職定年 applies where the profile declares it (管理職) and nowhere else, whatever the
/// grade's height: 副主幹 reached after 60 is fine, 課長 is not.
#[test]
fn yakushoku_teinen_applies_only_where_declared() {
    let p = profile();
    for (_, g) in p.grades() {
        let limit = p.management_limit(g);
        assert_eq!(limit.basis, LimitBasis::PostClass, "{}", g.id);
        assert_eq!(limit.applies, ["kacho", "bucho"].contains(&g.id.as_str()), "{}", g.id);
    }
    // Born 1970-05: management posts until FY2030, retirement in FY2035.
    let plan =
        plan("series = \"gijutsu\"\ngrade = \"gijutsu_shusa\"\ngrade_since = 2024-04-01\ntarget_grade = \"kacho\"\n");
    let a = engine::analyze(&p, &plan, today(), 3);
    assert_eq!(a.retirement.last_management_fiscal_year(), 2030);
    let step = |id: &str| a.trajectory.steps.iter().find(|s| s.grade == id).unwrap();
    for id in ["fukushukan", "shukan"] {
        assert!(step(id).earliest_fy > Some(2030) && step(id).reachable == Some(true));
        assert!(
            !step(id).management && step(id).before_management_limit == Some(true),
            "{id}"
        );
    }
    assert!(step("kacho").management && step("kacho").before_management_limit == Some(false));
    assert!(
        a.notes
            .contains(&PlanNote::TargetAfterManagementLimit { grade: "kacho".into() })
    );

    // One description, for the command line and the app alike.
    let post = |id: &str, lang| michi::describe::grade_post(&p, p.grade(id).unwrap().1, lang);
    assert_eq!(post("shusa", Lang::Ja).as_deref(), Some("一般"));
    assert_eq!(post("fukushukan", Lang::Ja).as_deref(), Some("監督職"));
    assert_eq!(post("kacho", Lang::Ja).as_deref(), Some("管理職・役職定年の対象"));
    assert_eq!(post("kacho", Lang::En).as_deref(), Some("管理職, subject to 役職定年"));
    let notes = michi::describe::step_notes(&p, step("kacho"), Lang::Ja);
    assert!(notes.contains(&"管理職・役職定年の対象".to_string()) && notes.contains(&"役職定年後".to_string()));
    let notes = michi::describe::step_notes(&p, step("fukushukan"), Lang::Ja);
    assert!(notes.contains(&"監督職".to_string()) && !notes.iter().any(|n| n.contains("役職定年")));
}

/// The grade's own setting comes first, then its class, then format 1's flag; a flag that
/// contradicts what is stated is refused.
#[test]
fn the_management_limit_is_read_in_a_stated_order_and_contradictions_refused() {
    let with = |from: &str, to: &str| {
        assert!(FIXTURE.contains(from), "{from}");
        FIXTURE.replacen(from, to, 1)
    };
    // An exception on one grade: 課長 of the 管理職 class, but not subject to 役職定年.
    let text = with(
        "post_class = \"kanri\"\n",
        "post_class = \"kanri\"\nmanagement_limit = false\n",
    );
    let p = parse_profile("x.toml", text.as_bytes(), Lang::En).unwrap();
    let limit = p.management_limit(p.grade("kacho").unwrap().1);
    assert!(!limit.applies && limit.basis == LimitBasis::Grade);
    // Format 1's flag alone still says it.
    let text = with(
        "post_class = \"kanri\"\nroles = [\"課を統率する。\"]",
        "management = true\nroles = [\"課を統率する。\"]",
    );
    let p = parse_profile("x.toml", text.as_bytes(), Lang::En).unwrap();
    let limit = p.management_limit(p.grade("kacho").unwrap().1);
    assert!(limit.applies && limit.basis == LimitBasis::Management);
    // management = true on a 監督職 grade (no 役職定年): two answers, refused.
    let text = with(
        "post_class = \"kantoku\"\n",
        "post_class = \"kantoku\"\nmanagement = true\n",
    );
    let p: Profile = toml::from_str(&text).unwrap();
    let problems = p.validate();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path.to_string(), "job_series[0].grades[3].management");
    assert_eq!(
        problems[0].kind,
        ProblemKind::Posts(PostRule::ManagementConflict {
            management: true,
            limit: false,
            from_class: true
        })
    );
}

#[test]
fn shares_from_must_name_a_series_and_one_of_its_own_grades() {
    let share = "shares_from = { series = \"jimu\", grade = \"fukushukan\"";
    let problems = |to: &str| {
        let p: Profile = toml::from_str(&FIXTURE.replacen(share, to, 1)).unwrap();
        p.validate()
            .into_iter()
            .map(|p| (p.path.to_string(), p.kind))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        problems("shares_from = { series = \"gijutsu\", grade = \"fukushukan\""),
        [(
            "job_series[1].shares_from.series".to_string(),
            ProblemKind::Posts(PostRule::ShareFromSelf)
        )]
    );
    let found = problems("shares_from = { series = \"jimu\", grade = \"gishi\"");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "job_series[1].shares_from.grade");
    assert!(
        matches!(&found[0].1, ProblemKind::Posts(PostRule::ShareGradeElsewhere { grade, series })
        if grade == "gishi" && series == "jimu")
    );
    let found = problems("shares_from = { series = \"jimmu\", grade = \"fukushukan\"");
    assert!(
        matches!(&found[..], [(path, ProblemKind::UnknownReference { suggestion: Some(s), .. })]
        if path == "job_series[1].shares_from.series" && s == "jimu"),
        "{found:?}"
    );
}

#[test]
fn names_are_read_on_the_plans_ladder_and_ambiguous_ones_refused() {
    let p = profile();
    let jimu = p.series("jimu");
    let gijutsu = p.series("gijutsu");
    let id = |r: Reading<michi::model::GradeHit<'_>>| r.found().map(|h| h.grade.id.clone());
    assert_eq!(id(p.read_grade("主任", gijutsu)), Some("gijutsu_shunin".into()));
    assert_eq!(id(p.read_grade("主任", jimu)), Some("shunin".into()));
    assert_eq!(id(p.read_grade("副主幹", gijutsu)), Some("fukushukan".into()));
    assert!(matches!(p.read_grade("kacho", None), Reading::Id(_)));
    match p.read_grade("主任", None) {
        Reading::Ambiguous(found) => {
            let described: Vec<String> = found.iter().map(|h| h.describe()).collect();
            assert_eq!(described, ["shunin（主任・事務）", "gijutsu_shunin（主任・技術）"]);
        }
        other => panic!("{other:?}"),
    }
    // A position's name names the grade holding it.
    let hit = p.read_grade("主任主査", gijutsu).found().unwrap();
    assert_eq!(
        (hit.grade.id.as_str(), hit.position.map(|x| x.id.as_str())),
        ("gijutsu_shusa", Some("gijutsu_shunin_shusa"))
    );
    assert!(matches!(p.read_series("技術職"), Reading::Name(s) if s.id == "gijutsu"));
    assert_eq!(p.read_grade("係長", None), Reading::Unknown);
}

#[test]
fn a_plan_file_may_name_things_by_name_and_is_told_what_was_read() {
    let plan = plan("series = \"技術\"\ngrade = \"主任主査\"\ngrade_since = 2024-04-01\ntarget_grade = \"課長\"\n");
    assert_eq!(plan.series.as_deref(), Some("gijutsu"));
    assert_eq!(plan.grade, "gijutsu_shusa");
    assert_eq!(plan.position.as_deref(), Some("gijutsu_shunin_shusa"));
    assert_eq!(plan.target_grade, "kacho");
    let read: Vec<(NamedField, &str, &str)> = plan
        .names_read
        .iter()
        .map(|n| (n.field, n.written.as_str(), n.id.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (NamedField::Series, "技術", "gijutsu"),
            (NamedField::Grade, "主任主査", "gijutsu_shusa"),
            (NamedField::Position, "主任主査", "gijutsu_shunin_shusa"),
            (NamedField::TargetGrade, "課長", "kacho"),
        ]
    );
    assert_eq!(
        plan.names_read[1].notice(Lang::Ja),
        "現在の職級「主任主査」を名前として読みました → 主査（ID `gijutsu_shusa`）"
    );
    assert_eq!(michi::describe::current_grade(&profile(), &plan), "主査（主任主査）");
}

#[test]
fn a_position_must_belong_to_the_current_grade() {
    let text = "schema_version = 1\nprofile = \"reijicho\"\nseries = \"gijutsu\"\nbirth_date = 1970-05-01\nhire_date = 1995-04-01\ngrade = \"gijutsu_shusa\"\nposition = \"shunin_shusa\"\ngrade_since = 2024-04-01\ntarget_grade = \"kacho\"\n";
    let problems = parse_plan("plan.toml", text.as_bytes(), &catalog(), Lang::En).unwrap_err();
    assert_eq!(problems.total(), 1);
    let shown = problems.render(Lang::En);
    assert!(
        shown.contains("plan.toml:7:") && shown.contains("no position with id `shunin_shusa`"),
        "{shown}"
    );
}

/// A plan file that wrote names keeps them when the app saves it: only what changed is
/// rewritten, and the file still reads as the same plan.
#[test]
fn saving_a_plan_written_with_names_keeps_the_names_and_the_comments() {
    let text = "schema_version = 1\nprofile = \"reijicho\"\nseries = \"技術\"   # 職系\nbirth_date = 1970-05-01\nhire_date = 1995-04-01\ngrade = \"主任主査\"\ngrade_since = 2024-04-01\ntarget_grade = \"課長\"\n";
    let before = parse_plan("plan.toml", text.as_bytes(), &catalog(), Lang::Ja).unwrap();
    let mut after = before.clone();
    after.target_grade = "bucho".into();
    let saved = michi::store::plan_edit::update_plan_text(text, &before, &after).unwrap();
    assert!(
        saved.contains("series = \"技術\"   # 職系") && saved.contains("grade = \"主任主査\""),
        "{saved}"
    );
    assert!(saved.contains("target_grade = \"bucho\""), "{saved}");
    let again = parse_plan("plan.toml", saved.as_bytes(), &catalog(), Lang::Ja).unwrap();
    assert_eq!(
        (again.grade.as_str(), again.target_grade.as_str()),
        ("gijutsu_shusa", "bucho")
    );
}

/// Sharing multiplies grade places (every sharing series repeats the shared grades on its
/// ladder); past a bound no real city comes near, a share is refused rather than followed.
#[test]
fn sharing_is_bounded() {
    let mut text = String::from(
        "schema_version = 2\nid = \"big\"\nname = \"大町\"\nname_romaji = \"Big\"\n[document]\ntitle = \"t\"\ndate = \"2024\"\n[scale]\nkind = \"descriptors\"\n[[competencies]]\nid = \"c\"\nname = \"c\"\ndefinition = \"\"\nsource = \"s\"\n[[job_series]]\nid = \"base\"\nname = \"基\"\nsource = \"s\"\n",
    );
    for r in 0..200 {
        text.push_str(&format!(
            "[[job_series.grades]]\nid = \"g{r}\"\nname = \"職級{r}\"\nsource = \"s\"\n"
        ));
    }
    for s in 0..60 {
        text.push_str(&format!(
            "[[job_series]]\nid = \"s{s}\"\nname = \"職系{s}\"\nsource = \"s\"\nshares_from = {{ series = \"base\", grade = \"g0\" }}\n"
        ));
    }
    let p: Profile = toml::from_str(&text).unwrap();
    let refused: Vec<String> = p
        .validate()
        .into_iter()
        .filter(|problem| problem.kind == ProblemKind::Posts(PostRule::TooMuchShared))
        .map(|problem| problem.path.to_string())
        .collect();
    // 50 series × 200 grades fill the 10,000 places; the other 10 are refused.
    assert_eq!(refused.len(), 10, "{refused:?}");
    assert_eq!(refused[0], "job_series[51].shares_from");
    assert_eq!(p.ladder(p.series("s49").unwrap()).len(), 200);
    assert!(p.ladder(p.series("s50").unwrap()).is_empty());
}

/// A plan restored from a draft (written with ids, so without the record of names) saves
/// into the file that wrote names as well.
#[test]
fn a_plan_without_the_record_of_names_still_saves_into_the_named_file() {
    let text = "schema_version = 1\nprofile = \"reijicho\"   # 例示町\nseries = \"技術\"\nbirth_date = 1970-05-01\nhire_date = 1995-04-01\ngrade = \"主任\"\ngrade_since = 2024-04-01\ntarget_grade = \"課長\"\n";
    let before = parse_plan("plan.toml", text.as_bytes(), &catalog(), Lang::Ja).unwrap();
    let mut after = before.clone();
    after.names_read.clear();
    after.grade_since = michi::model::Date::parse("2025-04-01").unwrap();
    let saved = michi::store::plan_edit::update_plan_text(text, &before, &after).unwrap();
    assert!(
        saved.contains("# 例示町") && saved.contains("grade = \"主任\""),
        "{saved}"
    );
    assert!(saved.contains("grade_since = 2025-04-01"), "{saved}");
}

/// 特例定年: each entry names one series or one grade that exists, once, with an age from 60
/// to 70; a plan on it retires at that age, told at the line that is wrong otherwise.
#[test]
fn special_retirement_ages_are_checked_where_they_are_written() {
    let problems = |entries: &str| {
        let p: Profile = toml::from_str(&format!("{FIXTURE}\n{entries}")).unwrap();
        p.validate()
            .into_iter()
            .map(|p| (p.path.to_string(), p.kind))
            .collect::<Vec<_>>()
    };
    let entry =
        |key: &str, age: u8| format!("[[special_retirement_ages]]\n{key}\nage = {age}\nsource = \"定年条例 第3条\"\n");
    assert_eq!(problems(&entry("series = \"gijutsu\"", 65)), []);
    assert_eq!(
        problems(&entry("", 65)),
        [(
            "special_retirement_ages[0]".to_string(),
            ProblemKind::Posts(PostRule::SpecialAgeTarget { both: false })
        )]
    );
    assert_eq!(
        problems(&entry("series = \"gijutsu\"\ngrade = \"kacho\"", 65)),
        [(
            "special_retirement_ages[0]".to_string(),
            ProblemKind::Posts(PostRule::SpecialAgeTarget { both: true })
        )]
    );
    assert_eq!(
        problems(&entry("grade = \"kacho\"", 75)),
        [(
            "special_retirement_ages[0].age".to_string(),
            ProblemKind::Posts(PostRule::SpecialAgeRange { age: 75 })
        )]
    );
    assert_eq!(
        problems(&format!(
            "{}{}",
            entry("grade = \"kacho\"", 65),
            entry("grade = \"kacho\"", 66)
        )),
        [(
            "special_retirement_ages[1].grade".to_string(),
            ProblemKind::Posts(PostRule::SpecialAgeTwice { id: "kacho".into() })
        )]
    );
    let found = problems(&entry("grade = \"kachou\"", 65));
    assert!(
        matches!(&found[..], [(path, ProblemKind::UnknownReference { suggestion: Some(s), .. })]
        if path == "special_retirement_ages[0].grade" && s == "kacho"),
        "{found:?}"
    );
    // Through the loader: the message names the file, the line of `age` and what to write.
    let text = format!("{FIXTURE}\n{}", entry("grade = \"kacho\"", 75));
    let line = text.lines().position(|l| l == "age = 75").unwrap() + 1;
    let told: String = parse_profile("reiji.toml", text.as_bytes(), Lang::Ja)
        .unwrap_err()
        .iter()
        .map(|d| d.render(Lang::Ja))
        .collect();
    assert!(told.contains(&format!("reiji.toml:{line}:")), "{told}");
    assert!(told.contains("特例定年 75 歳は 60〜70 歳の範囲にありません"), "{told}");
    assert!(told.contains("age = 65"), "{told}");
    // A plan of the series retires at its age, in the analysis and the next ten years.
    let text = format!("{FIXTURE}\n{}", entry("series = \"jimu\"", 67));
    let p = parse_profile("reiji.toml", text.as_bytes(), Lang::En).unwrap();
    let plan = plan("grade = \"kacho\"\ngrade_since = 2020-04-01\ntarget_grade = \"bucho\"\n");
    let a = engine::analyze(&p, &plan, today(), 3);
    assert_eq!(
        (a.retirement.age, a.retirement.date.to_string()),
        (67, "2038-03-31".to_string())
    );
    assert_eq!(engine::next_ten_years(&p, &plan, today()).retirement, a.retirement);
}
