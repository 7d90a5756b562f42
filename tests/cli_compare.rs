//! `michi compare` on the real binary: two plans side by side in 80 columns, one person
//! under another city's profile (the mapping report first, saying what could not be
//! mapped), JSON with stable keys, and the refusals.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn persona(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/personas/{name}.toml"))
}

fn michi(config: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_michi"));
    cmd.env("MICHI_CONFIG_DIR", config).env_remove("MICHI_LANG");
    cmd
}

fn run(args: &[&str]) -> (String, String, i32) {
    let config = tempfile::tempdir().unwrap();
    let out = michi(config.path()).args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn two_people_side_by_side_fit_eighty_columns() {
    let (a, b) = (persona("iruma-shunin-to-kacho"), persona("akishima-gino-to-ginocho"));
    let (out, err, code) = run(&["compare", path(&a), path(&b), "--today", "2026-11-21"]);
    assert_eq!(code, 0, "{err}");
    for line in out.lines() {
        assert!(michi::text::width(line) <= 80, "wider than 80: {line}");
    }
    assert!(out.contains("A: 入間 健 — 入間市・一般職員"), "{out}");
    assert!(out.contains("B: 昭島 大輔 — 昭島市・技能労務職"), "{out}");
    // Both readiness figures on one line, A's on the left.
    let readiness = out.lines().find(|l| l.starts_with("本人 52/100")).unwrap();
    assert!(readiness.contains("本人 66/100"), "{readiness}");
    for section in [
        "■ 昇任の道筋",
        "■ 定年・役職定年",
        "■ 目標の職級への準備度",
        "■ 差の大きい能力（上位3）",
        "■ 次の研修",
        "■ ローテーション",
    ] {
        assert!(out.contains(section), "{section} missing:\n{out}");
    }
    assert!(out.contains("定年退職: 2054-03-31"), "{out}");
    assert!(!out.contains("対応づけ"), "no mapping between two plans:\n{out}");
}

#[test]
fn one_person_under_another_citys_profile_says_first_what_could_not_be_mapped() {
    let plan = persona("iruma-shunin-to-kacho");
    let (out, err, code) = run(&["compare", path(&plan), "--as", "上越市", "--today", "2026-11-21"]);
    assert_eq!(code, 0, "{err}");
    let mapping = out.find("■ 対応づけ（入間市 → 上越市）").unwrap();
    let comparison = out.find("■ 現在と目標").unwrap();
    assert!(mapping < comparison, "the mapping report comes first:\n{out}");
    assert!(out.contains("B: 入間 健 — 上越市・一般行政職"), "{out}");
    assert!(out.contains("現在の職級: 主任級（下から2番目）→ 主任"), "{out}");
    assert!(out.contains("職級の数が違います（入間市 7・上越市 6）"), "{out}");
    assert!(out.contains("人材育成能力 → 人材育成（別名が一致）"), "{out}");
    assert!(
        out.contains("Michi の仮定"),
        "the level conversion is marked as an assumption"
    );
    let lost = &out[out.find("写せなかったもの:").unwrap()..comparison];
    for item in [
        "能力 16 件（上越市に同じ名前・別名の能力なし）",
        "行政経営能力",
        "研修 3 件",
    ] {
        assert!(lost.contains(item), "{item} missing:\n{lost}");
    }
    for line in out.lines() {
        assert!(michi::text::width(line) <= 80, "wider than 80: {line}");
    }
}

#[test]
fn json_has_both_sides_and_the_mapping_under_stable_keys() {
    let plan = persona("iruma-shunin-to-kacho");
    let (out, err, code) = run(&[
        "compare",
        path(&plan),
        "--as",
        "joetsu",
        "--json",
        "--today",
        "2026-11-21",
    ]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["left", "mapping", "right", "today"]);
    assert!(
        out.find("\"left\"").unwrap() < out.find("\"right\"").unwrap(),
        "A before B"
    );
    assert_eq!(json["left"]["city"], "入間市");
    assert_eq!(json["right"]["city"], "上越市");
    assert_eq!(json["right"]["grade"], "shunin");
    assert!(json["left"]["readiness"]["readiness"].is_u64());
    assert!(json["left"]["top_gaps"].as_array().unwrap().len() <= 3);
    let ladder = json["right"]["ladder"].as_array().unwrap();
    assert_eq!(ladder.len(), 6);
    assert_eq!(ladder[1]["standing"], "current");
    let mapping = &json["mapping"];
    assert_eq!(mapping["series"]["how"], "first");
    assert_eq!(
        (mapping["from_ladder"].as_u64(), mapping["to_ladder"].as_u64()),
        (Some(7), Some(6))
    );
    let competencies = mapping["competencies"].as_array().unwrap();
    let unmapped = competencies.iter().filter(|c| c["to"].is_null()).count();
    assert!(unmapped > 0 && unmapped < competencies.len(), "{competencies:?}");
    assert_eq!(mapping["trainings_dropped"].as_array().unwrap().len(), 3);

    // Two plans: no mapping.
    let other = persona("kawagoe-hoiku-shunin");
    let (out, _, code) = run(&["compare", path(&plan), path(&other), "--json", "--today", "2026-11-21"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["mapping"], serde_json::Value::Null);
    assert_eq!(json["right"]["readiness"]["readiness"], serde_json::Value::Null);
}

#[test]
fn english_labels_with_lang_en() {
    let plan = persona("iruma-shunin-to-kacho");
    let (out, err, code) = run(&[
        "--lang",
        "en",
        "compare",
        path(&plan),
        "--as",
        "kawagoe",
        "--today",
        "2026-11-21",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Michi comparison (as of 2026-11-21)"), "{out}");
    assert!(out.contains("■ Mapping (入間市 → 川越市)"), "{out}");
    assert!(out.contains("政策形成能力 → 政策形成能力 (same name)"), "{out}");
    assert!(out.contains("Not carried over:"), "{out}");
    assert!(out.contains("■ Readiness for the target"), "{out}");
}

#[test]
fn an_unknown_profile_a_broken_plan_and_a_missing_second_plan_are_refused() {
    let plan = persona("iruma-shunin-to-kacho");
    let (out, err, code) = run(&["compare", path(&plan), "--as", "nowhere"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("nowhere") && err.contains("joetsu"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "grade = \n").unwrap();
    let (out, err, code) = run(&["compare", path(&broken), path(&plan)]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("broken.toml"), "{err}");

    let (_, err, code) = run(&["compare", path(&plan)]);
    assert_eq!(code, 2, "{err}");
    let (_, err, code) = run(&["compare", path(&plan), path(&plan), "--as", "joetsu"]);
    assert_eq!(code, 2, "{err}");
}
