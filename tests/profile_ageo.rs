#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 上尾市 profile, checked against
//! 第4次 上尾市人材育成基本方針 ～AGEO 人づくり羅針盤～ (令和8年2月).
//! Expected values are copied from the document text; texts the profile carries verbatim
//! are checked against the plain-text copy of the document (seed
//! 000_fe9dd95c72b4940d.txt, kept in tests/fixtures/seeds).

use michi::i18n::Lang;
use michi::model::{MeasureKind, Profile, ScaleKind};
use michi::store::{BUNDLED, parse_profile};
use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("ageo")
}

/// The bundled profile as the library reads it.
fn profile() -> Profile {
    let (file, text) = BUNDLED
        .iter()
        .find(|(f, _)| *f == "ageo.toml")
        .unwrap_or_else(|| unreachable!("ageo is bundled"));
    parse_profile(file, text.as_bytes(), Lang::Ja).unwrap()
}

const SEED: &str = include_str!("fixtures/seeds/000_fe9dd95c72b4940d.txt");

/// Text with list markers (`- ` at a line start, left by the PDF conversion) and all
/// whitespace removed, so a quote matches however the conversion broke its lines.
fn normalise(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_start().strip_prefix("- ").unwrap_or(l))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Whether `text` occurs in the document, up to whitespace and list markers.
fn in_seed(text: &str) -> bool {
    let needle = normalise(text);
    !needle.is_empty() && normalise(SEED).contains(&needle)
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| unreachable!("{key} is not an array"))
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// The single series' grades, in ladder order.
fn grades(p: &Value) -> Vec<Value> {
    let series = arr(p, "job_series");
    assert_eq!(series.len(), 1, "上尾 defines one grade ladder");
    arr(&series[0], "grades").clone()
}

fn grade_id(p: &Value, name: &str) -> String {
    grades(p)
        .iter()
        .find(|g| s(&g["name"]) == name)
        .map(|g| s(&g["id"]).to_string())
        .unwrap_or_else(|| unreachable!("grade {name} missing"))
}

fn competency_id(p: &Value, name: &str) -> String {
    arr(p, "competencies")
        .iter()
        .find(|c| s(&c["name"]) == name)
        .map(|c| s(&c["id"]).to_string())
        .unwrap_or_else(|| unreachable!("competency {name} missing"))
}

fn requirement<'a>(p: &'a Value, grade: &str, competency: &str) -> &'a Value {
    let g = grade_id(p, grade);
    let c = competency_id(p, competency);
    arr(p, "requirements")
        .iter()
        .find(|r| s(&r["grade"]) == g && s(&r["competency"]) == c)
        .unwrap_or_else(|| unreachable!("requirement {grade} × {competency} missing"))
}

#[test]
fn document_metadata() {
    let p = export();
    assert_eq!(s(&p["name"]), "上尾市");
    assert_eq!(s(&p["prefecture"]), "埼玉県");
    assert!(s(&p["document"]["title"]).contains("第4次 上尾市人材育成基本方針"));
    assert_eq!(s(&p["document"]["date"]), "2026-02");
    let period = s(&p["document"]["plan_period"]);
    assert!(period.contains("令和8年度") && period.contains("令和12年度"));
}

#[test]
fn seven_grades_in_order_with_phases_and_management() {
    let p = export();
    let expected = [
        ("主事級", "能力開発期", false),
        ("主任級", "能力開発期", false),
        ("主査級", "能力活用期", false),
        ("副主幹級", "能力活用期", false),
        ("課長級", "管理能力発揮期", true),
        ("次長級", "管理能力発揮期", true),
        ("部長級", "管理能力発揮期", true),
    ];
    let gs = grades(&p);
    assert_eq!(gs.len(), expected.len());
    for (g, (name, phase, mgmt)) in gs.iter().zip(expected) {
        assert_eq!(s(&g["name"]), name);
        assert_eq!(s(&g["phase"]), phase, "{name} phase");
        assert_eq!(g["management"].as_bool(), Some(mgmt), "{name} management");
    }
}

#[test]
fn roles_per_grade_from_the_document() {
    let p = export();
    let expected: [(&str, usize, &str); 7] = [
        ("主事級", 2, "担当として与えられた業務について責任を持って遂行する。"),
        ("主任級", 2, "業務改善等により、適正かつ効率的な業務遂行を図る。"),
        ("主査級", 4, "副主幹がない場合は課長を補佐し"),
        ("副主幹級", 4, "グループリーダーとしてグループ全体の業務を統括する。"),
        ("課長級", 4, "課長（または主幹職）として課全体の業務を統括する。"),
        ("次長級", 4, "部の中で施策等の方向性を調整する。"),
        ("部長級", 5, "限りある経営資源の適正な配分、優先順位の設定を行う。"),
    ];
    let gs = grades(&p);
    for (name, count, fragment) in expected {
        let g = gs
            .iter()
            .find(|g| s(&g["name"]) == name)
            .unwrap_or_else(|| unreachable!("{name}"));
        let roles = arr(g, "roles");
        assert_eq!(roles.len(), count, "{name} role count");
        assert!(
            roles.iter().any(|r| s(r).contains(fragment)),
            "{name} roles lack {fragment}"
        );
    }
}

#[test]
fn six_competencies_grouped_as_noryoku_and_iyoku() {
    let p = export();
    let expected = [
        ("知識・技術", "能力"),
        ("業務遂行能力", "能力"),
        ("人間関係力", "能力"),
        ("政策形成能力", "能力"),
        ("管理能力", "能力"),
        ("意欲", "意欲"),
    ];
    let cs = arr(&p, "competencies");
    assert_eq!(cs.len(), expected.len());
    for (c, (name, group)) in cs.iter().zip(expected) {
        assert_eq!(s(&c["name"]), name);
        assert_eq!(s(&c["group"]), group, "{name} group");
    }
}

#[test]
fn standard_ability_table_items_per_grade() {
    let p = export();
    // (grade, items the 標準職務遂行能力表 lists for it, with a descriptor fragment)
    let table: [(&str, &[(&str, &str)]); 7] = [
        (
            "主事級",
            &[
                ("知識・技術", "基本的な技術を有している"),
                ("業務遂行能力", "状況を判断し、業務を行っている"),
                ("人間関係力", "自己のストレスを把握し"),
                ("意欲", "公務員としてのコンプライアンス意識を持ち"),
            ],
        ),
        (
            "主任級",
            &[
                ("知識・技術", "基本的な技術を有している"),
                ("業務遂行能力", "トラブルなどを解決している"),
                ("人間関係力", "職場の良好な人間関係を構築している"),
                ("意欲", "市民的視野を有し、積極的に自己啓発を行っている"),
            ],
        ),
        (
            "主査級",
            &[
                ("知識・技術", "予算・契約・出納事務などの行政運営に関する知識"),
                ("業務遂行能力", "複雑高度な事案に対応している"),
                ("人間関係力", "納得できる解決策を提示することができる"),
                ("政策形成能力", "目標を効率的に達成するための施策を企画・立案"),
                ("管理能力", "部下等のキャリアにも気を配り"),
                ("意欲", "担当業務を最後までやり遂げようとしている"),
            ],
        ),
        (
            "副主幹級",
            &[
                ("知識・技術", "監督者としてマネジメントに関する知識"),
                ("業務遂行能力", "多角的な視点から業務上の課題を発見"),
                ("人間関係力", "上司や部下等と連携し"),
                ("政策形成能力", "担当業務に関する目標を設定することができる"),
                ("管理能力", "所属の業務について進捗管理を行い"),
                ("意欲", "高い倫理観を有している"),
            ],
        ),
        (
            "課長級",
            &[
                ("知識・技術", "管理者としてマネジメントに関する知識"),
                ("業務遂行能力", "課の責任者として"),
                ("人間関係力", "相手からの協力を引き出すことができる"),
                ("政策形成能力", "所管する業務の目標設定や実行計画"),
                ("管理能力", "長時間労働の是正のために必要な措置"),
                ("意欲", "業務執行のため適切な指示、指導を行っている"),
            ],
        ),
        (
            "次長級",
            &[
                ("業務遂行能力", "部長の補佐として"),
                ("人間関係力", "相手から協力を引き出すことができる"),
                ("管理能力", "市や部のビジョンを理解した上で"),
                ("意欲", "市民の立場に立った職務遂行"),
            ],
        ),
        (
            "部長級",
            &[
                ("業務遂行能力", "部の最高責任者として"),
                ("人間関係力", "相手の立場や事情を受容しながら"),
                ("管理能力", "市や部のビジョンを示した上で"),
                ("意欲", "常に法令や服務上の規律を守っている"),
            ],
        ),
    ];
    let all = [
        "知識・技術",
        "業務遂行能力",
        "人間関係力",
        "政策形成能力",
        "管理能力",
        "意欲",
    ];
    for (grade, items) in table {
        for competency in all {
            let r = requirement(&p, grade, competency);
            match items.iter().find(|(c, _)| *c == competency) {
                Some((_, fragment)) => {
                    assert_eq!(s(&r["emphasis"]), "key", "{grade} × {competency}");
                    assert!(r["level"].is_u64(), "{grade} × {competency} has a rung");
                    assert!(
                        s(&r["descriptor"]).contains(fragment),
                        "{grade} × {competency}: descriptor lacks {fragment}"
                    );
                }
                None => {
                    // not in the table: no requirement (記載なし), never a level
                    assert_eq!(s(&r["emphasis"]), "unmarked", "{grade} × {competency}");
                    assert!(r["level"].is_null(), "{grade} × {competency} is not in the table");
                    assert!(r["descriptor"].is_null(), "{grade} × {competency}");
                }
            }
        }
    }
    // every grade × competency pair is exported
    assert_eq!(arr(&p, "requirements").len(), 7 * 6);
}

#[test]
fn promotion_steps_follow_the_ladder_and_are_illustrative() {
    let p = export();
    let names = ["主事級", "主任級", "主査級", "副主幹級", "課長級", "次長級", "部長級"];
    let ids: Vec<String> = names.iter().map(|n| grade_id(&p, n)).collect();
    let steps = arr(&p, "promotion");
    assert_eq!(steps.len(), ids.len() - 1);
    for pair in ids.windows(2) {
        let step = steps
            .iter()
            .find(|st| s(&st["from"]) == pair[0] && s(&st["to"]) == pair[1])
            .unwrap_or_else(|| unreachable!("step {} → {}", pair[0], pair[1]));
        // the document states no years in grade and no selection exam
        assert_eq!(step["illustrative"].as_bool(), Some(true));
        assert_eq!(step["exam"].as_bool(), Some(false));
    }
}

#[test]
fn the_scale_is_the_tables_descriptors_with_no_numbers() {
    let p = profile();
    assert_eq!(p.scale.kind(), ScaleKind::Descriptors);
    assert!(p.scale.min.is_none() && p.scale.max.is_none());
    assert!(p.scale.levels.is_empty() && p.scale.targets.is_empty());
    assert!(!p.scale.illustrative, "the descriptors are the document's");
    assert!(p.scale.note.as_deref().is_some_and(|n| !n.is_empty()));
    // The document never says requirements carry up the ladder.
    assert!(p.scale.accumulate.is_none());
    for r in &p.requirements {
        assert!(r.level.is_none() && !r.illustrative, "{} × {}", r.grade, r.competency);
    }
}

#[test]
fn jicho_and_bucho_have_no_requirement_for_chishiki_and_seisaku() {
    let p = profile();
    for grade in ["jicho", "bucho"] {
        for competency in ["chishiki_gijutsu", "seisaku_keisei"] {
            let c = p.competency(competency).unwrap();
            let r = p.requirement(grade, c).unwrap();
            assert_eq!(r.level, None, "{grade} × {competency}: the table lists nothing");
            assert_eq!(r.descriptor, None, "{grade} × {competency}");
            assert_eq!(r.derived_from, None, "{grade} × {competency}: nothing carried up");
        }
    }
    // 主事級・主任級 list neither 政策形成能力 nor 管理能力.
    for grade in ["shuji", "shunin"] {
        for competency in ["seisaku_keisei", "kanri"] {
            let c = p.competency(competency).unwrap();
            assert_eq!(p.requirement(grade, c).unwrap().level, None, "{grade} × {competency}");
        }
    }
}

#[test]
fn no_ability_drops_between_adjacent_grades() {
    let p = profile();
    for series in &p.job_series {
        for pair in series.grades.windows(2) {
            for c in &p.competencies {
                let lower = p.requirement(&pair[0].id, c).unwrap().level;
                let upper = p.requirement(&pair[1].id, c).unwrap().level;
                if let (Some(lower), Some(upper)) = (lower, upper) {
                    assert!(
                        upper >= lower,
                        "{} drops from {} ({lower}) to {} ({upper})",
                        c.name,
                        pair[0].name,
                        pair[1].name
                    );
                }
            }
        }
    }
}

#[test]
fn rungs_follow_the_distinct_descriptions_up_the_ladder() {
    let p = profile();
    let rungs = |c: &str| -> Vec<Vec<String>> {
        p.rungs("gyosei", c)
            .iter()
            .map(|r| r.grades.iter().map(|g| (*g).to_string()).collect())
            .collect()
    };
    // 業務遂行能力: 主査級 and 副主幹級 share one text; every other grade has its own.
    assert_eq!(
        rungs("gyomu_suiko"),
        [
            vec!["shuji"],
            vec!["shunin"],
            vec!["shusa", "fukushukan"],
            vec!["kacho"],
            vec!["jicho"],
            vec!["bucho"]
        ]
    );
    // 意欲: one text from 主事級 to 副主幹級, another at 課長級, a third at 次長級・部長級.
    assert_eq!(
        rungs("iyoku"),
        [
            vec!["shuji", "shunin", "shusa", "fukushukan"],
            vec!["kacho"],
            vec!["jicho", "bucho"]
        ]
    );
    // 知識・技術: listed up to 課長級 only.
    assert_eq!(
        rungs("chishiki_gijutsu"),
        [
            vec!["shuji", "shunin"],
            vec!["shusa"],
            vec!["fukushukan"],
            vec!["kacho"]
        ]
    );
    assert_eq!(p.level_range("gyomu_suiko"), 0..=6);
}

#[test]
fn every_descriptor_and_role_is_verbatim_in_the_document() {
    let p = profile();
    for r in &p.requirements {
        let d = r.descriptor.as_deref().unwrap_or("");
        assert!(in_seed(d), "{} × {}: {d}", r.grade, r.competency);
        assert!(r.source.starts_with("上尾 03(4)"), "{}", r.source);
    }
    for (_, g) in p.grades() {
        for role in &g.roles {
            assert!(in_seed(role), "{}: {role}", g.name);
        }
    }
}

#[test]
fn trainings_carry_the_documents_categories() {
    let p = profile();
    let by_name = |name: &str| {
        p.trainings
            .iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| unreachable!("training {name} missing"))
    };
    let category = |name: &str| by_name(name).category.clone();
    assert_eq!(category("階層別研修").as_deref(), Some("階層別研修"));
    for name in [
        "コンプライアンス研修",
        "契約事務研修",
        "出納事務研修",
        "キャリアシフト研修（第Ⅰ課程）",
        "キャリアシフト研修（第Ⅱ課程）",
        "ハラスメント防止研修",
    ] {
        assert_eq!(category(name).as_deref(), Some("特別研修"), "{name}");
        // 「特別研修は特定の階層を対象とせず、幅広い職員に…」
        assert!(by_name(name).all_grades && by_name(name).grades.is_empty(), "{name}");
    }
    // 「階層別基本研修は、新入職員から管理職まで…」
    assert!(by_name("階層別研修").all_grades);
    for name in ["通信教育講座", "e-Lab（イーラボ）", "自主研修グループ"] {
        assert_eq!(category(name).as_deref(), Some("自主学習の支援"), "{name}");
    }
    assert_eq!(category("OJT（職場内研修）").as_deref(), Some("OJT（職場内研修）"));
    let digital: Vec<_> = p
        .trainings
        .iter()
        .filter(|t| t.category.as_deref() == Some("デジタル人材の育成"))
        .collect();
    assert_eq!(digital.len(), 2, "取組01 デジタルスキルの底上げ, 取組02 DX推進");

    // 派遣研修の派遣実績, one entry per destination
    for dest in [
        "総務省",
        "国土交通省",
        "埼玉県",
        "自治大学校",
        "市町村アカデミー",
        "国土交通大学校",
        "聖学院大学",
        "彩の国さいたま人づくり広域連合",
    ] {
        assert!(
            p.trainings
                .iter()
                .any(|t| t.category.as_deref() == Some("派遣研修") && t.provider.as_deref() == Some(dest)),
            "派遣研修 to {dest} missing"
        );
    }

    for t in &p.trainings {
        if let Some(c) = &t.category {
            assert!(in_seed(c), "{}: category {c} is not the document's word", t.name);
        }
        // 特別研修 / 派遣研修 only where the document says so
        use michi::model::TrainingKind;
        if t.kind == Some(TrainingKind::Special) {
            assert_eq!(t.category.as_deref(), Some("特別研修"), "{}", t.name);
        }
        if t.kind == Some(TrainingKind::Secondment) {
            assert_eq!(t.category.as_deref(), Some("派遣研修"), "{}", t.name);
        }
        if let Some(d) = &t.description {
            assert!(in_seed(d), "{}: description not verbatim", t.name);
        }
        assert!(t.source.starts_with("上尾 "), "{}", t.source);
        // every training→competency mapping is a reading, not the document's words
        assert!(t.competencies_illustrative, "{}", t.name);
    }
}

#[test]
fn ways_of_delivering_training_are_not_trainings() {
    let p = profile();
    for name in ["オンライン研修", "公募制による研修", "eラーニング"] {
        assert!(
            p.trainings.iter().all(|t| t.name != name),
            "{name} is a way of delivering training"
        );
        let m = p
            .delivery_methods
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| unreachable!("delivery method {name} missing"));
        assert!(m.text.as_deref().is_some_and(in_seed), "{name}");
        assert!(m.source.starts_with("上尾 04"), "{}", m.source);
    }
    // The document ties none of them to a named training.
    assert!(p.trainings.iter().all(|t| t.delivery.is_empty()));
}

#[test]
fn the_supporter_system_is_not_a_shuji_training() {
    let p = profile();
    let supporter: Vec<_> = p.trainings.iter().filter(|t| t.name.contains("サポーター")).collect();
    assert_eq!(supporter.len(), 1);
    let t = supporter[0];
    assert_ne!(t.grades, ["shuji"], "its training is for the supporters");
    // The document does not say which grades the supporters are.
    assert!(t.grades.is_empty() && !t.all_grades);
    assert!(
        t.description
            .as_deref()
            .is_some_and(|d| d.contains("サポーターとなる職員へ研修等の支援"))
    );
    for name in ["新規採用職員サポーター制度", "サポーター制度"] {
        let m = p
            .measures
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| unreachable!("measure {name} missing"));
        assert_eq!(m.kind, MeasureKind::Mentor, "{name}");
    }
}

#[test]
fn career_support_measures_in_the_documents_words() {
    let p = profile();
    let expected = [
        ("キャリアパスの明示", MeasureKind::CareerPath, "上尾 05(3)"),
        ("ロールモデルの設定", MeasureKind::RoleModel, "上尾 05(3)"),
        ("サポーター制度", MeasureKind::Mentor, "上尾 05(3)"),
        ("新規採用職員サポーター制度", MeasureKind::Mentor, "上尾 04(3)"),
        ("キャリアデザイン研修", MeasureKind::CareerDesign, "上尾 05(3)"),
        ("キャリアに応じた職員配置", MeasureKind::Other, "上尾 05(3)"),
        (
            "面談による動機付けと結果のフィードバック",
            MeasureKind::Interview,
            "上尾 05(2)",
        ),
        ("人材育成型の人事評価", MeasureKind::Evaluation, "上尾 05(2)"),
        ("標準職務遂行能力表", MeasureKind::Evaluation, "上尾 03(4)"),
        (
            "自己啓発の取組みを評価する体制づくり",
            MeasureKind::Evaluation,
            "上尾 04(4)",
        ),
    ];
    assert_eq!(p.measures.len(), expected.len());
    for (name, kind, source) in expected {
        let m = p
            .measures
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| unreachable!("measure {name} missing"));
        assert_eq!(m.kind, kind, "{name}");
        assert!(m.source.starts_with(source), "{name}: {}", m.source);
    }
    for m in &p.measures {
        assert!(in_seed(&m.name), "measure name {} is not the document's", m.name);
        assert!(in_seed(&m.text), "measure {}: text not verbatim", m.name);
        for field in [&m.who, &m.status, &m.timing].into_iter().flatten() {
            assert!(in_seed(field), "measure {}: {field} not in the document", m.name);
        }
    }
}

#[test]
fn ideals_are_the_five_mezasu_shokuinzo_verbatim() {
    let p = profile();
    let names: Vec<&str> = p.ideals.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "人間性豊かな職員",
            "未来を築く職員",
            "経営感覚を持った職員",
            "学び、育てる職員",
            "上尾を愛し、伝統を作る職員"
        ]
    );
    for ideal in &p.ideals {
        assert!(in_seed(&format!("「{}」", ideal.name)), "{}", ideal.name);
        let text = ideal.text.as_deref().unwrap_or("");
        assert_eq!(text.lines().count(), 4, "{}: four points each", ideal.name);
        assert!(in_seed(text), "{}: text not verbatim", ideal.name);
        assert_eq!(ideal.source, "上尾 03(2) 目指す職員像");
    }
}

#[test]
fn rotation_is_only_what_the_document_says() {
    let p = profile();
    let rot = p.rotation.as_ref().unwrap();
    assert!(rot.rules.is_empty(), "the document states no rotation rule");
    assert!(
        rot.families.is_empty() && rot.departments.is_empty(),
        "the document names no families or departments"
    );
    assert_eq!(rot.typical_tenure_years, None, "the document gives no tenure");
    let statement = rot.statement.as_ref().unwrap();
    assert!(in_seed(&statement.text), "{}", statement.text);
    assert!(statement.source.starts_with("上尾 05(3)"));
}

#[test]
fn every_value_without_a_source_is_marked_illustrative() {
    let p = profile();
    for step in &p.promotion {
        assert!(
            step.source.is_some() || step.illustrative,
            "{} → {}",
            step.from,
            step.to
        );
    }
    for series in &p.job_series {
        assert!(series.illustrative || !series.source.is_empty(), "{}", series.id);
        for g in &series.grades {
            assert!(g.illustrative || g.source.starts_with("上尾 "), "{}", g.id);
        }
    }
    for c in &p.competencies {
        assert!(c.source.starts_with("上尾 "), "{}", c.id);
    }
    if let Some(rot) = &p.rotation {
        assert!(rot.typical_tenure_years.is_none() || rot.tenure_illustrative);
        assert!(rot.families.iter().all(|f| f.source.is_some() || f.illustrative));
        assert!(rot.departments.iter().all(|d| d.illustrative));
        assert!(rot.rules.iter().all(|r| r.source.is_some() || r.illustrative));
    }
    assert!(p.leave_rules.iter().all(|l| l.source.is_some() || l.illustrative));
    // The document names no grade for any training: listed grades are Michi's reading.
    for t in &p.trainings {
        assert!(t.grades.is_empty() || t.grades_illustrative, "{}", t.name);
    }
}

#[test]
fn the_verbatim_check_tells_a_quote_from_a_paraphrase() {
    // across a line break and a list marker
    assert!(in_seed(
        "・豊かな感性と高い倫理観を持って、全体の奉仕者として公平、公正に行動できる職員\n・人権尊重の精神"
    ));
    assert!(!in_seed("豊かな感性と高い倫理観をもって"));
    assert!(!in_seed(""));
}
