//! The report's self vs supervisor section (本人と上司の評価の差): what the Gaps view shows
//! sorted self vs supervisor, printed once the supervisor has assessed anything.

use std::io::{self, Write};

use crate::cli::profile::write_table;
use crate::engine::Analysis;
use crate::i18n::Lang;
use crate::model::Profile;

/// Names listed of the competencies only one side assessed; the rest are counted.
const NAMES_SHOWN: usize = 10;

pub(super) fn write_disagreements(out: &mut impl Write, p: &Profile, a: &Analysis, lang: Lang) -> io::Result<()> {
    let rows = &a.disagreements;
    if !rows.iter().any(|d| d.supervisor.is_some()) {
        return Ok(());
    }
    super::heading(out, lang.pick("本人と上司の評価の差", "Self vs supervisor"))?;
    let number = |l: u8| crate::describe::level_number(p, l, lang);
    let both: Vec<[String; 4]> = rows
        .iter()
        .filter_map(|d| {
            let difference = d.difference?;
            Some([
                d.competency_name.clone(),
                d.own.map(number).unwrap_or_default(),
                d.supervisor.map(number).unwrap_or_default(),
                crate::describe::level_difference(p, difference, lang),
            ])
        })
        .collect();
    if !both.is_empty() {
        write_table(
            out,
            &[
                lang.pick("能力", "Competency"),
                lang.pick("本人", "Self"),
                lang.pick("上司", "Supv."),
                lang.pick("上司－本人", "Supv.-Self"),
            ],
            &both,
        )?;
    }
    let names = |supervisor_only: bool| -> Vec<&str> {
        rows.iter()
            .filter(|d| !d.both() && d.supervisor.is_some() == supervisor_only)
            .map(|d| d.competency_name.as_str())
            .collect()
    };
    for (supervisor_only, ja, en) in [
        (true, "上司のみ評価（本人は未評価）", "Assessed by the supervisor only"),
        (false, "本人のみ評価（上司は未評価）", "Assessed by the employee only"),
    ] {
        let names = names(supervisor_only);
        if names.is_empty() {
            continue;
        }
        let more = names.len().saturating_sub(NAMES_SHOWN);
        let shown = names.iter().take(NAMES_SHOWN).copied().collect::<Vec<_>>();
        let line = match lang {
            Lang::Ja => {
                let rest = if more > 0 {
                    format!(" ほか {more} 件")
                } else {
                    String::new()
                };
                format!("{ja}・{} 件: {}{rest}", names.len(), shown.join("、"))
            }
            Lang::En => {
                let rest = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                format!("{en} ({}): {}{rest}", names.len(), shown.join(", "))
            }
        };
        writeln!(out, "{line}")?;
    }
    if !both.is_empty() {
        writeln!(
            out,
            "  {}",
            lang.pick(
                "上司－本人: + は上司の評価が本人より高い、- は低い。差の大きい順",
                "Supv.-Self: + the supervisor rates higher than the employee, - lower; largest difference first",
            )
        )?;
    }
    Ok(())
}
