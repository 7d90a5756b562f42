//! Rotation rules through the real binary: the fictional 例示市 profile installed as a user
//! profile (`$MICHI_CONFIG_DIR/profiles/`), plans analysed with `michi plan analyze` (text
//! and JSON), and a profile whose rules cannot be met refused by `michi profile check`.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/valid/rotation_patterns.toml");

/// A config directory with 例示市 installed as a user profile.
fn config() -> tempfile::TempDir {
    common::config_with_profile("rotation_patterns.toml", FIXTURE)
}

fn michi(config: &Path, args: &[&str]) -> (i32, String, String) {
    common::michi_in(config, args)
}

/// Writes a plan of 例示市 hired on `hire` with the postings and extra TOML.
fn write_plan(dir: &Path, name: &str, hire: &str, postings: &[(&str, &str, Option<&str>)], extra: &str) -> PathBuf {
    let mut text = format!(
        "schema_version = 1\nprofile = \"reiji\"\nbirth_date = 1990-05-01\nhire_date = {hire}\ngrade = \"shunin\"\ngrade_since = {hire}\ntarget_grade = \"kakaricho\"\n{extra}\n"
    );
    for (department, from, to) in postings {
        text.push_str(&format!(
            "\n[[assignments]]\ndepartment = \"{department}\"\nfrom = {from}\n"
        ));
        if let Some(to) = to {
            text.push_str(&format!("to = {to}\n"));
        }
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn analyze(config: &Path, plan: &Path, lang: &str) -> String {
    let (code, stdout, stderr) = michi(
        config,
        &[
            "--lang",
            lang,
            "plan",
            "analyze",
            plan.to_str().unwrap(),
            "--today",
            "2026-11-21",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    stdout
}

const COMPLIANT: &[(&str, &str, Option<&str>)] = &[
    ("zeimu", "2014-04-01", Some("2017-03-31")),
    ("doboku", "2017-04-01", Some("2020-03-31")),
    ("somu", "2020-04-01", Some("2024-03-31")),
    ("sangyo", "2024-04-01", None),
];

#[test]
fn plan_analyze_shows_phases_k_of_n_progress_and_the_first_posting_rule() {
    let config = config();
    let plan = write_plan(config.path(), "compliant.toml", "2014-04-01", COMPLIANT, "");
    let stdout = analyze(config.path(), &plan, "ja");
    for words in [
        "状況: 達成  (最初の配属)",
        "最初の配属: 税務課（市民対応系）・規則の配属先: 市民対応系",
        "状況: 達成  (養成期間（採用から10年） 2014-04-01 – 2024-03-31)",
        "5 系統中 3 系統を経験（3 系統以上が必要）",
        "状況: 期間内・一つの系統で継続中  (発揮期間（勤続10〜20年） 2024-04-01 – 2034-03-31)",
        "この期間の系統: 事業系",
        "次の配属の候補: 同じ系統（事業系）の中で異動",
        "理由: 発揮期間（勤続10〜20年）は一つの系統の中で異動する期間のため、新しい系統は勧めません",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }
    // Four years in 総務課 with a tenure of 3.3 years is not called long.
    assert!(!stdout.contains("より長い"), "{stdout}");
    assert!(!stdout.contains("未経験の系統"), "{stdout}");
    let stdout = analyze(config.path(), &plan, "en");
    for words in [
        "3 of 5 families, at least 3 needed",
        "Suggested next posting: a move within the same family (事業系)",
        "the 発揮期間 (years 10–20 of service) keeps postings within one family, so no new family is suggested",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }

    let (code, stdout, _) = michi(
        config.path(),
        &[
            "plan",
            "analyze",
            plan.to_str().unwrap(),
            "--today",
            "2026-11-21",
            "--json",
        ],
    );
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let rotation = &json["rotation"];
    let rules = rotation["rules"].as_array().unwrap();
    let yosei = rules.iter().find(|r| r["id"] == "yosei").unwrap();
    assert_eq!(yosei["phase"], "養成期間");
    assert_eq!(yosei["status"], "satisfied");
    assert_eq!(
        (yosei["needed"].as_u64(), yosei["at_least"].as_u64()),
        (Some(3), Some(3))
    );
    let hakki = rules.iter().find(|r| r["id"] == "hakki").unwrap();
    assert_eq!(
        (hakki["status"].as_str(), hakki["from_year"].as_u64()),
        (Some("holding"), Some(10))
    );
    let first = rules.iter().find(|r| r["id"] == "first_post").unwrap();
    assert!(first["window_end"].is_null());
    assert_eq!(first["first_posting"]["family"], "shimin");
    assert_eq!(rotation["next_family"], "jigyo");
    assert_eq!(rotation["next"]["same_family"], true);
    assert_eq!(rotation["next"]["reason"]["kind"], "within_family");
    assert_eq!(rotation["next"]["reason"]["phase"], "発揮期間");
}

#[test]
fn plan_analyze_reports_a_history_inside_one_family_and_a_first_posting_elsewhere() {
    let config = config();
    let one_family = [
        ("shimin_ka", "2014-04-01", Some("2017-03-31")),
        ("zeimu", "2017-04-01", Some("2020-03-31")),
        ("hoken_nenkin", "2020-04-01", None),
    ];
    let plan = write_plan(config.path(), "one_family.toml", "2014-04-01", &one_family, "");
    let stdout = analyze(config.path(), &plan, "ja");
    assert!(
        stdout.contains("状況: 未達（期間終了）  (養成期間（採用から10年）"),
        "{stdout}"
    );
    assert!(stdout.contains("5 系統中 1 系統を経験（3 系統以上が必要）"), "{stdout}");

    let elsewhere = [
        ("somu", "2022-04-01", Some("2025-03-31")),
        ("doboku", "2025-04-01", None),
    ];
    let plan = write_plan(
        config.path(),
        "elsewhere.toml",
        "2022-04-01",
        &elsewhere,
        "constraints = [\"介護のため通勤1時間以内\"]\n[self_report]\ntransfer_wish = \"move\"\nchoices = [\"総務課\", \"福祉課\"]",
    );
    let stdout = analyze(config.path(), &plan, "ja");
    for words in [
        "状況: 未達（規則に合わない配属）  (最初の配属)",
        "最初の配属: 総務課（管理・調整系）・規則の配属先: 市民対応系",
        "次の配属の候補: 福祉・保健系",
        "理由: 本人の希望（自己申告）「福祉課」で、規則も期間内に満たせます",
        "希望「総務課」（管理・調整系）は、養成期間（採用から10年）で3つ以上の部門系統を経験するローテーションを期間内に満たせなくなるため候補にしていません",
        "本人の事情: 介護のため通勤1時間以内",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }
}

#[test]
fn plan_analyze_warns_when_the_window_is_shorter_than_a_tenure() {
    let config = config();
    let postings = [
        ("zeimu", "2018-04-01", Some("2021-03-31")),
        ("doboku", "2021-04-01", None),
    ];
    let plan = write_plan(config.path(), "short.toml", "2018-04-01", &postings, "");
    let stdout = analyze(config.path(), &plan, "ja");
    assert!(
        stdout.contains("期間の残りは 1.4 年ですが、まだ 1 系統（1か所 3.3 年として 3.3 年）が必要です"),
        "{stdout}"
    );
    let stdout = analyze(config.path(), &plan, "en");
    assert!(
        stdout.contains("1.4 years of the window are left for 1 more family (3.3 years each: 3.3 years)"),
        "{stdout}"
    );
}

#[test]
fn profile_check_refuses_rules_that_cannot_be_met_and_shows_the_arithmetic() {
    let config = config();
    let path = config.path().join("all_five.toml");
    let text = FIXTURE.replace("at_least = 3", "at_least = 5").replace(
        "typical_tenure_years = 3.3          # 「10年で3か所」",
        "typical_tenure_years = 3",
    );
    std::fs::write(&path, text).unwrap();
    let (code, _, stderr) = michi(
        config.path(),
        &["--lang", "en", "profile", "check", path.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("5 families × 3 years = 15 years > window 10 years (the first 10 years of service)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("all_five.toml:"),
        "the message points into the file: {stderr}"
    );
    let (code, _, stderr) = michi(config.path(), &["profile", "check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("5 系統 × 3 年 = 15 年が、期間の 10 年（採用から10年）を超えます"),
        "{stderr}"
    );

    let (code, stdout, stderr) = michi(
        config.path(),
        &[
            "profile",
            "check",
            config.path().join("profiles/rotation_patterns.toml").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("ローテーション規則 3"), "{stdout}");
}
