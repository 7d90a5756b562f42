//! The roster screen through the real key table: `H` on the start screen asks for a roster
//! file, then the profile; the shell reads it; the pages show the retirement wave, the age
//! pyramid, 役職定年, who turns 60, rotation (without a history: what it needs) and the
//! rows that could not be used; Esc goes back. The rotation page with a posting history is
//! tested in `tui_roster_rotation.rs`.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use std::path::Path;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::action::Action;
use michi::tui::keymap::Scope;
use michi::tui::state::{Hit, Overlay, RosterPage, State};
use michi::tui::update::{Effect, scopes, update};
use tui_common::{carry_out, press, render, screen, state, typed};

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

/// `H`, the file's path, Enter, then 上越市 in the profile picker.
fn open_roster(s: &mut State, file: &str) {
    open_roster_as(s, file, "joetsu");
}

/// `H`, the file's path, Enter, then the profile `profile` in the picker.
fn open_roster_as(s: &mut State, file: &str, profile: &str) {
    assert!(press(s, KeyCode::Char('H')).is_empty());
    assert!(matches!(s.overlay, Some(Overlay::Prompt(_))), "a prompt for the file");
    typed(s, file);
    assert!(press(s, KeyCode::Enter).is_empty());
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("the profile is asked for next: {:?}", s.overlay);
    };
    assert_eq!(picker.items.len(), s.catalog.entries.len(), "every profile offered");
    typed(s, profile);
    let effects = press(s, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::ReadRoster { file: f, profile: p }] if f == file && p == profile),
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
    // At 80 columns the seven tabs carry their short titles, unnumbered; at 120 in full.
    assert!(text.contains("[退職の波]"), "{text}");
    assert!(text.contains(" 60歳確認 ") && text.contains(" 使えない行"), "{text}");
    // At 120 the eight numbered titles sit side by side.
    assert!(screen(&mut s, 120, 40).contains("[1 退職の波] 2 年齢構成"));
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
    assert!(screen(&mut s, 80, 24).contains("[役職定年]"));
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

    // 後継者: 課長 opens one post in FY2027 (高田's 役職定年) and nobody below is eligible.
    press(&mut s, KeyCode::Right);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("[後継者]"), "{text}");
    assert!(
        text.contains("一般行政職 課長（1/4、f で次の職級）: 不足 1 年度（最初 2027（令和9年度））"),
        "{text}"
    );
    assert!(text.contains("下の職級: 副課長（在級2年・例示）"), "{text}");
    assert!(line(&text, "2027 ").contains("  1      0 "), "{text}");
    assert!(line(&text, "2027 ").contains("0.0  不足 ░"), "{text}");
    // `f`: 部長, where 高田 (no grade date) may or may not be eligible.
    press(&mut s, KeyCode::Char('f'));
    let text = screen(&mut s, 80, 24);
    assert!(
        text.contains("一般行政職 部長（2/4、f で次の職級）: 不足なし"),
        "{text}"
    );

    // 研修の対象者: a page of its own after 後継者.
    press(&mut s, KeyCode::Right);
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::TrainingDemand);
    assert!(screen(&mut s, 80, 24).contains("[研修対象]"));

    // ローテーション: without a posting history it says what it needs and the key.
    press(&mut s, KeyCode::Right);
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Rotation);
    let text = screen(&mut s, 80, 24);
    assert!(
        text.contains("[ローテ]") && text.contains("配属履歴がまだ開かれていません"),
        "{text}"
    );
    assert!(text.contains("h で配属履歴のファイル"), "{text}");

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
    // The status line no longer says the roster is being read.
    let text = screen(&mut s, 80, 24);
    assert!(!text.contains("Reading the roster"), "{text}");
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
            // Past the end: the pages clamp what they show.
            roster.succession_post = if by { 99 } else { 0 };
            roster.training_year = if by { 99 } else { 0 };
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

/// The sample roster of 入間市 (Shift_JIS), opened against its profile.
fn open_iruma(lang: Lang) -> State {
    let file = format!("{}/assets/rosters/iruma-sjis.csv", env!("CARGO_MANIFEST_DIR"));
    let mut s = state(lang);
    open_roster_as(&mut s, &file, "iruma");
    assert!(s.roster.is_some(), "{:?}", s.overlay);
    s
}

/// The screen's line that starts with `start` inside the block.
fn line_of(text: &str, start: &str) -> String {
    text.lines()
        .map(|l| l.trim_start_matches(['│', '|']).trim_end_matches(['│', '|']))
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line {start}: {text}"))
        .to_string()
}

/// The counts on a row, in order, after the row's label.
fn counts_on(line: &str, label: &str) -> Vec<String> {
    line.strip_prefix(label)
        .unwrap_or_else(|| panic!("{line} starts with {label}"))
        .split_whitespace()
        .take_while(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_succession_page_shows_each_grades_vacancies_and_eligible_staff_as_the_report_has_them() {
    let mut s = open_iruma(Lang::En);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::Succession)));
    let posts = s.roster.as_ref().unwrap().run.report.succession.posts.clone();
    assert_eq!(posts.len(), 3, "課長級, 次長級, 部長級");
    let mut short_somewhere = false;
    for (i, post) in posts.iter().enumerate() {
        assert_eq!(s.roster.as_ref().unwrap().succession_post, i);
        let text = screen(&mut s, 120, 40);
        assert!(
            text.contains(&format!("{} {} ({}/3; f: next grade)", post.series, post.grade, i + 1)),
            "{text}"
        );
        // Every year on one screen at 120×40, each with the report's counts and ratio.
        for y in &post.years {
            let label = format!("FY{}", y.fy);
            let row = line_of(&text, &label);
            let ratio = y.eligible_per_vacancy.map_or("-".to_string(), |r| format!("{r:.1}"));
            let want: Vec<String> = [
                y.vacancies,
                y.eligible,
                y.unknown_no_grade_since,
                y.unknown_no_min_years,
                y.below,
            ]
            .iter()
            .map(u64::to_string)
            .chain([ratio])
            .collect();
            assert_eq!(counts_on(&row, &label), want, "{row}");
            let short = y.eligible < y.vacancies;
            assert_eq!(row.contains(" short "), short, "{row}");
            short_somewhere |= short;
        }
        press(&mut s, KeyCode::Char('f'));
    }
    // The sample has eligible staff for every vacancy (see the next test for a shortage).
    assert!(!short_somewhere);
    // Round to the first grade again.
    assert_eq!(s.roster.as_ref().unwrap().succession_post, 0);
}

#[test]
fn a_grade_that_runs_short_says_so_on_its_year_and_in_the_list_of_grades() {
    // Two 次長級 leave at the end of FY2027 (役職定年: both turn 60 in it), one 課長級 has
    // the years to follow them: FY2027 is short by one.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("short.csv");
    std::fs::write(
        &file,
        "職員番号,氏名,生年月日,採用年月日,職種,職級,職級発令日\n\
         1,次長 一,1967-06-01,1990-04-01,一般職員,次長級,2022-04-01\n\
         2,次長 二,1967-08-01,1990-04-01,一般職員,次長級,2023-04-01\n\
         3,課長 三,1975-05-01,1998-04-01,一般職員,課長級,2020-04-01\n",
    )
    .unwrap();
    let mut s = state(Lang::En);
    open_roster_as(&mut s, file.to_str().unwrap(), "iruma");
    assert!(s.roster.is_some(), "{:?}", s.overlay);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::Succession)));
    press(&mut s, KeyCode::Char('f'));
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("一般職員 次長級 (2/3; f: next grade)"), "{text}");
    let row = line_of(&text, "FY2027");
    assert_eq!(counts_on(&row, "FY2027")[..2], ["2", "1"], "{row}");
    assert!(row.contains(" short "), "{row}");
    assert!(!line_of(&text, "FY2026").contains(" short "), "{text}");
    assert!(
        line_of(&text, "▶ 一般職員 次長級").contains("short in 1 year (first FY2027)"),
        "{text}"
    );
    // The 課長級 leaves in FY2035 with no one below: short then.
    assert!(
        line_of(&text, "  一般職員 課長級").contains("short in 1 year (first FY2035)"),
        "{text}"
    );
    assert!(line_of(&text, "  一般職員 部長級").contains("never short"), "{text}");
}

#[test]
fn the_training_page_shows_the_reports_staff_per_year_and_f_reaches_the_later_years() {
    let mut s = open_iruma(Lang::Ja);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::TrainingDemand)));
    let demand = s.roster.as_ref().unwrap().run.report.training_demand.clone();
    let row = demand
        .trainings
        .iter()
        .find(|t| t.name == "階層別研修")
        .expect("the sample profile's 階層別研修")
        .clone();
    let years = demand.fiscal_years.len();
    s.size = (80, 24);
    let mut seen = vec![false; years];
    for _ in 0..5 {
        let text = screen(&mut s, 80, 24);
        let first = s.roster.as_ref().unwrap().training_year;
        let counts = counts_on(&line_of(&text, "階層別研修"), "階層別研修");
        let across = counts.len() - 2;
        assert!(
            across >= 5 || first + across == years,
            "at least five years across at 80 columns, or the last ones: {text}"
        );
        for (k, n) in counts.iter().take(across).enumerate() {
            assert_eq!(*n, row.staff[first + k].to_string(), "{text}");
            seen[first + k] = true;
        }
        assert_eq!(counts[across], row.entered_this_year.to_string(), "{text}");
        assert_eq!(counts[across + 1], row.no_grade_since.to_string());
        // The years shown are said, and the rest are one `f` away.
        assert!(text.contains("f で次の年度"), "{text}");
        press(&mut s, KeyCode::Char('f'));
    }
    assert!(seen.iter().all(|s| *s), "every year reached with f: {seen:?}");
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("対象: 全職級"), "{text}");
    // The trainings the document names no target for are listed as not counted.
    for _ in 0..30 {
        press(&mut s, KeyCode::Down);
    }
    let text = screen(&mut s, 80, 24);
    let unstated = demand.trainings.iter().filter(|t| t.audience == "unstated").count();
    assert!(
        text.contains(&format!("対象職級の定めのない研修 {unstated} 件は数えていません")),
        "{text}"
    );
    assert!(text.contains("michi roster --plans"), "{text}");
}

#[test]
fn the_succession_and_training_pages_in_ascii() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    let mut s = state(Lang::Ja);
    s.ui.ascii = true;
    open_roster(&mut s, &file);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::Succession)));
    let text = screen(&mut s, 80, 24);
    assert!(
        line_of(&text, "2027 ").contains("不足 -"),
        "the shortfall in ASCII: {text}"
    );
    assert!(text.contains("-空席") && text.contains("#有資格"), "{text}");
    assert!(
        !text.contains('░') && !text.contains('█') && !text.contains('│'),
        "{text}"
    );
    insta::assert_snapshot!("roster_succession_ja_80x24_ascii", text);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::TrainingDemand)));
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("研修                      2026"), "{text}");
    assert!(!text.contains('…') && !text.contains('│'), "{text}");
}

#[test]
fn the_retirement_page_names_the_special_retirement_ages_it_follows() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    let mut s = state(Lang::Ja);
    open_roster(&mut s, &file);
    let ages = &mut s.roster.as_mut().unwrap().run.report.retirements.special_ages;
    ages.push(michi::engine::roster::SpecialAge {
        series: "一般行政職".into(),
        grade: Some("課長".into()),
        age: 63,
        source: "定年条例 第3条".into(),
        illustrative: true,
    });
    let mut text = String::new();
    // Scrolled to the end of the page, the age is said with its ordinance and mark.
    for _ in 0..40 {
        press(&mut s, KeyCode::Down);
    }
    text.push_str(&screen(&mut s, 120, 40));
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace() && *c != '│').collect();
    assert!(
        squeezed.contains("特例定年（プロファイルの条例による）:一般行政職課長63歳（定年条例第3条・例示）"),
        "{text}"
    );
}

#[test]
fn the_screen_says_the_roster_is_being_read_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roster(dir.path());
    let mut s = state(Lang::Ja);
    press(&mut s, KeyCode::Char('H'));
    typed(&mut s, &file);
    press(&mut s, KeyCode::Enter);
    typed(&mut s, "joetsu");
    let data = tempfile::tempdir().unwrap();
    let mut files = michi::tui::shell::Files::in_dir(data.path());
    let mut shown = Vec::new();
    let enter = crossterm::event::KeyEvent::new(KeyCode::Enter, crossterm::event::KeyModifiers::NONE);
    let command = michi::tui::keymap::command_for(&enter, &scopes(&s)).unwrap();
    michi::tui::shell::dispatch_showing(&mut s, &mut files, Action::Command(command), &mut |s: &State| {
        shown.push((
            s.status.as_ref().map(|st| st.text.get(Lang::Ja).to_string()),
            s.roster.is_some(),
        ))
    });
    assert_eq!(shown, [(Some("名簿を読んでいます…".to_string()), false)]);
    assert!(s.roster.is_some(), "then read");
}

#[test]
fn a_click_on_a_grade_in_the_succession_overview_shows_that_grade() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    use michi::tui::shell::action_for;
    let mut s = open_iruma(Lang::En);
    update(&mut s, Action::Click(Hit::RosterPage(RosterPage::Succession)));
    // At 120×40 the overview is on screen: the grades' row, as drawn, and what a click there is.
    s.size = (120, 40);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let mut hits = michi::tui::view::HitMap::default();
    terminal.draw(|f| hits = michi::tui::view::draw(f, &s)).unwrap();
    let text = screen(&mut s, 120, 40);
    let row = text
        .lines()
        .position(|l| l.contains("  一般職員 部長級  "))
        .unwrap_or_else(|| panic!("{text}")) as u16;
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row,
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for(&s, event, &hits).expect("a click on the grade is an action");
    update(&mut s, action);
    assert_eq!(s.roster.as_ref().unwrap().succession_post, 2);
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("一般職員 部長級 (3/3; f: next grade)"), "{text}");
    // At 80×24 the overview is below the fold: scrolled to the page's end, the grades are
    // where they are drawn, and a click on one shows it from the page's top.
    s.size = (80, 24);
    press(&mut s, KeyCode::End);
    assert!(s.roster.as_ref().unwrap().scroll > 0);
    terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| hits = michi::tui::view::draw(f, &s)).unwrap();
    let text = screen(&mut s, 80, 24);
    let row_of = |grade: &str| {
        text.lines()
            .position(|l| l.contains(&format!("一般職員 {grade}  ")))
            .unwrap_or_else(|| panic!("{grade}: {text}")) as u16
    };
    assert_eq!(hits.at(10, row_of("課長級")), Some(&Hit::RosterPost(0)), "{text}");
    assert_eq!(hits.at(10, row_of("次長級")), Some(&Hit::RosterPost(1)), "{text}");
    assert_eq!(hits.at(10, row_of("課長級") - 1), None, "the heading above: {text}");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: row_of("次長級"),
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for(&s, click, &hits).unwrap();
    update(&mut s, action);
    assert_eq!(s.roster.as_ref().unwrap().succession_post, 1);
    assert_eq!(s.roster.as_ref().unwrap().scroll, 0);
    assert!(screen(&mut s, 80, 24).contains("一般職員 次長級 (2/3; f: next grade)"));
}

#[test]
fn the_number_on_a_page_tab_goes_to_that_page() {
    let mut s = open_iruma(Lang::En);
    press(&mut s, KeyCode::Char('5'));
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Succession);
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("[5 Succession]"), "{text}");
    press(&mut s, KeyCode::Char('8'));
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Problems);
    press(&mut s, KeyCode::Char('1'));
    assert_eq!(s.roster.as_ref().unwrap().page, RosterPage::Retirements);
}
