//! Bad input that must not hurt: generated files with many thousands of problems get exit
//! 1 and a bounded report; special files are refused at once; a closed pipe ends quietly;
//! user profiles are all read. No timings are asserted (benches/diagnostics.rs measures).
#![allow(clippy::unwrap_used, clippy::panic)]

#[path = "support/badgen.rs"]
mod badgen;

use std::process::{Command, Output};

use michi::i18n::Lang;
use michi::store::diagnostic::MAX_SHOWN;
use michi::store::{Catalog, parse_plan, parse_profile};

fn michi(args: &[&str]) -> Output {
    let empty = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-user-profiles");
    Command::new(env!("CARGO_BIN_EXE_michi"))
        .args(args)
        .env("MICHI_CONFIG_DIR", empty)
        .env_remove("MICHI_LANG")
        .output()
        .unwrap()
}

#[test]
fn every_generated_case_is_answered_with_a_bounded_report() {
    let catalog = Catalog::load(None, Lang::En);
    for case in badgen::cases() {
        let result = match case.kind {
            badgen::Kind::Plan => parse_plan(case.name, case.text.as_bytes(), &catalog, Lang::En).err(),
            badgen::Kind::Profile => parse_profile(case.name, case.text.as_bytes(), Lang::En).err(),
        };
        let problems = result.unwrap_or_else(|| panic!("{}: accepted", case.name));
        // Every problem is told, counted past the bound, or counted as caused by another
        // (a second reference to the same unknown id).
        let accounted = problems.total() + problems.follow_ons();
        assert!(accounted >= case.at_least, "{}: {accounted}", case.name);
        assert!(problems.iter().count() <= MAX_SHOWN, "{}", case.name);
        for d in &problems {
            assert!(d.line.is_some() && d.column.is_some(), "{}: {d:?}", case.name);
        }
        for lang in [Lang::Ja, Lang::En] {
            let text = problems.render(lang);
            // A hundred problems of a few short lines each, whatever the file's size.
            assert!(text.len() < 64 * 1024, "{}: {} bytes", case.name, text.len());
            assert!(text.lines().all(|l| michi::text::width(l) <= 400), "{}", case.name);
            if problems.omitted() > 0 {
                let more = match lang {
                    Lang::Ja => format!("ほかに {} 件の問題があります", problems.omitted()),
                    Lang::En => format!("and {} more problems", problems.omitted()),
                };
                assert!(text.contains(&more), "{}: {text}", case.name);
            }
        }
    }
}

#[test]
fn the_two_mebibyte_file_gets_exit_1_and_the_first_hundred_problems() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, badgen::distinct_unknown_trainings(150_000, badgen::MAX_BYTES)).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len() as usize, badgen::MAX_BYTES);
    for command in ["check", "analyze"] {
        let out = michi(&["--lang", "en", "plan", command, path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "plan {command}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.matches("error: ").count(), MAX_SHOWN, "plan {command}");
        assert!(stderr.contains("… and 149900 more problems"), "{stderr}");
        assert!(stderr.trim_end().ends_with("bad.toml: 150000 problems"), "{stderr}");
    }
}

#[test]
fn a_line_break_in_a_name_cannot_forge_a_report_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("forged.toml");
    std::fs::write(&path, badgen::forged_lines()).unwrap();
    for command in ["check", "analyze"] {
        let out = michi(&["plan", command, path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stderr).unwrap() + &String::from_utf8(out.stdout).unwrap();
        assert!(!text.lines().any(|l| l.starts_with('■')), "{text}");
        assert!(text.contains("一行で書く欄に改行が含まれています"), "{text}");
        assert!(text.contains("一行で書く欄にタブが含まれています"), "{text}");
        assert!(text.contains("forged.toml:8:8"), "{text}");
    }
}

#[cfg(unix)]
#[test]
fn devices_and_folders_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    for (path, kind) in [("/dev/zero", "a device"), (folder, "a folder")] {
        for args in [["plan", "check"], ["plan", "analyze"], ["profile", "check"]] {
            let out = michi(&["--lang", "en", args[0], args[1], path]);
            assert_eq!(out.status.code(), Some(1), "{args:?} {path}");
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert!(stderr.contains(&format!("not a regular file but {kind}")), "{stderr}");
            assert!(!stderr.contains("bytes"), "{stderr}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    let persona = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/personas/iruma-shunin-to-kacho.toml"
    );
    for json in ["", "--json"] {
        let script = format!(
            "\"$MICHI\" plan analyze '{persona}' {json} --today 2026-01-01 | head -n 1 >/dev/null; exit ${{PIPESTATUS[0]}}"
        );
        let out = Command::new("bash")
            .args(["-c", &script])
            .env("MICHI", env!("CARGO_BIN_EXE_michi"))
            .env("MICHI_CONFIG_DIR", dir_without_profiles())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{json}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{json}");
    }
}

fn dir_without_profiles() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-user-profiles")
}

#[test]
fn every_user_profile_is_read_however_many_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = include_str!("fixtures/valid/minimal.toml");
    for i in 0..250 {
        let text = minimal.replace("id = \"sample\"", &format!("id = \"p{i:04}\""));
        std::fs::write(dir.path().join(format!("p{i:04}.toml")), text).unwrap();
    }
    let catalog = Catalog::load(Some(dir.path()), Lang::Ja);
    assert!(catalog.failed.is_empty());
    assert_eq!(catalog.entries.len(), michi::store::BUNDLED.len() + 250);
    assert!(catalog.get("p0249").is_some(), "the 250th profile is there");
}
