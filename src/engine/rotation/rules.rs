//! One rotation rule against the postings: families served in its window (all, or k of
//! n), departments (or families) counted, a phase kept within one family, the first
//! posting.

use std::collections::BTreeSet;

use super::{FirstPosting, RuleCheck, RuleStatus, overlaps};
use crate::model::{Assignment, Date, Plan, Profile, RotationRule, RotationRuleKind, RuleStrength};

/// One rule against the postings.
pub(super) fn check_rule(
    profile: &Profile,
    plan: &Plan,
    rule: &RotationRule,
    families: &[Option<&str>],
    today: Date,
) -> RuleCheck {
    let window_start = plan.hire_date.add_years(i32::from(rule.from_year));
    let window_end = rule
        .window_years
        .map(|years| plan.hire_date.add_years(i32::from(years)).pred());
    let mut check = RuleCheck {
        id: rule.id.clone(),
        kind: rule.kind,
        text: rule.text.clone(),
        phase: rule.phase.clone(),
        from_year: rule.from_year,
        window_years: rule.window_years,
        window_start,
        window_end,
        status: RuleStatus::InProgress,
        covered: Vec::new(),
        missing: Vec::new(),
        listed: rule.families.len(),
        needed: rule.needed(),
        still_needed: 0,
        at_least: rule.at_least,
        departments_served: 0,
        departments_required: rule.min_departments,
        distinct_families: rule.distinct_families,
        allowed_families: Vec::new(),
        allowed_departments: Vec::new(),
        first_posting: None,
        illustrative: rule.illustrative,
        strength: rule.strength,
        hedges: rule.hedges.clone(),
        scope: rule.scope.clone(),
    };
    let guideline = rule.strength == RuleStrength::Guideline;
    let departed = if guideline {
        RuleStatus::BelowGuideline
    } else {
        RuleStatus::Broken
    };
    let status = match (rule.kind, window_end) {
        (RotationRuleKind::FirstPosting, _) => {
            check.allowed_families = rule.families.clone();
            check.allowed_departments = rule.departments.clone();
            match plan.assignments.first() {
                None => RuleStatus::NotRecorded,
                Some(first) => {
                    let family = families.first().copied().flatten();
                    check.first_posting = Some(FirstPosting {
                        department: first.department.clone(),
                        department_name: profile
                            .department(&first.department)
                            .map_or_else(|| first.department.clone(), |d| d.name.clone()),
                        family: family.map(str::to_string),
                    });
                    let in_place = rule.departments.contains(&first.department)
                        || family.is_some_and(|f| rule.families.iter().any(|x| x == f));
                    if in_place { RuleStatus::Satisfied } else { departed }
                }
            }
        }
        // A window is required by the checker; without one there is nothing to count in.
        (_, None) => RuleStatus::NotRecorded,
        (kind, Some(window_end)) => {
            let in_window: Vec<(&Assignment, Option<&str>)> = plan
                .assignments
                .iter()
                .zip(families.iter().copied())
                .filter(|(a, _)| overlaps(a, window_start, window_end, today))
                .collect();
            let served: BTreeSet<&str> = in_window.iter().filter_map(|&(_, family)| family).collect();
            let in_profile_order = |keep: &dyn Fn(&str) -> bool| -> Vec<String> {
                let order = profile
                    .rotation
                    .iter()
                    .flat_map(|r| r.families.iter().map(|f| f.id.as_str()));
                let mut out: Vec<String> = order
                    .filter(|f| served.contains(f) && keep(f))
                    .map(str::to_string)
                    .collect();
                // Families a posting names that the profile does not list (refused by the
                // plan's check, but kept visible should one pass).
                out.extend(
                    served
                        .iter()
                        .filter(|f| profile.family(f).is_none())
                        .map(|f| f.to_string()),
                );
                out
            };
            let closed = today > window_end;
            let upcoming = today < window_start;
            let met = match kind {
                RotationRuleKind::CoverFamilies => {
                    check.covered = rule
                        .families
                        .iter()
                        .filter(|f| served.contains(f.as_str()))
                        .cloned()
                        .collect();
                    check.missing = rule
                        .families
                        .iter()
                        .filter(|f| !served.contains(f.as_str()))
                        .cloned()
                        .collect();
                    let needed = check.needed.unwrap_or(0);
                    check.still_needed = needed.saturating_sub(check.covered.len());
                    check.still_needed == 0
                }
                RotationRuleKind::DistinctDepartments => {
                    let count = if rule.distinct_families {
                        check.covered = in_profile_order(&|_| true);
                        check.covered.len()
                    } else {
                        let departments: BTreeSet<&str> =
                            in_window.iter().map(|(a, _)| a.department.as_str()).collect();
                        departments.len()
                    };
                    check.departments_served = count;
                    check.still_needed = check.needed.unwrap_or(0).saturating_sub(count);
                    check.still_needed == 0
                }
                RotationRuleKind::WithinFamily | RotationRuleKind::FirstPosting => {
                    check.covered = in_profile_order(&|_| true);
                    // More than one family breaks the rule already; one is checked against
                    // the fields the rule allows.
                    let outside_list =
                        !rule.families.is_empty() && check.covered.first().is_some_and(|f| !rule.families.contains(f));
                    if check.covered.len() > 1 || outside_list {
                        check.status = departed;
                        return finish(check, profile, rule, plan);
                    }
                    if upcoming {
                        check.status = RuleStatus::Upcoming;
                        return finish(check, profile, rule, plan);
                    }
                    check.status = if closed {
                        RuleStatus::Satisfied
                    } else {
                        RuleStatus::Holding
                    };
                    return finish(check, profile, rule, plan);
                }
            };
            if met {
                RuleStatus::Satisfied
            } else if upcoming {
                RuleStatus::Upcoming
            } else if !closed {
                RuleStatus::InProgress
            } else if guideline {
                RuleStatus::BelowGuideline
            } else {
                RuleStatus::NotMet
            }
        }
    };
    check.status = status;
    finish(check, profile, rule, plan)
}

/// The exemption (an exempt track, or a rule for other courses) overrides whatever the
/// postings say.
fn finish(mut check: RuleCheck, profile: &Profile, rule: &RotationRule, plan: &Plan) -> RuleCheck {
    if rule.exempt_tracks.contains(&plan.track) || for_other_course(profile, plan, rule) {
        check.status = RuleStatus::Exempt;
    }
    check
}

/// A rule for some courses only, and the plan on another: its member is exempt.
pub(super) fn for_other_course(profile: &Profile, plan: &Plan, rule: &RotationRule) -> bool {
    let course = plan.course_id(profile);
    !rule.courses.is_empty() && !course.is_some_and(|c| rule.courses.iter().any(|rc| rc == c))
}
