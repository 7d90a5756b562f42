//! What stands between an employee's competencies and a grade's requirements, a readiness
//! score for that grade, and what changes between two grades of a series.

use std::cmp::Reverse;

use serde::Serialize;

use crate::model::{Emphasis, Plan, Profile};

/// Weight of each emphasis in readiness and in ranking trainings.
pub fn emphasis_weight(emphasis: Emphasis) -> u32 {
    match emphasis {
        Emphasis::Key => 3,
        Emphasis::Expected => 2,
        Emphasis::Unmarked => 1,
    }
}

/// One competency measured against one grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub competency: String,
    pub competency_name: String,
    pub required: u8,
    /// The employee's own level; `None` when not yet assessed.
    pub current: Option<u8>,
    /// The supervisor's level, where given.
    pub supervisor: Option<u8>,
    /// Levels short of the requirement, never negative; `None` when not yet assessed.
    pub gap: Option<u8>,
    pub emphasis: Emphasis,
    /// The requirement's numeric level is an example, not the document's.
    pub illustrative: bool,
    /// The document's descriptor for the employee's current grade.
    pub current_descriptor: Option<String>,
    /// The document's descriptor for the grade measured against.
    pub target_descriptor: Option<String>,
    pub source: Option<String>,
    /// The grade whose requirement this is, carried up because the document says
    /// requirements accumulate; `None` when the grade states it itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
}

/// A competency the grade measured against does not list: it asks nothing of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotStated {
    pub competency: String,
    pub competency_name: String,
    /// The employee's own level, where given.
    pub current: Option<u8>,
}

/// Every competency measured against one grade, most important first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    pub grade: String,
    pub gaps: Vec<Gap>,
    /// 0–100, see [`readiness`]; `None` when the profile asks nothing above the scale's
    /// minimum at this grade (川越's weights were figures missing from the text).
    pub readiness: Option<u8>,
    /// Readiness read on the supervisor's levels, the same rule (an item the supervisor has
    /// not assessed counts as unassessed); `None` until the supervisor has assessed any
    /// item the grade states, or when there is no readiness at all.
    pub supervisor_readiness: Option<u8>,
    /// Items the supervisor has assessed, of `total`.
    pub supervisor_assessed: usize,
    pub assessed: usize,
    pub total: usize,
    /// Key (◎) competencies at this grade, and how many of them are self-assessed: the
    /// readiness figure is shown with this coverage.
    pub key_total: usize,
    pub key_assessed: usize,
    /// Competencies the grade does not list (記載なし): no requirement, never a drop.
    pub not_stated: Vec<NotStated>,
    /// ◎/○ are the document's notation (else key items are simply the listed ones).
    pub marked: bool,
    /// The document has an ability table; without one (文書に能力表なし) there are no gaps
    /// and no readiness, and the roles checklist is the signal.
    pub ability_table: bool,
}

/// Gaps for `grade`, ordered key → expected → unmarked, larger gaps first, then not yet
/// assessed, then met; document order breaks ties.
pub fn gaps(profile: &Profile, plan: &Plan, grade: &str) -> GapReport {
    // Both grades' rows are read side by side with the competencies, one entry each, on
    // the plan's ladder (a shared grade's rungs count the descriptions below it there).
    let series = plan.series_id(profile);
    let targets = profile.grade_requirements_on(series, grade).into_iter().flatten();
    let mut here = profile.grade_requirements_on(series, &plan.grade);
    let mut not_stated = Vec::new();
    let mut gaps: Vec<(usize, Gap)> = Vec::new();
    for (order, (c, target)) in profile.competencies.iter().zip(targets).enumerate() {
        let here = here.as_mut().and_then(Iterator::next);
        let current = plan.self_assessment.get(&c.id).copied();
        let Some(required) = target.level else {
            not_stated.push(NotStated {
                competency: c.id.clone(),
                competency_name: c.name.clone(),
                current,
            });
            continue;
        };
        gaps.push((
            order,
            Gap {
                competency: c.id.clone(),
                competency_name: c.name.clone(),
                required,
                current,
                supervisor: plan.supervisor_assessment.get(&c.id).copied(),
                gap: current.map(|level| required.saturating_sub(level)),
                emphasis: target.emphasis,
                illustrative: target.illustrative,
                current_descriptor: here.and_then(|r| r.descriptor).map(str::to_string),
                target_descriptor: target.descriptor.map(str::to_string),
                source: target.source.map(str::to_string),
                derived_from: target
                    .derived_from
                    .and_then(|g| profile.grade(g))
                    .map(|(_, g)| g.name.clone()),
            },
        ));
    }
    gaps.sort_by_key(|(order, g)| {
        let standing = match g.gap {
            Some(n) if n > 0 => (0, Reverse(n)),
            None => (1, Reverse(0)),
            Some(_) => (2, Reverse(0)),
        };
        (g.emphasis, standing, *order)
    });
    let gaps: Vec<Gap> = gaps.into_iter().map(|(_, g)| g).collect();
    let asks = gaps.iter().any(|g| g.required > profile.scale.min());
    let supervisor_assessed = gaps.iter().filter(|g| g.supervisor.is_some()).count();
    // The same rule on the supervisor's view: each gap as if the supervisor's level were
    // the employee's.
    let supervisor_readiness = (asks && supervisor_assessed > 0).then(|| {
        let seen: Vec<Gap> = gaps
            .iter()
            .map(|g| Gap {
                current: g.supervisor,
                gap: g.supervisor.map(|l| g.required.saturating_sub(l)),
                ..g.clone()
            })
            .collect();
        readiness(profile.scale.min(), &seen)
    });
    GapReport {
        grade: grade.to_string(),
        readiness: asks.then(|| readiness(profile.scale.min(), &gaps)),
        supervisor_readiness,
        supervisor_assessed,
        assessed: gaps.iter().filter(|g| g.current.is_some()).count(),
        total: gaps.len(),
        key_total: gaps.iter().filter(|g| g.emphasis == Emphasis::Key).count(),
        key_assessed: gaps
            .iter()
            .filter(|g| g.emphasis == Emphasis::Key && g.current.is_some())
            .count(),
        gaps,
        not_stated,
        marked: profile.uses_marks(),
        ability_table: !profile.competencies.is_empty(),
    }
}

/// Readiness for a grade, 0–100:
///
/// `floor(100 × Σ wᵢ·aᵢ / Σ wᵢ)` over every competency, with weight wᵢ 3 for key, 2 for
/// expected, 1 for unmarked, and attainment aᵢ = 1 when the requirement is at the scale's
/// minimum, else `clamp((current − min) / (required − min), 0, 1)`. A competency not yet
/// assessed has aᵢ = 0 when it is key (◎) or asks more than the minimum: only an unmarked
/// minimum counts as met unassessed, so unassessed key items never flatter the figure.
/// 100 means every requirement is met.
pub fn readiness(scale_min: u8, gaps: &[Gap]) -> u8 {
    let mut weighted = 0.0;
    let mut total = 0.0;
    for g in gaps {
        let w = f64::from(emphasis_weight(g.emphasis));
        let attainment = match g.current {
            None if g.emphasis == Emphasis::Key || g.required > scale_min => 0.0,
            _ if g.required <= scale_min => 1.0,
            Some(level) => {
                (f64::from(level.saturating_sub(scale_min)) / f64::from(g.required - scale_min)).clamp(0.0, 1.0)
            }
            None => 0.0,
        };
        weighted += w * attainment;
        total += w;
    }
    if total == 0.0 {
        return 100;
    }
    // Exact integer arithmetic decides 100, so rounding never reports a gap as ready.
    if gaps
        .iter()
        .all(|g| g.current.is_some_and(|c| c >= g.required) || (g.required <= scale_min && g.emphasis != Emphasis::Key))
    {
        return 100;
    }
    ((100.0 * weighted / total).floor() as u8).min(99)
}

/// A competency whose requirement differs between two grades.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffRow {
    pub competency: String,
    pub competency_name: String,
    /// `None`: the grade does not list the competency (記載なし).
    pub from_level: Option<u8>,
    pub to_level: Option<u8>,
    /// Carried up from a lower grade (accumulation), by grade id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_derived: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_derived: Option<String>,
    /// Either number is Michi's assumption, not the document's.
    pub illustrative: bool,
    pub from_emphasis: Emphasis,
    pub to_emphasis: Emphasis,
    pub from_descriptor: Option<String>,
    pub to_descriptor: Option<String>,
}

/// What one grade asks that another does not ("what does 主査 ask that 主任 does not?").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeDiff {
    pub from: String,
    pub to: String,
    pub from_name: String,
    pub to_name: String,
    /// The series whose ladder the levels are counted on (a rung counts the descriptions
    /// below it on one ladder); `None` when no ladder holds both grades.
    pub series: Option<String>,
    /// Competencies whose level, emphasis or descriptor changes, most emphasised first.
    pub changes: Vec<DiffRow>,
    /// Role text of the `to` grade that the `from` grade does not have.
    pub new_roles: Vec<String>,
}

/// The difference between two grades, measured on `series`' ladder when it holds both (a
/// plan's series), else on a ladder that holds both (two grades of different ladders are
/// each measured on their own); `None` when either grade is unknown.
pub fn grade_diff(profile: &Profile, series: Option<&str>, from: &str, to: &str) -> Option<GradeDiff> {
    let (_, from_grade) = profile.grade(from)?;
    let (_, to_grade) = profile.grade(to)?;
    let holds_both = |s: &&crate::model::JobSeries| profile.rank(s, from).is_some() && profile.rank(s, to).is_some();
    let series = series
        .and_then(|id| profile.series(id))
        .filter(holds_both)
        .or_else(|| profile.common_series(from, to));
    let series_id = series.map(|s| s.id.as_str());
    let rows = profile
        .grade_requirements_on(series_id, from)?
        .zip(profile.grade_requirements_on(series_id, to)?);
    let mut changes: Vec<DiffRow> = profile
        .competencies
        .iter()
        .zip(rows)
        .filter_map(|(c, (a, b))| {
            (a.level != b.level || a.emphasis != b.emphasis || a.descriptor != b.descriptor).then(|| DiffRow {
                competency: c.id.clone(),
                competency_name: c.name.clone(),
                from_level: a.level,
                to_level: b.level,
                from_derived: a.derived_from.map(str::to_string),
                to_derived: b.derived_from.map(str::to_string),
                illustrative: a.illustrative || b.illustrative,
                from_emphasis: a.emphasis,
                to_emphasis: b.emphasis,
                from_descriptor: a.descriptor.map(str::to_string),
                to_descriptor: b.descriptor.map(str::to_string),
            })
        })
        .collect();
    // Stable: document order within the same emphasis and level change.
    let rise = |r: &DiffRow| i16::from(r.to_level.unwrap_or(0)) - i16::from(r.from_level.unwrap_or(0));
    changes.sort_by_key(|r| (r.to_emphasis, Reverse(rise(r))));
    Some(GradeDiff {
        from: from_grade.id.clone(),
        to: to_grade.id.clone(),
        from_name: from_grade.name.clone(),
        to_name: to_grade.name.clone(),
        series: series.map(|s| s.id.clone()),
        new_roles: to_grade
            .roles
            .iter()
            .filter(|r| !from_grade.roles.contains(r))
            .cloned()
            .collect(),
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(required: u8, current: Option<u8>, emphasis: Emphasis) -> Gap {
        Gap {
            competency: String::new(),
            competency_name: String::new(),
            required,
            current,
            supervisor: None,
            gap: current.map(|c| required.saturating_sub(c)),
            emphasis,
            illustrative: false,
            current_descriptor: None,
            target_descriptor: None,
            source: None,
            derived_from: None,
        }
    }

    #[test]
    fn unassessed_key_items_never_count_as_met() {
        // One key item at the minimum, not assessed, and one expected item met: the key
        // item's weight (3 of 5) is missing from the figure.
        let gaps = [gap(1, None, Emphasis::Key), gap(3, Some(3), Emphasis::Expected)];
        assert_eq!(readiness(1, &gaps), 40);
        // Assessed, the same key item is met.
        let gaps = [gap(1, Some(1), Emphasis::Key), gap(3, Some(3), Emphasis::Expected)];
        assert_eq!(readiness(1, &gaps), 100);
        // An unmarked minimum still counts as met unassessed: it asks nothing.
        let gaps = [gap(1, None, Emphasis::Unmarked), gap(3, Some(3), Emphasis::Expected)];
        assert_eq!(readiness(1, &gaps), 100);
    }
}
