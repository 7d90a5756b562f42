//! The next ten years (55歳からの10年): from today to 定年, the dates the national rules set
//! for this employee — the year of the information and intent check, reaching 60, the end
//! of management posts (役職定年) and the latest day a 条例's extension could keep them, pay
//! at 70%, 定年 — year by year, and the ways of working after 60 with their conditions.
//! Every date carries the rule it comes from ([`Rule`], with its law); the city's own values
//! (which grades 役職定年 applies to, a 特例定年) come from the profile and are marked as
//! the city's. Pure: today is a parameter.

use serde::Serialize;

use crate::engine::national::{
    EXTENSION_YEARS, FIRST_REFORMED_FY, FULL_RETIREMENT_AGE, PAY_AFTER_SIXTY_PERCENT, Rule, SIXTY,
};
use crate::engine::retirement::{Retirement, retirement_of, special_age};
use crate::model::{Date, FiscalYear, LimitBasis, Plan, Profile, SpecialRetirementAge};

/// A value the city's profile gives, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CityValue {
    /// The document's (or 条例's) place, as the profile gives it.
    pub source: Option<String>,
    /// The value is Michi's reading or an example, not the document's.
    pub illustrative: bool,
}

/// Whether the employee holds, aims at, or could hold a post 役職定年 applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ManagementPosts {
    /// The current grade is one: the fiscal years left in it, this one included.
    Current {
        grade: String,
        fiscal_years_left: i32,
        basis: LimitBasis,
        said_by: CityValue,
    },
    /// The target grade is one.
    Target {
        grade: String,
        basis: LimitBasis,
        said_by: CityValue,
    },
    /// Neither is, but some grade of the ladder is.
    Ladder,
    /// No grade of the plan's ladder is subject to 役職定年.
    NotSubject,
}

impl ManagementPosts {
    /// 役職定年 matters to the employee: they hold or aim at a post it applies to.
    pub fn concerns_employee(&self) -> bool {
        matches!(self, ManagementPosts::Current { .. } | ManagementPosts::Target { .. })
    }
}

/// What happens on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The fiscal year of the information and intent check (情報提供・意思確認).
    InformationAndIntent,
    /// The day one reaches 60 (the day before the 60th birthday).
    ReachesSixty,
    /// 役職定年: the last day in a management post.
    ManagementPostsEnd,
    /// The last day a management post could be held with one year's extension, where the
    /// city's 条例 allows it (条例で延長できる場合).
    ManagementExtensionEnd,
    /// The first day of pay at 70%.
    PayReduced,
    /// 定年退職日.
    Retirement,
    /// The last day of 暫定再任用 (while the retirement age is below 65).
    InterimReemploymentEnd,
}

/// A dated row of the time line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub kind: EventKind,
    pub date: Date,
    /// The last day of a period (the fiscal year of the intent check).
    pub until: Option<Date>,
    /// The age reached by `date`.
    pub age: i32,
    pub rule: Rule,
    /// It lies before today.
    pub past: bool,
}

/// Whether a management post can be held in a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostYear {
    /// Up to 役職定年.
    Yes,
    /// Only by the extension a 条例 may allow.
    Extension,
    No,
}

/// Whether the employee is in service in a fiscal year, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    /// Up to 定年.
    Regular,
    /// After 定年: 暫定再任用 is possible.
    Interim,
}

/// One fiscal year of the time line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Year {
    pub fy: FiscalYear,
    /// The age reached during the fiscal year (by its last day).
    pub age: i32,
    /// Management posts, where the ladder has any.
    pub posts: PostYear,
    /// Pay in percent when the 70% rule applies; `None` at full pay.
    pub pay_percent: Option<u8>,
    pub service: Service,
    /// The events of the fiscal year, in date order.
    pub events: Vec<EventKind>,
    /// Today falls in it.
    pub current: bool,
}

/// A way of working after 60.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionKind {
    /// Stay full-time until 定年, at 70% pay from the first 1 April after 60.
    FullTime,
    /// Leave and be taken on in a short-time post (定年前再任用短時間勤務) until 定年.
    ShortTime,
    /// Leave before 定年 (the retirement allowance as at 定年).
    Leave,
    /// After 定年, re-employment up to 65 (暫定再任用).
    Interim,
}

/// One way of working after 60, the period it is open and its rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AfterSixty {
    pub kind: OptionKind,
    pub from: Date,
    pub until: Date,
    pub rule: Rule,
}

/// The time line from today to 定年 (and to 65 where 暫定再任用 runs past it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextTen {
    pub today: Date,
    pub birth_date: Date,
    /// The age reached by today.
    pub age: i32,
    pub retirement: Retirement,
    /// The city's 特例定年 that sets the retirement age, where the profile gives one.
    pub special: Option<SpecialRetirementAge>,
    /// The rules for staff over 60 apply: the retirement age is above 60 under the amended
    /// law (born after 1 April 1963).
    pub reformed: bool,
    pub management: ManagementPosts,
    pub events: Vec<Event>,
    pub years: Vec<Year>,
    pub options: Vec<AfterSixty>,
}

impl NextTen {
    /// The event of a kind, if the time line has it.
    pub fn event(&self, kind: EventKind) -> Option<&Event> {
        self.events.iter().find(|e| e.kind == kind)
    }

    /// Today lies after the retirement date.
    pub fn retired(&self) -> bool {
        self.today > self.retirement.date
    }
}

/// The age a person born on `birth` has reached by `date` (an age is reached on the day
/// before the birthday).
pub fn age_on(birth: Date, date: Date) -> i32 {
    let years = birth.whole_years_until(date);
    if birth.reaches_age(years + 1) <= date {
        years + 1
    } else {
        years
    }
}

/// Whether 役職定年 concerns the plan: its current grade, its target, or only its ladder.
fn management_posts(profile: &Profile, plan: &Plan, today: Date, last_fy: FiscalYear) -> ManagementPosts {
    let said_by = |grade: &crate::model::Grade, basis: LimitBasis| match basis {
        LimitBasis::PostClass => profile
            .grade_post_class(grade)
            .map(|c| CityValue {
                source: c.source.clone(),
                illustrative: c.illustrative,
            })
            .unwrap_or(CityValue {
                source: None,
                illustrative: false,
            }),
        _ => CityValue {
            source: Some(grade.source.clone()),
            illustrative: grade.illustrative,
        },
    };
    let subject = |id: &str| {
        profile
            .grade(id)
            .map(|(_, g)| (g, profile.management_limit(g)))
            .filter(|(_, limit)| limit.applies)
    };
    if let Some((grade, limit)) = subject(&plan.grade) {
        return ManagementPosts::Current {
            grade: grade.id.clone(),
            fiscal_years_left: (last_fy - today.fiscal_year() + 1).max(0),
            basis: limit.basis,
            said_by: said_by(grade, limit.basis),
        };
    }
    if let Some((grade, limit)) = subject(&plan.target_grade) {
        return ManagementPosts::Target {
            grade: grade.id.clone(),
            basis: limit.basis,
            said_by: said_by(grade, limit.basis),
        };
    }
    if profile.ladder_has_management_limit(plan.series_id(profile)) {
        ManagementPosts::Ladder
    } else {
        ManagementPosts::NotSubject
    }
}

/// The next ten years of the plan's employee, from `today`.
pub fn next_ten_years(profile: &Profile, plan: &Plan, today: Date) -> NextTen {
    let birth = plan.birth_date;
    let retirement = retirement_of(profile, plan);
    let special = special_age(profile, plan).cloned();
    let reaches_sixty = birth.reaches_age(SIXTY);
    let sixty_fy = reaches_sixty.fiscal_year();
    let reformed = retirement.age > SIXTY && sixty_fy >= FIRST_REFORMED_FY;
    let management = management_posts(profile, plan, today, retirement.last_management_fiscal_year());

    let mut events = Vec::new();
    let mut event = |kind: EventKind, date: Date, until: Option<Date>, rule: Rule| {
        events.push(Event {
            kind,
            date,
            until,
            age: age_on(birth, date),
            rule,
            past: until.unwrap_or(date) < today,
        });
    };
    let pay_from = Date::fy_start(sixty_fy + 1);
    if reformed {
        let intent_fy = sixty_fy - 1;
        event(
            EventKind::InformationAndIntent,
            Date::fy_start(intent_fy),
            Some(Date::fy_end(intent_fy)),
            Rule::InformationAndIntent,
        );
        event(EventKind::ReachesSixty, reaches_sixty, None, Rule::RetirementAge);
        if management != ManagementPosts::NotSubject {
            let until = retirement.management_post_until;
            event(EventKind::ManagementPostsEnd, until, None, Rule::ManagementPostAge);
            let extended = Date::fy_end(until.fiscal_year() + EXTENSION_YEARS).min(retirement.date);
            if extended > until {
                event(
                    EventKind::ManagementExtensionEnd,
                    extended,
                    None,
                    Rule::ManagementPostExtension,
                );
            }
        }
        if pay_from <= retirement.date {
            event(EventKind::PayReduced, pay_from, None, Rule::PayAfterSixty);
        }
    }
    let retirement_rule = if special.is_some() {
        Rule::SpecialRetirementAge
    } else {
        Rule::RetirementAge
    };
    event(EventKind::Retirement, retirement.date, None, retirement_rule);
    // 暫定再任用 runs to 65 while the national age in force is below it; a city's 特例定年
    // has rules of its own.
    let interim_until = Date::fy_end(birth.reaches_age(FULL_RETIREMENT_AGE).fiscal_year());
    let interim = special.is_none() && retirement.age < FULL_RETIREMENT_AGE;
    if interim {
        event(
            EventKind::InterimReemploymentEnd,
            interim_until,
            None,
            Rule::InterimReemployment,
        );
    }
    events.sort_by_key(|e| (e.date, e.until));

    let mut options = Vec::new();
    if reformed {
        options.push(AfterSixty {
            kind: OptionKind::FullTime,
            from: reaches_sixty,
            until: retirement.date,
            rule: Rule::PayAfterSixty,
        });
        options.push(AfterSixty {
            kind: OptionKind::ShortTime,
            from: reaches_sixty,
            until: retirement.date,
            rule: Rule::ShortTimeReemployment,
        });
        options.push(AfterSixty {
            kind: OptionKind::Leave,
            from: reaches_sixty,
            until: retirement.date,
            rule: Rule::RetirementAllowance,
        });
    }
    if interim && let Some(from) = Date::from_days_since_epoch(retirement.date.days_since_epoch() + 1) {
        options.push(AfterSixty {
            kind: OptionKind::Interim,
            from,
            until: interim_until,
            rule: Rule::InterimReemployment,
        });
    }

    let last_fy = if interim {
        interim_until.fiscal_year()
    } else {
        retirement.last_fiscal_year()
    };
    let last_post_fy = retirement.last_management_fiscal_year();
    let years = (today.fiscal_year()..=last_fy)
        .map(|fy| Year {
            fy,
            age: age_on(birth, Date::fy_end(fy)),
            posts: if management == ManagementPosts::NotSubject || fy > retirement.last_fiscal_year() {
                PostYear::No
            } else if fy <= last_post_fy {
                PostYear::Yes
            } else if reformed && fy <= last_post_fy + EXTENSION_YEARS {
                PostYear::Extension
            } else {
                PostYear::No
            },
            pay_percent: (reformed && Date::fy_start(fy) >= pay_from && fy <= retirement.last_fiscal_year())
                .then_some(PAY_AFTER_SIXTY_PERCENT),
            service: if fy <= retirement.last_fiscal_year() {
                Service::Regular
            } else {
                Service::Interim
            },
            events: events
                .iter()
                .filter(|e| e.date.fiscal_year() == fy)
                .map(|e| e.kind)
                .collect(),
            current: fy == today.fiscal_year(),
        })
        .collect();

    NextTen {
        today,
        birth_date: birth,
        age: age_on(birth, today),
        retirement,
        special,
        reformed,
        management,
        events,
        years,
        options,
    }
}

#[cfg(test)]
mod tests;
