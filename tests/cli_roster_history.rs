//! `michi roster --history` on the real binary: the rotation section in JSON (beside the
//! report's keys) and in the text, and a history without its columns refused.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;

fn michi(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_michi"));
    c.env("MICHI_CONFIG_DIR", dir.join("config"))
        .env_remove("MICHI_LANG")
        .env_remove("COLUMNS")
        .current_dir(dir);
    c
}

/// 上越, as of 2026-11-21: 0001 (6 years of service) has served 市民対応系 and 事業系 but
/// not 管理・調整系; 0002 (8 years) all three; 0003 (26 years) is outside the 10 years.
const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級\n\
0001,上越 一,1997-05-01,2020-04-01,一般行政職,主事\n\
0002,上越 二,1995-05-01,2018-04-01,一般行政職,主任\n\
0003,上越 三,1977-05-01,2000-04-01,一般行政職,課長\n";

const HISTORY: &str = "職員番号,所属,開始日,終了日\n\
0001,tax,2020-04-01,2022-03-31\n\
0001,urban_development,2022-04-01,\n\
0002,welfare,2018-04-01,2020-03-31\n\
0002,agriculture,2020-04-01,2023-03-31\n\
0002,planning,2023-04-01,\n\
0003,tax,2000-04-01,\n\
0009,どこか,2020-04-01,\n";

fn run(dir: &Path, format: &str) -> std::process::Output {
    std::fs::write(dir.join("r.csv"), ROSTER).unwrap();
    std::fs::write(dir.join("h.csv"), HISTORY).unwrap();
    michi(dir)
        .args([
            "roster",
            "r.csv",
            "--profile",
            "joetsu",
            "--today",
            "2026-11-21",
            "--history",
            "h.csv",
            "--format",
            format,
        ])
        .output()
        .unwrap()
}

#[test]
fn the_rotation_section_joins_the_history_to_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), "json");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["summary"]["used"], 3, "the report's keys stay");
    let rotation = &json["rotation"];
    assert_eq!(rotation["history"]["read"], 7);
    assert_eq!(rotation["history"]["skipped"], 1, "どこか is no department of 上越");
    assert_eq!(rotation["history"]["problems"][0]["row"], 8);
    let rule = &rotation["rules"][0];
    assert_eq!(rule["rule"], "three_families");
    assert_eq!(rule["in_window"], 2);
    assert_eq!(rule["missing"], 1);
    assert_eq!(rule["listed"][0]["id"], "0001");
    assert_eq!(rule["listed"][0]["have"], 2);
    assert_eq!(rule["listed"][0]["need"], 3);
    assert_eq!(rotation["past_tenure"], serde_json::Value::Null);

    let out = run(dir.path(), "text");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("■ ローテーション（配属履歴から）"), "{text}");
    assert!(
        text.contains("規則 three_families（採用から10年間）: 期間内 2 人、まだ満たしていない 1 人"),
        "{text}"
    );
    assert!(text.contains("  0001  上越 一  2/3系統"), "{text}");
}

#[test]
fn a_history_without_its_columns_is_refused_with_the_header_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.csv"), ROSTER).unwrap();
    std::fs::write(dir.path().join("h.csv"), "id,dept\n1,tax\n").unwrap();
    let out = michi(dir.path())
        .args(["roster", "r.csv", "--profile", "joetsu", "--history", "h.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("職員番号・所属・開始日") && err.contains("id, dept"),
        "{err}"
    );
}
