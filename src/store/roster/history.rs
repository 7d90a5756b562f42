//! `--history`: the posting history (配属履歴) in long format — 職員番号, 所属, 開始日,
//! 終了日 (empty while the posting lasts) — read into one compact summary per employee, then
//! joined to the roster by 職員番号 for the report's `rotation` section: staff inside a
//! rotation rule's window who have not yet served the families or departments it asks for,
//! and staff whose current posting is past the profile's tenure.
//!
//! Memory is bounded: an employee's summary is a bit set of families, at most
//! [`MAX_DEPARTMENTS_KEPT`] department numbers and the current posting (about 100 bytes
//! with the map's own cost), keyed by a 64-bit hash of the 職員番号, for at most
//! [`MAX_HISTORY_STAFF`] employees (about 100 MB); rows of further employees are counted as
//! not used. The roster is then streamed a second time for the join.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::model::{Date, Profile, RotationRuleKind};
use crate::store::roster::{ReadOptions, Resolver, RosterError, RosterMap, RosterOptions, Rows, date, id_hash};

/// Employees whose history is kept (the rest are counted as not used).
pub const MAX_HISTORY_STAFF: usize = 1_000_000;
/// Distinct departments kept per employee: more than any rule asks for.
pub const MAX_DEPARTMENTS_KEPT: usize = 16;
/// People listed per list; the rest are counted.
pub const MAX_ROTATION_LISTED: usize = 5_000;
/// History rows with a problem listed one by one.
pub const MAX_HISTORY_PROBLEMS: usize = 1_000;

/// The history's column names.
pub const HISTORY_COLUMNS: [&str; 4] = ["職員番号", "所属", "開始日", "終了日"];

/// What one employee has served, in the profile's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Served {
    /// Bit i: served in `rotation.families[i]`.
    families: u64,
    /// Indexes into `rotation.departments`, distinct.
    departments: Vec<u16>,
    /// The posting without an end date (the latest started, when several): department and
    /// start.
    current: Option<(u16, Date)>,
}

/// The history read: per employee (by hashed 職員番号) what they served.
#[derive(Debug, Default)]
pub struct History {
    by_id: HashMap<u64, Served>,
    pub summary: HistorySummary,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HistorySummary {
    pub read: u64,
    pub used: u64,
    pub skipped: u64,
    /// Rows of employees beyond [`MAX_HISTORY_STAFF`].
    pub over_limit: u64,
    /// The first [`MAX_HISTORY_PROBLEMS`] rows not used.
    pub problems: Vec<HistoryProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryProblem {
    pub row: u64,
    pub column: String,
    /// `missing`, `bad_date`, `unknown_department`, `end_before_start`.
    pub kind: &'static str,
    pub value: String,
}

/// Reads the history file against the profile's departments (codes through `[departments]`
/// of the map file).
pub fn read_history(
    path: &Path,
    profile: &Profile,
    map: &RosterMap,
    read: &ReadOptions,
) -> Result<History, RosterError> {
    let (header, mut rows) = Rows::open(path, read)?;
    let position = |name: &str| header.iter().position(|h| h.trim() == name);
    let columns: Vec<Option<usize>> = HISTORY_COLUMNS.iter().map(|c| position(c)).collect();
    let [Some(id_at), Some(dept_at), Some(start_at), end_at] = columns[..] else {
        return Err(RosterError::MissingHistoryColumns { found: header.clone() });
    };
    let departments = profile
        .rotation
        .as_ref()
        .map(|r| r.departments.as_slice())
        .unwrap_or(&[]);
    let families = profile.rotation.as_ref().map(|r| r.families.as_slice()).unwrap_or(&[]);
    let mut codes: HashMap<String, Option<u16>> = HashMap::new();
    let mut history = History::default();
    while let Some(next) = rows.next_row() {
        let (row, cells) = next?;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        history.summary.read += 1;
        let cell = |at: usize| cells.get(at).map(|c| c.trim()).filter(|c| !c.is_empty());
        let fault = |column: usize, kind: &'static str, value: &str| HistoryProblem {
            row,
            column: HISTORY_COLUMNS[column].to_string(),
            kind,
            value: value.to_string(),
        };
        let parsed = (|| {
            let id = cell(id_at).ok_or_else(|| fault(0, "missing", ""))?;
            let code = cell(dept_at).ok_or_else(|| fault(1, "missing", ""))?;
            let start_text = cell(start_at).ok_or_else(|| fault(2, "missing", ""))?;
            let start = date(start_text).ok_or_else(|| fault(2, "bad_date", start_text))?;
            let end = match end_at.and_then(cell) {
                Some(text) => Some(date(text).ok_or_else(|| fault(3, "bad_date", text))?),
                None => None,
            };
            if end.is_some_and(|e| e < start) {
                return Err(fault(3, "end_before_start", end_at.and_then(cell).unwrap_or("")));
            }
            let dept = *codes.entry(code.to_string()).or_insert_with(|| {
                let word = map.departments.get(code).map_or(code, String::as_str);
                departments
                    .iter()
                    .position(|d| d.id == word || d.name == word)
                    .and_then(|i| u16::try_from(i).ok())
            });
            let dept = dept.ok_or_else(|| fault(1, "unknown_department", code))?;
            Ok((id_hash(id), dept, start, end))
        })();
        let (key, dept, start, end) = match parsed {
            Ok(found) => found,
            Err(problem) => {
                history.summary.skipped += 1;
                if history.summary.problems.len() < MAX_HISTORY_PROBLEMS {
                    history.summary.problems.push(problem);
                }
                continue;
            }
        };
        if !history.by_id.contains_key(&key) && history.by_id.len() >= MAX_HISTORY_STAFF {
            history.summary.over_limit += 1;
            continue;
        }
        history.summary.used += 1;
        let served = history.by_id.entry(key).or_default();
        let family = departments
            .get(usize::from(dept))
            .and_then(|d| families.iter().position(|f| f.id == d.family));
        if let Some(bit) = family.filter(|b| *b < 64) {
            served.families |= 1 << bit;
        }
        if !served.departments.contains(&dept) && served.departments.len() < MAX_DEPARTMENTS_KEPT {
            served.departments.push(dept);
        }
        if end.is_none() && served.current.is_none_or(|(_, since)| since <= start) {
            served.current = Some((dept, start));
        }
    }
    Ok(history)
}

/// A rule's standing over the roster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleStanding {
    pub rule: String,
    /// The rule in the document's words.
    pub text: String,
    pub kind: RotationRuleKind,
    /// Years of service when the window opens and closes.
    pub from_year: u8,
    pub window_years: u8,
    /// Staff of the rule's series inside the window with a history.
    pub in_window: u64,
    /// Of those, staff who have not yet served what the rule asks for.
    pub missing: u64,
    pub listed: Vec<RotationPerson>,
}

/// A person in a rotation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RotationPerson {
    pub id: String,
    pub name: String,
    /// Families (cover_families) or departments (distinct_departments) served so far, and
    /// how many the rule asks for; for tenure, whole years in the current posting and the
    /// profile's upper tenure.
    pub have: u32,
    pub need: u32,
    /// The department (current posting, for tenure), by its profile name.
    pub department: Option<String>,
}

/// The `rotation` section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationSection {
    pub rules: Vec<RuleStanding>,
    /// Staff whose current posting is longer than the profile's tenure (None when the
    /// profile gives no tenure).
    pub past_tenure: Option<u64>,
    pub past_tenure_listed: Vec<RotationPerson>,
    /// The tenure is Michi's example, not the city's.
    pub tenure_illustrative: bool,
    /// Roster staff with no history row.
    pub without_history: u64,
    /// More people than listed, over all lists.
    pub unlisted: u64,
    pub history: HistorySummary,
}

/// The roster streamed again and joined to the history by 職員番号.
pub fn rotation(
    path: &Path,
    profile: &Profile,
    map: &RosterMap,
    options: &RosterOptions,
    history: History,
) -> Result<RotationSection, RosterError> {
    let (header, mut rows) = Rows::open(path, &options.read)?;
    let layout = super::find_header(header, &mut rows, map)?;
    let rotation = profile.rotation.as_ref();
    let rules = rotation.map(|r| r.windowed_rules()).unwrap_or_default();
    let families = rotation.map(|r| r.families.as_slice()).unwrap_or(&[]);
    let departments = rotation.map(|r| r.departments.as_slice()).unwrap_or(&[]);
    let mut section = RotationSection {
        rules: rules
            .iter()
            .map(|(r, w)| RuleStanding {
                rule: r.id.clone(),
                text: r.text.clone(),
                kind: r.kind,
                from_year: r.from_year,
                window_years: *w,
                in_window: 0,
                missing: 0,
                listed: Vec::new(),
            })
            .collect(),
        past_tenure: rotation.and_then(|r| r.tenure()).map(|_| 0),
        past_tenure_listed: Vec::new(),
        tenure_illustrative: rotation.and_then(|r| r.tenure()).is_some_and(|t| t.illustrative),
        without_history: 0,
        unlisted: 0,
        history: history.summary.clone(),
    };
    let mut resolver = Resolver::new(profile, map);
    let mut seen = HashSet::new();
    let today = options.today;
    while let Some(next) = rows.next_row() {
        let (row, cells) = next?;
        let Ok(person) = resolver.person(&layout, &cells, &mut seen) else {
            continue;
        };
        let Some(served) = history.by_id.get(&id_hash(person.id)) else {
            section.without_history += 1;
            continue;
        };
        // `--anonymous`: the same pseudonym as the report's lists (the roster's row number).
        let (id, name) = if options.anonymous {
            (format!("#{row}"), "（匿名）".to_string())
        } else {
            (person.id.to_string(), person.name.to_string())
        };
        let listed = |have: usize, need: usize, department: Option<String>| RotationPerson {
            id: id.clone(),
            name: name.clone(),
            have: u32::try_from(have).unwrap_or(u32::MAX),
            need: u32::try_from(need).unwrap_or(u32::MAX),
            department,
        };
        let series = profile.job_series.get(person.series).map(|s| s.id.as_str());
        let years = person.hire.whole_years_until(today);
        for ((rule, window), standing) in rules.iter().zip(section.rules.iter_mut()) {
            if !rule.applies_to_series(series) || years < i32::from(rule.from_year) || years >= i32::from(*window) {
                continue;
            }
            standing.in_window += 1;
            let have = match rule.kind {
                RotationRuleKind::CoverFamilies => rule
                    .families
                    .iter()
                    .filter(|f| {
                        families
                            .iter()
                            .position(|x| x.id == **f)
                            .is_some_and(|bit| bit < 64 && served.families & (1 << bit) != 0)
                    })
                    .count(),
                _ if rule.distinct_families => {
                    let mut seen_families: Vec<&str> = served
                        .departments
                        .iter()
                        .filter_map(|d| departments.get(usize::from(*d)).map(|d| d.family.as_str()))
                        .collect();
                    seen_families.sort_unstable();
                    seen_families.dedup();
                    seen_families.len()
                }
                _ => served.departments.len(),
            };
            let need = rule.needed().unwrap_or(0);
            if have < need {
                standing.missing += 1;
                if standing.listed.len() < MAX_ROTATION_LISTED {
                    standing.listed.push(listed(have, need, None));
                } else {
                    section.unlisted += 1;
                }
            }
        }
        if let (Some(count), Some((dept, since))) = (section.past_tenure.as_mut(), served.current) {
            let department = departments.get(usize::from(dept));
            let tenure = rotation.and_then(|r| r.department_tenure(department));
            let in_post = since.whole_years_until(today);
            if let Some(t) = tenure
                && f64::from(in_post) > t.upper()
            {
                *count += 1;
                if section.past_tenure_listed.len() < MAX_ROTATION_LISTED {
                    let upper = t.upper() as usize;
                    let in_post = usize::try_from(in_post).unwrap_or(0);
                    section
                        .past_tenure_listed
                        .push(listed(in_post, upper, department.map(|d| d.name.clone())));
                } else {
                    section.unlisted += 1;
                }
            }
        }
    }
    Ok(section)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::i18n::Lang;

    fn joetsu() -> Profile {
        let catalog = crate::store::Catalog::load(None, Lang::Ja);
        catalog.get("joetsu").unwrap().profile.clone()
    }

    fn options() -> RosterOptions {
        RosterOptions {
            read: ReadOptions::default(),
            today: Date::parse("2026-11-21").unwrap(),
            years: 10,
            anonymous: false,
        }
    }

    /// 上越's rule three_families: 一般行政職, the first 10 years of service, every one of
    /// 市民対応系 (tax, welfare), 事業系 (urban_development, agriculture …) and 管理・調整系
    /// (general_affairs, planning).
    /// - 0001 hired 2020 (6 years): tax then urban_development (since 2022-04-01): 2 of 3;
    /// - 0002 hired 2018 (8 years): welfare, agriculture, planning (code 301 mapped): 3 of 3;
    /// - 0003 hired 2000 (26 years): outside the window;
    /// - 0004 hired 2022: no history;
    /// - 0005 hired 2021 but not 一般行政職: the rule is not for that series.
    const ROSTER: &str = "職員番号,氏名,生年月日,採用年月日,職種,職級\n\
        0001,上越 一,1997-05-01,2020-04-01,一般行政職,主事\n\
        0002,上越 二,1995-05-01,2018-04-01,一般行政職,主任\n\
        0003,上越 三,1977-05-01,2000-04-01,一般行政職,課長\n\
        0004,上越 四,1999-05-01,2022-04-01,一般行政職,主事\n\
        0005,上越 五,1998-05-01,2021-04-01,一般行政職以外の職種（保健師など）,主事\n";

    /// Rows 5, 9 and 10 cannot be used: an unknown department, a date that does not exist,
    /// and an end before the start.
    const HISTORY: &str = "職員番号,所属,開始日,終了日\n\
        0001,tax,2020-04-01,2022-03-31\n\
        0001,urban_development,2022-04-01,\n\
        0002,welfare,2018-04-01,2020-03-31\n\
        0002,存在しない課,2020-04-01,2021-03-31\n\
        0002,agriculture,2020-04-01,2023-03-31\n\
        0002,301,2023-04-01,\n\
        0003,tax,2000-04-01,\n\
        0005,tax,2021-04-01,2021-02-30\n\
        0005,tax,2021-04-01,2020-03-31\n\
        0005,welfare,2021-04-01,\n";

    fn section(profile: &Profile) -> RotationSection {
        let dir = tempfile::tempdir().unwrap();
        let (roster, history) = (dir.path().join("r.csv"), dir.path().join("h.csv"));
        std::fs::write(&roster, ROSTER).unwrap();
        std::fs::write(&history, HISTORY).unwrap();
        let mut map = RosterMap::default();
        map.departments.insert("301".into(), "planning".into());
        let read = read_history(&history, profile, &map, &ReadOptions::default()).unwrap();
        rotation(&roster, profile, &map, &options(), read).unwrap()
    }

    #[test]
    fn staff_inside_the_window_missing_a_family_are_found() {
        let s = section(&joetsu());
        assert_eq!(s.history.read, 10);
        assert_eq!(s.history.used, 7);
        assert_eq!(s.history.skipped, 3);
        let problems: Vec<(u64, &str, &str)> = s
            .history
            .problems
            .iter()
            .map(|p| (p.row, p.column.as_str(), p.kind))
            .collect();
        assert_eq!(
            problems,
            [
                (5, "所属", "unknown_department"),
                (9, "終了日", "bad_date"),
                (10, "終了日", "end_before_start")
            ]
        );
        assert_eq!(s.without_history, 1, "0004");
        let [rule] = &s.rules[..] else { panic!("{:?}", s.rules) };
        assert_eq!(rule.rule, "three_families");
        assert_eq!(
            (rule.in_window, rule.missing),
            (2, 1),
            "0001 and 0002 inside; 0001 short"
        );
        assert_eq!(rule.listed.len(), 1);
        assert_eq!(
            (rule.listed[0].id.as_str(), rule.listed[0].have, rule.listed[0].need),
            ("0001", 2, 3)
        );
        assert_eq!(s.past_tenure, None, "上越 gives no tenure");
    }

    #[test]
    fn a_current_posting_longer_than_the_tenure_is_listed() {
        let mut profile = joetsu();
        let rotation = profile.rotation.as_mut().unwrap();
        rotation.typical_tenure_years = Some(3.0);
        rotation.tenure_illustrative = true;
        let s = section(&profile);
        // Current postings on 2026-11-21: 0001 since 2022-04-01 (4 whole years, past 3);
        // 0002 since 2023-04-01 (3, not past); 0003 since 2000-04-01 (26); 0005 since
        // 2021-04-01 (5).
        assert_eq!(s.past_tenure, Some(3));
        let listed: Vec<(&str, u32)> = s.past_tenure_listed.iter().map(|p| (p.id.as_str(), p.have)).collect();
        assert_eq!(listed, [("0001", 4), ("0003", 26), ("0005", 5)]);
        assert!(s.tenure_illustrative);
    }

    #[test]
    fn anonymous_lists_carry_the_row_pseudonym_and_no_name() {
        let mut profile = joetsu();
        profile.rotation.as_mut().unwrap().typical_tenure_years = Some(3.0);
        let dir = tempfile::tempdir().unwrap();
        let (roster, history) = (dir.path().join("r.csv"), dir.path().join("h.csv"));
        std::fs::write(&roster, ROSTER).unwrap();
        std::fs::write(&history, HISTORY).unwrap();
        let read = read_history(&history, &profile, &RosterMap::default(), &ReadOptions::default()).unwrap();
        let options = RosterOptions {
            anonymous: true,
            ..options()
        };
        let s = rotation(&roster, &profile, &RosterMap::default(), &options, read).unwrap();
        let people: Vec<(&str, &str)> = s
            .rules
            .iter()
            .flat_map(|r| &r.listed)
            .chain(&s.past_tenure_listed)
            .map(|p| (p.id.as_str(), p.name.as_str()))
            .collect();
        // By roster row (the header is row 1): without the map's 301, 0001 (row 2) and 0002
        // (row 3) miss a family; 0001, 0003 (row 4) and 0005 (row 6) are past the tenure.
        assert_eq!(
            people,
            [
                ("#2", "（匿名）"),
                ("#3", "（匿名）"),
                ("#2", "（匿名）"),
                ("#4", "（匿名）"),
                ("#6", "（匿名）")
            ]
        );
    }
}
