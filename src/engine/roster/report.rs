//! The roster report's sections, as plain data: the terminal table, the JSON keys and the
//! other outputs are all written from these.

use serde::Serialize;

use crate::engine::roster::{Counts, Person};
use crate::model::{Date, FiscalYear, Profile};

/// The whole report. Its JSON keys are a contract: a prefecture adds the reports of its
/// municipalities key by key (every figure is a count).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RosterReport {
    pub summary: Summary,
    pub retirements: Retirements,
    pub management_limits: ManagementLimits,
    pub turning_60: TurningSixty,
    pub age_pyramid: AgePyramid,
    pub succession: super::Succession,
    pub training_demand: super::TrainingDemand,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub profile: String,
    pub as_of: Date,
    pub first_fy: FiscalYear,
    pub years: u16,
    /// Data rows read (header excluded).
    pub read: u64,
    pub used: u64,
    /// Rows that could not be used; each is listed by the reader with its reason.
    pub skipped: u64,
    /// Employees on the roster past their 定年 (re-employed staff, or a data error).
    pub past_retirement: u64,
}

/// 定年退職 by fiscal year × job series, every year of the window (a year with none shows
/// as zeros: FY2023, 2025, 2027, 2029 and 2031 have none as the age steps up).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Retirements {
    pub fiscal_years: Vec<FiscalYear>,
    /// Series names, in the profile's order.
    pub series: Vec<String>,
    /// `counts[year][series]`.
    pub counts: Vec<Vec<u64>>,
    /// The retirement age in force each year (national rule).
    pub age_in_force: Vec<i32>,
    /// The profile's 特例定年, which the counts follow for the grades and series they name
    /// instead of `age_in_force`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub special_ages: Vec<SpecialAge>,
}

/// A 特例定年 the report applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpecialAge {
    /// The series' name (for a grade, the series it is on).
    pub series: String,
    /// The grade's name, when the age is for one grade only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    pub age: u8,
    /// The 条例 that sets it.
    pub source: String,
    /// The age is an example, not the city's.
    pub illustrative: bool,
}

impl SpecialAge {
    /// The age in words, with what it applies to, its 条例 and, for an example, that mark:
    /// 「医療職 医師(四) 65歳（○○条例 第2条・例示）」.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let what = match &self.grade {
            Some(grade) => format!("{} {grade}", self.series),
            None => self.series.clone(),
        };
        let example = if self.illustrative {
            lang.pick("・例示", ", illustrative")
        } else {
            ""
        };
        match lang {
            crate::i18n::Lang::Ja => format!("{what} {}歳（{}{example}）", self.age, self.source),
            crate::i18n::Lang::En => format!("{what}: {} ({}{example})", self.age, self.source),
        }
    }

    /// The profile's 特例定年 by name, in the profile's order.
    fn of_profile(profile: &Profile) -> Vec<SpecialAge> {
        profile
            .special_retirement_ages
            .iter()
            .map(|s| {
                let grade = s.grade.as_deref().and_then(|g| profile.grade(g));
                let series = s
                    .series
                    .as_deref()
                    .and_then(|id| profile.job_series.iter().find(|j| j.id == id))
                    .or(grade.map(|(series, _)| series));
                SpecialAge {
                    series: series.map(|j| j.name.clone()).unwrap_or_default(),
                    grade: grade.map(|(_, g)| g.name.clone()),
                    age: s.age,
                    source: s.source.clone(),
                    illustrative: s.illustrative,
                }
            })
            .collect()
    }
}

/// 役職定年 by fiscal year × grade, and who.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagementLimits {
    pub fiscal_years: Vec<FiscalYear>,
    /// `[series name, grade name]` of each column: the grades 役職定年 applies to.
    pub grades: Vec<[String; 2]>,
    /// `table[year][grade column]`.
    pub table: Vec<Vec<u64>>,
    /// The people, by date (at most [`MAX_LISTED`](super::MAX_LISTED)).
    pub listed: Vec<ListedPerson>,
    /// How many more there are than listed.
    pub unlisted: u64,
    #[serde(skip)]
    pub(super) counts: Vec<Counts<(usize, usize)>>,
}

/// Who must get the information on working after 60 and be asked their intention
/// (情報提供・意思確認): in the fiscal year before the one they turn 60.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurningSixty {
    /// This fiscal year: those turning 60 next year.
    pub this_year: Vec<ListedPerson>,
    /// Next fiscal year: those turning 60 the year after.
    pub next_year: Vec<ListedPerson>,
    pub unlisted: u64,
}

/// A person in a list, with the date that puts them there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedPerson {
    pub id: String,
    pub name: String,
    pub series: String,
    pub grade: String,
    pub date: Date,
}

impl ListedPerson {
    pub(super) fn of(p: &Person<'_>, profile: &Profile, date: Date) -> ListedPerson {
        let series = profile.job_series.get(p.series);
        let grade = series.and_then(|s| profile.ladder(s).get(p.rank));
        ListedPerson {
            id: p.id.to_string(),
            name: p.name.to_string(),
            series: series.map(|s| s.name.clone()).unwrap_or_default(),
            grade: grade.map(|g| g.name.clone()).unwrap_or_default(),
            date,
        }
    }
}

/// Five-year age bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AgeBand(pub u8);

impl AgeBand {
    /// Bands start at 20 (under 20 is one band) and end at 65 (65 and over is one band).
    pub fn of(age: i32) -> AgeBand {
        let age = age.clamp(15, 65);
        let start = if age < 20 { 15 } else { age - age % 5 };
        AgeBand(u8::try_from(start).unwrap_or(65))
    }

    pub fn label(self) -> String {
        match self.0 {
            15 => "〜19".to_string(),
            65 => "65〜".to_string(),
            start => format!("{start}〜{}", start + 4),
        }
    }

    pub const ALL: [AgeBand; 11] = [
        AgeBand(15),
        AgeBand(20),
        AgeBand(25),
        AgeBand(30),
        AgeBand(35),
        AgeBand(40),
        AgeBand(45),
        AgeBand(50),
        AgeBand(55),
        AgeBand(60),
        AgeBand(65),
    ];
}

/// Counts by job series × grade × age band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgePyramid {
    pub bands: Vec<String>,
    /// One row per series and grade that has anyone, in ladder order.
    pub rows: Vec<PyramidCell>,
    #[serde(skip)]
    pub(super) counts: Counts<(usize, usize, AgeBand)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PyramidCell {
    pub series: String,
    pub grade: String,
    /// One count per band of [`AgePyramid::bands`].
    pub counts: Vec<u64>,
    pub total: u64,
}

impl RosterReport {
    pub(super) fn empty(profile: &Profile, today: Date, first_fy: FiscalYear, years: u16) -> RosterReport {
        let fiscal_years: Vec<FiscalYear> = (0..i32::from(years)).map(|i| first_fy + i).collect();
        let series = profile.job_series.len();
        RosterReport {
            summary: Summary {
                profile: profile.id.clone(),
                as_of: today,
                first_fy,
                years,
                read: 0,
                used: 0,
                skipped: 0,
                past_retirement: 0,
            },
            retirements: Retirements {
                fiscal_years: fiscal_years.clone(),
                series: profile.job_series.iter().map(|s| s.name.clone()).collect(),
                counts: vec![vec![0; series]; fiscal_years.len()],
                age_in_force: fiscal_years
                    .iter()
                    .map(|fy| crate::engine::retirement_age_in_force(*fy))
                    .collect(),
                special_ages: SpecialAge::of_profile(profile),
            },
            management_limits: ManagementLimits {
                fiscal_years: fiscal_years.clone(),
                grades: Vec::new(),
                table: Vec::new(),
                listed: Vec::new(),
                unlisted: 0,
                counts: vec![Counts::new(); fiscal_years.len()],
            },
            turning_60: TurningSixty {
                this_year: Vec::new(),
                next_year: Vec::new(),
                unlisted: 0,
            },
            age_pyramid: AgePyramid {
                bands: AgeBand::ALL.iter().map(|b| b.label()).collect(),
                rows: Vec::new(),
                counts: Counts::new(),
            },
            succession: super::Succession {
                assumption: "no_promotions",
                posts: Vec::new(),
            },
            training_demand: super::TrainingDemand {
                assumption: "no_promotions",
                fiscal_years: fiscal_years.clone(),
                trainings: Vec::new(),
                plans: None,
            },
        }
    }
}

impl ManagementLimits {
    /// The grade columns (every grade 役職定年 applies to, in ladder order) and the table.
    pub(super) fn finish(&mut self, profile: &Profile) {
        let mut columns = Vec::new();
        for (s, series) in profile.job_series.iter().enumerate() {
            for (rank, grade) in profile.ladder(series).iter().enumerate() {
                if profile.management_limit(grade).applies {
                    columns.push(((s, rank), [series.name.clone(), grade.name.clone()]));
                }
            }
        }
        self.table = self
            .counts
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .map(|(key, _)| row.get(key).copied().unwrap_or(0))
                    .collect()
            })
            .collect();
        self.grades = columns.into_iter().map(|(_, names)| names).collect();
    }
}

impl AgePyramid {
    pub(super) fn finish(&mut self, profile: &Profile) {
        let mut rows = Vec::new();
        for (s, series) in profile.job_series.iter().enumerate() {
            for (rank, grade) in profile.ladder(series).iter().enumerate() {
                let counts: Vec<u64> = AgeBand::ALL
                    .iter()
                    .map(|b| self.counts.get(&(s, rank, *b)).copied().unwrap_or(0))
                    .collect();
                let total = counts.iter().sum();
                if total > 0 {
                    rows.push(PyramidCell {
                        series: series.name.clone(),
                        grade: grade.name.clone(),
                        counts,
                        total,
                    });
                }
            }
        }
        self.rows = rows;
    }
}
