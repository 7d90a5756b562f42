//! `michi roster … --history FILE`: the rotation section, as text and as the JSON key
//! `rotation` beside the report's.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::table::{hanging, more_people, packed, wrapped};
use crate::describe::roster as describe;
use crate::i18n::Lang;
use crate::model::Profile;
use crate::store::roster::history::{RotationPerson, RotationSection, read_history, rotation};
use crate::store::roster::{RosterError, RosterMap, RosterOptions, RosterRun};

/// Names listed per list in the text (the JSON has them all).
const SHOWN: usize = 20;

/// The report's JSON with the `rotation` key added.
#[derive(Serialize)]
pub struct WithRotation<'a> {
    #[serde(flatten)]
    pub run: &'a RosterRun,
    pub rotation: &'a RotationSection,
}

/// The history read, then the roster joined to it.
pub fn section(
    roster: &Path,
    history: &Path,
    profile: &Profile,
    map: &RosterMap,
    options: &RosterOptions,
) -> Result<RotationSection, RosterError> {
    let read = read_history(history, profile, map, &options.read)?;
    rotation(roster, profile, map, options, read)
}

fn people(out: &mut impl Write, list: &[RotationPerson], lang: Lang, unit: &str, columns: usize) -> io::Result<()> {
    for p in list.iter().take(SHOWN) {
        let department = p.department.as_deref().map(|d| format!("  {d}")).unwrap_or_default();
        hanging(
            out,
            &format!("  {}  {}  {}/{}{unit}{department}", p.id, p.name, p.have, p.need),
            columns,
        )?;
    }
    more_people(out, list.len().saturating_sub(SHOWN), lang)
}

/// The rotation section as text laid out to `columns`.
pub fn write(out: &mut impl Write, section: &RotationSection, lang: Lang, columns: usize) -> io::Result<()> {
    writeln!(out, "\n■ {}", describe::rotation_title(lang))?;
    let h = &section.history;
    packed(
        out,
        &describe::history_count_items(section, lang),
        lang.pick("・", " "),
        columns,
    )?;
    for p in h.problems.iter().take(SHOWN) {
        hanging(
            out,
            &format!(
                "  {} {}「{}」: {} {}",
                lang.pick("行", "row"),
                p.row,
                p.column,
                describe::history_problem_kind(p.kind, lang),
                p.value
            ),
            columns,
        )?;
    }
    for rule in &section.rules {
        wrapped(out, &describe::rule_standing(rule, lang), columns)?;
        hanging(out, &format!("  「{}」", rule.text), columns)?;
        people(out, &rule.listed, lang, describe::rule_unit(rule.kind, lang), columns)?;
    }
    match section.past_tenure {
        None => writeln!(out, "{}", describe::tenure_not_checked(lang))?,
        Some(n) => {
            writeln!(
                out,
                "{}",
                describe::past_tenure_heading(n, section.tenure_illustrative, lang)
            )?;
            people(
                out,
                &section.past_tenure_listed,
                lang,
                lang.pick("年", " years"),
                columns,
            )?;
        }
    }
    Ok(())
}
