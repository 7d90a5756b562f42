//! When each grade above the current one can be reached under the profile's promotion
//! model (昇任・昇格モデル). Promotions are taken to happen on 1 April, the start of a fiscal
//! year. The earliest year is what the model allows, not a promise: promotion depends on
//! selection, exams and openings. Where the model states no years in grade for a step and
//! the profile declares no assumption, that step and every one after it has no year
//! (在級年数の定めなし): Michi does not invent one.

use serde::Serialize;

use crate::engine::retirement::Retirement;
use crate::model::{
    AssumedBy, Date, FiscalYear, JobSeries, Leave, LeaveKind, Plan, Profile, PromotionStep, YearsBasis,
};

/// One grade above the current one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrajectoryStep {
    pub grade: String,
    pub grade_name: String,
    /// The grade itself is Michi's reading: the document names no such grade.
    pub grade_illustrative: bool,
    /// Earliest fiscal year the grade can be held, with minimum years in each grade; `None`
    /// where a step on the way states no minimum years (在級年数の定めなし).
    pub earliest_fy: Option<FiscalYear>,
    /// Fiscal year with typical years in each grade; `None` where a step on the way states
    /// no typical years.
    pub typical_fy: Option<FiscalYear>,
    /// A selection exam (選考試験) stands before this grade.
    pub exam: bool,
    /// Reachable before retirement at the earliest; `None` with no earliest year.
    pub reachable: Option<bool>,
    /// Reachable before retirement on the typical path; `None` with no typical year.
    pub typical_reachable: Option<bool>,
    /// For grades 役職定年 applies to: the earliest year lies before the end of management
    /// posts (役職定年); `None` with no earliest year. Always true for other grades.
    pub before_management_limit: Option<bool>,
    /// 役職定年 applies to the grade (see [`Profile::management_limit`]).
    pub management: bool,
    /// Some figure on the way here rests on illustrative (example) values.
    pub illustrative: bool,
    /// Some figure on the way here rests on the profile's `[promotion_assumption]`, and
    /// whose assumption that is.
    pub assumed_by: Option<AssumedBy>,
    /// The step's stated conditions, as the document writes them.
    pub conditions: Vec<String>,
}

/// How leave was counted toward years in grade, for the reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaveCounting {
    pub kind: LeaveKind,
    /// Days of leave since the current grade began (planned leave included).
    pub days: i64,
    /// Fraction counted toward years in grade.
    pub counted: f64,
    /// The profile sets no rule for this kind: counted in full by assumption.
    pub assumed: bool,
}

/// The path up the ladder from the current grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trajectory {
    pub steps: Vec<TrajectoryStep>,
    /// The first fiscal year a promotion can take effect (the next 1 April from today).
    pub next_round_fy: FiscalYear,
    /// Leave taken in the current grade and how it was counted.
    pub leave_counting: Vec<LeaveCounting>,
    /// Grades above the current one with no promotion step leading to them.
    pub unconnected: Vec<String>,
}

/// The first 1 April on or after `today`, as a fiscal year.
pub fn next_round(today: Date) -> FiscalYear {
    if today.month() == 4 && today.day() == 1 {
        today.fiscal_year()
    } else {
        today.fiscal_year() + 1
    }
}

/// Days of `leave` within `[from, until)`; a leave's `to` is its last day.
fn overlap_days(leave: &Leave, from: Date, until: Date) -> i64 {
    let start = leave.from.max(from).days_since_epoch();
    let end = leave.to.map_or(until.days_since_epoch(), |to| {
        (to.days_since_epoch() + 1).min(until.days_since_epoch())
    });
    (end - start).max(0)
}

/// The fraction of `kind` leave counted toward years in grade, and whether it is assumed.
fn counted_fraction(profile: &Profile, kind: LeaveKind) -> (f64, bool) {
    profile
        .leave_rules
        .iter()
        .find(|r| r.kind == kind)
        .map_or((1.0, true), |r| (r.counted, false))
}

/// Days in grade lost to leave that does not count, between `from` and `until`.
fn uncounted_leave_days(profile: &Profile, leaves: &[Leave], from: Date, until: Date) -> i64 {
    leaves
        .iter()
        .map(|l| {
            let (counted, _) = counted_fraction(profile, l.kind);
            (overlap_days(l, from, until) as f64 * (1.0 - counted)).round() as i64
        })
        .sum()
}

/// The first fiscal year, not before `not_before`, whose 1 April finds `years` counted years
/// in grade since `since` (leave discounted as the profile says).
fn first_fy_with_years(
    profile: &Profile,
    leaves: &[Leave],
    since: Date,
    years: u8,
    not_before: FiscalYear,
) -> FiscalYear {
    // Without leave the answer is the first 1 April on or after the anniversary; leave only
    // pushes it later, by at most its length, so the search is short.
    let mut fy = (since.fiscal_year() + i32::from(years)).max(not_before);
    for _ in 0..200 {
        let round = Date::fy_start(fy);
        let lost = uncounted_leave_days(profile, leaves, since, round);
        let counted_until = Date::from_days_since_epoch(round.days_since_epoch() - lost).unwrap_or(round);
        if since.whole_years_until(counted_until) >= i32::from(years) {
            return fy;
        }
        fy += 1;
    }
    fy
}

/// The step from `from` to the next grade up the ladder, preferring the direct neighbour.
fn step_from<'p>(profile: &'p Profile, series: &JobSeries, from: &str) -> Option<&'p PromotionStep> {
    let from_rank = profile.rank(series, from)?;
    profile
        .steps_from(from)
        .filter_map(|s| profile.rank(series, &s.to).filter(|&r| r > from_rank).map(|r| (r, s)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, s)| s)
}

/// The trajectory from the plan's current grade to the top of its series.
pub fn trajectory(profile: &Profile, plan: &Plan, retirement: &Retirement, today: Date) -> Trajectory {
    let next_round_fy = next_round(today);
    let series = plan.series_id(profile).and_then(|id| profile.series(id));
    let mut trajectory = Trajectory {
        steps: Vec::new(),
        next_round_fy,
        leave_counting: Vec::new(),
        unconnected: Vec::new(),
    };
    let Some(series) = series else {
        return trajectory;
    };
    let Some(current_rank) = profile.rank(series, &plan.grade) else {
        return trajectory;
    };
    for leave in &plan.leaves {
        // Past, current and planned leave alike; an open-ended leave runs to today.
        let until = match leave.to {
            Some(to) => Date::from_days_since_epoch(to.days_since_epoch() + 1).unwrap_or(to),
            None => Date::from_days_since_epoch(today.days_since_epoch() + 1).unwrap_or(today),
        };
        let days = overlap_days(leave, plan.grade_since, until);
        if days > 0 {
            let (counted, assumed) = counted_fraction(profile, leave.kind);
            trajectory.leave_counting.push(LeaveCounting {
                kind: leave.kind,
                days,
                counted,
                assumed,
            });
        }
    }

    let ladder = profile.ladder(series);
    let Some(mut from) = ladder.get(current_rank) else {
        return trajectory;
    };
    // The current grade's clock runs from grade_since; later grades start when reached. A
    // clock stops for good at the first step with no years.
    let (mut earliest_since, mut typical_since) = (Some(plan.grade_since), Some(plan.grade_since));
    let assumption = profile.promotion_assumption.as_ref();
    let (mut illustrative, mut assumed_by) = (false, None);
    while let Some(step) = step_from(profile, series, &from.id) {
        let Some((_, to)) = profile.grade(&step.to) else { break };
        let min = earliest_since.zip(step.min_years_or(assumption));
        let typical = typical_since.zip(step.typical_years_or(assumption));
        let count = |(since, years): (Date, crate::model::StepYears)| {
            first_fy_with_years(profile, &plan.leaves, since, years.years, next_round_fy)
        };
        let earliest_fy = min.map(count);
        let typical_fy = typical.map(count).map(|fy| earliest_fy.map_or(fy, |e| fy.max(e)));
        for (_, years) in min.iter().chain(&typical) {
            illustrative |= years.basis == YearsBasis::Illustrative;
            if years.basis == YearsBasis::Assumed {
                assumed_by = assumption.map(|a| a.by);
            }
        }
        let last_fy = retirement.last_fiscal_year();
        let limit = profile.management_limit(to);
        trajectory.steps.push(TrajectoryStep {
            grade: to.id.clone(),
            grade_name: to.name.clone(),
            grade_illustrative: to.illustrative,
            earliest_fy,
            typical_fy,
            exam: step.exam,
            reachable: earliest_fy.map(|fy| fy <= last_fy),
            typical_reachable: typical_fy.map(|fy| fy <= last_fy),
            before_management_limit: match (limit.applies, earliest_fy) {
                (false, _) => Some(true),
                (true, fy) => fy.map(|fy| fy <= retirement.last_management_fiscal_year()),
            },
            management: limit.applies,
            illustrative,
            assumed_by,
            conditions: step.conditions.clone(),
        });
        earliest_since = earliest_fy.map(Date::fy_start);
        typical_since = typical_fy.map(Date::fy_start);
        from = to;
    }
    let reached_rank = profile.rank(series, &from.id).unwrap_or(current_rank);
    trajectory.unconnected = ladder.iter().skip(reached_rank + 1).map(|g| g.id.clone()).collect();
    trajectory
}
