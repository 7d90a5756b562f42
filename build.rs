//! Prepares the bundled profiles for a fast start: each profiles/*.toml is turned into JSON
//! in OUT_DIR, which the binary reads about six times faster than the TOML (measured in
//! benches/diagnostics.rs). The TOML stays the source and what `profile export` prints;
//! the tests check that both forms give the same profile. A file that does not parse
//! here becomes an empty one, and the binary then reads the TOML and reports its problems.

use std::path::Path;

const BUNDLED: [&str; 5] = ["ageo", "iruma", "kawagoe", "akishima", "joetsu"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=profiles");
    let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    for name in BUNDLED {
        let source = Path::new("profiles").join(format!("{name}.toml"));
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)?;
        let json = toml::from_str::<toml::Table>(&text)
            .ok()
            .and_then(|table| serde_json::to_string(&table).ok())
            .unwrap_or_default();
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)?;
    }
    Ok(())
}
