//! The headless commands. Each returns an exit code: 0 success, 1 bad input (the problems
//! are printed), 2 usage errors (clap's own).

mod profile;

use std::io::Write;
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
    #[arg(long, global = true, value_enum, env = "MICHI_LANG", default_value = "ja")]
    pub lang: Lang,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, check and export municipal profiles.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Print a shell completion script (bash, zsh, fish, …) to standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
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
    /// Print a profile: its TOML source, or the resolved profile as JSON.
    Export {
        /// Profile id (see `michi profile list`).
        id: String,
        /// Print the resolved profile as JSON (every grade × competency requirement filled in).
        #[arg(long)]
        json: bool,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.lang;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        None => {
            let msg = lang.pick(
                "Michi（道）— キャリアパス計画ツール。画面版は準備中です。`michi --help` でコマンドを確認できます。",
                "Michi (道) — career-path planner. The full-screen app is coming; see `michi --help` for the commands.",
            );
            writeln!(out, "{msg}").map(|_| ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "michi", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Profile(cmd)) => profile::run(cmd, lang, &mut out),
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
