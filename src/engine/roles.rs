//! The roles checklist: a grade's roles as the document lists them (役割, 職務行動), each
//! ticked by the employee ("I already do this") and by the supervisor. Where a document
//! gives no usable ability table (川越's charts were figures), it is the readiness signal.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Plan, Profile};

/// One role of the grade, and who says it is carried out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCheck {
    /// 1 = the first role the document lists for the grade.
    pub number: u16,
    pub text: String,
    #[serde(rename = "self")]
    pub own: bool,
    pub supervisor: bool,
}

/// A grade's roles checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RolesReport {
    pub grade: String,
    /// What the document calls the roles (期待される役割, 基本的な職務行動 …).
    pub heading: Option<String>,
    pub source: Option<String>,
    pub roles: Vec<RoleCheck>,
    /// Roles ticked by the employee, and by the supervisor.
    pub done_self: usize,
    pub done_supervisor: usize,
}

/// The checklist of `grade` against the plan's ticks; an empty list when the grade is
/// unknown or lists no roles.
pub fn roles(profile: &Profile, plan: &Plan, grade: &str) -> RolesReport {
    let ticked = |map: &std::collections::BTreeMap<String, Vec<u16>>| -> HashSet<u16> {
        map.get(grade).into_iter().flatten().copied().collect()
    };
    let (own, supervisor) = (ticked(&plan.roles_self), ticked(&plan.roles_supervisor));
    let found = profile.grade(grade).map(|(_, g)| g);
    let roles: Vec<RoleCheck> = found
        .map_or(&[][..], |g| g.roles.as_slice())
        .iter()
        .zip(1u16..)
        .map(|(text, number)| RoleCheck {
            number,
            text: text.clone(),
            own: own.contains(&number),
            supervisor: supervisor.contains(&number),
        })
        .collect();
    RolesReport {
        grade: grade.to_string(),
        heading: found.and_then(|g| g.roles_heading.clone()),
        source: found.map(|g| g.source.clone()),
        done_self: roles.iter().filter(|r| r.own).count(),
        done_supervisor: roles.iter().filter(|r| r.supervisor).count(),
        roles,
    }
}
