//! Writes the generated bad files into a folder, to measure `michi` on them by hand:
//! `cargo run --release --example badgen -- /tmp/bad`, then for example
//! `/usr/bin/time -v target/release/michi plan check /tmp/bad/two-mib-150k-problems.toml`.

#[path = "../tests/support/badgen.rs"]
mod badgen;

fn main() -> std::io::Result<()> {
    let dir = std::path::PathBuf::from(std::env::args_os().nth(1).unwrap_or_else(|| "bad-files".into()));
    std::fs::create_dir_all(&dir)?;
    for case in badgen::cases() {
        let path = dir.join(format!("{}.toml", case.name));
        std::fs::write(&path, &case.text)?;
        let kind = match case.kind {
            badgen::Kind::Plan => "plan",
            badgen::Kind::Profile => "profile",
        };
        println!(
            "{kind}\t{}\t{} bytes\tat least {} problems",
            path.display(),
            case.text.len(),
            case.at_least
        );
    }
    Ok(())
}
