//! Engine results and plan problems in words, shared by the command line and the terminal
//! app.

use crate::engine::PlanNote;
use crate::i18n::Lang;
use crate::model::{Profile, fiscal_year_label};

pub mod compare;
mod levels;
mod lifeline;
pub mod next10;
mod posts;
mod problems;
pub mod roster;
mod rotation;
mod team;
pub mod wcm;

pub use levels::{
    level_cell, level_difference, level_meaning, level_number, rung_text, scale_legend, scale_legend_short,
};
pub use lifeline::{age_text, department_name, life_event, score_text, tense_label};
pub use posts::{current_grade, grade_post, post_text};
pub use problems::plan_problem;
pub(crate) use rotation::rule_phrase;
pub use rotation::{finding_text, next_post_lines, rule_progress, rule_status, rule_strength, rule_window};
pub use team::{TeamSummary, team_summary};

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
/// illustrative or assumed.
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
    if step.reachable == Some(false) {
        notes.push(lang.pick("定年後", "after retirement").into());
    } else if step.before_management_limit == Some(false) {
        notes.push(lang.pick("役職定年後", "after 役職定年").into());
    } else if step.typical_reachable == Some(false) {
        notes.push(lang.pick("標準では定年後", "typical path ends after retirement").into());
    }
    if step.illustrative {
        notes.push(lang.pick("年数は例示", "years illustrative").into());
    }
    match step.assumed_by {
        Some(crate::model::AssumedBy::HrOffice) => {
            notes.push(
                lang.pick("年数は人事担当課の仮定", "years: the HR office's assumption")
                    .into(),
            );
        }
        Some(crate::model::AssumedBy::Michi) => {
            notes.push(lang.pick("年数は Michi の仮定", "years: Michi's assumption").into())
        }
        None => {}
    }
    if step.grade_illustrative {
        notes.push(
            lang.pick("職級名は Michi の読み取り", "grade is Michi's reading")
                .into(),
        );
    }
    notes
}

/// The plan's course as shown: 「エキスパートコース（法務）2030-04-01 から」, or the default
/// course's name; empty when the profile offers none.
pub fn course_label(profile: &Profile, plan: &crate::model::Plan, lang: Lang) -> String {
    let Some(course) = plan.course_id(profile).and_then(|c| profile.course(c)) else {
        return String::new();
    };
    let mut label = course.name.clone();
    if let Some(field) = plan
        .course_field
        .as_deref()
        .and_then(|f| course.fields.iter().find(|x| x.id == f))
    {
        label.push_str(&format!("（{}）", field.name));
    }
    if let Some(since) = plan.course_since {
        label.push_str(&match lang {
            Lang::Ja => format!(" {since} から"),
            Lang::En => format!(" since {since}"),
        });
    }
    label
}

/// A fiscal year of the path, or 「在級年数の定めなし」 where the promotion model states no
/// years in grade on the way (and no assumption is declared).
pub fn step_year(fy: Option<crate::model::FiscalYear>, lang: Lang) -> String {
    step_year_text(fy, lang, true)
}

/// [`step_year`] with or without the 和暦.
pub fn step_year_text(fy: Option<crate::model::FiscalYear>, lang: Lang, wareki: bool) -> String {
    fy.map_or_else(
        || lang.pick("在級年数の定めなし", "no years in grade stated").to_string(),
        |fy| crate::model::fiscal_year_text(fy, lang, wareki),
    )
}

/// The legend of a declared `[promotion_assumption]`, shown under every path that uses it:
/// 「仮定: 文書に在級年数の定めがない昇任は、最短 3 年・標準 5 年とする人事担当課の仮定（…）」.
pub fn promotion_assumption_legend(p: &Profile, lang: Lang) -> Option<String> {
    let a = p.promotion_assumption.as_ref()?;
    let source = a.source.as_deref().map(|s| format!("・{s}")).unwrap_or_default();
    Some(match lang {
        Lang::Ja => format!(
            "仮定: 文書に在級年数の定めがない昇任は、最短 {} 年・標準 {} 年とする{}（{}{source}）",
            a.min_years,
            a.typical_years,
            a.by.label_ja(),
            a.note
        ),
        Lang::En => format!(
            "Assumed: where the document states no years in grade, {} years at least and {} typically — {} ({}{source})",
            a.min_years,
            a.typical_years,
            a.by.label_en(),
            a.note
        ),
    })
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
    if !report.ability_table {
        return lang
            .pick(
                "文書に能力表なし（準備度なし）",
                "the document has no ability table (no readiness)",
            )
            .to_string();
    }
    let figure = report.readiness.map_or_else(|| "—".to_string(), |r| format!("{r}/100"));
    let (assessed, total) = (report.assessed, report.total);
    let (key_assessed, key_total) = (report.key_assessed, report.key_total);
    let key_total = if report.marked { key_total } else { 0 };
    let own = match (lang, key_total) {
        (Lang::Ja, 0) => format!("準備度 {figure}（評価済み {assessed}/{total}）"),
        (Lang::Ja, _) => {
            format!("準備度 {figure}（◎ {key_total}件中 {key_assessed}件評価済み・全体 {assessed}/{total}）")
        }
        (Lang::En, 0) => format!("readiness {figure} ({assessed} of {total} assessed)"),
        (Lang::En, _) => format!(
            "readiness {figure} ({key_assessed} of {key_total} key items assessed, {assessed} of {total} in all)"
        ),
    };
    // Both ways once the supervisor has assessed: 本人 and 上司 read the same rule.
    match (report.supervisor_readiness, lang) {
        (Some(r), Lang::Ja) => format!(
            "{own}・上司の評価では {r}/100（評価済み {}/{total}）",
            report.supervisor_assessed
        ),
        (Some(r), Lang::En) => format!(
            "{own}; by the supervisor's levels {r}/100 ({} of {total} assessed)",
            report.supervisor_assessed
        ),
        (None, _) => own,
    }
}

/// Readiness both ways in one short line, each figure with its coverage, for where the two
/// views are compared: 「準備度 本人 52/100（評価済み 16/16）・上司 15/100（評価済み 5/16）」.
/// `None` until the supervisor has assessed (then [`readiness_text`] says it all).
pub fn readiness_both_ways(report: &crate::engine::GapReport, lang: Lang) -> Option<String> {
    let supervisor = report.supervisor_readiness?;
    let own = report.readiness?;
    let total = report.total;
    let (assessed, supervisor_assessed) = (report.assessed, report.supervisor_assessed);
    Some(match lang {
        Lang::Ja => format!(
            "準備度 本人 {own}/100（評価済み {assessed}/{total}）・上司 {supervisor}/100（評価済み {supervisor_assessed}/{total}）"
        ),
        Lang::En => format!(
            "readiness: self {own}/100 ({assessed}/{total} assessed), supervisor {supervisor}/100 ({supervisor_assessed}/{total} assessed)"
        ),
    })
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
        PlanNote::NoAbilityTable => lang
            .pick(
                "文書に能力表なし: 能力の差と準備度は示しません。目標の職級の役割の確認が目安です",
                "the document has no ability table: no gaps and no readiness; the target grade's roles checklist is the signal",
            )
            .to_string(),
        PlanNote::TargetYearsNotStated { grade } => {
            if ja {
                format!(
                    "{} までの在級年数は文書に定めがないため、到達の年度は示せません（研修計画は目安の年度までです）",
                    grade_name(p, grade)
                )
            } else {
                format!(
                    "the document states no years in grade on the way to {}, so no year to reach it is shown (the training plan runs to a horizon)",
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
