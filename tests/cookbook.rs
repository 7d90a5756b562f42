//! The cookbook of docs/profile-format.md (§18) cannot rot: every recipe is assembled from
//! the page as a reader would paste it, and must pass `michi profile check` (the real
//! binary) with no warning; every output the page shows must be what `michi plan analyze`
//! prints for the plan beside it; and the recipes' plans are analysed through the engine
//! for what a user would notice (a k-of-n history met and one not, a year-12 employee kept
//! in the family of the 発揮期間, a course member under the course's rule, no readiness
//! without an ability table, the evaluation in the app's support view).
//!
//! The page marks its blocks with HTML comments before the fence:
//! `<!-- cookbook: NAME -->` a complete profile; `<!-- cookbook: NAME (part) -->` a piece
//! that is not one alone; `<!-- cookbook: NAME = A + B + this -->` a profile made of the
//! blocks A and B and this one, in that order; `<!-- cookbook-plan: NAME -->` a plan;
//! `<!-- cookbook-output: PLAN on PROFILE -->` a ```text block of `plan analyze` output,
//! whose first line is the command and whose `…` lines stand for lines left out.
// Slices of the page are cut where `find` found ASCII markers: on character boundaries.
#![allow(clippy::unwrap_used, clippy::panic, clippy::string_slice)]

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use crossterm::event::KeyCode;
use michi::engine::rotation::{NextReason, RotationReport, RuleCheck};
use michi::engine::{self, PlanNote, RuleStatus};
use michi::i18n::Lang;
use michi::model::{Date, Plan, Profile};
use michi::store::{Catalog, parse_profile};

mod tui_common;

#[derive(Debug)]
enum Marker {
    Profile { parts: Option<Vec<String>>, part: bool },
    Plan,
    Output { plan: String, profile: String },
}

#[derive(Debug)]
struct Block {
    name: String,
    marker: Marker,
    body: String,
    line: usize,
}

fn doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/profile-format.md")).unwrap()
}

fn line_of(doc: &str, at: usize) -> usize {
    doc[..at].lines().count() + 1
}

fn parse_marker(text: &str, line: usize) -> (String, Marker) {
    if let Some(rest) = text.strip_prefix("cookbook-plan:") {
        return (rest.trim().to_string(), Marker::Plan);
    }
    if let Some(rest) = text.strip_prefix("cookbook-output:") {
        let (plan, profile) = rest
            .split_once(" on ")
            .unwrap_or_else(|| panic!("line {line}: `cookbook-output: PLAN on PROFILE`"));
        let (plan, profile) = (plan.trim().to_string(), profile.trim().to_string());
        return (format!("{plan} on {profile}"), Marker::Output { plan, profile });
    }
    let rest = text
        .strip_prefix("cookbook:")
        .unwrap_or_else(|| panic!("line {line}: unknown marker {text:?}"));
    let (head, parts) = match rest.split_once('=') {
        Some((head, parts)) => (
            head,
            Some(parts.split('+').map(|p| p.trim().to_string()).collect::<Vec<_>>()),
        ),
        None => (rest, None),
    };
    let head = head.trim();
    let (name, part) = match head.strip_suffix("(part)") {
        Some(name) => (name.trim(), true),
        None => (head, false),
    };
    (name.to_string(), Marker::Profile { parts, part })
}

/// Every marked block of the page, in order.
fn blocks(doc: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = doc[from..].find("<!-- cookbook") {
        let at = from + found;
        let line = line_of(doc, at);
        let end = at + doc[at..].find("-->").unwrap();
        let (name, marker) = parse_marker(doc[at + "<!-- ".len()..end].trim(), line);
        let after = end + 3;
        let fence = after + doc[after..].find("```").unwrap();
        assert!(
            doc[after..fence].trim().is_empty(),
            "line {line}: the marker must stand right before its fence"
        );
        let body_start = fence + doc[fence..].find('\n').unwrap() + 1;
        let body_end = body_start + doc[body_start..].find("\n```").unwrap();
        out.push(Block {
            name,
            marker,
            body: doc[body_start..body_end].to_string(),
            line,
        });
        from = body_end;
    }
    out
}

struct Cookbook {
    blocks: Vec<Block>,
}

impl Cookbook {
    fn read() -> Cookbook {
        let doc = doc();
        let blocks = blocks(&doc);
        // Every TOML block of the cookbook is checked: none may go unmarked.
        let start = doc.find("\n## 18. Cookbook").expect("the cookbook section");
        let end = start + 1 + doc[start + 1..].find("\n## ").unwrap();
        let mut from = start;
        while let Some(found) = doc[from..end].find("```toml") {
            let at = from + found;
            let before = doc[..at].trim_end();
            let last_line = before.rsplit('\n').next().unwrap_or_default().trim();
            assert!(
                last_line.starts_with("<!-- cookbook"),
                "line {}: a TOML block of the cookbook without a cookbook marker",
                line_of(&doc, at)
            );
            from = at + 3;
        }
        Cookbook { blocks }
    }

    fn block(&self, name: &str) -> &Block {
        self.blocks
            .iter()
            .find(|b| b.name == name && !matches!(b.marker, Marker::Output { .. }))
            .unwrap_or_else(|| panic!("no cookbook block {name:?}"))
    }

    /// The profiles a reader can assemble, by name.
    fn profiles(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for b in &self.blocks {
            let Marker::Profile { parts, part: false } = &b.marker else {
                continue;
            };
            let text = match parts {
                None => b.body.clone(),
                Some(parts) => parts
                    .iter()
                    .map(|p| {
                        if p == "this" {
                            b.body.clone()
                        } else {
                            self.block(p).body.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            };
            assert!(
                out.insert(b.name.clone(), text).is_none(),
                "line {}: two recipes named {}",
                b.line,
                b.name
            );
        }
        out
    }

    fn profile(&self, name: &str) -> Profile {
        let text = self
            .profiles()
            .remove(name)
            .unwrap_or_else(|| panic!("no recipe {name}"));
        parse_profile(&format!("{name}.toml"), text.as_bytes(), Lang::Ja)
            .unwrap_or_else(|p| panic!("{name}: {}", p.render(Lang::Ja)))
    }

    fn plan(&self, name: &str, profile: &Profile) -> Plan {
        let block = self.block(name);
        assert!(matches!(block.marker, Marker::Plan), "{name} is not a plan");
        let plan: Plan = toml::from_str(&block.body).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(plan.validate(profile), vec![], "{name}");
        plan
    }
}

fn michi() -> Command {
    let mut cmd = Command::cargo_bin("michi").unwrap();
    cmd.env_remove("MICHI_LANG")
        .env("MICHI_CONFIG_DIR", "/nonexistent-michi-config");
    cmd
}

fn today() -> Date {
    Date::parse("2026-11-21").unwrap()
}

#[test]
fn every_recipe_passes_profile_check_with_no_warning() {
    let cookbook = Cookbook::read();
    let profiles = cookbook.profiles();
    for wanted in [
        "roles_only",
        "not_stated",
        "k_of_n",
        "phases",
        "first_posting",
        "courses",
        "shared_grades",
        "evaluation",
    ] {
        assert!(profiles.contains_key(wanted), "the cookbook lost its recipe {wanted}");
    }
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = profiles
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(format!("{name}.toml"));
            std::fs::write(&path, text).unwrap();
            path.display().to_string()
        })
        .collect();
    let out = michi()
        .args(["--lang", "ja", "profile", "check"])
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok: ")).count(),
        files.len(),
        "{stdout}"
    );
    assert!(
        stderr.is_empty(),
        "the recipes pass with no warning or notice:\n{stderr}"
    );
}

/// The chunks of expected lines between `…` lines, each of which must stand as a run of
/// consecutive lines in `actual`, in order.
fn missing_lines(expected: &[&str], actual: &str) -> Option<String> {
    let actual: Vec<&str> = actual.lines().map(str::trim_end).collect();
    let mut at = 0;
    for chunk in expected.split(|l| l.trim() == "…") {
        if chunk.is_empty() {
            continue;
        }
        let chunk: Vec<&str> = chunk.iter().map(|l| l.trim_end()).collect();
        let found =
            (at..actual.len()).find(|&i| actual.len() - i >= chunk.len() && actual[i..i + chunk.len()] == chunk[..]);
        match found {
            Some(i) => at = i + chunk.len(),
            None => return Some(chunk.join("\n")),
        }
    }
    None
}

#[test]
fn every_output_shown_is_what_plan_analyze_prints() {
    let cookbook = Cookbook::read();
    let profiles = cookbook.profiles();
    let mut checked = 0;
    for b in &cookbook.blocks {
        let Marker::Output { plan, profile } = &b.marker else {
            continue;
        };
        let mut lines = b.body.lines();
        let command = lines.next().unwrap();
        let words: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(
            words[..4],
            ["$", "michi", "plan", "analyze"],
            "line {}: {command}",
            b.line
        );
        assert_eq!(words[4], format!("{plan}.toml"), "line {}: {command}", b.line);
        let today = match words[5..] {
            ["--today", date] => date,
            _ => panic!("line {}: {command}", b.line),
        };
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("profiles")).unwrap();
        std::fs::write(
            dir.path().join("profiles").join(format!("{profile}.toml")),
            profiles
                .get(profile)
                .unwrap_or_else(|| panic!("line {}: no recipe {profile}", b.line)),
        )
        .unwrap();
        let plan_path = dir.path().join(format!("{plan}.toml"));
        std::fs::write(&plan_path, &cookbook.block(plan).body).unwrap();
        let out = michi()
            .env("MICHI_CONFIG_DIR", dir.path())
            .args(["--lang", "ja", "plan", "analyze"])
            .arg(&plan_path)
            .args(["--today", today])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "line {}: {}",
            b.line,
            String::from_utf8_lossy(&out.stderr)
        );
        let expected: Vec<&str> = lines.collect();
        if let Some(missing) = missing_lines(&expected, &stdout) {
            panic!(
                "docs/profile-format.md line {}: `{plan}` on `{profile}` does not print\n{missing}\n\nIt prints:\n{stdout}",
                b.line
            );
        }
        checked += 1;
    }
    assert!(checked >= 8, "the cookbook shows {checked} outputs");
}

fn rule<'a>(r: &'a RotationReport, id: &str) -> &'a RuleCheck {
    r.rules
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no rule {id}"))
}

#[test]
fn k_of_n_a_history_of_three_families_is_met_and_one_family_is_not() {
    let cookbook = Cookbook::read();
    let p = cookbook.profile("k_of_n");
    let hanako = engine::rotation(&p, &cookbook.plan("hanako", &p), today());
    let met = rule(&hanako, "three_of_five");
    assert_eq!(met.status, RuleStatus::Satisfied);
    assert_eq!(met.covered, ["shimin", "jigyo", "kanri"]);
    assert_eq!((met.needed, met.still_needed), (Some(3), 0));
    assert!(hanako.missing.is_empty(), "the two families not served are not needed");
    // 総務課's four years are within 「3年から4年」: not long.
    assert!(
        hanako
            .findings
            .iter()
            .all(|f| !matches!(f, engine::Finding::LongPosting { .. }))
    );
    // Her wish (総務課) keeps the rule met: it is followed.
    let next = hanako.next.as_ref().unwrap();
    assert_eq!(next.family, "kanri");
    assert!(matches!(next.reason, NextReason::Wish { .. }), "{:?}", next.reason);

    let jiro = engine::rotation(&p, &cookbook.plan("jiro", &p), today());
    let not_met = rule(&jiro, "three_of_five");
    assert_eq!(not_met.status, RuleStatus::NotMet);
    assert_eq!(not_met.covered, ["shimin"]);
    assert_eq!(not_met.still_needed, 2);
}

#[test]
fn phases_a_year_12_employee_is_kept_in_the_family_of_the_hakki_period() {
    let cookbook = Cookbook::read();
    let p = cookbook.profile("phases");
    let hanako = cookbook.plan("hanako", &p);
    let r = engine::rotation(&p, &hanako, today());
    assert_eq!(rule(&r, "three_of_five").status, RuleStatus::Satisfied);
    let hakki = rule(&r, "hakki");
    assert_eq!(hakki.status, RuleStatus::Holding);
    assert_eq!(hakki.covered, ["kikaku"]);
    let next = r.next.as_ref().unwrap();
    assert_eq!((next.family.as_str(), next.same_family), ("kikaku", true));
    assert!(matches!(&next.reason, NextReason::WithinFamily { rule } if rule.phase.as_deref() == Some("発揮期間")));
    assert!(
        next.wish_not_followed.is_some(),
        "the wish for 総務課 is set aside, with a reason"
    );
}

#[test]
fn roles_only_no_ability_table_means_no_gaps_no_readiness_and_the_roles_as_the_signal() {
    let cookbook = Cookbook::read();
    let p = cookbook.profile("roles_only");
    assert!(p.competencies.is_empty() && p.scale.is_unwritten() && p.document.date.is_none());
    let a = engine::analyze(&p, &cookbook.plan("ichiro", &p), today(), 3);
    assert!(!a.target.ability_table);
    assert_eq!(a.target.readiness, None);
    assert!(a.target.gaps.is_empty() && a.trainings.is_empty());
    assert!(a.notes.contains(&PlanNote::NoAbilityTable), "{:?}", a.notes);
    assert_eq!(
        michi::describe::readiness_text(&a.target, Lang::Ja),
        "文書に能力表なし（準備度なし）"
    );
    assert_eq!((a.roles.done_self, a.roles.roles.len()), (1, 2));
    assert!(
        a.trajectory
            .steps
            .iter()
            .all(|s| s.earliest_fy.is_none() && s.typical_fy.is_none())
    );
}

#[test]
fn courses_a_member_follows_the_rule_of_the_course_and_is_told_why_another_does_not_apply() {
    let cookbook = Cookbook::read();
    let p = cookbook.profile("courses");
    let expert = engine::rotation(&p, &cookbook.plan("hanako_expert", &p), today());
    assert_eq!(rule(&expert, "generalist_four").status, RuleStatus::Exempt);
    assert_eq!(rule(&expert, "expert_field").status, RuleStatus::Holding);
    assert_eq!(expert.next.as_ref().unwrap().family, "kikaku");

    let generalist = engine::rotation(&p, &cookbook.plan("hanako", &p), today());
    assert_eq!(rule(&generalist, "generalist_four").status, RuleStatus::Satisfied);
    assert_eq!(rule(&generalist, "expert_field").status, RuleStatus::Exempt);
    let said: Vec<String> = generalist
        .findings
        .iter()
        .map(|f| michi::describe::finding_text(f, Lang::Ja))
        .collect();
    assert!(
        said.iter().any(|s| s.starts_with("ゼネラリストコースのため")),
        "{said:?}"
    );
    // A generalist outside the expert course's rule is not called a specialist.
    for lang in [Lang::Ja, Lang::En] {
        let status = michi::describe::rule_status(RuleStatus::Exempt, lang);
        assert!(
            !status.contains("スペシャリスト") && !status.contains("specialist"),
            "{status}"
        );
    }
}

#[test]
fn evaluation_only_the_app_shows_the_evaluation_and_the_self_report_in_the_documents_words() {
    let cookbook = Cookbook::read();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kakuu.toml"),
        cookbook.profiles().remove("evaluation").unwrap(),
    )
    .unwrap();
    let ui = michi::tui::state::Ui {
        lang: Lang::Ja,
        theme: michi::tui::theme::ThemeKind::Default,
        ascii: false,
        mouse: true,
        ..Default::default()
    };
    let mut state = michi::tui::state::State::new(Catalog::load(Some(dir.path()), Lang::Ja), ui, today(), false);
    tui_common::open_start_row(&mut state, michi::tui::state::StartKey::New("kakuu".into()));
    assert!(state.doc.is_some(), "a new plan for 架空市 opened");
    tui_common::press(&mut state, KeyCode::Char('7'));
    let support = tui_common::screen(&mut state, 120, 40);
    for words in ["人事評価制度", "業績評価", "能力・意欲態度評価", "評語", "自己申告書"] {
        assert!(support.contains(words), "{words}:\n{support}");
    }
    let entries = michi::tui::state::support_entries(&state.doc.as_ref().unwrap().profile);
    let at = |entry| entries.iter().position(|e| *e == entry).unwrap();
    for _ in 0..at(michi::tui::state::SupportEntry::Evaluation) {
        tui_common::press(&mut state, KeyCode::Down);
    }
    let detail = tui_common::screen(&mut state, 120, 40);
    assert!(detail.contains("時期: 期首面談（4月）・期末面談（3月）"), "{detail}");
    assert!(
        detail.contains("評価者: 1次評価者（所属の係長）・2次評価者（所属の課長）"),
        "{detail}"
    );
    for _ in at(michi::tui::state::SupportEntry::Evaluation)..at(michi::tui::state::SupportEntry::SelfReport) {
        tui_common::press(&mut state, KeyCode::Down);
    }
    let detail = tui_common::screen(&mut state, 120, 40);
    assert!(detail.contains("時期: 毎年11月"), "{detail}");
    assert!(detail.contains("提出する人: 全職員"), "{detail}");
    assert!(detail.contains("上司が見るか: 見る"), "{detail}");
}
