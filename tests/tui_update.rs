//! `update` without a terminal or a disk: keys through the real key table, and the effects
//! the shell would carry out. Each test is a case a user met (issue #7).
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::action::{Action, View};
use michi::tui::state::{Overlay, SitRow, State, situation_rows, training_rows};
use michi::tui::update::{Effect, update};
use tui_common::*;

/// Moves the situation editor's selection onto `row`.
fn select(state: &mut State, row: SitRow) {
    press(state, KeyCode::Home);
    for _ in 0..400 {
        let doc = state.doc.as_ref().unwrap();
        if doc.selected.situation.selected(&situation_rows(doc)) == Some(&row) {
            return;
        }
        press(state, KeyCode::Down);
    }
    panic!("row {row:?} not reached");
}

fn first_competency(state: &State) -> String {
    state.doc.as_ref().unwrap().profile.competencies[0].id.clone()
}

#[test]
fn a_paste_into_evidence_is_text_and_never_keys() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let c = first_competency(&s);
    select(&mut s, SitRow::Competency(c.clone()));
    let before = s.doc.as_ref().unwrap().plan.clone();
    press(&mut s, KeyCode::Char('e'));
    assert!(matches!(s.overlay, Some(Overlay::Editor(_))));
    update(&mut s, Action::Paste("窓口を改善した\n-\nx q".into()));
    let plan = &s.doc.as_ref().unwrap().plan;
    assert_eq!(
        plan.self_assessment, before.self_assessment,
        "levels unchanged by the paste"
    );
    ctrl(&mut s, 's');
    let plan = &s.doc.as_ref().unwrap().plan;
    assert_eq!(
        plan.evidence.get(&c).map(String::as_str),
        Some("窓口を改善した\n-\nx q")
    );
    assert_eq!(plan.self_assessment, before.self_assessment);
    assert_eq!(plan.assignments, before.assignments);
}

#[test]
fn a_paste_with_no_text_field_does_nothing_and_says_so() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let before = s.doc.as_ref().unwrap().plan.clone();
    update(&mut s, Action::Paste("-\n-\nx".into()));
    assert_eq!(s.doc.as_ref().unwrap().plan, before);
    assert!(s.status.as_ref().unwrap().text.ja.contains("入力欄"));
}

#[test]
fn p_on_a_training_plans_that_training_and_p_again_unplans_it() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('4'));
    assert_eq!(s.doc.as_ref().unwrap().view, View::Trainings);
    // A row that is not planned yet, a few rows down.
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    let doc = s.doc.as_ref().unwrap();
    let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
    let id = doc.selected.trainings.selected(&rows).unwrap().clone();
    let was_planned = doc.plan.planned_trainings.contains(&id);
    let before = doc.plan.planned_trainings.clone();
    press(&mut s, KeyCode::Char('p'));
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(
        doc.plan.planned_trainings.contains(&id),
        !was_planned,
        "the training under the cursor"
    );
    let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
    assert_eq!(
        doc.selected.trainings.selected(&rows),
        Some(&id),
        "the cursor stays on it after re-sorting"
    );
    press(&mut s, KeyCode::Char('p'));
    assert_eq!(
        s.doc.as_ref().unwrap().plan.planned_trainings,
        before,
        "p p is back where it started"
    );
}

#[test]
fn any_training_of_the_profile_can_be_marked() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let doc = s.doc.as_ref().unwrap();
    let rows = training_rows(doc);
    for t in &doc.profile.trainings {
        assert_eq!(
            rows.iter().filter(|(_, id)| *id == t.id).count(),
            1,
            "{} listed once",
            t.id
        );
    }
}

#[test]
fn deleting_asks_first_and_undo_restores_the_leave_and_its_note() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-back-from-childcare");
    let before = s.doc.as_ref().unwrap().plan.clone();
    assert!(
        !before.leaves.is_empty() && before.leaves[0].note.is_some(),
        "the persona has a leave with a note"
    );
    select(&mut s, SitRow::Leave(0));
    press(&mut s, KeyCode::Char('x'));
    assert!(matches!(s.overlay, Some(Overlay::Confirm { .. })));
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.doc.as_ref().unwrap().plan, before, "anything but y cancels");
    press(&mut s, KeyCode::Char('x'));
    let fx = press(&mut s, KeyCode::Char('y'));
    assert!(
        s.doc.as_ref().unwrap().plan.leaves.is_empty()
            || s.doc.as_ref().unwrap().plan.leaves.len() < before.leaves.len()
    );
    assert!(
        fx.iter().any(|e| matches!(e, Effect::WriteDraft { .. })),
        "a sample's edits go to a draft"
    );
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(
        s.doc.as_ref().unwrap().plan,
        before,
        "undo restores the leave with its note"
    );
    assert!(s.status.as_ref().unwrap().text.ja.contains("元に戻しました"));
    ctrl(&mut s, 'r');
    assert!(
        s.doc.as_ref().unwrap().plan.leaves.len() < before.leaves.len(),
        "redo deletes it again"
    );
}

#[test]
fn undo_goes_back_more_than_a_hundred_steps() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let c = first_competency(&s);
    select(&mut s, SitRow::Competency(c));
    let before = s.doc.as_ref().unwrap().plan.clone();
    for i in 0..150 {
        press(&mut s, KeyCode::Char(if i % 2 == 0 { '+' } else { '-' }));
    }
    for _ in 0..150 {
        press(&mut s, KeyCode::Char('u'));
    }
    assert_eq!(s.doc.as_ref().unwrap().plan, before);
}

#[test]
fn an_autosaved_plan_writes_the_earlier_state_back_on_undo() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let plan = s.doc.as_ref().unwrap().plan.clone();
    // Pretend it came from a writable file.
    let doc = s.doc.as_mut().unwrap();
    doc.source = michi::tui::state::Source::File {
        path: "plan.toml".into(),
        read_only: None,
    };
    doc.on_disk = Some(plan.clone());
    let c = first_competency(&s);
    select(&mut s, SitRow::Competency(c));
    let fx = press(&mut s, KeyCode::Char('+'));
    let Some(Effect::Save { after, .. }) = fx.first() else {
        panic!("{fx:?}")
    };
    update(
        &mut s,
        Action::Done(Box::new(michi::tui::update::Outcome::Saved {
            plan: after.clone(),
            rewritten: false,
        })),
    );
    let fx = press(&mut s, KeyCode::Char('u'));
    assert!(
        matches!(fx.first(), Some(Effect::Save { after, .. }) if *after == plan),
        "{fx:?}"
    );
}

#[test]
fn closing_with_unsaved_edits_asks_and_goes_back_to_the_start_screen() {
    for answer in ['n', 's'] {
        let mut s = state(Lang::Ja);
        open_persona(&mut s, "iruma-shunin-to-kacho");
        let c = first_competency(&s);
        select(&mut s, SitRow::Competency(c));
        press(&mut s, KeyCode::Char('+'));
        press(&mut s, KeyCode::F(10));
        assert!(matches!(s.overlay, Some(Overlay::Unsaved { .. })));
        let fx = press(&mut s, KeyCode::Char(answer));
        if answer == 's' {
            assert!(fx.iter().any(|e| matches!(e, Effect::SaveNew { .. })), "{fx:?}");
            let Some(Effect::SaveNew { plan, .. }) = fx.iter().find(|e| matches!(e, Effect::SaveNew { .. })) else {
                unreachable!()
            };
            let fx = update(
                &mut s,
                Action::Done(Box::new(michi::tui::update::Outcome::SavedNew {
                    path: "x.toml".into(),
                    plan: plan.clone(),
                })),
            );
            assert!(!fx.contains(&Effect::Quit));
        } else {
            assert!(!fx.contains(&Effect::Quit), "F10 never quits the program");
        }
        assert!(s.doc.is_none(), "back on the start screen after {answer}");
        assert!(!s.quit);
    }
}

#[test]
fn escape_at_the_close_question_keeps_the_plan_open() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let c = first_competency(&s);
    select(&mut s, SitRow::Competency(c));
    press(&mut s, KeyCode::Char('+'));
    press(&mut s, KeyCode::Char('q'));
    press(&mut s, KeyCode::Esc);
    assert!(s.doc.is_some() && s.overlay.is_none() && !s.quit);
}

#[test]
fn ctrl_c_works_inside_every_pop_up() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('?'));
    let fx = ctrl(&mut s, 'c');
    assert!(
        fx.contains(&Effect::Quit) && s.quit,
        "nothing unsaved: Ctrl-C quits from help"
    );

    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let c = first_competency(&s);
    select(&mut s, SitRow::Competency(c));
    press(&mut s, KeyCode::Char('+'));
    press(&mut s, KeyCode::Char('e'));
    ctrl(&mut s, 'c');
    assert!(
        matches!(s.overlay, Some(Overlay::Unsaved { .. })),
        "asks when something is unsaved"
    );
    let fx = ctrl(&mut s, 'c');
    assert!(fx.contains(&Effect::Quit), "a second Ctrl-C leaves");
}

#[test]
fn typing_in_a_field_never_runs_commands() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    select(&mut s, SitRow::Field(michi::tui::state::Field::Name));
    let before = s.doc.as_ref().unwrap().plan.clone();
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "q?-x+u2");
    assert!(matches!(s.overlay, Some(Overlay::Prompt(_))));
    press(&mut s, KeyCode::Enter);
    let plan = &s.doc.as_ref().unwrap().plan;
    assert!(plan.name.as_deref().unwrap().ends_with("q?-x+u2"));
    assert_eq!(plan.self_assessment, before.self_assessment);
}

#[test]
fn the_gap_selection_follows_the_competency_when_the_list_re_sorts() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Char('s')); // sort by gap
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    let selected = |s: &State| {
        let doc = s.doc.as_ref().unwrap();
        doc.selected.gaps.selected(&michi::tui::state::gap_rows(doc)).cloned()
    };
    let id = selected(&s).unwrap();
    for _ in 0..3 {
        press(&mut s, KeyCode::Char('+'));
    }
    assert_eq!(selected(&s).as_ref(), Some(&id));
}

#[test]
fn help_scrolls_to_every_key_at_80x24() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('?'));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&mut s, 80, 24));
        press(&mut s, KeyCode::PageDown);
    }
    for key in [
        "Ctrl-S", "F2", "q F10", "Enter p", "x Del", "> ", "< ", "Ctrl-R", "u Ctrl-Z",
    ] {
        assert!(seen.contains(key), "help never shows {key}");
    }
}

#[test]
fn number_keys_switch_views_and_never_change_levels() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let c = first_competency(&s);
    select(&mut s, SitRow::Competency(c));
    let before = s.doc.as_ref().unwrap().plan.clone();
    for k in ['2', '3', '4', '5', '1'] {
        press(&mut s, KeyCode::Char(k));
    }
    assert_eq!(s.doc.as_ref().unwrap().plan, before);
    assert_eq!(s.doc.as_ref().unwrap().view, View::Situation);
}

#[test]
fn any_training_can_be_planned_for_a_year_and_moved() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('4'));
    // A training the plan does not suggest.
    let doc = s.doc.as_ref().unwrap();
    let rows = training_rows(doc);
    let (index, id) = rows
        .iter()
        .enumerate()
        .find(|(_, (row, _))| matches!(row, michi::tui::state::TrainingRow::Other(_)))
        .map(|(i, (_, id))| (i, id.clone()))
        .unwrap();
    for _ in 0..index {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Char('p'));
    let this_year = s.today.fiscal_year();
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.plan.planned_years.get(&id), Some(&this_year));
    assert!(
        doc.analysis
            .trainings
            .iter()
            .any(|t| t.id == id && t.fy == this_year && t.planned),
        "shown in its year"
    );
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Right);
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.plan.planned_years.get(&id), Some(&(this_year + 2)));
    assert!(
        doc.analysis
            .trainings
            .iter()
            .any(|t| t.id == id && t.fy == this_year + 2)
    );
    let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
    assert_eq!(
        doc.selected.trainings.selected(&rows),
        Some(&id),
        "the cursor follows it"
    );
    press(&mut s, KeyCode::Left);
    assert_eq!(
        s.doc.as_ref().unwrap().plan.planned_years.get(&id),
        Some(&(this_year + 1))
    );
    press(&mut s, KeyCode::Char('p'));
    let plan = &s.doc.as_ref().unwrap().plan;
    assert!(!plan.planned_trainings.contains(&id) && !plan.planned_years.contains_key(&id));
}

#[test]
fn undo_after_deleting_a_posting_restores_it_in_its_place() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let before = s.doc.as_ref().unwrap().plan.clone();
    assert!(before.assignments.len() >= 3);
    select(&mut s, SitRow::Posting(1));
    press(&mut s, KeyCode::Char('x'));
    assert!(matches!(s.overlay, Some(Overlay::Confirm { .. })));
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.doc.as_ref().unwrap().plan, before, "Enter is not y: nothing deleted");
    press(&mut s, KeyCode::Char('x'));
    press(&mut s, KeyCode::Char('y'));
    assert_eq!(
        s.doc.as_ref().unwrap().plan.assignments.len(),
        before.assignments.len() - 1
    );
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(s.doc.as_ref().unwrap().plan, before);
}

#[test]
fn space_ticks_a_role_of_the_target_grade_c_confirms_it_and_undo_takes_it_back() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('6'));
    assert_eq!(s.doc.as_ref().unwrap().view, View::Roles);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Char(' '));
    press(&mut s, KeyCode::Char('c'));
    let doc = s.doc.as_ref().unwrap();
    let target = doc.plan.target_grade.clone();
    assert_eq!(doc.plan.roles_self.get(&target), Some(&vec![2]));
    assert_eq!(doc.plan.roles_supervisor.get(&target), Some(&vec![2]));
    assert_eq!(doc.analysis.roles.done_self, 1, "the analysis follows at once");
    press(&mut s, KeyCode::Char('u'));
    press(&mut s, KeyCode::Char('u'));
    let doc = s.doc.as_ref().unwrap();
    assert!(doc.plan.roles_self.is_empty() && doc.plan.roles_supervisor.is_empty());
}

#[test]
fn v_chooses_a_self_level_by_the_documents_description() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "ageo-shusa-born-1968");
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Char('v'));
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("a picker of the descriptions")
    };
    // 未評価, then 段0 … the top rung, each with the document's text and whose it is.
    assert!(picker.items[1].label.starts_with("段0"), "{:?}", picker.items[1].label);
    assert!(
        picker
            .items
            .iter()
            .any(|i| i.label.contains("（課長級・次長級・部長級の記述）") || i.label.contains("課長級"))
    );
    let top = picker.items.len() - 1;
    for _ in 0..top {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Enter);
    let doc = s.doc.as_ref().unwrap();
    let first_gap = doc.analysis.target.gaps.iter().find(|g| g.gap == Some(0));
    assert!(first_gap.is_some(), "the top rung meets the target");
    assert!(s.overlay.is_none());
}

#[test]
fn the_course_its_field_and_start_are_set_in_the_situation_view() {
    use michi::tui::state::Field;
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "akishima-gino-to-ginocho");
    // 区分 is the course on a profile with courses: → moves to the next one.
    select(&mut s, SitRow::Field(Field::Track));
    press(&mut s, KeyCode::Right);
    assert_eq!(s.doc.as_ref().unwrap().plan.course.as_deref(), Some("specialist"));
    // The start date is typed like any date (和暦 too).
    select(&mut s, SitRow::Field(Field::CourseSince));
    press(&mut s, KeyCode::Enter);
    update(&mut s, Action::Paste("令和2年4月1日".into()));
    press(&mut s, KeyCode::Enter);
    let plan = &s.doc.as_ref().unwrap().plan;
    assert_eq!(plan.course_since.map(|d| d.to_string()).as_deref(), Some("2020-04-01"));
    // The specialist course is outside 昭島's rotation rule at once.
    let rotation = &s.doc.as_ref().unwrap().analysis.rotation;
    assert!(
        rotation
            .rules
            .iter()
            .all(|r| r.status == michi::engine::RuleStatus::Exempt)
    );
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(s.doc.as_ref().unwrap().plan.course_since, None);
}

#[test]
fn x_exports_the_interview_sheet_in_the_chosen_format() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('X'));
    let Some(Overlay::Form(form)) = &s.overlay else {
        panic!("the export form")
    };
    // Format, year, self-report, anonymous: the CLI's choices.
    assert_eq!(form.field_count(), 4);
    // The first format is HTML for A4; Enter writes it (the shell puts it in the exports folder).
    let effects = press(&mut s, KeyCode::Enter);
    let written = effects.iter().find_map(|e| match e {
        Effect::Export { name, bytes } => Some((name.clone(), bytes.clone())),
        _ => None,
    });
    let (name, bytes) = written.expect("an export effect");
    assert!(
        name.starts_with("入間市-入間健-面談シート-") && name.ends_with(".html"),
        "{name}"
    );
    let page = String::from_utf8(bytes).unwrap();
    assert!(
        page.contains("<h1>面談シート</h1>") && page.contains("入間 健"),
        "{page}"
    );
}

#[test]
fn s_cycles_to_self_vs_supervisor_the_largest_difference_first_then_one_sided() {
    use michi::tui::state::{GapSort, gap_rows};
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    at_the_interview(&mut s);
    press(&mut s, KeyCode::Char('3'));
    let sorts: Vec<GapSort> = (0..4)
        .map(|_| {
            press(&mut s, KeyCode::Char('s'));
            s.doc.as_ref().unwrap().gap_sort
        })
        .collect();
    assert_eq!(
        sorts,
        [
            GapSort::Gap,
            GapSort::Document,
            GapSort::Disagreement,
            GapSort::Emphasis
        ]
    );
    for _ in 0..3 {
        press(&mut s, KeyCode::Char('s'));
    }
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.gap_sort, GapSort::Disagreement);
    let rows = gap_rows(doc);
    // ±2 (the supervisor higher, then lower: document order), ±1 (行政経営 is not stated
    // for 課長級, yet both sides assessed it), the same level, then what only the
    // employee assessed, in document order.
    assert_eq!(
        rows[..8],
        [
            "seisaku_keisei",
            "communication",
            "gyosei_keiei",
            "kosho_chosei",
            "presentation",
            "jinzai_ikusei",
            "soshiki_kanri",
            "kiki_kanri",
        ]
    );
    assert_eq!(
        rows.len(),
        doc.profile.competencies.len(),
        "every assessed competency is a row"
    );

    // A filter keeps its meaning: 記載なし has no gap to keep it by.
    press(&mut s, KeyCode::Char('f'));
    let doc = s.doc.as_ref().unwrap();
    let rows = gap_rows(doc);
    assert!(!rows.iter().any(|r| r == "gyosei_keiei"));
    assert_eq!(rows[0], "seisaku_keisei");
}

#[test]
fn self_vs_supervisor_re_sorts_as_the_supervisor_assesses_and_the_selection_follows() {
    use michi::tui::state::gap_rows;
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    press(&mut s, KeyCode::Char('3'));
    for _ in 0..3 {
        press(&mut s, KeyCode::Char('s'));
    }
    let selected = |s: &State| {
        let doc = s.doc.as_ref().unwrap();
        doc.selected.gaps.selected(&gap_rows(doc)).cloned()
    };
    // The sample's supervisor rates 交渉・調整 one below the employee and プレゼンテーション
    // one above (document order between them), then 人材育成 the same.
    let rows = gap_rows(s.doc.as_ref().unwrap());
    assert_eq!(rows[..3], ["kosho_chosei", "presentation", "jinzai_ikusei"]);
    // The selection kept the first row of the order before: start from the top.
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    assert_eq!(selected(&s).as_deref(), Some("jinzai_ikusei"));
    // The supervisor lowers 人材育成 by one, right here: it ties the other two and comes
    // first in document order, and the selection goes with it.
    press(&mut s, KeyCode::Char('<'));
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.plan.supervisor_assessment.get("jinzai_ikusei"), Some(&1));
    assert_eq!(gap_rows(doc)[..3], ["jinzai_ikusei", "kosho_chosei", "presentation"]);
    assert_eq!(selected(&s).as_deref(), Some("jinzai_ikusei"));
    press(&mut s, KeyCode::Char('>'));
    press(&mut s, KeyCode::Char('>'));
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.plan.supervisor_assessment.get("jinzai_ikusei"), Some(&3));
}
