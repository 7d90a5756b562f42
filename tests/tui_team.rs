//! The team list from the start screen: `t` asks for a folder, the shell reads it, the list
//! shows each plan's figures (a broken file with its problem) and Enter opens a plan as the
//! start screen opens a saved one. First `update` alone (keys through the real key table,
//! the effects it asks for), then with the shell's file handling over real folders.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

mod tui_common;

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use michi::describe::TeamSummary;
use michi::i18n::Lang;
use michi::tui::action::Action;
use michi::tui::forms::PromptFor;
use michi::tui::keymap::command_for;
use michi::tui::shell::{Files, dispatch};
use michi::tui::state::{Overlay, State, TeamRow};
use michi::tui::update::{Effect, Outcome, scopes, update};
use tui_common::{press, render, state, team_folder, typed};

fn row(path: &str, name: &str) -> TeamRow {
    TeamRow {
        path: PathBuf::from(path),
        file: path.rsplit('/').next().unwrap().to_string(),
        summary: Ok(TeamSummary {
            name: Some(name.into()),
            grade: "主事".into(),
            target: "主査".into(),
            readiness: Some(40),
            supervisor_readiness: None,
            largest_gap: Some("政策形成能力（2）".into()),
            last_interview: None,
            open_goals: 0,
        }),
    }
}

fn listed(state: &mut State, rows: Vec<TeamRow>) {
    let outcome = Outcome::Team {
        dir: PathBuf::from("/team"),
        rows,
        more: false,
    };
    let fx = update(state, Action::Done(Box::new(outcome)));
    assert!(fx.is_empty());
}

fn selected(state: &State) -> usize {
    match &state.overlay {
        Some(Overlay::Team(list)) => list.selected,
        other => panic!("no team list: {other:?}"),
    }
}

#[test]
fn t_asks_for_a_folder_and_enter_asks_the_shell_to_read_it() {
    let mut s = state(Lang::Ja);
    assert!(press(&mut s, KeyCode::Char('t')).is_empty());
    match &s.overlay {
        Some(Overlay::Prompt(p)) => {
            assert_eq!(p.target, PromptFor::TeamFolder);
            assert_eq!(p.input.text(), "", "nothing typed yet this session");
        }
        other => panic!("no prompt: {other:?}"),
    }
    assert!(press(&mut s, KeyCode::Enter).is_empty(), "an empty folder is refused");
    assert!(matches!(&s.overlay, Some(Overlay::Prompt(p)) if p.error.is_some()));
    typed(&mut s, "~/チーム");
    let fx = press(&mut s, KeyCode::Enter);
    assert_eq!(fx, vec![Effect::ReadTeam("~/チーム".into())]);
    assert!(s.overlay.is_none());
    // The folder last used this session is offered again.
    press(&mut s, KeyCode::Char('t'));
    assert!(matches!(&s.overlay, Some(Overlay::Prompt(p)) if p.input.text() == "~/チーム"));
    assert!(press(&mut s, KeyCode::Esc).is_empty());
    assert!(s.overlay.is_none());
}

#[test]
fn the_list_moves_and_enter_opens_the_selected_plan_as_a_saved_plan_opens() {
    let mut s = state(Lang::Ja);
    let rows = vec![
        row("/team/a.toml", "入間 健"),
        row("/team/b.toml", "豊岡 美咲"),
        row("/team/c.toml", "高田 葵"),
    ];
    listed(&mut s, rows.clone());
    assert_eq!(selected(&s), 0);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    press(&mut s, KeyCode::Down);
    assert_eq!(selected(&s), 2, "the selection stops at the last row");
    press(&mut s, KeyCode::Home);
    assert_eq!(selected(&s), 0);
    press(&mut s, KeyCode::End);
    press(&mut s, KeyCode::Up);
    assert_eq!(selected(&s), 1);
    let fx = press(&mut s, KeyCode::Enter);
    assert_eq!(fx, vec![Effect::OpenFile(PathBuf::from("/team/b.toml"))]);
    assert!(s.overlay.is_none());
    // Listed again (after closing that plan), the plan opened last is selected.
    listed(&mut s, rows);
    assert_eq!(selected(&s), 1);
    assert!(press(&mut s, KeyCode::Char('q')).is_empty());
    assert!(s.overlay.is_none(), "q closes the list, never the app");
    assert!(!s.quit);
}

#[test]
fn a_folder_without_plans_is_said_in_the_message_bar() {
    let mut s = state(Lang::En);
    listed(&mut s, Vec::new());
    assert!(s.overlay.is_none());
    let status = s.status.as_ref().unwrap();
    assert!(status.warning && status.text.en.contains("No plan files"), "{status:?}");
}

#[test]
fn the_key_is_in_the_one_key_table_for_the_start_screen_only() {
    let key = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE);
    let mut s = state(Lang::Ja);
    assert_eq!(command_for(&key, &scopes(&s)), Some(michi::tui::action::Command::Team));
    tui_common::open_persona(&mut s, "iruma-shunin-to-kacho");
    assert_ne!(command_for(&key, &scopes(&s)), Some(michi::tui::action::Command::Team));
}

/// The app with its file handling over a temporary data folder.
struct App {
    state: State,
    files: Files,
    _data: tempfile::TempDir,
}

impl App {
    fn new(lang: Lang) -> App {
        let data = tempfile::tempdir().unwrap();
        let mut state = state(lang);
        let mut files = Files::in_dir(data.path());
        files.start(&mut state);
        App {
            state,
            files,
            _data: data,
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        let key = KeyEvent::new(code, modifiers);
        if let Some(command) = command_for(&key, &scopes(&self.state)) {
            dispatch(&mut self.state, &mut self.files, Action::Command(command));
        }
    }

    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn list_folder(&mut self, dir: &Path) {
        self.key(KeyCode::Char('t'));
        self.key(KeyCode::End);
        self.key_with(KeyCode::Char('u'), KeyModifiers::CONTROL);
        self.typed(&dir.display().to_string());
        self.key(KeyCode::Enter);
    }

    fn rows(&self) -> &[TeamRow] {
        match &self.state.overlay {
            Some(Overlay::Team(list)) => &list.rows,
            other => panic!("no team list: {other:?}"),
        }
    }
}

#[test]
fn the_shell_reads_the_folder_and_a_plan_opens_from_the_list() {
    let folder = team_folder();
    let mut app = App::new(Lang::Ja);
    app.list_folder(folder.path());
    let rows = app.rows();
    let files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(
        files,
        ["a-iruma.toml", "b-toyooka.toml", "c-broken.toml"],
        "only .toml files, by name"
    );
    let first = rows[0].summary.as_ref().unwrap();
    assert_eq!(first.name.as_deref(), Some("入間 健"));
    assert_eq!(
        first.last_interview.map(|d| d.to_string()).as_deref(),
        Some("2026-05-12")
    );
    assert_eq!(first.open_goals, 1);
    assert!(
        first.supervisor_readiness.is_some(),
        "both ways once the supervisor assessed"
    );
    let problem = rows[2].summary.as_ref().unwrap_err();
    assert!(
        problem.ja.starts_with("エラー") && problem.en.starts_with("error"),
        "{problem:?}"
    );

    let screen = render(&mut app.state, 120, 40).join("\n");
    for text in [
        "入間 健",
        "豊岡 美咲",
        "c-broken.toml",
        "準備度(本人)",
        "最後の面談",
        "2026-05-12",
    ] {
        assert!(screen.contains(text), "{text} missing:\n{screen}");
    }

    app.key(KeyCode::Down);
    app.key(KeyCode::Enter);
    let doc = app.state.doc.as_ref().expect("the plan is open");
    assert_eq!(doc.plan.name.as_deref(), Some("豊岡 美咲"));
    match &doc.source {
        michi::tui::state::Source::File { path, read_only } => {
            assert_eq!(path, &folder.path().join("b-toyooka.toml"));
            assert!(read_only.is_none(), "opened for editing, as a saved plan is");
        }
        other => panic!("not opened from its file: {other:?}"),
    }
    // A broken file opens as a saved one does: refused, with all its problems.
    app.key(KeyCode::Char('q'));
    assert!(app.state.doc.is_none());
    app.key(KeyCode::Char('t'));
    app.key(KeyCode::Enter);
    app.key(KeyCode::End);
    app.key(KeyCode::Enter);
    assert!(app.state.doc.is_none());
    assert!(matches!(app.state.overlay, Some(Overlay::Message { .. })));
}

#[test]
fn a_folder_that_cannot_be_read_is_said_and_the_app_goes_on() {
    let mut app = App::new(Lang::Ja);
    let missing = tempfile::tempdir().unwrap().path().join("nowhere");
    app.list_folder(&missing);
    assert!(app.state.overlay.is_none());
    let status = app.state.status.clone().unwrap();
    assert!(status.warning, "{status:?}");
    assert!(status.text.ja.contains("チームのフォルダを読めません"), "{status:?}");
    assert!(status.text.en.contains("cannot read the team folder"), "{status:?}");
    let screen = render(&mut app.state, 80, 24).join("\n");
    assert!(screen.contains("チームのフォルダを読めません"), "{screen}");
    // Still the start screen, every key working.
    app.key(KeyCode::Down);
    app.key(KeyCode::Char('t'));
    assert!(matches!(&app.state.overlay, Some(Overlay::Prompt(_))));
}

#[test]
fn the_table_lines_up_full_width_names_and_fits_every_size() {
    let folder = team_folder();
    let mut app = App::new(Lang::Ja);
    app.list_folder(folder.path());
    for (w, h) in [(80, 24), (80, 22), (120, 40), (100, 30)] {
        let lines = render(&mut app.state, w, h);
        for line in &lines {
            assert!(michi::text::width(line) <= usize::from(w), "{w}x{h}: too wide: {line}");
        }
        let header = lines.iter().find(|l| l.contains("氏名")).unwrap();
        let row = lines.iter().find(|l| l.contains("入間 健")).unwrap();
        let column = |line: &str, text: &str| michi::text::width(&line[..line.find(text).unwrap()]);
        let grade = &app.rows()[0].summary.as_ref().unwrap().grade;
        let grade = michi::text::truncate(grade, 4);
        let grade = grade.trim_end_matches('…');
        assert_eq!(
            column(header, "職級"),
            column(row, grade),
            "{w}x{h}: the grade column lines up:\n{header}\n{row}"
        );
    }
    for w in (0..=130).step_by(7) {
        for h in (0..=45).step_by(5) {
            render(&mut app.state, w, h);
        }
    }
}

#[test]
fn two_plans_of_one_person_are_told_apart_by_the_selected_file() {
    let mut s = state(Lang::Ja);
    listed(
        &mut s,
        vec![
            row("/team/iruma-2025.toml", "入間 健"),
            row("/team/iruma-2026.toml", "入間 健"),
        ],
    );
    let shown = render(&mut s, 80, 24).join("\n");
    assert!(shown.contains("ファイル: iruma-2025.toml"), "{shown}");
    press(&mut s, KeyCode::Down);
    let shown = render(&mut s, 80, 24).join("\n");
    assert!(shown.contains("ファイル: iruma-2026.toml"), "{shown}");
}
