//! The Interview view (面談記録) through the real key table: interviews, goals, notes,
//! agreed trainings, deleting with undo, other years, and the export form.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use michi::i18n::Lang;
use michi::model::{GoalStatus, InterviewKind, NoteAuthor};
use michi::tui::action::{Action, Command, View};
use michi::tui::state::{Overlay, State};
use michi::tui::update::{Effect, update};
use tui_common::{open_persona, press, press_with, record_interview, screen, state, typed};

fn opened() -> State {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    s
}

fn plan(s: &State) -> &michi::model::Plan {
    &s.doc.as_ref().unwrap().plan
}

#[test]
fn an_interview_a_goal_and_a_note_are_recorded_through_the_keys() {
    let mut s = opened();
    record_interview(&mut s);
    let p = plan(&s);
    assert_eq!(p.interviews.len(), 1);
    let iv = &p.interviews[0];
    assert_eq!((iv.fy, iv.kind), (2026, InterviewKind::Start));
    assert_eq!(iv.date, s.today);
    assert_eq!(iv.evaluator.as_deref(), Some("上越 太郎"));
    let goal = &iv.goals[0];
    assert_eq!(goal.title, "窓口の待ち時間を短縮する");
    assert_eq!(goal.measure.as_deref(), Some("平均待ち時間 20分→10分"));
    assert_eq!(goal.weight, Some(30));
    assert_eq!(goal.due.map(|d| d.to_string()).as_deref(), Some("2027-03-31"));
    assert_eq!(goal.status, GoalStatus::InProgress);
    let note = &p.notes[0];
    assert_eq!(note.author, NoteAuthor::Supervisor);
    let first = &s.doc.as_ref().unwrap().profile.competencies[0].id;
    assert_eq!(note.competency.as_ref(), Some(first));
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("目標1: 窓口の待ち時間を短縮する"), "{text}");
    assert!(text.contains("繁忙期に窓口の応援体制"), "{text}");
}

#[test]
fn goal_weights_over_a_hundred_percent_are_refused_and_the_form_stays_open() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "後輩の指導");
    for _ in 0..4 {
        press(&mut s, KeyCode::Tab);
    }
    typed(&mut s, "80");
    press(&mut s, KeyCode::Enter);
    match &s.overlay {
        Some(Overlay::Form(form)) => {
            let error = form.error.as_ref().expect("a reason").get(Lang::Ja).to_string();
            assert!(error.contains("110"), "{error}");
        }
        other => panic!("the form stays open: {other:?}"),
    }
    press(&mut s, KeyCode::Esc);
    assert_eq!(plan(&s).interviews[0].goals.len(), 1);
}

#[test]
fn a_goal_due_before_hire_is_refused_and_an_empty_note_is_not_written() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Char('a'));
    typed(&mut s, "古い目標");
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    press_with(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(&mut s, "1990-01-01");
    press(&mut s, KeyCode::Enter);
    assert!(matches!(&s.overlay, Some(Overlay::Form(f)) if f.error.is_some()));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('n'));
    press(&mut s, KeyCode::Enter);
    assert!(matches!(&s.overlay, Some(Overlay::Form(f)) if f.error.is_some()));
    press(&mut s, KeyCode::Esc);
    assert_eq!(plan(&s).interviews[0].goals.len(), 1);
    assert_eq!(plan(&s).notes.len(), 1);
}

#[test]
fn a_deleted_interview_comes_back_with_its_goals_on_undo() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Char('x'));
    assert!(matches!(s.overlay, Some(Overlay::Confirm { .. })));
    press(&mut s, KeyCode::Char('y'));
    assert!(plan(&s).interviews.is_empty());
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(plan(&s).interviews.len(), 1);
    assert_eq!(plan(&s).interviews[0].goals.len(), 1);
    // Any other key than y keeps it.
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Char('x'));
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(plan(&s).interviews.len(), 1);
}

#[test]
fn comments_and_next_steps_are_written_in_the_multi_line_editor() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "窓口対応は安定している。");
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "次は係内の改善を。");
    tui_common::ctrl(&mut s, 's');
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "・改善提案を1件出す");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "後輩のOJTを担当する");
    tui_common::ctrl(&mut s, 's');
    let iv = &plan(&s).interviews[0];
    assert_eq!(
        iv.supervisor_comment.as_deref(),
        Some("窓口対応は安定している。\n次は係内の改善を。")
    );
    assert_eq!(iv.agreed_next_steps, ["改善提案を1件出す", "後輩のOJTを担当する"]);
}

#[test]
fn an_agreed_training_joins_the_training_plan_for_the_interviews_year() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Char('t'));
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("the trainings to agree on");
    };
    // Those closing gaps come first; pick one not planned yet.
    let planned = plan(&s).planned_trainings.clone();
    let at = picker
        .matches
        .iter()
        .position(|i| match &picker.items[*i].target {
            michi::tui::picker::PickTarget::AgreeTraining(_, id) => !planned.contains(id),
            _ => false,
        })
        .unwrap();
    assert_eq!(picker.items[picker.matches[0]].kind, "差を埋める");
    for _ in 0..at {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Enter);
    // The picker stays open with the training marked, for more.
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("the picker stays open");
    };
    assert!(picker.items.iter().any(|i| i.kind.contains('✓')));
    press(&mut s, KeyCode::Esc);
    let p = plan(&s);
    let id = p.interviews[0].agreed_trainings[0].clone();
    assert!(p.planned_trainings.contains(&id));
    assert_eq!(p.planned_years.get(&id), Some(&2026));
    // Withdrawing the agreement leaves the training plan alone.
    press(&mut s, KeyCode::Char('t'));
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("the trainings to agree on");
    };
    let at = picker
        .matches
        .iter()
        .position(|i| picker.items[*i].target == michi::tui::picker::PickTarget::AgreeTraining(0, id.clone()))
        .unwrap();
    for _ in 0..at {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Esc);
    let p = plan(&s);
    assert!(p.interviews[0].agreed_trainings.is_empty());
    assert!(p.planned_trainings.contains(&id));
}

#[test]
fn the_arrows_show_another_fiscal_year_and_an_interview_added_there_belongs_to_it() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Right);
    assert_eq!(s.doc.as_ref().unwrap().interview_fy, 2027);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("面談 0件"), "{text}");
    assert!(!text.contains("窓口の待ち時間"), "{text}");
    press(&mut s, KeyCode::Char('a'));
    press(&mut s, KeyCode::Enter);
    let p = plan(&s);
    assert_eq!(p.interviews.len(), 2);
    assert_eq!(p.interviews[1].fy, 2027);
    assert_eq!(p.interviews[1].date.to_string(), "2027-04-01");
    press(&mut s, KeyCode::Left);
    assert!(screen(&mut s, 80, 24).contains("窓口の待ち時間"));
}

#[test]
fn a_note_from_the_gaps_view_is_on_the_selected_competency() {
    let mut s = opened();
    update(&mut s, Action::Command(Command::Go(View::Gaps)));
    press(&mut s, KeyCode::Down);
    let selected = {
        let doc = s.doc.as_ref().unwrap();
        let rows = michi::tui::state::gap_rows(doc);
        doc.selected.gaps.selected(&rows).cloned().unwrap()
    };
    press(&mut s, KeyCode::Char('n'));
    typed(&mut s, "会議で論点を整理した");
    press(&mut s, KeyCode::Enter);
    let note = &plan(&s).notes[0];
    assert_eq!(note.competency.as_ref(), Some(&selected));
    assert_eq!(note.author, NoteAuthor::Own);
    assert_eq!(note.text, "会議で論点を整理した");
}

#[test]
fn the_export_form_offers_the_clis_choices() {
    let mut s = opened();
    record_interview(&mut s);
    press(&mut s, KeyCode::Char('X'));
    assert!(matches!(s.overlay, Some(Overlay::Form(_))));
    press(&mut s, KeyCode::Right); // Excel
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Right); // with the self-report
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Right); // anonymous
    let fx = press(&mut s, KeyCode::Enter);
    let Some(Effect::Export { name, bytes }) = fx.iter().find(|e| matches!(e, Effect::Export { .. })) else {
        panic!("an export: {fx:?}");
    };
    assert_eq!(name, "匿名-面談シート-2026-取扱注意.xlsx");
    assert!(bytes.starts_with(b"PK"), "a workbook");
    // JSON too, as the CLI writes it: the analysis and the interview record.
    press(&mut s, KeyCode::Char('X'));
    press(&mut s, KeyCode::Left);
    let fx = press(&mut s, KeyCode::Enter);
    let Some(Effect::Export { name, bytes }) = fx.iter().find(|e| matches!(e, Effect::Export { .. })) else {
        panic!("an export: {fx:?}");
    };
    assert!(name.ends_with("-面談シート-2026.json"), "{name}");
    let json: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    assert_eq!(json["interviews"][0]["goals"][0]["title"], "窓口の待ち時間を短縮する");
    assert_eq!(json["name"], "入間 健");
    assert!(json["analysis"]["readiness"].is_number());
    // A year that is not one is refused in the form.
    press(&mut s, KeyCode::Char('X'));
    press(&mut s, KeyCode::Tab);
    press_with(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
    typed(&mut s, "来年");
    let fx = press(&mut s, KeyCode::Enter);
    assert!(fx.is_empty());
    assert!(matches!(&s.overlay, Some(Overlay::Form(f)) if f.error.is_some()));
}

#[test]
fn in_anonymous_workshop_display_the_export_form_starts_anonymous() {
    let mut s = state(Lang::Ja);
    michi::tui::update::enter_workshop(&mut s, None, true);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    record_interview(&mut s);
    press(&mut s, KeyCode::Char('X'));
    let fx = press(&mut s, KeyCode::Enter);
    let Some(Effect::Export { name, bytes }) = fx.iter().find(|e| matches!(e, Effect::Export { .. })) else {
        panic!("an export: {fx:?}");
    };
    assert!(name.starts_with("匿名-"), "{name}");
    let html = String::from_utf8(bytes.clone()).unwrap();
    assert!(!html.contains("入間 健"), "the name is hidden on paper too");
    // Save-as offers the pseudonym, not the real name, as the file name.
    update(&mut s, Action::Command(Command::SaveAs));
    let shown = screen(&mut s, 80, 24);
    assert!(!shown.contains("入間健") && !shown.contains("入間 健"), "{shown}");
    assert!(shown.contains("参加者"), "{shown}");
}

#[test]
fn the_view_is_in_english_too() {
    let mut s = state(Lang::En);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    record_interview(&mut s);
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("Interview record"), "{text}");
    assert!(text.contains("start-of-year interview"), "{text}");
    assert!(text.contains("[in progress]"), "{text}");
}
