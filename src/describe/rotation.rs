//! Rotation results in words: a rule's status, window, phase and progress ("3 of 5
//! families, at least 3 needed"), the findings, and the next-posting suggestion with its
//! reason. Rules are told by what they ask and their window, never by id.

use crate::describe::family_label;
use crate::engine::rotation::{RuleCheck, RuleRef};
use crate::engine::{Finding, RuleStatus};
use crate::i18n::Lang;
use crate::model::rotation::years_text;
use crate::model::{Profile, RotationRuleKind, RuleStrength, TenureRange};
use crate::text::escape_controls;

mod next;
pub use next::next_post_lines;

/// A rotation rule's status in words.
pub fn rule_status(status: RuleStatus, lang: Lang) -> &'static str {
    match status {
        RuleStatus::Satisfied => lang.pick("達成", "met"),
        RuleStatus::InProgress => lang.pick("期間内・未達", "in progress"),
        RuleStatus::Holding => lang.pick("期間内・一つの系統で継続中", "in progress, within one family so far"),
        RuleStatus::Upcoming => lang.pick("期間前", "not yet open"),
        RuleStatus::NotMet => lang.pick("未達（期間終了）", "not met (window closed)"),
        RuleStatus::Broken => lang.pick(
            "未達（規則に合わない配属）",
            "not met (a posting departs from the rule)",
        ),
        RuleStatus::BelowGuideline => lang.pick("目安に届かず（助言）", "short of the guideline (advice)"),
        // Why (a track, or a rule for other courses) is told by the finding beside it.
        RuleStatus::Exempt => lang.pick("対象外", "exempt"),
        RuleStatus::NotRecorded => lang.pick(
            "判定できません（配属の記録なし）",
            "cannot be checked (no posting recorded)",
        ),
    }
}

/// Whether a rule binds, with the words that make it approximate and whom it is for:
/// 「目安（文書の語: 概ね・いずれか）・対象: 多くの職員が在職する一般行政職について」.
/// `None` for a plain requirement that says nothing more.
pub fn rule_strength(rule: &RuleCheck, lang: Lang) -> Option<String> {
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

/// The period a rule covers: 「養成期間（採用から10年）」, 「勤続10〜20年」, 「採用から10年」.
pub(super) fn span(r: &RuleRef, lang: Lang) -> String {
    let (from, to) = (r.from_year, r.window_years.unwrap_or(0));
    let years = match (lang, from) {
        (Lang::Ja, 0) => format!("採用から{to}年"),
        (Lang::Ja, _) => format!("勤続{from}〜{to}年"),
        (Lang::En, 0) => format!("the first {to} years"),
        (Lang::En, _) => format!("years {from}–{to} of service"),
    };
    match (&r.phase, lang) {
        (Some(phase), Lang::Ja) => format!("{phase}（{years}）"),
        (Some(phase), Lang::En) => format!("the {phase} ({years})"),
        (None, _) => years,
    }
}

/// A rotation rule in a few words, by what it asks and its window: profiles name rules by
/// ids no reader should see, and their text runs to paragraphs.
pub(crate) fn rule_phrase(r: &RuleRef, lang: Lang) -> String {
    let span = span(r, lang);
    match (r.rule_kind, r.at_least, lang) {
        (RotationRuleKind::CoverFamilies, None, Lang::Ja) => format!("{span}で各部門系統を経験するローテーション"),
        (RotationRuleKind::CoverFamilies, Some(k), Lang::Ja) => {
            format!("{span}で{k}つ以上の部門系統を経験するローテーション")
        }
        (RotationRuleKind::DistinctDepartments, _, Lang::Ja) => format!("{span}で複数の部署を経験するローテーション"),
        (RotationRuleKind::WithinFamily, _, Lang::Ja) => format!("{span}に一つの系統の中で異動するローテーション"),
        (RotationRuleKind::FirstPosting, _, Lang::Ja) => "最初の配属の規則".to_string(),
        (RotationRuleKind::CoverFamilies, None, Lang::En) => {
            format!("the rotation through each department family in {span}")
        }
        (RotationRuleKind::CoverFamilies, Some(k), Lang::En) => {
            format!("the rotation through at least {k} department families in {span}")
        }
        (RotationRuleKind::DistinctDepartments, _, Lang::En) => {
            format!("the rotation through several departments in {span}")
        }
        (RotationRuleKind::WithinFamily, _, Lang::En) => {
            format!("the rotation within one department family in {span}")
        }
        (RotationRuleKind::FirstPosting, _, Lang::En) => "the rule for the first posting".to_string(),
    }
}

/// A rule's window as shown beside its status: 「養成期間（採用から10年） 2013-04-01 – 2023-03-31」,
/// 「期間 2013-04-01 – 2023-03-31」, 「最初の配属」.
pub fn rule_window(rule: &RuleCheck, lang: Lang) -> String {
    let Some(end) = rule.window_end else {
        return lang.pick("最初の配属", "first posting").to_string();
    };
    let dates = format!("{} – {end}", rule.window_start);
    if rule.phase.is_none() && rule.from_year == 0 {
        return format!("{} {dates}", lang.pick("期間", "window"));
    }
    format!("{} {dates}", span(&rule.reference(), lang))
}

/// What a rule has counted so far: 「5 系統中 3 系統を経験（3 系統以上が必要）」,
/// 「経験した部署 2 / 3」, 「この期間の系統: 事業系」, 「最初の配属: 税務課（市民対応系）」.
pub fn rule_progress(profile: &Profile, rule: &RuleCheck, lang: Lang) -> Option<String> {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|f| family_label(profile, f, lang))
            .collect::<Vec<_>>()
            .join(lang.pick("・", ", "))
    };
    let served = rule.covered.len();
    match rule.kind {
        RotationRuleKind::CoverFamilies => {
            let listed = rule.listed;
            Some(match (rule.at_least, lang) {
                (Some(k), Lang::Ja) => format!("{listed} 系統中 {served} 系統を経験（{k} 系統以上が必要）"),
                (Some(k), Lang::En) => format!("{served} of {listed} families, at least {k} needed"),
                (None, Lang::Ja) => format!("{listed} 系統中 {served} 系統を経験（すべてが必要）"),
                (None, Lang::En) => format!("{served} of {listed} families, all needed"),
            })
        }
        RotationRuleKind::DistinctDepartments => {
            let required = rule.departments_required?;
            let served = rule.departments_served;
            Some(match (rule.distinct_families, lang) {
                (true, Lang::Ja) => format!("異なる系統の部署 {served} / {required}"),
                (true, Lang::En) => format!("departments in different families: {served} of {required}"),
                (false, Lang::Ja) => format!("経験した部署 {served} / {required}"),
                (false, Lang::En) => format!("departments served {served} of {required}"),
            })
        }
        RotationRuleKind::WithinFamily => Some(match (served, lang) {
            (0, _) => lang
                .pick("この期間の配属はまだありません", "no posting in this period yet")
                .to_string(),
            (_, Lang::Ja) => format!("この期間の系統: {}", names(&rule.covered)),
            (_, Lang::En) => format!("families in this period: {}", names(&rule.covered)),
        }),
        RotationRuleKind::FirstPosting => {
            let mut places = names(&rule.allowed_families);
            for d in &rule.allowed_departments {
                let name = profile.department(d).map_or(d.as_str(), |d| d.name.as_str());
                if !places.is_empty() {
                    places.push_str(lang.pick("・", ", "));
                }
                places.push_str(name);
            }
            let first = match (&rule.first_posting, lang) {
                (None, _) => lang
                    .pick("最初の配属の記録なし", "no first posting recorded")
                    .to_string(),
                (Some(f), lang) => {
                    let family = f.family.as_deref().map_or_else(
                        || lang.pick("系統不明", "family unknown").to_string(),
                        |id| family_label(profile, id, lang),
                    );
                    let department = escape_controls(&f.department_name);
                    match lang {
                        Lang::Ja => format!("最初の配属: {department}（{family}）"),
                        Lang::En => format!("first posting: {department} ({family})"),
                    }
                }
            };
            Some(match lang {
                Lang::Ja => format!("{first}・規則の配属先: {places}"),
                Lang::En => format!("{first}; the rule's places: {places}"),
            })
        }
    }
}

/// The tenure a posting is measured against: 「標準 3 年」, 「標準 3.3 年（4 年まで）」,
/// 「在任の目安 3〜5 年」.
fn tenure_words(
    limit: f64,
    typical: Option<f64>,
    range: Option<TenureRange>,
    illustrative: bool,
    lang: Lang,
) -> String {
    let example = if illustrative {
        lang.pick("（例示）", " (illustrative)")
    } else {
        ""
    };
    let typical = typical.unwrap_or(limit);
    let whole = typical.fract() == 0.0;
    match (range, whole, lang) {
        (Some(TenureRange(from, to)), _, Lang::Ja) => {
            format!("在任の目安 {}〜{} 年{example}", years_text(from), years_text(to))
        }
        (Some(TenureRange(from, to)), _, Lang::En) => {
            format!("the usual {}–{} years{example}", years_text(from), years_text(to))
        }
        (None, true, Lang::Ja) => format!("標準 {} 年{example}", years_text(typical)),
        (None, true, Lang::En) => format!("the typical {}{example}", years_text(typical)),
        (None, false, Lang::Ja) => format!(
            "標準 {} 年（{} 年まで）{example}",
            years_text(typical),
            years_text(limit)
        ),
        (None, false, Lang::En) => format!(
            "the typical {} (postings of up to {} whole years){example}",
            years_text(typical),
            years_text(limit)
        ),
    }
}

/// A rotation finding in words.
pub fn finding_text(f: &Finding, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    match f {
        Finding::LongPosting {
            department,
            years,
            limit_years,
            typical_years,
            range,
            illustrative,
        } => {
            let tenure = tenure_words(*limit_years, *typical_years, *range, *illustrative, lang);
            if ja {
                format!("{department} の在籍 {years:.1} 年は{tenure}より長い")
            } else {
                format!("{department}: {years:.1} years, longer than {tenure}")
            }
        }
        Finding::DueForRotation {
            department,
            years,
            limit_years,
            typical_years,
            range,
            illustrative,
        } => {
            let tenure = tenure_words(*limit_years, *typical_years, *range, *illustrative, lang);
            match (ja, range) {
                (true, Some(_)) => {
                    format!("現在の {department} は {years:.1} 年で、{tenure}の上限に達しています（異動の時期）")
                }
                (true, None) => format!("現在の {department} は {years:.1} 年で、{tenure}に達しています（異動の時期）"),
                (false, Some(_)) => format!(
                    "current posting {department} at {years:.1} years has reached the end of {tenure}: due for rotation"
                ),
                (false, None) => {
                    format!("current posting {department} at {years:.1} years has reached {tenure}: due for rotation")
                }
            }
        }
        Finding::SpecialistExempt { rule, course } => {
            let rule = rule_phrase(rule, lang);
            match (course, ja) {
                (Some(course), true) => format!("{course}のため、{rule}の対象外です"),
                (Some(course), false) => format!("{course}: exempt from {rule}"),
                (None, true) => format!("スペシャリストのため、{rule}の対象外です"),
                (None, false) => format!("specialist track: exempt from {rule}"),
            }
        }
        Finding::LeaveInWindow { rule, days } => {
            let rule = rule_phrase(rule, lang);
            if ja {
                format!("{rule}の期間に、休業等が {days} 日あります（期間の扱いは人事担当課に確認を）")
            } else {
                format!("{days} days of leave fall within {rule} (ask the HR office how it counts)")
            }
        }
        Finding::ShortWindow {
            rule,
            still_needed,
            families,
            years_left,
            tenure_years,
        } => {
            let phrase = rule_phrase(rule, lang);
            let (left, tenure) = (years_text(*years_left), years_text(*tenure_years));
            let total = years_text(*still_needed as f64 * tenure_years);
            let unit = match (families, ja, *still_needed == 1) {
                (true, true, _) => "系統",
                (false, true, _) => "部署",
                (true, false, true) => "family",
                (true, false, false) => "families",
                (false, false, true) => "department",
                (false, false, false) => "departments",
            };
            if ja {
                format!(
                    "{phrase}: 期間の残りは {left} 年ですが、まだ {still_needed} {unit}（1か所 {tenure} 年として {total} 年）が必要です。1 か所の在任年数に足りません"
                )
            } else {
                format!(
                    "{phrase}: {left} years of the window are left for {still_needed} more {unit} ({tenure} years each: {total} years), less than a tenure each"
                )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, kind: RotationRuleKind) -> RuleRef {
        RuleRef {
            rule: id.into(),
            rule_kind: kind,
            phase: None,
            from_year: 0,
            window_years: Some(10),
            at_least: None,
        }
    }

    #[test]
    fn rotation_rules_are_told_by_what_they_ask_never_by_id() {
        let exempt = Finding::SpecialistExempt {
            rule: rule("three_departments_in_10_years", RotationRuleKind::DistinctDepartments),
            course: None,
        };
        let leave = Finding::LeaveInWindow {
            rule: rule("three_families", RotationRuleKind::CoverFamilies),
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
    fn an_exempt_rule_is_not_said_to_be_a_specialists() {
        // A generalist outside an expert course's rule is exempt too: the finding says why.
        for lang in [Lang::Ja, Lang::En] {
            let status = rule_status(RuleStatus::Exempt, lang);
            assert!(
                !status.contains("スペシャリスト") && !status.contains("specialist"),
                "{status}"
            );
        }
        assert_eq!(rule_status(RuleStatus::Exempt, Lang::Ja), "対象外");
    }

    #[test]
    fn phases_and_k_of_n_are_named_in_the_phrase() {
        let mut r = rule("phase2", RotationRuleKind::WithinFamily);
        r.phase = Some("発揮期間".into());
        r.from_year = 10;
        r.window_years = Some(20);
        assert_eq!(
            rule_phrase(&r, Lang::Ja),
            "発揮期間（勤続10〜20年）に一つの系統の中で異動するローテーション"
        );
        assert_eq!(
            rule_phrase(&r, Lang::En),
            "the rotation within one department family in the 発揮期間 (years 10–20 of service)"
        );
        let mut r = rule("three_of_five", RotationRuleKind::CoverFamilies);
        r.at_least = Some(3);
        assert_eq!(
            rule_phrase(&r, Lang::Ja),
            "採用から10年で3つ以上の部門系統を経験するローテーション"
        );
    }

    #[test]
    fn a_tenure_range_is_said_as_a_range() {
        let due = Finding::DueForRotation {
            department: "税務課".into(),
            years: 5.2,
            limit_years: 5.0,
            typical_years: None,
            range: Some(TenureRange(3.0, 5.0)),
            illustrative: false,
        };
        assert_eq!(
            finding_text(&due, Lang::Ja),
            "現在の 税務課 は 5.2 年で、在任の目安 3〜5 年の上限に達しています（異動の時期）"
        );
        let long = Finding::LongPosting {
            department: "税務課".into(),
            years: 5.0,
            limit_years: 4.0,
            typical_years: Some(3.3),
            range: None,
            illustrative: true,
        };
        assert_eq!(
            finding_text(&long, Lang::Ja),
            "税務課 の在籍 5.0 年は標準 3.3 年（4 年まで）（例示）より長い"
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
