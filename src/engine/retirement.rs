//! 定年 and 役職定年 by the national rules for local government staff (地方公務員法, as
//! amended in 2021; the ages and the schedule are in [`crate::engine::national`]): an
//! employee retires on the first 31 March on or after the day they reach the age in force;
//! managers leave management posts at the end of the fiscal year in which they reach 60.
//! Where the city's profile sets a 特例定年 for the employee's grade or series, that age
//! replaces the national one.

use serde::Serialize;

use crate::engine::national::{FULL_RETIREMENT_AGE, SIXTY};
pub use crate::engine::national::{MANAGEMENT_POST_AGE, retirement_age_in_force};
use crate::model::{Date, FiscalYear, Plan, Profile, SpecialRetirementAge};

/// Retirement facts for one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Retirement {
    /// The retirement age that applies to this employee.
    pub age: i32,
    /// 定年退職日: the 31 March ending the fiscal year in which they reach `age`.
    pub date: Date,
    /// 役職定年: the last day they may hold a management post.
    pub management_post_until: Date,
}

impl Retirement {
    /// The last fiscal year of service.
    pub fn last_fiscal_year(&self) -> FiscalYear {
        self.date.fiscal_year()
    }

    /// The last fiscal year in which a management post may be held.
    pub fn last_management_fiscal_year(&self) -> FiscalYear {
        self.management_post_until.fiscal_year()
    }
}

/// Retirement age and dates for someone born on `birth`, by the national schedule.
pub fn retirement(birth: Date) -> Retirement {
    // The first age at or above the one in force in the fiscal year they reach it.
    let age = (SIXTY..=FULL_RETIREMENT_AGE)
        .find(|&age| age >= retirement_age_in_force(birth.reaches_age(age).fiscal_year()))
        .unwrap_or(FULL_RETIREMENT_AGE);
    retirement_at(birth, age)
}

/// Retirement dates for someone born on `birth` who retires at `age` (a 特例定年).
pub fn retirement_at(birth: Date, age: i32) -> Retirement {
    let date = Date::fy_end(birth.reaches_age(age).fiscal_year());
    let management_post_until = Date::fy_end(birth.reaches_age(MANAGEMENT_POST_AGE).fiscal_year()).min(date);
    Retirement {
        age,
        date,
        management_post_until,
    }
}

/// The 特例定年 the profile sets for the plan's current grade, else for its series.
pub fn special_age<'p>(profile: &'p Profile, plan: &Plan) -> Option<&'p SpecialRetirementAge> {
    special_age_of(profile, plan.series_id(profile), &plan.grade)
}

/// The 特例定年 the profile sets for `grade` (an id), else for `series` (an id).
pub fn special_age_of<'p>(profile: &'p Profile, series: Option<&str>, grade: &str) -> Option<&'p SpecialRetirementAge> {
    let by_grade = profile
        .special_retirement_ages
        .iter()
        .find(|s| s.grade.as_deref() == Some(grade));
    by_grade.or_else(|| {
        profile
            .special_retirement_ages
            .iter()
            .find(|s| s.grade.is_none() && s.series.is_some() && s.series.as_deref() == series)
    })
}

/// Retirement age and dates for the plan's employee: the profile's 特例定年 for their grade
/// or series where it sets one, else the national schedule.
pub fn retirement_of(profile: &Profile, plan: &Plan) -> Retirement {
    match special_age(profile, plan) {
        Some(special) => retirement_at(plan.birth_date, i32::from(special.age)),
        None => retirement(plan.birth_date),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// The national table: birth cohorts (school years, 2 April – 1 April) and their
    /// retirement age, retirement date and end of management posts.
    #[test]
    fn retirement_table_for_birth_cohorts_1962_to_1970() {
        let table = [
            // first day of cohort, last day of cohort, age, retirement date, management until
            ("1962-04-02", "1963-04-01", 60, "2023-03-31", "2023-03-31"),
            ("1963-04-02", "1964-04-01", 61, "2025-03-31", "2024-03-31"),
            ("1964-04-02", "1965-04-01", 62, "2027-03-31", "2025-03-31"),
            ("1965-04-02", "1966-04-01", 63, "2029-03-31", "2026-03-31"),
            ("1966-04-02", "1967-04-01", 64, "2031-03-31", "2027-03-31"),
            ("1967-04-02", "1968-04-01", 65, "2033-03-31", "2028-03-31"),
            ("1968-04-02", "1969-04-01", 65, "2034-03-31", "2029-03-31"),
            ("1969-04-02", "1970-04-01", 65, "2035-03-31", "2030-03-31"),
            ("1970-04-02", "1971-04-01", 65, "2036-03-31", "2031-03-31"),
        ];
        for (first, last, age, date, until) in table {
            let mid = Date::new(d(first).year(), 10, 15).unwrap();
            for birth in [d(first), mid, d(last)] {
                let r = retirement(birth);
                assert_eq!(r.age, age, "born {birth}");
                assert_eq!(r.date, d(date), "born {birth}");
                assert_eq!(r.management_post_until, d(until), "born {birth}");
            }
        }
    }

    #[test]
    fn a_1_april_birthday_belongs_to_the_earlier_cohort() {
        // Born 1 April 1963: reaches 60 on 31 March 2023 (FY2022, age 60 in force).
        assert_eq!(retirement(d("1963-04-01")).age, 60);
        assert_eq!(retirement(d("1963-04-01")).date, d("2023-03-31"));
        // Born 2 April 1963: reaches 60 on 1 April 2023 (FY2023, age 61 in force).
        assert_eq!(retirement(d("1963-04-02")).age, 61);
        // Born 1 April 1967 belongs with 1966 births: 64.
        assert_eq!(retirement(d("1967-04-01")).age, 64);
        assert_eq!(retirement(d("1967-04-02")).age, 65);
    }

    #[test]
    fn younger_staff_retire_at_65_and_leave_management_at_60() {
        let r = retirement(d("1990-05-10"));
        assert_eq!(r.age, 65);
        assert_eq!(r.date, d("2056-03-31"));
        assert_eq!(r.management_post_until, d("2051-03-31"));
    }
}
