//! The HR office's roster report (人事課の職員名簿レポート): retirement waves by fiscal
//! year and job series, 役職定年 by year and grade, who turns 60 (情報提供・意思確認),
//! the age pyramid, and a summary. Pure and streaming: rows are added one at a time and
//! only counters and the bounded lists the report shows are kept, so memory stays flat
//! whatever the roster's size.

mod report;
mod succession;
mod training;

pub use report::{
    AgeBand, ListedPerson, ManagementLimits, PyramidCell, Retirements, RosterReport, SpecialAge, Summary, TurningSixty,
};
pub use succession::{Cover, GradeBelow, MinYearsBasis, Succession, SuccessionPost, SuccessionYear};
pub use training::{PlanDemand, PlansRead, TrainingDemand, TrainingDemandRow, UnusedPlan};

use std::collections::BTreeMap;

use crate::engine::{retirement, retirement_at, special_age_of};
use crate::model::{Date, FiscalYear, Grade, JobSeries, Profile};

/// Default number of fiscal years a report looks ahead.
pub const DEFAULT_YEARS: u16 = 15;

/// Most names a report lists in one list (役職定年 of a year, turning 60); the rest are
/// counted.
pub const MAX_LISTED: usize = 5_000;

/// One employee of the roster, as read: their series and grade already resolved against
/// the profile (by position in `profile.job_series` and on that series' ladder).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person<'r> {
    /// 職員番号 as written (or a pseudonym).
    pub id: &'r str,
    /// 氏名 as written (or a pseudonym).
    pub name: &'r str,
    pub birth: Date,
    pub hire: Date,
    /// Index into `profile.job_series`.
    pub series: usize,
    /// Rank on the series' ladder (0 = lowest).
    pub rank: usize,
    /// 職級発令日, when the roster gives it.
    pub grade_since: Option<Date>,
}

/// Builds a [`RosterReport`] one person at a time.
pub struct RosterBuilder<'p> {
    profile: &'p Profile,
    today: Date,
    first_fy: FiscalYear,
    years: u16,
    /// Per series, per rank: whether 役職定年 applies.
    management: Vec<Vec<bool>>,
    /// Per series, per rank: the profile's 特例定年, where it sets one.
    special: Vec<Vec<Option<u8>>>,
    report: RosterReport,
    succession: succession::SuccessionCounters,
    training: training::TrainingCounters,
}

impl<'p> RosterBuilder<'p> {
    pub fn new(profile: &'p Profile, today: Date, years: u16) -> RosterBuilder<'p> {
        let years = years.clamp(1, 60);
        let first_fy = today.fiscal_year();
        let management = per_rank(profile, |_, g| profile.management_limit(g).applies);
        let special = per_rank(profile, |s, g| {
            special_age_of(profile, Some(&s.id), &g.id).map(|a| a.age)
        });
        RosterBuilder {
            profile,
            today,
            first_fy,
            years,
            management,
            special,
            report: RosterReport::empty(profile, today, first_fy, years),
            succession: succession::SuccessionCounters::new(profile, today, first_fy, usize::from(years)),
            training: training::TrainingCounters::new(profile, first_fy, usize::from(years)),
        }
    }

    fn year_index(&self, fy: FiscalYear) -> Option<usize> {
        let offset = fy.checked_sub(self.first_fy)?;
        usize::try_from(offset).ok().filter(|i| *i < usize::from(self.years))
    }

    /// Adds one employee.
    pub fn add(&mut self, p: &Person<'_>) {
        let special = self
            .special
            .get(p.series)
            .and_then(|l| l.get(p.rank))
            .copied()
            .flatten();
        let r = match special {
            Some(age) => retirement_at(p.birth, i32::from(age)),
            None => retirement(p.birth),
        };
        self.report.summary.used += 1;
        if r.date < self.today {
            // Still on the roster after 定年: re-employed (再任用) or a data error; counted,
            // never projected.
            self.report.summary.past_retirement += 1;
        }
        if let Some(i) = self.year_index(r.date.fiscal_year())
            && let Some(row) = self.report.retirements.counts.get_mut(i)
            && let Some(cell) = row.get_mut(p.series)
        {
            *cell += 1;
        }
        let manages = self
            .management
            .get(p.series)
            .and_then(|l| l.get(p.rank))
            .copied()
            .unwrap_or(false);
        self.succession.add(p, &r);
        self.training.add(p, &r, manages);
        if manages
            && r.management_post_until >= self.today
            && let Some(i) = self.year_index(r.management_post_until.fiscal_year())
        {
            let limits = &mut self.report.management_limits;
            let key = (p.series, p.rank);
            if let Some(row) = limits.counts.get_mut(i) {
                *row.entry(key).or_insert(0) += 1;
            }
            if limits.listed.len() < MAX_LISTED {
                limits
                    .listed
                    .push(ListedPerson::of(p, self.profile, r.management_post_until));
            } else {
                limits.unlisted += 1;
            }
        }
        // 情報提供・意思確認: in the fiscal year before the one in which they turn 60.
        let turns_60 = p.birth.reaches_age(60).fiscal_year();
        for (offset, list) in [
            (1, &mut self.report.turning_60.this_year),
            (2, &mut self.report.turning_60.next_year),
        ] {
            if turns_60 == self.first_fy + offset {
                if list.len() < MAX_LISTED {
                    list.push(ListedPerson::of(p, self.profile, p.birth.reaches_age(60)));
                } else {
                    self.report.turning_60.unlisted += 1;
                }
            }
        }
        let age = p.birth.whole_years_until(self.today);
        let band = AgeBand::of(age);
        *self
            .report
            .age_pyramid
            .counts
            .entry((p.series, p.rank, band))
            .or_insert(0) += 1;
    }

    /// A row that could not be used (listed by the reader with its reason).
    pub fn skip(&mut self) {
        self.report.summary.skipped += 1;
    }

    pub fn finish(mut self) -> RosterReport {
        self.report.summary.read = self.report.summary.used + self.report.summary.skipped;
        let by_date = |a: &ListedPerson, b: &ListedPerson| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id));
        self.report.management_limits.listed.sort_by(by_date);
        self.report.turning_60.this_year.sort_by(by_date);
        self.report.turning_60.next_year.sort_by(by_date);
        self.report.age_pyramid.finish(self.profile);
        self.report.management_limits.finish(self.profile);
        self.report.succession = self.succession.finish(self.profile);
        self.report.training_demand = self.training.finish(self.profile);
        self.report
    }
}

/// A value for every grade of every series: `[series][rank]`, computed once.
fn per_rank<T>(profile: &Profile, value: impl Fn(&JobSeries, &Grade) -> T) -> Vec<Vec<T>> {
    profile
        .job_series
        .iter()
        .map(|s| profile.ladder(s).iter().map(|g| value(s, g)).collect())
        .collect()
}

/// Counts by key, kept in key order.
pub(crate) type Counts<K> = BTreeMap<K, u64>;

#[cfg(test)]
mod tests;
