//! "The document does not say" as a value of its own: a profile with no ability table, no
//! years in grade and no date (the fictional 例示村, tests/fixtures/valid/no_ability_table.toml)
//! is analysed without inventing any of them — through the engine, the real binary and the
//! terminal app — and its evaluation system and self-report are carried and shown.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use crossterm::event::KeyCode;
use michi::engine::{self, PlanNote};
use michi::i18n::Lang;
use michi::model::{AssumedBy, Date, Plan, Profile, PromotionAssumption};
use michi::store::{Catalog, parse_profile};
use serde_json::Value;

mod tui_common;

const FIXTURE: &str = include_str!("fixtures/valid/no_ability_table.toml");

const ASSUMPTION: &str = r#"
[promotion_assumption]
min_years = 3
typical_years = 5
by = "hr_office"
note = "例示村総務課の運用"
"#;

const PLAN: &str = r#"schema_version = 1
profile = "reiji"
name = "例示 花子"
birth_date = 1990-06-01
hire_date = 2013-04-01
grade = "shuji"
grade_since = 2013-04-01
target_grade = "kakaricho"

[roles_self]
kakaricho = [1]
"#;

fn fixture_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/no_ability_table.toml")
}

fn profile(text: &str) -> Profile {
    parse_profile("reiji.toml", text.as_bytes(), Lang::En).unwrap_or_else(|p| panic!("{}", p.render(Lang::En)))
}

/// The fixture with the promotion assumption declared (before the first `[[promotion]]`).
fn with_assumption() -> String {
    FIXTURE.replacen("[[promotion]]", &format!("{ASSUMPTION}\n[[promotion]]"), 1)
}

fn plan(p: &Profile) -> Plan {
    let plan: Plan = toml::from_str(PLAN).unwrap();
    assert_eq!(plan.validate(p), vec![]);
    plan
}

fn today() -> Date {
    Date::new(2026, 11, 21).unwrap()
}

#[test]
fn with_no_ability_table_there_are_no_gaps_no_readiness_and_the_roles_are_the_signal() {
    let p = profile(FIXTURE);
    assert!(p.competencies.is_empty() && p.scale.is_unwritten() && p.document.date.is_none());
    let a = engine::analyze(&p, &plan(&p), today(), 3);
    assert!(a.target.gaps.is_empty() && a.target.not_stated.is_empty());
    assert_eq!(a.target.readiness, None);
    assert!(!a.target.ability_table);
    assert!(a.trainings.is_empty());
    assert!(a.notes.contains(&PlanNote::NoAbilityTable), "{:?}", a.notes);
    assert!(
        !a.notes.iter().any(|n| matches!(n, PlanNote::NoRequirements { .. })),
        "one note for one cause"
    );
    assert_eq!((a.roles.done_self, a.roles.roles.len()), (1, 3));
    assert_eq!(
        michi::describe::readiness_text(&a.target, Lang::Ja),
        "文書に能力表なし（準備度なし）"
    );
}

#[test]
fn steps_without_years_get_no_year_and_no_verdict_on_retirement() {
    let p = profile(FIXTURE);
    let a = engine::analyze(&p, &plan(&p), today(), 3);
    assert_eq!(a.trajectory.steps.len(), 3);
    for s in &a.trajectory.steps {
        assert_eq!((s.earliest_fy, s.typical_fy), (None, None), "{}", s.grade);
        assert_eq!((s.reachable, s.typical_reachable), (None, None));
        assert_eq!(s.assumed_by, None);
        let notes = michi::describe::step_notes(&p, s, Lang::Ja);
        assert!(!notes.iter().any(|n| n.contains("定年後")), "{notes:?}");
    }
    // A management post with no year is neither before nor after 役職定年.
    let kacho = a.trajectory.steps.iter().find(|s| s.grade == "kacho").unwrap();
    assert_eq!(kacho.before_management_limit, None);
    assert!(a.notes.contains(&PlanNote::TargetYearsNotStated {
        grade: "kakaricho".into()
    }));
    assert_eq!(a.target_fy_source, engine::TargetYearSource::Default);
    assert_eq!(michi::describe::step_year(None, Lang::Ja), "在級年数の定めなし");
}

#[test]
fn a_step_that_states_years_counts_them_but_a_silent_step_stops_the_clock() {
    let mut p = profile(FIXTURE);
    p.promotion[0].min_years = Some(3);
    let a = engine::analyze(&p, &plan(&p), today(), 3);
    let [shunin, kakaricho, kacho] = &a.trajectory.steps[..] else {
        panic!("three steps")
    };
    assert_eq!(shunin.earliest_fy, Some(2027), "13 years as 主事: the next April round");
    assert_eq!(shunin.typical_fy, None, "the step states no typical years");
    assert_eq!(shunin.reachable, Some(true));
    assert_eq!((kakaricho.earliest_fy, kacho.earliest_fy), (None, None));
}

#[test]
fn a_declared_assumption_gives_years_marked_as_whose_assumption_they_are() {
    let p = profile(&with_assumption());
    assert_eq!(
        p.promotion_assumption,
        Some(PromotionAssumption {
            min_years: 3,
            typical_years: 5,
            by: AssumedBy::HrOffice,
            note: "例示村総務課の運用".into(),
            source: None,
        })
    );
    let a = engine::analyze(&p, &plan(&p), today(), 3);
    let years: Vec<_> = a
        .trajectory
        .steps
        .iter()
        .map(|s| (s.earliest_fy, s.typical_fy))
        .collect();
    assert_eq!(
        years,
        vec![
            (Some(2027), Some(2027)),
            (Some(2030), Some(2032)),
            (Some(2033), Some(2037))
        ]
    );
    assert!(
        a.trajectory
            .steps
            .iter()
            .all(|s| s.assumed_by == Some(AssumedBy::HrOffice) && !s.illustrative)
    );
    assert!(
        michi::describe::step_notes(&p, &a.trajectory.steps[1], Lang::Ja)
            .iter()
            .any(|n| n == "年数は人事担当課の仮定")
    );
    assert_eq!(a.target_fy, 2032);
    // A step's own years win over the assumption, and keep their own standing.
    let mut stated = p.clone();
    stated.promotion[0].min_years = Some(1);
    stated.promotion[0].typical_years = Some(2);
    let a = engine::analyze(&stated, &plan(&stated), today(), 3);
    assert_eq!(a.trajectory.steps[0].assumed_by, None);
    assert_eq!(a.trajectory.steps[1].assumed_by, Some(AssumedBy::HrOffice));
}

#[test]
fn the_checker_still_catches_what_is_wrong_when_both_years_are_given() {
    let both = FIXTURE.replacen("exam = true", "min_years = 5\ntypical_years = 3\nexam = true", 1);
    let shown = parse_profile("reiji.toml", both.as_bytes(), Lang::En)
        .unwrap_err()
        .render(Lang::En);
    assert!(shown.contains("typical_years 3 is below min_years 5"), "{shown}");
    let assumed = with_assumption().replace("typical_years = 5", "typical_years = 2");
    let shown = parse_profile("reiji.toml", assumed.as_bytes(), Lang::En)
        .unwrap_err()
        .render(Lang::En);
    assert!(shown.contains("typical_years 2 is below min_years 3"), "{shown}");
    let bad_date = FIXTURE.replacen(
        "title = \"例示村人材育成方針\"",
        "title = \"例示村人材育成方針\"\ndate = \"令和6年\"",
        1,
    );
    let shown = parse_profile("reiji.toml", bad_date.as_bytes(), Lang::En)
        .unwrap_err()
        .render(Lang::En);
    assert!(shown.contains("cannot read the date"), "{shown}");
    // Competencies with no scale to read them on: one problem, not one per missing number.
    let no_scale = FIXTURE.replacen(
        "[[job_series]]",
        "[[competencies]]\nid = \"taio\"\nname = \"対応力\"\ndefinition = \"\"\nsource = \"例示村\"\n\n[[job_series]]",
        1,
    );
    let problems = parse_profile("reiji.toml", no_scale.as_bytes(), Lang::En).unwrap_err();
    let shown = problems.render(Lang::En);
    assert!(shown.contains("the profile has competencies but no [scale]"), "{shown}");
    assert_eq!(problems.total(), 1, "{shown}");
}

#[test]
fn evaluation_and_self_report_are_checked_for_ids_and_references() {
    let p = profile(FIXTURE);
    let evaluation = p.evaluation.as_ref().unwrap();
    let kinds: Vec<&str> = evaluation.kinds.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(kinds, ["業績評価", "能力評価", "意欲・態度評価"]);
    let noryoku = evaluation.kind("noryoku").unwrap();
    assert_eq!(evaluation.scale_of(noryoku).unwrap().ratings.len(), 5);
    assert_eq!(noryoku.items[0].grades, ["shuji", "shunin"]);
    let report = p.self_report.as_ref().unwrap();
    assert!(!report.disclosure.as_ref().unwrap().supervisor_sees);

    for (from, to, words) in [
        (
            "id = \"iyoku\"",
            "id = \"noryoku\"",
            "duplicate kind of evaluation id `noryoku`",
        ),
        (
            "scale = \"hyogo\"",
            "scale = \"hyougo\"",
            "no rating scale with id `hyougo`",
        ),
        (
            "grades = [\"kakaricho\"]",
            "grades = [\"kakari\"]",
            "no grade with id `kakari`",
        ),
        ("mark = \"D\"", "mark = \"C\"", "the rating `C` is listed twice"),
        (
            "id = \"katei\"",
            "id = \"kenko\"",
            "duplicate self-report topic id `kenko`",
        ),
        (
            "element = \"責任感\"",
            "element = \"責任感\"\ncompetency = \"sekinin\"",
            "no competency with id `sekinin`",
        ),
        (
            "items_heading = \"着眼点\"",
            "items_heading = \"着眼点\"\nability_table = { text = \"能力表による。\", source = \"例示村 4\" }",
            "the profile has no competencies",
        ),
    ] {
        assert!(FIXTURE.contains(from), "{from}");
        let text = FIXTURE.replacen(from, to, 1);
        let shown = parse_profile("reiji.toml", text.as_bytes(), Lang::En)
            .unwrap_err()
            .render(Lang::En);
        assert!(shown.contains(words), "{from} → {to}:\n{shown}");
    }
}

/// A config directory whose user profiles are `profiles` (file name, text).
fn config(profiles: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("profiles")).unwrap();
    for (name, text) in profiles {
        std::fs::write(dir.path().join("profiles").join(name), text).unwrap();
    }
    std::fs::write(dir.path().join("plan.toml"), PLAN).unwrap();
    dir
}

fn michi(config: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config)
        .env_remove("MICHI_LANG")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{args:?}: {stderr}");
    assert!(!stderr.contains("警告") && !stderr.contains("warning"), "{stderr}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn plan_analyze_says_the_document_has_no_ability_table_and_no_years_in_grade() {
    let dir = config(&[("reiji.toml", FIXTURE)]);
    let plan = dir.path().join("plan.toml");
    let plan = plan.to_str().unwrap();
    let text = michi(dir.path(), &["plan", "analyze", plan, "--today", "2026-11-21"]);
    assert!(text.contains("文書に能力表なし"), "{text}");
    assert!(!text.contains("準備度 "), "no readiness figure: {text}");
    assert!(text.contains("在級年数の定めなし"), "{text}");
    assert!(!text.contains("令和9年度"), "no invented year: {text}");
    assert!(text.contains("[x] [ ] 1. 係の業務を管理し、進行を調整する。"), "{text}");
    let en = michi(
        dir.path(),
        &["--lang", "en", "plan", "analyze", plan, "--today", "2026-11-21"],
    );
    assert!(en.contains("the document has no ability table"), "{en}");
    assert!(en.contains("no years in grade stated"), "{en}");
    let json: Value = serde_json::from_str(&michi(
        dir.path(),
        &["plan", "analyze", plan, "--today", "2026-11-21", "--json"],
    ))
    .unwrap();
    assert_eq!(json["readiness"], Value::Null);
    assert_eq!(json["ability_table"], false);
    assert_eq!(json["gaps"], serde_json::json!([]));
    assert_eq!(json["trajectory"][0]["earliest_fy"], Value::Null);
    assert_eq!(json["trajectory"][0]["reachable"], Value::Null);
    assert!(
        json["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "no_ability_table")
    );
}

#[test]
fn plan_analyze_marks_years_that_come_from_a_declared_assumption() {
    let dir = config(&[("reiji.toml", &with_assumption())]);
    let plan = dir.path().join("plan.toml");
    let text = michi(
        dir.path(),
        &["plan", "analyze", plan.to_str().unwrap(), "--today", "2026-11-21"],
    );
    assert!(!text.contains("在級年数の定めなし"), "{text}");
    let kakaricho = text.lines().find(|l| l.starts_with("係長 ")).unwrap();
    assert!(
        kakaricho.contains("2030（令和12年度）")
            && kakaricho.contains("2032（令和14年度）")
            && kakaricho.contains("年数は人事担当課の仮定"),
        "{kakaricho}"
    );
    assert!(
        text.contains(
            "仮定: 文書に在級年数の定めがない昇任は、最短 3 年・標準 5 年とする人事担当課の仮定（例示村総務課の運用）"
        ),
        "{text}"
    );
    let json: Value = serde_json::from_str(&michi(
        dir.path(),
        &[
            "plan",
            "analyze",
            plan.to_str().unwrap(),
            "--today",
            "2026-11-21",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(json["trajectory"][1]["typical_fy"], 2032);
    assert_eq!(json["trajectory"][1]["assumed_by"], "hr_office");
}

#[test]
fn profile_export_carries_the_evaluation_the_self_report_and_what_is_not_stated() {
    let dir = config(&[("reiji.toml", FIXTURE)]);
    let json: Value = serde_json::from_str(&michi(dir.path(), &["profile", "export", "reiji", "--json"])).unwrap();
    assert_eq!(json["document"]["date"], Value::Null);
    assert_eq!(json["ability_table"], false);
    assert_eq!((&json["scale"], &json["scale_kind"]), (&Value::Null, &Value::Null));
    assert_eq!(json["competencies"], serde_json::json!([]));
    assert_eq!(json["promotion"][0]["min_years"], Value::Null);
    assert_eq!(json["promotion_assumption"], Value::Null);
    let evaluation = &json["evaluation"];
    assert_eq!(evaluation["name"], "人事評価制度");
    assert_eq!(
        evaluation["kinds"][0]["goal_difficulty"]["source"],
        "例示村 4(1) 業績評価"
    );
    assert_eq!(evaluation["kinds"][1]["items"][1]["element"], "業務管理");
    assert_eq!(evaluation["scales"][0]["ratings"][4]["mark"], "D");
    assert_eq!(evaluation["periods"][0]["timing"], "4月");
    assert_eq!(evaluation["evaluators"][1]["who"], "課長");
    let report = &json["self_report"];
    assert_eq!(report["timing"], "毎年11月");
    assert_eq!(report["topics"][0]["kind"], "transfer_wish");
    assert_eq!(report["disclosure"]["supervisor_sees"], false);
    // A bundled profile whose document describes neither leaves both out.
    let iruma: Value = serde_json::from_str(&michi(dir.path(), &["profile", "export", "iruma", "--json"])).unwrap();
    assert_eq!(
        (&iruma["evaluation"], &iruma["self_report"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(iruma["ability_table"], true);
}

#[test]
fn profile_list_and_check_say_the_document_bears_no_date() {
    let dir = config(&[("reiji.toml", FIXTURE)]);
    let list = michi(dir.path(), &["profile", "list"]);
    let row = list.lines().find(|l| l.starts_with("reiji")).unwrap();
    assert!(row.contains("文書の日付の記載なし"), "{row}");
    let json: Value = serde_json::from_str(&michi(dir.path(), &["profile", "list", "--json"])).unwrap();
    let reiji = json.as_array().unwrap().iter().find(|r| r["id"] == "reiji").unwrap();
    assert_eq!(reiji["document_date"], Value::Null);
    let ok = michi(
        dir.path(),
        &["--lang", "en", "profile", "check", fixture_path().to_str().unwrap()],
    );
    assert!(ok.starts_with("ok: ") && ok.contains("0 competencies"), "{ok}");
    let template = michi(dir.path(), &["plan", "new", "--profile", "reiji"]);
    assert!(template.contains("文書に能力表なし"), "{template}");
}

/// The terminal app over a catalogue holding the fixture, with a new plan for 例示村 open.
fn app(text: &str, lang: Lang) -> michi::tui::state::State {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reiji.toml"), text).unwrap();
    let ui = michi::tui::state::Ui {
        lang,
        theme: michi::tui::theme::ThemeKind::Default,
        ascii: false,
        mouse: true,
        ..Default::default()
    };
    let mut state = michi::tui::state::State::new(Catalog::load(Some(dir.path()), lang), ui, today(), false);
    tui_common::open_start_row(&mut state, michi::tui::state::StartKey::New("reiji".into()));
    assert!(state.doc.is_some(), "a new plan for 例示村 opened");
    state
}

#[test]
fn the_app_shows_no_ability_table_no_years_and_the_evaluation_in_the_documents_words() {
    let mut state = app(FIXTURE, Lang::Ja);
    tui_common::press(&mut state, KeyCode::Char('2'));
    let path = tui_common::screen(&mut state, 120, 40);
    assert!(path.contains("在級年数の定めなし"), "{path}");
    tui_common::press(&mut state, KeyCode::Char('3'));
    let gaps = tui_common::screen(&mut state, 120, 40);
    assert!(gaps.contains("文書に能力表なし（準備度なし）"), "{gaps}");
    assert!(!gaps.contains("準備度 "), "{gaps}");
    tui_common::press(&mut state, KeyCode::Char('7'));
    let support = tui_common::screen(&mut state, 120, 40);
    for words in [
        "人事評価制度",
        "業績評価",
        "能力評価",
        "意欲・態度評価",
        "評語",
        "自己申告書",
    ] {
        assert!(support.contains(words), "{words}:\n{support}");
    }
    assert!(!support.contains("段階の読み方"), "no scale to explain: {support}");
    // The evaluation's details: its periods and evaluators, in the document's words.
    let rows = michi::tui::state::support_rows(state.doc.as_ref().unwrap());
    let entries = michi::tui::state::support_entries(&state.doc.as_ref().unwrap().profile);
    let at = |entry| entries.iter().position(|e| *e == entry).unwrap();
    assert_eq!(rows.len(), entries.len());
    for _ in 0..at(michi::tui::state::SupportEntry::Evaluation) {
        tui_common::press(&mut state, KeyCode::Down);
    }
    let detail = tui_common::screen(&mut state, 120, 40);
    assert!(detail.contains("時期: 期首（4月）・期末（3月）"), "{detail}");
    assert!(
        detail.contains("評価者: 1次評価者（係長）・2次評価者（課長）"),
        "{detail}"
    );
    let to_report = at(michi::tui::state::SupportEntry::SelfReport) - at(michi::tui::state::SupportEntry::Evaluation);
    for _ in 0..to_report {
        tui_common::press(&mut state, KeyCode::Down);
    }
    let detail = tui_common::screen(&mut state, 120, 40);
    assert!(detail.contains("時期: 毎年11月"), "{detail}");
    assert!(detail.contains("上司が見るか: 見ない（人事担当のみ）"), "{detail}");
}

#[test]
fn the_app_marks_assumed_years_on_the_path() {
    let mut state = app(&with_assumption(), Lang::En);
    tui_common::press(&mut state, KeyCode::Char('2'));
    let path = tui_common::screen(&mut state, 120, 40);
    assert!(path.contains("years: the HR office's assumption"), "{path}");
    assert!(
        path.contains("Assumed: where the document states no years in grade"),
        "{path}"
    );
}

#[test]
fn self_vs_supervisor_with_no_ability_table_draws_no_table_header_and_keeps_the_reason() {
    let mut state = app(FIXTURE, Lang::Ja);
    tui_common::press(&mut state, KeyCode::Char('3'));
    for _ in 0..3 {
        tui_common::press(&mut state, KeyCode::Char('s'));
    }
    let gaps = tui_common::screen(&mut state, 120, 40);
    assert!(gaps.contains("本人と上司の差が大きい順"), "{gaps}");
    assert!(!gaps.contains("上司－本人"), "no columns over no table:\n{gaps}");
    assert!(gaps.contains("文書に能力表がないため"), "{gaps}");
}
