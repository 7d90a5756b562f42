//! Self vs supervisor (本人評価と上司評価): where the two views of a competency differ, the
//! largest differences first, for the 人事評価面談; and the dated notes that back either view.

use std::cmp::Reverse;

use serde::Serialize;

use crate::model::{Note, Plan, Profile};

/// One competency as both sides assess it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    pub competency: String,
    pub competency_name: String,
    /// The employee's own level; `None` when not yet assessed.
    #[serde(rename = "self")]
    pub own: Option<u8>,
    /// The supervisor's level; `None` when the supervisor has not assessed it.
    pub supervisor: Option<u8>,
    /// Supervisor's level minus the employee's: positive when the supervisor sees more.
    /// `None` unless both sides have assessed.
    pub difference: Option<i16>,
}

impl Disagreement {
    /// Both sides have assessed the competency.
    pub fn both(&self) -> bool {
        self.difference.is_some()
    }
}

/// Every competency of the profile that either side has assessed: those both sides
/// assessed first, the largest difference (either way) first, then those only one side
/// assessed; the document's order breaks ties. A competency neither side has assessed is
/// left out: there is nothing to compare.
pub fn disagreements(profile: &Profile, plan: &Plan) -> Vec<Disagreement> {
    let mut rows: Vec<(usize, Disagreement)> = profile
        .competencies
        .iter()
        .enumerate()
        .filter_map(|(order, c)| {
            let own = plan.self_assessment.get(&c.id).copied();
            let supervisor = plan.supervisor_assessment.get(&c.id).copied();
            if own.is_none() && supervisor.is_none() {
                return None;
            }
            let difference = own
                .zip(supervisor)
                .map(|(own, supervisor)| i16::from(supervisor) - i16::from(own));
            Some((
                order,
                Disagreement {
                    competency: c.id.clone(),
                    competency_name: c.name.clone(),
                    own,
                    supervisor,
                    difference,
                },
            ))
        })
        .collect();
    rows.sort_by_key(|(order, d)| {
        let standing = match d.difference {
            Some(n) => (0, Reverse(n.unsigned_abs())),
            None => (1, Reverse(0)),
        };
        (standing, *order)
    });
    rows.into_iter().map(|(_, d)| d).collect()
}

/// The plan's notes about `competency`, newest first (of two on the same day, the one
/// written later first: notes are appended).
pub fn competency_notes<'p>(plan: &'p Plan, competency: &str) -> Vec<&'p Note> {
    let mut notes: Vec<(usize, &Note)> = plan
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.competency.as_deref() == Some(competency))
        .collect();
    notes.sort_by_key(|(i, n)| Reverse((n.date, *i)));
    notes.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::{Date, NoteAuthor};

    fn profile() -> Profile {
        crate::store::Catalog::load(None, crate::i18n::Lang::Ja)
            .get("iruma")
            .unwrap()
            .profile
            .clone()
    }

    fn plan(profile: &Profile) -> Plan {
        let mut plan = Plan::example_for(profile, Date::parse("2026-11-22").unwrap()).unwrap();
        plan.self_assessment.clear();
        plan.supervisor_assessment.clear();
        plan.notes.clear();
        plan
    }

    fn ids(rows: &[Disagreement]) -> Vec<&str> {
        rows.iter().map(|d| d.competency.as_str()).collect()
    }

    #[test]
    fn the_largest_difference_comes_first_either_way_then_document_order() {
        let p = profile();
        let c: Vec<&str> = p.competencies.iter().map(|c| c.id.as_str()).collect();
        let mut plan = plan(&p);
        // c[1]: supervisor one lower; c[2]: supervisor two higher; c[3]: two lower;
        // c[4]: the same.
        for (id, own, supervisor) in [(c[1], 3, 2), (c[2], 1, 3), (c[3], 4, 2), (c[4], 2, 2)] {
            plan.self_assessment.insert(id.to_string(), own);
            plan.supervisor_assessment.insert(id.to_string(), supervisor);
        }
        let rows = disagreements(&p, &plan);
        assert_eq!(ids(&rows), [c[2], c[3], c[1], c[4]]);
        let differences: Vec<Option<i16>> = rows.iter().map(|d| d.difference).collect();
        assert_eq!(differences, [Some(2), Some(-2), Some(-1), Some(0)]);
    }

    #[test]
    fn one_sided_assessments_follow_in_document_order_and_unassessed_ones_are_left_out() {
        let p = profile();
        let c: Vec<&str> = p.competencies.iter().map(|c| c.id.as_str()).collect();
        let mut plan = plan(&p);
        plan.supervisor_assessment.insert(c[5].to_string(), 3);
        plan.self_assessment.insert(c[0].to_string(), 2);
        plan.self_assessment.insert(c[3].to_string(), 2);
        plan.supervisor_assessment.insert(c[3].to_string(), 2);
        let rows = disagreements(&p, &plan);
        assert_eq!(ids(&rows), [c[3], c[0], c[5]]);
        assert_eq!(
            (rows[1].own, rows[1].supervisor, rows[1].difference),
            (Some(2), None, None)
        );
        assert_eq!(
            (rows[2].own, rows[2].supervisor, rows[2].difference),
            (None, Some(3), None)
        );
        assert!(rows[0].both() && !rows[1].both());
    }

    #[test]
    fn no_assessment_no_rows_and_levels_of_unknown_competencies_are_ignored() {
        let p = profile();
        let mut plan = plan(&p);
        assert!(disagreements(&p, &plan).is_empty());
        plan.supervisor_assessment.insert("no_such_competency".into(), 2);
        assert!(disagreements(&p, &plan).is_empty());
    }

    #[test]
    fn the_difference_is_the_supervisors_level_minus_the_employees_across_the_whole_scale() {
        let p = profile();
        let c = p.competencies[0].id.clone();
        let mut plan = plan(&p);
        plan.self_assessment.insert(c.clone(), u8::MAX);
        plan.supervisor_assessment.insert(c, 0);
        assert_eq!(disagreements(&p, &plan)[0].difference, Some(-255));
    }

    #[test]
    fn a_competencys_notes_newest_first_and_only_its_own() {
        let p = profile();
        let mut plan = plan(&p);
        let note = |date: &str, author, competency: Option<&str>, text: &str| Note {
            date: Date::parse(date).unwrap(),
            author,
            competency: competency.map(str::to_string),
            text: text.into(),
        };
        plan.notes = vec![
            note("2026-05-10", NoteAuthor::Own, Some("a"), "first"),
            note("2026-09-01", NoteAuthor::Supervisor, Some("a"), "later"),
            note("2026-09-01", NoteAuthor::Own, Some("b"), "other competency"),
            note("2026-09-01", NoteAuthor::Own, Some("a"), "same day, written after"),
            note("2026-12-01", NoteAuthor::Own, None, "about no competency"),
        ];
        let texts: Vec<&str> = competency_notes(&plan, "a").iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["same day, written after", "later", "first"]);
        assert!(competency_notes(&plan, "c").is_empty());
    }
}
