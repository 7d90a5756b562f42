//! The life-line chart in words: its events, scores and years, for the app and the worksheet.

use crate::engine::{LifeEvent, Tense};
use crate::i18n::Lang;
use crate::model::{AssumedBy, Profile};

/// Where the retirement rules come from, told beside 定年 and 役職定年.
const NATIONAL_RULE: &str = "地方公務員法";

/// A department's name as the profile writes it (free text as written).
pub fn department_name<'p>(profile: &'p Profile, id: &'p str) -> &'p str {
    profile.department(id).map_or(id, |d| d.name.as_str())
}

/// A 充実度 as shown: `+3`, `0`, `-2` (ASCII signs, one column each).
pub fn score_text(score: i8) -> String {
    if score == 0 {
        "0".to_string()
    } else {
        format!("{score:+}")
    }
}

/// Past, this year or ahead.
pub fn tense_label(tense: Tense, lang: Lang) -> &'static str {
    match tense {
        Tense::Past => lang.pick("これまで", "past"),
        Tense::Current => lang.pick("今年度", "this year"),
        Tense::Future => lang.pick("これから", "ahead"),
    }
}

/// Age at the end of the fiscal year: 「31歳」, "age 31".
pub fn age_text(age: i32, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{age}歳"),
        Lang::En => format!("age {age}"),
    }
}

/// One event of a year, in words. Expected promotions say so, with what their years rest on;
/// 定年 and 役職定年 name the national rule.
pub fn life_event(profile: &Profile, event: &LifeEvent, lang: Lang) -> String {
    let grade = |id: &str| crate::describe::grade_name(profile, id).to_string();
    match event {
        LifeEvent::Hired => lang.pick("採用", "hired").to_string(),
        LifeEvent::Posting { department } => {
            let name = department_name(profile, department);
            match lang {
                Lang::Ja => format!("{name}に配属"),
                Lang::En => format!("posted to {name}"),
            }
        }
        LifeEvent::Promoted { grade: id } => match lang {
            Lang::Ja => format!("{}に昇任", grade(id)),
            Lang::En => format!("promoted to {}", grade(id)),
        },
        LifeEvent::ExpectedPromotion {
            grade: id,
            target,
            exam,
            illustrative,
            assumed_by,
        } => {
            let mut notes = vec![lang.pick("標準の年数", "typical years").to_string()];
            if *target {
                notes.push(lang.pick("目標", "target").into());
            }
            if *exam {
                notes.push(lang.pick("選考試験", "selection exam").into());
            }
            if *illustrative {
                notes.push(lang.pick("年数は例示", "years illustrative").into());
            }
            match assumed_by {
                Some(AssumedBy::HrOffice) => notes.push(
                    lang.pick("年数は人事担当課の仮定", "years: the HR office's assumption")
                        .into(),
                ),
                Some(AssumedBy::Michi) => {
                    notes.push(lang.pick("年数は Michi の仮定", "years: Michi's assumption").into())
                }
                None => {}
            }
            match lang {
                Lang::Ja => format!("{}に昇任の見込み（{}）", grade(id), notes.join("・")),
                Lang::En => format!("expected: promotion to {} ({})", grade(id), notes.join("; ")),
            }
        }
        LifeEvent::Leave { kind, from, to } => {
            let until = to.map_or_else(|| lang.pick("継続中", "ongoing").to_string(), |d| d.to_string());
            match lang {
                Lang::Ja => format!("{}（{from}～{until}）", kind.label_ja()),
                Lang::En => format!("{} ({from} to {until})", kind.label_en()),
            }
        }
        LifeEvent::PlannedTraining { id } => {
            let name = crate::describe::training_name(profile, id);
            match lang {
                Lang::Ja => format!("{name}を受講予定"),
                Lang::En => format!("training planned: {name}"),
            }
        }
        LifeEvent::ManagementPostEnds { until } => match lang {
            Lang::Ja => format!("役職定年（{until} まで・{NATIONAL_RULE}）"),
            Lang::En => format!("management posts end ({until}; {NATIONAL_RULE})"),
        },
        LifeEvent::Retirement { age, date } => match lang {
            Lang::Ja => format!("定年退職 {age}歳（{date}・{NATIONAL_RULE}）"),
            Lang::En => format!("retirement at {age} ({date}; {NATIONAL_RULE})"),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::Date;

    fn profile() -> Profile {
        crate::store::Catalog::load(None, Lang::Ja)
            .get("iruma")
            .unwrap()
            .profile
            .clone()
    }

    #[test]
    fn events_read_in_both_languages_and_expected_ones_say_so() {
        let p = profile();
        let expected = LifeEvent::ExpectedPromotion {
            grade: "kacho".into(),
            target: true,
            exam: false,
            illustrative: false,
            assumed_by: None,
        };
        let ja = life_event(&p, &expected, Lang::Ja);
        assert!(ja.contains("見込み") && ja.contains("目標"), "{ja}");
        assert!(life_event(&p, &expected, Lang::En).starts_with("expected: promotion to"));
        let retirement = LifeEvent::Retirement {
            age: 65,
            date: Date::parse("2054-03-31").unwrap(),
        };
        assert_eq!(
            life_event(&p, &retirement, Lang::Ja),
            "定年退職 65歳（2054-03-31・地方公務員法）"
        );
        let posting = LifeEvent::Posting {
            department: "どこかの課".into(),
        };
        assert_eq!(life_event(&p, &posting, Lang::En), "posted to どこかの課");
    }

    #[test]
    fn scores_carry_ascii_signs() {
        assert_eq!(
            [-5, -1, 0, 1, 5].map(score_text),
            ["-5", "-1", "0", "+1", "+5"].map(String::from)
        );
    }
}
