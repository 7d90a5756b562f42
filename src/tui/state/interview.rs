//! The Interview view's rows (面談記録): the chosen fiscal year's interviews, each with its
//! comments, agreed next steps, agreed trainings and goals, then the notes of the period
//! (職務行動記録メモ). Rows name the plan's entries by their position in the plan's lists,
//! so an edit changes exactly the entry shown.

use crate::i18n::Lang;
use crate::model::{FiscalYear, Note, NoteAuthor};
use crate::tui::state::doc::Doc;

/// A row of the Interview view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IvRow {
    /// An interview: kind, date, evaluators (index into the plan's interviews).
    Interview(usize),
    /// 本人の所見 or 上司の所見 of an interview.
    Comment(usize, NoteAuthor),
    /// 合意した次の一歩.
    NextSteps(usize),
    /// 合意した研修.
    AgreedTrainings(usize),
    /// A goal of an interview (interview, goal).
    Goal(usize, usize),
    AddGoal(usize),
    AddInterview,
    /// The notes' heading: the order they are listed in.
    NotesHeader,
    /// A note (index into the plan's notes).
    Note(usize),
    AddNote,
}

impl IvRow {
    /// The interview a row belongs to.
    pub fn interview(self) -> Option<usize> {
        match self {
            IvRow::Interview(i)
            | IvRow::Comment(i, _)
            | IvRow::NextSteps(i)
            | IvRow::AgreedTrainings(i)
            | IvRow::Goal(i, _)
            | IvRow::AddGoal(i) => Some(i),
            _ => None,
        }
    }

    /// Whether the row is in the notes' part of the view.
    pub fn in_notes(self) -> bool {
        matches!(self, IvRow::NotesHeader | IvRow::Note(_) | IvRow::AddNote)
    }
}

/// The order the notes of the period are listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteOrder {
    #[default]
    Date,
    /// By competency in the document's order (notes on none last), then by date.
    Competency,
    /// The employee's first, then the supervisor's, each by date.
    Author,
}

impl NoteOrder {
    pub fn next(self) -> NoteOrder {
        match self {
            NoteOrder::Date => NoteOrder::Competency,
            NoteOrder::Competency => NoteOrder::Author,
            NoteOrder::Author => NoteOrder::Date,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NoteOrder::Date => lang.pick("日付順", "by date"),
            NoteOrder::Competency => lang.pick("能力別", "by competency"),
            NoteOrder::Author => lang.pick("記入者別", "by author"),
        }
    }
}

pub fn side_label(side: NoteAuthor, lang: Lang) -> &'static str {
    match side {
        NoteAuthor::Own => lang.pick("本人", "Self"),
        NoteAuthor::Supervisor => lang.pick("上司", "Supervisor"),
    }
}

/// The interviews of fiscal year `fy`, by date (then as recorded).
pub fn interviews_of(doc: &Doc, fy: FiscalYear) -> Vec<usize> {
    let mut list: Vec<usize> = (0..doc.plan.interviews.len())
        .filter(|i| doc.plan.interviews.get(*i).is_some_and(|iv| iv.fy == fy))
        .collect();
    list.sort_by_key(|i| doc.plan.interviews.get(*i).map(|iv| iv.date));
    list
}

/// The notes dated in fiscal year `fy`, in `order`.
pub fn notes_of(doc: &Doc, fy: FiscalYear, order: NoteOrder) -> Vec<usize> {
    let notes = &doc.plan.notes;
    let mut list: Vec<usize> = (0..notes.len())
        .filter(|i| notes.get(*i).is_some_and(|n| n.date.fiscal_year() == fy))
        .collect();
    let rank: std::collections::HashMap<&str, usize> = doc
        .profile
        .competencies
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let key = |n: &Note| match order {
        NoteOrder::Date => (0, 0, n.date),
        NoteOrder::Competency => (
            n.competency
                .as_deref()
                .and_then(|c| rank.get(c).copied())
                .unwrap_or(usize::MAX),
            0,
            n.date,
        ),
        NoteOrder::Author => (0, usize::from(n.author == NoteAuthor::Supervisor), n.date),
    };
    list.sort_by_key(|i| notes.get(*i).map(key));
    list
}

/// The view's rows in display order.
pub fn interview_rows(doc: &Doc) -> Vec<IvRow> {
    let fy = doc.interview_fy;
    let mut rows = Vec::new();
    for i in interviews_of(doc, fy) {
        let Some(iv) = doc.plan.interviews.get(i) else { continue };
        rows.push(IvRow::Interview(i));
        rows.push(IvRow::Comment(i, NoteAuthor::Own));
        rows.push(IvRow::Comment(i, NoteAuthor::Supervisor));
        rows.push(IvRow::NextSteps(i));
        rows.push(IvRow::AgreedTrainings(i));
        rows.extend((0..iv.goals.len()).map(|g| IvRow::Goal(i, g)));
        rows.push(IvRow::AddGoal(i));
    }
    rows.push(IvRow::AddInterview);
    rows.push(IvRow::NotesHeader);
    rows.extend(notes_of(doc, fy, doc.note_order).into_iter().map(IvRow::Note));
    rows.push(IvRow::AddNote);
    rows
}
