//! Plan problems in the terminal app's words: every kind a plan can have, rendered by
//! `describe::plan_problem` against a bundled profile, names fields by their labels and
//! profile objects by their names, never by TOML key or id.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeMap;

use michi::describe::plan_problem;
use michi::i18n::Lang;
use michi::model::{
    Assignment, Date, DateField, Entity, FieldPath, Leave, LeaveKind, Plan, Problem, ProblemKind, Profile, Track,
};
use michi::store::Catalog;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn akishima() -> Profile {
    let catalog = Catalog::load(None, Lang::Ja);
    catalog.get("akishima").unwrap().profile.clone()
}

fn posting(department: &str, from: &str, to: Option<&str>) -> Assignment {
    Assignment {
        department: department.into(),
        family: None,
        from: d(from),
        to: to.map(d),
    }
}

/// A plan that passes validation: 主任職 aiming at 係長職, three postings, one leave.
fn base() -> Plan {
    Plan {
        schema_version: 1,
        sample: false,
        as_of: None,
        profile: "akishima".into(),
        series: None,
        name: Some("昭島 花子".into()),
        birth_date: d("1990-05-10"),
        hire_date: d("2013-04-01"),
        grade: "shunin".into(),
        position: None,
        grade_since: d("2021-04-01"),
        target_grade: "kakaricho".into(),
        target_fy: Some(2030),
        track: Track::Generalist,
        course: None,
        course_field: None,
        course_since: None,
        completed_trainings: vec!["ojt".into(), "tokyo_shichoson_kenshujo".into()],
        planned_trainings: vec!["jichi_daigakko".into()],
        planned_years: BTreeMap::new(),
        // Rungs of 昭島's descriptor ladders: 責任感・公正性 has four on the general series,
        // 説明応対 two.
        self_assessment: BTreeMap::from([
            ("responsibility_fairness".into(), 1),
            ("explanation_response".into(), 2),
        ]),
        supervisor_assessment: BTreeMap::from([("responsibility_fairness".into(), 1)]),
        evidence: BTreeMap::from([("responsibility_fairness".into(), "窓口で".into())]),
        roles_self: BTreeMap::new(),
        roles_supervisor: BTreeMap::new(),
        assignments: vec![
            posting("zeimu", "2013-04-01", Some("2016-03-31")),
            posting("fukushi", "2016-04-01", Some("2020-03-31")),
            posting("kosodate", "2020-04-01", None),
        ],
        leaves: vec![Leave {
            kind: LeaveKind::Childcare,
            from: d("2018-04-01"),
            to: Some(d("2019-03-31")),
            note: None,
        }],
        constraints: Vec::new(),
        self_report: Default::default(),
        interviews: vec![],
        notes: vec![],
        lifeline: vec![],
        wcm: Default::default(),
        names_read: Vec::new(),
    }
}

/// Keys of the plan file: none may appear in the Japanese text.
const KEYS: &[&str] = &[
    "schema_version",
    "profile",
    "series",
    "name",
    "birth_date",
    "hire_date",
    "grade",
    "grade_since",
    "target_grade",
    "target_fy",
    "track",
    "completed_trainings",
    "planned_trainings",
    "self_assessment",
    "supervisor_assessment",
    "evidence",
    "assignments",
    "department",
    "family",
    "from",
    "to",
    "leaves",
    "kind",
    "note",
    "constraints",
    "self_report",
    "transfer_wish",
    "choices",
    "qualifications",
];

/// Ids the test plans use that the profile does not have.
const MADE_UP_IDS: &[&str] = &["ippann", "shuninn", "kakarichou", "kenshu_x", "nouryoku_x", "family_x"];

/// Every id the profile defines.
fn profile_ids(p: &Profile) -> Vec<String> {
    let mut ids: Vec<String> = vec![p.id.clone()];
    ids.extend(p.job_series.iter().map(|s| s.id.clone()));
    ids.extend(p.grades().map(|(_, g)| g.id.clone()));
    ids.extend(p.competencies.iter().map(|c| c.id.clone()));
    ids.extend(p.competency_groups.iter().map(|g| g.id.clone()));
    ids.extend(p.trainings.iter().map(|t| t.id.clone()));
    if let Some(r) = &p.rotation {
        ids.extend(r.families.iter().map(|f| f.id.clone()));
        ids.extend(r.departments.iter().map(|d| d.id.clone()));
        ids.extend(r.rules.iter().map(|r| r.id.clone()));
    }
    ids
}

/// The ASCII words of `text`, ids' characters included.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn assert_plain(text: &str, lang: Lang, ids: &[String], context: &str) {
    assert!(!text.contains('`'), "{context}: backtick in {text}");
    for key in KEYS {
        let found = match lang {
            Lang::Ja => text.contains(key),
            // English words such as "from" and "grade" are fine; snake_case keys are not.
            Lang::En => key.contains('_') && text.contains(key),
        };
        assert!(!found, "{context}: key `{key}` in {text}");
    }
    let words = words(text);
    for id in ids.iter().map(String::as_str).chain(MADE_UP_IDS.iter().copied()) {
        assert!(!words.contains(&id), "{context}: id `{id}` in {text}");
    }
}

type Case = (
    &'static str,
    fn(&mut Plan),
    fn(&ProblemKind) -> bool,
    &'static [&'static str],
);

/// One change per case, the kind it must cause, and words the Japanese text must hold.
fn cases() -> Vec<Case> {
    vec![
        (
            "unsupported schema version",
            |p| p.schema_version = 2,
            |k| matches!(k, ProblemKind::UnsupportedSchemaVersion { found: 2 }),
            &["形式"],
        ),
        (
            "unknown series",
            |p| p.series = Some("ippann".into()),
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Series,
                        ..
                    }
                )
            },
            &["職系が", "主事職～部長職の職位"],
        ),
        (
            "unknown current grade",
            |p| p.grade = "shuninn".into(),
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Grade,
                        ..
                    }
                )
            },
            &["現在の職級", "「主任職」のことですか"],
        ),
        (
            "unknown target grade",
            |p| p.target_grade = "kakarichou".into(),
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Grade,
                        ..
                    }
                )
            },
            &["目標の職級", "係長職"],
        ),
        (
            "grade of another series",
            |p| p.grade = "ginocho".into(),
            |k| matches!(k, ProblemKind::GradeNotInSeries { .. }),
            &["現在の職級", "技能長職", "主事職～部長職の職位"],
        ),
        (
            "target below current",
            |p| p.grade = "kacho".into(),
            |k| matches!(k, ProblemKind::TargetBelowCurrent { .. }),
            &["目標の職級（係長職）", "現在の職級（課長職）"],
        ),
        (
            "hired on the day of birth",
            |p| p.hire_date = p.birth_date,
            |k| {
                matches!(
                    k,
                    ProblemKind::DateOrder {
                        earlier: DateField::BirthDate,
                        later: DateField::HireDate
                    }
                )
            },
            &["採用日が生年月日（1990-05-10）と同じ日です"],
        ),
        (
            "hired before birth",
            |p| p.hire_date = d("1989-04-01"),
            |k| {
                matches!(
                    k,
                    ProblemKind::DateOrder {
                        earlier: DateField::BirthDate,
                        later: DateField::HireDate
                    }
                )
            },
            &["採用日が生年月日（1990-05-10）より前"],
        ),
        (
            "grade before hire",
            |p| p.grade_since = d("2012-04-01"),
            |k| {
                matches!(
                    k,
                    ProblemKind::DateOrder {
                        earlier: DateField::HireDate,
                        later: DateField::GradeSince
                    }
                )
            },
            &["職級の開始日が採用日（2013-04-01）より前"],
        ),
        (
            "posting ends before it starts",
            |p| p.assignments[1].to = Some(d("2015-03-31")),
            |k| {
                matches!(
                    k,
                    ProblemKind::DateOrder {
                        earlier: DateField::From,
                        later: DateField::To
                    }
                )
            },
            &["2件目の配属（福祉部門、2016-04-01～2015-03-31）の終了日が開始日（2016-04-01）より前"],
        ),
        (
            "posting before hire",
            |p| p.assignments[0].from = d("2012-04-01"),
            |k| {
                matches!(
                    k,
                    ProblemKind::DateOrder {
                        earlier: DateField::HireDate,
                        later: DateField::From
                    }
                )
            },
            &["1件目の配属（税務部門、2012-04-01～2016-03-31）の開始日が採用日（2013-04-01）より前"],
        ),
        (
            "overlapping postings",
            |p| p.assignments[2].from = d("2019-04-01"),
            |k| matches!(k, ProblemKind::OverlappingPostings { .. }),
            &[
                "3件目の配属（子育て支援部門、2019-04-01～）が、2件目の配属（福祉部門、2016-04-01～2020-03-31）と重なって",
            ],
        ),
        (
            "leave ends before it starts",
            |p| p.leaves[0].to = Some(d("2018-03-31")),
            |k| {
                matches!(
                    k,
                    ProblemKind::DateOrder {
                        earlier: DateField::From,
                        later: DateField::To
                    }
                )
            },
            &["1件目の休業等（育児休業、2018-04-01～2018-03-31）の終了日が開始日"],
        ),
        (
            "unknown completed training",
            |p| p.completed_trainings.push("kenshu_x".into()),
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Training,
                        ..
                    }
                )
            },
            &["受講済みの研修の3件目"],
        ),
        (
            "unknown planned training",
            |p| p.planned_trainings.push("kenshu_x".into()),
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Training,
                        ..
                    }
                )
            },
            &["受講予定の研修の2件目"],
        ),
        (
            "training listed twice",
            |p| p.completed_trainings.push("ojt".into()),
            |k| matches!(k, ProblemKind::DuplicateEntry { .. }),
            &["受講済みの研修に「ＯＪＴ（職場研修）」が二度"],
        ),
        (
            "planned training listed twice",
            |p| p.planned_trainings.push("jichi_daigakko".into()),
            |k| matches!(k, ProblemKind::DuplicateEntry { .. }),
            &["受講予定の研修に「自治大学校の研修」が二度"],
        ),
        (
            "a year for a training that is not planned",
            |p| {
                p.planned_years.insert("ojt".into(), 2027);
            },
            |k| matches!(k, ProblemKind::YearForUnplannedTraining { .. }),
            &["「ＯＪＴ（職場研修）」に受講の年度がありますが"],
        ),
        (
            "a year for a training the profile does not have",
            |p| {
                p.planned_years.insert("kenshu_x".into(), 2027);
            },
            |k| matches!(k, ProblemKind::UnknownReference { .. }),
            &[],
        ),
        (
            "unknown competency in the self-assessment",
            |p| {
                p.self_assessment.insert("nouryoku_x".into(), 3);
            },
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Competency,
                        ..
                    }
                )
            },
            &["本人評価に"],
        ),
        (
            "unknown competency in the supervisor's assessment",
            |p| {
                p.supervisor_assessment.insert("nouryoku_x".into(), 3);
            },
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Competency,
                        ..
                    }
                )
            },
            &["上司評価に"],
        ),
        (
            "unknown competency in the evidence",
            |p| {
                p.evidence.insert("nouryoku_x".into(), "text".into());
            },
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Competency,
                        ..
                    }
                )
            },
            &["根拠に"],
        ),
        (
            "self level off the scale",
            |p| {
                p.self_assessment.insert("responsibility_fairness".into(), 9);
            },
            |k| matches!(k, ProblemKind::LevelOutsideScale { level: 9, .. }),
            &["本人評価（責任感・公正性）の段階 9"],
        ),
        (
            "supervisor level off the scale",
            |p| {
                // 説明応対 has two rungs (主事職's and 主任職's descriptions).
                p.supervisor_assessment.insert("explanation_response".into(), 3);
            },
            |k| matches!(k, ProblemKind::LevelOutsideScale { level: 3, .. }),
            &["上司評価（説明応対）の段階 3"],
        ),
        (
            "unknown family of a posting",
            |p| p.assignments[0].family = Some("family_x".into()),
            |k| {
                matches!(
                    k,
                    ProblemKind::UnknownReference {
                        entity: Entity::Family,
                        ..
                    }
                )
            },
            &["1件目の配属（税務部門、2013-04-01～2016-03-31）の系統が"],
        ),
        (
            "a line break in a transfer wish",
            |p| p.self_report.choices = vec!["企画\n部門".into()],
            |k| matches!(k, ProblemKind::BreakInOneLineText { .. }),
            &["自己申告に改行が入っています"],
        ),
        (
            "a transfer wish listed twice",
            |p| p.self_report.choices = vec!["福祉課".into(), "福祉課".into()],
            |k| matches!(k, ProblemKind::DuplicateEntry { .. }),
            &["自己申告が重複しています"],
        ),
    ]
}

#[test]
fn the_base_plan_is_valid() {
    assert_eq!(base().validate(&akishima()), Vec::new());
}

#[test]
fn every_plan_problem_reads_without_keys_or_ids() {
    let profile = akishima();
    let ids = profile_ids(&profile);
    for (name, change, expected, ja_words) in cases() {
        let mut plan = base();
        change(&mut plan);
        let problems = plan.validate(&profile);
        assert!(
            problems.iter().any(|p| expected(&p.kind)),
            "{name}: expected kind not among {problems:?}"
        );
        for problem in &problems {
            for lang in [Lang::Ja, Lang::En] {
                let text = plan_problem(problem, &plan, &profile, lang);
                assert_plain(&text, lang, &ids, name);
                assert!(!text.is_empty(), "{name}");
            }
        }
        let ja: Vec<String> = problems
            .iter()
            .filter(|p| expected(&p.kind))
            .map(|p| plan_problem(p, &plan, &profile, Lang::Ja))
            .collect();
        for word in ja_words {
            assert!(ja.iter().any(|t| t.contains(word)), "{name}: no {word:?} in {ja:?}");
        }
    }
}

#[test]
fn a_missing_profile_is_said_plainly() {
    let profile = akishima();
    let problem = Problem {
        path: FieldPath::default().key("profile"),
        kind: ProblemKind::UnknownProfile {
            id: "akishimaa".into(),
            suggestion: Some("akishima".into()),
            known: vec!["akishima".into(), "iruma".into()],
        },
    };
    for lang in [Lang::Ja, Lang::En] {
        let text = plan_problem(&problem, &base(), &profile, lang);
        assert_plain(&text, lang, &profile_ids(&profile), "unknown profile");
        assert!(!text.contains("akishimaa") && !text.contains("iruma"), "{text}");
    }
}

#[test]
fn english_names_fields_by_their_labels() {
    let profile = akishima();
    let mut plan = base();
    plan.grade = "kacho".into();
    let problems = plan.validate(&profile);
    let text = plan_problem(&problems[0], &plan, &profile, Lang::En);
    assert_eq!(
        text,
        "Target grade: 係長職 is below the current grade (課長職); choose it or a grade above it"
    );
    let mut plan = base();
    plan.grade_since = d("2012-04-01");
    let problems = plan.validate(&profile);
    let text = plan_problem(&problems[0], &plan, &profile, Lang::En);
    assert_eq!(text, "In grade since: it is earlier than the hire date (2013-04-01)");
    let mut plan = base();
    plan.assignments[1].to = Some(d("2015-03-31"));
    let problems = plan.validate(&profile);
    let text = plan_problem(&problems[0], &plan, &profile, Lang::En);
    assert_eq!(
        text,
        "Posting 2 (福祉部門, 2016-04-01 – 2015-03-31): the end date is earlier than the start date (2016-04-01)"
    );
}

/// The file-oriented words stay for the command line: they point at keys in the file.
#[test]
fn file_messages_still_name_keys() {
    let profile = akishima();
    let mut plan = base();
    plan.leaves[0].to = Some(d("2018-03-31"));
    let problem = &plan.validate(&profile)[0];
    assert_eq!(
        problem.kind.message(Lang::Ja),
        "`to`（終了日）が `from`（開始日）より前の日付です"
    );
    assert_eq!(problem.kind.message(Lang::En), "`to` comes before `from`");
}

#[test]
fn a_life_line_year_is_checked_against_the_profiles_special_retirement_age() {
    // Born 1990-05-10: the national 65 ends service in FY2055.
    let mut plan = base();
    plan.lifeline = vec![michi::model::LifelineYear {
        fy: 2058,
        score: 1,
        note: None,
    }];
    let outside = |profile: &Profile| {
        plan.validate(profile)
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::LifelineYearOutside { .. }))
    };
    let mut profile = akishima();
    assert!(outside(&profile), "FY2058 is after the national 定年");
    // A 特例定年 of 68 for the plan's grade keeps the employee in service to FY2058.
    profile.special_retirement_ages = vec![michi::model::SpecialRetirementAge {
        series: None,
        grade: Some("shunin".into()),
        age: 68,
        source: "定年条例 第3条".into(),
        illustrative: true,
    }];
    assert!(!outside(&profile), "within the 特例定年");
}
