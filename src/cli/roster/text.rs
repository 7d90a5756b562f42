//! The roster report as text for the terminal: one table per section, numbers aligned to
//! the right, names measured by display width.

use std::io::{self, Write};

use super::table::{TextTable, hanging, more_people, packed, table, wrapped};
use crate::engine::roster::{ListedPerson, Succession, TrainingDemand};
use crate::i18n::Lang;
use crate::store::roster::RosterRun;
use crate::text::{grouped, truncate, width};

/// Names listed per list in the text (the JSON has them all).
const SHOWN: usize = 20;

fn people(out: &mut impl Write, list: &[ListedPerson], lang: Lang, columns: usize) -> io::Result<()> {
    for p in list.iter().take(SHOWN) {
        hanging(
            out,
            &format!("  {}  {}  {} {}  {}", p.date, p.id, p.series, p.grade, p.name),
            columns,
        )?;
    }
    more_people(out, list.len().saturating_sub(SHOWN), lang)
}

/// The report as text laid out to `columns` (see [`super::table::terminal_columns`]).
pub fn write(out: &mut impl Write, run: &RosterRun, lang: Lang, columns: usize) -> io::Result<()> {
    let r = &run.report;
    let s = &r.summary;
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    writeln!(out, "■ {}", pick("概要", "Summary"))?;
    let items = match lang {
        Lang::Ja => vec![
            format!("基準日 {}", s.as_of),
            format!("プロファイル {}", s.profile),
            format!("読んだ行 {}", grouped(s.read)),
            format!("使った行 {}", grouped(s.used)),
            format!("使えなかった行 {}", grouped(s.skipped)),
            format!("定年を過ぎた在職者 {}", grouped(s.past_retirement)),
        ],
        Lang::En => vec![
            format!("as of {},", s.as_of),
            format!("profile {}:", s.profile),
            format!("{} rows read,", grouped(s.read)),
            format!("{} used,", grouped(s.used)),
            format!("{} skipped,", grouped(s.skipped)),
            format!("{} past retirement age", grouped(s.past_retirement)),
        ],
    };
    packed(out, &items, lang.pick("・", " "), columns)?;
    if let Some(encoding) = run.encoding {
        writeln!(out, "{} {}", pick("文字コード:", "Encoding:"), encoding.name())?;
    }

    writeln!(
        out,
        "\n■ {}",
        pick("定年退職（年度 × 職種）", "Retirements (fiscal year × series)")
    )?;
    let ret = &r.retirements;
    let mut header = vec![pick("年度", "FY"), pick("定年", "Age")];
    header.extend(ret.series.iter().cloned());
    header.push(pick("計", "Total"));
    let rows: Vec<Vec<String>> = ret
        .fiscal_years
        .iter()
        .zip(&ret.counts)
        .zip(&ret.age_in_force)
        .map(|((fy, counts), age)| {
            let mut row = vec![fy.to_string(), age.to_string()];
            row.extend(counts.iter().copied().map(grouped));
            row.push(grouped(counts.iter().sum::<u64>()));
            row
        })
        .collect();
    table(out, &header, &rows, columns)?;
    if !ret.special_ages.is_empty() {
        let ages: Vec<String> = ret.special_ages.iter().map(|a| a.text(lang)).collect();
        wrapped(
            out,
            &match lang {
                Lang::Ja => format!(
                    "特例定年（プロファイルの条例による。表の「定年」は国の段階）: {}",
                    ages.join("・")
                ),
                Lang::En => format!(
                    "特例定年 (the profile's ordinances; the Age column is the national step): {}",
                    ages.join("; ")
                ),
            },
            columns,
        )?;
    }

    writeln!(
        out,
        "\n■ {}",
        pick("役職定年（年度 × 職級）", "Management post limit (fiscal year × grade)")
    )?;
    let ml = &r.management_limits;
    if ml.grades.is_empty() {
        writeln!(
            out,
            "{}",
            pick(
                "プロファイルに役職定年の対象となる職級がありません",
                "The profile names no grade the limit applies to"
            )
        )?;
    } else {
        let mut header = vec![pick("年度", "FY")];
        // A grade's name alone, unless two series use the same name.
        let mut names: Vec<&String> = ml.grades.iter().map(|[_, grade]| grade).collect();
        names.sort();
        let repeated = names.windows(2).any(|w| w[0] == w[1]);
        header.extend(ml.grades.iter().map(|[series, grade]| {
            if repeated {
                format!("{series} {grade}")
            } else {
                grade.clone()
            }
        }));
        let rows: Vec<Vec<String>> = ml
            .fiscal_years
            .iter()
            .zip(&ml.table)
            .map(|(fy, counts)| {
                let mut row = vec![fy.to_string()];
                row.extend(counts.iter().copied().map(grouped));
                row
            })
            .collect();
        table(out, &header, &rows, columns)?;
        people(out, &ml.listed, lang, columns)?;
    }

    writeln!(
        out,
        "\n■ {}",
        pick(
            "60歳前年度の情報提供・意思確認",
            "Information and intention before turning 60"
        )
    )?;
    let t = &r.turning_60;
    writeln!(
        out,
        "{} {}",
        pick("今年度（来年度に60歳）:", "This year (60 next year):"),
        t.this_year.len()
    )?;
    people(out, &t.this_year, lang, columns)?;
    writeln!(
        out,
        "{} {}",
        pick("来年度（再来年度に60歳）:", "Next year (60 the year after):"),
        t.next_year.len()
    )?;
    people(out, &t.next_year, lang, columns)?;

    writeln!(
        out,
        "\n■ {}",
        pick("年齢構成（職種・職級 × 年齢）", "Age pyramid (series and grade × age)")
    )?;
    let py = &r.age_pyramid;
    let mut header = vec![pick("職種", "Series"), pick("職級", "Grade")];
    header.extend(py.bands.iter().cloned());
    header.push(pick("計", "Total"));
    let rows: Vec<Vec<String>> = py
        .rows
        .iter()
        .map(|c| {
            let mut row = vec![c.series.clone(), c.grade.clone()];
            row.extend(c.counts.iter().copied().map(grouped));
            row.push(grouped(c.total));
            row
        })
        .collect();
    TextTable {
        header: &header,
        rows: &rows,
        labels: 2,
    }
    .write(out, columns)?;

    succession(out, &r.succession, lang, columns)?;
    training_demand(out, &r.training_demand, lang, columns)?;

    if !run.problems.is_empty() {
        writeln!(out, "\n■ {}", pick("使えなかった行", "Rows not used"))?;
        for (kind, n) in &run.problem_counts {
            let label = crate::store::roster::RowReason::kind_label(kind, lang);
            writeln!(out, "  {label} ({kind}): {n}")?;
        }
        for p in run.problems.iter().take(SHOWN) {
            let column = p.column.as_deref().map(|c| format!("「{c}」")).unwrap_or_default();
            hanging(
                out,
                &format!("  {} {}{column}: {}", pick("行", "row"), p.row, p.reason.text(lang)),
                columns,
            )?;
        }
        if run.report.summary.skipped > SHOWN as u64 {
            writeln!(
                out,
                "  {}",
                match lang {
                    Lang::Ja => format!(
                        "ほか {} 行（--format json で最初の 1000 行）",
                        run.report.summary.skipped - SHOWN as u64
                    ),
                    Lang::En => format!(
                        "and {} more (the first 1,000 with --format json)",
                        run.report.summary.skipped - SHOWN as u64
                    ),
                }
            )?;
        }
    }
    Ok(())
}

/// The training name column's narrowest width in the training tables (wider terminals give
/// it a third of their width).
const NAME_WIDTH: usize = 24;

fn no_promotions(out: &mut impl Write, lang: Lang, columns: usize) -> io::Result<()> {
    wrapped(out, crate::describe::roster::no_promotions(lang), columns)
}

fn succession(out: &mut impl Write, s: &Succession, lang: Lang, columns: usize) -> io::Result<()> {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    writeln!(
        out,
        "\n■ {}",
        pick(
            "後継者（管理職の職級 × 年度）",
            "Succession (management grade × fiscal year)"
        )
    )?;
    if s.posts.is_empty() {
        writeln!(
            out,
            "{}",
            pick(
                "プロファイルに役職定年の対象となる職級がありません",
                "The profile names no grade the limit applies to"
            )
        )?;
        return Ok(());
    }
    no_promotions(out, lang, columns)?;
    wrapped(out, crate::describe::roster::succession_terms(lang), columns)?;
    for post in &s.posts {
        let below = crate::describe::roster::grades_below_text(post, lang);
        writeln!(out)?;
        let from = match lang {
            Lang::Ja => format!("{} {}: 下の職級 {below}", post.series, post.grade),
            Lang::En => format!("{} {}: from {below}", post.series, post.grade),
        };
        wrapped(out, &from, columns)?;
        if post.past_limit > 0 {
            writeln!(
                out,
                "{}",
                crate::describe::roster::past_limit_text(post.past_limit, lang)
            )?;
        }
        let header = vec![
            pick("年度", "FY"),
            pick("空席", "Vacant"),
            pick("有資格", "Eligible"),
            pick("発令日なし", "No date"),
            pick("年数不明", "No years"),
            pick("下の職級", "Below"),
            pick("倍率", "Ratio"),
        ];
        let rows: Vec<Vec<String>> = post
            .years
            .iter()
            .map(|y| {
                vec![
                    y.fy.to_string(),
                    grouped(y.vacancies),
                    grouped(y.eligible),
                    grouped(y.unknown_no_grade_since),
                    grouped(y.unknown_no_min_years),
                    grouped(y.below),
                    y.eligible_per_vacancy
                        .map_or_else(|| "-".to_string(), |r| format!("{r:.1}")),
                ]
            })
            .collect();
        table(out, &header, &rows, columns)?;
    }
    Ok(())
}

fn training_demand(out: &mut impl Write, t: &TrainingDemand, lang: Lang, columns: usize) -> io::Result<()> {
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    writeln!(
        out,
        "\n■ {}",
        pick(
            "研修の対象者（研修 × 年度）",
            "Training demand (training × fiscal year)"
        )
    )?;
    no_promotions(out, lang, columns)?;
    wrapped(
        out,
        lang.pick(
            "対象の職級にいる人数。新任: 今年度その職級に就いた人（職級発令日から）。*: 対象職級は Michi の読み取り（文書の言葉ではありません）。",
            "Staff in the target grades. New: entered the grade this fiscal year (from the grade date). *: the target grades are Michi's reading, not the document's.",
        ),
        columns,
    )?;
    let shown: Vec<_> = t.trainings.iter().filter(|r| r.audience != "unstated").collect();
    let years: Vec<String> = t.fiscal_years.iter().map(|fy| fy.to_string()).collect();
    let name_width = NAME_WIDTH.max(columns / 3);
    let name = |r: &crate::engine::roster::TrainingDemandRow| {
        let mark = if r.grades_illustrative { "*" } else { "" };
        format!("{}{mark}", truncate(&r.name, name_width - width(mark)))
    };
    if shown.is_empty() {
        writeln!(
            out,
            "{}",
            pick(
                "対象の職級を定めた研修がありません",
                "No training names its target grades"
            )
        )?;
    } else {
        let mut header = vec![pick("研修", "Training")];
        header.extend(years.iter().cloned());
        header.push(pick("新任", "New"));
        header.push(pick("発令日なし", "No date"));
        let rows: Vec<Vec<String>> = shown
            .iter()
            .map(|r| {
                let mut row = vec![name(r)];
                row.extend(r.staff.iter().copied().map(grouped));
                row.push(grouped(r.entered_this_year));
                row.push(grouped(r.no_grade_since));
                row
            })
            .collect();
        table(out, &header, &rows, columns)?;
    }
    let unstated = t.trainings.len() - shown.len();
    if unstated > 0 {
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Ja => format!("対象職級の定めのない研修 {unstated} 件は数えていません"),
                Lang::En => format!("{unstated} trainings name no target grades and are not counted"),
            }
        )?;
    }
    if let Some(plans) = &t.plans {
        writeln!(
            out,
            "\n{}",
            match lang {
                Lang::Ja => format!(
                    "計画ファイル {} 件: 使用 {}・他のプロファイル {}・読めない {}{}",
                    plans.files,
                    plans.used,
                    plans.other_profile,
                    plans.unread.len(),
                    if plans.more {
                        "（上限を超えた分は読んでいません）"
                    } else {
                        ""
                    }
                ),
                Lang::En => format!(
                    "{} plan files: {} used, {} of another profile, {} unread{}",
                    plans.files,
                    plans.used,
                    plans.other_profile,
                    plans.unread.len(),
                    if plans.more {
                        " (files past the bound not read)"
                    } else {
                        ""
                    }
                ),
            }
        )?;
        for u in plans.unread.iter().take(SHOWN) {
            hanging(out, &format!("  {}: {}", u.file, u.reason), columns)?;
        }
        wrapped(
            out,
            lang.pick(
                "計画/提案: 本人が計画した人数 / Michi の研修計画が提案する人数（年度別）。",
                "Planned/suggested: plans that plan it / plans Michi's training plan suggests it to (by year).",
            ),
            columns,
        )?;
        let mut header = vec![pick("研修", "Training")];
        header.extend(years.iter().cloned());
        let rows: Vec<Vec<String>> = t
            .trainings
            .iter()
            .filter_map(|r| {
                let (planned, suggested) = (r.planned.as_ref()?, r.suggested.as_ref()?);
                if planned.iter().chain(suggested).all(|n| *n == 0) {
                    return None;
                }
                let mut row = vec![name(r)];
                row.extend(planned.iter().zip(suggested).map(|(p, s)| format!("{p}/{s}")));
                Some(row)
            })
            .collect();
        if rows.is_empty() {
            writeln!(
                out,
                "{}",
                pick("計画・提案された研修はありません", "No training planned or suggested")
            )?;
        } else {
            table(out, &header, &rows, columns)?;
        }
    }
    Ok(())
}
