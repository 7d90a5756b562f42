//! `michi roster … --history FILE`: the rotation section, as text and as the JSON key
//! `rotation` beside the report's.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::table::{hanging, wrapped};
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
    if list.len() > SHOWN {
        writeln!(
            out,
            "  {}",
            match lang {
                Lang::Ja => format!("ほか {} 人（--format json ですべて）", list.len() - SHOWN),
                Lang::En => format!("and {} more (all with --format json)", list.len() - SHOWN),
            }
        )?;
    }
    Ok(())
}

/// The rotation section as text laid out to `columns`.
pub fn write(out: &mut impl Write, section: &RotationSection, lang: Lang, columns: usize) -> io::Result<()> {
    writeln!(
        out,
        "\n■ {}",
        lang.pick("ローテーション（配属履歴から）", "Rotation (from the posting history)")
    )?;
    let h = &section.history;
    wrapped(
        out,
        &match lang {
            Lang::Ja => format!(
                "履歴の行 {}・使った行 {}・使えなかった行 {}・上限を超えた職員の行 {}・履歴のない職員 {}",
                h.read, h.used, h.skipped, h.over_limit, section.without_history
            ),
            Lang::En => format!(
                "history rows {}, used {}, not used {}, beyond the staff limit {}; staff without history {}",
                h.read, h.used, h.skipped, h.over_limit, section.without_history
            ),
        },
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
                p.kind,
                p.value
            ),
            columns,
        )?;
    }
    for rule in &section.rules {
        wrapped(
            out,
            &match lang {
                Lang::Ja => format!(
                    "規則 {}（採用 {}〜{} 年目）: 期間内 {} 人、まだ満たしていない {} 人",
                    rule.rule, rule.from_year, rule.window_years, rule.in_window, rule.missing
                ),
                Lang::En => format!(
                    "rule {} (years {}–{} of service): {} inside the window, {} not yet meeting it",
                    rule.rule, rule.from_year, rule.window_years, rule.in_window, rule.missing
                ),
            },
            columns,
        )?;
        people(out, &rule.listed, lang, "", columns)?;
    }
    match section.past_tenure {
        None => writeln!(
            out,
            "{}",
            lang.pick(
                "在任年数: プロファイルに標準の在任年数がないため確かめていません",
                "Tenure: the profile gives no typical tenure, so it is not checked"
            )
        )?,
        Some(n) => {
            let example = if section.tenure_illustrative {
                lang.pick("（年数は例示）", " (illustrative years)")
            } else {
                ""
            };
            writeln!(
                out,
                "{} {n}{example}",
                lang.pick(
                    "今の配属が在任年数を超えている職員:",
                    "Staff past the tenure in their current posting:"
                )
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
