//! A municipality's career system as its human-resource development policy
//! (人材育成基本方針) states it. The field layout is the profile TOML format documented in
//! `docs/profile-format.md`; every struct rejects unknown keys so typos surface as errors.

use serde::{Deserialize, Serialize};

use crate::model::index::{GradeAt, IndexCell, ProfileIndex};
use crate::model::plan::LeaveKind;

/// The only profile format version this build reads.
pub const PROFILE_SCHEMA_VERSION: u32 = 1;

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
    /// Look-up tables over the lists above, built once, on the first look-up.
    #[serde(skip)]
    index: IndexCell,
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

/// The level scale used by requirements and assessments.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    #[serde(default)]
    pub illustrative: bool,
    #[serde(default)]
    pub source: Option<String>,
    pub levels: Vec<ScaleLevel>,
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
    /// Whether `level` lies on this scale.
    pub fn contains(&self, level: u8) -> bool {
        (self.min..=self.max).contains(&level)
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

/// A job series (職種・職系): one ladder of grades.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct JobSeries {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub source: String,
    /// Lowest grade first.
    pub grades: Vec<Grade>,
}

/// A grade (職級・職位) on a ladder.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Unique across every series of the profile.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Phase or growth stage (上尾's 能力開発期, 上越's stages).
    #[serde(default)]
    pub phase: Option<String>,
    /// 管理監督職: subject to 役職定年.
    pub management: bool,
    /// Role text, one entry per bullet, as the document writes it.
    #[serde(default)]
    pub roles: Vec<String>,
    /// What the document calls the role text (期待される役割, 基本的な職務行動, …).
    #[serde(default)]
    pub roles_heading: Option<String>,
    pub source: String,
    #[serde(default)]
    pub notes: Vec<String>,
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
    pub emphasis: Emphasis,
    pub level: u8,
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
    pub typical_tenure_years: u8,
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
    pub kind: TrainingKind,
    /// Grades it is for; empty means open to every grade.
    #[serde(default)]
    pub grades: Vec<String>,
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

/// A requirement with everything a reader needs filled in: the series it belongs to, and
/// `unmarked` at the scale's minimum where the profile sets nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedRequirement<'p> {
    pub series: &'p str,
    pub grade: &'p str,
    pub competency: &'p str,
    pub level: u8,
    pub emphasis: Emphasis,
    pub descriptor: Option<&'p str>,
    pub source: Option<&'p str>,
    pub illustrative: bool,
}

impl Profile {
    /// The profile's look-up tables, built on the first look-up.
    fn index(&self) -> &ProfileIndex {
        self.index.get_or_build(self)
    }

    /// Every grade of every series with its series, ladder order kept.
    pub fn grades(&self) -> impl Iterator<Item = (&JobSeries, &Grade)> {
        self.job_series
            .iter()
            .flat_map(|s| s.grades.iter().map(move |g| (s, g)))
    }

    pub fn series(&self, id: &str) -> Option<&JobSeries> {
        checked(&self.job_series, self.index().series.get(id), |s| s.id == id)
    }

    /// Where the grade with this id sits, checked against the ladders.
    fn grade_at(&self, id: &str) -> Option<(GradeAt, &JobSeries, &Grade)> {
        let at = *self.index().grades.get(id)?;
        let series = self.job_series.get(at.series)?;
        let grade = series.grades.get(at.rank).filter(|g| g.id == id)?;
        Some((at, series, grade))
    }

    /// The grade with this id and the series it belongs to.
    pub fn grade(&self, id: &str) -> Option<(&JobSeries, &Grade)> {
        self.grade_at(id).map(|(_, series, grade)| (series, grade))
    }

    /// The grade's position on `series`' ladder (0 is the lowest); `None` when the grade is
    /// not on that ladder.
    pub fn rank(&self, series: &JobSeries, grade: &str) -> Option<usize> {
        self.grade_at(grade)
            .filter(|(_, s, _)| s.id == series.id)
            .map(|(at, _, _)| at.rank)
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        checked(&self.competencies, self.index().competencies.get(id), |c| c.id == id)
    }

    pub fn competency_group(&self, id: &str) -> Option<&CompetencyGroup> {
        checked(&self.competency_groups, self.index().competency_groups.get(id), |g| {
            g.id == id
        })
    }

    pub fn training(&self, id: &str) -> Option<&Training> {
        checked(&self.trainings, self.index().trainings.get(id), |t| t.id == id)
    }

    /// The rotation department with this id.
    pub fn department(&self, id: &str) -> Option<&Department> {
        let departments = self.rotation.as_ref().map_or(&[][..], |r| r.departments.as_slice());
        checked(departments, self.index().departments.get(id), |d| d.id == id)
    }

    /// The department family with this id.
    pub fn family(&self, id: &str) -> Option<&DepartmentFamily> {
        let families = self.rotation.as_ref().map_or(&[][..], |r| r.families.as_slice());
        checked(families, self.index().families.get(id), |f| f.id == id)
    }

    /// The promotion steps out of `grade`, in document order.
    pub fn steps_from(&self, grade: &str) -> impl Iterator<Item = &PromotionStep> {
        let steps = self
            .grade_at(grade)
            .and_then(|(at, _, _)| self.index().steps_from.get(&at.flat))
            .map_or(&[][..], Vec::as_slice);
        steps
            .iter()
            .filter_map(|&i| self.promotion.get(i))
            .filter(move |step| step.from == grade)
    }

    /// The requirement written at `position`, if it is the one for `grade` and `competency`.
    fn written(&self, position: Option<usize>, grade: &str, competency: &str) -> Option<&Requirement> {
        position
            .and_then(|i| self.requirements.get(i))
            .filter(|r| r.grade == grade && r.competency == competency)
    }

    /// What `grade` asks of `competency`; `unmarked` at the scale minimum when the profile
    /// sets nothing. `None` only when the grade does not exist.
    pub fn requirement<'p>(&'p self, grade: &str, competency: &'p Competency) -> Option<ResolvedRequirement<'p>> {
        let (at, series, grade) = self.grade_at(grade)?;
        let index = self.index();
        let position = index
            .competencies
            .get(competency.id.as_str())
            .and_then(|&c| index.requirements.get(&(at.flat, c)))
            .copied();
        let written = self.written(position, &grade.id, &competency.id);
        Some(self.resolve(series, grade, competency, written))
    }

    /// What `grade` asks of each competency, in the competencies' document order (one
    /// entry per competency, as [`Profile::requirement`] gives it); `None` when the grade
    /// does not exist. Reads the grade's row in one pass.
    pub fn grade_requirements(&self, grade: &str) -> Option<impl Iterator<Item = ResolvedRequirement<'_>>> {
        let (at, series, grade) = self.grade_at(grade)?;
        let row = self.index().rows.get(at.flat).map_or(&[][..], Vec::as_slice);
        let mut row = row.iter().peekable();
        Some(self.competencies.iter().enumerate().map(move |(c, competency)| {
            let position = row.next_if(|&&(written_for, _)| written_for == c).map(|&(_, i)| i);
            let written = self.written(position, &grade.id, &competency.id);
            self.resolve(series, grade, competency, written)
        }))
    }

    fn resolve<'p>(
        &'p self,
        series: &'p JobSeries,
        grade: &'p Grade,
        competency: &'p Competency,
        written: Option<&'p Requirement>,
    ) -> ResolvedRequirement<'p> {
        match written {
            Some(r) => ResolvedRequirement {
                series: &series.id,
                grade: &grade.id,
                competency: &competency.id,
                level: r.level,
                emphasis: r.emphasis,
                descriptor: r.descriptor.as_deref(),
                source: Some(&r.source),
                illustrative: r.illustrative,
            },
            None => ResolvedRequirement {
                series: &series.id,
                grade: &grade.id,
                competency: &competency.id,
                level: self.scale.min,
                emphasis: Emphasis::Unmarked,
                descriptor: None,
                source: None,
                illustrative: false,
            },
        }
    }

    /// Every grade × competency requirement, grades in ladder order, competencies in
    /// document order.
    pub fn resolved_requirements(&self) -> Vec<ResolvedRequirement<'_>> {
        self.grades()
            .filter_map(|(_, g)| self.grade_requirements(&g.id))
            .flatten()
            .collect()
    }

    /// The series a promotion step belongs to (that of its `from` grade).
    pub fn step_series(&self, step: &PromotionStep) -> Option<&JobSeries> {
        self.grade(&step.from).map(|(s, _)| s)
    }
}

/// The item the index places at `position`, if it is the one asked for. An index only goes
/// out of step with its lists when a profile is edited after its first look-up; the check
/// keeps such a profile from answering with the wrong item.
fn checked<'a, T>(items: &'a [T], position: Option<&usize>, is: impl Fn(&T) -> bool) -> Option<&'a T> {
    position.and_then(|&i| items.get(i)).filter(|item| is(item))
}
