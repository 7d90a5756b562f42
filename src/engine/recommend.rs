//! A year-by-year training plan: trainings from the catalogue that develop the competencies
//! short of the target grade, that the employee may take at the grade they will hold that
//! year, and that they have not completed.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::engine::gaps::{GapReport, emphasis_weight};
use crate::engine::trajectory::Trajectory;
use crate::model::{FiscalYear, Plan, Profile, TrainingKind};

/// Trainings suggested per fiscal year unless the caller says otherwise.
pub const DEFAULT_PER_YEAR: usize = 3;

/// One suggested training in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: String,
    pub name: String,
    pub kind: TrainingKind,
    pub fy: FiscalYear,
    /// The gap competencies it addresses (ids), most weighted first.
    pub addresses: Vec<String>,
    /// Weighted gap addressed when it was chosen: Σ emphasis weight × remaining gap.
    pub score: u32,
    /// The grade the employee is expected to hold that year.
    pub grade: String,
    /// The employee marked it as planned.
    pub planned: bool,
    /// The training → competency mapping is a reading, not the document's words.
    pub illustrative: bool,
}

/// The grade held in `fy` on the typical path (the current grade until the first step).
fn grade_in_year<'a>(plan: &'a Plan, trajectory: &'a Trajectory, fy: FiscalYear) -> &'a str {
    trajectory
        .steps
        .iter()
        .rev()
        .find(|s| s.typical_fy <= fy)
        .map_or(plan.grade.as_str(), |s| s.grade.as_str())
}

/// The open gaps a training addresses, most weighted first, each with its weight × gap,
/// and their sum.
fn addressed<'p>(
    training: &'p crate::model::Training,
    remaining: &BTreeMap<&str, (u8, u32)>,
) -> (u32, Vec<(&'p str, u32)>) {
    let mut addresses: Vec<(&str, u32)> = training
        .competencies
        .iter()
        .filter_map(|c| {
            remaining
                .get(c.as_str())
                .map(|&(gap, w)| (c.as_str(), w * u32::from(gap)))
        })
        .collect();
    addresses.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
    (addresses.iter().map(|(_, s)| s).sum(), addresses)
}

/// A chosen training is taken to close one level of each gap it addresses.
fn take<'a>(remaining: &mut BTreeMap<&'a str, (u8, u32)>, addresses: &[(&'a str, u32)]) {
    for (c, _) in addresses {
        if let Some(entry) = remaining.get_mut(c) {
            entry.0 = entry.0.saturating_sub(1);
            if entry.0 == 0 {
                remaining.remove(c);
            }
        }
    }
}

fn suggestion(
    training: &crate::model::Training,
    fy: FiscalYear,
    addresses: &[(&str, u32)],
    score: u32,
    grade: &str,
    planned: bool,
) -> Suggestion {
    Suggestion {
        id: training.id.clone(),
        name: training.name.clone(),
        kind: training.kind,
        fy,
        addresses: addresses.iter().map(|(c, _)| c.to_string()).collect(),
        score,
        grade: grade.to_string(),
        planned,
        illustrative: training.competencies_illustrative,
    }
}

/// Lays trainings out from `first_fy` to `last_fy`, at most `per_year` a year.
///
/// Each year, trainings open to the grade held that year are ranked by the weighted gap
/// they address (emphasis weight × remaining gap, summed over their competencies); planned
/// trainings come first. A training planned for a given year (`planned_years`) is placed in
/// that year, even past `last_fy`. A chosen training is taken to close one level of each gap it
/// addresses, so later years turn to the gaps still open.
pub fn training_plan(
    profile: &Profile,
    plan: &Plan,
    gaps: &GapReport,
    trajectory: &Trajectory,
    first_fy: FiscalYear,
    last_fy: FiscalYear,
    per_year: usize,
) -> Vec<Suggestion> {
    let mut remaining: BTreeMap<&str, (u8, u32)> = gaps
        .gaps
        .iter()
        .filter_map(|g| {
            g.gap
                .filter(|&n| n > 0)
                .map(|n| (g.competency.as_str(), (n, emphasis_weight(g.emphasis))))
        })
        .collect();
    let completed: HashSet<&str> = plan.completed_trainings.iter().map(String::as_str).collect();
    let planned: HashSet<&str> = plan.planned_trainings.iter().map(String::as_str).collect();
    // Trainings the employee planned for a year: each goes in that year (a year already past
    // goes in the first), whatever the ranking would say.
    let dated: BTreeMap<FiscalYear, Vec<&str>> = plan
        .planned_trainings
        .iter()
        .filter(|t| !completed.contains(t.as_str()))
        .filter_map(|t| plan.planned_years.get(t).map(|&fy| (fy.max(first_fy), t.as_str())))
        .fold(BTreeMap::new(), |mut by_year, (fy, t)| {
            by_year.entry(fy).or_insert_with(Vec::new).push(t);
            by_year
        });
    let last_dated = dated.keys().next_back().copied().unwrap_or(first_fy);
    let mut chosen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for fy in first_fy..=last_fy.max(last_dated) {
        if remaining.is_empty() && fy > last_dated {
            break;
        }
        let grade = grade_in_year(plan, trajectory, fy);
        let mut room = per_year;
        for id in dated.get(&fy).into_iter().flatten() {
            let Some(training) = profile.training(id) else { continue };
            let mut addresses: Vec<(&str, u32)> = training
                .competencies
                .iter()
                .filter_map(|c| {
                    remaining
                        .get(c.as_str())
                        .map(|&(gap, w)| (c.as_str(), w * u32::from(gap)))
                })
                .collect();
            addresses.sort_by_key(|&(_, s)| std::cmp::Reverse(s));
            let score = addresses.iter().map(|(_, s)| s).sum();
            take(&mut remaining, &addresses);
            chosen.insert(&training.id);
            room = room.saturating_sub(1);
            out.push(suggestion(training, fy, &addresses, score, grade, true));
        }
        if fy > last_fy {
            continue;
        }
        for _ in 0..room {
            let best = profile
                .trainings
                .iter()
                .filter(|t| !completed.contains(t.id.as_str()) && !chosen.contains(t.id.as_str()))
                .filter(|t| !plan.planned_years.contains_key(&t.id))
                .filter(|t| t.grades.is_empty() || t.grades.iter().any(|g| g == grade))
                .filter_map(|t| {
                    let (score, addresses) = addressed(t, &remaining);
                    (score > 0).then(|| (planned.contains(t.id.as_str()), score, t, addresses))
                })
                // Planned first, then the highest score; catalogue order breaks ties.
                .fold(None, |best: Option<(bool, u32, _, _)>, cand| match &best {
                    Some((p, s, _, _)) if (*p, *s) >= (cand.0, cand.1) => best,
                    _ => Some(cand),
                });
            let Some((is_planned, score, training, addresses)) = best else {
                break;
            };
            take(&mut remaining, &addresses);
            chosen.insert(&training.id);
            out.push(suggestion(training, fy, &addresses, score, grade, is_planned));
        }
    }
    out
}
