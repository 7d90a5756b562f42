//! Look-up tables over one profile, built once per loaded profile so that every look-up by
//! id, and every grade × competency requirement, costs the same whatever the profile's
//! size. Before, each look-up scanned its list, and the analysis looked things up inside
//! loops over the same lists, which made it quadratic (and `profile export --json` cubic).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::OnceLock;

use crate::model::profile::{Emphasis, Profile, ScaleKind, ScaleTarget};

/// Where a grade sits: its series, its rank on that series' ladder (lowest first), and its
/// position among every grade of the profile in [`Profile::grades`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GradeAt {
    pub(crate) series: usize,
    pub(crate) rank: usize,
    pub(crate) flat: usize,
}

/// Positions, not references, so the index can live inside the profile it describes.
/// Where an id occurs twice (a profile that fails validation), the first one wins, as a
/// scan from the start would find.
#[derive(Debug, Default)]
pub(crate) struct ProfileIndex {
    pub(crate) series: HashMap<String, usize>,
    pub(crate) grades: HashMap<String, GradeAt>,
    pub(crate) competencies: HashMap<String, usize>,
    pub(crate) competency_groups: HashMap<String, usize>,
    pub(crate) trainings: HashMap<String, usize>,
    pub(crate) delivery_methods: HashMap<String, usize>,
    pub(crate) courses: HashMap<String, usize>,
    pub(crate) departments: HashMap<String, usize>,
    pub(crate) families: HashMap<String, usize>,
    /// Department and family names, for wishes written by name (自己申告 choices).
    pub(crate) department_names: HashMap<String, usize>,
    pub(crate) family_names: HashMap<String, usize>,
    /// (grade's flat position, competency position) → the requirement written for it.
    pub(crate) requirements: HashMap<(usize, usize), usize>,
    /// Per grade (flat position): its written requirements as (competency position,
    /// requirement position), by competency position, so a grade's whole row is read in
    /// one pass beside the competency list.
    pub(crate) rows: Vec<Vec<(usize, usize)>>,
    /// Promotion steps by the flat position of their `from` grade, in document order.
    pub(crate) steps_from: HashMap<usize, Vec<usize>>,
    /// The level each written requirement asks on the profile's scale (parallel to the
    /// requirements); `None` where the scale gives none (a proficiency grade without a
    /// target, a descriptor ladder item without text).
    pub(crate) levels: Vec<Option<u8>>,
    /// Descriptor ladders: (series, competency) → (rung, requirement) in ladder order.
    pub(crate) rungs: HashMap<(usize, usize), Vec<(u8, usize)>>,
    /// Descriptor ladders: the highest rung of each competency on any series.
    pub(crate) top_rung: HashMap<usize, u8>,
    /// Where requirements accumulate: (series, competency) → the running highest
    /// requirement by rank, for a grade that lists nothing to carry forward.
    pub(crate) carry: HashMap<(usize, usize), Vec<Carry>>,
}

/// The highest requirement of a competency at or below `rank`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Carry {
    pub(crate) rank: usize,
    pub(crate) level: u8,
    pub(crate) requirement: usize,
}

fn first_positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.to_string()).or_insert(i);
    }
    map
}

impl ProfileIndex {
    /// One pass over each list of the profile.
    pub(crate) fn build(p: &Profile) -> ProfileIndex {
        let mut grades = HashMap::new();
        let mut flat = 0;
        for (s, series) in p.job_series.iter().enumerate() {
            for (rank, g) in series.grades.iter().enumerate() {
                grades.entry(g.id.clone()).or_insert(GradeAt { series: s, rank, flat });
                flat += 1;
            }
        }
        let competencies = first_positions(p.competencies.iter().map(|c| c.id.as_str()));
        let mut requirements = HashMap::new();
        let mut rows = vec![Vec::new(); flat];
        for (i, r) in p.requirements.iter().enumerate() {
            let (Some(g), Some(&c)) = (grades.get(r.grade.as_str()), competencies.get(r.competency.as_str())) else {
                continue;
            };
            if let Entry::Vacant(slot) = requirements.entry((g.flat, c)) {
                slot.insert(i);
                if let Some(row) = rows.get_mut(g.flat) {
                    row.push((c, i));
                }
            }
        }
        for row in &mut rows {
            row.sort_unstable();
        }
        let mut steps_from: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, step) in p.promotion.iter().enumerate() {
            if let Some(g) = grades.get(step.from.as_str()) {
                steps_from.entry(g.flat).or_default().push(i);
            }
        }
        let levels = Levels::build(p, &grades, &competencies, &rows);
        let rotation = p.rotation.as_ref();
        ProfileIndex {
            series: first_positions(p.job_series.iter().map(|s| s.id.as_str())),
            grades,
            competencies,
            competency_groups: first_positions(p.competency_groups.iter().map(|g| g.id.as_str())),
            trainings: first_positions(p.trainings.iter().map(|t| t.id.as_str())),
            delivery_methods: first_positions(p.delivery_methods.iter().map(|m| m.id.as_str())),
            courses: first_positions(p.courses.iter().map(|c| c.id.as_str())),
            departments: first_positions(
                rotation
                    .into_iter()
                    .flat_map(|r| r.departments.iter().map(|d| d.id.as_str())),
            ),
            families: first_positions(
                rotation
                    .into_iter()
                    .flat_map(|r| r.families.iter().map(|f| f.id.as_str())),
            ),
            department_names: first_positions(
                rotation
                    .into_iter()
                    .flat_map(|r| r.departments.iter().map(|d| d.name.as_str())),
            ),
            family_names: first_positions(
                rotation
                    .into_iter()
                    .flat_map(|r| r.families.iter().map(|f| f.name.as_str())),
            ),
            requirements,
            rows,
            steps_from,
            levels: levels.levels,
            rungs: levels.rungs,
            top_rung: levels.top_rung,
            carry: levels.carry,
        }
    }
}

#[derive(Default)]
struct Levels {
    levels: Vec<Option<u8>>,
    rungs: HashMap<(usize, usize), Vec<(u8, usize)>>,
    top_rung: HashMap<usize, u8>,
    carry: HashMap<(usize, usize), Vec<Carry>>,
}

impl Levels {
    /// Every written requirement's level, walking each series' ladder from the bottom so a
    /// descriptor's rung is known when a higher grade repeats or extends it.
    fn build(
        p: &Profile,
        grades: &HashMap<String, GradeAt>,
        competencies: &HashMap<String, usize>,
        rows: &[Vec<(usize, usize)>],
    ) -> Levels {
        let _ = competencies;
        let kind = p.scale.kind();
        let mut out = Levels {
            levels: vec![None; p.requirements.len()],
            ..Levels::default()
        };
        let targets: HashMap<&str, &ScaleTarget> =
            p.scale.targets.iter().rev().map(|t| (t.grade.as_str(), t)).collect();
        // (series, competency, descriptor) → rung, and the next rung per (series, competency).
        let mut seen: HashMap<(usize, usize, &str), u8> = HashMap::new();
        let mut next: HashMap<(usize, usize), u8> = HashMap::new();
        // The highest level stated so far per (series, competency), for `never_lower`.
        let mut held: HashMap<(usize, usize), u8> = HashMap::new();
        let mut flat = 0;
        for (s, series) in p.job_series.iter().enumerate() {
            for (rank, g) in series.grades.iter().enumerate() {
                let row = rows.get(flat).map_or(&[][..], Vec::as_slice);
                flat += 1;
                // A grade id used twice keeps its first position (see `first_positions`).
                if grades.get(&g.id).is_none_or(|at| at.series != s || at.rank != rank) {
                    continue;
                }
                for &(c, i) in row {
                    let Some(r) = p.requirements.get(i) else { continue };
                    let level = match kind {
                        ScaleKind::Levels => r.level,
                        ScaleKind::Proficiency => targets.get(g.id.as_str()).and_then(|t| match r.emphasis {
                            Emphasis::Key => Some(t.key),
                            Emphasis::Expected => t.expected,
                            Emphasis::Unmarked => None,
                        }),
                        ScaleKind::Descriptors => r.descriptor.as_deref().map(|d| {
                            *seen.entry((s, c, d)).or_insert_with(|| {
                                let n = next.entry((s, c)).or_insert(0);
                                *n = n.saturating_add(1);
                                *n
                            })
                        }),
                    };
                    let level = match (level, p.scale.never_lower && kind == ScaleKind::Proficiency) {
                        (Some(level), true) => {
                            let top = held.entry((s, c)).or_insert(level);
                            *top = (*top).max(level);
                            Some(*top)
                        }
                        (level, _) => level,
                    };
                    if let Some(slot) = out.levels.get_mut(i) {
                        *slot = level;
                    }
                    let Some(level) = level else { continue };
                    if kind == ScaleKind::Descriptors {
                        out.rungs.entry((s, c)).or_default().push((level, i));
                        let top = out.top_rung.entry(c).or_insert(0);
                        *top = (*top).max(level);
                    }
                    if p.scale.accumulate.is_some() {
                        let steps = out.carry.entry((s, c)).or_default();
                        match steps.last() {
                            Some(last) if last.level >= level => steps.push(Carry { rank, ..*last }),
                            _ => steps.push(Carry {
                                rank,
                                level,
                                requirement: i,
                            }),
                        }
                    }
                }
            }
        }
        out
    }
}

/// The profile's index, built on first use. A copy of a profile starts without one (the
/// copy may be edited, and an index must describe the lists it sits beside); equality and
/// serialization ignore it.
#[derive(Default)]
pub(crate) struct IndexCell(OnceLock<ProfileIndex>);

impl IndexCell {
    pub(crate) fn get_or_build(&self, profile: &Profile) -> &ProfileIndex {
        self.0.get_or_init(|| ProfileIndex::build(profile))
    }
}

impl Clone for IndexCell {
    fn clone(&self) -> Self {
        IndexCell::default()
    }
}

impl PartialEq for IndexCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for IndexCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.get().is_some() { "built" } else { "not built" })
    }
}
