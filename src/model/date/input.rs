//! Dates and fiscal years as people type them into the app: `1990-02-03`, `1990/2/3`,
//! `1990.2.3`, `19900203`, `1990年2月3日`, full-width digits and punctuation, and the eras
//! on official forms (`平成2年2月3日`, `H2.2.3`, `令和元年5月1日`). Files keep the strict
//! `YYYY-MM-DD` of [`Date::parse`]; this is for the keyboard only.
//!
//! The words of the errors are in [`crate::i18n::dates`].

use thiserror::Error;

use super::{Date, FiscalYear};

/// A Japanese era (元号) Michi reads: those of everyone still in service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Era {
    /// 昭和: 1926-12-25 to 1989-01-07.
    Showa,
    /// 平成: 1989-01-08 to 2019-04-30.
    Heisei,
    /// 令和: from 2019-05-01.
    Reiwa,
}

impl Era {
    /// Every era, oldest first.
    pub const ALL: [Era; 3] = [Era::Showa, Era::Heisei, Era::Reiwa];

    /// 昭和, 平成, 令和.
    pub fn name(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The letter forms use: S, H, R.
    pub fn letter(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// The era's name in Latin letters: Showa, Heisei, Reiwa.
    pub fn romaji(self) -> &'static str {
        match self {
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// The calendar year of the era's first year (元年).
    fn first_year(self) -> i32 {
        match self {
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// The era's first day.
    pub fn first_day(self) -> Date {
        match self {
            Era::Showa => Date {
                year: 1926,
                month: 12,
                day: 25,
            },
            Era::Heisei => Date {
                year: 1989,
                month: 1,
                day: 8,
            },
            Era::Reiwa => Date {
                year: 2019,
                month: 5,
                day: 1,
            },
        }
    }

    /// The era's last day; `None` for the present era.
    pub fn last_day(self) -> Option<Date> {
        match self {
            Era::Showa => Some(Date {
                year: 1989,
                month: 1,
                day: 7,
            }),
            Era::Heisei => Some(Date {
                year: 2019,
                month: 4,
                day: 30,
            }),
            Era::Reiwa => None,
        }
    }

    /// The fiscal years named in this era (平成元年度 = FY1989 … 平成31年度 = FY2019). FY2019
    /// began in 平成 and is named in both eras; 昭和 began in December, so FY1926 is not one
    /// of its years.
    pub(crate) fn fiscal_years(self) -> (FiscalYear, Option<FiscalYear>) {
        match self {
            Era::Showa => (1927, Some(1988)),
            Era::Heisei => (1989, Some(2019)),
            Era::Reiwa => (2019, None),
        }
    }

    /// The era a fiscal year is named in (the later era when two name it).
    pub(crate) fn of_fiscal_year(fy: FiscalYear) -> Option<Era> {
        Era::ALL.into_iter().rev().find(|era| era.fiscal_years().0 <= fy)
    }

    /// The number of fiscal year `fy` in this era: 8 for FY2026 in 令和.
    pub(crate) fn fiscal_year_number(self, fy: FiscalYear) -> i32 {
        fy - self.first_year() + 1
    }
}

/// A year of an era written the way forms write it: 元年 for the first year.
pub(crate) fn era_year_text(year: i32) -> String {
    if year == 1 { "元".to_string() } else { year.to_string() }
}

impl Date {
    /// The era the date falls in and its year within it (1 for 元年); `None` before 昭和.
    pub fn era(self) -> Option<(Era, i32)> {
        let era = Era::ALL.into_iter().rev().find(|era| era.first_day() <= self)?;
        Some((era, self.year - era.first_year() + 1))
    }

    /// The date in the Japanese calendar, 令和元年5月1日; `None` before 昭和.
    pub fn japanese(self) -> Option<String> {
        let (era, year) = self.era()?;
        Some(format!(
            "{}{}年{}月{}日",
            era.name(),
            era_year_text(year),
            self.month,
            self.day
        ))
    }

    /// Reads a date as a person types it: `1990-02-03`, `1990-2-3`, `1990/2/3`, `1990.2.3`,
    /// `19900203`, `1990年2月3日`, with full-width digits and punctuation (`１９９０／２／３`,
    /// `ー` and `−` as dashes) and spaces around, or in an era: `平成2年2月3日`,
    /// `平成元年5月1日`, `H2.2.3`, `h2/2/3`, `Ｒ６．４．１`. An era date must fall within its
    /// era: 平成31年5月1日 is refused, naming 令和元年5月1日 instead.
    pub fn parse_input(s: &str) -> Result<Date, DateInputError> {
        let tokens = tokenize(s).ok_or(DateInputError::Unreadable)?;
        match tokens.as_slice() {
            [] => Err(DateInputError::Empty),
            [Token::Number { value, digits: 8 }] => western(value / 10_000, value / 100 % 100, value % 100),
            [Token::Era(era), year, rest @ ..] => {
                let era_year = era_year_token(year).ok_or(DateInputError::Unreadable)?;
                let (month, day) = month_and_day(rest).ok_or(DateInputError::Unreadable)?;
                in_era(*era, era_year, month, day)
            }
            [Token::Number { value, digits }, rest @ ..] => {
                let (month, day) = month_and_day(rest).ok_or(DateInputError::Unreadable)?;
                if *digits == 4 {
                    western(*value, month, day)
                } else if *digits <= 2 {
                    Err(DateInputError::ShortYear)
                } else {
                    Err(DateInputError::Unreadable)
                }
            }
            _ => Err(DateInputError::Unreadable),
        }
    }
}

/// Why typed text is not a date. Shown to people: see [`DateInputError::message`] in
/// [`crate::i18n::dates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DateInputError {
    /// Nothing but spaces.
    #[error("no date given")]
    Empty,
    /// Not in any of the accepted forms.
    #[error("not a date")]
    Unreadable,
    /// A two-digit calendar year (`90/2/3`): which century is a guess.
    #[error("the year needs four digits or an era")]
    ShortYear,
    /// The month is not 1–12.
    #[error("there is no month {month}")]
    NoSuchMonth { month: u32 },
    /// The month has no such day (2月30日, 2月29日 in a common year).
    #[error("{year}-{month} has no day {day}")]
    NoSuchDay { year: i32, month: u8, day: u32 },
    /// The calendar year is outside 1–9999.
    #[error("the year {year} is out of range")]
    YearOutOfRange { year: i64 },
    /// An era date outside its era (平成31年5月1日). `actual` is the same day in the era
    /// it falls in, when Michi knows that era.
    #[error("not a date of that era")]
    OutsideEra {
        era: Era,
        era_year: u32,
        month: u8,
        day: u8,
        actual: Option<Date>,
    },
}

/// Reads a fiscal year (年度) as a person types it: `2032`, `２０３２`, `2032年度`, `FY2032`,
/// `令和14年度`, `令和14年`, `令和14`, `R14`, `Ｒ１４`, `令和元年度`. Era years must be years
/// the era names: 平成32年度 is refused, naming 令和2年度 instead.
pub fn parse_fiscal_year_input(s: &str) -> Result<FiscalYear, FiscalYearInputError> {
    let tokens = tokenize(s).ok_or(FiscalYearInputError::Unreadable)?;
    let (head, suffix) = match tokens.as_slice() {
        [head @ .., Token::YearMark, Token::FiscalMark] | [head @ .., Token::YearMark] => (head, true),
        all => (all, false),
    };
    match head {
        [] if !suffix => Err(FiscalYearInputError::Empty),
        [Token::Number { value, digits: 4 }] | [Token::FiscalPrefix, Token::Number { value, digits: 4 }] => {
            let fy = i32::try_from(*value).map_err(|_| FiscalYearInputError::Unreadable)?;
            if (1..=MAX_FISCAL_YEAR).contains(&fy) {
                Ok(fy)
            } else {
                Err(FiscalYearInputError::YearOutOfRange { year: fy })
            }
        }
        [Token::Era(era), year] => {
            let era_year = era_year_token(year).ok_or(FiscalYearInputError::Unreadable)?;
            // At most three digits: the sum stays far inside `i32` and below MAX_FISCAL_YEAR.
            let fy = era.first_year() + i32::try_from(era_year).map_err(|_| FiscalYearInputError::Unreadable)? - 1;
            let (first, last) = era.fiscal_years();
            if fy >= first && last.is_none_or(|last| fy <= last) {
                Ok(fy)
            } else {
                Err(FiscalYearInputError::OutsideEra {
                    era: *era,
                    era_year,
                    actual: Era::of_fiscal_year(fy).map(|_| fy),
                })
            }
        }
        _ => Err(FiscalYearInputError::Unreadable),
    }
}

/// The last fiscal year whose end (31 March of the next year) is still a [`Date`].
const MAX_FISCAL_YEAR: FiscalYear = 9998;

/// Why typed text is not a fiscal year. Shown to people: see
/// [`FiscalYearInputError::message`] in [`crate::i18n::dates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum FiscalYearInputError {
    /// Nothing but spaces.
    #[error("no fiscal year given")]
    Empty,
    /// Not in any of the accepted forms.
    #[error("not a fiscal year")]
    Unreadable,
    /// An era year the era does not name (平成32年度). `actual` is that fiscal year as a
    /// calendar year, when Michi knows the era it is named in.
    #[error("not a fiscal year of that era")]
    OutsideEra {
        era: Era,
        era_year: u32,
        actual: Option<FiscalYear>,
    },
    /// Outside the years Michi counts (1–9998).
    #[error("the fiscal year {year} is out of range")]
    YearOutOfRange { year: i32 },
}

/// One piece of typed date text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A run of digits, with how many were written (`02` has two).
    Number {
        value: u32,
        digits: usize,
    },
    /// 元, as in 平成元年.
    FirstYear,
    Era(Era),
    /// `-`, `/` or `.` between the parts.
    Separator,
    /// 年
    YearMark,
    /// 月
    MonthMark,
    /// 日
    DayMark,
    /// 度, as in 年度.
    FiscalMark,
    /// FY, as in FY2032.
    FiscalPrefix,
}

/// Longest digit run read as a number: more cannot be a date part and could overflow.
const MAX_DIGITS: usize = 9;

/// Era names as written out and as the single-character ligatures some IMEs offer.
const ERA_WORDS: [(&str, Era); 6] = [
    ("昭和", Era::Showa),
    ("平成", Era::Heisei),
    ("令和", Era::Reiwa),
    ("㍼", Era::Showa),
    ("㍻", Era::Heisei),
    ("㋿", Era::Reiwa),
];

/// Full-width forms and look-alike dashes turned into their ASCII counterparts, so
/// `１９９０－０２－０３` and `１９９０ー２ー３` read as `1990-02-03`.
fn normalize(c: char) -> char {
    match c {
        // The full-width forms of ASCII (！ to ～) sit at a fixed distance from it.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        // ー (long vowel mark) is what a Japanese keyboard gives for the minus key.
        'ー' | 'ｰ' | '−' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '﹣' => '-',
        '。' | '｡' => '.',
        _ => c,
    }
}

/// The pieces of `s`, or `None` when it holds something no date form uses.
fn tokenize(s: &str) -> Option<Vec<Token>> {
    let text: String = s.chars().map(normalize).collect();
    let mut rest = text.as_str();
    let mut tokens = Vec::new();
    loop {
        rest = rest.trim_start();
        let Some(c) = rest.chars().next() else {
            return Some(tokens);
        };
        if c.is_ascii_digit() {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let (number, tail) = rest.split_at_checked(digits)?;
            if digits > MAX_DIGITS {
                return None;
            }
            tokens.push(Token::Number {
                value: number.parse().ok()?,
                digits,
            });
            rest = tail;
            continue;
        }
        if let Some((tail, era)) = ERA_WORDS
            .iter()
            .find_map(|(word, era)| rest.strip_prefix(word).map(|tail| (tail, *era)))
        {
            tokens.push(Token::Era(era));
            rest = tail;
            continue;
        }
        if let Some(tail) = rest.strip_prefix("FY").or_else(|| rest.strip_prefix("fy")) {
            tokens.push(Token::FiscalPrefix);
            rest = tail;
            continue;
        }
        tokens.push(match c.to_ascii_uppercase() {
            'S' => Token::Era(Era::Showa),
            'H' => Token::Era(Era::Heisei),
            'R' => Token::Era(Era::Reiwa),
            '-' | '/' | '.' => Token::Separator,
            '元' => Token::FirstYear,
            '年' => Token::YearMark,
            '月' => Token::MonthMark,
            '日' => Token::DayMark,
            '度' => Token::FiscalMark,
            _ => return None,
        });
        rest = rest.get(c.len_utf8()..)?;
    }
}

/// The year of an era: a number of at most three digits, or 元.
fn era_year_token(token: &Token) -> Option<u32> {
    match token {
        Token::FirstYear => Some(1),
        Token::Number { value, digits: 1..=3 } => Some(*value),
        _ => None,
    }
}

/// Month and day after the year: `-2-3` (any of `-`, `/`, `.`) or `年2月3日` (日 optional).
fn month_and_day(tokens: &[Token]) -> Option<(u32, u32)> {
    let part = |t: &Token| match t {
        Token::Number { value, digits: 1..=2 } => Some(*value),
        _ => None,
    };
    match tokens {
        [Token::Separator, m, Token::Separator, d]
        | [Token::YearMark, m, Token::MonthMark, d]
        | [Token::YearMark, m, Token::MonthMark, d, Token::DayMark] => Some((part(m)?, part(d)?)),
        _ => None,
    }
}

/// A calendar date from its parts, or what is wrong with them.
fn western(year: u32, month: u32, day: u32) -> Result<Date, DateInputError> {
    date_from_parts(i64::from(year), month, day)
}

fn date_from_parts(year: i64, month: u32, day: u32) -> Result<Date, DateInputError> {
    let month = u8::try_from(month)
        .ok()
        .filter(|m| (1..=12).contains(m))
        .ok_or(DateInputError::NoSuchMonth { month })?;
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (1..=9999).contains(y))
        .ok_or(DateInputError::YearOutOfRange { year })?;
    u8::try_from(day)
        .ok()
        .and_then(|d| Date::new(year, month, d))
        .ok_or(DateInputError::NoSuchDay { year, month, day })
}

/// A date of an era, refused when the era did not run on that day.
fn in_era(era: Era, era_year: u32, month: u32, day: u32) -> Result<Date, DateInputError> {
    let date = date_from_parts(i64::from(era.first_year()) + i64::from(era_year) - 1, month, day)?;
    let within = era.first_day() <= date && era.last_day().is_none_or(|last| date <= last);
    // Year 0 of an era lands before its first day, so `within` refuses it too.
    if within {
        Ok(date)
    } else {
        Err(DateInputError::OutsideEra {
            era,
            era_year,
            month: date.month,
            day: date.day,
            actual: date.era().map(|_| date),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    fn ok(input: &str, expected: &str) {
        assert_eq!(Date::parse_input(input), Ok(d(expected)), "{input:?}");
    }

    fn refused(input: &str) -> DateInputError {
        match Date::parse_input(input) {
            Ok(date) => panic!("{input:?} read as {date}"),
            Err(e) => e,
        }
    }

    #[test]
    fn calendar_forms() {
        for input in [
            "1990-02-03",
            "1990-2-3",
            "1990/2/3",
            "1990/02/03",
            "1990.2.3",
            "19900203",
            "1990年2月3日",
            "1990年02月03日",
            "1990年2月3",
            "1990 年 2 月 3 日",
            "  1990-02-03  ",
            "\t1990/2/3\n",
            "1990/2-3",
        ] {
            ok(input, "1990-02-03");
        }
    }

    #[test]
    fn full_width_digits_punctuation_and_dashes() {
        for input in [
            "１９９０－０２－０３",
            "１９９０／２／３",
            "１９９０．２．３",
            "１９９０ー０２ー０３",
            "1990−2−3",
            "1990–2–3",
            "１９９０年２月３日",
            "１９９００２０３",
            "\u{3000}1990/2/3\u{3000}",
        ] {
            ok(input, "1990-02-03");
        }
    }

    #[test]
    fn era_forms() {
        for input in [
            "平成2年2月3日",
            "平成２年２月３日",
            "平成02年02月03日",
            "H2.2.3",
            "H2/2/3",
            "H2-2-3",
            "h2.2.3",
            "H02.02.03",
            "Ｈ２．２．３",
            "ｈ２／２／３",
            "H2年2月3日",
            "平成2.2.3",
            "平成 2 年 2 月 3 日",
            "㍻2年2月3日",
        ] {
            ok(input, "1990-02-03");
        }
        ok("平成元年5月1日", "1989-05-01");
        ok("H元.5.1", "1989-05-01");
        ok("令和6年4月1日", "2024-04-01");
        ok("R6.4.1", "2024-04-01");
        ok("r6/4/1", "2024-04-01");
        ok("Ｒ６．４．１", "2024-04-01");
        ok("㋿6年4月1日", "2024-04-01");
        ok("令和元年5月1日", "2019-05-01");
        ok("昭和63年1月1日", "1988-01-01");
        ok("S63.1.1", "1988-01-01");
        ok("s63.1.1", "1988-01-01");
        ok("㍼63年1月1日", "1988-01-01");
    }

    #[test]
    fn era_boundaries() {
        // 昭和 ends on 64年1月7日; 平成 runs from 元年1月8日 to 31年4月30日; then 令和.
        ok("昭和元年12月25日", "1926-12-25");
        ok("昭和64年1月7日", "1989-01-07");
        ok("平成元年1月8日", "1989-01-08");
        ok("平成31年4月30日", "2019-04-30");
        ok("令和元年5月1日", "2019-05-01");
        ok("R1.5.1", "2019-05-01");
        let outside = |input: &str, actual: Option<&str>| match refused(input) {
            DateInputError::OutsideEra { actual: a, .. } => assert_eq!(a, actual.map(d), "{input}"),
            other => panic!("{input}: {other:?}"),
        };
        outside("平成31年5月1日", Some("2019-05-01"));
        outside("H31.5.1", Some("2019-05-01"));
        outside("平成32年1月1日", Some("2020-01-01"));
        outside("令和元年4月30日", Some("2019-04-30"));
        outside("R1.1.1", Some("2019-01-01"));
        outside("昭和64年1月8日", Some("1989-01-08"));
        outside("平成元年1月7日", Some("1989-01-07"));
        outside("平成0年5月1日", Some("1988-05-01"));
        outside("令和0年5月1日", Some("2018-05-01"));
        outside("昭和元年12月24日", None);
        assert_eq!(
            refused("平成31年5月1日"),
            DateInputError::OutsideEra {
                era: Era::Heisei,
                era_year: 31,
                month: 5,
                day: 1,
                actual: Some(d("2019-05-01")),
            }
        );
    }

    #[test]
    fn leap_days() {
        ok("2024-02-29", "2024-02-29");
        ok("2000/2/29", "2000-02-29");
        ok("令和6年2月29日", "2024-02-29");
        ok("平成12年2月29日", "2000-02-29");
        assert_eq!(
            refused("2023-02-29"),
            DateInputError::NoSuchDay {
                year: 2023,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            refused("1900/2/29"),
            DateInputError::NoSuchDay {
                year: 1900,
                month: 2,
                day: 29
            }
        );
        assert!(matches!(
            refused("R5.2.29"),
            DateInputError::NoSuchDay { year: 2023, .. }
        ));
    }

    #[test]
    fn impossible_days_and_months() {
        assert_eq!(
            refused("1990-02-30"),
            DateInputError::NoSuchDay {
                year: 1990,
                month: 2,
                day: 30
            }
        );
        assert!(matches!(
            refused("1990/4/31"),
            DateInputError::NoSuchDay { day: 31, .. }
        ));
        assert!(matches!(refused("1990/1/0"), DateInputError::NoSuchDay { day: 0, .. }));
        assert!(matches!(
            refused("1990/1/32"),
            DateInputError::NoSuchDay { day: 32, .. }
        ));
        assert_eq!(refused("1990-13-01"), DateInputError::NoSuchMonth { month: 13 });
        assert_eq!(refused("19900003"), DateInputError::NoSuchMonth { month: 0 });
        assert_eq!(refused("平成2年13月1日"), DateInputError::NoSuchMonth { month: 13 });
        assert_eq!(refused("0000-01-01"), DateInputError::YearOutOfRange { year: 0 });
    }

    #[test]
    fn unreadable_text_is_refused() {
        assert_eq!(refused(""), DateInputError::Empty);
        assert_eq!(refused("   "), DateInputError::Empty);
        assert_eq!(refused("\u{3000}"), DateInputError::Empty);
        assert_eq!(refused("90/2/3"), DateInputError::ShortYear);
        assert_eq!(refused("2/3"), DateInputError::Unreadable);
        for input in [
            "yesterday",
            "1990",
            "1990-02",
            "1990 02 03",
            "1990-02-03-04",
            "1990-002-03",
            "199-02-03",
            "19900-02-03",
            "1990203",
            "199002031",
            "1990年2月",
            "1990年2月3日日",
            "2月3日",
            "平成",
            "平成2年",
            "H2",
            "H1990.2.3",
            "X2.2.3",
            "FY1990.2.3",
            "1990-02-03T10:00",
            "99999999999999999999",
            "-1990-02-03",
            "1990/2/3/",
            "年月日",
            "元年5月1日",
        ] {
            assert_eq!(refused(input), DateInputError::Unreadable, "{input:?}");
        }
    }

    #[test]
    fn fiscal_year_forms() {
        for (input, fy) in [
            ("2032", 2032),
            ("２０３２", 2032),
            (" 2032 ", 2032),
            ("2032年度", 2032),
            ("2032年", 2032),
            ("FY2032", 2032),
            ("fy2032", 2032),
            ("令和14年度", 2032),
            ("令和14年", 2032),
            ("令和14", 2032),
            ("令和 14 年度", 2032),
            ("R14", 2032),
            ("r14", 2032),
            ("Ｒ１４", 2032),
            ("R14年度", 2032),
            ("令和元年度", 2019),
            ("R1", 2019),
            ("平成31年度", 2019),
            ("平成元年度", 1989),
            ("H30", 2018),
            ("昭和63年度", 1988),
            ("S2", 1927),
        ] {
            assert_eq!(parse_fiscal_year_input(input), Ok(fy), "{input:?}");
        }
    }

    #[test]
    fn fiscal_years_refused() {
        use FiscalYearInputError as E;
        assert_eq!(parse_fiscal_year_input(""), Err(E::Empty));
        assert_eq!(parse_fiscal_year_input(" "), Err(E::Empty));
        for input in [
            "年度",
            "32",
            "20320",
            "R",
            "令和",
            "2032-04",
            "2032/4/1",
            "令和14年4月",
            "FY",
            "R14年度度",
            "度2032",
            "next year",
        ] {
            assert_eq!(parse_fiscal_year_input(input), Err(E::Unreadable), "{input:?}");
        }
        assert_eq!(parse_fiscal_year_input("0000"), Err(E::YearOutOfRange { year: 0 }));
        assert_eq!(parse_fiscal_year_input("9999"), Err(E::YearOutOfRange { year: 9999 }));
        assert_eq!(parse_fiscal_year_input("9998"), Ok(9998));
        assert_eq!(
            parse_fiscal_year_input("平成32年度"),
            Err(E::OutsideEra {
                era: Era::Heisei,
                era_year: 32,
                actual: Some(2020)
            })
        );
        assert_eq!(
            parse_fiscal_year_input("平成0年度"),
            Err(E::OutsideEra {
                era: Era::Heisei,
                era_year: 0,
                actual: Some(1988)
            })
        );
        assert_eq!(
            parse_fiscal_year_input("S64"),
            Err(E::OutsideEra {
                era: Era::Showa,
                era_year: 64,
                actual: Some(1989)
            })
        );
        assert_eq!(
            parse_fiscal_year_input("昭和元年度"),
            Err(E::OutsideEra {
                era: Era::Showa,
                era_year: 1,
                actual: None
            })
        );
        assert!(matches!(
            parse_fiscal_year_input("R0"),
            Err(E::OutsideEra { actual: Some(2018), .. })
        ));
    }

    #[test]
    fn eras_of_dates() {
        assert_eq!(d("2019-05-01").era(), Some((Era::Reiwa, 1)));
        assert_eq!(d("2019-04-30").era(), Some((Era::Heisei, 31)));
        assert_eq!(d("1989-01-08").era(), Some((Era::Heisei, 1)));
        assert_eq!(d("1989-01-07").era(), Some((Era::Showa, 64)));
        assert_eq!(d("1926-12-25").era(), Some((Era::Showa, 1)));
        assert_eq!(d("1926-12-24").era(), None);
        assert_eq!(d("2019-05-01").japanese().as_deref(), Some("令和元年5月1日"));
        assert_eq!(d("1990-02-03").japanese().as_deref(), Some("平成2年2月3日"));
        assert_eq!(d("1926-12-24").japanese(), None);
    }

    /// Dates from 昭和元年 (1926-12-25) to 令和999年 (3017), the last year an era year of
    /// three digits can name.
    fn era_dates() -> impl proptest::strategy::Strategy<Value = Date> {
        use proptest::strategy::Strategy;
        let first = Era::Showa.first_day().days_since_epoch();
        let last = d("3017-12-31").days_since_epoch();
        (first..=last).prop_filter_map("a date", Date::from_days_since_epoch)
    }

    proptest::proptest! {
        #[test]
        fn parse_input_never_panics(s in "\\PC{0,40}") {
            let _ = Date::parse_input(&s);
            let _ = parse_fiscal_year_input(&s);
        }

        #[test]
        fn date_like_text_never_panics(s in "[0-9０-９/／.．\\-ー年月日元度平成令和昭HRSFYhrs ]{0,20}") {
            let _ = Date::parse_input(&s);
            let _ = parse_fiscal_year_input(&s);
        }

        #[test]
        fn typed_forms_read_back(year in 1000i32..=9999, day_of_year in 0i64..366) {
            let Some(date) = Date::from_days_since_epoch(Date::fy_start(year).days_since_epoch() - 90 + day_of_year)
                .filter(|d| d.year() == year)
            else {
                return Ok(());
            };
            let (y, m, dd) = (date.year(), date.month(), date.day());
            for form in [format!("{y}/{m}/{dd}"), format!("{y:04}{m:02}{dd:02}"), date.to_string()] {
                proptest::prop_assert_eq!(Date::parse_input(&form), Ok(date), "{}", form);
            }
        }

        #[test]
        fn era_forms_read_back(date in era_dates()) {
            let (era, year) = date.era().expect("from 昭和 on");
            let written = date.japanese().expect("from 昭和 on");
            proptest::prop_assert_eq!(Date::parse_input(&written), Ok(date), "{}", written);
            let letters = format!("{}{year}.{}.{}", era.letter(), date.month(), date.day());
            proptest::prop_assert_eq!(Date::parse_input(&letters), Ok(date), "{}", letters);
        }
    }
}
