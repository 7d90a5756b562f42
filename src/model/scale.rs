//! The level scale of a profile: the document's descriptions as rungs, or one stated
//! proficiency scale with its targets, or format 1's numbers per cell.

use serde::{Deserialize, Serialize};

use crate::model::measures::Quote;

/// Where the numbers of requirements and assessments come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleKind {
    /// The document describes an ability per grade: each ability's scale is the ladder of
    /// those descriptions (rung 1 is the lowest grade's text, 0 is "not yet rung 1"), and a
    /// grade requires its own description's rung. No number is invented.
    Descriptors,
    /// The document gives emphasis only (◎/○) or nothing usable: one labelled proficiency
    /// scale and one table of required levels per grade (`targets`), both the profile's
    /// stated assumption.
    Proficiency,
    /// Format 1: a number written per requirement, and an unlisted requirement at the minimum.
    Levels,
}

impl ScaleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ScaleKind::Descriptors => "descriptors",
            ScaleKind::Proficiency => "proficiency",
            ScaleKind::Levels => "levels",
        }
    }
}

/// The level scale used by requirements and assessments. The default is the scale of a
/// profile that writes none: one whose document has no ability table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Required from format 2; format 1 files are [`ScaleKind::Levels`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ScaleKind>,
    /// Lowest and highest level of a proficiency (or format 1) scale; absent for descriptors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
    /// The scale (and the targets) are Michi's assumption, not the document's.
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub source: Option<String>,
    /// How the scale was chosen, shown with the legend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ScaleLevel>,
    /// Proficiency scales: the level each grade requires of its ◎ and ○ items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<ScaleTarget>,
    /// The document says requirements accumulate up the ladder: a grade that does not
    /// list an ability still asks the highest level a lower grade asked (marked derived).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accumulate: Option<Quote>,
    /// Proficiency scales: a stated requirement never asks less than the same ability
    /// asked at a lower grade of the ladder (◎ at 主査 then ○ at 主幹 keeps 主査's level).
    /// The profile's assumption, said in `note`; the document's emphasis is unchanged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub never_lower: bool,
}

/// The level a grade requires of its key (◎) and expected (○) items on a proficiency scale.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleTarget {
    pub grade: String,
    pub key: u8,
    #[serde(default)]
    pub expected: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub level: u8,
    pub label: String,
    #[serde(default)]
    pub description: Option<String>,
}

impl Scale {
    /// The profile writes no `[scale]` at all.
    pub fn is_unwritten(&self) -> bool {
        *self == Scale::default()
    }

    /// The scale's kind; format 1 files have per-cell levels.
    pub fn kind(&self) -> ScaleKind {
        self.kind.unwrap_or(ScaleKind::Levels)
    }

    /// The lowest level: 0 ("not yet rung 1") on a descriptor ladder.
    pub fn min(&self) -> u8 {
        match self.kind() {
            ScaleKind::Descriptors => 0,
            _ => self.min.unwrap_or(1),
        }
    }

    /// The highest level of a numeric scale; for descriptors see [`Profile::level_range`].
    pub fn max(&self) -> u8 {
        self.max.unwrap_or(self.min())
    }

    /// Whether `level` lies on this numeric scale.
    pub fn contains(&self, level: u8) -> bool {
        (self.min()..=self.max()).contains(&level)
    }

    pub fn label(&self, level: u8) -> Option<&str> {
        self.levels.iter().find(|l| l.level == level).map(|l| l.label.as_str())
    }
}
