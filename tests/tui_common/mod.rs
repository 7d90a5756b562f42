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
        ..Default::default()
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

/// Records through the keys, on the Interview view: a start-of-year interview held today
/// by 上越 太郎, a goal with its measure and weight (moved on to 取組中), and the
/// supervisor's note on the profile's first competency.
pub fn record_interview(state: &mut State) {
    use michi::tui::action::{Command, View};
    update(state, Action::Command(Command::Go(View::Interview)));
    press(state, KeyCode::Char('a'));
    for _ in 0..3 {
        press(state, KeyCode::Tab);
    }
    typed(state, "上越 太郎");
    press(state, KeyCode::Enter);
    press(state, KeyCode::Char('a'));
    typed(state, "窓口の待ち時間を短縮する");
    press(state, KeyCode::Tab);
    typed(state, "平均待ち時間 20分→10分");
    for _ in 0..3 {
        press(state, KeyCode::Tab);
    }
    typed(state, "30");
    press(state, KeyCode::Enter);
    press(state, KeyCode::Char(' '));
    press(state, KeyCode::Char('n'));
    typed(state, "繁忙期に窓口の応援体制を自分から提案した");
    press(state, KeyCode::Up);
    press(state, KeyCode::Right);
    press(state, KeyCode::Up);
    press(state, KeyCode::Right);
    press(state, KeyCode::Enter);
    assert!(state.overlay.is_none(), "every form was accepted: {:?}", state.status);
}

/// 入間's sample plan at the 人事評価面談: the supervisor has assessed more of it (higher
/// than the employee on some competencies, lower on others, and on one the target grade
/// does not state), and both sides have written dated notes.
pub fn at_the_interview(state: &mut State) {
    use michi::model::{Note, NoteAuthor};
    let today = state.today;
    let doc = state.doc.as_mut().unwrap();
    for (id, level) in [("seisaku_keisei", 4), ("communication", 2), ("gyosei_keiei", 2)] {
        doc.plan.supervisor_assessment.insert(id.to_string(), level);
    }
    let note = |date: &str, author, text: &str| Note {
        date: Date::parse(date).unwrap(),
        author,
        competency: Some("seisaku_keisei".to_string()),
        text: text.to_string(),
    };
    doc.plan.notes = vec![
        note(
            "2026-06-15",
            NoteAuthor::Own,
            "子育て支援策の見直し案を課内でまとめ、部長説明まで担当した",
        ),
        note(
            "2026-10-20",
            NoteAuthor::Supervisor,
            "論点の整理が的確。関係課との調整も自分から進めており、課長級に求める水準に近い",
        ),
        Note {
            competency: Some("communication".to_string()),
            ..note("2026-09-01", NoteAuthor::Supervisor, "説明が一方的になる場面があった")
        },
    ];
    doc.plan
        .evidence
        .insert("seisaku_keisei".to_string(), "総合計画の施策評価を担当".to_string());
    doc.reanalyze(today);
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

/// The workshop view's 「これからの10年」 page, through the keys: 9, then `[` (the page
/// before the first is the last).
pub fn open_next_ten(state: &mut State) {
    press(state, KeyCode::Char('9'));
    press(state, KeyCode::Char('['));
    let doc = state.doc.as_ref().unwrap();
    assert_eq!(doc.workshop_page, michi::tui::state::WorkshopPage::NextTen);
}

/// Carries out the effects as the shell would, feeding the results back.
pub fn carry_out(s: &mut State, effects: Vec<Effect>) {
    let data = tempfile::tempdir().unwrap();
    let mut files = michi::tui::shell::Files::in_dir(data.path());
    for effect in effects {
        if let Some(outcome) = files.carry_out(s, effect) {
            update(s, Action::Done(Box::new(outcome)));
        }
    }
}
