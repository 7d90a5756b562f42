//! The Will-Can-Must page of the workshop view through the real key table: writing each
//! pane's own words (several lines), clearing them with the question and undo, what the
//! plan file holds afterwards, and what the panes show at 80×24.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use std::path::Path;

use crossterm::event::KeyCode;
use michi::i18n::Lang;
use michi::model::WillCanMust;
use michi::tui::action::Action;
use michi::tui::shell::Files;
use michi::tui::state::{Overlay, Pending, State, WcmPane, WorkshopPage};
use michi::tui::update::{Effect, update};
use tui_common::{ctrl, open_persona, press, screen, state, typed};

/// 入間 健 on the Will-Can-Must page.
fn on_the_page() -> State {
    let mut s = state(Lang::Ja);
    open_persona(&mut s, "iruma-shunin-to-kacho");
    to_the_page(&mut s);
    s
}

fn to_the_page(s: &mut State) {
    press(s, KeyCode::Char('9'));
    for _ in 0..WorkshopPage::ALL.len() {
        if s.doc.as_ref().unwrap().workshop_page == WorkshopPage::Wcm {
            return;
        }
        press(s, KeyCode::Char(']'));
    }
    panic!("no Will-Can-Must page");
}

fn wcm(s: &State) -> &WillCanMust {
    &s.doc.as_ref().unwrap().plan.wcm
}

fn pane(s: &State) -> WcmPane {
    s.doc.as_ref().unwrap().wcm.pane
}

/// Enter, the lines typed with Enter between them, Ctrl-S.
fn write(s: &mut State, lines: &[&str]) -> Vec<Effect> {
    press(s, KeyCode::Enter);
    assert!(matches!(s.overlay, Some(Overlay::Editor(_))), "the editor opened");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            press(s, KeyCode::Enter);
        }
        typed(s, line);
    }
    let fx = ctrl(s, 's');
    assert!(s.overlay.is_none(), "the editor closed: {:?}", s.status);
    fx
}

#[test]
fn each_pane_takes_its_own_words_in_several_lines() {
    let mut s = on_the_page();
    assert_eq!(pane(&s), WcmPane::Will);
    let fx = write(&mut s, &["窓口のデジタル化を進めたい", "子育て世代の役に立ちたい"]);
    // A sample keeps its edits in a recovery draft.
    assert!(fx.iter().any(|e| matches!(e, Effect::WriteDraft { .. })), "{fx:?}");
    press(&mut s, KeyCode::Down);
    assert_eq!(pane(&s), WcmPane::Can);
    write(&mut s, &["税務と福祉の両方の窓口経験"]);
    press(&mut s, KeyCode::Down);
    write(&mut s, &["係員の育成", "介護が始まる親の見守り"]);
    // ↓ stops at Must; ↑ goes back.
    press(&mut s, KeyCode::Down);
    assert_eq!(pane(&s), WcmPane::Must);
    let w = wcm(&s);
    assert_eq!(
        w.will.as_deref(),
        Some("窓口のデジタル化を進めたい\n子育て世代の役に立ちたい")
    );
    assert_eq!(w.can.as_deref(), Some("税務と福祉の両方の窓口経験"));
    assert_eq!(w.must.as_deref(), Some("係員の育成\n介護が始まる親の見守り"));
    // Enter again opens the editor on the words already written.
    press(&mut s, KeyCode::Up);
    press(&mut s, KeyCode::Enter);
    match &s.overlay {
        Some(Overlay::Editor(editor)) => assert_eq!(editor.input.text(), "税務と福祉の両方の窓口経験"),
        other => panic!("the editor: {other:?}"),
    }
    press(&mut s, KeyCode::Esc);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("税務と福祉の両方の窓口経験"), "{text}");
    // Closed panes show their words' first line (…: more lines), then what Michi found;
    // Will is the participant's alone.
    assert!(text.contains("│窓口のデジタル化を進めたい …   "), "{text}");
    assert!(text.contains("│係員の育成 …｜課長級 の要件◎ 6件"), "{text}");
}

#[test]
fn clearing_asks_first_and_undo_brings_the_words_back() {
    let mut s = on_the_page();
    press(&mut s, KeyCode::Down);
    write(&mut s, &["人前で話すこと"]);
    // Anything but y keeps the words.
    press(&mut s, KeyCode::Char('x'));
    match &s.overlay {
        Some(Overlay::Confirm { pending, question }) => {
            assert_eq!(*pending, Pending::WcmWords(WcmPane::Can));
            assert!(question.get(Lang::Ja).contains("人前で話すこと"), "{question:?}");
        }
        other => panic!("a question: {other:?}"),
    }
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(wcm(&s).can.as_deref(), Some("人前で話すこと"));
    press(&mut s, KeyCode::Delete);
    let fx = press(&mut s, KeyCode::Char('y'));
    assert!(!fx.is_empty(), "the change is written");
    assert_eq!(wcm(&s).can, None);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("消しました（u で元に戻す）"), "{text}");
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(wcm(&s).can.as_deref(), Some("人前で話すこと"));
    // An empty editor clears too, and is undone the same way.
    press(&mut s, KeyCode::Enter);
    ctrl(&mut s, 'u');
    ctrl(&mut s, 's');
    assert_eq!(wcm(&s).can, None);
    press(&mut s, KeyCode::Char('u'));
    assert_eq!(wcm(&s).can.as_deref(), Some("人前で話すこと"));
    // Nothing to clear: said, and no question.
    press(&mut s, KeyCode::Up);
    press(&mut s, KeyCode::Char('x'));
    assert!(s.overlay.is_none());
    let said = s.status.as_ref().unwrap().text.get(Lang::Ja).to_string();
    assert!(said.contains("まだありません"), "{said}");
}

/// Carries out effects as the shell would, reporting each outcome back.
fn run(files: &mut Files, s: &mut State, fx: Vec<Effect>) {
    for effect in fx {
        if let Some(outcome) = files.carry_out(s, effect) {
            let more = update(s, Action::Done(Box::new(outcome)));
            run(files, s, more);
        }
    }
}

fn read_plan(path: &Path) -> michi::model::Plan {
    let catalog = michi::store::Catalog::load(None, Lang::Ja);
    let bytes = std::fs::read(path).unwrap();
    michi::store::parse_plan("plan.toml", &bytes, &catalog, Lang::Ja).unwrap()
}

#[test]
fn the_plan_file_keeps_the_words_and_loses_them_only_when_cleared() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("iruma.toml");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("tests/fixtures/plans/interview.toml"), &path).unwrap();
    let mut files = Files::in_dir(data.path());
    let mut s = state(Lang::Ja);
    let fx = update(&mut s, Action::OpenPath(path.clone()));
    run(&mut files, &mut s, fx);
    assert!(s.doc.is_some(), "opened: {:?}", s.status);
    to_the_page(&mut s);

    let fx = write(&mut s, &["市民と一緒に考える仕事", "\"引用\" と [角括弧] も"]);
    run(&mut files, &mut s, fx);
    press(&mut s, KeyCode::End);
    let fx = write(&mut s, &["係長として後輩を育てる"]);
    run(&mut files, &mut s, fx);
    let on_disk = read_plan(&path);
    assert_eq!(
        on_disk.wcm.will.as_deref(),
        Some("市民と一緒に考える仕事\n\"引用\" と [角括弧] も")
    );
    assert_eq!(on_disk.wcm.must.as_deref(), Some("係長として後輩を育てる"));
    assert_eq!(on_disk.wcm.can, None);
    assert!(std::fs::read_to_string(&path).unwrap().contains("[wcm]"));

    press(&mut s, KeyCode::Char('x'));
    let fx = press(&mut s, KeyCode::Char('y'));
    run(&mut files, &mut s, fx);
    assert_eq!(read_plan(&path).wcm.must, None);
    let fx = press(&mut s, KeyCode::Char('u'));
    run(&mut files, &mut s, fx);
    assert_eq!(read_plan(&path).wcm.must.as_deref(), Some("係長として後輩を育てる"));
    // The rest of the file is as it was.
    let before = read_plan(&root.join("tests/fixtures/plans/interview.toml"));
    let after = read_plan(&path);
    assert_eq!(after.interviews, before.interviews);
    assert_eq!(after.self_assessment, before.self_assessment);
}

#[test]
fn at_80x24_the_selected_pane_opens_and_scrolls_and_the_others_keep_a_line() {
    let mut s = on_the_page();
    press(&mut s, KeyCode::Down);
    let text = screen(&mut s, 80, 24);
    // Can is open: the strongest competencies with the level's words on the assumed scale.
    assert!(text.contains("・コミュニケーション能力 4 指導*（1〜5）"), "{text}");
    assert!(text.contains("PgDn 続き"), "{text}");
    // Must is closed: one line that counts what it holds.
    assert!(text.contains("課長級 の要件◎ 6件（差あり 6）"), "{text}");
    // Scrolled to the end: the roles section, its source and the page's end.
    for _ in 0..5 {
        press(&mut s, KeyCode::PageDown);
    }
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("できている役割（本人のチェック）"), "{text}");
    assert!(text.contains("PgUp 前"), "{text}");
    assert!(!text.contains("PgDn 続き"), "{text}");
    // The first PgUp after overshooting already moves back.
    press(&mut s, KeyCode::PageUp);
    assert_ne!(screen(&mut s, 80, 24), text);
    // Another pane starts at its top.
    press(&mut s, KeyCode::Down);
    let text = screen(&mut s, 80, 24);
    assert!(text.contains("目標 課長級 で特に求められる能力（◎）"), "{text}");
    // Home goes back to Will.
    press(&mut s, KeyCode::Home);
    assert_eq!(pane(&s), WcmPane::Will);
}

#[test]
fn a_ticked_role_shows_under_can_and_the_next_grades_roles_under_must() {
    let mut s = on_the_page();
    // Tick 課長級's first role on the Roles view.
    press(&mut s, KeyCode::Char('6'));
    press(&mut s, KeyCode::Char(' '));
    to_the_page(&mut s);
    press(&mut s, KeyCode::Down);
    for _ in 0..3 {
        press(&mut s, KeyCode::PageDown);
    }
    let text = screen(&mut s, 120, 40);
    assert!(text.contains("・課長級 1. "), "{text}");
    assert!(
        text.contains("次の職級 副主幹・主査級 で新たに加わる基本的な職務行動"),
        "{text}"
    );
    assert!(
        text.contains("出典: 入間 III-3(2) 各階層で特に求められる能力"),
        "{text}"
    );
}

#[test]
fn a_click_selects_a_pane() {
    let mut s = on_the_page();
    screen(&mut s, 80, 24);
    let hits = {
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        let mut hits = None;
        terminal.draw(|f| hits = Some(michi::tui::view::draw(f, &s))).unwrap();
        hits.unwrap()
    };
    // The last line of the screen's body: Must's closed pane.
    let hit = (0..24).rev().find_map(|row| hits.at(10, row).cloned()).unwrap();
    update(&mut s, Action::Click(hit));
    assert_eq!(pane(&s), WcmPane::Must);
    assert!(s.overlay.is_none(), "a click selects, Enter writes");
}
