//! Why an entered value is not plausible, naming the field as the screen does.

use crate::engine::input_checks::{EARLIEST_BIRTH_YEAR, InputProblem, Period, YOUNGEST_AGE};
use crate::i18n::Lang;
use crate::i18n::fields::PlanField;
use crate::model::fiscal_year_label;

impl Period {
    fn field(self) -> PlanField {
        match self {
            Period::Posting => PlanField::Posting,
            Period::Leave => PlanField::Leave,
        }
    }
}

impl InputProblem {
    /// What is wrong, in plain words: the field's label, the bound crossed, and its date.
    pub fn message(&self, lang: Lang) -> String {
        let label = |field: PlanField| field.label(lang);
        match (self, lang) {
            (InputProblem::BirthTooEarly, Lang::Ja) => format!(
                "{}が{EARLIEST_BIRTH_YEAR}年より前です。生まれた年を確かめてください",
                label(PlanField::BirthDate)
            ),
            (InputProblem::BirthTooEarly, Lang::En) => format!(
                "{}: before {EARLIEST_BIRTH_YEAR}; check the year",
                label(PlanField::BirthDate)
            ),
            (InputProblem::BirthTooRecent { latest }, Lang::Ja) => format!(
                "{}から{YOUNGEST_AGE}年たっていません（{latest}以前の日付にしてください）",
                label(PlanField::BirthDate)
            ),
            (InputProblem::BirthTooRecent { latest }, Lang::En) => format!(
                "{}: less than {YOUNGEST_AGE} years ago; use {latest} or earlier",
                label(PlanField::BirthDate)
            ),
            (InputProblem::HiredTooYoung { birthday }, Lang::Ja) => format!(
                "{}が{YOUNGEST_AGE}歳の誕生日（{birthday}）より前です",
                label(PlanField::HireDate)
            ),
            (InputProblem::HiredTooYoung { birthday }, Lang::En) => format!(
                "{}: before the {YOUNGEST_AGE}th birthday ({birthday})",
                label(PlanField::HireDate)
            ),
            (InputProblem::HiredAfterRetirement { retirement }, Lang::Ja) => {
                format!("{}が定年退職日（{retirement}）より後です", label(PlanField::HireDate))
            }
            (InputProblem::HiredAfterRetirement { retirement }, Lang::En) => {
                format!("{}: after retirement ({retirement})", label(PlanField::HireDate))
            }
            (InputProblem::GradeBeforeHire { hire }, Lang::Ja) => format!(
                "{}が{}（{hire}）より前です",
                label(PlanField::GradeSince),
                label(PlanField::HireDate)
            ),
            (InputProblem::GradeBeforeHire { hire }, Lang::En) => {
                format!("{}: before the hire date ({hire})", label(PlanField::GradeSince))
            }
            (InputProblem::GradeInFuture { today }, Lang::Ja) => {
                format!("{}が今日（{today}）より後です", label(PlanField::GradeSince))
            }
            (InputProblem::GradeInFuture { today }, Lang::En) => {
                format!("{}: after today ({today})", label(PlanField::GradeSince))
            }
            (InputProblem::GradeAfterRetirement { retirement }, Lang::Ja) => {
                format!("{}が定年退職日（{retirement}）より後です", label(PlanField::GradeSince))
            }
            (InputProblem::GradeAfterRetirement { retirement }, Lang::En) => {
                format!("{}: after retirement ({retirement})", label(PlanField::GradeSince))
            }
            (InputProblem::TargetYearPast { this_year }, Lang::Ja) => format!(
                "{}が過ぎています（今年度は{}）",
                label(PlanField::TargetFy),
                fiscal_year_label(*this_year, lang)
            ),
            (InputProblem::TargetYearPast { this_year }, Lang::En) => format!(
                "{}: already past (this is {})",
                label(PlanField::TargetFy),
                fiscal_year_label(*this_year, lang)
            ),
            (InputProblem::TargetYearAfterRetirement { last_year }, Lang::Ja) => format!(
                "{}が定年退職の年度（{}）より後です",
                label(PlanField::TargetFy),
                fiscal_year_label(*last_year, lang)
            ),
            (InputProblem::TargetYearAfterRetirement { last_year }, Lang::En) => format!(
                "{}: after the last year of service ({})",
                label(PlanField::TargetFy),
                fiscal_year_label(*last_year, lang)
            ),
            (InputProblem::StartAfterRetirement { period, retirement }, Lang::Ja) => format!(
                "{}の{}が定年退職日（{retirement}）より後です",
                label(period.field()),
                label(PlanField::Start)
            ),
            (InputProblem::StartAfterRetirement { period, retirement }, Lang::En) => {
                format!("{}: starts after retirement ({retirement})", label(period.field()))
            }
            (InputProblem::EndBeforeStart { period, start }, Lang::Ja) => format!(
                "{}の{}が{}（{start}）より前です",
                label(period.field()),
                label(PlanField::End),
                label(PlanField::Start)
            ),
            (InputProblem::EndBeforeStart { period, start }, Lang::En) => {
                format!("{}: ends before it starts ({start})", label(period.field()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    #[test]
    fn messages_name_the_field_and_the_bound() {
        let cases = [
            (
                InputProblem::BirthTooEarly,
                "生年月日が1940年より前です。生まれた年を確かめてください",
            ),
            (
                InputProblem::BirthTooRecent {
                    latest: d("2011-06-15"),
                },
                "生年月日から15年たっていません（2011-06-15以前の日付にしてください）",
            ),
            (
                InputProblem::HiredTooYoung {
                    birthday: d("2005-05-10"),
                },
                "採用日が15歳の誕生日（2005-05-10）より前です",
            ),
            (
                InputProblem::GradeBeforeHire { hire: d("2013-04-01") },
                "職級の開始日が採用日（2013-04-01）より前です",
            ),
            (
                InputProblem::TargetYearPast { this_year: 2026 },
                "目標年度が過ぎています（今年度は2026（令和8年度））",
            ),
            (
                InputProblem::EndBeforeStart {
                    period: Period::Posting,
                    start: d("2020-04-01"),
                },
                "配属の終了日が開始日（2020-04-01）より前です",
            ),
            (
                InputProblem::StartAfterRetirement {
                    period: Period::Leave,
                    retirement: d("2056-03-31"),
                },
                "休業等の開始日が定年退職日（2056-03-31）より後です",
            ),
        ];
        for (problem, ja) in cases {
            assert_eq!(problem.message(Lang::Ja), ja);
        }
        assert_eq!(
            InputProblem::TargetYearAfterRetirement { last_year: 2055 }.message(Lang::En),
            "Target year: after the last year of service (FY2055)"
        );
        assert_eq!(
            InputProblem::GradeInFuture { today: d("2026-06-15") }.message(Lang::En),
            "In grade since: after today (2026-06-15)"
        );
    }
}
