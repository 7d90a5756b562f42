//! A municipality's career system as its human-resource development policy
//! (人材育成基本方針) states it. The field layout is the profile TOML format documented in
//! `docs/profile-format.md`; every struct rejects unknown keys so typos surface as errors.

use serde::{Deserialize, Serialize};

pub use crate::model::grades::{
    Grade, JobSeries, Ladder, LimitBasis, ManagementLimit, Position, PostClass, SharedGrades,
};
use crate::model::index::IndexCell;
pub use crate::model::measures::{DeliveryMethod, Ideal, Measure, MeasureKind, Quote};
use crate::model::plan::LeaveKind;

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
    pub scale: Scale,
    #[serde(default)]
    pub competency_groups: Vec<CompetencyGroup>,
    pub competencies: Vec<Competency>,
    pub job_series: Vec<JobSeries>,
    /// Post classes as the city names them (一般 / 監督職 / 管理職), named by grades.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub post_classes: Vec<PostClass>,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default)]
    pub promotion: Vec<PromotionStep>,
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
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the document is.
    pub date: String,
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

/// The level scale used by requirements and assessments.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
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

/// One step of the promotion model (昇任・昇格モデル).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PromotionStep {
    pub from: String,
    pub to: String,
    /// Minimum years in the `from` grade.
    pub min_years: u8,
    /// Typical years in the `from` grade.
    pub typical_years: u8,
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

/// Job rotation (ジョブローテーション): department families, departments and rules.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    /// Typical years per posting; absent when the document does not say (and no example
    /// is carried).
    #[serde(default)]
    pub typical_tenure_years: Option<u8>,
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
    pub typical_tenure_years: Option<u8>,
    #[serde(default)]
    pub illustrative: bool,
}

/// What a rotation rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RotationRuleKind {
    /// Serve in each listed family within the window (上越).
    CoverFamilies,
    /// Serve in at least `min_departments` different departments within the window (昭島).
    DistinctDepartments,
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
    /// Years from the hire date within which the rule applies.
    pub window_years: u8,
    #[serde(default)]
    pub families: Vec<String>,
    #[serde(default)]
    pub min_departments: Option<u8>,
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
    #[serde(default)]
    pub exempt_tracks: Vec<Track>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub illustrative: bool,
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
