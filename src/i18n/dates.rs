//! What is wrong with a typed date or fiscal year, and which forms are accepted.

use crate::i18n::Lang;
use crate::model::date::{Date, DateInputError, Era, FiscalYearInputError, days_in_month, era_year_text};
use crate::model::japanese_fiscal_year;

/// Forms worth showing as examples, shortest first: what people type most.
const DATE_EXAMPLES_JA: &str = "例: 1990-02-03、1990/2/3、19900203、平成2年2月3日、H2.2.3";
const DATE_EXAMPLES_EN: &str = "e.g. 1990-02-03, 1990/2/3, 19900203, or with the Japanese era, H2.2.3";
const FY_EXAMPLES_JA: &str = "例: 2032、2032年度、令和14年度、R14";
const FY_EXAMPLES_EN: &str = "e.g. 2032, FY2032, or with the Japanese era, R14";

fn month_name(month: u8) -> &'static str {
    match month {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}

/// 2019年4月30日
fn ja_date(date: Date) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// H31.5.1: the letter form, which English readers can type back.
fn letter_date(era: Era, era_year: u32, month: u8, day: u8) -> String {
    format!("{}{era_year}.{month}.{day}", era.letter())
}

impl DateInputError {
    /// What is wrong, in plain words, with what to write instead.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DateInputError::Empty, Lang::Ja) => format!("日付を入力してください（{DATE_EXAMPLES_JA}）"),
            (DateInputError::Empty, Lang::En) => format!("Enter a date ({DATE_EXAMPLES_EN})"),
            (DateInputError::Unreadable, Lang::Ja) => format!("日付として読めません（{DATE_EXAMPLES_JA}）"),
            (DateInputError::Unreadable, Lang::En) => format!("Not a date: write {DATE_EXAMPLES_EN}"),
            (DateInputError::ShortYear, Lang::Ja) => {
                "年は西暦の4桁（1990/2/3）か、元号つき（平成2年2月3日、H2.2.3）で書いてください".to_string()
            }
            (DateInputError::ShortYear, Lang::En) => {
                "Write the year with four digits (1990/2/3) or with its Japanese era (H2.2.3)".to_string()
            }
            (DateInputError::NoSuchMonth { month }, Lang::Ja) => format!("{month}月はありません（月は1～12）"),
            (DateInputError::NoSuchMonth { month }, Lang::En) => {
                format!("There is no month {month}: months run from 1 to 12")
            }
            (
                DateInputError::NoSuchDay {
                    year,
                    month: 2,
                    day: 29,
                },
                Lang::Ja,
            ) => {
                format!("{year}年はうるう年ではないので、2月29日はありません")
            }
            (
                DateInputError::NoSuchDay {
                    year,
                    month: 2,
                    day: 29,
                },
                Lang::En,
            ) => {
                format!("{year} is not a leap year: there is no 29 February")
            }
            (DateInputError::NoSuchDay { year, month, day }, Lang::Ja) => {
                let last = days_in_month(*year, *month);
                format!("{month}月{day}日はありません（{month}月は{last}日まで）")
            }
            (DateInputError::NoSuchDay { year, month, day }, Lang::En) => {
                let (last, name) = (days_in_month(*year, *month), month_name(*month));
                format!("There is no {day} {name}: {name} has {last} days")
            }
            (DateInputError::YearOutOfRange { year }, Lang::Ja) => format!("{year}年は扱えません（1～9999年）"),
            (DateInputError::YearOutOfRange { year }, Lang::En) => {
                format!("The year {year} is out of range (1–9999)")
            }
            (
                DateInputError::OutsideEra {
                    era,
                    era_year,
                    month,
                    day,
                    actual,
                },
                lang,
            ) => outside_era(*era, *era_year, *month, *day, *actual, lang),
        }
    }
}

/// 平成31年5月1日 and the like: the era had ended (or not begun) on that day.
fn outside_era(era: Era, era_year: u32, month: u8, day: u8, actual: Option<Date>, lang: Lang) -> String {
    // `actual` is missing only for days before 昭和, which are before the era too.
    let ended = actual.is_some_and(|d| d > era.first_day());
    let bound = if ended { era.last_day() } else { Some(era.first_day()) };
    match lang {
        Lang::Ja => {
            let written = format!("{}{}年{month}月{day}日", era.name(), era_year_text_u32(era_year));
            let range = match bound {
                Some(b) if ended => format!("{}は{}まで", era.name(), ja_date(b)),
                Some(b) => format!("{}は{}から", era.name(), ja_date(b)),
                None => String::new(),
            };
            let suggestion = actual
                .and_then(|d| Some(format!("。{}（{d}）のことですか？", d.japanese()?)))
                .unwrap_or_default();
            format!("{written}はありません（{range}）{suggestion}")
        }
        Lang::En => {
            let written = letter_date(era, era_year, month, day);
            let range = match bound {
                Some(b) if ended => format!("{} ended on {b}", era.romaji()),
                Some(b) => format!("{} began on {b}", era.romaji()),
                None => String::new(),
            };
            let suggestion = actual
                .and_then(|d| {
                    let (era, year) = d.era()?;
                    let year = u32::try_from(year).ok()?;
                    Some(format!(
                        ". Did you mean {} ({d})?",
                        letter_date(era, year, d.month(), d.day())
                    ))
                })
                .unwrap_or_default();
            format!("{written} is not a {} date: {range}{suggestion}", era.romaji())
        }
    }
}

/// 平成31年度: `fy` named in `era`.
fn era_fiscal_year(era: Era, fy: i32) -> String {
    format!("{}{}年度", era.name(), era_year_text(era.fiscal_year_number(fy)))
}

fn era_year_text_u32(era_year: u32) -> String {
    i32::try_from(era_year).map_or_else(|_| era_year.to_string(), era_year_text)
}

impl FiscalYearInputError {
    /// What is wrong, in plain words, with what to write instead.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FiscalYearInputError::Empty, Lang::Ja) => format!("年度を入力してください（{FY_EXAMPLES_JA}）"),
            (FiscalYearInputError::Empty, Lang::En) => format!("Enter a fiscal year ({FY_EXAMPLES_EN})"),
            (FiscalYearInputError::Unreadable, Lang::Ja) => format!("年度として読めません（{FY_EXAMPLES_JA}）"),
            (FiscalYearInputError::Unreadable, Lang::En) => format!("Not a fiscal year: write {FY_EXAMPLES_EN}"),
            (FiscalYearInputError::YearOutOfRange { year }, Lang::Ja) => {
                format!("{year}年度は扱えません（1～9998年度）")
            }
            (FiscalYearInputError::YearOutOfRange { year }, Lang::En) => {
                format!("FY{year} is out of range (1–9998)")
            }
            (FiscalYearInputError::OutsideEra { era, era_year, actual }, lang) => {
                let (first, last) = era.fiscal_years();
                // Past the era's last year, or before its first.
                let ended = actual.is_some_and(|fy| fy > first);
                let bound = if ended { last } else { Some(first) };
                match lang {
                    Lang::Ja => {
                        let range = match bound {
                            // Named in this era even where the next era names the same year.
                            Some(b) if ended => format!("{}は{}まで", era.name(), era_fiscal_year(*era, b)),
                            Some(b) => format!("{}は{}から", era.name(), era_fiscal_year(*era, b)),
                            None => String::new(),
                        };
                        let suggestion = actual
                            .map(|fy| format!("。{}（{fy}）のことですか？", japanese_fiscal_year(fy)))
                            .unwrap_or_default();
                        format!(
                            "{}{}年度はありません（{range}）{suggestion}",
                            era.name(),
                            era_year_text_u32(*era_year)
                        )
                    }
                    Lang::En => {
                        let range = match bound {
                            Some(b) if ended => format!("the last is FY{b}"),
                            Some(b) => format!("the first is FY{b}"),
                            None => String::new(),
                        };
                        let suggestion = actual.map(|fy| format!(". Did you mean FY{fy}?")).unwrap_or_default();
                        format!(
                            "{}{era_year} is not a {} year: {range}{suggestion}",
                            era.letter(),
                            era.romaji()
                        )
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_fiscal_year_input;

    fn date_message(input: &str, lang: Lang) -> String {
        Date::parse_input(input).expect_err(input).message(lang)
    }

    fn fy_message(input: &str, lang: Lang) -> String {
        parse_fiscal_year_input(input).expect_err(input).message(lang)
    }

    #[test]
    fn date_messages_say_what_is_wrong() {
        assert_eq!(
            date_message("1990-02-30", Lang::Ja),
            "2月30日はありません（2月は28日まで）"
        );
        assert_eq!(
            date_message("2024-02-30", Lang::Ja),
            "2月30日はありません（2月は29日まで）"
        );
        assert_eq!(
            date_message("1990-02-30", Lang::En),
            "There is no 30 February: February has 28 days"
        );
        assert_eq!(
            date_message("2023-02-29", Lang::Ja),
            "2023年はうるう年ではないので、2月29日はありません"
        );
        assert_eq!(
            date_message("2023-02-29", Lang::En),
            "2023 is not a leap year: there is no 29 February"
        );
        assert_eq!(
            date_message("1990/4/31", Lang::Ja),
            "4月31日はありません（4月は30日まで）"
        );
        assert_eq!(date_message("1990/13/1", Lang::Ja), "13月はありません（月は1～12）");
        assert!(date_message("90/2/3", Lang::Ja).contains("4桁"));
        assert_eq!(date_message("0000/1/1", Lang::Ja), "0年は扱えません（1～9999年）");
    }

    #[test]
    fn unreadable_dates_list_the_accepted_forms() {
        for (input, lang) in [("abc", Lang::Ja), ("", Lang::Ja), ("abc", Lang::En), ("", Lang::En)] {
            let message = date_message(input, lang);
            for form in ["1990-02-03", "1990/2/3", "H2.2.3"] {
                assert!(message.contains(form), "{message}");
            }
        }
        let message = date_message("abc", Lang::Ja);
        assert!(
            message.starts_with("日付として読めません（例: 1990-02-03、1990/2/3"),
            "{message}"
        );
        assert!(message.contains("平成2年2月3日"), "{message}");
    }

    #[test]
    fn era_messages_name_the_era_that_ran_that_day() {
        assert_eq!(
            date_message("平成31年5月1日", Lang::Ja),
            "平成31年5月1日はありません（平成は2019年4月30日まで）。令和元年5月1日（2019-05-01）のことですか？"
        );
        assert_eq!(
            date_message("H31.5.1", Lang::En),
            "H31.5.1 is not a Heisei date: Heisei ended on 2019-04-30. Did you mean R1.5.1 (2019-05-01)?"
        );
        assert_eq!(
            date_message("平成元年1月7日", Lang::Ja),
            "平成元年1月7日はありません（平成は1989年1月8日から）。昭和64年1月7日（1989-01-07）のことですか？"
        );
        assert_eq!(
            date_message("昭和元年12月24日", Lang::Ja),
            "昭和元年12月24日はありません（昭和は1926年12月25日から）"
        );
        assert_eq!(
            date_message("S1.12.24", Lang::En),
            "S1.12.24 is not a Showa date: Showa began on 1926-12-25"
        );
    }

    #[test]
    fn fiscal_year_messages() {
        assert_eq!(
            fy_message("平成32年度", Lang::Ja),
            "平成32年度はありません（平成は平成31年度まで）。令和2年度（2020）のことですか？"
        );
        assert_eq!(
            fy_message("H32", Lang::En),
            "H32 is not a Heisei year: the last is FY2019. Did you mean FY2020?"
        );
        assert_eq!(
            fy_message("平成0年度", Lang::Ja),
            "平成0年度はありません（平成は平成元年度から）。昭和63年度（1988）のことですか？"
        );
        assert_eq!(
            fy_message("昭和元年度", Lang::Ja),
            "昭和元年度はありません（昭和は昭和2年度から）"
        );
        for lang in [Lang::Ja, Lang::En] {
            let message = fy_message("next year", lang);
            assert!(message.contains("2032") && message.contains("R14"), "{message}");
        }
        assert!(fy_message("", Lang::Ja).starts_with("年度を入力してください"));
        assert_eq!(fy_message("0000", Lang::En), "FY0 is out of range (1–9998)");
    }
}
