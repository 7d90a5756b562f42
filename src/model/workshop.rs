//! What a career-design workshop (キャリアデザイン研修) adds to a plan: the life-line chart
//! (ライフラインチャート: how fulfilling each year felt, −5…+5, with a note) and
//! Will-Can-Must in the participant's own words. The pre-filled parts (Can from the
//! strongest competencies, Must from the target grade) are computed, never stored.

use serde::{Deserialize, Serialize};

use crate::model::date::FiscalYear;

/// Lowest and highest 充実度 on the life-line chart.
pub const LIFELINE_MIN: i8 = -5;
pub const LIFELINE_MAX: i8 = 5;

/// One year of the life-line chart.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LifelineYear {
    /// The fiscal year (年度).
    pub fy: FiscalYear,
    /// 充実度, from −5 (low) to +5 (high).
    pub score: i8,
    /// What happened, in the participant's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Will-Can-Must in the participant's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WillCanMust {
    /// Will: what I want to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub will: Option<String>,
    /// Can: what I can do, beyond what the self-assessment and the roles show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can: Option<String>,
    /// Must: what is expected of me, beyond the target grade's requirements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub must: Option<String>,
}

impl WillCanMust {
    pub fn is_empty(&self) -> bool {
        *self == WillCanMust::default()
    }
}
