//! `michi roster --history … --format csv|xlsx|html` on the real binary: the rotation
//! section in every format, worded as the text; the HTML's succession-gap chart with the
//! report's counts; hostile names and departments inert; `--anonymous` hiding the people
//! in the rotation lists; the report with both printed by Chromium on A4.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use assert_cmd::Command;

const FORMULA: &str = "=cmd|' /C calc'!A0";

/// 上越 as of 2026-11-21, rule three_families (一般行政職, years 0–10 of service, all three
/// families): 0001 (6 years) has 2 of 3, 0002 (8 years) all 3, 0003 (26 years) is outside.
const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級\n\
0001,上越 一,1997-05-01,2020-04-01,一般行政職,主事\n\
0002,<script>alert(1)</script>,1995-05-01,2018-04-01,一般行政職,主任\n\
0003,\"=cmd|' /C calc'!A0\",1977-05-01,2000-04-01,一般行政職,課長\n";

/// Rows 8 and 9 name no department of 上越: a formula and a script.
const HISTORY: &str = "職員番号,所属,開始日,終了日\n\
0001,tax,2020-04-01,2022-03-31\n\
0001,urban_development,2022-04-01,\n\
0002,welfare,2018-04-01,2020-03-31\n\
0002,agriculture,2020-04-01,2023-03-31\n\
0002,planning,2023-04-01,\n\
0003,tax,2000-04-01,\n\
0009,\"=cmd|' /C calc'!A0\",2020-04-01,\n\
0009,<script>x</script>,2020-04-01,\n";

fn michi(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_michi"));
    c.env("MICHI_CONFIG_DIR", dir.join("config"))
        .env_remove("MICHI_LANG")
        .env_remove("COLUMNS")
        .current_dir(dir);
    c
}

/// 上越 with a three-year tenure as Michi's example, as a user profile `joetsu_tenure`.
fn add_tenure_profile(dir: &Path) {
    common::add_joetsu_tenure_profile(dir);
}

/// The report with `--history` in `format`, written to `file`; returns its bytes.
fn report(dir: &Path, profile: &str, format: &str, file: &str, extra: &[&str]) -> Vec<u8> {
    std::fs::write(dir.join("r.csv"), ROSTER).unwrap();
    std::fs::write(dir.join("h.csv"), HISTORY).unwrap();
    let out = michi(dir)
        .args([
            "roster",
            "r.csv",
            "--profile",
            profile,
            "--today",
            "2026-11-21",
            "--years",
            "6",
            "--history",
            "h.csv",
            "--format",
            format,
            "-o",
            file,
            "--force",
        ])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(dir.join(file)).unwrap()
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

#[test]
fn csv_carries_the_rotation_section_worded_as_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let csv = text_of(report(dir.path(), "joetsu", "csv", "r.csv.out", &[]));
    for expected in [
        "ローテーション（配属履歴から）\r\n項目,値\r\n履歴の行,8\r\n使った行,6\r\n使えなかった行,2\r\n上限を超えた職員の行,0\r\n履歴のない職員,0\r\n",
        "在任年数,プロファイルに標準の在任年数がないため確かめていません\r\n",
        "規則,期間,文書の記述,期間内,まだ満たしていない\r\nthree_families,採用から10年間,こうした基本認識の下、",
        "ことを目指します。,2,1\r\n",
        "規則,職員番号,氏名,経験した数,求める数\r\nthree_families,0001,上越 一,2,3\r\n",
        "配属履歴の使えなかった行\r\n行,列,種類,値\r\n8,所属,プロファイルにない所属 (unknown_department),'=cmd|' /C calc'!A0\r\n9,所属,プロファイルにない所属 (unknown_department),<script>x</script>\r\n",
    ] {
        assert!(csv.contains(expected), "missing {expected:?} in\n{csv}");
    }
    assert!(
        !csv.contains(",=cmd") && !csv.contains(",\"=cmd"),
        "formulas made text: {csv}"
    );

    let en = text_of(report(dir.path(), "joetsu", "csv", "en.csv", &["--lang", "en"]));
    for expected in [
        "Rotation (from the posting history)\r\nItem,Value\r\nHistory rows,8\r\n",
        "Tenure,\"the profile gives no typical tenure, so it is not checked\"\r\n",
        "three_families,the first 10 years of service,",
        "Rule,Staff no.,Name,Have,Need\r\nthree_families,0001,上越 一,2,3\r\n",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in\n{en}");
    }
}

#[test]
fn a_tenure_marked_illustrative_lists_the_people_past_it_with_their_department() {
    let dir = tempfile::tempdir().unwrap();
    add_tenure_profile(dir.path());
    let csv = text_of(report(dir.path(), "joetsu_tenure", "csv", "t.csv", &[]));
    // Current postings on 2026-11-21: 0001 since 2022-04-01 (4 whole years), 0002 since
    // 2023-04-01 (3: not past), 0003 since 2000-04-01 (26).
    for expected in [
        "今の配属が在任年数を超えている職員（年数は例示）,2\r\n",
        "今の配属が在任年数を超えている職員（年数は例示）\r\n職員番号,氏名,所属,在任年数,在任年数の上限\r\n0001,上越 一,都市整備部門,4,3\r\n0003,'=cmd|' /C calc'!A0,税務部門,26,3\r\n",
    ] {
        assert!(csv.contains(expected), "missing {expected:?} in\n{csv}");
    }
    let en = text_of(report(
        dir.path(),
        "joetsu_tenure",
        "csv",
        "t-en.csv",
        &["--lang", "en"],
    ));
    assert!(
        en.contains("Staff past the tenure in their current posting (illustrative years),2\r\n"),
        "{en}"
    );
}

#[test]
fn the_workbook_has_the_rotation_sheets_with_counts_as_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    add_tenure_profile(dir.path());
    report(dir.path(), "joetsu_tenure", "xlsx", "r.xlsx", &[]);
    let mut book: Xlsx<_> = calamine::open_workbook(dir.path().join("r.xlsx")).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names[names.len() - 5..],
        [
            "ローテーション",
            "ローテーションの規則",
            "規則をまだ満たしていない職員",
            "在任年数を超えた職員",
            "配属履歴の使えなかった行"
        ]
    );
    let summary = book.worksheet_range("ローテーション").unwrap();
    assert_eq!(summary.get_value((2, 0)), Some(&Data::String("履歴の行".into())));
    assert_eq!(summary.get_value((2, 1)), Some(&Data::Float(8.0)));
    let rules = book.worksheet_range("ローテーションの規則").unwrap();
    assert_eq!(rules.get_value((2, 0)), Some(&Data::String("three_families".into())));
    assert_eq!(rules.get_value((2, 3)), Some(&Data::Float(2.0)));
    assert_eq!(rules.get_value((2, 4)), Some(&Data::Float(1.0)));
    let people = book.worksheet_range("規則をまだ満たしていない職員").unwrap();
    assert_eq!(
        people.get_value((2, 1)),
        Some(&Data::String("0001".into())),
        "the id stays text"
    );
    assert_eq!(people.get_value((2, 3)), Some(&Data::Float(2.0)));
    assert_eq!(people.get_value((2, 4)), Some(&Data::Float(3.0)));
    let tenure = book.worksheet_range("在任年数を超えた職員").unwrap();
    assert_eq!(
        tenure.get_value((0, 0)),
        Some(&Data::String("今の配属が在任年数を超えている職員（年数は例示）".into()))
    );
    assert_eq!(
        tenure.get_value((3, 1)),
        Some(&Data::String(FORMULA.into())),
        "text, not a formula"
    );
    assert_eq!(tenure.get_value((3, 3)), Some(&Data::Float(26.0)));
    let problems = book.worksheet_range("配属履歴の使えなかった行").unwrap();
    assert_eq!(problems.get_value((2, 3)), Some(&Data::String(FORMULA.into())));
    assert_eq!(
        problems.get_value((3, 3)),
        Some(&Data::String("<script>x</script>".into()))
    );
}

#[test]
fn the_html_has_the_rotation_section_and_a_succession_bar_group_per_grade() {
    let dir = tempfile::tempdir().unwrap();
    let page = text_of(report(dir.path(), "joetsu", "html", "r.html", &[]));
    let json: serde_json::Value = serde_json::from_slice(&report(dir.path(), "joetsu", "json", "r.json", &[])).unwrap();
    assert!(!page.contains("<script"), "no value opens a script");
    assert!(page.contains("&lt;script&gt;x&lt;/script&gt;") && page.contains("=cmd|&#39; /C calc&#39;!A0"));
    for heading in [
        "<h2>ローテーション（配属履歴から）</h2>",
        "<h2>ローテーションの規則をまだ満たしていない職員</h2>",
        "<h2>在任年数: プロファイルに標準の在任年数がないため確かめていません</h2>",
        "<h2>配属履歴の使えなかった行</h2>",
        "<td>three_families</td><td>0001</td><td>上越 一</td><td class=\"n\">2</td><td class=\"n\">3</td>",
    ] {
        assert!(page.contains(heading), "missing {heading} in\n{page}");
    }

    // The succession chart: one bar group per management grade, with the report's counts.
    let posts = json["report"]["succession"]["posts"].as_array().unwrap();
    assert!(!posts.is_empty());
    assert_eq!(page.matches("<g class=\"post\"").count(), posts.len());
    assert!(
        page.contains("昇任は見込まず") && page.contains("Michi の仮定"),
        "the assumption is stated"
    );
    for (post, group) in posts.iter().zip(page.split("<g class=\"post\"").skip(1)) {
        let group = group.split("</svg>").next().unwrap();
        assert!(group.starts_with(&format!(
            " data-series=\"{}\" data-grade=\"{}\"",
            post["series"].as_str().unwrap(),
            post["grade"].as_str().unwrap()
        )));
        let years = post["years"].as_array().unwrap();
        assert_eq!(group.matches("<g class=\"fy\"").count(), years.len());
        // 上越's minimum years are illustrative: every eligible count is marked `*`, and `?`
        // where someone's eligibility is unknown (this roster has no 職級発令日).
        assert_eq!(
            post["grades_below"][0]["basis"], "illustrative",
            "the fixture's premise"
        );
        for y in years {
            let bars = format!(
                "data-fy=\"{}\" data-vacancies=\"{}\" data-eligible=\"{}\"",
                y["fy"], y["vacancies"], y["eligible"]
            );
            let bars = group
                .split(&bars)
                .nth(1)
                .unwrap_or_else(|| panic!("missing {bars} in\n{group}"));
            let unknown = y["unknown_no_grade_since"].as_u64().unwrap() + y["unknown_no_min_years"].as_u64().unwrap();
            let eligible = format!(">{}*{}</text>", y["eligible"], if unknown > 0 { "?" } else { "" });
            assert!(
                bars.split("</g>").next().unwrap().contains(&eligible),
                "{eligible} in\n{bars}"
            );
        }
    }
    assert!(page.contains("例示または仮定の在級年数"), "the legend explains *");
}

#[test]
fn anonymous_rotation_lists_name_no_one_in_any_format() {
    use calamine::{Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    add_tenure_profile(dir.path());
    let secrets = ["上越", "cmd|", "alert", "0001", "0003"];
    for (format, file) in [
        ("text", "a.txt"),
        ("json", "a.json"),
        ("csv", "a.csv"),
        ("html", "a.html"),
    ] {
        let text = text_of(report(dir.path(), "joetsu_tenure", format, file, &["--anonymous"]));
        for secret in secrets {
            // The history's own bad rows quote the formula department: no one's name.
            let shown = text.replace("=cmd|&#39; /C calc&#39;!A0", "").replace(FORMULA, "");
            assert!(!shown.contains(secret), "{secret} in the anonymous {format}:\n{text}");
        }
        assert!(text.contains("#2") && text.contains("（匿名）"), "{format}: {text}");
    }
    report(dir.path(), "joetsu_tenure", "xlsx", "a.xlsx", &["--anonymous"]);
    let mut book: Xlsx<_> = calamine::open_workbook(dir.path().join("a.xlsx")).unwrap();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            let text = cell.2.to_string().replace(FORMULA, "");
            for secret in secrets {
                assert!(!text.contains(secret), "{secret} in sheet {name}: {text}");
            }
        }
    }
}

#[test]
fn a_browser_prints_the_report_with_rotation_and_the_succession_chart_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let file = format!("r-{lang}.html");
        report(dir.path(), "joetsu", "html", &file, &["--lang", lang]);
        let Some(printed) = common::print_html(&dir.path().join(&file)) else {
            return;
        };
        assert!(printed.info.contains("(A4)"), "{}", printed.info);
        // Summary and charts; the succession chart on its own page; the tables.
        assert!((3..=12).contains(&printed.pages), "{} pages", printed.pages);
        let words: &[&str] = match lang {
            "ja" => &[
                "後継者の見込み",
                "不足（空席に対して有資格者が足りない分",
                "ローテーション（配属履歴から）",
                "three_families",
                "<script>x</script>",
            ],
            _ => &[
                "Successiongap",
                "Rotation(fromthepostinghistory)",
                "Staffnotyetmeetingarotationrule",
                "<script>x</script>",
            ],
        };
        for w in words {
            assert!(
                printed.squashed.contains(w),
                "missing {w} in the printed {lang}:\n{}",
                printed.text
            );
        }
    }
}
