#![allow(clippy::unwrap_used, clippy::panic)]
//! Content test for the bundled 入間市 profile, asserted against
//! 入間市人材育成基本方針(令和6年4月版) (seed 001_5def96ce85dc4a3c.txt).
//! Expected values are copied from the document, and matched by Japanese names; a copy
//! of the seed text (tests/fixtures/seeds) checks that quoted text is verbatim.

use michi::i18n::Lang;
use michi::model::{Emphasis, MeasureKind, Profile, ScaleKind, TrainingKind};
use michi::store::{BUNDLED, parse_profile};
use serde_json::Value;

mod common;

fn export() -> Value {
    common::export_profile("iruma")
}

/// The bundled profile as the model reads it (ideals, measures and the written
/// requirements are not in the `--json` export).
fn profile() -> Profile {
    let (file, text) = BUNDLED
        .iter()
        .find(|(f, _)| *f == "iruma.toml")
        .unwrap_or_else(|| unreachable!("iruma.toml is bundled"));
    parse_profile(file, text.as_bytes(), Lang::Ja).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Text with every kind of white space removed: the PDF's text breaks lines where the page
/// did, so quotes are compared without it.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// 入間市人材育成基本方針(令和6年4月版) as plain text, white space removed.
fn seed() -> String {
    squeeze(include_str!("fixtures/seeds/001_5def96ce85dc4a3c.txt"))
}

/// Each line of `text` (a quote may join paragraphs with a line break) is in the document.
fn assert_verbatim(seed: &str, what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what} is empty");
    for line in text.lines() {
        assert!(seed.contains(&squeeze(line)), "{what} is not in the document: {line}");
    }
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

/// The 技能労務職員 ladder: the two grades the III-3(2) note says they 準じる, lowest first,
/// with the grade each copies.
const GINO_GRADES: [(&str, &str); 2] = [
    ("技能労務職員（主事・主事補級に準じる）", "主事・主事補級"),
    ("技能労務職員（主任級に準じる）", "主任級"),
];

/// III-3(2) 注記, the sentence the 技能労務職員 series rests on.
const GINO_NOTE: &str = "※技能労務職員については、上記の主任級及び主事・主事補級に準じるとともに、業務に熟練し、高度な技能に基づき的確に業務を遂行する。";

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
/// ◎ = key, ○ = expected, blank (" ") = not stated.
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
/// applies to both 次長級 and 部長級; the 技能労務職員 grades follow the grades they 準じる.
const GRADE_COLUMN: [(&str, usize); 9] = [
    ("主事・主事補級", 0),
    ("主任級", 1),
    ("副主幹・主査級", 2),
    ("主幹級", 3),
    ("課長級", 4),
    ("次長級", 5),
    ("部長級", 5),
    ("技能労務職員（主事・主事補級に準じる）", 0),
    ("技能労務職員（主任級に準じる）", 1),
];

/// The scale's targets (Michi's assumption, the format 1 levels, which were one value per
/// grade and mark): grade, ◎ level, ○ level (主事・主事補級 has no ○).
const TARGETS: [(&str, u8, Option<u8>); 9] = [
    ("shuji", 2, None),
    ("shunin", 3, Some(2)),
    ("shusa", 4, Some(3)),
    ("shukan", 4, Some(3)),
    ("kacho", 5, Some(4)),
    ("jicho", 5, Some(4)),
    ("bucho", 5, Some(4)),
    ("gino_shuji", 2, None),
    ("gino_shunin", 3, Some(2)),
];

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is not a string in {v}"))
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap_or_else(|| panic!("{key} is not an array"))
}

fn series<'a>(p: &'a Value, id: &str) -> &'a Value {
    arr(p, "job_series")
        .iter()
        .find(|s0| s(s0, "id") == id)
        .unwrap_or_else(|| panic!("no series {id}"))
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

/// The resolved requirement of one grade for one competency.
fn resolved<'a>(p: &'a Value, grade: &str, competency: &str) -> &'a Value {
    let hits: Vec<&Value> = arr(p, "requirements")
        .iter()
        .filter(|r| s(r, "grade") == grade && s(r, "competency") == competency)
        .collect();
    assert_eq!(hits.len(), 1, "one requirement for ({grade}, {competency})");
    hits[0]
}

fn emphasis(p: &Value, grade: &str, competency: &str) -> String {
    s(resolved(p, grade, competency), "emphasis").to_string()
}

fn roles(p: &Value, name: &str) -> Vec<String> {
    for series in arr(p, "job_series") {
        if let Some(g) = arr(series, "grades").iter().find(|g| s(g, "name") == name) {
            return arr(g, "roles")
                .iter()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
        }
    }
    panic!("no grade named {name}");
}

#[test]
fn identity() {
    let p = export();
    assert_eq!(s(&p, "id"), "iruma");
    assert_eq!(s(&p, "name"), "入間市");
    assert_eq!(s(&p, "prefecture"), "埼玉県");
    assert_eq!(s(&p["document"], "title"), "入間市人材育成基本方針(令和6年4月版)");
    assert_eq!(s(&p["document"], "date"), "2024-04");
    assert_eq!(profile().schema_version, 2);
}

#[test]
fn seven_grades_in_order() {
    let p = export();
    let ids: Vec<&str> = arr(&p, "job_series").iter().map(|s0| s(s0, "id")).collect();
    assert_eq!(ids, ["ippan", "gino"], "the document's ladder, then 技能労務職員");
    let ippan = series(&p, "ippan");
    let names: Vec<&str> = arr(ippan, "grades").iter().map(|g| s(g, "name")).collect();
    assert_eq!(names, GRADES);
    for g in arr(ippan, "grades") {
        assert_eq!(s(g, "roles_heading"), "基本的な職務行動");
        assert!(!arr(g, "roles").is_empty(), "{} has roles", s(g, "name"));
        let mgmt = matches!(s(g, "name"), "課長級" | "次長級" | "部長級");
        assert_eq!(g["management"].as_bool(), Some(mgmt), "{}", s(g, "name"));
        assert_eq!(
            g["illustrative"].as_bool(),
            Some(false),
            "the document names {}",
            s(g, "name")
        );
    }
}

#[test]
fn grade_roles_verbatim() {
    let p = export();
    let counts = [5, 5, 7, 5, 6, 5, 4];
    for (name, n) in GRADES.iter().zip(counts) {
        assert_eq!(roles(&p, name).len(), n, "{name} bullet count");
    }
    assert_eq!(
        roles(&p, "主事・主事補級")[1],
        "公務員としての倫理観を持ち、基本的役割と責任を自覚し、自己管理・自己啓発に努める。"
    );
    assert_eq!(
        roles(&p, "副主幹・主査級")[0],
        "グループ職員を統括し、グループ職員の業務の進捗状況を管理し、調整する。"
    );
    assert_eq!(
        roles(&p, "部長級")[0],
        "社会情勢の変化を的確にとらえ、経営の視点から組織の方針・目標を決定し、政策形成の中心的な役割を果たす。"
    );
    assert_eq!(roles(&p, "次長級")[3], "危機発生時の組織間連携の調整を図る。");
    let seed = seed();
    for series in arr(&p, "job_series") {
        for g in arr(series, "grades") {
            for r in arr(g, "roles") {
                assert_verbatim(&seed, s(g, "name"), r.as_str().unwrap());
            }
        }
    }
}

#[test]
fn seventeen_competencies_with_definitions() {
    let p = export();
    let comps = arr(&p, "competencies");
    let names: Vec<&str> = comps.iter().map(|c| s(c, "name")).collect();
    let expected: Vec<&str> = COMPETENCIES.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected);
    let seed = seed();
    for (c, (name, fragment)) in comps.iter().zip(COMPETENCIES) {
        assert!(
            s(c, "definition").contains(fragment),
            "{name}: definition should contain {fragment}"
        );
        assert_verbatim(&seed, name, s(c, "definition"));
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
            let r = resolved(&p, &gid, &cid);
            assert_eq!(
                s(r, "emphasis"),
                want,
                "{grade_name} × {comp_name} should be {}",
                row[col]
            );
            // A blank cell is no requirement (記載なし), never the scale's minimum.
            assert_eq!(r["level"].is_null(), want == "unmarked", "{grade_name} × {comp_name}");
        }
    }
    // every grade × competency pair is exported (17 × 9)
    assert_eq!(arr(&p, "requirements").len(), 17 * 9);
    // 94 marked cells on the document's ladder: ◎/○ in the five single-grade columns plus
    // the shared column twice; 16 more on the 技能労務職員 ladder (6 + 10).
    let marked = |series: &str| {
        arr(&p, "requirements")
            .iter()
            .filter(|r| s(r, "series") == series && s(r, "emphasis") != "unmarked")
            .count()
    };
    assert_eq!(marked("ippan"), 94);
    assert_eq!(marked("gino"), 16);
    // Only marked cells are written in the profile.
    assert_eq!(profile().requirements.len(), 94 + 16);
    assert!(profile().requirements.iter().all(|r| r.emphasis != Emphasis::Unmarked));
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
fn the_scale_is_michis_assumption_with_one_targets_table() {
    let p = profile();
    let scale = &p.scale;
    assert_eq!(scale.kind, Some(ScaleKind::Proficiency));
    assert_eq!((scale.min, scale.max), (Some(1), Some(5)));
    assert!(scale.illustrative, "the document gives no numbers");
    assert!(scale.source.as_deref().unwrap().starts_with("Michi の仮定"));
    assert!(scale.note.as_deref().is_some_and(|n| n.contains("Michi の仮定")));
    let labels: Vec<&str> = scale.levels.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["基礎", "自立", "応用", "指導", "牽引"]);
    // One target per grade, every grade of every series.
    let targets: Vec<(&str, u8, Option<u8>)> = scale
        .targets
        .iter()
        .map(|t| (t.grade.as_str(), t.key, t.expected))
        .collect();
    assert_eq!(targets, TARGETS);
    assert_eq!(targets.len(), p.grades().count());
    // No number per requirement: the targets give every level.
    for r in &p.requirements {
        assert_eq!(r.level, None, "{} × {} has a level", r.grade, r.competency);
        assert!(
            !r.illustrative,
            "{} × {}: illustrative is the scale's",
            r.grade, r.competency
        );
    }
    // Each level is the grade's target for the item's mark, held at the level a lower grade
    // of the ladder already asked (never_lower): requirements come in ladder order.
    let json = export();
    let mut held: std::collections::HashMap<(String, String), u8> = std::collections::HashMap::new();
    for r in arr(&json, "requirements") {
        let (grade, key, expected) = TARGETS.iter().find(|t| t.0 == s(r, "grade")).unwrap();
        let target = match s(r, "emphasis") {
            "key" => Some(*key),
            "expected" => *expected,
            _ => None,
        };
        let slot = (s(r, "series").to_string(), s(r, "competency").to_string());
        let want = target.map(|t| {
            let level = held.get(&slot).map_or(t, |&h| h.max(t));
            held.insert(slot.clone(), level);
            level
        });
        assert_eq!(
            r["level"].as_u64().map(|l| l as u8),
            want,
            "{grade} × {}",
            s(r, "competency")
        );
        assert_eq!(
            r["illustrative"].as_bool(),
            Some(want.is_some()),
            "a level is marked as Michi's"
        );
    }
}

#[test]
fn no_ability_drops_between_adjacent_grades_even_where_a_double_circle_becomes_a_single_one() {
    // 副主幹・主査級 ◎ → 主幹級 ○ (企画立案 …) and 課長級 ◎ → 次長級 ○ (人材育成 …) are the
    // document's emphasis; the level asked never falls below a lower grade's (never_lower,
    // the profile's stated assumption), and the emphasis is kept as written.
    let p = export();
    assert_eq!(p["scale"]["never_lower"].as_bool(), Some(true));
    let mut emphasis_falls = 0;
    for series in arr(&p, "job_series") {
        let grades: Vec<&str> = arr(series, "grades").iter().map(|g| s(g, "id")).collect();
        for pair in grades.windows(2) {
            for (comp_name, _) in MATRIX {
                let cid = competency_id(&p, comp_name);
                let lower = resolved(&p, pair[0], &cid);
                let higher = resolved(&p, pair[1], &cid);
                let (Some(from), Some(to)) = (lower["level"].as_u64(), higher["level"].as_u64()) else {
                    // A stated requirement never turns into 記載なし further up.
                    assert!(
                        lower["level"].is_null(),
                        "{comp_name}: {} states it, {} does not",
                        pair[0],
                        pair[1]
                    );
                    continue;
                };
                assert!(to >= from, "{comp_name} drops from {} to {}", pair[0], pair[1]);
                if (s(lower, "emphasis"), s(higher, "emphasis")) == ("key", "expected") {
                    emphasis_falls += 1;
                }
            }
        }
    }
    assert_eq!(emphasis_falls, 15, "the document's ◎ → ○ steps are kept as written");
}

#[test]
fn gino_series_follows_the_grades_its_note_names() {
    let p = export();
    let seed = seed();
    assert_verbatim(&seed, "the 技能労務職員 note", GINO_NOTE);
    let gino = series(&p, "gino");
    assert_eq!(s(gino, "name"), "技能労務職員");
    assert_eq!(s(gino, "description"), GINO_NOTE);
    assert!(s(gino, "source").starts_with("入間 III-3(2) 各階層において求められる職務行動・能力"));
    let grades = arr(gino, "grades");
    let names: Vec<&str> = grades.iter().map(|g| s(g, "name")).collect();
    assert_eq!(names, GINO_GRADES.map(|(n, _)| n));
    let ids: Vec<&str> = grades.iter().map(|g| s(g, "id")).collect();
    assert_eq!(ids, ["gino_shuji", "gino_shunin"]);
    // The ids are unique across the profile.
    let all: Vec<&str> = arr(&p, "job_series")
        .iter()
        .flat_map(|s0| arr(s0, "grades").iter().map(|g| s(g, "id")))
        .collect();
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len());

    let skill = "業務に熟練し、高度な技能に基づき的確に業務を遂行する。";
    assert!(GINO_NOTE.contains(skill));
    for (g, (name, follows)) in grades.iter().zip(GINO_GRADES) {
        // The document names no 技能労務職員 grade: the names are Michi's, and say so.
        assert_eq!(g["illustrative"].as_bool(), Some(true), "{name}");
        assert!(
            arr(g, "notes").iter().any(|n| n.as_str().unwrap().contains("Michi")),
            "{name}"
        );
        assert_eq!(g["management"].as_bool(), Some(false));
        // Roles: the grade it 準じる, then the note's own sentence.
        let mut want = roles(&p, follows);
        want.push(skill.to_string());
        assert_eq!(roles(&p, name), want, "{name}");
        // Requirements: the ◎/○ of the grade it 準じる, each citing the note.
        let gid = s(g, "id");
        let fid = grade_id(&p, follows);
        for (comp_name, _) in MATRIX {
            let cid = competency_id(&p, comp_name);
            assert_eq!(
                emphasis(&p, gid, &cid),
                emphasis(&p, &fid, &cid),
                "{name} × {comp_name}"
            );
            assert_eq!(
                resolved(&p, gid, &cid)["level"],
                resolved(&p, &fid, &cid)["level"],
                "{name} × {comp_name}"
            );
        }
    }
    let quote = "技能労務職員については、上記の主任級及び主事・主事補級に準じる";
    let written: Vec<_> = profile()
        .requirements
        .into_iter()
        .filter(|r| r.grade.starts_with("gino_"))
        .collect();
    assert_eq!(written.len(), 16);
    for r in written {
        assert!(
            r.source.starts_with("入間 III-3(2) ") && r.source.contains(quote),
            "{} × {}: {}",
            r.grade,
            r.competency,
            r.source
        );
    }
    let steps: Vec<&Value> = arr(&p, "promotion")
        .iter()
        .filter(|st| s(st, "from") == "gino_shuji")
        .collect();
    assert_eq!(steps.len(), 1);
    assert_eq!(s(steps[0], "to"), "gino_shunin");
    assert_eq!(steps[0]["illustrative"].as_bool(), Some(true));
}

/// (name, category as the document writes it, kind): the catalogue in the profile's order.
const TRAININGS: [(&str, Option<&str>, Option<TrainingKind>); 17] = [
    (
        "各職場における専門知識・技能の研修",
        Some("OJT"),
        Some(TrainingKind::Ojt),
    ),
    ("日常業務による教育", Some("OJT"), Some(TrainingKind::Ojt)),
    ("OJT研修", Some("OJT"), Some(TrainingKind::Ojt)),
    ("コーチング研修", Some("OJT"), Some(TrainingKind::Ojt)),
    ("階層別研修", Some("階層別研修"), Some(TrainingKind::Hierarchical)),
    ("特別研修", Some("特別研修"), Some(TrainingKind::Special)),
    ("派遣研修", Some("派遣研修"), Some(TrainingKind::Secondment)),
    (
        "他自治体等との連携研修",
        Some("他自治体等との連携研修"),
        Some(TrainingKind::Joint),
    ),
    (
        "合同研修（埼玉県西部地域まちづくり協議会構成5市）",
        Some("他自治体等との連携研修"),
        Some(TrainingKind::Joint),
    ),
    (
        "研修生の相互受け入れ（埼玉県西部地域まちづくり協議会構成5市）",
        Some("他自治体等との連携研修"),
        Some(TrainingKind::Joint),
    ),
    ("研修成果発表会", None, None),
    (
        "通信教育の支援",
        Some("自己啓発の支援"),
        Some(TrainingKind::SelfDevelopment),
    ),
    (
        "先進地視察研修制度",
        Some("自己啓発の支援"),
        Some(TrainingKind::SelfDevelopment),
    ),
    (
        "自主研修グループへの助成",
        Some("自己啓発の支援"),
        Some(TrainingKind::StudyGroup),
    ),
    (
        "外部セミナー等の情報提供",
        Some("自己啓発の支援"),
        Some(TrainingKind::SelfDevelopment),
    ),
    ("所属長等への研修（メンタルヘルス）", None, None),
    ("ハラスメントについての研修", None, None),
];

#[test]
fn trainings_in_the_documents_categories() {
    let p = profile();
    let got: Vec<(&str, Option<&str>, Option<TrainingKind>)> = p
        .trainings
        .iter()
        .map(|t| (t.name.as_str(), t.category.as_deref(), t.kind))
        .collect();
    assert_eq!(got, TRAININGS);
    let seed = seed();
    for t in &p.trainings {
        if let Some(category) = &t.category {
            assert_verbatim(&seed, "category", category);
        }
        // 特別研修 only where the document says 特別研修.
        assert_eq!(
            t.kind == Some(TrainingKind::Special),
            t.category.as_deref() == Some("特別研修"),
            "{}",
            t.name
        );
        assert_verbatim(&seed, &t.name, t.description.as_deref().unwrap_or(""));
        assert!(t.source.starts_with("入間 IV-"), "{}: {}", t.name, t.source);
        // The document ties no training to a competency or (but for 所属長等) to a grade.
        assert!(t.competencies.is_empty() || t.competencies_illustrative, "{}", t.name);
        assert!(t.grades.is_empty() || t.grades_illustrative, "{}", t.name);
    }
    let by_name = |name: &str| p.trainings.iter().find(|t| t.name == name).unwrap();
    // 「各階層において必要とされる基本的能力や知識を習得するため」: every grade.
    assert!(by_name("階層別研修").all_grades);
    let haken = by_name("派遣研修");
    for body in ["自治大学校", "市町村アカデミー", "彩の国さいたま人づくり広域連合"] {
        assert!(
            haken.description.as_deref().unwrap().contains(body),
            "派遣研修 names {body}"
        );
    }
    assert!(
        by_name("他自治体等との連携研修")
            .description
            .as_deref()
            .unwrap()
            .contains("広域的な連携研修")
    );
    // No delivery methods in this document.
    assert!(p.delivery_methods.is_empty());
}

#[test]
fn jinzai_koryu_is_a_measure_not_a_secondment_training() {
    let p = profile();
    // IV-1(2)③ 人材交流 stands under 人事制度 (任用制度の充実), not under 職員研修.
    for t in &p.trainings {
        assert!(!t.source.contains("IV-1(2)③"), "{} cites 人材交流", t.name);
        assert!(!t.name.contains("交流派遣"), "{}", t.name);
        if t.category.as_deref() == Some("派遣研修") || t.kind == Some(TrainingKind::Secondment) {
            assert_eq!(t.name, "派遣研修");
            assert_eq!(t.source, "入間 IV-2(1)③ 派遣研修");
        }
    }
    let koryu: Vec<_> = p.measures.iter().filter(|m| m.kind == MeasureKind::Exchange).collect();
    assert_eq!(koryu.len(), 1);
    assert_eq!(koryu[0].name, "人材交流");
    assert_eq!(koryu[0].source, "入間 IV-1(2)③ 人材交流");
    assert!(
        koryu[0]
            .text
            .contains("国・県・他自治体等との交流派遣を積極的に実施する")
    );
}

#[test]
fn ideals_are_the_three_of_iii_2_verbatim() {
    let p = profile();
    let seed = seed();
    let names: Vec<&str> = p.ideals.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "積極的にチャレンジする職員",
            "目標に向かって努力できる職員",
            "入間市を愛し、入間市のために働ける職員",
        ]
    );
    for ideal in &p.ideals {
        assert_eq!(ideal.source, "入間 III-2 私たちが目指す職員像");
        assert_verbatim(&seed, "ideal name", &ideal.name);
        assert_verbatim(&seed, &ideal.name, ideal.text.as_deref().unwrap_or(""));
    }
}

#[test]
fn measures_verbatim_with_their_sources() {
    let p = profile();
    let seed = seed();
    let got: Vec<(&str, MeasureKind, &str)> = p
        .measures
        .iter()
        .map(|m| (m.name.as_str(), m.kind, m.source.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "人事評価の際の面談",
                MeasureKind::Interview,
                "入間 IV-1(1) 人事評価制度の充実"
            ),
            (
                "人事評価制度",
                MeasureKind::Evaluation,
                "入間 IV-1(1) 人事評価制度の充実"
            ),
            (
                "自己申告制度",
                MeasureKind::SelfReport,
                "入間 IV-1(3) 適材適所の人事配置"
            ),
            (
                "ジョブローテーション",
                MeasureKind::Other,
                "入間 IV-1(3) 適材適所の人事配置"
            ),
            ("昇任管理", MeasureKind::Other, "入間 IV-1(2)② 昇任管理"),
            ("人材交流", MeasureKind::Exchange, "入間 IV-1(2)③ 人材交流"),
            (
                "経験豊かな高齢期(60代)職員の活用",
                MeasureKind::Mentor,
                "入間 IV-1(4) 経験豊かな高齢期(60代)職員の活用"
            ),
            (
                "メンターとして活躍できる職場づくり",
                MeasureKind::Mentor,
                "入間 IV-2(2) 職場内研修(OJT)の推進"
            ),
            ("リバースメンター", MeasureKind::Mentor, "入間 IV-3(4) DXの推進"),
        ]
    );
    for m in &p.measures {
        assert_verbatim(&seed, &m.id, &m.name);
        assert_verbatim(&seed, &m.id, &m.text);
        for extra in [&m.timing, &m.who, &m.status].into_iter().flatten() {
            assert_verbatim(&seed, &m.id, extra);
        }
        // The document states no stage (検討, 実施 …) for any of them.
        assert_eq!(m.status, None, "{}", m.id);
    }
    let by_name = |name: &str| p.measures.iter().find(|m| m.name == name).unwrap();
    let mendan = by_name("人事評価の際の面談");
    assert_eq!(mendan.timing.as_deref(), Some("人事評価の際"));
    assert!(mendan.text.contains("評価をフィードバックする"));
    assert!(
        by_name("自己申告制度")
            .text
            .contains("職員の適性やキャリアデザインにも配慮")
    );
    let mentors: Vec<_> = p
        .measures
        .iter()
        .filter(|m| m.kind == MeasureKind::Mentor && m.who.as_deref() == Some("高齢期(60代)職員"))
        .collect();
    assert_eq!(mentors.len(), 2, "60代のメンター: 配置 (IV-1(4)) and OJT (IV-2(2))");
    assert!(mentors.iter().all(|m| m.text.contains("メンターとして")));
    assert_eq!(by_name("ジョブローテーション").who.as_deref(), Some("若手職員"));
}

#[test]
fn rotation_is_the_documents_sentence_without_a_rule() {
    let p = profile();
    let rotation = p.rotation.as_ref().unwrap();
    // IV-1(3) gives no period, count, families or departments: nothing is invented or
    // borrowed from another city.
    assert!(rotation.rules.is_empty());
    assert!(rotation.families.is_empty());
    assert!(rotation.departments.is_empty());
    assert_eq!(rotation.typical_tenure_years, None);
    let statement = rotation.statement.as_ref().unwrap();
    assert_eq!(statement.source, "入間 IV-1(3) 適材適所の人事配置");
    assert!(
        statement.text.contains(
            "若手職員については多様な部署での経験を積ませるためジョブローテーションによる人事配置を進めます。"
        )
    );
    assert_verbatim(&seed(), "rotation statement", &statement.text);
}

#[test]
fn every_value_without_a_source_is_marked_illustrative() {
    let p = profile();
    assert!(p.scale.illustrative && p.scale.source.is_some());
    for step in &p.promotion {
        // IV-1(2)② 昇任管理 states no years, exam or conditions.
        assert!(
            step.source.is_none() && step.illustrative,
            "{} → {}",
            step.from,
            step.to
        );
        assert!(!step.exam && step.conditions.is_empty());
    }
    for (series, grade) in p.grades() {
        assert!(!series.source.is_empty() && !grade.source.is_empty());
        // Grades the document does not name say so.
        assert_eq!(grade.illustrative, series.id == "gino", "{}", grade.id);
    }
    assert!(p.leave_rules.is_empty(), "the document states no leave rule");
    for t in &p.trainings {
        assert!(!t.source.is_empty(), "{}", t.id);
    }
}

#[test]
fn notes_keep_what_has_no_field() {
    let p = export();
    let notes: Vec<&str> = arr(&p["document"], "notes")
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(notes.iter().any(|n| n.contains("令和13年度には定年年齢が65歳")));
    assert!(notes.iter().any(|n| n.contains("専門職員(資格取得者)")));
    assert!(notes.iter().any(|n| n.contains("技能労務職員") && n.contains("gino")));
    assert!(notes.iter().any(|n| n.contains("Michi の仮定") && n.contains("scale")));
    // What moved into measures is no longer carried as a note.
    assert!(!notes.iter().any(|n| n.contains("メンターとしても活躍できる")));
    assert!(!notes.iter().any(|n| n.contains("自己申告制度の活用等により")));
}
