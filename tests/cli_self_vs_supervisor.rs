//! `michi plan analyze` on self vs supervisor (本人と上司の評価の差): the section the Gaps
//! view shows sorted self vs supervisor, in text once the supervisor has assessed, and
//! always in the JSON.
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::Path;

use serde_json::Value;

/// 入間's sample with the supervisor's levels of three more competencies: 政策形成 two
/// above the employee, コミュニケーション two below, 行政経営 (not stated for 課長級) one above.
fn at_the_interview(dir: &Path) -> String {
    let persona = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas/iruma-shunin-to-kacho.toml");
    let text = std::fs::read_to_string(persona).unwrap().replace(
        "[supervisor_assessment]\n",
        "[supervisor_assessment]\nseisaku_keisei = 4\ncommunication = 2\ngyosei_keiei = 2\n",
    );
    let path = dir.join("plan.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn analyze(config: &Path, lang: &str, plan: &str, json: bool) -> String {
    let mut args = vec!["--lang", lang, "plan", "analyze", plan, "--today", "2026-11-21"];
    if json {
        args.push("--json");
    }
    let (code, stdout, stderr) = common::michi_in(config, &args);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

/// The lines of the section headed `title`, up to the next heading.
fn section<'a>(report: &'a str, title: &str) -> Vec<&'a str> {
    report
        .lines()
        .skip_while(|l| *l != format!("■ {title}"))
        .skip(1)
        .take_while(|l| !l.starts_with('■'))
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_report_lists_the_largest_difference_first_then_who_assessed_alone() {
    let dir = tempfile::tempdir().unwrap();
    let plan = at_the_interview(dir.path());
    let report = analyze(dir.path(), "ja", &plan, false);
    let lines = section(&report, "本人と上司の評価の差");
    let cells: Vec<Vec<&str>> = lines.iter().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(cells[0], ["能力", "本人", "上司", "上司－本人"], "{report}");
    assert_eq!(
        cells[1..7],
        [
            ["政策形成能力", "2", "4", "+2"],
            ["コミュニケーション能力", "4", "2", "-2"],
            ["行政経営能力", "1", "2", "+1"],
            ["交渉・調整能力", "3", "2", "-1"],
            ["プレゼンテーション能力", "2", "3", "+1"],
            ["人材育成能力", "2", "2", "0"],
        ]
    );
    // The 本人 column starts at the same display column on every row, the header's too.
    let column = |l: &str, at: usize| michi::text::width(l.get(..at).unwrap());
    let header = column(lines[0], lines[0].find("本人").unwrap());
    for l in &lines[1..7] {
        assert_eq!(column(l, l.find(|c: char| c.is_ascii_digit()).unwrap()), header, "{l}");
    }
    assert!(
        lines[7].starts_with("本人のみ評価（上司は未評価）・11 件: 組織管理能力、"),
        "{}",
        lines[7]
    );
    assert!(
        lines[8].contains("上司－本人: + は上司の評価が本人より高い"),
        "{report}"
    );
    // Readiness both ways stays in the gaps section, with the supervisor's coverage.
    assert!(report.contains("上司の評価では 15/100（評価済み 5/16）"), "{report}");
}

#[test]
fn json_carries_every_assessed_competency_with_both_levels_and_the_difference() {
    let dir = tempfile::tempdir().unwrap();
    let plan = at_the_interview(dir.path());
    let json: Value = serde_json::from_str(&analyze(dir.path(), "ja", &plan, true)).unwrap();
    let rows = json["disagreements"].as_array().unwrap();
    assert_eq!(rows.len(), 17, "every competency either side assessed");
    let first = &rows[0];
    assert_eq!(first["competency"], "seisaku_keisei");
    assert_eq!(first["competency_name"], "政策形成能力");
    assert_eq!(
        (&first["self"], &first["supervisor"], &first["difference"]),
        (&2.into(), &4.into(), &2.into())
    );
    assert_eq!(rows[1]["difference"], -2);
    let one_sided = &rows[6];
    assert_eq!(one_sided["competency"], "soshiki_kanri");
    assert!(one_sided["supervisor"].is_null() && one_sided["difference"].is_null());
}

#[test]
fn no_section_before_the_supervisor_has_assessed_and_rungs_on_a_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let personas = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas");
    let joetsu = personas.join("joetsu-shuji-second-year.toml");
    let report = analyze(dir.path(), "ja", joetsu.to_str().unwrap(), false);
    assert!(!report.contains("本人と上司の評価の差"), "{report}");
    let json: Value = serde_json::from_str(&analyze(dir.path(), "ja", joetsu.to_str().unwrap(), true)).unwrap();
    let rows = json["disagreements"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["supervisor"].is_null()));

    // 上尾 reads levels as rungs of its descriptions: the difference is counted in rungs.
    let ageo = personas.join("ageo-shusa-born-1968.toml");
    let report = analyze(dir.path(), "en", ageo.to_str().unwrap(), false);
    let lines = section(&report, "Self vs supervisor");
    let cells: Vec<Vec<&str>> = lines.iter().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(cells[1], ["管理能力", "r1", "r0", "-1", "rung"], "{report}");
    assert_eq!(cells[2], ["政策形成能力", "r1", "r1", "0"], "{report}");
    assert!(lines[3].starts_with("Assessed by the employee only (4): "), "{report}");
}
