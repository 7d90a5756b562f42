//! The real binary: `michi workshop`'s options, every persona checked by `michi plan check`,
//! and a sample analysed as of its own date unless a date is asked for.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;

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

#[test]
fn the_workshop_command_offers_the_four_cohorts_and_refuses_others() {
    let (code, stdout, _) = michi(&["workshop", "--help"]);
    assert_eq!(code, 0);
    for word in [
        "--cohort",
        "3nenme",
        "30dai",
        "40dai",
        "55sai",
        "--anonymous",
        "--today",
    ] {
        assert!(stdout.contains(word), "{word} missing:\n{stdout}");
    }
    let (code, _, stderr) = michi(&["workshop", "--cohort", "20dai"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("30dai"), "{stderr}");
    let (code, _, stderr) = michi(&["workshop", "--today", "2026-02-30"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn every_persona_passes_plan_check() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let (code, stdout, stderr) = michi(&["plan", "check", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{}: {stdout}{stderr}", path.display());
        assert!(stdout.starts_with("ok: "), "{stdout}");
        count += 1;
    }
    assert_eq!(count, michi::store::personas::PERSONAS.len(), "every file is bundled");
}

#[test]
fn a_sample_is_analysed_as_of_its_own_date_unless_another_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas/iruma-shunin-to-kacho.toml"),
    )
    .unwrap()
    .replace("as_of = 2026-11-22", "as_of = 2025-06-01");
    let plan = dir.path().join("sample.toml");
    std::fs::write(&plan, text).unwrap();
    let plan = plan.to_str().unwrap();
    let (code, stdout, _) = michi(&["plan", "analyze", plan]);
    assert_eq!(code, 0);
    assert!(stdout.contains("(基準日 2025-06-01)"), "{stdout}");
    let (_, stdout, _) = michi(&["plan", "analyze", plan, "--today", "2026-01-05"]);
    assert!(stdout.contains("(基準日 2026-01-05)"), "{stdout}");
    let (code, stdout, _) = michi(&["export", plan, "--format", "md"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("**年度**: 2025（令和7年度）"),
        "the sample's year:\n{stdout}"
    );
}
