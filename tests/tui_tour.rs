//! Workshop mode through the real key table: the cohorts' tours (every one loads, its
//! personas fit the cohort as of their date, every step opens its persona, view, page and
//! item), n / p through a tour, leaving and coming back to the same step, resetting a
//! sample with undo, anonymous names, the as-of date a persona brings, and snapshots of
//! the workshop start screen and a tour step at 80×24 and 120×40 in both languages.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use std::collections::BTreeSet;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::Catalog;
use michi::store::personas::PERSONAS;
use michi::store::tours::Cohort;
use michi::tui::action::View;
use michi::tui::state::{Overlay, SitRow, State, Tour, TourItem, gap_rows, path_rows, situation_rows, training_rows};
use michi::tui::update::enter_workshop;
use tui_common::{open_persona, press, screen, state};

fn workshop(lang: Lang, cohort: Cohort) -> State {
    let mut s = state(lang);
    enter_workshop(&mut s, Some(cohort), false);
    s
}

fn persona_plan(name: &str) -> michi::model::Plan {
    let catalog = Catalog::load(None, Lang::Ja);
    let text = PERSONAS.iter().find(|(n, _)| *n == name).unwrap().1;
    michi::store::parse_plan(name, text.as_bytes(), &catalog, Lang::Ja).unwrap()
}

/// The step's item is what the view has selected.
fn selected_item(s: &State) -> Option<TourItem> {
    let doc = s.doc.as_ref().unwrap();
    match doc.view {
        View::Situation => match doc.selected.situation.selected(&situation_rows(doc)) {
            Some(SitRow::Competency(id)) => Some(TourItem::Competency(id.clone())),
            _ => None,
        },
        View::Gaps => doc
            .selected
            .gaps
            .selected(&gap_rows(doc))
            .cloned()
            .map(TourItem::Competency),
        View::Path => doc
            .selected
            .path
            .selected(&path_rows(doc))
            .cloned()
            .map(TourItem::Grade),
        View::Trainings => {
            let rows: Vec<String> = training_rows(doc).into_iter().map(|(_, id)| id).collect();
            doc.selected.trainings.selected(&rows).cloned().map(TourItem::Training)
        }
        _ => None,
    }
}

#[test]
fn every_tour_loads_and_its_personas_fit_the_cohort_as_of_their_date() {
    let mut cities = BTreeSet::new();
    let mut series = BTreeSet::new();
    for cohort in Cohort::ALL {
        let tour = Tour::load(cohort).unwrap_or_else(|e| panic!("{e}"));
        assert!(tour.personas.len() >= 2, "{cohort:?}: at least two personas");
        assert!(tour.steps.len() >= 6, "{cohort:?}: a tour of several steps");
        let date = tour.as_of.unwrap_or_else(|| panic!("{cohort:?}: the personas' date"));
        for name in &tour.personas {
            let plan = persona_plan(name);
            assert_eq!(plan.as_of, Some(date), "{name}: told as of the tour's date");
            assert!(cohort.fits(&plan, date), "{name} is not in {cohort:?} as of {date}");
            assert!(
                tour.steps.iter().any(|s| s.persona == *name),
                "{name}: some step shows it"
            );
            cities.insert(plan.profile.clone());
            series.insert(plan.series.clone().unwrap_or_default());
        }
        for step in &tour.steps {
            assert!(!step.narration.ja.is_empty() && step.narration.ja != step.narration.en);
        }
    }
    assert_eq!(cities.len(), 5, "the tours cover the five cities: {cities:?}");
    for s in ["hoiku", "iryo", "gino"] {
        assert!(series.contains(s), "a persona of the {s} series: {series:?}");
    }
}

#[test]
fn every_step_of_every_tour_opens_its_persona_view_page_and_item() {
    for cohort in Cohort::ALL {
        let mut s = workshop(Lang::Ja, cohort);
        let tour = s.workshop.as_ref().unwrap().tour.clone().unwrap();
        press(&mut s, KeyCode::Char('N'));
        for (i, step) in tour.steps.iter().enumerate() {
            let w = s.workshop.as_ref().unwrap();
            assert!(w.touring, "{cohort:?} step {}", i + 1);
            assert_eq!(w.step, i);
            let doc = s.doc.as_ref().unwrap();
            assert_eq!(doc.persona, Some(step.persona), "{cohort:?} step {}", i + 1);
            assert_eq!(doc.view, step.view, "{cohort:?} step {}", i + 1);
            if let Some(page) = step.page {
                assert_eq!(doc.workshop_page, page);
            }
            if let Some(item) = &step.item {
                assert_eq!(selected_item(&s).as_ref(), Some(item), "{cohort:?} step {}", i + 1);
            }
            assert!(s.status.as_ref().is_none_or(|m| !m.warning), "{:?}", s.status);
            let shown = screen(&mut s, 80, 24);
            let label = format!("ツアー {}/{}: ", i + 1, tour.steps.len());
            assert!(shown.contains(&label), "{shown}");
            // The tour has p: the Trainings view's "Enter p" is not offered meanwhile.
            assert!(!shown.contains("Enter p"), "{shown}");
            assert_eq!(s.today, tour.as_of.unwrap(), "the workshop's date");
            press(&mut s, KeyCode::Char('n'));
        }
        let w = s.workshop.as_ref().unwrap();
        assert!(!w.touring && w.step == 0, "n on the last step ends the tour");
        assert!(screen(&mut s, 80, 24).contains("ガイドツアーはここまでです"));
    }
}

#[test]
fn n_and_p_step_esc_leaves_and_n_upper_comes_back_to_the_same_step() {
    let mut s = workshop(Lang::Ja, Cohort::Thirties);
    press(&mut s, KeyCode::Char('N'));
    for _ in 0..2 {
        press(&mut s, KeyCode::Char('n'));
    }
    assert_eq!(s.workshop.as_ref().unwrap().step, 2);
    assert_eq!(s.doc.as_ref().unwrap().view, View::Gaps);
    press(&mut s, KeyCode::Char('p'));
    assert_eq!(s.workshop.as_ref().unwrap().step, 1);
    assert_eq!(s.doc.as_ref().unwrap().view, View::Path);
    press(&mut s, KeyCode::Char('n'));
    // Esc leaves the tour (not the view): the bar goes, the step is kept.
    press(&mut s, KeyCode::Esc);
    assert!(!s.workshop.as_ref().unwrap().touring);
    assert_eq!(s.doc.as_ref().unwrap().view, View::Gaps);
    let shown = screen(&mut s, 80, 24);
    assert!(!shown.contains("ツアー 3/8:"), "{shown}");
    assert!(shown.contains("ツアーを中断しました: 3/8"), "{shown}");
    // Meanwhile the view's own keys are back: n writes a note on the competency.
    press(&mut s, KeyCode::Char('n'));
    assert!(matches!(s.overlay, Some(Overlay::Form(_))), "n opens the note form");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Char('N'));
    assert_eq!(s.workshop.as_ref().unwrap().step, 2, "back at the step it was left on");
    assert_eq!(s.doc.as_ref().unwrap().view, View::Gaps);
    // While touring, n steps the tour and writes no note.
    let notes = s.doc.as_ref().unwrap().plan.notes.len();
    press(&mut s, KeyCode::Char('n'));
    assert!(s.overlay.is_none());
    assert_eq!(s.workshop.as_ref().unwrap().step, 3);
    assert_eq!(s.doc.as_ref().unwrap().plan.notes.len(), notes);
    // p on the first step stays there.
    for _ in 0..5 {
        press(&mut s, KeyCode::Char('p'));
    }
    assert_eq!(s.workshop.as_ref().unwrap().step, 0);
    assert!(screen(&mut s, 80, 24).contains("ツアーの最初の手順です"));
}

#[test]
fn the_tour_starts_from_its_row_and_the_cohort_from_the_start_screen() {
    let mut s = state(Lang::Ja);
    press(&mut s, KeyCode::Char('w'));
    assert!(matches!(s.overlay, Some(Overlay::Picker(_))), "w asks for the cohort");
    for c in "40".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    press(&mut s, KeyCode::Enter);
    let w = s.workshop.as_ref().unwrap();
    assert_eq!(w.cohort, Some(Cohort::Forties));
    let shown = screen(&mut s, 80, 24);
    assert!(shown.contains("ワークショップ（基準日 2026-11-22）40代"), "{shown}");
    assert!(shown.contains("この回の人物像（40代）"), "{shown}");
    // The tour's row is selected first: Enter starts the tour.
    press(&mut s, KeyCode::Enter);
    assert!(s.workshop.as_ref().unwrap().touring);
    assert_eq!(s.doc.as_ref().unwrap().persona, Some("joetsu-kakaricho-to-fukukacho"));
    // Leaving workshop mode from the same picker brings the usual start screen back.
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('q'));
    press(&mut s, KeyCode::Char('w'));
    tui_common::typed(&mut s, "leave");
    press(&mut s, KeyCode::Enter);
    assert!(s.workshop.is_none());
    assert_eq!(s.today, Date::parse(tui_common::TODAY).unwrap());
    assert!(screen(&mut s, 80, 24).contains("サンプルの人物像を開く"));
}

#[test]
fn a_sample_is_reset_after_asking_and_u_brings_the_edits_back() {
    let mut s = workshop(Lang::Ja, Cohort::Thirties);
    press(&mut s, KeyCode::Char('N'));
    press(&mut s, KeyCode::Esc);
    let shipped = s.doc.as_ref().unwrap().plan.clone();
    press(&mut s, KeyCode::Char('+'));
    let edited = s.doc.as_ref().unwrap().plan.clone();
    assert_ne!(edited, shipped);
    assert!(screen(&mut s, 80, 24).contains("変更あり"));
    // Anything but y keeps the edits.
    press(&mut s, KeyCode::Char('R'));
    assert!(matches!(s.overlay, Some(Overlay::ConfirmReset)));
    assert!(screen(&mut s, 80, 24).contains("y 元に戻す"));
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.doc.as_ref().unwrap().plan, edited);
    press(&mut s, KeyCode::Char('R'));
    press(&mut s, KeyCode::Char('y'));
    assert_eq!(s.doc.as_ref().unwrap().plan, shipped);
    assert!(!s.doc.as_ref().unwrap().unsaved());
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(s.doc.as_ref().unwrap().plan, edited, "u brings the edits back");
    // A sample as shipped has nothing to reset.
    press(&mut s, KeyCode::Char('R'));
    press(&mut s, KeyCode::Char('y'));
    press(&mut s, KeyCode::Char('R'));
    assert!(s.overlay.is_none());
    assert!(screen(&mut s, 80, 24).contains("このサンプルは元のままです"));
}

#[test]
fn anonymous_display_shows_pseudonyms_in_the_header_and_the_lists() {
    let mut s = state(Lang::Ja);
    enter_workshop(&mut s, Some(Cohort::Thirties), true);
    press(&mut s, KeyCode::Char('N'));
    let shown = screen(&mut s, 80, 24);
    assert!(shown.contains("入間市 — 参加者A"), "{shown}");
    assert!(shown.contains("氏名           参加者A"), "{shown}");
    assert!(!shown.contains("入間 健"), "{shown}");
    // The name is not opened for editing (the field would show it).
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('1'));
    press(&mut s, KeyCode::Home);
    press(&mut s, KeyCode::Enter);
    assert!(s.overlay.is_none(), "{}", screen(&mut s, 80, 24));
    assert!(screen(&mut s, 80, 24).contains("匿名表示中は氏名を編集しません"));
    // The cohort's second persona is B, in the order the tour lists them.
    press(&mut s, KeyCode::Char('N'));
    for _ in 0..3 {
        press(&mut s, KeyCode::Char('n'));
    }
    assert!(screen(&mut s, 80, 24).contains("入間市 — 参加者B"));
    // A toggles it.
    press(&mut s, KeyCode::Char('A'));
    assert!(screen(&mut s, 80, 24).contains("入間市 — 豊岡 美咲"));
    press(&mut s, KeyCode::Char('A'));
    let en = {
        s.ui.lang = Lang::En;
        screen(&mut s, 80, 24)
    };
    assert!(en.contains("Participant B"), "{en}");
}

#[test]
fn a_persona_is_shown_as_of_its_own_date_and_a_fixed_date_wins() {
    // Outside workshop mode the session's date is the clock's (here 2026-11-21): the
    // persona brings its own, and the header says so.
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    assert_eq!(s.today, Date::parse("2026-11-22").unwrap());
    assert!(screen(&mut s, 80, 24).contains("基準日 2026-11-22"));
    press(&mut s, KeyCode::Char('q'));
    assert!(s.doc.is_none());
    assert_eq!(
        s.today,
        Date::parse(tui_common::TODAY).unwrap(),
        "the session's date is back"
    );
    // --today fixes the date for every plan: the persona's description says its own date.
    let mut s = state(Lang::Ja);
    s.fix_today(Date::parse("2027-06-01").unwrap());
    let shown = screen(&mut s, 120, 40);
    assert!(
        shown.contains("38歳、主任級6年目。税務・福祉・企画を経験し、課長級を目指す。（2026-11-22 時点）"),
        "{shown}"
    );
    open_persona(&mut s, "iruma-shunin-to-kacho");
    assert_eq!(s.today, Date::parse("2027-06-01").unwrap());
    // A workshop with --today likewise.
    let mut s = state(Lang::Ja);
    s.fix_today(Date::parse("2027-06-01").unwrap());
    enter_workshop(&mut s, Some(Cohort::FiftyFive), false);
    assert!(screen(&mut s, 80, 24).contains("ワークショップ（基準日 2027-06-01）"));
}

/// Home on My situation went nowhere from a row below the first (the first row is a
/// header, so the move stopped where it was): it goes to the first field now.
#[test]
fn home_on_my_situation_selects_the_first_field() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    for _ in 0..12 {
        press(&mut s, KeyCode::Down);
    }
    press(&mut s, KeyCode::Home);
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(
        doc.selected.situation.selected(&situation_rows(doc)),
        Some(&SitRow::Field(michi::tui::state::Field::Name))
    );
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    }
}

#[test]
fn the_workshop_start_screen_and_a_tour_step_at_both_sizes_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = workshop(lang, Cohort::Thirties);
            s.status = None;
            let name = format!("workshop_start_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, screen(&mut s, w, h));
            press(&mut s, KeyCode::Char('N'));
            press(&mut s, KeyCode::Char('n'));
            press(&mut s, KeyCode::Char('n'));
            let name = format!("tour_step_{}_{w}x{h}", lang_name(lang));
            insta::assert_snapshot!(name, screen(&mut s, w, h));
        }
    }
}

/// A tour step with `--ascii`, for terminals that draw ambiguous-width symbols two columns
/// wide: the tour bar, the tabs and the view in plain ASCII marks.
#[test]
fn a_tour_step_in_ascii() {
    let mut s = workshop(Lang::Ja, Cohort::FiftyFive);
    s.ui.ascii = true;
    s.status = None;
    press(&mut s, KeyCode::Char('N'));
    for _ in 0..4 {
        press(&mut s, KeyCode::Char('n'));
    }
    insta::assert_snapshot!("tour_step_ja_80x24_ascii", screen(&mut s, 80, 24));
}
