//! Consistency checks on a parsed profile: ids, references, ladders, the scale, the
//! promotion model. Pure: each problem names the field it concerns by path; the store
//! turns paths into file positions.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::Plan;
use crate::model::profile::{PROFILE_SCHEMA_V1, PROFILE_SCHEMA_VERSION, Profile, RotationRuleKind, ScaleKind};
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
    /// The date of an interview.
    InterviewDate,
    /// A goal's due date.
    GoalDue,
    /// The date of a note.
    NoteDate,
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
            DateField::InterviewDate | DateField::NoteDate => "date",
            DateField::GoalDue => "due",
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
            DateField::InterviewDate => PlanField::InterviewDate,
            DateField::GoalDue => PlanField::GoalDue,
            DateField::NoteDate => PlanField::NoteDate,
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
    NoSeries,
    EmptyLadder {
        series: String,
    },
    ScaleBounds {
        min: u8,
        max: u8,
    },
    /// A format 2 rule (see `validate/format.rs`).
    Format(FormatRule),
    /// A rule of the evaluation, self-report or promotion assumption (see
    /// `validate/evaluation.rs`).
    Evaluation(EvaluationRule),
    /// A rotation rule or tenure that cannot be read or met (see `validate/rotation.rs`).
    Rotation(RotationProblem),
    /// A rule of ladders and posts (see `validate/posts.rs`).
    Posts(PostRule),
    /// A name or alias written where an id belongs that several things go by.
    AmbiguousName {
        entity: Entity,
        name: String,
        /// The things it could mean: `id（name, where）`.
        candidates: Vec<String>,
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
    /// A second course marked `default = true`.
    SecondDefaultCourse,
    /// A course chosen before the years of service it asks.
    CourseNotOpen {
        course: String,
        after_years: u8,
    },
    /// An interview's goals weigh more than 100% together.
    GoalWeights {
        total: u32,
    },
    /// A goal due after the employee retires.
    GoalAfterRetirement {
        retires: crate::model::Date,
    },
    /// A course chosen below the grade it opens at.
    CourseBelowGrade {
        course: String,
        grade: String,
    },
    /// A life-line 充実度 outside −5…+5.
    LifelineScore {
        score: i64,
    },
    /// A life-line year outside the years of service (hire to retirement).
    LifelineYearOutside {
        fy: i32,
        first: i32,
        last: i32,
    },
    /// A ticked role number the grade does not have.
    RoleNumber {
        number: u16,
        count: usize,
    },
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
    /// Ids reported as malformed or duplicated, with the problem that reported them: what
    /// refers to them (or to what they were meant to be) is that problem's consequence.
    wrong: HashMap<&'a str, Cause>,
}

/// The problem another one follows from: its index among the problems kept, or `None`
/// when it was only counted.
type Cause = Option<usize>;

impl<'a> Known<'a> {
    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// The problem behind `id` when it is itself reported (malformed or duplicated).
    fn wrong(&self, id: &str) -> Option<Cause> {
        self.wrong.get(id).copied()
    }

    /// The problem behind an unknown reference that is a misspelling of a reported id
    /// (`shunin` for the malformed `Shunin`).
    fn wrong_nearby(&self, id: &str) -> Option<Cause> {
        if self.wrong.is_empty() {
            return None;
        }
        let lower = id.to_lowercase();
        let found = self
            .wrong
            .iter()
            .find(|(w, _)| w.to_lowercase() == lower || w.trim() == id);
        if let Some((_, cause)) = found {
            return Some(*cause);
        }
        let mut wrong: Vec<&str> = self.wrong.keys().copied().collect();
        wrong.sort_unstable();
        closest(id, wrong.iter().copied()).and_then(|w| self.wrong.get(w).copied())
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
            wrong: HashMap::new(),
        }
    }
}

/// Collects problems: the first `limit` are built, the rest only counted, so a file with a
/// hundred thousand mistakes costs a count, not a hundred thousand messages.
struct Checker {
    problems: Vec<Problem>,
    limit: usize,
    more: usize,
    /// Per problem kept, how many others it causes (not told).
    caused: Vec<usize>,
    follow_ons: usize,
    /// Unknown references told, by kind and id: a second reference to the same unknown id
    /// has the same cause.
    unknown: HashMap<(Entity, String), Cause>,
}

impl Checker {
    fn new(limit: usize) -> Self {
        Checker {
            problems: Vec::new(),
            limit,
            more: 0,
            caused: Vec::new(),
            follow_ons: 0,
            unknown: HashMap::new(),
        }
    }

    /// The place the next problem kept will take, if it is kept.
    fn next_cause(&self) -> Cause {
        (!self.full()).then_some(self.problems.len())
    }

    /// A problem that follows from `cause`: counted there, not told.
    fn follow_on(&mut self, cause: Cause) {
        self.follow_ons += 1;
        if let Some(i) = cause {
            if self.caused.len() <= i {
                self.caused.resize(i + 1, 0);
            }
            self.caused[i] += 1;
        }
    }

    /// `kind` at `path`, unless one of `ids` is itself reported in `known`: then it
    /// follows from that problem.
    fn push_unless_caused(&mut self, path: FieldPath, kind: ProblemKind, known: &Known<'_>, ids: &[&str]) {
        match ids.iter().find_map(|id| known.wrong(id)) {
            Some(cause) => self.follow_on(cause),
            None => self.push(path, kind),
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
            follow_ons: self.follow_ons,
            caused: self.caused,
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
        let mut wrong = HashMap::new();
        for (path, id) in ids {
            if !is_valid_id(id) {
                wrong.entry(id).or_insert(self.next_cause());
                self.push(path.clone(), ProblemKind::InvalidId { value: id.to_string() });
            }
            if !seen.insert(id) {
                wrong.entry(id).or_insert(self.next_cause());
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
            wrong,
        }
    }

    /// A reference to an id of `known`. An unknown id is told once: further references to
    /// it, and references to what a malformed or duplicated id was meant to be, follow
    /// from the problem already told.
    fn reference(&mut self, path: FieldPath, entity: Entity, id: &str, known: &Known<'_>) {
        if known.contains(id) {
            return;
        }
        if let Some(cause) = known.wrong_nearby(id) {
            self.follow_on(cause);
            return;
        }
        if let Some(&cause) = self.unknown.get(&(entity, id.to_string())) {
            self.follow_on(cause);
            return;
        }
        let cause = self.next_cause();
        self.unknown.insert((entity, id.to_string()), cause);
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
    /// Problems not told because another one causes them (a reference to an id that is
    /// itself reported, a second reference to the same unknown id).
    pub follow_ons: usize,
    /// Per problem built (by index; missing means none), how many of those it causes.
    pub caused: Vec<usize>,
}

impl Found {
    /// How many problems not told follow from the `index`th one.
    pub fn caused_by(&self, index: usize) -> usize {
        self.caused.get(index).copied().unwrap_or(0)
    }
}

mod advice;
mod entity;
pub use entity::Entity;
mod courses;
mod evaluation;
mod format;
mod interviews;
mod messages;
pub use advice::{Advice, SourceList, Warning};
pub use evaluation::EvaluationRule;
pub use format::FormatRule;
mod plan;
mod posts;
pub use posts::PostRule;
mod profile;
mod rotation;
mod workshop;
pub use rotation::{Arithmetic, RotationProblem};
#[cfg(test)]
mod tests;
