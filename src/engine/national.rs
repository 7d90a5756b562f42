//! The national rules for local government staff from 55 to 65, in one place, each with
//! its source: the retirement age and its schedule, 役職定年 and its 特例, 特例定年, pay
//! after 60, 定年前再任用短時間勤務, 暫定再任用, the retirement allowance after 60, and the
//! information and intent check in the year before 60. [`crate::engine::retirement`] and
//! [`crate::engine::next_ten`] read their ages and dates here; nothing else states them.
//!
//! What the shared notes on the source documents (`seeds/README.md`) give, word for word in
//! substance: the retirement age rises from 60 to 65 by one year every two fiscal years (61
//! in FY2023–2024 … 65 from FY2031); an employee retires on the first 31 March on or after
//! the day they reach the age in force; managers (管理監督職) leave management posts at the
//! end of the fiscal year in which they reach 60; an age is reached on the day before the
//! birthday. They say nothing of the extension of 役職定年, of pay after 60, of
//! 定年前再任用短時間勤務 or of the information given before 60: those are taken from the
//! law cited with each rule below.
//!
//! Every one of these rules reaches a city through its own 条例 (地方公務員法 asks each city
//! to set its ages "国の職員につき定められている…を基準として"): they are the national model,
//! and a value the city's profile states replaces them where it is shown.

use serde::Serialize;

use crate::i18n::Lang;
use crate::model::FiscalYear;

/// The fiscal year the amended law took effect (施行 2023-04-01): the first with a retirement
/// age above 60, 役職定年, pay at 70% and 定年前再任用短時間勤務.
pub const FIRST_REFORMED_FY: FiscalYear = 2023;

/// The retirement age the schedule rises to, and the age 暫定再任用 may run to.
pub const FULL_RETIREMENT_AGE: i32 = 65;

/// The age at which management posts end (管理監督職勤務上限年齢: 役職定年).
pub const MANAGEMENT_POST_AGE: i32 = 60;

/// The age the rules for staff over 60 (pay, 定年前再任用短時間勤務, the retirement
/// allowance) start from.
pub const SIXTY: i32 = 60;

/// The longest one extension of 役職定年 may run, in years (異動期間の延長).
pub const EXTENSION_YEARS: i32 = 1;

/// Pay from the first 1 April after reaching 60, in percent of the monthly salary.
pub const PAY_AFTER_SIXTY_PERCENT: u8 = 70;

/// The retirement age in force in a fiscal year (the national schedule of the 2021
/// amendment, which cities follow by 条例).
pub fn retirement_age_in_force(fy: FiscalYear) -> i32 {
    match fy {
        ..=2022 => 60,
        2023..=2024 => 61,
        2025..=2026 => 62,
        2027..=2028 => 63,
        2029..=2030 => 64,
        _ => FULL_RETIREMENT_AGE,
    }
}

/// A national rule Michi applies or tells about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// 定年: 65, reached by steps from FY2023.
    RetirementAge,
    /// 役職定年 (管理監督職勤務上限年齢制): out of management posts at the end of the fiscal
    /// year one reaches 60.
    ManagementPostAge,
    /// 役職定年の特例: the city's 条例 may let the appointing authority keep a manager in
    /// post a year longer, and again.
    ManagementPostExtension,
    /// 特例定年: another retirement age the city sets for some posts (医師 …).
    SpecialRetirementAge,
    /// 60歳超職員の給与: 70% from the first 1 April after reaching 60.
    PayAfterSixty,
    /// 定年前再任用短時間勤務制度.
    ShortTimeReemployment,
    /// 退職手当: leaving after 60 counts as retirement at the retirement age.
    RetirementAllowance,
    /// 暫定再任用: while the retirement age is below 65, re-employment after it up to 65.
    InterimReemployment,
    /// 情報提供・意思確認: in the fiscal year before the one in which one reaches 60.
    InformationAndIntent,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::RetirementAge,
        Rule::ManagementPostAge,
        Rule::ManagementPostExtension,
        Rule::SpecialRetirementAge,
        Rule::PayAfterSixty,
        Rule::ShortTimeReemployment,
        Rule::RetirementAllowance,
        Rule::InterimReemployment,
        Rule::InformationAndIntent,
    ];

    /// The rule's name.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Rule::RetirementAge => lang.pick("定年（段階的引上げ）", "Retirement age (raised by steps)"),
            Rule::ManagementPostAge => lang.pick(
                "役職定年（管理監督職勤務上限年齢制）",
                "役職定年: the age limit for management posts",
            ),
            Rule::ManagementPostExtension => lang.pick(
                "役職定年の特例（条例による延長）",
                "Extension of 役職定年 (where the city's 条例 allows)",
            ),
            Rule::SpecialRetirementAge => lang.pick("特例定年", "Special retirement age (特例定年)"),
            Rule::PayAfterSixty => lang.pick("60歳を超える職員の給与（7割措置）", "Pay after 60 (70% of the salary)"),
            Rule::ShortTimeReemployment => lang.pick(
                "定年前再任用短時間勤務制度",
                "Short-time re-employment before the retirement age",
            ),
            Rule::RetirementAllowance => lang.pick(
                "60歳以後に退職したときの退職手当",
                "Retirement allowance when leaving after 60",
            ),
            Rule::InterimReemployment => lang.pick("暫定再任用", "Interim re-employment (暫定再任用)"),
            Rule::InformationAndIntent => lang.pick("情報提供・勤務の意思確認", "Information and the check of intent"),
        }
    }

    /// The law and article the rule stands on, as Japanese law cites it.
    pub fn source(self) -> &'static str {
        match self {
            Rule::RetirementAge => {
                "地方公務員法第28条の6（定年による退職。定年は国の職員の定年を基準として条例で定める）、地方公務員法の一部を改正する法律（令和3年法律第63号）による令和5年度からの段階的引上げ"
            }
            Rule::ManagementPostAge => {
                "地方公務員法第28条の2（管理監督職勤務上限年齢による降任等。上限年齢は国の職員を基準として条例で定める）"
            }
            Rule::ManagementPostExtension => {
                "地方公務員法第28条の5第1項・第2項（条例で定める事由があるとき、1年を超えない期間内で異動期間を延長し、事由が続けば更に延長できる）"
            }
            Rule::SpecialRetirementAge => {
                "地方公務員法第28条の6第3項（職務と責任に特殊性がある職などは、条例で別の定年を定めることができる）"
            }
            Rule::PayAfterSixty => {
                "一般職の職員の給与に関する法律附則第8項（国の職員の俸給月額の7割措置）を国のモデルとして、各市が給与条例の附則で定める"
            }
            Rule::ShortTimeReemployment => "地方公務員法第22条の4（定年前再任用短時間勤務職員の任用）",
            Rule::RetirementAllowance => {
                "国家公務員退職手当法附則（令和3年改正）を国のモデルとして、各市が退職手当条例の附則で定める"
            }
            Rule::InterimReemployment => {
                "地方公務員法の一部を改正する法律（令和3年法律第63号）附則（暫定再任用）、各市の条例"
            }
            Rule::InformationAndIntent => {
                "地方公務員法の一部を改正する法律（令和3年法律第63号）附則（国家公務員法附則第9条に相当）、各市の定年等に関する条例の附則"
            }
        }
    }

    /// The law in a few words, for a line of a table.
    pub fn cite(self) -> &'static str {
        match self {
            Rule::RetirementAge => "地方公務員法第28条の6・令和3年改正法",
            Rule::ManagementPostAge => "地方公務員法第28条の2",
            Rule::ManagementPostExtension => "地方公務員法第28条の5・市の条例",
            Rule::SpecialRetirementAge => "地方公務員法第28条の6第3項・市の条例",
            Rule::PayAfterSixty => "給与法附則第8項（国）・市の給与条例",
            Rule::ShortTimeReemployment => "地方公務員法第22条の4・市の条例",
            Rule::RetirementAllowance => "退職手当法附則（国）・市の退職手当条例",
            Rule::InterimReemployment => "令和3年改正法附則・市の条例",
            Rule::InformationAndIntent => "令和3年改正法附則・市の定年条例附則",
        }
    }

    /// What the rule says, in a sentence or two.
    pub fn summary(self, lang: Lang) -> &'static str {
        match self {
            Rule::RetirementAge => lang.pick(
                "定年は令和5年度から2年度ごとに1歳ずつ引き上げられ（令和5年度の61歳から令和13年度の65歳まで）、その年齢に達した日以後の最初の3月31日に退職する。年齢は誕生日の前日に達する。",
                "The retirement age rises by one year every two fiscal years, from 61 in FY2023 to 65 from FY2031; one retires on the first 31 March on or after reaching it, and reaches an age the day before the birthday.",
            ),
            Rule::ManagementPostAge => lang.pick(
                "管理監督職の職員は、60歳に達した日の後の最初の4月1日までに管理監督職以外の職に移る（60歳に達した年度の末日まで管理監督職）。どの職が対象かは市が条例で定める。",
                "Managers move to a post that is not a management post by the first 1 April after reaching 60 (they hold the post to the end of that fiscal year). The city's 条例 says which posts are management posts.",
            ),
            Rule::ManagementPostExtension => lang.pick(
                "公務の運営に著しい支障が生ずる事由として条例で定める事由があるとき、任命権者は1年を超えない期間内（定年退職日まで）で管理監督職のまま勤務させることができ、事由が続けば更に延長できる。条例がなければ延長はない。",
                "Where a reason the city's 条例 sets applies (serious harm to the service), the appointing authority may keep the manager in post for up to a year (not past retirement), and extend again while the reason lasts. Without such a 条例 there is no extension.",
            ),
            Rule::SpecialRetirementAge => lang.pick(
                "医師など職務と責任に特殊性がある職、欠員の補充が困難な職には、市が条例で別の定年（特例定年）を定めることがある。",
                "For posts whose duties are special or hard to fill (doctors, for one), the city's 条例 may set another retirement age.",
            ),
            Rule::PayAfterSixty => lang.pick(
                "60歳に達した日の後の最初の4月1日から、給料月額はそれまでの7割になる（定年まで）。国の職員の措置で、市は条例でこれに倣う。",
                "From the first 1 April after reaching 60, the monthly salary is 70% of what it was, until retirement: the national staff's rule, which cities follow by 条例.",
            ),
            Rule::ShortTimeReemployment => lang.pick(
                "60歳に達した日以後に退職した人を、従前の勤務実績などに基づく選考により、短時間勤務の職に採用できる（任期は定年退職日に当たる日まで）。",
                "Someone who leaves on or after reaching 60 may be taken on in a short-time post, by selection on their record, up to the day their retirement would have been.",
            ),
            Rule::RetirementAllowance => lang.pick(
                "60歳に達した日以後に定年前に退職した人の退職手当は、当分の間、定年退職と同じく計算される。",
                "For the time being, the retirement allowance of someone leaving on or after reaching 60, before the retirement age, is reckoned as for retirement at that age.",
            ),
            Rule::InterimReemployment => lang.pick(
                "定年が65歳になるまでの間、定年退職した人などを65歳に達する年度の末日まで再任用できる。",
                "While the retirement age is below 65, those who retired at it may be re-employed up to the end of the fiscal year in which they reach 65.",
            ),
            Rule::InformationAndIntent => lang.pick(
                "60歳に達する年度の前年度に、任命権者は60歳以後の任用・給与・退職手当の情報を提供し、60歳以後の勤務の意思を確認するよう努める。",
                "In the fiscal year before the one in which one reaches 60, the appointing authority gives the information on posts, pay and the retirement allowance after 60, and asks what one intends.",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_rises_one_year_every_two_fiscal_years() {
        let table = [
            (2022, 60),
            (2023, 61),
            (2024, 61),
            (2025, 62),
            (2026, 62),
            (2027, 63),
            (2028, 63),
            (2029, 64),
            (2030, 64),
            (2031, 65),
            (2050, 65),
        ];
        for (fy, age) in table {
            assert_eq!(retirement_age_in_force(fy), age, "FY{fy}");
        }
    }

    #[test]
    fn every_rule_names_its_law() {
        for rule in Rule::ALL {
            let source = rule.source();
            assert!(
                source.contains("法") && !rule.summary(Lang::Ja).is_empty() && !rule.summary(Lang::En).is_empty(),
                "{rule:?}"
            );
        }
    }
}
