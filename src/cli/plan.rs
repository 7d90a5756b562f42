//! `michi plan analyze | new | check` and `michi grade diff`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::profile::write_table;
use crate::engine;
use crate::i18n::Lang;
use crate::model::{Date, Entity, Grade, GradeHit, JobSeries, Profile, Reading};
use crate::store::fsio::Keep;
use crate::store::profiles::user_profile_dir;
use crate::store::{Catalog, Diagnostic, Problems, load_plan_file};
use crate::text::escape_controls;

mod export;
mod next10;
mod report;

pub use export::{ExportArgs, export};
pub use next10::next10;

use crate::export::json::AnalysisJson;
pub use report::write_report;

pub(crate) fn catalog(lang: Lang) -> Catalog {
    Catalog::load(user_profile_dir().as_deref(), lang)
}

/// The problems of a file on standard error, then a line counting them.
pub(crate) fn print_problems(path: &Path, problems: &Problems, lang: Lang) {
    crate::cli::to_stderr(&problems.render(lang));
    crate::cli::to_stderr(&format!("{}\n", problems.summary(&path.display().to_string(), lang)));
}

/// What the plan file wrote as names where ids belong, and the ids they were read as, on
/// standard error.
pub(crate) fn print_names_read(plan: &crate::model::Plan, lang: Lang) {
    for read in &plan.names_read {
        crate::cli::to_stderr(&format!(
            "{}: {}\n",
            lang.pick("お知らせ", "notice"),
            escape_controls(&read.notice(lang))
        ));
    }
}

/// Parses `--today`.
pub fn parse_today(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

pub fn analyze(
    path: &Path,
    today: Option<Date>,
    json: bool,
    per_year: usize,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    let plan = match load_plan_file(path, &catalog, lang) {
        Ok(plan) => plan,
        Err(d) => {
            print_problems(path, &d, lang);
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(entry) = catalog.get(&plan.profile) else {
        return Ok(ExitCode::FAILURE);
    };
    print_names_read(&plan, lang);
    // A sample is analysed as of the date its story is told, unless a date is asked for.
    let today = today.or(plan.as_of).unwrap_or_else(crate::clock::today_in_japan);
    let analysis = engine::analyze(&entry.profile, &plan, today, per_year);
    if json {
        serde_json::to_writer_pretty(&mut *out, &AnalysisJson::new(&entry.profile, &plan, &analysis))
            .map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        write_report(out, &entry.profile, &plan, &analysis, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(path: &Path, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    match load_plan_file(path, &catalog, lang) {
        Ok(plan) => {
            let profile = catalog.get(&plan.profile).map(|e| &e.profile);
            let grade = profile.map_or_else(String::new, |p| crate::describe::current_grade(p, &plan));
            let target = profile
                .and_then(|p| p.grade(&plan.target_grade))
                .map_or("", |(_, g)| g.name.as_str());
            let name = profile.map_or("", |p| p.name.as_str());
            writeln!(
                out,
                "ok: {} — {name}: {grade} → {target}",
                escape_controls(&path.display().to_string())
            )?;
            print_names_read(&plan, lang);
            Ok(ExitCode::SUCCESS)
        }
        Err(d) => {
            print_problems(path, &d, lang);
            Ok(ExitCode::FAILURE)
        }
    }
}

/// What `michi grade diff` is asked: each word an id, a name or an alias.
pub struct DiffArgs<'a> {
    pub profile: &'a str,
    pub series: Option<&'a str>,
    pub from: &'a str,
    pub to: &'a str,
}

/// The grade a command-line word names (see [`crate::model::Profile::read_grade`]); says on
/// standard error why there is none.
fn find_grade<'p>(p: &'p Profile, series: Option<&'p JobSeries>, word: &str, lang: Lang) -> Option<&'p Grade> {
    match p.read_grade(word, series) {
        Reading::Id(hit) | Reading::Name(hit) => Some(hit.grade),
        Reading::Ambiguous(found) => {
            let candidates: Vec<String> = found.iter().map(GradeHit::describe).collect();
            let hint = lang.pick(
                "ID で書くか、--series で職系を指定してください",
                "write the id, or name the job series with --series",
            );
            crate::cli::report_ambiguous(&p.id, word, Entity::Grade, &candidates, Some(hint.into()), lang);
            None
        }
        Reading::Unknown => {
            let grades: Vec<String> = p.grades().map(|(_, g)| format!("{} ({})", g.id, g.name)).collect();
            crate::cli::to_stderr(
                &Diagnostic::file_level(
                    &p.id,
                    match lang {
                        Lang::Ja => format!("職級 `{word}` はありません"),
                        Lang::En => format!("no grade `{word}` in this profile"),
                    },
                    match lang {
                        Lang::Ja => format!("使える職級（ID または名前）: {}", grades.join(", ")),
                        Lang::En => format!("grades (id or name): {}", grades.join(", ")),
                    },
                )
                .render(lang),
            );
            None
        }
    }
}

/// `michi grade diff --profile ID [--series S] FROM TO`.
pub fn grade_diff(args: &DiffArgs<'_>, json: bool, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    let Some(entry) = crate::cli::find_profile(&catalog, args.profile, lang) else {
        return Ok(ExitCode::FAILURE);
    };
    let p = &entry.profile;
    let series = match args.series.map(|word| (word, p.read_series(word))) {
        None => None,
        Some((_, Reading::Id(s) | Reading::Name(s))) => Some(s),
        Some((word, Reading::Ambiguous(found))) => {
            let candidates: Vec<String> = found.iter().map(|s| format!("{}（{}）", s.id, s.name)).collect();
            crate::cli::report_ambiguous(&p.id, word, Entity::Series, &candidates, None, lang);
            return Ok(ExitCode::FAILURE);
        }
        Some((word, Reading::Unknown)) => {
            let known: Vec<String> = p.job_series.iter().map(|s| format!("{} ({})", s.id, s.name)).collect();
            crate::cli::to_stderr(
                &Diagnostic::file_level(
                    &p.id,
                    match lang {
                        Lang::Ja => format!("職系 `{word}` はありません"),
                        Lang::En => format!("no job series `{word}` in this profile"),
                    },
                    match lang {
                        Lang::Ja => format!("使える職系（ID または名前）: {}", known.join(", ")),
                        Lang::En => format!("job series (id or name): {}", known.join(", ")),
                    },
                )
                .render(lang),
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let (Some(from), Some(to)) = (
        find_grade(p, series, args.from, lang),
        find_grade(p, series, args.to, lang),
    ) else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(diff) = engine::grade_diff(p, series.map(|s| s.id.as_str()), &from.id, &to.id) else {
        return Ok(ExitCode::FAILURE);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &diff).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Where several ladders share grades, the ladder the levels are counted on is named.
    let ladder = diff
        .series
        .as_deref()
        .and_then(|id| p.series(id))
        .filter(|_| p.job_series.len() > 1)
        .map_or_else(String::new, |s| format!("{}{}", lang.pick("・", ", "), s.name));
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Ja => format!("{} と {} の違い（{}{ladder}）", diff.from_name, diff.to_name, p.name),
            Lang::En => format!(
                "What {} asks that {} does not ({}{ladder})",
                diff.to_name, diff.from_name, p.name_romaji
            ),
        }
    )?;
    let cell = |level, emphasis, derived: &Option<String>, illustrative| {
        crate::describe::level_cell(p, level, emphasis, illustrative, derived.is_some(), lang)
    };
    let rows: Vec<[String; 3]> = diff
        .changes
        .iter()
        .map(|r| {
            [
                r.competency_name.clone(),
                cell(
                    r.from_level,
                    r.from_emphasis,
                    &r.from_derived,
                    r.illustrative && r.from_level.is_some(),
                ),
                cell(
                    r.to_level,
                    r.to_emphasis,
                    &r.to_derived,
                    r.illustrative && r.to_level.is_some(),
                ),
            ]
        })
        .collect();
    if p.competencies.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "（文書に能力表なし。役割の違いは下のとおりです）",
                "(the document has no ability table; the roles that differ follow)"
            )
        )?;
    } else if p.requirements.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "（文書は職級ごとの能力の要件を示していません。役割の違いは下のとおりです）",
                "(the document sets no ability requirements per grade; the roles that differ follow)"
            )
        )?;
    } else if rows.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("（要件の違いはありません）", "(no difference in requirements)")
        )?;
    } else {
        write_table(
            out,
            &[lang.pick("能力", "Competency"), &diff.from_name, &diff.to_name],
            &rows,
        )?;
        for line in crate::describe::scale_legend(p, lang) {
            writeln!(out, "  {line}")?;
        }
    }
    for r in diff
        .changes
        .iter()
        .filter(|r| r.to_descriptor.is_some() && r.to_descriptor != r.from_descriptor)
    {
        writeln!(out)?;
        writeln!(out, "【{}】", r.competency_name)?;
        if let Some(d) = &r.from_descriptor {
            writeln!(out, "  {}: {}", diff.from_name, d.replace('\n', " "))?;
        }
        if let Some(d) = &r.to_descriptor {
            writeln!(out, "  {}: {}", diff.to_name, d.replace('\n', " "))?;
        }
    }
    if !diff.new_roles.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Ja => format!("{} で新たに求められる役割:", diff.to_name),
                Lang::En => format!("Roles new at {}:", diff.to_name),
            }
        )?;
        for role in &diff.new_roles {
            writeln!(out, "  ・{role}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `michi plan new`: a starter plan with comments, to stdout or a new private file.
pub fn new_plan(
    profile_id: &str,
    output: Option<&PathBuf>,
    force: bool,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let catalog = catalog(lang);
    let Some(entry) = crate::cli::find_profile(&catalog, profile_id, lang) else {
        return Ok(ExitCode::FAILURE);
    };
    let text = crate::store::template::starter_plan(&entry.profile, crate::clock::today_in_japan(), lang);
    match output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            if let Err(code) = crate::cli::output::write_new_file(path, &text, force, Keep::Private, lang) {
                return Ok(code);
            }
            writeln!(
                out,
                "{}",
                match lang {
                    Lang::Ja => format!("計画を作成しました: {}", path.display()),
                    Lang::En => format!("wrote a new plan: {}", path.display()),
                }
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
