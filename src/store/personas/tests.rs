//! Every persona loads, validates and says only what is true as of its `as_of` date.

use super::*;
use crate::i18n::Lang;
use crate::model::Plan;
use crate::store::{Catalog, parse_plan};

fn plans() -> Vec<(&'static str, &'static str, Plan)> {
    let catalog = Catalog::load(None, Lang::Ja);
    PERSONAS
        .iter()
        .map(|(name, text)| {
            let plan = parse_plan(name, text.as_bytes(), &catalog, Lang::Ja)
                .unwrap_or_else(|d| panic!("{name}: {}", d.render(Lang::Ja)));
            (*name, *text, plan)
        })
        .collect()
}

#[test]
fn every_persona_is_described_in_both_languages() {
    for (name, text) in PERSONAS {
        let (ja, en) = (description(text, Lang::Ja), description(text, Lang::En));
        assert!(!ja.is_empty() && !en.is_empty() && ja != en, "{name}");
        assert!(en.is_ascii() || en.contains(':'), "{name}: {en}");
    }
}

#[test]
fn every_persona_loads_validates_and_carries_its_as_of_date() {
    for (name, text, plan) in plans() {
        assert!(plan.sample, "{name}: a sample");
        let date = plan.as_of.unwrap_or_else(|| panic!("{name}: no as_of"));
        assert_eq!(as_of(text), Some(date), "{name}: the quick reading agrees");
        assert_eq!(name_of(text), plan.name.as_deref(), "{name}: the quick reading agrees");
        assert!(date >= plan.hire_date, "{name}: told after the hire");
    }
}

/// A fact a description states, by the number it gives.
#[derive(Debug, PartialEq)]
enum Fact {
    Age(i32),
    ServiceYear(i32),
    YearInGrade(i32),
    BornIn(i32),
}

/// The facts of a Japanese description: 「38歳」, 「採用3年目」, 「主任級6年目」,
/// 「1968年生まれ」. A number in brackets (「役職定年（60歳）」) is a rule, not a fact about
/// the person, and dates (「2023年5月」) are not checked.
fn facts_ja(text: &str) -> Vec<Fact> {
    let chars: Vec<char> = text.chars().collect();
    let mut facts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let n: i32 = chars[start..i].iter().collect::<String>().parse().unwrap();
        let after: String = chars[i..].iter().take(4).collect();
        let before: String = chars[start.saturating_sub(2)..start].iter().collect();
        if after.starts_with("歳") && !after.starts_with("歳児") && !before.ends_with('（') {
            facts.push(Fact::Age(n));
        } else if after.starts_with("年生まれ") {
            facts.push(Fact::BornIn(n));
        } else if after.starts_with("年目") {
            facts.push(if before == "採用" {
                Fact::ServiceYear(n)
            } else {
                Fact::YearInGrade(n)
            });
        }
    }
    facts
}

/// The facts of an English description: "aged 38", "in the 3rd year since hire", "in the 6th
/// year in grade", "born in 1968".
fn facts_en(text: &str) -> Vec<Fact> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str| -> Option<i32> {
        let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
        digits.parse().ok()
    };
    let mut facts = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = |k: usize| {
            words
                .get(i + k)
                .map_or("", |w| w.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        };
        match (i.checked_sub(1).and_then(|p| words.get(p)), number(w)) {
            (Some(&"aged"), Some(n)) => facts.push(Fact::Age(n)),
            (Some(&"in"), Some(n)) if n >= 1000 && i >= 2 && words.get(i - 2) == Some(&"born") => {
                facts.push(Fact::BornIn(n))
            }
            (_, Some(n)) if next(1) == "year" && next(2) == "since" && next(3) == "hire" => {
                facts.push(Fact::ServiceYear(n))
            }
            (_, Some(n)) if next(1) == "year" && next(2) == "in" && next(3) == "grade" => {
                facts.push(Fact::YearInGrade(n))
            }
            _ => {}
        }
    }
    facts
}

#[test]
fn every_description_is_true_as_of_its_date() {
    for (name, text, plan) in plans() {
        let date = plan.as_of.unwrap();
        let truth = |fact: &Fact| match fact {
            Fact::Age(n) => age_on(plan.birth_date, date) == *n,
            Fact::ServiceYear(n) => service_year(plan.hire_date, date) == *n,
            Fact::YearInGrade(n) => service_year(plan.grade_since, date) == *n,
            Fact::BornIn(n) => plan.birth_date.year() == *n,
        };
        let ja = facts_ja(description(text, Lang::Ja));
        let en = facts_en(description(text, Lang::En));
        assert!(
            !ja.is_empty(),
            "{name}: the description says when (an age, a year of service …)"
        );
        assert_eq!(ja, en, "{name}: both languages state the same facts");
        for fact in &ja {
            assert!(truth(fact), "{name}: {fact:?} is not true as of {date}");
        }
    }
}

#[test]
fn the_fact_readers_read_what_they_should() {
    assert_eq!(
        facts_ja("入間市 — 38歳、主任級6年目。役職定年（60歳）。2歳児クラス。2023年5月"),
        [Fact::Age(38), Fact::YearInGrade(6)]
    );
    assert_eq!(
        facts_ja("採用3年目の主事。1968年生まれ"),
        [Fact::ServiceYear(3), Fact::BornIn(1968)]
    );
    assert_eq!(
        facts_en("a 主任 aged 38, in the 6th year in grade; the 3rd year since hire, born in 1968, at 60"),
        [
            Fact::Age(38),
            Fact::YearInGrade(6),
            Fact::ServiceYear(3),
            Fact::BornIn(1968)
        ]
    );
}

#[test]
fn ages_follow_japanese_law_and_years_of_service_fiscal_years() {
    let d = |s| Date::parse(s).unwrap();
    // Born 1 April: reaches 20 on 31 March.
    assert_eq!(age_on(d("2000-04-01"), d("2020-03-30")), 19);
    assert_eq!(age_on(d("2000-04-01"), d("2020-03-31")), 20);
    assert_eq!(service_year(d("2024-04-01"), d("2026-11-22")), 3);
    assert_eq!(service_year(d("2024-04-01"), d("2025-03-31")), 1);
}
