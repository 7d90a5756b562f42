//! Consistency checks on a parsed profile: ids, references, ladders, the scale, the
//! promotion model. Pure: each problem names the field it concerns by path; the store
//! turns paths into file positions.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::profile::{PROFILE_SCHEMA_VERSION, Profile, RotationRuleKind};
use crate::text::closest;

/// One step of a path into the profile document: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Key(Cow<'static, str>),
    Index(usize),
}

/// Where in the document a problem is, e.g. `requirements[3].grade`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<PathSeg>);

impl FieldPath {
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(PathSeg::Key(key.into()));
        self
    }

    pub fn index(mut self, index: usize) -> Self {
        self.0.push(PathSeg::Index(index));
        self
    }
}

/// Builds a path from keys and indexes: `path!["requirements", 3, "grade"]`.
macro_rules! path {
    ($($seg:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut p = FieldPath::default();
        $( p = $crate::model::validate::IntoSeg::push_onto($seg, p); )*
        p
    }};
}

pub(crate) trait IntoSeg {
    fn push_onto(self, path: FieldPath) -> FieldPath;
}

impl IntoSeg for &'static str {
    fn push_onto(self, path: FieldPath) -> FieldPath {
        path.key(self)
    }
}

impl IntoSeg for usize {
    fn push_onto(self, path: FieldPath) -> FieldPath {
        path.index(self)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) if i == 0 => write!(f, "{k}")?,
                PathSeg::Key(k) => write!(f, ".{k}")?,
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The kinds of thing a profile names by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Series,
    Grade,
    Competency,
    CompetencyGroup,
    Training,
    Family,
    Department,
    Rule,
}

impl Entity {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            Entity::Series => lang.pick("職系", "job series"),
            Entity::Grade => lang.pick("職級", "grade"),
            Entity::Competency => lang.pick("能力", "competency"),
            Entity::CompetencyGroup => lang.pick("能力の区分", "competency group"),
            Entity::Training => lang.pick("研修", "training"),
            Entity::Family => lang.pick("部門系統", "department family"),
            Entity::Department => lang.pick("部署", "department"),
            Entity::Rule => lang.pick("ローテーション規則", "rotation rule"),
        }
    }
}

/// A date of a plan that must not come before another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    BirthDate,
    HireDate,
    GradeSince,
    /// The start of a posting or a leave.
    From,
    /// The end of a posting or a leave.
    To,
}

impl DateField {
    /// The key in the plan file.
    pub fn key(self) -> &'static str {
        match self {
            DateField::BirthDate => "birth_date",
            DateField::HireDate => "hire_date",
            DateField::GradeSince => "grade_since",
            DateField::From => "from",
            DateField::To => "to",
        }
    }

    /// The field as the app's screens label it.
    pub fn field(self) -> PlanField {
        match self {
            DateField::BirthDate => PlanField::BirthDate,
            DateField::HireDate => PlanField::HireDate,
            DateField::GradeSince => PlanField::GradeSince,
            DateField::From => PlanField::Start,
            DateField::To => PlanField::End,
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    UnsupportedSchemaVersion {
        found: u32,
    },
    InvalidId {
        value: String,
    },
    EmptyText,
    InvalidDate {
        value: String,
    },
    DuplicateId {
        entity: Entity,
        id: String,
    },
    UnknownReference {
        entity: Entity,
        id: String,
        suggestion: Option<String>,
    },
    NoCompetencies,
    NoSeries,
    EmptyLadder {
        series: String,
    },
    ScaleBounds {
        min: u8,
        max: u8,
    },
    ScaleLabelMissing {
        level: u8,
    },
    ScaleLevelOutside {
        level: u8,
        min: u8,
        max: u8,
    },
    ScaleLevelDuplicate {
        level: u8,
    },
    LevelOutsideScale {
        level: u8,
        min: u8,
        max: u8,
    },
    DuplicateRequirement {
        grade: String,
        competency: String,
    },
    PromotionToSelf {
        grade: String,
    },
    PromotionBackwards {
        from: String,
        to: String,
    },
    PromotionAcrossSeries {
        from: String,
        to: String,
    },
    PromotionCycle {
        cycle: Vec<String>,
    },
    DuplicatePromotion {
        from: String,
        to: String,
    },
    TypicalBelowMinimum {
        min: u8,
        typical: u8,
    },
    RuleWithoutFamilies,
    RuleWithoutDepartmentCount,
    ZeroYears,
    FractionOutOfRange {
        value: String,
    },
    DuplicateLeaveRule,
    UnknownProfile {
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    GradeNotInSeries {
        grade: String,
        series: String,
    },
    TargetBelowCurrent {
        target: String,
        current: String,
    },
    DateOrder {
        earlier: DateField,
        later: DateField,
    },
    OverlappingPostings {
        previous_from: String,
    },
    DuplicateEntry {
        id: String,
    },
    /// A year is given for a training that is not planned.
    YearForUnplannedTraining {
        id: String,
    },
    /// A line break or tab in a field shown on one line (a name, a department), where it
    /// could make a report line that the file's author wrote rather than Michi.
    BreakInOneLineText {
        /// The character found, for the message.
        found: char,
    },
    /// A tab in a field of several lines (evidence, a constraint): line breaks are fine.
    TabInText,
}

/// A problem found in a profile, at `path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub kind: ProblemKind,
}

impl ProblemKind {
    /// What is wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let ja = lang == Lang::Ja;
        match self {
            UnsupportedSchemaVersion { found } => {
                if ja {
                    format!("schema_version {found} には対応していません（対応: {PROFILE_SCHEMA_VERSION}）")
                } else {
                    format!("schema_version {found} is not supported (this Michi reads {PROFILE_SCHEMA_VERSION})")
                }
            }
            InvalidId { value } => {
                if ja {
                    format!("ID `{value}` は使えない形式です")
                } else {
                    format!("`{value}` is not a valid id")
                }
            }
            EmptyText => lang.pick("空の文字列です", "this text is empty").to_string(),
            InvalidDate { value } => {
                if ja {
                    format!("日付 `{value}` を読めません")
                } else {
                    format!("cannot read the date `{value}`")
                }
            }
            DuplicateId { entity, id } => {
                if ja {
                    format!("{}のID `{id}` が重複しています", entity.name(lang))
                } else {
                    format!("duplicate {} id `{id}`", entity.name(lang))
                }
            }
            UnknownReference { entity, id, .. } => {
                if ja {
                    format!("{} `{id}` は定義されていません", entity.name(lang))
                } else {
                    format!("no {} with id `{id}` is defined", entity.name(lang))
                }
            }
            NoCompetencies => lang
                .pick(
                    "能力（[[competencies]]）が一つもありません",
                    "the profile defines no competencies ([[competencies]])",
                )
                .to_string(),
            NoSeries => lang
                .pick(
                    "職系（[[job_series]]）が一つもありません",
                    "the profile defines no job series ([[job_series]])",
                )
                .to_string(),
            EmptyLadder { series } => {
                if ja {
                    format!("職系 `{series}` に職級が一つもありません")
                } else {
                    format!("job series `{series}` has no grades")
                }
            }
            ScaleBounds { min, max } => {
                if ja {
                    format!("尺度の最小値 {min} が最大値 {max} より大きくなっています")
                } else {
                    format!("the scale's min {min} is above its max {max}")
                }
            }
            ScaleLabelMissing { level } => {
                if ja {
                    format!("段階 {level} のラベルがありません")
                } else {
                    format!("level {level} has no label")
                }
            }
            ScaleLevelOutside { level, min, max } | LevelOutsideScale { level, min, max } => {
                if ja {
                    format!("段階 {level} は尺度 {min}～{max} の範囲外です")
                } else {
                    format!("level {level} is outside the scale {min}–{max}")
                }
            }
            ScaleLevelDuplicate { level } => {
                if ja {
                    format!("段階 {level} が二度定義されています")
                } else {
                    format!("level {level} is defined twice")
                }
            }
            DuplicateRequirement { grade, competency } => {
                if ja {
                    format!("職級 `{grade}` × 能力 `{competency}` の要件が重複しています")
                } else {
                    format!("a second requirement for grade `{grade}` × competency `{competency}`")
                }
            }
            PromotionToSelf { grade } => {
                if ja {
                    format!("昇任ステップが同じ職級 `{grade}` に戻っています")
                } else {
                    format!("promotion step from `{grade}` to itself")
                }
            }
            PromotionBackwards { from, to } => {
                if ja {
                    format!("昇任ステップ `{from}` → `{to}` が職級の順序を逆行しています")
                } else {
                    format!("promotion step `{from}` → `{to}` goes down the ladder")
                }
            }
            PromotionAcrossSeries { from, to } => {
                if ja {
                    format!("昇任ステップ `{from}` → `{to}` が別の職系にまたがっています")
                } else {
                    format!("promotion step `{from}` → `{to}` crosses job series")
                }
            }
            PromotionCycle { cycle } => {
                let chain = cycle.join(" → ");
                if ja {
                    format!("昇任ステップが循環しています: {chain}")
                } else {
                    format!("promotion steps form a cycle: {chain}")
                }
            }
            DuplicatePromotion { from, to } => {
                if ja {
                    format!("昇任ステップ `{from}` → `{to}` が重複しています")
                } else {
                    format!("promotion step `{from}` → `{to}` is defined twice")
                }
            }
            TypicalBelowMinimum { min, typical } => {
                if ja {
                    format!("標準年数 {typical} が最短年数 {min} より短くなっています")
                } else {
                    format!("typical_years {typical} is below min_years {min}")
                }
            }
            RuleWithoutFamilies => lang
                .pick(
                    "cover_families の規則に families がありません",
                    "a cover_families rule lists no families",
                )
                .to_string(),
            RuleWithoutDepartmentCount => lang
                .pick(
                    "distinct_departments の規則に min_departments がありません",
                    "a distinct_departments rule has no min_departments",
                )
                .to_string(),
            ZeroYears => lang.pick("年数が 0 です", "the number of years is 0").to_string(),
            FractionOutOfRange { value } => {
                if ja {
                    format!("割合 {value} は 0～1 の範囲外です")
                } else {
                    format!("the fraction {value} is outside 0–1")
                }
            }
            DuplicateLeaveRule => lang
                .pick(
                    "同じ種類の休業の規則が二つあります",
                    "a second rule for the same kind of leave",
                )
                .to_string(),
            UnknownProfile { id, .. } => {
                if ja {
                    format!("プロファイル `{id}` はありません")
                } else {
                    format!("no profile with id `{id}`")
                }
            }
            GradeNotInSeries { grade, series } => {
                if ja {
                    format!("職級 `{grade}` は職系 `{series}` にありません")
                } else {
                    format!("grade `{grade}` is not on the `{series}` ladder")
                }
            }
            TargetBelowCurrent { target, current } => {
                if ja {
                    format!("目標の職級 `{target}` が現在の職級 `{current}` より下位です")
                } else {
                    format!("the target grade `{target}` is below the current grade `{current}`")
                }
            }
            DateOrder { earlier, later } => {
                if ja {
                    format!(
                        "`{}`（{}）が `{}`（{}）より前の日付です",
                        later.key(),
                        later.field().label(lang),
                        earlier.key(),
                        earlier.field().label(lang)
                    )
                } else {
                    format!("`{}` comes before `{}`", later.key(), earlier.key())
                }
            }
            OverlappingPostings { previous_from } => {
                if ja {
                    format!("この配属が前の配属（{previous_from} から）と重なっています")
                } else {
                    format!("this posting overlaps the previous one (from {previous_from})")
                }
            }
            DuplicateEntry { id } => {
                if ja {
                    format!("`{id}` が二度書かれています")
                } else {
                    format!("`{id}` is listed twice")
                }
            }
            YearForUnplannedTraining { id } => {
                if ja {
                    format!("`{id}` の年度がありますが、`planned_trainings` にありません")
                } else {
                    format!("`{id}` has a year but is not in `planned_trainings`")
                }
            }
            BreakInOneLineText { found } => {
                let what = match found {
                    '\t' => lang.pick("タブ", "a tab"),
                    _ => lang.pick("改行", "a line break"),
                };
                if ja {
                    format!("一行で書く欄に{what}が含まれています")
                } else {
                    format!("this field is one line, but it holds {what}")
                }
            }
            TabInText => lang
                .pick("文字列にタブが含まれています", "the text holds a tab")
                .to_string(),
        }
    }

    /// What to do about it.
    pub fn hint(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let ja = lang == Lang::Ja;
        match self {
            UnsupportedSchemaVersion { .. } => {
                if ja {
                    format!("schema_version = {PROFILE_SCHEMA_VERSION} と書いてください")
                } else {
                    format!("write schema_version = {PROFILE_SCHEMA_VERSION}")
                }
            }
            InvalidId { .. } => lang
                .pick(
                    "ID は英小文字で始め、英小文字・数字・_・- だけを使ってください（64文字以内）",
                    "ids start with a lowercase letter and use only a-z, 0-9, _ and - (at most 64 characters)",
                )
                .to_string(),
            EmptyText => lang
                .pick("文書の記載をそのまま書いてください", "write the document's text here")
                .to_string(),
            InvalidDate { .. } => lang
                .pick(
                    "YYYY、YYYY-MM または YYYY-MM-DD の形で書いてください",
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                )
                .to_string(),
            DuplicateId { .. } => lang
                .pick(
                    "別のIDを付けるか、重複した項目を削除してください",
                    "rename one of them or remove the duplicate",
                )
                .to_string(),
            UnknownReference { entity, suggestion, .. } => match suggestion {
                Some(s) => {
                    if ja {
                        format!("`{s}` のことですか？")
                    } else {
                        format!("did you mean `{s}`?")
                    }
                }
                None => {
                    if ja {
                        format!("定義済みの{}のIDを指定するか、先に定義してください", entity.name(lang))
                    } else {
                        format!("use the id of a defined {}, or define it first", entity.name(lang))
                    }
                }
            },
            NoCompetencies => lang
                .pick(
                    "文書が定める能力を [[competencies]] に書いてください",
                    "add the document's competencies as [[competencies]]",
                )
                .to_string(),
            NoSeries | EmptyLadder { .. } => lang
                .pick(
                    "[[job_series.grades]] に職級を下位から順に書いてください",
                    "list the grades, lowest first, as [[job_series.grades]]",
                )
                .to_string(),
            ScaleBounds { .. } => lang
                .pick("min と max を入れ替えてください", "swap min and max")
                .to_string(),
            ScaleLabelMissing { .. } => lang
                .pick(
                    "[[scale.levels]] に段階ごとのラベルを書いてください",
                    "add a [[scale.levels]] entry for every level",
                )
                .to_string(),
            ScaleLevelOutside { min, max, .. } | LevelOutsideScale { min, max, .. } => {
                if ja {
                    format!("{min} から {max} までの値にしてください")
                } else {
                    format!("use a level from {min} to {max}")
                }
            }
            ScaleLevelDuplicate { .. } | DuplicateRequirement { .. } | DuplicatePromotion { .. } => lang
                .pick("重複した項目を一つにまとめてください", "keep one of them")
                .to_string(),
            PromotionToSelf { .. } | PromotionBackwards { .. } => lang
                .pick(
                    "from に下位の職級、to に上位の職級を書いてください（職級は下位から順に並べます）",
                    "put the lower grade in `from` and the higher in `to` (grades are listed lowest first)",
                )
                .to_string(),
            PromotionAcrossSeries { .. } => lang
                .pick(
                    "同じ職系の職級どうしをつないでください",
                    "connect grades of the same series",
                )
                .to_string(),
            PromotionCycle { .. } => lang
                .pick(
                    "循環の一部となっているステップを削除してください",
                    "remove one of the steps in the cycle",
                )
                .to_string(),
            TypicalBelowMinimum { .. } => lang
                .pick(
                    "typical_years は min_years 以上にしてください",
                    "make typical_years at least min_years",
                )
                .to_string(),
            RuleWithoutFamilies => lang
                .pick(
                    "families に部門系統のIDを並べてください",
                    "list the family ids in `families`",
                )
                .to_string(),
            RuleWithoutDepartmentCount => lang
                .pick(
                    "min_departments = 3 のように書いてください",
                    "add e.g. min_departments = 3",
                )
                .to_string(),
            ZeroYears => lang
                .pick("1 以上の年数にしてください", "use at least 1 year")
                .to_string(),
            FractionOutOfRange { .. } => lang
                .pick(
                    "0（算入しない）から 1（全期間算入）の値にしてください",
                    "use 0 (not counted) to 1 (counted in full)",
                )
                .to_string(),
            DuplicateLeaveRule | DuplicateEntry { .. } => {
                lang.pick("一つにまとめてください", "keep one of them").to_string()
            }
            YearForUnplannedTraining { .. } => lang
                .pick(
                    "`planned_trainings` に加えるか、この年度の行を消してください",
                    "add it to `planned_trainings` or remove this year",
                )
                .to_string(),
            UnknownProfile {
                suggestion: Some(s), ..
            } => {
                if ja {
                    format!("`{s}` のことですか？")
                } else {
                    format!("did you mean `{s}`?")
                }
            }
            UnknownProfile { known, .. } => {
                if ja {
                    format!("使えるID: {}（`michi profile list` で一覧）", known.join(", "))
                } else {
                    format!("available ids: {} (see `michi profile list`)", known.join(", "))
                }
            }
            GradeNotInSeries { .. } => lang
                .pick(
                    "series に合った職級を指定してください（`michi profile export ID` で職級を確認できます）",
                    "use a grade of the plan's series (`michi profile export ID` lists them)",
                )
                .to_string(),
            TargetBelowCurrent { .. } => lang
                .pick(
                    "現在の職級以上の職級を目標にしてください",
                    "choose the current grade or one above it",
                )
                .to_string(),
            DateOrder { earlier, later } => {
                if ja {
                    format!("`{}` を `{}` より後の日付にしてください", later.key(), earlier.key())
                } else {
                    format!("make `{}` later than `{}`", later.key(), earlier.key())
                }
            }
            OverlappingPostings { .. } => lang
                .pick(
                    "前の配属の to をこの配属の from より前の日付にしてください（配属は古い順に書きます）",
                    "end the previous posting (`to`) before this one starts; list postings oldest first",
                )
                .to_string(),
            BreakInOneLineText { .. } => lang
                .pick(
                    "改行（\\n）やタブ（\\t）を消して一行にしてください",
                    "remove the line break (\\n) or tab (\\t) so the text is on one line",
                )
                .to_string(),
            TabInText => lang
                .pick("タブ（\\t）を空白にしてください", "replace the tab (\\t) with spaces")
                .to_string(),
        }
    }
}

/// Whether `id` has the form the format requires.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= 64
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'))
}

/// Whether `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
pub fn is_valid_partial_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let numeric = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, lo: u32, hi: u32| s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n));
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => numeric(y, 4) && numeric(m, 2) && in_range(m, 1, 12),
        [y, m, d] => numeric(y, 4) && numeric(m, 2) && numeric(d, 2) && in_range(m, 1, 12) && in_range(d, 1, 31),
        _ => false,
    }
}

/// Ids of one kind of entity, with their sorted list for "did you mean" built at most once
/// per check, when the first unknown reference needs it.
struct Known<'a> {
    ids: HashSet<&'a str>,
    sorted: OnceCell<Vec<&'a str>>,
}

impl<'a> Known<'a> {
    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    fn suggestion(&self, id: &str) -> Option<String> {
        let sorted = self.sorted.get_or_init(|| {
            let mut sorted: Vec<&str> = self.ids.iter().copied().collect();
            sorted.sort_unstable();
            sorted
        });
        closest(id, sorted.iter().copied()).map(str::to_string)
    }
}

impl<'a> FromIterator<&'a str> for Known<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> Self {
        Known {
            ids: ids.into_iter().collect(),
            sorted: OnceCell::new(),
        }
    }
}

/// Collects problems: the first `limit` are built, the rest only counted, so a file with a
/// hundred thousand mistakes costs a count, not a hundred thousand messages.
struct Checker {
    problems: Vec<Problem>,
    limit: usize,
    more: usize,
}

impl Checker {
    fn new(limit: usize) -> Self {
        Checker {
            problems: Vec::new(),
            limit,
            more: 0,
        }
    }

    /// Whether a further problem would only be counted.
    fn full(&self) -> bool {
        self.problems.len() >= self.limit
    }

    fn push(&mut self, path: FieldPath, kind: ProblemKind) {
        if self.full() {
            self.more += 1;
        } else {
            self.problems.push(Problem { path, kind });
        }
    }

    fn found(self) -> Found {
        Found {
            problems: self.problems,
            more: self.more,
        }
    }

    fn id(&mut self, path: FieldPath, id: &str) {
        if !is_valid_id(id) {
            self.push(path, ProblemKind::InvalidId { value: id.to_string() });
        }
    }

    fn text(&mut self, path: FieldPath, text: &str) {
        if text.trim().is_empty() {
            self.push(path, ProblemKind::EmptyText);
        } else {
            self.one_line(path, text);
        }
    }

    /// A field shown on one line: no line break or tab. (Carriage returns and characters
    /// that drive a terminal are refused in every string as the file is read.)
    fn one_line(&mut self, path: FieldPath, text: &str) {
        if let Some(found) = text.chars().find(|&c| matches!(c, '\n' | '\t')) {
            self.push(path, ProblemKind::BreakInOneLineText { found });
        }
    }

    /// A field of several lines: line breaks are fine, a tab is not.
    fn lines(&mut self, path: FieldPath, text: &str) {
        if text.contains('\t') {
            self.push(path, ProblemKind::TabInText);
        }
    }

    /// Records the ids of one kind of entity, reporting invalid and duplicate ones.
    fn unique_ids<'a>(&mut self, entity: Entity, ids: impl IntoIterator<Item = (FieldPath, &'a str)>) -> Known<'a> {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            self.id(path.clone(), id);
            if !seen.insert(id) {
                self.push(
                    path,
                    ProblemKind::DuplicateId {
                        entity,
                        id: id.to_string(),
                    },
                );
            }
        }
        Known {
            ids: seen,
            sorted: OnceCell::new(),
        }
    }

    fn reference(&mut self, path: FieldPath, entity: Entity, id: &str, known: &Known<'_>) {
        if known.contains(id) {
            return;
        }
        if self.full() {
            self.more += 1;
            return;
        }
        let suggestion = known.suggestion(id);
        self.push(
            path,
            ProblemKind::UnknownReference {
                entity,
                id: id.to_string(),
                suggestion,
            },
        );
    }

    /// A table key that must be a known id, e.g. a competency in `[self_assessment]`.
    fn reference_key(&mut self, table: &'static str, key: &str, known: &Known<'_>) {
        self.reference(path![table].key(key.to_string()), Entity::Competency, key, known);
    }

    fn level(&mut self, path: FieldPath, level: u8, min: u8, max: u8) {
        if !(min..=max).contains(&level) {
            self.push(path, ProblemKind::LevelOutsideScale { level, min, max });
        }
    }
}

/// What a bounded check found: the first problems, and how many more there are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The problems built, in the order of the checks.
    pub problems: Vec<Problem>,
    /// Problems counted but not built.
    pub more: usize,
}

impl Profile {
    /// Every consistency problem in the profile, in document order of the checks.
    pub fn validate(&self) -> Vec<Problem> {
        self.validate_bounded(usize::MAX).problems
    }

    /// The first `limit` consistency problems, and a count of the rest.
    pub fn validate_bounded(&self, limit: usize) -> Found {
        let mut ck = Checker::new(limit);
        if self.schema_version != PROFILE_SCHEMA_VERSION {
            ck.push(
                path!["schema_version"],
                ProblemKind::UnsupportedSchemaVersion {
                    found: self.schema_version,
                },
            );
        }
        ck.id(path!["id"], &self.id);
        ck.text(path!["name"], &self.name);
        ck.text(path!["name_romaji"], &self.name_romaji);
        ck.text(path!["document", "title"], &self.document.title);
        if !is_valid_partial_date(&self.document.date) {
            ck.push(
                path!["document", "date"],
                ProblemKind::InvalidDate {
                    value: self.document.date.clone(),
                },
            );
        }

        self.check_scale(&mut ck);

        let groups = ck.unique_ids(
            Entity::CompetencyGroup,
            self.competency_groups
                .iter()
                .enumerate()
                .map(|(i, g)| (path!["competency_groups", i, "id"], g.id.as_str())),
        );
        if self.competencies.is_empty() {
            ck.push(path!["competencies"], ProblemKind::NoCompetencies);
        }
        let competencies = ck.unique_ids(
            Entity::Competency,
            self.competencies
                .iter()
                .enumerate()
                .map(|(i, c)| (path!["competencies", i, "id"], c.id.as_str())),
        );
        for (i, c) in self.competencies.iter().enumerate() {
            ck.text(path!["competencies", i, "name"], &c.name);
            if let Some(group) = &c.group {
                ck.reference(
                    path!["competencies", i, "group"],
                    Entity::CompetencyGroup,
                    group,
                    &groups,
                );
            }
        }

        if self.job_series.is_empty() {
            ck.push(path!["job_series"], ProblemKind::NoSeries);
        }
        let series_ids = ck.unique_ids(
            Entity::Series,
            self.job_series
                .iter()
                .enumerate()
                .map(|(i, s)| (path!["job_series", i, "id"], s.id.as_str())),
        );
        for (i, s) in self.job_series.iter().enumerate() {
            ck.text(path!["job_series", i, "name"], &s.name);
            if s.grades.is_empty() {
                ck.push(
                    path!["job_series", i, "id"],
                    ProblemKind::EmptyLadder { series: s.id.clone() },
                );
            }
            for (j, g) in s.grades.iter().enumerate() {
                ck.text(path!["job_series", i, "grades", j, "name"], &g.name);
            }
        }
        let grades = ck.unique_ids(
            Entity::Grade,
            self.job_series.iter().enumerate().flat_map(|(i, s)| {
                s.grades
                    .iter()
                    .enumerate()
                    .map(move |(j, g)| (path!["job_series", i, "grades", j, "id"], g.id.as_str()))
            }),
        );

        self.check_requirements(&mut ck, &grades, &competencies);
        self.check_promotion(&mut ck, &grades);
        self.check_rotation(&mut ck, &series_ids);

        ck.unique_ids(
            Entity::Training,
            self.trainings
                .iter()
                .enumerate()
                .map(|(i, t)| (path!["trainings", i, "id"], t.id.as_str())),
        );
        for (i, t) in self.trainings.iter().enumerate() {
            ck.text(path!["trainings", i, "name"], &t.name);
            for (j, g) in t.grades.iter().enumerate() {
                ck.reference(path!["trainings", i, "grades", j], Entity::Grade, g, &grades);
            }
            for (j, c) in t.competencies.iter().enumerate() {
                ck.reference(
                    path!["trainings", i, "competencies", j],
                    Entity::Competency,
                    c,
                    &competencies,
                );
            }
        }
        self.check_one_line_names(&mut ck);
        let mut leave_kinds = HashSet::new();
        for (i, rule) in self.leave_rules.iter().enumerate() {
            if !(0.0..=1.0).contains(&rule.counted) {
                ck.push(
                    path!["leave_rules", i, "counted"],
                    ProblemKind::FractionOutOfRange {
                        value: rule.counted.to_string(),
                    },
                );
            }
            if !leave_kinds.insert(rule.kind) {
                ck.push(path!["leave_rules", i, "kind"], ProblemKind::DuplicateLeaveRule);
            }
        }
        ck.found()
    }

    /// Names and labels shown on one line in reports and screens, beyond those
    /// [`Checker::text`] already looks at: a line break in them could forge a report line.
    fn check_one_line_names(&self, ck: &mut Checker) {
        if let Some(prefecture) = &self.prefecture {
            ck.one_line(path!["prefecture"], prefecture);
        }
        for (i, g) in self.competency_groups.iter().enumerate() {
            ck.one_line(path!["competency_groups", i, "name"], &g.name);
        }
        for (i, c) in self.competencies.iter().enumerate() {
            for (j, alias) in c.aliases.iter().enumerate() {
                ck.one_line(path!["competencies", i, "aliases", j], alias);
            }
        }
        for (i, s) in self.job_series.iter().enumerate() {
            for (j, g) in s.grades.iter().enumerate() {
                for (k, alias) in g.aliases.iter().enumerate() {
                    ck.one_line(path!["job_series", i, "grades", j, "aliases", k], alias);
                }
                for (k, role) in g.roles.iter().enumerate() {
                    ck.one_line(path!["job_series", i, "grades", j, "roles", k], role);
                }
            }
        }
        if let Some(rotation) = &self.rotation {
            for (i, f) in rotation.families.iter().enumerate() {
                ck.one_line(path!["rotation", "families", i, "name"], &f.name);
            }
            for (i, d) in rotation.departments.iter().enumerate() {
                ck.one_line(path!["rotation", "departments", i, "name"], &d.name);
            }
            for (i, r) in rotation.rules.iter().enumerate() {
                ck.one_line(path!["rotation", "rules", i, "text"], &r.text);
            }
        }
    }

    fn check_scale(&self, ck: &mut Checker) {
        let Self { scale, .. } = self;
        if scale.min > scale.max {
            ck.push(
                path!["scale", "min"],
                ProblemKind::ScaleBounds {
                    min: scale.min,
                    max: scale.max,
                },
            );
            return;
        }
        let mut seen = HashSet::new();
        for (i, l) in scale.levels.iter().enumerate() {
            if !scale.contains(l.level) {
                ck.push(
                    path!["scale", "levels", i, "level"],
                    ProblemKind::ScaleLevelOutside {
                        level: l.level,
                        min: scale.min,
                        max: scale.max,
                    },
                );
            } else if !seen.insert(l.level) {
                ck.push(
                    path!["scale", "levels", i, "level"],
                    ProblemKind::ScaleLevelDuplicate { level: l.level },
                );
            }
            ck.text(path!["scale", "levels", i, "label"], &l.label);
        }
        for level in scale.min..=scale.max {
            if !seen.contains(&level) {
                ck.push(path!["scale"], ProblemKind::ScaleLabelMissing { level });
            }
        }
    }

    fn check_requirements(&self, ck: &mut Checker, grades: &Known<'_>, competencies: &Known<'_>) {
        let mut seen = HashSet::new();
        for (i, r) in self.requirements.iter().enumerate() {
            ck.reference(path!["requirements", i, "grade"], Entity::Grade, &r.grade, grades);
            ck.reference(
                path!["requirements", i, "competency"],
                Entity::Competency,
                &r.competency,
                competencies,
            );
            ck.level(
                path!["requirements", i, "level"],
                r.level,
                self.scale.min,
                self.scale.max,
            );
            if !seen.insert((r.grade.as_str(), r.competency.as_str())) {
                ck.push(
                    path!["requirements", i],
                    ProblemKind::DuplicateRequirement {
                        grade: r.grade.clone(),
                        competency: r.competency.clone(),
                    },
                );
            }
        }
    }

    fn check_promotion(&self, ck: &mut Checker, grades: &Known<'_>) {
        // Position of each grade: (series index, rank on the ladder).
        let position: HashMap<&str, (usize, usize)> = self
            .job_series
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                s.grades
                    .iter()
                    .enumerate()
                    .map(move |(gi, g)| (g.id.as_str(), (si, gi)))
            })
            .collect();
        let mut seen = HashSet::new();
        let mut edges: Vec<(&str, &str, usize)> = Vec::new();
        for (i, step) in self.promotion.iter().enumerate() {
            ck.reference(path!["promotion", i, "from"], Entity::Grade, &step.from, grades);
            ck.reference(path!["promotion", i, "to"], Entity::Grade, &step.to, grades);
            if step.typical_years < step.min_years {
                ck.push(
                    path!["promotion", i, "typical_years"],
                    ProblemKind::TypicalBelowMinimum {
                        min: step.min_years,
                        typical: step.typical_years,
                    },
                );
            }
            if !seen.insert((step.from.as_str(), step.to.as_str())) {
                ck.push(
                    path!["promotion", i],
                    ProblemKind::DuplicatePromotion {
                        from: step.from.clone(),
                        to: step.to.clone(),
                    },
                );
                continue;
            }
            let (Some(&(from_series, from_rank)), Some(&(to_series, to_rank))) =
                (position.get(step.from.as_str()), position.get(step.to.as_str()))
            else {
                continue;
            };
            let here = path!["promotion", i, "to"];
            if from_series != to_series {
                ck.push(
                    here,
                    ProblemKind::PromotionAcrossSeries {
                        from: step.from.clone(),
                        to: step.to.clone(),
                    },
                );
            } else if from_rank == to_rank {
                ck.push(
                    here,
                    ProblemKind::PromotionToSelf {
                        grade: step.from.clone(),
                    },
                );
            } else if to_rank < from_rank {
                ck.push(
                    here,
                    ProblemKind::PromotionBackwards {
                        from: step.from.clone(),
                        to: step.to.clone(),
                    },
                );
            }
            if step.from != step.to {
                edges.push((step.from.as_str(), step.to.as_str(), i));
            }
        }
        if let Some((cycle, index)) = find_cycle(&edges) {
            ck.push(path!["promotion", index], ProblemKind::PromotionCycle { cycle });
        }
    }

    fn check_rotation(&self, ck: &mut Checker, series: &Known<'_>) {
        let Some(rotation) = &self.rotation else {
            return;
        };
        if rotation.typical_tenure_years == 0 {
            ck.push(path!["rotation", "typical_tenure_years"], ProblemKind::ZeroYears);
        }
        let families = ck.unique_ids(
            Entity::Family,
            rotation
                .families
                .iter()
                .enumerate()
                .map(|(i, f)| (path!["rotation", "families", i, "id"], f.id.as_str())),
        );
        ck.unique_ids(
            Entity::Department,
            rotation
                .departments
                .iter()
                .enumerate()
                .map(|(i, d)| (path!["rotation", "departments", i, "id"], d.id.as_str())),
        );
        for (i, d) in rotation.departments.iter().enumerate() {
            ck.reference(
                path!["rotation", "departments", i, "family"],
                Entity::Family,
                &d.family,
                &families,
            );
            if d.typical_tenure_years == Some(0) {
                ck.push(
                    path!["rotation", "departments", i, "typical_tenure_years"],
                    ProblemKind::ZeroYears,
                );
            }
        }
        ck.unique_ids(
            Entity::Rule,
            rotation
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| (path!["rotation", "rules", i, "id"], r.id.as_str())),
        );
        for (i, rule) in rotation.rules.iter().enumerate() {
            if rule.window_years == 0 {
                ck.push(path!["rotation", "rules", i, "window_years"], ProblemKind::ZeroYears);
            }
            for (j, f) in rule.families.iter().enumerate() {
                ck.reference(
                    path!["rotation", "rules", i, "families", j],
                    Entity::Family,
                    f,
                    &families,
                );
            }
            for (j, s) in rule.series.iter().enumerate() {
                ck.reference(path!["rotation", "rules", i, "series", j], Entity::Series, s, series);
            }
            match rule.kind {
                RotationRuleKind::CoverFamilies if rule.families.is_empty() => {
                    ck.push(path!["rotation", "rules", i, "kind"], ProblemKind::RuleWithoutFamilies);
                }
                RotationRuleKind::DistinctDepartments if rule.min_departments.unwrap_or(0) == 0 => {
                    ck.push(
                        path!["rotation", "rules", i, "kind"],
                        ProblemKind::RuleWithoutDepartmentCount,
                    );
                }
                _ => {}
            }
        }
    }
}

/// A cycle in the promotion graph, as the grade ids along it (first repeated at the end),
/// with the index of the step that closes it.
fn find_cycle<'a>(edges: &[(&'a str, &'a str, usize)]) -> Option<(Vec<String>, usize)> {
    let mut adjacency: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for &(from, to, index) in edges {
        adjacency.entry(from).or_default().push((to, index));
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Active,
        Done,
    }
    let mut marks: HashMap<&str, Mark> = HashMap::new();
    let mut starts: Vec<&str> = edges.iter().map(|e| e.0).collect();
    starts.sort_unstable();
    starts.dedup();
    // Iterative depth-first search: a hostile profile may chain thousands of steps.
    for start in starts {
        if marks.contains_key(start) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Active);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let outgoing = adjacency.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&(to, index)) = outgoing.get(*next) {
                *next += 1;
                match marks.get(to) {
                    Some(Mark::Active) => {
                        let from_pos = stack.iter().position(|(n, _)| *n == to).unwrap_or(0);
                        let mut cycle: Vec<String> = stack[from_pos..].iter().map(|(n, _)| n.to_string()).collect();
                        cycle.push(to.to_string());
                        return Some((cycle, index));
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(to, Mark::Active);
                        stack.push((to, 0));
                    }
                }
            } else {
                marks.insert(node, Mark::Done);
                stack.pop();
            }
        }
    }
    None
}

impl crate::model::Plan {
    /// Every problem in the plan measured against its profile: unknown ids, dates out of
    /// order, overlapping postings, levels off the profile's scale.
    pub fn validate(&self, profile: &Profile) -> Vec<Problem> {
        self.validate_bounded(profile, usize::MAX).problems
    }

    /// The first `limit` problems of the plan, and a count of the rest.
    pub fn validate_bounded(&self, profile: &Profile, limit: usize) -> Found {
        use crate::model::PLAN_SCHEMA_VERSION;
        let mut ck = Checker::new(limit);
        if self.schema_version != PLAN_SCHEMA_VERSION {
            ck.push(
                path!["schema_version"],
                ProblemKind::UnsupportedSchemaVersion {
                    found: self.schema_version,
                },
            );
        }
        if let Some(name) = &self.name {
            ck.one_line(path!["name"], name);
        }
        let series_ids: Known<'_> = profile.job_series.iter().map(|s| s.id.as_str()).collect();
        if let Some(series) = &self.series {
            ck.reference(path!["series"], Entity::Series, series, &series_ids);
        }
        let series = self.series_id(profile).and_then(|id| profile.series(id));
        let ladder: Known<'_> = series
            .into_iter()
            .flat_map(|s| s.grades.iter().map(|g| g.id.as_str()))
            .collect();
        let rank = |id: &str| series.and_then(|s| s.grades.iter().position(|g| g.id == id));
        for (key, grade) in [("grade", &self.grade), ("target_grade", &self.target_grade)] {
            let here = path![key];
            if ladder.contains(grade.as_str()) {
                continue;
            }
            match (profile.grade(grade), series) {
                (Some(_), Some(s)) => ck.push(
                    here,
                    ProblemKind::GradeNotInSeries {
                        grade: grade.clone(),
                        series: s.id.clone(),
                    },
                ),
                _ => ck.reference(here, Entity::Grade, grade, &ladder),
            }
        }
        if let (Some(current), Some(target)) = (rank(&self.grade), rank(&self.target_grade))
            && target < current
        {
            ck.push(
                path!["target_grade"],
                ProblemKind::TargetBelowCurrent {
                    target: self.target_grade.clone(),
                    current: self.grade.clone(),
                },
            );
        }
        if self.hire_date <= self.birth_date {
            ck.push(
                path!["hire_date"],
                ProblemKind::DateOrder {
                    earlier: DateField::BirthDate,
                    later: DateField::HireDate,
                },
            );
        }
        if self.grade_since < self.hire_date {
            ck.push(
                path!["grade_since"],
                ProblemKind::DateOrder {
                    earlier: DateField::HireDate,
                    later: DateField::GradeSince,
                },
            );
        }

        let trainings: Known<'_> = profile.trainings.iter().map(|t| t.id.as_str()).collect();
        for (key, list) in [
            ("completed_trainings", &self.completed_trainings),
            ("planned_trainings", &self.planned_trainings),
        ] {
            let mut seen = HashSet::new();
            for (i, t) in list.iter().enumerate() {
                ck.reference(path![key, i], Entity::Training, t, &trainings);
                if !seen.insert(t.as_str()) {
                    ck.push(path![key, i], ProblemKind::DuplicateEntry { id: t.clone() });
                }
            }
        }

        let planned: HashSet<&str> = self.planned_trainings.iter().map(String::as_str).collect();
        for id in self.planned_years.keys() {
            let here = path!["planned_years"].key(id.clone());
            if !trainings.contains(id.as_str()) {
                ck.reference(here, Entity::Training, id, &trainings);
            } else if !planned.contains(id.as_str()) {
                ck.push(here, ProblemKind::YearForUnplannedTraining { id: id.clone() });
            }
        }

        let competencies: Known<'_> = profile.competencies.iter().map(|c| c.id.as_str()).collect();
        for (key, levels) in [
            ("self_assessment", &self.self_assessment),
            ("supervisor_assessment", &self.supervisor_assessment),
        ] {
            for (competency, &level) in levels {
                ck.reference_key(key, competency, &competencies);
                if !profile.scale.contains(level) {
                    ck.push(
                        path![key].key(competency.clone()),
                        ProblemKind::LevelOutsideScale {
                            level,
                            min: profile.scale.min,
                            max: profile.scale.max,
                        },
                    );
                }
            }
        }
        for (competency, evidence) in &self.evidence {
            ck.reference_key("evidence", competency, &competencies);
            ck.lines(path!["evidence"].key(competency.clone()), evidence);
        }
        for (i, constraint) in self.constraints.iter().enumerate() {
            ck.lines(path!["constraints", i], constraint);
        }

        let families: Known<'_> = profile
            .rotation
            .iter()
            .flat_map(|r| r.families.iter().map(|f| f.id.as_str()))
            .collect();
        let mut previous: Option<&crate::model::Assignment> = None;
        for (i, a) in self.assignments.iter().enumerate() {
            ck.one_line(path!["assignments", i, "department"], &a.department);
            if let Some(family) = &a.family {
                ck.reference(path!["assignments", i, "family"], Entity::Family, family, &families);
            }
            if let Some(to) = a.to
                && to < a.from
            {
                ck.push(
                    path!["assignments", i, "to"],
                    ProblemKind::DateOrder {
                        earlier: DateField::From,
                        later: DateField::To,
                    },
                );
            }
            if a.from < self.hire_date {
                ck.push(
                    path!["assignments", i, "from"],
                    ProblemKind::DateOrder {
                        earlier: DateField::HireDate,
                        later: DateField::From,
                    },
                );
            }
            if let Some(prev) = previous {
                match prev.to {
                    Some(end) if end < a.from => {}
                    _ => ck.push(
                        path!["assignments", i, "from"],
                        ProblemKind::OverlappingPostings {
                            previous_from: prev.from.to_string(),
                        },
                    ),
                }
            }
            previous = Some(a);
        }
        for (i, leave) in self.leaves.iter().enumerate() {
            if let Some(note) = &leave.note {
                ck.one_line(path!["leaves", i, "note"], note);
            }
            if let Some(to) = leave.to
                && to < leave.from
            {
                ck.push(
                    path!["leaves", i, "to"],
                    ProblemKind::DateOrder {
                        earlier: DateField::From,
                        later: DateField::To,
                    },
                );
            }
        }
        ck.found()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_documented_form() {
        assert!(is_valid_id("shunin"));
        assert!(is_valid_id("gyosei_shuji-2"));
        assert!(!is_valid_id("Shunin"));
        assert!(!is_valid_id("2shunin"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("主任"));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn partial_dates() {
        assert!(is_valid_partial_date("2024"));
        assert!(is_valid_partial_date("2024-04"));
        assert!(is_valid_partial_date("2024-04-01"));
        assert!(!is_valid_partial_date("2024-13"));
        assert!(!is_valid_partial_date("令和6年"));
        assert!(!is_valid_partial_date("2024-4"));
    }

    #[test]
    fn cycles_are_found_and_named() {
        let edges = [("a", "b", 0), ("b", "c", 1), ("c", "a", 2)];
        let (cycle, index) = find_cycle(&edges).expect("cycle");
        assert_eq!(cycle, ["a", "b", "c", "a"]);
        assert_eq!(index, 2);
        assert!(find_cycle(&[("a", "b", 0), ("b", "c", 1)]).is_none());
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let names: Vec<String> = (0..100_000).map(|i| format!("g{i}")).collect();
        let edges: Vec<(&str, &str, usize)> = names
            .windows(2)
            .enumerate()
            .map(|(i, w)| (w[0].as_str(), w[1].as_str(), i))
            .collect();
        assert!(find_cycle(&edges).is_none());
    }
}
