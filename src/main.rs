//! The `michi` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    michi::cli::run(michi::cli::Cli::parse())
}
