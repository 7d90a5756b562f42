//! Plan problems in plain words for the terminal app: where in the plan (by the labels its
//! screens use) and what is wrong, naming things by their names in the profile.

use crate::describe::rule_phrase;
use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::{Date, DateField, Entity, FieldPath, PathSeg, Plan, Problem, ProblemKind, Profile};
use crate::text::escape_controls;

/// Where in a plan a problem is, in the terms the app's screens use.
enum Place<'a> {
    /// A field of the basics (生年月日, 現在の職級, …).
    Field(PlanField),
    /// The `index`th training of a list (受講済みの研修, 受講予定の研修).
    Training { list: PlanField, index: usize },
    /// One competency's entry in 本人評価, 上司評価 or 根拠.
    Competency { table: PlanField, id: &'a str },
    /// The `index`th posting, oldest first.
    Posting(usize),
    /// The `index`th period of leave.
    Leave(usize),
    /// The plan as a whole (its format version, its profile).
    Whole,
}

impl<'a> Place<'a> {
    /// The place a validation path points at. Paths name the plan file's keys: this is
    /// where those keys meet the screen's labels, so no key reaches a message.
    fn of(path: &'a FieldPath) -> Place<'a> {
        let mut segs = path.0.iter();
        let (Some(PathSeg::Key(key)), next) = (segs.next(), segs.next()) else {
            return Place::Whole;
        };
        let field = match key.as_ref() {
            "name" => PlanField::Name,
            "birth_date" => PlanField::BirthDate,
            "hire_date" => PlanField::HireDate,
            "series" => PlanField::Series,
            "grade" => PlanField::Grade,
            "position" => PlanField::Position,
            "grade_since" => PlanField::GradeSince,
            "target_grade" => PlanField::TargetGrade,
            "target_fy" => PlanField::TargetFy,
            "track" => PlanField::Track,
            "completed_trainings" => PlanField::CompletedTrainings,
            "planned_trainings" | "planned_years" => PlanField::PlannedTrainings,
            "self_assessment" => PlanField::SelfAssessment,
            "supervisor_assessment" => PlanField::SupervisorAssessment,
            "evidence" => PlanField::Evidence,
            "assignments" => PlanField::Posting,
            "leaves" => PlanField::Leave,
            "self_report" => PlanField::SelfReport,
            "course" => PlanField::Course,
            "course_field" => PlanField::CourseField,
            "course_since" => PlanField::CourseSince,
            _ => return Place::Whole,
        };
        match (field, next) {
            (PlanField::Posting, Some(PathSeg::Index(i))) => Place::Posting(*i),
            (PlanField::Leave, Some(PathSeg::Index(i))) => Place::Leave(*i),
            (PlanField::CompletedTrainings | PlanField::PlannedTrainings, Some(PathSeg::Index(index))) => {
                Place::Training {
                    list: field,
                    index: *index,
                }
            }
            (
                PlanField::SelfAssessment | PlanField::SupervisorAssessment | PlanField::Evidence,
                Some(PathSeg::Key(id)),
            ) => Place::Competency { table: field, id },
            _ => Place::Field(field),
        }
    }
}

/// Names things by what the plan and its profile call them, never by id.
struct Namer<'a> {
    plan: &'a Plan,
    profile: &'a Profile,
    lang: Lang,
}

impl Namer<'_> {
    /// The name of a profile object of kind `entity` with id `id`, if the profile has it.
    fn entity(&self, entity: Entity, id: &str) -> Option<String> {
        let p = self.profile;
        let rotation = p.rotation.as_ref();
        match entity {
            Entity::Series => p.series(id).map(|s| s.name.clone()),
            Entity::Grade => p.grade(id).map(|(_, g)| g.name.clone()),
            Entity::Competency => p.competency(id).map(|c| c.name.clone()),
            Entity::CompetencyGroup => p.competency_group(id).map(|g| g.name.clone()),
            Entity::Training => p.training(id).map(|t| t.name.clone()),
            Entity::Family => rotation?.families.iter().find(|f| f.id == id).map(|f| f.name.clone()),
            Entity::Department => rotation?
                .departments
                .iter()
                .find(|d| d.id == id)
                .map(|d| d.name.clone()),
            Entity::Rule => rotation?
                .rules
                .iter()
                .find(|r| r.id == id)
                .map(|r| rule_phrase(&crate::engine::rotation::RuleRef::of(r), self.lang)),
            Entity::Measure => p.measures.iter().find(|m| m.id == id).map(|m| m.name.clone()),
            Entity::DeliveryMethod => p.delivery_method(id).map(|m| m.name.clone()),
            Entity::Course => p.course(id).map(|c| c.name.clone()),
            Entity::CourseField => p
                .courses
                .iter()
                .flat_map(|c| c.fields.iter())
                .find(|f| f.id == id)
                .map(|f| f.name.clone()),
            Entity::EvaluationKind => p.evaluation.as_ref()?.kind(id).map(|k| k.name.clone()),
            Entity::RatingScale => p
                .evaluation
                .as_ref()?
                .scales
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone()),
            Entity::EvaluationItem => p
                .evaluation
                .as_ref()?
                .kinds
                .iter()
                .flat_map(|k| &k.items)
                .find(|item| item.id.as_deref() == Some(id))
                .map(|item| item.element.clone().unwrap_or_else(|| item.text.clone())),
            Entity::SelfReportTopic => p
                .self_report
                .as_ref()?
                .topics
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.clone()),
            Entity::PostClass => p.post_class(id).map(|c| c.name.clone()),
            Entity::Position => p
                .grade(&self.plan.grade)
                .and_then(|(_, g)| g.position(id))
                .map(|position| position.name.clone()),
            Entity::Profile => (p.id == id).then(|| p.name.clone()),
        }
    }

    /// A grade's name; an unknown grade is called "this grade" rather than by its id.
    fn grade(&self, id: &str) -> String {
        self.entity(Entity::Grade, id)
            .unwrap_or_else(|| self.lang.pick("この職級", "this grade").to_string())
    }

    /// A posting's department as the person knows it: the profile's name, or their text.
    fn department(&self, department: &str) -> String {
        self.entity(Entity::Department, department)
            .unwrap_or_else(|| escape_controls(department))
    }

    /// 3件目の配属（福祉課、2015-04-01～2018-03-31）
    fn posting(&self, index: usize) -> String {
        let label = PlanField::Posting.label(self.lang);
        let detail = self
            .plan
            .assignments
            .get(index)
            .map(|a| (self.department(&a.department), a.from, a.to));
        self.period(label, index, detail)
    }

    /// 2件目の休業等（育児休業、2018-04-01～）
    fn leave(&self, index: usize) -> String {
        let label = PlanField::Leave.label(self.lang);
        let detail = self.plan.leaves.get(index).map(|l| {
            let kind = match self.lang {
                Lang::Ja => l.kind.label_ja(),
                Lang::En => l.kind.label_en(),
            };
            (kind.to_string(), l.from, l.to)
        });
        self.period(label, index, detail)
    }

    fn period(&self, label: &str, index: usize, detail: Option<(String, Date, Option<Date>)>) -> String {
        let n = index.saturating_add(1);
        match (self.lang, detail) {
            (Lang::Ja, Some((what, from, to))) => {
                let to = to.map(|d| d.to_string()).unwrap_or_default();
                format!("{n}件目の{label}（{what}、{from}～{to}）")
            }
            (Lang::Ja, None) => format!("{n}件目の{label}"),
            (Lang::En, Some((what, from, Some(to)))) => format!("{label} {n} ({what}, {from} – {to})"),
            (Lang::En, Some((what, from, None))) => format!("{label} {n} ({what}, from {from})"),
            (Lang::En, None) => format!("{label} {n}"),
        }
    }

    /// The place in words: a field's label, or the posting, leave, training or competency.
    fn place(&self, place: &Place<'_>) -> String {
        let lang = self.lang;
        match place {
            Place::Field(field) => field.label(lang).to_string(),
            Place::Training { list, index } => {
                let n = index.saturating_add(1);
                match lang {
                    Lang::Ja => format!("{}の{n}件目", list.label(lang)),
                    Lang::En => format!("{}, item {n}", list.label(lang)),
                }
            }
            Place::Competency { table, id } => match self.entity(Entity::Competency, id) {
                Some(name) => match lang {
                    Lang::Ja => format!("{}（{name}）", table.label(lang)),
                    Lang::En => format!("{} ({name})", table.label(lang)),
                },
                None => table.label(lang).to_string(),
            },
            Place::Posting(index) => self.posting(*index),
            Place::Leave(index) => self.leave(*index),
            Place::Whole => lang.pick("この計画", "This plan").to_string(),
        }
    }

    /// The value of a date field at `place`, to show beside its name.
    fn date(&self, field: DateField, place: &Place<'_>) -> Option<Date> {
        let plan = self.plan;
        let period = match place {
            Place::Posting(i) => plan.assignments.get(*i).map(|a| (a.from, a.to)),
            Place::Leave(i) => plan.leaves.get(*i).map(|l| (l.from, l.to)),
            _ => None,
        };
        match field {
            DateField::BirthDate => Some(plan.birth_date),
            DateField::HireDate => Some(plan.hire_date),
            DateField::GradeSince => Some(plan.grade_since),
            DateField::From => period.map(|(from, _)| from),
            DateField::To => period.and_then(|(_, to)| to),
            // Told by the command line, which points into the file; the app shows no
            // interview record yet.
            DateField::InterviewDate | DateField::GoalDue | DateField::NoteDate => None,
        }
    }
}

/// A date field's name inside an English sentence.
fn date_noun_en(field: DateField) -> &'static str {
    match field {
        DateField::BirthDate => "the birth date",
        DateField::HireDate => "the hire date",
        DateField::GradeSince => "the date the grade began",
        DateField::From => "the start date",
        DateField::To => "the end date",
        DateField::InterviewDate => "the interview date",
        DateField::GoalDue => "the goal's due date",
        DateField::NoteDate => "the note's date",
    }
}

/// A problem of a plan in plain words for the terminal app: fields by the labels its
/// screens use (生年月日, 現在の職級, 3件目の配属（福祉課、2015-04-01～）) and grades,
/// competencies, trainings and departments by their names in `profile`, never by TOML key
/// or id. What to do follows what is wrong. The command line keeps
/// [`ProblemKind::message`] and [`ProblemKind::hint`], which name keys because they point
/// into the file.
pub fn plan_problem(problem: &Problem, plan: &Plan, profile: &Profile, lang: Lang) -> String {
    let names = Namer { plan, profile, lang };
    let at = Place::of(&problem.path);
    let place = names.place(&at);
    let ja = lang == Lang::Ja;
    let municipality = &profile.name;
    match &problem.kind {
        ProblemKind::UnsupportedSchemaVersion { found } => {
            if ja {
                format!("この計画ファイルは、このMichiが読めない形式（第{found}版）です。Michiを新しくしてください")
            } else {
                format!("This plan file is in a format this Michi cannot read (version {found}); update Michi")
            }
        }
        ProblemKind::UnknownProfile { .. } => lang
            .pick(
                "この計画の自治体のプロファイルが見つかりません",
                "The profile this plan was made for is not installed",
            )
            .to_string(),
        ProblemKind::UnknownReference { entity, suggestion, .. } => {
            let what = match (&at, ja) {
                (Place::Competency { .. }, true) => {
                    format!("{place}に、{municipality}のプロファイルにない能力があります")
                }
                (Place::Competency { .. }, false) => {
                    format!("{place}: a competency not in the {municipality} profile")
                }
                (Place::Posting(_), true) => {
                    format!(
                        "{place}の{}が、{municipality}のプロファイルにありません",
                        PlanField::Family.label(lang)
                    )
                }
                (Place::Posting(_), false) => format!("{place}: its family is not in the {municipality} profile"),
                (_, true) => format!("{place}が、{municipality}のプロファイルにありません"),
                (_, false) => format!("{place}: not in the {municipality} profile"),
            };
            let fix = match suggestion.as_deref().and_then(|s| names.entity(*entity, s)) {
                Some(name) if ja => format!("「{name}」のことですか？"),
                Some(name) => format!("did you mean {name}?"),
                None => lang
                    .pick("一覧から選び直してください", "choose again from the list")
                    .to_string(),
            };
            if ja {
                format!("{what}。{fix}")
            } else {
                format!("{what}; {fix}")
            }
        }
        ProblemKind::GradeNotInSeries { grade, series } => {
            let (grade, series) = (
                names.grade(grade),
                names
                    .entity(Entity::Series, series)
                    .unwrap_or_else(|| lang.pick("この職系", "this").to_string()),
            );
            if ja {
                format!(
                    "{place}の「{grade}」は、職系「{series}」の職級ではありません。この職系の職級から選んでください"
                )
            } else {
                format!("{place}: {grade} is not a grade of the {series} series; choose one of its grades")
            }
        }
        ProblemKind::TargetBelowCurrent { target, current } => {
            let (target, current) = (names.grade(target), names.grade(current));
            let (target_label, current_label) = (PlanField::TargetGrade.label(lang), PlanField::Grade.label(lang));
            if ja {
                format!(
                    "{target_label}（{target}）が{current_label}（{current}）より下です。{current_label}か、それより上の職級を選んでください"
                )
            } else {
                format!(
                    "{target_label}: {target} is below the current grade ({current}); choose it or a grade above it"
                )
            }
        }
        ProblemKind::DateOrder { earlier, later } => {
            let earlier_value = names.date(*earlier, &at);
            // A hire date must come after the birth date: the same day is refused too.
            let same_day = earlier_value.is_some() && earlier_value == names.date(*later, &at);
            let earlier_date = earlier_value
                .map(|d| match lang {
                    Lang::Ja => format!("（{d}）"),
                    Lang::En => format!(" ({d})"),
                })
                .unwrap_or_default();
            let subject = match (&at, lang) {
                (Place::Posting(_) | Place::Leave(_), Lang::Ja) => format!("{place}の{}", later.field().label(lang)),
                (Place::Posting(_) | Place::Leave(_), Lang::En) => format!("{place}: {}", date_noun_en(*later)),
                (_, Lang::Ja) => later.field().label(lang).to_string(),
                (_, Lang::En) => format!("{}: it", later.field().label(lang)),
            };
            let relation = match (same_day, lang) {
                (true, Lang::Ja) => "と同じ日です",
                (false, Lang::Ja) => "より前です",
                (true, Lang::En) => "is the same day as",
                (false, Lang::En) => "is earlier than",
            };
            if ja {
                format!("{subject}が{}{earlier_date}{relation}", earlier.field().label(lang))
            } else {
                format!("{subject} {relation} {}{earlier_date}", date_noun_en(*earlier))
            }
        }
        ProblemKind::OverlappingPostings { .. } => {
            let previous = match at {
                Place::Posting(i) => i.checked_sub(1).map(|p| names.posting(p)),
                _ => None,
            }
            .unwrap_or_else(|| lang.pick("前の配属", "the posting before").to_string());
            if ja {
                format!(
                    "{place}が、{previous}と重なっています。前の配属の終了日を、この配属の開始日より前にしてください（配属は古い順に並べます）"
                )
            } else {
                format!(
                    "{place} overlaps {previous}; end the earlier posting before this one starts (postings go oldest first)"
                )
            }
        }
        ProblemKind::DuplicateEntry { id } => {
            let list = match at {
                Place::Training { list, .. } => list.label(lang).to_string(),
                _ => place.clone(),
            };
            match (names.entity(Entity::Training, id), ja) {
                (Some(name), true) => format!("{list}に「{name}」が二度入っています。一つにしてください"),
                (Some(name), false) => format!("{list}: {name} is listed twice; keep one"),
                (None, true) => format!("{place}が重複しています。一つにしてください"),
                (None, false) => format!("{place} is listed twice; keep one"),
            }
        }
        ProblemKind::YearForUnplannedTraining { id } => {
            let name = names
                .entity(Entity::Training, id)
                .unwrap_or_else(|| lang.pick("研修", "a training").to_string());
            if ja {
                format!(
                    "「{name}」に受講の年度がありますが、受講予定の研修に入っていません。予定に加えるか、年度を消してください"
                )
            } else {
                format!("{name} has a year but is not planned; plan it or remove the year")
            }
        }
        ProblemKind::BreakInOneLineText { found } => {
            let what = match found {
                '\t' => lang.pick("タブ", "a tab"),
                _ => lang.pick("改行", "a line break"),
            };
            if ja {
                format!("{place}に{what}が入っています。一行で書いてください")
            } else {
                format!("{place} holds {what}; write it on one line")
            }
        }
        ProblemKind::TabInText => {
            if ja {
                format!("{place}にタブが入っています。空白にしてください")
            } else {
                format!("{place} holds a tab; use spaces instead")
            }
        }
        ProblemKind::LevelOutsideScale { level, min, max }
            if profile.scale.kind() == crate::model::ScaleKind::Descriptors =>
        {
            // A plan assessed before the profile read its levels as the document's
            // descriptions (Michi's old 1–5 scale): say what the numbers mean now.
            if ja {
                format!(
                    "{place}の段階 {level} は、{min}～{max} の範囲外です。{municipality}の段階は文書の職級ごとの記述の順（段）です。以前の Michi の 1〜5 の評価なら、記述を読んで {min}～{max} で選び直してください"
                )
            } else {
                format!(
                    "{place}: level {level} is outside {min}–{max}. {}'s levels are the rungs of the document's descriptions per grade; an assessment on Michi's former 1–5 scale needs choosing again from {min}–{max}",
                    profile.name_romaji
                )
            }
        }
        ProblemKind::LevelOutsideScale { level, min, max } => {
            if ja {
                format!("{place}の段階 {level} は、{min}～{max} の範囲外です。{min}から{max}の段階にしてください")
            } else {
                format!("{place}: level {level} is outside the scale {min}–{max}")
            }
        }
        ProblemKind::AmbiguousName { name, candidates, .. } => {
            if ja {
                format!(
                    "{place}の「{name}」に当たるものが複数あります（{}）。どれかを選び直してください",
                    candidates.join("、")
                )
            } else {
                format!(
                    "{place}: 「{name}」 could mean more than one ({}); choose one again",
                    candidates.join(", ")
                )
            }
        }
        // Only a profile has these; a plan that passed parsing never does. The file-oriented
        // words are better than none should one ever be passed here.
        ProblemKind::InvalidId { .. }
        | ProblemKind::EmptyText
        | ProblemKind::InvalidDate { .. }
        | ProblemKind::DuplicateId { .. }
        | ProblemKind::NoSeries
        | ProblemKind::EmptyLadder { .. }
        | ProblemKind::ScaleBounds { .. }
        | ProblemKind::ScaleLabelMissing { .. }
        | ProblemKind::ScaleLevelOutside { .. }
        | ProblemKind::ScaleLevelDuplicate { .. }
        | ProblemKind::DuplicateRequirement { .. }
        | ProblemKind::PromotionToSelf { .. }
        | ProblemKind::PromotionBackwards { .. }
        | ProblemKind::PromotionAcrossSeries { .. }
        | ProblemKind::PromotionCycle { .. }
        | ProblemKind::DuplicatePromotion { .. }
        | ProblemKind::TypicalBelowMinimum { .. }
        | ProblemKind::RuleWithoutFamilies
        | ProblemKind::RuleWithoutDepartmentCount
        | ProblemKind::ZeroYears
        | ProblemKind::FractionOutOfRange { .. }
        | ProblemKind::DuplicateLeaveRule
        | ProblemKind::Format(_)
        | ProblemKind::Rotation(_)
        | ProblemKind::RoleNumber { .. }
        | ProblemKind::LifelineScore { .. }
        | ProblemKind::LifelineYearOutside { .. }
        | ProblemKind::Evaluation(_)
        | ProblemKind::SecondDefaultCourse
        | ProblemKind::CourseNotOpen { .. }
        | ProblemKind::CourseBelowGrade { .. }
        | ProblemKind::GoalWeights { .. }
        | ProblemKind::GoalAfterRetirement { .. }
        | ProblemKind::Posts(_) => problem.kind.message(lang),
    }
}
