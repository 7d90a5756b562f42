//! Job rotation (ジョブローテーション) as a profile states it: department families,
//! departments, the years a posting usually lasts, and the rules a career is checked
//! against — "k of n families within the first 10 years", phases that open and close at
//! given years of service (養成期間, 発揮期間), a rule for the first posting.

use serde::{Deserialize, Serialize};

use crate::model::measures::Quote;
use crate::model::profile::Track;

/// Job rotation (ジョブローテーション): department families, departments and rules.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    /// Typical years per posting, a whole number or not ("10 years, 3 workplaces" ≈ 3.3);
    /// absent when the document does not say (and no example is carried).
    #[serde(default)]
    pub typical_tenure_years: Option<f64>,
    /// Years per posting as a range (「3〜5年」), both ends included.
    #[serde(default)]
    pub tenure_range: Option<TenureRange>,
    #[serde(default)]
    pub tenure_illustrative: bool,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub families: Vec<DepartmentFamily>,
    #[serde(default)]
    pub departments: Vec<Department>,
    #[serde(default)]
    pub rules: Vec<RotationRule>,
    /// What the document says about rotation where it sets no checkable rule.
    #[serde(default)]
    pub statement: Option<Quote>,
}

/// Years per posting from–to, both included: `tenure_range = [3, 5]`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(expecting = "two numbers of years, shorter first: [3, 5]")]
pub struct TenureRange(pub f64, pub f64);

/// How long a posting usually lasts, as the profile gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tenure {
    /// The typical years (`typical_tenure_years`).
    pub typical: Option<f64>,
    /// The range (`tenure_range`).
    pub range: Option<TenureRange>,
    /// The years are an example, not the document's.
    pub illustrative: bool,
}

impl Tenure {
    /// The fewest years a posting is expected to last: the range's start, else the
    /// typical years. What the rules' arithmetic counts with.
    pub fn lower(&self) -> f64 {
        self.range.map_or(self.typical.unwrap_or(0.0), |r| r.0)
    }

    /// The most years a posting is expected to last: the range's end, else the typical
    /// years rounded up to whole years. Postings change once a year (April), so a typical
    /// 3.3 years ("10 years, 3 workplaces") is postings of 3 or 4 years, and only one
    /// longer than 4 is long. A posting longer than this is called long.
    pub fn upper(&self) -> f64 {
        self.range.map_or(self.typical.unwrap_or(0.0).ceil(), |r| r.1)
    }
}

impl Rotation {
    /// The rules a posting history is checked against: those asking for families or
    /// departments served within a window, each with the year its window closes.
    pub fn windowed_rules(&self) -> Vec<(&RotationRule, u8)> {
        self.rules
            .iter()
            .filter(|r| {
                matches!(
                    r.kind,
                    RotationRuleKind::CoverFamilies | RotationRuleKind::DistinctDepartments
                )
            })
            .filter_map(|r| r.window_years.map(|w| (r, w)))
            .collect()
    }

    /// The profile's tenure for every posting; `None` when it gives none.
    pub fn tenure(&self) -> Option<Tenure> {
        (self.typical_tenure_years.is_some() || self.tenure_range.is_some()).then_some(Tenure {
            typical: self.typical_tenure_years,
            range: self.tenure_range,
            illustrative: self.tenure_illustrative,
        })
    }

    /// The tenure of a posting in `department`: the department's own when it gives one
    /// (as sure as the department entry), else the profile's.
    pub fn department_tenure(&self, department: Option<&Department>) -> Option<Tenure> {
        match department {
            Some(d) if d.typical_tenure_years.is_some() || d.tenure_range.is_some() => Some(Tenure {
                typical: d.typical_tenure_years,
                range: d.tenure_range,
                illustrative: d.illustrative,
            }),
            _ => self.tenure(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentFamily {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub family: String,
    #[serde(default)]
    pub typical_tenure_years: Option<f64>,
    #[serde(default)]
    pub tenure_range: Option<TenureRange>,
    #[serde(default)]
    pub illustrative: bool,
}

/// What a rotation rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RotationRuleKind {
    /// Serve in the listed families within the window: each of them (上越), or at least
    /// `at_least` of them ("3 of our 5 families").
    CoverFamilies,
    /// Serve in at least `min_departments` different departments within the window (昭島);
    /// with `distinct_families`, departments count only when their families differ.
    DistinctDepartments,
    /// Serve within one family during the window: a phase that rotates within a field
    /// (発揮期間), optionally one of `families`.
    WithinFamily,
    /// The first posting is in one of `families` or `departments` ("new hires start in a
    /// post that deals with citizens directly").
    FirstPosting,
}

/// Whether a rule binds: a requirement is checked (達成/未達); a guideline (概ね, 程度,
/// 目安) only gives advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStrength {
    #[default]
    Requirement,
    Guideline,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RotationRule {
    pub id: String,
    pub kind: RotationRuleKind,
    /// The rule in the document's words.
    pub text: String,
    /// The document's name for the period the rule belongs to (養成期間, 発揮期間).
    #[serde(default)]
    pub phase: Option<String>,
    /// Years of service when the window opens; 0 (the default) is the hire date.
    #[serde(default)]
    pub from_year: u8,
    /// Years of service, counted from the hire date, when the window closes. Every kind
    /// but `first_posting` needs one.
    #[serde(default)]
    pub window_years: Option<u8>,
    #[serde(default)]
    pub families: Vec<String>,
    /// cover_families: how many of `families` must be served; absent means all of them.
    #[serde(default)]
    pub at_least: Option<u8>,
    #[serde(default)]
    pub min_departments: Option<u8>,
    /// distinct_departments: count departments only when their families differ, so three
    /// postings inside one family count once.
    #[serde(default)]
    pub distinct_families: bool,
    /// first_posting: departments the first posting may be in (beside `families`).
    #[serde(default)]
    pub departments: Vec<String>,
    /// Series the rule applies to; empty means every series.
    #[serde(default)]
    pub series: Vec<String>,
    /// The document's words for who the rule is for (多くの職員が在職する一般行政職について).
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub strength: RuleStrength,
    /// The words that make the rule approximate (概ね, 程度, いずれか), as written.
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Courses the rule applies in; empty means every course.
    #[serde(default)]
    pub courses: Vec<String>,
    #[serde(default)]
    pub exempt_tracks: Vec<Track>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

impl RotationRule {
    /// How many families or departments the rule asks for: `at_least` (else every listed
    /// family) for cover_families, `min_departments` for distinct_departments.
    pub fn needed(&self) -> Option<usize> {
        match self.kind {
            RotationRuleKind::CoverFamilies => Some(self.at_least.map_or(self.families.len(), usize::from)),
            RotationRuleKind::DistinctDepartments => self.min_departments.map(usize::from),
            RotationRuleKind::WithinFamily | RotationRuleKind::FirstPosting => None,
        }
    }

    /// Whether the rule applies to a plan on `series` (every series when it names none).
    pub fn applies_to_series(&self, series: Option<&str>) -> bool {
        self.series.is_empty() || series.is_some_and(|s| self.series.iter().any(|r| r == s))
    }
}

/// Years as a reader writes them: `3`, `3.3` (one decimal at most).
pub fn years_text(years: f64) -> String {
    let tenths = (years * 10.0).round();
    if tenths % 10.0 == 0.0 {
        format!("{:.0}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}
