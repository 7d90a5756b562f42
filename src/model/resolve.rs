//! Look-ups over a profile, and what a grade asks of each competency once the profile's
//! scale is applied: a descriptor's rung, a proficiency target, a format 1 number, a
//! requirement carried up the ladder where the document says they accumulate, or nothing
//! where the document states nothing.

use serde::Serialize;

use crate::model::grades::Ladder;
use crate::model::index::{GradeAt, ProfileIndex};
use crate::model::profile::*;

/// What a grade asks of a competency, with everything a reader needs filled in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedRequirement<'p> {
    pub series: &'p str,
    pub grade: &'p str,
    pub competency: &'p str,
    /// The required level on the profile's scale; `None`: the document states nothing for
    /// this competency at this grade (記載なし), which is no requirement, never a drop.
    pub level: Option<u8>,
    pub emphasis: Emphasis,
    pub descriptor: Option<&'p str>,
    pub source: Option<&'p str>,
    /// The number is Michi's (a format 1 example, or a proficiency scale that is the
    /// profile's assumption).
    pub illustrative: bool,
    /// Carried up from this lower grade because the document says requirements accumulate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<&'p str>,
}

/// A grade seen on one series' ladder: the series (by position) and the grade's rank on it.
/// A grade shared by several series sits on each of their ladders, and what it asks may
/// differ between them (a rung counts the descriptions below it on that ladder).
#[derive(Debug, Clone, Copy)]
struct View {
    series: usize,
    rank: usize,
}

/// One rung of a competency's descriptor ladder on one series: the description and the
/// grades that carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rung<'p> {
    pub level: u8,
    pub descriptor: &'p str,
    /// Grade ids whose requirement is this description, lowest first.
    pub grades: Vec<&'p str>,
}

impl Profile {
    /// The profile's look-up tables, built on the first look-up.
    pub(crate) fn index(&self) -> &ProfileIndex {
        self.index.get_or_build(self)
    }

    /// Every grade of every series with its series, ladder order kept.
    pub fn grades(&self) -> impl Iterator<Item = (&JobSeries, &Grade)> {
        self.job_series
            .iter()
            .flat_map(|s| s.grades.iter().map(move |g| (s, g)))
    }

    pub fn series(&self, id: &str) -> Option<&JobSeries> {
        checked(&self.job_series, self.index().series.get(id), |s| s.id == id)
    }

    /// Where the grade with this id sits, checked against the ladders.
    pub(crate) fn grade_at(&self, id: &str) -> Option<(GradeAt, &JobSeries, &Grade)> {
        let at = *self.index().grades.get(id)?;
        let series = self.job_series.get(at.series)?;
        let grade = series.grades.get(at.rank).filter(|g| g.id == id)?;
        Some((at, series, grade))
    }

    /// The grade with this id and the series that defines it (a grade shared by other
    /// series is defined once, by one series).
    pub fn grade(&self, id: &str) -> Option<(&JobSeries, &Grade)> {
        self.grade_at(id).map(|(_, series, grade)| (series, grade))
    }

    /// The position of `series` among the profile's series, checked.
    pub(crate) fn series_at(&self, series: &JobSeries) -> Option<usize> {
        let s = *self.index().series.get(series.id.as_str())?;
        (self.job_series.get(s)?.id == series.id).then_some(s)
    }

    /// The ladder of `series`: its own grades, then the grades it shares from another
    /// series (`shares_from`), lowest first.
    pub fn ladder<'p>(&'p self, series: &'p JobSeries) -> Ladder<'p> {
        let index = self.index();
        let shared = self
            .series_at(series)
            .and_then(|s| index.ladders.get(s)?.shared)
            .and_then(|(from, start)| self.job_series.get(from)?.grades.get(start..))
            .unwrap_or(&[]);
        Ladder {
            own: &series.grades,
            shared,
        }
    }

    /// The grade's position on `series`' ladder (0 is the lowest); `None` when the grade is
    /// not on that ladder.
    pub fn rank(&self, series: &JobSeries, grade: &str) -> Option<usize> {
        let (at, _, _) = self.grade_at(grade)?;
        let s = self.series_at(series)?;
        self.index().ladders.get(s)?.rank_of(s, at)
    }

    /// A series whose ladder holds both grades: the one defining `a` if `b` is on it, else
    /// the one defining `b` if `a` is on it (a ladder holding both is always one of these).
    pub fn common_series(&self, a: &str, b: &str) -> Option<&JobSeries> {
        let (_, series_a, _) = self.grade_at(a)?;
        if self.rank(series_a, b).is_some() {
            return Some(series_a);
        }
        let (_, series_b, _) = self.grade_at(b)?;
        self.rank(series_b, a).is_some().then_some(series_b)
    }

    /// How `grade` (at `at`) is seen from `series`: on its ladder when the grade is on it,
    /// else on the ladder of the series that defines it.
    fn view(&self, series: Option<&str>, at: GradeAt) -> View {
        let index = self.index();
        series
            .and_then(|id| index.series.get(id))
            .and_then(|&s| {
                Some(View {
                    series: s,
                    rank: index.ladders.get(s)?.rank_of(s, at)?,
                })
            })
            .unwrap_or(View {
                series: at.series,
                rank: at.rank,
            })
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        checked(&self.competencies, self.index().competencies.get(id), |c| c.id == id)
    }

    pub fn competency_group(&self, id: &str) -> Option<&CompetencyGroup> {
        checked(&self.competency_groups, self.index().competency_groups.get(id), |g| {
            g.id == id
        })
    }

    pub fn training(&self, id: &str) -> Option<&Training> {
        checked(&self.trainings, self.index().trainings.get(id), |t| t.id == id)
    }

    /// Whether any grade of `series`' ladder is subject to 役職定年 (false for an unknown
    /// series).
    pub fn ladder_has_management_limit(&self, series: Option<&str>) -> bool {
        series
            .and_then(|s| self.series(s))
            .is_some_and(|s| self.ladder(s).iter().any(|g| self.management_limit(g).applies))
    }

    pub fn course(&self, id: &str) -> Option<&crate::model::Course> {
        checked(&self.courses, self.index().courses.get(id), |c| c.id == id)
    }

    pub fn delivery_method(&self, id: &str) -> Option<&DeliveryMethod> {
        checked(&self.delivery_methods, self.index().delivery_methods.get(id), |m| {
            m.id == id
        })
    }

    /// The rotation department with this id.
    pub fn department(&self, id: &str) -> Option<&Department> {
        let departments = self.rotation.as_ref().map_or(&[][..], |r| r.departments.as_slice());
        checked(departments, self.index().departments.get(id), |d| d.id == id)
    }

    /// The department family with this id.
    pub fn family(&self, id: &str) -> Option<&DepartmentFamily> {
        let families = self.rotation.as_ref().map_or(&[][..], |r| r.families.as_slice());
        checked(families, self.index().families.get(id), |f| f.id == id)
    }

    /// The department family a wish names (a 自己申告 choice): a family's id or name, or a
    /// department's id or name (its family). `None` for free text the profile does not know.
    pub fn family_for_choice(&self, choice: &str) -> Option<&str> {
        let choice = choice.trim();
        let rotation = self.rotation.as_ref()?;
        let index = self.index();
        let family = self
            .family(choice)
            .or_else(|| index.family_names.get(choice).and_then(|&i| rotation.families.get(i)));
        if let Some(f) = family {
            return Some(f.id.as_str());
        }
        let department = self.department(choice).or_else(|| {
            index
                .department_names
                .get(choice)
                .and_then(|&i| rotation.departments.get(i))
        })?;
        self.family(&department.family).map(|f| f.id.as_str())
    }

    /// The promotion steps out of `grade`, in document order.
    pub fn steps_from(&self, grade: &str) -> impl Iterator<Item = &PromotionStep> {
        let steps = self
            .grade_at(grade)
            .and_then(|(at, _, _)| self.index().steps_from.get(&at.flat))
            .map_or(&[][..], Vec::as_slice);
        steps
            .iter()
            .filter_map(|&i| self.promotion.get(i))
            .filter(move |step| step.from == grade)
    }

    /// The requirement written at `position`, if it is the one for `grade` and `competency`.
    fn written(&self, position: Option<usize>, grade: &str, competency: &str) -> Option<(usize, &Requirement)> {
        position
            .and_then(|i| self.requirements.get(i).map(|r| (i, r)))
            .filter(|(_, r)| r.grade == grade && r.competency == competency)
    }

    /// What `grade` asks of `competency` (see [`ResolvedRequirement`]) on the ladder of
    /// the series that defines it; `None` only when the grade does not exist.
    pub fn requirement<'p>(&'p self, grade: &str, competency: &'p Competency) -> Option<ResolvedRequirement<'p>> {
        self.requirement_on(None, grade, competency)
    }

    /// What `grade` asks of `competency` seen on `series`' ladder (a plan's series), or on
    /// the ladder of the series that defines it when the grade is not on `series`.
    pub fn requirement_on<'p>(
        &'p self,
        series: Option<&str>,
        grade: &str,
        competency: &'p Competency,
    ) -> Option<ResolvedRequirement<'p>> {
        let (at, _, grade) = self.grade_at(grade)?;
        let index = self.index();
        let c = index.competencies.get(competency.id.as_str()).copied();
        let position = c.and_then(|c| index.requirements.get(&(at.flat, c))).copied();
        let written = self.written(position, &grade.id, &competency.id);
        Some(self.resolve(self.view(series, at), at, c, grade, competency, written))
    }

    /// What `grade` asks of each competency, in the competencies' document order (one
    /// entry per competency, as [`Profile::requirement`] gives it); `None` when the grade
    /// does not exist. Reads the grade's row in one pass.
    pub fn grade_requirements(&self, grade: &str) -> Option<impl Iterator<Item = ResolvedRequirement<'_>>> {
        self.grade_requirements_on(None, grade)
    }

    /// [`Profile::grade_requirements`] seen on `series`' ladder (see
    /// [`Profile::requirement_on`]).
    pub fn grade_requirements_on(
        &self,
        series: Option<&str>,
        grade: &str,
    ) -> Option<impl Iterator<Item = ResolvedRequirement<'_>>> {
        let (at, _, grade) = self.grade_at(grade)?;
        let view = self.view(series, at);
        let row = self.index().rows.get(at.flat).map_or(&[][..], Vec::as_slice);
        let mut row = row.iter().peekable();
        Some(self.competencies.iter().enumerate().map(move |(c, competency)| {
            let position = row.next_if(|&&(written_for, _)| written_for == c).map(|&(_, i)| i);
            let written = self.written(position, &grade.id, &competency.id);
            self.resolve(view, at, Some(c), grade, competency, written)
        }))
    }

    fn resolve<'p>(
        &'p self,
        view: View,
        at: GradeAt,
        c: Option<usize>,
        grade: &'p Grade,
        competency: &'p Competency,
        written: Option<(usize, &'p Requirement)>,
    ) -> ResolvedRequirement<'p> {
        let index = self.index();
        let series = self.job_series.get(view.series).map_or("", |s| s.id.as_str());
        let base = ResolvedRequirement {
            series,
            grade: &grade.id,
            competency: &competency.id,
            level: None,
            emphasis: Emphasis::Unmarked,
            descriptor: None,
            source: None,
            illustrative: false,
            derived_from: None,
        };
        if let Some((i, r)) = written {
            let level = if view.series == at.series {
                index.levels.get(i).copied().flatten()
            } else {
                index.shared_levels.get(&(view.series, i)).copied().flatten()
            };
            return ResolvedRequirement {
                level,
                emphasis: r.emphasis,
                descriptor: r.descriptor.as_deref(),
                source: Some(&r.source),
                illustrative: match self.scale.kind() {
                    ScaleKind::Levels => r.illustrative,
                    ScaleKind::Proficiency => self.scale.illustrative,
                    ScaleKind::Descriptors => false,
                },
                ..base
            };
        }
        if self.scale.kind() == ScaleKind::Levels {
            return ResolvedRequirement {
                level: Some(self.scale.min()),
                ..base
            };
        }
        // Accumulation: the highest requirement of a lower grade of the same ladder.
        let carried = c
            .and_then(|c| index.carry.get(&(view.series, c)))
            .and_then(|steps| {
                let below = steps.partition_point(|step| step.rank < view.rank);
                below.checked_sub(1).and_then(|k| steps.get(k))
            })
            .and_then(|step| Some((step, self.requirements.get(step.requirement)?)));
        match carried {
            Some((step, r)) => ResolvedRequirement {
                level: Some(step.level),
                emphasis: r.emphasis,
                descriptor: r.descriptor.as_deref(),
                source: self.scale.accumulate.as_ref().map(|q| q.source.as_str()),
                illustrative: self.scale.kind() == ScaleKind::Proficiency && self.scale.illustrative,
                derived_from: Some(&r.grade),
                ..base
            },
            None => base,
        }
    }

    /// The ladder of descriptions of `competency` on `series` (descriptor scales only;
    /// empty otherwise), lowest rung first.
    pub fn rungs<'p>(&'p self, series: &str, competency: &str) -> Vec<Rung<'p>> {
        let index = self.index();
        let (Some(&s), Some(&c)) = (index.series.get(series), index.competencies.get(competency)) else {
            return Vec::new();
        };
        let Some(members) = index.rungs.get(&(s, c)) else {
            return Vec::new();
        };
        // Members are in ladder order; a stable sort by rung keeps each rung's grades so.
        let mut members = members.clone();
        members.sort_by_key(|&(level, _)| level);
        let mut rungs: Vec<Rung<'p>> = Vec::new();
        for (level, i) in members {
            let Some(r) = self.requirements.get(i) else { continue };
            match rungs.last_mut() {
                Some(rung) if rung.level == level => rung.grades.push(&r.grade),
                _ => rungs.push(Rung {
                    level,
                    descriptor: r.descriptor.as_deref().unwrap_or(""),
                    grades: vec![&r.grade],
                }),
            }
        }
        rungs
    }

    /// The levels an assessment of `competency` may take: the numeric scale, or on a
    /// descriptor ladder 0 ("not yet rung 1") to its highest rung on any series.
    pub fn level_range(&self, competency: &str) -> std::ops::RangeInclusive<u8> {
        match self.scale.kind() {
            ScaleKind::Descriptors => {
                let index = self.index();
                let top = index
                    .competencies
                    .get(competency)
                    .and_then(|c| index.top_rung.get(c))
                    .copied()
                    .unwrap_or(0);
                0..=top
            }
            _ => self.scale.min()..=self.scale.max(),
        }
    }

    /// The levels an assessment of `competency` may take on `series`' ladder (a descriptor
    /// ladder's rungs differ between series); [`Profile::level_range`] when the series is
    /// unknown or the scale is numeric.
    pub fn level_range_on(&self, series: Option<&str>, competency: &str) -> std::ops::RangeInclusive<u8> {
        let index = self.index();
        match (self.scale.kind(), series.and_then(|s| index.series.get(s))) {
            (ScaleKind::Descriptors, Some(&s)) => {
                let top = index
                    .competencies
                    .get(competency)
                    .and_then(|&c| index.rungs.get(&(s, c)))
                    .and_then(|members| members.iter().map(|&(level, _)| level).max())
                    .unwrap_or(0);
                0..=top
            }
            _ => self.level_range(competency),
        }
    }

    /// Whether ◎/○ marks are the document's notation here (a proficiency scale read from
    /// emphasis, or format 1); descriptor ladders list items without marks.
    pub fn uses_marks(&self) -> bool {
        self.scale.kind() != ScaleKind::Descriptors
    }

    /// Every grade × competency requirement on every ladder: series in order, grades in
    /// ladder order (a shared grade once on each ladder it is on), competencies in
    /// document order.
    pub fn resolved_requirements(&self) -> Vec<ResolvedRequirement<'_>> {
        self.job_series
            .iter()
            .flat_map(|s| {
                self.ladder(s)
                    .iter()
                    .filter_map(move |g| self.grade_requirements_on(Some(&s.id), &g.id))
            })
            .flatten()
            .collect()
    }

    /// The series a promotion step belongs to (that of its `from` grade).
    pub fn step_series(&self, step: &PromotionStep) -> Option<&JobSeries> {
        self.grade(&step.from).map(|(s, _)| s)
    }
}

/// The item the index places at `position`, if it is the one asked for. An index only goes
/// out of step with its lists when a profile is edited after its first look-up; the check
/// keeps such a profile from answering with the wrong item.
fn checked<'a, T>(items: &'a [T], position: Option<&usize>, is: impl Fn(&T) -> bool) -> Option<&'a T> {
    position.and_then(|&i| items.get(i)).filter(|item| is(item))
}
