//! The life-line page (ライフラインチャート) through the real key table: choosing years,
//! scores within −5…+5, notes, clearing with the question and undo, the plan file, the mouse,
//! and the screens (insta snapshots, ja and en, 80×24 and 120×40, and `--ascii`).
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use michi::i18n::Lang;
use michi::model::{FiscalYear, LifelineYear, Plan};
use michi::tui::action::{Action, Command, View};
use michi::tui::state::{Hit, Overlay, State};
use michi::tui::update::{Effect, update};
use tui_common::{open_persona, press, press_with, screen, state, typed};

/// 入間 健 (hired FY2011, retiring FY2053) on the life-line page.
fn opened(lang: Lang) -> State {
    let mut s = state(lang);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    update(&mut s, Action::Command(Command::Go(View::Workshop)));
    s.status = None;
    s
}

fn plan(s: &State) -> &Plan {
    &s.doc.as_ref().unwrap().plan
}

fn selected(s: &State) -> FiscalYear {
    s.doc.as_ref().unwrap().lifeline_year()
}

fn entry(s: &State, fy: FiscalYear) -> Option<&LifelineYear> {
    plan(s).lifeline.iter().find(|y| y.fy == fy)
}

/// Goes to `fy` with the keys (Home, then →).
fn go_to(s: &mut State, fy: FiscalYear) {
    press(s, KeyCode::Home);
    for _ in 2011..fy {
        press(s, KeyCode::Right);
    }
    assert_eq!(selected(s), fy);
}

/// Gives `fy` the score `score` with + and - (from an empty year).
fn score(s: &mut State, fy: FiscalYear, score: i8) {
    go_to(s, fy);
    let key = if score < 0 { '-' } else { '+' };
    for _ in 0..score.unsigned_abs() {
        press(s, KeyCode::Char(key));
    }
}

/// Writes `text` as the selected year's note in the editor (Enter opens it; Enter inside
/// starts a new line; Ctrl-S keeps it).
fn write_note(s: &mut State, lines: &[&str]) {
    press(s, KeyCode::Enter);
    assert!(matches!(s.overlay, Some(Overlay::Editor(_))), "{:?}", s.overlay);
    // Whatever was written goes first.
    for _ in 0..200 {
        press(s, KeyCode::End);
        press(s, KeyCode::Backspace);
    }
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            press(s, KeyCode::Enter);
        }
        typed(s, line);
    }
    press_with(s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(s.overlay.is_none(), "the note was accepted: {:?}", s.status);
}

#[test]
fn the_page_opens_on_this_year_and_arrows_stay_within_service() {
    let mut s = opened(Lang::Ja);
    assert_eq!(selected(&s), 2026);
    press(&mut s, KeyCode::Left);
    assert_eq!(selected(&s), 2025);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    assert_eq!(selected(&s), 2027, "↓ goes on to a later year");
    press(&mut s, KeyCode::Up);
    assert_eq!(selected(&s), 2026);
    press(&mut s, KeyCode::End);
    assert_eq!(selected(&s), 2053, "the retirement year is the last");
    press(&mut s, KeyCode::Right);
    assert_eq!(selected(&s), 2053);
    press(&mut s, KeyCode::Home);
    assert_eq!(selected(&s), 2011, "the hire year is the first");
    press(&mut s, KeyCode::Left);
    assert_eq!(selected(&s), 2011);
    assert!(plan(&s).lifeline.is_empty(), "moving writes nothing");
}

#[test]
fn plus_and_minus_set_the_score_from_zero_and_stop_at_five() {
    let mut s = opened(Lang::Ja);
    go_to(&mut s, 2015);
    press(&mut s, KeyCode::Char('+'));
    assert_eq!(entry(&s, 2015).map(|y| y.score), Some(1), "an empty year starts at 0");
    for _ in 0..10 {
        press(&mut s, KeyCode::Char('+'));
    }
    assert_eq!(entry(&s, 2015).unwrap().score, 5);
    let told = s.status.as_ref().unwrap().text.get(Lang::Ja).to_string();
    assert!(told.contains("-5 から +5"), "{told}");
    for _ in 0..20 {
        press(&mut s, KeyCode::Char('-'));
    }
    assert_eq!(entry(&s, 2015).unwrap().score, -5);
    // Every step is its own undo step: five back from -5 is 0, and the entry stays.
    for _ in 0..5 {
        press(&mut s, KeyCode::Char('u'));
    }
    assert_eq!(entry(&s, 2015).unwrap().score, 0);
    go_to(&mut s, 2016);
    press(&mut s, KeyCode::Char('-'));
    assert_eq!(entry(&s, 2016).unwrap().score, -1);
    let years: Vec<FiscalYear> = plan(&s).lifeline.iter().map(|y| y.fy).collect();
    assert_eq!(years, [2015, 2016], "kept in year order");
}

#[test]
fn a_note_is_written_over_several_lines_and_an_empty_one_removes_it() {
    let mut s = opened(Lang::Ja);
    score(&mut s, 2019, 3);
    write_note(&mut s, &["企画部門へ異動", "総合計画の策定に関わった"]);
    let year = entry(&s, 2019).unwrap();
    assert_eq!(year.score, 3, "the score stays");
    assert_eq!(year.note.as_deref(), Some("企画部門へ異動\n総合計画の策定に関わった"));
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("企画部門へ異動"), "{text}");
    // A note on a year with nothing written makes an entry at 0, and says so.
    go_to(&mut s, 2021);
    write_note(&mut s, &["主任に昇任"]);
    assert_eq!(
        entry(&s, 2021).map(|y| (y.score, y.note.as_deref())),
        Some((0, Some("主任に昇任")))
    );
    let told = s.status.as_ref().unwrap().text.get(Lang::Ja).to_string();
    assert!(told.contains("充実度は 0"), "{told}");
    // Emptied: the note goes, the score stays.
    go_to(&mut s, 2019);
    write_note(&mut s, &[]);
    assert_eq!(entry(&s, 2019).map(|y| (y.score, y.note.clone())), Some((3, None)));
    // Esc leaves it as it was.
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "書きかけ");
    press(&mut s, KeyCode::Esc);
    assert_eq!(entry(&s, 2019).unwrap().note, None);
}

#[test]
fn x_asks_before_clearing_a_year_and_u_brings_it_back() {
    let mut s = opened(Lang::Ja);
    score(&mut s, 2017, -2);
    write_note(&mut s, &["窓口の繁忙期"]);
    let before = plan(&s).lifeline.clone();
    press(&mut s, KeyCode::Char('x'));
    let Some(Overlay::Confirm { question, .. }) = &s.overlay else {
        panic!("asks first: {:?}", s.overlay)
    };
    let asked = question.get(Lang::Ja).to_string();
    assert!(
        asked.contains("2017") && asked.contains("-2") && asked.contains("メモ"),
        "{asked}"
    );
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(plan(&s).lifeline, before, "anything but y keeps it");
    press(&mut s, KeyCode::Char('x'));
    press(&mut s, KeyCode::Char('y'));
    assert!(entry(&s, 2017).is_none());
    let told = s.status.as_ref().unwrap().text.get(Lang::Ja).to_string();
    assert!(told.contains("u で元に戻す"), "{told}");
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(plan(&s).lifeline, before);
    // A year with nothing written has nothing to clear, and no question.
    go_to(&mut s, 2030);
    press(&mut s, KeyCode::Char('x'));
    assert!(s.overlay.is_none());
}

#[test]
fn the_keys_belong_to_the_life_line_page_only() {
    let mut s = opened(Lang::Ja);
    press(&mut s, KeyCode::Char(']'));
    press(&mut s, KeyCode::Char('+'));
    press(&mut s, KeyCode::Char('x'));
    assert!(plan(&s).lifeline.is_empty());
    assert!(s.overlay.is_none());
    press(&mut s, KeyCode::Char('['));
    press(&mut s, KeyCode::Char('+'));
    assert_eq!(plan(&s).lifeline.len(), 1);
}

#[test]
fn a_click_on_a_year_selects_it() {
    let mut s = opened(Lang::Ja);
    update(&mut s, Action::Click(Hit::LifelineYear(2020)));
    assert_eq!(selected(&s), 2020);
    update(&mut s, Action::Click(Hit::LifelineYear(2020)));
    assert_eq!(selected(&s), 2020, "a second click does not move on");
    update(&mut s, Action::Click(Hit::LifelineYear(1999)));
    assert_eq!(selected(&s), 2011);
}

/// Carries out the effects as the shell would, reporting each outcome back.
fn carry_out(files: &mut michi::tui::shell::Files, s: &mut State, fx: Vec<Effect>) {
    for effect in fx {
        if let Some(outcome) = files.carry_out(s, effect) {
            let more = update(s, Action::Done(Box::new(outcome)));
            carry_out(files, s, more);
        }
    }
}

#[test]
fn scores_and_notes_reach_the_plan_file_and_read_back_the_same() {
    let data = tempfile::tempdir().unwrap();
    let mut files = michi::tui::shell::Files::in_dir(data.path());
    let mut s = opened(Lang::Ja);
    // The sample saved as an ordinary plan file first, so later edits are written to it.
    let first = vec![Effect::SaveNew {
        target: michi::tui::update::SaveTarget::PlansDir { stem: "iruma".into() },
        plan: plan(&s).savable_copy(),
    }];
    carry_out(&mut files, &mut s, first);
    assert!(s.doc.as_ref().unwrap().autosaves(), "{:?}", s.status);
    let keys = |files: &mut michi::tui::shell::Files, s: &mut State, code: KeyCode| {
        let fx = press(s, code);
        carry_out(files, s, fx);
    };
    keys(&mut files, &mut s, KeyCode::Home);
    for _ in 0..4 {
        keys(&mut files, &mut s, KeyCode::Right);
    }
    for _ in 0..3 {
        keys(&mut files, &mut s, KeyCode::Char('-'));
    }
    keys(&mut files, &mut s, KeyCode::Enter);
    typed(&mut s, "福祉部門 \"困難\" な相談 # 続く");
    let fx = press_with(&mut s, KeyCode::Char('s'), KeyModifiers::CONTROL);
    carry_out(&mut files, &mut s, fx);
    for _ in 0..8 {
        keys(&mut files, &mut s, KeyCode::Right);
    }
    for _ in 0..4 {
        keys(&mut files, &mut s, KeyCode::Char('+'));
    }
    let path = data.path().join("plans/iruma.toml");
    let catalog = michi::store::Catalog::load(None, Lang::Ja);
    let read = |path: &std::path::Path| {
        michi::store::parse_plan("iruma.toml", &std::fs::read(path).unwrap(), &catalog, Lang::Ja).unwrap()
    };
    let on_disk = read(&path);
    assert_eq!(on_disk.lifeline, plan(&s).lifeline);
    assert_eq!(
        on_disk.lifeline,
        [
            LifelineYear {
                fy: 2015,
                score: -3,
                note: Some("福祉部門 \"困難\" な相談 # 続く".into())
            },
            LifelineYear {
                fy: 2023,
                score: 4,
                note: None
            }
        ]
    );
    // Cleared and undone, on disk as in the app.
    keys(&mut files, &mut s, KeyCode::Char('x'));
    keys(&mut files, &mut s, KeyCode::Char('y'));
    assert_eq!(read(&path).lifeline.len(), 1);
    keys(&mut files, &mut s, KeyCode::Char('u'));
    assert_eq!(read(&path).lifeline, on_disk.lifeline);
}

/// 入間 健 with a few years written: the first posting, a hard year, the move to planning.
fn with_scores(lang: Lang, ascii: bool) -> State {
    let mut s = opened(lang);
    s.ui.ascii = ascii;
    score(&mut s, 2011, 2);
    write_note(&mut s, &["税務部門に配属。窓口で市民対応を覚えた"]);
    score(&mut s, 2016, -3);
    score(&mut s, 2019, 4);
    write_note(&mut s, &["企画部門へ。総合計画の策定に関わった"]);
    score(&mut s, 2021, 3);
    go_to(&mut s, 2019);
    s.status = None;
    s
}

#[test]
fn the_page_in_both_languages_at_both_sizes() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = with_scores(lang, false);
            let name = format!("lifeline_{}_{w}x{h}", if lang == Lang::Ja { "ja" } else { "en" });
            insta::assert_snapshot!(name, screen(&mut s, w, h));
        }
    }
}

#[test]
fn the_page_in_ascii_draws_no_ambiguous_glyphs() {
    for (lang, w, h) in [(Lang::Ja, 80, 24), (Lang::En, 120, 40)] {
        let mut s = with_scores(lang, true);
        let text = screen(&mut s, w, h);
        for glyph in [
            '○', '◎', '■', '▶', '█', '░', '←', '→', '─', '│', '┤', '└', '┴', '⠒', '⠂', '−',
        ] {
            let body: String = text
                .lines()
                .skip(3)
                .take(usize::from(h) - 5)
                .collect::<Vec<_>>()
                .join("\n");
            assert!(!body.contains(glyph), "{glyph} in\n{text}");
        }
        if lang == Lang::Ja {
            insta::assert_snapshot!("lifeline_ja_80x24_ascii", text);
        }
    }
}

#[test]
fn the_selected_year_tells_its_events_and_expected_promotions() {
    let mut s = opened(Lang::Ja);
    go_to(&mut s, 2021);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("主任級に昇任"), "{text}");
    press(&mut s, KeyCode::End);
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("定年退職 65歳"), "{text}");
    assert!(text.contains("地方公務員法"), "{text}");
    // The target grade's year on the typical path, marked as expected.
    let kacho = s
        .doc
        .as_ref()
        .unwrap()
        .analysis
        .trajectory
        .steps
        .iter()
        .find(|st| st.grade == "kacho")
        .and_then(|st| st.typical_fy)
        .unwrap();
    go_to(&mut s, kacho);
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("見込み"), "{text}");
}

#[test]
fn the_drawn_years_and_rows_are_where_a_click_lands() {
    let mut s = with_scores(Lang::Ja, false);
    s.size = (80, 24);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let mut hits = None;
    terminal.draw(|f| hits = Some(michi::tui::view::draw(f, &s))).unwrap();
    let hits = hits.unwrap();
    // One column a year after the four of the score labels, on the plot's rows and the axis.
    assert_eq!(hits.at(4, 3), Some(&Hit::LifelineYear(2011)));
    assert_eq!(hits.at(4 + 10, 10), Some(&Hit::LifelineYear(2021)));
    assert_eq!(hits.at(4 + 42, 15), Some(&Hit::LifelineYear(2053)));
    assert_eq!(hits.at(2, 5), None, "not on the labels");
    // The list of the years written: its title, then 2011, 2016, 2019, 2021.
    assert_eq!(hits.at(10, 17), Some(&Hit::LifelineYear(2011)));
    assert_eq!(hits.at(10, 19), Some(&Hit::LifelineYear(2019)));
}
