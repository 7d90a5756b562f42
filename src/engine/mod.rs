//! Pure computations over a profile and a plan: retirement, trajectory, competency gaps,
//! training plan, rotation. No I/O and no clock: today's date is a parameter.

pub mod compare;
pub mod disagreement;
pub mod gaps;
pub mod input_checks;
pub mod lifeline;
pub mod national;
pub mod next_ten;
pub mod recommend;
pub mod retirement;
pub mod roles;
pub mod roster;
pub mod rotation;
pub mod trajectory;
pub mod wcm;

use serde::Serialize;

pub use disagreement::{Disagreement, competency_notes, disagreements};
pub use gaps::{Gap, GapReport, GradeDiff, emphasis_weight, gaps, grade_diff, readiness};
pub use input_checks::{FieldValue, InputProblem, Period, check_field};
pub use lifeline::{LifeEvent, LifelineChart, LifelineRow, Tense, lifeline, service_years};
pub use national::{Rule, retirement_age_in_force};
pub use next_ten::{NextTen, next_ten_years};
pub use recommend::{DEFAULT_PER_YEAR, Suggestion, training_plan};
pub use retirement::{Retirement, retirement, retirement_at, retirement_of, special_age_of};
pub use roles::{RoleCheck, RolesReport, roles};
pub use rotation::{Finding, RotationReport, RuleStatus, rotation};
pub use trajectory::{Trajectory, TrajectoryStep, trajectory};

use crate::model::{Date, FiscalYear, Plan, Profile};

/// Where the fiscal year the training plan runs to came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetYearSource {
    /// The plan's `target_fy`.
    Plan,
    /// The typical year the target grade is reached.
    Typical,
    /// The target is the current grade or unreachable: a few years ahead.
    Default,
}

/// Years ahead the training plan runs when the target gives no year.
const DEFAULT_HORIZON_YEARS: i32 = 3;

/// A point worth telling the employee about the plan as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanNote {
    /// The target year is earlier than the promotion model allows.
    TargetBeforeEarliest {
        target_fy: FiscalYear,
        earliest_fy: FiscalYear,
    },
    /// The target grade cannot be reached before retirement.
    TargetAfterRetirement { grade: String },
    /// The target is a management post reached only after 役職定年.
    TargetAfterManagementLimit { grade: String },
    /// No promotion step leads to the target grade.
    TargetNotConnected { grade: String },
    /// The target grade is the current one.
    TargetIsCurrent,
    /// The profile sets no requirement above the scale's minimum for the target grade, so
    /// gaps and readiness say nothing.
    NoRequirements { grade: String },
    /// The document has no ability table (文書に能力表なし): no gaps, no readiness; the
    /// roles checklist is the signal.
    NoAbilityTable,
    /// The promotion model states no years in grade on the way to the target (在級年数の
    /// 定めなし) and the profile declares no assumption: no year to reach it by.
    TargetYearsNotStated { grade: String },
}

/// Everything Michi computes for one plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub today: Date,
    pub retirement: Retirement,
    pub trajectory: Trajectory,
    /// Gaps against the target grade.
    pub target: GapReport,
    /// Gaps against the next grade up, when there is one.
    pub next: Option<GapReport>,
    /// The target grade's roles checklist.
    pub roles: RolesReport,
    pub target_fy: FiscalYear,
    pub target_fy_source: TargetYearSource,
    pub trainings: Vec<Suggestion>,
    pub rotation: RotationReport,
    pub notes: Vec<PlanNote>,
    /// Self vs supervisor: each competency either side has assessed, the largest
    /// difference first.
    pub disagreements: Vec<Disagreement>,
}

/// Analyses a plan that has passed validation against `profile`.
pub fn analyze(profile: &Profile, plan: &Plan, today: Date, per_year: usize) -> Analysis {
    let retirement = retirement::retirement_of(profile, plan);
    let trajectory = trajectory::trajectory(profile, plan, &retirement, today);
    let target = gaps::gaps(profile, plan, &plan.target_grade);
    let next = trajectory.steps.first().map(|s| gaps::gaps(profile, plan, &s.grade));
    let target_step = trajectory.steps.iter().find(|s| s.grade == plan.target_grade);

    let mut notes = Vec::new();
    if profile.competencies.is_empty() {
        notes.push(PlanNote::NoAbilityTable);
    } else if target.readiness.is_none() {
        notes.push(PlanNote::NoRequirements {
            grade: plan.target_grade.clone(),
        });
    }
    if plan.target_grade == plan.grade {
        notes.push(PlanNote::TargetIsCurrent);
    }
    match target_step {
        Some(step) => {
            if let (Some(target_fy), Some(earliest_fy)) = (plan.target_fy, step.earliest_fy)
                && target_fy < earliest_fy
            {
                notes.push(PlanNote::TargetBeforeEarliest { target_fy, earliest_fy });
            }
            if step.typical_fy.is_none() && plan.target_fy.is_none() {
                notes.push(PlanNote::TargetYearsNotStated {
                    grade: step.grade.clone(),
                });
            }
            if step.reachable == Some(false) {
                notes.push(PlanNote::TargetAfterRetirement {
                    grade: step.grade.clone(),
                });
            } else if step.before_management_limit == Some(false) {
                notes.push(PlanNote::TargetAfterManagementLimit {
                    grade: step.grade.clone(),
                });
            }
        }
        None if trajectory.unconnected.contains(&plan.target_grade) => {
            notes.push(PlanNote::TargetNotConnected {
                grade: plan.target_grade.clone(),
            });
        }
        None => {}
    }

    let last_service_fy = retirement.last_fiscal_year();
    let (target_fy, target_fy_source) = match (plan.target_fy, target_step) {
        (Some(fy), _) => (fy, TargetYearSource::Plan),
        (
            None,
            Some(TrajectoryStep {
                reachable: Some(true),
                typical_fy: Some(fy),
                ..
            }),
        ) => (*fy, TargetYearSource::Typical),
        _ => (today.fiscal_year() + DEFAULT_HORIZON_YEARS, TargetYearSource::Default),
    };
    let first_fy = today.fiscal_year();
    let last_fy = target_fy.min(last_service_fy).max(first_fy);
    let trainings = recommend::training_plan(profile, plan, &target, &trajectory, first_fy, last_fy, per_year);
    let rotation = rotation::rotation(profile, plan, today);
    Analysis {
        today,
        retirement,
        trajectory,
        target,
        next,
        roles: roles::roles(profile, plan, &plan.target_grade),
        target_fy,
        target_fy_source,
        trainings,
        rotation,
        notes,
        disagreements: disagreement::disagreements(profile, plan),
    }
}
