#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 川越市 profile, checked against
//! 川越市人財育成基本方針 (令和6年3月改訂), seeds/002_4564b7423e479c85.txt.
//! Expected values are copied from the document, and looked up by Japanese name; a copy
//! of the seed text (tests/fixtures/seeds) checks that quoted text is verbatim.

use michi::engine;
use michi::i18n::Lang;
use michi::model::{MeasureKind, Profile, ScaleKind, TrainingKind};
use michi::store::{BUNDLED, Catalog, parse_plan, parse_profile};
use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("kawagoe")
}

/// The bundled profile as the model reads it (ideals, measures and delivery methods are
/// not in the `--json` export).
fn profile() -> Profile {
    let (file, text) = BUNDLED
        .iter()
        .find(|(f, _)| *f == "kawagoe.toml")
        .unwrap_or_else(|| unreachable!("kawagoe.toml is bundled"));
    parse_profile(file, text.as_bytes(), Lang::Ja).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Text with every kind of white space removed: the PDF's text breaks lines (and sometimes
/// words) where the page did, so quotes are compared without it.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// 川越市人財育成基本方針 (令和6年3月改訂) as plain text, white space removed.
fn seed() -> String {
    squeeze(include_str!("fixtures/seeds/002_4564b7423e479c85.txt"))
}

fn assert_verbatim(seed: &str, what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what} is empty");
    assert!(seed.contains(&squeeze(text)), "{what} is not in the document: {text}");
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
fn weights_were_figures_so_no_requirement_is_stated() {
    let p = export();
    let notes = arr(&p["document"], "notes");
    assert!(
        notes.iter().any(|n| {
            let n = n.as_str().unwrap_or("");
            n.contains("ウエイト") && n.contains("図")
        }),
        "notes must say the weight charts were figures"
    );
    // Nothing is written per grade, and nothing is invented: every grade × ability reads
    // 記載なし (no level), never the scale's minimum.
    assert!(profile().requirements.is_empty());
    let reqs = arr(&p, "requirements");
    assert_eq!(reqs.len(), 25 * 6, "one resolved row per grade x competency");
    for r in reqs {
        assert!(r["level"].is_null(), "{r}");
        assert_eq!(r["emphasis"], "unmarked", "{r}");
        assert!(r.get("derived_from").is_none(), "{r}");
    }
}

#[test]
fn the_scale_is_michis_proficiency_assumption_with_no_targets() {
    let p = profile();
    let scale = &p.scale;
    assert_eq!(scale.kind, Some(ScaleKind::Proficiency));
    assert!(scale.illustrative, "the 1–5 scale is Michi's, not the document's");
    assert_eq!((scale.min, scale.max), (Some(1), Some(5)));
    assert_eq!(scale.levels.len(), 5, "each level is labelled");
    assert!(
        scale.source.as_deref().is_some_and(|s| s.contains("Michi")),
        "{:?}",
        scale.source
    );
    assert!(
        scale.note.as_deref().is_some_and(|n| n.contains("図")),
        "{:?}",
        scale.note
    );
    assert!(scale.targets.is_empty(), "no grade has anything to target");
    assert!(scale.accumulate.is_none(), "the document says nothing of accumulation");
}

#[test]
fn no_ability_drops_between_adjacent_grades() {
    let p = profile();
    for series in &p.job_series {
        for pair in series.grades.windows(2) {
            let diff = engine::grade_diff(&p, None, &pair[0].id, &pair[1].id)
                .unwrap_or_else(|| unreachable!("{} -> {}", pair[0].id, pair[1].id));
            for row in &diff.changes {
                assert!(
                    row.to_level >= row.from_level,
                    "{} drops from {} to {}: {row:?}",
                    row.competency,
                    pair[0].name,
                    pair[1].name
                );
            }
        }
    }
}

#[test]
fn every_grade_carries_its_roles_verbatim_under_the_documents_heading() {
    let seed = seed();
    let p = profile();
    for (series, grade) in p.grades() {
        let what = format!("{} {}", series.name, grade.name);
        assert!(!grade.roles.is_empty(), "{what} has no roles");
        assert_eq!(grade.roles_heading.as_deref(), Some("必要とされる役割"), "{what}");
        assert_verbatim(&seed, "roles_heading", "必要とされる役割");
        for role in &grade.roles {
            assert_verbatim(&seed, &format!("{what} role"), role);
        }
        assert!(grade.source.starts_with("川越 II-4 "), "{what}: {}", grade.source);
    }
}

#[test]
fn ability_definitions_are_verbatim() {
    let seed = seed();
    for c in &profile().competencies {
        assert_verbatim(&seed, &c.name, &c.name);
        assert_verbatim(&seed, &format!("{} definition", c.name), &c.definition);
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
fn rotation_is_only_the_documents_sentence() {
    let p = profile();
    let rotation = p
        .rotation
        .as_ref()
        .unwrap_or_else(|| unreachable!("rotation statement missing"));
    // The document states no rotation structure: nothing borrowed from another city.
    assert!(rotation.families.is_empty(), "{:?}", rotation.families);
    assert!(rotation.departments.is_empty(), "{:?}", rotation.departments);
    assert!(rotation.rules.is_empty(), "{:?}", rotation.rules);
    assert_eq!(rotation.typical_tenure_years, None);
    let statement = rotation
        .statement
        .as_ref()
        .unwrap_or_else(|| unreachable!("rotation statement missing"));
    assert!(statement.text.contains("人事異動によるジョブ・ローテーション"));
    assert_verbatim(&seed(), "rotation statement", &statement.text);
    assert_eq!(statement.source, "川越 III-2 人事管理");
    for family in ["市民対応系", "事業系", "管理・調整系"] {
        assert!(
            !seed().contains(family),
            "{family} is 上越's, and not in 川越's document"
        );
    }
}

#[test]
fn the_persona_carries_no_borrowed_family_and_assesses_on_the_stated_scale() {
    let catalog = Catalog::load(None, Lang::Ja);
    let path = format!(
        "{}/assets/personas/kawagoe-hoiku-shunin.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let plan = parse_plan(&path, &bytes, &catalog, Lang::Ja).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(
        plan.assignments.iter().all(|a| a.family.is_none()),
        "{:?}",
        plan.assignments
    );
    let p = profile();
    for (competency, level) in &plan.self_assessment {
        assert!(p.competency(competency).is_some(), "{competency}");
        assert!(p.level_range(competency).contains(level), "{competency} = {level}");
    }
}

#[test]
fn trainings_named_in_the_document() {
    let p = profile();
    let training = |name: &str| {
        p.trainings
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| unreachable!("training {name} missing"))
    };
    // III-4: the three kinds of 職員研修, and the five kinds of Off-JT, are the categories.
    for (name, kind) in [
        ("自主研修", Some(TrainingKind::SelfDevelopment)),
        ("職場研修（OJT）", Some(TrainingKind::Ojt)),
        ("職場外研修（Off-JT）", None),
        ("基本研修", Some(TrainingKind::Hierarchical)),
        ("専門研修", Some(TrainingKind::Specialized)),
        ("特別研修", Some(TrainingKind::Special)),
        ("技術研修", Some(TrainingKind::Technical)),
        ("派遣研修", Some(TrainingKind::Secondment)),
    ] {
        let t = training(name);
        assert_eq!(t.category.as_deref(), Some(name), "{name}");
        assert_eq!(t.kind, kind, "{name}");
    }
    // Named elsewhere in the document, in none of those categories.
    for name in [
        "カリキュラムを自ら選択し、受講できる研修制度",
        "若手、中堅職員に対するキャリア研修",
        "高齢層職員に対するキャリア研修",
        "マネジメント研修",
        "職位に応じた研修",
        "ハラスメント防止に関する研修",
        "評価者研修",
        "職場研修の理解促進のための研修",
        "DX推進のための研修",
    ] {
        let t = training(name);
        assert_eq!(t.category, None, "{name}");
        assert_eq!(t.kind, None, "{name}");
    }
    // 管理監督職 and 一般職員 are the document's words; which grades they are is Michi's.
    assert!(training("マネジメント研修").grades_illustrative);
    assert!(training("職位に応じた研修").grades_illustrative);
    // 「全ての職員がハラスメントについて正しく理解し…研修の実施により」
    assert!(training("ハラスメント防止に関する研修").all_grades);
}

#[test]
fn only_the_documents_categories_and_special_only_for_tokubetsu() {
    let seed = seed();
    let used = [
        "自主研修",
        "職場研修（OJT）",
        "職場外研修（Off-JT）",
        "基本研修",
        "専門研修",
        "特別研修",
        "技術研修",
        "派遣研修",
    ];
    for t in &profile().trainings {
        if let Some(category) = &t.category {
            assert!(used.contains(&category.as_str()), "{}: {category}", t.name);
            assert_verbatim(&seed, "category", category);
        }
        if t.kind == Some(TrainingKind::Special) {
            assert_eq!(t.category.as_deref(), Some("特別研修"), "{}", t.name);
        }
        assert!(t.source.starts_with("川越 "), "{}: {}", t.name, t.source);
    }
}

#[test]
fn ways_of_delivering_training_are_not_trainings() {
    let p = profile();
    let seed = seed();
    for name in ["動画研修", "e ラーニング、セミナー等"] {
        assert!(p.trainings.iter().all(|t| squeeze(&t.name) != squeeze(name)), "{name}");
        let method = p
            .delivery_methods
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| unreachable!("delivery method {name} missing"));
        assert_verbatim(&seed, "delivery method", &method.name);
        assert_verbatim(&seed, "delivery method text", method.text.as_deref().unwrap_or(""));
        assert!(method.source.starts_with("川越 III-4"), "{}", method.source);
    }
}

#[test]
fn the_ideal_employee_is_the_documents() {
    let p = profile();
    assert_eq!(p.ideals.len(), 1);
    let ideal = &p.ideals[0];
    assert_eq!(ideal.name, "誇りを持ち 川越の未来を想い 市民とともに歩む職員");
    assert_eq!(ideal.source, "川越 II-1 めざす職員像");
    let seed = seed();
    assert_verbatim(&seed, "ideal", &ideal.name);
    let text = ideal.text.as_deref().unwrap_or("");
    for part in ["誇りを持ち", "川越の未来を想い", "市民とともに歩む職員"] {
        assert!(text.contains(&format!("■{part}")), "{text}");
    }
    assert_verbatim(&seed, "ideal text", text);
}

#[test]
fn measures_are_the_documents_words() {
    let p = profile();
    let seed = seed();
    for m in &p.measures {
        assert_verbatim(&seed, &format!("{} name", m.id), &m.name);
        assert_verbatim(&seed, &format!("{} text", m.id), &m.text);
        for (field, value) in [("timing", &m.timing), ("who", &m.who), ("status", &m.status)] {
            if let Some(value) = value {
                assert_verbatim(&seed, &format!("{} {field}", m.id), value);
            }
        }
        assert!(m.source.starts_with("川越 "), "{}: {}", m.id, m.source);
    }
    // 期首・期末 面談 with its timing.
    let interviews: Vec<_> = p.measures.iter().filter(|m| m.kind == MeasureKind::Interview).collect();
    assert!(
        interviews
            .iter()
            .any(|m| m.timing.as_deref() == Some("期首、期末") && m.text.contains("上司との面談")),
        "{interviews:?}"
    );
    // Training chosen from evaluation results with the superior's advice in the 面談 (取組8, 取組11).
    assert!(
        interviews
            .iter()
            .any(|m| m.source.contains("取組11") && m.text.contains("面談") && m.text.contains("カリキュラム")),
        "{interviews:?}"
    );
    // 取組３: the promotion model, career training for young/mid-career and older staff.
    let kinds = |kind: MeasureKind| p.measures.iter().filter(move |m| m.kind == kind);
    assert!(kinds(MeasureKind::CareerPath).any(|m| m.name == "昇任・昇格モデルの公表"));
    let design: Vec<_> = kinds(MeasureKind::CareerDesign).map(|m| m.name.as_str()).collect();
    assert_eq!(design, ["キャリア研修の実施", "高齢層職員に対するキャリア支援"]);
    // The document mentions no 自己申告 and no mentor: none is invented.
    for absent in ["自己申告", "メンター"] {
        assert!(!seed.contains(absent));
    }
    assert!(kinds(MeasureKind::SelfReport).next().is_none());
    assert!(kinds(MeasureKind::Mentor).next().is_none());
    // Only what the document says is under consideration is marked so.
    for m in &p.measures {
        if let Some(status) = &m.status {
            assert!(m.text.contains(status.as_str()), "{}: {status}", m.id);
        }
    }
}

#[test]
fn every_value_without_a_source_is_marked_illustrative() {
    let p = profile();
    // The scale is Michi's and says so.
    assert!(p.scale.illustrative);
    for step in &p.promotion {
        let from_document = step.source.as_deref().is_some_and(|s| s.starts_with("川越 "));
        assert!(
            from_document || step.illustrative,
            "{} -> {}: {:?}",
            step.from,
            step.to,
            step.source
        );
    }
    for rule in &p.leave_rules {
        assert!(rule.source.is_some() || rule.illustrative, "{rule:?}");
    }
    for series in &p.job_series {
        assert!(
            series.source.starts_with("川越 ") || series.illustrative,
            "{}",
            series.name
        );
    }
    for (_, grade) in p.grades() {
        assert!(
            grade.source.starts_with("川越 ") || grade.illustrative,
            "{}",
            grade.name
        );
    }
    for c in &p.competencies {
        assert!(c.source.starts_with("川越 "), "{}", c.name);
    }
    for t in &p.trainings {
        assert!(t.source.starts_with("川越 "), "{}", t.name);
        assert!(
            t.competencies.is_empty() || t.competencies_illustrative,
            "{}: the document maps no training to an ability",
            t.name
        );
    }
    if let Some(rotation) = &p.rotation {
        assert!(rotation.typical_tenure_years.is_none() || rotation.tenure_illustrative);
    }
}
