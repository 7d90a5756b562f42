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
