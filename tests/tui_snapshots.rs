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

/// The Will-Can-Must page of the workshop view, with the participant's words in Will and
/// Can: Can open at 80×24, all three at 120×40; and once with `--ascii` (Must open, the
/// document's ◎ as @).
#[test]
fn will_can_must_in_both_languages_at_both_sizes_and_in_ascii() {
    let page = |lang: Lang, ascii: bool| {
        let mut s = state(lang);
        s.ui.ascii = ascii;
        open_persona(&mut s, "iruma-shunin-to-kacho");
        let doc = s.doc.as_mut().unwrap();
        doc.plan.wcm.will =
            Some("窓口の手続きをオンラインで完結できるようにしたい\n子育て中の職員が働きやすい職場にしたい".into());
        doc.plan.wcm.can = Some("税務・福祉・企画の3部門の経験".into());
        update(&mut s, Action::Command(Command::Go(View::Workshop)));
        update(&mut s, Action::Command(Command::NextPage));
        s.status = None;
        s
    };
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = page(lang, false);
            press(&mut s, KeyCode::Down);
            let lang = match lang {
                Lang::Ja => "ja",
                Lang::En => "en",
            };
            insta::assert_snapshot!(format!("wcm_{lang}_{w}x{h}"), screen(&mut s, w, h));
        }
    }
    let mut s = page(Lang::Ja, true);
    press(&mut s, KeyCode::End);
    insta::assert_snapshot!("wcm_ascii_ja_80x24", screen(&mut s, 80, 24));
}

/// The workshop's 「これからの10年」 page for 上尾's 主査 born in 1968 (58 today): the years to
/// 定年 with 役職定年, its extension, pay at 70%, then the options after 60 and the rules.
#[test]
fn the_next_ten_years_page_in_both_languages_at_both_sizes() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = state(lang);
            open_persona(&mut s, "ageo-shusa-born-1968");
            s.status = None;
            tui_common::open_next_ten(&mut s);
            let lang_name = if lang == Lang::Ja { "ja" } else { "en" };
            insta::assert_snapshot!(format!("next10_{lang_name}_{w}x{h}"), screen(&mut s, w, h));
        }
    }
    // With ASCII borders and marks, on the year of 役職定年.
    let mut s = state(Lang::Ja);
    s.ui.ascii = true;
    open_persona(&mut s, "ageo-shusa-born-1968");
    s.status = None;
    tui_common::open_next_ten(&mut s);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    insta::assert_snapshot!("next10_ja_80x24_ascii", screen(&mut s, 80, 24));
}

/// The compare screen: 入間's 主任 read under 上越's profile, in both languages at both
/// sizes (two columns at 120, stacked at 80); its mapping page; the same with `--ascii`; and
/// two plans chosen on the start screen.
#[test]
fn the_compare_screen_in_both_languages_at_both_sizes() {
    let mapped = |lang: Lang, ascii: bool| {
        let mut s = state(lang);
        s.ui.ascii = ascii;
        open_persona(&mut s, "iruma-shunin-to-kacho");
        update(&mut s, Action::Command(Command::Compare));
        tui_common::typed(&mut s, "joetsu");
        press(&mut s, KeyCode::Enter);
        assert!(s.compare.is_some());
        s.status = None;
        s
    };
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut s = mapped(lang, false);
            let lang = if lang == Lang::Ja { "ja" } else { "en" };
            insta::assert_snapshot!(format!("compare_{lang}_{w}x{h}"), screen(&mut s, w, h));
        }
    }
    let mut s = mapped(Lang::Ja, false);
    press(&mut s, KeyCode::Char('m'));
    insta::assert_snapshot!("compare_mapping_ja_80x24", screen(&mut s, 80, 24));
    let mut s = mapped(Lang::Ja, true);
    insta::assert_snapshot!("compare_ascii_ja_80x24", screen(&mut s, 80, 24));
    press(&mut s, KeyCode::Char('m'));
    insta::assert_snapshot!("compare_mapping_ascii_ja_120x40", screen(&mut s, 120, 40));

    let mut s = state(Lang::Ja);
    press(&mut s, KeyCode::Char('C'));
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Enter);
    tui_common::typed(&mut s, "hoiku-shunin");
    let effects = press(&mut s, KeyCode::Enter);
    let data = tempfile::tempdir().unwrap();
    let mut files = michi::tui::shell::Files::in_dir(data.path());
    for effect in effects {
        if let Some(outcome) = files.carry_out(&s, effect) {
            update(&mut s, Action::Done(Box::new(outcome)));
        }
    }
    s.status = None;
    insta::assert_snapshot!("compare_two_plans_ja_120x40", screen(&mut s, 120, 40));
}
