//! Engine results and plan problems in words, shared by the command line and the terminal
//! app.

use crate::engine::{Finding, PlanNote};
use crate::i18n::Lang;
use crate::model::{Profile, RotationRuleKind, fiscal_year_label};
use crate::text::escape_controls;

mod levels;
mod posts;
mod problems;

pub use levels::{level_cell, level_meaning, level_number, scale_legend, scale_legend_short};
pub use posts::{current_grade, grade_post, post_text};
pub use problems::plan_problem;

/// A grade's name as the document writes it (the id when the profile has no such grade).
pub fn grade_name<'p>(profile: &'p Profile, id: &'p str) -> &'p str {
    profile.grade(id).map_or(id, |(_, g)| g.name.as_str())
}

/// A competency's name as the document writes it.
pub fn competency_name<'p>(profile: &'p Profile, id: &'p str) -> &'p str {
    profile.competency(id).map_or(id, |c| c.name.as_str())
}

/// A training's name as the document writes it.
pub fn training_name<'p>(profile: &'p Profile, id: &'p str) -> &'p str {
    profile.training(id).map_or(id, |t| t.name.as_str())
}

/// A department family's name as the profile writes it.
pub fn family_name<'p>(profile: &'p Profile, id: &'p str) -> &'p str {
    profile.family(id).map_or(id, |f| f.name.as_str())
}

/// A department family's name, marked 「（例示）」 when the family is Michi's example rather
/// than the document's.
pub fn family_label(profile: &Profile, id: &str, lang: Lang) -> String {
    match profile.family(id) {
        Some(f) if f.illustrative => format!("{}{}", f.name, lang.pick("（例示）", " (example)")),
        Some(f) => f.name.clone(),
        None => id.to_string(),
    }
}

/// What to note beside a step of the grade ladder: its exam, its post class and 役職定年
/// ([`grade_post`]), whether it falls after retirement or 役職定年, and whether its years are
/// illustrative.
pub fn step_notes(profile: &Profile, step: &crate::engine::TrajectoryStep, lang: Lang) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    if step.exam {
        notes.push(lang.pick("選考試験", "selection exam").into());
    }
    if let Some(post) = profile
        .grade(&step.grade)
        .and_then(|(_, g)| grade_post(profile, g, lang))
    {
        notes.push(post);
    }
    if !step.reachable {
        notes.push(lang.pick("定年後", "after retirement").into());
    } else if !step.before_management_limit {
        notes.push(lang.pick("役職定年後", "after 役職定年").into());
    } else if !step.typical_reachable {
        notes.push(lang.pick("標準では定年後", "typical path ends after retirement").into());
    }
    if step.illustrative {
        notes.push(lang.pick("年数は例示", "years illustrative").into());
    }
    if step.grade_illustrative {
        notes.push(
            lang.pick("職級名は Michi の読み取り", "grade is Michi's reading")
                .into(),
        );
    }
    notes
}

/// Whom a training is for and how it is delivered, as the document says:
/// 「対象: 主事級・主任級（Michi の読み取り）・方法: オンライン研修」, 「対象: 全職員」,
/// 「対象: 文書に記載なし」.
pub fn training_audience(profile: &Profile, t: &crate::model::Training, lang: Lang) -> String {
    use crate::model::Audience;
    let who = match t.audience() {
        Audience::Every => lang.pick("全職級", "every grade").to_string(),
        Audience::Unstated => lang.pick("文書に記載なし", "not stated in the document").to_string(),
        Audience::Listed => {
            let names: Vec<&str> = t.grades.iter().map(|g| grade_name(profile, g)).collect();
            names.join(lang.pick("・", ", "))
        }
    };
    let reading = if t.grades_illustrative {
        lang.pick("（Michi の読み取り）", " (Michi's reading)")
    } else {
        ""
    };
    let mut text = format!("{} {who}{reading}", lang.pick("対象:", "For:"));
    if !t.delivery.is_empty() {
        let methods: Vec<&str> = t
            .delivery
            .iter()
            .map(|id| profile.delivery_method(id).map_or(id.as_str(), |m| m.name.as_str()))
            .collect();
        text.push_str(&format!(
            "{}{}",
            lang.pick("・方法: ", "; delivered as: "),
            methods.join("・")
        ));
    }
    text
}

/// Readiness with its coverage, so a figure is never read without knowing how much of it
/// was assessed: 「準備度 41/100（◎ 9件中 2件評価済み・全体 10/17）」.
pub fn readiness_text(report: &crate::engine::GapReport, lang: Lang) -> String {
    let figure = report.readiness.map_or_else(|| "—".to_string(), |r| format!("{r}/100"));
    let (assessed, total) = (report.assessed, report.total);
    let (key_assessed, key_total) = (report.key_assessed, report.key_total);
    let key_total = if report.marked { key_total } else { 0 };
    match (lang, key_total) {
        (Lang::Ja, 0) => format!("準備度 {figure}（評価済み {assessed}/{total}）"),
        (Lang::Ja, _) => {
            format!("準備度 {figure}（◎ {key_total}件中 {key_assessed}件評価済み・全体 {assessed}/{total}）")
        }
        (Lang::En, 0) => format!("readiness {figure} ({assessed} of {total} assessed)"),
        (Lang::En, _) => format!(
            "readiness {figure} ({key_assessed} of {key_total} key items assessed, {assessed} of {total} in all)"
        ),
    }
}

/// A rotation rule's status in words.
pub fn rule_status(status: crate::engine::RuleStatus, lang: Lang) -> &'static str {
    use crate::engine::RuleStatus;
    match status {
        RuleStatus::Satisfied => lang.pick("達成", "met"),
        RuleStatus::InProgress => lang.pick("期間内・未達", "in progress"),
        RuleStatus::NotMet => lang.pick("未達（期間終了）", "not met (window closed)"),
        RuleStatus::BelowGuideline => lang.pick("目安に届かず（助言）", "short of the guideline (advice)"),
        RuleStatus::Exempt => lang.pick("対象外（スペシャリスト）", "exempt (specialist)"),
    }
}

/// Whether a rule binds, with the words that make it approximate and whom it is for:
/// 「目安（文書の語: 概ね・いずれか）・対象: 多くの職員が在職する一般行政職について」.
/// `None` for a plain requirement that says nothing more.
pub fn rule_strength(rule: &crate::engine::rotation::RuleCheck, lang: Lang) -> Option<String> {
    use crate::model::RuleStrength;
    if rule.strength == RuleStrength::Requirement && rule.hedges.is_empty() && rule.scope.is_none() {
        return None;
    }
    let mut out = match (rule.strength, lang) {
        (RuleStrength::Requirement, Lang::Ja) => "要件".to_string(),
        (RuleStrength::Requirement, Lang::En) => "requirement".to_string(),
        (RuleStrength::Guideline, Lang::Ja) => "目安（助言のみ、未達とはしない）".to_string(),
        (RuleStrength::Guideline, Lang::En) => "guideline (advice only, never 'not met')".to_string(),
    };
    if !rule.hedges.is_empty() {
        out.push_str(&match lang {
            Lang::Ja => format!("・文書の語: {}", rule.hedges.join("・")),
            Lang::En => format!("; the document's words: {}", rule.hedges.join(", ")),
        });
    }
    if let Some(scope) = &rule.scope {
        out.push_str(&match lang {
            Lang::Ja => format!("・対象: {scope}"),
            Lang::En => format!("; for: {scope}"),
        });
    }
    Some(out)
}

/// A rotation rule in a few words, by what it asks and its window: profiles name rules by
/// ids no reader should see, and their text runs to paragraphs.
pub(crate) fn rule_phrase(kind: RotationRuleKind, window_years: u8, lang: Lang) -> String {
    match (kind, lang) {
        (RotationRuleKind::CoverFamilies, Lang::Ja) => {
            format!("採用から{window_years}年で各部門系統を経験するローテーション")
        }
        (RotationRuleKind::DistinctDepartments, Lang::Ja) => {
            format!("採用から{window_years}年で複数の部署を経験するローテーション")
        }
        (RotationRuleKind::CoverFamilies, Lang::En) => {
            format!("the rotation through each department family in the first {window_years} years")
        }
        (RotationRuleKind::DistinctDepartments, Lang::En) => {
            format!("the rotation through several departments in the first {window_years} years")
        }
    }
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
        Finding::SpecialistExempt {
            rule_kind,
            window_years,
            ..
        } => {
            let rule = rule_phrase(*rule_kind, *window_years, lang);
            if ja {
                format!("スペシャリストのため、{rule}の対象外です")
            } else {
                format!("specialist track: exempt from {rule}")
            }
        }
        Finding::LeaveInWindow {
            rule_kind,
            window_years,
            days,
            ..
        } => {
            let rule = rule_phrase(*rule_kind, *window_years, lang);
            if ja {
                format!("{rule}の期間に、休業等が {days} 日あります（期間の扱いは人事担当課に確認を）")
            } else {
                format!("{days} days of leave fall within {rule} (ask the HR office how it counts)")
            }
        }
        Finding::UnknownFamily { department } => {
            let department = escape_controls(department);
            if ja {
                format!("配属「{department}」の系統が分かりません（系統を選ぶと判定に使えます）")
            } else {
                format!("posting {department}: family unknown (choose its family to count it)")
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
                "文書はローテーションの規則を定めていません（判定しません）",
                "the document sets no rotation rule (nothing is checked)",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_rules_are_told_by_what_they_ask_never_by_id() {
        let exempt = Finding::SpecialistExempt {
            rule: "three_departments_in_10_years".into(),
            rule_kind: RotationRuleKind::DistinctDepartments,
            window_years: 10,
        };
        let leave = Finding::LeaveInWindow {
            rule: "three_families".into(),
            rule_kind: RotationRuleKind::CoverFamilies,
            window_years: 10,
            days: 701,
        };
        assert_eq!(
            finding_text(&exempt, Lang::Ja),
            "スペシャリストのため、採用から10年で複数の部署を経験するローテーションの対象外です"
        );
        assert_eq!(
            finding_text(&leave, Lang::Ja),
            "採用から10年で各部門系統を経験するローテーションの期間に、休業等が 701 日あります（期間の扱いは人事担当課に確認を）"
        );
        for lang in [Lang::Ja, Lang::En] {
            for (finding, id) in [(&exempt, "three_departments_in_10_years"), (&leave, "three_families")] {
                let text = finding_text(finding, lang);
                assert!(!text.contains(id) && !text.contains("規則 "), "{text}");
            }
        }
        assert_eq!(
            finding_text(&leave, Lang::En),
            "701 days of leave fall within the rotation through each department family in the first 10 years (ask the HR office how it counts)"
        );
    }

    #[test]
    fn an_unknown_family_asks_for_the_family_not_the_key() {
        let f = Finding::UnknownFamily {
            department: "どこかの課".into(),
        };
        assert_eq!(
            finding_text(&f, Lang::Ja),
            "配属「どこかの課」の系統が分かりません（系統を選ぶと判定に使えます）"
        );
        assert!(!finding_text(&f, Lang::En).contains('`'));
    }
}
