//! Format 2 as the engine reads it: descriptor ladders (rungs, not invented numbers), "not
//! stated" as no requirement, accumulation only where the document says so, a proficiency
//! scale with one targets table, guideline rules that advise, and the roles checklist.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::engine::{self, RuleStatus};
use michi::i18n::Lang;
use michi::model::{Date, Plan, Profile};
use michi::store::parse_profile;

const LADDER: &str = r#"
schema_version = 2
id = "mihon"
name = "見本市"
name_romaji = "Mihon"
[document]
title = "見本市人材育成基本方針"
date = "2024"
[scale]
kind = "descriptors"
source = "見本 2(3)"
[[competencies]]
id = "knowledge"
name = "知識・技術"
definition = ""
source = "見本 2(3)"
[[competencies]]
id = "policy"
name = "政策形成能力"
definition = ""
source = "見本 2(3)"
[[job_series]]
id = "gyosei"
name = "行政職"
source = "見本 2(3)"
[[job_series.grades]]
id = "shuji"
name = "主事級"
management = false
source = "見本 2(3)"
roles = ["担当業務を正確に処理する。", "上司を補佐する。", "後輩に助言する。"]
[[job_series.grades]]
id = "shunin"
name = "主任級"
management = false
source = "見本 2(3)"
[[job_series.grades]]
id = "kacho"
name = "課長級"
management = true
source = "見本 2(3)"
[[requirements]]
grade = "shuji"
competency = "knowledge"
descriptor = "基本的な知識を持つ。"
source = "見本 2(3)"
[[requirements]]
grade = "shunin"
competency = "knowledge"
descriptor = "専門的な知識を持つ。"
source = "見本 2(3)"
[[requirements]]
grade = "shunin"
competency = "policy"
descriptor = "課題を見いだす。"
source = "見本 2(3)"
[[requirements]]
grade = "kacho"
competency = "policy"
descriptor = "政策を立案する。"
source = "見本 2(3)"
[rotation]
[[rotation.rules]]
id = "young"
kind = "distinct_departments"
text = "採用から10年間で３か所程度の部署を経験する。"
window_years = 10
min_departments = 3
strength = "guideline"
hedges = ["程度"]
"#;

fn profile(text: &str) -> Profile {
    parse_profile("mihon.toml", text.as_bytes(), Lang::En).unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
}

fn plan(extra: &str) -> Plan {
    let text = format!(
        "schema_version = 1\nprofile = \"mihon\"\nbirth_date = 1980-05-01\nhire_date = 2003-04-01\ngrade = \"shuji\"\ngrade_since = 2003-04-01\ntarget_grade = \"kacho\"\n{extra}"
    );
    let plan: Plan = toml::from_str(&text).unwrap();
    assert_eq!(plan.validate(&profile(LADDER)), vec![], "{text}");
    plan
}

fn today() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

#[test]
fn a_descriptor_ladder_reads_rungs_and_never_drops_an_unlisted_ability() {
    let p = profile(LADDER);
    let level = |grade: &str, c: &str| p.requirement(grade, p.competency(c).unwrap()).unwrap().level;
    assert_eq!(level("shuji", "knowledge"), Some(1));
    assert_eq!(level("shunin", "knowledge"), Some(2));
    // 課長級 does not list 知識・技術: no requirement, not "level 1".
    assert_eq!(level("kacho", "knowledge"), None);
    assert_eq!(level("shuji", "policy"), None);
    assert_eq!(level("shunin", "policy"), Some(1));
    assert_eq!(level("kacho", "policy"), Some(2));
    // An assessment is a rung of the ladder: 0 (not yet rung 1) to the top rung.
    assert_eq!(p.level_range_on(Some("gyosei"), "knowledge"), 0..=2);
    let rungs = p.rungs("gyosei", "policy");
    assert_eq!(rungs.len(), 2);
    assert_eq!(rungs[1].descriptor, "政策を立案する。");
    assert_eq!(rungs[1].grades, vec!["kacho"]);

    let diff = engine::grade_diff(&p, None, "shunin", "kacho").unwrap();
    let knowledge = diff.changes.iter().find(|r| r.competency == "knowledge").unwrap();
    assert_eq!((knowledge.from_level, knowledge.to_level), (Some(2), None));
}

#[test]
fn gaps_list_only_what_the_grade_states_and_readiness_counts_only_that() {
    let p = profile(LADDER);
    let report = engine::gaps(&p, &plan("[self_assessment]\npolicy = 2\n"), "kacho");
    assert_eq!(report.gaps.len(), 1, "{report:?}");
    assert_eq!(report.not_stated.len(), 1);
    assert_eq!(report.not_stated[0].competency, "knowledge");
    assert_eq!(report.readiness, Some(100));
    assert!(!report.marked, "a descriptor ladder has no ◎/○ of its own");
}

#[test]
fn accumulation_carries_the_highest_lower_requirement_marked_derived() {
    let text = LADDER.replace(
        "[scale]\nkind = \"descriptors\"",
        "[scale]\nkind = \"descriptors\"\naccumulate = { text = \"職位が上がるに従って、全ての能力を身に付けておく必要があります。\", source = \"見本 2(3) 注記\" }",
    );
    let p = profile(&text);
    let r = p.requirement("kacho", p.competency("knowledge").unwrap()).unwrap();
    assert_eq!(r.level, Some(2));
    assert_eq!(r.derived_from, Some("shunin"));
    assert_eq!(r.source, Some("見本 2(3) 注記"));
    // A grade below every statement still asks nothing.
    assert_eq!(
        p.requirement("shuji", p.competency("policy").unwrap()).unwrap().level,
        None
    );
    let report = engine::gaps(&p, &plan(""), "kacho");
    assert!(report.gaps.iter().any(|g| g.derived_from.as_deref() == Some("主任級")));
}

#[test]
fn a_proficiency_scale_states_each_grades_level_once() {
    let text = LADDER
        .replace(
            "[scale]\nkind = \"descriptors\"\nsource = \"見本 2(3)\"",
            "[scale]\nkind = \"proficiency\"\nmin = 1\nmax = 3\nillustrative = true\n[[scale.levels]]\nlevel = 1\nlabel = \"基礎\"\n[[scale.levels]]\nlevel = 2\nlabel = \"自立\"\n[[scale.levels]]\nlevel = 3\nlabel = \"指導\"\n[[scale.targets]]\ngrade = \"shuji\"\nkey = 1\n[[scale.targets]]\ngrade = \"shunin\"\nkey = 2\n[[scale.targets]]\ngrade = \"kacho\"\nkey = 3\nexpected = 2",
        )
        .replace("descriptor = \"政策を立案する。\"", "emphasis = \"expected\"");
    let p = profile(&text);
    let r = p.requirement("kacho", p.competency("policy").unwrap()).unwrap();
    assert_eq!((r.level, r.illustrative), (Some(2), true));
    let r = p.requirement("shunin", p.competency("knowledge").unwrap()).unwrap();
    assert_eq!(r.level, Some(2));
    assert!(p.uses_marks());
}

#[test]
fn a_number_per_requirement_is_refused_in_format_2() {
    let text = LADDER.replace(
        "descriptor = \"基本的な知識を持つ。\"",
        "descriptor = \"基本的な知識を持つ。\"\nlevel = 2",
    );
    let problems = parse_profile("mihon.toml", text.as_bytes(), Lang::En).unwrap_err();
    let shown = problems.render(Lang::En);
    assert!(shown.contains("belongs to format 1 only"), "{shown}");
    assert!(shown.contains("michi profile migrate"), "{shown}");
}

#[test]
fn a_hedge_the_rule_does_not_say_is_refused() {
    let text = LADDER.replace("hedges = [\"程度\"]", "hedges = [\"概ね\"]");
    let shown = parse_profile("mihon.toml", text.as_bytes(), Lang::En)
        .unwrap_err()
        .render(Lang::En);
    assert!(shown.contains("does not occur in the rule's text"), "{shown}");
}

#[test]
fn a_guideline_short_of_its_figure_advises_and_never_fails() {
    let p = profile(LADDER);
    let postings = "[[assignments]]\ndepartment = \"税務課\"\nfrom = 2003-04-01\nto = 2010-03-31\n[[assignments]]\ndepartment = \"福祉課\"\nfrom = 2010-04-01\n";
    let report = engine::rotation(&p, &plan(postings), today());
    let rule = &report.rules[0];
    assert_eq!(rule.status, RuleStatus::BelowGuideline);
    assert_eq!(
        michi::describe::rule_status(rule.status, Lang::En),
        "short of the guideline (advice)"
    );
    let words = michi::describe::rule_strength(rule, Lang::Ja).unwrap();
    assert!(words.contains("目安") && words.contains("程度"), "{words}");
}

#[test]
fn roles_are_ticked_by_number_and_counted_for_the_grade() {
    let p = profile(LADDER);
    let mut plan = plan("[roles_self]\nshuji = [3, 1]\n[roles_supervisor]\nshuji = [1]\n");
    plan.target_grade = "shuji".into();
    let roles = engine::roles(&p, &plan, "shuji");
    assert_eq!((roles.done_self, roles.done_supervisor, roles.roles.len()), (2, 1, 3));
    assert!(roles.roles[2].own && !roles.roles[2].supervisor);
    // Toggling keeps the numbers sorted and drops an empty grade.
    assert!(!plan.toggle_role("shuji", 1, michi::model::Assessor::Own));
    assert_eq!(plan.roles_self["shuji"], vec![3]);
    assert!(!plan.toggle_role("shuji", 3, michi::model::Assessor::Own));
    assert!(!plan.roles_self.contains_key("shuji"));
    // A role the grade does not have is a plan problem, said with the grade's count.
    plan.roles_self.insert("shuji".into(), vec![4]);
    let problems = plan.validate(&p);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].kind.message(Lang::En),
        "there is no role 4 (this grade lists 3)"
    );
}

#[test]
fn per_cell_levels_are_format_1_only() {
    let text = LADDER.replace(
        "[scale]\nkind = \"descriptors\"",
        "[scale]\nkind = \"levels\"\nmin = 1\nmax = 2",
    );
    let shown = parse_profile("mihon.toml", text.as_bytes(), Lang::En)
        .unwrap_err()
        .render(Lang::En);
    assert!(shown.contains("belongs to format 1 only"), "{shown}");
}

#[test]
fn readiness_is_read_both_ways_once_the_supervisor_has_assessed() {
    let p = profile(LADDER);
    let mut plan = plan("[self_assessment]\npolicy = 2\n");
    let report = engine::gaps(&p, &plan, "kacho");
    assert_eq!((report.readiness, report.supervisor_readiness), (Some(100), None));
    plan.supervisor_assessment.insert("policy".into(), 1);
    let report = engine::gaps(&p, &plan, "kacho");
    assert_eq!(report.supervisor_readiness, Some(50));
    let said = michi::describe::readiness_text(&report, Lang::Ja);
    assert!(said.ends_with("・上司の評価では 50/100（評価済み 1/1）"), "{said}");
}
