//! `michi plan analyze`'s report: the text a person reads, and the JSON contract.

use std::io::{self, Write};

use crate::cli::profile::write_table;
use crate::describe::{competency_name, grade_name};
use crate::describe::{finding_text, note_text};
use crate::engine::{Analysis, TargetYearSource};
use crate::i18n::Lang;
use crate::model::{Emphasis, Plan, Profile, fiscal_year_label};
use crate::text::escape_line;

mod sides;

fn heading(out: &mut impl Write, text: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "■ {text}")
}

/// The readable report, Japanese or English labels, columns aligned by display width.
pub fn write_report(out: &mut impl Write, p: &Profile, plan: &Plan, a: &Analysis, lang: Lang) -> io::Result<()> {
    let ja = lang == Lang::Ja;
    let fy = |y| fiscal_year_label(y, lang);
    // Loading refuses a line break in the name; escaped here all the same, since this line
    // heads the report and a forged one below it would read as Michi's.
    let who = plan.name.as_deref().map(escape_line).unwrap_or_default();
    writeln!(
        out,
        "{} {who} — {} {}  ({} {})",
        lang.pick("Michi キャリアパス分析", "Michi career-path analysis"),
        p.name,
        p.document.title,
        lang.pick("基準日", "as of"),
        a.today
    )?;
    writeln!(
        out,
        "{}: {} ({} {})  →  {}: {} ({} {}{})",
        lang.pick("現在", "Now"),
        crate::describe::current_grade(p, plan),
        plan.grade_since,
        lang.pick("から", "since"),
        lang.pick("目標", "Target"),
        grade_name(p, &plan.target_grade),
        fy(a.target_fy),
        lang.pick("まで", "by"),
        match a.target_fy_source {
            TargetYearSource::Plan => "",
            TargetYearSource::Typical => lang.pick("・標準的な年数による", ", typical path"),
            TargetYearSource::Default => lang.pick("・目安", ", a horizon"),
        }
    )?;
    let course = crate::describe::course_label(p, plan, lang);
    if !course.is_empty() {
        writeln!(out, "{}: {course}", lang.pick("コース", "Course"))?;
    }

    heading(out, lang.pick("定年・役職定年", "Retirement"))?;
    let r = &a.retirement;
    let rows = [
        [
            lang.pick("定年年齢", "Retirement age").to_string(),
            format!("{}{}", r.age, lang.pick("歳", "")),
        ],
        [
            lang.pick("定年退職日", "Retirement date").to_string(),
            r.date.to_string(),
        ],
        [
            lang.pick("役職定年（管理監督職の上限）", "Management posts until (役職定年)")
                .to_string(),
            // Only where a grade of the plan's ladder is subject to it.
            if p.ladder_has_management_limit(plan.series_id(p)) {
                r.management_post_until.to_string()
            } else {
                lang.pick("この職系に対象の職級なし", "no grade of this ladder is subject to it")
                    .to_string()
            },
        ],
    ];
    write_table(
        out,
        &[lang.pick("項目", "Item"), lang.pick("日付・年齢", "Value")],
        &rows,
    )?;

    heading(out, lang.pick("昇任の見通し", "Trajectory"))?;
    writeln!(
        out,
        "{}",
        lang.pick(
            "最短は昇任・昇格モデルが許す最も早い年度で、約束ではありません。昇任は選考と欠員によります。",
            "The earliest year is what the promotion model allows, not a promise: promotion depends on selection and openings."
        )
    )?;
    let rows: Vec<[String; 4]> = a
        .trajectory
        .steps
        .iter()
        .map(|s| {
            let notes = crate::describe::step_notes(p, s, lang);
            [
                s.grade_name.clone(),
                crate::describe::step_year(s.earliest_fy, lang),
                crate::describe::step_year(s.typical_fy, lang),
                notes.join("・"),
            ]
        })
        .collect();
    if rows.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("（この職系の最上位の職級です）", "(this is the top of the ladder)")
        )?;
    } else {
        write_table(
            out,
            &[
                lang.pick("職級", "Grade"),
                lang.pick("最短", "Earliest"),
                lang.pick("標準", "Typical"),
                lang.pick("備考", "Notes"),
            ],
            &rows,
        )?;
    }
    if a.trajectory.steps.iter().any(|s| s.assumed_by.is_some())
        && let Some(legend) = crate::describe::promotion_assumption_legend(p, lang)
    {
        writeln!(out, "  {legend}")?;
    }
    // The document's conditions for each step (勤務評定, 選考試験 …), as written.
    for s in a.trajectory.steps.iter().filter(|s| !s.conditions.is_empty()) {
        writeln!(
            out,
            "  {}: {}",
            match lang {
                Lang::Ja => format!("{}への昇任の条件", s.grade_name),
                Lang::En => format!("Conditions for {}", s.grade_name),
            },
            s.conditions.join(lang.pick("／", " / "))
        )?;
    }
    for l in &a.trajectory.leave_counting {
        let kind = if ja { l.kind.label_ja() } else { l.kind.label_en() };
        let pct = (l.counted * 100.0).round();
        let basis = if l.assumed {
            lang.pick(
                "（プロファイルに定めがないため全期間算入と仮定）",
                " (the profile sets no rule: counted in full by assumption)",
            )
        } else {
            lang.pick("（プロファイルの定めによる）", " (as the profile sets)")
        };
        writeln!(
            out,
            "{}",
            if ja {
                format!("  {kind} {} 日: 在級年数に {pct}% 算入{basis}", l.days)
            } else {
                format!("  {kind}, {} days: {pct}% counted toward years in grade{basis}", l.days)
            }
        )?;
    }

    heading(
        out,
        &if ja {
            format!("目標 {} との能力の差", grade_name(p, &plan.target_grade))
        } else {
            format!("Competency gaps for {}", grade_name(p, &plan.target_grade))
        },
    )?;
    if !a.target.ability_table {
        writeln!(
            out,
            "{}",
            lang.pick(
                "文書に能力表なし: 能力の差と準備度は示しません。準備の目安は下の役割の確認です。",
                "The document has no ability table: no gaps and no readiness; the roles checklist below is the readiness signal."
            )
        )?;
    } else if a.target.gaps.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "文書はこの職級に求める能力の段階を示していません。準備の目安は下の役割の確認です。",
                "The document sets no ability levels for this grade; the roles checklist below is the readiness signal."
            )
        )?;
    } else {
        writeln!(out, "{}", crate::describe::readiness_text(&a.target, lang))?;
    }
    // Competencies the grade does not ask for and that show no gap only add noise here.
    let (shown, folded): (Vec<_>, Vec<_>) =
        a.target.gaps.iter().partition(|g| {
            g.emphasis != Emphasis::Unmarked || g.required > p.scale.min() || g.gap.is_some_and(|n| n > 0)
        });
    let rows: Vec<[String; 6]> = shown
        .iter()
        .map(|g| {
            let cell = crate::describe::level_cell(
                p,
                Some(g.required),
                g.emphasis,
                g.illustrative,
                g.derived_from.is_some(),
                lang,
            );
            let number = |l: u8| crate::describe::level_number(p, l, lang);
            [
                g.competency_name.clone(),
                if p.uses_marks() { g.emphasis.mark() } else { "" }.to_string(),
                cell.trim_start_matches(['◎', '○', '・']).to_string(),
                g.current.map_or_else(|| lang.pick("未評価", "n/a").to_string(), number),
                g.supervisor.map_or_else(|| "-".to_string(), number),
                g.gap.map_or_else(|| "?".to_string(), |n| n.to_string()),
            ]
        })
        .collect();
    if !rows.is_empty() {
        write_table(
            out,
            &[
                lang.pick("能力", "Competency"),
                // ◎/○ are only some documents' notation: no column where the profile has none.
                if p.uses_marks() {
                    lang.pick("重点", "Mark")
                } else {
                    ""
                },
                lang.pick("必要", "Req."),
                lang.pick("本人", "Self"),
                lang.pick("上司", "Supv."),
                lang.pick("差", "Gap"),
            ],
            &rows,
        )?;
    }
    if !folded.is_empty() {
        let names: Vec<&str> = folded.iter().map(|g| g.competency_name.as_str()).collect();
        writeln!(
            out,
            "{}",
            if ja {
                format!(
                    "この職級で特に定めのない能力（{} 件）: {}",
                    folded.len(),
                    names.join("、")
                )
            } else {
                format!("Not set for this grade ({}): {}", folded.len(), names.join(", "))
            }
        )?;
    }
    if !a.target.not_stated.is_empty() && !a.target.gaps.is_empty() {
        // A long list (昭島's 15 行動規範 and the other grades' items) is cut with its count.
        const SHOWN: usize = 10;
        let names: Vec<&str> = a
            .target
            .not_stated
            .iter()
            .take(SHOWN)
            .map(|n| n.competency_name.as_str())
            .collect();
        let more = a.target.not_stated.len().saturating_sub(SHOWN);
        let rest = match (more, lang) {
            (0, _) => String::new(),
            (n, Lang::Ja) => format!(" ほか {n} 件"),
            (n, Lang::En) => format!(" and {n} more"),
        };
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Ja => format!(
                    "記載なし（この職級の要件ではない・{} 件）: {}{rest}",
                    a.target.not_stated.len(),
                    names.join("、")
                ),
                Lang::En => format!(
                    "Not stated (no requirement at this grade, {}): {}{rest}",
                    a.target.not_stated.len(),
                    names.join(", ")
                ),
            }
        )?;
    }
    if !a.target.gaps.is_empty() {
        for line in crate::describe::scale_legend(p, lang) {
            writeln!(out, "  {line}")?;
        }
    }
    sides::write_disagreements(out, p, a, lang)?;

    let roles = &a.roles;
    if !roles.roles.is_empty() {
        let what = roles.heading.as_deref().unwrap_or(lang.pick("役割", "roles"));
        heading(
            out,
            &match lang {
                Lang::Ja => format!(
                    "目標 {} の{what}（本人 {}/{n}・上司 {}/{n}）",
                    grade_name(p, &roles.grade),
                    roles.done_self,
                    roles.done_supervisor,
                    n = roles.roles.len()
                ),
                Lang::En => format!(
                    "{} at {} (self {}/{n}, supervisor {}/{n})",
                    what,
                    grade_name(p, &roles.grade),
                    roles.done_self,
                    roles.done_supervisor,
                    n = roles.roles.len()
                ),
            },
        )?;
        for r in &roles.roles {
            let tick = |done: bool| if done { "[x]" } else { "[ ]" };
            writeln!(
                out,
                "{} {} {}. {}",
                tick(r.own),
                tick(r.supervisor),
                r.number,
                escape_line(&r.text)
            )?;
        }
        writeln!(
            out,
            "{}",
            lang.pick("（左: 本人、右: 上司）", "(left: self, right: supervisor)")
        )?;
    }

    heading(out, lang.pick("研修計画", "Training plan"))?;
    if !a.target.ability_table {
        writeln!(
            out,
            "{}",
            lang.pick(
                "（文書に能力表がないため、能力の差から研修は提案しません）",
                "(the document has no ability table: no training is suggested from gaps)"
            )
        )?;
    } else if a.trainings.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "（提案できる研修はありません: 差がないか、自己評価がまだです）",
                "(nothing to suggest: no gaps, or no self-assessment yet)"
            )
        )?;
    }
    let rows: Vec<[String; 3]> = a
        .trainings
        .iter()
        .map(|t| {
            let addresses: Vec<&str> = t.addresses.iter().map(|c| competency_name(p, c)).collect();
            let mut name = t.name.clone();
            if t.planned {
                name.push_str(lang.pick("（予定）", " (planned)"));
            }
            [fy(t.fy), name, addresses.join("、")]
        })
        .collect();
    if !rows.is_empty() {
        write_table(
            out,
            &[
                lang.pick("年度", "Year"),
                lang.pick("研修", "Training"),
                lang.pick("対象の能力", "Addresses"),
            ],
            &rows,
        )?;
    }

    heading(out, lang.pick("ジョブローテーション", "Job rotation"))?;
    let rot = &a.rotation;
    for rule in &rot.rules {
        let status = crate::describe::rule_status(rule.status, lang);
        writeln!(out, "{}: {}", lang.pick("規則", "Rule"), rule.text)?;
        writeln!(
            out,
            "  {}: {status}  ({}{})",
            lang.pick("状況", "Status"),
            crate::describe::rule_window(rule, lang),
            if rule.illustrative {
                lang.pick("・期間や数は例示", ", figures illustrative")
            } else {
                ""
            }
        )?;
        if let Some(strength) = crate::describe::rule_strength(rule, lang) {
            writeln!(out, "  {strength}")?;
        }
        if let Some(progress) = crate::describe::rule_progress(p, rule, lang) {
            writeln!(out, "  {progress}")?;
        }
    }
    let names = |ids: &[String]| {
        ids.iter()
            .map(|f| crate::describe::family_label(p, f, lang))
            .collect::<Vec<_>>()
            .join("、")
    };
    if let Some(statement) = &rot.statement {
        writeln!(
            out,
            "{}: 「{}」（{}）",
            lang.pick("文書の記述", "The document says"),
            statement.text,
            statement.source
        )?;
    }
    if p.rotation.as_ref().is_some_and(|r| !r.families.is_empty()) {
        let served = if rot.covered.is_empty() {
            lang.pick("（まだなし）", "(none yet)").to_string()
        } else {
            names(&rot.covered)
        };
        writeln!(out, "{}: {served}", lang.pick("経験した系統", "Families served"))?;
    }
    if !rot.missing.is_empty() {
        writeln!(
            out,
            "{}: {}",
            lang.pick("未経験の系統", "Families missing"),
            names(&rot.missing)
        )?;
    }
    if let Some(next) = &rot.next {
        for (i, line) in crate::describe::next_post_lines(p, next, lang).iter().enumerate() {
            let indent = if i == 0 { "" } else { "  " };
            writeln!(out, "{indent}{line}")?;
        }
    }
    for f in &rot.findings {
        writeln!(out, "  ・{}", finding_text(f, lang))?;
    }

    if !a.notes.is_empty() {
        heading(out, lang.pick("注意", "Notes"))?;
        for n in &a.notes {
            writeln!(out, "  ・{}", note_text(p, n, lang))?;
        }
    }
    Ok(())
}
