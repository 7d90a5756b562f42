//! The next posting to suggest: among the department families that keep every rule
//! reachable (enough window left for what is still missing, one tenure each), the
//! employee's stated wish first (自己申告), then what a rule asks — the field a phase keeps
//! to, the places a first posting must be in, a family still needed — and otherwise the
//! family served least recently. The choice comes with its reason, a wish set aside comes
//! with why, and a window too short for what is missing is a warning.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{DAYS_PER_YEAR, Finding, RuleCheck, RuleRef, RuleStatus, shortest_tenure, years_between};
use crate::model::{Date, Plan, Profile, RotationRule, RotationRuleKind, TransferWish};

/// The suggestion for the next posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextPost {
    /// The family suggested.
    pub family: String,
    /// It is the current posting's family: stay in the post (`stay`) or move within it.
    pub same_family: bool,
    /// Stay in the current post (the employee's wish, which the rules allow).
    pub stay: bool,
    pub reason: NextReason,
    /// Whether the suggestion keeps every rule reachable; `false` when no family can
    /// (see the short-window findings).
    pub keeps_rules: bool,
    /// The move the suggestion is for: when the current posting reaches its shortest
    /// tenure, or today.
    pub move_from: Date,
    /// The move waits for the current posting's tenure (`move_from` is after today).
    pub waits_for_tenure: bool,
    /// A stated wish that was not followed, and why.
    pub wish_not_followed: Option<WishNotFollowed>,
    /// 自己申告 choices that name no family or department of the profile (free text).
    pub unmatched_choices: Vec<String>,
}

/// Why this family.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NextReason {
    /// The employee's stated choice, and it keeps every rule reachable.
    Wish { choice: String },
    /// Staying, as the employee wishes, which the rules allow.
    StayAsWished,
    /// A phase keeps postings within one family: the one served in it.
    WithinFamily {
        #[serde(flatten)]
        rule: RuleRef,
    },
    /// The first posting must be in one of a rule's places.
    FirstPosting {
        #[serde(flatten)]
        rule: RuleRef,
    },
    /// A family an open rule still needs (profile order among those that keep every rule
    /// reachable).
    NeededByRule {
        #[serde(flatten)]
        rule: RuleRef,
    },
    /// No open rule needs a family: the one served least recently (never served first).
    LeastRecent,
}

/// A wish the suggestion does not follow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WishNotFollowed {
    pub wish: Wish,
    pub why: WishBlock,
}

/// What the employee wished.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Wish {
    /// `transfer_wish = "stay"`.
    Stay,
    /// A choice naming this family.
    Choice { choice: String, family: String },
}

/// Why a wish (or a family) does not suit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WishBlock {
    /// It would leave too little of the window for what a rule still needs.
    Unreachable {
        #[serde(flatten)]
        rule: RuleRef,
    },
    /// It leaves the one family a phase keeps to.
    OutsideField {
        #[serde(flatten)]
        rule: RuleRef,
        /// The family the phase keeps to, when one is served already.
        field: Option<String>,
    },
    /// The first posting must be elsewhere.
    FirstPosting {
        #[serde(flatten)]
        rule: RuleRef,
    },
}

/// A next posting considered: a move to `family`, or staying in the current post.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate<'p> {
    family: &'p str,
    stay: bool,
}

/// A rule that bears on the next posting, with what it needs from it.
struct Open<'a> {
    rule: &'a RotationRule,
    check: &'a RuleCheck,
    /// Years of the window left from the move (from its opening, when it opens later).
    years_left: Option<f64>,
    /// within_family: the family the phase keeps to, when one is served or continues
    /// into it.
    field: Option<&'a str>,
    /// The families the rule names, as a set read once per candidate: cover_families, the
    /// ones still missing; distinct_families, the ones served; within_family, the fields
    /// allowed; first_posting, the places' families.
    places: HashSet<&'a str>,
}

/// The suggestion, and the short-window warnings it found.
pub(super) fn next_post(
    profile: &Profile,
    plan: &Plan,
    families: &[Option<&str>],
    rules: &[(&RotationRule, &RuleCheck)],
    today: Date,
) -> (Option<NextPost>, Vec<Finding>) {
    let Some(rotation) = profile.rotation.as_ref() else {
        return (None, Vec::new());
    };
    if rotation.families.is_empty() {
        return (None, Vec::new());
    }
    let tenure = shortest_tenure(rotation.tenure());
    let current = plan
        .assignments
        .iter()
        .zip(families)
        .rev()
        .find(|(a, _)| a.to.is_none());
    let current_family: Option<&str> = current.and_then(|(_, &f)| f);
    // The move comes when the current posting reaches its shortest tenure, or now.
    let move_from = current
        .and_then(|(a, _)| {
            let years = shortest_tenure(rotation.department_tenure(profile.department(&a.department)))?;
            add_years(a.from, years)
        })
        .map_or(today, |due| due.max(today));

    let next_move = NextMove {
        current_family,
        move_from,
        today,
        tenure,
    };
    let mut warnings = Vec::new();
    let open: Vec<Open<'_>> = rules
        .iter()
        .filter(|(_, check)| check.status != RuleStatus::Exempt)
        .filter_map(|&(rule, check)| open_rule(profile, rule, check, plan, next_move))
        .collect();
    for o in &open {
        if let (Some(t), Some(left)) = (tenure, o.years_left)
            && o.check.still_needed > 0
            && o.check.still_needed as f64 * t > left + 1e-9
        {
            warnings.push(Finding::ShortWindow {
                rule: o.check.reference(),
                still_needed: o.check.still_needed,
                families: counts_families(o.rule),
                years_left: (left * 10.0).round() / 10.0,
                tenure_years: t,
            });
        }
    }

    let mut candidates: Vec<Candidate<'_>> = rotation
        .families
        .iter()
        .map(|f| Candidate {
            family: f.id.as_str(),
            stay: false,
        })
        .collect();
    let wish = plan.self_report.transfer_wish;
    if let (Some(TransferWish::Stay), Some(family)) = (wish, current_family) {
        candidates.push(Candidate { family, stay: true });
    }
    let blocks: Vec<Vec<WishBlock>> = candidates.iter().map(|c| blocks_of(*c, &open, plan, tenure)).collect();
    let fewest = blocks.iter().map(Vec::len).min().unwrap_or(0);
    let best = |i: usize| blocks.get(i).is_some_and(|b| b.len() == fewest);
    // Where each candidate sits, so that wishes are looked up, not searched for.
    let at: HashMap<(&str, bool), usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.family, c.stay), i))
        .collect();
    let position = |c: Candidate<'_>| at.get(&(c.family, c.stay)).copied();

    let mut chosen: Option<(Candidate<'_>, NextReason)> = None;
    let mut wish_not_followed = None;
    let mut unmatched_choices = Vec::new();
    let first_block = |c: Candidate<'_>| position(c).and_then(|i| blocks.get(i)).and_then(|b| b.first().cloned());
    if let (Some(TransferWish::Stay), Some(family)) = (wish, current_family) {
        let stay = Candidate { family, stay: true };
        if position(stay).is_some_and(best) {
            chosen = Some((stay, NextReason::StayAsWished));
        } else if let Some(why) = first_block(stay) {
            wish_not_followed = Some(WishNotFollowed { wish: Wish::Stay, why });
        }
    }
    for choice in &plan.self_report.choices {
        let Some(family) = profile.family_for_choice(choice) else {
            unmatched_choices.push(choice.clone());
            continue;
        };
        if chosen.is_some() {
            continue;
        }
        let c = Candidate { family, stay: false };
        if position(c).is_some_and(best) {
            chosen = Some((c, NextReason::Wish { choice: choice.clone() }));
        } else if wish_not_followed.is_none()
            && let Some(why) = first_block(c)
        {
            wish_not_followed = Some(WishNotFollowed {
                wish: Wish::Choice {
                    choice: choice.clone(),
                    family: family.to_string(),
                },
                why,
            });
        }
    }
    let moves = || {
        candidates
            .iter()
            .enumerate()
            .filter(|(i, c)| !c.stay && best(*i))
            .map(|(_, c)| *c)
    };
    let chosen = chosen
        .or_else(|| {
            // A phase under way keeps to its field.
            open.iter().find_map(|o| {
                let field = o.field?;
                moves().find(|c| c.family == field).map(|c| {
                    (
                        c,
                        NextReason::WithinFamily {
                            rule: o.check.reference(),
                        },
                    )
                })
            })
        })
        .or_else(|| {
            open.iter()
                .filter(|o| o.rule.kind == RotationRuleKind::FirstPosting)
                .find_map(|o| {
                    moves().find(|c| o.places.contains(c.family)).map(|c| {
                        (
                            c,
                            NextReason::FirstPosting {
                                rule: o.check.reference(),
                            },
                        )
                    })
                })
        })
        .or_else(|| {
            // A family an open rule still needs, other families before the current one.
            open.iter().filter(|o| o.check.still_needed > 0).find_map(|o| {
                let mut needed = moves().filter(|c| counts(o, *c));
                let first = needed.clone().find(|c| Some(c.family) != current_family);
                first.or_else(|| needed.next()).map(|c| {
                    (
                        c,
                        NextReason::NeededByRule {
                            rule: o.check.reference(),
                        },
                    )
                })
            })
        })
        .or_else(|| least_recent(plan, families, moves(), current_family, today).map(|c| (c, NextReason::LeastRecent)));
    let Some((c, reason)) = chosen else {
        return (None, warnings);
    };
    let next = NextPost {
        family: c.family.to_string(),
        same_family: Some(c.family) == current_family,
        stay: c.stay,
        reason,
        keeps_rules: fewest == 0 && warnings.is_empty(),
        move_from,
        waits_for_tenure: move_from > today,
        wish_not_followed,
        unmatched_choices,
    };
    (Some(next), warnings)
}

/// `date` plus `years` (fractions counted in days).
fn add_years(date: Date, years: f64) -> Option<Date> {
    let days = (years * DAYS_PER_YEAR).round() as i64;
    Date::from_days_since_epoch(date.days_since_epoch() + days)
}

/// Whether a rule counts families (else departments).
fn counts_families(rule: &RotationRule) -> bool {
    rule.kind == RotationRuleKind::CoverFamilies || rule.distinct_families
}

/// When the next move comes, from where, and the tenure it is timed by.
#[derive(Clone, Copy)]
struct NextMove<'a> {
    current_family: Option<&'a str>,
    move_from: Date,
    today: Date,
    tenure: Option<f64>,
}

/// The rule as it bears on the next posting, or `None` when it no longer does (its window
/// closed, or it is already broken).
fn open_rule<'a>(
    profile: &'a Profile,
    rule: &'a RotationRule,
    check: &'a RuleCheck,
    plan: &Plan,
    next: NextMove<'a>,
) -> Option<Open<'a>> {
    let NextMove {
        current_family,
        move_from,
        today,
        tenure,
    } = next;
    let names = |ids: &'a [String]| ids.iter().map(String::as_str);
    if rule.kind == RotationRuleKind::FirstPosting {
        let departments = rule
            .departments
            .iter()
            .filter_map(|d| profile.department(d).map(|d| d.family.as_str()));
        return plan.assignments.is_empty().then(|| Open {
            rule,
            check,
            years_left: None,
            field: None,
            places: names(&rule.families).chain(departments).collect(),
        });
    }
    let end = check.window_end?;
    if today > end || matches!(check.status, RuleStatus::Broken | RuleStatus::BelowGuideline) {
        return None;
    }
    // A move due after the window closes would have to come early to count in it.
    let start = if move_from > end { today } else { move_from }.max(check.window_start);
    let years_left = Some(years_between(start, end));
    if rule.kind != RotationRuleKind::WithinFamily {
        let places = match rule.kind {
            RotationRuleKind::CoverFamilies => names(&check.missing).collect(),
            _ => names(&check.covered).collect(),
        };
        return Some(Open {
            rule,
            check,
            years_left,
            field: None,
            places,
        });
    }
    // The next posting falls in the phase when it starts before the phase ends and lasts
    // into it.
    let lasts_into = tenure.map_or(move_from >= check.window_start, |t| {
        add_years(move_from, t).is_some_and(|until| until > check.window_start)
    });
    if move_from > end || !lasts_into {
        return None;
    }
    // The field: the family served in the phase, or the current one when it runs into it.
    let field = check
        .covered
        .first()
        .map(String::as_str)
        .or(current_family.filter(|_| move_from > check.window_start));
    Some(Open {
        rule,
        check,
        years_left,
        field,
        places: names(&rule.families).collect(),
    })
}

/// Whether a candidate adds to what a counting rule still needs.
fn counts(o: &Open<'_>, c: Candidate<'_>) -> bool {
    if c.stay {
        return false;
    }
    match o.rule.kind {
        RotationRuleKind::CoverFamilies => o.places.contains(c.family),
        RotationRuleKind::DistinctDepartments if o.rule.distinct_families => !o.places.contains(c.family),
        // Any move is to a new department; a family-blind rule counts it.
        RotationRuleKind::DistinctDepartments => true,
        RotationRuleKind::WithinFamily | RotationRuleKind::FirstPosting => false,
    }
}

/// What rules a candidate would break or leave out of reach.
fn blocks_of(c: Candidate<'_>, open: &[Open<'_>], plan: &Plan, tenure: Option<f64>) -> Vec<WishBlock> {
    let mut out = Vec::new();
    for o in open {
        let rule = o.check.reference();
        match o.rule.kind {
            RotationRuleKind::FirstPosting => {
                if c.stay || !plan.assignments.is_empty() {
                    continue;
                }
                if !o.places.contains(c.family) {
                    out.push(WishBlock::FirstPosting { rule });
                }
            }
            RotationRuleKind::WithinFamily => {
                let outside = match o.field {
                    Some(field) => c.family != field,
                    None => !o.places.is_empty() && !o.places.contains(c.family),
                };
                if outside {
                    out.push(WishBlock::OutsideField {
                        rule,
                        field: o.field.map(str::to_string),
                    });
                }
            }
            RotationRuleKind::CoverFamilies | RotationRuleKind::DistinctDepartments => {
                let need = o.check.still_needed;
                let (Some(t), Some(left)) = (tenure, o.years_left) else {
                    continue;
                };
                if need == 0 {
                    continue;
                }
                // Counting postings fit if each still needed gets a tenure; one that does
                // not count takes a tenure first. When not even the counting ones fit (the
                // short-window warning says so), a move that counts still serves the rule
                // as long as it starts inside the window, and one that does not never can.
                let counting = counts(o, c);
                let postings = if counting { need } else { need + 1 };
                let fits_full = need as f64 * t <= left + 1e-9;
                let blocked = if fits_full {
                    postings as f64 * t > left + 1e-9
                } else {
                    !counting
                };
                if blocked {
                    out.push(WishBlock::Unreachable { rule });
                }
            }
        }
    }
    out
}

/// The family served least recently among `moves` (never served first), other than the
/// current one where another exists.
fn least_recent<'p>(
    plan: &Plan,
    families: &[Option<&str>],
    moves: impl Iterator<Item = Candidate<'p>> + Clone,
    current_family: Option<&str>,
    today: Date,
) -> Option<Candidate<'p>> {
    // When each family was last served, from one pass over the postings.
    let mut last_served: HashMap<&str, Date> = HashMap::new();
    for (a, family) in plan.assignments.iter().zip(families) {
        if let Some(family) = family {
            let end = a.to.unwrap_or(today);
            last_served
                .entry(family)
                .and_modify(|last| *last = (*last).max(end))
                .or_insert(end);
        }
    }
    moves
        .clone()
        .filter(|c| Some(c.family) != current_family)
        .min_by_key(|c| last_served.get(c.family).copied())
        .or_else(|| moves.min_by_key(|c| last_served.get(c.family).copied()))
}
