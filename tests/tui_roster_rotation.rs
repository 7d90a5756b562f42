//! The roster screen's rotation page through the real key table: `h` asks for a posting
//! history, the shell reads it and joins it to the roster, and the page shows the figures
//! `michi roster --history … --format json` gives in `rotation`; a history that cannot be
//! read or lacks its columns is told on the status line and the screen stays as it was.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;
mod tui_common;

use std::path::Path;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::Catalog;
use michi::tui::action::Action;
use michi::tui::forms::PromptFor;
use michi::tui::state::{Overlay, RosterPage, State, Ui};
use michi::tui::theme::ThemeKind;
use michi::tui::update::{Effect, scopes};
use tui_common::{TODAY, carry_out, ctrl, press, screen, typed};

/// 上越 as of 2026-11-21, rule three_families (一般行政職, years 0–10 of service, all three
/// families): 0001 (6 years) has 2 of 3, 0002 (8 years) all 3, 0003 (26 years) is outside.
/// With a three-year tenure (Michi's example): 0001 has been in 都市整備部門 for 4 years and
/// 0003 in 税務部門 for 26; 0002 in 企画部門 for 3 is not past it. 0004 has no history.
const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級\n\
0001,上越 一,1997-05-01,2020-04-01,一般行政職,主事\n\
0002,高田 花子,1995-05-01,2018-04-01,一般行政職,主任\n\
0003,直江 次郎,1977-05-01,2000-04-01,一般行政職,課長\n\
0004,春日 三郎,1999-05-01,2022-04-01,一般行政職,主事\n";

/// Row 8 names no department of 上越; row 9 has a date that does not exist.
const HISTORY: &str = "職員番号,所属,開始日,終了日\n\
0001,tax,2020-04-01,2022-03-31\n\
0001,urban_development,2022-04-01,\n\
0002,welfare,2018-04-01,2020-03-31\n\
0002,agriculture,2020-04-01,2023-03-31\n\
0002,planning,2023-04-01,\n\
0003,tax,2000-04-01,\n\
0009,経理課,2020-04-01,\n\
0009,tax,2020-02-30,\n";

/// 上越 with a three-year tenure as Michi's example, as a user profile `joetsu_tenure`, in
/// `dir/config/profiles`; the roster and the history beside it.
fn setup(dir: &Path) {
    common::add_joetsu_tenure_profile(dir);
    std::fs::write(dir.join("r.csv"), ROSTER).unwrap();
    std::fs::write(dir.join("h.csv"), HISTORY).unwrap();
    std::fs::write(dir.join("cols.csv"), "番号,部署,開始日\n0001,tax,2020-04-01\n").unwrap();
}

/// A state over the bundled profiles and the user's in `dir/config/profiles`.
fn state_in(dir: &Path, lang: Lang, ascii: bool) -> State {
    let ui = Ui {
        lang,
        theme: ThemeKind::Default,
        ascii,
        mouse: true,
        ..Default::default()
    };
    let catalog = Catalog::load(Some(&dir.join("config/profiles")), lang);
    State::new(catalog, ui, Date::parse(TODAY).unwrap(), false)
}

/// `H`, the roster's path, 上越 with the tenure: the roster screen.
fn open_roster(s: &mut State, dir: &Path) {
    press(s, KeyCode::Char('H'));
    typed(s, &dir.join("r.csv").display().to_string());
    press(s, KeyCode::Enter);
    typed(s, "joetsu_tenure");
    let effects = press(s, KeyCode::Enter);
    carry_out(s, effects);
    assert_eq!(s.roster.as_ref().expect("the roster screen").profile, "joetsu_tenure");
}

/// `h`, the history's path, Enter: the effect it asks for (not yet carried out).
fn ask_history(s: &mut State, file: &str) -> Vec<Effect> {
    assert!(press(s, KeyCode::Char('h')).is_empty());
    let Some(Overlay::Prompt(prompt)) = &s.overlay else {
        panic!("a prompt for the history: {:?}", s.overlay);
    };
    assert_eq!(prompt.target, PromptFor::RosterHistory);
    // Ctrl-U: the path offered (the last one typed) is cleared.
    ctrl(s, 'u');
    typed(s, file);
    press(s, KeyCode::Enter)
}

/// `michi roster … --history … --format json`'s `rotation`.
fn cli_rotation(dir: &Path) -> serde_json::Value {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", dir.join("config"))
        .env_remove("MICHI_LANG")
        .current_dir(dir)
        .args([
            "roster",
            "r.csv",
            "--profile",
            "joetsu_tenure",
            "--today",
            TODAY,
            "--history",
            "h.csv",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["rotation"].clone()
}

#[test]
fn h_opens_a_posting_history_and_the_rotation_page_shows_the_reports_figures() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut s = state_in(dir.path(), Lang::Ja, false);
    open_roster(&mut s, dir.path());
    let history = dir.path().join("h.csv").display().to_string();
    let effects = ask_history(&mut s, &history);
    assert!(
        matches!(effects.as_slice(), [Effect::ReadHistory { history: h, profile, .. }] if *h == history && profile == "joetsu_tenure"),
        "{effects:?}"
    );
    assert_eq!(
        s.status.as_ref().map(|st| st.text.get(Lang::Ja).to_string()).as_deref(),
        Some("配属履歴を読んでいます…")
    );
    carry_out(&mut s, effects);
    let roster = s.roster.as_ref().unwrap();
    assert_eq!(roster.page, RosterPage::Rotation, "the page turns to rotation");

    // The very figures and lists the command line's JSON has.
    let json = cli_rotation(dir.path());
    let section = &roster.history.as_ref().expect("the history read").section;
    assert_eq!(serde_json::to_value(section).unwrap(), json);
    assert_eq!(json["history"]["read"], 8);
    assert_eq!(json["history"]["used"], 6);
    assert_eq!(json["history"]["skipped"], 2);
    assert_eq!(json["without_history"], 1);
    assert_eq!(json["rules"][0]["in_window"], 2);
    assert_eq!(json["rules"][0]["missing"], 1);
    assert_eq!(json["past_tenure"], 2);

    // On the page, at 120×40 where it all fits.
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("[7 ローテーション]"), "{text}");
    assert!(text.contains("配属履歴: h.csv（h で別の履歴）"), "{text}");
    assert!(
        text.contains("履歴の行 8・使った行 6・使えなかった行 2・上限を超えた職員の行 0・履歴のない職員 1"),
        "{text}"
    );
    assert!(
        text.contains("規則 three_families（採用から10年間）: 期間内 2 人、まだ満たしていない 1 人"),
        "{text}"
    );
    let row = |start: &str| {
        text.lines()
            .find(|l| l.trim_start_matches('│').trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no row {start}: {text}"))
            .to_string()
    };
    let missing = row("0001");
    assert!(missing.contains("上越 一") && missing.contains("2/3"), "{missing}");
    assert!(
        text.contains("今の配属が在任年数を超えている職員: 2（年数は例示）"),
        "{text}"
    );
    for (id, name, figures, department) in [
        ("0001", "上越 一", "4/3年・例示", "都市整備部門"),
        ("0003", "直江 次郎", "26/3年・例示", "税務部門"),
    ] {
        let line = text
            .lines()
            .filter(|l| l.contains(id) && l.contains(department))
            .collect::<Vec<_>>();
        assert!(
            line.len() == 1 && line[0].contains(name) && line[0].contains(figures),
            "{id}: {text}"
        );
    }
    assert!(
        !text.contains("高田 花子"),
        "0002 meets the rule and is not past the tenure: {text}"
    );
    assert!(text.contains("配属履歴の使えなかった行（2）"), "{text}");
    assert!(
        text.contains("行       8「所属」: プロファイルにない所属 経理課"),
        "{text}"
    );
    assert!(
        text.contains("行       9「開始日」: 日付として読めない 2020-02-30"),
        "{text}"
    );

    // At 80×24 the page scrolls to its last row.
    s.size = (80, 24);
    press(&mut s, KeyCode::End);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("[ローテ]"), "{text}");
    assert!(text.contains("日付として読めない 2020-02-30"), "{text}");

    // The prompt offers the same history again.
    press(&mut s, KeyCode::Char('h'));
    let Some(Overlay::Prompt(prompt)) = &s.overlay else {
        panic!()
    };
    assert_eq!(prompt.input.text(), history);
}

#[test]
fn a_history_without_its_columns_or_not_there_leaves_the_screen_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut s = state_in(dir.path(), Lang::Ja, false);
    open_roster(&mut s, dir.path());
    let effects = ask_history(&mut s, &dir.path().join("h.csv").display().to_string());
    carry_out(&mut s, effects);
    press(&mut s, KeyCode::Right);
    let before = s.roster.clone().unwrap();
    assert_eq!(before.page, RosterPage::Problems);

    let effects = ask_history(&mut s, &dir.path().join("cols.csv").display().to_string());
    carry_out(&mut s, effects);
    assert_eq!(s.roster.as_ref(), Some(&before), "the screen and its history stay");
    assert!(s.overlay.is_none());
    let status = s.status.as_ref().unwrap();
    assert!(status.warning);
    let said = status.text.get(Lang::Ja);
    assert!(
        said.contains("配属履歴に必要な列 職員番号・所属 がありません。見出しは 番号, 部署, 開始日"),
        "{said}"
    );
    let said = status.text.get(Lang::En);
    assert!(
        said.contains("lacks the columns 職員番号・所属; the header has 番号, 部署, 開始日"),
        "{said}"
    );
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("配属履歴に必要な列"), "on the status line: {text}");

    let effects = ask_history(&mut s, &dir.path().join("nothing.csv").display().to_string());
    carry_out(&mut s, effects);
    assert_eq!(s.roster.as_ref(), Some(&before));
    let said = s.status.as_ref().unwrap().text.get(Lang::Ja).to_string();
    assert!(said.contains("nothing.csv を読めません"), "{said}");

    // An empty path is refused in the prompt; Esc leaves it.
    let effects = ask_history(&mut s, "");
    assert!(effects.is_empty());
    let Some(Overlay::Prompt(prompt)) = &s.overlay else {
        panic!("the prompt stays: {:?}", s.overlay);
    };
    assert!(prompt.error.is_some());
    press(&mut s, KeyCode::Esc);
    assert!(s.overlay.is_none());
    assert_eq!(s.roster.as_ref(), Some(&before));
}

#[test]
fn the_screen_says_the_history_is_being_read_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut s = state_in(dir.path(), Lang::Ja, false);
    open_roster(&mut s, dir.path());
    press(&mut s, KeyCode::Char('h'));
    typed(&mut s, &dir.path().join("h.csv").display().to_string());
    let data = tempfile::tempdir().unwrap();
    let mut files = michi::tui::shell::Files::in_dir(data.path());
    let mut shown = Vec::new();
    let enter = crossterm::event::KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::NONE);
    let command = michi::tui::keymap::command_for(&enter, &scopes(&s)).unwrap();
    michi::tui::shell::dispatch_showing(&mut s, &mut files, Action::Command(command), &mut |s: &State| {
        shown.push((
            s.status.as_ref().map(|st| st.text.get(Lang::Ja).to_string()),
            s.roster.as_ref().is_some_and(|r| r.history.is_some()),
        ))
    });
    assert_eq!(shown, [(Some("配属履歴を読んでいます…".to_string()), false)]);
    assert!(s.roster.as_ref().unwrap().history.is_some(), "then read");
}

#[test]
fn the_rotation_page_at_80x24_and_120x40_in_both_languages_and_ascii() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        let mut s = state_in(dir.path(), lang, false);
        open_roster(&mut s, dir.path());
        let effects = ask_history(&mut s, &dir.path().join("h.csv").display().to_string());
        carry_out(&mut s, effects);
        insta::assert_snapshot!(format!("rotation_{tag}_80x24"), screen(&mut s, 80, 24));
        insta::assert_snapshot!(format!("rotation_{tag}_120x40"), screen(&mut s, 120, 40));
    }
    let mut s = state_in(dir.path(), Lang::Ja, true);
    open_roster(&mut s, dir.path());
    let effects = ask_history(&mut s, &dir.path().join("h.csv").display().to_string());
    carry_out(&mut s, effects);
    s.size = (80, 24);
    press(&mut s, KeyCode::End);
    let text = screen(&mut s, 80, 24);
    assert!(!text.contains('│') && !text.contains('–'), "{text}");
    insta::assert_snapshot!("rotation_ja_80x24_ascii_end", text);
}

#[test]
fn the_rotation_page_draws_and_scrolls_at_every_size_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut s = state_in(dir.path(), Lang::En, false);
    open_roster(&mut s, dir.path());
    let effects = ask_history(&mut s, &dir.path().join("h.csv").display().to_string());
    carry_out(&mut s, effects);
    for wide in [false, true] {
        s.ui.ambiguous_wide = wide;
        for (w, h) in [(0, 0), (1, 1), (10, 5), (79, 21), (80, 24), (81, 23), (200, 60)] {
            tui_common::render(&mut s, w, h);
            press(&mut s, KeyCode::End);
            press(&mut s, KeyCode::PageDown);
            tui_common::render(&mut s, w, h);
            press(&mut s, KeyCode::Home);
        }
    }
}
