//! Look-up tables over one profile, built once per loaded profile so that every look-up by
//! id, and every grade × competency requirement, costs the same whatever the profile's
//! size. Before, each look-up scanned its list, and the analysis looked things up inside
//! loops over the same lists, which made it quadratic (and `profile export --json` cubic).

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::sync::OnceLock;

use crate::model::profile::{Emphasis, Profile, ScaleKind, ScaleTarget};

/// Where a grade sits: the series that defines it, its rank on that series' ladder (lowest
/// first), and its position among every grade of the profile in [`Profile::grades`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GradeAt {
    pub(crate) series: usize,
    pub(crate) rank: usize,
    pub(crate) flat: usize,
}

/// A series' ladder by position: its own grades, then the grades of another series from a
/// rank up. A series may share only from one that has a ladder of its own (no chains), so
/// a grade's rank on any ladder is one subtraction away.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LadderAt {
    /// How many grades are the series' own.
    pub(crate) own: usize,
    /// The series whose grades continue the ladder, and the rank on it where they start.
    pub(crate) shared: Option<(usize, usize)>,
    /// How many grades are shared.
    pub(crate) shared_len: usize,
}

impl LadderAt {
    /// The rank on this ladder of the grade at `at` (of series number `s`), if it is on it.
    pub(crate) fn rank_of(&self, s: usize, at: GradeAt) -> Option<usize> {
        if at.series == s {
            return Some(at.rank);
        }
        let (from, start) = self.shared?;
        (at.series == from && at.rank >= start).then(|| self.own + (at.rank - start))
    }

    /// The series and rank on that series' own list of the grade at `rank` on this ladder.
    pub(crate) fn home_of(&self, s: usize, rank: usize) -> Option<(usize, usize)> {
        match rank.checked_sub(self.own) {
            None => Some((s, rank)),
            Some(r) if r < self.shared_len => self.shared.map(|(from, start)| (from, start + r)),
            Some(_) => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.own + self.shared_len
    }
}

/// Positions, not references, so the index can live inside the profile it describes.
/// Where an id occurs twice (a profile that fails validation), the first one wins, as a
/// scan from the start would find.
#[derive(Debug, Default)]
pub(crate) struct ProfileIndex {
    pub(crate) series: HashMap<String, usize>,
    pub(crate) grades: HashMap<String, GradeAt>,
    /// Per series, its ladder (own grades and shared ones).
    pub(crate) ladders: Vec<LadderAt>,
    /// Names and aliases of grades → every grade that goes by it, in profile order.
    pub(crate) grade_names: HashMap<String, Vec<GradeAt>>,
    /// Names and aliases of positions → every (grade, position number) that goes by it.
    pub(crate) position_names: HashMap<String, Vec<(GradeAt, usize)>>,
    /// Names and aliases of series → every series that goes by it.
    pub(crate) series_names: HashMap<String, Vec<usize>>,
    pub(crate) post_classes: HashMap<String, usize>,
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
    /// The level each written requirement asks on the profile's scale, on the ladder of
    /// the series that defines its grade (parallel to the requirements); `None` where the
    /// scale gives none (a proficiency grade without a target, a descriptor ladder item
    /// without text).
    pub(crate) levels: Vec<Option<u8>>,
    /// The same, on the ladder of a series that shares the grade: (series, requirement) →
    /// level. A rung or a level held up the ladder depends on the grades below it.
    pub(crate) shared_levels: HashMap<(usize, usize), Option<u8>>,
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

/// Each word (a name or an alias) → what goes by it, each thing once per word.
fn by_words<'a, T: Copy + PartialEq>(entries: impl Iterator<Item = (T, &'a str)>) -> HashMap<String, Vec<T>> {
    let mut map: HashMap<String, Vec<T>> = HashMap::new();
    for (item, word) in entries {
        let list = map.entry(word.to_string()).or_default();
        // A grade whose alias repeats its name is listed once: the last entry is its own.
        if list.last() != Some(&item) {
            list.push(item);
        }
    }
    map
}

/// Most grade places that sharing may add to the profile's ladders, all series together,
/// and most written requirements on those places. A city has a few series of a dozen
/// grades; the bounds keep a hostile file from making every look-up table (and `profile
/// export --json`) grow with the product of its series and its grades.
pub(crate) const MAX_SHARED_GRADES: usize = 10_000;
pub(crate) const MAX_SHARED_REQUIREMENTS: usize = 1_000_000;

/// Each series' ladder, where `shares_from` names a series with a ladder of its own and
/// one of its grades; an unusable `shares_from` (reported by validation) shares nothing,
/// and so does one past the bounds above (also reported).
fn ladders(
    p: &Profile,
    series: &HashMap<String, usize>,
    grades: &HashMap<String, GradeAt>,
    flat_start: &[usize],
    rows: &[Vec<(usize, usize)>],
) -> Vec<LadderAt> {
    // Written requirements before each flat position, so a shared part's count is a
    // subtraction.
    let mut before = Vec::with_capacity(rows.len() + 1);
    before.push(0usize);
    for row in rows {
        before.push(before.last().copied().unwrap_or(0) + row.len());
    }
    let (mut shared_grades, mut shared_requirements) = (0usize, 0usize);
    p.job_series
        .iter()
        .enumerate()
        .map(|(s, js)| {
            let shared = js.shares_from.as_ref().and_then(|share| {
                let &from = series.get(share.series.as_str())?;
                let target = p.job_series.get(from)?;
                let at = grades.get(share.grade.as_str())?;
                if from == s || target.shares_from.is_some() || at.series != from {
                    return None;
                }
                let len = target.grades.len() - at.rank;
                let start = flat_start.get(from)? + at.rank;
                let written = before.get(start + len)? - before.get(start)?;
                if shared_grades + len > MAX_SHARED_GRADES || shared_requirements + written > MAX_SHARED_REQUIREMENTS {
                    return None;
                }
                shared_grades += len;
                shared_requirements += written;
                Some((from, at.rank, len))
            });
            LadderAt {
                own: js.grades.len(),
                shared: shared.map(|(from, start, _)| (from, start)),
                shared_len: shared.map_or(0, |(_, _, len)| len),
            }
        })
        .collect()
}

impl ProfileIndex {
    /// One pass over each list of the profile.
    pub(crate) fn build(p: &Profile) -> ProfileIndex {
        let mut grades = HashMap::new();
        let mut flat_start = Vec::with_capacity(p.job_series.len());
        let mut grade_words = Vec::new();
        let mut position_words = Vec::new();
        let mut flat = 0;
        for (s, series) in p.job_series.iter().enumerate() {
            flat_start.push(flat);
            for (rank, g) in series.grades.iter().enumerate() {
                let at = GradeAt { series: s, rank, flat };
                grades.entry(g.id.clone()).or_insert(at);
                grade_words.push((at, g.name.as_str()));
                grade_words.extend(g.aliases.iter().map(|alias| (at, alias.as_str())));
                for (k, position) in g.positions.iter().enumerate() {
                    position_words.push(((at, k), position.name.as_str()));
                    position_words.extend(position.aliases.iter().map(|alias| ((at, k), alias.as_str())));
                }
                flat += 1;
            }
        }
        let series = first_positions(p.job_series.iter().map(|s| s.id.as_str()));
        let grade_names = by_words(grade_words.into_iter());
        let position_names = by_words(position_words.into_iter());
        let series_names = by_words(p.job_series.iter().enumerate().flat_map(|(s, series)| {
            std::iter::once(series.name.as_str())
                .chain(series.aliases.iter().map(String::as_str))
                .map(move |word| (s, word))
        }));
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
        let ladders = ladders(p, &series, &grades, &flat_start, &rows);
        let mut steps_from: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, step) in p.promotion.iter().enumerate() {
            if let Some(g) = grades.get(step.from.as_str()) {
                steps_from.entry(g.flat).or_default().push(i);
            }
        }
        let levels = Levels::build(p, &grades, &ladders, &flat_start, &rows);
        let rotation = p.rotation.as_ref();
        ProfileIndex {
            series,
            grades,
            ladders,
            grade_names,
            position_names,
            series_names,
            post_classes: first_positions(p.post_classes.iter().map(|c| c.id.as_str())),
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
            shared_levels: levels.shared_levels,
            rungs: levels.rungs,
            top_rung: levels.top_rung,
            carry: levels.carry,
        }
    }
}

#[derive(Default)]
struct Levels {
    levels: Vec<Option<u8>>,
    shared_levels: HashMap<(usize, usize), Option<u8>>,
    rungs: HashMap<(usize, usize), Vec<(u8, usize)>>,
    top_rung: HashMap<usize, u8>,
    carry: HashMap<(usize, usize), Vec<Carry>>,
}

impl Levels {
    /// Every written requirement's level, walking each series' ladder (its own grades,
    /// then the shared ones) from the bottom so a descriptor's rung is known when a higher
    /// grade repeats or extends it. A shared grade is walked once per ladder it is on.
    fn build(
        p: &Profile,
        grades: &HashMap<String, GradeAt>,
        ladders: &[LadderAt],
        flat_start: &[usize],
        rows: &[Vec<(usize, usize)>],
    ) -> Levels {
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
        for (s, ladder) in ladders.iter().enumerate() {
            for rank in 0..ladder.len() {
                let Some((home, home_rank)) = ladder.home_of(s, rank) else {
                    continue;
                };
                let Some(g) = p.job_series.get(home).and_then(|js| js.grades.get(home_rank)) else {
                    continue;
                };
                // A grade id used twice keeps its first position (see `first_positions`).
                if grades
                    .get(&g.id)
                    .is_none_or(|at| at.series != home || at.rank != home_rank)
                {
                    continue;
                }
                let flat = flat_start.get(home).map_or(usize::MAX, |start| start + home_rank);
                let row = rows.get(flat).map_or(&[][..], Vec::as_slice);
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
                    if home == s {
                        if let Some(slot) = out.levels.get_mut(i) {
                            *slot = level;
                        }
                    } else {
                        out.shared_levels.insert((s, i), level);
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
