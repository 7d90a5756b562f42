//! The sample personas shipped inside the binary (assets/personas), for workshops and
//! first-time users. Each file carries the date its story is told as of (`as_of`), so its
//! description ("採用3年目", "38歳") stays true whatever the calendar says; which cohort a
//! persona belongs to is the tours' business (assets/tours), not the plan's.

use crate::model::Date;

/// File stem and TOML text of each persona.
pub const PERSONAS: &[(&str, &str)] = &[
    (
        "joetsu-shuji-second-year",
        include_str!("../../assets/personas/joetsu-shuji-second-year.toml"),
    ),
    (
        "iruma-shunin-to-kacho",
        include_str!("../../assets/personas/iruma-shunin-to-kacho.toml"),
    ),
    (
        "iruma-back-from-childcare",
        include_str!("../../assets/personas/iruma-back-from-childcare.toml"),
    ),
    (
        "kawagoe-hoiku-shunin",
        include_str!("../../assets/personas/kawagoe-hoiku-shunin.toml"),
    ),
    (
        "akishima-gino-to-ginocho",
        include_str!("../../assets/personas/akishima-gino-to-ginocho.toml"),
    ),
    (
        "ageo-shusa-born-1968",
        include_str!("../../assets/personas/ageo-shusa-born-1968.toml"),
    ),
    (
        "akishima-shuji-third-year",
        include_str!("../../assets/personas/akishima-shuji-third-year.toml"),
    ),
    (
        "kawagoe-hoikushi-third-year",
        include_str!("../../assets/personas/kawagoe-hoikushi-third-year.toml"),
    ),
    (
        "kawagoe-ishi-hokenjo",
        include_str!("../../assets/personas/kawagoe-ishi-hokenjo.toml"),
    ),
    (
        "joetsu-kakaricho-to-fukukacho",
        include_str!("../../assets/personas/joetsu-kakaricho-to-fukukacho.toml"),
    ),
    (
        "ageo-kacho-at-55",
        include_str!("../../assets/personas/ageo-kacho-at-55.toml"),
    ),
    (
        "kawagoe-gino-at-55",
        include_str!("../../assets/personas/kawagoe-gino-at-55.toml"),
    ),
];

/// The persona of this file stem, with its text.
pub fn persona(name: &str) -> Option<(&'static str, &'static str)> {
    PERSONAS.iter().find(|(n, _)| *n == name).copied()
}

/// A persona's one-line description: its first comment line in Japanese, its second in
/// English (the Japanese when there is no English line).
pub fn description(text: &str, lang: crate::i18n::Lang) -> &str {
    let mut comments = text.lines().map_while(|l| l.strip_prefix("# "));
    let ja = comments.next().unwrap_or("");
    match lang {
        crate::i18n::Lang::Ja => ja,
        crate::i18n::Lang::En => comments.next().unwrap_or(ja),
    }
}

/// The date a persona's story is told as of (its `as_of` line), read without parsing the
/// whole plan (the start screen lists every persona before any is opened).
pub fn as_of(text: &str) -> Option<Date> {
    text.lines()
        .filter_map(|l| l.strip_prefix("as_of"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .find_map(|value| value.split_whitespace().next().and_then(Date::parse))
}

/// A persona's name (its `name` line), read without parsing the whole plan.
pub fn name_of(text: &str) -> Option<&str> {
    text.lines()
        .filter_map(|l| l.strip_prefix("name"))
        .filter_map(|rest| rest.trim_start().strip_prefix('='))
        .find_map(|value| value.trim().strip_prefix('"')?.split('"').next())
}

/// Age on `on` as Japanese law counts it: a person reaches an age on the day before their
/// birthday (年齢計算ニ関スル法律).
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut age = birth.whole_years_until(on);
    if birth.reaches_age(age + 1) <= on {
        age += 1;
    }
    age
}

/// The year of service (採用N年目) `on` falls in: the fiscal year of hire is the first.
pub fn service_year(hire: Date, on: Date) -> i32 {
    on.fiscal_year() - hire.fiscal_year() + 1
}

#[cfg(test)]
mod tests;
