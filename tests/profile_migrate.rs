//! `michi profile migrate` on the real binary: a format 1 profile becomes a valid format 2
//! one with its comments kept, every change of meaning is said, and in place the old file
//! is kept beside the new.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

fn michi(args: &[&str]) -> Output {
    let config = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_michi"))
        .env("MICHI_CONFIG_DIR", config.path())
        .env_remove("MICHI_LANG")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn a_format_1_profile_becomes_a_valid_format_2_one_with_its_comments() {
    let out = michi(&[
        "--lang",
        "en",
        "profile",
        "migrate",
        fixture("valid/minimal.toml").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let migrated = text(&out.stdout);
    assert!(
        migrated.starts_with("# A small but complete profile used by the tests."),
        "{migrated}"
    );
    assert!(migrated.contains("schema_version = 2"), "{migrated}");
    assert!(migrated.contains("kind = \"proficiency\""), "{migrated}");
    assert!(migrated.contains("[[scale.targets]]"), "{migrated}");
    assert!(
        !migrated.contains("level = 2\nsource"),
        "a number per requirement is left: {migrated}"
    );
    // What changes in meaning is said, not done silently.
    let said = text(&out.stderr);
    assert!(said.contains("now have no requirement (not stated)"), "{said}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::write(&file, &migrated).unwrap();
    let check = michi(&["--lang", "en", "profile", "check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        !text(&check.stderr).contains("format 1"),
        "a format 2 file gets no format 1 notice"
    );
}

#[test]
fn checking_a_format_1_profile_says_what_it_means_and_how_to_migrate() {
    let out = michi(&[
        "--lang",
        "en",
        "profile",
        "check",
        fixture("valid/minimal.toml").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let said = text(&out.stderr);
    assert!(said.contains("is format 1"), "{said}");
    assert!(said.contains("michi profile migrate"), "{said}");
}

#[test]
fn in_place_keeps_the_old_file_beside_the_new() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    let original = std::fs::read(fixture("valid/minimal.toml")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let out = michi(&[
        "--lang",
        "en",
        "profile",
        "migrate",
        "--in-place",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&std::fs::read(&file).unwrap()).contains("schema_version = 2"));
    let backup = dir.path().join("sample.toml.format1.bak");
    assert_eq!(std::fs::read(&backup).unwrap(), original);
    // Migrating again refuses: the file is format 2 already, and nothing is touched.
    let again = michi(&[
        "--lang",
        "en",
        "profile",
        "migrate",
        "--in-place",
        file.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already format 2"),
        "{}",
        text(&again.stderr)
    );
    assert_eq!(std::fs::read(&backup).unwrap(), original);
}

#[test]
fn a_profile_whose_every_requirement_quotes_the_document_becomes_a_descriptor_ladder() {
    let mut source = text(&std::fs::read(fixture("valid/minimal.toml")).unwrap());
    source = source.replace(
        "level = 2\nsource = \"見本 3(2)\"",
        "level = 2\ndescriptor = \"倫理観を持って働く。\"\nsource = \"見本 3(2)\"",
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.toml");
    std::fs::write(&file, &source).unwrap();
    let out = michi(&["--lang", "en", "profile", "migrate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let migrated = text(&out.stdout);
    assert!(migrated.contains("kind = \"descriptors\""), "{migrated}");
    assert!(!migrated.contains("[[scale.levels]]"), "{migrated}");
    assert!(!migrated.contains("min = 1"), "{migrated}");
}
