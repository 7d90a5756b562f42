//! The checks of a plan's workshop parts: life-line years within service, each once, with
//! a 充実度 from −5 to +5; free text without control characters.

use super::*;
use crate::model::{LIFELINE_MAX, LIFELINE_MIN};

impl Plan {
    pub(super) fn check_workshop(&self, profile: &Profile, ck: &mut Checker) {
        let first = self.hire_date.fiscal_year();
        // The last year of service: the profile's 特例定年 where it sets one, else national.
        let last = crate::engine::retirement_of(profile, self).date.fiscal_year();
        let mut seen = std::collections::HashSet::new();
        for (i, year) in self.lifeline.iter().enumerate() {
            if !(LIFELINE_MIN..=LIFELINE_MAX).contains(&year.score) {
                ck.push(
                    path!["lifeline", i, "score"],
                    ProblemKind::LifelineScore {
                        score: i64::from(year.score),
                    },
                );
            }
            if year.fy < first || year.fy > last {
                ck.push(
                    path!["lifeline", i, "fy"],
                    ProblemKind::LifelineYearOutside {
                        fy: year.fy,
                        first,
                        last,
                    },
                );
            }
            if !seen.insert(year.fy) {
                ck.push(
                    path!["lifeline", i, "fy"],
                    ProblemKind::DuplicateEntry {
                        id: year.fy.to_string(),
                    },
                );
            }
            if let Some(note) = &year.note {
                ck.lines(path!["lifeline", i, "note"], note);
            }
        }
        for (key, value) in [
            ("will", &self.wcm.will),
            ("can", &self.wcm.can),
            ("must", &self.wcm.must),
        ] {
            if let Some(value) = value {
                ck.lines(path!["wcm", key], value);
            }
        }
    }
}
