//! Shared helpers for the terminal app's tests: a state over the bundled profiles, keys
//! pressed through the real key table, and the screen rendered as text.
#![allow(dead_code, clippy::unwrap_used, clippy::panic)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::Catalog;
use michi::tui::action::Action;
use michi::tui::keymap::command_for;
use michi::tui::state::{StartKey, State, Ui, start_rows};
use michi::tui::theme::ThemeKind;
use michi::tui::update::{Effect, scopes, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const TODAY: &str = "2026-11-21";

pub fn state(lang: Lang) -> State {
    let ui = Ui {
        lang,
        theme: ThemeKind::Default,
        ascii: false,
        mouse: true,
    };
    State::new(Catalog::load(None, lang), ui, Date::parse(TODAY).unwrap(), false)
}

/// A key through the key table of the current mode, then `update`.
pub fn press_with(state: &mut State, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    let key = KeyEvent::new(code, modifiers);
    match command_for(&key, &scopes(state)) {
        Some(command) => update(state, Action::Command(command)),
        None => Vec::new(),
    }
}

pub fn press(state: &mut State, code: KeyCode) -> Vec<Effect> {
    press_with(state, code, KeyModifiers::NONE)
}

pub fn ctrl(state: &mut State, c: char) -> Vec<Effect> {
    press_with(state, KeyCode::Char(c), KeyModifiers::CONTROL)
}

pub fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        press(state, KeyCode::Char(c));
    }
}

/// Selects the start-screen row `key` and presses Enter.
pub fn open_start_row(state: &mut State, key: StartKey) -> Vec<Effect> {
    let rows = start_rows(&state.start, &state.catalog);
    let index = rows
        .iter()
        .position(|r| *r == key)
        .unwrap_or_else(|| panic!("no row {key:?}"));
    press(state, KeyCode::Home);
    for _ in 0..index {
        press(state, KeyCode::Down);
    }
    press(state, KeyCode::Enter)
}

pub fn open_persona(state: &mut State, name: &'static str) {
    open_start_row(state, StartKey::Persona(name));
    assert!(state.doc.is_some(), "persona {name} opened");
}

/// The screen as text, one string per row (wide characters occupy their first cell).
pub fn render(state: &mut State, width: u16, height: u16) -> Vec<String> {
    state.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            michi::tui::view::draw(f, state);
        })
        .unwrap();
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
            line.trim_end().to_string()
        })
        .collect()
}

pub fn screen(state: &mut State, width: u16, height: u16) -> String {
    render(state, width, height).join("\n")
}

/// A team folder: two plans (入間 健 with interviews and the supervisor's levels, and
/// 豊岡 美咲 from a sample made an ordinary plan), a broken file and a note that is no plan.
pub fn team_folder() -> tempfile::TempDir {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root.join("tests/fixtures/plans/interview.toml"),
        dir.path().join("a-iruma.toml"),
    )
    .unwrap();
    let sample = std::fs::read_to_string(root.join("assets/personas/iruma-back-from-childcare.toml")).unwrap();
    let plan: String = sample
        .lines()
        .filter(|l| !l.starts_with("sample"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("b-toyooka.toml"), plan).unwrap();
    std::fs::write(dir.path().join("c-broken.toml"), "broken = \n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
    dir
}
