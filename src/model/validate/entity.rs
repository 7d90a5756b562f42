//! The kinds of thing a profile names by id, and their names in words.

use crate::i18n::Lang;

/// The kinds of thing a profile names by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Series,
    Grade,
    Competency,
    CompetencyGroup,
    Training,
    Family,
    Department,
    Rule,
    Measure,
    DeliveryMethod,
    Course,
    CourseField,
    EvaluationKind,
    EvaluationItem,
    RatingScale,
    SelfReportTopic,
    PostClass,
    Position,
    Profile,
}

impl Entity {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Entity::Series => lang.pick("職系", "job series"),
            Entity::Grade => lang.pick("職級", "grade"),
            Entity::Competency => lang.pick("能力", "competency"),
            Entity::CompetencyGroup => lang.pick("能力の区分", "competency group"),
            Entity::Training => lang.pick("研修", "training"),
            Entity::Family => lang.pick("部門系統", "department family"),
            Entity::Department => lang.pick("部署", "department"),
            Entity::Rule => lang.pick("ローテーション規則", "rotation rule"),
            Entity::Measure => lang.pick("育成の取組", "career-support measure"),
            Entity::DeliveryMethod => lang.pick("研修の実施方法", "delivery method"),
            Entity::Course => lang.pick("コース", "course"),
            Entity::CourseField => lang.pick("コースの分野", "course field"),
            Entity::EvaluationKind => lang.pick("評価の種類", "kind of evaluation"),
            Entity::EvaluationItem => lang.pick("評価の項目", "evaluation item"),
            Entity::RatingScale => lang.pick("評語の尺度", "rating scale"),
            Entity::SelfReportTopic => lang.pick("自己申告の項目", "self-report topic"),
            Entity::PostClass => lang.pick("職の区分", "post class"),
            Entity::Position => lang.pick("役職", "position"),
            Entity::Profile => lang.pick("プロファイル", "profile"),
        }
    }
}
