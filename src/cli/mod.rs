//! The headless commands. Each returns an exit code: 0 success, 1 bad input (the problems
//! are printed), 2 usage errors (clap's own).

mod compare;
mod output;
mod plan;
mod profile;
mod roster;
mod team;
mod workshop;

pub use profile::write_export_json;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::i18n::Lang;

/// Michi (道): a career-path planner for municipal staff, built on each city's
/// human-resource development policy (人材育成基本方針).
#[derive(Debug, Parser)]
#[command(name = "michi", version, about, long_about = None)]
pub struct Cli {
    /// Interface language: ja (default) or en.
    #[arg(long, global = true, value_enum, env = "MICHI_LANG")]
    pub lang: Option<Lang>,

    /// Draw plain ASCII symbols, bars and borders, and show other East-Asian-ambiguous
    /// characters as ASCII (Japanese text stays).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// The terminal draws East-Asian-ambiguous characters (○ ◎ ■ ▶ …) two columns wide
    /// (Tera Term, RLogin, Windows Terminal with CJK settings): lay them out that wide, with
    /// ASCII borders (terminal app; kept in its settings).
    #[arg(long)]
    pub ambiguous_wide: bool,

    /// Show fiscal years without their 和暦 (「2026年度」, not 「2026（令和8年度）」) in the
    /// terminal app; W switches it while the app runs.
    #[arg(long)]
    pub no_wareki: bool,

    /// Colour theme of the terminal app: default, high-contrast (projectors) or mono.
    #[arg(long, global = true, value_parser = ["default", "high-contrast", "mono"])]
    pub theme: Option<String>,

    /// A plan file to open in the terminal app.
    pub plan: Option<PathBuf>,

    /// The as-of date for the terminal app (YYYY-MM-DD), for demos and handouts; shown in
    /// its header. Default: today in Japan.
    #[arg(long, value_parser = plan::parse_today)]
    pub today: Option<crate::model::Date>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, check and export municipal profiles.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Create, check and analyse career plans.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Compare grades.
    #[command(subcommand)]
    Grade(GradeCommand),
    /// The plans in a folder at a glance: grade, target, readiness both ways, the largest
    /// gap, the last interview and the goals still open.
    Team {
        /// A folder of plan TOML files.
        dir: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The HR office's report over a roster (人事給与 export, CSV or Excel): retirements by
    /// year, 役職定年, who turns 60, the age pyramid; `synth` and `map-template` help.
    Roster(roster::RosterArgs),
    /// Write a plan's 面談シート (interview sheet) as HTML for A4, Markdown, CSV or JSON.
    Export {
        /// Plan TOML file.
        plan: PathBuf,
        /// html (A4, to print), md (Markdown), csv (UTF-8 with BOM, for Excel), xlsx or json.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here (0600; `-` or nothing: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
        /// The fiscal year (年度) of the interviews shown; default: the current one.
        #[arg(long)]
        fy: Option<i32>,
        /// Include the 自己申告 (confidential: marked 取扱注意).
        #[arg(long)]
        with_self_report: bool,
        /// Leave out the name and the free text written about the person (for handouts).
        #[arg(long)]
        anonymous: bool,
        /// The as-of date (YYYY-MM-DD); default: today in Japan.
        #[arg(long, value_parser = plan::parse_today)]
        today: Option<crate::model::Date>,
    },
    /// The terminal app for a career-design workshop (キャリアデザイン研修): the cohort's
    /// sample personas first, its guided tour (N), the as-of date fixed and shown, samples
    /// reset with R, names shown as pseudonyms with --anonymous (or A).
    #[command(args_conflicts_with_subcommands = true)]
    Workshop {
        /// `sheet`: print a worksheet (life-line, Will-Can-Must, the next ten years).
        #[command(subcommand)]
        command: Option<workshop::WorkshopCommand>,
        /// The cohort: 3nenme (3rd year since hire), 30dai, 40dai or 55sai; asked for when
        /// not given.
        #[arg(long, value_enum)]
        cohort: Option<crate::store::tours::Cohort>,
        /// Show names as pseudonyms (参加者A, B …).
        #[arg(long)]
        anonymous: bool,
        /// The session's as-of date (YYYY-MM-DD); default: the date the cohort's personas
        /// are told as of.
        #[arg(long, value_parser = plan::parse_today)]
        today: Option<crate::model::Date>,
    },
    /// Print a shell completion script (bash, zsh, fish, …) to standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Two plans side by side, or one person under another city's profile (--as): ladder
    /// and years, retirement and 役職定年, readiness, the largest gaps, the next trainings
    /// and the rotation rules.
    Compare {
        /// Plan TOML file (A).
        plan: PathBuf,
        /// The second plan TOML file (B).
        #[arg(required_unless_present = "as_profile", conflicts_with = "as_profile")]
        other: Option<PathBuf>,
        /// Read plan A across to this profile (id or name) as B: grades by rank, competencies
        /// by name; the mapping report comes first and says what could not be mapped.
        #[arg(long = "as", value_name = "PROFILE")]
        as_profile: Option<String>,
        /// Print JSON instead of the side-by-side text.
        #[arg(long)]
        json: bool,
        /// The as-of date (YYYY-MM-DD); default: today in Japan.
        #[arg(long, value_parser = plan::parse_today)]
        today: Option<crate::model::Date>,
    },
}

/// The formats of `michi export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A4 portrait HTML, to print from a browser.
    Html,
    Md,
    Csv,
    /// An Excel workbook (A4, fit to width).
    Xlsx,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List the available profiles: bundled and your own.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check profile files and report every problem with its line and column.
    Check {
        /// Profile TOML files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite a format 1 profile as format 2 (comments kept), saying what changes in meaning.
    /// Prints the new profile unless --in-place.
    Migrate {
        /// The format 1 profile TOML file.
        file: PathBuf,
        /// Replace the file (the old one is kept beside it as FILE.format1.bak).
        #[arg(long)]
        in_place: bool,
    },
    /// Write a starter profile (format 2) for a municipality, with comments saying what to
    /// copy from its document; its placeholders are warned about until replaced.
    New {
        /// The municipality's name as the document writes it (e.g. 見本市).
        #[arg(long)]
        name: String,
        /// The profile id: lower-case letters, digits, _ and - (e.g. mihon). A placeholder
        /// otherwise, warned about by `profile check`.
        #[arg(long)]
        id: Option<String>,
        /// Write to this file (0644: a profile holds no personal data) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print a profile: its TOML source, or the resolved profile as JSON.
    Export {
        /// Profile id (see `michi profile list`).
        id: String,
        /// Print the resolved profile as JSON (every grade × competency requirement filled in).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Analyse a plan: retirement, trajectory, competency gaps, training plan, rotation.
    Analyze {
        /// Plan TOML file.
        plan: PathBuf,
        /// The date to plan from (YYYY-MM-DD); default: today in Japan.
        #[arg(long, value_parser = plan::parse_today)]
        today: Option<crate::model::Date>,
        /// Print JSON instead of the readable report.
        #[arg(long)]
        json: bool,
        /// Trainings to suggest per fiscal year at most.
        #[arg(long, default_value_t = crate::engine::DEFAULT_PER_YEAR as u8, value_parser = clap::value_parser!(u8).range(1..=20))]
        per_year: u8,
    },
    /// Write a starter plan for a profile, with comments listing what to choose from.
    New {
        /// Profile id or municipality name (see `michi profile list`).
        #[arg(long)]
        profile: String,
        /// Write to this file (created private, 0600) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Check a plan against its profile and report every problem with its line and column.
    Check {
        /// Plan TOML file.
        plan: PathBuf,
    },
    /// The next ten years (これからの10年): the years to 定年, 役職定年 and its extension, pay
    /// after 60, the options after 60, with the national rules and the city's values.
    Next10 {
        /// Plan TOML file.
        plan: PathBuf,
        /// The date to start from (YYYY-MM-DD); default: today in Japan.
        #[arg(long, value_parser = plan::parse_today)]
        today: Option<crate::model::Date>,
        /// Print JSON instead of the readable report.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum GradeCommand {
    /// What one grade asks that another does not: required levels, descriptors and roles.
    Diff {
        /// Profile id or municipality name.
        #[arg(long)]
        profile: String,
        /// The job series (id or name) whose names and ladder to use, where grades of
        /// several series share a name.
        #[arg(long)]
        series: Option<String>,
        /// Grade to compare from (e.g. the current grade): id, name or alias.
        from: String,
        /// Grade to compare to (e.g. the next grade): id, name or alias.
        to: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// The profile a command-line argument names, by id or by name (上越市, Joetsu); says on
/// standard error why there is none (unknown, or a name several profiles go by).
pub(crate) fn find_profile<'c>(
    catalog: &'c crate::store::Catalog,
    word: &str,
    lang: Lang,
) -> Option<&'c crate::store::CatalogEntry> {
    use crate::model::Reading;
    match catalog.read(word) {
        Reading::Id(entry) | Reading::Name(entry) => Some(entry),
        Reading::Ambiguous(found) => {
            let candidates: Vec<String> = found
                .iter()
                .map(|e| format!("{}（{}）", e.profile.id, e.profile.name))
                .collect();
            report_ambiguous(word, word, crate::model::Entity::Profile, &candidates, None, lang);
            None
        }
        Reading::Unknown => {
            report_unknown_profile(catalog, word, lang);
            None
        }
    }
}

/// Tells the user that `word` (given for `place`, e.g. a profile) names several things,
/// listing them, with `hint` or the usual one.
pub(crate) fn report_ambiguous(
    place: &str,
    word: &str,
    entity: crate::model::Entity,
    candidates: &[String],
    hint: Option<String>,
    lang: Lang,
) {
    let kind = crate::model::ProblemKind::AmbiguousName {
        entity,
        name: word.to_string(),
        candidates: candidates.to_vec(),
    };
    let hint = hint.unwrap_or_else(|| kind.hint(lang));
    let d = crate::store::Diagnostic::file_level(place, kind.message(lang), hint);
    to_stderr(&d.render(lang));
}

/// Tells the user there is no profile `id`, listing the ones there are.
pub(crate) fn report_unknown_profile(catalog: &crate::store::Catalog, id: &str, lang: Lang) {
    let known: Vec<&str> = catalog.entries.iter().map(|e| e.profile.id.as_str()).collect();
    let d = crate::store::Diagnostic::file_level(
        id,
        match lang {
            Lang::Ja => format!("プロファイル `{id}` はありません"),
            Lang::En => format!("no profile with id `{id}`"),
        },
        match lang {
            Lang::Ja => format!("使えるID: {}（`michi profile list` で一覧）", known.join(", ")),
            Lang::En => format!("available ids: {} (see `michi profile list`)", known.join(", ")),
        },
    );
    to_stderr(&d.render(lang));
}

/// Writes a report to standard error. A closed standard error (`2>&1 | head`) is not worth
/// a panic, which `eprint!` would give: what could not be written is dropped.
pub(crate) fn to_stderr(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.lang.unwrap_or_default();
    if cli.command.is_none() {
        return crate::tui::run(crate::tui::Options {
            lang: cli.lang,
            ascii: cli.ascii,
            theme: cli.theme.as_deref().and_then(crate::tui::theme::ThemeKind::parse),
            plan: cli.plan,
            today: cli.today,
            workshop: None,
            no_wareki: cli.no_wareki,
            ambiguous_wide: cli.ambiguous_wide,
        });
    }
    if let Some(Command::Workshop {
        command: None,
        cohort,
        anonymous,
        today,
    }) = cli.command
    {
        return crate::tui::run(crate::tui::Options {
            lang: cli.lang,
            ascii: cli.ascii,
            theme: cli.theme.as_deref().and_then(crate::tui::theme::ThemeKind::parse),
            plan: None,
            today: today.or(cli.today),
            workshop: Some(crate::tui::WorkshopOptions { cohort, anonymous }),
            no_wareki: cli.no_wareki,
            ambiguous_wide: cli.ambiguous_wide,
        });
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Some(Command::Workshop {
            command: Some(command), ..
        }) => workshop::run(command, lang, &mut out),
        None | Some(Command::Workshop { .. }) => Ok(ExitCode::SUCCESS),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "michi", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Profile(cmd)) => profile::run(cmd, lang, &mut out),
        Some(Command::Team { dir, json }) => team::run(&dir, json, lang, &mut out),
        Some(Command::Roster(args)) => roster::run(args, lang, &mut out),
        Some(Command::Export {
            plan,
            format,
            output,
            force,
            fy,
            with_self_report,
            anonymous,
            today,
        }) => plan::export(
            &plan,
            plan::ExportArgs {
                format,
                output: output.as_deref(),
                force,
                fy,
                with_self_report,
                anonymous,
                today,
            },
            lang,
            &mut out,
        ),
        Some(Command::Plan(PlanCommand::Analyze {
            plan,
            today,
            json,
            per_year,
        })) => plan::analyze(&plan, today, json, usize::from(per_year), lang, &mut out),
        Some(Command::Plan(PlanCommand::New { profile, output, force })) => {
            plan::new_plan(&profile, output.as_ref(), force, lang, &mut out)
        }
        Some(Command::Plan(PlanCommand::Check { plan })) => plan::check(&plan, lang, &mut out),
        Some(Command::Plan(PlanCommand::Next10 { plan, today, json })) => {
            plan::next10(&plan, today, json, lang, &mut out)
        }
        Some(Command::Compare {
            plan,
            other,
            as_profile,
            json,
            today,
        }) => compare::run(
            &compare::CompareArgs {
                first: &plan,
                second: other.as_deref(),
                as_profile: as_profile.as_deref(),
                json,
                today,
            },
            lang,
            &mut out,
        ),
        Some(Command::Grade(GradeCommand::Diff {
            profile,
            series,
            from,
            to,
            json,
        })) => plan::grade_diff(
            &plan::DiffArgs {
                profile: &profile,
                series: series.as_deref(),
                from: &from,
                to: &to,
            },
            json,
            lang,
            &mut out,
        ),
    };
    // A closed pipe (`michi profile list | head`) is not an error worth a message.
    result.unwrap_or_else(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            ExitCode::SUCCESS
        } else {
            eprintln!("michi: {e}");
            ExitCode::FAILURE
        }
    })
}
