//! The roster screen through the real key table: `H` on the start screen asks for a roster
//! file, then the profile; the shell reads it; the pages show the retirement wave, the age
//! pyramid, 役職定年, who turns 60 and the rows that could not be used; Esc goes back.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use std::path::Path;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::action::Action;
use michi::tui::keymap::Scope;
use michi::tui::state::{Hit, Overlay, RosterPage, State};
use michi::tui::update::{Effect, scopes, update};
use tui_common::{press, render, screen, state, typed};

/// A small roster for 上越市 (as of 2026-11-21), with two rows that cannot be used:
/// - 0001 born 1964-06-01: 定年 62 in FY2026, so retires 2027-03-31 (FY2026); a 課長 at 60
///   already, past 役職定年 (not listed again);
/// - 0002 born 1967-05-10: 60 on 2027-05-09 (FY2027), so informed and asked this year; a 課長,
///   役職定年 on 2028-03-31 (FY2027); 定年 65 in FY2032;
/// - 0003 born 1996-07-07, 主事: in the 30〜34 band;
/// - row 5: a date that does not exist; row 6: a grade the profile does not have.
const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級\n\
0001,上越 一郎,1964-06-01,1988-04-01,一般行政職,課長\n\
0002,高田 花子,1967-05-10,1990-04-01,一般行政職,課長\n\
0003,直江 次郎,1996-07-07,2019-04-01,一般行政職,主事\n\
0004,春日 三郎,1970-02-30,1992-04-01,一般行政職,主任\n\
0005,謙信 四郎,1980-01-01,2002-04-01,一般行政職,存在しない級\n";

fn write_roster(dir: &Path) -> String {
    let path = dir.join("roster.csv");
    std::fs::write(&path, ROSTER).unwrap();
    path.display().to_string()
}

/// Carries out the effects as the shell would, feeding the results back.
fn carry_out(s: &mut State, effects: Vec<Effect>) {
    let data = tempfile::tempdir().unwrap();
    let mut files = michi::tui::shell::Files::in_dir(data.path());
    for effect in effects {
        if let Some(outcome) = files.carry_out(s, effect) {
            update(s, Action::Done(Box::new(outcome)));
        }
    }
}

/// `H`, the file's path, Enter, then 上越市 in the profile picker.
fn open_roster(s: &mut State, file: &str) {
    assert!(press(s, KeyCode::Char('H')).is_empty());
    assert!(matches!(s.overlay, Some(Overlay::Prompt(_))), "a prompt for the file");
    typed(s, file);
    assert!(press(s, KeyCode::Enter).is_empty());
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("the profile is asked for next: {:?}", s.overlay);
    };
    assert_eq!(picker.items.len(), s.catalog.entries.len(), "every profile offered");
    typed(s, "joetsu");
    let effects = press(s, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::ReadRoster { file: f, profile }] if f == file && profile == "joetsu"),
        "{effects:?}"
    );
    carry_out(s, effects);
}

#[test]
fn a_roster_opens_from_the_start_screen_and_its_pages_turn() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    let mut s = state(Lang::Ja);
    open_roster(&mut s, &file);
    let roster = s.roster.as_ref().expect("the roster screen is open");
    assert_eq!(roster.run.report.summary.used, 3);
    assert_eq!(roster.run.report.summary.skipped, 2);
    assert_eq!(scopes(&s), [Scope::Always, Scope::Global, Scope::Roster]);

    // 退職の波: one in FY2026, none in FY2027 (the age steps up to 63), one in FY2032.
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("[1 退職の波]"), "{text}");
    assert!(text.contains("読んだ行 5 │ 使った行 3 │ 使えなかった行 2"), "{text}");
    let line = |text: &str, start: &str| {
        text.lines()
            .find(|l| l.trim_start_matches('│').starts_with(start))
            .unwrap_or_else(|| panic!("no line {start}: {text}"))
            .to_string()
    };
    let fy2026 = line(&text, "2026（令和8年度）");
    assert!(fy2026.contains(" 62 ") && fy2026.contains(" 1  █"), "{fy2026}");
    let fy2027 = line(&text, "2027（令和9年度）");
    assert!(fy2027.contains(" 0  定年退職なし（定年の引上げの年）"), "{fy2027}");
    let fy2032 = line(&text, "2032（令和14年度）");
    assert!(fy2032.contains(" 1  █"), "{fy2032}");

    // `f` breaks each year down by series.
    press(&mut s, KeyCode::Char('f'));
    assert!(screen(&mut s, 80, 24).contains("│  一般行政職"));

    // 年齢構成: three staff, one in each of three bands; `f` shows one grade at a time.
    press(&mut s, KeyCode::Right);
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Pyramid);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("全職員（f で職級ごと）: 3 人"), "{text}");
    assert!(line(&text, "30〜34").contains(" 1  █"), "{text}");
    press(&mut s, KeyCode::Char('f'));
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("一般行政職 主事（1/2、f で次の職級）: 1 人"), "{text}");

    // 役職定年: 高田 in FY2027 (上越 is past the age already).
    press(&mut s, KeyCode::Tab);
    assert!(screen(&mut s, 80, 24).contains("[3 役職定年]"));
    let text = screen(&mut s, 120, 40);
    assert!(
        text.contains("2028-03-31  0002") && text.contains("高田 花子"),
        "{text}"
    );
    assert!(!text.contains("上越 一郎"), "{text}");

    // 60歳の意思確認: 高田 this year, nobody next year.
    press(&mut s, KeyCode::Char(']'));
    let text = screen(&mut s, 80, 24);
    assert!(
        text.contains("2026（令和8年度）に情報提供・意思確認（2027（令和9年度）に60歳）: 1 人"),
        "{text}"
    );
    // The day before the birthday, as the law counts ages.
    assert!(text.contains("2027-05-09  0002"), "{text}");
    assert!(text.contains("該当者なし"), "{text}");

    // 使えなかった行: each with its row (the header is row 1), column and reason.
    press(&mut s, KeyCode::Right);
    let text = screen(&mut s, 80, 24);
    assert!(
        text.contains("行       5 「生年月日」: 「1970-02-30」は日付として読めません"),
        "{text}"
    );
    assert!(
        text.contains("行       6 「職級」: 職級「存在しない級」はプロファイルにありません"),
        "{text}"
    );
    assert!(text.contains("1  日付として読めない"), "{text}");

    // A click on a page tab turns to it.
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::Pyramid)));
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Pyramid);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::Problems)));

    // Round to the first page again, then back to the start screen.
    press(&mut s, KeyCode::Right);
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Retirements);
    press(&mut s, KeyCode::Left);
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Problems);
    press(&mut s, KeyCode::Esc);
    assert!(s.roster.is_none());
    assert_eq!(scopes(&s), [Scope::Always, Scope::Global, Scope::Start]);
    // The prompt offers the same file again.
    press(&mut s, KeyCode::Char('H'));
    let Some(Overlay::Prompt(prompt)) = &s.overlay else {
        panic!()
    };
    assert_eq!(prompt.input.text(), file);
}

#[test]
fn the_page_scrolls_to_its_end_and_no_further() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    let mut s = state(Lang::Ja);
    s.size = (80, 24);
    open_roster(&mut s, &file);
    press(&mut s, KeyCode::Char('f'));
    for _ in 0..100 {
        press(&mut s, KeyCode::Down);
    }
    let end = s.roster.as_ref().unwrap().scroll;
    assert!(end > 0, "the retirement page is longer than 80×24 shows");
    press(&mut s, KeyCode::Down);
    assert_eq!(s.roster.as_ref().unwrap().scroll, end);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("地方公務員法"), "the source at the end: {text}");
    press(&mut s, KeyCode::PageUp);
    press(&mut s, KeyCode::Home);
    assert_eq!(s.roster.as_ref().unwrap().scroll, 0);
}

#[test]
fn a_file_that_is_not_there_is_told_and_the_start_screen_stays() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing.csv").display().to_string();
    let mut s = state(Lang::En);
    open_roster(&mut s, &missing);
    assert!(s.roster.is_none());
    let Some(Overlay::Message { title, body, .. }) = &s.overlay else {
        panic!("a message: {:?}", s.overlay);
    };
    assert_eq!(title.get(Lang::En), "Cannot read the roster");
    assert!(body.get(Lang::En).contains("nothing.csv"), "{}", body.get(Lang::En));
    press(&mut s, KeyCode::Esc);
    assert!(s.overlay.is_none() && s.roster.is_none());
}

#[test]
fn the_roster_screen_at_80x24_and_120x40_in_both_languages_and_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    for lang in [Lang::Ja, Lang::En] {
        let mut s = state(lang);
        open_roster(&mut s, &file);
        let tag = match lang {
            Lang::Ja => "ja",
            Lang::En => "en",
        };
        for page in RosterPage::ALL {
            s.roster.as_mut().unwrap().page = page;
            let page_name = format!("{page:?}").to_lowercase();
            insta::assert_snapshot!(format!("roster_{page_name}_{tag}_80x24"), screen(&mut s, 80, 24));
            insta::assert_snapshot!(format!("roster_{page_name}_{tag}_120x40"), screen(&mut s, 120, 40));
        }
    }
    let mut s = state(Lang::Ja);
    s.ui.ascii = true;
    open_roster(&mut s, &file);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains(" 1  #"), "bars are # in ASCII: {text}");
    assert!(!text.contains('█') && !text.contains('│'), "{text}");
    insta::assert_snapshot!("roster_retirements_ja_80x24_ascii", text);
}

#[test]
fn every_page_draws_at_every_size_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    let mut s = state(Lang::Ja);
    open_roster(&mut s, &file);
    for (page, wide) in RosterPage::ALL.into_iter().flat_map(|p| [(p, false), (p, true)]) {
        // `--ambiguous-wide` lays the symbols out two columns wide.
        s.ui.ambiguous_wide = wide;
        for by in [false, true] {
            let roster = s.roster.as_mut().unwrap();
            roster.page = page;
            roster.by_series = by;
            roster.pyramid_row = by.then_some(0);
            for (w, h) in [
                (0, 0),
                (1, 1),
                (10, 5),
                (79, 21),
                (80, 22),
                (80, 24),
                (81, 23),
                (100, 30),
                (200, 60),
            ] {
                render(&mut s, w, h);
                // Scrolling at that size stays within the page.
                press(&mut s, KeyCode::End);
                press(&mut s, KeyCode::PageDown);
                render(&mut s, w, h);
                press(&mut s, KeyCode::Home);
            }
        }
    }
}
