//! Will-Can-Must (キャリアデザイン研修のワークシート): what Michi can fill in of Can and Must
//! from the document and the plan. Can: the competencies the employee assessed highest,
//! measured on each one's own scale, and the roles they ticked; Must: the target grade's key
//! requirements (◎, with the gap) and the roles the next grade up adds. Will is the
//! participant's alone. Nothing here is stored: the participant's own words are
//! `Plan::wcm`.

use std::cmp::Ordering;

use serde::Serialize;

use crate::engine::gaps::{Gap, gaps};
use crate::model::{Emphasis, Plan, Profile, ScaleKind};

/// Strengths shown at most; the rest of a tie at the cut are named.
pub const STRENGTHS_SHOWN: usize = 5;

/// A competency the employee assessed high, measured on its own scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strength {
    pub competency: String,
    pub competency_name: String,
    /// The employee's own level.
    pub level: u8,
    /// The lowest and highest level this competency takes (on a descriptor ladder: 0 and
    /// its top rung on the plan's ladder).
    pub min: u8,
    pub top: u8,
    /// The supervisor's level, where given.
    pub supervisor: Option<u8>,
    /// What the current grade asks of it; `None`: the grade states nothing (記載なし),
    /// which does not make the level any less a strength.
    pub required_here: Option<u8>,
    /// The description of the rung reached (descriptor ladders) — the document's words.
    pub descriptor: Option<String>,
    /// Where the level's meaning comes from: the rung's table, or the scale's source.
    pub source: Option<String>,
    /// The level's meaning is Michi's assumption (a proficiency scale the profile declares
    /// illustrative).
    pub illustrative: bool,
}

impl Strength {
    /// How far up its own scale the level is, as a fraction (numerator, denominator).
    fn standing(&self) -> (u16, u16) {
        (
            u16::from(self.level.saturating_sub(self.min)),
            u16::from(self.top.saturating_sub(self.min)).max(1),
        )
    }
}

/// A role of a grade the employee ticked ("I already do this").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TickedRole {
    pub grade: String,
    pub grade_name: String,
    /// 1 = the first role the document lists for the grade.
    pub number: u16,
    pub text: String,
    /// The supervisor confirmed it too.
    pub supervisor: bool,
    pub source: String,
}

/// What Michi fills in under Can.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Can {
    /// The document has an ability table (文書に能力表なし otherwise: no strengths).
    pub ability_table: bool,
    /// Competencies self-assessed at all.
    pub assessed: usize,
    /// The strongest first: the competencies at the two highest standings on their own
    /// scales, at most [`STRENGTHS_SHOWN`]; never a level at the bottom of its scale.
    pub strengths: Vec<Strength>,
    /// Names of the competencies as strong as the last one shown but left out.
    pub tied_beyond: Vec<String>,
    /// Roles ticked by the employee, of the current grade then the target grade.
    pub roles: Vec<TickedRole>,
    /// The current or the target grade lists roles at all.
    pub roles_listed: bool,
}

/// A role of the next grade that the current grade does not have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewRole {
    pub number: u16,
    pub text: String,
}

/// The next grade up the plan's ladder and the roles it adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextGrade {
    pub grade: String,
    pub grade_name: String,
    /// What the document calls the roles (期待される役割 …).
    pub heading: Option<String>,
    pub new_roles: Vec<NewRole>,
    /// The next grade lists roles at all (else the document says nothing of them).
    pub roles_listed: bool,
    pub source: String,
}

/// What Michi fills in under Must.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Must {
    pub target_grade: String,
    pub target_name: String,
    pub ability_table: bool,
    /// The target grade states any ability level at all.
    pub stated: bool,
    /// ◎/○ are the document's notation (else the key items are simply the listed ones).
    pub marked: bool,
    /// The target grade's key requirements (◎, or every listed item on a descriptor
    /// ladder), larger gaps first.
    pub key: Vec<Gap>,
    /// `None`: the current grade is the top of the plan's ladder.
    pub next: Option<NextGrade>,
}

/// Can and Must as Michi fills them in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WillCanMust {
    pub can: Can,
    pub must: Must,
}

/// Can and Must for `plan`.
pub fn will_can_must(profile: &Profile, plan: &Plan) -> WillCanMust {
    WillCanMust {
        can: can(profile, plan),
        must: must(profile, plan),
    }
}

fn can(profile: &Profile, plan: &Plan) -> Can {
    let series = plan.series_id(profile);
    let mut here = profile.grade_requirements_on(series, &plan.grade);
    let mut candidates: Vec<(usize, Strength)> = Vec::new();
    let mut assessed = 0;
    for (order, c) in profile.competencies.iter().enumerate() {
        let required_here = here.as_mut().and_then(Iterator::next).and_then(|r| r.level);
        let Some(&level) = plan.self_assessment.get(&c.id) else {
            continue;
        };
        assessed += 1;
        let range = profile.level_range_on(series, &c.id);
        let (min, top) = (*range.start(), *range.end());
        if top <= min || level <= min {
            continue;
        }
        let (descriptor, source, illustrative) = level_words(profile, series, &c.id, level);
        candidates.push((
            order,
            Strength {
                competency: c.id.clone(),
                competency_name: c.name.clone(),
                level,
                min,
                top,
                supervisor: plan.supervisor_assessment.get(&c.id).copied(),
                required_here,
                descriptor,
                source: source.or_else(|| Some(c.source.clone())),
                illustrative,
            },
        ));
    }
    // Highest on its own scale first; then the higher level, the supervisor's higher
    // level, and document order.
    candidates.sort_by(|(a_order, a), (b_order, b)| {
        compare_standing(b, a)
            .then(b.level.cmp(&a.level))
            .then(b.supervisor.cmp(&a.supervisor))
            .then(a_order.cmp(b_order))
    });
    let mut strengths: Vec<Strength> = candidates.into_iter().map(|(_, s)| s).collect();
    // The two highest standings only: a level far down its scale is no strength, even
    // when it is among the five highest.
    let mut standings = strengths.iter();
    let mut threshold = standings.next();
    if let Some(second) = standings.find(|s| threshold.is_some_and(|t| compare_standing(s, t) == Ordering::Less)) {
        threshold = Some(second);
    }
    if let Some(threshold) = threshold.cloned() {
        strengths.retain(|s| compare_standing(s, &threshold) != Ordering::Less);
    }
    let rest = strengths.split_off(strengths.len().min(STRENGTHS_SHOWN));
    let tied_beyond = match strengths.last() {
        Some(last) => rest
            .iter()
            .filter(|s| compare_standing(s, last) == Ordering::Equal)
            .map(|s| s.competency_name.clone())
            .collect(),
        None => Vec::new(),
    };
    let mut grades = vec![plan.grade.as_str()];
    if plan.target_grade != plan.grade {
        grades.push(plan.target_grade.as_str());
    }
    let mut roles = Vec::new();
    let mut roles_listed = false;
    for id in grades {
        let Some((_, grade)) = profile.grade(id) else { continue };
        roles_listed |= !grade.roles.is_empty();
        let ticked = |map: &std::collections::BTreeMap<String, Vec<u16>>, n: u16| {
            map.get(id).is_some_and(|numbers| numbers.contains(&n))
        };
        roles.extend(
            grade
                .roles
                .iter()
                .zip(1u16..)
                .filter(|(_, n)| ticked(&plan.roles_self, *n))
                .map(|(text, number)| TickedRole {
                    grade: grade.id.clone(),
                    grade_name: grade.name.clone(),
                    number,
                    text: text.clone(),
                    supervisor: ticked(&plan.roles_supervisor, number),
                    source: grade.source.clone(),
                }),
        );
    }
    Can {
        ability_table: !profile.competencies.is_empty(),
        assessed,
        strengths,
        tied_beyond,
        roles,
        roles_listed,
    }
}

/// Compares how far up their own scales two levels are (exactly, by cross-multiplying).
fn compare_standing(a: &Strength, b: &Strength) -> Ordering {
    let ((an, ad), (bn, bd)) = (a.standing(), b.standing());
    (u32::from(an) * u32::from(bd)).cmp(&(u32::from(bn) * u32::from(ad)))
}

/// What a level means in the document's terms: the rung's description and its table on a
/// descriptor ladder; the scale's source (and whether it is Michi's assumption) otherwise.
fn level_words(
    profile: &Profile,
    series: Option<&str>,
    competency: &str,
    level: u8,
) -> (Option<String>, Option<String>, bool) {
    match profile.scale.kind() {
        ScaleKind::Descriptors => {
            let rungs = series.map(|s| profile.rungs(s, competency)).unwrap_or_default();
            let Some(rung) = rungs.iter().find(|r| r.level == level) else {
                return (None, None, false);
            };
            let source = rung.grades.first().and_then(|g| {
                profile
                    .requirements
                    .iter()
                    .find(|r| r.grade == *g && r.competency == competency)
                    .map(|r| r.source.clone())
            });
            (Some(rung.descriptor.to_string()), source, false)
        }
        ScaleKind::Proficiency | ScaleKind::Levels => (None, profile.scale.source.clone(), profile.scale.illustrative),
    }
}

fn must(profile: &Profile, plan: &Plan) -> Must {
    let report = gaps(profile, plan, &plan.target_grade);
    let stated = !report.gaps.is_empty();
    // The gap report's order: larger gaps first, then not yet assessed, then met.
    let key: Vec<Gap> = report
        .gaps
        .into_iter()
        .filter(|g| g.emphasis == Emphasis::Key)
        .collect();
    Must {
        target_grade: plan.target_grade.clone(),
        target_name: profile
            .grade(&plan.target_grade)
            .map_or(plan.target_grade.clone(), |(_, g)| g.name.clone()),
        ability_table: report.ability_table,
        stated,
        marked: report.marked,
        key,
        next: next_grade(profile, plan),
    }
}

/// The next grade up the plan's ladder and the roles it lists that the current grade
/// does not; `None` at the top of the ladder.
fn next_grade(profile: &Profile, plan: &Plan) -> Option<NextGrade> {
    let next = plan.neighbour_grade(profile, &plan.grade, 1)?;
    if next == plan.grade {
        return None;
    }
    let (_, grade) = profile.grade(&next)?;
    let here = profile.grade(&plan.grade).map_or(&[][..], |(_, g)| g.roles.as_slice());
    Some(NextGrade {
        grade: grade.id.clone(),
        grade_name: grade.name.clone(),
        heading: grade.roles_heading.clone(),
        new_roles: grade
            .roles
            .iter()
            .zip(1u16..)
            .filter(|(text, _)| !here.contains(text))
            .map(|(text, number)| NewRole {
                number,
                text: text.clone(),
            })
            .collect(),
        roles_listed: !grade.roles.is_empty(),
        source: grade.source.clone(),
    })
}

#[cfg(test)]
mod tests;
