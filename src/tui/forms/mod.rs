//! Typed forms: each pop-up that takes input is a struct with named fields and a
//! `to_…() -> Result<_, FormError>`, never a list read by position.

pub mod export;
pub mod interview;
pub mod text;

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::{Assignment, Date, FiscalYear, Leave, LeaveKind, Profile};
use crate::tui::state::{Field, Said};

pub use export::ExportForm;
pub use interview::{GoalForm, InterviewForm, NoteForm};
pub use text::TextInput;

/// Why a form's input cannot be used; shown in the form, which stays open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError(pub Said);

/// A date as typed. Accepts what `Date::parse_input` accepts.
pub fn parse_date(field: PlanField, text: &str) -> Result<Date, FormError> {
    Date::parse_input(text)
        .map_err(|e| FormError(Said::each(|lang| format!("{}: {}", field.label(lang), e.message(lang)))))
}

fn parse_optional_date(field: PlanField, text: &str) -> Result<Option<Date>, FormError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, text).map(Some)
    }
}

/// A period as typed: its start, and its end when given (never before the start).
fn period(from: &TextInput, to: &TextInput) -> Result<(Date, Option<Date>), FormError> {
    let from = parse_date(PlanField::Start, &from.text())?;
    let to = parse_optional_date(PlanField::End, &to.text())?;
    if to.is_some_and(|to| to < from) {
        return Err(FormError(Said::new(
            "終了日が開始日より前です",
            "the end date is before the start date",
        )));
    }
    Ok((from, to))
}

/// A fiscal year as typed (2032, 令和14年度, R14); empty means none.
pub fn parse_fiscal_year(text: &str) -> Result<Option<FiscalYear>, FormError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::model::parse_fiscal_year_input(text)
        .map(Some)
        .map_err(|e| FormError(Said::each(|lang| e.message(lang))))
}

/// What a one-line prompt edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptFor {
    Field(Field),
    /// Save the open plan under a name or path.
    SaveAs,
    /// Rename a saved plan file.
    Rename(PathBuf),
    /// The folder whose plans the team list shows.
    TeamFolder,
    /// The roster file (CSV or Excel) for the roster report.
    RosterFile,
    /// The posting history (CSV or Excel) for the roster screen's rotation page.
    RosterHistory,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub target: PromptFor,
    pub input: TextInput,
    pub error: Option<Said>,
}

impl Prompt {
    pub fn new(target: PromptFor, text: &str) -> Prompt {
        Prompt {
            target,
            input: TextInput::new(text),
            error: None,
        }
    }
}

/// What a multi-line editor edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorFor {
    Evidence(String),
    /// A constraint (None: a new one).
    Constraint(Option<usize>),
    /// 本人の所見 or 上司の所見 of an interview.
    Comment(usize, crate::model::NoteAuthor),
    /// An interview's agreed next steps, one per line.
    NextSteps(usize),
    /// The participant's own words in a Will-Can-Must pane.
    Wcm(crate::tui::state::WcmPane),
    /// The note of a life-line year.
    LifelineNote(crate::model::FiscalYear),
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub target: EditorFor,
    pub input: TextInput,
    pub error: Option<Said>,
}

impl Editor {
    pub fn new(target: EditorFor, text: &str) -> Editor {
        Editor {
            target,
            input: TextInput::multiline(text),
            error: None,
        }
    }
}

/// A value chosen from a list with ← →.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// (id, label); an empty id means "none".
    pub options: Vec<(String, String)>,
    pub selected: usize,
}

impl Choice {
    pub fn id(&self) -> Option<&str> {
        self.options
            .get(self.selected)
            .map(|(id, _)| id.as_str())
            .filter(|id| !id.is_empty())
    }

    pub fn label(&self) -> &str {
        self.options.get(self.selected).map_or("", |(_, l)| l.as_str())
    }

    pub fn step(&mut self, forward: bool) {
        let n = self.options.len().max(1);
        self.selected = if forward {
            (self.selected + 1) % n
        } else {
            (self.selected + n - 1) % n
        };
    }
}

/// The posting form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostingField {
    Department,
    FreeText,
    Family,
    From,
    To,
}

#[derive(Debug, Clone)]
pub struct PostingForm {
    /// The posting edited (None: a new one).
    pub index: Option<usize>,
    pub department: Choice,
    pub free_text: TextInput,
    pub family: Choice,
    pub from: TextInput,
    pub to: TextInput,
}

impl PostingForm {
    pub const FIELDS: [PostingField; 5] = [
        PostingField::Department,
        PostingField::FreeText,
        PostingField::Family,
        PostingField::From,
        PostingField::To,
    ];

    pub fn new(profile: &Profile, existing: Option<(usize, &Assignment)>, default_from: Date) -> PostingForm {
        let rotation = profile.rotation.as_ref();
        let mut departments = vec![(String::new(), String::new())];
        departments.extend(
            rotation
                .iter()
                .flat_map(|r| r.departments.iter().map(|d| (d.id.clone(), d.name.clone()))),
        );
        let mut families = vec![(String::new(), String::new())];
        families.extend(
            rotation
                .iter()
                .flat_map(|r| r.families.iter().map(|f| (f.id.clone(), f.name.clone()))),
        );
        let posting = existing.map(|(_, a)| a);
        let department = posting
            .and_then(|a| departments.iter().position(|(id, _)| *id == a.department))
            .unwrap_or(0);
        let free_text = posting
            .filter(|_| department == 0)
            .map(|a| a.department.as_str())
            .unwrap_or("");
        let family = posting
            .and_then(|a| a.family.as_ref())
            .and_then(|f| families.iter().position(|(id, _)| id == f))
            .unwrap_or(0);
        PostingForm {
            index: existing.map(|(i, _)| i),
            department: Choice {
                options: departments,
                selected: department,
            },
            free_text: TextInput::new(free_text),
            family: Choice {
                options: families,
                selected: family,
            },
            from: TextInput::new(&posting.map_or(default_from, |a| a.from).to_string()),
            to: TextInput::new(&posting.and_then(|a| a.to).map(|d| d.to_string()).unwrap_or_default()),
        }
    }

    pub fn label(field: PostingField, lang: Lang) -> &'static str {
        match field {
            PostingField::Department => lang.pick("部署", "Department"),
            PostingField::FreeText => lang.pick("部署名（一覧にないとき）", "Department (not listed)"),
            PostingField::Family => lang.pick("系統", "Family"),
            PostingField::From => lang.pick("開始日", "From"),
            PostingField::To => lang.pick("終了日（空欄=現在）", "To (empty = current)"),
        }
    }

    pub fn to_assignment(&self) -> Result<Assignment, FormError> {
        let department = match self.department.id() {
            Some(id) => id.to_string(),
            None => self.free_text.text().trim().to_string(),
        };
        if department.is_empty() {
            return Err(FormError(Said::new(
                "部署を一覧から選ぶか、部署名を入力してください",
                "choose a department from the list or type its name",
            )));
        }
        let (from, to) = period(&self.from, &self.to)?;
        Ok(Assignment {
            department,
            family: self.family.id().map(str::to_string),
            from,
            to,
        })
    }
}

/// The leave form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaveField {
    Kind,
    From,
    To,
    Note,
}

#[derive(Debug, Clone)]
pub struct LeaveForm {
    pub index: Option<usize>,
    pub kind: Choice,
    pub from: TextInput,
    pub to: TextInput,
    pub note: TextInput,
}

impl LeaveForm {
    pub const FIELDS: [LeaveField; 4] = [LeaveField::Kind, LeaveField::From, LeaveField::To, LeaveField::Note];

    pub fn new(existing: Option<(usize, &Leave)>, lang: Lang) -> LeaveForm {
        let leave = existing.map(|(_, l)| l);
        let options = LeaveKind::ALL
            .iter()
            .map(|k| {
                let label = if lang == Lang::Ja { k.label_ja() } else { k.label_en() };
                (k.id().to_string(), label.to_string())
            })
            .collect();
        LeaveForm {
            index: existing.map(|(i, _)| i),
            kind: Choice {
                options,
                selected: leave
                    .and_then(|l| LeaveKind::ALL.iter().position(|k| *k == l.kind))
                    .unwrap_or(0),
            },
            from: TextInput::new(&leave.map(|l| l.from.to_string()).unwrap_or_default()),
            to: TextInput::new(&leave.and_then(|l| l.to).map(|d| d.to_string()).unwrap_or_default()),
            note: TextInput::new(leave.and_then(|l| l.note.as_deref()).unwrap_or("")),
        }
    }

    pub fn label(field: LeaveField, lang: Lang) -> &'static str {
        match field {
            LeaveField::Kind => lang.pick("種類", "Kind"),
            LeaveField::From => lang.pick("開始日", "From"),
            LeaveField::To => lang.pick("終了日（空欄=継続中）", "To (empty = ongoing)"),
            LeaveField::Note => lang.pick("メモ", "Note"),
        }
    }

    pub fn to_leave(&self) -> Result<Leave, FormError> {
        let (from, to) = period(&self.from, &self.to)?;
        let note = Some(self.note.text().trim().to_string()).filter(|n| !n.is_empty());
        Ok(Leave {
            kind: LeaveKind::ALL
                .get(self.kind.selected)
                .copied()
                .unwrap_or(LeaveKind::Other),
            from,
            to,
            note,
        })
    }
}

/// Which form, with its fields.
#[derive(Debug, Clone)]
pub enum FormKind {
    Posting(PostingForm),
    Leave(LeaveForm),
    Interview(InterviewForm),
    Goal(GoalForm),
    Note(NoteForm),
    Export(ExportForm),
}

/// A form in a pop-up: its fields, the focused one and the last error.
#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub focus: usize,
    pub error: Option<Said>,
}

impl Form {
    pub fn new(kind: FormKind) -> Form {
        Form {
            kind,
            focus: 0,
            error: None,
        }
    }

    pub fn field_count(&self) -> usize {
        match &self.kind {
            FormKind::Posting(_) => PostingForm::FIELDS.len(),
            FormKind::Leave(_) => LeaveForm::FIELDS.len(),
            FormKind::Interview(_) => InterviewForm::LEN,
            FormKind::Goal(_) => GoalForm::LEN,
            FormKind::Note(_) => NoteForm::LEN,
            FormKind::Export(_) => ExportForm::LEN,
        }
    }

    /// Label and input of field `i`.
    pub fn field(&self, i: usize, lang: Lang) -> Option<(&'static str, FieldRef<'_>)> {
        match &self.kind {
            FormKind::Posting(f) => {
                let field = *PostingForm::FIELDS.get(i)?;
                let input = match field {
                    PostingField::Department => FieldRef::Choice(&f.department),
                    PostingField::FreeText => FieldRef::Text(&f.free_text),
                    PostingField::Family => FieldRef::Choice(&f.family),
                    PostingField::From => FieldRef::Text(&f.from),
                    PostingField::To => FieldRef::Text(&f.to),
                };
                Some((PostingForm::label(field, lang), input))
            }
            FormKind::Leave(f) => {
                let field = *LeaveForm::FIELDS.get(i)?;
                let input = match field {
                    LeaveField::Kind => FieldRef::Choice(&f.kind),
                    LeaveField::From => FieldRef::Text(&f.from),
                    LeaveField::To => FieldRef::Text(&f.to),
                    LeaveField::Note => FieldRef::Text(&f.note),
                };
                Some((LeaveForm::label(field, lang), input))
            }
            FormKind::Interview(f) => f.field(i, lang),
            FormKind::Goal(f) => f.field(i, lang),
            FormKind::Note(f) => f.field(i, lang),
            FormKind::Export(f) => f.field(i, lang),
        }
    }

    /// The focused field, to edit.
    pub fn focused_mut(&mut self) -> Option<FieldMut<'_>> {
        let focus = self.focus;
        match &mut self.kind {
            FormKind::Posting(f) => Some(match *PostingForm::FIELDS.get(focus)? {
                PostingField::Department => FieldMut::Choice(&mut f.department),
                PostingField::FreeText => FieldMut::Text(&mut f.free_text),
                PostingField::Family => FieldMut::Choice(&mut f.family),
                PostingField::From => FieldMut::Text(&mut f.from),
                PostingField::To => FieldMut::Text(&mut f.to),
            }),
            FormKind::Leave(f) => Some(match *LeaveForm::FIELDS.get(focus)? {
                LeaveField::Kind => FieldMut::Choice(&mut f.kind),
                LeaveField::From => FieldMut::Text(&mut f.from),
                LeaveField::To => FieldMut::Text(&mut f.to),
                LeaveField::Note => FieldMut::Text(&mut f.note),
            }),
            FormKind::Interview(f) => f.field_mut(focus),
            FormKind::Goal(f) => f.field_mut(focus),
            FormKind::Note(f) => f.field_mut(focus),
            FormKind::Export(f) => f.field_mut(focus),
        }
    }
}

/// A form field to draw.
pub enum FieldRef<'a> {
    Text(&'a TextInput),
    Choice(&'a Choice),
}

/// A form field to edit.
pub enum FieldMut<'a> {
    Text(&'a mut TextInput),
    Choice(&'a mut Choice),
}
