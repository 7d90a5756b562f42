//! Engine results in words, shared by the command line and the terminal app.

use crate::engine::{Finding, PlanNote};
use crate::i18n::Lang;
use crate::model::{Profile, fiscal_year_label};
use crate::text::escape_controls;

fn grade_name<'p>(profile: &'p Profile, id: &'p str) -> &'p str {
    profile.grade(id).map_or(id, |(_, g)| g.name.as_str())
}

/// A rotation finding in words.
pub fn finding_text(f: &Finding, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match f {
        Finding::LongPosting {
            department,
            years,
            typical_years,
            illustrative,
        } => {
            let example = if *illustrative {
                lang.pick("（例示）", " (illustrative)")
            } else {
                ""
            };
            if ja {
                format!("{department} の在籍 {years:.1} 年は標準 {typical_years} 年{example}より長い")
            } else {
                format!("{department}: {years:.1} years, longer than the typical {typical_years}{example}")
            }
        }
        Finding::DueForRotation {
            department,
            years,
            typical_years,
            illustrative,
        } => {
            let example = if *illustrative {
                lang.pick("（例示）", " (illustrative)")
            } else {
                ""
            };
            if ja {
                format!(
                    "現在の {department} は {years:.1} 年で、標準 {typical_years} 年{example}に達しています（異動の時期）"
                )
            } else {
                format!(
                    "current posting {department} at {years:.1} years has reached the typical {typical_years}{example}: due for rotation"
                )
            }
        }
        Finding::SpecialistExempt { rule } => {
            if ja {
                format!("スペシャリストのため規則 {rule} の対象外")
            } else {
                format!("specialist track: exempt from rule {rule}")
            }
        }
        Finding::LeaveInWindow { rule, days } => {
            if ja {
                format!("規則 {rule} の期間に休業等が {days} 日あります（期間の扱いは人事担当課に確認を）")
            } else {
                format!("{days} days of leave fall within rule {rule}'s window (ask the HR office how it counts)")
            }
        }
        Finding::UnknownFamily { department } => {
            if ja {
                format!("配属 {department} の系統が不明です（family を書くと判定に使えます）")
            } else {
                format!("posting {department}: family unknown (add `family` to count it)")
            }
        }
        Finding::Constraint { text } => {
            let text = escape_controls(text);
            if ja {
                format!("本人の事情: {text}")
            } else {
                format!("personal constraint: {text}")
            }
        }
        Finding::NoRules => lang
            .pick(
                "プロファイルに判定できるローテーションの規則がありません",
                "the profile states no rotation rule to check",
            )
            .to_string(),
        Finding::NoRuleForSeries => lang
            .pick(
                "この職系に適用されるローテーションの規則はありません",
                "no rotation rule applies to this job series",
            )
            .to_string(),
    }
}

/// A note about the plan as a whole, in words.
pub fn note_text(p: &Profile, n: &PlanNote, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match n {
        PlanNote::TargetBeforeEarliest { target_fy, earliest_fy } => {
            let (t, e) = (
                fiscal_year_label(*target_fy, lang),
                fiscal_year_label(*earliest_fy, lang),
            );
            if ja {
                format!("目標年度 {t} は、昇任モデルの最短 {e} より前です")
            } else {
                format!("target year {t} is earlier than the model's earliest {e}")
            }
        }
        PlanNote::TargetAfterRetirement { grade } => {
            if ja {
                format!("{} には定年までに届きません", grade_name(p, grade))
            } else {
                format!("{} cannot be reached before retirement", grade_name(p, grade))
            }
        }
        PlanNote::TargetAfterManagementLimit { grade } => {
            if ja {
                format!("{} は役職定年（60歳）の後になります", grade_name(p, grade))
            } else {
                format!(
                    "{} would come after the management age limit (役職定年, 60)",
                    grade_name(p, grade)
                )
            }
        }
        PlanNote::TargetNotConnected { grade } => {
            if ja {
                format!("{} へ至る昇任ステップがプロファイルにありません", grade_name(p, grade))
            } else {
                format!("the profile has no promotion step leading to {}", grade_name(p, grade))
            }
        }
        PlanNote::NoRequirements { grade } => {
            if ja {
                format!(
                    "このプロファイルは {} に求める能力の段階を定めていないため、差と準備度は示せません（文書の記載を確認してください）",
                    grade_name(p, grade)
                )
            } else {
                format!(
                    "the profile sets no competency levels for {}, so gaps and readiness cannot be shown (see the document's notes)",
                    grade_name(p, grade)
                )
            }
        }
        PlanNote::TargetIsCurrent => lang
            .pick(
                "目標は現在の職級です（差の確認に使えます）",
                "the target is the current grade",
            )
            .to_string(),
    }
}
