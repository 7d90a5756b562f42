//! A year-by-year training plan: trainings from the catalogue that develop the competencies
//! short of the target grade, that the employee may take at the grade they will hold that
//! year, and that they have not completed.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};

use serde::Serialize;

use crate::engine::gaps::{GapReport, emphasis_weight};
use crate::engine::trajectory::Trajectory;
use crate::model::{FiscalYear, Plan, Profile, Training, TrainingKind};

/// Trainings suggested per fiscal year unless the caller says otherwise.
pub const DEFAULT_PER_YEAR: usize = 3;

/// One suggested training in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: String,
    pub name: String,
    /// Michi's normalised kind, where the profile gives one.
    pub kind: Option<TrainingKind>,
    /// The category as the document writes it (or Michi's kind, or 区分なし).
    pub category: String,
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
        .find(|s| s.typical_fy.is_some_and(|typical| typical <= fy))
        .map_or(plan.grade.as_str(), |s| s.grade.as_str())
}

/// The open gaps a training addresses, most weighted first, each with its weight × gap,
/// and their sum.
fn addressed<'p>(training: &'p Training, remaining: &BTreeMap<&str, (u8, u32)>) -> (u32, Vec<(&'p str, u32)>) {
    let mut addresses: Vec<(&str, u32)> = training
        .competencies
        .iter()
        .filter_map(|c| {
            remaining
                .get(c.as_str())
                .map(|&(gap, w)| (c.as_str(), w * u32::from(gap)))
        })
        .collect();
    addresses.sort_by_key(|&(_, s)| Reverse(s));
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
    training: &Training,
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
        category: training.category_label(true).to_string(),
        fy,
        addresses: addresses.iter().map(|(c, _)| c.to_string()).collect(),
        score,
        grade: grade.to_string(),
        planned,
        illustrative: training.competencies_illustrative,
    }
}

/// A training waiting to be chosen, ranked as the plan ranks them: planned first, then the
/// highest score, then catalogue order. The score is the one last computed; scores only
/// fall as gaps close, so it is an upper bound on the training's score now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate {
    planned: bool,
    score: u32,
    order: Reverse<usize>,
}

/// A training chosen for a slot, with the open gaps it addresses then.
struct Choice<'p> {
    planned: bool,
    score: u32,
    training: &'p Training,
    addresses: Vec<(&'p str, u32)>,
}

/// The trainings still open to choose from, by the grades they are for: one heap for those
/// open to every grade, one per grade for the others.
struct Ranking<'p> {
    open: BinaryHeap<Candidate>,
    by_grade: HashMap<&'p str, BinaryHeap<Candidate>>,
}

impl<'p> Ranking<'p> {
    /// The best training for `grade` against the gaps still open, taken out of the ranking.
    ///
    /// Lazy re-scoring: the top candidate's score is computed afresh; if it fell, the
    /// candidate goes back with its new score, otherwise no other candidate can beat it,
    /// since each of their scores is at most the one they are ranked by.
    fn best(
        &mut self,
        trainings: &'p [Training],
        grade: &str,
        remaining: &BTreeMap<&str, (u8, u32)>,
        chosen: &HashSet<&str>,
    ) -> Option<Choice<'p>> {
        let mut for_grade = self.by_grade.get_mut(grade);
        loop {
            let open_top = self.open.peek().copied();
            let grade_top = for_grade.as_ref().and_then(|h| h.peek().copied());
            let heap = match (open_top, grade_top) {
                (None, None) => return None,
                (Some(o), Some(g)) if g > o => for_grade.as_deref_mut()?,
                (None, Some(_)) => for_grade.as_deref_mut()?,
                _ => &mut self.open,
            };
            let candidate = heap.pop()?;
            let Some(training) = trainings.get(candidate.order.0) else {
                continue;
            };
            if chosen.contains(training.id.as_str()) {
                continue;
            }
            let (score, addresses) = addressed(training, remaining);
            if score == 0 {
                // Gaps only close, so the training never scores again.
                continue;
            }
            if score < candidate.score {
                heap.push(Candidate { score, ..candidate });
                continue;
            }
            return Some(Choice {
                planned: candidate.planned,
                score,
                training,
                addresses,
            });
        }
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
    // The catalogue is ranked once; each choice then costs a few heap operations instead
    // of a pass over the catalogue. Trainings that address no open gap now never will.
    let mut ranking = Ranking {
        open: BinaryHeap::new(),
        by_grade: HashMap::new(),
    };
    let course = plan.course_id(profile);
    for (order, t) in profile.trainings.iter().enumerate() {
        if completed.contains(t.id.as_str()) || plan.planned_years.contains_key(&t.id) {
            continue;
        }
        // A training for some courses only is suggested to their members only.
        if !t.courses.is_empty() && !course.is_some_and(|c| t.courses.iter().any(|tc| tc == c)) {
            continue;
        }
        let score = addressed(t, &remaining).0;
        if score == 0 {
            continue;
        }
        let candidate = Candidate {
            planned: planned.contains(t.id.as_str()),
            score,
            order: Reverse(order),
        };
        if t.grades.is_empty() {
            ranking.open.push(candidate);
        }
        for grade in &t.grades {
            ranking.by_grade.entry(grade.as_str()).or_default().push(candidate);
        }
    }
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
            let (score, addresses) = addressed(training, &remaining);
            take(&mut remaining, &addresses);
            chosen.insert(&training.id);
            room = room.saturating_sub(1);
            out.push(suggestion(training, fy, &addresses, score, grade, true));
        }
        if fy > last_fy {
            continue;
        }
        for _ in 0..room {
            let Some(choice) = ranking.best(&profile.trainings, grade, &remaining, &chosen) else {
                break;
            };
            take(&mut remaining, &choice.addresses);
            chosen.insert(&choice.training.id);
            out.push(suggestion(
                choice.training,
                fy,
                &choice.addresses,
                choice.score,
                grade,
                choice.planned,
            ));
        }
    }
    out
}
