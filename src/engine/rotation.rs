//! Postings checked against the profile's job-rotation rules (ジョブローテーション):
//! department families served within a rule's window (all of them, or at least k of n),
//! distinct departments (or families), a phase kept within one family, the first posting,
//! postings longer than the tenure, the specialist exemption, and the next posting to
//! suggest (see [`next`]).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{
    Assignment, Date, Plan, Profile, Quote, RotationRule, RotationRuleKind, RuleStrength, Tenure, TenureRange,
};

pub mod next;
mod rules;

pub use next::{NextPost, NextReason, Wish, WishBlock, WishNotFollowed};

pub(crate) const DAYS_PER_YEAR: f64 = 365.25;

/// Where a rule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Satisfied,
    /// Not yet met, but the window is still open.
    InProgress,
    /// A within-family phase under way: every posting in it so far is in one family.
    Holding,
    /// The window opens later (a later phase).
    Upcoming,
    /// The window has closed without the rule met.
    NotMet,
    /// A posting already breaks the rule: a second family in a within-family phase, or a
    /// first posting outside the rule's places.
    Broken,
    /// The window has closed short of a guideline (概ね, 程度), or a posting departs from
    /// one: advice, not a failure.
    BelowGuideline,
    /// The employee's track is exempt (昭島's スペシャリスト).
    Exempt,
    /// No posting is recorded, so the first-posting rule cannot be checked yet.
    NotRecorded,
}

/// A rule as a reader is told of it: by what it asks and its window, never by its id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleRef {
    /// The rule's id (for tools; never shown).
    pub rule: String,
    pub rule_kind: RotationRuleKind,
    /// The document's name for the period (養成期間, 発揮期間).
    pub phase: Option<String>,
    pub from_year: u8,
    pub window_years: Option<u8>,
    /// cover_families: the rule asks for at least this many of its families.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u8>,
}

impl RuleRef {
    pub fn of(rule: &RotationRule) -> RuleRef {
        RuleRef {
            rule: rule.id.clone(),
            rule_kind: rule.kind,
            phase: rule.phase.clone(),
            from_year: rule.from_year,
            window_years: rule.window_years,
            at_least: rule.at_least,
        }
    }
}

/// The first posting, as a first-posting rule sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FirstPosting {
    pub department: String,
    pub department_name: String,
    pub family: Option<String>,
}

/// One rule checked against the postings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleCheck {
    pub id: String,
    pub kind: RotationRuleKind,
    pub text: String,
    /// The document's name for the period (養成期間, 発揮期間).
    pub phase: Option<String>,
    /// Years of service when the window opens and closes.
    pub from_year: u8,
    pub window_years: Option<u8>,
    pub window_start: Date,
    /// The last day of the window; `None` for a first-posting rule.
    pub window_end: Option<Date>,
    pub status: RuleStatus,
    /// Families served within the window: of the rule's list (cover_families), every one
    /// (within_family, distinct_families).
    pub covered: Vec<String>,
    /// Families the rule lists and not yet served within the window.
    pub missing: Vec<String>,
    /// How many families the rule lists (cover_families).
    pub listed: usize,
    /// How many families (or departments) must be served; `None` for kinds that count none.
    pub needed: Option<usize>,
    /// `needed` less those served: 0 when the count is met.
    pub still_needed: usize,
    /// The rule asks for at least this many of its families (not all of them).
    pub at_least: Option<u8>,
    /// Distinct departments served within the window (distinct families where
    /// `distinct_families`).
    pub departments_served: usize,
    pub departments_required: Option<u8>,
    pub distinct_families: bool,
    /// Families and departments the first posting may be in (first_posting).
    pub allowed_families: Vec<String>,
    pub allowed_departments: Vec<String>,
    /// The first posting (first_posting), when one is recorded.
    pub first_posting: Option<FirstPosting>,
    pub illustrative: bool,
    /// A requirement is met or not; a guideline only gives advice.
    pub strength: RuleStrength,
    /// The words that make the rule approximate, as written (概ね, 程度).
    pub hedges: Vec<String>,
    /// Whom the document says the rule is for, in its words.
    pub scope: Option<String>,
}

impl RuleCheck {
    pub fn reference(&self) -> RuleRef {
        RuleRef {
            rule: self.id.clone(),
            rule_kind: self.kind,
            phase: self.phase.clone(),
            from_year: self.from_year,
            window_years: self.window_years,
            at_least: self.at_least,
        }
    }
}

/// Something about the postings worth a reader's attention.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// A past posting lasted longer than the tenure (its range's upper end).
    LongPosting {
        department: String,
        years: f64,
        /// The years it is measured against: the range's end, else the typical years
        /// rounded up to whole years.
        limit_years: f64,
        /// The typical years, when the profile gives them.
        typical_years: Option<f64>,
        /// The range, when the profile gives one.
        range: Option<TenureRange>,
        illustrative: bool,
    },
    /// The current posting has reached the tenure (its range's upper end).
    DueForRotation {
        department: String,
        years: f64,
        limit_years: f64,
        typical_years: Option<f64>,
        range: Option<TenureRange>,
        illustrative: bool,
    },
    /// The employee's track is exempt from a rule.
    SpecialistExempt {
        #[serde(flatten)]
        rule: RuleRef,
        /// The plan's course, when the rule is for other courses (else the track exempts).
        #[serde(skip_serializing_if = "Option::is_none")]
        course: Option<String>,
    },
    /// Leave falls inside an open or closed rule window.
    LeaveInWindow {
        #[serde(flatten)]
        rule: RuleRef,
        days: i64,
    },
    /// What a rule still needs does not fit in the window left at one tenure each.
    ShortWindow {
        #[serde(flatten)]
        rule: RuleRef,
        /// Families or departments still needed.
        still_needed: usize,
        /// Whether they are families (else departments).
        families: bool,
        /// Years of the window left from the next move.
        years_left: f64,
        /// The shortest tenure the arithmetic counts with.
        tenure_years: f64,
    },
    /// A posting whose department family could not be told.
    UnknownFamily { department: String },
    /// A personal constraint to keep in mind when choosing the next posting.
    Constraint { text: String },
    /// The profile states no rule that can be checked.
    NoRules,
    /// The profile's rules do not apply to the plan's job series.
    NoRuleForSeries,
}

/// A posting as shown on a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Posting {
    pub department: String,
    pub department_name: String,
    pub family: Option<String>,
    pub from: Date,
    pub to: Option<Date>,
    pub years: f64,
    /// The years a posting is measured against (the range's end, else the typical years);
    /// `None`: the profile gives no tenure (the document says none).
    pub typical_years: Option<f64>,
    pub tenure_range: Option<TenureRange>,
}

/// The rotation check as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationReport {
    pub rules: Vec<RuleCheck>,
    /// Families served within the main rule's window (or over the whole career when no
    /// rule applies).
    pub covered: Vec<String>,
    /// Families a rule still needs and not yet served.
    pub missing: Vec<String>,
    /// The family suggested for the next posting (the current one when the suggestion is
    /// to stay in it or move within it); `next` says why.
    pub next_family: Option<String>,
    /// The next-posting suggestion with its reason.
    pub next: Option<NextPost>,
    pub findings: Vec<Finding>,
    pub postings: Vec<Posting>,
    /// What the document says about rotation where it sets no checkable rule.
    pub statement: Option<Quote>,
}

/// The family of a posting: its own, or that of the profile department it names.
pub fn posting_family<'a>(profile: &'a Profile, a: &'a Assignment) -> Option<&'a str> {
    a.family
        .as_deref()
        .or_else(|| profile.department(&a.department).map(|d| d.family.as_str()))
}

/// Whether a posting overlaps `[start, end]` (inclusive), an open posting running to `today`.
fn overlaps(a: &Assignment, start: Date, end: Date, today: Date) -> bool {
    a.from <= end && a.to.unwrap_or(today.max(a.from)) >= start
}

/// Years between two dates, counting both days.
pub(crate) fn years_between(from: Date, to: Date) -> f64 {
    (from.days_until(to) + 1).max(0) as f64 / DAYS_PER_YEAR
}

/// Checks the plan's postings against the profile's rotation rules.
pub fn rotation(profile: &Profile, plan: &Plan, today: Date) -> RotationReport {
    let mut report = RotationReport {
        rules: Vec::new(),
        covered: Vec::new(),
        missing: Vec::new(),
        next_family: None,
        next: None,
        findings: Vec::new(),
        postings: Vec::new(),
        statement: profile.rotation.as_ref().and_then(|r| r.statement.clone()),
    };
    let Some(rotation) = &profile.rotation else {
        report.findings.push(Finding::NoRules);
        return report;
    };
    let series = plan.series_id(profile);
    // Each posting's family, told once and read by every rule below.
    let families: Vec<Option<&str>> = plan.assignments.iter().map(|a| posting_family(profile, a)).collect();

    for (a, &family) in plan.assignments.iter().zip(&families) {
        let department = profile.department(&a.department);
        let tenure = rotation.department_tenure(department);
        let end = a.to.unwrap_or(today);
        let years = years_between(a.from, end);
        if family.is_none() && !rotation.families.is_empty() {
            report.findings.push(Finding::UnknownFamily {
                department: a.department.clone(),
            });
        }
        let name = department.map_or_else(|| a.department.clone(), |d| d.name.clone());
        let shown_years = (years * 10.0).round() / 10.0;
        if let Some(t) = tenure {
            let (limit_years, typical_years, range, illustrative) = (t.upper(), t.typical, t.range, t.illustrative);
            if a.to.is_none() && years >= limit_years {
                report.findings.push(Finding::DueForRotation {
                    department: name.clone(),
                    years: shown_years,
                    limit_years,
                    typical_years,
                    range,
                    illustrative,
                });
            } else if a.to.is_some() && years > limit_years + 0.05 {
                report.findings.push(Finding::LongPosting {
                    department: name.clone(),
                    years: shown_years,
                    limit_years,
                    typical_years,
                    range,
                    illustrative,
                });
            }
        }
        report.postings.push(Posting {
            department: a.department.clone(),
            department_name: name,
            family: family.map(str::to_string),
            from: a.from,
            to: a.to,
            years: shown_years,
            typical_years: tenure.map(|t| t.upper()),
            tenure_range: tenure.and_then(|t| t.range),
        });
    }

    let applied: Vec<&RotationRule> = rotation.rules.iter().filter(|r| r.applies_to_series(series)).collect();
    for rule in &applied {
        let check = rules::check_rule(profile, plan, rule, &families, today);
        if check.status == RuleStatus::Exempt {
            let course = rules::for_other_course(profile, plan, rule)
                .then(|| plan.course_id(profile).and_then(|c| profile.course(c)))
                .flatten()
                .map(|c| c.name.clone());
            report.findings.push(Finding::SpecialistExempt {
                rule: RuleRef::of(rule),
                course,
            });
        }
        if let Some(window_end) = check.window_end {
            let window_start = check.window_start;
            let leave_days: i64 = plan
                .leaves
                .iter()
                .map(|l| {
                    let start = l.from.max(window_start);
                    let end = l.to.unwrap_or(today).min(window_end);
                    (start.days_until(end) + 1).max(0)
                })
                .sum();
            if leave_days > 0 {
                report.findings.push(Finding::LeaveInWindow {
                    rule: RuleRef::of(rule),
                    days: leave_days,
                });
            }
        }
        report.rules.push(check);
    }
    if report.rules.is_empty() {
        report.findings.push(if rotation.rules.is_empty() {
            Finding::NoRules
        } else {
            Finding::NoRuleForSeries
        });
    }

    // Families served: within the first windowed rule's window, else over the whole career.
    let primary_window = report
        .rules
        .iter()
        .find_map(|r| r.window_end.map(|end| (r.window_start, end)));
    let served: BTreeSet<&str> = plan
        .assignments
        .iter()
        .zip(families.iter().copied())
        .filter(|(a, _)| primary_window.is_none_or(|(s, e)| overlaps(a, s, e, today)))
        .filter_map(|(_, family)| family)
        .collect();
    report.covered = rotation
        .families
        .iter()
        .filter(|f| served.contains(f.id.as_str()))
        .map(|f| f.id.clone())
        .collect();
    let exempt = report.rules.iter().all(|r| r.status == RuleStatus::Exempt) && !report.rules.is_empty();
    let mut listed = BTreeSet::new();
    for rule in report
        .rules
        .iter()
        .filter(|r| r.status != RuleStatus::Exempt && r.still_needed > 0)
    {
        for family in &rule.missing {
            if listed.insert(family.as_str()) {
                report.missing.push(family.clone());
            }
        }
    }
    // A suggestion needs a rule behind it: none for exempt tracks or series no rule covers.
    if !exempt && !report.rules.is_empty() {
        let rules: Vec<(&RotationRule, &RuleCheck)> = applied.iter().copied().zip(&report.rules).collect();
        let (suggestion, warnings) = next::next_post(profile, plan, &families, &rules, today);
        report.next_family = suggestion.as_ref().map(|s| s.family.clone());
        report.next = suggestion;
        report.findings.extend(warnings);
    }
    for text in &plan.constraints {
        report.findings.push(Finding::Constraint { text: text.clone() });
    }
    report
}

/// The tenure a move is timed by and the arithmetic counts with: the profile's, at its
/// lower end.
pub(crate) fn shortest_tenure(tenure: Option<Tenure>) -> Option<f64> {
    tenure.map(|t| t.lower()).filter(|t| t.is_finite() && *t > 0.0)
}
