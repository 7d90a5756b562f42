//! Writes synthetic inputs (michi::testgen) to a folder, to time the real commands on them:
//! `profile-1x.toml`, `profile-10x.toml`, `profile-100x.toml` (profiles 1×, 10×, 100× the size
//! of 入間's) and `plan-10.toml`, `plan-100.toml`, `plan-1000.toml` (plans on the 1× profile,
//! which must then be in the user profile folder: `MICHI_CONFIG_DIR=DIR/config`).
//!
//!     cargo run --release --example write_synthetic -- DIR

use std::path::PathBuf;
use std::process::ExitCode;

use michi::testgen::{ProfileShape, plan_toml, profile_toml};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: write_synthetic DIR");
        return ExitCode::from(2);
    };
    let profiles = dir.join("config").join("profiles");
    let mut files = Vec::new();
    for scale in [1, 10, 100] {
        files.push((
            dir.join(format!("profile-{scale}x.toml")),
            profile_toml(&ProfileShape::scaled(scale)),
        ));
    }
    files.push((profiles.join("synthetic.toml"), profile_toml(&ProfileShape::scaled(1))));
    for postings in [10, 100, 1_000] {
        files.push((
            dir.join(format!("plan-{postings}.toml")),
            plan_toml(&ProfileShape::scaled(1), postings),
        ));
    }
    for (path, text) in files {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
