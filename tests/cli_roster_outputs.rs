//! `michi roster --format csv|xlsx|html` on the real binary: the CSV for Excel (BOM, CRLF,
//! formulas made text), the workbook (one sheet per section, counts as numbers), the HTML
//! report (escaped, SVG charts, printed by a real browser on A4 landscape), `--anonymous`
//! in every format, and private files never replaced without `--force`.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use assert_cmd::Command;

const FORMULA: &str = "=cmd|' /C calc'!A0";

/// 001 retires in FY2026; 002 (the formula) reaches the 課長級 post limit on 2027-03-31 and
/// retires in FY2030; 003 (the script) turns 60 in FY2027, so is asked this fiscal year; the
/// last row repeats 001's 職員番号.
const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級,職級発令日,所属,所属発令日\n\
S1001X,入間 一,1964-06-01,1987-04-01,一般職員,課長級,2015-04-01,,\n\
S1002X,\"=cmd|' /C calc'!A0\",1966-06-01,1989-04-01,一般職員,課長級,2016-04-01,,\n\
S1003X,<script>alert(1)</script>,1967-06-01,1990-04-01,一般職員,主任級,2010-04-01,,\n\
S1001X,入間 四,1980-01-01,2003-04-01,一般職員,主任級,,,\n";

fn michi(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_michi"));
    c.env("MICHI_CONFIG_DIR", dir.join("config"))
        .env_remove("MICHI_LANG")
        .env_remove("COLUMNS")
        .current_dir(dir);
    c
}

/// The report of ROSTER in `format` written to `file` in `dir`; returns its bytes.
fn report(dir: &Path, format: &str, file: &str, extra: &[&str]) -> Vec<u8> {
    std::fs::write(dir.join("r.csv"), ROSTER).unwrap();
    let out = michi(dir)
        .args([
            "roster",
            "r.csv",
            "--profile",
            "iruma",
            "--today",
            "2026-11-22",
            "--years",
            "6",
            "--format",
            format,
            "-o",
            file,
        ])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(dir.join(file)).unwrap()
}

#[test]
fn csv_has_a_bom_crlf_and_the_formula_name_made_text() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = report(dir.path(), "csv", "r-out.csv", &[]);
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
        "CRLF only"
    );
    assert!(text.contains(",'=cmd|' /C calc'!A0,"), "{text}");
    assert!(!text.contains(",=cmd") && !text.contains(",\"=cmd"), "{text}");
    // Sections one after another: the retirements with the zero years kept.
    assert!(text.contains("定年退職（年度 × 職種）\r\n年度,定年,一般職員"), "{text}");
    assert!(text.contains("\r\n2027,63,0,0,0\r\n"), "{text}");
    assert!(text.contains("\r\n2026,62,1,0,1\r\n"), "{text}");
    assert!(text.contains("duplicate_id"), "the bad row is listed: {text}");
}

#[test]
fn xlsx_has_one_sheet_per_section_with_counts_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    report(dir.path(), "xlsx", "r.xlsx", &[]);
    let mut book: Xlsx<_> = calamine::open_workbook(dir.path().join("r.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "概要",
            "定年退職",
            "役職定年",
            "役職定年の対象者",
            "60歳前の意思確認",
            "年齢構成",
            "後継者",
            "研修の対象者",
            "使えなかった行"
        ]
    );
    // 後継者: the 課長級 post, FY2026 first; 002 leaves it at the end of FY2026.
    let succession = book.worksheet_range("後継者").unwrap();
    assert_eq!(succession.get_value((1, 3)), Some(&Data::String("空席".into())));
    let vacancies: f64 = (2..succession.height() as u32)
        .filter_map(|r| match succession.get_value((r, 3)) {
            Some(Data::Float(n)) => Some(*n),
            _ => None,
        })
        .sum();
    assert!(vacancies >= 1.0, "a vacancy is counted as a number");
    let demand = book.worksheet_range("研修の対象者").unwrap();
    assert_eq!(demand.get_value((1, 0)), Some(&Data::String("研修".into())));
    let ret = book.worksheet_range("定年退職").unwrap();
    assert_eq!(ret.get_value((1, 0)), Some(&Data::String("年度".into())));
    // FY2026: one retirement (001), a number to sum in Excel; FY2030: 002.
    assert_eq!(ret.get_value((2, 0)), Some(&Data::String("2026".into())));
    assert_eq!(ret.get_value((2, 2)), Some(&Data::Float(1.0)));
    assert_eq!(ret.get_value((6, 0)), Some(&Data::String("2030".into())));
    assert_eq!(ret.get_value((6, 2)), Some(&Data::Float(1.0)));
    assert_eq!(ret.get_value((3, 2)), Some(&Data::Float(0.0)));
    let people = book.worksheet_range("役職定年の対象者").unwrap();
    assert_eq!(people.get_value((2, 1)), Some(&Data::String("S1002X".into())));
    assert_eq!(
        people.get_value((2, 2)),
        Some(&Data::String(FORMULA.into())),
        "text, not a formula"
    );
    let bad = book.worksheet_range("使えなかった行").unwrap();
    assert_eq!(bad.get_value((2, 0)), Some(&Data::String("5".into())));
}

#[test]
fn html_escapes_every_value_and_draws_the_charts() {
    let dir = tempfile::tempdir().unwrap();
    let page = String::from_utf8(report(dir.path(), "html", "r.html", &[])).unwrap();
    assert!(page.contains("@page { size: A4 landscape"), "A4 landscape CSS");
    assert!(!page.contains("<script"), "no script, and no value opens one");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{page}");
    assert!(page.contains("=cmd|&#39; /C calc&#39;!A0"), "{page}");
    assert!(!page.contains("http://") && !page.contains("https://"), "no network");
    assert!(page.contains("<svg class=\"wave\"") && page.contains("<svg class=\"pyramid\""));
    // The zero years of the wave are drawn as 0.
    assert!(page.contains("class=\"zero\">0</text>"), "{page}");
}

#[test]
fn a_browser_prints_the_html_report_on_a4_landscape_with_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    report(dir.path(), "html", "r.html", &[]);
    let Some(printed) = common::print_html(&dir.path().join("r.html")) else {
        return;
    };
    let info = &printed.info;
    assert!(info.contains("(A4)"), "{info}");
    let size = info.lines().find_map(|l| l.strip_prefix("Page size:")).unwrap();
    let mut dims = size.split_whitespace().filter_map(|w| w.parse::<f64>().ok());
    let (w, h) = (dims.next().unwrap(), dims.next().unwrap());
    assert!(w > h, "landscape: {size}");
    for words in [
        "定年退職（年度×職種）",
        "定年退職の波",
        "年齢構成（5歳階級）",
        "定年63",
        "<script>alert(1)</script>",
    ] {
        assert!(
            printed.squashed.contains(words),
            "missing {words} in the printed report:\n{}",
            printed.text
        );
    }
}

#[test]
fn anonymous_reports_name_no_one_in_any_format() {
    use calamine::{Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let secrets = ["入間", "cmd", "script", "S100"];
    for (format, file) in [
        ("text", "a.txt"),
        ("json", "a.json"),
        ("csv", "a.csv"),
        ("html", "a.html"),
    ] {
        let bytes = report(dir.path(), format, file, &["--anonymous"]);
        let text = String::from_utf8(bytes).unwrap();
        for secret in secrets {
            assert!(!text.contains(secret), "{secret} in the anonymous {format}:\n{text}");
        }
        assert!(text.contains("（匿名）"), "{format}: {text}");
    }
    report(dir.path(), "xlsx", "a.xlsx", &["--anonymous"]);
    let mut book: Xlsx<_> = calamine::open_workbook(dir.path().join("a.xlsx")).unwrap();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            let text = cell.2.to_string();
            for secret in secrets {
                assert!(!text.contains(secret), "{secret} in sheet {name}: {text}");
            }
        }
    }
}

#[test]
fn files_are_private_and_never_replaced_without_force() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (format, file) in [("csv", "p.csv"), ("xlsx", "p.xlsx"), ("html", "p.html")] {
        report(dir.path(), format, file, &[]);
        let path = dir.path().join(file);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{format}");
        std::fs::write(&path, "kept").unwrap();
        let again = michi(dir.path())
            .args(["roster", "r.csv", "--profile", "iruma", "--format", format, "-o", file])
            .output()
            .unwrap();
        assert_eq!(again.status.code(), Some(1), "{format}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
        report(dir.path(), format, file, &["--force"]);
        assert_ne!(std::fs::read(&path).unwrap(), b"kept");
    }
}

#[test]
fn the_sample_rosters_read_as_documented_and_the_csv_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rosters");
    for (file, profile, read, encoding) in [
        ("iruma-sjis.csv", "iruma", 300, Some("Shift_JIS")),
        ("kawagoe.xlsx", "kawagoe", 400, None),
    ] {
        let path = assets.join(file);
        let out = michi(dir.path())
            .args([
                "roster",
                path.to_str().unwrap(),
                "--profile",
                profile,
                "--today",
                "2026-11-22",
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(&format!("読んだ行 {read}・")), "{file}: {text}");
        assert!(text.contains("使えなかった行 6"), "{file}: {text}");
        if let Some(encoding) = encoding {
            assert!(text.contains(&format!("文字コード: {encoding}")), "{file}: {text}");
        }
    }
    // The command in assets/rosters/README.md makes the same CSV again.
    let out = michi(dir.path())
        .args([
            "roster",
            "synth",
            "--profile",
            "iruma",
            "--rows",
            "300",
            "--bad-rows",
            "6",
            "--seed",
            "2026",
            "--today",
            "2026-11-22",
            "--encoding",
            "sjis",
            "-o",
            "again.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read(dir.path().join("again.csv")).unwrap(),
        std::fs::read(assets.join("iruma-sjis.csv")).unwrap()
    );
}

#[test]
fn the_text_report_is_laid_out_to_the_terminal_width_and_loses_no_figure() {
    let dir = tempfile::tempdir().unwrap();
    let roster = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rosters/kawagoe.xlsx");
    let report = |columns: &str| {
        let out = michi(dir.path())
            .env("COLUMNS", columns)
            .args([
                "roster",
                roster.to_str().unwrap(),
                "--profile",
                "kawagoe",
                "--today",
                "2026-11-22",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    // The age pyramid's header row, once per block of bands.
    let pyramid_headers = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with("職種") && l.contains("職級"))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let narrow = report("80");
    for line in narrow.lines() {
        assert!(
            michi::text::width(line) <= 80,
            "{} columns: {line}",
            michi::text::width(line)
        );
    }
    let blocks = pyramid_headers(&narrow);
    assert!(blocks.len() > 1, "{narrow}");
    // Every band is still there, in one of the blocks, and the long series name is whole.
    for band in ["〜19", "20〜24", "60〜64", "65〜", "計"] {
        assert_eq!(
            blocks.iter().filter(|h| h.contains(band)).count(),
            1,
            "{band}: {blocks:?}"
        );
    }
    assert!(narrow.contains("放課後児童支援員職  放課後児童支援員"), "{narrow}");
    // Every fiscal year of the training table too (no "see the JSON").
    for fy in 2026..=2040 {
        assert!(
            narrow.split_once("■ 研修の対象者").unwrap().1.contains(&fy.to_string()),
            "{fy}"
        );
    }

    let wide = report("200");
    assert_eq!(pyramid_headers(&wide).len(), 1, "{wide}");
    assert!(
        wide.lines().any(
            |l| l.contains("基準日 2026-11-22・プロファイル kawagoe・読んだ行 400・使った行 394・使えなかった行 6")
        )
    );
}

#[test]
fn a_user_profiles_special_retirement_age_moves_the_retirements_and_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("config/profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let iruma = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/iruma.toml")).unwrap();
    let special = iruma.replacen("id = \"iruma\"", "id = \"iruma-tokurei\"", 1)
        + "\n[[special_retirement_ages]]\nseries = \"gino\"\nage = 63\nsource = \"職員の定年等に関する条例 第3条（例）\"\nillustrative = true\n";
    std::fs::write(profiles.join("iruma-tokurei.toml"), special).unwrap();
    std::fs::write(
        dir.path().join("r.csv"),
        "職員番号,氏名,生年月日,採用年月日,職種,職級\n\
         1,入間 一,1970-04-02,1993-04-01,技能労務職員,技能労務職員（主事・主事補級に準じる）\n\
         2,入間 二,1970-04-02,1993-04-01,一般職員,主任級\n",
    )
    .unwrap();
    let run = |profile: &str| {
        let out = michi(dir.path())
            .args([
                "roster",
                "r.csv",
                "--profile",
                profile,
                "--today",
                "2026-11-22",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    // Born 1970-04-02: the national 65 in FY2035; 技能労務職員's 特例定年 63 in FY2033.
    let fy_of = |json: &serde_json::Value, series: usize| {
        let r = &json["report"]["retirements"];
        let years = r["fiscal_years"].as_array().unwrap();
        let i = r["counts"]
            .as_array()
            .unwrap()
            .iter()
            .position(|row| row[series] == 1)
            .unwrap();
        years[i].as_i64().unwrap()
    };
    let national = run("iruma");
    assert_eq!((fy_of(&national, 0), fy_of(&national, 1)), (2035, 2035));
    assert!(national["report"]["retirements"].get("special_ages").is_none());
    let special = run("iruma-tokurei");
    assert_eq!((fy_of(&special, 0), fy_of(&special, 1)), (2035, 2033));
    assert_eq!(special["report"]["retirements"]["special_ages"][0]["age"], 63);

    let out = michi(dir.path())
        .args(["roster", "r.csv", "--profile", "iruma-tokurei", "--today", "2026-11-22"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.replace('\n', "").contains("特例定年（プロファイルの条例による。表の「定年」は国の段階）: 技能労務職員 63歳（職員の定年等に関する条例 第3条（例）・例示）"),
        "{text}"
    );
    let out = michi(dir.path())
        .args([
            "roster",
            "r.csv",
            "--profile",
            "iruma-tokurei",
            "--today",
            "2026-11-22",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains(
            "特例定年（定年退職の数はこれによる）,技能労務職員 63歳（職員の定年等に関する条例 第3条（例）・例示）"
        ),
        "{csv}"
    );
}
