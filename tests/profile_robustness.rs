//! Whatever the bytes, loading a profile returns problems, never a panic; and every bundled
//! profile loads clean with its provenance recorded.
#![allow(clippy::unwrap_used, clippy::panic)]

use michi::i18n::Lang;
use michi::store::{BUNDLED, parse_profile};
use proptest::prelude::*;

const MINIMAL: &str = include_str!("fixtures/valid/minimal.toml");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_profile("fuzz.toml", &bytes, Lang::En);
    }

    #[test]
    fn mutated_profiles_never_panic_and_problems_have_a_line(
        at in 0usize..MINIMAL.len(),
        len in 0usize..40,
        insert in "[\\PC\u{1b}\u{7}\"\\[\\]={}\n]{0,12}",
    ) {
        let mut text = MINIMAL.to_string();
        let start = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let end = (start..=(start + len).min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(start);
        text.replace_range(start..end, &insert);
        if let Err(problems) = parse_profile("mutant.toml", text.as_bytes(), Lang::En) {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                let rendered = p.render(Lang::En);
                prop_assert!(!rendered.contains('\u{1b}') && !rendered.contains('\u{7}'), "{}", rendered);
            }
        }
    }
}

#[test]
fn every_bundled_profile_loads_without_problems() {
    for (file, text) in BUNDLED {
        let profile = parse_profile(file, text.as_bytes(), Lang::En)
            .unwrap_or_else(|p| panic!("{file}: {}", p.iter().map(|d| d.render(Lang::En)).collect::<String>()));
        assert_eq!(format!("{}.toml", profile.id), *file, "the file is named after the id");
    }
}

#[test]
fn bundled_profiles_say_where_every_value_comes_from() {
    for (file, text) in BUNDLED {
        let p = parse_profile(file, text.as_bytes(), Lang::En).unwrap();
        assert!(p.document.source_file.is_some(), "{file}: document.source_file");
        for c in &p.competencies {
            assert!(!c.source.trim().is_empty(), "{file}: competency {} has no source", c.id);
            assert!(
                !c.aliases.is_empty(),
                "{file}: competency {} needs an English alias for search",
                c.id
            );
        }
        for (_, g) in p.grades() {
            assert!(!g.source.trim().is_empty(), "{file}: grade {} has no source", g.id);
        }
        for r in &p.requirements {
            assert!(
                !r.source.trim().is_empty(),
                "{file}: requirement {}×{}",
                r.grade,
                r.competency
            );
        }
        for t in &p.trainings {
            assert!(!t.source.trim().is_empty(), "{file}: training {}", t.id);
        }
        for s in &p.promotion {
            // Years in grade are never in the documents: they must be marked as examples.
            assert!(
                s.illustrative,
                "{file}: promotion {} → {} years must be illustrative",
                s.from, s.to
            );
        }
        // Every series has a promotion step between each pair of neighbouring grades.
        for series in &p.job_series {
            for pair in series.grades.windows(2) {
                assert!(
                    p.promotion.iter().any(|s| s.from == pair[0].id && s.to == pair[1].id),
                    "{file}: no promotion step {} → {}",
                    pair[0].id,
                    pair[1].id
                );
            }
        }
    }
}

#[test]
fn prepared_bundled_profiles_are_the_toml_ones() {
    let prepared = michi::store::profiles::prepared_bundled();
    assert_eq!(prepared.len(), BUNDLED.len());
    for ((file, text), prepared) in BUNDLED.iter().zip(prepared) {
        let from_toml = parse_profile(file, text.as_bytes(), Lang::En).unwrap();
        assert_eq!(
            prepared.as_ref(),
            Some(&from_toml),
            "{file}: build.rs prepared a different profile"
        );
    }
}
