#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 川越市 profile, checked against
//! 川越市人財育成基本方針 (令和6年3月改訂), seeds/002_4564b7423e479c85.txt.
//! Expected values are copied from the document, and looked up by Japanese name.

use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("kawagoe")
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| unreachable!("{key} is not an array"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

fn series_by_name<'a>(p: &'a Value, name: &str) -> &'a Value {
    arr(p, "job_series")
        .iter()
        .find(|s0| s(s0, "name") == name)
        .unwrap_or_else(|| unreachable!("series {name} missing"))
}

fn grade_by_name<'a>(series: &'a Value, name: &str) -> &'a Value {
    arr(series, "grades")
        .iter()
        .find(|g| s(g, "name") == name)
        .unwrap_or_else(|| unreachable!("grade {name} missing"))
}

fn grade_names(series: &Value) -> Vec<String> {
    arr(series, "grades").iter().map(|g| s(g, "name").to_string()).collect()
}

#[test]
fn document_metadata() {
    let p = export();
    assert_eq!(p["name"], "川越市");
    assert_eq!(p["prefecture"], "埼玉県");
    assert_eq!(p["document"]["title"], "川越市人財育成基本方針");
    assert_eq!(p["document"]["date"], "2024-03");
    let period = s(&p["document"], "plan_period");
    assert!(
        period.contains("令和6年度") && period.contains("令和10年度"),
        "{period}"
    );
}

#[test]
fn five_series_with_every_grade_in_order() {
    let p = export();
    let expected: [(&str, &[&str]); 5] = [
        (
            "行政職",
            &[
                "主事補級",
                "主事級",
                "主任級",
                "主査級",
                "副主幹級",
                "副課長級",
                "課長級",
                "副部長級",
                "部長級",
            ],
        ),
        (
            "保育職",
            &["保育士", "保育主事", "保育主任", "保育主査", "副園長", "園長"],
        ),
        ("医療職", &["医師(一)", "医師(二)", "医師(三)", "医師(四)"]),
        ("放課後児童支援員職", &["放課後児童支援員", "主事", "主任", "主査"]),
        ("技能労務職", &["技能労務職員", "総括補助作業員"]),
    ];
    assert_eq!(arr(&p, "job_series").len(), 5);
    for (series, grades) in expected {
        assert_eq!(grade_names(series_by_name(&p, series)), grades, "{series}");
    }
}

#[test]
fn roles_are_verbatim() {
    let p = export();
    let gyosei = series_by_name(&p, "行政職");
    assert_eq!(
        grade_by_name(gyosei, "課長級")["roles"],
        serde_json::json!([
            "所管の目標達成に向けた課題解決のための構想及び業務を統括する",
            "所属の人材育成責任者として、職員の能力を最大限に引き出す"
        ])
    );
    let shujiho = arr(grade_by_name(gyosei, "主事補級"), "roles");
    assert_eq!(shujiho.len(), 5);
    assert_eq!(shujiho[2], "上司や先輩の具体的な指示に基づき業務を的確に遂行する");
    let hoiku = series_by_name(&p, "保育職");
    assert_eq!(
        arr(grade_by_name(hoiku, "園長"), "roles")[0],
        "園内の統括及び業務の進行管理を行う"
    );
    let iryo = series_by_name(&p, "医療職");
    assert_eq!(
        arr(grade_by_name(iryo, "医師(三)"), "roles")[0],
        "医師及び担当業務の責任者として、業務を着実に遂行し進行管理を行う"
    );
    let jido = series_by_name(&p, "放課後児童支援員職");
    assert_eq!(arr(grade_by_name(jido, "放課後児童支援員"), "roles").len(), 6);
    let gino = series_by_name(&p, "技能労務職");
    assert_eq!(arr(grade_by_name(gino, "総括補助作業員"), "roles").len(), 3);
    // every grade carries its role text
    for series in arr(&p, "job_series") {
        for g in arr(series, "grades") {
            assert!(!arr(g, "roles").is_empty(), "{} has no roles", s(g, "name"));
        }
    }
}

#[test]
fn management_is_kacho_and_above() {
    let p = export();
    let gyosei = series_by_name(&p, "行政職");
    for g in arr(gyosei, "grades") {
        let name = s(g, "name");
        let want = matches!(name, "課長級" | "副部長級" | "部長級");
        assert_eq!(g["management"], want, "{name}");
    }
}

#[test]
fn six_abilities_with_definitions() {
    let p = export();
    let names: Vec<&str> = arr(&p, "competencies").iter().map(|c| s(c, "name")).collect();
    assert_eq!(
        names,
        [
            "業務遂行能力",
            "コミュニケーション能力",
            "政策形成能力",
            "管理・監督能力",
            "人材育成能力",
            "自己成長力"
        ]
    );
    let def = |name: &str| {
        arr(&p, "competencies")
            .iter()
            .find(|c| s(c, "name") == name)
            .map(|c| s(c, "definition").to_string())
            .unwrap_or_default()
    };
    assert!(def("管理・監督能力").starts_with("所管する行政に係るリスクを把握・管理する"));
    assert!(def("自己成長力").ends_with("常に自己を高め成長させようとする力"));
    // 行動指針 are attitudes, not abilities: not competencies
    assert!(!names.contains(&"プロ意識"));
}

#[test]
fn weights_were_figures_so_requirements_are_unmarked() {
    let p = export();
    let notes = arr(&p["document"], "notes");
    assert!(
        notes.iter().any(|n| {
            let n = n.as_str().unwrap_or("");
            n.contains("ウエイト") && n.contains("図")
        }),
        "notes must say the weight charts were figures"
    );
    let min = p["scale"]["min"].clone();
    let reqs = arr(&p, "requirements");
    assert_eq!(reqs.len(), 25 * 6, "one requirement per grade x competency");
    for r in reqs {
        assert_eq!(r["emphasis"], "unmarked", "{r}");
        assert_eq!(r["level"], min, "{r}");
    }
}

#[test]
fn promotion_steps_follow_each_ladder() {
    let p = export();
    let steps = arr(&p, "promotion");
    for series in arr(&p, "job_series") {
        let grades = arr(series, "grades");
        for pair in grades.windows(2) {
            let (from, to) = (s(&pair[0], "id"), s(&pair[1], "id"));
            let step = steps
                .iter()
                .find(|st| s(st, "from") == from && s(st, "to") == to)
                .unwrap_or_else(|| unreachable!("no step {from} -> {to}"));
            // the document publishes no years and no selection exam
            assert_eq!(step["illustrative"], true);
            assert_eq!(step["exam"], false);
        }
    }
    assert_eq!(steps.len(), 8 + 5 + 3 + 3 + 1);
}

#[test]
fn rotation_quotes_the_document() {
    let p = export();
    let rules = arr(&p["rotation"], "rules");
    assert!(
        rules
            .iter()
            .any(|r| s(r, "text").contains("人事異動によるジョブ・ローテーション"))
    );
    assert!(rules.iter().all(|r| r["illustrative"] == true));
}

#[test]
fn trainings_named_in_the_document() {
    let p = export();
    let trainings = arr(&p, "trainings");
    let kind = |name: &str| {
        trainings
            .iter()
            .find(|t| s(t, "name") == name)
            .map(|t| s(t, "kind").to_string())
            .unwrap_or_else(|| unreachable!("training {name} missing"))
    };
    assert_eq!(kind("自主研修"), "self_development");
    assert_eq!(kind("職場研修（OJT）"), "ojt");
    assert_eq!(kind("基本研修"), "hierarchical");
    assert_eq!(kind("専門研修"), "specialized");
    assert_eq!(kind("特別研修"), "special");
    assert_eq!(kind("技術研修"), "technical");
    assert_eq!(kind("派遣研修"), "secondment");
    for name in [
        "職場外研修（Off-JT）",
        "若手、中堅職員に対するキャリア研修",
        "高齢層職員に対するキャリア研修",
        "評価者研修",
        "マネジメント研修",
        "DX推進のための研修",
    ] {
        kind(name);
    }
}
