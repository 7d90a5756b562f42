#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 上尾市 profile, checked against
//! 第4次 上尾市人材育成基本方針 ～AGEO 人づくり羅針盤～ (令和8年2月).
//! Expected values are copied from the document text.

use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("ageo")
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
                    assert!(
                        s(&r["descriptor"]).contains(fragment),
                        "{grade} × {competency}: descriptor lacks {fragment}"
                    );
                }
                None => assert_eq!(
                    s(&r["emphasis"]),
                    "unmarked",
                    "{grade} × {competency} is not in the table"
                ),
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
fn named_trainings_with_their_kinds() {
    let p = export();
    let ts = arr(&p, "trainings");
    let kind_of = |name: &str| -> String {
        ts.iter()
            .find(|t| s(&t["name"]) == name)
            .map(|t| s(&t["kind"]).to_string())
            .unwrap_or_else(|| unreachable!("training {name} missing"))
    };
    assert_eq!(kind_of("階層別研修"), "hierarchical");
    for special in [
        "コンプライアンス研修",
        "契約事務研修",
        "出納事務研修",
        "ハラスメント防止研修",
    ] {
        assert_eq!(kind_of(special), "special", "{special}");
    }
    let career_shift: Vec<&Value> = ts
        .iter()
        .filter(|t| s(&t["name"]).starts_with("キャリアシフト研修"))
        .collect();
    assert_eq!(career_shift.len(), 2, "第Ⅰ課程 and 第Ⅱ課程");
    assert!(career_shift.iter().all(|t| s(&t["kind"]) == "special"));
    assert_eq!(kind_of("通信教育講座"), "self_development");
    assert_eq!(kind_of("e-Lab（イーラボ）"), "self_development");
    assert_eq!(kind_of("自主研修グループ"), "study_group");
    assert_eq!(kind_of("OJT（職場内研修）"), "ojt");
    assert!(ts.iter().any(|t| s(&t["name"]) == "キャリアデザイン研修"));

    // 派遣研修の派遣実績
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
            ts.iter()
                .any(|t| s(&t["kind"]) == "secondment" && s(&t["provider"]) == dest),
            "派遣研修 to {dest} missing"
        );
    }

    // デジタル人材の育成
    assert!(ts.iter().any(|t| s(&t["name"]).contains("デジタルスキル")));
    assert!(ts.iter().any(|t| s(&t["name"]).contains("DX推進")));

    // every training→competency mapping is a reading, not the document's words
    assert!(
        ts.iter()
            .all(|t| t["competencies_illustrative"].as_bool() == Some(true))
    );
}

#[test]
fn rotation_has_no_invented_rule() {
    let p = export();
    let rot = &p["rotation"];
    assert!(rot.is_object());
    assert!(arr(rot, "rules").is_empty(), "the document states no rotation rule");
    assert_eq!(rot["tenure_illustrative"].as_bool(), Some(true));
    assert!(
        arr(rot, "families")
            .iter()
            .all(|f| f["illustrative"].as_bool() == Some(true))
    );
}
