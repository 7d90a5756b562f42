//! Helpers shared by the integration tests.

use serde_json::Value;
use std::process::Command;

/// `michi profile export ID --json` from the real binary, with no user profiles in play.
#[allow(dead_code)]
pub fn export_profile(id: &str) -> Value {
    let empty = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-user-profiles");
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .args(["profile", "export", id, "--json"])
        .env("MICHI_CONFIG_DIR", empty)
        .output()
        .expect("run michi");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// A config folder holding one user profile, `file`, with `text`.
#[allow(dead_code)]
pub fn config_with_profile(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("profiles")).expect("profiles dir");
    std::fs::write(dir.path().join("profiles").join(file), text).expect("profile");
    dir
}

/// The real binary with `config` as its config folder: exit code, stdout, stderr.
#[allow(dead_code)]
pub fn michi_in(config: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config)
        .env_remove("MICHI_LANG")
        .args(args)
        .output()
        .expect("run michi");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

/// A page printed to PDF by headless Chromium (installed by `.ci/run`): what `pdfinfo`
/// says of it, its page count, and its text (`pdftotext`) as printed and with the
/// whitespace taken out.
#[allow(dead_code)]
pub struct Printed {
    pub info: String,
    pub pages: u32,
    pub text: String,
    pub squashed: String,
}

#[allow(dead_code)]
fn found(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Prints the HTML file `page` beside itself as a PDF. None, with a notice, where Chromium
/// or poppler-utils is missing — never in CI, which must print.
#[allow(dead_code)]
pub fn print_html(page: &std::path::Path) -> Option<Printed> {
    if !(found("chromium") && found("pdftotext") && found("pdfinfo")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must print: .ci/run installs chromium and poppler-utils"
        );
        eprintln!("chromium or poppler-utils not found: the print test is skipped (run .ci/run to install them)");
        return None;
    }
    let pdf = page.with_extension("pdf");
    let printed = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ])
        .output()
        .expect("run chromium");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&printed.stderr));
    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().expect("pdfinfo").stdout).expect("utf-8");
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count");
    let text = Command::new("pdftotext")
        .args([pdf.to_str().expect("a path"), "-"])
        .output()
        .expect("pdftotext")
        .stdout;
    let text = String::from_utf8(text).expect("utf-8");
    let squashed = text.chars().filter(|c| !c.is_whitespace()).collect();
    Some(Printed {
        info,
        pages,
        text,
        squashed,
    })
}

/// 上越 with a three-year tenure marked as Michi's example, as the user profile
/// `joetsu_tenure` in `dir/config/profiles` (the bundled profiles give no tenure).
#[allow(dead_code)]
pub fn add_joetsu_tenure_profile(dir: &std::path::Path) {
    let bundled =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/joetsu.toml"))
            .expect("joetsu profile");
    let text = bundled
        .replacen("id = \"joetsu\"", "id = \"joetsu_tenure\"", 1)
        .replacen(
            "[rotation]\n",
            "[rotation]\ntypical_tenure_years = 3\ntenure_illustrative = true\n",
            1,
        );
    assert_ne!(text, bundled, "the tenure went in");
    std::fs::create_dir_all(dir.join("config/profiles")).expect("profiles dir");
    std::fs::write(dir.join("config/profiles/joetsu_tenure.toml"), text).expect("profile");
}
