//! Two analysed plans side by side: two people, or one person under two cities' profiles
//! ([`map_plan`]). Each side says the same things in the same order — ladder and years,
//! retirement and 役職定年, readiness both ways, the largest gaps, the next trainings and
//! where the rotation rules stand — so the two can be read across.

mod map;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use map::{
    CompetencyMapping, GradeMapping, GradeRole, LevelChange, MapError, Mapped, MappingReport, MatchKind,
    PostingMapping, SeriesMapping, SeriesMatch, convert_level, map_plan,
};

use crate::engine::retirement::Retirement;
use crate::engine::rotation::RuleRef;
use crate::engine::{Analysis, PlanNote, RuleStatus};
use crate::model::{AssumedBy, Date, FiscalYear, Plan, Profile, RuleStrength, YearsBasis};

/// How many gaps a side lists.
pub const TOP_GAPS: usize = 3;

/// Where a grade of the ladder stands from the plan's current grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Below,
    Current,
    Above,
}

/// One grade of a side's ladder, lowest first, with the years the step out of it asks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderGrade {
    pub grade: String,
    pub name: String,
    /// Position from the bottom (0 is the lowest).
    pub rank: usize,
    pub standing: Standing,
    pub target: bool,
    /// The grade is Michi's reading: the document names no such grade.
    pub illustrative: bool,
    /// Years in this grade that the step up out of it asks (min, typical); `None` where the
    /// model states none, or for the top grade.
    pub min_years: Option<u8>,
    pub typical_years: Option<u8>,
    /// Where those years come from: the document, an example, or the profile's declared
    /// assumption; `None` when there are none.
    pub years_basis: Option<YearsBasis>,
    /// A selection exam (選考試験) stands before this grade.
    pub exam: bool,
    /// For grades above the current one, from the trajectory: the earliest and typical
    /// fiscal year it can be held (`None`: no year, 在級年数の定めなし).
    pub earliest_fy: Option<FiscalYear>,
    pub typical_fy: Option<FiscalYear>,
    /// Reachable before retirement at the earliest (`None`: no year, or not above).
    pub reachable: Option<bool>,
    /// The earliest year lies before 役職定年 (always true where it does not apply).
    pub before_management_limit: Option<bool>,
    /// 役職定年 applies to the grade.
    pub management: bool,
    /// Above the current grade, and no promotion step leads to it.
    pub unconnected: bool,
}

/// A competency short of the target grade's requirement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapLine {
    pub competency: String,
    pub name: String,
    pub required: u8,
    pub current: Option<u8>,
    pub supervisor: Option<u8>,
    pub gap: u8,
    /// The required level is an example or the profile's assumption.
    pub illustrative: bool,
}

/// A training suggested for the first year of the training plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrainingLine {
    pub training: String,
    pub name: String,
    pub planned: bool,
}

/// A rotation rule and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleLine {
    pub rule: RuleRef,
    pub status: RuleStatus,
    pub strength: RuleStrength,
}

/// Where the rotation rules stand and what is advised next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationStatus {
    pub rules: Vec<RuleLine>,
    /// Rules met, of those that apply (exempt rules left out).
    pub met: usize,
    pub applicable: usize,
    /// The family suggested for the next posting, by name ("(例示)" families flagged).
    pub next_family: Option<String>,
    pub next_family_illustrative: bool,
    /// The suggestion is to stay in the current post.
    pub stay: bool,
    /// Families a rule still needs, by name.
    pub missing: Vec<String>,
    /// The document describes rotation without a rule Michi can check.
    pub statement_only: bool,
}

/// Readiness for the target grade, both ways once the supervisor has assessed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadinessLine {
    pub grade_name: String,
    pub readiness: Option<u8>,
    pub supervisor_readiness: Option<u8>,
    pub assessed: usize,
    pub supervisor_assessed: usize,
    pub total: usize,
    /// The document has an ability table (else no readiness at all).
    pub ability_table: bool,
}

/// One plan summed up for a side-by-side reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSide {
    pub profile: String,
    pub city: String,
    pub person: Option<String>,
    pub series: Option<String>,
    pub series_name: Option<String>,
    pub grade: String,
    pub grade_name: String,
    /// The position held within the grade (主任主査), by name.
    pub position_name: Option<String>,
    pub grade_since: Date,
    pub target_grade: String,
    pub target_name: String,
    pub target_fy: FiscalYear,
    pub target_fy_source: crate::engine::TargetYearSource,
    pub ladder: Vec<LadderGrade>,
    /// Some years of the ladder rest on the profile's `[promotion_assumption]`: whose.
    pub years_assumed_by: Option<AssumedBy>,
    /// Levels are rungs of the document's descriptions (段2), not numbers on a scale.
    pub levels_are_rungs: bool,
    pub retirement: Retirement,
    /// A grade of this ladder is subject to 役職定年.
    pub management_limit: bool,
    pub readiness: ReadinessLine,
    /// The largest gaps for the target grade, at most [`TOP_GAPS`].
    pub top_gaps: Vec<GapLine>,
    /// The first fiscal year of the training plan and its trainings.
    pub trainings_fy: Option<FiscalYear>,
    pub next_trainings: Vec<TrainingLine>,
    pub rotation: RotationStatus,
    pub notes: Vec<PlanNote>,
}

/// Two plans side by side (`left` is A, `right` is B).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub today: Date,
    pub left: PlanSide,
    pub right: PlanSide,
}

/// Both sides, each from its profile, plan and analysis.
pub fn compare(left: (&Profile, &Plan, &Analysis), right: (&Profile, &Plan, &Analysis)) -> Comparison {
    Comparison {
        today: left.2.today,
        left: side(left.0, left.1, left.2),
        right: side(right.0, right.1, right.2),
    }
}

/// One plan summed up: what [`Comparison`] shows of it.
pub fn side(profile: &Profile, plan: &Plan, analysis: &Analysis) -> PlanSide {
    let series = plan.series_id(profile).and_then(|id| profile.series(id));
    let grade = profile.grade(&plan.grade).map(|(_, g)| g);
    let name_of = |id: &str| {
        profile
            .grade(id)
            .map_or_else(|| id.to_string(), |(_, g)| g.name.clone())
    };
    let target = &analysis.target;
    let mut gaps: Vec<&crate::engine::Gap> = target.gaps.iter().filter(|g| g.gap.is_some_and(|n| n > 0)).collect();
    // The largest first; the report's own order (emphasis, then document order) breaks ties.
    gaps.sort_by_key(|g| std::cmp::Reverse(g.gap));
    let top_gaps = gaps
        .into_iter()
        .take(TOP_GAPS)
        .map(|g| GapLine {
            competency: g.competency.clone(),
            name: g.competency_name.clone(),
            required: g.required,
            current: g.current,
            supervisor: g.supervisor,
            gap: g.gap.unwrap_or(0),
            illustrative: g.illustrative,
        })
        .collect();
    let trainings_fy = analysis.trainings.iter().map(|t| t.fy).min();
    let next_trainings = analysis
        .trainings
        .iter()
        .filter(|t| Some(t.fy) == trainings_fy)
        .map(|t| TrainingLine {
            training: t.id.clone(),
            name: t.name.clone(),
            planned: t.planned,
        })
        .collect();
    let ladder = ladder(profile, plan, analysis);
    PlanSide {
        profile: profile.id.clone(),
        city: profile.name.clone(),
        person: plan.name.clone(),
        series: series.map(|s| s.id.clone()),
        series_name: series.map(|s| s.name.clone()),
        grade: plan.grade.clone(),
        grade_name: name_of(&plan.grade),
        position_name: plan
            .position
            .as_deref()
            .and_then(|p| grade.and_then(|g| g.position(p)))
            .map(|p| p.name.clone()),
        grade_since: plan.grade_since,
        target_grade: plan.target_grade.clone(),
        target_name: name_of(&plan.target_grade),
        target_fy: analysis.target_fy,
        target_fy_source: analysis.target_fy_source,
        years_assumed_by: profile
            .promotion_assumption
            .as_ref()
            .map(|a| a.by)
            .filter(|_| ladder.iter().any(|g| g.years_basis == Some(YearsBasis::Assumed))),
        levels_are_rungs: profile.scale.kind() == crate::model::ScaleKind::Descriptors,
        ladder,
        retirement: analysis.retirement,
        management_limit: profile.ladder_has_management_limit(plan.series_id(profile)),
        readiness: ReadinessLine {
            grade_name: name_of(&target.grade),
            readiness: target.readiness,
            supervisor_readiness: target.supervisor_readiness,
            assessed: target.assessed,
            supervisor_assessed: target.supervisor_assessed,
            total: target.total,
            ability_table: target.ability_table,
        },
        top_gaps,
        trainings_fy,
        next_trainings,
        rotation: rotation_status(profile, analysis),
        notes: analysis.notes.clone(),
    }
}

/// The plan's ladder, lowest first, each grade with the years the step up out of it asks
/// and, above the current grade, the years the trajectory gives.
fn ladder(profile: &Profile, plan: &Plan, analysis: &Analysis) -> Vec<LadderGrade> {
    let Some(series) = plan.series_id(profile).and_then(|id| profile.series(id)) else {
        return Vec::new();
    };
    let current = profile.rank(series, &plan.grade);
    let assumption = profile.promotion_assumption.as_ref();
    let grades: Vec<&crate::model::Grade> = profile.ladder(series).iter().collect();
    let mut out = Vec::with_capacity(grades.len());
    for (rank, g) in grades.iter().enumerate() {
        // The step up from this grade: to the nearest grade above it that a step leads to.
        let up = profile
            .steps_from(&g.id)
            .filter_map(|s| profile.rank(series, &s.to).filter(|&r| r > rank).map(|r| (r, s)))
            .min_by_key(|(r, _)| *r)
            .map(|(_, s)| s);
        let into = rank
            .checked_sub(1)
            .and_then(|r| grades.get(r))
            .and_then(|below| profile.steps_from(&below.id).find(|s| s.to == g.id));
        let min = up.and_then(|s| s.min_years_or(assumption));
        let typical = up.and_then(|s| s.typical_years_or(assumption));
        // The weaker standing of the two figures: an assumption marks the pair.
        let years_basis = [min, typical]
            .into_iter()
            .flatten()
            .map(|y| y.basis)
            .max_by_key(|b| match b {
                YearsBasis::Stated => 0,
                YearsBasis::Illustrative => 1,
                YearsBasis::Assumed => 2,
            });
        let standing = match current.map(|c| rank.cmp(&c)) {
            Some(std::cmp::Ordering::Less) => Standing::Below,
            Some(std::cmp::Ordering::Equal) => Standing::Current,
            _ => Standing::Above,
        };
        let trajectory = analysis.trajectory.steps.iter().find(|s| s.grade == g.id);
        out.push(LadderGrade {
            grade: g.id.clone(),
            name: g.name.clone(),
            rank,
            standing,
            target: g.id == plan.target_grade,
            illustrative: g.illustrative,
            min_years: min.map(|y| y.years),
            typical_years: typical.map(|y| y.years),
            years_basis,
            exam: into.is_some_and(|s| s.exam),
            earliest_fy: trajectory.and_then(|s| s.earliest_fy),
            typical_fy: trajectory.and_then(|s| s.typical_fy),
            reachable: trajectory.and_then(|s| s.reachable),
            before_management_limit: trajectory.and_then(|s| s.before_management_limit),
            management: profile.management_limit(g).applies,
            unconnected: analysis.trajectory.unconnected.contains(&g.id),
        });
    }
    out
}

fn rotation_status(profile: &Profile, analysis: &Analysis) -> RotationStatus {
    let report = &analysis.rotation;
    let rules: Vec<RuleLine> = report
        .rules
        .iter()
        .map(|r| RuleLine {
            rule: r.reference(),
            status: r.status,
            strength: r.strength,
        })
        .collect();
    let applicable = rules.iter().filter(|r| r.status != RuleStatus::Exempt).count();
    let met = rules.iter().filter(|r| r.status == RuleStatus::Satisfied).count();
    let family = |id: &str| profile.family(id);
    let next = report.next.as_ref();
    RotationStatus {
        met,
        applicable,
        next_family: next.map(|n| family(&n.family).map_or_else(|| n.family.clone(), |f| f.name.clone())),
        next_family_illustrative: next.and_then(|n| family(&n.family)).is_some_and(|f| f.illustrative),
        stay: next.is_some_and(|n| n.stay),
        missing: report
            .missing
            .iter()
            .map(|id| family(id).map_or_else(|| id.clone(), |f| f.name.clone()))
            .collect(),
        statement_only: rules.is_empty() && report.statement.is_some(),
        rules,
    }
}
