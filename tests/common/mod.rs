//! Helpers shared by the integration tests.

use serde_json::Value;
use std::process::Command;

/// `michi profile export ID --json` from the real binary, with no user profiles in play.
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
