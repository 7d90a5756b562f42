//! The workshop's 「これからの10年」 page through the real key table: the years from today to
//! 定年, the options after 60 and the rules with their sources, for 上尾's 主査 born in 1968.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::state::{NextTenRow, WorkshopPage};
use tui_common::{open_next_ten, open_persona, press, render, screen, state};

fn opened(lang: Lang) -> michi::tui::state::State {
    let mut s = state(lang);
    open_persona(&mut s, "ageo-shusa-born-1968");
    s.status = None;
    open_next_ten(&mut s);
    s
}

/// The lower pane: the selected row in full.
fn detail(s: &mut michi::tui::state::State, w: u16, h: u16) -> String {
    let lines = render(s, w, h);
    let from = lines
        .iter()
        .position(|l| l.contains("選んだ行と根拠") || l.contains("selected row"))
        .unwrap();
    lines[from..].join("\n")
}

#[test]
fn the_page_shows_the_years_to_retirement_and_the_key_dates() {
    let mut s = opened(Lang::Ja);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("これからの10年（2026-11-22・58歳）"), "{text}");
    assert!(
        text.contains("定年 65歳 2034-03-31［国］  役職定年 2029-03-31"),
        "{text}"
    );
    assert!(
        text.contains("2029（令和11年度）  61歳  延長時  70%   給与7割・延長時の上限"),
        "{text}"
    );
    // This year first, with the fiscal years left and what 役職定年 means for the target.
    let below = detail(&mut s, 80, 24);
    assert!(below.contains("この年度を含めて8年"), "{below}");
    assert!(
        below.contains("目標の課長級は役職定年の対象［市］: 就いても 2029-03-31 まで"),
        "{below}"
    );
    // ↓ ↓: the year of 60 and 役職定年, each date with its law.
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    let below = detail(&mut s, 80, 24);
    assert!(
        below.contains("2028-08-11 60歳に達する日（誕生日の前日）［国］"),
        "{below}"
    );
    assert!(
        below.contains("2029-03-31 役職定年: 管理監督職はこの日まで［国］"),
        "{below}"
    );
    assert!(below.contains("地方公務員法第28条の2"), "{below}");
    // ↓: the year a 条例 could extend 役職定年, marked as such.
    press(&mut s, KeyCode::Down);
    let below = detail(&mut s, 80, 24);
    assert!(
        below.contains("2030-03-31 役職定年の延長の上限（条例で延長できる場合・1年）［国］"),
        "{below}"
    );
    assert!(below.contains("2029-04-01 給料月額が7割に"), "{below}");
}

#[test]
fn the_options_after_sixty_come_with_their_conditions_and_sources() {
    let mut s = opened(Lang::Ja);
    let doc = s.doc.as_ref().unwrap();
    let rows = michi::tui::state::next10_rows(&michi::tui::state::next_ten(doc));
    let at = |row: NextTenRow| rows.iter().position(|r| *r == row).unwrap();
    use michi::engine::next_ten::OptionKind;
    // Eight years, FY2026 to FY2033, then the options.
    assert_eq!(at(NextTenRow::Option(OptionKind::FullTime)), 8);
    for _ in 0..9 {
        press(&mut s, KeyCode::Down);
    }
    let below = detail(&mut s, 80, 24);
    assert!(
        below.contains("定年前再任用短時間勤務  2028-08-11〜2034-03-31"),
        "{below}"
    );
    assert!(below.contains("選考で短時間勤務の職に採用されます"), "{below}");
    assert!(below.contains("根拠［国］: 地方公務員法第22条の4"), "{below}");
    // At 120×40 the full source is shown.
    let below = detail(&mut s, 120, 40);
    assert!(
        below.contains("地方公務員法第22条の4（定年前再任用短時間勤務職員の任用）"),
        "{below}"
    );
    // End: the city's values and the legend of ［国］ and ［市］.
    press(&mut s, KeyCode::End);
    let below = detail(&mut s, 80, 24);
    assert!(below.contains("役職定年の対象とする職級（課長級）［市］"), "{below}");
    assert!(below.contains("［国］国の制度（法令）による既定値"), "{below}");
    // Home: back to this year; the page keys turn to the next worksheet.
    press(&mut s, KeyCode::Home);
    assert!(detail(&mut s, 80, 24).contains("この年度を含めて8年"));
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(s.doc.as_ref().unwrap().workshop_page, WorkshopPage::Lifeline);
    press(&mut s, KeyCode::Char('['));
    assert!(
        detail(&mut s, 80, 24).contains("この年度を含めて8年"),
        "the selection is kept"
    );
}

#[test]
fn a_rule_row_says_what_the_law_says() {
    let mut s = opened(Lang::En);
    // FY2026–2033, three options, then the first rule: the retirement age.
    for _ in 0..11 {
        press(&mut s, KeyCode::Down);
    }
    let below = detail(&mut s, 80, 24);
    assert!(below.contains("Retirement age (raised by steps)"), "{below}");
    assert!(below.contains("地方公務員法第28条の6"), "{below}");
    let top = screen(&mut s, 80, 24);
    assert!(top.contains("▶ Rule: Retirement age (raised by steps)"), "{top}");
}

#[test]
fn a_manager_sees_the_years_left_in_post() {
    let mut s = opened(Lang::Ja);
    let today = s.today;
    let doc = s.doc.as_mut().unwrap();
    doc.plan.grade = "kacho".into();
    doc.plan.target_grade = "bucho".into();
    doc.reanalyze(today);
    let below = detail(&mut s, 80, 24);
    assert!(
        below.contains("管理職として残り3年度（役職定年 2029-03-31）"),
        "{below}"
    );
}

#[test]
fn ascii_mode_draws_no_ambiguous_width_marks_on_the_page() {
    let mut s = opened(Lang::Ja);
    s.ui.ascii = true;
    let rows = {
        let doc = s.doc.as_ref().unwrap();
        michi::tui::state::next10_rows(&michi::tui::state::next_ten(doc)).len()
    };
    for _ in 0..rows {
        for (w, h) in [(80, 24), (120, 40)] {
            let lines = render(&mut s, w, h);
            // The page: below the header and tab lines, above the message and key lines.
            for line in &lines[2..lines.len() - 2] {
                for mark in ['▶', '…', '—', '│', '─', '┌', '○', '◎', '■', '→', '←'] {
                    assert!(!line.contains(mark), "{mark} in {line}");
                }
            }
        }
        press(&mut s, KeyCode::Down);
    }
}

/// Born in 1962: retired at 60 on 31 March 2023, so no 役職定年 and none of the rules for
/// staff over 60; 暫定再任用 runs to the end of the year of 65.
#[test]
fn someone_already_retired_sees_what_is_left() {
    let mut s = opened(Lang::Ja);
    let today = s.today;
    let doc = s.doc.as_mut().unwrap();
    doc.plan.birth_date = michi::model::Date::parse("1962-06-01").unwrap();
    doc.reanalyze(today);
    let text = screen(&mut s, 80, 24);
    assert!(
        text.contains("定年 60歳 2023-03-31［国］  （定年退職日を過ぎています）"),
        "{text}"
    );
    assert!(text.contains("2027（令和9年度）  65歳"), "{text}");
    assert!(text.contains("暫定再任用の上限"), "{text}");
    assert!(!text.contains("選択肢: 定年まで常勤"), "{text}");
    assert!(detail(&mut s, 80, 24).contains("定年退職日（2023-03-31）を過ぎています"));
    press(&mut s, KeyCode::End);
    let below = detail(&mut s, 80, 24);
    assert!(below.contains("役職定年はありません（60歳定年の世代）"), "{below}");
}
