//! The real `michi` binary on good and bad profiles: exit codes, and messages that name the
//! problem and its line.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// `michi` with an empty user profile directory, so the developer's own files never leak in.
fn michi(config: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_michi"));
    cmd.env("MICHI_CONFIG_DIR", config).env_remove("MICHI_LANG");
    cmd
}

fn run(args: &[&str]) -> Output {
    let config = tempfile::tempdir().unwrap();
    michi(config.path()).args(args).output().unwrap()
}

fn check_en(file: &Path) -> (i32, String, String) {
    let out = run(&["--lang", "en", "profile", "check", file.to_str().unwrap()]);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_valid_profile_prints_ok_with_a_summary() {
    let (code, stdout, _) = check_en(&fixture("valid/minimal.toml"));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("ok: "), "{stdout}");
    assert!(stdout.contains("3 grades, 2 competencies"), "{stdout}");
}

/// Each invalid fixture: the line the problem is on and words the message must contain.
const INVALID: &[(&str, usize, &[&str])] = &[
    ("syntax", 4, &["TOML syntax error"]),
    ("unknown_key", 27, &["unknown key `nmae`", "did you mean `name`?"]),
    ("missing_field", 49, &["missing required key `source`"]),
    ("duplicate_id", 33, &["duplicate competency id `policy`"]),
    (
        "unknown_reference",
        70,
        &["no grade with id `kachou`", "did you mean `kacho`?"],
    ),
    ("promotion_backwards", 87, &["`kacho` → `shunin` goes down the ladder"]),
    (
        "promotion_cycle",
        87,
        &["goes down the ladder", "form a cycle: shuji → shunin → shuji"],
    ),
    ("level_out_of_scale", 73, &["level 9 is outside the scale 1–3"]),
    ("empty_ladder", 129, &["job series `empty` has no grades"]),
    ("control_escape", 8, &["control character U+001B"]),
    ("bidi_override", 35, &["control character U+202E"]),
    ("raw_control", 5, &["TOML syntax error"]),
    ("typical_below_min", 89, &["typical_years 3 is below min_years 5"]),
    (
        "wrong_type",
        81,
        &[
            "`min_years` takes a whole number from 0 to 255, not text \"four\"",
            "without quotes",
        ],
    ),
    (
        "unknown_variant",
        64,
        &[
            "`keey` is not an allowed value of `emphasis`",
            "did you mean `key`?",
            "key (◎ key), expected (○ expected), unmarked",
        ],
    ),
];

#[test]
fn every_kind_of_bad_profile_is_named_with_its_line() {
    for (name, line, words) in INVALID {
        let file = fixture(&format!("invalid/{name}.toml"));
        let (code, stdout, stderr) = check_en(&file);
        assert_eq!(code, 1, "{name}: exit code\n{stderr}");
        assert!(stdout.is_empty(), "{name}: nothing on stdout, got {stdout}");
        let location = format!("{name}.toml:{line}:");
        assert!(stderr.contains(&location), "{name}: expected {location} in\n{stderr}");
        for w in *words {
            assert!(stderr.contains(w), "{name}: expected {w:?} in\n{stderr}");
        }
        assert!(
            stderr.contains("= hint: "),
            "{name}: every problem comes with a hint\n{stderr}"
        );
    }
}

#[test]
fn control_characters_are_never_echoed_raw() {
    for name in ["control_escape", "bidi_override", "raw_control"] {
        let (_, _, stderr) = check_en(&fixture(&format!("invalid/{name}.toml")));
        assert!(
            !stderr.chars().any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}'),
            "{name}: raw control character in {stderr:?}"
        );
    }
}

#[test]
fn messages_are_japanese_by_default() {
    let out = run(&[
        "profile",
        "check",
        fixture("invalid/unknown_reference.toml").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("エラー: 職級 `kachou` は定義されていません"),
        "{stderr}"
    );
    assert!(stderr.contains("ヒント: `kacho` のことですか？"), "{stderr}");
}

#[test]
fn several_consistency_problems_are_all_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid/minimal.toml"))
        .unwrap()
        .replace(
            "grade = \"kacho\"\ncompetency = \"policy\"",
            "grade = \"kachou\"\ncompetency = \"polcy\"",
        )
        .replace("level = 2\nsource", "level = 7\nsource");
    let file = dir.path().join("many.toml");
    std::fs::write(&file, text).unwrap();
    let (code, _, stderr) = check_en(&file);
    assert_eq!(code, 1);
    assert!(stderr.contains("no grade with id `kachou`"), "{stderr}");
    assert!(stderr.contains("no competency with id `polcy`"), "{stderr}");
    assert!(stderr.contains("level 7 is outside"), "{stderr}");
    assert!(stderr.contains("3 problems"), "{stderr}");
}

#[test]
fn windows_files_with_bom_and_crlf_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid/minimal.toml"))
        .unwrap()
        .replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let file = dir.path().join("windows.toml");
    std::fs::write(&file, bytes).unwrap();
    let (code, stdout, stderr) = check_en(&file);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: "));
}

#[test]
fn shift_jis_files_are_recognised_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    // `name = "主任"` in Shift_JIS on line 2.
    let file = dir.path().join("sjis.toml");
    std::fs::write(&file, b"schema_version = 1\nname = \"\x8E\xE5\x94\x43\"\n").unwrap();
    let (code, _, stderr) = check_en(&file);
    assert_eq!(code, 1);
    assert!(stderr.contains("sjis.toml:2:9"), "{stderr}");
    assert!(stderr.contains("Shift_JIS"), "{stderr}");
    assert!(stderr.contains("UTF-8"), "{stderr}");
}

#[test]
fn oversized_files_are_refused_without_reading_them_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.toml");
    std::fs::write(&file, "# padding\n".repeat(300_000)).unwrap();
    let (code, _, stderr) = check_en(&file);
    assert_eq!(code, 1);
    assert!(stderr.contains("over the limit"), "{stderr}");
}

#[test]
fn deeply_nested_or_random_input_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "nested.toml",
            format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        ),
        (
            "dotted.toml",
            format!("{} = 1", vec!["a"; 50_000].join(".")).into_bytes(),
        ),
        (
            "inline.toml",
            format!("a = {}{}", "{b = ".repeat(50_000), "}".repeat(50_000)).into_bytes(),
        ),
        ("binary.toml", (0..=255u8).cycle().take(10_000).collect()),
        ("empty.toml", Vec::new()),
    ];
    for (name, bytes) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let (code, _, stderr) = check_en(&file);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
    }
}

#[test]
fn a_missing_file_is_exit_1_and_usage_errors_are_exit_2() {
    let (code, _, stderr) = check_en(Path::new("/nonexistent/profile.toml"));
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot read the file"), "{stderr}");
    assert_eq!(run(&["profile", "check"]).status.code(), Some(2));
    assert_eq!(run(&["profile", "frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["--lang", "fr", "profile", "list"]).status.code(), Some(2));
}

#[test]
fn help_version_and_completions_work() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(String::from_utf8(help.stdout).unwrap().contains("profile"));
    let version = run(&["--version"]);
    assert_eq!(
        String::from_utf8(version.stdout).unwrap().trim(),
        format!("michi {}", env!("CARGO_PKG_VERSION"))
    );
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains("michi") && script.contains("profile"), "{shell}");
    }
}

#[test]
fn list_shows_the_five_bundled_municipalities() {
    let out = run(&["profile", "list"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for (id, name) in [
        ("ageo", "上尾市"),
        ("iruma", "入間市"),
        ("kawagoe", "川越市"),
        ("akishima", "昭島市"),
        ("joetsu", "上越市"),
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} missing in\n{text}"));
        assert!(line.contains(name) && line.contains("同梱"), "{line}");
    }
    // Columns line up by display width: every row's date column starts at the same column.
    let rows: Vec<&str> = text.lines().collect();
    let date_col = |line: &str| {
        let idx = line.find("20").unwrap();
        michi::text::width(&line[..idx])
    };
    let first = date_col(rows[1]);
    assert!(rows[1..].iter().all(|r| date_col(r) == first), "{text}");
}

#[test]
fn user_profiles_load_override_bundled_ones_and_broken_ones_are_skipped() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("profiles");
    std::fs::create_dir_all(&dir).unwrap();
    let minimal = std::fs::read_to_string(fixture("valid/minimal.toml")).unwrap();
    std::fs::write(dir.join("sample.toml"), &minimal).unwrap();
    std::fs::write(
        dir.join("iruma.toml"),
        minimal.replace("id = \"sample\"", "id = \"iruma\""),
    )
    .unwrap();
    std::fs::write(dir.join("broken.toml"), "schema_version = \"one\"\n").unwrap();

    let out = michi(config.path())
        .args(["--lang", "en", "profile", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let origin = |id: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .map(|r| r["origin"].clone())
    };
    assert_eq!(origin("sample"), Some("user".into()));
    assert_eq!(origin("iruma"), Some("user".into()));
    assert_eq!(origin("ageo"), Some("bundled".into()));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("replaces the bundled `iruma`"), "{stderr}");
    assert!(
        stderr.contains("skipped the profile") && stderr.contains("broken.toml:1:"),
        "{stderr}"
    );

    // The overriding profile is the one exported.
    let out = michi(config.path())
        .args(["profile", "export", "iruma", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["name"], "見本市");
}

#[test]
fn export_of_an_unknown_id_is_exit_1_with_the_known_ids() {
    let out = run(&["--lang", "en", "profile", "export", "irma"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no profile with id `irma`") && stderr.contains("iruma"),
        "{stderr}"
    );
}

#[test]
fn export_without_json_prints_toml_that_checks_ok() {
    let config = tempfile::tempdir().unwrap();
    let out = michi(config.path())
        .args(["profile", "export", "joetsu"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let file = config.path().join("copy.toml");
    std::fs::write(&file, &out.stdout).unwrap();
    let (code, stdout, stderr) = check_en(&file);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("(joetsu)"));
}

#[test]
fn json_export_fills_every_grade_and_competency_pair() {
    let out = run(&["profile", "export", "iruma", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let grades: usize = json["job_series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["grades"].as_array().unwrap().len())
        .sum();
    let competencies = json["competencies"].as_array().unwrap().len();
    let requirements = json["requirements"].as_array().unwrap();
    assert_eq!(requirements.len(), grades * competencies);
    for r in requirements {
        for key in [
            "series",
            "grade",
            "competency",
            "level",
            "emphasis",
            "descriptor",
            "source",
        ] {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        assert!(["key", "expected", "unmarked"].contains(&r["emphasis"].as_str().unwrap()));
    }
    for key in [
        "id",
        "name",
        "job_series",
        "competencies",
        "requirements",
        "promotion",
        "rotation",
        "trainings",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    let step = &json["promotion"][0];
    for key in [
        "series",
        "from",
        "to",
        "min_years",
        "typical_years",
        "exam",
        "illustrative",
    ] {
        assert!(step.get(key).is_some(), "missing promotion {key}");
    }
}

#[test]
fn json_export_carries_courses_leave_rules_and_series_aliases() {
    // 昭島's ゼネラリスト and スペシャリスト courses were missing from the export.
    let out = run(&["profile", "export", "akishima", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let courses: Vec<&str> = json["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(courses, ["generalist", "specialist"]);
    assert_eq!(json["leave_rules"], serde_json::json!([]));
    assert!(json["job_series"][0]["aliases"].is_array(), "{}", json["job_series"][0]);
}
