//! Two plans side by side in words, for `michi compare` and the app's compare screen: the
//! same sections for both sides, each a list of short lines that either can lay out in two
//! columns or one above the other.

use crate::engine::compare::{Comparison, LadderGrade, PlanSide, Standing};
use crate::engine::{RuleStatus, TargetYearSource};
use crate::i18n::Lang;
use crate::model::{AssumedBy, RuleStrength, YearsBasis, fiscal_year_label};

mod mapping;
pub use mapping::{mapping_lines, mapping_summary, unmapped_lines};

/// One section of the comparison: a title and each side's lines (A, then B).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareSection {
    pub title: String,
    pub sides: [Vec<String>; 2],
}

/// How a side is named: 「入間 健 — 入間市・一般職員」.
pub fn side_title(side: &PlanSide, lang: Lang) -> String {
    let who = side.person.as_deref().map_or_else(
        || lang.pick("（氏名なし）", "(no name)").to_string(),
        crate::text::escape_line,
    );
    match &side.series_name {
        Some(series) => format!("{who} — {}{}{series}", side.city, lang.pick("・", ", ")),
        None => format!("{who} — {}", side.city),
    }
}

/// The comparison's sections, in the order they are read.
pub fn sections(c: &Comparison, lang: Lang) -> Vec<CompareSection> {
    let both = |f: &dyn Fn(&PlanSide) -> Vec<String>| [f(&c.left), f(&c.right)];
    vec![
        CompareSection {
            title: lang.pick("現在と目標", "Now and target").into(),
            sides: both(&|s| now_and_target(s, lang)),
        },
        CompareSection {
            title: lang
                .pick(
                    "昇任の道筋（到達の年度 最短/標準・在級年数）",
                    "Ladder (FY reached earliest/typical; years in grade)",
                )
                .into(),
            sides: both(&|s| ladder(s, lang)),
        },
        CompareSection {
            title: lang.pick("定年・役職定年", "Retirement and 役職定年").into(),
            sides: both(&|s| retirement(s, lang)),
        },
        CompareSection {
            title: lang.pick("目標の職級への準備度", "Readiness for the target").into(),
            sides: both(&|s| readiness(s, lang)),
        },
        CompareSection {
            title: lang.pick("差の大きい能力（上位3）", "Largest gaps (top 3)").into(),
            sides: both(&|s| gaps(s, lang)),
        },
        CompareSection {
            title: lang
                .pick("次の研修（最初の年度）", "Next trainings (first year)")
                .into(),
            sides: both(&|s| trainings(s, lang)),
        },
        CompareSection {
            title: lang.pick("ローテーション", "Rotation").into(),
            sides: both(&|s| rotation(s, lang)),
        },
    ]
}

fn now_and_target(s: &PlanSide, lang: Lang) -> Vec<String> {
    let grade = match (&s.position_name, lang) {
        (Some(p), Lang::Ja) => format!("{}（{p}）", s.grade_name),
        (Some(p), Lang::En) => format!("{} ({p})", s.grade_name),
        (None, _) => s.grade_name.clone(),
    };
    let basis = match s.target_fy_source {
        TargetYearSource::Plan => "",
        TargetYearSource::Typical => lang.pick("・標準的な年数による", ", typical path"),
        TargetYearSource::Default => lang.pick("・目安", ", a horizon"),
    };
    let fy = fiscal_year_label(s.target_fy, lang);
    match lang {
        Lang::Ja => vec![
            format!("現在: {grade}（{} から）", s.grade_since),
            format!("目標: {}・{fy}まで{basis}", s.target_name),
        ],
        Lang::En => vec![
            format!("Now: {grade} (since {})", s.grade_since),
            format!("Target: {} (by {fy}{basis})", s.target_name),
        ],
    }
}

fn years_pair(a: Option<u8>, b: Option<u8>) -> String {
    let one = |y: Option<u8>| y.map_or_else(|| "—".to_string(), |y| y.to_string());
    format!("{}/{}", one(a), one(b))
}

fn ladder_line(g: &LadderGrade, lang: Lang) -> String {
    let mut line = g.name.clone();
    if g.standing == Standing::Above {
        if g.unconnected {
            line.push_str(lang.pick(" 昇任ステップなし", " no step leads here"));
        } else if g.earliest_fy.is_none() && g.typical_fy.is_none() {
            line.push_str(lang.pick(" 在級年数の定めなし", " no years stated"));
        } else {
            let fy = |y: Option<i32>| y.map_or_else(|| "—".to_string(), |y| y.to_string());
            line.push_str(&format!(" {}/{}", fy(g.earliest_fy), fy(g.typical_fy)));
        }
    }
    if g.min_years.is_some() || g.typical_years.is_some() {
        let years = years_pair(g.min_years, g.typical_years);
        line.push_str(&match (g.years_basis, lang) {
            (Some(YearsBasis::Assumed), Lang::Ja) => format!("（{years}年*）"),
            (Some(YearsBasis::Assumed), Lang::En) => format!(" ({years}y*)"),
            (Some(YearsBasis::Illustrative), Lang::Ja) => format!("（例{years}年）"),
            (Some(YearsBasis::Illustrative), Lang::En) => format!(" (e.g. {years}y)"),
            (_, Lang::Ja) => format!("（{years}年）"),
            (_, Lang::En) => format!(" ({years}y)"),
        });
    }
    let mut notes: Vec<&str> = Vec::new();
    if g.standing == Standing::Current {
        notes.push(lang.pick("現在", "now"));
    }
    if g.target {
        notes.push(lang.pick("目標", "target"));
    }
    if g.exam && g.standing == Standing::Above {
        notes.push(lang.pick("選考", "exam"));
    }
    if g.reachable == Some(false) {
        notes.push(lang.pick("定年後", "after retirement"));
    } else if g.before_management_limit == Some(false) {
        notes.push(lang.pick("役職定年後", "after 役職定年"));
    }
    if g.illustrative {
        notes.push(lang.pick("職級名は Michi の読み取り", "Michi's reading"));
    }
    if !notes.is_empty() {
        line.push_str(&match lang {
            Lang::Ja => format!("［{}］", notes.join("・")),
            Lang::En => format!(" [{}]", notes.join(", ")),
        });
    }
    line
}

fn ladder(s: &PlanSide, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = s.ladder.iter().map(|g| ladder_line(g, lang)).collect();
    if lines.is_empty() {
        lines.push(lang.pick("（職系の職級なし）", "(no ladder)").into());
    }
    if s.ladder.iter().any(|g| g.years_basis == Some(YearsBasis::Illustrative)) {
        lines.push(
            lang.pick(
                "例 = 年数は例示（文書の値ではありません）",
                "e.g. = illustrative years (not the document's)",
            )
            .into(),
        );
    }
    match s.years_assumed_by {
        Some(AssumedBy::HrOffice) => lines.push(
            lang.pick("* = 年数は人事担当課の仮定", "* = years: the HR office's assumption")
                .into(),
        ),
        Some(AssumedBy::Michi) => lines.push(
            lang.pick("* = 年数は Michi の仮定", "* = years: Michi's assumption")
                .into(),
        ),
        None => {}
    }
    lines
}

fn retirement(s: &PlanSide, lang: Lang) -> Vec<String> {
    let r = &s.retirement;
    let limit = if s.management_limit {
        match lang {
            Lang::Ja => format!("役職定年: {}", r.management_post_until),
            Lang::En => format!("役職定年 (management posts until): {}", r.management_post_until),
        }
    } else {
        lang.pick(
            "役職定年: この職系に対象の職級なし",
            "役職定年: no grade of this ladder is subject to it",
        )
        .to_string()
    };
    vec![
        match lang {
            Lang::Ja => format!("定年退職: {}（{}歳・地方公務員法）", r.date, r.age),
            Lang::En => format!("Retires: {} (at {}, national rules)", r.date, r.age),
        },
        limit,
    ]
}

fn readiness(s: &PlanSide, lang: Lang) -> Vec<String> {
    let r = &s.readiness;
    let mut lines = vec![r.grade_name.clone()];
    if !r.ability_table {
        lines.push(
            lang.pick(
                "文書に能力表なし（準備度なし）",
                "the document has no ability table (no readiness)",
            )
            .into(),
        );
        return lines;
    }
    let Some(own) = r.readiness else {
        lines.push(
            lang.pick(
                "—（この職級に求める段階の定めなし）",
                "— (the profile sets no levels for this grade)",
            )
            .into(),
        );
        return lines;
    };
    lines.push(match lang {
        Lang::Ja => format!("本人 {own}/100（評価済み {}/{}）", r.assessed, r.total),
        Lang::En => format!("self {own}/100 ({} of {} assessed)", r.assessed, r.total),
    });
    lines.push(match (r.supervisor_readiness, lang) {
        (Some(sup), Lang::Ja) => format!("上司 {sup}/100（評価済み {}/{}）", r.supervisor_assessed, r.total),
        (Some(sup), Lang::En) => format!(
            "supervisor {sup}/100 ({} of {} assessed)",
            r.supervisor_assessed, r.total
        ),
        (None, _) => lang
            .pick("上司 —（まだ評価なし）", "supervisor — (not assessed yet)")
            .into(),
    });
    lines
}

fn gaps(s: &PlanSide, lang: Lang) -> Vec<String> {
    if !s.readiness.ability_table {
        return vec![
            lang.pick("文書に能力表なし", "the document has no ability table")
                .into(),
        ];
    }
    if s.top_gaps.is_empty() {
        return vec![
            lang.pick("（差のある能力なし、または未評価）", "(no gap, or not assessed yet)")
                .into(),
        ];
    }
    let level = |l: u8| match (s.levels_are_rungs, lang) {
        (true, Lang::Ja) => format!("段{l}"),
        (true, Lang::En) => format!("r{l}"),
        (false, _) => l.to_string(),
    };
    let mut lines: Vec<String> = s
        .top_gaps
        .iter()
        .map(|g| {
            let star = if g.illustrative { "*" } else { "" };
            let own = g.current.map_or_else(|| "—".to_string(), level);
            match lang {
                Lang::Ja => format!("{} 必要{}{star}・本人{own}・差{}", g.name, level(g.required), g.gap),
                Lang::En => format!(
                    "{}: req. {}{star}, self {own}, gap {}",
                    g.name,
                    level(g.required),
                    g.gap
                ),
            }
        })
        .collect();
    if s.top_gaps.iter().any(|g| g.illustrative) {
        lines.push(
            lang.pick("* = 段階は Michi の仮定", "* = levels are Michi's assumption")
                .into(),
        );
    }
    if s.levels_are_rungs {
        lines.push(
            lang.pick("段 = 文書の記述の順", "r = rung: the document's descriptions in order")
                .into(),
        );
    }
    lines
}

fn trainings(s: &PlanSide, lang: Lang) -> Vec<String> {
    let Some(fy) = s.trainings_fy else {
        return vec![
            lang.pick(
                "（提案なし: 差がないか、自己評価がまだです）",
                "(nothing to suggest: no gaps, or no self-assessment yet)",
            )
            .into(),
        ];
    };
    let mut lines = vec![fiscal_year_label(fy, lang)];
    for t in &s.next_trainings {
        let planned = if t.planned {
            lang.pick("（予定）", " (planned)")
        } else {
            ""
        };
        lines.push(format!("・{}{planned}", t.name));
    }
    lines
}

fn rule_status_short(status: RuleStatus, strength: RuleStrength, lang: Lang) -> String {
    let words = crate::describe::rule_status(status, lang);
    match (strength, status, lang) {
        // Its status already says it is a guideline.
        (_, RuleStatus::BelowGuideline, _) | (RuleStrength::Requirement, _, _) => words.to_string(),
        (RuleStrength::Guideline, _, Lang::Ja) => format!("{words}（目安）"),
        (RuleStrength::Guideline, _, Lang::En) => format!("{words} (guideline)"),
    }
}

fn rotation(s: &PlanSide, lang: Lang) -> Vec<String> {
    let r = &s.rotation;
    let mut lines = Vec::new();
    if r.rules.is_empty() {
        lines.push(if r.statement_only {
            lang.pick(
                "判定できる規則なし（文書の記述のみ）",
                "no rule to check (the document describes it only)",
            )
            .to_string()
        } else {
            lang.pick("判定できる規則なし", "no rule to check").to_string()
        });
    } else {
        lines.push(match lang {
            Lang::Ja => format!("規則 {}件中 {}件達成", r.applicable, r.met),
            Lang::En => format!("{} of {} rules met", r.met, r.applicable),
        });
        for rule in &r.rules {
            lines.push(format!(
                "・{}: {}",
                crate::describe::rule_phrase(&rule.rule, lang),
                rule_status_short(rule.status, rule.strength, lang)
            ));
        }
    }
    if let Some(family) = &r.next_family {
        let example = if r.next_family_illustrative {
            lang.pick("（例示）", " (example)")
        } else {
            ""
        };
        lines.push(match (r.stay, lang) {
            (true, Lang::Ja) => format!("次の配属: 現在の配属を続ける（{family}{example}）"),
            (true, Lang::En) => format!("Next posting: stay ({family}{example})"),
            (false, Lang::Ja) => format!("次の配属の候補: {family}{example}"),
            (false, Lang::En) => format!("Suggested next posting: {family}{example}"),
        });
    }
    if !r.missing.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.pick("未経験の系統", "Families missing"),
            r.missing.join(lang.pick("・", ", "))
        ));
    }
    lines
}
