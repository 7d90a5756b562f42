//! Prepares the bundled profiles for a fast start: each profiles/*.toml is turned into JSON
//! in OUT_DIR, which the binary reads about six times faster than the TOML (measured in
//! benches/diagnostics.rs). The TOML stays the source and what `profile export` prints;
//! the tests check that both forms give the same profile. A file that does not parse
//! here becomes an empty one, and the binary then reads the TOML and reports its problems.
//!
//! It also writes `bundled_headers.rs`: each profile's id, names and document title, all
//! the start screen shows of it, so the app's first frame need not wait for the profiles.

use std::path::Path;

const BUNDLED: [&str; 5] = ["ageo", "iruma", "kawagoe", "akishima", "joetsu"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=profiles");
    let out = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    let mut headers = String::from("&[\n");
    for name in BUNDLED {
        let source = Path::new("profiles").join(format!("{name}.toml"));
        println!("cargo:rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source)?;
        let table = toml::from_str::<toml::Table>(&text).ok();
        if let Some(table) = &table {
            let text_of = |value: Option<&toml::Value>| value.and_then(toml::Value::as_str).unwrap_or("").to_string();
            let document = table.get("document").and_then(toml::Value::as_table);
            // Debug formatting writes a Rust string literal, escapes included.
            headers.push_str(&format!(
                "    ProfileHeader {{ id: {:?}, name: {:?}, name_romaji: {:?}, title: {:?} }},\n",
                text_of(table.get("id")),
                text_of(table.get("name")),
                text_of(table.get("name_romaji")),
                text_of(document.and_then(|d| d.get("title"))),
            ));
        }
        let json = table
            .and_then(|table| serde_json::to_string(&table).ok())
            .unwrap_or_default();
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)?;
    }
    headers.push(']');
    std::fs::write(Path::new(&out).join("bundled_headers.rs"), headers)?;
    Ok(())
}
