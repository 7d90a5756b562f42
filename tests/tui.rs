//! The terminal app drawn into ratatui's TestBackend, with the shell's file handling over a
//! temporary data folder: every screen at 80×24 and 120×40, a sweep of sizes that must
//! never panic, and what a user relies on (levels, trainings, saving, refusing to touch a
//! broken file, clicks).
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

mod tui_common;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use michi::i18n::Lang;
use michi::store::Catalog;
use michi::tui::action::{Action, Command, View};
use michi::tui::shell::{Files, action_for, dispatch};
use michi::tui::state::{Overlay, StartKey, State, gap_rows};
use michi::tui::view::HitMap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui_common::{TODAY, render};

/// The app with its file handling, over a temporary data folder.
struct App {
    state: State,
    files: Files,
    hits: HitMap,
    dir: tempfile::TempDir,
}

impl App {
    fn new(lang: Lang) -> App {
        let dir = tempfile::tempdir().unwrap();
        let mut state = tui_common::state(lang);
        let mut files = Files::in_dir(dir.path());
        files.start(&mut state);
        App {
            state,
            files,
            hits: HitMap::default(),
            dir,
        }
    }

    fn plans(&self) -> PathBuf {
        self.dir.path().join("plans")
    }

    fn act(&mut self, action: Action) {
        dispatch(&mut self.state, &mut self.files, action);
    }

    fn command(&mut self, command: Command) {
        self.act(Action::Command(command));
    }

    fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        let event = crossterm::event::Event::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = action_for(&self.state, event, &self.hits) {
            self.act(action);
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let event = crossterm::event::Event::Mouse(crossterm::event::MouseEvent {
            kind: crossterm::event::MouseEventKind::Down(crossterm::event::MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
        if let Some(action) = action_for(&self.state, event, &self.hits) {
            self.act(action);
        }
    }

    /// Renders, keeping the hit map as the real loop does.
    fn render(&mut self, width: u16, height: u16) -> Vec<String> {
        self.state.size = (width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut hits = HitMap::default();
        terminal
            .draw(|f| hits = michi::tui::view::draw(f, &self.state))
            .unwrap();
        self.hits = hits;
        render(&mut self.state, width, height)
    }

    fn screen(&mut self, width: u16, height: u16) -> String {
        self.render(width, height).join("\n")
    }

    fn open_row(&mut self, key: StartKey) {
        tui_common::open_start_row(&mut self.state, key.clone());
        // open_start_row runs update alone: carry out what it asked for.
        if let StartKey::Saved(path) = key {
            self.act(Action::OpenPath(path));
        }
    }

    /// Selects a start-screen row without opening it.
    fn open_row_only(&mut self, key: StartKey) {
        let rows = michi::tui::state::start_rows(&self.state.start, &self.state.catalog);
        self.state.start.selected.select_key(&rows, key);
    }

    fn open_persona(&mut self, name: &'static str) {
        self.open_row(StartKey::Persona(name));
        assert!(self.state.doc.is_some(), "persona {name} opened");
    }

    fn view(&self) -> View {
        self.state.doc.as_ref().unwrap().view
    }
}

#[test]
fn start_screen_lists_municipalities_personas_and_saved_plans() {
    let mut app = App::new(Lang::Ja);
    std::fs::create_dir_all(app.plans()).unwrap();
    std::fs::write(app.plans().join("broken.toml"), "schema_version = \"x\"\n").unwrap();
    app.command(Command::Quit);
    let mut app = App {
        state: tui_common::state(Lang::Ja),
        ..app
    };
    app.files.start(&mut app.state);
    let text = app.screen(80, 24);
    for words in [
        "新しい計画を作る",
        "上尾市 Ageo",
        "入間市 Iruma",
        "サンプルの人物像",
        "broken.toml",
        "問題があるため開けません",
    ] {
        assert!(text.contains(words), "missing {words} in\n{text}");
    }
    // Opening the broken plan shows why and leaves the file alone.
    let broken = app.plans().join("broken.toml");
    app.open_row(StartKey::Saved(broken.clone()));
    assert!(matches!(app.state.overlay, Some(Overlay::Message { .. })));
    assert!(app.state.doc.is_none());
    assert!(app.screen(80, 24).contains("broken.toml:1:"));
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "schema_version = \"x\"\n");
}

#[test]
fn every_view_shows_its_content_at_80x24_and_120x40() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    let expectations: [(View, &[&str]); 7] = [
        (
            View::Situation,
            &["基本情報", "入間 健", "1988-09-20", "主任級", "自己評価"],
        ),
        (
            View::Path,
            &["昇任の道筋", "主幹級", "2027（令和9年度）", "役職定年", "職級の違い"],
        ),
        (View::Gaps, &["準備度 52/100", "組織管理能力", "◎", "出典"]),
        (View::Trainings, &["研修計画", "コーチング研修", "予定", "受講済み"]),
        // 入間's document sets no rotation rule or department families (IV-1(3)).
        (
            View::Rotation,
            &[
                "配属の推移",
                "企画部門",
                "文書の記述",
                "ローテーションの規則を定めていません",
            ],
        ),
        // 課長級's 基本的な職務行動 as a checklist, and 入間's 目指す職員像 and measures.
        (
            View::Roles,
            &["目標 課長級", "本人 0/6", "[ ]", "市政の方針を踏まえて", "出典"],
        ),
        (View::Support, &["目指す職員像", "面談", "出典"]),
    ];
    for (view, words) in expectations {
        app.command(Command::Go(view));
        for (w, h) in [(80, 24), (120, 40), (80, 23)] {
            let text = app.screen(w, h);
            for word in words {
                assert!(text.contains(word), "{view:?} at {w}x{h}: missing {word} in\n{text}");
            }
            assert!(text.contains("▶"), "{view:?} at {w}x{h}: selection marker");
            if view == View::Rotation {
                assert!(
                    !text.contains("次の配属の候補"),
                    "no family borrowed to suggest:\n{text}"
                );
            }
        }
    }
}

#[test]
fn english_labels_and_profile_text_as_written() {
    let mut app = App::new(Lang::En);
    app.open_persona("joetsu-shuji-second-year");
    app.command(Command::Go(View::Gaps));
    let text = app.screen(120, 40);
    assert!(text.contains("Gaps for 係長") && text.contains("readiness"), "{text}");
    app.key(KeyCode::Char('L'));
    assert!(app.screen(120, 40).contains("目標 係長 との差"));
}

#[test]
fn below_the_minimum_size_it_asks_for_a_bigger_window_and_80x23_works() {
    let mut app = App::new(Lang::Ja);
    let text = app.screen(79, 24);
    assert!(text.contains("80×22 以上に広げてください"), "{text}");
    assert!(app.screen(80, 21).contains("広げてください"));
    assert!(!app.screen(80, 22).contains("広げてください"));
    assert!(app.screen(80, 23).contains("新しい計画を作る"));
}

#[test]
fn no_size_and_no_pop_up_ever_panics() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("akishima-gino-to-ginocho");
    let sizes: Vec<(u16, u16)> = [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (79, 23),
        (80, 22),
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
    let pop_ups: [Option<Command>; 5] = [
        None,
        Some(Command::Help),
        Some(Command::Palette),
        Some(Command::Add),
        Some(Command::EditEvidence),
    ];
    for view in View::ALL {
        for pop_up in pop_ups {
            app.state.overlay = None;
            app.state.size = (120, 40);
            app.command(Command::Go(view));
            if let Some(command) = pop_up {
                app.command(command);
            }
            for &(w, h) in &sizes {
                app.render(w, h);
            }
        }
    }
    app.state.overlay = None;
    app.state.doc = None;
    for &(w, h) in &sizes {
        app.render(w, h);
    }
}

#[test]
fn pop_ups_keep_their_borders_next_to_wide_characters() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    app.command(Command::Go(View::Gaps));
    app.key(KeyCode::Char('e'));
    for (w, h) in [(80, 24), (120, 40), (101, 33)] {
        let rows = app.render(w, h);
        let top = rows.iter().position(|r| r.contains("根拠:")).unwrap();
        let x = michi::text::width(&rows[top][..rows[top].find('┌').unwrap()]);
        for row in &rows[top..top + 5] {
            let prefix: String = row
                .chars()
                .scan(0, |acc, c| {
                    let here = *acc;
                    *acc += michi::text::width(&c.to_string());
                    Some((here, c))
                })
                .filter(|(at, _)| *at == x)
                .map(|(_, c)| c)
                .collect();
            assert!(prefix == "│" || prefix == "┌", "{w}x{h}: border broken in {row:?}");
        }
    }
}

#[test]
fn full_width_columns_line_up_in_the_gap_table() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    app.command(Command::Go(View::Gaps));
    let rows = app.render(120, 40);
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
    // At 80 columns the assessment heading keeps its name rather than a cut hint (its keys
    // are in the details pane of the rows under it).
    app.command(Command::Go(View::Situation));
    let screen = app.screen(80, 24);
    assert!(screen.contains("■ 自己評価 ") && !screen.contains("e で…"), "{screen}");
}

#[test]
fn raising_a_level_updates_gap_and_readiness_at_once() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    app.command(Command::Go(View::Gaps));
    let before = app.state.doc.as_ref().unwrap().analysis.target.readiness.unwrap();
    app.key(KeyCode::Char('+'));
    let doc = app.state.doc.as_ref().unwrap();
    assert_eq!(doc.plan.self_assessment["soshiki_kanri"], 3);
    assert!(doc.analysis.target.readiness.unwrap() > before);
    assert!(doc.unsaved());
    assert!(app.screen(120, 40).contains("未保存"));
}

#[test]
fn marking_a_training_done_follows_it_and_changes_the_gaps() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    app.command(Command::Go(View::Trainings));
    let first = app.state.doc.as_ref().unwrap().analysis.trainings[0].id.clone();
    app.key(KeyCode::Char('d'));
    let doc = app.state.doc.as_ref().unwrap();
    assert!(doc.plan.completed_trainings.contains(&first));
    assert!(
        !doc.plan.planned_trainings.contains(&first),
        "done is no longer planned"
    );
    assert!(
        doc.analysis.trainings.iter().all(|s| s.id != first),
        "a completed training is not suggested"
    );
    // d again on the same training (the selection followed it) undoes the mark.
    app.key(KeyCode::Char('d'));
    assert!(
        !app.state
            .doc
            .as_ref()
            .unwrap()
            .plan
            .completed_trainings
            .contains(&first)
    );
}

#[test]
fn saving_a_sample_writes_a_private_named_file_and_later_edits_autosave() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("joetsu-shuji-second-year");
    app.command(Command::Go(View::Gaps));
    app.key(KeyCode::Char('+'));
    app.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(
        matches!(app.state.overlay, Some(Overlay::Prompt(_))),
        "a sample asks for a name"
    );
    let stem = michi::store::data_dir::plan_file_stem("上越市", Some("高田 葵"));
    assert!(
        app.screen(100, 30).contains(&stem),
        "the name suggested is the city and the person"
    );
    app.key(KeyCode::Enter);
    let path = app.plans().join(format!("{stem}.toml"));
    assert!(
        path.exists(),
        "{:?} {:?}",
        app.state.status,
        std::fs::read_dir(app.plans()).map(|d| d.count())
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(
            std::fs::metadata(app.plans()).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }
    let catalog = Catalog::load(None, Lang::Ja);
    let saved = michi::store::load_plan_file(&path, &catalog, Lang::Ja).unwrap();
    assert_eq!(saved, app.state.doc.as_ref().unwrap().plan);
    assert!(!saved.sample, "the copy is the user's own plan");
    app.key(KeyCode::Char('+'));
    let again = michi::store::load_plan_file(&path, &catalog, Lang::Ja).unwrap();
    assert_eq!(again, app.state.doc.as_ref().unwrap().plan);
    assert!(!app.state.doc.as_ref().unwrap().unsaved());
}

#[test]
fn a_failed_save_keeps_the_plan_and_offers_save_as() {
    let mut app = App::new(Lang::En);
    let blocker = app.dir.path().join("not-a-directory");
    std::fs::write(&blocker, "").unwrap();
    app.files.plans_dir = Some(blocker.join("plans"));
    app.open_persona("joetsu-shuji-second-year");
    app.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    app.key(KeyCode::Enter);
    assert!(
        app.screen(100, 30).contains("Could not save"),
        "{}",
        app.screen(100, 30)
    );
    assert!(app.state.doc.is_some(), "the app keeps working");
}

#[test]
fn an_edit_that_breaks_the_plan_is_refused_with_the_reason() {
    let mut app = App::new(Lang::En);
    app.open_persona("joetsu-shuji-second-year");
    app.key(KeyCode::Down);
    app.key(KeyCode::Enter);
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.typed("2030-01-01");
    app.key(KeyCode::Enter);
    assert!(matches!(app.state.overlay, Some(Overlay::Prompt(ref p)) if p.error.is_some()));
    assert_eq!(
        app.state.doc.as_ref().unwrap().plan.birth_date.to_string(),
        "2002-06-15"
    );
}

#[test]
fn help_is_generated_from_the_key_table() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("joetsu-shuji-second-year");
    app.key(KeyCode::Char('?'));
    let mut text = String::new();
    for _ in 0..30 {
        text.push_str(&app.screen(160, 60));
        app.key(KeyCode::PageDown);
    }
    for b in michi::tui::keymap::BINDINGS {
        assert!(text.contains(b.ja), "help lacks {}", b.ja);
    }
}

#[test]
fn the_palette_finds_japanese_and_romaji_and_jumps() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    for query in ["交渉", "kosho"] {
        app.key(KeyCode::Char('/'));
        app.typed(query);
        assert!(app.screen(120, 40).contains("交渉・調整能力"), "{query}");
        app.key(KeyCode::Enter);
        assert_eq!(app.view(), View::Gaps);
        let doc = app.state.doc.as_ref().unwrap();
        assert_eq!(
            doc.selected.gaps.selected(&gap_rows(doc)).map(String::as_str),
            Some("kosho_chosei")
        );
        app.command(Command::Go(View::Situation));
    }
}

#[test]
fn postings_are_added_through_the_form_and_refused_with_the_reason() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("joetsu-shuji-second-year");
    app.key(KeyCode::Char('a'));
    assert!(matches!(app.state.overlay, Some(Overlay::Form(_))));
    app.key(KeyCode::Right);
    app.key(KeyCode::Right);
    for _ in 0..3 {
        app.key(KeyCode::Tab);
    }
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.typed("2027-04-01");
    app.key(KeyCode::Enter);
    // The current posting must end first: the form says so and stays open.
    assert!(matches!(app.state.overlay, Some(Overlay::Form(ref f)) if f.error.is_some()));
    app.key(KeyCode::Esc);
    assert_eq!(app.state.doc.as_ref().unwrap().plan.assignments.len(), 1);
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
    let mut app = App::new(Lang::Ja);
    let rows = app.render(100, 30);
    let y = rows.iter().position(|r| r.contains("主任級6年目")).unwrap() as u16;
    app.click(10, y);
    assert!(app.state.doc.is_none());
    app.click(10, y);
    assert_eq!(app.state.doc.as_ref().unwrap().plan.name.as_deref(), Some("入間 健"));
    let rows = app.render(100, 30);
    let tabs = &rows[1];
    // At 100 columns the seven tabs take their short titles.
    let x = michi::text::width(&tabs[..tabs.find("3 能力").unwrap()]) as u16;
    app.click(x + 1, 1);
    assert_eq!(app.view(), View::Gaps);
    let rows = app.render(100, 30);
    let y = rows.iter().position(|r| r.contains("危機管理能力")).unwrap() as u16;
    app.click(10, y);
    let doc = app.state.doc.as_ref().unwrap();
    assert_eq!(
        doc.selected.gaps.selected(&gap_rows(doc)).map(String::as_str),
        Some("kiki_kanri")
    );
}

#[test]
fn the_as_of_date_is_shown() {
    let mut app = App::new(Lang::Ja);
    assert!(app.screen(80, 24).contains(TODAY));
    app.state.today_fixed = true;
    assert!(app.screen(80, 24).contains(&format!("基準日 {TODAY}")));
}

#[test]
fn dates_are_taken_as_people_type_them_and_implausible_ones_refused() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    // 生年月日 is the row below 氏名.
    app.key(KeyCode::Down);
    app.key(KeyCode::Enter);
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.typed("昭和63年9月20日");
    app.key(KeyCode::Enter);
    assert!(app.state.overlay.is_none(), "{:?}", app.state.overlay);
    assert_eq!(
        app.state.doc.as_ref().unwrap().plan.birth_date.to_string(),
        "1988-09-20"
    );
    app.key(KeyCode::Enter);
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.typed("Ｓ６３．９．２１");
    app.key(KeyCode::Enter);
    assert_eq!(
        app.state.doc.as_ref().unwrap().plan.birth_date.to_string(),
        "1988-09-21"
    );
    app.key(KeyCode::Enter);
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.typed("1930/1/1");
    app.key(KeyCode::Enter);
    assert!(matches!(app.state.overlay, Some(Overlay::Prompt(ref p)) if p.error.is_some()));
    let text = app.screen(100, 30);
    assert!(text.contains("1940"), "the reason names the bound:\n{text}");
    assert_eq!(
        app.state.doc.as_ref().unwrap().plan.birth_date.to_string(),
        "1988-09-21"
    );
}

#[test]
fn the_start_screen_renames_duplicates_and_deletes_to_a_trash_that_u_empties_back() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("kawagoe-hoiku-shunin");
    app.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    app.key(KeyCode::Enter);
    app.key(KeyCode::F(10));
    let saved = app
        .state
        .start
        .saved
        .first()
        .expect("listed after closing")
        .path
        .clone();
    // Rename.
    app.open_row_only(StartKey::Saved(saved.clone()));
    app.key(KeyCode::Char('r'));
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    app.typed("保育の計画");
    app.key(KeyCode::Enter);
    let renamed = app.plans().join("保育の計画.toml");
    assert!(renamed.exists() && !saved.exists(), "{:?}", app.state.status);
    // Duplicate.
    app.open_row_only(StartKey::Saved(renamed.clone()));
    app.key(KeyCode::Char('c'));
    let copy = app.plans().join("保育の計画-copy.toml");
    assert!(copy.exists());
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&renamed).unwrap());
    // Delete: asks, goes to the trash, and u brings it back.
    app.open_row_only(StartKey::Saved(copy.clone()));
    app.key(KeyCode::Char('x'));
    assert!(matches!(app.state.overlay, Some(Overlay::Confirm { .. })));
    app.key(KeyCode::Char('y'));
    assert!(!copy.exists());
    assert!(std::fs::read_dir(app.dir.path().join("trash")).unwrap().count() == 1);
    assert!(app.screen(100, 30).contains("ごみ箱へ移しました"));
    app.key(KeyCode::Char('u'));
    assert!(copy.exists(), "{:?}", app.state.status);
}

#[test]
fn edits_to_a_sample_survive_in_a_draft_offered_at_the_next_start() {
    let mut app = App::new(Lang::Ja);
    app.open_persona("iruma-shunin-to-kacho");
    app.command(Command::Go(View::Gaps));
    app.key(KeyCode::Char('+'));
    let edited = app.state.doc.as_ref().unwrap().plan.clone();
    // The program ends without a save (a crash, the window closed).
    app.act(Action::Terminate);
    assert!(app.state.quit);
    let drafts = app.dir.path().join("drafts");
    assert_eq!(std::fs::read_dir(&drafts).unwrap().count(), 1, "one draft written");
    // Next start: the draft is offered first and restores the edits.
    let mut next = tui_common::state(Lang::Ja);
    let mut files = Files::in_dir(app.dir.path());
    files.start(&mut next);
    assert!(next.status.as_ref().unwrap().text.ja.contains("下書き"));
    let mut app = App {
        state: next,
        files,
        hits: HitMap::default(),
        dir: app.dir,
    };
    assert!(app.screen(100, 30).contains("復元できる下書き"));
    app.key(KeyCode::Home);
    app.key(KeyCode::Enter);
    assert_eq!(app.state.doc.as_ref().unwrap().plan, edited);
    assert!(
        app.state.doc.as_ref().unwrap().unsaved(),
        "a restored draft is not saved yet"
    );
    app.key_with(KeyCode::Char('s'), KeyModifiers::CONTROL);
    app.key(KeyCode::Enter);
    assert_eq!(
        std::fs::read_dir(&drafts).unwrap().count(),
        0,
        "saving removes the draft"
    );
}

#[test]
fn a_plan_file_that_is_read_only_opens_read_only_and_is_never_written() {
    let mut app = App::new(Lang::Ja);
    std::fs::create_dir_all(app.plans()).unwrap();
    let path = app.plans().join("ro.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas/iruma-shunin-to-kacho.toml"),
        &path,
    )
    .unwrap();
    // Not a sample: a plan of one's own that was made read-only.
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("sample = true", "sample = false");
    std::fs::write(&path, &text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    app.act(Action::OpenPath(path.clone()));
    assert!(app.screen(100, 30).contains("読み取り専用"));
    app.command(Command::Go(View::Gaps));
    app.key(KeyCode::Char('+'));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(
        std::fs::read_dir(app.dir.path().join("drafts")).unwrap().count(),
        1,
        "edits kept in a draft"
    );
}

#[test]
fn load_problems_switch_language_with_everything_else() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unknown_reference.toml"),
        dir.path().join("broken.toml"),
    )
    .unwrap();
    let options = michi::tui::shell::Options::default();
    let settings = michi::store::settings::Settings::default();
    let today = michi::model::Date::parse(TODAY).unwrap();
    let mut state = michi::tui::shell::build_state(&options, &settings, today, Some(dir.path()));
    let ja = tui_common::screen(&mut state, 120, 40);
    assert!(
        ja.contains("読み込めなかったプロファイル") && ja.contains("broken.toml"),
        "{ja}"
    );
    let line = |screen: &str| {
        screen
            .lines()
            .find(|l| l.contains("broken.toml:"))
            .unwrap_or("")
            .to_string()
    };
    let ja_line = line(&ja);
    michi::tui::update::update(&mut state, Action::Command(Command::ToggleLang));
    let en = tui_common::screen(&mut state, 120, 40);
    let en_line = line(&en);
    assert!(en.contains("Profiles that failed to load"), "{en}");
    assert_ne!(
        ja_line, en_line,
        "the problem itself is in English now:\n{ja_line}\n{en_line}"
    );
    assert!(
        ja_line.contains("定義されていません") && en_line.contains("is defined"),
        "{ja_line}\n{en_line}"
    );
}

#[test]
fn save_as_takes_a_path_with_a_tilde_and_makes_it_a_toml_file() {
    let mut app = App::new(Lang::Ja);
    let home = app.dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    app.open_persona("kawagoe-hoiku-shunin");
    app.key(KeyCode::F(2));
    app.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
    // `~` is the home directory: typed here as the full path the shell would expand it to,
    // since tests must not change HOME for other threads.
    app.typed(&format!("{}/mine/plan-a", home.display()));
    app.key(KeyCode::Enter);
    let path = home.join("mine/plan-a.toml");
    assert!(path.exists(), "{:?}", app.state.status);
    if let Some(home) = std::env::var_os("HOME") {
        assert_eq!(
            michi::tui::shell::expand_home("~/x.toml"),
            PathBuf::from(home).join("x.toml")
        );
    }
}

#[test]
fn the_first_frame_lists_the_municipalities_from_their_headers_as_the_loaded_screen_does() {
    let catalog = Catalog::load(None, Lang::Ja);
    let headers = michi::store::profiles::BUNDLED_HEADERS;
    assert_eq!(headers.len(), catalog.entries.len());
    for (h, e) in headers.iter().zip(&catalog.entries) {
        assert_eq!(
            (h.id, h.name, h.name_romaji, h.title),
            (
                e.profile.id.as_str(),
                e.profile.name.as_str(),
                e.profile.name_romaji.as_str(),
                e.profile.document.title.as_str()
            )
        );
    }
    let mut loaded = tui_common::state(Lang::Ja);
    let mut pending = tui_common::state(Lang::Ja);
    pending.catalog = Catalog::default();
    assert_eq!(
        tui_common::screen(&mut pending, 120, 40),
        tui_common::screen(&mut loaded, 120, 40),
        "the same start screen before and after the profiles are read"
    );
}

#[test]
fn self_vs_supervisor_on_a_descriptor_ladder_counts_rungs_never_bare_numbers() {
    use tui_common::{open_persona, press, screen};
    for (lang, levels, difference) in [(Lang::Ja, ["段1", "段0"], "-1段"), (Lang::En, ["r1", "r0"], "-1 rung")] {
        let mut s = tui_common::state(lang);
        open_persona(&mut s, "ageo-shusa-born-1968");
        press(&mut s, KeyCode::Char('3'));
        for _ in 0..3 {
            press(&mut s, KeyCode::Char('s'));
        }
        press(&mut s, KeyCode::Home);
        let text = screen(&mut s, 80, 24);
        // 上尾's supervisor puts 管理能力 a rung below the employee's: it leads the list.
        let first = text.lines().find(|l| l.contains('▶')).unwrap();
        assert!(first.contains("管理能力"), "{text}");
        let cells = first.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted = format!("{} {} {difference}", levels[0], levels[1]);
        assert!(cells.contains(&wanted), "{first}");
    }
}

#[test]
fn self_vs_supervisor_draws_at_every_size() {
    use tui_common::{at_the_interview, open_persona, press, render};
    for lang in [Lang::Ja, Lang::En] {
        let mut s = tui_common::state(lang);
        open_persona(&mut s, "iruma-shunin-to-kacho");
        at_the_interview(&mut s);
        press(&mut s, KeyCode::Char('3'));
        for _ in 0..3 {
            press(&mut s, KeyCode::Char('s'));
        }
        for w in (0..=130).step_by(7) {
            for h in (0..=45).step_by(3) {
                let lines = render(&mut s, w, h);
                assert!(lines.iter().all(|l| michi::text::width(l) <= usize::from(w)));
            }
        }
    }
}
