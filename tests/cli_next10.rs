//! `michi plan next10` on the real binary: the next ten years of 上尾's 主査 born in 1968, in
//! Japanese, English and JSON; the 1 April edge between two cohorts; a broken plan refused.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn persona() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas/ageo-shusa-born-1968.toml")
}

fn michi(args: &[&str]) -> (i32, String, String) {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn next10(plan: &Path, extra: &[&str]) -> String {
    let mut args = vec!["plan", "next10", plan.to_str().unwrap(), "--today", "2026-11-21"];
    args.extend(extra);
    let (code, stdout, stderr) = michi(&args);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

/// The persona born on `birth` instead, in a temporary folder.
fn born(dir: &Path, birth: &str) -> PathBuf {
    let text = std::fs::read_to_string(persona()).unwrap();
    let path = dir.join(format!("born-{birth}.toml"));
    std::fs::write(
        &path,
        text.replace("birth_date = 1968-08-12", &format!("birth_date = {birth}")),
    )
    .unwrap();
    path
}

#[test]
fn the_report_gives_the_years_dates_options_and_sources() {
    let out = next10(&persona(), &[]);
    for expected in [
        "Michi これからの10年 上尾 誠 — 上尾市  (基準日 2026-11-21)",
        "定年 65歳 2034-03-31［国］",
        "目標の課長級は役職定年の対象［市］: 就いても 2029-03-31 まで",
        "2029（令和11年度）  61歳  延長時  70%   給与7割・延長時の上限",
        "2030-03-31         役職定年の延長の上限（条例で延長できる場合・1年）［国］",
        "- 定年前再任用短時間勤務  2028-08-11〜2034-03-31",
        "- 定年前再任用短時間勤務制度: 地方公務員法第22条の4（定年前再任用短時間勤務職員の任用）",
        "- 役職定年の対象とする職級（課長級）［市］",
        "［国］国の制度（法令）による既定値。",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let out = next10(&persona(), &["--lang", "en"]);
    for expected in [
        "Retirement at 65 on 2034-03-31 [national]",
        "- Full-time to retirement (70% pay)  2028-08-11 to 2034-03-31",
        "Latest with a one-year extension (where the 条例 allows) [national]",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[test]
fn the_json_names_each_dates_rule_and_lists_the_rules_with_their_laws() {
    let json: Value = serde_json::from_str(&next10(&persona(), &["--json"])).unwrap();
    assert_eq!(json["profile"], "ageo");
    assert_eq!(json["age"], 58);
    assert_eq!(json["retirement"]["date"], "2034-03-31");
    assert_eq!(json["management"]["kind"], "target");
    let events = json["events"].as_array().unwrap();
    let event = |kind: &str| events.iter().find(|e| e["kind"] == kind).unwrap();
    assert_eq!(event("management_posts_end")["date"], "2029-03-31");
    assert_eq!(event("management_extension_end")["rule"], "management_post_extension");
    assert_eq!(event("information_and_intent")["until"], "2028-03-31");
    let rules = json["rules"].as_array().unwrap();
    let extension = rules.iter().find(|r| r["id"] == "management_post_extension").unwrap();
    assert!(
        extension["source"]
            .as_str()
            .unwrap()
            .starts_with("地方公務員法第28条の5")
    );
    assert_eq!(json["years"].as_array().unwrap().len(), 8);
    assert_eq!(json["options"][1]["kind"], "short_time");
}

#[test]
fn a_1_april_birthday_joins_the_earlier_cohort() {
    let dir = tempfile::tempdir().unwrap();
    let first = next10(&born(dir.path(), "1967-04-01"), &[]);
    let second = next10(&born(dir.path(), "1967-04-02"), &[]);
    assert!(first.contains("定年 64歳 2031-03-31［国］"), "{first}");
    assert!(first.contains("2027-03-31         60歳に達する日"), "{first}");
    assert!(first.contains("2032-03-31         暫定再任用の上限"), "{first}");
    assert!(second.contains("定年 65歳 2033-03-31［国］"), "{second}");
    assert!(second.contains("2027-04-01         60歳に達する日"), "{second}");
    assert!(!second.contains("暫定再任用"), "{second}");
}

#[test]
fn a_broken_plan_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = born(dir.path(), "1968-02-30");
    let (code, stdout, stderr) = michi(&["plan", "next10", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(stderr.contains("born-1968-02-30.toml:"), "{stderr}");
}
