#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::model::Date;
use crate::model::{Assignment, Leave, LeaveKind, Track};

/// How many lines differ between two texts: what lies between their common first and
/// last lines, counted on the longer side.
fn lines_changed(a: &str, b: &str) -> usize {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    a.len().max(b.len()) - prefix - suffix
}

fn comment_lines_of(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| l.starts_with('#')).collect()
}

fn edit(text: &str, change: impl FnOnce(&mut Plan)) -> String {
    let before: Plan = toml::from_str(text).unwrap();
    let mut after = before.clone();
    change(&mut after);
    let edited = update_plan_text(text, &before, &after).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let read_back: Plan = toml::from_str(&edited).unwrap();
    assert_eq!(read_back, after, "\n{edited}");
    edited
}

const HAND_WRITTEN: &str = r#"# 自分の計画（手書き）
profile = "iruma"   # 入間市
schema_version = 1

# 職級のこと
grade = "shunin"
target_grade = "kacho"
grade_since = 2021-04-01
hire_date = 2011-04-01
birth_date = 1988-09-20
completed_trainings = [
  "kaisobetsu",  # 階層別
  "ojt_kenshu",
]
planned_trainings = ["coaching","kikaku"]
supervisor_assessment = { kosho_chosei = 2 }

[[assignments]]   # 最初の配属
department = "zeimu"
from = 2011-04-01
# 4年いた
to = 2015-03-31

[self_assessment]
# 自己評価は年に一度見直す
kosho_chosei = 3   # 交渉
jimu_shori = 4

# 二つ目の配属
[[assignments]]
department = "fukushi"
from = 2015-04-01

[evidence]
kikaku_ritsuan = """
一行目
二行目"""
"#;

#[test]
fn one_changed_level_changes_one_line_and_keeps_its_comment() {
    let edited = edit(HAND_WRITTEN, |p| {
        p.self_assessment.insert("kosho_chosei".into(), 4);
    });
    assert_eq!(lines_changed(HAND_WRITTEN, &edited), 1, "\n{edited}");
    assert!(edited.contains("kosho_chosei = 4   # 交渉\n"), "\n{edited}");
}

#[test]
fn equal_fields_are_not_touched_and_defaults_not_inserted() {
    let edited = edit(HAND_WRITTEN, |p| p.grade = "shusa".into());
    assert_eq!(lines_changed(HAND_WRITTEN, &edited), 1);
    assert!(!edited.contains("track"), "a default absent from the file stays absent");
    assert!(!edited.contains("sample"));
}

#[test]
fn an_unchanged_plan_gives_back_the_text_byte_for_byte() {
    assert_eq!(edit(HAND_WRITTEN, |_| {}), HAND_WRITTEN);
}

#[test]
fn arrays_keep_their_layout() {
    let edited = edit(HAND_WRITTEN, |p| {
        p.completed_trainings.push("coaching".into());
        p.planned_trainings.retain(|t| t != "coaching");
    });
    assert!(
        edited.contains("completed_trainings = [\n  \"kaisobetsu\",  # 階層別\n  \"ojt_kenshu\",\n  \"coaching\",\n]"),
        "\n{edited}"
    );
    assert!(edited.contains("planned_trainings = [\"kikaku\"]\n"), "\n{edited}");
    let edited = edit(&edited, |p| p.planned_trainings.insert(0, "a".into()));
    assert!(
        edited.contains("planned_trainings = [\"a\", \"kikaku\"]\n"),
        "\n{edited}"
    );
}

#[test]
fn a_removed_element_hands_its_comment_on() {
    let edited = edit(HAND_WRITTEN, |p| p.completed_trainings.retain(|t| t != "ojt_kenshu"));
    assert!(edited.contains("# 階層別"), "\n{edited}");
    let edited = edit(HAND_WRITTEN, |p| p.completed_trainings.clear());
    assert!(edited.contains("# 階層別"), "\n{edited}");
}

#[test]
fn inline_tables_stay_inline() {
    let edited = edit(HAND_WRITTEN, |p| {
        p.supervisor_assessment.insert("jimu_shori".into(), 3);
    });
    assert!(
        edited.contains("supervisor_assessment = { kosho_chosei = 2, jimu_shori = 3 }\n"),
        "\n{edited}"
    );
}

#[test]
fn postings_are_changed_field_by_field_added_and_removed() {
    let edited = edit(HAND_WRITTEN, |p| {
        let d = Date::parse("2019-03-31").unwrap();
        if let Some(a) = p.assignments.get_mut(1) {
            a.to = Some(d);
        }
        p.assignments.push(Assignment {
            department: "kikaku".into(),
            family: None,
            from: Date::parse("2019-04-01").unwrap(),
            to: None,
        });
    });
    assert_eq!(lines_changed(HAND_WRITTEN, &edited), 5, "\n{edited}");
    assert!(edited.contains("from = 2015-04-01\nto = 2019-03-31\n"));
    assert!(
        edited.contains("from = 2015-04-01\nto = 2019-03-31\n\n[[assignments]]\ndepartment = \"kikaku\"\nfrom = 2019-04-01\n\n[evidence]"),
        "a new posting follows the last one\n{edited}"
    );

    // The first posting goes: the comment above its header stays (it is about the file),
    // the one inside it goes with it.
    let edited = edit(HAND_WRITTEN, |p| {
        p.assignments.remove(0);
    });
    assert!(!edited.contains("# 4年いた"));
    assert!(!edited.contains("zeimu"));
    for comment in comment_lines_of(HAND_WRITTEN).into_iter().filter(|c| *c != "# 4年いた") {
        assert!(edited.contains(comment), "{comment} lost:\n{edited}");
    }
}

#[test]
fn removed_keys_hand_their_comments_on() {
    let edited = edit(HAND_WRITTEN, |p| {
        p.self_assessment.remove("kosho_chosei");
    });
    assert!(
        edited.contains("# 自己評価は年に一度見直す\njimu_shori = 4\n"),
        "\n{edited}"
    );
    let edited = edit(HAND_WRITTEN, |p| p.self_assessment.clear());
    assert!(
        edited.contains("[self_assessment]\n# 自己評価は年に一度見直す\n"),
        "\n{edited}"
    );
    let edited = edit(HAND_WRITTEN, |p| {
        if let Some(a) = p.assignments.get_mut(0) {
            a.to = None;
        }
    });
    assert!(edited.contains("# 4年いた"), "\n{edited}");
    assert!(edited.contains("# 最初の配属"), "\n{edited}");
}

#[test]
fn missing_tables_are_added_at_the_end_only_when_they_get_an_entry() {
    let text = "schema_version = 1\nprofile = \"iruma\"\nbirth_date = 1988-09-20\nhire_date = 2011-04-01\ngrade = \"shunin\"\ngrade_since = 2021-04-01\ntarget_grade = \"kacho\"\n\n[[assignments]]\ndepartment = \"zeimu\"\nfrom = 2011-04-01\n";
    let edited = edit(text, |p| {
        p.supervisor_assessment.insert("kosho_chosei".into(), 2);
        p.target_fy = Some(2034);
    });
    assert!(
        edited.ends_with("from = 2011-04-01\n\n[supervisor_assessment]\nkosho_chosei = 2\n"),
        "\n{edited}"
    );
    assert!(
        edited.contains("target_grade = \"kacho\"\ntarget_fy = 2034\n"),
        "\n{edited}"
    );
    assert!(!edited.contains("[self_assessment]"));
    assert!(!edited.contains("[evidence]"));
}

#[test]
fn multi_line_and_awkward_text_is_written_as_valid_toml() {
    for note in [
        "二行\n目",
        "\"\"\"",
        "a'''b",
        "tab\tand\r\nreturn",
        "\u{7f}\u{1b}[31m",
        "\\",
        "",
        "末尾\n",
    ] {
        edit(HAND_WRITTEN, |p| {
            p.evidence.insert("kikaku_ritsuan".into(), note.into());
            p.evidence.insert(note.into(), note.into());
            p.name = Some(note.into());
            p.leaves.push(Leave {
                kind: LeaveKind::Other,
                from: Date::parse("2020-01-01").unwrap(),
                to: None,
                note: Some(note.into()),
            });
        });
    }
}

#[test]
fn dotted_keys_and_inline_postings_are_followed() {
    let text = "schema_version = 1\nprofile = \"iruma\"\nbirth_date = 1988-09-20\nhire_date = 2011-04-01\ngrade = \"shunin\"\ngrade_since = 2021-04-01\ntarget_grade = \"kacho\"\nself_assessment.kosho_chosei = 3\nassignments = [{ department = \"zeimu\", from = 2011-04-01 }]\nleaves = [\n  { kind = \"childcare\", from = 2023-05-01 },\n]\n";
    let edited = edit(text, |p| {
        p.self_assessment.insert("jimu_shori".into(), 2);
        p.track = Track::Specialist;
        if let Some(a) = p.assignments.get_mut(0) {
            a.to = Some(Date::parse("2015-03-31").unwrap());
        }
        p.leaves.push(Leave {
            kind: LeaveKind::Sick,
            from: Date::parse("2024-01-01").unwrap(),
            to: None,
            note: None,
        });
    });
    assert!(
        edited.contains("assignments = [{ department = \"zeimu\", from = 2011-04-01, to = 2015-03-31 }]"),
        "\n{edited}"
    );
    assert!(
        edited.contains("\n  { kind = \"sick\", from = 2024-01-01 },\n]"),
        "\n{edited}"
    );
}

#[test]
fn windows_line_ends_and_a_missing_last_line_end_are_followed() {
    let crlf = HAND_WRITTEN.replace('\n', "\r\n");
    let edited = edit(&crlf, |p| {
        p.self_assessment.insert("kosho_chosei".into(), 4);
        p.self_assessment.insert("kiki_kanri".into(), 2);
        p.constraints.push("通勤".into());
    });
    assert!(edited.contains("kosho_chosei = 4   # 交渉\r\n"), "{edited:?}");
    assert!(!edited.replace("\r\n", "").contains('\n'), "{edited:?}");
    let one = edit(&crlf, |p| {
        p.self_assessment.insert("jimu_shori".into(), 3);
    });
    assert_eq!(lines_changed(&crlf, &one), 1);
    assert_eq!(one.replace("jimu_shori = 3", "jimu_shori = 4"), crlf);
    let cut = HAND_WRITTEN.trim_end_matches('\n');
    edit(cut, |p| {
        p.evidence.insert("zzz".into(), "最後".into());
        p.leaves.push(Leave {
            kind: LeaveKind::Childcare,
            from: Date::parse("2030-04-01").unwrap(),
            to: None,
            note: None,
        });
    });
}

#[test]
fn text_that_does_not_hold_the_plan_is_refused() {
    let before: Plan = toml::from_str(HAND_WRITTEN).unwrap();
    let mut after = before.clone();
    after.grade = "shusa".into();
    assert!(matches!(
        update_plan_text("not = [toml", &before, &after),
        Err(PlanEditError::NotToml { .. })
    ));
    let other = HAND_WRITTEN.replace("jimu_shori = 4", "jimu_shori = 1");
    assert_eq!(
        update_plan_text(&other, &before, &after),
        Err(PlanEditError::NotFaithful)
    );
}

#[test]
fn list_steps_keep_equal_elements_and_pair_the_rest() {
    use Step::*;
    assert_eq!(list_steps(&[1, 2, 3], &[1, 3]), [Keep(0), Remove(1), Keep(2)]);
    assert_eq!(
        list_steps(&[1, 2, 3], &[1, 9, 3, 4]),
        [Keep(0), Change { old: 1, new: 1 }, Keep(2), Add(3)]
    );
    assert_eq!(list_steps::<u8>(&[], &[5]), [Add(0)]);
    assert_eq!(list_steps(&[5, 6], &[6, 5]), [Remove(0), Keep(1), Add(1)]);
    let long: Vec<u32> = (0..2000).collect();
    let reversed: Vec<u32> = long.iter().rev().copied().collect();
    assert_eq!(list_steps(&long, &reversed).len(), 2000, "long lists pair by position");
}

#[test]
fn a_self_report_is_added_as_a_table_and_edited_with_its_comments_kept() {
    use crate::model::TransferWish;
    let added = edit(HAND_WRITTEN, |p| {
        p.self_report.transfer_wish = Some(TransferWish::Move);
        p.self_report.choices = vec!["企画部門".into(), "福祉の仕事".into()];
    });
    assert!(
        added.contains("[self_report]\ntransfer_wish = \"move\"\nchoices = [\"企画部門\", \"福祉の仕事\"]\n"),
        "\n{added}"
    );
    let commented = added.replace("transfer_wish = \"move\"", "transfer_wish = \"move\"   # 面談で確認");
    let edited = edit(&commented, |p| p.self_report.choices.truncate(1));
    assert!(edited.contains("transfer_wish = \"move\"   # 面談で確認"), "\n{edited}");
    assert_eq!(lines_changed(&commented, &edited), 1, "\n{edited}");
    let removed = edit(&edited, |p| p.self_report = Default::default());
    assert!(!removed.contains("choices"), "\n{removed}");
}

const WITH_GOALS: &str = r#"profile = "iruma"
schema_version = 1
grade = "shunin"
target_grade = "kacho"
grade_since = 2021-04-01
hire_date = 2011-04-01
birth_date = 1988-09-20

[[interviews]]
fy = 2026
kind = "start"
date = 2026-05-12

# 窓口の目標（係長と相談）
[[interviews.goals]]
title = "窓口の待ち時間を短縮する"
status = "in_progress"   # 6月から

[[interviews.goals]]
title = "後輩の指導"
status = "planned"

[[notes]]
date = 2026-06-01
author = "self"
text = "メモ"
"#;

#[test]
fn goals_written_as_tables_stay_tables_and_keep_their_comments() {
    let edited = edit(WITH_GOALS, |p| {
        let iv = &mut p.interviews[0];
        iv.goals[1].status = crate::model::GoalStatus::Done;
        let mut third = iv.goals[0].clone();
        third.title = "新しい目標".into();
        iv.goals.push(third);
    });
    assert_eq!(edited.matches("[[interviews.goals]]").count(), 3, "{edited}");
    assert_eq!(comment_lines_of(WITH_GOALS), comment_lines_of(&edited));
    assert!(edited.contains("status = \"in_progress\"   # 6月から"), "{edited}");
    // The notes stay after the interviews.
    assert!(edited.find("新しい目標") < edited.find("[[notes]]"), "{edited}");
}

#[test]
fn goals_of_a_new_interview_are_written_as_tables() {
    let edited = edit(WITH_GOALS, |p| {
        let mut iv = p.interviews[0].clone();
        iv.kind = crate::model::InterviewKind::Mid;
        p.interviews.push(iv);
        p.interviews[0].goals.clear();
    });
    assert_eq!(edited.matches("[[interviews.goals]]").count(), 2, "{edited}");
    assert!(!edited.contains("goals = ["), "{edited}");
    assert!(edited.contains("# 窓口の目標（係長と相談）"), "{edited}");
}
