//! `michi profile check` read by an HR officer, through the real binary: every problem of
//! a file in one run, in plain words with what to write; one problem per cause; warnings
//! that do not fail the check; and `michi profile new`, whose starter passes the check.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checker")
        .join(name)
}

/// Runs `michi` with an empty user profile directory: exit code, stdout, stderr.
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

/// `profile check` of the base profile with `from` replaced by `to`.
fn check_edited(from: &str, to: &str, lang: &str) -> (i32, String, String) {
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    assert!(base.contains(from), "{from}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kensa.toml");
    std::fs::write(&path, base.replacen(from, to, 1)).unwrap();
    michi(&["--lang", lang, "profile", "check", path.to_str().unwrap()])
}

/// The message blocks of a report, each from its `エラー:`/`警告:` line to the next.
fn blocks(stderr: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in stderr.lines() {
        let starts = ["エラー: ", "警告: ", "error: ", "warning: "]
            .iter()
            .any(|p| line.starts_with(p));
        match blocks.last_mut() {
            Some(block) if !starts => {
                block.push('\n');
                block.push_str(line);
            }
            _ => blocks.push(line.to_string()),
        }
    }
    blocks
}

/// The one block whose first line contains `message`.
fn block<'a>(blocks: &'a [String], message: &str) -> &'a str {
    let found: Vec<&String> = blocks
        .iter()
        .filter(|b| b.lines().next().unwrap_or_default().contains(message))
        .collect();
    assert_eq!(found.len(), 1, "one block for {message:?} in {blocks:#?}");
    found[0]
}

/// Words no message may hold: serde's and Rust's names for types.
const SERDE_WORDS: &[&str] = &[
    "invalid type",
    "invalid value",
    "expected",
    "u8",
    "u32",
    "sequence",
    " map",
    "variant",
    "struct",
];

#[test]
fn the_base_profile_passes_without_a_warning() {
    let (code, stdout, stderr) = michi(&["profile", "check", fixture("base.toml").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: "), "{stdout}");
    assert_eq!(stderr, "");
}

#[test]
fn every_missing_key_wrong_type_and_unknown_key_is_told_in_one_run() {
    let file = fixture("five_missing.toml");
    let (code, stdout, stderr) = michi(&["profile", "check", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stdout, "");
    let blocks = blocks(&stderr);
    // Each: the message, the line it points at, and what the hint says to write.
    let expected: &[(&str, &str, &str)] = &[
        (
            "必須のキー `name_romaji` がありません",
            "five_missing.toml:4:",
            "ファイルの先頭（最初の `[…]` の行より前）に `name_romaji = \"…\"` を書いてください",
        ),
        (
            "必須のキー `title` がありません",
            "five_missing.toml:8:",
            "この表（`[document]`）に `title = \"…\"` を書いてください",
        ),
        (
            "必須のキー `name` がありません",
            "five_missing.toml:31:",
            "この表（`[[job_series.grades]]`）に `name = \"…\"` を書いてください",
        ),
        (
            "必須のキー `name` がありません",
            "five_missing.toml:49:",
            "この表（`[[trainings]]`）に `name = \"…\"` を書いてください",
        ),
        (
            "`management` には `true` か `false` を書きます（書かれているのは 文字列 \"supervisory\"）",
            "five_missing.toml:39:14",
            "management = true または management = false と、引用符なしで書いてください",
        ),
        (
            "不明なキー `sorce` です",
            "five_missing.toml:47:1",
            "`source` のことですか？",
        ),
    ];
    for (message, location, hint) in expected {
        let found = blocks
            .iter()
            .find(|b| b.contains(message) && b.contains(location))
            .unwrap_or_else(|| panic!("{message} at {location} in\n{stderr}"));
        assert!(found.contains(hint), "{hint} in\n{found}");
    }
    // A series without grades may share another's (shares_from): that is told once the
    // structure is sound, as an empty ladder, so six problems here.
    assert!(stderr.contains("問題が 6 件あります"), "{stderr}");
    // A missing list of tables comes with an example of its first lines to copy.
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("bare.toml");
    std::fs::write(
        &bare,
        "schema_version = 2\nid = \"x\"\nname = \"x\"\nname_romaji = \"x\"\n[document]\ntitle = \"t\"\n",
    )
    .unwrap();
    let (_, _, stderr) = michi(&["profile", "check", bare.to_str().unwrap()]);
    let told = self::blocks(&stderr);
    let series = block(&told, "`[[job_series]]` がありません");
    let example: Vec<&str> = series
        .lines()
        .skip_while(|l| !l.contains("例:"))
        .skip(1)
        .map(str::trim)
        .collect();
    assert_eq!(example.first(), Some(&"[[job_series]]"), "{series}");
    assert!(example.contains(&"id = \"…\""), "{series}");
    for word in SERDE_WORDS {
        assert!(!stderr.contains(word), "{word:?} in\n{stderr}");
    }
}

#[test]
fn a_wrong_type_is_told_in_japanese_without_serde_words() {
    let (code, _, stderr) = check_edited("management = true", "management = \"supervisory\"", "ja");
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "エラー: `management` には `true` か `false` を書きます（書かれているのは 文字列 \"supervisory\"）"
        ),
        "{stderr}"
    );
    for word in SERDE_WORDS {
        assert!(!stderr.contains(word), "{word:?} in\n{stderr}");
    }
    let (_, _, stderr) = check_edited("min_years = 4", "min_years = 400", "ja");
    assert!(stderr.contains("`min_years` の 400 は範囲外です"), "{stderr}");
    assert!(stderr.contains("0〜255 の整数を書いてください"), "{stderr}");
    let (_, _, stderr) = check_edited("kind = \"cover_families\"", "kind = \"cover_family\"", "ja");
    assert!(stderr.contains("`kind` に `cover_family` は使えません"), "{stderr}");
    assert!(
        stderr.contains("`cover_families` のことですか？ 使える値: cover_families（挙げた系統を経験"),
        "{stderr}"
    );
    let (_, _, stderr) = check_edited("[[competencies]]", "[competencies]", "ja");
    assert!(
        stderr.contains("`competencies` は表の一覧です: `[competencies]` ではなく `[[competencies]]` と書きます"),
        "{stderr}"
    );
}

#[test]
fn a_bad_grade_id_is_one_error_and_its_references_are_counted() {
    // The grade's id is malformed; four places refer to what it was meant to be.
    let (code, _, stderr) = check_edited("id = \"shunin\"", "id = \"Shunin\"", "ja");
    assert_eq!(code, 1);
    let errors = stderr.matches("エラー: ").count();
    assert_eq!(errors, 1, "{stderr}");
    assert!(stderr.contains("ID `Shunin` は使えない形式です"), "{stderr}");
    assert!(
        stderr.contains("これを直すと、この誤りによるほかの 4 件も解消します"),
        "{stderr}"
    );
    assert!(
        stderr.contains("問題が 1 件あります（ほか 4 件はこの誤りによるもの）"),
        "{stderr}"
    );
    // A grade id written twice: the promotion steps through it are not told as well.
    let (code, _, stderr) = check_edited("id = \"shunin\"", "id = \"shuji\"", "en");
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(stderr.contains("duplicate grade id `shuji`"), "{stderr}");
    assert!(stderr.contains("1 problem (and "), "{stderr}");
}

#[test]
fn an_unknown_id_referred_to_twice_is_one_problem() {
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    let text = base
        .replace("competency = \"gyomu\"", "competency = \"gyoumu\"")
        .replace(
            "grades = [\"shuji\", \"shunin\"]",
            "grades = [\"shuji\", \"shunin\"]\ncompetencies = [\"gyoumu\"]",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.toml");
    std::fs::write(&path, text).unwrap();
    let (code, _, stderr) = michi(&["--lang", "en", "profile", "check", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("error: ").count(), 1, "{stderr}");
    assert!(stderr.contains("no competency with id `gyoumu`"), "{stderr}");
    assert!(stderr.contains("1 problem (and 3 more caused by it)"), "{stderr}");
}

#[test]
fn warnings_follow_ok_and_do_not_fail_the_check() {
    let file = fixture("weak.toml");
    let (code, stdout, stderr) = michi(&["profile", "check", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("ok: "), "{stdout}");
    let blocks = blocks(&stderr);
    for message in [
        "研修（[[trainings]]）がありません。研修の提案は出ません",
        "職系「行政職」の職級 1 件（主任）に役割（roles）がありません",
        "職系「行政職」の 課長 には、最下位の職級から昇任ステップでたどり着けません",
        "ローテーション規則（[[rotation.rules]]）の 1 件に出典（source）がありません",
    ] {
        let found = block(&blocks, message);
        assert!(found.starts_with("警告: "), "{found}");
    }
    assert!(
        stderr
            .trim_end()
            .ends_with("weak.toml: 警告が 4 件あります（チェックは通っています）"),
        "{stderr}"
    );
    assert!(!stderr.contains("エラー"), "{stderr}");
}

#[test]
fn profile_new_writes_a_starter_that_passes_the_check_with_its_placeholders_warned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mihon.toml");
    let file = path.to_str().unwrap();
    let (code, stdout, stderr) = michi(&["profile", "new", "--name", "見本市", "--id", "mihon", "-o", file]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("プロファイルを作成しました"), "{stdout}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("schema_version = 2\nid = \"mihon\"\nname = \"見本市\""),
        "{text}"
    );
    let (code, stdout, stderr) = michi(&["profile", "check", file]);
    assert_eq!(code, 0, "the starter passes as written\n{stderr}");
    assert!(stdout.starts_with("ok: "), "{stdout}");
    assert!(stderr.contains("警告: 未記入の値が"), "{stderr}");
    assert!(stderr.contains("要件（[[requirements]]）がありません"), "{stderr}");
    assert!(!stderr.contains("エラー"), "{stderr}");
    // Every placeholder line is a warning until it is replaced.
    let placeholders = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#') && l.contains("未記入"))
        .count();
    assert!(
        stderr.contains(&format!("未記入の値が {placeholders} か所あります")),
        "{stderr}"
    );

    // Never over an existing file without --force; with it, replaced.
    std::fs::write(&path, "mine").unwrap();
    let (code, _, stderr) = michi(&["--lang", "en", "profile", "new", "--name", "見本市", "-o", file]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let (code, _, _) = michi(&["profile", "new", "--name", "見本市", "-o", file, "--force"]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("id = \"my_city\"   # 未記入"),
        "without --id, a placeholder id: {text}"
    );
    let (code, _, _) = michi(&["profile", "check", file]);
    assert_eq!(code, 0);

    // English comments; the same checks pass.
    let (code, stdout, _) = michi(&["--lang", "en", "profile", "new", "--name", "Mihon"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("# Copy each part from the human-resource development policy"),
        "{stdout}"
    );

    let (code, _, stderr) = michi(&["profile", "new", "--name", "見本市", "--id", "Mihon City"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("ID `Mihon City` は使えない形式です"), "{stderr}");
}
