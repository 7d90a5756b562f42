use super::*;
use crate::i18n::Lang;
use crate::store::personas::PERSONAS;
use crate::store::{BUNDLED, Catalog, parse_plan, parse_profile};

fn profile(id: &str) -> Profile {
    let (file, text) = BUNDLED.iter().find(|(f, _)| f.starts_with(id)).unwrap();
    parse_profile(file, text.as_bytes(), Lang::Ja).unwrap()
}

fn persona(name: &str) -> Plan {
    let (_, text) = PERSONAS.iter().find(|(n, _)| *n == name).unwrap();
    parse_plan(name, text.as_bytes(), &Catalog::load(None, Lang::Ja), Lang::Ja).unwrap()
}

fn names(strengths: &[Strength]) -> Vec<&str> {
    strengths.iter().map(|s| s.competency.as_str()).collect()
}

/// 入間: a proficiency scale that is Michi's assumption, ◎/○ marks.
#[test]
fn on_a_proficiency_scale_can_is_the_highest_levels_and_must_the_key_items() {
    let (p, plan) = (profile("iruma"), persona("iruma-shunin-to-kacho"));
    let wcm = will_can_must(&p, &plan);
    let can = &wcm.can;
    assert_eq!(can.assessed, 17);
    // Three at 4 of 1–5, then the first two of the seven at 3 (the supervisor's level
    // first), the other five named as just as strong.
    assert_eq!(
        names(&can.strengths),
        [
            "communication",
            "jimu_shori",
            "rinri_sekinin",
            "kosho_chosei",
            "joho_katsuyo"
        ]
    );
    assert_eq!(can.tied_beyond.len(), 5);
    assert!(can.tied_beyond.contains(&"企画立案能力".to_string()));
    // 交渉・調整 is not stated at 主任級: still a strength.
    let kosho = &can.strengths[3];
    assert_eq!((kosho.level, kosho.required_here, kosho.supervisor), (3, None, Some(2)));
    // Levels on an assumed scale carry the assumption and its source.
    assert!(can.strengths.iter().all(|s| s.illustrative && s.descriptor.is_none()));
    assert_eq!(can.strengths[0].source, p.scale.source);
    assert!(can.roles.is_empty() && can.roles_listed);

    let must = &wcm.must;
    assert_eq!(
        (must.target_name.as_str(), must.stated, must.marked),
        ("課長級", true, true)
    );
    // ◎ only: 課長級's six key items, the largest gap first; ○ items are not Must.
    assert_eq!(must.key.len(), 6);
    assert!(must.key.iter().all(|g| g.emphasis == Emphasis::Key));
    assert_eq!(must.key[0].gap, Some(3));
    assert!(!must.key.iter().any(|g| g.competency == "joho_katsuyo"));
    let kosho = must.key.iter().find(|g| g.competency == "kosho_chosei").unwrap();
    assert_eq!((kosho.required, kosho.gap), (5, Some(2)));
    assert!(
        must.key
            .iter()
            .all(|g| g.source.as_deref() == Some("入間 III-3(2) 各階層で特に求められる能力"))
    );
    // The next grade up adds four of its five 職務行動 (the third is 主任級's too).
    let next = must.next.as_ref().unwrap();
    assert_eq!(next.grade, "shusa");
    assert_eq!(
        next.new_roles.iter().map(|r| r.number).collect::<Vec<_>>(),
        [1, 2, 4, 5]
    );
    assert_eq!(next.heading.as_deref(), Some("基本的な職務行動"));
}

/// 上尾: levels are rungs of the document's own descriptions, no marks.
#[test]
fn on_a_descriptor_ladder_levels_are_the_documents_descriptions() {
    let (p, plan) = (profile("ageo"), persona("ageo-shusa-born-1968"));
    let wcm = will_can_must(&p, &plan);
    let can = &wcm.can;
    // Half-way up their ladders (3 of 6, 2 of 4), then a third of the way (1 of 3).
    assert_eq!(
        names(&can.strengths),
        [
            "gyomu_suiko",
            "chishiki_gijutsu",
            "ningen_kankei",
            "seisaku_keisei",
            "iyoku"
        ]
    );
    let first = &can.strengths[0];
    assert_eq!((first.level, first.min, first.top), (3, 0, 6));
    let rung = p.rungs("gyosei", "gyomu_suiko");
    let third = rung.iter().find(|r| r.level == 3).unwrap();
    assert_eq!(first.descriptor.as_deref(), Some(third.descriptor));
    assert!(first.source.as_deref().unwrap().contains("標準職務遂行能力表"));
    assert!(!first.illustrative);
    // 管理能力 at rung 1 of 4 is a third standing: not a strength.
    assert_eq!(p.level_range_on(Some("gyosei"), "kanri"), 0..=4);
    assert!(can.tied_beyond.is_empty() && !names(&can.strengths).contains(&"kanri"));

    let must = &wcm.must;
    assert!(!must.marked && must.stated);
    // Every item 課長級 lists is a key item on a descriptor ladder, with its description.
    assert_eq!(must.key.len(), 6);
    assert!(must.key.iter().all(|g| g.target_descriptor.is_some()));
    assert_eq!(must.key[0].competency, "chishiki_gijutsu");
    assert_eq!(must.key[0].gap, Some(2));
    // 副主幹級 adds its first two roles; the other two are 主査級's word for word.
    let next = must.next.as_ref().unwrap();
    assert_eq!(next.grade_name, "副主幹級");
    assert_eq!(next.new_roles.iter().map(|r| r.number).collect::<Vec<_>>(), [1, 2]);
    assert!(next.new_roles[1].text.starts_with("グループリーダーとして"));
    assert_eq!(next.source, "上尾 03(3) 各階層に期待される役割");
}

#[test]
fn ticked_roles_of_the_current_and_the_target_grade_are_can() {
    let p = profile("ageo");
    let mut plan = persona("ageo-shusa-born-1968");
    plan.roles_self.insert("kacho".into(), vec![3]);
    plan.roles_self.insert("shusa".into(), vec![2, 3]);
    plan.roles_supervisor.insert("shusa".into(), vec![3]);
    // A grade neither current nor target is not asked about.
    plan.roles_self.insert("bucho".into(), vec![1]);
    let can = will_can_must(&p, &plan).can;
    let got: Vec<(&str, u16, bool)> = can
        .roles
        .iter()
        .map(|r| (r.grade.as_str(), r.number, r.supervisor))
        .collect();
    assert_eq!(got, [("shusa", 2, false), ("shusa", 3, true), ("kacho", 3, false)]);
    assert_eq!(can.roles[2].text, "部下を指導育成し、能力向上を図る。");
    assert_eq!(can.roles[0].source, "上尾 03(3) 各階層に期待される役割");
}

/// 川越: the ability weights were a figure, so no grade states a level; a high level is
/// still a strength, and Must says the document states nothing rather than inventing.
#[test]
fn a_strength_needs_no_requirement_and_an_unstated_target_asks_nothing() {
    let (p, plan) = (profile("kawagoe"), persona("kawagoe-hoiku-shunin"));
    let wcm = will_can_must(&p, &plan);
    assert_eq!(
        names(&wcm.can.strengths),
        ["task_execution", "communication", "staff_development", "self_growth"]
    );
    assert!(wcm.can.strengths.iter().all(|s| s.required_here.is_none()));
    // 2 of 1–5 is the third standing: not a strength.
    assert!(wcm.can.tied_beyond.is_empty());
    assert!(wcm.must.ability_table && !wcm.must.stated && wcm.must.key.is_empty());
}

#[test]
fn the_bottom_of_a_scale_is_no_strength_and_nothing_assessed_gives_none() {
    let p = profile("ageo");
    let mut plan = persona("ageo-shusa-born-1968");
    plan.self_assessment = [("kanri".to_string(), 0), ("iyoku".to_string(), 0)].into();
    let can = will_can_must(&p, &plan).can;
    assert_eq!((can.assessed, can.strengths.len()), (2, 0));
    plan.self_assessment.clear();
    let can = will_can_must(&p, &plan).can;
    assert_eq!((can.assessed, can.strengths.len()), (0, 0));
}

#[test]
fn without_an_ability_table_or_a_grade_above_there_is_nothing_to_invent() {
    let mut p = profile("ageo");
    p.competencies.clear();
    p.competency_groups.clear();
    p.requirements.clear();
    let mut plan = persona("ageo-shusa-born-1968");
    plan.self_assessment.clear();
    plan.supervisor_assessment.clear();
    plan.grade = "bucho".into();
    plan.target_grade = "bucho".into();
    let wcm = will_can_must(&p, &plan);
    assert!(!wcm.can.ability_table && wcm.can.strengths.is_empty());
    assert!(!wcm.must.ability_table && !wcm.must.stated && wcm.must.key.is_empty());
    assert_eq!(wcm.must.next, None);
}
