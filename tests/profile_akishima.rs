#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 昭島市 profile, asserted against
//! 昭島市人財育成基本方針（改定） (seed 003_5009a972ac48646a.txt).
//! Expected values are copied from the document, and matched by Japanese names. Texts the
//! profile quotes are checked against the seed itself (tests/fixtures/seeds), with all
//! whitespace removed on both sides (the PDF's line breaks fall inside words).

use michi::i18n::Lang;
use michi::model::{MeasureKind, Profile, RuleStrength, ScaleKind};
use michi::store::Catalog;
use serde_json::Value;
use std::collections::BTreeSet;

mod common;

fn export() -> Value {
    common::export_profile("akishima")
}

/// The bundled profile as the library loads it (for what `--json` does not carry: ideals,
/// measures, delivery methods, series markers).
fn profile() -> Profile {
    let catalog = Catalog::load(None, Lang::Ja);
    catalog.get("akishima").unwrap().profile.clone()
}

/// Whitespace removed: the seed breaks lines (and puts spaces) inside sentences.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The document's text, squashed.
fn seed() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seeds/003_5009a972ac48646a.txt"
    );
    squash(&std::fs::read_to_string(path).unwrap())
}

fn assert_verbatim(seed: &str, what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what}: empty text");
    assert!(
        seed.contains(&squash(text)),
        "{what}: not verbatim in the seed: {text:?}"
    );
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

/// 「業務担当者」 and the series 技能労務職 are not in the document (the word comes from
/// 技能長職's 役割意識): both are marked as Michi's reading; 技能長職 itself is the document's.
#[test]
fn gyomu_tantosha_and_gino_series_are_michis_reading() {
    let p = profile();
    let (series, grade) = p.grade("gyomu_tantosha").unwrap();
    assert_eq!(grade.name, "業務担当者");
    assert!(grade.illustrative, "業務担当者 must be marked illustrative");
    assert!(
        grade.notes.iter().any(|n| n.contains("Michi の読み取り")),
        "{:?}",
        grade.notes
    );
    assert!(grade.roles.is_empty());
    assert_eq!(series.name, "技能労務職");
    assert!(series.illustrative, "技能労務職 must be marked illustrative");
    assert!(
        series
            .description
            .as_deref()
            .is_some_and(|d| d.contains("Michi の読み取り"))
    );
    // Neither name occurs in the document as a grade or series of its own; 業務担当者 only
    // inside 技能長職's descriptor.
    let seed = seed();
    assert!(!seed.contains("技能労務職"));
    assert_eq!(seed.matches("業務担当者").count(), 1);
    let (_, ginocho) = p.grade("ginocho").unwrap();
    assert!(!ginocho.illustrative);
    for (s, g) in p.grades() {
        if g.id != "gyomu_tantosha" {
            assert!(!g.illustrative, "{} is the document's", g.name);
        }
        if s.id != "gino" {
            assert!(!s.illustrative, "{} is the document's", s.name);
        }
    }
    // No requirement is written for the grade the document does not name.
    assert!(p.requirements.iter().all(|r| r.grade != "gyomu_tantosha"));
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
        // What the grade's page lists: written requirements, not those carried up.
        let keys: Vec<&Value> = arr(&p, "requirements")
            .iter()
            .filter(|r| s(r, "grade") == gid && r["derived_from"].is_null() && !r["level"].is_null())
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
            assert_eq!(
                r["illustrative"],
                Value::Bool(false),
                "{grade} / {name}: a rung is not an example"
            );
            assert_eq!(s(r, "emphasis"), "key", "{grade} / {name}");
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
        // The document sets no per-grade level for them: 記載なし at every grade.
        let id = s(c, "id");
        for r in arr(&p, "requirements").iter().filter(|r| s(r, "competency") == id) {
            assert!(r["level"].is_null(), "{name} at {}: {r}", s(r, "grade"));
            assert_eq!(s(r, "emphasis"), "unmarked", "{name} at {}", s(r, "grade"));
        }
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
    // The rule is for the ゼネラリスト course: スペシャリスト are 「ジョブローテーションの対象とせず」.
    let courses: Vec<&str> = arr(r, "courses").iter().map(|x| x.as_str().unwrap()).collect();
    assert_eq!(courses, ["generalist"]);
    let profile = profile();
    let names: Vec<(&str, &str, bool)> = profile
        .courses
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str(), c.default))
        .collect();
    assert_eq!(
        names,
        [
            ("generalist", "ゼネラリスト", true),
            ("specialist", "スペシャリスト", false)
        ]
    );
    let seed = seed();
    for c in &profile.courses {
        assert!(
            squash(&seed).contains(&squash(c.description.as_deref().unwrap())),
            "{} verbatim",
            c.id
        );
    }
    assert!(s(r, "text").starts_with("一部の職員を除き、新規採用職員は"));
    assert_eq!(r["illustrative"], Value::Bool(false));
}

/// 「３か所程度」 is a guideline: its hedge and scope as written, families, departments and
/// tenure the document does not give are Michi's examples or absent.
#[test]
fn rotation_rule_is_a_guideline_in_the_documents_words() {
    let p = profile();
    let seed = seed();
    let rotation = p.rotation.as_ref().unwrap();
    let [rule] = rotation.rules.as_slice() else {
        panic!("one rule: {:?}", rotation.rules)
    };
    assert_eq!(rule.strength, RuleStrength::Guideline);
    assert_eq!(rule.hedges, ["程度"]);
    for hedge in &rule.hedges {
        assert!(rule.text.contains(hedge.as_str()));
    }
    let scope = rule.scope.as_deref().unwrap();
    assert!(rule.text.contains(scope), "scope {scope:?} not in the rule's text");
    assert!(scope.contains("新規採用職員") && scope.contains("一部の職員を除き"));
    assert_verbatim(&seed, "rotation rule", &rule.text);
    assert!(rule.series.is_empty(), "the document limits the rule to no series");
    assert!(seed.contains("ジョブローテーションの対象とせず"));
    assert_eq!(rotation.typical_tenure_years, None, "the document gives no tenure");
    assert!(rotation.families.iter().all(|f| f.illustrative), "families are Michi's");
    assert!(
        rotation.departments.iter().all(|d| d.illustrative),
        "departments are Michi's"
    );
    if let Some(statement) = &rotation.statement {
        assert_verbatim(&seed, "rotation statement", &statement.text);
    }
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
    for n in ["ＯＪＴ（職場研修）", "通信教育研修"] {
        assert!(names.contains(&n), "missing training {n}: {names:?}");
    }
}

/// 集合研修 and オンライン研修 are ways of delivering training, not trainings.
#[test]
fn delivery_methods_are_not_trainings() {
    let p = profile();
    let seed = seed();
    for t in &p.trainings {
        assert!(
            !matches!(t.name.as_str(), "集合研修" | "オンライン研修"),
            "{} is a delivery method",
            t.name
        );
    }
    let names: Vec<&str> = p.delivery_methods.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["集合研修", "オンライン研修"]);
    for m in &p.delivery_methods {
        assert_verbatim(&seed, &m.name, m.text.as_deref().unwrap_or(""));
        assert!(m.source.starts_with("昭島 3(1)"), "{}", m.source);
    }
}

/// The document's only classification is its three methods of 能力開発; Off-JT is not
/// divided further, so no Off-JT entry carries a kind (派遣研修, 合同研修 … would be Michi's).
#[test]
fn training_categories_are_the_documents() {
    let p = profile();
    let seed = seed();
    for t in &p.trainings {
        let category = t
            .category
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no category", t.name));
        assert!(
            ["ＯＪＴ（職場研修）", "Ｏｆｆ-ＪＴ（職場外研修）", "自己啓発"].contains(&category),
            "{}: {category}",
            t.name
        );
        assert!(seed.contains(&squash(category)), "{category} not in the document");
        if category == "Ｏｆｆ-ＪＴ（職場外研修）" {
            assert_eq!(t.kind, None, "{}: the document does not classify Off-JT", t.name);
        }
        if let Some(d) = &t.description {
            assert_verbatim(&seed, &t.name, d);
        }
        assert!(t.grades.is_empty(), "{}: the document names no grades", t.name);
    }
}

/// The scale is the document's descriptions, read upward with the table's ※ note.
#[test]
fn scale_is_descriptor_ladders_that_accumulate() {
    let p = profile();
    let seed = seed();
    let scale = &p.scale;
    assert_eq!(scale.kind, Some(ScaleKind::Descriptors));
    assert!(scale.min.is_none() && scale.max.is_none());
    assert!(scale.levels.is_empty() && scale.targets.is_empty());
    assert!(!scale.illustrative);
    assert!(scale.source.as_deref().is_some_and(|x| x.starts_with("昭島 2(3)")));
    assert!(scale.note.as_deref().is_some_and(|n| !n.is_empty()));
    let accumulate = scale.accumulate.as_ref().expect("accumulate");
    assert!(
        accumulate
            .text
            .contains("職位が上がるに従って、全ての能力をバランス良く身に付けておく必要があります")
    );
    assert_verbatim(&seed, "accumulate", &accumulate.text);
    assert!(accumulate.source.starts_with("昭島 2(3)"));
    for r in &p.requirements {
        assert_eq!(r.level, None, "{} / {}: no number per cell", r.grade, r.competency);
        assert!(!r.illustrative, "{} / {}", r.grade, r.competency);
    }
}

/// Every descriptor is the document's text.
#[test]
fn descriptors_verbatim_in_the_seed() {
    let p = profile();
    let seed = seed();
    for r in &p.requirements {
        let what = format!("{} / {}", r.grade, r.competency);
        assert_verbatim(&seed, &what, r.descriptor.as_deref().unwrap_or(""));
    }
}

/// 「職位が上がるに従って、全ての能力をバランス良く身に付けておく必要があります」: no ability
/// falls from one grade to the next on any series, and what a grade does not list is carried.
#[test]
fn no_ability_drops_between_adjacent_grades() {
    let p = profile();
    for series in &p.job_series {
        for pair in series.grades.windows(2) {
            let [lower, upper] = pair else { unreachable!() };
            for c in &p.competencies {
                let from = p.requirement(&lower.id, c).unwrap();
                let to = p.requirement(&upper.id, c).unwrap();
                if let Some(level) = from.level {
                    assert!(
                        to.level.is_some_and(|l| l >= level),
                        "{}: {} {:?} → {} {:?}",
                        c.name,
                        lower.name,
                        from.level,
                        upper.name,
                        to.level
                    );
                }
            }
        }
    }
}

/// 係長職 does not list 説明応対, 課題対応力 and four other items of 主任職: it carries them,
/// marked derived, at 主任職's rung (the audit saw ◎3 → ・1).
#[test]
fn kakaricho_carries_what_shunin_lists() {
    let p = profile();
    let mut carried = BTreeSet::new();
    for c in &p.competencies {
        let shunin = p.requirement("shunin", c).unwrap();
        let kakaricho = p.requirement("kakaricho", c).unwrap();
        let listed_below = shunin.level.is_some() && shunin.derived_from.is_none();
        let written_here = p
            .requirements
            .iter()
            .any(|r| r.grade == "kakaricho" && r.competency == c.id);
        if listed_below && !written_here {
            assert_eq!(kakaricho.derived_from, Some("shunin"), "{}", c.name);
            assert_eq!(kakaricho.level, shunin.level, "{}", c.name);
            assert_eq!(kakaricho.descriptor, shunin.descriptor, "{}", c.name);
            assert!(kakaricho.source.is_some_and(|x| x.starts_with("昭島 2(3)")));
            carried.insert(c.name.as_str());
        }
    }
    let want = BTreeSet::from([
        "説明応対",
        "課題対応力",
        "良好な関係の構築",
        "業務の円滑な処理",
        "役割意識",
        "指導・助言",
    ]);
    assert_eq!(carried, want);
}

/// 企画実行力: 主事職's text is rung 1 and 係長職's rung 2; 主任職 (which does not list it)
/// keeps rung 1 and 課長職・部長職 keep rung 2 — never 2 → 1 → 4.
#[test]
fn planning_execution_never_falls() {
    let p = profile();
    let c = p.competency("planning_execution").unwrap();
    let got: Vec<(Option<u8>, Option<&str>)> = ["shuji", "shunin", "kakaricho", "kacho", "bucho"]
        .iter()
        .map(|g| {
            let r = p.requirement(g, c).unwrap();
            (r.level, r.derived_from)
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some(1), None),
            (Some(1), Some("shuji")),
            (Some(2), None),
            (Some(2), Some("kakaricho")),
            (Some(2), Some("kakaricho")),
        ]
    );
    let rungs = p.rungs("ippan", "planning_execution");
    assert_eq!(rungs.len(), 2);
    assert!(rungs[0].descriptor.starts_with("主体的に課題を見いだし"));
    assert!(rungs[1].descriptor.starts_with("業務に関連する知識の習得"));
    // 責任感・公正性: 主事職 and 主任職 share a text, so they share rung 1.
    let rungs = p.rungs("ippan", "responsibility_fairness");
    assert_eq!(rungs.len(), 4);
    assert_eq!(rungs[0].grades, ["shuji", "shunin"]);
}

/// The three めざすべき職員像 with their explanations, in the document's order.
#[test]
fn ideals_verbatim() {
    let p = profile();
    let seed = seed();
    let names: Vec<&str> = p.ideals.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "全体の奉仕者として市民の財産となる職員",
            "経営感覚と危機管理意識を備えた職員",
            "自ら学び考え行動する自律した職員",
        ]
    );
    let fragments = [
        "市民の「財産」となる職員",
        "危機管理能力を備えた職員",
        "チャレンジする思考を持って行動する職員",
    ];
    for (ideal, fragment) in p.ideals.iter().zip(fragments) {
        assert_verbatim(&seed, "ideal name", &ideal.name);
        let text = ideal.text.as_deref().unwrap();
        assert!(text.contains(fragment), "{}: {text}", ideal.name);
        assert_verbatim(&seed, &ideal.name, text);
        assert!(ideal.source.starts_with("昭島 2(1)"), "{}", ideal.source);
    }
    // Moved out of the notes.
    for note in &p.document.notes {
        assert!(
            !note.contains("迅速に対応できる危機管理能力を備えた職員が必要となります"),
            "{note}"
        );
    }
}

/// The career-support measures, each in the document's words.
#[test]
fn measures_verbatim() {
    let p = profile();
    let seed = seed();
    for m in &p.measures {
        assert_verbatim(&seed, &m.id, &m.text);
        assert_verbatim(&seed, &m.id, &m.name);
        if let Some(who) = &m.who {
            assert_verbatim(&seed, &m.id, who);
        }
        assert!(m.timing.is_none(), "{}: the document gives no timing", m.id);
        assert!(m.source.starts_with("昭島 "), "{}", m.source);
    }
    let find = |name: &str| {
        p.measures
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("no measure {name}"))
    };
    assert_eq!(find("意向調査書").kind, MeasureKind::SelfReport);
    assert_eq!(find("人事評価制度における面談").kind, MeasureKind::Interview);
    assert_eq!(find("自己申告").kind, MeasureKind::SelfReport);
    assert_eq!(find("ゼネラリストの育成").kind, MeasureKind::CareerPath);
    assert_eq!(find("スペシャリストの育成").kind, MeasureKind::CareerPath);
    assert_eq!(find("キャリアデザインの形成支援").kind, MeasureKind::CareerDesign);
    assert_eq!(find("人事評価制度").kind, MeasureKind::Evaluation);
    let mentor = find("メンター制度");
    assert_eq!(mentor.kind, MeasureKind::Mentor);
    assert_eq!(mentor.status.as_deref(), Some("検討"));
    assert!(mentor.text.ends_with("メンター制度の検討を行います。"));
    let ojt = find("新規採用職員や人事異動により新たに配属された職員に対するＯＪＴ");
    assert_eq!(ojt.who.as_deref(), Some("主任職"));
    // Only statuses the document states.
    for m in &p.measures {
        if let Some(status) = &m.status {
            assert!(m.text.contains(status.as_str()), "{}: {status}", m.id);
        }
    }
}

/// What has no source in the document is marked as Michi's.
#[test]
fn every_value_without_a_source_is_illustrative() {
    let p = profile();
    let from_document = |source: &str| source.starts_with("昭島 ");
    for step in &p.promotion {
        // The exam is the document's; the years are not.
        assert!(step.source.as_deref().is_some_and(from_document));
        assert!(step.illustrative, "{} → {}: years are examples", step.from, step.to);
    }
    let rotation = p.rotation.as_ref().unwrap();
    for f in &rotation.families {
        assert!(
            f.illustrative || f.source.as_deref().is_some_and(from_document),
            "{}",
            f.name
        );
    }
    for d in &rotation.departments {
        assert!(d.illustrative, "{} has no source", d.name);
    }
    assert!(rotation.typical_tenure_years.is_none() || rotation.tenure_illustrative);
    for r in &rotation.rules {
        assert!(
            r.illustrative || r.source.as_deref().is_some_and(from_document),
            "{}",
            r.id
        );
    }
    for t in &p.trainings {
        assert!(from_document(&t.source), "{}: {}", t.name, t.source);
        assert!(t.competencies.is_empty() || t.competencies_illustrative, "{}", t.name);
        assert!(!t.grades_illustrative || !t.grades.is_empty());
    }
    for (s, g) in p.grades() {
        assert!(from_document(&s.source) || s.illustrative, "{}", s.name);
        assert!(from_document(&g.source) || g.illustrative, "{}", g.name);
    }
    for c in &p.competencies {
        assert!(from_document(&c.source), "{}", c.name);
    }
    assert!(p.leave_rules.iter().all(|l| l.illustrative || l.source.is_some()));
}
