//! Training demand (研修の対象者数): for each fiscal year and training, the staff in the
//! training's target grades, and those who entered one of them this fiscal year (from
//! 職級発令日); with employees' plans, how many plan a training or are suggested it, by year.
//!
//! Michi's assumption, stated wherever the figures are shown: no promotion is projected,
//! so staff stay in their grade until 役職定年 (management grades) or 定年, and nobody
//! enters a grade after this fiscal year. Counters only: one small array per grade.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::Retirement;
use crate::engine::roster::Person;
use crate::engine::roster::succession::Window;
use crate::model::{Audience, Date, FiscalYear, Plan, Profile};

/// One training's demand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingDemandRow {
    pub id: String,
    pub name: String,
    /// `grades` (the listed grades), `all_grades`, or `unstated` (the document names no
    /// target: no counts).
    pub audience: &'static str,
    /// The target grades' names.
    pub grades: Vec<String>,
    /// The target grades are Michi's reading, not the document's.
    pub grades_illustrative: bool,
    /// Staff in the target grades, one count per fiscal year (empty when unstated). A
    /// management grade's holders count until 役職定年; the grade they move to then is not
    /// projected, so only `all_grades` trainings count them after it.
    pub staff: Vec<u64>,
    /// Of this fiscal year's staff, those who entered their target grade this fiscal year.
    pub entered_this_year: u64,
    /// Of this fiscal year's staff, those whose 職級発令日 the roster does not give.
    pub no_grade_since: u64,
    /// With `--plans`: plans that plan it, by the fiscal year planned (or placed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Vec<u64>>,
    /// With `--plans`: plans to which Michi's training plan suggests it, by fiscal year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested: Option<Vec<u64>>,
}

/// A plan file of `--plans` that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnusedPlan {
    pub file: String,
    pub reason: String,
}

/// What `--plans` read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct PlansRead {
    /// Plan files found (at most the folder bound).
    pub files: u64,
    /// Plans of this profile, counted in `planned` and `suggested`.
    pub used: u64,
    /// Plans of another profile (not counted).
    pub other_profile: u64,
    /// Files that did not read (first problem each).
    pub unread: Vec<UnusedPlan>,
    /// The folder held more plan files than were read.
    pub more: bool,
}

/// The `training_demand` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingDemand {
    /// Always `"no_promotions"`: staff stay in their grade (Michi's assumption).
    pub assumption: &'static str,
    pub fiscal_years: Vec<FiscalYear>,
    pub trainings: Vec<TrainingDemandRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plans: Option<PlansRead>,
}

/// The streaming counters behind [`TrainingDemand`]: per series and rank.
pub(super) struct TrainingCounters {
    window: Window,
    /// Difference arrays over the window: in the grade that year.
    in_grade: Vec<Vec<Vec<i64>>>,
    /// Difference array over the window: in service (until 定年), whatever the grade.
    in_service: Vec<i64>,
    entered: Vec<Vec<u64>>,
    no_since: Vec<Vec<u64>>,
}

impl TrainingCounters {
    pub(super) fn new(profile: &Profile, first_fy: FiscalYear, years: usize) -> TrainingCounters {
        let ranks: Vec<usize> = profile.job_series.iter().map(|s| profile.ladder(s).len()).collect();
        TrainingCounters {
            window: Window { first_fy, years },
            in_grade: ranks.iter().map(|&n| vec![vec![0; years + 1]; n]).collect(),
            in_service: vec![0; years + 1],
            entered: ranks.iter().map(|&n| vec![0; n]).collect(),
            no_since: ranks.iter().map(|&n| vec![0; n]).collect(),
        }
    }

    /// Adds one employee, who holds their grade until `manages` says 役職定年 ends it, else
    /// until 定年; anyone on the roster counts this fiscal year.
    pub(super) fn add(&mut self, p: &Person<'_>, r: &Retirement, manages: bool) {
        let first = self.window.first_fy;
        let until = if manages { r.management_post_until } else { r.date };
        let last = until.fiscal_year().max(first);
        if let Some(diff) = self.in_grade.get_mut(p.series).and_then(|l| l.get_mut(p.rank)) {
            self.window.span(diff, first, last);
        }
        self.window
            .span(&mut self.in_service, first, r.date.fiscal_year().max(first));
        let cell = match p.grade_since {
            Some(since) if since.fiscal_year() == first => self.entered.get_mut(p.series),
            Some(_) => None,
            None => self.no_since.get_mut(p.series),
        };
        if let Some(n) = cell.and_then(|l| l.get_mut(p.rank)) {
            *n += 1;
        }
    }

    pub(super) fn finish(self, profile: &Profile) -> TrainingDemand {
        let years = self.window.years;
        let trainings = profile
            .trainings
            .iter()
            .map(|t| {
                let audience = t.audience();
                let mut row = TrainingDemandRow {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    audience: match audience {
                        Audience::Listed => "grades",
                        Audience::Every => "all_grades",
                        Audience::Unstated => "unstated",
                    },
                    grades: t
                        .grades
                        .iter()
                        .map(|g| profile.grade(g).map_or_else(|| g.clone(), |(_, g)| g.name.clone()))
                        .collect(),
                    grades_illustrative: t.grades_illustrative,
                    staff: Vec::new(),
                    entered_this_year: 0,
                    no_grade_since: 0,
                    planned: None,
                    suggested: None,
                };
                if audience == Audience::Unstated {
                    return row;
                }
                let mut staff = vec![0u64; years];
                if audience == Audience::Every {
                    // Everyone in service: after 役職定年 too, in whatever grade.
                    staff = self.window.totals(&self.in_service);
                }
                for (s, series) in profile.job_series.iter().enumerate() {
                    for (rank, grade) in profile.ladder(series).iter().enumerate() {
                        if audience == Audience::Listed && !t.grades.contains(&grade.id) {
                            continue;
                        }
                        let totals = self
                            .in_grade
                            .get(s)
                            .and_then(|l| l.get(rank))
                            .map(|d| self.window.totals(d))
                            .unwrap_or_default();
                        if audience == Audience::Listed {
                            for (sum, n) in staff.iter_mut().zip(totals) {
                                *sum += n;
                            }
                        }
                        let at = |l: &Vec<Vec<u64>>| l.get(s).and_then(|l| l.get(rank)).copied().unwrap_or(0);
                        row.entered_this_year += at(&self.entered);
                        row.no_grade_since += at(&self.no_since);
                    }
                }
                row.staff = staff;
                row
            })
            .collect();
        TrainingDemand {
            assumption: "no_promotions",
            fiscal_years: (0..years)
                .map(|i| self.window.first_fy + i32::try_from(i).unwrap_or(0))
                .collect(),
            trainings,
            plans: None,
        }
    }
}

/// Plans' trainings by fiscal year: those planned (in the year planned, or where the
/// training plan places them) and those Michi's training plan suggests.
pub struct PlanDemand<'p> {
    profile: &'p Profile,
    today: Date,
    window: Window,
    /// Training id → (planned, suggested) per fiscal year.
    counts: BTreeMap<String, (Vec<u64>, Vec<u64>)>,
    read: PlansRead,
}

impl<'p> PlanDemand<'p> {
    pub fn new(profile: &'p Profile, today: Date, years: u16) -> PlanDemand<'p> {
        PlanDemand {
            profile,
            today,
            window: Window {
                first_fy: today.fiscal_year(),
                years: usize::from(years.clamp(1, 60)),
            },
            counts: BTreeMap::new(),
            read: PlansRead::default(),
        }
    }

    /// Adds one plan that passed validation (against any profile: another profile's is
    /// counted as such and left out).
    pub fn add(&mut self, plan: &Plan) {
        self.read.files += 1;
        if plan.profile != self.profile.id {
            self.read.other_profile += 1;
            return;
        }
        self.read.used += 1;
        let analysis = crate::engine::analyze(self.profile, plan, self.today, crate::engine::DEFAULT_PER_YEAR);
        let years = self.window.years;
        for s in &analysis.trainings {
            let Ok(i) = usize::try_from(s.fy - self.window.first_fy) else {
                continue;
            };
            if i >= years {
                continue;
            }
            let (planned, suggested) = self
                .counts
                .entry(s.id.clone())
                .or_insert_with(|| (vec![0; years], vec![0; years]));
            let list = if s.planned { planned } else { suggested };
            if let Some(n) = list.get_mut(i) {
                *n += 1;
            }
        }
    }

    /// A plan file that did not read.
    pub fn unread(&mut self, file: String, reason: String) {
        self.read.files += 1;
        if self.read.unread.len() < super::MAX_LISTED {
            self.read.unread.push(UnusedPlan { file, reason });
        }
    }

    /// Puts the counts into the report's section.
    pub fn finish(self, demand: &mut TrainingDemand, more: bool) {
        let years = self.window.years;
        for row in &mut demand.trainings {
            let (planned, suggested) = self
                .counts
                .get(&row.id)
                .cloned()
                .unwrap_or_else(|| (vec![0; years], vec![0; years]));
            row.planned = Some(planned);
            row.suggested = Some(suggested);
        }
        let mut read = self.read;
        read.more = more;
        demand.plans = Some(read);
    }
}
