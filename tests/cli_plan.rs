//! The real binary on plans: personas analysed in text and JSON, broken plans refused with
//! their line, starter plans, grade diffs.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

#[cfg(unix)]
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn persona(name: &str) -> PathBuf {
    root().join("assets/personas").join(format!("{name}.toml"))
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

fn analyze_json(name: &str) -> Value {
    let path = persona(name);
    let (code, stdout, stderr) = michi(&[
        "plan",
        "analyze",
        path.to_str().unwrap(),
        "--today",
        "2026-11-21",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn json_analysis_has_the_documented_fields() {
    let json = analyze_json("iruma-shunin-to-kacho");
    assert_eq!(json["retirement"]["age"], 65);
    assert_eq!(json["retirement"]["date"], "2054-03-31");
    assert_eq!(json["retirement"]["management_post_until"], "2049-03-31");
    for step in json["trajectory"].as_array().unwrap() {
        for key in [
            "grade",
            "earliest_fy",
            "typical_fy",
            "reachable",
            "before_management_limit",
            "illustrative",
        ] {
            assert!(step.get(key).is_some(), "trajectory.{key}");
        }
    }
    let gaps = json["gaps"].as_array().unwrap();
    // 課長級 marks 16 of the 17 competencies; 行政経営能力 is blank there (記載なし: no gap).
    assert_eq!(gaps.len(), 16);
    assert!(gaps.iter().all(|g| g["competency"] != "gyosei_keiei"));
    for g in gaps {
        for key in ["competency", "required", "current", "supervisor", "gap", "emphasis"] {
            assert!(g.get(key).is_some(), "gaps.{key}");
        }
    }
    assert_eq!(gaps[0]["emphasis"], "key");
    assert!(json["readiness"].as_u64().unwrap() < 100);
    for t in json["trainings"].as_array().unwrap() {
        assert!(t["id"].is_string() && t["fy"].is_i64() && t["addresses"].is_array());
    }
    // The planned training comes first.
    assert_eq!(json["trainings"][0]["id"], "coaching");
    for key in ["covered", "missing", "next_family", "findings"] {
        assert!(json["rotation"].get(key).is_some(), "rotation.{key}");
    }
}

#[test]
fn the_readable_report_is_japanese_and_aligned_by_display_width() {
    let path = persona("joetsu-shuji-second-year");
    let (code, stdout, _) = michi(&["plan", "analyze", path.to_str().unwrap(), "--today", "2026-11-21"]);
    assert_eq!(code, 0);
    for words in [
        "■ 定年・役職定年",
        "定年退職日",
        "2068-03-31",
        "■ 昇任の見通し",
        "2029（令和11年度）",
        "約束ではありません",
        "準備度",
        "■ 研修計画",
        "■ ジョブローテーション",
        "未経験の系統: 事業系、管理・調整系",
        "次の配属の候補: 事業系",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }
    // In the gap table, the required rung (上越's levels are rungs of its descriptions, 段)
    // starts at the same display column on every row.
    let lines: Vec<&str> = stdout.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("能力") && l.contains("必要"))
        .unwrap();
    let col = |l: &str| michi::text::width(&l[..l.find('段').unwrap()]);
    let rows: Vec<&&str> = lines[header + 1..]
        .iter()
        .take_while(|l| l.contains('段') && !l.starts_with(' '))
        .collect();
    assert!(rows.len() > 3);
    let first = col(rows[0]);
    assert!(rows.iter().all(|r| col(r) == first), "{stdout}");
}

#[test]
fn english_labels_on_request() {
    let path = persona("ageo-shusa-born-1968");
    let (code, stdout, _) = michi(&[
        "--lang",
        "en",
        "plan",
        "analyze",
        path.to_str().unwrap(),
        "--today",
        "2026-11-21",
    ]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("■ Retirement") && stdout.contains("after 役職定年"),
        "{stdout}"
    );
    assert!(stdout.contains("would come after the management age limit"), "{stdout}");
}

#[test]
fn every_persona_checks_ok() {
    for entry in std::fs::read_dir(root().join("assets/personas")).unwrap() {
        let path = entry.unwrap().path();
        let (code, stdout, stderr) = michi(&["plan", "check", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{}: {stderr}", path.display());
        assert!(stdout.starts_with("ok: "));
    }
}

/// Writes `base.toml` with one replacement and checks the plan, in English.
fn broken(from: &str, to: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(root().join("tests/fixtures/plans/base.toml")).unwrap();
    assert!(base.contains(from), "fixture lacks {from}");
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, base.replacen(from, to, 1)).unwrap();
    let (code, _, stderr) = michi(&["--lang", "en", "plan", "check", path.to_str().unwrap()]);
    (code, stderr)
}

#[test]
fn broken_plans_are_refused_with_line_and_hint() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            "target_grade = \"kakaricho\"",
            "target_grade = \"kakarichou\"",
            "plan.toml:7:",
            &["no grade with id `kakarichou`", "did you mean `kakaricho`?"],
        ),
        (
            "grade = \"shunin\"",
            "grade = \"kacho\"",
            "plan.toml:7:",
            &["target grade `kakaricho` is below the current grade `kacho`"],
        ),
        (
            "birth_date = 1995-06-01",
            "birth_date = 2019-06-01",
            "plan.toml:4:",
            &[
                "`hire_date` comes before `birth_date`",
                "make `hire_date` later than `birth_date`",
            ],
        ),
        (
            "to = 2021-03-31",
            "to = 2017-03-31",
            "plan.toml:15:",
            &["`to` comes before `from`"],
        ),
        (
            "from = 2021-04-01",
            "from = 2020-04-01",
            "plan.toml:19:",
            &["overlaps the previous one"],
        ),
        (
            "ethics = 1",
            "ethics = 9",
            "plan.toml:10:",
            // 倫理 is one description at every grade (上越 3(1)): rung 1, or 0 not yet
            &["level 9 is outside the scale 0–1"],
        ),
        (
            "ethics = 1",
            "ethcs = 1",
            "plan.toml:10:",
            &["no competency with id `ethcs`", "did you mean `ethics`?"],
        ),
        (
            "profile = \"joetsu\"",
            "profile = \"joetu\"",
            "plan.toml:2:",
            &["no profile with id `joetu`", "did you mean `joetsu`?"],
        ),
        (
            "grade_since",
            "grade_sinse",
            "plan.toml:6:",
            &["unknown key `grade_sinse`", "did you mean `grade_since`?"],
        ),
        (
            "birth_date = 1995-06-01",
            "birth_date = 1995-02-30",
            "plan.toml:3:",
            &["not a date", "write a real date"],
        ),
        (
            "birth_date = 1995-06-01",
            "birth_date = \"June 1995\"",
            "plan.toml:3:",
            &["not a date"],
        ),
        (
            "[self_assessment]",
            "completed_trainings = [\"nope\"]\n[self_assessment]",
            "plan.toml:9:",
            &["no training with id `nope`"],
        ),
        (
            "target_grade = \"kakaricho\"\n",
            "",
            "plan.toml:",
            &["missing required key `target_grade`"],
        ),
    ];
    for (from, to, location, words) in cases {
        let (code, stderr) = broken(from, to);
        assert_eq!(code, 1, "{to}: {stderr}");
        assert!(stderr.contains(location), "{to}: expected {location} in\n{stderr}");
        for w in *words {
            assert!(stderr.contains(w), "{to}: expected {w:?} in\n{stderr}");
        }
    }
}

#[test]
fn analyze_refuses_a_broken_plan_and_a_bad_today() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, "schema_version = 1\nprofile = \"iruma\"\n").unwrap();
    let (code, stdout, stderr) = michi(&["plan", "analyze", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty() && stderr.contains("plan.toml:1:"), "{stderr}");
    let p = persona("iruma-shunin-to-kacho");
    assert_eq!(
        michi(&["plan", "analyze", p.to_str().unwrap(), "--today", "2026-02-30"]).0,
        2
    );
}

#[test]
fn plan_new_writes_a_private_starter_that_checks_ok_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    for id in ["ageo", "iruma", "kawagoe", "akishima", "joetsu"] {
        let _ = std::fs::remove_file(&path);
        let (code, _, stderr) = michi(&["plan", "new", "--profile", id, "-o", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{id}: {stderr}");
        let (code, stdout, stderr) = michi(&["plan", "check", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{id}: the starter must be valid\n{stderr}");
        assert!(stdout.starts_with("ok: "));
        let (code, _, stderr) = michi(&["plan", "analyze", path.to_str().unwrap(), "--today", "2026-11-21"]);
        assert_eq!(code, 0, "{id}: {stderr}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let before = std::fs::read(&path).unwrap();
    let (code, _, stderr) = michi(&[
        "--lang",
        "en",
        "plan",
        "new",
        "--profile",
        "iruma",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("already exists") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "never overwritten without --force"
    );
    let (code, stdout, _) = michi(&["plan", "new", "--profile", "iruma"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("profile = \"iruma\"") && stdout.contains("#   kacho = 課長級（管理監督職・役職定年の対象）"),
        "{stdout}"
    );
}

#[test]
fn grade_diff_shows_what_the_higher_grade_asks() {
    let (code, stdout, _) = michi(&["grade", "diff", "--profile", "iruma", "shunin", "shusa"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("主任級 と 副主幹・主査級 の違い"), "{stdout}");
    let line = stdout.lines().find(|l| l.starts_with("交渉・調整能力")).unwrap();
    // Blank at 主任級 in the document's table: no requirement, not "level 1".
    assert!(
        line.contains("記載なし") && line.contains("◎4") && !line.contains("・1"),
        "{line}"
    );
    assert!(stdout.contains("副主幹・主査級 で新たに求められる役割"), "{stdout}");
    let (code, stdout, _) = michi(&["grade", "diff", "--profile", "ageo", "shusa", "kacho", "--json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert!(!json["changes"].as_array().unwrap().is_empty());
    let (code, _, stderr) = michi(&[
        "--lang",
        "en",
        "grade",
        "diff",
        "--profile",
        "iruma",
        "shunin",
        "shuninn",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no grade `shuninn`"), "{stderr}");
}

#[test]
fn rotation_findings_name_rules_by_what_they_ask_and_english_years_carry_no_era() {
    // A profile with rules (the synthetic one, as a user profile): a leave inside a rule's
    // window is told by what the rule asks, never by its id.
    let config = tempfile::tempdir().unwrap();
    std::fs::create_dir(config.path().join("profiles")).unwrap();
    let shape = michi::testgen::ProfileShape::BASE;
    std::fs::write(
        config.path().join("profiles/synthetic.toml"),
        michi::testgen::profile_toml(&shape),
    )
    .unwrap();
    let plan = config.path().join("plan.toml");
    std::fs::write(&plan, michi::testgen::plan_toml(&shape, 4)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args(["plan", "analyze", plan.to_str().unwrap(), "--today", "2026-11-21"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout.contains("採用から10年で複数の部署を経験するローテーションの期間に、休業等が 365 日あります"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("three_departments") && !stdout.contains("cover0") && !stdout.contains("規則 "),
        "{stdout}"
    );

    // 入間's document sets no rotation rule (IV-1(3) is a statement): no window, no leave
    // counted in one.
    let path = persona("iruma-back-from-childcare");
    let path = path.to_str().unwrap();
    let (code, stdout, _) = michi(&["plan", "analyze", path, "--today", "2026-11-21"]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("ローテーションの期間に"), "{stdout}");
    assert!(!stdout.contains("wakate_job_rotation"), "{stdout}");
    let (code, stdout, _) = michi(&["--lang", "en", "plan", "analyze", path, "--today", "2026-11-21"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("FY2032") && !stdout.contains("年度"), "{stdout}");
    assert!(!stdout.contains("wakate_job_rotation"), "{stdout}");
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn plan_check_on_a_fifo_answers_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.toml");
    mkfifo(&fifo);
    // A read that opened the FIFO would wait for a writer forever: the timeout fails it.
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", dir.path())
        .args(["--lang", "en", "plan", "check", fifo.to_str().unwrap()])
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("not a regular file but a named pipe"), "{stderr}");
    let (code, _, stderr) = michi(&["plan", "check", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("通常のファイルではありません（フォルダ）"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn plan_new_never_writes_over_a_fifo_a_device_or_a_folder_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    let folder = dir.path().join("folder.toml");
    std::fs::create_dir(&folder).unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    for path in [&fifo, &folder, &link] {
        for force in [false, true] {
            let mut args = vec!["plan", "new", "--profile", "iruma", "-o", path.to_str().unwrap()];
            if force {
                args.push("--force");
            }
            let out = Command::new(env!("CARGO_BIN_EXE_michi"))
                .env("MICHI_CONFIG_DIR", dir.path())
                .args(&args)
                .timeout(std::time::Duration::from_secs(10))
                .output()
                .unwrap();
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(out.status.code(), Some(1), "{path:?} {force}: {stderr}");
            assert!(stderr.contains("通常のファイルではありません"), "{stderr}");
        }
    }
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(folder.is_dir());
    let (code, _, stderr) = michi(&["plan", "new", "--profile", "iruma", "-o", "/dev/null", "--force"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn plan_new_force_writes_through_a_link_and_never_follows_a_dangling_one() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (code, _, stderr) = michi(&[
        "plan",
        "new",
        "--profile",
        "iruma",
        "-o",
        link.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("profile = \"iruma\""));

    let dangling = dir.path().join("dangling.toml");
    let nowhere = dir.path().join("nowhere.toml");
    std::os::unix::fs::symlink(&nowhere, &dangling).unwrap();
    let (code, _, stderr) = michi(&["plan", "new", "--profile", "iruma", "-o", dangling.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("ファイルが既にあります"), "{stderr}");
    assert!(!nowhere.exists(), "nothing is created where a dangling link points");
}

#[test]
fn a_plan_of_thousands_of_tables_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(persona("iruma-shunin-to-kacho")).unwrap();
    let before = text.lines().count();
    let tables_before = text.lines().filter(|l| l.trim_start().starts_with('[')).count();
    for _ in 0..3_000 {
        text.push_str("\n[[assignments]]\ndepartment = \"x\"\nfrom = 2011-04-01\n");
    }
    let path = dir.path().join("many.toml");
    std::fs::write(&path, &text).unwrap();
    let (code, _, stderr) = michi(&["plan", "check", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("2000"), "the bound is named: {stderr}");
    // The problem points at the first table past the bound.
    let extra = michi::store::plans::MAX_PLAN_TABLES - tables_before + 1;
    let line = before + 1 + (extra - 1) * 4 + 1;
    assert!(
        stderr.contains(&format!("many.toml:{line}:1")),
        "at line {line}: {stderr}"
    );
}

#[test]
fn grade_diff_reads_a_descriptor_ladder_in_rungs_with_its_legend() {
    // 昭島: levels are the rungs of its own descriptions, and requirements accumulate up the
    // ladder by its table's note, so nothing 主任職 asks is lost at 係長職.
    let (code, stdout, _) = michi(&["grade", "diff", "--profile", "akishima", "shunin", "kakaricho"]);
    assert_eq!(code, 0);
    let line = stdout.lines().find(|l| l.starts_with("企画実行力")).unwrap();
    assert!(line.contains("段1↑") && line.contains("段2"), "{line}");
    assert!(
        !stdout.contains('◎') && !stdout.contains('*'),
        "no marks the document does not use:\n{stdout}"
    );
    for legend in [
        "段: 文書が職級ごとに書く記述の順",
        "↑: 下位の職級の要件を引き継いだもの",
        "記載なし: ",
    ] {
        assert!(stdout.contains(legend), "missing {legend}:\n{stdout}");
    }
    // 入間: a scale that is Michi's assumption is marked and explained.
    let (_, stdout, _) = michi(&["grade", "diff", "--profile", "iruma", "shunin", "shusa"]);
    assert!(stdout.contains("◎4*"), "{stdout}");
    assert!(stdout.contains("*: Michi の仮定"), "{stdout}");
}

#[test]
fn plan_analyze_prints_the_documents_conditions_for_each_promotion() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "schema_version = 1\nprofile = \"akishima\"\nbirth_date = 1990-05-01\nhire_date = 2013-04-01\ngrade = \"shunin\"\ngrade_since = 2019-04-01\ntarget_grade = \"kacho\"\n",
    )
    .unwrap();
    let (code, stdout, _) = michi(&["plan", "analyze", plan.to_str().unwrap(), "--today", "2026-11-22"]);
    assert_eq!(code, 0);
    // 昭島 3(1): 「その他の職位への昇任については、人事評価などに基づく選考によることとしている」.
    assert!(
        stdout.contains("  課長職への昇任の条件: 人事評価などに基づく選考"),
        "{stdout}"
    );
    assert!(stdout.contains("役職定年（管理監督職の上限）  2051-03-31"), "{stdout}");
    // 川越's 保育職: no grade of the ladder is subject to 役職定年, so no date is given.
    let (_, stdout, _) = michi(&[
        "plan",
        "analyze",
        persona("kawagoe-hoiku-shunin").to_str().unwrap(),
        "--today",
        "2026-11-22",
    ]);
    assert!(
        stdout.contains("役職定年（管理監督職の上限）  この職系に対象の職級なし"),
        "{stdout}"
    );
}
