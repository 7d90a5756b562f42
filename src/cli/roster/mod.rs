//! `michi roster`: the HR office's report over a whole roster (the 人事給与 system's export),
//! and its helpers `michi roster synth` (a fictitious roster) and `michi roster map-template`
//! (a mapping file to start from). Exit status: 0 when a report was made, 1 when nothing
//! usable was read, 2 for usage errors.

mod rotation;
mod synth;
mod table;
mod text;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use crate::engine::roster::PlanDemand;
use crate::export::roster::{self as roster_export, RosterTables};
use crate::i18n::Lang;
use crate::model::Date;
use crate::store::fsio::Keep;
use crate::store::roster::{ReadOptions, RosterError, RosterMap, RosterOptions, TextEncoding, read_roster};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RosterFormat {
    Text,
    Json,
    /// Sections one after another, UTF-8 with a BOM and CRLF, for Excel.
    Csv,
    /// An Excel workbook, one worksheet per section (A4 landscape).
    Xlsx,
    /// One HTML file with charts, to print on A4 landscape.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    Utf8,
    #[value(alias = "shift_jis", alias = "shift-jis", alias = "cp932")]
    Sjis,
}

/// `michi roster FILE --profile ID …`, or one of its subcommands.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RosterArgs {
    #[command(subcommand)]
    pub command: Option<RosterCommand>,
    /// The roster: CSV (UTF-8 or Shift_JIS, comma or tab) or an Excel workbook.
    pub file: Option<PathBuf>,
    /// The profile (municipality) id.
    #[arg(long)]
    pub profile: Option<String>,
    /// A mapping file: column names and code tables (see `michi roster map-template`).
    #[arg(long)]
    pub map: Option<PathBuf>,
    /// The as-of date (YYYY-MM-DD); default: today in Japan.
    #[arg(long, value_parser = crate::cli::plan::parse_today)]
    pub today: Option<Date>,
    /// Fiscal years to look ahead.
    #[arg(long, default_value_t = crate::engine::roster::DEFAULT_YEARS)]
    pub years: u16,
    #[arg(long, value_enum, default_value_t = RosterFormat::Text)]
    pub format: RosterFormat,
    /// Write here (0600) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Names and 職員番号 replaced by the row number.
    #[arg(long)]
    pub anonymous: bool,
    /// The CSV's text encoding (default: detected).
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
    /// The workbook sheet to read (default: the first).
    #[arg(long)]
    pub sheet: Option<String>,
    /// A folder of employees' plan files: their planned and suggested trainings are added
    /// to the training demand (the first 2,000 `.toml` files by name).
    #[arg(long)]
    pub plans: Option<PathBuf>,
    /// A posting history (職員番号, 所属, 開始日, 終了日; one row per posting) for the
    /// rotation section.
    #[arg(long)]
    pub history: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Write a fictitious roster with a municipal age and grade structure (and, with
    /// --history-out, the same staff's posting history).
    Synth(synth::SynthArgs),
    /// Write a mapping file to start from, with the profile's ids in comments.
    MapTemplate {
        #[arg(long)]
        profile: String,
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
}

pub(super) fn error(lang: Lang, ja: String, en: String) -> ExitCode {
    eprintln!(
        "{}",
        match lang {
            Lang::Ja => format!("エラー: {ja}"),
            Lang::En => format!("error: {en}"),
        }
    );
    ExitCode::FAILURE
}

/// A workbook that could not be made (the report's or a synthetic roster's).
pub(super) fn workbook_error(lang: Lang, e: impl std::fmt::Display) -> ExitCode {
    error(
        lang,
        format!("Excel ブックを作れません: {e}"),
        format!("cannot make the workbook: {e}"),
    )
}

pub(super) fn profile_of(id: &str, lang: Lang) -> Result<crate::model::Profile, ExitCode> {
    let catalog = crate::store::Catalog::load(crate::store::profiles::user_profile_dir().as_deref(), lang);
    match catalog.get(id) {
        Some(entry) => Ok(entry.profile.clone()),
        None => {
            let known: Vec<&str> = catalog.entries.iter().map(|e| e.profile.id.as_str()).collect();
            Err(error(
                lang,
                format!("プロファイル {id} がありません（あるもの: {}）", known.join(", ")),
                format!("no profile {id} (there are: {})", known.join(", ")),
            ))
        }
    }
}

pub(super) fn write_output(
    path: Option<&Path>,
    bytes: &[u8],
    force: bool,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
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

pub fn run(args: RosterArgs, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    match args.command {
        Some(RosterCommand::Synth(synth)) => synth::run(synth, lang, out),
        Some(RosterCommand::MapTemplate { profile, output, force }) => {
            let profile = match profile_of(&profile, lang) {
                Ok(p) => p,
                Err(code) => return Ok(code),
            };
            let text = crate::store::roster::map::template(&profile);
            write_output(output.as_deref(), text.as_bytes(), force, lang, out)
        }
        None => report(args, lang, out),
    }
}

fn report(args: RosterArgs, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    if args.format == RosterFormat::Xlsx && args.output.is_none() && io::stdout().is_terminal() {
        eprintln!(
            "{}",
            lang.pick(
                "Excel ブックは -o FILE.xlsx で書き出してください",
                "write the workbook with -o FILE.xlsx"
            )
        );
        return Ok(ExitCode::from(2));
    }
    let (Some(file), Some(profile)) = (&args.file, &args.profile) else {
        eprintln!(
            "{}",
            lang.pick(
                "使い方: michi roster FILE --profile ID（michi roster --help）",
                "usage: michi roster FILE --profile ID (michi roster --help)"
            )
        );
        return Ok(ExitCode::from(2));
    };
    let profile = match profile_of(profile, lang) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let map = match &args.map {
        None => RosterMap::default(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => {
                    return Ok(error(
                        lang,
                        format!("{} を読めません: {e}", path.display()),
                        format!("cannot read {}: {e}", path.display()),
                    ));
                }
            };
            match toml::from_str::<RosterMap>(&text) {
                Ok(map) => {
                    let unknown = map.unknown_columns();
                    if !unknown.is_empty() {
                        return Ok(error(
                            lang,
                            format!("{}: [columns] に不明なキー {}", path.display(), unknown.join(", ")),
                            format!("{}: unknown keys in [columns]: {}", path.display(), unknown.join(", ")),
                        ));
                    }
                    map
                }
                Err(e) => {
                    return Ok(error(
                        lang,
                        format!("{}: {e}", path.display()),
                        format!("{}: {e}", path.display()),
                    ));
                }
            }
        }
    };
    let options = RosterOptions {
        read: ReadOptions {
            encoding: args.encoding.map(|e| match e {
                EncodingArg::Utf8 => TextEncoding::Utf8,
                EncodingArg::Sjis => TextEncoding::ShiftJis,
            }),
            sheet: args.sheet.clone(),
        },
        today: args.today.unwrap_or_else(crate::clock::today_in_japan),
        years: args.years,
        anonymous: args.anonymous,
    };
    let mut run = match read_roster(file, &profile, &map, &options) {
        Ok(run) => run,
        Err(RosterError::MissingColumns { missing, found }) => {
            let names: Vec<&str> = missing.iter().map(|c| map.header(*c)).collect();
            return Ok(error(
                lang,
                format!(
                    "{}: 必要な列 {} がありません。見出しは {}。--map の [columns] で対応づけてください（michi roster map-template）",
                    file.display(),
                    names.join("・"),
                    crate::describe::roster::found_headers(&found, lang)
                ),
                format!(
                    "{}: the columns {} are missing; the header has {}. Map them in --map [columns] (michi roster map-template)",
                    file.display(),
                    names.join(", "),
                    crate::describe::roster::found_headers(&found, lang)
                ),
            ));
        }
        Err(e @ RosterError::MissingHistoryColumns { .. }) | Err(e @ RosterError::Read(_)) => {
            let e = crate::describe::roster::roster_error(&e, lang);
            return Ok(error(
                lang,
                format!("{} を読めません: {e}", file.display()),
                format!("cannot read {}: {e}", file.display()),
            ));
        }
    };
    if let Some(dir) = &args.plans {
        let catalog = crate::store::Catalog::load(crate::store::profiles::user_profile_dir().as_deref(), lang);
        let folder = match crate::store::team::read_team_folder(dir, &catalog, lang) {
            Ok(folder) => folder,
            Err(e) => {
                return Ok(error(
                    lang,
                    format!("{} を読めません: {e}", dir.display()),
                    format!("cannot read {}: {e}", dir.display()),
                ));
            }
        };
        let mut demand = PlanDemand::new(&profile, options.today, options.years);
        for f in &folder.files {
            match &f.plan {
                Ok(plan) => demand.add(plan),
                Err(problems) => demand.unread(f.file_name(), crate::store::team::first_problem(problems, lang)),
            }
        }
        demand.finish(&mut run.report.training_demand, folder.more);
    }
    let rotation = match &args.history {
        None => None,
        Some(history) => match rotation::section(file, history, &profile, &map, &options) {
            Ok(section) => Some(section),
            Err(e) => {
                let e = match e {
                    RosterError::MissingHistoryColumns { found } => match lang {
                        Lang::Ja => format!(
                            "見出しに 職員番号・所属・開始日 が必要です（見出しは {}）",
                            crate::describe::roster::found_headers(&found, lang)
                        ),
                        Lang::En => format!(
                            "the header needs 職員番号, 所属 and 開始日 (it has {})",
                            crate::describe::roster::found_headers(&found, lang)
                        ),
                    },
                    other => crate::describe::roster::roster_error(&other, lang),
                };
                return Ok(error(
                    lang,
                    format!("{} を読めません: {e}", history.display()),
                    format!("cannot read {}: {e}", history.display()),
                ));
            }
        },
    };
    let bytes = match args.format {
        RosterFormat::Text => {
            let mut b = Vec::new();
            let columns = table::terminal_columns();
            text::write(&mut b, &run, lang, columns)?;
            if let Some(section) = &rotation {
                rotation::write(&mut b, section, lang, columns)?;
            }
            b
        }
        RosterFormat::Json => {
            let mut b = match &rotation {
                None => serde_json::to_vec_pretty(&run),
                Some(section) => serde_json::to_vec_pretty(&rotation::WithRotation {
                    run: &run,
                    rotation: section,
                }),
            }
            .map_err(io::Error::from)?;
            b.push(b'\n');
            b
        }
        RosterFormat::Csv => tables(&run, rotation.as_ref(), lang).to_csv(),
        RosterFormat::Html => {
            roster_export::to_html(&tables(&run, rotation.as_ref(), lang), &run.report, lang).into_bytes()
        }
        RosterFormat::Xlsx => match roster_export::to_xlsx(&tables(&run, rotation.as_ref(), lang)) {
            Ok(bytes) => bytes,
            Err(e) => return Ok(workbook_error(lang, e)),
        },
    };
    let code = write_output(args.output.as_deref(), &bytes, args.force, lang, out)?;
    if code != ExitCode::SUCCESS {
        return Ok(code);
    }
    if run.report.summary.used == 0 {
        return Ok(error(
            lang,
            format!("{}: 使える行がありませんでした", file.display()),
            format!("{}: no usable row", file.display()),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The report's tables, with the rotation section's when `--history` was given.
fn tables(
    run: &crate::store::roster::RosterRun,
    rotation: Option<&crate::store::roster::history::RotationSection>,
    lang: Lang,
) -> RosterTables {
    let tables = RosterTables::new(run, lang);
    match rotation {
        Some(section) => tables.with_rotation(section, lang),
        None => tables,
    }
}
