//! `michi compare A B` and `michi compare PLAN --as PROFILE`: two plans side by side, or
//! one person under two cities' profiles (the mapping report first, then the comparison).
//! The text fits 80 columns: each section in two columns of 38.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::plan::print_problems;
use crate::describe::compare::{CompareSection, mapping_lines, sections, side_title};
use crate::engine::compare::{Comparison, MappingReport, compare, map_plan};
use crate::i18n::Lang;
use crate::model::{Date, Plan, Profile};
use crate::store::{Catalog, load_plan_file};
use crate::text::{pad_right, wrap_hanging};

/// Columns of each side in the text output (two sides and a gap of two fit 80).
const COLUMN: usize = 38;

/// What `michi compare` is asked.
pub struct CompareArgs<'a> {
    pub first: &'a Path,
    pub second: Option<&'a Path>,
    /// The profile (id or name) to read the first plan across to.
    pub as_profile: Option<&'a str>,
    pub json: bool,
    pub today: Option<Date>,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    #[serde(flatten)]
    comparison: &'a Comparison,
    /// How the first plan was read across (`--as`); `null` for two plans.
    mapping: Option<&'a MappingReport>,
}

/// A plan file read and checked against its profile, with that profile.
fn load<'c>(path: &Path, catalog: &'c Catalog, lang: Lang) -> Option<(Plan, &'c Profile)> {
    match load_plan_file(path, catalog, lang) {
        Ok(plan) => {
            let profile = &catalog.get(&plan.profile)?.profile;
            Some((plan, profile))
        }
        Err(problems) => {
            print_problems(path, &problems, lang);
            None
        }
    }
}

pub fn run(args: &CompareArgs<'_>, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = Catalog::load(crate::store::profiles::user_profile_dir().as_deref(), lang);
    let today = args.today.unwrap_or_else(crate::clock::today_in_japan);
    let Some((first, first_profile)) = load(args.first, &catalog, lang) else {
        return Ok(ExitCode::FAILURE);
    };
    let (second, second_profile, mapping) = match (args.second, args.as_profile) {
        (Some(path), _) => {
            let Some((plan, profile)) = load(path, &catalog, lang) else {
                return Ok(ExitCode::FAILURE);
            };
            (plan, profile, None)
        }
        (None, Some(word)) => {
            let Some(entry) = crate::cli::find_profile(&catalog, word, lang) else {
                return Ok(ExitCode::FAILURE);
            };
            match map_plan(&first, first_profile, &entry.profile) {
                Ok(mapped) => (mapped.plan, &entry.profile, Some(mapped.report)),
                Err(e) => {
                    crate::cli::to_stderr(&match lang {
                        Lang::Ja => format!("エラー: {} のプロファイルに写せません（{e}）\n", entry.profile.name),
                        Lang::En => format!("error: cannot read the plan across to {} ({e})\n", entry.profile.name),
                    });
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        (None, None) => {
            crate::cli::to_stderr(lang.pick(
                "エラー: 比較する2つ目の計画ファイルか --as プロファイルを指定してください\n",
                "error: give a second plan file, or --as PROFILE\n",
            ));
            return Ok(ExitCode::from(2));
        }
    };
    let per_year = crate::engine::DEFAULT_PER_YEAR;
    let a = crate::engine::analyze(first_profile, &first, today, per_year);
    let b = crate::engine::analyze(second_profile, &second, today, per_year);
    let comparison = compare((first_profile, &first, &a), (second_profile, &second, &b));
    if args.json {
        let json = CompareJson {
            comparison: &comparison,
            mapping: mapping.as_ref(),
        };
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    write_text(out, &comparison, mapping.as_ref(), lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The readable comparison: who A and B are, the mapping report (when one plan was read
/// across), then each section in two columns.
pub fn write_text(out: &mut impl Write, c: &Comparison, mapping: Option<&MappingReport>, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Ja => format!("Michi 比較（基準日 {}）", c.today),
            Lang::En => format!("Michi comparison (as of {})", c.today),
        }
    )?;
    writeln!(out, "A: {}", side_title(&c.left, lang))?;
    writeln!(out, "B: {}", side_title(&c.right, lang))?;
    if let Some(report) = mapping {
        writeln!(out)?;
        writeln!(
            out,
            "■ {}",
            match lang {
                Lang::Ja => format!("対応づけ（{} → {}）", report.from_city, report.to_city),
                Lang::En => format!("Mapping ({} → {})", report.from_city, report.to_city),
            }
        )?;
        for line in mapping_lines(report, lang) {
            for wrapped in wrap_hanging(&line, 78) {
                writeln!(out, "{wrapped}")?;
            }
        }
    }
    for section in sections(c, lang) {
        write_section(out, &section)?;
    }
    Ok(())
}

fn write_section(out: &mut impl Write, section: &CompareSection) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "■ {}", section.title)?;
    let column = |lines: &[String]| -> Vec<String> { lines.iter().flat_map(|l| wrap_hanging(l, COLUMN)).collect() };
    let [left, right] = &section.sides;
    let (left, right) = (column(left), column(right));
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or("", String::as_str);
        let r = right.get(i).map_or("", String::as_str);
        let line = format!("{}  {r}", pad_right(l, COLUMN));
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
