#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 昭島市 profile, asserted against
//! 昭島市人財育成基本方針（改定） (seed 003_5009a972ac48646a.txt).
//! Expected values are copied from the document, and matched by Japanese names.

use serde_json::Value;
use std::collections::BTreeSet;

mod common;

fn export() -> Value {
    common::export_profile("akishima")
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap_or_else(|| panic!("{key} is not an array"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string: {}", v[key]))
}

/// (series id, grade) for the grade with this Japanese name.
fn grade_by_name<'a>(p: &'a Value, name: &str) -> (&'a str, &'a Value) {
    for series in arr(p, "job_series") {
        for g in arr(series, "grades") {
            if s(g, "name") == name {
                return (s(series, "id"), g);
            }
        }
    }
    panic!("no grade named {name}");
}

fn grade_name(p: &Value, id: &str) -> String {
    for series in arr(p, "job_series") {
        for g in arr(series, "grades") {
            if s(g, "id") == id {
                return s(g, "name").to_string();
            }
        }
    }
    panic!("no grade with id {id}");
}

fn competency_name(p: &Value, id: &str) -> String {
    arr(p, "competencies")
        .iter()
        .find(|c| s(c, "id") == id)
        .map(|c| s(c, "name").to_string())
        .unwrap_or_else(|| panic!("no competency with id {id}"))
}

/// 2(3) 職位ごとに求められる能力: the evaluation items each grade's page lists,
/// with a fragment of that grade's definition text.
const EVALUATION_ITEMS: [(&str, &[(&str, &str)]); 6] = [
    (
        "主事職",
        &[
            ("責任感・公正性", "責任を持って業務に取り組むとともに"),
            ("業務知識", "業務の遂行に必要となる知識を有しており"),
            ("ＩＴ技能", "セキュリティ確保に支障を来さない"),
            ("説明応対", "苦情、トラブルを招かない。"),
            ("チームワーク", "係全体の業務遂行やチームワークに支障を来さない"),
            ("企画実行力", "主体的に課題を見いだし"),
            ("役割意識", "面倒な仕事を他人に押し付けたり"),
        ],
    ),
    (
        "主任職",
        &[
            ("責任感・公正性", "責任を持って業務に取り組むとともに"),
            ("課題対応力", "専門的知識・技術・ＩＴ技能の習得"),
            ("業務改善", "コスト意識を持った業務の改善に取り組む"),
            ("良好な関係の構築", "上司・同僚や他部署の担当者などと協力的な関係"),
            ("説明応対", "苦情、トラブルを招くことがない"),
            ("業務の円滑な処理", "業務全体の進行管理及びチェック"),
            ("役割意識", "粘り強く自己の役割を果たす"),
            ("指導・助言", "後輩などの育成のため"),
        ],
    ),
    (
        "技能長職",
        &[
            ("責任感・公正性", "担当業務の第一線において"),
            ("段取り・柔軟性", "打つ手を柔軟に変える"),
            ("チームワーク", "全体の業務遂行やチームワークに支障を来さない"),
            ("役割意識", "業務担当者の中核となって"),
            ("課題対応力", "組織目標や上司の指示に対して"),
            ("業務改善", "コスト意識を持った業務の改善に取り組む"),
            ("判断力", "上司の判断に委ねることの仕分け"),
            ("業務配分", "部下一人ずつの仕事の状況や負荷"),
            ("指導・監督", "部下の育成のため"),
        ],
    ),
    (
        "係長職",
        &[
            ("責任感・公正性", "担当業務の第一線において"),
            ("企画実行力", "複数の選択肢を吟味して"),
            ("事務事業の中核", "実務担当者の中核となって"),
            ("判断力", "上司の判断に委ねることの仕分け"),
            ("信頼関係の構築", "他部署や他自治体の担当者などと信頼関係"),
            ("折衝・調整", "関係者と折衝・調整を行い"),
            ("段取り・柔軟性", "前もって段取りや手順を整えて"),
            ("業務改善", "コスト意識を持った業務の改善に取り組む"),
            ("業務配分", "部下一人ずつの仕事の状況や負荷"),
            ("指導・監督", "部下の育成のため"),
        ],
    ),
    (
        "課長職",
        &[
            ("責任感・公正性", "担当業務の課題に責任を持って"),
            ("状況の把握・行政ニーズの反映", "施策の企画・立案や業務上の判断に反映"),
            ("最適な選択・判断", "進むべき方向性や現状を踏まえた最適な選択"),
            ("信頼関係の構築", "日頃から対外的な信頼関係を構築する"),
            ("折衝・調整", "課の責任者として"),
            ("先見性", "事業などを実施した場合の影響を予測して"),
            ("効率的な業務運営", "求められる成果水準を踏まえ"),
            ("業務配分", "課題の重要性や部下の役割・能力を踏まえて"),
            ("進捗管理", "業務を完遂に導く"),
            ("能力開発", "部下のコンディションに配慮する"),
        ],
    ),
    (
        "部長職",
        &[
            ("責任感・公正性", "崇高な倫理感を有し、部の課題に"),
            ("状況の把握・基本方針の明示", "政策ブレーンとして基本的な方針を示す"),
            ("最適な選択・判断", "探り得る戦略・選択肢の中から"),
            ("信頼関係の構築", "日頃から対外的な信頼関係を構築する"),
            ("折衝・調整", "部の責任者として"),
            ("先見性", "先を読みながら物事を進める"),
            ("効率的な業務運営", "求められる成果水準を踏まえ"),
            ("進捗管理", "業務を完遂に導く"),
            ("能力開発", "部下のコンディションに配慮する"),
        ],
    ),
];

/// 2(2) 職員に求められる能力・行動規範: name and a fragment of its description.
const NORMS: [(&str, &str); 15] = [
    ("市民志向", "常に市民の立場に立って"),
    ("倫理観", "服務規律を遵守し"),
    ("協働性", "互いの特性や持てる資源を活かし合い"),
    ("経営感覚", "市政の当事者として"),
    ("危機管理", "感染症や経済問題など"),
    ("迅速な対応", "時機を逸することなく"),
    ("バランス感覚", "ステークホルダー（利害関係者）"),
    ("正確性", "誤りなく業務を行う"),
    ("自律", "自己啓発を続ける"),
    ("チャレンジ精神", "失敗を恐れず"),
    ("柔軟性", "前例にとらわれず"),
    ("協調性", "傾聴力を磨く"),
    ("目的意識", "施策や事業の目的・成果を意識し"),
    ("セルフマネジメント", "心身の健康管理"),
    ("タイムマネジメント", "優先順位をつけ"),
];

#[test]
fn general_ladder_in_order() {
    let p = export();
    let (series, _) = grade_by_name(&p, "主事職");
    let series = arr(&p, "job_series").iter().find(|x| s(x, "id") == series).unwrap();
    let names: Vec<&str> = arr(series, "grades").iter().map(|g| s(g, "name")).collect();
    assert_eq!(names, ["主事職", "主任職", "係長職", "課長職", "部長職"]);
    for g in arr(series, "grades") {
        let mgmt = g["management"].as_bool().unwrap();
        assert_eq!(
            mgmt,
            matches!(s(g, "name"), "課長職" | "部長職"),
            "management flag of {}",
            s(g, "name")
        );
    }
}

#[test]
fn skilled_labour_series_leads_to_ginocho() {
    let p = export();
    let (series_id, ginocho) = grade_by_name(&p, "技能長職");
    let series = arr(&p, "job_series").iter().find(|x| s(x, "id") == series_id).unwrap();
    let names: Vec<&str> = arr(series, "grades").iter().map(|g| s(g, "name")).collect();
    // A separate series: its top is 技能長職 and it holds none of the general grades.
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names.last(), Some(&"技能長職"));
    for general in ["主事職", "主任職", "係長職", "課長職", "部長職"] {
        assert!(!names.contains(&general), "{general} in skilled-labour series");
    }
    let roles: Vec<&str> = arr(ginocho, "roles").iter().map(|r| r.as_str().unwrap()).collect();
    assert_eq!(roles, ["業務職場の統括を担う。"]);
}

#[test]
fn roles_per_grade() {
    let p = export();
    let expected: [(&str, &[&str]); 5] = [
        ("主事職", &["主に所管の定型的な業務の確実な執行を担う。"]),
        (
            "主任職",
            &["定型的な業務に加え、非定型的な業務や難しい業務執行についても、中心的役割を担う。"],
        ),
        (
            "係長職",
            &[
                "組織の課題に対し、適切な解決策を見いだせる。",
                "仕事の進行管理を行うとともに、常に仕事の見直しを図り、改善を行う。",
                "問題の原因を探り、迅速かつ適切に判断する。",
                "部下の個性に合った資質向上に取り組み、併せて指導育成を行う。",
            ],
        ),
        (
            "課長職",
            &[
                "組織の目標に対して、強い意志で取り組み、困難を克服してやり遂げる。",
                "課題に対し、必要な情報を収集、分析し、的確な解決策を見いだせる。",
                "自分の考えを簡潔明瞭、効果的に伝え、相手に正確に理解させる。",
                "時代や状況の変化に適切に対応し、仕事の方向性を柔軟に変えられる。",
                "部下の意欲と考えを尊重し、職場の総合力を高める。",
                "最小の経費で最大の効果を引き出すために、職務と人（部下）のマネジメントを適切に行う。",
            ],
        ),
        (
            "部長職",
            &[
                "市長の政策ブレーンとして、経営者意識を持ち、全庁的な課題の解決や政策に取り組む。",
                "各部局の最高責任者として、本市の行政効果を最大限引き出すことを担う。",
            ],
        ),
    ];
    for (grade, roles) in expected {
        let (_, g) = grade_by_name(&p, grade);
        let got: Vec<&str> = arr(g, "roles").iter().map(|r| r.as_str().unwrap()).collect();
        assert_eq!(got, roles, "roles of {grade}");
    }
}

#[test]
fn evaluation_items_per_grade() {
    let p = export();
    for (grade, items) in EVALUATION_ITEMS {
        let (_, g) = grade_by_name(&p, grade);
        let gid = s(g, "id");
        let keys: Vec<&Value> = arr(&p, "requirements")
            .iter()
            .filter(|r| s(r, "grade") == gid && s(r, "emphasis") == "key")
            .collect();
        let got: BTreeSet<String> = keys.iter().map(|r| competency_name(&p, s(r, "competency"))).collect();
        let want: BTreeSet<String> = items.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(got, want, "evaluation items of {grade}");
        assert_eq!(keys.len(), items.len(), "duplicate key items at {grade}");
        for (name, fragment) in items {
            let r = keys
                .iter()
                .find(|r| competency_name(&p, s(r, "competency")) == *name)
                .unwrap();
            let d = r["descriptor"].as_str().unwrap_or("");
            assert!(
                d.contains(fragment),
                "{grade} / {name}: descriptor {d:?} lacks {fragment:?}"
            );
            assert_eq!(r["illustrative"], Value::Bool(true), "{grade} / {name} level");
        }
        // No other pair at this grade is marked key or expected.
        for r in arr(&p, "requirements") {
            if s(r, "grade") == gid && s(r, "emphasis") == "expected" {
                panic!("unexpected `expected` at {grade}: {}", s(r, "competency"));
            }
        }
    }
}

#[test]
fn abilities_and_behaviour_norms() {
    let p = export();
    let comps = arr(&p, "competencies");
    for (name, fragment) in NORMS {
        let c = comps
            .iter()
            .find(|c| s(c, "name") == name)
            .unwrap_or_else(|| panic!("missing {name}"));
        assert!(s(c, "definition").contains(fragment), "{name}: {}", s(c, "definition"));
        assert_eq!(s(c, "group"), "職員に求められる能力・行動規範");
    }
}

#[test]
fn selection_exam_only_into_shunin_and_ginocho() {
    let p = export();
    let steps = arr(&p, "promotion");
    let mut exam_targets = BTreeSet::new();
    for st in steps {
        let to = grade_name(&p, s(st, "to"));
        let exam = st["exam"].as_bool().unwrap();
        assert_eq!(exam, to == "主任職" || to == "技能長職", "exam flag into {to}");
        if exam {
            exam_targets.insert(to);
            assert!(st["source"].as_str().is_some_and(|x| x.contains("昇任制度")));
        }
    }
    let want: BTreeSet<String> = ["主任職", "技能長職"].iter().map(|x| x.to_string()).collect();
    assert_eq!(exam_targets, want);
    // Steps of the general ladder.
    let general: Vec<(String, String)> = steps
        .iter()
        .map(|st| (grade_name(&p, s(st, "from")), grade_name(&p, s(st, "to"))))
        .collect();
    for pair in [
        ("主事職", "主任職"),
        ("主任職", "係長職"),
        ("係長職", "課長職"),
        ("課長職", "部長職"),
    ] {
        assert!(
            general.iter().any(|(f, t)| f == pair.0 && t == pair.1),
            "missing step {pair:?}"
        );
    }
}

#[test]
fn rotation_three_departments_in_ten_years_specialists_exempt() {
    let p = export();
    let rules = arr(&p["rotation"], "rules");
    let r = rules
        .iter()
        .find(|r| s(r, "text").contains("３か所程度の部署を経験します"))
        .expect("ジョブローテーション rule");
    assert_eq!(s(r, "kind"), "distinct_departments");
    assert_eq!(r["min_departments"], 3);
    assert_eq!(r["window_years"], 10);
    let exempt: Vec<&str> = arr(r, "exempt_tracks").iter().map(|x| x.as_str().unwrap()).collect();
    assert_eq!(exempt, ["specialist"]);
    assert!(s(r, "text").starts_with("一部の職員を除き、新規採用職員は"));
    assert_eq!(r["illustrative"], Value::Bool(false));
}

#[test]
fn offjt_providers_named() {
    let p = export();
    let providers: Vec<String> = arr(&p, "trainings")
        .iter()
        .filter_map(|t| t["provider"].as_str().map(str::to_string))
        .collect();
    for body in ["東京都市町村職員研修所", "市町村アカデミー", "自治大学校", "職員課"] {
        assert!(
            providers.iter().any(|x| x.contains(body)),
            "no training provided by {body}: {providers:?}"
        );
    }
    let names: Vec<&str> = arr(&p, "trainings").iter().map(|t| s(t, "name")).collect();
    for n in ["ＯＪＴ（職場研修）", "オンライン研修", "通信教育研修"] {
        assert!(names.contains(&n), "missing training {n}: {names:?}");
    }
}

#[test]
fn document_notes_cover_staff_images_survey_and_mentors() {
    let p = export();
    let notes: String = arr(&p["document"], "notes")
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    for needle in [
        "全体の奉仕者として市民の財産となる職員",
        "経営感覚と危機管理意識を備えた職員",
        "自ら学び考え行動する自律した職員",
        "意向調査書",
        "メンター制度",
        "スペシャリスト",
        "ゼネラリスト",
    ] {
        assert!(notes.contains(needle), "notes lack {needle}");
    }
}
