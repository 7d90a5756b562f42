//! Names and aliases written where an id belongs: 「主任」 for `shunin`, 「一般行政職」 for a
//! series, 「主任主査」 for 主査級 with the position 主任主査. A word is read as an id first,
//! then as a name or alias; a word several things go by is refused with the candidates.

use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::grades::{Grade, JobSeries, Position};
use crate::model::index::GradeAt;
use crate::model::validate::{Entity, FieldPath, Problem, ProblemKind};
use crate::model::{Plan, Profile};

/// Most candidates named when a word is ambiguous.
const MAX_CANDIDATES: usize = 10;

/// How a word written where an id belongs was read.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading<T> {
    /// It is the id of one.
    Id(T),
    /// It is the name or an alias of exactly one.
    Name(T),
    /// Several go by it.
    Ambiguous(Vec<T>),
    /// Nothing is called so.
    Unknown,
}

impl<T> Reading<T> {
    /// What the word names, when it names one thing.
    pub fn found(self) -> Option<T> {
        match self {
            Reading::Id(found) | Reading::Name(found) => Some(found),
            Reading::Ambiguous(_) | Reading::Unknown => None,
        }
    }
}

/// A grade a word names: the grade, the series that defines it, and the position within
/// it when the word is a position's name (「主任主査」).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradeHit<'p> {
    pub series: &'p JobSeries,
    pub grade: &'p Grade,
    pub position: Option<&'p Position>,
}

impl GradeHit<'_> {
    /// The candidate as a message lists it: `shusa（主査・事務）`, `shusa（主任主査 in 主査・事務）`.
    pub fn describe(&self) -> String {
        match self.position {
            Some(p) => format!(
                "{}（{}・{}・{}）",
                self.grade.id, p.name, self.grade.name, self.series.name
            ),
            None => format!("{}（{}・{}）", self.grade.id, self.grade.name, self.series.name),
        }
    }
}

impl Profile {
    /// The series `word` names: its id, else its name or one of its aliases.
    pub fn read_series(&self, word: &str) -> Reading<&JobSeries> {
        if let Some(series) = self.series(word) {
            return Reading::Id(series);
        }
        let found: Vec<&JobSeries> = self
            .index()
            .series_names
            .get(word)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(|&s| self.job_series.get(s))
            .collect();
        one_of(found)
    }

    /// The grade `word` names: its id; else a grade's name or alias; else a position's
    /// name or alias (the grade with that position). Names are looked for on `series`'
    /// ladder first — a 技術 plan's 「主任」 is 技術's — then among every grade.
    pub fn read_grade(&self, word: &str, series: Option<&JobSeries>) -> Reading<GradeHit<'_>> {
        if let Some((series, grade)) = self.grade(word) {
            return Reading::Id(GradeHit {
                series,
                grade,
                position: None,
            });
        }
        let index = self.index();
        let grades = index.grade_names.get(word).map_or(&[][..], Vec::as_slice);
        let positions = index.position_names.get(word).map_or(&[][..], Vec::as_slice);
        let hit = |at: GradeAt, position: Option<usize>| {
            let series = self.job_series.get(at.series)?;
            let grade = series.grades.get(at.rank)?;
            let position = match position {
                Some(k) => Some(grade.positions.get(k)?),
                None => None,
            };
            Some(GradeHit {
                series,
                grade,
                position,
            })
        };
        // The plan's ladder, by position; without one, every grade is on it.
        let ladder = series
            .and_then(|s| self.series_at(s))
            .and_then(|s| Some((s, *index.ladders.get(s)?)));
        for ladder_only in [true, false] {
            if ladder_only && ladder.is_none() {
                continue;
            }
            let keep = |at: &GradeAt| match (ladder_only, ladder) {
                (true, Some((s, l))) => l.rank_of(s, *at).is_some(),
                _ => true,
            };
            let found: Vec<GradeHit<'_>> = grades
                .iter()
                .filter(|at| keep(at))
                .filter_map(|&at| hit(at, None))
                .collect();
            if !found.is_empty() {
                return one_of(found);
            }
            let found: Vec<GradeHit<'_>> = positions
                .iter()
                .filter(|(at, _)| keep(at))
                .filter_map(|&(at, k)| hit(at, Some(k)))
                .collect();
            if !found.is_empty() {
                return one_of(found);
            }
        }
        Reading::Unknown
    }
}

impl Grade {
    /// The position of this grade `word` names: its id, else its name or an alias.
    pub fn read_position(&self, word: &str) -> Reading<&Position> {
        if let Some(position) = self.position(word) {
            return Reading::Id(position);
        }
        one_of(
            self.positions
                .iter()
                .filter(|p| p.name == word || p.aliases.iter().any(|a| a == word))
                .collect(),
        )
    }
}

fn one_of<T>(mut found: Vec<T>) -> Reading<T> {
    match found.len() {
        0 => Reading::Unknown,
        1 => found.pop().map_or(Reading::Unknown, Reading::Name),
        _ => Reading::Ambiguous(found),
    }
}

/// A value of a plan file that names something by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedField {
    Profile,
    Series,
    Grade,
    TargetGrade,
    Position,
}

impl NamedField {
    /// The key in the plan file.
    pub fn key(self) -> &'static str {
        match self {
            NamedField::Profile => "profile",
            NamedField::Series => "series",
            NamedField::Grade => "grade",
            NamedField::TargetGrade => "target_grade",
            NamedField::Position => "position",
        }
    }

    /// The field as the app's screens label it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            NamedField::Profile => lang.pick("プロファイル", "Profile"),
            NamedField::Series => PlanField::Series.label(lang),
            NamedField::Grade => PlanField::Grade.label(lang),
            NamedField::TargetGrade => PlanField::TargetGrade.label(lang),
            NamedField::Position => PlanField::Position.label(lang),
        }
    }

    fn value(self, plan: &mut Plan) -> Option<&mut String> {
        match self {
            NamedField::Profile => Some(&mut plan.profile),
            NamedField::Series => plan.series.as_mut(),
            NamedField::Grade => Some(&mut plan.grade),
            NamedField::TargetGrade => Some(&mut plan.target_grade),
            NamedField::Position => plan.position.as_mut(),
        }
    }
}

/// A name or alias a plan file wrote where an id belongs, and the id it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRead {
    pub field: NamedField,
    /// As written in the file.
    pub written: String,
    pub id: String,
    /// What the id names, as the profile names it (主任, 一般行政職, 上越市).
    pub name: String,
}

impl NameRead {
    /// The notice a person reads: 「現在の職級「主任」を名前として読みました → 主任（ID `shunin`）」.
    pub fn notice(&self, lang: Lang) -> String {
        let label = self.field.label(lang);
        let (written, id, name) = (&self.written, &self.id, &self.name);
        match lang {
            Lang::Ja => format!("{label}「{written}」を名前として読みました → {name}（ID `{id}`）"),
            Lang::En => format!("{label} 「{written}」 was read as a name → {name} (id `{id}`)"),
        }
    }
}

impl Plan {
    /// Reads the names and aliases written where ids belong (series, grade, target grade,
    /// position) as the ids they name, and records each reading in `names_read`. A name
    /// several things go by is left as written and returned as a problem, with the
    /// candidates; a word that names nothing is left for validation to report.
    pub fn read_names(&mut self, profile: &Profile) -> Vec<Problem> {
        let mut problems = Vec::new();
        let ambiguous = |field: NamedField, entity: Entity, word: &str, candidates: Vec<String>| Problem {
            path: FieldPath::default().key(field.key()),
            kind: ProblemKind::AmbiguousName {
                entity,
                name: word.to_string(),
                candidates: bounded(candidates),
            },
        };
        if let Some(word) = self.series.clone() {
            match profile.read_series(&word) {
                Reading::Name(s) => self.record(NamedField::Series, &word, &s.id, &s.name),
                Reading::Ambiguous(found) => problems.push(ambiguous(
                    NamedField::Series,
                    Entity::Series,
                    &word,
                    found.iter().map(|s| format!("{}（{}）", s.id, s.name)).collect(),
                )),
                Reading::Id(_) | Reading::Unknown => {}
            }
        }
        let series = self.series_id(profile).and_then(|id| profile.series(id));
        for field in [NamedField::Grade, NamedField::TargetGrade] {
            let word = match field {
                NamedField::Grade => self.grade.clone(),
                _ => self.target_grade.clone(),
            };
            match profile.read_grade(&word, series) {
                Reading::Name(hit) => {
                    self.record(field, &word, &hit.grade.id, &hit.grade.name);
                    // 「主任主査」 as the current grade: 主査級, holding 主任主査.
                    if let (NamedField::Grade, Some(position), None) = (field, hit.position, &self.position) {
                        self.position = Some(position.id.clone());
                        self.names_read.push(NameRead {
                            field: NamedField::Position,
                            written: word.clone(),
                            id: position.id.clone(),
                            name: position.name.clone(),
                        });
                    }
                }
                Reading::Ambiguous(found) => problems.push(ambiguous(
                    field,
                    Entity::Grade,
                    &word,
                    found.iter().map(GradeHit::describe).collect(),
                )),
                Reading::Id(_) | Reading::Unknown => {}
            }
        }
        if let (Some(word), Some((_, grade))) = (self.position.clone(), profile.grade(&self.grade)) {
            match grade.read_position(&word) {
                Reading::Name(p) => self.record(NamedField::Position, &word, &p.id, &p.name),
                Reading::Ambiguous(found) => problems.push(ambiguous(
                    NamedField::Position,
                    Entity::Position,
                    &word,
                    found.iter().map(|p| format!("{}（{}）", p.id, p.name)).collect(),
                )),
                Reading::Id(_) | Reading::Unknown => {}
            }
        }
        problems
    }

    /// Sets `field` to `id` and records that `written` was read as it.
    pub fn record(&mut self, field: NamedField, written: &str, id: &str, name: &str) {
        if let Some(value) = field.value(self) {
            *value = id.to_string();
        }
        self.names_read.push(NameRead {
            field,
            written: written.to_string(),
            id: id.to_string(),
            name: name.to_string(),
        });
    }

    /// Reads `readings` again into a plan read from the same text (a saved file read back):
    /// each field still holding the name written is set to its id.
    pub fn reread_names(&mut self, readings: &[NameRead]) {
        let grade_written = self.grade.clone();
        for r in readings {
            match r.field.value(self) {
                Some(value) if *value == r.written => *value = r.id.clone(),
                // A position read from the grade's words (grade = "主任主査").
                None if r.field == NamedField::Position && r.written == grade_written => {
                    self.position = Some(r.id.clone());
                }
                _ => {}
            }
        }
        self.names_read = readings.to_vec();
    }
}

/// The first candidates, and 「…」 for the rest.
fn bounded(mut candidates: Vec<String>) -> Vec<String> {
    if candidates.len() > MAX_CANDIDATES {
        candidates.truncate(MAX_CANDIDATES);
        candidates.push("…".to_string());
    }
    candidates
}
