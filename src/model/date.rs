//! Calendar dates and Japanese fiscal years (年度: 1 April – 31 March), with the era
//! names used on official documents (令和, 平成, 昭和).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

mod input;

pub(crate) use input::era_year_text;
pub use input::{
    DateInputError, Era, FiscalYearInputError, normalize as normalize_typed_char, parse_fiscal_year_input,
};

/// A calendar date (proleptic Gregorian). Written in TOML as a bare local date
/// (`1990-05-10`) and printed as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A fiscal year, named by the calendar year it starts in: FY2026 runs from 2026-04-01 to
/// 2027-03-31 and is 令和8年度.
pub type FiscalYear = i32;

impl Date {
    /// The date, if it exists on the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The day before.
    pub fn pred(self) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() - 1).unwrap_or(self)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The same month and day `years` later; 29 February becomes 28 February in common years.
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year.saturating_add(years).clamp(1, 9999);
        let day = self.day.min(days_in_month(year, self.month));
        Date {
            year,
            month: self.month,
            day,
        }
    }

    /// Whole years from `self` to `later` (0 when `later` is earlier).
    pub fn whole_years_until(self, later: Date) -> i32 {
        if later < self {
            return 0;
        }
        let mut years = later.year - self.year;
        if (later.month, later.day) < (self.month, self.day) {
            years -= 1;
        }
        years.max(0)
    }

    /// The fiscal year (年度) the date falls in.
    pub fn fiscal_year(self) -> FiscalYear {
        if self.month >= 4 { self.year } else { self.year - 1 }
    }

    /// 1 April: the first day of a fiscal year, when promotions and postings usually start.
    pub fn fy_start(fy: FiscalYear) -> Date {
        Date {
            year: fy.clamp(1, 9999),
            month: 4,
            day: 1,
        }
    }

    /// 31 March: the last day of a fiscal year.
    pub fn fy_end(fy: FiscalYear) -> Date {
        Date {
            year: (fy + 1).clamp(1, 9999),
            month: 3,
            day: 31,
        }
    }

    /// The day a person born on `self` reaches `age`: in Japanese law, the day before the
    /// birthday (年齢計算ニ関スル法律), so a 1 April birthday reaches it on 31 March.
    pub fn reaches_age(self, age: i32) -> Date {
        self.add_years(age).pred()
    }
}

/// Days in `month` of `year` (0 for a month that does not exist).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The name a [`Date`] gives serde (as a newtype), so that a reader of the format's shape
/// (the profile and plan checker) can tell a date from any other value.
pub const DATE_SERDE_NAME: &str = "michi::Date";

impl<'de> Deserialize<'de> for Date {
    /// Accepts a TOML local date (`1990-05-10`) or a `"YYYY-MM-DD"` string.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_newtype_struct(DATE_SERDE_NAME, DateVisitor)
    }
}

struct DateVisitor;

impl<'de> serde::de::Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date")
    }

    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Date, D::Error> {
        read_date(deserializer)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
        Date::parse(text).ok_or_else(|| E::custom(format!("invalid date: `{text}` is not a date; write YYYY-MM-DD")))
    }
}

fn read_date<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    use serde::de::Error;
    let value = DateInput::deserialize(deserializer)?;
    let (text, datetime) = match value {
        DateInput::Toml(dt) => {
            if dt.time.is_some() || dt.offset.is_some() {
                return Err(D::Error::custom(format!(
                    "invalid date: `{dt}` has a time; write the date only, e.g. 1990-05-10"
                )));
            }
            (dt.to_string(), dt.date)
        }
        DateInput::Text(s) => (s, None),
    };
    match datetime {
        Some(d) => Date::new(i32::from(d.year), d.month, d.day),
        None => Date::parse(&text),
    }
    .ok_or_else(|| D::Error::custom(format!("invalid date: `{text}` is not a date; write YYYY-MM-DD")))
}

#[derive(Deserialize)]
#[serde(untagged)]
enum DateInput {
    Toml(toml::value::Datetime),
    Text(String),
}

/// A fiscal year for people: `2026（令和8年度）` in Japanese; `FY2026` in English, where
/// the era name would mean nothing to most readers.
pub fn fiscal_year_label(fy: FiscalYear, lang: Lang) -> String {
    fiscal_year_text(fy, lang, true)
}

/// [`fiscal_year_label`] with the 和暦 (`wareki`) or without it: `2026年度` in Japanese
/// without it, where a narrow screen has no room for the era (English never shows it).
pub fn fiscal_year_text(fy: FiscalYear, lang: Lang, wareki: bool) -> String {
    match (lang, wareki) {
        (Lang::Ja, true) => format!("{fy}（{}）", japanese_fiscal_year(fy)),
        (Lang::Ja, false) => format!("{fy}年度"),
        (Lang::En, _) => format!("FY{fy}"),
    }
}

/// 令和8年度, 令和元年度 (FY2019), 平成30年度, 昭和63年度. FY1989 is 平成元年度 and FY2019
/// 令和元年度, as government documents count fiscal years. Before 昭和: `1920年度`.
pub fn japanese_fiscal_year(fy: FiscalYear) -> String {
    match Era::of_fiscal_year(fy) {
        Some(era) => format!("{}{}年度", era.name(), era_year_text(era.fiscal_year_number(fy))),
        None => format!("{fy}年度"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    #[test]
    fn epoch_days_round_trip() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "1962-04-01",
            "2031-03-31",
            "1900-03-01",
            "2400-12-31",
        ] {
            let date = d(s);
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), Some(date), "{s}");
        }
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2024-03-01").pred(), d("2024-02-29"));
    }

    #[test]
    fn invalid_dates_are_refused() {
        for s in ["2023-02-29", "2024-13-01", "2024-04-31", "24-04-01", "2024-4-1", ""] {
            assert!(Date::parse(s).is_none(), "{s}");
        }
    }

    #[test]
    fn fiscal_years_start_in_april() {
        assert_eq!(d("2026-03-31").fiscal_year(), 2025);
        assert_eq!(d("2026-04-01").fiscal_year(), 2026);
        assert_eq!(Date::fy_end(2026), d("2027-03-31"));
    }

    #[test]
    fn era_names_follow_government_usage() {
        assert_eq!(japanese_fiscal_year(2026), "令和8年度");
        assert_eq!(japanese_fiscal_year(2019), "令和元年度");
        assert_eq!(japanese_fiscal_year(2018), "平成30年度");
        assert_eq!(japanese_fiscal_year(1989), "平成元年度");
        assert_eq!(japanese_fiscal_year(1988), "昭和63年度");
        assert_eq!(japanese_fiscal_year(1927), "昭和2年度");
        assert_eq!(japanese_fiscal_year(1926), "1926年度");
        assert_eq!(fiscal_year_label(2026, Lang::Ja), "2026（令和8年度）");
        assert_eq!(fiscal_year_label(2026, Lang::En), "FY2026");
    }

    #[test]
    fn an_age_is_reached_the_day_before_the_birthday() {
        assert_eq!(d("1963-04-01").reaches_age(60), d("2023-03-31"));
        assert_eq!(d("1964-02-29").reaches_age(60), d("2024-02-28"));
        assert_eq!(d("1963-04-02").reaches_age(60), d("2023-04-01"));
    }

    #[test]
    fn whole_years() {
        assert_eq!(d("2021-04-01").whole_years_until(d("2025-04-01")), 4);
        assert_eq!(d("2021-04-02").whole_years_until(d("2025-04-01")), 3);
        assert_eq!(d("2025-04-01").whole_years_until(d("2021-04-01")), 0);
    }
}

#[cfg(test)]
mod toml_tests {
    use super::*;

    #[derive(Deserialize)]
    struct Holder {
        a: Date,
        b: Date,
    }

    #[test]
    fn reads_bare_and_quoted_dates_and_refuses_times() {
        let h: Holder = toml::from_str("a = 1990-05-10\nb = \"2013-04-01\"").unwrap();
        assert_eq!(h.a.to_string(), "1990-05-10");
        assert_eq!(h.b.to_string(), "2013-04-01");
        assert!(toml::from_str::<Holder>("a = 1990-05-10T10:00:00\nb = 2013-04-01").is_err());
        assert!(toml::from_str::<Holder>("a = 1990-02-30\nb = 2013-04-01").is_err());
    }
}
