//! `michi workshop sheet`: the workshop's worksheets on the real binary, blank and filled
//! in from a sample, as HTML printed by a real headless browser on A4 (skipped with a notice
//! where Chromium is missing, except in CI), and as Markdown; private files, never replaced
//! without --force.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

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

fn found(program: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The printed pages' count and text, or None where there is no browser to print with.
fn print(html: &str, dir: &Path) -> Option<(u32, String)> {
    if !(found("chromium") && found("pdftotext") && found("pdfinfo")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must print the sheets: .ci/run installs chromium and poppler-utils"
        );
        eprintln!("chromium or poppler-utils not found: the print check is skipped");
        return None;
    }
    let page = dir.join("sheet.html");
    std::fs::write(&page, html).unwrap();
    let pdf = dir.join("sheet.pdf");
    let printed = Process::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ])
        .output()
        .unwrap();
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&printed.stderr));
    let info = String::from_utf8(Process::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(info.contains("(A4)"), "{info}");
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let text = Process::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap()
        .stdout;
    let text: String = String::from_utf8(text)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some((pages, text))
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
        if let Some((pages, text)) = print(&html, d) {
            assert!((1..=3).contains(&pages), "{kind}: {pages} pages");
            for w in &words {
                assert!(text.contains(w), "{kind} {plan:?}: {w} missing in the printed sheet");
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
