//! Plausibility checks for one value of a plan as a person enters it: a birth date in
//! 1920, a hire date at age 10 or a target year already past are typing mistakes, and the
//! app refuses them with a reason before they reach the plan.
//!
//! One entry point, [`check_field`]: the plan as it stands, today, and the new value of one
//! field. The other fields are taken from the plan, so the checks agree with what the
//! screen shows. Each field is checked against the others as they are; a birth date is
//! checked on its own, so that fixing a wrong birth date is never blocked by a hire date
//! that was entered to match it ([`crate::model::Plan::validate`] still refuses a plan
//! whose dates contradict each other).
//!
//! The words are in [`crate::i18n::input_checks`].

use thiserror::Error;

use crate::engine::retirement::retirement;
use crate::model::{Date, FiscalYear, Plan};

/// No one born before 1940 is still in service: an earlier year is a typing mistake.
pub const EARLIEST_BIRTH_YEAR: i32 = 1940;

/// The youngest age at which anyone is hired. Also the youngest birth date taken: a staff
/// member is at least this old today.
pub const YOUNGEST_AGE: i32 = 15;

/// The new value of one field of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldValue {
    /// 生年月日
    BirthDate(Date),
    /// 採用日
    HireDate(Date),
    /// 職級の開始日
    GradeSince(Date),
    /// 目標年度
    TargetFy(FiscalYear),
    /// A posting (配属), new or edited; `to` is `None` for the current one.
    Posting { from: Date, to: Option<Date> },
    /// A period of leave (休業等); `to` is `None` while it continues.
    Leave { from: Date, to: Option<Date> },
}

/// A posting or a period of leave: the two kinds of dated period in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Posting,
    Leave,
}

/// Why a value is not plausible. Dates are the bounds it crossed, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum InputProblem {
    /// The birth year is before [`EARLIEST_BIRTH_YEAR`].
    #[error("birth date before {EARLIEST_BIRTH_YEAR}")]
    BirthTooEarly,
    /// Born less than [`YOUNGEST_AGE`] years before today; `latest` is the last birth date
    /// taken.
    #[error("birth date after {latest}")]
    BirthTooRecent { latest: Date },
    /// Hired before the [`YOUNGEST_AGE`]th birthday.
    #[error("hire date before the 15th birthday ({birthday})")]
    HiredTooYoung { birthday: Date },
    /// Hired after the retirement date (定年退職日).
    #[error("hire date after retirement ({retirement})")]
    HiredAfterRetirement { retirement: Date },
    /// The current grade starts before the hire date.
    #[error("grade start before the hire date ({hire})")]
    GradeBeforeHire { hire: Date },
    /// The current grade starts after today.
    #[error("grade start after today ({today})")]
    GradeInFuture { today: Date },
    /// The current grade starts after the retirement date.
    #[error("grade start after retirement ({retirement})")]
    GradeAfterRetirement { retirement: Date },
    /// The target year is before this fiscal year.
    #[error("target year before this fiscal year ({this_year})")]
    TargetYearPast { this_year: FiscalYear },
    /// The target year is after the last fiscal year of service.
    #[error("target year after the last fiscal year of service ({last_year})")]
    TargetYearAfterRetirement { last_year: FiscalYear },
    /// A posting or leave starts after the retirement date.
    #[error("period starts after retirement ({retirement})")]
    StartAfterRetirement { period: Period, retirement: Date },
    /// A posting or leave ends before it starts.
    #[error("period ends before it starts ({start})")]
    EndBeforeStart { period: Period, start: Date },
}

/// Checks the new value of one field against the rest of `plan` and `today`. The end of
/// service is the retirement date the engine computes from the plan's birth date.
pub fn check_field(plan: &Plan, today: Date, value: FieldValue) -> Result<(), InputProblem> {
    let retirement = retirement(plan.birth_date);
    match value {
        FieldValue::BirthDate(birth) => {
            if birth.year() < EARLIEST_BIRTH_YEAR {
                return Err(InputProblem::BirthTooEarly);
            }
            let latest = today.add_years(-YOUNGEST_AGE);
            if birth > latest {
                return Err(InputProblem::BirthTooRecent { latest });
            }
        }
        FieldValue::HireDate(hire) => {
            let birthday = plan.birth_date.add_years(YOUNGEST_AGE);
            if hire < birthday {
                return Err(InputProblem::HiredTooYoung { birthday });
            }
            if hire > retirement.date {
                return Err(InputProblem::HiredAfterRetirement {
                    retirement: retirement.date,
                });
            }
        }
        FieldValue::GradeSince(since) => {
            if since < plan.hire_date {
                return Err(InputProblem::GradeBeforeHire { hire: plan.hire_date });
            }
            if since > retirement.date {
                return Err(InputProblem::GradeAfterRetirement {
                    retirement: retirement.date,
                });
            }
            if since > today {
                return Err(InputProblem::GradeInFuture { today });
            }
        }
        FieldValue::TargetFy(fy) => {
            let this_year = today.fiscal_year();
            if fy < this_year {
                return Err(InputProblem::TargetYearPast { this_year });
            }
            let last_year = retirement.last_fiscal_year();
            if fy > last_year {
                return Err(InputProblem::TargetYearAfterRetirement { last_year });
            }
        }
        FieldValue::Posting { from, to } => check_period(Period::Posting, from, to, retirement.date)?,
        FieldValue::Leave { from, to } => check_period(Period::Leave, from, to, retirement.date)?,
    }
    Ok(())
}

fn check_period(period: Period, from: Date, to: Option<Date>, retirement: Date) -> Result<(), InputProblem> {
    if from > retirement {
        return Err(InputProblem::StartAfterRetirement { period, retirement });
    }
    if to.is_some_and(|to| to < from) {
        return Err(InputProblem::EndBeforeStart { period, start: from });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PLAN_SCHEMA_VERSION, Track};

    fn d(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    /// Born 1990-05-10: retires on 2056-03-31, last fiscal year 2055. Hired 2013-04-01.
    fn plan() -> Plan {
        Plan {
            schema_version: PLAN_SCHEMA_VERSION,
            sample: false,
            as_of: None,
            profile: "iruma".into(),
            series: None,
            name: None,
            birth_date: d("1990-05-10"),
            hire_date: d("2013-04-01"),
            grade: "shuji".into(),
            position: None,
            grade_since: d("2013-04-01"),
            target_grade: "shuji".into(),
            target_fy: None,
            track: Track::Generalist,
            course: None,
            course_field: None,
            course_since: None,
            completed_trainings: Vec::new(),
            planned_trainings: Vec::new(),
            planned_years: Default::default(),
            self_assessment: Default::default(),
            supervisor_assessment: Default::default(),
            evidence: Default::default(),
            roles_self: Default::default(),
            roles_supervisor: Default::default(),
            assignments: Vec::new(),
            leaves: Vec::new(),
            constraints: Vec::new(),
            self_report: Default::default(),
            interviews: vec![],
            notes: vec![],
            lifeline: vec![],
            wcm: Default::default(),
            names_read: Vec::new(),
        }
    }

    fn today() -> Date {
        d("2026-06-15")
    }

    fn check(value: FieldValue) -> Result<(), InputProblem> {
        check_field(&plan(), today(), value)
    }

    #[test]
    fn the_example_plan_retires_when_the_tests_assume() {
        assert_eq!(retirement(plan().birth_date).date, d("2056-03-31"));
    }

    #[test]
    fn birth_date_from_1940_to_15_years_ago() {
        use FieldValue::BirthDate;
        assert_eq!(check(BirthDate(d("1939-12-31"))), Err(InputProblem::BirthTooEarly));
        assert_eq!(check(BirthDate(d("1940-01-01"))), Ok(()));
        assert_eq!(check(BirthDate(d("2011-06-15"))), Ok(()));
        assert_eq!(
            check(BirthDate(d("2011-06-16"))),
            Err(InputProblem::BirthTooRecent {
                latest: d("2011-06-15")
            })
        );
        assert!(check(BirthDate(today())).is_err());
        assert!(check(BirthDate(d("2030-01-01"))).is_err());
    }

    #[test]
    fn hire_date_from_the_15th_birthday_to_retirement() {
        use FieldValue::HireDate;
        assert_eq!(
            check(HireDate(d("2005-05-09"))),
            Err(InputProblem::HiredTooYoung {
                birthday: d("2005-05-10")
            })
        );
        assert_eq!(check(HireDate(d("2005-05-10"))), Ok(()));
        assert_eq!(check(HireDate(d("2056-03-31"))), Ok(()));
        assert_eq!(
            check(HireDate(d("2056-04-01"))),
            Err(InputProblem::HiredAfterRetirement {
                retirement: d("2056-03-31")
            })
        );
        assert!(check(HireDate(plan().birth_date)).is_err());
    }

    #[test]
    fn grade_start_from_hire_to_today() {
        use FieldValue::GradeSince;
        assert_eq!(
            check(GradeSince(d("2013-03-31"))),
            Err(InputProblem::GradeBeforeHire { hire: d("2013-04-01") })
        );
        assert_eq!(check(GradeSince(d("2013-04-01"))), Ok(()));
        assert_eq!(check(GradeSince(today())), Ok(()));
        assert_eq!(
            check(GradeSince(d("2026-06-16"))),
            Err(InputProblem::GradeInFuture { today: today() })
        );
    }

    #[test]
    fn grade_start_not_after_retirement() {
        // Looking back from after retirement: today no longer bounds the start.
        let later = d("2060-01-01");
        assert_eq!(
            check_field(&plan(), later, FieldValue::GradeSince(d("2056-03-31"))),
            Ok(())
        );
        assert_eq!(
            check_field(&plan(), later, FieldValue::GradeSince(d("2056-04-01"))),
            Err(InputProblem::GradeAfterRetirement {
                retirement: d("2056-03-31")
            })
        );
    }

    #[test]
    fn target_year_from_this_year_to_the_last_year_of_service() {
        use FieldValue::TargetFy;
        assert_eq!(
            check(TargetFy(2025)),
            Err(InputProblem::TargetYearPast { this_year: 2026 })
        );
        assert_eq!(check(TargetFy(2026)), Ok(()));
        assert_eq!(check(TargetFy(2055)), Ok(()));
        assert_eq!(
            check(TargetFy(2056)),
            Err(InputProblem::TargetYearAfterRetirement { last_year: 2055 })
        );
        // In January the fiscal year is still the previous calendar year's.
        assert_eq!(check_field(&plan(), d("2027-01-10"), TargetFy(2026)), Ok(()));
    }

    #[test]
    fn postings_and_leave_start_by_retirement_and_end_after_they_start() {
        for period in [Period::Posting, Period::Leave] {
            let value = |from: &str, to: Option<&str>| {
                let (from, to) = (d(from), to.map(d));
                match period {
                    Period::Posting => FieldValue::Posting { from, to },
                    Period::Leave => FieldValue::Leave { from, to },
                }
            };
            assert_eq!(check(value("2056-03-31", None)), Ok(()));
            assert_eq!(
                check(value("2056-04-01", None)),
                Err(InputProblem::StartAfterRetirement {
                    period,
                    retirement: d("2056-03-31")
                })
            );
            assert_eq!(check(value("2020-04-01", Some("2020-04-01"))), Ok(()));
            assert_eq!(check(value("2020-04-01", Some("2021-03-31"))), Ok(()));
            assert_eq!(
                check(value("2020-04-01", Some("2020-03-31"))),
                Err(InputProblem::EndBeforeStart {
                    period,
                    start: d("2020-04-01")
                })
            );
        }
    }
}
