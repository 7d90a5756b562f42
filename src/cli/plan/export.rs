//! `michi export`: a plan's 面談シート as Markdown, CSV or JSON, to standard output or a new
//! private file (0600: it holds personal data), never over an existing one without --force.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::ExportFormat;
use crate::engine;
use crate::export::{SheetOptions, sheet, to_csv, to_html, to_markdown, to_xlsx};
use crate::i18n::Lang;
use crate::model::Date;
use crate::store::fsio::Keep;
use crate::store::load_plan_file;

pub struct ExportArgs<'a> {
    pub format: ExportFormat,
    pub output: Option<&'a Path>,
    pub force: bool,
    pub fy: Option<i32>,
    pub with_self_report: bool,
    pub anonymous: bool,
    pub today: Option<Date>,
}

/// The JSON export: the sheet, the whole analysis and the interview record.
#[derive(Serialize)]
struct ExportJson<'a> {
    sheet: &'a crate::export::Sheet,
    analysis: super::AnalysisJson<'a>,
    name: Option<&'a str>,
    interviews: &'a [crate::model::Interview],
    notes: &'a [crate::model::Note],
    #[serde(skip_serializing_if = "Option::is_none")]
    self_report: Option<&'a crate::model::SelfReport>,
}

pub fn export(path: &Path, args: ExportArgs<'_>, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let catalog = super::catalog(lang);
    let plan = match load_plan_file(path, &catalog, lang) {
        Ok(plan) => plan,
        Err(d) => {
            super::print_problems(path, &d, lang);
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(entry) = catalog.get(&plan.profile) else {
        return Ok(ExitCode::FAILURE);
    };
    let profile = &entry.profile;
    let today = args.today.unwrap_or_else(crate::clock::today_in_japan);
    let analysis = engine::analyze(profile, &plan, today, engine::DEFAULT_PER_YEAR);
    let options = SheetOptions {
        fy: args.fy.unwrap_or_else(|| today.fiscal_year()),
        with_self_report: args.with_self_report,
        anonymous: args.anonymous,
        lang,
    };
    let sheet = sheet(profile, &plan, &analysis, options);
    let bytes: Vec<u8> = match args.format {
        ExportFormat::Html => to_html(&sheet, lang).into_bytes(),
        ExportFormat::Md => to_markdown(&sheet).into_bytes(),
        ExportFormat::Csv => to_csv(&sheet),
        ExportFormat::Xlsx => match to_xlsx(&sheet, lang) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!(
                    "{}",
                    match lang {
                        Lang::Ja => format!("エラー: ワークブックを作れませんでした: {e}"),
                        Lang::En => format!("error: could not build the workbook: {e}"),
                    }
                );
                return Ok(ExitCode::FAILURE);
            }
        },
        ExportFormat::Json => {
            let private = !args.anonymous;
            let json = ExportJson {
                sheet: &sheet,
                analysis: super::AnalysisJson::new(profile, &plan, &analysis),
                name: plan.name.as_deref().filter(|_| private),
                interviews: if private { &plan.interviews } else { &[] },
                notes: if private { &plan.notes } else { &[] },
                self_report: (args.with_self_report && private).then_some(&plan.self_report),
            };
            let mut text = serde_json::to_string_pretty(&json).map_err(io::Error::from)?;
            text.push('\n');
            text.into_bytes()
        }
    };
    match args.output.filter(|p| p.as_os_str() != "-") {
        None => out.write_all(&bytes)?,
        Some(file) => {
            if let Err(code) = crate::cli::output::write_new_file(file, &bytes, args.force, Keep::Private, lang) {
                return Ok(code);
            }
            eprintln!(
                "{}",
                match lang {
                    Lang::Ja => format!("面談シートを書き出しました: {}", file.display()),
                    Lang::En => format!("wrote the interview sheet: {}", file.display()),
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
