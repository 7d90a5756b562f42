//! What a facilitator meets at the projector: the compact path with its notes whole at
//! 80×24, the details pane scrolled with J and K, the 和暦 switched with W (and by
//! `--no-wareki` and the settings), and the theme named when T switches it.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::action::{Action, Command, View};
use michi::tui::state::State;
use michi::tui::theme::GlyphMode;
use michi::tui::update::update;
use tui_common::{open_persona, press, state};

const W: u16 = 80;
const H: u16 = 24;

fn opened(persona: &'static str, lang: Lang) -> State {
    let mut s = state(lang);
    open_persona(&mut s, persona);
    s.status = None;
    s
}

fn go(state: &mut State, view: View) {
    update(state, Action::Command(Command::Go(view)));
    press(state, KeyCode::Home);
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn text(state: &mut State, width: u16, height: u16) -> String {
    tui_common::screen(state, width, height)
}

#[test]
fn the_path_notes_that_matter_are_on_the_first_screen_at_80x24() {
    // 上尾: a 主査 born 1968 — 課長級 and above come after 役職定年.
    let mut s = opened("ageo-shusa-born-1968", Lang::Ja);
    go(&mut s, View::Path);
    let screen = text(&mut s, W, H);
    assert!(screen.contains("役職定年後"), "{screen}");
    assert!(screen.contains("最短〜標準"), "compact at 80 columns: {screen}");
    assert!(!screen.contains("目標・管…"), "{screen}");
    // 昭島: 技能長職 stands behind a selection exam.
    let mut s = opened("akishima-gino-to-ginocho", Lang::Ja);
    go(&mut s, View::Path);
    let screen = text(&mut s, W, H);
    assert!(screen.contains("選考試験"), "{screen}");
    // A wide screen keeps both year columns with their 和暦.
    let screen = text(&mut s, 120, 40);
    assert!(
        screen.contains("2027（令和9年度）") && !screen.contains("最短〜標準"),
        "{screen}"
    );
}

#[test]
fn the_rotation_rules_scroll_into_view_with_j_and_back_with_k() {
    let mut s = opened("joetsu-shuji-second-year", Lang::Ja);
    go(&mut s, View::Rotation);
    let rule = s.doc.as_ref().unwrap().analysis.rotation.rules[0].text.clone();
    let tail: String = rule
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let first = text(&mut s, W, H);
    assert!(first.contains("J で続き"), "{first}");
    assert!(!squeeze(&first).contains(&squeeze(&tail)), "{first}");
    for _ in 0..30 {
        press(&mut s, KeyCode::Char('J'));
    }
    let scrolled = text(&mut s, W, H);
    assert!(squeeze(&scrolled).contains(&squeeze(&tail)), "{scrolled}");
    assert!(scrolled.contains("K で上へ"), "{scrolled}");
    // J stops at the last line: one K is one line back.
    press(&mut s, KeyCode::Char('K'));
    assert_ne!(text(&mut s, W, H), scrolled);
    press(&mut s, KeyCode::Char('J'));
    assert_eq!(text(&mut s, W, H), scrolled);
    // Another view, or another row, starts its details from the top.
    press(&mut s, KeyCode::Char('2'));
    assert_eq!(s.doc.as_ref().unwrap().detail_scroll, 0);
    press(&mut s, KeyCode::Char('J'));
    assert_eq!(s.doc.as_ref().unwrap().detail_scroll, 1);
    press(&mut s, KeyCode::Down);
    assert_eq!(s.doc.as_ref().unwrap().detail_scroll, 0);
}

#[test]
fn the_mouse_wheel_over_the_details_pane_scrolls_it_and_elsewhere_moves_the_selection() {
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    use michi::tui::shell::action_for;
    use michi::tui::view::{HitMap, details_area};
    let mut s = opened("joetsu-shuji-second-year", Lang::Ja);
    go(&mut s, View::Gaps);
    text(&mut s, W, H);
    let wheel = |s: &mut State, kind, column, row| {
        let event = Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        if let Some(action) = action_for(s, event, &HitMap::default()) {
            update(s, action);
        }
    };
    let pane = details_area(&s).expect("the gaps view has a details pane");
    let selected = |s: &State| s.doc.as_ref().unwrap().selected.gaps.clone();
    let before = selected(&s);
    wheel(&mut s, MouseEventKind::ScrollDown, pane.x + 2, pane.y + 2);
    wheel(&mut s, MouseEventKind::ScrollDown, pane.x + 2, pane.y + 2);
    assert_eq!(s.doc.as_ref().unwrap().detail_scroll, 2);
    assert_eq!(selected(&s), before, "the selection stays");
    assert!(text(&mut s, W, H).contains("K で上へ"));
    wheel(&mut s, MouseEventKind::ScrollUp, pane.x + 2, pane.y + 2);
    assert_eq!(s.doc.as_ref().unwrap().detail_scroll, 1);
    // Above the pane, the wheel moves the selection as before.
    wheel(&mut s, MouseEventKind::ScrollDown, pane.x + 2, pane.y.saturating_sub(3));
    assert_ne!(selected(&s), before);
}

#[test]
fn w_turns_the_wareki_off_and_on_and_english_never_shows_it() {
    let mut s = opened("iruma-shunin-to-kacho", Lang::Ja);
    for view in [View::Situation, View::Path, View::Trainings] {
        go(&mut s, view);
        assert!(text(&mut s, 120, 40).contains("令和"), "{view:?}");
    }
    let effects = press(&mut s, KeyCode::Char('W'));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, michi::tui::update::Effect::WriteSettings(ui) if !ui.wareki))
    );
    assert!(
        s.status
            .as_ref()
            .unwrap()
            .text
            .get(Lang::Ja)
            .contains("和暦を表示しません")
    );
    for view in View::ALL {
        go(&mut s, view);
        let screen = text(&mut s, 120, 40);
        assert!(!screen.contains("令和"), "{view:?}: {screen}");
    }
    go(&mut s, View::Trainings);
    assert!(text(&mut s, W, H).contains("2026年度"));
    press(&mut s, KeyCode::Char('W'));
    assert!(text(&mut s, 120, 40).contains("令和"));
    let mut s = opened("iruma-shunin-to-kacho", Lang::En);
    for view in View::ALL {
        go(&mut s, view);
        assert!(!text(&mut s, 120, 40).contains("令和"), "{view:?}");
    }
}

#[test]
fn t_names_the_theme_it_switches_to() {
    let mut s = opened("iruma-shunin-to-kacho", Lang::Ja);
    press(&mut s, KeyCode::Char('T'));
    assert_eq!(s.ui.theme, michi::tui::theme::ThemeKind::HighContrast);
    assert!(text(&mut s, W, H).contains("配色: 高コントラスト"));
    let mut s = opened("iruma-shunin-to-kacho", Lang::En);
    press(&mut s, KeyCode::Char('T'));
    press(&mut s, KeyCode::Char('T'));
    assert!(text(&mut s, W, H).contains("Theme: monochrome"));
}

#[test]
fn the_command_line_and_the_settings_set_the_wareki_and_the_ambiguous_width() {
    use michi::store::settings::{Settings, parse_settings};
    use michi::tui::shell::{Options, build_state};
    let today = michi::model::Date::parse(tui_common::TODAY).unwrap();
    let cli = <michi::cli::Cli as clap::Parser>::try_parse_from(["michi", "--no-wareki", "--ambiguous-wide"]).unwrap();
    assert!(cli.no_wareki && cli.ambiguous_wide);
    let options = Options {
        no_wareki: true,
        ambiguous_wide: true,
        ..Options::default()
    };
    let s = build_state(&options, &Settings::default(), today, None);
    assert!(!s.ui.wareki && s.ui.ambiguous_wide);
    let saved = parse_settings("settings.toml", b"wareki = false\nambiguous_wide = true\n", Lang::Ja).unwrap();
    let s = build_state(&Options::default(), &saved, today, None);
    assert!(!s.ui.wareki && s.ui.ambiguous_wide);
    let s = build_state(&Options::default(), &Settings::default(), today, None);
    assert!(s.ui.wareki && !s.ui.ambiguous_wide);
    // --ascii wins: ASCII has no ambiguous character to lay out wide.
    let mut ui = s.ui;
    ui.ascii = true;
    ui.ambiguous_wide = true;
    assert_eq!(ui.glyph_mode(), GlyphMode::Ascii);
}
