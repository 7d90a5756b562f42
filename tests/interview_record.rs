//! The plan file's interview record (issue 10's format): `[[interviews]]` with their
//! `[[interviews.goals]]`, and `[[notes]]`, read, checked with located messages, and kept
//! whole when the app saves another edit.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::i18n::Lang;
use michi::model::{GoalStatus, InterviewKind, NoteAuthor};
use michi::store::{Catalog, parse_plan};

const PLAN: &str = r#"schema_version = 1
profile = "iruma"
name = "入間 健"
birth_date = 1988-09-20
hire_date = 2011-04-01
grade = "shunin"
grade_since = 2021-04-01
target_grade = "kacho"

[self_assessment]
kosho_chosei = 3

# 期首面談
[[interviews]]
fy = 2026
kind = "start"
date = 2026-05-12
evaluator = "入間 一郎"
self_comment = "窓口の改善に取り組みたい"
agreed_next_steps = ["課題別研修を受ける"]
agreed_trainings = ["coaching"]

[[interviews.goals]]
title = "窓口の待ち時間を短縮する"
measure = "平均待ち時間 20分→10分"
due = 2027-03-31
weight = 30
status = "in_progress"

[[notes]]
date = 2026-06-01
author = "supervisor"
competency = "kosho_chosei"
text = "関係課との調整を\n自らまとめた"
"#;

fn parse(text: &str) -> Result<michi::model::Plan, String> {
    let catalog = Catalog::load(None, Lang::Ja);
    parse_plan("plan.toml", text.as_bytes(), &catalog, Lang::Ja).map_err(|p| p.render(Lang::Ja))
}

#[test]
fn an_interview_its_goals_and_the_notes_are_read() {
    let plan = parse(PLAN).unwrap();
    let [interview] = plan.interviews.as_slice() else {
        panic!("{:?}", plan.interviews)
    };
    assert_eq!((interview.fy, interview.kind), (2026, InterviewKind::Start));
    assert_eq!(interview.goals[0].status, GoalStatus::InProgress);
    assert_eq!(interview.goals[0].weight, Some(30));
    assert_eq!(plan.notes[0].author, NoteAuthor::Supervisor);
    assert_eq!(plan.notes[0].text, "関係課との調整を\n自らまとめた");
}

#[test]
fn every_mistake_of_the_record_is_told_at_its_line() {
    let bad = PLAN
        .replace("date = 2026-05-12", "date = 2009-05-12")
        .replace("weight = 30", "weight = 130")
        .replace("due = 2027-03-31", "due = 2060-03-31")
        .replace("agreed_trainings = [\"coaching\"]", "agreed_trainings = [\"coachin\"]")
        .replace("competency = \"kosho_chosei\"", "competency = \"kosyo\"");
    let told = parse(&bad).unwrap_err();
    for words in [
        "`date`（面談日）が `hire_date`（採用日）より前の日付です\n  --> plan.toml:17:",
        "目標のウェイトの合計が 130% で、100% を超えています\n  --> plan.toml:23:",
        "期限が定年退職日（2054-03-31）より後です",
        "`coachin`",
        "`kosyo`",
    ] {
        assert!(told.contains(words), "missing {words:?} in\n{told}");
    }
}

#[test]
fn a_save_of_another_edit_keeps_the_record_and_its_comments() {
    let before = parse(PLAN).unwrap();
    let mut after = before.clone();
    after.self_assessment.insert("kosho_chosei".into(), 4);
    let text = michi::store::plan_edit::update_plan_text(PLAN, &before, &after).unwrap();
    assert!(text.contains("# 期首面談\n[[interviews]]"), "{text}");
    assert!(text.contains("[[interviews.goals]]"), "{text}");
    assert_eq!(parse(&text).unwrap().interviews, before.interviews);
    // A goal changed in a later version reads back the same.
    let mut later = after.clone();
    later.interviews[0].goals[0].status = GoalStatus::Done;
    let text = michi::store::plan_edit::update_plan_text(&text, &after, &later).unwrap();
    assert_eq!(parse(&text).unwrap().interviews, later.interviews);
}

#[test]
fn the_workshop_parts_are_read_and_their_mistakes_told_at_their_line() {
    let good = format!(
        "{PLAN}\n[[lifeline]]\nfy = 2011\nscore = -3\nnote = \"初めての異動\"\n\n[[lifeline]]\nfy = 2015\nscore = 4\n\n[wcm]\nwill = \"政策の企画に関わりたい\"\n"
    );
    let plan = parse(&good).unwrap();
    assert_eq!(plan.lifeline.len(), 2);
    assert_eq!(plan.lifeline[0].note.as_deref(), Some("初めての異動"));
    assert_eq!(plan.wcm.will.as_deref(), Some("政策の企画に関わりたい"));
    let bad = good
        .replace("score = -3", "score = -7")
        .replace("fy = 2015\nscore = 4", "fy = 2011\nscore = 4");
    let told = parse(&bad).unwrap_err();
    for words in ["充実度 -7 は −5〜+5 の外です", "`2011`"] {
        assert!(told.contains(words), "missing {words:?} in\n{told}");
    }
    let early = good.replace("fy = 2011\nscore = -3", "fy = 1999\nscore = -3");
    let told = parse(&early).unwrap_err();
    assert!(told.contains("1999年度は在職期間（2011〜2053年度）の外です"), "{told}");
}
