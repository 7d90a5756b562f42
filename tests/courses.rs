//! Courses (複線型人事) as a user meets them: 昭島's スペシャリスト are outside its rotation
//! rule by its own words, a plan's old `track` still means its course, a course opened only
//! after some years cannot be dated earlier, and a course's trainings go to its members.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::engine::{self, Finding, RuleStatus};
use michi::i18n::Lang;
use michi::model::{Date, Plan, Profile, Track};
use michi::store::{BUNDLED, Catalog, parse_plan, parse_profile};

fn akishima() -> Profile {
    let (file, text) = BUNDLED.iter().find(|(f, _)| f.starts_with("akishima")).unwrap();
    parse_profile(file, text.as_bytes(), Lang::Ja).unwrap()
}

fn persona() -> Plan {
    let catalog = Catalog::load(None, Lang::Ja);
    let path = format!(
        "{}/assets/personas/akishima-gino-to-ginocho.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    parse_plan(&path, &std::fs::read(&path).unwrap(), &catalog, Lang::Ja).unwrap()
}

fn today() -> Date {
    Date::parse("2026-11-22").unwrap()
}

#[test]
fn a_specialist_course_is_outside_the_generalists_rotation_rule() {
    let p = akishima();
    let mut plan = persona();
    plan.course = Some("specialist".into());
    let r = engine::rotation(&p, &plan, today());
    assert!(
        r.rules.iter().all(|rule| rule.status == RuleStatus::Exempt),
        "{:?}",
        r.rules
    );
    let said: Vec<String> = r
        .findings
        .iter()
        .map(|f| michi::describe::finding_text(f, Lang::Ja))
        .collect();
    assert!(said.iter().any(|s| s.starts_with("スペシャリストのため")), "{said:?}");
    assert!(r.next_family.is_none(), "no family suggested to a specialist");

    // The generalist course (the default) is checked.
    plan.course = None;
    assert_eq!(plan.course_id(&p), Some("generalist"));
    let r = engine::rotation(&p, &plan, today());
    assert!(r.rules.iter().all(|rule| rule.status != RuleStatus::Exempt));

    // A plan written before courses, with track = "specialist", means the same course.
    plan.track = Track::Specialist;
    assert_eq!(plan.course_id(&p), Some("specialist"));
    let r = engine::rotation(&p, &plan, today());
    assert!(r.findings.iter().any(|f| matches!(f, Finding::SpecialistExempt { .. })));
}

#[test]
fn a_course_cannot_start_before_it_opens_and_its_trainings_go_to_its_members() {
    let mut p = akishima();
    p.courses[1].choose_after_years = Some(10);
    let mut plan = persona();
    // The training the plan is offered first, made a specialist course's training.
    let first = engine::analyze(&p, &plan, today(), 3)
        .trainings
        .first()
        .map(|s| s.id.clone());
    let training = first.expect("the persona is offered a training");
    let at = p.trainings.iter().position(|t| t.id == training).unwrap();
    p.trainings[at].courses = vec!["specialist".into()];
    plan.course = Some("specialist".into());
    plan.course_since = Some(plan.hire_date.add_years(3));
    let problems = plan.validate(&p);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].kind.message(Lang::Ja),
        "スペシャリストは採用から10年を過ぎてから選べるコースです"
    );
    plan.course_since = Some(plan.hire_date.add_years(10));
    assert_eq!(plan.validate(&p), vec![]);

    // Unknown courses and fields are named with the candidates.
    plan.course = Some("expert".into());
    let problems = plan.validate(&p);
    assert!(!problems.is_empty());

    // A generalist no longer gets the specialist course's training; a specialist does.
    plan.course = Some("generalist".into());
    plan.course_since = None;
    let a = engine::analyze(&p, &plan, today(), 3);
    assert!(a.trainings.iter().all(|s| s.id != training));
    plan.course = Some("specialist".into());
    plan.course_since = Some(plan.hire_date.add_years(10));
    let a = engine::analyze(&p, &plan, today(), 3);
    assert!(a.trainings.iter().any(|s| s.id == training));
}

#[test]
fn a_course_opened_from_a_grade_up_is_refused_below_it() {
    let mut p = akishima();
    // The persona is on the 技能労務 ladder, at its lowest grade; the course opens at 技能長職.
    let plan = {
        let mut plan = persona();
        plan.course = Some("specialist".into());
        plan
    };
    let top = p
        .series(plan.series_id(&p).unwrap())
        .unwrap()
        .grades
        .last()
        .unwrap()
        .id
        .clone();
    p.courses[1].choose_from_grade = Some(top);
    let problems = plan.validate(&p);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].kind.message(Lang::Ja),
        "スペシャリストは技能長職以上で選べるコースです"
    );
    let mut promoted = plan.clone();
    promoted.grade = p.courses[1].choose_from_grade.clone().unwrap();
    assert_eq!(promoted.validate(&p), vec![]);
}
