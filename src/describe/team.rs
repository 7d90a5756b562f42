//! One plan of a team folder in a row, for a supervisor before the interviews: the same
//! figures for `michi team` and the app's team list.

use crate::engine;
use crate::model::{Date, GoalStatus, Plan, Profile};

/// What a team folder's listing shows of one plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSummary {
    pub name: Option<String>,
    /// The current grade as the document names it, with the position held in it.
    pub grade: String,
    /// The target grade as the document names it.
    pub target: String,
    /// Readiness for the target on the employee's own levels.
    pub readiness: Option<u8>,
    /// The same rule on the supervisor's levels, once the supervisor has assessed.
    pub supervisor_readiness: Option<u8>,
    /// The competency furthest below the target's requirement, with its gap:
    /// 「組織管理能力（2）」; `None` when nothing falls short.
    pub largest_gap: Option<String>,
    pub last_interview: Option<Date>,
    /// Goals of every interview still planned or in progress.
    pub open_goals: usize,
}

/// The row of a checked plan, measured against its target grade.
pub fn team_summary(profile: &Profile, plan: &Plan) -> TeamSummary {
    let target = engine::gaps(profile, plan, &plan.target_grade);
    let largest_gap = target
        .gaps
        .iter()
        .filter(|g| g.gap.is_some_and(|n| n > 0))
        .max_by_key(|g| g.gap)
        .map(|g| format!("{}（{}）", g.competency_name, g.gap.unwrap_or(0)));
    TeamSummary {
        name: plan.name.clone(),
        grade: crate::describe::current_grade(profile, plan),
        target: crate::describe::grade_name(profile, &plan.target_grade).to_string(),
        readiness: target.readiness,
        supervisor_readiness: target.supervisor_readiness,
        largest_gap,
        last_interview: plan.interviews.iter().map(|i| i.date).max(),
        open_goals: plan
            .interviews
            .iter()
            .flat_map(|i| &i.goals)
            .filter(|g| matches!(g.status, GoalStatus::Planned | GoalStatus::InProgress))
            .count(),
    }
}
