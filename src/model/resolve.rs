//! Look-ups over a profile, and what a grade asks of each competency once the profile's
//! scale is applied: a descriptor's rung, a proficiency target, a format 1 number, a
//! requirement carried up the ladder where the document says they accumulate, or nothing
//! where the document states nothing.

use serde::Serialize;

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
    fn index(&self) -> &ProfileIndex {
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
    fn grade_at(&self, id: &str) -> Option<(GradeAt, &JobSeries, &Grade)> {
        let at = *self.index().grades.get(id)?;
        let series = self.job_series.get(at.series)?;
        let grade = series.grades.get(at.rank).filter(|g| g.id == id)?;
        Some((at, series, grade))
    }

    /// The grade with this id and the series it belongs to.
    pub fn grade(&self, id: &str) -> Option<(&JobSeries, &Grade)> {
        self.grade_at(id).map(|(_, series, grade)| (series, grade))
    }

    /// The grade's position on `series`' ladder (0 is the lowest); `None` when the grade is
    /// not on that ladder.
    pub fn rank(&self, series: &JobSeries, grade: &str) -> Option<usize> {
        self.grade_at(grade)
            .filter(|(_, s, _)| s.id == series.id)
            .map(|(at, _, _)| at.rank)
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

    /// What `grade` asks of `competency` (see [`ResolvedRequirement`]); `None` only when
    /// the grade does not exist.
    pub fn requirement<'p>(&'p self, grade: &str, competency: &'p Competency) -> Option<ResolvedRequirement<'p>> {
        let (at, series, grade) = self.grade_at(grade)?;
        let index = self.index();
        let c = index.competencies.get(competency.id.as_str()).copied();
        let position = c.and_then(|c| index.requirements.get(&(at.flat, c))).copied();
        let written = self.written(position, &grade.id, &competency.id);
        Some(self.resolve(at, c, series, grade, competency, written))
    }

    /// What `grade` asks of each competency, in the competencies' document order (one
    /// entry per competency, as [`Profile::requirement`] gives it); `None` when the grade
    /// does not exist. Reads the grade's row in one pass.
    pub fn grade_requirements(&self, grade: &str) -> Option<impl Iterator<Item = ResolvedRequirement<'_>>> {
        let (at, series, grade) = self.grade_at(grade)?;
        let row = self.index().rows.get(at.flat).map_or(&[][..], Vec::as_slice);
        let mut row = row.iter().peekable();
        Some(self.competencies.iter().enumerate().map(move |(c, competency)| {
            let position = row.next_if(|&&(written_for, _)| written_for == c).map(|&(_, i)| i);
            let written = self.written(position, &grade.id, &competency.id);
            self.resolve(at, Some(c), series, grade, competency, written)
        }))
    }

    fn resolve<'p>(
        &'p self,
        at: GradeAt,
        c: Option<usize>,
        series: &'p JobSeries,
        grade: &'p Grade,
        competency: &'p Competency,
        written: Option<(usize, &'p Requirement)>,
    ) -> ResolvedRequirement<'p> {
        let index = self.index();
        let base = ResolvedRequirement {
            series: &series.id,
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
            return ResolvedRequirement {
                level: index.levels.get(i).copied().flatten(),
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
        // Accumulation: the highest requirement of a lower grade of the same series.
        let carried = c
            .and_then(|c| index.carry.get(&(at.series, c)))
            .and_then(|steps| {
                let below = steps.partition_point(|step| step.rank < at.rank);
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

    /// Every grade × competency requirement, grades in ladder order, competencies in
    /// document order.
    pub fn resolved_requirements(&self) -> Vec<ResolvedRequirement<'_>> {
        self.grades()
            .filter_map(|(_, g)| self.grade_requirements(&g.id))
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
