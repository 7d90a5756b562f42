//! `michi profile migrate`: a format 1 profile rewritten as format 2, with its comments and
//! layout kept (toml_edit), and every change of meaning said out loud.
//!
//! Format 1 wrote a number per requirement and read an unlisted requirement as the scale's
//! minimum. Format 2 invents no number per cell:
//! * when every requirement quotes the document's text and none is ○, the scale becomes
//!   the ladder of those descriptions (`kind = "descriptors"`) and the numbers go;
//! * otherwise it becomes a proficiency scale whose required levels are stated once per
//!   grade (`[[scale.targets]]`), the most common number of each grade's ◎ and ○ cells;
//!   cells that asked another number are listed.
//!
//! A training with no grades meant "every grade" in format 1: it gets `all_grades = true`.

use std::collections::BTreeMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::i18n::Lang;
use crate::model::{Emphasis, PROFILE_SCHEMA_V1, PROFILE_SCHEMA_VERSION, Profile};
use crate::store::diagnostic::{Diagnostic, Problems};
use crate::store::parse_profile;
use crate::store::source::decode;

/// A migrated profile: its new text, and what changed in meaning, one line each.
#[derive(Debug, Clone, PartialEq)]
pub struct Migrated {
    pub text: String,
    pub changes: Vec<String>,
}

/// Rewrites format 1 profile text as format 2. `file` names it in messages. Fails when
/// the text is not a valid format 1 profile, or when the result would not be valid.
pub fn migrate_profile(file: &str, bytes: &[u8], lang: Lang) -> Result<Migrated, Problems> {
    let profile = parse_profile(file, bytes, lang)?;
    let refuse = |ja: String, en: String, hint: (&str, &str)| {
        Problems::one(Diagnostic::file_level(
            file,
            if lang == Lang::Ja { ja } else { en },
            lang.pick(hint.0, hint.1).to_string(),
        ))
    };
    if profile.schema_version != PROFILE_SCHEMA_V1 {
        return Err(refuse(
            format!("このプロファイルはすでに形式 {} です", profile.schema_version),
            format!("this profile is already format {}", profile.schema_version),
            ("移行は不要です", "nothing to migrate"),
        ));
    }
    let text = decode(bytes).map_err(|e| Problems::one(Diagnostic::file_level(file, e.message(lang), e.hint(lang))))?;
    let mut doc: DocumentMut = text.parse().map_err(|_| {
        refuse(
            "TOML として読めません".into(),
            "cannot read the TOML".into(),
            (
                "`michi profile check` で確かめてください",
                "check it with `michi profile check`",
            ),
        )
    })?;
    let mut changes = Vec::new();
    let say = |changes: &mut Vec<String>, ja: String, en: String| changes.push(if lang == Lang::Ja { ja } else { en });

    doc["schema_version"] = value(i64::from(PROFILE_SCHEMA_VERSION));
    let descriptors = !profile.requirements.is_empty()
        && profile
            .requirements
            .iter()
            .all(|r| r.descriptor.as_deref().is_some_and(|d| !d.trim().is_empty()) && r.emphasis == Emphasis::Key);
    let scale = doc["scale"].as_table_mut().ok_or_else(|| {
        refuse(
            "[scale] がありません".into(),
            "no [scale] table".into(),
            ("[scale] を書いてください", "add a [scale] table"),
        )
    })?;
    if descriptors {
        scale.insert("kind", value("descriptors"));
        for key in ["min", "max", "illustrative", "levels"] {
            scale.remove(key);
        }
        say(
            &mut changes,
            "尺度: 要件ごとの数値をやめ、文書の記述の順（段）で読みます（kind = \"descriptors\"）".into(),
            "scale: the numbers per requirement are gone; levels are the rungs of the document's descriptions (kind = \"descriptors\")".into(),
        );
    } else {
        scale.insert("kind", value("proficiency"));
        let (targets, differing) = targets(&profile);
        let mut array = ArrayOfTables::new();
        for (grade, (key, expected)) in &targets {
            let mut t = Table::new();
            t.insert("grade", value(grade.as_str()));
            t.insert("key", value(i64::from(*key)));
            if let Some(expected) = expected {
                t.insert("expected", value(i64::from(*expected)));
            }
            array.push(t);
        }
        if !targets.is_empty() {
            scale.insert("targets", Item::ArrayOfTables(array));
        }
        if !targets.is_empty() {
            say(
                &mut changes,
                format!(
                    "尺度: 職級ごとの必要段階を [[scale.targets]] に一度だけ書きました（{} 職級）",
                    targets.len()
                ),
                format!(
                    "scale: each grade's required level is stated once in [[scale.targets]] ({} grades)",
                    targets.len()
                ),
            );
        }
        let unmarked = profile
            .requirements
            .iter()
            .filter(|r| r.emphasis == Emphasis::Unmarked)
            .count();
        if unmarked > 0 {
            say(
                &mut changes,
                format!("emphasis = \"unmarked\" の要件 {unmarked} 件は、要件なし（記載なし）になります"),
                format!("{unmarked} requirements with emphasis = \"unmarked\" now ask nothing (not stated)"),
            );
        }
        for (grade, competency, was, now) in differing {
            say(
                &mut changes,
                format!("要件 {grade} × {competency}: {was} → {now}（その職級の他の要件に合わせました）"),
                format!("requirement {grade} × {competency}: {was} → {now} (the grade's common level)"),
            );
        }
    }
    let cells = profile.grades().count().saturating_mul(profile.competencies.len());
    let unlisted = cells.saturating_sub(profile.requirements.len());
    if unlisted > 0 {
        say(
            &mut changes,
            format!("記載のない職級×能力（{unlisted} 件）は、最低段階ではなく「記載なし」（要件なし）になります"),
            format!(
                "{unlisted} unlisted grade × competency pairs now have no requirement (not stated) instead of the minimum"
            ),
        );
    }
    if let Some(requirements) = doc.get_mut("requirements").and_then(Item::as_array_of_tables_mut) {
        for r in requirements.iter_mut() {
            r.remove("level");
            r.remove("illustrative");
            if descriptors {
                r.remove("emphasis");
            }
        }
    }
    let mut opened = 0;
    if let Some(trainings) = doc.get_mut("trainings").and_then(Item::as_array_of_tables_mut) {
        for t in trainings.iter_mut() {
            let empty = t.get("grades").and_then(Item::as_array).is_none_or(|a| a.is_empty());
            if empty {
                t.insert("all_grades", value(true));
                opened += 1;
            }
        }
    }
    if opened > 0 {
        say(
            &mut changes,
            format!(
                "対象の職級のない研修 {opened} 件に all_grades = true を付けました（形式 1 では全職級の意味）。文書が対象を示していないものは外してください"
            ),
            format!(
                "{opened} trainings without grades got all_grades = true (format 1's meaning: every grade); remove it where the document does not say"
            ),
        );
    }
    let text = doc.to_string();
    parse_profile(file, text.as_bytes(), lang)?;
    Ok(Migrated { text, changes })
}

type Targets = Vec<(String, (u8, Option<u8>))>;

/// Per grade in ladder order, the most common level of its ◎ and of its ○ requirements
/// (the lower on a tie), and the cells that asked another level: (grade, competency, was, now).
fn targets(profile: &Profile) -> (Targets, Vec<(String, String, u8, u8)>) {
    let mut counts: BTreeMap<(&str, Emphasis), BTreeMap<u8, usize>> = BTreeMap::new();
    for r in &profile.requirements {
        if let Some(level) = r.level {
            *counts
                .entry((r.grade.as_str(), r.emphasis))
                .or_default()
                .entry(level)
                .or_default() += 1;
        }
    }
    let common = |grade: &str, emphasis: Emphasis| -> Option<u8> {
        let levels = counts.get(&(grade, emphasis))?;
        let most = levels.values().copied().max()?;
        levels.iter().find(|(_, n)| **n == most).map(|(l, _)| *l)
    };
    let mut targets = Vec::new();
    for (_, g) in profile.grades() {
        let (key, expected) = (common(&g.id, Emphasis::Key), common(&g.id, Emphasis::Expected));
        // A grade with only ○ items still needs a key level: one above its ○.
        match (key, expected) {
            (Some(key), expected) => targets.push((g.id.clone(), (key, expected))),
            (None, Some(expected)) => targets.push((
                g.id.clone(),
                (expected.saturating_add(1).min(profile.scale.max()), Some(expected)),
            )),
            (None, None) => {}
        }
    }
    let by_grade: BTreeMap<&str, (u8, Option<u8>)> = targets.iter().map(|(g, t)| (g.as_str(), *t)).collect();
    let mut differing = Vec::new();
    for r in &profile.requirements {
        let now = by_grade
            .get(r.grade.as_str())
            .and_then(|&(key, expected)| match r.emphasis {
                Emphasis::Key => Some(key),
                Emphasis::Expected => expected,
                Emphasis::Unmarked => None,
            });
        if let (Some(was), Some(now)) = (r.level, now)
            && was != now
        {
            differing.push((r.grade.clone(), r.competency.clone(), was, now));
        }
    }
    (targets, differing)
}
