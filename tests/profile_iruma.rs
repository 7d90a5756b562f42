#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 入間市 profile, asserted against
//! 入間市人材育成基本方針(令和6年4月版) (seed 001_5def96ce85dc4a3c.txt).
//! Expected values are copied from the document, and matched by Japanese names.

use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("iruma")
}

/// III-3(2) 各階層において求められる職務行動・能力: the grade ladder, lowest first.
const GRADES: [&str; 7] = [
    "主事・主事補級",
    "主任級",
    "副主幹・主査級",
    "主幹級",
    "課長級",
    "次長級",
    "部長級",
];

/// III-3(1) 職員に求められる能力: name and a fragment of the definition, in the table's order.
const COMPETENCIES: [(&str, &str); 17] = [
    ("行政経営能力", "先見性、コスト意識、スピード感覚を有し"),
    ("組織管理能力", "組織の目標・方針を明確に示すとともに組織を統率し"),
    ("政策形成能力", "その効果を検証・評価し、改善できる"),
    ("危機管理能力", "危機発生時に的確に対応できる"),
    ("人材育成能力", "所属職員の適性を知り、チャレンジを支援する"),
    ("交渉・調整能力", "組織内外の組織や個人等と的確な交渉・調整を行い"),
    ("目標管理能力", "上位目標と方針を示し"),
    ("情報活用能力", "多方面から収集、分析・活用し、職員間で共有する"),
    ("企画立案能力", "具体的な施策等の実施に結びつける"),
    ("プレゼンテーション能力", "相手のニーズを汲み取りながら"),
    ("業務管理能力", "目標達成に向けて適正に執行されているか"),
    ("コミュニケーション能力", "市民等に対し適切な対応・接遇ができる"),
    ("チャレンジ精神", "新たな業務や困難な業務に対して果敢に挑戦する"),
    (
        "課題発見・改善・DX推進能力",
        "既存の業務プロセス等の改変にデジタル技術・データも利活用",
    ),
    ("事務処理能力", "担当業務を公平・正確・迅速に処理する"),
    ("自己管理・啓発能力", "健康に対する自己管理ができる"),
    ("倫理・責任感", "市職員としての自覚と高い人権意識を持ち"),
];

/// III-3(2) 各階層で特に求められる能力, copied row by row from the document.
/// Columns: 主事・主事補級 | 主任級 | 副主幹・主査級 | 主幹級 | 課長級 | 部長級・次長級
/// ◎ = key, ○ = expected, blank (" ") = unmarked.
const MATRIX: [(&str, [&str; 6]); 17] = [
    ("行政経営能力", [" ", " ", " ", " ", " ", "◎"]),
    ("組織管理能力", [" ", " ", " ", " ", "◎", "◎"]),
    ("政策形成能力", [" ", " ", " ", "◎", "◎", "◎"]),
    ("危機管理能力", [" ", " ", " ", "◎", "◎", "◎"]),
    ("交渉・調整能力", [" ", " ", "◎", "◎", "◎", "◎"]),
    ("人材育成能力", [" ", " ", "◎", "◎", "◎", "○"]),
    ("目標管理能力", [" ", " ", "◎", "◎", "◎", "○"]),
    ("情報活用能力", [" ", "◎", "◎", "◎", "○", "○"]),
    ("企画立案能力", [" ", "◎", "◎", "○", "○", "○"]),
    ("プレゼンテーション能力", [" ", "◎", "◎", "○", "○", "○"]),
    ("業務管理能力", [" ", "◎", "◎", "○", "○", "○"]),
    ("コミュニケーション能力", ["◎", "◎", "◎", "○", "○", "○"]),
    ("チャレンジ精神", ["◎", "◎", "○", "○", "○", "○"]),
    ("課題発見・改善・DX推進能力", ["◎", "◎", "○", "○", "○", "○"]),
    ("事務処理能力", ["◎", "○", "○", "○", "○", "○"]),
    ("自己管理・啓発能力", ["◎", "○", "○", "○", "○", "○"]),
    ("倫理・責任感", ["◎", "○", "○", "○", "○", "○"]),
];

/// Which matrix column each grade follows: the last column 「部長級・次長級」
/// applies to both 次長級 and 部長級.
const GRADE_COLUMN: [(&str, usize); 7] = [
    ("主事・主事補級", 0),
    ("主任級", 1),
    ("副主幹・主査級", 2),
    ("主幹級", 3),
    ("課長級", 4),
    ("次長級", 5),
    ("部長級", 5),
];

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {v}"))
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap_or_else(|| panic!("{key} is not an array"))
}

fn grade_id(p: &Value, name: &str) -> String {
    for series in arr(p, "job_series") {
        for g in arr(series, "grades") {
            if s(g, "name") == name {
                return s(g, "id").to_string();
            }
        }
    }
    panic!("no grade named {name}");
}

fn competency_id(p: &Value, name: &str) -> String {
    arr(p, "competencies")
        .iter()
        .find(|c| s(c, "name") == name)
        .map(|c| s(c, "id").to_string())
        .unwrap_or_else(|| panic!("no competency named {name}"))
}

fn emphasis(p: &Value, grade: &str, competency: &str) -> String {
    let hits: Vec<&Value> = arr(p, "requirements")
        .iter()
        .filter(|r| s(r, "grade") == grade && s(r, "competency") == competency)
        .collect();
    assert_eq!(hits.len(), 1, "one requirement for ({grade}, {competency})");
    s(hits[0], "emphasis").to_string()
}

#[test]
fn identity() {
    let p = export();
    assert_eq!(s(&p, "id"), "iruma");
    assert_eq!(s(&p, "name"), "入間市");
    assert_eq!(s(&p, "prefecture"), "埼玉県");
    assert_eq!(s(&p["document"], "title"), "入間市人材育成基本方針(令和6年4月版)");
    assert_eq!(s(&p["document"], "date"), "2024-04");
}

#[test]
fn seven_grades_in_order() {
    let p = export();
    let series = arr(&p, "job_series");
    assert_eq!(series.len(), 1, "the document has one ladder");
    let names: Vec<&str> = arr(&series[0], "grades").iter().map(|g| s(g, "name")).collect();
    assert_eq!(names, GRADES);
    for g in arr(&series[0], "grades") {
        assert_eq!(s(g, "roles_heading"), "基本的な職務行動");
        assert!(!arr(g, "roles").is_empty(), "{} has roles", s(g, "name"));
        let mgmt = matches!(s(g, "name"), "課長級" | "次長級" | "部長級");
        assert_eq!(g["management"].as_bool(), Some(mgmt), "{}", s(g, "name"));
    }
}

#[test]
fn grade_roles_verbatim() {
    let p = export();
    let roles = |name: &str| -> Vec<String> {
        let series = &arr(&p, "job_series")[0];
        let g = arr(series, "grades").iter().find(|g| s(g, "name") == name).unwrap();
        arr(g, "roles")
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .collect()
    };
    let counts = [5, 5, 7, 5, 6, 5, 4];
    for (name, n) in GRADES.iter().zip(counts) {
        assert_eq!(roles(name).len(), n, "{name} bullet count");
    }
    assert_eq!(
        roles("主事・主事補級")[1],
        "公務員としての倫理観を持ち、基本的役割と責任を自覚し、自己管理・自己啓発に努める。"
    );
    assert_eq!(
        roles("副主幹・主査級")[0],
        "グループ職員を統括し、グループ職員の業務の進捗状況を管理し、調整する。"
    );
    assert_eq!(
        roles("部長級")[0],
        "社会情勢の変化を的確にとらえ、経営の視点から組織の方針・目標を決定し、政策形成の中心的な役割を果たす。"
    );
    assert_eq!(roles("次長級")[3], "危機発生時の組織間連携の調整を図る。");
}

#[test]
fn seventeen_competencies_with_definitions() {
    let p = export();
    let comps = arr(&p, "competencies");
    let names: Vec<&str> = comps.iter().map(|c| s(c, "name")).collect();
    let expected: Vec<&str> = COMPETENCIES.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected);
    for (c, (name, fragment)) in comps.iter().zip(COMPETENCIES) {
        assert!(
            s(c, "definition").contains(fragment),
            "{name}: definition should contain {fragment}"
        );
        assert_eq!(s(c, "source"), "入間 III-3(1) 職員に求められる能力");
    }
}

#[test]
fn matrix_emphasis_for_every_grade_and_competency() {
    let p = export();
    for (comp_name, row) in MATRIX {
        let cid = competency_id(&p, comp_name);
        for (grade_name, col) in GRADE_COLUMN {
            let gid = grade_id(&p, grade_name);
            let want = match row[col] {
                "◎" => "key",
                "○" => "expected",
                " " => "unmarked",
                other => panic!("bad cell {other}"),
            };
            assert_eq!(
                emphasis(&p, &gid, &cid),
                want,
                "{grade_name} × {comp_name} should be {}",
                row[col]
            );
        }
    }
    // every grade × competency pair is exported (17 × 7)
    assert_eq!(arr(&p, "requirements").len(), 17 * 7);
    // 94 marked cells: ◎/○ in the five single-grade columns plus the shared column twice
    let marked = arr(&p, "requirements")
        .iter()
        .filter(|r| s(r, "emphasis") != "unmarked")
        .count();
    assert_eq!(marked, 94);
}

#[test]
fn jicho_and_bucho_follow_the_shared_last_column() {
    let p = export();
    let jicho = grade_id(&p, "次長級");
    let bucho = grade_id(&p, "部長級");
    for (comp_name, _row) in MATRIX {
        let cid = competency_id(&p, comp_name);
        assert_eq!(emphasis(&p, &jicho, &cid), emphasis(&p, &bucho, &cid), "{comp_name}");
    }
    // spot checks straight from the 「部長級・次長級」 column
    let cid = competency_id(&p, "行政経営能力");
    assert_eq!(emphasis(&p, &jicho, &cid), "key");
    assert_eq!(emphasis(&p, &grade_id(&p, "課長級"), &cid), "unmarked");
    let cid = competency_id(&p, "人材育成能力");
    assert_eq!(emphasis(&p, &bucho, &cid), "expected");
    assert_eq!(emphasis(&p, &grade_id(&p, "課長級"), &cid), "key");
}

#[test]
fn trainings_named_in_the_document() {
    let p = export();
    let trainings = arr(&p, "trainings");
    let find = |name: &str| {
        trainings
            .iter()
            .find(|t| s(t, "name") == name)
            .unwrap_or_else(|| panic!("training {name} missing"))
    };
    for (name, kind) in [
        ("階層別研修", "hierarchical"),
        ("特別研修", "special"),
        ("派遣研修", "secondment"),
        ("他自治体等との連携研修", "joint"),
        ("OJT研修", "ojt"),
        ("コーチング研修", "ojt"),
        ("各職場における専門知識・技能の研修", "ojt"),
        ("日常業務による教育", "ojt"),
        ("研修成果発表会", "other"),
        ("通信教育の支援", "self_development"),
        ("先進地視察研修制度", "self_development"),
        ("自主研修グループへの助成", "study_group"),
        ("外部セミナー等の情報提供", "self_development"),
    ] {
        assert_eq!(s(find(name), "kind"), kind, "{name}");
    }
    let haken = find("派遣研修");
    for body in ["自治大学校", "市町村アカデミー", "彩の国さいたま人づくり広域連合"] {
        assert!(s(haken, "description").contains(body), "派遣研修 names {body}");
    }
    assert!(s(find("他自治体等との連携研修"), "description").contains("広域的な連携研修"));
}

#[test]
fn rotation_for_young_staff_and_notes() {
    let p = export();
    let rot = &p["rotation"];
    let rules = arr(rot, "rules");
    assert_eq!(rules.len(), 1);
    assert!(
        s(&rules[0], "text").contains(
            "若手職員については多様な部署での経験を積ませるためジョブローテーションによる人事配置を進めます。"
        )
    );
    // the document gives no period or count: the numbers must be marked illustrative
    assert_eq!(rules[0]["illustrative"].as_bool(), Some(true));
    assert_eq!(rot["tenure_illustrative"].as_bool(), Some(true));

    let notes: Vec<&str> = arr(&p["document"], "notes")
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(notes.iter().any(|n| n.contains("令和13年度には定年年齢が65歳")));
    assert!(notes.iter().any(|n| n.contains("60代") && n.contains("メンター")));
    assert!(notes.iter().any(|n| n.contains("専門職員(資格取得者)")));
    assert!(notes.iter().any(|n| n.contains("技能労務職員")));
}
