//! The rows of each list, as item keys, and selections that follow the item.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::Emphasis;
use crate::store::personas::PERSONAS;
use crate::store::profiles::BUNDLED_HEADERS;
use crate::tui::state::Start;
use crate::tui::state::doc::Doc;

/// A selection that remembers the item, and the row it was on for when the item goes away.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection<K> {
    pub key: Option<K>,
    /// Row of the item when last selected: where the selection lands if it disappears.
    pub row: usize,
}

impl<K> Default for Selection<K> {
    fn default() -> Self {
        Selection { key: None, row: 0 }
    }
}

impl<K: PartialEq + Clone> Selection<K> {
    /// The selected row in `rows`: the item's row, else the nearest to where it was.
    pub fn index(&self, rows: &[K]) -> usize {
        self.key
            .as_ref()
            .and_then(|k| rows.iter().position(|r| r == k))
            .unwrap_or_else(|| self.row.min(rows.len().saturating_sub(1)))
    }

    pub fn selected<'r>(&self, rows: &'r [K]) -> Option<&'r K> {
        rows.get(self.index(rows))
    }

    /// Selects row `index` of `rows` (clamped).
    pub fn select(&mut self, rows: &[K], index: usize) {
        let index = index.min(rows.len().saturating_sub(1));
        self.key = rows.get(index).cloned();
        self.row = index;
    }

    /// Settles the selection on an item of `rows` (the one selected, or the row's item when
    /// that is gone or none was chosen yet), so the next change follows that item.
    pub fn pin(&mut self, rows: &[K]) {
        let index = self.index(rows);
        self.select(rows, index);
    }

    pub fn select_key(&mut self, rows: &[K], key: K) {
        if let Some(i) = rows.iter().position(|r| *r == key) {
            self.row = i;
        }
        self.key = Some(key);
    }
}

/// Rows of the "My situation" editor's basics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    BirthDate,
    HireDate,
    Series,
    Grade,
    GradeSince,
    TargetGrade,
    TargetFy,
    Track,
    /// The field within the plan's course (shown when the profile has courses).
    CourseField,
    /// Since when the course is followed (shown when the profile has courses).
    CourseSince,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Name,
        Field::BirthDate,
        Field::HireDate,
        Field::Series,
        Field::Grade,
        Field::GradeSince,
        Field::TargetGrade,
        Field::TargetFy,
        Field::Track,
        Field::CourseField,
        Field::CourseSince,
    ];

    /// The plan field this row edits (its label is the one messages use too).
    pub fn plan_field(self) -> crate::i18n::fields::PlanField {
        use crate::i18n::fields::PlanField;
        match self {
            Field::Name => PlanField::Name,
            Field::BirthDate => PlanField::BirthDate,
            Field::HireDate => PlanField::HireDate,
            Field::Series => PlanField::Series,
            Field::Grade => PlanField::Grade,
            Field::GradeSince => PlanField::GradeSince,
            Field::TargetGrade => PlanField::TargetGrade,
            Field::TargetFy => PlanField::TargetFy,
            Field::Track => PlanField::Track,
            Field::CourseField => PlanField::CourseField,
            Field::CourseSince => PlanField::CourseSince,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        self.plan_field().label(lang)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Basics,
    Assessment,
    Postings,
    Leaves,
    Trainings,
    Constraints,
}

impl Section {
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Basics => lang.pick("基本情報", "Basics"),
            Section::Assessment => lang.pick(
                "自己評価（+ - で本人、> < で上司、e で根拠）",
                "Self-assessment (+ - self, > < supervisor, e evidence)",
            ),
            Section::Postings => lang.pick("配属歴", "Postings"),
            Section::Leaves => lang.pick("休業等", "Leave"),
            Section::Trainings => lang.pick("受講済みの研修", "Trainings completed"),
            Section::Constraints => lang.pick("本人の事情（配属で考慮してほしいこと）", "Personal constraints"),
        }
    }
}

/// A row of the situation editor.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SitRow {
    Header(Section),
    Field(Field),
    Competency(String),
    Posting(usize),
    AddPosting,
    Leave(usize),
    AddLeave,
    Training(String),
    AddTraining,
    Constraint(usize),
    AddConstraint,
}

pub fn situation_rows(doc: &Doc) -> Vec<SitRow> {
    let p = &doc.plan;
    let mut rows = vec![SitRow::Header(Section::Basics)];
    let courses = !doc.profile.courses.is_empty();
    rows.extend(
        Field::ALL
            .iter()
            .filter(|f| courses || !matches!(f, Field::CourseField | Field::CourseSince))
            .map(|f| SitRow::Field(*f)),
    );
    rows.push(SitRow::Header(Section::Assessment));
    rows.extend(
        doc.profile
            .competencies
            .iter()
            .map(|c| SitRow::Competency(c.id.clone())),
    );
    rows.push(SitRow::Header(Section::Postings));
    rows.extend((0..p.assignments.len()).map(SitRow::Posting));
    rows.push(SitRow::AddPosting);
    rows.push(SitRow::Header(Section::Leaves));
    rows.extend((0..p.leaves.len()).map(SitRow::Leave));
    rows.push(SitRow::AddLeave);
    rows.push(SitRow::Header(Section::Trainings));
    rows.extend(p.completed_trainings.iter().cloned().map(SitRow::Training));
    rows.push(SitRow::AddTraining);
    rows.push(SitRow::Header(Section::Constraints));
    rows.extend((0..p.constraints.len()).map(SitRow::Constraint));
    rows.push(SitRow::AddConstraint);
    rows
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapSort {
    Emphasis,
    Gap,
    Document,
    /// Self vs supervisor (本人と上司の差): the largest difference between the two first.
    Disagreement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapFilter {
    All,
    WithGap,
    KeyOnly,
}

impl GapFilter {
    /// Whether the filter keeps a competency the target grade states.
    fn keeps(self, gap: &crate::engine::Gap) -> bool {
        match self {
            GapFilter::All => true,
            GapFilter::WithGap => gap.gap.is_none_or(|n| n > 0),
            GapFilter::KeyOnly => gap.emphasis == Emphasis::Key,
        }
    }
}

/// Gap rows (competency ids) in display order.
pub fn gap_rows(doc: &Doc) -> Vec<String> {
    if doc.gap_sort == GapSort::Disagreement {
        return disagreement_rows(doc);
    }
    let gaps = &doc.analysis.target.gaps;
    let mut rows: Vec<(usize, &crate::engine::Gap)> = gaps
        .iter()
        .enumerate()
        .filter(|(_, g)| doc.gap_filter.keeps(g))
        .collect();
    match doc.gap_sort {
        GapSort::Emphasis | GapSort::Disagreement => {}
        GapSort::Gap => rows.sort_by_key(|(i, g)| (std::cmp::Reverse(g.gap.unwrap_or(0)), *i)),
        GapSort::Document => {
            let order = document_order(doc);
            rows.sort_by_key(|(_, g)| order.get(g.competency.as_str()).copied().unwrap_or(usize::MAX));
        }
    }
    rows.into_iter().map(|(_, g)| g.competency.clone()).collect()
}

fn document_order(doc: &Doc) -> std::collections::HashMap<&str, usize> {
    doc.profile
        .competencies
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect()
}

/// Self vs supervisor: the competencies either side assessed in the engine's order (the
/// largest difference first), then the target grade's competencies neither side assessed,
/// in document order. A competency the target grade does not state (記載なし) is a row
/// only while nothing is filtered out: it has neither a gap nor a mark to filter by.
fn disagreement_rows(doc: &Doc) -> Vec<String> {
    let report = &doc.analysis.target;
    let gaps: std::collections::HashMap<&str, &crate::engine::Gap> =
        report.gaps.iter().map(|g| (g.competency.as_str(), g)).collect();
    let not_stated: std::collections::HashSet<&str> = report.not_stated.iter().map(|n| n.competency.as_str()).collect();
    let keeps = |id: &str| match gaps.get(id) {
        Some(g) => doc.gap_filter.keeps(g),
        None => doc.gap_filter == GapFilter::All && not_stated.contains(id),
    };
    let mut rows: Vec<String> = doc
        .analysis
        .disagreements
        .iter()
        .map(|d| d.competency.as_str())
        .filter(|id| keeps(id))
        .map(str::to_string)
        .collect();
    let mut rest: Vec<&crate::engine::Gap> = report
        .gaps
        .iter()
        .filter(|g| doc.gap_filter.keeps(g) && !rows.contains(&g.competency))
        .collect();
    let order = document_order(doc);
    rest.sort_by_key(|g| order.get(g.competency.as_str()).copied().unwrap_or(usize::MAX));
    rows.extend(rest.into_iter().map(|g| g.competency.clone()));
    rows
}

/// A training row: suggested for a year, another training of the profile, or completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainingRow {
    /// Index into the analysis' suggestions.
    Suggested(usize),
    /// Index into the profile's trainings: not suggested, not completed.
    Other(usize),
    /// Index into the plan's completed trainings.
    Done(usize),
}

/// Training rows in display order with their training ids (every training of the profile
/// appears exactly once, so any can be marked).
pub fn training_rows(doc: &Doc) -> Vec<(TrainingRow, String)> {
    let mut rows: Vec<(TrainingRow, String)> = doc
        .analysis
        .trainings
        .iter()
        .enumerate()
        .map(|(i, s)| (TrainingRow::Suggested(i), s.id.clone()))
        .collect();
    let shown: std::collections::HashSet<&str> = doc
        .analysis
        .trainings
        .iter()
        .map(|s| s.id.as_str())
        .chain(doc.plan.completed_trainings.iter().map(String::as_str))
        .collect();
    rows.extend(
        doc.profile
            .trainings
            .iter()
            .enumerate()
            .filter(|(_, t)| !shown.contains(t.id.as_str()))
            .map(|(i, t)| (TrainingRow::Other(i), t.id.clone())),
    );
    rows.extend(
        doc.plan
            .completed_trainings
            .iter()
            .enumerate()
            .map(|(i, id)| (TrainingRow::Done(i), id.clone())),
    );
    rows
}

/// Path rows: the current grade, then each step up (grade ids).
pub fn path_rows(doc: &Doc) -> Vec<String> {
    std::iter::once(doc.plan.grade.clone())
        .chain(doc.analysis.trajectory.steps.iter().map(|s| s.grade.clone()))
        .collect()
}

/// A row of the start screen.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StartKey {
    Draft(PathBuf),
    Saved(PathBuf),
    New(String),
    Persona(&'static str),
    FailedProfile(PathBuf),
    /// Workshop mode: start (or resume) the cohort's guided tour.
    Tour,
}

/// Whether the catalog is the empty one of the first frame, before the profiles are read
/// (no profile and no failure yet): the bundled municipalities are listed from their
/// headers then.
pub fn profiles_pending(catalog: &crate::store::Catalog) -> bool {
    catalog.entries.is_empty() && catalog.failed.is_empty()
}

pub fn start_rows(start: &Start, catalog: &crate::store::Catalog) -> Vec<StartKey> {
    let mut rows: Vec<StartKey> = start.first.clone();
    rows.extend(start.drafts.iter().map(|d| StartKey::Draft(d.path.clone())));
    rows.extend(start.saved.iter().map(|s| StartKey::Saved(s.path.clone())));
    if profiles_pending(catalog) {
        rows.extend(BUNDLED_HEADERS.iter().map(|h| StartKey::New(h.id.to_string())));
    }
    rows.extend(catalog.entries.iter().map(|e| StartKey::New(e.profile.id.clone())));
    rows.extend(
        PERSONAS
            .iter()
            .map(|(name, _)| StartKey::Persona(name))
            .filter(|key| !start.first.contains(key)),
    );
    rows.extend(catalog.failed.iter().map(|f| StartKey::FailedProfile(f.path.clone())));
    rows
}

/// The roles view's rows: the target grade's roles by number (1 = the document's first).
pub fn role_rows(doc: &Doc) -> Vec<u16> {
    doc.analysis.roles.roles.iter().map(|r| r.number).collect()
}

/// One entry of the support view (育成の仕組み), by its position in the profile's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportEntry {
    Ideal(usize),
    Measure(usize),
    /// The evaluation system as a whole (人事評価): its words, periods and evaluators.
    Evaluation,
    /// A kind of evaluation, with its 行動基準 or 着眼点.
    EvaluationKind(usize),
    /// A 評語 scale with its definitions.
    RatingScale(usize),
    /// The self-report (自己申告).
    SelfReport,
    Delivery(usize),
    /// How the profile reads levels; only where it has an ability table.
    Scale,
}

/// The support view's entries in order: the ideals (目指す職員像), the measures, the
/// evaluation system and the self-report where the document describes them, the ways of
/// delivering training, then how the profile reads levels.
pub fn support_entries(p: &crate::model::Profile) -> Vec<SupportEntry> {
    let mut entries: Vec<SupportEntry> = (0..p.ideals.len()).map(SupportEntry::Ideal).collect();
    entries.extend((0..p.measures.len()).map(SupportEntry::Measure));
    if let Some(evaluation) = &p.evaluation {
        entries.push(SupportEntry::Evaluation);
        entries.extend((0..evaluation.kinds.len()).map(SupportEntry::EvaluationKind));
        entries.extend((0..evaluation.scales.len()).map(SupportEntry::RatingScale));
    }
    if p.self_report.is_some() {
        entries.push(SupportEntry::SelfReport);
    }
    entries.extend((0..p.delivery_methods.len()).map(SupportEntry::Delivery));
    if !p.competencies.is_empty() {
        entries.push(SupportEntry::Scale);
    }
    entries
}

/// The support view's rows, by position in [`support_entries`].
pub fn support_rows(doc: &Doc) -> Vec<usize> {
    (0..support_entries(&doc.profile).len()).collect()
}
