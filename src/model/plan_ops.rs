//! Changes people make to a plan, as plan operations: the terminal app and the command line
//! share them, so a new plan, a level step or a training mark mean the same everywhere.
//! Pure: today's date is a parameter.

use crate::model::{Date, FiscalYear, Plan, Profile, Track};

/// Whose assessment a level belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assessor {
    /// 本人 (self-assessment).
    Own,
    /// 上司 (the supervisor's view at the evaluation interview).
    Supervisor,
}

/// What marking a training did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingMark {
    Added,
    Removed,
}

impl Plan {
    /// A new plan for `profile` with example values to replace: the first series, its
    /// lowest grade, the first grade 役職定年 applies to (or the top) as the target, hired at the
    /// start of this fiscal year at 22. `None` when the profile has no grades.
    pub fn example_for(profile: &Profile, today: Date) -> Option<Plan> {
        let series = profile.job_series.first()?;
        let (lowest, target) = profile.default_grades(series)?;
        let hire = Date::fy_start(today.fiscal_year());
        Some(Plan {
            schema_version: crate::model::PLAN_SCHEMA_VERSION,
            sample: false,
            as_of: None,
            profile: profile.id.clone(),
            series: Some(series.id.clone()),
            name: None,
            birth_date: Date::new(today.year() - 23, 4, 2).unwrap_or(hire),
            hire_date: hire,
            grade: lowest.id.clone(),
            position: None,
            grade_since: hire,
            target_grade: target.id.clone(),
            target_fy: None,
            track: Track::Generalist,
            course: None,
            course_field: None,
            course_since: None,
            completed_trainings: vec![],
            planned_trainings: vec![],
            planned_years: Default::default(),
            self_assessment: Default::default(),
            supervisor_assessment: Default::default(),
            evidence: Default::default(),
            roles_self: Default::default(),
            roles_supervisor: Default::default(),
            assignments: vec![],
            leaves: vec![],
            constraints: vec![],
            self_report: Default::default(),
            interviews: vec![],
            notes: vec![],
            lifeline: vec![],
            wcm: Default::default(),
            names_read: Vec::new(),
        })
    }

    /// Moves one competency's level by `delta` on the profile's scale. Stepping below the
    /// scale's minimum clears it ("not assessed"); stepping up from "not assessed" starts at
    /// the minimum. Returns whether anything changed.
    pub fn step_level(&mut self, profile: &Profile, competency: &str, who: Assessor, delta: i16) -> bool {
        if profile.competency(competency).is_none() || delta == 0 {
            return false;
        }
        let range = profile.level_range_on(self.series_id(profile), competency);
        let (min, max) = (*range.start(), *range.end());
        let map = match who {
            Assessor::Own => &mut self.self_assessment,
            Assessor::Supervisor => &mut self.supervisor_assessment,
        };
        match map.get(competency).copied() {
            Some(level) if delta < 0 && level <= min => {
                map.remove(competency);
                true
            }
            Some(level) => {
                let next = (i16::from(level) + delta).clamp(i16::from(min), i16::from(max));
                let next = u8::try_from(next).unwrap_or(max);
                map.insert(competency.to_string(), next);
                next != level
            }
            None if delta > 0 => {
                map.insert(competency.to_string(), min);
                true
            }
            None => false,
        }
    }

    /// Marks a training planned, or unmarks it when it is planned already.
    /// Ticks role `number` (1 = the first the document lists) of `grade` as carried out,
    /// or unticks it; returns whether it is ticked now. Numbers stay sorted.
    pub fn toggle_role(&mut self, grade: &str, number: u16, who: Assessor) -> bool {
        let map = match who {
            Assessor::Own => &mut self.roles_self,
            Assessor::Supervisor => &mut self.roles_supervisor,
        };
        let numbers = map.entry(grade.to_string()).or_default();
        // A file written by hand may list them in any order.
        numbers.sort_unstable();
        numbers.dedup();
        let ticked = match numbers.binary_search(&number) {
            Ok(at) => {
                numbers.remove(at);
                false
            }
            Err(at) => {
                numbers.insert(at, number);
                true
            }
        };
        if numbers.is_empty() {
            map.remove(grade);
        }
        ticked
    }

    pub fn toggle_planned(&mut self, training: &str) -> TrainingMark {
        if let Some(pos) = self.planned_trainings.iter().position(|t| t == training) {
            self.planned_trainings.remove(pos);
            self.planned_years.remove(training);
            TrainingMark::Removed
        } else {
            self.planned_trainings.push(training.to_string());
            TrainingMark::Added
        }
    }

    /// Marks a training completed (no longer planned), or unmarks it when it is completed.
    pub fn toggle_completed(&mut self, training: &str) -> TrainingMark {
        if let Some(pos) = self.completed_trainings.iter().position(|t| t == training) {
            self.completed_trainings.remove(pos);
            TrainingMark::Removed
        } else {
            self.completed_trainings.push(training.to_string());
            self.planned_trainings.retain(|t| t != training);
            self.planned_years.remove(training);
            TrainingMark::Added
        }
    }

    /// Plans a training for fiscal year `fy` (marking it planned when it is not).
    pub fn plan_training_for(&mut self, training: &str, fy: FiscalYear) {
        if !self.planned_trainings.iter().any(|t| t == training) {
            self.planned_trainings.push(training.to_string());
        }
        self.planned_years.insert(training.to_string(), fy);
    }

    /// Switches to another job series: the grades move to the new ladder's lowest and the
    /// first grade 役職定年 applies to (or its top). Returns whether the series exists.
    pub fn set_series(&mut self, profile: &Profile, series: &str) -> bool {
        let Some(s) = profile.series(series) else { return false };
        let Some((low, target)) = profile.default_grades(s) else {
            return false;
        };
        self.series = Some(s.id.clone());
        self.set_grade(low.id.clone());
        self.target_grade = target.id.clone();
        true
    }

    /// Moves to another current grade; a position held belongs to the grade left, so it
    /// goes (the same grade keeps it).
    pub fn set_grade(&mut self, grade: String) {
        if grade != self.grade {
            self.position = None;
        }
        self.grade = grade;
    }

    /// The grade `steps` away on the plan's ladder from `grade` (clamped to the ladder).
    pub fn neighbour_grade(&self, profile: &Profile, grade: &str, steps: isize) -> Option<String> {
        let ladder = profile.ladder(profile.series(self.series_id(profile)?)?);
        let here = ladder.iter().position(|g| g.id == grade)?;
        let last = ladder.len().checked_sub(1)?;
        let next = here.saturating_add_signed(steps).min(last);
        ladder.get(next).map(|g| g.id.clone())
    }

    /// Adds a posting and keeps postings in date order; returns its index.
    pub fn add_posting(&mut self, posting: crate::model::Assignment) -> usize {
        self.assignments.push(posting);
        self.assignments.sort_by_key(|a| a.from);
        self.assignments.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::store::Catalog;

    fn iruma() -> Profile {
        Catalog::load(None, crate::i18n::Lang::Ja)
            .get("iruma")
            .unwrap()
            .profile
            .clone()
    }

    #[test]
    fn a_new_plan_is_valid_for_every_bundled_profile() {
        let catalog = Catalog::load(None, crate::i18n::Lang::Ja);
        let today = Date::parse("2026-11-22").unwrap();
        for entry in &catalog.entries {
            let plan = Plan::example_for(&entry.profile, today).unwrap();
            assert!(plan.validate(&entry.profile).is_empty(), "{}", entry.profile.id);
        }
    }

    #[test]
    fn levels_step_within_the_scale_and_clear_below_it() {
        let profile = iruma();
        let today = Date::parse("2026-11-22").unwrap();
        let mut plan = Plan::example_for(&profile, today).unwrap();
        let c = profile.competencies[0].id.clone();
        assert!(plan.step_level(&profile, &c, Assessor::Own, 1));
        assert_eq!(plan.self_assessment.get(&c), Some(profile.level_range(&c).start()));
        for _ in 0..20 {
            plan.step_level(&profile, &c, Assessor::Own, 1);
        }
        assert_eq!(plan.self_assessment.get(&c), Some(profile.level_range(&c).end()));
        assert!(!plan.step_level(&profile, &c, Assessor::Own, 1), "already at the top");
        for _ in 0..20 {
            plan.step_level(&profile, &c, Assessor::Own, -1);
        }
        assert_eq!(plan.self_assessment.get(&c), None);
        assert!(plan.supervisor_assessment.is_empty());
        assert!(!plan.step_level(&profile, "no-such", Assessor::Own, 1));
    }

    #[test]
    fn marking_a_training_twice_unmarks_it() {
        let profile = iruma();
        let mut plan = Plan::example_for(&profile, Date::parse("2026-11-22").unwrap()).unwrap();
        let t = profile.trainings[0].id.clone();
        assert_eq!(plan.toggle_planned(&t), TrainingMark::Added);
        assert_eq!(plan.toggle_planned(&t), TrainingMark::Removed);
        assert!(plan.planned_trainings.is_empty());
        plan.toggle_planned(&t);
        assert_eq!(plan.toggle_completed(&t), TrainingMark::Added);
        assert!(plan.planned_trainings.is_empty(), "done is no longer planned");
        assert_eq!(plan.toggle_completed(&t), TrainingMark::Removed);
    }
}
