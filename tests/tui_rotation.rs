//! The rotation view on the fictional 例示市 profile (a user profile): phases, k-of-n
//! progress, the first-posting rule and the suggestion with its reason; and a plan's
//! `[self_report]` survives an edit made in the app.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use michi::i18n::Lang;
use michi::model::Date;
use michi::store::Catalog;
use michi::tui::action::{Action, Command, View};
use michi::tui::shell::{Files, action_for, dispatch};
use michi::tui::state::{State, Ui};
use michi::tui::theme::ThemeKind;
use michi::tui::view::HitMap;

const FIXTURE: &str = include_str!("fixtures/valid/rotation_patterns.toml");

const PLAN: &str = r#"# 例示市の計画（手書き）
schema_version = 1
profile = "reiji"
birth_date = 1990-05-01
hire_date = 2014-04-01
grade = "shunin"
grade_since = 2020-04-01
target_grade = "kakaricho"

[[assignments]]
department = "zeimu"
from = 2014-04-01
to = 2017-03-31

[[assignments]]
department = "doboku"
from = 2017-04-01
to = 2020-03-31

[[assignments]]
department = "somu"
from = 2020-04-01
to = 2024-03-31

[[assignments]]
department = "sangyo"
from = 2024-04-01

[self_report]
transfer_wish = "move"   # 面談で確認
choices = ["企画課", "まちづくりの仕事"]
health = "良好"
"#;

#[test]
fn the_rotation_view_shows_phases_progress_and_why_and_an_edit_keeps_the_self_report() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    std::fs::write(profiles.join("rotation_patterns.toml"), FIXTURE).unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("plans")).unwrap();
    let plan = data.join("plans/reiji.toml");
    std::fs::write(&plan, PLAN).unwrap();

    let ui = Ui {
        lang: Lang::Ja,
        theme: ThemeKind::Default,
        ascii: false,
        mouse: true,
        ..Default::default()
    };
    let today = Date::parse(tui_common::TODAY).unwrap();
    let mut state = State::new(Catalog::load(Some(&profiles), Lang::Ja), ui, today, false);
    let mut files = Files::in_dir(&data);
    files.start(&mut state);
    dispatch(&mut state, &mut files, Action::OpenPath(plan.clone()));
    assert!(state.doc.is_some(), "the plan opened");
    dispatch(&mut state, &mut files, Action::Command(Command::Go(View::Rotation)));
    let screen = tui_common::screen(&mut state, 120, 60);
    for words in [
        "養成期間（採用から10年）",
        "5 系統中 3 系統を経験（3 系統以上が必要）",
        "最初の配属: 税務課（市民対応系）・規則の配属先: 市民対応系",
        "期間内・一つの系統で継続中",
        "次の配属の候補: 同じ系統（事業系）の中で異動",
        "発揮期間（勤続10〜20年）は一つの系統の中で異動する期間",
        "希望「企画課」（企画・政策系）は",
        "系統・部署に当たらない希望（参考）: まちづくりの仕事",
    ] {
        assert!(screen.contains(words), "missing {words} in\n{screen}");
    }
    // An edit elsewhere saves the plan: the self-report and its comment stay.
    dispatch(&mut state, &mut files, Action::Command(Command::Go(View::Gaps)));
    tui_common::render(&mut state, 120, 40);
    let key = crossterm::event::Event::Key(KeyEvent::new(KeyCode::Char('+'), KeyModifiers::NONE));
    if let Some(action) = action_for(&state, key, &HitMap::default()) {
        dispatch(&mut state, &mut files, action);
    }
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert_ne!(saved, PLAN, "the edit was saved");
    assert!(
        saved.contains("[self_report]\ntransfer_wish = \"move\"   # 面談で確認\nchoices = [\"企画課\", \"まちづくりの仕事\"]\nhealth = \"良好\"\n"),
        "{saved}"
    );
    // Small terminals draw without a panic.
    dispatch(&mut state, &mut files, Action::Command(Command::Go(View::Rotation)));
    for (w, h) in [(80, 24), (40, 10), (0, 0)] {
        tui_common::render(&mut state, w, h);
    }
}
