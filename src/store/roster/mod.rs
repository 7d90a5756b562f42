//! Reading a roster (the 人事給与 system's export of all staff) into the roster report:
//! each row resolved against the profile (series and grade by id, name or mapped code;
//! dates in any of the usual forms), checked, and added to the report. A bad row never
//! stops the report and is never dropped silently: it is listed with its row, column and
//! reason (the first [`MAX_PROBLEMS`]), and every one is counted.

mod bounded;
pub mod history;
pub mod map;
mod ods;
pub mod read;
mod sheet;
pub mod synth;
mod zipped;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

pub use map::{Column, Layout, RosterMap};
pub use ods::MAX_CELLS as ODS_MAX_CELLS;
pub use read::{ReadError, ReadOptions, Rows, TextEncoding};
pub use zipped::Overrun;

use crate::engine::roster::{Person, RosterBuilder, RosterReport};
use crate::model::{Date, Profile, Reading};

/// Bad rows listed one by one; the rest are counted.
pub const MAX_PROBLEMS: usize = 1_000;

/// Why a row was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowReason {
    /// A required cell is empty.
    Missing,
    /// Not a date in any form Michi reads.
    BadDate {
        value: String,
    },
    UnknownSeries {
        value: String,
    },
    UnknownGrade {
        value: String,
    },
    /// The grade is on another series' ladder than the row's 職種.
    GradeNotOnSeries {
        value: String,
    },
    BirthAfterHire,
    /// Hired before the age of 15.
    HiredTooYoung,
    DuplicateId {
        value: String,
    },
}

impl RowReason {
    /// A short kind for the counts.
    pub fn kind(&self) -> &'static str {
        match self {
            RowReason::Missing => "missing",
            RowReason::BadDate { .. } => "bad_date",
            RowReason::UnknownSeries { .. } => "unknown_series",
            RowReason::UnknownGrade { .. } => "unknown_grade",
            RowReason::GradeNotOnSeries { .. } => "grade_not_on_series",
            RowReason::BirthAfterHire => "birth_after_hire",
            RowReason::HiredTooYoung => "hired_too_young",
            RowReason::DuplicateId { .. } => "duplicate_id",
        }
    }

    /// A kind (as [`RowReason::kind`] names it) in words, for the counts people read.
    pub fn kind_label(kind: &str, lang: crate::i18n::Lang) -> &'static str {
        match kind {
            "missing" => lang.pick("空欄", "empty cell"),
            "bad_date" => lang.pick("日付として読めない", "not a date"),
            "unknown_series" => lang.pick("プロファイルにない職種", "series not in the profile"),
            "unknown_grade" => lang.pick("プロファイルにない職級", "grade not in the profile"),
            "grade_not_on_series" => lang.pick("職種に合わない職級", "grade not on the series"),
            "birth_after_hire" => lang.pick("生年月日が採用より後", "born after hire"),
            "hired_too_young" => lang.pick("15歳前の採用", "hired before 15"),
            "duplicate_id" => lang.pick("職員番号の重複", "duplicate 職員番号"),
            _ => lang.pick("その他", "other"),
        }
    }

    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::{En, Ja};
        match (self, lang) {
            (RowReason::Missing, Ja) => "空欄です".into(),
            (RowReason::Missing, En) => "empty".into(),
            (RowReason::BadDate { value }, Ja) => format!("「{value}」は日付として読めません"),
            (RowReason::BadDate { value }, En) => format!("\"{value}\" is not a date"),
            (RowReason::UnknownSeries { value }, Ja) => {
                format!("職種「{value}」はプロファイルにありません（--map の [series] で対応づけ）")
            }
            (RowReason::UnknownSeries { value }, En) => {
                format!("series \"{value}\" is not in the profile (map it in --map [series])")
            }
            (RowReason::UnknownGrade { value }, Ja) => {
                format!("職級「{value}」はプロファイルにありません（--map の [grades] で対応づけ）")
            }
            (RowReason::UnknownGrade { value }, En) => {
                format!("grade \"{value}\" is not in the profile (map it in --map [grades])")
            }
            (RowReason::GradeNotOnSeries { value }, Ja) => format!("職級「{value}」はこの職種の職級ではありません"),
            (RowReason::GradeNotOnSeries { value }, En) => format!("grade \"{value}\" is not on this series' ladder"),
            (RowReason::BirthAfterHire, Ja) => "生年月日が採用年月日より後です".into(),
            (RowReason::BirthAfterHire, En) => "born after the hire date".into(),
            (RowReason::HiredTooYoung, Ja) => "15歳になる前の採用です".into(),
            (RowReason::HiredTooYoung, En) => "hired before the age of 15".into(),
            (RowReason::DuplicateId { value }, Ja) => format!("職員番号「{value}」が前の行と重複しています"),
            (RowReason::DuplicateId { value }, En) => format!("the 職員番号 \"{value}\" repeats an earlier row"),
        }
    }
}

/// A row that was not used: where, which column, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub row: u64,
    /// The column's header, when one cell is at fault.
    pub column: Option<String>,
    pub reason: RowReason,
}

/// The report with what reading found.
#[derive(Debug, Clone, Serialize)]
pub struct RosterRun {
    pub report: RosterReport,
    /// The first [`MAX_PROBLEMS`] bad rows.
    pub problems: Vec<RowProblem>,
    /// Bad rows by kind (all of them).
    pub problem_counts: BTreeMap<&'static str, u64>,
    /// The text encoding read (None: a workbook).
    #[serde(skip)]
    pub encoding: Option<TextEncoding>,
}

/// Why no report could be made.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    #[error(transparent)]
    Read(#[from] ReadError),
    /// Required columns missing from the header row.
    #[error("missing columns")]
    MissingColumns { missing: Vec<Column>, found: Vec<String> },
    /// The posting history (`--history`) lacks 職員番号, 所属 or 開始日.
    #[error("missing history columns")]
    MissingHistoryColumns { found: Vec<String> },
}

/// How to read and report.
#[derive(Debug, Clone)]
pub struct RosterOptions {
    pub read: ReadOptions,
    pub today: Date,
    pub years: u16,
    /// Names and 職員番号 replaced by the row number.
    pub anonymous: bool,
}

/// Rows above the header a file may have (a title such as 「職員名簿（令和8年4月1日現在）」,
/// the date it was exported) before the header row is looked for no further.
pub const MAX_ROWS_ABOVE_HEADER: usize = 10;

/// The header row and its layout: the first row, or, when it lacks the columns, the first of
/// the next [`MAX_ROWS_ABOVE_HEADER`] rows that has them (the rows above are a title). When
/// none has them, the first row's columns are reported as found.
pub(crate) fn find_header(first: Vec<String>, rows: &mut Rows, map: &RosterMap) -> Result<Layout, RosterError> {
    let missing = match Layout::find(&first, map) {
        Ok(layout) => return Ok(layout),
        Err(missing) => missing,
    };
    for _ in 0..MAX_ROWS_ABOVE_HEADER {
        let Some(next) = rows.next_row() else { break };
        let (_, cells) = next?;
        let header: Vec<String> = cells
            .iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        if let Ok(layout) = Layout::find(&header, map) {
            return Ok(layout);
        }
    }
    Err(RosterError::MissingColumns { missing, found: first })
}

/// Reads `path` against `profile` into a report.
pub fn read_roster(
    path: &Path,
    profile: &Profile,
    map: &RosterMap,
    options: &RosterOptions,
) -> Result<RosterRun, RosterError> {
    let (header, mut rows) = Rows::open(path, &options.read)?;
    let layout = find_header(header, &mut rows, map)?;
    let mut resolver = Resolver::new(profile, map);
    let mut builder = RosterBuilder::new(profile, options.today, options.years);
    let encoding = rows.encoding();
    let mut problems = Vec::new();
    let mut problem_counts = BTreeMap::new();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut pseudonym = String::new();
    while let Some(next) = rows.next_row() {
        let (row, cells) = next?;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match resolver.person(&layout, &cells, &mut seen) {
            Ok(mut person) => {
                if options.anonymous {
                    pseudonym.clear();
                    pseudonym.push_str(&format!("#{row}"));
                    person.id = &pseudonym;
                    person.name = "（匿名）";
                }
                builder.add(&person);
            }
            Err((column, mut reason)) => {
                builder.skip();
                if options.anonymous
                    && let RowReason::DuplicateId { value } = &mut reason
                {
                    // The repeated 職員番号 would name the person.
                    *value = "（匿名）".to_string();
                }
                *problem_counts.entry(reason.kind()).or_insert(0) += 1;
                if problems.len() < MAX_PROBLEMS {
                    problems.push(RowProblem {
                        row,
                        column: column.map(|c| map.header(c).to_string()),
                        reason,
                    });
                }
            }
        }
    }
    Ok(RosterRun {
        report: builder.finish(),
        problems,
        problem_counts,
        encoding,
    })
}

/// A grade code resolved: (series, rank), or whether it is on another series' ladder.
type GradeFound = Result<(usize, usize), bool>;

/// Resolves a row's cells, remembering each distinct series and grade code once.
struct Resolver<'p> {
    profile: &'p Profile,
    map: &'p RosterMap,
    series: HashMap<String, Option<usize>>,
    grades: HashMap<(Option<usize>, String), GradeFound>,
}

type Fault = (Option<Column>, RowReason);

/// FNV-1a: a stable 64-bit hash of an id, to find repeats without keeping every id.
fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A date in the forms exports use, the common ones read without the general parser.
fn date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let num = |s: &[u8]| -> Option<u32> {
        if s.is_empty() || s.len() > 4 || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(s.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let fast = if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        match (b.get(0..4), b.get(4..6), b.get(6..8)) {
            (Some(y), Some(m), Some(d)) => num(y).zip(num(m)).zip(num(d)).map(|((y, m), d)| (y, m, d)),
            _ => None,
        }
    } else {
        let mut parts = b.split(|c| *c == b'-' || *c == b'/');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d), None) if y.len() == 4 => {
                num(y).zip(num(m)).zip(num(d)).map(|((y, m), d)| (y, m, d))
            }
            _ => None,
        }
    };
    match fast {
        Some((y, m, d)) => Date::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?),
        None => Date::parse_input(text).ok(),
    }
}

impl<'p> Resolver<'p> {
    fn new(profile: &'p Profile, map: &'p RosterMap) -> Self {
        Resolver {
            profile,
            map,
            series: HashMap::new(),
            grades: HashMap::new(),
        }
    }

    fn series_index(&mut self, code: &str) -> Option<usize> {
        if let Some(found) = self.series.get(code) {
            return *found;
        }
        let word = self.map.series.get(code).map_or(code, String::as_str);
        let found = match self.profile.read_series(word) {
            Reading::Id(s) | Reading::Name(s) => self.profile.job_series.iter().position(|x| x.id == s.id),
            _ => None,
        };
        self.series.insert(code.to_string(), found);
        found
    }

    /// (series, rank) of a grade code; `Err(true)` when it is on another series' ladder.
    fn grade(&mut self, series: Option<usize>, code: &str) -> Result<(usize, usize), bool> {
        let key = (series, code.to_string());
        if let Some(found) = self.grades.get(&key) {
            return *found;
        }
        let word = self.map.grades.get(code).map_or(code, String::as_str);
        let on = series.and_then(|s| self.profile.job_series.get(s));
        let found = match self.profile.read_grade(word, on) {
            Reading::Id(hit) | Reading::Name(hit) => {
                let s = match series {
                    Some(s) => s,
                    None => self
                        .profile
                        .job_series
                        .iter()
                        .position(|x| x.id == hit.series.id)
                        .unwrap_or(0),
                };
                let ladder = self.profile.job_series.get(s).map(|x| self.profile.ladder(x));
                match ladder.and_then(|l| l.iter().position(|g| g.id == hit.grade.id)) {
                    Some(rank) => Ok((s, rank)),
                    None => Err(true),
                }
            }
            _ => Err(false),
        };
        self.grades.insert(key, found);
        found
    }

    fn person<'c>(&mut self, layout: &Layout, cells: &[&'c str], seen: &mut HashSet<u64>) -> Result<Person<'c>, Fault> {
        let need = |column: Column| layout.get(cells, column).ok_or((Some(column), RowReason::Missing));
        let id = need(Column::Id)?;
        let name = need(Column::Name)?;
        let read_date = |column: Column| -> Result<Date, Fault> {
            let text = need(column)?;
            date(text).ok_or_else(|| {
                (
                    Some(column),
                    RowReason::BadDate {
                        value: text.to_string(),
                    },
                )
            })
        };
        let birth = read_date(Column::Birth)?;
        let hire = read_date(Column::Hire)?;
        if birth > hire {
            return Err((Some(Column::Hire), RowReason::BirthAfterHire));
        }
        if birth.whole_years_until(hire) < 15 {
            return Err((Some(Column::Hire), RowReason::HiredTooYoung));
        }
        let series = match layout.get(cells, Column::Series) {
            Some(code) => Some(self.series_index(code).ok_or((
                Some(Column::Series),
                RowReason::UnknownSeries {
                    value: code.to_string(),
                },
            ))?),
            None if self.profile.job_series.len() == 1 => Some(0),
            None => None,
        };
        let grade_code = need(Column::Grade)?;
        let (series, rank) = self.grade(series, grade_code).map_err(|other_series| {
            let value = grade_code.to_string();
            let reason = if other_series {
                RowReason::GradeNotOnSeries { value }
            } else {
                RowReason::UnknownGrade { value }
            };
            (Some(Column::Grade), reason)
        })?;
        let grade_since = match layout.get(cells, Column::GradeSince) {
            Some(text) => Some(date(text).ok_or_else(|| {
                (
                    Some(Column::GradeSince),
                    RowReason::BadDate {
                        value: text.to_string(),
                    },
                )
            })?),
            None => None,
        };
        if !seen.insert(id_hash(id)) {
            return Err((Some(Column::Id), RowReason::DuplicateId { value: id.to_string() }));
        }
        Ok(Person {
            id,
            name,
            birth,
            hire,
            series,
            rank,
            grade_since,
        })
    }
}

#[cfg(test)]
mod tests;
