//! The interview record of a plan (人事評価面談): one entry per interview, appended, with
//! the goals agreed at it; and the dated notes of the period (職務行動記録メモ), written by
//! either side. The layout is the plan format issue 10 fixes, which other tools rely on.

use serde::{Deserialize, Serialize};

use crate::model::date::{Date, FiscalYear};

/// One interview (期首, 中間, 期末 or 育成面談).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    /// The fiscal year (年度) it belongs to.
    pub fy: FiscalYear,
    pub kind: InterviewKind,
    pub date: Date,
    /// 1次評価者.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluator: Option<String>,
    /// 2次評価者.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_evaluator: Option<String>,
    /// 本人の所見.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_comment: Option<String>,
    /// 上司の所見・助言.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor_comment: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed_next_steps: Vec<String>,
    /// Training ids agreed on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed_trainings: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
}

/// What an interview is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InterviewKind {
    /// 期首面談: goals and roles set.
    Start,
    /// 中間面談.
    Mid,
    /// 期末面談: results, 指導・助言.
    End,
    /// 育成面談.
    Development,
}

impl InterviewKind {
    pub fn id(self) -> &'static str {
        match self {
            InterviewKind::Start => "start",
            InterviewKind::Mid => "mid",
            InterviewKind::End => "end",
            InterviewKind::Development => "development",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            InterviewKind::Start => lang.pick("期首面談", "start-of-year interview"),
            InterviewKind::Mid => lang.pick("中間面談", "mid-year interview"),
            InterviewKind::End => lang.pick("期末面談", "end-of-year interview"),
            InterviewKind::Development => lang.pick("育成面談", "development interview"),
        }
    }
}

/// A goal agreed at an interview.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub title: String,
    /// 達成基準.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// 期限.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// 難易度, as the city writes it (A/B/C …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<String>,
    /// ウェイト, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u8>,
    pub status: GoalStatus,
    /// 達成状況.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl GoalStatus {
    pub fn id(self) -> &'static str {
        match self {
            GoalStatus::Planned => "planned",
            GoalStatus::InProgress => "in_progress",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
        }
    }
}

/// A dated note of the period (職務行動記録メモ).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub date: Date,
    pub author: NoteAuthor,
    /// The competency it is evidence of, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<String>,
    pub text: String,
}

/// Who wrote a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteAuthor {
    #[serde(rename = "self")]
    Own,
    Supervisor,
}

impl NoteAuthor {
    pub fn id(self) -> &'static str {
        match self {
            NoteAuthor::Own => "self",
            NoteAuthor::Supervisor => "supervisor",
        }
    }
}
