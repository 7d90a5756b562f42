#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 上越市 profile, against 上越市人材育成方針（改訂）
//! (seed 004_f331e8cdcada81bc.txt). Expected values are copied from the document.

use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("joetsu")
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap_or_else(|| panic!("{key} is not an array"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

fn by_name<'a>(list: &'a [Value], name: &str) -> &'a Value {
    list.iter()
        .find(|x| s(x, "name") == name)
        .unwrap_or_else(|| panic!("no entry named {name}"))
}

fn the_series(p: &Value) -> &Value {
    let series = arr(p, "job_series");
    assert_eq!(series.len(), 1, "the document has one ladder");
    &series[0]
}

fn grade_id(p: &Value, name: &str) -> String {
    s(by_name(arr(the_series(p), "grades"), name), "id").to_string()
}

fn competency_id(p: &Value, name: &str) -> String {
    s(by_name(arr(p, "competencies"), name), "id").to_string()
}

fn requirement<'a>(p: &'a Value, grade: &str, competency: &str) -> &'a Value {
    let g = grade_id(p, grade);
    let c = competency_id(p, competency);
    arr(p, "requirements")
        .iter()
        .find(|r| s(r, "grade") == g && s(r, "competency") == c)
        .unwrap_or_else(|| panic!("no requirement {grade} × {competency}"))
}

const GRADES: [&str; 6] = ["主事", "主任", "係長", "副課長", "課長", "部長"];
const BASIC: [&str; 5] = ["倫理", "責任感", "市民感覚", "応対態度", "向上意欲"];
const ABILITIES: [&str; 6] = ["業務遂行", "理解・判断", "説明", "調整", "組織行動", "人材育成"];

#[test]
fn document_metadata() {
    let p = export();
    assert_eq!(s(&p, "id"), "joetsu");
    assert_eq!(s(&p, "name"), "上越市");
    assert_eq!(s(&p, "prefecture"), "新潟県");
    // 平成22年8月策定の方針から「6年が経過」→ 平成28年（2016年）の改訂
    assert_eq!(s(&p["document"], "date"), "2016");
    assert!(s(&p["document"], "title").contains("上越市人材育成方針"));
    let notes = arr(&p["document"], "notes");
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap_or("").contains("上越アクション")),
        "上越アクション１０ is kept in document.notes"
    );
}

#[test]
fn six_grades_in_order_with_growth_stages() {
    let p = export();
    let grades = arr(the_series(&p), "grades");
    let names: Vec<&str> = grades.iter().map(|g| s(g, "name")).collect();
    assert_eq!(names, GRADES);

    let phase = |name: &str| s(by_name(grades, name), "phase").to_string();
    assert!(phase("主事").contains("基礎能力・業務能力育成期"));
    assert!(phase("主事").contains("ジョブローテーション期"));
    assert_eq!(phase("主任"), "業務能力拡充期");
    assert_eq!(phase("係長"), "業務能力発揮期");
    assert_eq!(phase("副課長"), "管理能力育成期");
    // The figure lost its layout; 課長 and 部長 between them carry the remaining stage names.
    let upper = format!("{} {}", phase("課長"), phase("部長"));
    for stage in ["管理能力発揮期", "管理能力拡充期", "マインド・スキル継承期"] {
        assert!(upper.contains(stage), "{stage} missing from 課長/部長");
    }

    // 管理監督職: 課長 and above. 副課長 is 管理能力育成期 in the document, not management.
    for (name, mgmt) in [
        ("主事", false),
        ("主任", false),
        ("係長", false),
        ("副課長", false),
        ("課長", true),
        ("部長", true),
    ] {
        assert_eq!(by_name(grades, name)["management"], Value::Bool(mgmt), "{name}");
    }
}

#[test]
fn promotion_steps_follow_the_ladder() {
    let p = export();
    let steps = arr(&p, "promotion");
    for pair in GRADES.windows(2) {
        let (from, to) = (grade_id(&p, pair[0]), grade_id(&p, pair[1]));
        let step = steps
            .iter()
            .find(|x| s(x, "from") == from && s(x, "to") == to)
            .unwrap_or_else(|| panic!("no step {} → {}", pair[0], pair[1]));
        // the document gives no years in grade and no selection exam
        assert_eq!(step["illustrative"], Value::Bool(true));
        assert_eq!(step["exam"], Value::Bool(false));
    }
}

#[test]
fn basic_qualities_and_abilities_in_their_groups() {
    let p = export();
    let comps = arr(&p, "competencies");
    let groups = arr(&p, "competency_groups");
    let basic = s(by_name(groups, "基本的な資質"), "id").to_string();
    let ability = s(by_name(groups, "職務遂行上必要な能力"), "id").to_string();

    let in_group = |gid: &str| -> Vec<String> {
        comps
            .iter()
            .filter(|c| s(c, "group_id") == gid)
            .map(|c| s(c, "name").to_string())
            .collect()
    };
    assert_eq!(in_group(&basic), BASIC);
    assert_eq!(in_group(&ability), ABILITIES);

    for (name, fragment) in [
        ("倫理", "公正な職務の遂行を支える倫理観を持ち"),
        ("責任感", "使命感を持って主体的に行動することができる"),
        ("市民感覚", "市民の思いに寄り添いながら行動することができる"),
        ("応対態度", "丁寧かつ適切に応対できる"),
        ("向上意欲", "自己の可能性を追求することができる"),
    ] {
        let c = by_name(comps, name);
        assert!(s(c, "definition").contains(fragment), "{name}");
        assert_eq!(s(c, "group"), "基本的な資質");
    }
}

#[test]
fn basic_qualities_expected_at_every_grade() {
    let p = export();
    for grade in GRADES {
        for quality in BASIC {
            let r = requirement(&p, grade, quality);
            assert_eq!(s(r, "emphasis"), "expected", "{grade} × {quality}");
            assert!(s(r, "source").contains("全職員共通"));
        }
    }
}

#[test]
fn per_grade_abilities_with_descriptors() {
    let p = export();
    let table: [(&str, &[(&str, &str)]); 6] = [
        (
            "主事",
            &[
                ("業務遂行", "上司の指示の下"),
                ("理解・判断", "問題・課題を認識し、適切に対応する"),
                ("説明", "基本的な説明を行う"),
                ("調整", "簡易な事項について協議"),
                ("組織行動", "他の職員と良好な関係を構築しながら"),
            ],
        ),
        (
            "主任",
            &[
                ("業務遂行", "施策の企画、提案及び遂行に係る実務を担う"),
                ("理解・判断", "知識及び情報収集に基づいて"),
                ("説明", "担当業務について論理的な説明"),
                ("調整", "関係者と協議を行う"),
                ("組織行動", "他の職員と良好な関係を構築しながら"),
                ("人材育成", "後輩職員への助言及び育成"),
            ],
        ),
        (
            "係長",
            &[
                ("業務遂行", "実務の中核を担う"),
                ("理解・判断", "迅速に対応する"),
                ("説明", "係等の業務について論理的な説明"),
                ("調整", "粘り強く協議"),
                ("組織行動", "係等内の状況を把握し"),
                ("人材育成", "係等職員の指導及び育成"),
            ],
        ),
        (
            "副課長",
            &[
                ("業務遂行", "担当係等を統率して所管業務を推進"),
                ("理解・判断", "知識、経験及び情報収集に基づいて"),
                ("説明", "担当係等の業務について論理的な説明"),
                ("調整", "合意を形成する"),
                ("組織行動", "担当係等内の状況を把握し"),
                ("人材育成", "担当係等職員の指導及び育成"),
            ],
        ),
        (
            "課長",
            &[
                ("業務遂行", "課等の課題に対応するための方針及び達すべき成果を示す"),
                ("理解・判断", "迅速に対応する"),
                ("説明", "課等の業務について論理的な説明"),
                ("調整", "組織方針の実現に向け"),
                ("組織行動", "課等内の状況を把握し"),
                ("人材育成", "課等職員の指導及び育成"),
            ],
        ),
        (
            "部長",
            &[
                ("業務遂行", "大局的な視野及び将来的な展望に立って"),
                ("理解・判断", "迅速に対応する"),
                ("説明", "所管業務について論理的な説明"),
                ("調整", "関係者と困難な協議"),
                ("組織行動", "部局等内の状況を把握し"),
                ("人材育成", "課長等職員の指導及び育成"),
            ],
        ),
    ];
    for (grade, rows) in table {
        for (ability, fragment) in rows {
            let r = requirement(&p, grade, ability);
            assert_eq!(s(r, "emphasis"), "key", "{grade} × {ability}");
            assert!(
                s(r, "descriptor").contains(fragment),
                "{grade} × {ability}: {:?} lacks {fragment}",
                r["descriptor"]
            );
        }
    }
    // 係長以上 list three 業務遂行 items; the shared ⑵ is kept.
    for grade in ["係長", "副課長", "課長", "部長"] {
        assert!(
            s(requirement(&p, grade, "業務遂行"), "descriptor").contains("進捗管理及び的確な指示を行うことができる")
        );
    }
    // 主事級職員の表には人材育成がない
    assert_eq!(s(requirement(&p, "主事", "人材育成"), "emphasis"), "unmarked");
}

#[test]
fn rotation_three_families_in_first_ten_years() {
    let p = export();
    let rot = &p["rotation"];
    assert!(rot.is_object(), "rotation present");
    let families = arr(rot, "families");
    let fam_names: Vec<&str> = families.iter().map(|f| s(f, "name")).collect();
    assert_eq!(fam_names, ["市民対応系", "事業系", "管理・調整系"]);
    for (name, fields) in [
        ("市民対応系", &["税", "福祉"][..]),
        ("事業系", &["都市整備", "産業観光", "農業"][..]),
        ("管理・調整系", &["総務", "企画"][..]),
    ] {
        let f = by_name(families, name);
        assert_eq!(f["illustrative"], Value::Bool(false), "{name} is the document's");
        for field in fields {
            assert!(s(f, "description").contains(field), "{name} lacks {field}");
        }
    }

    // departments named after the document's fields sit in the right family
    let fam_id = |name: &str| s(by_name(families, name), "id").to_string();
    let deps = arr(rot, "departments");
    for (field, family) in [
        ("税", "市民対応系"),
        ("福祉", "市民対応系"),
        ("都市整備", "事業系"),
        ("産業観光", "事業系"),
        ("農業", "事業系"),
        ("総務", "管理・調整系"),
        ("企画", "管理・調整系"),
    ] {
        let d = deps
            .iter()
            .find(|d| s(d, "name").starts_with(field))
            .unwrap_or_else(|| panic!("no department for {field}"));
        assert_eq!(s(d, "family"), fam_id(family), "{field}");
    }

    let rules = arr(rot, "rules");
    let rule = rules
        .iter()
        .find(|r| s(r, "kind") == "cover_families")
        .expect("cover_families rule");
    assert_eq!(rule["window_years"].as_u64(), Some(10));
    let mut got: Vec<String> = arr(rule, "families")
        .iter()
        .map(|v| v.as_str().unwrap_or("").to_string())
        .collect();
    got.sort();
    let mut want: Vec<String> = ["市民対応系", "事業系", "管理・調整系"]
        .iter()
        .map(|n| fam_id(n))
        .collect();
    want.sort();
    assert_eq!(got, want);
    let text = s(rule, "text");
    assert!(text.contains("一般行政職について、採用から概ね"));
    assert!(text.contains("いずれかの課に順次配属し"));
    assert_eq!(rule["illustrative"], Value::Bool(false));
}

#[test]
fn trainings_named_in_the_document() {
    let p = export();
    let trainings = arr(&p, "trainings");
    for name in [
        "リスクマネジメント研修",
        "メンタルヘルス研修",
        "基礎・階層別研修",
        "課題別研修",
        "専門実務研修",
        "派遣研修・人事交流",
        "長期派遣研修",
        "評価者研修",
        "交通安全講習",
        "職場内研修",
    ] {
        by_name(trainings, name);
    }
    assert_eq!(s(by_name(trainings, "基礎・階層別研修"), "kind"), "hierarchical");
    assert_eq!(s(by_name(trainings, "専門実務研修"), "kind"), "specialized");
    assert_eq!(s(by_name(trainings, "派遣研修・人事交流"), "kind"), "secondment");
    assert!(
        s(by_name(trainings, "リスクマネジメント研修"), "description").contains("コンプライアンスの徹底を始めとする")
    );
}
