//! Postings checked against the profile's job-rotation rules (ジョブローテーション):
//! department families served within a rule's window, distinct departments, postings longer
//! than the typical tenure, the specialist exemption, and the family to suggest next.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::model::{Assignment, Date, Plan, Profile, Quote, RotationRule, RotationRuleKind, RuleStrength};

const DAYS_PER_YEAR: f64 = 365.25;

/// Where a rule stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Satisfied,
    /// Not yet met, but the window is still open.
    InProgress,
    /// The window has closed without the rule met.
    NotMet,
    /// The window has closed short of a guideline (概ね, 程度): advice, not a failure.
    BelowGuideline,
    /// The employee's track is exempt (昭島's スペシャリスト).
    Exempt,
}

/// One rule checked against the postings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleCheck {
    pub id: String,
    pub kind: RotationRuleKind,
    pub text: String,
    pub window_start: Date,
    /// The last day of the window.
    pub window_end: Date,
    pub status: RuleStatus,
    /// Families served within the window (cover_families).
    pub covered: Vec<String>,
    /// Families the rule requires and not yet served within the window.
    pub missing: Vec<String>,
    /// Distinct departments served within the window (distinct_departments).
    pub departments_served: usize,
    pub departments_required: Option<u8>,
    pub illustrative: bool,
    /// A requirement is met or not; a guideline only gives advice.
    pub strength: RuleStrength,
    /// The words that make the rule approximate, as written (概ね, 程度).
    pub hedges: Vec<String>,
    /// Whom the document says the rule is for, in its words.
    pub scope: Option<String>,
}

/// Something about the postings worth a reader's attention.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// A past posting lasted longer than the typical tenure.
    LongPosting {
        department: String,
        years: f64,
        typical_years: u8,
        illustrative: bool,
    },
    /// The current posting has reached the typical tenure.
    DueForRotation {
        department: String,
        years: f64,
        typical_years: u8,
        illustrative: bool,
    },
    /// The employee's track is exempt from a rule. The rule's kind and window let a reader
    /// be told which rule without its id.
    SpecialistExempt {
        rule: String,
        /// The plan's course, when the rule is for other courses (else the track exempts).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        course: Option<String>,
        rule_kind: RotationRuleKind,
        window_years: u8,
    },
    /// Leave falls inside an open or closed rule window.
    LeaveInWindow {
        rule: String,
        rule_kind: RotationRuleKind,
        window_years: u8,
        days: i64,
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
    /// `None`: the profile gives no typical tenure (the document says none).
    pub typical_years: Option<u8>,
}

/// The rotation check as a whole.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RotationReport {
    pub rules: Vec<RuleCheck>,
    /// Families served within the main rule's window (or over the whole career when no
    /// rule applies).
    pub covered: Vec<String>,
    /// Families required and not yet served.
    pub missing: Vec<String>,
    /// The family to suggest for the next posting.
    pub next_family: Option<String>,
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

fn rule_applies(rule: &RotationRule, series: Option<&str>) -> bool {
    rule.series.is_empty() || series.is_some_and(|s| rule.series.iter().any(|r| r == s))
}

/// Checks the plan's postings against the profile's rotation rules.
pub fn rotation(profile: &Profile, plan: &Plan, today: Date) -> RotationReport {
    let mut report = RotationReport {
        rules: Vec::new(),
        covered: Vec::new(),
        missing: Vec::new(),
        next_family: None,
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
        let typical_years = department
            .and_then(|d| d.typical_tenure_years)
            .or(rotation.typical_tenure_years);
        // A department's own tenure is only as sure as the department entry itself.
        let illustrative = department.map_or(rotation.tenure_illustrative, |d| {
            if d.typical_tenure_years.is_some() {
                d.illustrative
            } else {
                rotation.tenure_illustrative
            }
        });
        let end = a.to.unwrap_or(today);
        let years = (a.from.days_until(end) + 1).max(0) as f64 / DAYS_PER_YEAR;
        if family.is_none() && !rotation.families.is_empty() {
            report.findings.push(Finding::UnknownFamily {
                department: a.department.clone(),
            });
        }
        let name = department.map_or_else(|| a.department.clone(), |d| d.name.clone());
        let shown_years = (years * 10.0).round() / 10.0;
        if let Some(typical_years) = typical_years
            && a.to.is_none()
            && years >= f64::from(typical_years)
        {
            report.findings.push(Finding::DueForRotation {
                department: name.clone(),
                years: shown_years,
                typical_years,
                illustrative,
            });
        } else if let Some(typical_years) = typical_years
            && a.to.is_some()
            && years > f64::from(typical_years) + 0.05
        {
            report.findings.push(Finding::LongPosting {
                department: name.clone(),
                years: shown_years,
                typical_years,
                illustrative,
            });
        }
        report.postings.push(Posting {
            department: a.department.clone(),
            department_name: name,
            family: family.map(str::to_string),
            from: a.from,
            to: a.to,
            years: shown_years,
            typical_years,
        });
    }

    let mut primary_window: Option<(Date, Date)> = None;
    for rule in rotation.rules.iter().filter(|r| rule_applies(r, series)) {
        let window_start = plan.hire_date;
        let window_end = plan.hire_date.add_years(i32::from(rule.window_years)).pred();
        primary_window.get_or_insert((window_start, window_end));
        let in_window: Vec<(&Assignment, Option<&str>)> = plan
            .assignments
            .iter()
            .zip(families.iter().copied())
            .filter(|(a, _)| overlaps(a, window_start, window_end, today))
            .collect();
        let served: BTreeSet<&str> = in_window.iter().filter_map(|&(_, family)| family).collect();
        let covered: Vec<String> = rule
            .families
            .iter()
            .filter(|f| served.contains(f.as_str()))
            .cloned()
            .collect();
        let missing: Vec<String> = rule
            .families
            .iter()
            .filter(|f| !served.contains(f.as_str()))
            .cloned()
            .collect();
        let departments: BTreeSet<&str> = in_window.iter().map(|(a, _)| a.department.as_str()).collect();
        let met = match rule.kind {
            RotationRuleKind::CoverFamilies => missing.is_empty(),
            RotationRuleKind::DistinctDepartments => {
                departments.len() >= usize::from(rule.min_departments.unwrap_or(0))
            }
        };
        // A rule for some courses only: a member of another course is exempt.
        let course = plan.course_id(profile);
        let other_course = !rule.courses.is_empty() && !course.is_some_and(|c| rule.courses.iter().any(|rc| rc == c));
        let status = if rule.exempt_tracks.contains(&plan.track) || other_course {
            report.findings.push(Finding::SpecialistExempt {
                course: other_course
                    .then(|| course.and_then(|c| profile.course(c)).map(|c| c.name.clone()))
                    .flatten(),
                rule: rule.id.clone(),
                rule_kind: rule.kind,
                window_years: rule.window_years,
            });
            RuleStatus::Exempt
        } else if met {
            RuleStatus::Satisfied
        } else if today <= window_end {
            RuleStatus::InProgress
        } else if rule.strength == RuleStrength::Guideline {
            RuleStatus::BelowGuideline
        } else {
            RuleStatus::NotMet
        };
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
                rule: rule.id.clone(),
                rule_kind: rule.kind,
                window_years: rule.window_years,
                days: leave_days,
            });
        }
        report.rules.push(RuleCheck {
            id: rule.id.clone(),
            kind: rule.kind,
            text: rule.text.clone(),
            window_start,
            window_end,
            status,
            covered,
            missing,
            departments_served: departments.len(),
            departments_required: rule.min_departments,
            illustrative: rule.illustrative,
            strength: rule.strength,
            hedges: rule.hedges.clone(),
            scope: rule.scope.clone(),
        });
    }
    if report.rules.is_empty() {
        report.findings.push(if rotation.rules.is_empty() {
            Finding::NoRules
        } else {
            Finding::NoRuleForSeries
        });
    }

    // Families served: within the main rule's window, else over the whole career.
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
    let mut listed = HashSet::new();
    for rule in report.rules.iter().filter(|r| r.status != RuleStatus::Exempt) {
        for family in &rule.missing {
            if listed.insert(family.as_str()) {
                report.missing.push(family.clone());
            }
        }
    }
    // A suggestion needs a rule behind it: none for exempt tracks or series no rule covers.
    report.next_family = if exempt || report.rules.is_empty() {
        None
    } else {
        next_family(profile, plan, &families, &report.missing, today)
    };
    for text in &plan.constraints {
        report.findings.push(Finding::Constraint { text: text.clone() });
    }
    report
}

/// The family to suggest next: the first required family not yet served (other than the
/// current posting's), else the family served least recently.
///
/// `families` holds each posting's family, in the order of the plan's postings.
fn next_family(
    profile: &Profile,
    plan: &Plan,
    families: &[Option<&str>],
    missing: &[String],
    today: Date,
) -> Option<String> {
    let rotation = profile.rotation.as_ref()?;
    let current = plan
        .assignments
        .iter()
        .zip(families)
        .rev()
        .find(|(a, _)| a.to.is_none())
        .and_then(|(_, &family)| family);
    if let Some(f) = missing.iter().find(|f| Some(f.as_str()) != current) {
        return Some(f.clone());
    }
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
    rotation
        .families
        .iter()
        .filter(|f| Some(f.id.as_str()) != current)
        .min_by_key(|f| last_served.get(f.id.as_str()).copied())
        .map(|f| f.id.clone())
}
