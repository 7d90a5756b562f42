//! A municipality's career system as its human-resource development policy
//! (人材育成基本方針) states it. The field layout is the profile TOML format documented in
//! `docs/profile-format.md`; every struct rejects unknown keys so typos surface as errors.

use serde::{Deserialize, Serialize};

pub use crate::model::evaluation::{
    Disclosure, Evaluation, EvaluationItem, EvaluationKind, EvaluationPeriod, Evaluator, Rating, RatingScale,
    SelfReportSystem, SelfReportTopic, TopicKind,
};
pub use crate::model::grades::{
    Grade, JobSeries, Ladder, LimitBasis, ManagementLimit, Position, PostClass, SPECIAL_RETIREMENT_AGES, SharedGrades,
    SpecialRetirementAge,
};
use crate::model::index::IndexCell;
pub use crate::model::measures::{DeliveryMethod, Ideal, Measure, MeasureKind, Quote};
use crate::model::plan::LeaveKind;
pub use crate::model::promotion::{AssumedBy, PromotionAssumption, PromotionStep, StepYears, YearsBasis};
pub use crate::model::rotation::{
    Department, DepartmentFamily, Rotation, RotationRule, RotationRuleKind, RuleStrength, Tenure, TenureRange,
};
pub use crate::model::scale::{Scale, ScaleKind, ScaleLevel, ScaleTarget};

/// The profile format version this build writes and documents.
pub const PROFILE_SCHEMA_VERSION: u32 = 2;
/// The first format, still read: its numbers are per cell, and a grade that lists no
/// requirement asks the scale's minimum. `michi profile migrate` rewrites it.
pub const PROFILE_SCHEMA_V1: u32 = 1;

/// One municipality's profile.
///
/// Look-ups by id ([`Profile::grade`], [`Profile::requirement`], …) go through an index
/// built on the first of them and kept for the profile's life. Profiles are loaded, then
/// read: to change one, change a copy (a clone starts without an index) before looking
/// anything up in it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub schema_version: u32,
    pub id: String,
    /// Municipality name in Japanese (e.g. 入間市).
    pub name: String,
    pub name_romaji: String,
    #[serde(default)]
    pub prefecture: Option<String>,
    pub document: Document,
    /// Required where the profile has competencies; a profile whose document has no
    /// ability table (文書に能力表なし) may leave it out.
    #[serde(default)]
    pub scale: Scale,
    #[serde(default)]
    pub competency_groups: Vec<CompetencyGroup>,
    /// Empty (or absent) when the document has no ability table: then there are no gaps
    /// and no readiness, and the roles checklist is the signal.
    #[serde(default)]
    pub competencies: Vec<Competency>,
    pub job_series: Vec<JobSeries>,
    /// Post classes as the city names them (一般 / 監督職 / 管理職), named by grades.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub post_classes: Vec<PostClass>,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default)]
    pub promotion: Vec<PromotionStep>,
    /// Years in grade assumed for the steps that state none (never the document's).
    #[serde(default)]
    pub promotion_assumption: Option<PromotionAssumption>,
    #[serde(default)]
    pub rotation: Option<Rotation>,
    #[serde(default)]
    pub trainings: Vec<Training>,
    /// How leave periods count toward years in grade. Kinds not listed count in full.
    #[serde(default)]
    pub leave_rules: Vec<LeaveRule>,
    /// 目指す職員像, in the document's order.
    #[serde(default)]
    pub ideals: Vec<Ideal>,
    /// Career-support measures (面談, 自己申告, メンター …).
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Ways of delivering training (集合研修, オンライン研修 …), referred to by trainings.
    #[serde(default)]
    pub delivery_methods: Vec<DeliveryMethod>,
    /// Courses staff may choose (複線型人事); none when the document offers no choice.
    #[serde(default)]
    pub courses: Vec<crate::model::Course>,
    /// 人事評価 as the document describes it; absent where it does not.
    #[serde(default)]
    pub evaluation: Option<Evaluation>,
    /// 自己申告 as the document describes it; absent where it does not.
    #[serde(default)]
    pub self_report: Option<SelfReportSystem>,
    /// 特例定年: retirement ages the city sets for some grades or series instead of the
    /// national schedule; none where the document gives none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_retirement_ages: Vec<SpecialRetirementAge>,
    /// Look-up tables over the lists above, built once, on the first look-up.
    #[serde(skip)]
    pub(crate) index: IndexCell,
}

/// How much of a kind of leave counts toward years in grade for promotion.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LeaveRule {
    pub kind: LeaveKind,
    /// Fraction of the leave counted, from 0 (not at all) to 1 (in full).
    pub counted: f64,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
}

/// The policy document a profile was read from.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the document is; absent when the
    /// document bears no date (文書の日付の記載なし).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub date_note: Option<String>,
    #[serde(default)]
    pub plan_period: Option<String>,
    #[serde(default)]
    pub source_file: Option<String>,
    /// What the text lacks or how it was read (figures lost in conversion, …).
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A grouping of competencies (上越's 基本的な資質 / 職務遂行上必要な能力, 上尾's 能力 / 意欲).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyGroup {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

/// An ability, quality, attitude or evaluation item (能力・資質・意欲・評価項目).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub name: String,
    /// The document's definition; empty when it gives none.
    pub definition: String,
    #[serde(default)]
    pub group: Option<String>,
    /// Search aliases: English name first, then romaji.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub source: String,
}

/// How strongly a document asks for a competency at a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Emphasis {
    /// Singled out at this grade (入間's ◎, or listed in a per-grade table).
    Key,
    /// Expected at this grade (入間's ○).
    Expected,
    /// The document sets nothing for it at this grade.
    Unmarked,
}

impl Emphasis {
    /// An item a grade lists (the default: documents without ◎/○ mark by listing).
    pub fn listed() -> Emphasis {
        Emphasis::Key
    }

    /// The mark shown next to a competency: ◎ key, ○ expected, blank otherwise.
    pub fn mark(self) -> &'static str {
        match self {
            Emphasis::Key => "◎",
            Emphasis::Expected => "○",
            Emphasis::Unmarked => "",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Emphasis::Key => "key",
            Emphasis::Expected => "expected",
            Emphasis::Unmarked => "unmarked",
        }
    }
}

/// What one grade asks of one competency, as written in the profile.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub grade: String,
    pub competency: String,
    /// ◎ or ○ on a proficiency scale; a descriptor ladder lists (key) items only.
    #[serde(default = "Emphasis::listed")]
    pub emphasis: Emphasis,
    /// Format 1 only: the number written for this cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(default)]
    pub descriptor: Option<String>,
    pub source: String,
    /// The numeric level is an example, not the document's.
    #[serde(default)]
    pub illustrative: bool,
}

/// Career track: 昭島's スペシャリスト are exempt from rotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    #[default]
    Generalist,
    Specialist,
}

impl Track {
    /// The id written in plan and profile files (`track = "generalist"`).
    pub fn id(self) -> &'static str {
        match self {
            Track::Generalist => "generalist",
            Track::Specialist => "specialist",
        }
    }
}

/// Kinds of training the documents name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingKind {
    /// 階層別・基本研修
    Hierarchical,
    /// 特別研修
    Special,
    /// 専門研修
    Specialized,
    /// 技術研修
    Technical,
    /// 派遣研修
    Secondment,
    /// 連携・合同研修
    Joint,
    /// OJT
    Ojt,
    /// 自己啓発・通信教育・eラーニング
    SelfDevelopment,
    /// 自主研修グループ
    StudyGroup,
    Other,
}

impl TrainingKind {
    pub fn label_ja(self) -> &'static str {
        match self {
            TrainingKind::Hierarchical => "階層別・基本研修",
            TrainingKind::Special => "特別研修",
            TrainingKind::Specialized => "専門研修",
            TrainingKind::Technical => "技術研修",
            TrainingKind::Secondment => "派遣研修",
            TrainingKind::Joint => "連携・合同研修",
            TrainingKind::Ojt => "OJT",
            TrainingKind::SelfDevelopment => "自己啓発",
            TrainingKind::StudyGroup => "自主研修グループ",
            TrainingKind::Other => "その他",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            TrainingKind::Hierarchical => "Grade-based training",
            TrainingKind::Special => "Special training",
            TrainingKind::Specialized => "Specialised training",
            TrainingKind::Technical => "Technical training",
            TrainingKind::Secondment => "Secondment",
            TrainingKind::Joint => "Joint training",
            TrainingKind::Ojt => "On-the-job training",
            TrainingKind::SelfDevelopment => "Self-development",
            TrainingKind::StudyGroup => "Study group",
            TrainingKind::Other => "Other",
        }
    }
}

/// A training in the catalogue.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    pub id: String,
    pub name: String,
    /// The category as the document writes it (階層別研修, 特別研修 …); absent when the
    /// document does not classify it.
    #[serde(default)]
    pub category: Option<String>,
    /// Michi's normalised kind, for sorting and icons; optional from format 2.
    #[serde(default)]
    pub kind: Option<TrainingKind>,
    /// Grades it is for. Empty: open to every grade when `all_grades` (format 1: always),
    /// else the document does not say.
    #[serde(default)]
    pub grades: Vec<String>,
    #[serde(default)]
    pub all_grades: bool,
    /// The grades are Michi's reading, not the document's.
    #[serde(default)]
    pub grades_illustrative: bool,
    /// Ways it is delivered: ids of `delivery_methods`.
    #[serde(default)]
    pub delivery: Vec<String>,
    /// Courses it is for; empty means every course.
    #[serde(default)]
    pub courses: Vec<String>,
    #[serde(default)]
    pub competencies: Vec<String>,
    /// The training → competency mapping is a reading, not the document's words.
    #[serde(default)]
    pub competencies_illustrative: bool,
    #[serde(default)]
    pub provider: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub source: String,
}

/// Whom a training is for, as the document says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The grades listed in `grades`.
    Listed,
    /// Every grade (`all_grades = true`).
    Every,
    /// The document does not say.
    Unstated,
}

impl Training {
    /// The training's category as shown: the document's word, else Michi's kind, else
    /// 区分なし ("the document does not classify it").
    pub fn category_label(&self, ja: bool) -> &str {
        match (&self.category, self.kind) {
            (Some(category), _) => category,
            (None, Some(kind)) if ja => kind.label_ja(),
            (None, Some(kind)) => kind.label_en(),
            (None, None) if ja => "区分なし",
            (None, None) => "Unclassified",
        }
    }

    pub fn audience(&self) -> Audience {
        match (self.grades.is_empty(), self.all_grades) {
            (false, _) => Audience::Listed,
            (true, true) => Audience::Every,
            (true, false) => Audience::Unstated,
        }
    }
}
