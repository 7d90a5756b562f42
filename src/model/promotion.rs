//! The promotion model (昇任・昇格モデル): steps between grades, with the years in grade the
//! document states — or none, when it states none (在級年数の定めなし) — and the one
//! assumption a profile may declare for the steps that have no years of their own.

use serde::{Deserialize, Serialize};

/// One step of the promotion model (昇任・昇格モデル).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PromotionStep {
    pub from: String,
    pub to: String,
    /// Minimum years in the `from` grade; absent when the document states none.
    #[serde(default)]
    pub min_years: Option<u8>,
    /// Typical years in the `from` grade; absent when the document states none.
    #[serde(default)]
    pub typical_years: Option<u8>,
    /// A selection exam (選考試験) is required.
    #[serde(default)]
    pub exam: bool,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// The years are examples, not the document's.
    #[serde(default)]
    pub illustrative: bool,
}

/// Whose assumption a `[promotion_assumption]` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssumedBy {
    /// The HR office's practice, written down where the document is silent.
    HrOffice,
    /// An example Michi carries so the planner can show years at all.
    Michi,
}

impl AssumedBy {
    pub fn label_ja(self) -> &'static str {
        match self {
            AssumedBy::HrOffice => "人事担当課の仮定",
            AssumedBy::Michi => "Michi の仮定",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            AssumedBy::HrOffice => "the HR office's assumption",
            AssumedBy::Michi => "Michi's assumption",
        }
    }
}

/// Years in grade assumed for every promotion step that states none of its own: declared
/// once, never the document's, and marked wherever a year computed from it is shown.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PromotionAssumption {
    pub min_years: u8,
    pub typical_years: u8,
    /// Whose assumption it is.
    pub by: AssumedBy,
    /// Why these years, shown with the legend.
    pub note: String,
    #[serde(default)]
    pub source: Option<String>,
}

/// Where a number of years in grade comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearsBasis {
    /// The step's own years, as the document states them.
    Stated,
    /// The step's own years, marked `illustrative`: an example.
    Illustrative,
    /// The profile's `[promotion_assumption]`: the step states none.
    Assumed,
}

/// Years in grade for one step, and where they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepYears {
    pub years: u8,
    pub basis: YearsBasis,
}

impl PromotionStep {
    /// The minimum years the step counts: its own, else the assumption's, else none.
    pub fn min_years_or(&self, assumption: Option<&PromotionAssumption>) -> Option<StepYears> {
        self.years_or(self.min_years, assumption.map(|a| a.min_years))
    }

    /// The typical years the step counts: its own, else the assumption's, else none.
    pub fn typical_years_or(&self, assumption: Option<&PromotionAssumption>) -> Option<StepYears> {
        self.years_or(self.typical_years, assumption.map(|a| a.typical_years))
    }

    fn years_or(&self, own: Option<u8>, assumed: Option<u8>) -> Option<StepYears> {
        match (own, assumed) {
            (Some(years), _) => Some(StepYears {
                years,
                basis: if self.illustrative {
                    YearsBasis::Illustrative
                } else {
                    YearsBasis::Stated
                },
            }),
            (None, Some(years)) => Some(StepYears {
                years,
                basis: YearsBasis::Assumed,
            }),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(min: Option<u8>, typical: Option<u8>, illustrative: bool) -> PromotionStep {
        PromotionStep {
            from: "a".into(),
            to: "b".into(),
            min_years: min,
            typical_years: typical,
            exam: false,
            conditions: Vec::new(),
            source: None,
            illustrative,
        }
    }

    #[test]
    fn a_step_without_years_takes_the_assumption_or_nothing() {
        let assumption = PromotionAssumption {
            min_years: 3,
            typical_years: 5,
            by: AssumedBy::HrOffice,
            note: "運用".into(),
            source: None,
        };
        let silent = step(None, None, false);
        assert_eq!(silent.min_years_or(None), None);
        assert_eq!(silent.typical_years_or(None), None);
        assert_eq!(
            silent.typical_years_or(Some(&assumption)),
            Some(StepYears {
                years: 5,
                basis: YearsBasis::Assumed
            })
        );
        // A step's own years win over the assumption, and keep their own standing.
        let stated = step(Some(2), None, false);
        assert_eq!(
            stated.min_years_or(Some(&assumption)).map(|y| y.basis),
            Some(YearsBasis::Stated)
        );
        assert_eq!(stated.typical_years_or(None), None);
        let example = step(Some(4), Some(6), true);
        assert_eq!(
            example.min_years_or(Some(&assumption)),
            Some(StepYears {
                years: 4,
                basis: YearsBasis::Illustrative
            })
        );
    }
}
