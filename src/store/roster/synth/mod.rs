//! Synthetic rosters (`michi roster synth`): fictitious staff with an age and grade
//! structure like a municipality's (few in their early 40s after the hiring freeze of the
//! 2000s, many in their 50s), a mix of job series, and bad rows on request — for tests,
//! benchmarks and demos. The same seed gives the same bytes.
//!
//! The generator is SplitMix64, written here: eight lines for a deterministic stream, where
//! the `rand` crate would add a dependency for no more than that.
//!
//! With a posting history ([`write_roster_and_history`]) the roster is the same people, the
//! same bytes but for 所属 and 所属発令日, which are then the current posting's; the history
//! draws from a stream of its own, so the roster's draws do not move.

mod postings;
mod sjis;

use std::io::{self, Write};

pub use postings::{HISTORY_HEADER, LONG_STAY_PERCENT, Postings, STAYERS_PERCENT};
pub use sjis::ShiftJisWriter;

use crate::model::{Date, Profile};
use crate::store::roster::Column;

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

/// Relative head counts by age, 22 to 64: a municipal shape (thin in the early 40s).
fn age_weight(age: i64) -> u64 {
    match age {
        22..=29 => 9,
        30..=37 => 8,
        38..=46 => 5,
        47..=55 => 9,
        56..=64 => 7,
        _ => 0,
    }
}

/// Managers past 役職定年 who are still in their post (the rest have moved down).
const STAY_ON_PERCENT: u64 = 15;

/// Relative weights of the age at hire: most join from school at 22 or 23, fewer later,
/// a few as mid-career hires (社会人経験者採用) up to 40.
fn hire_age_weight(age: i64) -> u64 {
    match age {
        22 => 40,
        23 => 20,
        24 => 12,
        25 => 8,
        26..=30 => 4,
        31..=40 => 1,
        _ => 0,
    }
}

/// An age at hire no older than `age`, by [`hire_age_weight`].
fn hire_age(rng: &mut SplitMix, age: i64) -> i64 {
    let ages = 22..=age.min(40);
    let total: u64 = ages.clone().map(hire_age_weight).sum();
    let mut pick = rng.below(total);
    for a in ages {
        let w = hire_age_weight(a);
        if pick < w {
            return a;
        }
        pick -= w;
    }
    22
}

const SURNAMES: [&str; 16] = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
];
const GIVEN: [&str; 16] = [
    "太郎",
    "花子",
    "健",
    "美咲",
    "翔",
    "陽菜",
    "大輔",
    "彩",
    "誠",
    "真由美",
    "浩",
    "恵",
    "拓也",
    "愛",
    "直樹",
    "優子",
];

/// Writes `rows` fictitious staff of `profile` as of `today` (CSV, UTF-8, default
/// headers), `bad_rows` of them broken in turn: an unknown grade, an impossible date,
/// birth after hire, a repeated 職員番号, an empty name.
pub fn write_roster(
    profile: &Profile,
    today: Date,
    rows: u64,
    seed: u64,
    bad_rows: u64,
    out: &mut impl Write,
) -> io::Result<()> {
    generate(profile, today, rows, seed, bad_rows, out, None)
}

/// What a history needs: the profile's departments and a writer.
pub struct HistoryOut<'a> {
    pub postings: &'a Postings,
    pub out: &'a mut dyn Write,
}

/// The roster of [`write_roster`] and the same staff's posting history (see
/// [`Postings`]), both streamed: a row of the roster, then that employee's postings. The
/// history keeps the sequence 職員番号 where a bad row repeats another's.
pub fn write_roster_and_history(
    profile: &Profile,
    today: Date,
    rows: u64,
    seed: u64,
    bad_rows: u64,
    out: &mut impl Write,
    history: HistoryOut<'_>,
) -> io::Result<()> {
    generate(profile, today, rows, seed, bad_rows, out, Some(history))
}

fn generate(
    profile: &Profile,
    today: Date,
    rows: u64,
    seed: u64,
    bad_rows: u64,
    out: &mut impl Write,
    mut history: Option<HistoryOut<'_>>,
) -> io::Result<()> {
    let mut rng = SplitMix(seed ^ 0x6d69_6368_6921);
    let mut history_rng = SplitMix(seed ^ 0x0068_6973_746f_7279);
    let header: Vec<&str> = Column::ALL.iter().map(|c| c.default_header()).collect();
    writeln!(out, "{}", header.join(","))?;
    if let Some(h) = history.as_mut() {
        writeln!(h.out, "{HISTORY_HEADER}")?;
    }
    // Only staff still in service: up to a year under the age in force.
    let oldest = i64::from(crate::engine::retirement_age_in_force(today.fiscal_year())) - 1;
    let ages: Vec<i64> = (22..=oldest).collect();
    let total_weight: u64 = ages.iter().map(|a| age_weight(*a)).sum();
    // Each series' ladder: the grades' names, and whether 役職定年 applies to each.
    let series: Vec<(&str, Vec<(&str, bool)>)> = profile
        .job_series
        .iter()
        .map(|s| {
            let ladder = profile.ladder(s).iter();
            let grades = ladder.map(|g| (g.name.as_str(), profile.management_limit(g).applies));
            (s.name.as_str(), grades.collect())
        })
        .filter(|(_, ladder): &(&str, Vec<(&str, bool)>)| !ladder.is_empty())
        .collect();
    let bad_every = rows.checked_div(bad_rows).map_or(0, |n| n.max(1));
    let mut bad_written = 0;
    for i in 0..rows {
        // Age by weight; birthday anywhere in the year.
        let mut pick = rng.below(total_weight);
        let mut age = 22;
        for a in &ages {
            let w = age_weight(*a);
            if pick < w {
                age = *a;
                break;
            }
            pick -= w;
        }
        let mut birth_year = i64::from(today.year()) - age - 1;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        // Still in service on `today` (a cohort a year older may have retired already).
        let born = |y: i64| {
            Date::new(
                i32::try_from(y).unwrap_or(1970),
                u8::try_from(month).unwrap_or(1),
                u8::try_from(day).unwrap_or(1),
            )
        };
        if born(birth_year).is_some_and(|b| crate::engine::retirement(b).date < today) {
            birth_year += 1;
        }
        // Hired on 1 April, in this fiscal year at the latest.
        let this_fy = i64::from(today.fiscal_year());
        let hire_year = (birth_year + hire_age(&mut rng, age) + 1).min(this_fy);
        let service = (this_fy - hire_year).max(0);
        // Series: the first carries most staff.
        let s = if series.len() <= 1 || rng.below(10) < 7 {
            0
        } else {
            1 + usize::try_from(rng.below(series.len() as u64 - 1)).unwrap_or(0)
        };
        let Some((series_name, ladder)) = series.get(s) else {
            break;
        };
        // Grade: a step every few years of service (so the top of a long ladder is in reach
        // after about 32 years, a short ladder's steps at most 8 years apart), some later
        // than others, up to the person's last grade: the top grade for few, the two below
        // it for some more (a pyramid: a municipality has far fewer 部長 than 係長), the
        // third grade or higher for all.
        let top = ladder.len() - 1;
        let per_step = (32 / i64::try_from(top.max(1)).unwrap_or(1)).clamp(4, 8);
        let step = (service / per_step - i64::try_from(rng.below(2)).unwrap_or(0)).max(0);
        let from_top = match rng.below(100) {
            0..6 => 0,
            6..25 => 1,
            25..55 => 2,
            _ => 3,
        };
        let last = top.saturating_sub(from_top).max(top.min(2));
        let mut rank = usize::try_from(step).unwrap_or(0).min(last);
        // In the first grade since hire; promoted to the grade at its step.
        let mut since_year = if rank == 0 {
            hire_year
        } else {
            (hire_year + per_step * i64::try_from(rank).unwrap_or(0) + i64::try_from(rng.below(3)).unwrap_or(0))
                .min(this_fy)
        };
        // Past 役職定年, most managers have moved down to the highest grade below theirs that
        // the limit does not apply to (from the next 1 April); a few stay on (the extension
        // a post without a successor may get), for the report to find.
        let leaves = born(birth_year).map(|b| crate::engine::retirement(b).management_post_until);
        if let Some(leaves) = leaves.filter(|d| *d < today)
            && ladder.get(rank).is_some_and(|(_, limited)| *limited)
            && rng.below(100) >= STAY_ON_PERCENT
            && let Some(below) = (0..rank)
                .rev()
                .find(|r| ladder.get(*r).is_some_and(|(_, limited)| !limited))
        {
            rank = below;
            since_year = i64::from(leaves.fiscal_year()) + 1;
        }
        let grade = ladder.get(rank).map_or("", |(name, _)| name);
        let mut cells = vec![
            format!("{:07}", i + 1),
            format!(
                "{} {}",
                SURNAMES[usize::try_from(rng.below(16)).unwrap_or(0)],
                GIVEN[usize::try_from(rng.below(16)).unwrap_or(0)]
            ),
            format!("{birth_year}-{month:02}-{day:02}"),
            format!("{hire_year}-04-01"),
            series_name.to_string(),
            grade.to_string(),
            format!("{since_year}-04-01"),
            format!("部署{:03}", rng.below(120)),
            format!(
                "{}-04-01",
                (this_fy - i64::try_from(rng.below(4)).unwrap_or(0)).max(hire_year)
            ),
        ];
        if let Some(h) = history.as_mut() {
            let hire = i32::try_from(hire_year).unwrap_or(2000);
            let (department, since) = h.postings.write(&mut history_rng, &cells[0], hire, today, h.out)?;
            cells[7] = department.to_string();
            cells[8] = format!("{since}-04-01");
        }
        if bad_every > 0 && (i + 1) % bad_every == 0 && bad_written < bad_rows {
            match bad_written % 5 {
                0 => cells[5] = "存在しない級".to_string(),
                1 => cells[2] = format!("{birth_year}-02-30"),
                2 => cells[2] = format!("{}-04-02", hire_year + 1),
                3 => cells[0] = "0000001".to_string(),
                _ => cells[1].clear(),
            }
            bad_written += 1;
        }
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// Rows an Excel worksheet holds under its header.
pub const MAX_WORKBOOK_ROWS: u64 = 1_048_575;

/// The same roster as [`write_roster`] as an Excel workbook (one sheet 「職員名簿」): dates
/// as date cells, as a 人事給与 system's Excel export has them; a broken date stays text.
/// Built in memory, so at most [`MAX_WORKBOOK_ROWS`] rows.
/// With `history`, the staff's posting history goes there as CSV (see
/// [`write_roster_and_history`]).
pub fn write_workbook(
    profile: &Profile,
    today: Date,
    rows: u64,
    seed: u64,
    bad_rows: u64,
    history: Option<HistoryOut<'_>>,
) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    if rows > MAX_WORKBOOK_ROWS {
        return Err(format!("a worksheet holds at most {MAX_WORKBOOK_ROWS} rows"));
    }
    let mut csv_bytes = Vec::new();
    generate(profile, today, rows, seed, bad_rows, &mut csv_bytes, history).map_err(|e| e.to_string())?;
    let mut book = Workbook::new();
    // Rows go to a temporary file as they are written, so a sheet of a million rows does
    // not sit in memory.
    let sheet = book.add_worksheet_with_constant_memory().map_err(|e| e.to_string())?;
    sheet.set_name("職員名簿").map_err(|e| e.to_string())?;
    let date_format = Format::new().set_num_format("yyyy/m/d");
    let dates = [Column::Birth, Column::Hire, Column::GradeSince, Column::DepartmentSince];
    let is_date: Vec<bool> = Column::ALL.iter().map(|c| dates.contains(c)).collect();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_bytes.as_slice());
    for (r, record) in reader.records().enumerate() {
        let record = record.map_err(|e| e.to_string())?;
        let row = u32::try_from(r).map_err(|e| e.to_string())?;
        for (c, value) in record.iter().enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            let date = (r > 0 && is_date.get(c).copied().unwrap_or(false))
                .then(|| Date::parse(value))
                .flatten()
                .and_then(|d| ExcelDateTime::from_ymd(u16::try_from(d.year()).ok()?, d.month(), d.day()).ok());
            match date {
                Some(d) => sheet.write_datetime_with_format(row, col, &d, &date_format),
                None => sheet.write_string(row, col, value),
            }
            .map_err(|e| e.to_string())?;
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
