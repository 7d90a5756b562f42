//! `michi team DIR` on the real binary: every plan of a folder in a row, a broken file
//! listed with its problem and never fatal.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;

#[test]
fn a_folder_of_plans_is_listed_with_readiness_both_ways_and_open_goals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root.join("tests/fixtures/plans/interview.toml"),
        dir.path().join("a.toml"),
    )
    .unwrap();
    std::fs::copy(
        root.join("assets/personas/iruma-shunin-to-kacho.toml"),
        dir.path().join("b.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.toml"), "broken = \n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args(["team", dir.path().to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3, "only the .toml files: {rows:?}");
    assert_eq!(rows[0]["name"], "入間 健");
    assert_eq!(rows[0]["last_interview"], "2026-05-12");
    assert_eq!(rows[0]["open_goals"], 1);
    assert!(
        rows[0]["supervisor_readiness"].is_u64(),
        "both ways once the supervisor assessed"
    );
    assert_eq!(rows[1]["last_interview"], serde_json::Value::Null);
    assert!(rows[2]["problem"].as_str().unwrap().contains("TOML"), "{}", rows[2]);

    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args(["team", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("氏名"), "{table}");
    assert!(table.contains("2026-05-12"), "{table}");
}
