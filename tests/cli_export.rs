//! `michi export` on the real binary: the 面談シート as Markdown, CSV and JSON, with the
//! 自己申告 only when asked for, an anonymous sheet for handouts, values that stay inert,
//! and files that are private and never overwritten by surprise.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plans/interview.toml")
}

fn export(extra: &[&str]) -> (i32, Vec<u8>, String) {
    let config = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args(["export", plan().to_str().unwrap(), "--today", "2026-11-22"])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn markdown_holds_the_sheet_and_no_value_can_become_markup() {
    let (code, out, err) = export(&["--format", "md"]);
    assert_eq!(code, 0, "{err}");
    let md = text(&out);
    for words in [
        "# 面談シート",
        "- **氏名**: 入間 健",
        "- **面談日**: 2026-05-12（期首面談）",
        "| 窓口の待ち時間を短縮する | 平均待ち時間 20分→10分 | 2027-03-31 |",
        "2026-06-01 上司: 関係課との調整を自らまとめた",
        "| 他自治体等との連携研修 |",
        "| 合意した次のステップ | 課題別研修を受ける |",
        "## 記録メモ（能力の表にないもの）",
        "| 2026-09-10 | 本人 |  | 防災訓練の受付を担当した |",
    ] {
        assert!(md.contains(words), "missing {words:?} in\n{md}");
    }
    assert!(!md.contains("昨年度のメモ"), "only the year's notes:\n{md}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("\\<script\\>"), "{md}");
    // The 自己申告 is confidential: left out unless asked for.
    assert!(!md.contains("腰痛"), "{md}");
    let (_, out, _) = export(&["--format", "md", "--with-self-report"]);
    let md = text(&out);
    assert!(md.contains("## 自己申告（取扱注意）"), "{md}");
    assert!(md.contains("腰痛"), "{md}");
}

#[test]
fn csv_opens_in_excel_and_no_cell_runs_as_a_formula() {
    let (code, out, err) = export(&["--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(&[0xEF, 0xBB, 0xBF]), "a BOM first");
    let csv = text(&out[3..]);
    assert!(csv.contains("\r\n"), "CRLF line ends");
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")"), "{csv}");
    assert!(
        csv.contains("窓口の待ち時間を短縮する,平均待ち時間 20分→10分,2027-03-31"),
        "{csv}"
    );
}

#[test]
fn json_carries_the_record_and_an_anonymous_sheet_leaves_the_person_out() {
    let (code, out, err) = export(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["name"], "入間 健");
    assert_eq!(json["interviews"][0]["goals"][0]["status"], "in_progress");
    assert_eq!(json["notes"][0]["author"], "supervisor");
    assert!(json["analysis"]["gaps"].is_array());
    assert!(json.get("self_report").is_none(), "confidential unless asked for");

    let (_, out, _) = export(&["--format", "json", "--anonymous"]);
    let raw = text(&out);
    for personal in [
        "入間 健",
        "入間 一郎",
        "関係課との調整",
        "窓口の改善に取り組みたい",
        "HYPERLINK",
    ] {
        assert!(!raw.contains(personal), "{personal} in the anonymous sheet:\n{raw}");
    }
    let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert!(json["name"].is_null());
}

#[test]
fn a_file_is_private_and_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sheet.md");
    let f = file.to_str().unwrap();
    let (code, _, err) = export(&["--format", "md", "-o", f]);
    assert_eq!(code, 0, "{err}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let (code, _, err) = export(&["--format", "md", "-o", f]);
    assert_eq!(code, 1);
    assert!(err.contains("ファイルが既にあります"), "{err}");
    let (code, _, _) = export(&["--format", "md", "-o", f, "--force"]);
    assert_eq!(code, 0);
    // `-o -` is standard output.
    let (code, out, _) = export(&["--format", "md", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(text(&out).starts_with("# 面談シート"));
}

#[test]
fn the_workbook_reads_back_with_the_sheet_and_the_formula_as_text() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sheet.xlsx");
    let (code, _, err) = export(&["--format", "xlsx", "-o", file.to_str().unwrap(), "--with-self-report"]);
    assert_eq!(code, 0, "{err}");
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), ["面談シート", "自己申告（取扱注意）"]);
    let range = book.worksheet_range("面談シート").unwrap();
    let cells: Vec<String> = range
        .rows()
        .flat_map(|r| r.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for words in ["入間 健", "窓口の待ち時間を短縮する", "他自治体等との連携研修"] {
        assert!(cells.iter().any(|c| c.contains(words)), "missing {words} in {cells:?}");
    }
    // A value that looks like a formula is stored as text, never as a formula.
    assert!(cells.iter().any(|c| c.starts_with("=HYPERLINK(")), "{cells:?}");
    assert!(
        book.worksheet_formula("面談シート")
            .unwrap()
            .used_cells()
            .next()
            .is_none()
    );
    let report = book.worksheet_range("自己申告（取扱注意）").unwrap();
    assert!(
        report
            .rows()
            .flatten()
            .any(|c| matches!(c, Data::String(s) if s == "腰痛"))
    );
}
