//! Succession (後継者): for each management grade and fiscal year, the posts its holders
//! leave (役職定年, or 定年 first) against the staff of the grade below who meet the
//! promotion model's minimum years in that grade by the following 1 April, when the post is
//! filled, and are still before their own 役職定年 then.
//!
//! Michi's assumption, stated wherever the figures are shown: no promotion is projected;
//! everyone stays in their grade until 役職定年 or 定年. Counters only: a few numbers per
//! management grade and fiscal year, whatever the roster's size.

use serde::Serialize;

use crate::engine::Retirement;
use crate::engine::roster::Person;
use crate::model::{AssumedBy, Date, FiscalYear, Profile, YearsBasis};

/// How the minimum years of a step into a management grade are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MinYearsBasis {
    /// As the document states them.
    Stated,
    /// The step's years are examples (illustrative), not the document's.
    Illustrative,
    /// The profile's `[promotion_assumption]`, the HR office's.
    AssumedByHrOffice,
    /// The profile's `[promotion_assumption]`, Michi's.
    AssumedByMichi,
    /// 在級年数の定めなし: no years, so eligibility is unknown.
    None,
}

/// A grade from which a step leads into the management grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeBelow {
    pub grade: String,
    pub min_years: Option<u8>,
    pub basis: MinYearsBasis,
}

/// One fiscal year of a management grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuccessionYear {
    pub fy: FiscalYear,
    /// Holders leaving the grade at the end of the year (役職定年, or 定年 first).
    pub vacancies: u64,
    /// In a grade below, with the minimum years by 1 April after the year, and before
    /// their own 役職定年 then.
    pub eligible: u64,
    /// In a grade below and before their 役職定年, but without 職級発令日 on the roster.
    pub unknown_no_grade_since: u64,
    /// In a grade below whose step states no years (在級年数の定めなし).
    pub unknown_no_min_years: u64,
    /// Everyone in a grade below who could still be appointed (eligible or not).
    pub below: u64,
    /// Eligible staff per vacancy; none in a year without vacancies. Recompute it from the
    /// counts when adding reports.
    pub eligible_per_vacancy: Option<f64>,
}

/// Whether a year's eligible staff cover its vacancies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    /// Eligible at least as many as the vacancies (or no vacancy).
    Enough,
    /// Fewer eligible than vacancies, but the staff whose eligibility is unknown (no grade
    /// date, no years stated) could make up the difference.
    Unknown,
    /// Fewer eligible than vacancies even counting everyone whose eligibility is unknown.
    Short,
}

impl SuccessionYear {
    /// Vacancies the eligible staff leave open (0 when they cover them).
    pub fn shortfall(&self) -> u64 {
        self.vacancies.saturating_sub(self.eligible)
    }

    /// Staff of a grade below whose eligibility the roster cannot tell.
    pub fn unknown(&self) -> u64 {
        self.unknown_no_grade_since + self.unknown_no_min_years
    }

    pub fn cover(&self) -> Cover {
        if self.eligible >= self.vacancies {
            Cover::Enough
        } else if self.eligible + self.unknown() >= self.vacancies {
            Cover::Unknown
        } else {
            Cover::Short
        }
    }
}

/// One management grade on one series' ladder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuccessionPost {
    pub series: String,
    pub grade: String,
    /// The grades whose steps lead here; empty when no step does.
    pub grades_below: Vec<GradeBelow>,
    /// Holders already past 役職定年 on the as-of date (an extension, or a data error):
    /// not projected.
    pub past_limit: u64,
    pub years: Vec<SuccessionYear>,
}

/// The `succession` section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Succession {
    /// Always `"no_promotions"`: staff stay in their grade (Michi's assumption).
    pub assumption: &'static str,
    pub posts: Vec<SuccessionPost>,
}

/// Counters of one management grade column.
struct Post {
    series: usize,
    rank: usize,
    below: Vec<GradeBelow>,
    past_limit: u64,
    vacancies: Vec<u64>,
    /// Difference arrays over the window (length years + 1).
    eligible: Vec<i64>,
    no_grade_since: Vec<i64>,
    no_min_years: Vec<i64>,
    all_below: Vec<i64>,
}

/// The streaming counters behind [`Succession`].
pub(super) struct SuccessionCounters {
    first_fy: FiscalYear,
    years: usize,
    today: Date,
    posts: Vec<Post>,
    /// Per series, per rank: the management grade it is the vacancy column of.
    post_of: Vec<Vec<Option<usize>>>,
    /// Per series, per rank: (post, minimum years) of the steps from this grade.
    steps_from: Vec<Vec<Vec<StepInto>>>,
}

/// A step from a grade into a management grade: the post's index and the minimum years.
type StepInto = (usize, Option<u8>);

fn basis(years: Option<crate::model::StepYears>, profile: &Profile) -> MinYearsBasis {
    match years.map(|y| y.basis) {
        None => MinYearsBasis::None,
        Some(YearsBasis::Stated) => MinYearsBasis::Stated,
        Some(YearsBasis::Illustrative) => MinYearsBasis::Illustrative,
        Some(YearsBasis::Assumed) => match profile.promotion_assumption.as_ref().map(|a| a.by) {
            Some(AssumedBy::HrOffice) => MinYearsBasis::AssumedByHrOffice,
            _ => MinYearsBasis::AssumedByMichi,
        },
    }
}

impl SuccessionCounters {
    pub(super) fn new(profile: &Profile, today: Date, first_fy: FiscalYear, years: usize) -> SuccessionCounters {
        let mut posts = Vec::new();
        let mut post_of = Vec::new();
        let mut steps_from: Vec<Vec<Vec<StepInto>>> = Vec::new();
        for (s, series) in profile.job_series.iter().enumerate() {
            let ladder: Vec<_> = profile.ladder(series).iter().collect();
            let mut columns = vec![None; ladder.len()];
            let mut from = vec![Vec::new(); ladder.len()];
            for (rank, grade) in ladder.iter().enumerate() {
                if !profile.management_limit(grade).applies {
                    continue;
                }
                let post = posts.len();
                columns[rank] = Some(post);
                let mut below = Vec::new();
                for step in profile.promotion.iter().filter(|st| st.to == grade.id) {
                    let Some(from_rank) = ladder.iter().position(|g| g.id == step.from) else {
                        continue;
                    };
                    let min = step.min_years_or(profile.promotion_assumption.as_ref());
                    from[from_rank].push((post, min.map(|m| m.years)));
                    below.push(GradeBelow {
                        grade: ladder[from_rank].name.clone(),
                        min_years: min.map(|m| m.years),
                        basis: basis(min, profile),
                    });
                }
                posts.push(Post {
                    series: s,
                    rank,
                    below,
                    past_limit: 0,
                    vacancies: vec![0; years],
                    eligible: vec![0; years + 1],
                    no_grade_since: vec![0; years + 1],
                    no_min_years: vec![0; years + 1],
                    all_below: vec![0; years + 1],
                });
            }
            post_of.push(columns);
            steps_from.push(from);
        }
        SuccessionCounters {
            first_fy,
            years,
            today,
            posts,
            post_of,
            steps_from,
        }
    }

    pub(super) fn add(&mut self, p: &Person<'_>, r: &Retirement) {
        let leaves = r.management_post_until;
        if let Some(post) = self
            .post_of
            .get(p.series)
            .and_then(|l| l.get(p.rank))
            .copied()
            .flatten()
            && let Some(post) = self.posts.get_mut(post)
        {
            if leaves < self.today {
                post.past_limit += 1;
            } else if let Ok(i) = usize::try_from(leaves.fiscal_year() - self.first_fy)
                && let Some(v) = post.vacancies.get_mut(i)
            {
                *v += 1;
            }
        }
        let Some(steps) = self.steps_from.get(p.series).and_then(|l| l.get(p.rank)) else {
            return;
        };
        // Appointed on 1 April after row year `fy` only while before their own 役職定年.
        let last = leaves.fiscal_year() - 1;
        let window = Window {
            first_fy: self.first_fy,
            years: self.years,
        };
        for &(post, min) in steps {
            let Some(q) = self.posts.get_mut(post) else { continue };
            window.span(&mut q.all_below, window.first_fy, last);
            match (min, p.grade_since) {
                (None, _) => window.span(&mut q.no_min_years, window.first_fy, last),
                (Some(_), None) => window.span(&mut q.no_grade_since, window.first_fy, last),
                (Some(m), Some(since)) => {
                    let e = since.add_years(i32::from(m));
                    // The first 1 April on or after the day the years are complete.
                    let filled = if e == Date::fy_start(e.fiscal_year()) {
                        e.fiscal_year()
                    } else {
                        e.fiscal_year() + 1
                    };
                    window.span(&mut q.eligible, filled - 1, last);
                }
            }
        }
    }

    pub(super) fn finish(self, profile: &Profile) -> Succession {
        let window = Window {
            first_fy: self.first_fy,
            years: self.years,
        };
        let sums = |diff: &[i64]| window.totals(diff);
        let posts = self
            .posts
            .iter()
            .map(|post| {
                let series = profile.job_series.get(post.series);
                let grade = series.and_then(|s| profile.ladder(s).get(post.rank));
                let (eligible, no_since, no_min, below) = (
                    sums(&post.eligible),
                    sums(&post.no_grade_since),
                    sums(&post.no_min_years),
                    sums(&post.all_below),
                );
                let years = (0..self.years)
                    .map(|i| {
                        let vacancies = post.vacancies.get(i).copied().unwrap_or(0);
                        let eligible = eligible.get(i).copied().unwrap_or(0);
                        SuccessionYear {
                            fy: self.first_fy + i32::try_from(i).unwrap_or(0),
                            vacancies,
                            eligible,
                            unknown_no_grade_since: no_since.get(i).copied().unwrap_or(0),
                            unknown_no_min_years: no_min.get(i).copied().unwrap_or(0),
                            below: below.get(i).copied().unwrap_or(0),
                            #[allow(clippy::cast_precision_loss)]
                            eligible_per_vacancy: (vacancies > 0).then(|| eligible as f64 / vacancies as f64),
                        }
                    })
                    .collect();
                SuccessionPost {
                    series: series.map(|s| s.name.clone()).unwrap_or_default(),
                    grade: grade.map(|g| g.name.clone()).unwrap_or_default(),
                    grades_below: post.below.clone(),
                    past_limit: post.past_limit,
                    years,
                }
            })
            .collect();
        Succession {
            assumption: "no_promotions",
            posts,
        }
    }
}

/// The report's fiscal years, for counting spans of years.
#[derive(Clone, Copy)]
pub(super) struct Window {
    pub(super) first_fy: FiscalYear,
    pub(super) years: usize,
}

impl Window {
    /// Adds one over `[from, to]` (fiscal years, inclusive, cut to the window) to a
    /// difference array of length `years + 1`.
    pub(super) fn span(self, diff: &mut [i64], from: FiscalYear, to: FiscalYear) {
        let last = self.first_fy + i32::try_from(self.years).unwrap_or(i32::MAX) - 1;
        let (from, to) = (from.max(self.first_fy), to.min(last));
        if from > to {
            return;
        }
        let (Ok(a), Ok(b)) = (
            usize::try_from(from - self.first_fy),
            usize::try_from(to - self.first_fy + 1),
        ) else {
            return;
        };
        if let Some(x) = diff.get_mut(a) {
            *x += 1;
        }
        if let Some(x) = diff.get_mut(b) {
            *x -= 1;
        }
    }

    /// The running totals of a difference array: one count per fiscal year.
    pub(super) fn totals(self, diff: &[i64]) -> Vec<u64> {
        diff.iter()
            .take(self.years)
            .scan(0i64, |acc, d| {
                *acc += d;
                Some(u64::try_from(*acc).unwrap_or(0))
            })
            .collect()
    }
}
