//! An employee's plan: where they stand in a profile's career system and where they want
//! to go. The field layout is the plan TOML format documented in the README.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::date::{Date, FiscalYear};
use crate::model::profile::Track;

/// The only plan format version this build reads.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// One employee's plan.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema_version: u32,
    /// A sample shipped with Michi (`sample = true`): shown and explored, never written to.
    /// Saving one means saving a copy ([`Plan::savable_copy`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    /// The date a sample's story is told as of ("5年目" as of then): a workshop fixes the
    /// as-of date to it, so the description stays true whatever the calendar says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The profile id (municipality) the plan is made against.
    pub profile: String,
    /// Job series id; the profile's first series when absent.
    #[serde(default)]
    pub series: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    pub birth_date: Date,
    pub hire_date: Date,
    /// Current grade id.
    pub grade: String,
    /// The position held within the current grade (主任主査 within 主査級): an id of the
    /// grade's `positions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Since when the current grade is held.
    pub grade_since: Date,
    pub target_grade: String,
    /// Fiscal year by which to reach the target grade.
    #[serde(default)]
    pub target_fy: Option<FiscalYear>,
    #[serde(default)]
    pub track: Track,
    /// The course chosen (a `courses` id of the profile); absent: the profile's default
    /// course, or the one named like `track`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course: Option<String>,
    /// The field within the course (専門分野), when the course has fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_field: Option<String>,
    /// Since when the course is followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_since: Option<Date>,
    #[serde(default)]
    pub completed_trainings: Vec<String>,
    /// Trainings the employee intends to take (marked in the app).
    #[serde(default)]
    pub planned_trainings: Vec<String>,
    /// Training id → the fiscal year (年度) a planned training is meant for. A planned
    /// training without a year is placed where the training plan finds room for it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub planned_years: BTreeMap<String, FiscalYear>,
    /// Competency id → level on the profile's scale. Missing means not yet assessed.
    #[serde(default)]
    pub self_assessment: BTreeMap<String, u8>,
    /// The supervisor's view, filled in at evaluation interviews (人事評価面談).
    #[serde(default)]
    pub supervisor_assessment: BTreeMap<String, u8>,
    /// Competency id → what the employee did that shows the level.
    #[serde(default)]
    pub evidence: BTreeMap<String, String>,
    /// Grade id → the roles of that grade (1 = the first the document lists) the employee
    /// says they already carry out: the roles checklist.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles_self: BTreeMap<String, Vec<u16>>,
    /// The same, as the supervisor confirms it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles_supervisor: BTreeMap<String, Vec<u16>>,
    /// Postings, oldest first.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub leaves: Vec<Leave>,
    /// Personal constraints the planner should keep in mind (介護, 通勤, …).
    #[serde(default)]
    pub constraints: Vec<String>,
    /// 自己申告: what the employee states about the next posting. Confidential in many
    /// cities (kept from the supervisor); an empty table is the same as none.
    #[serde(default, skip_serializing_if = "SelfReport::is_empty")]
    pub self_report: SelfReport,
    /// The interviews held (人事評価面談), oldest first; appended, never overwritten.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<crate::model::Interview>,
    /// Dated notes of the period (職務行動記録メモ), by either side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<crate::model::Note>,
    /// The life-line chart (ライフラインチャート): 充実度 by fiscal year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifeline: Vec<crate::model::LifelineYear>,
    /// Will-Can-Must in the participant's words.
    #[serde(default, skip_serializing_if = "crate::model::WillCanMust::is_empty")]
    pub wcm: crate::model::WillCanMust,
    /// Names and aliases the file wrote where ids belong, and the ids they were read as
    /// (filled when the plan is read against its profile; never written).
    #[serde(skip)]
    pub names_read: Vec<crate::model::names::NameRead>,
}

/// 自己申告 (the self-report): transfer wishes and the circumstances behind them. Every
/// part is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SelfReport {
    /// 異動希望: stay, move, or either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_wish: Option<TransferWish>,
    /// Where the employee would like to go, first choice first: department family ids or
    /// names, department ids or names, or free text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<String>,
    /// 健康状態
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<String>,
    /// 資格・免許
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<String>,
    /// 家庭の事情 and other circumstances.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circumstances: Option<String>,
}

impl SelfReport {
    /// Nothing is stated.
    pub fn is_empty(&self) -> bool {
        *self == SelfReport::default()
    }
}

/// 異動希望: whether the employee wishes to move at the next personnel change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferWish {
    /// 現職継続を希望
    Stay,
    /// 異動を希望
    Move,
    /// どちらでもよい
    Either,
}

impl TransferWish {
    /// The id written in plan files (`transfer_wish = "stay"`).
    pub fn id(self) -> &'static str {
        match self {
            TransferWish::Stay => "stay",
            TransferWish::Move => "move",
            TransferWish::Either => "either",
        }
    }
}

/// A posting (配属).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// A department id of the profile, or free text.
    pub department: String,
    /// Department family id; optional when the department is one of the profile's.
    #[serde(default)]
    pub family: Option<String>,
    pub from: Date,
    /// Absent on the current posting.
    #[serde(default)]
    pub to: Option<Date>,
}

/// Kinds of leave and absence that bear on years in grade and rotation windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaveKind {
    /// 育児休業
    Childcare,
    /// 介護休暇・介護休業
    NursingCare,
    /// 病気休職
    Sick,
    /// 派遣 (to another body)
    Secondment,
    Other,
}

impl LeaveKind {
    pub const ALL: [LeaveKind; 5] = [
        LeaveKind::Childcare,
        LeaveKind::NursingCare,
        LeaveKind::Sick,
        LeaveKind::Secondment,
        LeaveKind::Other,
    ];

    /// The id written in plan files (`kind = "childcare"`).
    pub fn id(self) -> &'static str {
        match self {
            LeaveKind::Childcare => "childcare",
            LeaveKind::NursingCare => "nursing_care",
            LeaveKind::Sick => "sick",
            LeaveKind::Secondment => "secondment",
            LeaveKind::Other => "other",
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            LeaveKind::Childcare => "育児休業",
            LeaveKind::NursingCare => "介護休暇",
            LeaveKind::Sick => "病気休職",
            LeaveKind::Secondment => "派遣",
            LeaveKind::Other => "その他の休職等",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            LeaveKind::Childcare => "childcare leave",
            LeaveKind::NursingCare => "nursing-care leave",
            LeaveKind::Sick => "sick leave",
            LeaveKind::Secondment => "secondment",
            LeaveKind::Other => "other leave",
        }
    }
}

/// A period of leave (育児休業, 介護休暇, 病気休職, 派遣 …).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    pub kind: LeaveKind,
    pub from: Date,
    /// Absent while the leave continues.
    #[serde(default)]
    pub to: Option<Date>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Plan {
    /// A copy of the plan that may be saved: the same content with the sample mark removed,
    /// so a shipped sample can become the user's own plan.
    pub fn savable_copy(&self) -> Plan {
        Plan {
            sample: false,
            ..self.clone()
        }
    }

    /// The course the plan follows: the one named, else a course with the track's id
    /// (昭島's スペシャリスト), else the profile's default course; `None` when the profile
    /// offers no courses.
    pub fn course_id<'a>(&'a self, profile: &'a crate::model::Profile) -> Option<&'a str> {
        if profile.courses.is_empty() {
            return None;
        }
        self.course
            .as_deref()
            .or_else(|| profile.course(self.track.id()).map(|c| c.id.as_str()))
            .or_else(|| profile.courses.iter().find(|c| c.default).map(|c| c.id.as_str()))
    }

    /// The job series id the plan uses: the one named, else the profile's first.
    pub fn series_id<'a>(&'a self, profile: &'a crate::model::Profile) -> Option<&'a str> {
        self.series
            .as_deref()
            .or_else(|| profile.job_series.first().map(|s| s.id.as_str()))
    }
}
