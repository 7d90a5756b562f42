//! The checks of the sections a document may leave out: `[evaluation]` (人事評価),
//! `[self_report]` (自己申告) and `[promotion_assumption]`.

use super::*;

/// What a check of the evaluation, self-report or promotion assumption found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvaluationRule {
    /// `ability_table` is quoted but the profile has no competencies to be that table.
    AbilityTableWithoutCompetencies,
    /// A 評語 scale with no ratings.
    NoRatings,
    /// The same 評語 twice on one scale.
    DuplicateRating { mark: String },
}

impl EvaluationRule {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            EvaluationRule::AbilityTableWithoutCompetencies => lang
                .pick(
                    "能力表を評価に使う（ability_table）とありますが、能力（[[competencies]]）がありません",
                    "ability_table says the ability table is rated, but the profile has no competencies",
                )
                .into(),
            EvaluationRule::NoRatings => lang
                .pick("評語（ratings）が一つもありません", "the rating scale lists no ratings")
                .into(),
            EvaluationRule::DuplicateRating { mark } => match lang {
                Lang::Ja => format!("評語 `{mark}` が二度書かれています"),
                Lang::En => format!("the rating `{mark}` is listed twice"),
            },
        }
    }

    pub fn hint(&self, lang: Lang) -> String {
        match self {
            EvaluationRule::AbilityTableWithoutCompetencies => lang.pick(
                "文書の能力表を [[competencies]] と [[requirements]] に書くか、ability_table を消して文を text に書いてください",
                "write the document's ability table as [[competencies]] and [[requirements]], or drop ability_table and quote the sentence in text",
            ),
            EvaluationRule::NoRatings => lang.pick(
                "[[evaluation.scales.ratings]] に mark と definition を文書の順に書いてください",
                "add [[evaluation.scales.ratings]] entries with mark and definition, in the document's order",
            ),
            EvaluationRule::DuplicateRating { .. } => lang.pick("一つにまとめてください", "keep one of them"),
        }
        .into()
    }
}

impl Profile {
    /// The checks of `[promotion_assumption]`, `[evaluation]` and `[self_report]`.
    pub(super) fn check_optional_sections(&self, ck: &mut Checker, grades: &Known<'_>, competencies: &Known<'_>) {
        if let Some(a) = &self.promotion_assumption {
            if a.typical_years < a.min_years {
                ck.push(
                    path!["promotion_assumption", "typical_years"],
                    ProblemKind::TypicalBelowMinimum {
                        min: a.min_years,
                        typical: a.typical_years,
                    },
                );
            }
            ck.text(path!["promotion_assumption", "note"], &a.note);
        }
        if let Some(evaluation) = &self.evaluation {
            self.check_evaluation(ck, evaluation, grades, competencies);
        }
        if let Some(report) = &self.self_report {
            ck.text(path!["self_report", "name"], &report.name);
            ck.unique_ids(
                Entity::SelfReportTopic,
                report
                    .topics
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (path!["self_report", "topics", i, "id"], t.id.as_str())),
            );
            for (i, t) in report.topics.iter().enumerate() {
                ck.text(path!["self_report", "topics", i, "name"], &t.name);
            }
            if let Some(d) = &report.disclosure {
                ck.text(path!["self_report", "disclosure", "text"], &d.text);
            }
        }
    }

    fn check_evaluation(
        &self,
        ck: &mut Checker,
        evaluation: &crate::model::Evaluation,
        grades: &Known<'_>,
        competencies: &Known<'_>,
    ) {
        let rule = ProblemKind::Evaluation;
        ck.text(path!["evaluation", "name"], &evaluation.name);
        if evaluation.ability_table.is_some() && self.competencies.is_empty() {
            ck.push(
                path!["evaluation", "ability_table"],
                rule(EvaluationRule::AbilityTableWithoutCompetencies),
            );
        }
        let scales = ck.unique_ids(
            Entity::RatingScale,
            evaluation
                .scales
                .iter()
                .enumerate()
                .map(|(i, s)| (path!["evaluation", "scales", i, "id"], s.id.as_str())),
        );
        for (i, scale) in evaluation.scales.iter().enumerate() {
            ck.text(path!["evaluation", "scales", i, "name"], &scale.name);
            if scale.ratings.is_empty() {
                ck.push(path!["evaluation", "scales", i], rule(EvaluationRule::NoRatings));
            }
            let mut marks = HashSet::new();
            for (j, r) in scale.ratings.iter().enumerate() {
                let here = path!["evaluation", "scales", i, "ratings", j, "mark"];
                ck.text(here.clone(), &r.mark);
                if !marks.insert(r.mark.as_str()) {
                    ck.push(here, rule(EvaluationRule::DuplicateRating { mark: r.mark.clone() }));
                }
            }
        }
        ck.unique_ids(
            Entity::EvaluationKind,
            evaluation
                .kinds
                .iter()
                .enumerate()
                .map(|(i, k)| (path!["evaluation", "kinds", i, "id"], k.id.as_str())),
        );
        ck.unique_ids(
            Entity::EvaluationItem,
            evaluation.kinds.iter().enumerate().flat_map(|(i, k)| {
                k.items.iter().enumerate().filter_map(move |(j, item)| {
                    let id = item.id.as_deref()?;
                    Some((path!["evaluation", "kinds", i, "items", j, "id"], id))
                })
            }),
        );
        for (i, kind) in evaluation.kinds.iter().enumerate() {
            ck.text(path!["evaluation", "kinds", i, "name"], &kind.name);
            if let Some(id) = &kind.scale {
                ck.reference(
                    path!["evaluation", "kinds", i, "scale"],
                    Entity::RatingScale,
                    id,
                    &scales,
                );
            }
            if kind.ability_table.is_some() && self.competencies.is_empty() {
                ck.push(
                    path!["evaluation", "kinds", i, "ability_table"],
                    rule(EvaluationRule::AbilityTableWithoutCompetencies),
                );
            }
            for (j, item) in kind.items.iter().enumerate() {
                let here = || path!["evaluation", "kinds", i, "items", j];
                if item.text.trim().is_empty() {
                    ck.push(here().key("text"), ProblemKind::EmptyText);
                } else {
                    ck.lines(here().key("text"), &item.text);
                }
                if let Some(element) = &item.element {
                    ck.one_line(here().key("element"), element);
                }
                if let Some(c) = &item.competency {
                    ck.reference(here().key("competency"), Entity::Competency, c, competencies);
                }
                for (k, g) in item.grades.iter().enumerate() {
                    ck.reference(here().key("grades").index(k), Entity::Grade, g, grades);
                }
            }
        }
        for (i, p) in evaluation.periods.iter().enumerate() {
            ck.text(path!["evaluation", "periods", i, "name"], &p.name);
        }
        for (i, e) in evaluation.evaluators.iter().enumerate() {
            ck.text(path!["evaluation", "evaluators", i, "name"], &e.name);
        }
    }
}
