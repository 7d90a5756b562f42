//! The compare screen through the real key table: two plans chosen from the start screen
//! (first, then second), the open plan under another city's profile with the mapping report
//! a key away, scrolling, and back — the plan untouched.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::tui::action::{Action, Command};
use michi::tui::keymap::Scope;
use michi::tui::state::{ComparePage, Hit, Overlay, State};
use michi::tui::update::{Effect, scopes, update};
use tui_common::{carry_out, open_persona, press, screen, state, typed};

/// `C` on the start screen, the first sample then the fourth of those left (川越's 保育主任).
fn compare_two_samples(s: &mut State) {
    press(s, KeyCode::Char('C'));
    assert!(matches!(s.overlay, Some(Overlay::Picker(_))), "a picker of plans");
    press(s, KeyCode::Down);
    press(s, KeyCode::Enter);
    let Some(Overlay::Picker(second)) = &s.overlay else {
        panic!("the second plan is asked for next");
    };
    assert!(second.title.contains("2/2"), "{}", second.title);
    assert_eq!(
        second.items.len(),
        michi::store::personas::PERSONAS.len() - 1,
        "every sample but the first chosen"
    );
    typed(s, "hoiku-shunin");
    let effects = press(s, KeyCode::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::ReadCompare { .. }]),
        "{effects:?}"
    );
    carry_out(s, effects);
}

#[test]
fn two_plans_chosen_on_the_start_screen_are_compared_side_by_side() {
    let mut s = state(Lang::Ja);
    compare_two_samples(&mut s);
    let compare = s.compare.as_ref().expect("the compare screen is open");
    assert!(compare.mapping.is_none());
    assert_eq!(compare.comparison.left.person.as_deref(), Some("入間 健"));
    assert_eq!(compare.comparison.right.city, "川越市");
    assert_eq!(scopes(&s), [Scope::Always, Scope::Global, Scope::Compare]);

    // 120 columns: two columns, both names on the heading line, readiness side by side.
    let wide = screen(&mut s, 120, 40);
    let heading = wide.lines().find(|l| l.contains("A: 入間 健")).unwrap();
    assert!(heading.contains("B: 川越 由紀 — 川越市・保育職"), "{wide}");
    let ready = wide.lines().find(|l| l.contains("本人 52/100")).unwrap();
    assert!(ready.contains("│ —（この職級に求める段階の定めなし）"), "{wide}");

    // 80 columns: stacked, A above B, scrolled to the readiness.
    let narrow = screen(&mut s, 80, 24);
    assert!(narrow.contains("│A 現在: 主任級"), "{narrow}");
    assert!(narrow.contains("│B 現在: 保育主任"), "{narrow}");
    while !screen(&mut s, 80, 24).contains("■ 目標の職級への準備度") {
        let before = s.compare.as_ref().unwrap().scroll;
        press(&mut s, KeyCode::Down);
        assert_ne!(s.compare.as_ref().unwrap().scroll, before, "scrolling stopped short");
    }
    press(&mut s, KeyCode::PageDown);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("A 課長級") && text.contains("本人 52/100"), "{text}");

    // m has no mapping to show for two plans, and says so.
    press(&mut s, KeyCode::Char('m'));
    assert_eq!(s.compare.as_ref().unwrap().page, ComparePage::Sides);
    assert!(s.status.as_ref().unwrap().text.ja.contains("対応づけはありません"));

    press(&mut s, KeyCode::Esc);
    assert!(s.compare.is_none() && s.doc.is_none(), "back on the start screen");
    assert!(screen(&mut s, 80, 24).contains("サンプルの人物像"));
}

#[test]
fn scrolling_stops_at_the_end_so_one_key_up_moves_back() {
    let mut s = state(Lang::Ja);
    compare_two_samples(&mut s);
    s.size = (80, 24);
    press(&mut s, KeyCode::End);
    let last = s.compare.as_ref().unwrap().scroll;
    assert!(last > 0);
    for _ in 0..5 {
        press(&mut s, KeyCode::Down);
        press(&mut s, KeyCode::PageDown);
    }
    assert_eq!(s.compare.as_ref().unwrap().scroll, last, "no further than the end");
    press(&mut s, KeyCode::Up);
    assert_eq!(s.compare.as_ref().unwrap().scroll, last - 1);
    assert!(screen(&mut s, 80, 24).contains("■ ローテーション"));
    press(&mut s, KeyCode::Home);
    assert_eq!(s.compare.as_ref().unwrap().scroll, 0);
    // Clicks land on nothing while the comparison is shown.
    update(
        &mut s,
        Action::Click(Hit::Start(michi::tui::state::StartKey::New("iruma".into()))),
    );
    assert!(s.compare.is_some() && s.doc.is_none());
}

#[test]
fn the_open_plan_under_another_citys_profile_with_the_mapping_a_key_away() {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    let before = s.doc.as_ref().unwrap().plan.clone();
    press(&mut s, KeyCode::Char('C'));
    let Some(Overlay::Picker(picker)) = &s.overlay else {
        panic!("a picker of cities");
    };
    assert_eq!(picker.items.len(), 4, "every other city");
    typed(&mut s, "上越");
    press(&mut s, KeyCode::Enter);
    let compare = s.compare.as_ref().expect("the compare screen is open");
    let mapping = compare.mapping.as_ref().expect("a mapping report");
    assert_eq!(
        (mapping.from_city.as_str(), mapping.to_city.as_str()),
        ("入間市", "上越市")
    );
    assert_eq!(compare.comparison.right.grade_name, "主任");

    let text = screen(&mut s, 80, 24);
    assert!(text.contains("B: 入間 健 — 上越市・一般行政職"), "{text}");
    assert!(text.contains("写せなかったもの: 能力 16 件"), "{text}");
    assert!(text.contains("m 対応づけ"), "the key is hinted:\n{text}");

    press(&mut s, KeyCode::Char('m'));
    assert_eq!(s.compare.as_ref().unwrap().page, ComparePage::Mapping);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("対応づけ: 入間市 → 上越市"), "{text}");
    assert!(text.contains("現在の職級: 主任級（下から2番目）→ 主任"), "{text}");
    press(&mut s, KeyCode::End);
    let end = screen(&mut s, 80, 24);
    assert!(end.contains("写せなかったもの:"), "{end}");
    assert!(
        end.contains("・能力 16 件（上越市に同じ名前・別名の能力なし）"),
        "{end}"
    );

    press(&mut s, KeyCode::Esc);
    assert_eq!(
        s.compare.as_ref().unwrap().page,
        ComparePage::Sides,
        "Esc leaves the mapping first"
    );
    press(&mut s, KeyCode::Char('q'));
    assert!(s.compare.is_none(), "then the comparison");
    let doc = s.doc.as_ref().expect("the plan is still open");
    assert_eq!(doc.plan, before, "comparing never edits the plan");
    assert!(!screen(&mut s, 80, 24).contains("比較"));
}

#[test]
fn the_palette_offers_the_compare_screens_commands_and_help_stays_reachable() {
    let mut s = state(Lang::En);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    update(&mut s, Action::Command(Command::Compare));
    typed(&mut s, "Kawagoe");
    press(&mut s, KeyCode::Enter);
    assert!(s.compare.is_some());
    press(&mut s, KeyCode::Char('/'));
    let Some(Overlay::Picker(palette)) = &s.overlay else {
        panic!("the palette");
    };
    let labels: Vec<&str> = palette.items.iter().map(|i| i.label.as_str()).collect();
    assert!(labels.iter().any(|l| l.starts_with("Mapping report")), "{labels:?}");
    assert!(
        !labels.iter().any(|l| l.starts_with("Save")),
        "no plan commands: {labels:?}"
    );
    typed(&mut s, "Mapping");
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.compare.as_ref().unwrap().page, ComparePage::Mapping);
    press(&mut s, KeyCode::Char('?'));
    assert!(matches!(s.overlay, Some(Overlay::Help { .. })));
    let help = screen(&mut s, 120, 40);
    assert!(help.contains("Help"), "{help}");
    press(&mut s, KeyCode::Esc);
    assert!(
        s.overlay.is_none() && s.compare.is_some(),
        "help closes back to the comparison"
    );
}

#[test]
fn no_size_panics_and_every_line_fits_in_both_layouts_and_languages() {
    for lang in [Lang::Ja, Lang::En] {
        for ascii in [false, true] {
            let mut s = state(lang);
            s.ui.ascii = ascii;
            open_persona(&mut s, "akishima-gino-to-ginocho");
            update(&mut s, Action::Command(Command::Compare));
            typed(&mut s, "iruma");
            press(&mut s, KeyCode::Enter);
            assert!(s.compare.is_some());
            for page in [ComparePage::Sides, ComparePage::Mapping] {
                s.compare.as_mut().unwrap().page = page;
                for (w, h) in [
                    (0, 0),
                    (1, 1),
                    (10, 3),
                    (79, 23),
                    (80, 22),
                    (80, 24),
                    (99, 30),
                    (100, 30),
                    (300, 10),
                    (10, 300),
                ] {
                    s.compare.as_mut().unwrap().scroll = usize::MAX / 2;
                    let rows = tui_common::render(&mut s, w, h);
                    assert_eq!(rows.len(), usize::from(h));
                    for row in &rows {
                        assert!(michi::text::width(row) <= usize::from(w), "{w}x{h}: {row}");
                    }
                }
            }
        }
    }
}
