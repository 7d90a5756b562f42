//! The Interview view's forms: an interview's heading (kind, year, date, evaluators), a
//! goal, and a note of the period. Each reads its fields into the plan's own types, and
//! says what is wrong when it cannot.

use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::{Date, FiscalYear, Goal, GoalStatus, Interview, InterviewKind, Note, NoteAuthor, Profile};
use crate::tui::forms::{Choice, FieldMut, FieldRef, FormError, TextInput, parse_date};
use crate::tui::state::{Said, side_label};

pub const KINDS: [InterviewKind; 4] = [
    InterviewKind::Start,
    InterviewKind::Mid,
    InterviewKind::End,
    InterviewKind::Development,
];

pub const STATUSES: [GoalStatus; 4] = [
    GoalStatus::Planned,
    GoalStatus::InProgress,
    GoalStatus::Done,
    GoalStatus::Dropped,
];

pub fn status_label(status: GoalStatus, lang: Lang) -> &'static str {
    match status {
        GoalStatus::Planned => lang.pick("未着手", "planned"),
        GoalStatus::InProgress => lang.pick("取組中", "in progress"),
        GoalStatus::Done => lang.pick("達成", "done"),
        GoalStatus::Dropped => lang.pick("取りやめ", "dropped"),
    }
}

/// The status after `status` (Space on a goal).
pub fn next_status(status: GoalStatus) -> GoalStatus {
    let at = STATUSES.iter().position(|s| *s == status).unwrap_or(0);
    STATUSES
        .get((at + 1) % STATUSES.len())
        .copied()
        .unwrap_or(GoalStatus::Planned)
}

fn optional(input: &TextInput) -> Option<String> {
    Some(input.text().trim().to_string()).filter(|t| !t.is_empty())
}

fn optional_date(field: PlanField, input: &TextInput) -> Result<Option<Date>, FormError> {
    if input.text().trim().is_empty() {
        Ok(None)
    } else {
        parse_date(field, &input.text()).map(Some)
    }
}

fn error(ja: &str, en: &str) -> FormError {
    FormError(Said::new(ja, en))
}

/// An interview's heading. Comments, next steps, trainings and goals are edited on their
/// own rows, so editing the heading never touches them.
#[derive(Debug, Clone)]
pub struct InterviewForm {
    /// The interview edited (None: a new one).
    pub index: Option<usize>,
    pub kind: Choice,
    pub fy: TextInput,
    pub date: TextInput,
    pub evaluator: TextInput,
    pub second_evaluator: TextInput,
}

impl InterviewForm {
    pub const LEN: usize = 5;

    /// A form for `existing`, or for a new interview in `fy` dated `today` (or the year's
    /// first day when today is in another year). The kind of a new one follows the year's
    /// last: 期首 first, then 中間, then 期末.
    pub fn new(
        existing: Option<(usize, &Interview)>,
        fy: FiscalYear,
        today: Date,
        held: &[InterviewKind],
        lang: Lang,
    ) -> Self {
        let options = KINDS
            .iter()
            .map(|k| (k.id().to_string(), k.label(lang).to_string()))
            .collect();
        let iv = existing.map(|(_, iv)| iv);
        let kind = match iv {
            Some(iv) => iv.kind,
            None if !held.contains(&InterviewKind::Start) => InterviewKind::Start,
            None if !held.contains(&InterviewKind::Mid) => InterviewKind::Mid,
            None if !held.contains(&InterviewKind::End) => InterviewKind::End,
            None => InterviewKind::Development,
        };
        let date = iv.map_or_else(
            || {
                if today.fiscal_year() == fy {
                    today
                } else {
                    Date::fy_start(fy)
                }
            },
            |iv| iv.date,
        );
        InterviewForm {
            index: existing.map(|(i, _)| i),
            kind: Choice {
                options,
                selected: KINDS.iter().position(|k| *k == kind).unwrap_or(0),
            },
            fy: TextInput::new(&iv.map_or(fy, |iv| iv.fy).to_string()),
            date: TextInput::new(&date.to_string()),
            evaluator: TextInput::new(iv.and_then(|iv| iv.evaluator.as_deref()).unwrap_or("")),
            second_evaluator: TextInput::new(iv.and_then(|iv| iv.second_evaluator.as_deref()).unwrap_or("")),
        }
    }

    pub fn field(&self, i: usize, lang: Lang) -> Option<(&'static str, FieldRef<'_>)> {
        Some(match i {
            0 => (lang.pick("種類", "Kind"), FieldRef::Choice(&self.kind)),
            1 => (lang.pick("年度", "Fiscal year"), FieldRef::Text(&self.fy)),
            2 => (lang.pick("面談日", "Date"), FieldRef::Text(&self.date)),
            3 => (lang.pick("評価者（1次）", "Evaluator"), FieldRef::Text(&self.evaluator)),
            4 => (
                lang.pick("2次評価者（任意）", "Second evaluator (optional)"),
                FieldRef::Text(&self.second_evaluator),
            ),
            _ => return None,
        })
    }

    pub fn field_mut(&mut self, i: usize) -> Option<FieldMut<'_>> {
        Some(match i {
            0 => FieldMut::Choice(&mut self.kind),
            1 => FieldMut::Text(&mut self.fy),
            2 => FieldMut::Text(&mut self.date),
            3 => FieldMut::Text(&mut self.evaluator),
            4 => FieldMut::Text(&mut self.second_evaluator),
            _ => return None,
        })
    }

    /// Applies the form to `iv` (a new interview starts from [`InterviewForm::blank`]).
    pub fn apply_to(&self, iv: &mut Interview) -> Result<(), FormError> {
        let fy = crate::tui::forms::parse_fiscal_year(&self.fy.text())?
            .ok_or_else(|| error("年度を入力してください", "enter the fiscal year"))?;
        let date = parse_date(PlanField::InterviewDate, &self.date.text())?;
        iv.fy = fy;
        iv.date = date;
        iv.kind = KINDS.get(self.kind.selected).copied().unwrap_or(InterviewKind::Start);
        iv.evaluator = optional(&self.evaluator);
        iv.second_evaluator = optional(&self.second_evaluator);
        Ok(())
    }

    /// An interview with nothing recorded yet.
    pub fn blank() -> Interview {
        Interview {
            fy: 0,
            kind: InterviewKind::Start,
            date: Date::fy_start(0),
            evaluator: None,
            second_evaluator: None,
            self_comment: None,
            supervisor_comment: None,
            agreed_next_steps: Vec::new(),
            agreed_trainings: Vec::new(),
            goals: Vec::new(),
        }
    }
}

/// A goal agreed at an interview.
#[derive(Debug, Clone)]
pub struct GoalForm {
    pub interview: usize,
    /// The goal edited (None: a new one).
    pub index: Option<usize>,
    pub title: TextInput,
    pub measure: TextInput,
    pub due: TextInput,
    pub difficulty: TextInput,
    pub weight: TextInput,
    pub status: Choice,
    pub result: TextInput,
}

impl GoalForm {
    pub const LEN: usize = 7;

    /// A form for goal `index` of interview `interview`, or a new goal due at the end of
    /// the interview's fiscal year.
    pub fn new(interview: usize, existing: Option<(usize, &Goal)>, fy: FiscalYear, lang: Lang) -> Self {
        let goal = existing.map(|(_, g)| g);
        let text = |f: fn(&Goal) -> Option<&String>| TextInput::new(goal.and_then(f).map_or("", String::as_str));
        GoalForm {
            interview,
            index: existing.map(|(i, _)| i),
            title: TextInput::new(goal.map_or("", |g| g.title.as_str())),
            measure: text(|g| g.measure.as_ref()),
            due: TextInput::new(
                &goal
                    .map_or(Some(Date::fy_end(fy)), |g| g.due)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            difficulty: text(|g| g.difficulty.as_ref()),
            weight: TextInput::new(&goal.and_then(|g| g.weight).map(|w| w.to_string()).unwrap_or_default()),
            status: Choice {
                options: STATUSES
                    .iter()
                    .map(|s| (s.id().to_string(), status_label(*s, lang).to_string()))
                    .collect(),
                selected: goal
                    .and_then(|g| STATUSES.iter().position(|s| *s == g.status))
                    .unwrap_or(0),
            },
            result: text(|g| g.result.as_ref()),
        }
    }

    pub fn field(&self, i: usize, lang: Lang) -> Option<(&'static str, FieldRef<'_>)> {
        Some(match i {
            0 => (lang.pick("目標", "Goal"), FieldRef::Text(&self.title)),
            1 => (lang.pick("達成基準", "Measure"), FieldRef::Text(&self.measure)),
            2 => (lang.pick("期限", "Due"), FieldRef::Text(&self.due)),
            3 => (
                lang.pick("難易度（任意）", "Difficulty (optional)"),
                FieldRef::Text(&self.difficulty),
            ),
            4 => (
                lang.pick("ウェイト %（任意）", "Weight % (optional)"),
                FieldRef::Text(&self.weight),
            ),
            5 => (lang.pick("状況", "Status"), FieldRef::Choice(&self.status)),
            6 => (lang.pick("達成状況（結果）", "Result"), FieldRef::Text(&self.result)),
            _ => return None,
        })
    }

    pub fn field_mut(&mut self, i: usize) -> Option<FieldMut<'_>> {
        Some(match i {
            0 => FieldMut::Text(&mut self.title),
            1 => FieldMut::Text(&mut self.measure),
            2 => FieldMut::Text(&mut self.due),
            3 => FieldMut::Text(&mut self.difficulty),
            4 => FieldMut::Text(&mut self.weight),
            5 => FieldMut::Choice(&mut self.status),
            6 => FieldMut::Text(&mut self.result),
            _ => return None,
        })
    }

    pub fn to_goal(&self) -> Result<Goal, FormError> {
        let title = self.title.text().trim().to_string();
        if title.is_empty() {
            return Err(error("目標を入力してください", "enter the goal"));
        }
        let weight = match self.weight.text().trim().trim_end_matches(['%', '％']) {
            "" => None,
            w => Some(
                w.chars()
                    .map(crate::model::date::normalize_typed_char)
                    .collect::<String>()
                    .parse::<u8>()
                    .ok()
                    .filter(|w| *w <= 100)
                    .ok_or_else(|| {
                        error(
                            "ウェイトは 0～100 の数で入力してください",
                            "the weight is a number from 0 to 100",
                        )
                    })?,
            ),
        };
        Ok(Goal {
            title,
            measure: optional(&self.measure),
            due: optional_date(PlanField::GoalDue, &self.due)?,
            difficulty: optional(&self.difficulty),
            weight,
            status: STATUSES
                .get(self.status.selected)
                .copied()
                .unwrap_or(GoalStatus::Planned),
            result: optional(&self.result),
        })
    }
}

/// A note of the period (職務行動記録メモ).
#[derive(Debug, Clone)]
pub struct NoteForm {
    /// The note edited (None: a new one).
    pub index: Option<usize>,
    pub date: TextInput,
    pub author: Choice,
    pub competency: Choice,
    pub text: TextInput,
}

const AUTHORS: [NoteAuthor; 2] = [NoteAuthor::Own, NoteAuthor::Supervisor];

impl NoteForm {
    pub const LEN: usize = 4;
    /// The position of the note's text among the fields.
    pub const TEXT: usize = 3;

    /// A form for `existing`, or a new note dated `date` on `competency` (the one selected
    /// elsewhere, if any).
    pub fn new(
        profile: &Profile,
        existing: Option<(usize, &Note)>,
        date: Date,
        competency: Option<&str>,
        lang: Lang,
    ) -> Self {
        let note = existing.map(|(_, n)| n);
        let mut competencies = vec![(
            String::new(),
            lang.pick("（特定の能力なし）", "(no particular competency)")
                .to_string(),
        )];
        competencies.extend(profile.competencies.iter().map(|c| (c.id.clone(), c.name.clone())));
        let chosen = note.map_or(competency, |n| n.competency.as_deref());
        NoteForm {
            index: existing.map(|(i, _)| i),
            date: TextInput::new(&note.map_or(date, |n| n.date).to_string()),
            author: Choice {
                options: AUTHORS
                    .iter()
                    .map(|a| (a.id().to_string(), side_label(*a, lang).to_string()))
                    .collect(),
                selected: usize::from(note.is_some_and(|n| n.author == NoteAuthor::Supervisor)),
            },
            competency: Choice {
                selected: chosen
                    .and_then(|c| competencies.iter().position(|(id, _)| id == c))
                    .unwrap_or(0),
                options: competencies,
            },
            text: TextInput::new(note.map_or("", |n| n.text.as_str())),
        }
    }

    pub fn field(&self, i: usize, lang: Lang) -> Option<(&'static str, FieldRef<'_>)> {
        Some(match i {
            0 => (lang.pick("日付", "Date"), FieldRef::Text(&self.date)),
            1 => (lang.pick("記入者", "Written by"), FieldRef::Choice(&self.author)),
            2 => (lang.pick("能力", "Competency"), FieldRef::Choice(&self.competency)),
            3 => (
                lang.pick("メモ（事実・行動）", "Note (facts, actions)"),
                FieldRef::Text(&self.text),
            ),
            _ => return None,
        })
    }

    pub fn field_mut(&mut self, i: usize) -> Option<FieldMut<'_>> {
        Some(match i {
            0 => FieldMut::Text(&mut self.date),
            1 => FieldMut::Choice(&mut self.author),
            2 => FieldMut::Choice(&mut self.competency),
            3 => FieldMut::Text(&mut self.text),
            _ => return None,
        })
    }

    pub fn to_note(&self) -> Result<Note, FormError> {
        let text = self.text.text().trim().to_string();
        if text.is_empty() {
            return Err(error("メモを入力してください", "write the note"));
        }
        Ok(Note {
            date: parse_date(PlanField::NoteDate, &self.date.text())?,
            author: AUTHORS.get(self.author.selected).copied().unwrap_or(NoteAuthor::Own),
            competency: self.competency.id().map(str::to_string),
            text,
        })
    }
}
