//! The 面談シート as HTML for A4, printed by a real headless browser (Chromium, installed by
//! `.ci/run`): A4 pages, one or two for a typical plan, and the text a reader needs; no
//! value can become markup. Without Chromium (a machine that has not run `.ci/run`) the
//! print is skipped with a notice, except in CI, where it must run.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/interview.toml")
}

fn html(extra: &[&str]) -> String {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args([
            "export",
            plan().to_str().unwrap(),
            "--format",
            "html",
            "--today",
            "2026-11-22",
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_value_is_escaped_and_the_page_is_a4_with_no_script() {
    let page = html(&[]);
    assert!(page.contains("@page { size: A4 portrait"), "A4 CSS");
    assert!(!page.contains("<script"), "no script, and no value opens one:\n{page}");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{page}");
    assert!(
        page.contains("thead { display: table-header-group; }"),
        "headers repeat on each page"
    );
    assert!(
        page.contains("=HYPERLINK(&quot;http://evil&quot;)"),
        "a formula is only text"
    );
    assert!(!page.contains("<a "), "no link is made");
    assert!(!page.contains("取扱注意"), "the 自己申告 only when asked for");
    assert!(html(&["--with-self-report"]).contains("自己申告（取扱注意）"));
}

#[test]
fn a_browser_prints_it_on_one_or_two_a4_pages_with_the_name_a_goal_a_note_and_a_training() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("sheet.html");
    std::fs::write(&page, html(&[])).unwrap();
    let Some(printed) = common::print_html(&page) else {
        return;
    };
    assert!(printed.info.contains("(A4)"), "{}", printed.info);
    assert!((1..=2).contains(&printed.pages), "{} pages", printed.pages);
    for words in [
        "入間健",
        "窓口の待ち時間を短縮する",
        "関係課との調整を自らまとめた",
        "他自治体等との連携研修",
    ] {
        assert!(
            printed.squashed.contains(words),
            "missing {words} in the printed sheet:\n{}",
            printed.text
        );
    }
}
