//! `michi roster` on the real binary: a report from a small roster with hand-computed
//! figures, bad rows listed and the report still made, JSON keys, an anonymous report,
//! Shift_JIS input, exit codes, the synthetic roster and mapping template, and workbooks
//! that ask for more than a sheet holds (refused in a moment, never a crash).
#![allow(clippy::unwrap_used, clippy::panic)]

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

const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級,職級発令日,所属,所属発令日\n\
001,入間 一,1964-06-01,1987-04-01,一般職員,課長級,2015-04-01,,\n\
002,入間 二,1966-04-02,1989-04-01,一般職員,課長級,2016-04-01,,\n\
003,入間 三,1967-04-02,1990-04-01,一般職員,主任級,2010-04-01,,\n\
004,\"=cmd|' /C calc'!A0\",1990-01-01,2012-04-01,一般職員,主任級,,,\n\
005,入間 五,1980-13-01,2003-04-01,一般職員,主任級,,,\n";

#[test]
fn a_small_roster_gives_hand_computed_figures_and_lists_its_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.csv"), ROSTER).unwrap();
    let out = michi(dir.path())
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
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &json["report"];
    assert_eq!(r["summary"]["read"], 5);
    assert_eq!(r["summary"]["used"], 4);
    // 001 born 1964-06-01: 62 in FY2026 → retires 2027-03-31 (FY2026).
    // 002 born 1966-04-02: stays to 64 → FY2030. 003 born 1967-04-02: 63 in FY2030 when 64 is
    // in force, 64 in FY2031 when 65 is: 65 → FY2032 (outside 6 years).
    let years: Vec<i64> = r["retirements"]["fiscal_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(years, [2026, 2027, 2028, 2029, 2030, 2031]);
    let counts: Vec<i64> = r["retirements"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[0].as_i64().unwrap())
        .collect();
    assert_eq!(counts, [1, 0, 0, 0, 1, 0]);
    // 役職定年: 002 (課長級) at 60 in FY2026 (60 on 2026-04-01); 001 was 60 in FY2024, before.
    let listed = r["management_limits"]["listed"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], "002");
    // 003 turns 60 on 2027-04-01 (FY2027): to be informed this fiscal year.
    assert_eq!(r["turning_60"]["this_year"][0]["id"], "003");
    let problems = json["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0]["row"], 6);
    assert_eq!(problems[0]["column"], "生年月日");
    assert_eq!(problems[0]["reason"]["kind"], "bad_date");
}

#[test]
fn the_text_report_shows_the_zero_years_and_the_anonymous_one_no_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.csv"), ROSTER).unwrap();
    let out = michi(dir.path())
        .args(["roster", "r.csv", "--profile", "iruma", "--today", "2026-11-22"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("■ 定年退職（年度 × 職種）"), "{text}");
    assert!(text.contains("2027    63         0"), "{text}");
    assert!(
        text.contains("行 6「生年月日」: 「1980-13-01」は日付として読めません"),
        "{text}"
    );
    let out = michi(dir.path())
        .args([
            "roster",
            "r.csv",
            "--profile",
            "iruma",
            "--today",
            "2026-11-22",
            "--anonymous",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("入間 二") && !text.contains("\"002\""), "{text}");
    assert!(text.contains("\"#3\""), "the row stands for the person: {text}");
}

#[test]
fn shift_jis_input_and_a_private_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(ROSTER);
    std::fs::write(dir.path().join("sjis.csv"), &bytes).unwrap();
    let out = michi(dir.path())
        .args([
            "roster",
            "sjis.csv",
            "--profile",
            "iruma",
            "--today",
            "2026-11-22",
            "-o",
            "report.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.path().join("report.txt")).unwrap();
    assert!(text.contains("文字コード: Shift_JIS"), "{text}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.path().join("report.txt"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    // Never over an existing file without --force.
    let again = michi(dir.path())
        .args([
            "roster",
            "sjis.csv",
            "--profile",
            "iruma",
            "--today",
            "2026-11-22",
            "-o",
            "report.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn exit_codes_say_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("none.csv"),
        "職員番号,氏名,生年月日,採用年月日,職級\n1,a,bad,bad,x\n",
    )
    .unwrap();
    let out = michi(dir.path())
        .args(["roster", "none.csv", "--profile", "iruma", "--today", "2026-11-22"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "nothing usable");
    assert!(String::from_utf8_lossy(&out.stderr).contains("使える行がありませんでした"));
    std::fs::write(dir.path().join("cols.csv"), "番号,名前\n1,a\n").unwrap();
    let out = michi(dir.path())
        .args(["roster", "cols.csv", "--profile", "iruma"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("必要な列") && err.contains("職員番号") && err.contains("番号, 名前"),
        "{err}"
    );
    let out = michi(dir.path()).args(["roster", "cols.csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "usage");
    let out = michi(dir.path())
        .args(["roster", "cols.csv", "--profile", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_synthetic_roster_and_a_mapping_template() {
    let dir = tempfile::tempdir().unwrap();
    let out = michi(dir.path())
        .args([
            "roster",
            "synth",
            "--profile",
            "kawagoe",
            "--rows",
            "300",
            "--bad-rows",
            "5",
            "--today",
            "2026-11-22",
            "-o",
            "s.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = michi(dir.path())
        .args([
            "roster",
            "s.csv",
            "--profile",
            "kawagoe",
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["summary"]["read"], 300);
    assert_eq!(json["report"]["summary"]["skipped"], 5);
    assert_eq!(json["report"]["summary"]["past_retirement"], 0);
    let out = michi(dir.path())
        .args(["roster", "map-template", "--profile", "iruma"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("[columns]") && text.contains("id = \"職員番号\"") && text.contains("kacho = 課長級"),
        "{text}"
    );
    let map: toml::Value = toml::from_str(&text).unwrap();
    assert!(map.get("grades").is_some());
}

/// 課長級 holders and the 主幹級 staff below them (step 主幹級 → 課長級: 2 years, illustrative).
const SUCCESSION: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級,職級発令日\n\
101,課長 一,1966-04-02,1989-04-01,一般職員,課長級,2016-04-01\n\
102,課長 二,1967-06-01,1990-04-01,一般職員,課長級,2020-04-01\n\
103,主幹 三,1975-01-01,1997-04-01,一般職員,主幹級,2025-10-01\n\
104,主幹 四,1970-05-01,1993-04-01,一般職員,主幹級,2019-04-01\n\
105,主幹 五,1980-01-01,2002-04-01,一般職員,主幹級,\n";

#[test]
fn succession_and_training_demand_with_hand_computed_figures_and_plans() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.csv"), SUCCESSION).unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas/iruma-shunin-to-kacho.toml"),
        dir.path().join("plans/a.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("plans/b.toml"), "broken = \n").unwrap();
    let args = [
        "roster",
        "s.csv",
        "--profile",
        "iruma",
        "--today",
        "2026-11-22",
        "--years",
        "5",
        "--plans",
        "plans",
    ];
    let out = michi(dir.path())
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &json["report"];
    assert_eq!(r["succession"]["assumption"], "no_promotions");
    let kacho = r["succession"]["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["grade"] == "課長級")
        .unwrap();
    assert_eq!(kacho["grades_below"][0]["grade"], "主幹級");
    assert_eq!(kacho["grades_below"][0]["min_years"], 2);
    assert_eq!(kacho["grades_below"][0]["basis"], "illustrative");
    let figures: Vec<[u64; 4]> = kacho["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| ["vacancies", "eligible", "unknown_no_grade_since", "below"].map(|k| y[k].as_u64().unwrap()))
        .collect();
    // 101 leaves at the end of FY2026 (60 on 2026-04-01), 102 at the end of FY2027. 104 has
    // its 2 years already and 役職定年 in FY2030, so is eligible through FY2029; 103 has them
    // on 2027-10-01, eligible from FY2027 (filling on 2028-04-01); 105 has no 職級発令日.
    assert_eq!(
        figures,
        [[1, 1, 1, 3], [1, 2, 1, 3], [0, 2, 1, 3], [0, 2, 1, 3], [0, 1, 1, 2]]
    );
    assert_eq!(kacho["years"][1]["eligible_per_vacancy"], 2.0);
    assert!(kacho["years"][2]["eligible_per_vacancy"].is_null());
    let trainings = r["training_demand"]["trainings"].as_array().unwrap();
    let training = |id: &str| trainings.iter().find(|t| t["id"] == id).unwrap();
    // 所属長等への研修 (課長級 and up): 101 through FY2026, 102 through FY2027.
    assert_eq!(
        training("shozokucho_mental")["staff"],
        serde_json::json!([2, 1, 0, 0, 0])
    );
    // 階層別研修 (every grade): all five in service the whole window.
    assert_eq!(training("kaisobetsu")["staff"], serde_json::json!([5, 5, 5, 5, 5]));
    let plans = &r["training_demand"]["plans"];
    assert_eq!(plans["files"], 2);
    assert_eq!(plans["used"], 1);
    assert_eq!(plans["unread"][0]["file"], "b.toml");
    let counted: u64 = trainings
        .iter()
        .flat_map(|t| {
            t["planned"]
                .as_array()
                .unwrap()
                .iter()
                .chain(t["suggested"].as_array().unwrap())
        })
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert!(counted > 0, "the plan's trainings are counted");

    let out = michi(dir.path()).args(args).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("■ 後継者（管理職の職級 × 年度）"), "{text}");
    assert!(
        text.contains("一般職員 課長級: 下の職級 主幹級（在級2年・例示）"),
        "{text}"
    );
    assert!(
        text.contains("2027     1       2           1         0         3   2.0"),
        "{text}"
    );
    assert!(text.contains("（Michi の仮定）"), "{text}");
    assert!(
        text.contains("計画ファイル 2 件: 使用 1・他のプロファイル 0・読めない 1"),
        "{text}"
    );
    let ours = text.split_once("■ 後継者").unwrap().1;
    for line in ours.lines() {
        assert!(michi::text::width(line) <= 80, "{line}");
    }

    // The CSV carries the same plan counts as the JSON, a row per training and kind.
    let out = michi(dir.path()).args(args).args(["--format", "csv"]).output().unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains("計画ファイルの研修（1 件を使用・他のプロファイル 0・読めない 1）"),
        "{csv}"
    );
    let in_csv: u64 = csv
        .lines()
        .filter(|l| l.contains(",本人の計画,") || l.contains(",Michi の提案,"))
        .flat_map(|l| {
            l.split(',')
                .skip(2)
                .map(|n| n.trim().parse::<u64>().unwrap())
                .collect::<Vec<_>>()
        })
        .sum();
    assert_eq!(in_csv, counted, "{csv}");
    assert!(csv.contains(",新任（今年度）,発令日なし"), "{csv}");
}

/// A zip file of `entries` (name, text).
fn zipped(path: &Path, entries: &[(&str, &str)]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, text) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// An .xlsx file whose one sheet's data is `rows` (the XML inside `<sheetData>`).
fn xlsx(path: &Path, rows: &str) {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
    );
    zipped(
        path,
        &[
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            (
                "xl/workbook.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", &sheet),
        ],
    );
}

/// An .ods file whose one sheet is `rows` (the XML inside `<table:table>`).
fn ods(path: &Path, rows: &str) {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="名簿">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zipped(
        path,
        &[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            (
                "META-INF/manifest.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
            ),
            ("content.xml", &content),
        ],
    );
}

fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!(r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#))
        .collect();
    // Trailing empty columns, as a spreadsheet writes them.
    format!(r#"<table:table-row>{cells}<table:table-cell table:number-columns-repeated="1015"/></table:table-row>"#)
}

fn roster_of(dir: &Path, file: &str) -> std::process::Output {
    michi(dir)
        .args([
            "roster",
            file,
            "--profile",
            "iruma",
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ])
        .output()
        .unwrap()
}

#[test]
fn an_ods_roster_reads_and_one_that_repeats_a_row_a_million_times_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let header = ods_row(&[
        "職員番号",
        "氏名",
        "生年月日",
        "採用年月日",
        "職種",
        "職級",
        "職級発令日",
    ]);
    let person = ods_row(&[
        "001",
        "入間 一",
        "1964-06-01",
        "1987-04-01",
        "一般職員",
        "課長級",
        "2015-04-01",
    ]);
    ods(&dir.path().join("r.ods"), &format!("{header}{person}"));
    let out = roster_of(dir.path(), "r.ods");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["summary"]["used"], 1);

    // A file of a few hundred bytes whose row of 1,000 filled cells repeats 1,000,000
    // times: told at once, in words, without reading it.
    let bomb = format!(
        r#"{header}<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#
    );
    ods(&dir.path().join("bomb.ods"), &bomb);
    assert!(std::fs::metadata(dir.path().join("bomb.ods")).unwrap().len() < 2_000);
    let out = roster_of(dir.path(), "bomb.ods");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bomb.ods を読めません"), "{err}");
    let asked: u64 = err
        .split("このファイルは ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .map(|n| n.replace(',', "").parse().unwrap())
        .unwrap_or_else(|| panic!("the cells it asks for: {err}"));
    assert!(asked >= 1_000_000_000, "{err}");
    assert!(
        err.contains("Excel のブック（.xlsx）か CSV で保存し直してください"),
        "what to do: {err}"
    );
}

#[test]
fn old_and_binary_excel_files_are_refused_with_what_to_do_and_an_xlsx_that_asks_too_much_is_told() {
    let dir = tempfile::tempdir().unwrap();
    // Whatever its bytes: an .xls is never handed to the library that would hold it whole.
    std::fs::write(dir.path().join("r.xls"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").unwrap();
    let out = roster_of(dir.path(), "r.xls");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("r.xls を読めません: .xls のファイルは読みません"), "{err}");
    assert!(
        err.contains("Excel のブック（.xlsx）か CSV で保存し直してください"),
        "{err}"
    );

    // An .xlsx whose second cell claims column 321,272,406: an error, not that many columns.
    let sheet = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>職員番号</t></is></c></row><row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>"#;
    xlsx(&dir.path().join("wide.xlsx"), sheet);
    let out = roster_of(dir.path(), "wide.xlsx");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("321,272,406 列目") && err.contains("16,384 列まで"),
        "{err}"
    );

    // A cell of over a MiB (deflate packs it into a few KB; a MB file unpacks to a GB): told
    // before any of it is held.
    let long = format!(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>職員番号</t></is></c><c r="B1" t="inlineStr"><is><t>{}</t></is></c></row>"#,
        "a".repeat(1 << 21)
    );
    xlsx(&dir.path().join("long.xlsx"), &long);
    assert!(std::fs::metadata(dir.path().join("long.xlsx")).unwrap().len() < 20_000);
    let out = roster_of(dir.path(), "long.xlsx");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ブックの xl/worksheets/sheet1.xml に 1 MiB を超える"),
        "{err}"
    );

    std::fs::write(dir.path().join("r.xlsb"), b"PK\x03\x04").unwrap();
    let err = String::from_utf8_lossy(&roster_of(dir.path(), "r.xlsb").stderr).to_string();
    assert!(err.contains(".xlsb のファイルは読みません"), "{err}");
    // In English, the same reason and what to do.
    let out = michi(dir.path())
        .args(["--lang", "en", "roster", "r.xlsb", "--profile", "iruma"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".xlsb files are not read")
            && err.contains("save the sheet as an Excel workbook (.xlsx) or as CSV"),
        "{err}"
    );
}

#[test]
fn a_csv_row_left_open_by_a_stray_quote_is_told_with_its_line_not_read_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    // Line 3 opens a quote that never closes: the rest of the file (2 MB) would be one row.
    let mut text = String::from(ROSTER);
    text.push_str("006,\"入間 六,1980-01-01,2003-04-01,一般職員,主任級,,,\n");
    text.push_str(&"007,入間 七,1980-01-01,2003-04-01,一般職員,主任級,,,\n".repeat(40_000));
    std::fs::write(dir.path().join("open.csv"), text).unwrap();
    let out = roster_of(dir.path(), "open.csv");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("open.csv を読めません: 7 行目から始まる行が 1 MiB を超えています"),
        "{err}"
    );
    assert!(
        err.contains("引用符（\"）が閉じられているか"),
        "what to look for: {err}"
    );
}

#[test]
fn a_control_character_in_a_cell_is_shown_escaped_never_sent_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // A name carrying a terminal escape sequence (it would clear the screen or recolour the
    // terminal) and a bidi override that would reverse the text after it.
    std::fs::write(
        dir.path().join("esc.csv"),
        "職員番号,氏名,生年月日,採用年月日,職種,職級,職級発令日\n\
         001,\u{1b}[2J入間\u{202e}一,1966-06-01,1990-04-01,一般職員,課長級,2015-04-01\n",
    )
    .unwrap();
    let out = michi(dir.path())
        .args(["roster", "esc.csv", "--profile", "iruma", "--today", "2026-11-22"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'), "{text}");
    assert!(text.contains("\\u{1b}[2J入間\\u{202e}一"), "{text}");
}
