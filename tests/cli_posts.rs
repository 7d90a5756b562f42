//! Posts through the real binary, with the fictional 例示町 (tests/fixtures/valid/
//! shared_grades.toml) installed as the user's own profile: grade diffs across the shared
//! ladder by name, names in plan files read with a notice, ambiguous names refused with
//! their candidates, post classes and 役職定年 in the report and the starter plan.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use serde_json::Value;

/// A configuration folder holding 例示町 as a user profile.
fn config() -> tempfile::TempDir {
    common::config_with_profile("reijicho.toml", include_str!("fixtures/valid/shared_grades.toml"))
}

fn michi(config: &Path, args: &[&str]) -> (i32, String, String) {
    common::michi_in(config, args)
}

/// A plan file of 例示町 in `dir`, with `body` after the dates.
fn plan_file(dir: &Path, body: &str) -> String {
    let path = dir.join("plan.toml");
    std::fs::write(
        &path,
        format!("schema_version = 1\nprofile = \"例示町\"\nbirth_date = 1970-05-01\nhire_date = 1995-04-01\ngrade_since = 2024-04-01\n{body}"),
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn grade_diff_across_the_shared_part_by_name() {
    let config = config();
    // The town's name for the profile, the document's names for the grades.
    let (code, stdout, stderr) = michi(
        config.path(),
        &["grade", "diff", "--profile", "例示町", "副主幹", "主幹"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("副主幹 と 主幹 の違い（例示町・事務）"), "{stdout}");
    assert!(stdout.contains("複数の係の業務を管理できる。"), "{stdout}");
    assert!(
        stdout.contains("主幹 で新たに求められる役割:\n  ・課長を補佐する。"),
        "{stdout}"
    );

    // From 技術's own 主査 into the shared part, counted on 技術's ladder.
    let (code, stdout, stderr) = michi(
        config.path(),
        &[
            "grade",
            "diff",
            "--profile",
            "Reiji",
            "--series",
            "技術",
            "主査",
            "副主幹",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let diff: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(diff["from"], "gijutsu_shusa");
    assert_eq!(diff["to"], "fukushukan");
    assert_eq!(diff["series"], "gijutsu");
    let jitsumu = diff["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency"] == "jitsumu")
        .unwrap();
    assert_eq!(
        (jitsumu["from_level"].as_u64(), jitsumu["to_level"].as_u64()),
        (Some(2), Some(3))
    );
}

#[test]
fn ambiguous_grade_names_are_refused_with_the_candidates() {
    let config = config();
    let (code, stdout, stderr) = michi(
        config.path(),
        &["grade", "diff", "--profile", "reijicho", "主任", "副主幹"],
    );
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("「主任」という職級が複数あります: shunin（主任・事務）、gijutsu_shunin（主任・技術）"),
        "{stderr}"
    );
    assert!(stderr.contains("--series"), "the hint says how to choose: {stderr}");
    let (code, _, stderr) = michi(
        config.path(),
        &[
            "--lang",
            "en",
            "grade",
            "diff",
            "--profile",
            "reijicho",
            "主任",
            "副主幹",
        ],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("more than one grade goes by 「主任」"), "{stderr}");

    // In a plan file, a name is looked for on the plan's ladder first; with no ladder to
    // look on (the series is unknown), 主任 could be either, and both are named.
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_file(
        dir.path(),
        "series = \"土木\"\ngrade = \"主任\"\ntarget_grade = \"kacho\"\n",
    );
    let (code, _, stderr) = michi(config.path(), &["plan", "check", &plan]);
    assert_eq!(code, 1);
    assert!(stderr.contains("職系 `土木` は定義されていません"), "{stderr}");
    assert!(
        stderr.contains("shunin（主任・事務）") && stderr.contains("gijutsu_shunin（主任・技術）"),
        "{stderr}"
    );
    assert!(stderr.contains("plan.toml:7:"), "the grade's line: {stderr}");
    assert!(stderr.contains("2 件"), "one problem per cause: {stderr}");
}

#[test]
fn plan_check_reads_names_with_a_notice() {
    let config = config();
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_file(
        dir.path(),
        "series = \"技術\"\ngrade = \"主任主査\"\ntarget_grade = \"課長\"\n",
    );
    let (code, stdout, stderr) = michi(config.path(), &["plan", "check", &plan]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("— 例示町: 主査（主任主査） → 課長"), "{stdout}");
    for notice in [
        "お知らせ: プロファイル「例示町」を名前として読みました → 例示町（ID `reijicho`）",
        "お知らせ: 職系「技術」を名前として読みました → 技術（ID `gijutsu`）",
        "お知らせ: 現在の職級「主任主査」を名前として読みました → 主査（ID `gijutsu_shusa`）",
        "お知らせ: 役職「主任主査」を名前として読みました → 主任主査（ID `gijutsu_shunin_shusa`）",
        "お知らせ: 目標の職級「課長」を名前として読みました → 課長（ID `kacho`）",
    ] {
        assert!(stderr.contains(notice), "{notice}\n{stderr}");
    }
    // Ids are read without a word.
    let plan = plan_file(
        dir.path(),
        "series = \"gijutsu\"\ngrade = \"gijutsu_shusa\"\nposition = \"gijutsu_shunin_shusa\"\ntarget_grade = \"kacho\"\n",
    );
    let (code, stdout, stderr) = michi(config.path(), &["plan", "check", &plan]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("主査（主任主査） → 課長"), "{stdout}");
    assert!(stderr.contains("「例示町」") && !stderr.contains("職級「"), "{stderr}");
}

#[test]
fn a_gijutsu_path_goes_through_the_shared_grades_with_yakushoku_teinen_on_kanrishoku_only() {
    let config = config();
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_file(
        dir.path(),
        "series = \"gijutsu\"\ngrade = \"gijutsu_shusa\"\ntarget_grade = \"kacho\"\n",
    );
    let (code, stdout, stderr) = michi(config.path(), &["plan", "analyze", &plan, "--today", "2026-11-21"]);
    assert_eq!(code, 0, "{stderr}");
    let line = |grade: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{grade} ")))
            .unwrap_or_else(|| panic!("no {grade} row in\n{stdout}"))
            .to_string()
    };
    assert!(
        line("副主幹").contains("2032") && line("副主幹").contains("監督職"),
        "{stdout}"
    );
    assert!(!line("副主幹").contains("役職定年"), "{stdout}");
    assert!(!line("主幹").contains("役職定年"), "{stdout}");
    assert!(line("課長").contains("管理職・役職定年の対象・役職定年後"), "{stdout}");

    let (code, stdout, _) = michi(
        config.path(),
        &["plan", "analyze", &plan, "--today", "2026-11-21", "--json"],
    );
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let steps = json["trajectory"].as_array().unwrap();
    let grades: Vec<&str> = steps.iter().map(|s| s["grade"].as_str().unwrap()).collect();
    assert_eq!(grades, ["fukushukan", "shukan", "kacho", "bucho"]);
    let management: Vec<bool> = steps.iter().map(|s| s["management"].as_bool().unwrap()).collect();
    assert_eq!(management, [false, false, true, true]);
}

#[test]
fn plan_new_and_profile_export_take_the_towns_name() {
    let config = config();
    let (code, stdout, stderr) = michi(config.path(), &["plan", "new", "--profile", "例示町"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("profile = \"reijicho\""), "{stdout}");
    assert!(stdout.contains("#   fukushukan = 副主幹（監督職）"), "{stdout}");
    assert!(
        stdout.contains("#   kacho = 課長（管理職・役職定年の対象）"),
        "{stdout}"
    );
    assert!(
        stdout.contains("target_grade = \"kacho\""),
        "the first grade 役職定年 applies to: {stdout}"
    );

    let (code, stdout, stderr) = michi(config.path(), &["profile", "export", "例示町", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let p: Value = serde_json::from_str(&stdout).unwrap();
    let gijutsu = p["job_series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "gijutsu")
        .unwrap();
    assert_eq!(gijutsu["shares_from"]["grade"], "fukushukan");
    let kacho = gijutsu["grades"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "kacho")
        .unwrap();
    assert_eq!(kacho["defined_by"], "jimu");
    assert_eq!(kacho["post_class_name"], "管理職");
    assert_eq!(kacho["management_limit_resolved"]["applies"], true);
    assert_eq!(kacho["management_limit_resolved"]["basis"], "post_class");
    // A shared grade is listed once per ladder, each with that ladder's rung.
    let level = |series: &str| {
        p["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["series"] == series && r["grade"] == "fukushukan" && r["competency"] == "jitsumu")
            .map(|r| r["level"].clone())
    };
    assert_eq!(level("jimu"), Some(Value::from(4)));
    assert_eq!(level("gijutsu"), Some(Value::from(3)));
}
