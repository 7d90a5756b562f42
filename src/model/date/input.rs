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
pub fn normalize(c: char) -> char {
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
mod tests;
