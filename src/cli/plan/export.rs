//! `michi export`: a plan's 面談シート as HTML, Excel, CSV, Markdown or JSON, to standard output or a new
//! private file (0600: it holds personal data), never over an existing one without --force.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ExportFormat;
use crate::engine;
use crate::export::{Format, SheetOptions};
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
    let today = args.today.or(plan.as_of).unwrap_or_else(crate::clock::today_in_japan);
    let analysis = engine::analyze(profile, &plan, today, engine::DEFAULT_PER_YEAR);
    let options = SheetOptions {
        fy: args.fy.unwrap_or_else(|| today.fiscal_year()),
        with_self_report: args.with_self_report,
        anonymous: args.anonymous,
        lang,
    };
    let format = match args.format {
        ExportFormat::Html => Format::Html,
        ExportFormat::Md => Format::Md,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Xlsx => Format::Xlsx,
        ExportFormat::Json => Format::Json,
    };
    let bytes = match format.render(profile, &plan, &analysis, options) {
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
