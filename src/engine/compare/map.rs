//! The same person under another city's profile: a plan read across to another career
//! system, with a report of how each part was carried over and of what could not be.
//!
//! Grades are mapped by rank (position from the bottom of the ladder), competencies by name
//! (the same name, then a shared alias, then the same name once 「能力」/「力」 is taken off
//! the end), and each level by its relative position on the two scales — which is Michi's
//! assumption, never either city's, and the report says so. Postings stay as free-text
//! departments (a department or family of the same name is used where there is one);
//! trainings, the roles checklist, the course, interviews and notes belong to the first
//! city and are dropped, each listed.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{Assignment, Competency, JobSeries, Plan, Profile};

/// How a competency (or series) of one profile was matched in the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same name.
    Name,
    /// A name or alias of one is a name or alias of the other (English names, romaji).
    Alias,
    /// The same name once 「能力」 or 「力」 is taken off the end (業務遂行 / 業務遂行能力):
    /// Michi's reading.
    Stem,
}

/// How the job series was chosen in the other profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesMatch {
    Name,
    Alias,
    /// No series of that name: the profile's first series.
    First,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesMapping {
    pub from_name: String,
    pub to: String,
    pub to_name: String,
    pub how: SeriesMatch,
}

/// Which of the plan's grades a [`GradeMapping`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeRole {
    Current,
    Target,
}

/// A grade read across by its rank on the ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeMapping {
    pub role: GradeRole,
    pub from: String,
    pub from_name: String,
    /// Position from the bottom (0 is the lowest) on the first ladder.
    pub from_rank: usize,
    pub to: String,
    pub to_name: String,
    pub to_rank: usize,
    /// The rank lies above the top of the other ladder: its top grade was taken.
    pub clamped: bool,
}

/// A level before and after conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LevelChange {
    pub from: u8,
    pub to: u8,
}

/// One assessed competency of the plan, and where it went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyMapping {
    pub from: String,
    pub from_name: String,
    /// The competency it was mapped to; `None`: not mapped (see `candidates`).
    pub to: Option<String>,
    pub to_name: Option<String>,
    pub how: Option<MatchKind>,
    /// Several competencies matched equally well, so none was chosen (names).
    pub candidates: Vec<String>,
    /// The competency it matched was already taken by another (by name).
    pub taken_by: Option<String>,
    /// The scales each level was converted between (lowest, highest).
    pub from_range: (u8, u8),
    pub to_range: Option<(u8, u8)>,
    pub self_level: Option<LevelChange>,
    pub supervisor_level: Option<LevelChange>,
    /// A level could not be converted: one of the scales has a single level here.
    pub level_lost: bool,
    pub evidence_kept: bool,
}

/// One posting, carried over.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingMapping {
    /// The department as the first profile names it (or the free text written).
    pub department: String,
    /// A department of the same name exists in the other profile.
    pub department_matched: bool,
    /// The family it counts under in the other profile (by name), when one could be told.
    pub family: Option<String>,
}

/// How a plan was read across to another profile, and what could not be.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MappingReport {
    pub from_profile: String,
    pub from_city: String,
    pub to_profile: String,
    pub to_city: String,
    pub series: SeriesMapping,
    /// Grades on each ladder.
    pub from_ladder: usize,
    pub to_ladder: usize,
    pub grades: Vec<GradeMapping>,
    /// The position held within the grade (by name), which the other profile does not have.
    pub position_dropped: Option<String>,
    /// Every competency the plan assessed (or wrote evidence for), in its profile's order.
    pub competencies: Vec<CompetencyMapping>,
    /// Competencies of the other profile that nothing was mapped to: not yet assessed there.
    pub unassessed: Vec<String>,
    pub postings: Vec<PostingMapping>,
    /// Trainings completed or planned (by name): the other city's catalogue differs.
    pub trainings_dropped: Vec<String>,
    /// Roles ticked on the roles checklist (self and supervisor).
    pub roles_dropped: usize,
    /// The course followed (by name).
    pub course_dropped: Option<String>,
    pub interviews_dropped: usize,
    pub notes_dropped: usize,
}

impl MappingReport {
    /// Competencies with a level or evidence that went nowhere.
    pub fn unmapped_competencies(&self) -> impl Iterator<Item = &CompetencyMapping> {
        self.competencies.iter().filter(|c| c.to.is_none())
    }

    /// Whether anything of the plan could not be carried over.
    pub fn anything_lost(&self) -> bool {
        self.unmapped_competencies().next().is_some()
            || self.competencies.iter().any(|c| c.level_lost)
            || self.grades.iter().any(|g| g.clamped)
            || self.position_dropped.is_some()
            || !self.trainings_dropped.is_empty()
            || self.roles_dropped > 0
            || self.course_dropped.is_some()
            || self.interviews_dropped > 0
            || self.notes_dropped > 0
    }
}

/// A plan read across, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    pub plan: Plan,
    pub report: MappingReport,
}

/// Why a plan cannot be read across at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// The other profile has no grade on any ladder.
    #[error("the profile has no grades")]
    NoLadder,
    /// The plan's own series or grade is not in its profile (an unchecked plan).
    #[error("the plan's grade is not on its profile's ladder")]
    NotOnLadder,
}

/// Words compared case-insensitively, spaces trimmed.
fn fold(word: &str) -> String {
    word.trim().to_lowercase()
}

/// A name without the 「能力」 or 「力」 that ends many competency names.
fn stem(name: &str) -> &str {
    let name = name.trim();
    name.strip_suffix("能力")
        .or_else(|| name.strip_suffix('力'))
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
}

fn names_of<'a>(name: &'a str, aliases: &'a [String]) -> BTreeSet<String> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(fold)
        .collect()
}

fn matches(kind: MatchKind, a: &Competency, b: &Competency) -> bool {
    match kind {
        MatchKind::Name => fold(&a.name) == fold(&b.name),
        MatchKind::Alias => !names_of(&a.name, &a.aliases).is_disjoint(&names_of(&b.name, &b.aliases)),
        MatchKind::Stem => stem(&a.name) == stem(&b.name),
    }
}

/// The series of `to` for a plan on `from`'s `series`: the same name, a shared alias, else
/// the first series.
fn map_series<'t>(series: &JobSeries, to: &'t Profile) -> Option<(&'t JobSeries, SeriesMatch)> {
    let names = names_of(&series.name, &series.aliases);
    to.job_series
        .iter()
        .find(|s| fold(&s.name) == fold(&series.name))
        .map(|s| (s, SeriesMatch::Name))
        .or_else(|| {
            to.job_series
                .iter()
                .find(|s| !names_of(&s.name, &s.aliases).is_disjoint(&names))
                .map(|s| (s, SeriesMatch::Alias))
        })
        .or_else(|| {
            to.job_series
                .iter()
                .find(|s| !to.ladder(s).is_empty())
                .map(|s| (s, SeriesMatch::First))
        })
}

/// `level` at the same relative position of `to`'s range as of `from`'s, rounded half up;
/// `None` where either range has a single level.
pub fn convert_level(level: u8, from: (u8, u8), to: (u8, u8)) -> Option<u8> {
    let (a0, a1) = (u32::from(from.0), u32::from(from.1));
    let (b0, b1) = (u32::from(to.0), u32::from(to.1));
    if a1 <= a0 || b1 <= b0 {
        return None;
    }
    let offset = u32::from(level).clamp(a0, a1) - a0;
    let (num, den) = (offset * (b1 - b0), a1 - a0);
    u8::try_from(b0 + (2 * num + den) / (2 * den)).ok()
}

fn range(r: std::ops::RangeInclusive<u8>) -> (u8, u8) {
    (*r.start(), *r.end())
}

/// Reads `plan` (checked against `from`) across to `to`: the same person under the other
/// city's profile. The result passes `to`'s checks.
pub fn map_plan(plan: &Plan, from: &Profile, to: &Profile) -> Result<Mapped, MapError> {
    let from_series = plan
        .series_id(from)
        .and_then(|id| from.series(id))
        .ok_or(MapError::NotOnLadder)?;
    let (to_series, how) = map_series(from_series, to).ok_or(MapError::NoLadder)?;
    let from_ladder = from.ladder(from_series);
    let to_ladder = to.ladder(to_series);
    let top = to_ladder.len().checked_sub(1).ok_or(MapError::NoLadder)?;
    let mut grades = Vec::new();
    for (role, id) in [
        (GradeRole::Current, &plan.grade),
        (GradeRole::Target, &plan.target_grade),
    ] {
        let from_rank = from.rank(from_series, id).ok_or(MapError::NotOnLadder)?;
        let to_rank = from_rank.min(top);
        let grade = to_ladder.get(to_rank).ok_or(MapError::NoLadder)?;
        grades.push(GradeMapping {
            role,
            from: id.clone(),
            from_name: from.grade(id).map_or_else(|| id.clone(), |(_, g)| g.name.clone()),
            from_rank,
            to: grade.id.clone(),
            to_name: grade.name.clone(),
            to_rank,
            clamped: from_rank > top,
        });
    }
    let grade_of = |role| grades.iter().find(|g| g.role == role).map(|g| g.to.clone());
    let (Some(grade), Some(target_grade)) = (grade_of(GradeRole::Current), grade_of(GradeRole::Target)) else {
        return Err(MapError::NotOnLadder);
    };

    let (competencies, self_assessment, supervisor_assessment, evidence) =
        map_competencies(plan, from, &from_series.id, to, &to_series.id);
    let mapped_to: BTreeSet<&str> = competencies.iter().filter_map(|c| c.to.as_deref()).collect();
    let unassessed = to
        .competencies
        .iter()
        .filter(|c| !mapped_to.contains(c.id.as_str()))
        .map(|c| c.name.clone())
        .collect();

    let (assignments, postings) = map_postings(&plan.assignments, from, to);
    let mut self_report = plan.self_report.clone();
    // Choices that name the first city's families or departments by id read as their names.
    for choice in &mut self_report.choices {
        if let Some(name) = from
            .family(choice)
            .map(|f| f.name.clone())
            .or_else(|| from.department(choice).map(|d| d.name.clone()))
        {
            *choice = name;
        }
    }
    self_report.choices.dedup();

    let training_name = |id: &String| from.training(id).map_or_else(|| id.clone(), |t| t.name.clone());
    let mut trainings_dropped: Vec<String> = plan.completed_trainings.iter().map(training_name).collect();
    trainings_dropped.extend(
        plan.planned_trainings
            .iter()
            .filter(|t| !plan.completed_trainings.contains(t))
            .map(training_name),
    );
    let roles_dropped = plan
        .roles_self
        .values()
        .chain(plan.roles_supervisor.values())
        .map(Vec::len)
        .sum();
    let course_dropped = plan
        .course_id(from)
        .and_then(|id| from.course(id))
        .map(|c| c.name.clone());
    let position_dropped = plan
        .position
        .as_deref()
        .and_then(|p| from.grade(&plan.grade).and_then(|(_, g)| g.position(p)))
        .map(|p| p.name.clone());

    let mapped = Plan {
        schema_version: plan.schema_version,
        sample: false,
        as_of: plan.as_of,
        profile: to.id.clone(),
        series: Some(to_series.id.clone()),
        name: plan.name.clone(),
        birth_date: plan.birth_date,
        hire_date: plan.hire_date,
        grade,
        position: None,
        grade_since: plan.grade_since,
        target_grade,
        target_fy: plan.target_fy,
        track: plan.track,
        course: None,
        course_field: None,
        course_since: None,
        completed_trainings: Vec::new(),
        planned_trainings: Vec::new(),
        planned_years: BTreeMap::new(),
        self_assessment,
        supervisor_assessment,
        evidence,
        roles_self: BTreeMap::new(),
        roles_supervisor: BTreeMap::new(),
        assignments,
        leaves: plan.leaves.clone(),
        constraints: plan.constraints.clone(),
        self_report,
        interviews: Vec::new(),
        notes: Vec::new(),
        lifeline: plan.lifeline.clone(),
        wcm: plan.wcm.clone(),
        names_read: Vec::new(),
    };
    let report = MappingReport {
        from_profile: from.id.clone(),
        from_city: from.name.clone(),
        to_profile: to.id.clone(),
        to_city: to.name.clone(),
        series: SeriesMapping {
            from_name: from_series.name.clone(),
            to: to_series.id.clone(),
            to_name: to_series.name.clone(),
            how,
        },
        from_ladder: from_ladder.len(),
        to_ladder: to_ladder.len(),
        grades,
        position_dropped,
        competencies,
        unassessed,
        postings,
        trainings_dropped,
        roles_dropped,
        course_dropped,
        interviews_dropped: plan.interviews.len(),
        notes_dropped: plan.notes.len(),
    };
    Ok(Mapped { plan: mapped, report })
}

type Levels = BTreeMap<String, u8>;

/// Each assessed competency matched in `to` (the best kind of match first, each of `to`'s
/// competencies taken once) and its levels converted; the new assessments and evidence.
fn map_competencies(
    plan: &Plan,
    from: &Profile,
    from_series: &str,
    to: &Profile,
    to_series: &str,
) -> (Vec<CompetencyMapping>, Levels, Levels, BTreeMap<String, String>) {
    let assessed: Vec<&Competency> = from
        .competencies
        .iter()
        .filter(|c| {
            plan.self_assessment.contains_key(&c.id)
                || plan.supervisor_assessment.contains_key(&c.id)
                || plan.evidence.contains_key(&c.id)
        })
        .collect();
    // Source index → (target index, kind), or the candidates that tied, or who took it.
    let mut chosen: BTreeMap<usize, (usize, MatchKind)> = BTreeMap::new();
    let mut tied: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for kind in [MatchKind::Name, MatchKind::Alias, MatchKind::Stem] {
        for (i, c) in assessed.iter().enumerate() {
            if chosen.contains_key(&i) || tied.contains_key(&i) {
                continue;
            }
            let hits: Vec<usize> = to
                .competencies
                .iter()
                .enumerate()
                .filter(|(_, t)| matches(kind, c, t))
                .map(|(j, _)| j)
                .collect();
            let free: Vec<usize> = hits
                .iter()
                .copied()
                .filter(|j| !chosen.values().any(|(k, _)| k == j))
                .collect();
            match free.as_slice() {
                [] => {
                    if let Some(&j) = hits.first() {
                        taken.entry(i).or_insert(j);
                    }
                }
                [j] => {
                    chosen.insert(i, (*j, kind));
                    taken.remove(&i);
                }
                many => {
                    tied.insert(i, many.to_vec());
                }
            }
        }
    }

    let (mut own, mut supervisor, mut evidence) = (Levels::new(), Levels::new(), BTreeMap::new());
    let mut rows = Vec::with_capacity(assessed.len());
    for (i, c) in assessed.iter().enumerate() {
        let from_range = range(from.level_range_on(Some(from_series), &c.id));
        let target = chosen
            .get(&i)
            .and_then(|&(j, kind)| Some((to.competencies.get(j)?, kind)));
        let taken_by = taken.get(&i).and_then(|&j| {
            let (holder, _) = chosen.iter().find(|(_, (k, _))| *k == j)?;
            assessed.get(*holder).map(|h| h.name.clone())
        });
        let mut row = CompetencyMapping {
            from: c.id.clone(),
            from_name: c.name.clone(),
            to: None,
            to_name: None,
            how: None,
            candidates: tied
                .get(&i)
                .map(|js| {
                    js.iter()
                        .filter_map(|&j| to.competencies.get(j))
                        .map(|t| t.name.clone())
                        .collect()
                })
                .unwrap_or_default(),
            taken_by: if target.is_none() { taken_by } else { None },
            from_range,
            to_range: None,
            self_level: None,
            supervisor_level: None,
            level_lost: false,
            evidence_kept: false,
        };
        if let Some((t, kind)) = target {
            let to_range = range(to.level_range_on(Some(to_series), &t.id));
            let carry = |levels: &Levels, into: &mut Levels| {
                let level = *levels.get(&c.id)?;
                match convert_level(level, from_range, to_range) {
                    Some(new) => {
                        into.insert(t.id.clone(), new);
                        Some(Some(LevelChange { from: level, to: new }))
                    }
                    None => Some(None),
                }
            };
            let own_level = carry(&plan.self_assessment, &mut own);
            let supervisor_level = carry(&plan.supervisor_assessment, &mut supervisor);
            row.level_lost = matches!(own_level, Some(None)) || matches!(supervisor_level, Some(None));
            row.self_level = own_level.flatten();
            row.supervisor_level = supervisor_level.flatten();
            if let Some(text) = plan.evidence.get(&c.id) {
                evidence.insert(t.id.clone(), text.clone());
                row.evidence_kept = true;
            }
            row.to = Some(t.id.clone());
            row.to_name = Some(t.name.clone());
            row.how = Some(kind);
            row.to_range = Some(to_range);
        }
        rows.push(row);
    }
    (rows, own, supervisor, evidence)
}

/// Postings with their departments as free text (a department of the same name used where
/// `to` has one), and the family of the same name where one could be told.
fn map_postings(assignments: &[Assignment], from: &Profile, to: &Profile) -> (Vec<Assignment>, Vec<PostingMapping>) {
    let index = to.index();
    let rotation = to.rotation.as_ref();
    let mut out = Vec::with_capacity(assignments.len());
    let mut report = Vec::with_capacity(assignments.len());
    for a in assignments {
        let name = from
            .department(&a.department)
            .map_or_else(|| a.department.clone(), |d| d.name.clone());
        let department = index
            .department_names
            .get(name.trim())
            .and_then(|&i| rotation?.departments.get(i));
        let from_family = crate::engine::rotation::posting_family(from, a)
            .and_then(|id| from.family(id))
            .map(|f| f.name.as_str());
        let family = match department {
            Some(d) => to.family(&d.family),
            None => from_family
                .and_then(|name| index.family_names.get(name.trim()))
                .and_then(|&i| rotation?.families.get(i)),
        };
        out.push(Assignment {
            department: department.map_or_else(|| name.clone(), |d| d.id.clone()),
            family: if department.is_some() {
                None
            } else {
                family.map(|f| f.id.clone())
            },
            from: a.from,
            to: a.to,
        });
        report.push(PostingMapping {
            department: name,
            department_matched: department.is_some(),
            family: family.map(|f| f.name.clone()),
        });
    }
    (out, report)
}
