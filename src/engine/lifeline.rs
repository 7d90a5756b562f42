//! The life-line chart's skeleton (ライフラインチャート): every fiscal year from hire to
//! retirement, with what the plan records of it (postings, the promotion to the current grade,
//! leave, trainings planned for a year) and the promotions the promotion model expects, next to
//! the 充実度 and note the participant wrote. Expected promotions are the model's typical years
//! (標準), marked as expected; where the model states no years, none is placed.

use serde::Serialize;

use crate::model::{AssumedBy, Date, FiscalYear, LeaveKind, Plan, Profile};

/// Years a chart covers at most, whatever the dates say (a bound on the work).
pub const MAX_YEARS: i32 = 80;

/// Where a year stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    Past,
    /// This fiscal year.
    Current,
    Future,
}

/// Something that happened, or is expected, in a year of service.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum LifeEvent {
    /// 採用: the year service began.
    Hired,
    /// A posting that starts this year: a department id of the profile, or free text.
    Posting { department: String },
    /// The promotion to the current grade (from `grade_since`).
    Promoted { grade: String },
    /// A promotion the promotion model expects this year on the typical path (見込み).
    ExpectedPromotion {
        grade: String,
        /// The plan's target grade.
        target: bool,
        /// A selection exam stands before the grade.
        exam: bool,
        /// The years rest on the document's illustrative values.
        illustrative: bool,
        /// The years rest on the profile's declared assumption, and whose it is.
        assumed_by: Option<AssumedBy>,
    },
    /// Leave that starts this year (`to` absent while it continues).
    Leave {
        kind: LeaveKind,
        from: Date,
        to: Option<Date>,
    },
    /// A training planned for this year (`planned_years`).
    PlannedTraining { id: String },
    /// 役職定年: the last year a management post may be held (national rule).
    ManagementPostEnds { until: Date },
    /// 定年退職 (national rule).
    Retirement { age: i32, date: Date },
}

/// One fiscal year of the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LifelineRow {
    pub fy: FiscalYear,
    /// Age at the end of the fiscal year (年度末年齢): the age reached during the year.
    pub age: i32,
    pub tense: Tense,
    pub events: Vec<LifeEvent>,
    /// 充実度 (−5…+5) as written; `None` where the year has no entry.
    pub score: Option<i8>,
    pub note: Option<String>,
}

/// The chart: the years of service, first to last.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LifelineChart {
    pub first_fy: FiscalYear,
    pub last_fy: FiscalYear,
    pub today_fy: FiscalYear,
    pub years: Vec<LifelineRow>,
    /// Completed trainings: the plan records no year for them.
    pub completed_undated: Vec<String>,
    /// Planned trainings without a year.
    pub planned_undated: Vec<String>,
}

impl LifelineChart {
    pub fn year(&self, fy: FiscalYear) -> Option<&LifelineRow> {
        let at = usize::try_from(fy.checked_sub(self.first_fy)?).ok()?;
        self.years.get(at)
    }

    /// `fy` moved into the chart's years.
    pub fn clamp(&self, fy: FiscalYear) -> FiscalYear {
        fy.clamp(self.first_fy, self.last_fy.max(self.first_fy))
    }
}

/// The first and last fiscal years a chart covers: from the hire year to the retirement year
/// (at most [`MAX_YEARS`]).
pub fn service_years(plan: &Plan) -> (FiscalYear, FiscalYear) {
    let last_fy = crate::engine::retirement(plan.birth_date).last_fiscal_year();
    let first_fy = plan.hire_date.fiscal_year().max(last_fy - (MAX_YEARS - 1));
    (first_fy, last_fy)
}

/// The life-line chart of `plan` as of `today`.
pub fn lifeline(profile: &Profile, plan: &Plan, today: Date) -> LifelineChart {
    let retirement = crate::engine::retirement(plan.birth_date);
    let trajectory = crate::engine::trajectory(profile, plan, &retirement, today);
    let (first_fy, last_fy) = service_years(plan);
    let today_fy = today.fiscal_year();
    let mut years: Vec<LifelineRow> = (first_fy..=last_fy)
        .map(|fy| LifelineRow {
            fy,
            age: plan.birth_date.whole_years_until(Date::fy_start(fy + 1)),
            tense: match fy.cmp(&today_fy) {
                std::cmp::Ordering::Less => Tense::Past,
                std::cmp::Ordering::Equal => Tense::Current,
                std::cmp::Ordering::Greater => Tense::Future,
            },
            events: Vec::new(),
            score: None,
            note: None,
        })
        .collect();
    let mut at = |fy: FiscalYear, event: LifeEvent| {
        let index = fy.checked_sub(first_fy).and_then(|i| usize::try_from(i).ok());
        if let Some(row) = index.and_then(|i| years.get_mut(i)) {
            row.events.push(event);
        }
    };
    at(plan.hire_date.fiscal_year(), LifeEvent::Hired);
    let mut moves: Vec<(Date, LifeEvent)> = Vec::new();
    for a in &plan.assignments {
        moves.push((
            a.from,
            LifeEvent::Posting {
                department: a.department.clone(),
            },
        ));
    }
    if plan.grade_since > plan.hire_date {
        moves.push((
            plan.grade_since,
            LifeEvent::Promoted {
                grade: plan.grade.clone(),
            },
        ));
    }
    for l in &plan.leaves {
        moves.push((
            l.from,
            LifeEvent::Leave {
                kind: l.kind,
                from: l.from,
                to: l.to,
            },
        ));
    }
    // Within a year, in the order they happened (a stable sort keeps the plan's order).
    moves.sort_by_key(|(date, _)| *date);
    for (date, event) in moves {
        at(date.fiscal_year(), event);
    }
    // Expected promotions up to the plan's target grade: the grades beyond it are not the
    // plan's, and a step with no typical year has none to place.
    let target_in_path = trajectory.steps.iter().any(|s| s.grade == plan.target_grade);
    if target_in_path {
        for step in &trajectory.steps {
            if let Some(fy) = step.typical_fy.filter(|fy| *fy <= last_fy) {
                at(
                    fy,
                    LifeEvent::ExpectedPromotion {
                        grade: step.grade.clone(),
                        target: step.grade == plan.target_grade,
                        exam: step.exam,
                        illustrative: step.illustrative,
                        assumed_by: step.assumed_by,
                    },
                );
            }
            if step.grade == plan.target_grade {
                break;
            }
        }
    }
    let mut planned_undated = Vec::new();
    for id in &plan.planned_trainings {
        match plan.planned_years.get(id) {
            Some(fy) => at(*fy, LifeEvent::PlannedTraining { id: id.clone() }),
            None => planned_undated.push(id.clone()),
        }
    }
    if profile.ladder_has_management_limit(plan.series_id(profile))
        && retirement.management_post_until < retirement.date
    {
        at(
            retirement.last_management_fiscal_year(),
            LifeEvent::ManagementPostEnds {
                until: retirement.management_post_until,
            },
        );
    }
    at(
        last_fy,
        LifeEvent::Retirement {
            age: retirement.age,
            date: retirement.date,
        },
    );
    for entry in &plan.lifeline {
        let index = entry.fy.checked_sub(first_fy).and_then(|i| usize::try_from(i).ok());
        if let Some(row) = index.and_then(|i| years.get_mut(i)) {
            row.score = Some(entry.score);
            row.note = entry.note.clone();
        }
    }
    LifelineChart {
        first_fy,
        last_fy,
        today_fy,
        years,
        completed_undated: plan.completed_trainings.clone(),
        planned_undated,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::model::LifelineYear;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn catalog() -> crate::store::Catalog {
        crate::store::Catalog::load(None, crate::i18n::Lang::Ja)
    }

    /// 入間 健 (主任級 since 2021, aiming for 課長級 by 2034), as shipped.
    fn iruma() -> (Profile, Plan) {
        let catalog = catalog();
        let (file, text) = crate::store::personas::PERSONAS
            .iter()
            .find(|(name, _)| *name == "iruma-shunin-to-kacho")
            .unwrap();
        let plan = crate::store::parse_plan(file, text.as_bytes(), &catalog, crate::i18n::Lang::Ja).unwrap();
        let profile = catalog.get("iruma").unwrap().profile.clone();
        (profile, plan)
    }

    fn events(chart: &LifelineChart, fy: FiscalYear) -> &[LifeEvent] {
        &chart.year(fy).unwrap().events
    }

    #[test]
    fn the_years_run_from_hire_to_retirement_with_ages_and_today() {
        let (profile, plan) = iruma();
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        // Born 1988-09-20: retires at 65, on 2054-03-31 (FY2053).
        assert_eq!((chart.first_fy, chart.last_fy), (2011, 2053));
        assert_eq!(chart.years.len(), 43);
        assert_eq!(chart.year(2011).unwrap().age, 23);
        assert_eq!(chart.year(2053).unwrap().age, 65);
        assert_eq!(chart.year(2025).unwrap().tense, Tense::Past);
        assert_eq!(chart.year(2026).unwrap().tense, Tense::Current);
        assert_eq!(chart.year(2027).unwrap().tense, Tense::Future);
        assert_eq!(chart.clamp(1990), 2011);
        assert_eq!(chart.clamp(2100), 2053);
        assert!(chart.year(2054).is_none() && chart.year(2010).is_none());
    }

    #[test]
    fn postings_the_current_grade_and_retirement_sit_in_their_years() {
        let (profile, plan) = iruma();
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        let first = &plan.assignments[0].department;
        assert_eq!(
            events(&chart, 2011),
            [
                LifeEvent::Hired,
                LifeEvent::Posting {
                    department: first.clone()
                }
            ]
        );
        assert!(matches!(&events(&chart, 2015)[0], LifeEvent::Posting { .. }));
        assert_eq!(events(&chart, 2021), [LifeEvent::Promoted { grade: "shunin".into() }]);
        assert!(events(&chart, 2053).contains(&LifeEvent::Retirement {
            age: 65,
            date: d("2054-03-31")
        }));
        // 役職定年: the fiscal year of the 60th birthday.
        assert!(events(&chart, 2048).contains(&LifeEvent::ManagementPostEnds { until: d("2049-03-31") }));
    }

    #[test]
    fn expected_promotions_follow_the_typical_path_up_to_the_target_only() {
        let (profile, plan) = iruma();
        let today = d("2026-11-21");
        let retirement = crate::engine::retirement(plan.birth_date);
        let trajectory = crate::engine::trajectory(&profile, &plan, &retirement, today);
        let chart = lifeline(&profile, &plan, today);
        let expected: Vec<(FiscalYear, &str, bool)> = chart
            .years
            .iter()
            .flat_map(|r| {
                r.events.iter().filter_map(move |e| match e {
                    LifeEvent::ExpectedPromotion { grade, target, .. } => Some((r.fy, grade.as_str(), *target)),
                    _ => None,
                })
            })
            .collect();
        let path: Vec<(FiscalYear, &str, bool)> = trajectory
            .steps
            .iter()
            .take_while(|s| s.grade != "kacho")
            .chain(trajectory.steps.iter().filter(|s| s.grade == "kacho"))
            .filter_map(|s| s.typical_fy.map(|fy| (fy, s.grade.as_str(), s.grade == "kacho")))
            .collect();
        assert_eq!(expected, path);
        assert_eq!(expected.last().map(|e| (e.1, e.2)), Some(("kacho", true)));
        // Nothing beyond the target grade.
        let above: Vec<&str> = trajectory
            .steps
            .iter()
            .skip_while(|s| s.grade != "kacho")
            .skip(1)
            .map(|s| s.grade.as_str())
            .collect();
        assert!(!above.is_empty());
        assert!(expected.iter().all(|e| !above.contains(&e.1)));
    }

    #[test]
    fn a_target_off_the_path_places_no_expected_promotion() {
        let (profile, mut plan) = iruma();
        plan.target_grade = plan.grade.clone();
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        assert!(
            chart
                .years
                .iter()
                .flat_map(|r| &r.events)
                .all(|e| !matches!(e, LifeEvent::ExpectedPromotion { .. }))
        );
    }

    #[test]
    fn leave_and_planned_trainings_with_a_year_are_placed_and_the_rest_listed() {
        let (profile, mut plan) = iruma();
        plan.leaves.push(crate::model::Leave {
            kind: LeaveKind::Childcare,
            from: d("2016-07-01"),
            to: Some(d("2017-06-30")),
            note: None,
        });
        plan.planned_trainings = vec!["coaching".into(), "ojt_kenshu".into()];
        plan.planned_years.insert("coaching".into(), 2027);
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        assert_eq!(
            events(&chart, 2016),
            [LifeEvent::Leave {
                kind: LeaveKind::Childcare,
                from: d("2016-07-01"),
                to: Some(d("2017-06-30"))
            }]
        );
        assert!(events(&chart, 2027).contains(&LifeEvent::PlannedTraining { id: "coaching".into() }));
        assert_eq!(chart.planned_undated, ["ojt_kenshu"]);
        assert_eq!(chart.completed_undated, plan.completed_trainings);
    }

    #[test]
    fn the_written_scores_and_notes_are_read_into_their_years() {
        let (profile, mut plan) = iruma();
        plan.lifeline = vec![
            LifelineYear {
                fy: 2011,
                score: 2,
                note: Some("初めての窓口".into()),
            },
            LifelineYear {
                fy: 2030,
                score: -5,
                note: None,
            },
        ];
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        let row = chart.year(2011).unwrap();
        assert_eq!((row.score, row.note.as_deref()), (Some(2), Some("初めての窓口")));
        assert_eq!(chart.year(2030).unwrap().score, Some(-5));
        assert_eq!(chart.years.iter().filter(|r| r.score.is_some()).count(), 2);
    }

    #[test]
    fn hired_in_the_current_grade_is_no_promotion_and_dates_out_of_bounds_stay_bounded() {
        let (profile, mut plan) = iruma();
        plan.grade_since = plan.hire_date;
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        assert!(
            chart
                .years
                .iter()
                .flat_map(|r| &r.events)
                .all(|e| !matches!(e, LifeEvent::Promoted { .. }))
        );
        plan.hire_date = d("1800-04-01");
        let chart = lifeline(&profile, &plan, d("2026-11-21"));
        assert_eq!(chart.years.len(), MAX_YEARS as usize);
        assert_eq!(chart.years.last().map(|r| r.fy), Some(2053));
    }
}
