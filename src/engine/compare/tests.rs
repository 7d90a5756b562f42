#![allow(clippy::unwrap_used)]

use super::*;
use crate::engine::analyze;
use crate::i18n::Lang;
use crate::model::Date;
use crate::store::Catalog;
use crate::store::personas::PERSONAS;

fn catalog() -> Catalog {
    Catalog::load(None, Lang::Ja)
}

fn profile<'c>(catalog: &'c Catalog, id: &str) -> &'c Profile {
    &catalog.get(id).unwrap().profile
}

fn persona(catalog: &Catalog, name: &str) -> Plan {
    let (_, text) = PERSONAS.iter().find(|(n, _)| *n == name).unwrap();
    crate::store::parse_plan(name, text.as_bytes(), catalog, Lang::Ja).unwrap()
}

fn today() -> Date {
    Date::parse("2026-11-21").unwrap()
}

fn row<'r>(report: &'r MappingReport, from: &str) -> &'r CompetencyMapping {
    report.competencies.iter().find(|c| c.from == from).unwrap()
}

#[test]
fn levels_keep_their_relative_place_on_the_other_scale() {
    assert_eq!(convert_level(3, (1, 5), (0, 4)), Some(2));
    assert_eq!(convert_level(1, (1, 5), (0, 2)), Some(0));
    assert_eq!(convert_level(5, (1, 5), (0, 2)), Some(2));
    // Halfway rounds up: 2 of 1–5 is a quarter of the way, 0.5 of 0–2.
    assert_eq!(convert_level(2, (1, 5), (0, 2)), Some(1));
    assert_eq!(
        convert_level(4, (1, 5), (1, 5)),
        Some(4),
        "the same scale keeps the level"
    );
    assert_eq!(convert_level(0, (0, 1), (1, 5)), Some(1));
    assert_eq!(convert_level(1, (0, 1), (1, 5)), Some(5));
    assert_eq!(convert_level(1, (1, 1), (1, 5)), None, "a one-level scale says nothing");
    assert_eq!(convert_level(3, (1, 5), (0, 0)), None);
}

#[test]
fn grades_map_by_rank_and_the_mapped_plan_passes_the_other_citys_checks() {
    let catalog = catalog();
    let (iruma, joetsu) = (profile(&catalog, "iruma"), profile(&catalog, "joetsu"));
    let plan = persona(&catalog, "iruma-shunin-to-kacho");
    let Mapped { plan: mapped, report } = map_plan(&plan, iruma, joetsu).unwrap();
    assert_eq!(mapped.profile, "joetsu");
    assert_eq!(mapped.validate(joetsu), Vec::new(), "{:#?}", report);

    let iruma_series = iruma.series(plan.series_id(iruma).unwrap()).unwrap();
    let joetsu_series = joetsu.series(&report.series.to).unwrap();
    assert_eq!(report.series.how, SeriesMatch::First, "no series of the same name");
    for g in &report.grades {
        assert_eq!(iruma.rank(iruma_series, &g.from), Some(g.from_rank));
        assert_eq!(joetsu.rank(joetsu_series, &g.to), Some(g.to_rank));
        assert_eq!(g.to_rank, g.from_rank.min(report.to_ladder - 1));
    }
    let current = &report.grades[0];
    assert_eq!(
        (current.role, current.from_name.as_str()),
        (GradeRole::Current, "主任級")
    );
    assert_eq!(mapped.grade, current.to);

    // Levels from a 1–5 scale onto 上越's descriptor ladders, by relative position.
    let staff = row(&report, "jinzai_ikusei");
    assert_eq!(
        (staff.to.as_deref(), staff.how),
        (Some("staff_development"), Some(MatchKind::Alias))
    );
    assert_eq!(staff.from_range, (1, 5));
    let (low, high) = staff.to_range.unwrap();
    assert_eq!(low, 0, "a descriptor ladder starts at 0");
    let change = staff.self_level.unwrap();
    assert_eq!(Some(change.to), convert_level(change.from, (1, 5), (low, high)));
    assert_eq!(mapped.self_assessment.get("staff_development"), Some(&change.to));

    // Trainings are the first city's: dropped, each listed by name.
    assert!(mapped.completed_trainings.is_empty() && mapped.planned_trainings.is_empty());
    assert_eq!(
        report.trainings_dropped.len(),
        plan.completed_trainings.len() + plan.planned_trainings.len()
    );
    assert!(report.anything_lost());
}

#[test]
fn competencies_match_by_name_then_alias_then_stem_and_the_rest_is_listed() {
    let catalog = catalog();
    let (iruma, kawagoe, akishima, ageo, joetsu) = (
        profile(&catalog, "iruma"),
        profile(&catalog, "kawagoe"),
        profile(&catalog, "akishima"),
        profile(&catalog, "ageo"),
        profile(&catalog, "joetsu"),
    );
    // 入間 → 川越: both 1–5, so levels stay; three names are the same.
    let plan = persona(&catalog, "iruma-shunin-to-kacho");
    let Mapped { plan: mapped, report } = map_plan(&plan, iruma, kawagoe).unwrap();
    assert_eq!(mapped.validate(kawagoe), Vec::new());
    for (from, to) in [
        ("seisaku_keisei", "policy_formation"),
        ("communication", "communication"),
        ("jinzai_ikusei", "staff_development"),
    ] {
        let r = row(&report, from);
        assert_eq!((r.to.as_deref(), r.how), (Some(to), Some(MatchKind::Name)), "{from}");
        assert_eq!(mapped.self_assessment.get(to), plan.self_assessment.get(from));
    }
    let unmapped: Vec<&str> = report.unmapped_competencies().map(|c| c.from.as_str()).collect();
    assert!(
        unmapped.contains(&"kiki_kanri") && unmapped.contains(&"jimu_shori"),
        "{unmapped:?}"
    );
    assert!(
        report.unassessed.contains(&"自己成長力".to_string()),
        "{:?}",
        report.unassessed
    );

    // 入間's 危機管理能力 and 昭島's 危機管理 share the English name.
    let mut plan = persona(&catalog, "iruma-shunin-to-kacho");
    plan.series = Some("ippan".into());
    let Mapped { report, .. } = map_plan(&plan, iruma, akishima).unwrap();
    let r = row(&report, "kiki_kanri");
    assert_eq!(
        (r.to.as_deref(), r.how),
        (Some("crisis_management"), Some(MatchKind::Alias))
    );

    // 上尾's 業務遂行能力 is 上越's 業務遂行 once 能力 is taken off.
    let mut plan = persona(&catalog, "ageo-shusa-born-1968");
    plan.self_assessment.insert("gyomu_suiko".into(), 2);
    let Mapped { plan: mapped, report } = map_plan(&plan, ageo, joetsu).unwrap();
    let r = row(&report, "gyomu_suiko");
    assert_eq!(
        (r.to.as_deref(), r.how),
        (Some("task_execution"), Some(MatchKind::Stem))
    );
    assert_eq!(mapped.validate(joetsu), Vec::new());
}

#[test]
fn a_grade_above_the_top_of_a_shorter_ladder_takes_its_top() {
    let catalog = catalog();
    let (iruma, kawagoe) = (profile(&catalog, "iruma"), profile(&catalog, "kawagoe"));
    // 川越's 行政職 has nine grades, 入間's 一般職員 seven: 部長級 (the ninth) becomes the top.
    let mut plan = Plan::example_for(kawagoe, today()).unwrap();
    plan.target_grade = "bucho".into();
    let Mapped { plan: mapped, report } = map_plan(&plan, kawagoe, iruma).unwrap();
    assert_eq!((report.from_ladder, report.to_ladder), (9, 7));
    let target = &report.grades[1];
    assert_eq!((target.from_rank, target.to_rank, target.clamped), (8, 6, true));
    assert_eq!(target.to_name, "部長級");
    let current = &report.grades[0];
    assert_eq!(
        (current.from_name.as_str(), current.to_name.as_str(), current.clamped),
        ("主事補級", "主事・主事補級", false)
    );
    assert_eq!(mapped.validate(iruma), Vec::new());
    assert!(report.anything_lost());
}

#[test]
fn a_series_of_the_same_name_is_kept() {
    let catalog = catalog();
    let (akishima, kawagoe) = (profile(&catalog, "akishima"), profile(&catalog, "kawagoe"));
    let plan = persona(&catalog, "akishima-gino-to-ginocho");
    let Mapped { plan: mapped, report } = map_plan(&plan, akishima, kawagoe).unwrap();
    assert_eq!(report.series.how, SeriesMatch::Name);
    assert_eq!(mapped.series.as_deref(), Some("gino"));
    assert_eq!(mapped.validate(kawagoe), Vec::new());
    // 昭島's 行動規範 and abilities are mostly not 川越's: listed, with their levels.
    assert!(report.unmapped_competencies().count() > 0);
}

#[test]
fn postings_stay_free_text_with_a_department_or_family_of_the_same_name() {
    let catalog = catalog();
    let (iruma, joetsu, kawagoe) = (
        profile(&catalog, "iruma"),
        profile(&catalog, "joetsu"),
        profile(&catalog, "kawagoe"),
    );
    let plan = persona(&catalog, "joetsu-shuji-second-year");
    let Mapped { plan: mapped, report } = map_plan(&plan, joetsu, iruma).unwrap();
    assert_eq!(mapped.assignments.len(), plan.assignments.len());
    let first = &report.postings[0];
    assert_eq!(
        first.department,
        joetsu.department(&plan.assignments[0].department).unwrap().name
    );
    assert_eq!(
        mapped.assignments[0].department, first.department,
        "the name, as free text"
    );
    assert_eq!(mapped.validate(iruma), Vec::new());

    // 入間's 税務部門 (free text there) is a department of 上越.
    let plan = persona(&catalog, "iruma-shunin-to-kacho");
    let Mapped { plan: mapped, report } = map_plan(&plan, iruma, joetsu).unwrap();
    let tax = report.postings.iter().position(|p| p.department == "税務部門").unwrap();
    assert!(report.postings[tax].department_matched);
    assert!(report.postings[tax].family.is_some());
    assert!(joetsu.department(&mapped.assignments[tax].department).is_some());
    let _ = kawagoe;
}

#[test]
fn an_unchecked_plan_off_its_ladder_is_refused_not_guessed() {
    let catalog = catalog();
    let (iruma, joetsu) = (profile(&catalog, "iruma"), profile(&catalog, "joetsu"));
    let mut plan = persona(&catalog, "iruma-shunin-to-kacho");
    plan.grade = "no_such_grade".into();
    assert_eq!(map_plan(&plan, iruma, joetsu), Err(MapError::NotOnLadder));
}

#[test]
fn a_side_lists_the_ladder_the_three_largest_gaps_and_the_first_years_trainings() {
    let catalog = catalog();
    let iruma = profile(&catalog, "iruma");
    let plan = persona(&catalog, "iruma-shunin-to-kacho");
    let analysis = analyze(iruma, &plan, today(), crate::engine::DEFAULT_PER_YEAR);
    let s = side(iruma, &plan, &analysis);
    assert_eq!(s.city, "入間市");
    assert_eq!(s.person.as_deref(), Some("入間 健"));
    let current: Vec<&LadderGrade> = s.ladder.iter().filter(|g| g.standing == Standing::Current).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].grade, plan.grade);
    assert!(s.ladder.iter().any(|g| g.target && g.grade == plan.target_grade));
    assert!(s.ladder.windows(2).all(|w| w[0].rank + 1 == w[1].rank));
    assert_eq!(s.ladder.last().unwrap().min_years, None, "no step up from the top");
    let step = iruma.steps_from(&s.ladder[0].grade).next().unwrap();
    assert_eq!(s.ladder[0].min_years, step.min_years, "years in the lowest grade");
    for g in s
        .ladder
        .iter()
        .filter(|g| g.standing == Standing::Above && !g.unconnected)
    {
        let step = analysis.trajectory.steps.iter().find(|st| st.grade == g.grade).unwrap();
        assert_eq!((g.earliest_fy, g.typical_fy), (step.earliest_fy, step.typical_fy));
    }
    assert!(s.top_gaps.len() <= TOP_GAPS && !s.top_gaps.is_empty());
    assert!(s.top_gaps.windows(2).all(|w| w[0].gap >= w[1].gap));
    assert_eq!(s.readiness.readiness, analysis.target.readiness);
    assert_eq!(s.readiness.supervisor_readiness, analysis.target.supervisor_readiness);
    let first_fy = analysis.trainings.iter().map(|t| t.fy).min();
    assert_eq!(s.trainings_fy, first_fy);
    assert_eq!(
        s.next_trainings.len(),
        analysis.trainings.iter().filter(|t| Some(t.fy) == first_fy).count()
    );
    assert_eq!(s.retirement, analysis.retirement);
}

#[test]
fn one_person_under_two_cities_compares_side_by_side() {
    let catalog = catalog();
    let (iruma, joetsu) = (profile(&catalog, "iruma"), profile(&catalog, "joetsu"));
    let plan = persona(&catalog, "iruma-shunin-to-kacho");
    let Mapped { plan: mapped, .. } = map_plan(&plan, iruma, joetsu).unwrap();
    let a = analyze(iruma, &plan, today(), crate::engine::DEFAULT_PER_YEAR);
    let b = analyze(joetsu, &mapped, today(), crate::engine::DEFAULT_PER_YEAR);
    let c = compare((iruma, &plan, &a), (joetsu, &mapped, &b));
    assert_eq!((c.left.city.as_str(), c.right.city.as_str()), ("入間市", "上越市"));
    assert_eq!(c.left.person, c.right.person);
    // The same person: the same retirement, whichever city.
    assert_eq!(c.left.retirement, c.right.retirement);
    assert_eq!(c.today, today());
}
