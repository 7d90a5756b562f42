#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 上越市 profile, against 上越市人材育成方針（改訂）
//! (seed 004_f331e8cdcada81bc.txt). Expected values are copied from the document.
//!
//! The checks that texts are verbatim read the seed kept in tests/fixtures/seeds.

use michi::engine::{self, Finding};
use michi::i18n::Lang;
use michi::model::{Assignment, Date, Plan, Profile, RuleStrength, ScaleKind, Track};
use michi::store::{BUNDLED, parse_profile};
use serde_json::Value;

mod common;

/// The seed text with all white space removed (the PDF conversion broke lines anywhere).
fn seed() -> Option<String> {
    Some(squash(include_str!("fixtures/seeds/004_f331e8cdcada81bc.txt")))
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts each (label, text) occurs in the seed, white space aside.
fn assert_verbatim<'a>(items: impl IntoIterator<Item = (String, &'a str)>) {
    let Some(seed) = seed() else { return };
    let mut checked = 0;
    for (label, text) in items {
        assert!(!text.trim().is_empty(), "{label}: empty");
        assert!(seed.contains(&squash(text)), "{label}: not in the document: {text}");
        checked += 1;
    }
    assert!(checked > 0, "nothing to check");
}

/// The bundled profile as the library reads it (measures and ideals, strengths …).
fn profile() -> Profile {
    let (file, text) = BUNDLED.iter().find(|(f, _)| f.starts_with("joetsu")).unwrap();
    parse_profile(file, text.as_bytes(), Lang::En).unwrap()
}

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

/// The 一般行政職 ladder: the document's one ladder, under the name its rotation rule uses.
fn the_series(p: &Value) -> &Value {
    by_name(arr(p, "job_series"), "一般行政職")
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
    // The document does not draw the line: 課長 and 部長 are in a post class marked as
    // Michi's reading, which decides 役職定年 for them.
    for (name, mgmt) in [
        ("主事", false),
        ("主任", false),
        ("係長", false),
        ("副課長", false),
        ("課長", true),
        ("部長", true),
    ] {
        let g = by_name(grades, name);
        assert_eq!(g["management"], Value::Bool(mgmt), "{name}");
        assert_eq!(g["management_limit_resolved"]["applies"], Value::Bool(mgmt), "{name}");
        let basis = if mgmt { "post_class" } else { "management" };
        assert_eq!(s(&g["management_limit_resolved"], "basis"), basis, "{name}");
        if mgmt {
            assert_eq!(s(g, "post_class_name"), "管理監督職", "{name}");
        }
    }
    let profile = michi::store::parse_profile(
        "joetsu.toml",
        include_str!("../profiles/joetsu.toml").as_bytes(),
        michi::i18n::Lang::Ja,
    )
    .unwrap();
    let class = profile.post_classes.iter().find(|c| c.id == "kanri").unwrap();
    assert!(class.illustrative, "the range of 管理監督職 is Michi's reading");
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
fn the_scale_is_the_documents_descriptions_without_numbers() {
    let p = export();
    let scale = &p["scale"];
    assert_eq!(s(scale, "kind"), "descriptors");
    for key in ["min", "max", "levels", "targets"] {
        assert!(
            scale.get(key).is_none_or(Value::is_null),
            "scale.{key} on a descriptor scale"
        );
    }
    assert_eq!(scale["illustrative"], Value::Bool(false));
    assert!(s(scale, "source").starts_with("上越 3"));
    assert!(!s(scale, "note").is_empty());
    for r in arr(&p, "requirements") {
        assert_eq!(r["illustrative"], Value::Bool(false), "{r}");
        // listed items only: no ◎/○ (descriptor ladders have no marks)
        if !r["level"].is_null() {
            assert_eq!(s(r, "emphasis"), "key", "{r}");
            assert!(!s(r, "descriptor").is_empty(), "{r}");
        }
    }
}

/// 「職位にかかわらず一定に求められる」: the same description, so the same rung, at every grade.
#[test]
fn basic_qualities_are_the_same_at_every_grade() {
    let p = export();
    let comps = arr(&p, "competencies");
    for series in arr(&p, "job_series") {
        for quality in BASIC {
            let c = by_name(comps, quality);
            let rows: Vec<&Value> = arr(series, "grades")
                .iter()
                .map(|g| {
                    arr(&p, "requirements")
                        .iter()
                        .find(|r| s(r, "grade") == s(g, "id") && s(r, "competency") == s(c, "id"))
                        .unwrap_or_else(|| panic!("{} × {quality}", s(g, "name")))
                })
                .collect();
            assert_eq!(rows.len(), GRADES.len());
            for r in rows {
                assert_eq!(r["level"].as_u64(), Some(1), "{quality}: one rung at every grade");
                assert_eq!(s(r, "descriptor"), s(c, "definition"), "{quality}: 3(1)'s text");
                assert!(s(r, "source").contains("全職員共通"));
                assert!(s(r, "source").contains("職位にかかわらず一定に求められる"));
            }
        }
    }
}

/// A grade that does not list an ability asks nothing of it; where both list it, the
/// higher grade never asks a lower rung.
#[test]
fn no_ability_drops_between_adjacent_grades() {
    let p = export();
    let reqs = arr(&p, "requirements");
    let level = |grade: &str, competency: &str| {
        reqs.iter()
            .find(|r| s(r, "grade") == grade && s(r, "competency") == competency)
            .and_then(|r| r["level"].as_u64())
    };
    let mut pairs = 0;
    for series in arr(&p, "job_series") {
        for pair in arr(series, "grades").windows(2) {
            let (lower, higher) = (s(&pair[0], "id"), s(&pair[1], "id"));
            for c in arr(&p, "competencies") {
                if let Some(below) = level(lower, s(c, "id")) {
                    let above = level(higher, s(c, "id"))
                        .unwrap_or_else(|| panic!("{} dropped from {lower} to {higher}", s(c, "name")));
                    assert!(above >= below, "{}: {lower} {below} → {higher} {above}", s(c, "name"));
                }
            }
            pairs += 1;
        }
    }
    assert_eq!(pairs, 2 * (GRADES.len() - 1));
}

#[test]
fn every_descriptor_is_the_documents_text() {
    let p = export();
    assert_verbatim(
        arr(&p, "requirements")
            .iter()
            .filter(|r| !r["level"].is_null())
            .map(|r| {
                (
                    format!("{} × {}", s(r, "grade"), s(r, "competency")),
                    s(r, "descriptor"),
                )
            }),
    );
    assert_verbatim(
        arr(&p, "competencies")
            .iter()
            .filter(|c| !s(c, "definition").is_empty())
            .map(|c| (s(c, "name").to_string(), s(c, "definition"))),
    );
}

/// The document has one ladder for 一般事務、土木技師、保健師など; the second series only
/// lets the rotation rule keep to 一般行政職, is marked as Michi's, and shares the ladder
/// rather than copying it: grades, requirements and promotion steps are written once.
#[test]
fn two_series_share_one_ladder_the_second_michis() {
    let p = export();
    let series = arr(&p, "job_series");
    assert_eq!(series.len(), 2);
    let gyosei = the_series(&p);
    let other = series.iter().find(|x| s(x, "id") != s(gyosei, "id")).unwrap();
    let lib = profile();
    let lib_series = |id: &str| lib.job_series.iter().find(|x| x.id == id).unwrap();
    assert!(!lib_series(s(gyosei, "id")).illustrative);
    let michis = lib_series(s(other, "id"));
    assert!(michis.illustrative);
    assert!(michis.name.contains("一般行政職以外"));
    assert!(michis.description.as_deref().unwrap_or("").contains("Michi"));
    let names = |x: &Value| {
        arr(x, "grades")
            .iter()
            .map(|g| s(g, "name").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(gyosei), GRADES);
    assert_eq!(names(other), GRADES);
    // one ladder: the same grade ids, defined by 一般行政職
    let ids = |x: &Value| {
        arr(x, "grades")
            .iter()
            .map(|g| s(g, "id").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(gyosei), ids(other));
    assert!(
        michis.grades.is_empty(),
        "the second series defines no grade of its own"
    );
    let share = michis.shares_from.as_ref().unwrap();
    assert_eq!(
        (share.series.as_str(), share.grade.as_str()),
        (s(gyosei, "id"), "shuji")
    );
    for g in arr(other, "grades") {
        assert_eq!(s(g, "defined_by"), s(gyosei, "id"), "{}", s(g, "name"));
    }
    // written once: 65 requirements (主事 lists no 人材育成), 5 promotion steps
    assert_eq!(lib.requirements.len(), 65);
    assert_eq!(lib.promotion.len(), GRADES.len() - 1);
    // the same requirement, grade for grade, on both ladders
    for g in lib.ladder(lib_series(s(gyosei, "id"))).iter() {
        for c in &lib.competencies {
            let on = |series: &str| {
                lib.requirement_on(Some(series), &g.id, c)
                    .map(|r| (r.level, r.descriptor.map(str::to_string)))
            };
            assert_eq!(on(s(gyosei, "id")), on(s(other, "id")), "{} × {}", g.name, c.name);
        }
    }
}

/// A plan written for the profile's earlier layout, when the second series copied the
/// ladder under ids `other_shuji` …, still loads: the old ids are aliases, read with a
/// notice.
#[test]
fn plans_with_the_former_ids_of_the_second_series_still_load() {
    use michi::model::NamedField;
    use michi::store::{Catalog, parse_plan};
    let catalog = Catalog::load(None, Lang::Ja);
    let text = "schema_version = 1\nprofile = \"joetsu\"\nseries = \"other\"\nbirth_date = 1995-06-01\nhire_date = 2018-04-01\ngrade = \"other_shunin\"\ngrade_since = 2023-04-01\ntarget_grade = \"other_kakaricho\"\n";
    let plan = parse_plan("old.toml", text.as_bytes(), &catalog, Lang::Ja).unwrap();
    assert_eq!(
        (plan.grade.as_str(), plan.target_grade.as_str()),
        ("shunin", "kakaricho")
    );
    let read: Vec<(NamedField, &str)> = plan.names_read.iter().map(|n| (n.field, n.written.as_str())).collect();
    assert_eq!(
        read,
        [
            (NamedField::Grade, "other_shunin"),
            (NamedField::TargetGrade, "other_kakaricho")
        ]
    );
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
    // 主事級職員の表には人材育成がない: no requirement (記載なし), not a level
    assert!(requirement(&p, "主事", "人材育成")["level"].is_null());
    assert!(requirement(&p, "主事", "人材育成")["descriptor"].is_null());
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
        assert!(
            s(f, "description").ends_with("など"),
            "{name}: the document's fields are examples"
        );
        for field in fields {
            assert!(s(f, "description").contains(field), "{name} lacks {field}");
        }
    }

    // departments named after the document's fields sit in the right family; the document
    // gives fields with 「など」, not a list of departments: they are Michi's examples
    let fam_id = |name: &str| s(by_name(families, name), "id").to_string();
    let deps = arr(rot, "departments");
    assert!(!deps.is_empty());
    for d in deps {
        assert_eq!(d["illustrative"], Value::Bool(true), "{} is Michi's", s(d, "name"));
    }
    assert!(
        arr(&p["document"], "notes")
            .iter()
            .any(|n| n.as_str().unwrap_or("").contains("rotation.departments")),
        "a note says the departments are Michi's"
    );
    // no tenure per posting: the document gives none
    assert!(rot["typical_tenure_years"].is_null());
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
    // the whole sentence
    assert!(
        text.starts_with("こうした基本認識の下、多くの職員が在職する一般行政職について、採用から概ね 10 年目までは")
    );
    assert!(text.contains("いずれかの課に順次配属し"));
    assert!(text.ends_with("社会性や市民感覚を育むことを目指します。"));
    assert_eq!(rule["illustrative"], Value::Bool(false));
    // for 一般行政職 only, in the document's words
    assert_eq!(s(rule, "scope"), "多くの職員が在職する一般行政職について");
    assert_eq!(rule["series"], serde_json::json!([s(the_series(&p), "id")]));
    // what HR aims at (目指します), approximately (概ね, いずれか): a guideline
    assert_eq!(s(rule, "strength"), "guideline");
    let hedges: Vec<&str> = arr(rule, "hedges").iter().map(|h| h.as_str().unwrap_or("")).collect();
    for word in ["概ね", "いずれか"] {
        assert!(hedges.contains(&word), "{word} in hedges");
    }
    for word in &hedges {
        assert!(text.contains(word), "{word} not in the text");
    }
    assert_verbatim([("rule".to_string(), text), ("scope".to_string(), s(rule, "scope"))]);
    assert_verbatim(families.iter().map(|f| (s(f, "name").to_string(), s(f, "description"))));
}

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// A plan on `series` at `grade`, hired 2018, with `postings` (department, from, to).
fn plan_on(series: &str, grade: &str, target: &str, postings: &[(&str, &str, Option<&str>)]) -> Plan {
    Plan {
        schema_version: 1,
        sample: false,
        as_of: None,
        profile: "joetsu".into(),
        series: Some(series.into()),
        name: None,
        birth_date: d("1995-06-01"),
        hire_date: d("2018-04-01"),
        grade: grade.into(),
        position: None,
        grade_since: d("2023-04-01"),
        target_grade: target.into(),
        target_fy: None,
        track: Track::Generalist,
        course: None,
        course_field: None,
        course_since: None,
        completed_trainings: vec![],
        planned_trainings: vec![],
        planned_years: Default::default(),
        self_assessment: Default::default(),
        supervisor_assessment: Default::default(),
        evidence: Default::default(),
        roles_self: Default::default(),
        roles_supervisor: Default::default(),
        assignments: postings
            .iter()
            .map(|&(department, from, to)| Assignment {
                department: department.into(),
                family: None,
                from: d(from),
                to: to.map(d),
            })
            .collect(),
        leaves: vec![],
        constraints: vec![],
        self_report: Default::default(),
        interviews: vec![],
        notes: vec![],
        lifeline: vec![],
        wcm: Default::default(),
        names_read: Vec::new(),
    }
}

/// 「多くの職員が在職する一般行政職について」: a 保健師 who has only served in 福祉 is told
/// nothing about the three families.
#[test]
fn the_rotation_rule_does_not_apply_outside_ippan_gyosei() {
    let p = profile();
    let rotation = p.rotation.as_ref().unwrap();
    let rule = &rotation.rules[0];
    assert_eq!(rule.strength, RuleStrength::Guideline);
    let gyosei = p.job_series.iter().find(|x| x.name == "一般行政職").unwrap();
    assert_eq!(rule.series, std::slice::from_ref(&gyosei.id));
    let other = p.job_series.iter().find(|x| x.id != gyosei.id).unwrap();
    assert!(other.illustrative && !rule.series.contains(&other.id));

    let grade = |series: &michi::model::JobSeries, name: &str| {
        p.ladder(series).iter().find(|g| g.name == name).unwrap().id.clone()
    };
    let welfare = &[
        ("welfare", "2018-04-01", Some("2022-03-31")),
        ("welfare", "2022-04-01", None),
    ];
    let today = d("2026-11-21");
    let hokenshi = plan_on(&other.id, &grade(other, "主任"), &grade(other, "係長"), welfare);
    let a = engine::analyze(&p, &hokenshi, today, 3);
    assert!(a.rotation.rules.is_empty(), "{:?}", a.rotation.rules);
    assert!(a.rotation.missing.is_empty());
    assert_eq!(a.rotation.next_family, None);
    assert_eq!(a.rotation.findings, [Finding::NoRuleForSeries]);

    // The same history on 一般行政職 is checked against the rule.
    let gyosei_plan = plan_on(&gyosei.id, &grade(gyosei, "主任"), &grade(gyosei, "係長"), welfare);
    let a = engine::analyze(&p, &gyosei_plan, today, 3);
    assert_eq!(a.rotation.rules.len(), 1);
    assert_eq!(a.rotation.rules[0].missing, ["project", "admin"]);
}

#[test]
fn ideals_are_the_documents_words() {
    let p = profile();
    let names: Vec<&str> = p.ideals.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "目指す職員像",
            "服務の根本基準の徹底",
            "市民感覚・現場感覚の重視",
            "行動原理の理解・実践",
            "チームワークの発揮",
            "業務成果＋αの“自己実現”追求",
        ]
    );
    assert!(p.ideals.iter().all(|i| i.source == "上越 2(1) 目指す職員像"));
    assert!(
        p.ideals[0]
            .text
            .as_deref()
            .unwrap()
            .contains("このまちを良くするプロフェショナル")
    );
    assert_verbatim(p.ideals.iter().map(|i| (i.name.clone(), i.name.as_str())));
    assert_verbatim(
        p.ideals
            .iter()
            .map(|i| (i.name.clone(), i.text.as_deref().unwrap_or(""))),
    );
}

#[test]
fn measures_are_the_documents_words() {
    use michi::model::MeasureKind;
    let p = profile();
    let named = |name: &str| {
        p.measures
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("no measure {name}"))
    };
    let mendan = named("育成面談");
    assert_eq!(mendan.kind, MeasureKind::Interview);
    assert_eq!(mendan.text, "職員と所属等が話し合う育成面談の実施");
    assert_eq!(mendan.timing, None, "the document gives no timing");
    assert_eq!(named("自己申告書").kind, MeasureKind::SelfReport);
    assert!(named("自己申告書").text.contains("キャリアデザイン"));
    assert_eq!(named("派遣研修・人事交流").kind, MeasureKind::Exchange);
    assert_eq!(named("育成指導担当職員").kind, MeasureKind::Mentor);
    assert_eq!(named("人事評価制度").kind, MeasureKind::Evaluation);
    assert_eq!(named("昇任・昇格モデルの明示").kind, MeasureKind::CareerPath);
    for m in &p.measures {
        assert!(m.source.starts_with("上越 "), "{}", m.id);
    }
    assert_verbatim(p.measures.iter().map(|m| (m.id.clone(), m.text.as_str())));
    assert_verbatim(p.measures.iter().map(|m| (m.id.clone(), m.name.as_str())));
    assert_verbatim(
        p.measures
            .iter()
            .filter_map(|m| m.who.as_deref().map(|w| (m.id.clone(), w))),
    );
}

/// Whatever has no `source` of its own is marked as Michi's.
#[test]
fn values_without_a_source_are_marked_illustrative() {
    let p = profile();
    assert_eq!(p.scale.kind, Some(ScaleKind::Descriptors));
    let rotation = p.rotation.as_ref().unwrap();
    assert!(rotation.typical_tenure_years.is_none());
    assert!(rotation.departments.iter().all(|d| d.illustrative));
    assert!(rotation.families.iter().all(|f| f.source.is_some() || f.illustrative));
    assert!(rotation.rules.iter().all(|r| r.source.is_some() || r.illustrative));
    for step in &p.promotion {
        // the document gives no years in grade
        assert!(step.illustrative, "{} → {}", step.from, step.to);
    }
    for t in &p.trainings {
        assert!(t.competencies.is_empty() || t.competencies_illustrative, "{}", t.id);
        if t.id == "naiteisha" || t.id == "ikusei_shido_ojt" {
            // 「新規採用職員」 read as 主事
            assert!(t.grades_illustrative, "{}", t.id);
        }
    }
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
    // the document calls nothing 特別研修
    for t in trainings {
        assert_ne!(s(t, "kind"), "special", "{}", s(t, "name"));
    }
    // categories only where the document puts the training in one
    assert_eq!(
        s(by_name(trainings, "リスクマネジメント研修"), "category"),
        "階層別研修"
    );
    assert_eq!(
        s(by_name(trainings, "人事評価制度を活用したＯＪＴ"), "category"),
        "ＯＪＴ"
    );
    for name in ["メンタルヘルス研修", "課題別研修", "評価者研修", "交通安全講習"] {
        let t = by_name(trainings, name);
        assert!(
            t["category"].is_null() && t["kind"].is_null(),
            "{name} is not classified"
        );
    }
    // 評価者研修: the document does not say for whom
    let hyokasha = by_name(trainings, "評価者研修");
    assert_eq!(arr(hyokasha, "grades").len(), 0);
    assert_eq!(hyokasha["all_grades"], Value::Bool(false));
    assert_verbatim(
        trainings
            .iter()
            .filter(|t| !t["category"].is_null())
            .map(|t| (s(t, "name").to_string(), s(t, "category"))),
    );
    assert_verbatim(
        trainings
            .iter()
            .map(|t| (s(t, "name").to_string(), s(t, "description"))),
    );
    assert_eq!(s(by_name(trainings, "基礎・階層別研修"), "kind"), "hierarchical");
    assert_eq!(s(by_name(trainings, "専門実務研修"), "kind"), "specialized");
    assert_eq!(s(by_name(trainings, "派遣研修・人事交流"), "kind"), "secondment");
    assert!(
        s(by_name(trainings, "リスクマネジメント研修"), "description").contains("コンプライアンスの徹底を始めとする")
    );
}
