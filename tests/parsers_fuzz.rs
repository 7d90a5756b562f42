//! Whatever the bytes, every parser (profile, plan, settings) answers with a value or with
//! problems that have a place in the file, never a panic: random bytes, and random edits
//! of every bundled profile, every persona and the generated bad files.
#![allow(clippy::unwrap_used, clippy::panic)]

// Shared with bad_input.rs and the benches; this test edits only the small cases.
#[allow(dead_code)]
#[path = "support/badgen.rs"]
mod badgen;

use std::sync::OnceLock;

use michi::i18n::Lang;
use michi::store::personas::PERSONAS;
use michi::store::settings::parse_settings;
use michi::store::{BUNDLED, Catalog, Problems, parse_plan, parse_profile};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::load(None, Lang::En))
}

/// Every problem has a line and column inside the text, and nothing that drives a terminal
/// or starts a line of its own reaches the report.
fn assert_located(problems: &Problems, text: &[u8]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty());
    let lines = text.split(|&b| b == b'\n').count();
    for d in problems {
        let line = d.line.unwrap_or(0);
        prop_assert!(line >= 1 && line <= lines, "{:?} outside {} lines", d.line, lines);
        prop_assert!(d.column.is_some_and(|c| c >= 1), "{:?}", d);
        let rendered = d.render(Lang::En);
        prop_assert!(
            !rendered.chars().any(|c| michi::text::is_forbidden_char(c) || c == '\r'),
            "{:?}",
            rendered
        );
        prop_assert_eq!(
            rendered.lines().filter(|l| l.starts_with("error: ")).count(),
            1,
            "{}",
            rendered
        );
    }
    Ok(())
}

/// `text` with the bytes `at..at + len` (moved to character boundaries) replaced by `insert`.
fn mutate(text: &str, at: usize, len: usize, insert: &str) -> String {
    let mut text = text.to_string();
    let at = at % (text.len() + 1);
    let start = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let end = (start..=(start + len).min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    text.replace_range(start..end, insert);
    text
}

const JUNK: &str = "[\\PC\u{1b}\u{7}\u{202e}\t\n\"\\\\\\[\\]={}#.,]{0,12}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_through_every_parser(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        if let Err(p) = parse_profile("fuzz.toml", &bytes, Lang::En) {
            assert_located(&p, &bytes)?;
        }
        if let Err(p) = parse_plan("fuzz.toml", &bytes, catalog(), Lang::En) {
            assert_located(&p, &bytes)?;
        }
        if let Err(p) = parse_settings("fuzz.toml", &bytes, Lang::En) {
            assert_located(&p, &bytes)?;
        }
    }

    #[test]
    fn edited_bundled_profiles(which in 0..BUNDLED.len(), at in any::<usize>(), len in 0usize..40, insert in JUNK) {
        let (_, text) = BUNDLED[which];
        let text = mutate(text, at, len, &insert);
        if let Err(p) = parse_profile("mutant.toml", text.as_bytes(), Lang::En) {
            assert_located(&p, text.as_bytes())?;
        }
    }

    #[test]
    fn edited_personas(which in 0..PERSONAS.len(), at in any::<usize>(), len in 0usize..40, insert in JUNK) {
        let (_, text) = PERSONAS[which];
        let text = mutate(text, at, len, &insert);
        if let Err(p) = parse_plan("mutant.toml", text.as_bytes(), catalog(), Lang::En) {
            assert_located(&p, text.as_bytes())?;
        }
        if let Err(p) = parse_settings("mutant.toml", text.as_bytes(), Lang::En) {
            assert_located(&p, text.as_bytes())?;
        }
    }

    #[test]
    fn edited_bad_files(which in 0usize..5, at in any::<usize>(), len in 0usize..40, insert in JUNK) {
        // Small versions of the generated cases: the edits matter, not the size.
        let (text, profile) = match which {
            0 => (badgen::repeated_training_one_line(200), false),
            1 => (badgen::distinct_unknown_trainings(200, 0), false),
            2 => (badgen::profile_unknown_competencies(200), true),
            3 => (badgen::overlapping_postings(50), false),
            _ => (badgen::forged_lines(), false),
        };
        let text = mutate(&text, at, len, &insert);
        let result = if profile {
            parse_profile("mutant.toml", text.as_bytes(), Lang::En).err()
        } else {
            parse_plan("mutant.toml", text.as_bytes(), catalog(), Lang::En).err()
        };
        if let Some(p) = result {
            assert_located(&p, text.as_bytes())?;
        }
    }
}
