//! `michi workshop sheet`: the workshop's worksheets on the real binary, blank and filled
//! in from a sample, as HTML printed by a real headless browser on A4 (skipped with a notice
//! where Chromium is missing, except in CI), and as Markdown; private files, never replaced
//! without --force.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn persona(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/personas/{name}.toml"))
}

fn michi(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", dir.join("config"))
        .env_remove("MICHI_LANG")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn each_worksheet_prints_on_a4_blank_and_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (kind, plan, words) in [
        ("lifeline", None, vec!["ライフライン"]),
        ("lifeline", Some("iruma-shunin-to-kacho"), vec!["入間健"]),
        ("wcm", None, vec!["Will", "Can", "Must"]),
        ("wcm", Some("iruma-shunin-to-kacho"), vec!["入間健", "課長級"]),
        ("next10", None, vec!["55"]),
        ("next10", Some("ageo-shusa-born-1968"), vec!["上尾誠", "役職定年"]),
    ] {
        let mut args = vec!["workshop", "sheet", "--kind", kind];
        let path = plan.map(persona);
        if let Some(p) = &path {
            args.push(p.to_str().unwrap());
        }
        let out = michi(d, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = String::from_utf8(out.stdout).unwrap();
        assert!(html.contains("@page { size: A4 portrait"), "{kind}");
        assert!(
            !html.contains("<script") && !html.contains("src="),
            "{kind}: self-contained"
        );
        assert!(!html.contains("署名"), "{kind}: a worksheet has no signature boxes");
        let page = d.join("sheet.html");
        std::fs::write(&page, &html).unwrap();
        if let Some(printed) = common::print_html(&page) {
            assert!(printed.info.contains("(A4)"), "{}", printed.info);
            assert!((1..=3).contains(&printed.pages), "{kind}: {} pages", printed.pages);
            for w in &words {
                assert!(
                    printed.squashed.contains(w),
                    "{kind} {plan:?}: {w} missing in the printed sheet"
                );
            }
        }
    }
}

#[test]
fn markdown_and_private_files_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plan = persona("iruma-shunin-to-kacho");
    let out = michi(
        d,
        &[
            "workshop",
            "sheet",
            "--kind",
            "wcm",
            plan.to_str().unwrap(),
            "--format",
            "md",
        ],
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Will-Can-Must"), "{md}");
    let out = michi(d, &["workshop", "sheet", "--kind", "lifeline", "-o", "l.html"]);
    assert_eq!(out.status.code(), Some(0));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(d.join("l.html")).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let again = michi(d, &["workshop", "sheet", "--kind", "lifeline", "-o", "l.html"]);
    assert_eq!(again.status.code(), Some(1), "never over a file without --force");
    let forced = michi(
        d,
        &["workshop", "sheet", "--kind", "lifeline", "-o", "l.html", "--force"],
    );
    assert_eq!(forced.status.code(), Some(0));
    let bad = michi(d, &["workshop", "sheet", "--kind", "nothing"]);
    assert_eq!(bad.status.code(), Some(2));
}
