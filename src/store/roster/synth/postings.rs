//! The posting history of `michi roster synth --history-out`: for each fictitious employee,
//! postings from the hire date to the as-of date in the profile's `rotation.departments`
//! (1 April to the next posting's 31 March, the last one open), in the long format
//! `michi roster --history` reads.
//!
//! Made to show the rotation check something: most staff move to a family they have not
//! served yet, quickly enough inside the rules' windows to meet them; some
//! ([`STAYERS_PERCENT`]) stay in one family and at most two of its departments, so the rules
//! find them; and where the profile gives a tenure, some ([`LONG_STAY_PERCENT`]) are still
//! in a posting they entered more than that many years ago. Nothing is kept between
//! employees: the history streams.

use std::io::{self, Write};

use super::SplitMix;
use crate::model::{Date, Profile};

/// The history's header, the columns `michi roster --history` reads.
pub const HISTORY_HEADER: &str = "職員番号,所属,開始日,終了日";
/// Staff who stay inside one family.
pub const STAYERS_PERCENT: u64 = 20;
/// Staff whose current posting outlasts the profile's tenure (when it gives one).
pub const LONG_STAY_PERCENT: u64 = 12;
/// Years a finished posting lasts, both included, unless the tenure is shorter.
const SHORTEST: i32 = 2;
const LONGEST: i32 = 6;

struct Dept {
    /// The name as the profile writes it, quoted for CSV when it has to be.
    cell: String,
    group: usize,
    /// The most years a posting here lasts (the tenure's upper end, else [`LONGEST`]).
    longest: i32,
    /// The tenure's upper end, past which a posting is long.
    upper: Option<f64>,
}

/// The profile's departments ready for drawing postings.
pub struct Postings {
    depts: Vec<Dept>,
    /// Department indexes by family, families in the order their departments come.
    groups: Vec<Vec<usize>>,
    /// Years of service during which postings are short enough to meet the rules.
    window: i32,
    /// The longest posting inside the window.
    young_longest: i32,
}

/// A value as one CSV cell.
fn cell(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

impl Postings {
    /// `None` when the profile names no departments.
    pub fn new(profile: &Profile) -> Option<Postings> {
        let rotation = profile.rotation.as_ref()?;
        let mut families: Vec<&str> = Vec::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut depts = Vec::new();
        for (i, d) in rotation.departments.iter().enumerate() {
            let group = match families.iter().position(|f| *f == d.family) {
                Some(g) => g,
                None => {
                    families.push(&d.family);
                    groups.push(Vec::new());
                    families.len() - 1
                }
            };
            groups[group].push(i);
            let upper = rotation.department_tenure(Some(d)).map(|t| t.upper());
            let longest = upper.map_or(LONGEST, |u| (u.floor() as i32).clamp(1, LONGEST));
            depts.push(Dept {
                cell: cell(&d.name),
                group,
                longest,
                upper,
            });
        }
        if depts.is_empty() {
            return None;
        }
        // The tightest rule: its window and the posting length that still meets it.
        let (window, young_longest) = rotation
            .rules
            .iter()
            .filter_map(|r| Some((i32::from(r.window_years?), i32::try_from(r.needed()?).ok()?)))
            .filter(|(_, need)| *need > 0)
            .map(|(window, need)| (window, (window / need).max(1)))
            .min_by_key(|(_, longest)| *longest)
            .unwrap_or((0, LONGEST));
        Some(Postings {
            depts,
            groups,
            window,
            young_longest,
        })
    }

    fn length(&self, rng: &mut SplitMix, dept: usize, young: bool) -> i32 {
        let mut longest = self.depts.get(dept).map_or(LONGEST, |d| d.longest);
        if young {
            longest = longest.min(self.young_longest);
        }
        let shortest = SHORTEST.min(longest);
        shortest + i32::try_from(rng.below(u64::try_from(longest - shortest + 1).unwrap_or(1))).unwrap_or(0)
    }

    fn pick(&self, rng: &mut SplitMix, group: usize, not: Option<usize>) -> usize {
        let Some(members) = self.groups.get(group) else {
            return 0;
        };
        let choices: Vec<usize> = members.iter().copied().filter(|d| Some(*d) != not).collect();
        let choices = if choices.is_empty() { members.clone() } else { choices };
        choices
            .get(usize::try_from(rng.below(choices.len() as u64)).unwrap_or(0))
            .copied()
            .unwrap_or(0)
    }

    /// Writes the postings of employee `id`, hired on 1 April of `hire_year`, up to `today`
    /// (one open posting at least), and returns the current one: its department's cell and
    /// its start year.
    pub(super) fn write(
        &self,
        rng: &mut SplitMix,
        id: &str,
        hire_year: i32,
        today: Date,
        out: &mut dyn Write,
    ) -> io::Result<(&str, i32)> {
        let stayer = rng.below(100) < STAYERS_PERCENT;
        let long = rng.below(100) < LONG_STAY_PERCENT;
        let groups = self.groups.len() as u64;
        // A stayer's family has two departments when one does, so they can move at all.
        let roomy: Vec<usize> = (0..self.groups.len()).filter(|g| self.groups[*g].len() > 1).collect();
        let home_group = if stayer && !roomy.is_empty() {
            roomy[usize::try_from(rng.below(roomy.len() as u64)).unwrap_or(0)]
        } else {
            usize::try_from(rng.below(groups)).unwrap_or(0)
        };
        let mut dept = self.pick(rng, home_group, None);
        let home = dept;
        let second = stayer.then(|| self.pick(rng, home_group, Some(home)));
        let mut served: u64 = 1 << (home_group % 64);
        let april = |year: i32| Date::new(year, 4, 1);
        let past = |start: i32, dept: usize| {
            let upper = self.depts.get(dept).and_then(|d| d.upper);
            match (april(start), upper) {
                (Some(s), Some(u)) => f64::from(s.whole_years_until(today)) > u,
                _ => false,
            }
        };
        let mut start = hire_year;
        let mut until = hire_year;
        loop {
            until += self.length(rng, dept, !stayer && until - hire_year < self.window);
            let open = april(until).is_none_or(|d| d > today) || (long && past(start, dept) && !past(until, dept));
            if open {
                writeln!(out, "{id},{},{start}-04-01,", self.depts[dept].cell)?;
                return Ok((&self.depts[dept].cell, start));
            }
            let next = match second {
                Some(second) => {
                    if dept == home {
                        second
                    } else {
                        home
                    }
                }
                None => {
                    let current = self.depts[dept].group;
                    let fresh: Vec<usize> = (0..self.groups.len())
                        .filter(|g| served & (1 << (g % 64)) == 0)
                        .collect();
                    let others: Vec<usize> = (0..self.groups.len()).filter(|g| *g != current).collect();
                    let from = if !fresh.is_empty() {
                        fresh
                    } else if !others.is_empty() {
                        others
                    } else {
                        vec![current]
                    };
                    let group = from[usize::try_from(rng.below(from.len() as u64)).unwrap_or(0)];
                    served |= 1 << (group % 64);
                    self.pick(rng, group, Some(dept))
                }
            };
            // The same department again (a family of one) is the same posting going on.
            if next != dept {
                writeln!(out, "{id},{},{start}-04-01,{until}-03-31", self.depts[dept].cell)?;
                start = until;
                dept = next;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::i18n::Lang;

    fn profile(id: &str) -> Profile {
        crate::store::Catalog::load(None, Lang::Ja)
            .get(id)
            .unwrap()
            .profile
            .clone()
    }

    #[test]
    fn postings_inside_the_window_are_short_enough_to_meet_the_rule() {
        // 上越: all three families within 10 years, so postings of 2 or 3 years there.
        let postings = Postings::new(&profile("joetsu")).unwrap();
        assert_eq!((postings.window, postings.young_longest), (10, 3));
        assert_eq!(postings.groups.len(), 3);
        assert!(Postings::new(&profile("iruma")).is_none(), "入間 names no departments");
    }

    #[test]
    fn one_employee_runs_from_hire_to_today_with_one_open_posting() {
        let postings = Postings::new(&profile("joetsu")).unwrap();
        let today = Date::new(2026, 11, 22).unwrap();
        for seed in 0..200 {
            let mut out = Vec::new();
            let (department, since) = postings
                .write(&mut SplitMix(seed), "0000001", 2010, today, &mut out)
                .unwrap();
            let text = String::from_utf8(out).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines[0].starts_with("0000001,") && lines[0].contains(",2010-04-01,"));
            assert_eq!(lines.iter().filter(|l| l.ends_with(',')).count(), 1, "{text}");
            assert_eq!(*lines.last().unwrap(), format!("0000001,{department},{since}-04-01,"));
        }
    }

    #[test]
    fn a_department_name_with_a_comma_is_quoted() {
        assert_eq!(cell("税務部門"), "税務部門");
        assert_eq!(cell("税務, \"収納\""), "\"税務, \"\"収納\"\"\"");
    }
}
