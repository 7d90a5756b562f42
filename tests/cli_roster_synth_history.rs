//! `michi roster synth --history-out` on the real binary: a posting history for the same
//! fictitious staff, consistent with the roster and reproducible; `michi roster --history`
//! on the pair finds people for the rotation rule (and past the tenure, when the profile
//! gives one); the sample pair in assets/rosters reproduces from its README's command.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::collections::HashMap;
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

/// `michi roster synth --profile PROFILE --rows 300 --seed 2026 --today 2026-11-22 -o
/// ROSTER` with `extra`; the exit code.
fn synth(dir: &Path, profile: &str, roster: &str, extra: &[&str]) -> Option<i32> {
    synth_rows(dir, profile, roster, "300", extra)
}

fn synth_rows(dir: &Path, profile: &str, roster: &str, rows: &str, extra: &[&str]) -> Option<i32> {
    let out = michi(dir)
        .args([
            "roster",
            "synth",
            "--profile",
            profile,
            "--rows",
            rows,
            "--seed",
            "2026",
            "--today",
            "2026-11-22",
            "-o",
            roster,
        ])
        .args(extra)
        .output()
        .unwrap();
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    out.status.code()
}

/// The year of a date written 2026-04-01.
fn year(date: &str) -> i32 {
    date.split('-').next().unwrap().parse().unwrap()
}

fn rows(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The report's JSON with `--history`.
fn rotation(dir: &Path, profile: &str, roster: &str, history: &str) -> serde_json::Value {
    let out = michi(dir)
        .args([
            "roster",
            roster,
            "--profile",
            profile,
            "--today",
            "2026-11-22",
            "--history",
            history,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["rotation"].clone()
}

#[test]
fn the_history_follows_each_person_from_hire_to_today_and_matches_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        synth(dir.path(), "joetsu", "r.csv", &["--history-out", "h.csv"]),
        Some(0)
    );
    assert_eq!(synth(dir.path(), "joetsu", "plain.csv", &[]), Some(0));
    let (roster, history, plain) = (
        rows(&dir.path().join("r.csv")),
        rows(&dir.path().join("h.csv")),
        rows(&dir.path().join("plain.csv")),
    );
    assert_eq!(roster.len(), 300);
    let header = std::fs::read_to_string(dir.path().join("h.csv")).unwrap();
    assert!(header.starts_with("職員番号,所属,開始日,終了日\n"), "{header}");
    // The same people: only 所属 and 所属発令日 differ from the roster made without a history.
    for (with, without) in roster.iter().zip(&plain) {
        assert_eq!(with[..7], without[..7]);
    }
    let departments = [
        "税務部門",
        "福祉部門",
        "都市整備部門",
        "産業観光部門",
        "農業部門",
        "総務部門",
        "企画部門",
    ];
    let mut by_id: HashMap<&str, Vec<&Vec<String>>> = HashMap::new();
    for row in &history {
        assert!(departments.contains(&row[1].as_str()), "{row:?}");
        by_id.entry(row[0].as_str()).or_default().push(row);
    }
    for person in &roster {
        let postings = &by_id[person[0].as_str()];
        assert_eq!(postings[0][2], person[3], "the first posting starts on the hire date");
        for pair in postings.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            let start = year(&earlier[2]);
            let next = year(&later[2]);
            assert!(earlier[2].ends_with("-04-01") && later[2].ends_with("-04-01"));
            assert_eq!(earlier[3], format!("{next}-03-31"), "{earlier:?} then {later:?}");
            assert!((2..=6).contains(&(next - start)), "{earlier:?} then {later:?}");
            assert_ne!(earlier[1], later[1], "a move is to another department");
        }
        let current = postings.last().unwrap();
        assert_eq!(current[3], "", "the last posting is open");
        assert!(postings[..postings.len() - 1].iter().all(|p| !p[3].is_empty()));
        assert_eq!((&current[1], &current[2]), (&person[7], &person[8]), "{person:?}");
    }
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_shift_jis_is_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let args = |h: &'static str| ["--history-out", h];
    assert_eq!(synth(dir.path(), "joetsu", "a.csv", &args("ah.csv")), Some(0));
    assert_eq!(synth(dir.path(), "joetsu", "b.csv", &args("bh.csv")), Some(0));
    let read = |f: &str| std::fs::read(dir.path().join(f)).unwrap();
    assert_eq!(read("a.csv"), read("b.csv"));
    assert_eq!(read("ah.csv"), read("bh.csv"));
    assert_eq!(
        synth(
            dir.path(),
            "joetsu",
            "s.csv",
            &["--history-out", "sh.csv", "--encoding", "sjis"]
        ),
        Some(0)
    );
    for (utf8, sjis) in [("a.csv", "s.csv"), ("ah.csv", "sh.csv")] {
        let bytes = read(sjis);
        let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
        assert!(!bad);
        assert_ne!(read(sjis), read(utf8));
        assert_eq!(text.as_bytes(), read(utf8), "{sjis}");
    }
    // A workbook roster gets the same history.
    assert_eq!(synth(dir.path(), "joetsu", "w.xlsx", &args("wh.csv")), Some(0));
    assert_eq!(read("wh.csv"), read("ah.csv"));
}

#[test]
fn the_rotation_check_on_the_pair_finds_people_and_uses_every_history_row() {
    let dir = tempfile::tempdir().unwrap();
    // Enough staff for the shares below to hold whatever the draws.
    assert_eq!(
        synth_rows(dir.path(), "joetsu", "r.csv", "3000", &["--history-out", "h.csv"]),
        Some(0)
    );
    let rotation = rotation(dir.path(), "joetsu", "r.csv", "h.csv");
    let history_rows = rows(&dir.path().join("h.csv")).len() as u64;
    assert_eq!(rotation["history"]["read"], history_rows);
    assert_eq!(rotation["history"]["used"], history_rows);
    assert_eq!(rotation["history"]["skipped"], 0);
    assert_eq!(rotation["without_history"], 0);
    let rule = &rotation["rules"][0];
    assert_eq!(rule["rule"], "three_families");
    let (in_window, missing) = (rule["in_window"].as_u64().unwrap(), rule["missing"].as_u64().unwrap());
    assert!(
        missing > 0 && in_window > missing,
        "{in_window} inside, {missing} missing"
    );
    assert_eq!(rule["listed"].as_array().unwrap().len() as u64, missing);
    assert_eq!(rotation["past_tenure"], serde_json::Value::Null, "上越 gives no tenure");

    // Those in the window's last years (hired 2017–2019) mostly served every family: the
    // ones who did not are the few who stay in one family.
    let roster = rows(&dir.path().join("r.csv"));
    let listed: Vec<&str> = rule["listed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let late: Vec<&Vec<String>> = roster
        .iter()
        .filter(|r| r[4] == "一般行政職" && (2017..=2019).contains(&year(&r[3])))
        .collect();
    let late_missing = late.iter().filter(|r| listed.contains(&r[0].as_str())).count();
    assert!(
        late.len() > 50 && late_missing * 3 < late.len(),
        "{late_missing} of {}",
        late.len()
    );
}

#[test]
fn with_a_tenure_in_the_profile_some_stay_past_it() {
    let dir = tempfile::tempdir().unwrap();
    common::add_joetsu_tenure_profile(dir.path());
    assert_eq!(
        synth(dir.path(), "joetsu_tenure", "r.csv", &["--history-out", "h.csv"]),
        Some(0)
    );
    let rotation = rotation(dir.path(), "joetsu_tenure", "r.csv", "h.csv");
    let past = rotation["past_tenure"].as_u64().unwrap();
    assert!((10..=80).contains(&past), "{past} of 300 past the tenure");
    assert_eq!(rotation["past_tenure_listed"].as_array().unwrap().len() as u64, past);
    assert_eq!(rotation["tenure_illustrative"], true);
    // Everyone else moved within the three years.
    let history = rows(&dir.path().join("h.csv"));
    for pair in history.windows(2).filter(|p| p[0][0] == p[1][0]) {
        let years = year(&pair[1][2]) - year(&pair[0][2]);
        assert!((2..=3).contains(&years), "{pair:?}");
    }
}

#[test]
fn a_profile_without_departments_or_one_file_for_both_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = michi(dir.path())
        .args([
            "roster",
            "synth",
            "--profile",
            "iruma",
            "--rows",
            "10",
            "-o",
            "r.csv",
            "--history-out",
            "h.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("iruma") && stderr.contains("departments"), "{stderr}");
    assert!(!dir.path().join("r.csv").exists() && !dir.path().join("h.csv").exists());
    assert_eq!(
        synth(dir.path(), "joetsu", "r.csv", &["--history-out", "r.csv"]),
        Some(2)
    );
    assert_eq!(synth(dir.path(), "joetsu", "r.csv", &["--history-out", "-"]), Some(2));
    assert!(!dir.path().join("r.csv").exists());
    // An existing history is not replaced without --force, and the roster is not written.
    std::fs::write(dir.path().join("h.csv"), "kept").unwrap();
    assert_eq!(
        synth(dir.path(), "joetsu", "r.csv", &["--history-out", "h.csv"]),
        Some(1)
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("h.csv")).unwrap(), "kept");
    assert!(!dir.path().join("r.csv").exists());
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["h.csv"], "no temporary file is left");
    assert_eq!(
        synth(dir.path(), "joetsu", "r.csv", &["--history-out", "h.csv", "--force"]),
        Some(0)
    );
    assert!(
        std::fs::read_to_string(dir.path().join("h.csv"))
            .unwrap()
            .starts_with("職員番号")
    );
}

#[test]
fn the_sample_pair_reproduces_from_its_readme_command_and_reports_as_documented() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rosters");
    let readme = std::fs::read_to_string(assets.join("README.md")).unwrap();
    let command = "michi roster synth --profile joetsu --rows 300 --seed 2026 --today 2026-11-22 -o assets/rosters/joetsu.csv --history-out assets/rosters/joetsu-history.csv";
    assert!(readme.contains(command), "the README gives the command");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("assets/rosters")).unwrap();
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    let out = michi(dir.path()).args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for file in ["joetsu.csv", "joetsu-history.csv"] {
        assert_eq!(
            std::fs::read(dir.path().join("assets/rosters").join(file)).unwrap(),
            std::fs::read(assets.join(file)).unwrap(),
            "{file}"
        );
    }
    let rotation = rotation(
        dir.path(),
        "joetsu",
        assets.join("joetsu.csv").to_str().unwrap(),
        assets.join("joetsu-history.csv").to_str().unwrap(),
    );
    let rule = &rotation["rules"][0];
    let (in_window, missing) = (rule["in_window"].as_u64().unwrap(), rule["missing"].as_u64().unwrap());
    assert!(
        readme.contains(&format!("of the {in_window} 一般行政職 staff"))
            && readme.contains(&format!("{missing} have not")),
        "the README's figures are the report's: {in_window} inside, {missing} missing"
    );
    let postings = rows(&assets.join("joetsu-history.csv")).len();
    assert!(readme.contains(&format!("{},{:03} postings", postings / 1000, postings % 1000)));
}
