//! `michi workshop sheet`: a career-design workshop's worksheet (life-line, Will-Can-Must,
//! the next ten years) for A4, blank to write on or filled in from a plan, as the same
//! self-contained HTML as the interview sheet (or Markdown).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use crate::export::worksheet;
use crate::i18n::Lang;
use crate::model::Date;
use crate::store::fsio::Keep;
use crate::store::load_plan_file;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetKind {
    /// ライフラインチャート: 充実度 by year, from hire to retirement.
    Lifeline,
    /// Will-Can-Must.
    Wcm,
    /// これからの10年: 55 to 65.
    Next10,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// A4 portrait HTML to print from a browser.
    Html,
    Md,
}

#[derive(Debug, Subcommand)]
pub enum WorkshopCommand {
    /// Print a worksheet for A4: blank, or filled in from PLAN.
    Sheet {
        #[arg(long, value_enum)]
        kind: SheetKind,
        /// A plan TOML file to fill the sheet in from (none: a blank sheet).
        plan: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = SheetFormat::Html)]
        format: SheetFormat,
        /// Write here (0600) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
        /// The as-of date (YYYY-MM-DD); default: a sample's own date, else today in Japan.
        #[arg(long, value_parser = crate::cli::plan::parse_today)]
        today: Option<Date>,
    },
}

pub fn run(command: WorkshopCommand, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let WorkshopCommand::Sheet {
        kind,
        plan,
        format,
        output,
        force,
        today,
    } = command;
    let sheet = match plan {
        None => match kind {
            SheetKind::Lifeline => worksheet::lifeline::blank(lang),
            SheetKind::Wcm => worksheet::wcm::blank(lang),
            SheetKind::Next10 => worksheet::next10::blank(lang),
        },
        Some(path) => {
            let catalog = crate::cli::plan::catalog(lang);
            let plan = match load_plan_file(&path, &catalog, lang) {
                Ok(plan) => plan,
                Err(problems) => {
                    crate::cli::plan::print_problems(&path, &problems, lang);
                    return Ok(ExitCode::FAILURE);
                }
            };
            let Some(entry) = catalog.get(&plan.profile) else {
                return Ok(ExitCode::FAILURE);
            };
            let today = today.or(plan.as_of).unwrap_or_else(crate::clock::today_in_japan);
            let profile = &entry.profile;
            match kind {
                SheetKind::Lifeline => worksheet::lifeline::prefilled(profile, &plan, today, lang),
                SheetKind::Wcm => worksheet::wcm::prefilled(profile, &plan, lang),
                SheetKind::Next10 => worksheet::next10::filled(profile, &plan, today, lang),
            }
        }
    };
    let bytes = match format {
        SheetFormat::Html => crate::export::to_html(&sheet, lang).into_bytes(),
        SheetFormat::Md => crate::export::to_markdown(&sheet).into_bytes(),
    };
    write(output.as_deref(), &bytes, force, lang, out)
}

fn write(path: Option<&Path>, bytes: &[u8], force: bool, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    match path.filter(|p| p.as_os_str() != "-") {
        None => out.write_all(bytes)?,
        Some(file) => {
            if let Err(code) = crate::cli::output::write_new_file(file, bytes, force, Keep::Private, lang) {
                return Ok(code);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
