//! Courses (複線型人事): the paths a city lets staff choose — a generalist course, an expert
//! course in a field (法務, 情報, 税務 …) — with when they can be chosen and which rotation
//! rules and trainings apply in them. A plan records its course, field and start date.

use serde::{Deserialize, Serialize};

/// A course a profile offers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub id: String,
    /// As the document writes it (ゼネラリスト, エキスパートコース …).
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The course everyone is on until they choose another (at most one per profile).
    #[serde(default)]
    pub default: bool,
    /// Fields of the course (専門分野), when it has them.
    #[serde(default)]
    pub fields: Vec<CourseField>,
    /// Years of service after which it can be chosen; absent when the document says none.
    #[serde(default)]
    pub choose_after_years: Option<u8>,
    /// The lowest grade at which it can be chosen; absent when the document says none.
    #[serde(default)]
    pub choose_from_grade: Option<String>,
    pub source: String,
    /// The course is Michi's reading, not named so by the document.
    #[serde(default)]
    pub illustrative: bool,
}

/// A field (専門分野) within a course.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CourseField {
    pub id: String,
    pub name: String,
    /// Department families the field's postings belong to, when the document ties them.
    #[serde(default)]
    pub families: Vec<String>,
}
