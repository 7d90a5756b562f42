#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::i18n::Lang;

fn iruma() -> Profile {
    let catalog = crate::store::Catalog::load(None, Lang::Ja);
    catalog.get("iruma").unwrap().profile.clone()
}

fn options() -> RosterOptions {
    RosterOptions {
        read: ReadOptions::default(),
        today: Date::parse("2026-11-22").unwrap(),
        years: 10,
        anonymous: false,
    }
}

const HEADER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級,職級発令日,所属,所属発令日";

fn run(bytes: &[u8], name: &str, map: &RosterMap) -> RosterRun {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read_roster(&path, &iruma(), map, &options()).unwrap()
}

#[test]
fn rows_in_every_date_form_and_by_name_or_id_are_used() {
    let csv = format!(
        "\u{feff}{HEADER}\n\
         001,入間 一,1967-04-02,1990-04-01,一般職員,課長級,2020-04-01,総務課,2024-04-01\n\
         002,入間 二,1967/6/1,1990/4/1,ippan,kacho,,,\n\
         003,入間 三,19680101,19900401,,主任級,,,\n\
         004,入間 四,S45.5.5,H4.4.1,,主事・主事補級,,,\n\
         005,入間 五,昭和45年5月5日,平成4年4月1日,,主事・主事補級,,,\n"
    );
    let r = run(csv.as_bytes(), "a.csv", &RosterMap::default());
    assert_eq!(r.problems, vec![], "{:?}", r.problems);
    assert_eq!(r.report.summary.used, 5);
    assert_eq!(r.encoding, Some(TextEncoding::Utf8));
    // 001 and 002 are 課長級: 役職定年 in FY2026 (60 on 2027-04-01 → FY2027) and FY2027.
    let total: u64 = r.report.management_limits.table.iter().flatten().sum();
    assert_eq!(total, 2);
}

#[test]
fn shift_jis_and_tabs_are_read() {
    let text = format!(
        "{}\n001\t入間 一\t1980-01-01\t2003-04-01\t\t主任級\t\t\t\n",
        HEADER.replace(',', "\t")
    );
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let r = run(&bytes, "sjis.csv", &RosterMap::default());
    assert_eq!(r.encoding, Some(TextEncoding::ShiftJis));
    assert_eq!(r.report.summary.used, 1, "{:?}", r.problems);
    assert_eq!(r.report.age_pyramid.rows[0].grade, "主任級");
}

#[test]
fn every_bad_row_is_listed_with_its_row_column_and_reason() {
    let csv = format!(
        "{HEADER}\n\
         001,入間 一,1980-01-01,2003-04-01,,主任級,,,\n\
         002,,1980-01-01,2003-04-01,,主任級,,,\n\
         003,入間 三,1980-02-30,2003-04-01,,主任級,,,\n\
         004,入間 四,1980-01-01,2003-04-01,,部長補佐,,,\n\
         005,入間 五,2004-01-01,2003-04-01,,主任級,,,\n\
         001,入間 六,1980-01-01,2003-04-01,,主任級,,,\n\
         007,入間 七,1980-01-01,1990-04-01,,主任級,,,\n\
         008,入間 八,1980-01-01,2003-04-01,技術,主任級,,,\n\
         009,入間 九,1980-01-01,2003-04-01,,主任級,昨日,,\n\
         010,入間 十,1980-01-01,2003-04-01,技能労務職員,課長級,,,\n"
    );
    let r = run(csv.as_bytes(), "bad.csv", &RosterMap::default());
    let told: Vec<(u64, Option<&str>, &str)> = r
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref(), p.reason.kind()))
        .collect();
    assert_eq!(
        told,
        [
            (3, Some("氏名"), "missing"),
            (4, Some("生年月日"), "bad_date"),
            (5, Some("職級"), "unknown_grade"),
            (6, Some("採用年月日"), "birth_after_hire"),
            (7, Some("職員番号"), "duplicate_id"),
            (8, Some("採用年月日"), "hired_too_young"),
            (9, Some("職種"), "unknown_series"),
            (10, Some("職級発令日"), "bad_date"),
            (11, Some("職級"), "grade_not_on_series"),
        ]
    );
    assert_eq!(r.report.summary.read, 10);
    assert_eq!(r.report.summary.used, 1);
    assert_eq!(r.report.summary.skipped, 9);
    assert!(r.problems[2].reason.text(Lang::Ja).contains("--map"));
}

#[test]
fn a_mapping_renames_columns_and_turns_codes_into_grades() {
    let map: RosterMap = toml::from_str(
        "[columns]\nid = \"ShainNo\"\ngrade = \"Kyu\"\n[grades]\n\"3\" = \"shunin\"\n\"6\" = \"課長級\"\n",
    )
    .unwrap();
    let csv = "ShainNo,氏名,生年月日,採用年月日,Kyu\nA1,入間 一,1980-01-01,2003-04-01,3\nA2,入間 二,1967-06-01,1990-04-01,6\n";
    let r = run(csv.as_bytes(), "mapped.csv", &map);
    assert_eq!(r.report.summary.used, 2, "{:?}", r.problems);
}

#[test]
fn missing_columns_are_named_with_what_the_file_has() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    std::fs::write(&path, "番号,名前\n1,a\n").unwrap();
    match read_roster(&path, &iruma(), &RosterMap::default(), &options()) {
        Err(RosterError::MissingColumns { missing, found }) => {
            assert!(missing.contains(&Column::Id) && missing.contains(&Column::Grade));
            assert_eq!(found, ["番号", "名前"]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_title_above_the_header_is_passed_over() {
    let csv = format!(
        "職員名簿（令和8年4月1日現在）\n出力日,2026/4/1\n\n{HEADER}\n\
         001,入間 一,1980-01-01,2003-04-01,,主任級,,,\n\
         002,入間 二,1980-02-30,2003-04-01,,主任級,,,\n"
    );
    let r = run(csv.as_bytes(), "titled.csv", &RosterMap::default());
    assert_eq!(r.report.summary.used, 1, "{:?}", r.problems);
    assert_eq!(r.report.summary.skipped, 1);
    // Row numbers stay the file's: the header is on line 4, the bad row on line 6.
    assert_eq!(r.problems[0].row, 6);
    // Past the bound, the first row is reported as the header found.
    let mut far = "職員名簿\n".repeat(MAX_ROWS_ABOVE_HEADER + 1);
    far.push_str(HEADER);
    far.push_str("\n001,入間 一,1980-01-01,2003-04-01,,主任級,,,\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.csv");
    std::fs::write(&path, far).unwrap();
    match read_roster(&path, &iruma(), &RosterMap::default(), &options()) {
        Err(RosterError::MissingColumns { found, .. }) => assert_eq!(found, ["職員名簿"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_workbook_is_read_like_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.split(',').enumerate() {
        sheet.write_string(0, u16::try_from(c).unwrap(), h).unwrap();
    }
    for (c, v) in ["001", "入間 一", "1980-01-01", "2003-04-01", "", "主任級"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, u16::try_from(c).unwrap(), *v).unwrap();
    }
    sheet.write_number(2, 0, 2.0).unwrap();
    sheet.write_string(2, 1, "入間 二").unwrap();
    sheet.write_string(2, 2, "R2.4.1").unwrap();
    sheet.write_string(2, 3, "2003-04-01").unwrap();
    sheet.write_string(2, 5, "主任級").unwrap();
    book.save(&path).unwrap();
    let r = read_roster(&path, &iruma(), &RosterMap::default(), &options()).unwrap();
    assert_eq!(r.report.summary.used, 1);
    // Born 2020 and hired 2003: birth after hire, on row 3.
    assert_eq!(r.problems[0].row, 3);
    assert_eq!(r.encoding, None);
}

#[test]
fn a_sheet_placed_lower_and_to_the_right_keeps_the_sheets_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // The header from B3, a row, a blank row, a bad row on sheet row 6, and a date typed
    // as a date on row 7.
    for (c, h) in HEADER.split(',').enumerate() {
        sheet.write_string(2, u16::try_from(c + 1).unwrap(), h).unwrap();
    }
    let row = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, cells: [&str; 6]| {
        for (c, v) in cells.iter().enumerate() {
            sheet.write_string(r, u16::try_from(c + 1).unwrap(), *v).unwrap();
        }
    };
    row(sheet, 3, ["001", "入間 一", "1980-01-01", "2003-04-01", "", "主任級"]);
    row(sheet, 5, ["002", "入間 二", "1980-02-30", "2003-04-01", "", "主任級"]);
    row(sheet, 6, ["003", "入間 三", "", "2004-04-01", "", "主任級"]);
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(1981, 5, 6).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d");
    sheet.write_datetime_with_format(6, 3, &date, &format).unwrap();
    book.save(&path).unwrap();
    let r = read_roster(&path, &iruma(), &RosterMap::default(), &options()).unwrap();
    assert_eq!(r.report.summary.used, 2, "{:?}", r.problems);
    assert_eq!(r.report.summary.skipped, 1);
    assert_eq!(r.problems[0].row, 6, "the sheet's own row number");
    assert_eq!(r.problems[0].column.as_deref(), Some("生年月日"));
}

#[test]
fn a_synthetic_roster_reads_back_with_its_bad_rows_reported() {
    let p = iruma();
    let mut bytes = Vec::new();
    synth::write_roster(&p, Date::parse("2026-11-22").unwrap(), 500, 7, 10, &mut bytes).unwrap();
    let r = run(&bytes, "synth.csv", &RosterMap::default());
    assert_eq!(r.report.summary.read, 500);
    assert_eq!(r.report.summary.skipped, 10, "{:?}", r.problem_counts);
    let again = {
        let mut b = Vec::new();
        synth::write_roster(&p, Date::parse("2026-11-22").unwrap(), 500, 7, 10, &mut b).unwrap();
        b
    };
    assert_eq!(bytes, again, "the same seed gives the same bytes");
}
