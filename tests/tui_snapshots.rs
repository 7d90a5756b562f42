//! Every view in Japanese and English at 80×24 and 120×40, as insta snapshots of the screen
//! text (tests/snapshots/). A change to what a user sees shows up as a snapshot diff.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::action::{Action, Command, View};
use michi::tui::update::{Effect, Outcome, update};
use tui_common::{at_the_interview, open_persona, press, screen, state};

fn name(view: Option<View>, lang: Lang, w: u16, h: u16) -> String {
    let view = view.map_or("start".to_string(), |v| format!("{v:?}").to_lowercase());
    let lang = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    format!("{view}_{lang}_{w}x{h}")
}

#[test]
fn every_view_in_both_languages_at_both_sizes() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = state(lang);
            insta::assert_snapshot!(name(None, lang, w, h), screen(&mut s, w, h));
            open_persona(&mut s, "iruma-shunin-to-kacho");
            s.status = None;
            for view in View::ALL {
                update(&mut s, Action::Command(Command::Go(view)));
                insta::assert_snapshot!(name(Some(view), lang, w, h), screen(&mut s, w, h));
            }
        }
    }
}

/// `--ascii` at 80×24: every symbol, mark, bar and border in ASCII, Japanese kept.
#[test]
fn every_view_in_ascii_at_80x24() {
    for lang in [Lang::Ja, Lang::En] {
        let mut s = state(lang);
        s.ui.ascii = true;
        insta::assert_snapshot!(format!("{}_ascii", name(None, lang, 80, 24)), screen(&mut s, 80, 24));
        open_persona(&mut s, "iruma-shunin-to-kacho");
        s.status = None;
        for view in View::ALL {
            update(&mut s, Action::Command(Command::Go(view)));
            insta::assert_snapshot!(
                format!("{}_ascii", name(Some(view), lang, 80, 24)),
                screen(&mut s, 80, 24)
            );
        }
    }
}

/// The projector's personas on the path at 80×24: 上尾 (役職定年後) and 昭島 (選考試験), in
/// the compact table, with Unicode and with ASCII.
#[test]
fn the_projector_personas_path_at_80x24() {
    for persona in ["ageo-shusa-born-1968", "akishima-gino-to-ginocho"] {
        for ascii in [false, true] {
            let mut s = state(Lang::Ja);
            s.ui.ascii = ascii;
            open_persona(&mut s, persona);
            s.status = None;
            update(&mut s, Action::Command(Command::Go(View::Path)));
            let city = persona.split('-').next().unwrap_or(persona);
            let mode = if ascii { "_ascii" } else { "" };
            insta::assert_snapshot!(format!("path_{city}_ja_80x24{mode}"), screen(&mut s, 80, 24));
        }
    }
}

#[test]
fn an_interview_record_at_both_sizes() {
    for (lang, w, h) in [(Lang::Ja, 80, 24), (Lang::En, 120, 40), (Lang::Ja, 120, 40)] {
        let mut s = state(lang);
        open_persona(&mut s, "iruma-shunin-to-kacho");
        tui_common::record_interview(&mut s);
        s.status = None;
        let lang_name = if lang == Lang::Ja { "ja" } else { "en" };
        insta::assert_snapshot!(format!("interview_record_{lang_name}_{w}x{h}"), screen(&mut s, w, h));
    }
}

/// The Gaps view sorted self vs supervisor, at the 人事評価面談: both levels and their
/// difference side by side, and what each side wrote about the selected competency.
#[test]
fn self_vs_supervisor_in_both_languages_at_both_sizes() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = state(lang);
            open_persona(&mut s, "iruma-shunin-to-kacho");
            at_the_interview(&mut s);
            s.status = None;
            update(&mut s, Action::Command(Command::Go(View::Gaps)));
            for _ in 0..3 {
                press(&mut s, KeyCode::Char('s'));
            }
            press(&mut s, KeyCode::Home);
            let name = format!("{}_self_vs_supervisor", name(Some(View::Gaps), lang, w, h));
            insta::assert_snapshot!(name, screen(&mut s, w, h));
        }
    }
}

/// The team list over a folder of two plans and a broken file (the folder shown as `~/team`,
/// wherever the test's copy is).
#[test]
fn the_team_list_in_both_languages_at_both_sizes() {
    let folder = tui_common::team_folder();
    let data = tempfile::tempdir().unwrap();
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = state(lang);
            let mut files = michi::tui::shell::Files::in_dir(data.path());
            let read = files.carry_out(&s, Effect::ReadTeam(folder.path().display().to_string()));
            let Some(Outcome::Team { rows, more, .. }) = read else {
                panic!("not read: {read:?}");
            };
            let dir = std::path::PathBuf::from("~/team");
            update(&mut s, Action::Done(Box::new(Outcome::Team { dir, rows, more })));
            let lang = match lang {
                Lang::Ja => "ja",
                Lang::En => "en",
            };
            insta::assert_snapshot!(format!("team_{lang}_{w}x{h}"), screen(&mut s, w, h));
        }
    }
}
