//! The terminal app drawn into ratatui's TestBackend: every screen at 80×24 and 120×40 with
//! Japanese content, a sweep of sizes that must never panic, and the interactions a user
//! relies on (levels, marking trainings, saving, refusing to touch a broken file).
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::Catalog;
use michi::tui::action::{Action, View};
use michi::tui::app::{App, Overlay};
use michi::tui::theme::ThemeKind;
use michi::tui::{handle_key, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_in(plans: &Path, lang: Lang) -> App {
    App::new(
        Catalog::load(None, lang),
        lang,
        ThemeKind::Default,
        false,
        true,
        Date::parse("2026-11-21").unwrap(),
        Some(plans.to_path_buf()),
    )
}

/// Opens the sample persona `name` from the start screen, as a user would.
fn open_persona(app: &mut App, name: &str) {
    let index = michi::store::personas::PERSONAS
        .iter()
        .position(|(n, _)| *n == name)
        .unwrap();
    let items = app.start_items();
    let pos = items
        .iter()
        .position(|i| *i == michi::tui::app::StartItem::Persona(index))
        .unwrap();
    for _ in 0..pos {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert!(app.doc.is_some(), "persona opened");
}

/// The screen as text, one string per row (wide characters occupy their first cell).
fn render(app: &mut App, width: u16, height: u16) -> Vec<String> {
    app.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += michi::text::width(symbol).max(1) as u16;
            }
            line
        })
        .collect()
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    render(app, width, height).join("\n")
}

fn key(app: &mut App, code: KeyCode) {
    handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn start_screen_lists_municipalities_personas_and_saved_plans() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), "schema_version = \"x\"\n").unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    let text = screen(&mut app, 80, 24);
    for words in [
        "新しい計画を作る",
        "上尾市 Ageo",
        "入間市 Iruma",
        "川越市",
        "昭島市",
        "上越市",
        "サンプルの人物像",
        "broken.toml",
        "問題があるため開けません",
    ] {
        assert!(text.contains(words), "missing {words} in\n{text}");
    }
    // Opening the broken plan shows why and leaves the file alone.
    app.update(Action::Open);
    assert!(matches!(app.overlay, Some(Overlay::Message { .. })));
    assert!(app.doc.is_none());
    assert!(screen(&mut app, 80, 24).contains("broken.toml:1:"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.toml")).unwrap(),
        "schema_version = \"x\"\n"
    );
}

#[test]
fn every_view_shows_its_content_at_80x24_and_120x40() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "iruma-shunin-to-kacho");
    let expectations: [(View, &[&str]); 5] = [
        (
            View::Situation,
            &["基本情報", "入間 健", "1988-09-20", "主任級", "自己評価"],
        ),
        (
            View::Path,
            &["昇任の道筋", "主幹級", "2027（令和9年度）", "役職定年", "職級の違い"],
        ),
        (View::Gaps, &["準備度 53/100", "組織管理能力", "◎", "出典"]),
        (View::Trainings, &["研修計画", "コーチング研修", "予定", "受講済み"]),
        (View::Rotation, &["配属の推移", "企画部門", "次の配属の候補", "事業系"]),
    ];
    for (view, words) in expectations {
        app.update(Action::Go(view));
        for (w, h) in [(80, 24), (120, 40)] {
            let text = screen(&mut app, w, h);
            for word in words {
                assert!(text.contains(word), "{view:?} at {w}x{h}: missing {word} in\n{text}");
            }
            assert!(text.contains("▶"), "{view:?} at {w}x{h}: selection marker");
        }
    }
}

#[test]
fn english_labels_and_profile_text_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::En);
    open_persona(&mut app, "joetsu-shuji-second-year");
    app.update(Action::Go(View::Gaps));
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("Gaps for 係長") && text.contains("readiness"), "{text}");
    app.update(Action::ToggleLang);
    assert!(screen(&mut app, 120, 40).contains("目標 係長 との差"));
}

#[test]
fn below_the_minimum_size_it_asks_for_a_bigger_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    let text = screen(&mut app, 79, 24);
    assert!(text.contains("80×24 以上に広げてください"), "{text}");
    let text = screen(&mut app, 80, 23);
    assert!(text.contains("広げてください"), "{text}");
}

#[test]
fn no_size_and_no_overlay_ever_panics() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "akishima-gino-to-ginocho");
    let sizes: Vec<(u16, u16)> = [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (79, 23),
        (80, 24),
        (81, 25),
        (200, 60),
        (300, 10),
        (10, 300),
    ]
    .into_iter()
    .chain(
        (0..=130)
            .step_by(13)
            .flat_map(|w| (0..=45).step_by(5).map(move |h| (w, h))),
    )
    .collect();
    let overlays: [Option<Action>; 4] = [None, Some(Action::Help), Some(Action::Palette), Some(Action::Add)];
    for view in View::ALL {
        for overlay in overlays {
            app.overlay = None;
            app.update(Action::Go(view));
            if let Some(action) = overlay {
                app.update(action);
            }
            for &(w, h) in &sizes {
                render(&mut app, w, h);
            }
        }
    }
    // The start screen too.
    app.overlay = None;
    app.doc = None;
    for &(w, h) in &sizes {
        render(&mut app, w, h);
    }
}

#[test]
fn full_width_columns_line_up_in_the_gap_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "iruma-shunin-to-kacho");
    app.update(Action::Go(View::Gaps));
    let rows = render(&mut app, 120, 40);
    // Display column of the emphasis mark on every competency row.
    let columns: Vec<usize> = rows
        .iter()
        .filter(|r| r.contains('◎') && r.contains('*') && !r.contains("特に求められる"))
        .map(|r| michi::text::width(&r[..r.find('◎').unwrap()]))
        .collect();
    assert!(columns.len() >= 6);
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "{columns:?}\n{}",
        rows.join("\n")
    );
    // Long names end in "…" rather than being cut mid-character.
    app.update(Action::Go(View::Situation));
    let narrow = render(&mut app, 80, 24).join("\n");
    assert!(narrow.contains("…"), "{narrow}");
}

#[test]
fn raising_a_level_updates_gap_and_readiness_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "iruma-shunin-to-kacho");
    app.update(Action::Go(View::Gaps));
    let before = app.doc.as_ref().unwrap().analysis.target.readiness.unwrap();
    key(&mut app, KeyCode::Char('+'));
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(doc.plan.self_assessment["soshiki_kanri"], 3);
    assert!(doc.analysis.target.readiness.unwrap() > before);
    assert!(doc.dirty);
    assert!(screen(&mut app, 120, 40).contains("未保存"));
}

#[test]
fn marking_a_training_done_moves_it_and_changes_the_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "iruma-shunin-to-kacho");
    app.update(Action::Go(View::Trainings));
    let first = app.doc.as_ref().unwrap().analysis.trainings[0].id.clone();
    key(&mut app, KeyCode::Char('d'));
    let doc = app.doc.as_ref().unwrap();
    assert!(doc.plan.completed_trainings.contains(&first));
    assert!(
        !doc.plan.planned_trainings.contains(&first),
        "done is no longer planned"
    );
    assert!(
        doc.analysis.trainings.iter().all(|s| s.id != first),
        "a completed training is not suggested"
    );
    // Planned toggles on the next suggestion.
    let next = doc.analysis.trainings[0].id.clone();
    key(&mut app, KeyCode::Char('p'));
    assert!(app.doc.as_ref().unwrap().plan.planned_trainings.contains(&next));
}

#[test]
fn saving_writes_a_private_file_that_reloads_and_later_edits_autosave() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    let mut app = app_in(&plans, Lang::Ja);
    open_persona(&mut app, "joetsu-shuji-second-year");
    app.update(Action::Go(View::Gaps));
    key(&mut app, KeyCode::Char('+'));
    handle_key(&mut app, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let path = plans.join("joetsu-shuji-second-year.toml");
    assert!(path.exists(), "{:?}", app.status);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&plans).unwrap().permissions().mode() & 0o777, 0o700);
    }
    let catalog = Catalog::load(None, Lang::Ja);
    let saved = michi::store::load_plan_file(&path, &catalog, Lang::Ja).unwrap();
    assert_eq!(saved, app.doc.as_ref().unwrap().plan);
    // From now on every edit is saved as it is made.
    key(&mut app, KeyCode::Char('+'));
    let again = michi::store::load_plan_file(&path, &catalog, Lang::Ja).unwrap();
    assert_eq!(again, app.doc.as_ref().unwrap().plan);
    assert!(!app.doc.as_ref().unwrap().dirty);
    // Saving the same persona again never replaces the first file.
    let mut other = app_in(&plans, Lang::Ja);
    open_persona(&mut other, "joetsu-shuji-second-year");
    other.update(Action::Save);
    assert!(plans.join("joetsu-shuji-second-year-2.toml").exists());
}

#[test]
fn a_failed_save_keeps_the_plan_and_offers_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, "").unwrap();
    let mut app = app_in(&blocker.join("plans"), Lang::En);
    open_persona(&mut app, "joetsu-shuji-second-year");
    app.update(Action::Save);
    assert!(matches!(app.overlay, Some(Overlay::Prompt { .. })), "save-as offered");
    assert!(screen(&mut app, 100, 30).contains("cannot save"));
    assert!(app.doc.is_some(), "the app keeps working");
}

#[test]
fn quitting_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "joetsu-shuji-second-year");
    app.update(Action::Go(View::Gaps));
    key(&mut app, KeyCode::Char('+'));
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit);
    assert!(screen(&mut app, 80, 24).contains("保存していない変更があります"));
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit && app.overlay.is_none());
    key(&mut app, KeyCode::Char('q'));
    key(&mut app, KeyCode::Char('y'));
    assert!(app.should_quit);
}

#[test]
fn an_edit_that_breaks_the_plan_is_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::En);
    open_persona(&mut app, "joetsu-shuji-second-year");
    // Birth date field (the row below the name): type a date after the hire date.
    app.update(Action::Down);
    app.update(Action::Open);
    for _ in 0..12 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in "2030-01-01".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.overlay, Some(Overlay::Prompt { error: Some(_), .. })));
    assert_eq!(app.doc.as_ref().unwrap().plan.birth_date.to_string(), "2002-06-15");
    let text = screen(&mut app, 100, 30);
    assert!(text.contains("`hire_date` comes before `birth_date`"), "{text}");
}

#[test]
fn help_is_generated_from_the_key_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "joetsu-shuji-second-year");
    key(&mut app, KeyCode::Char('?'));
    let text = screen(&mut app, 160, 60);
    for b in michi::tui::keymap::BINDINGS {
        assert!(text.contains(b.ja), "help lacks {}", b.ja);
    }
}

#[test]
fn the_palette_finds_japanese_and_romaji_and_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "iruma-shunin-to-kacho");
    for query in ["交渉", "kosho"] {
        key(&mut app, KeyCode::Char('/'));
        for c in query.chars() {
            key(&mut app, KeyCode::Char(c));
        }
        assert!(screen(&mut app, 120, 40).contains("交渉・調整能力"), "{query}");
        key(&mut app, KeyCode::Enter);
        assert_eq!(app.view, View::Gaps);
        let doc = app.doc.as_ref().unwrap();
        let row = app.gap_rows()[app.gaps_row];
        assert_eq!(doc.analysis.target.gaps[row].competency, "kosho_chosei");
        app.update(Action::Go(View::Situation));
    }
}

#[test]
fn postings_can_be_added_through_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    open_persona(&mut app, "joetsu-shuji-second-year");
    key(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.overlay, Some(Overlay::Form(_))));
    // Department: the second choice (after free text).
    for _ in 0..2 {
        key(&mut app, KeyCode::Right);
    }
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in "2027-04-01".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    // The current posting must end first: the form says so and stays open.
    assert!(matches!(app.overlay, Some(Overlay::Form(ref f)) if f.error.is_some()));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.doc.as_ref().unwrap().plan.assignments.len(), 1);
}

#[test]
fn the_readme_lists_every_key() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for b in michi::tui::keymap::BINDINGS {
        let row = format!("| `{}` | {} | {} |", b.keys.replace('|', "\\|"), b.ja, b.en);
        assert!(readme.contains(&row), "README lacks the key row {row}");
    }
}

#[test]
fn clicks_switch_tabs_select_rows_and_open_the_selected_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path(), Lang::Ja);
    let rows = render(&mut app, 100, 30);
    // Click a persona line on the start screen: selected; click again: opened.
    let y = rows.iter().position(|r| r.contains("主任級（5年目）")).unwrap() as u16;
    michi::tui::click(&mut app, 10, y);
    assert!(app.doc.is_none());
    michi::tui::click(&mut app, 10, y);
    assert_eq!(app.doc.as_ref().unwrap().plan.name.as_deref(), Some("入間 健"));
    // The tab line: click on 「能力の差」.
    let rows = render(&mut app, 100, 30);
    let tabs = &rows[1];
    let x = michi::text::width(&tabs[..tabs.find("能力の差").unwrap()]) as u16;
    michi::tui::click(&mut app, x + 1, 1);
    assert_eq!(app.view, View::Gaps);
    // A gap row.
    let rows = render(&mut app, 100, 30);
    let y = rows.iter().position(|r| r.contains("危機管理能力")).unwrap() as u16;
    michi::tui::click(&mut app, 10, y);
    let doc = app.doc.as_ref().unwrap();
    assert_eq!(
        doc.analysis.target.gaps[app.gap_rows()[app.gaps_row]].competency,
        "kiki_kanri"
    );
}
