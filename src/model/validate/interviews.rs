//! The checks of a plan's interview record: dates within service, the ids it names, goal
//! weights that add up to at most 100%, and text fields free of control characters.

use super::*;
use crate::model::Date;

impl Plan {
    pub(super) fn check_interviews(&self, profile: &Profile, ck: &mut Checker) {
        if self.interviews.is_empty() && self.notes.is_empty() {
            return;
        }
        let competencies: Known<'_> = profile.competencies.iter().map(|c| c.id.as_str()).collect();
        let trainings: Known<'_> = profile.trainings.iter().map(|t| t.id.as_str()).collect();
        let retires = crate::engine::retirement_of(profile, self).date;
        let before_hire = |ck: &mut Checker, path: FieldPath, date: Date, later: DateField| {
            if date < self.hire_date {
                ck.push(
                    path,
                    ProblemKind::DateOrder {
                        earlier: DateField::HireDate,
                        later,
                    },
                );
            }
        };
        for (i, iv) in self.interviews.iter().enumerate() {
            before_hire(ck, path!["interviews", i, "date"], iv.date, DateField::InterviewDate);
            for (key, value) in [("evaluator", &iv.evaluator), ("second_evaluator", &iv.second_evaluator)] {
                if let Some(value) = value {
                    ck.one_line(path!["interviews", i, key], value);
                }
            }
            for (key, value) in [
                ("self_comment", &iv.self_comment),
                ("supervisor_comment", &iv.supervisor_comment),
            ] {
                if let Some(value) = value {
                    ck.lines(path!["interviews", i, key], value);
                }
            }
            for (j, step) in iv.agreed_next_steps.iter().enumerate() {
                ck.one_line(path!["interviews", i, "agreed_next_steps", j], step);
            }
            for (j, t) in iv.agreed_trainings.iter().enumerate() {
                ck.reference(
                    path!["interviews", i, "agreed_trainings", j],
                    Entity::Training,
                    t,
                    &trainings,
                );
            }
            let total: u32 = iv.goals.iter().filter_map(|g| g.weight).map(u32::from).sum();
            if total > 100 {
                ck.push(path!["interviews", i, "goals"], ProblemKind::GoalWeights { total });
            }
            for (j, g) in iv.goals.iter().enumerate() {
                ck.text(path!["interviews", i, "goals", j, "title"], &g.title);
                for (key, value) in [
                    ("measure", &g.measure),
                    ("difficulty", &g.difficulty),
                    ("result", &g.result),
                ] {
                    if let Some(value) = value {
                        ck.lines(path!["interviews", i, "goals", j, key], value);
                    }
                }
                if let Some(due) = g.due {
                    let at = path!["interviews", i, "goals", j, "due"];
                    before_hire(ck, at.clone(), due, DateField::GoalDue);
                    if due > retires {
                        ck.push(at, ProblemKind::GoalAfterRetirement { retires });
                    }
                }
            }
        }
        for (i, n) in self.notes.iter().enumerate() {
            before_hire(ck, path!["notes", i, "date"], n.date, DateField::NoteDate);
            if let Some(c) = &n.competency {
                ck.reference(path!["notes", i, "competency"], Entity::Competency, c, &competencies);
            }
            // A note may run to several lines; it may not be empty.
            if n.text.trim().is_empty() {
                ck.push(path!["notes", i, "text"], ProblemKind::EmptyText);
            } else {
                ck.lines(path!["notes", i, "text"], &n.text);
            }
        }
    }
}
