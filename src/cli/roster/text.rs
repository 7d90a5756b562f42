//! The roster report as text for the terminal: one table per section, numbers aligned to
//! the right, names measured by display width.

use std::io::{self, Write};

use crate::engine::roster::ListedPerson;
use crate::i18n::Lang;
use crate::store::roster::RosterRun;
use crate::text::{pad_right, width};

/// Names listed per list in the text (the JSON has them all).
const SHOWN: usize = 20;

/// A table with a first text column and further columns of numbers.
fn table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |cells: &[String]| {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let w = widths.get(i).copied().unwrap_or(0);
                if i == 0 {
                    pad_right(c, w)
                } else {
                    format!("{}{c}", " ".repeat(w.saturating_sub(width(c))))
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(header))?;
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

fn people(out: &mut impl Write, list: &[ListedPerson], lang: Lang) -> io::Result<()> {
    for p in list.iter().take(SHOWN) {
        writeln!(out, "  {}  {}  {} {}  {}", p.date, p.id, p.series, p.grade, p.name)?;
    }
    if list.len() > SHOWN {
        writeln!(
            out,
            "  {}",
            match lang {
                Lang::Ja => format!("ほか {} 人（--format json ですべて）", list.len() - SHOWN),
                Lang::En => format!("and {} more (all with --format json)", list.len() - SHOWN),
            }
        )?;
    }
    Ok(())
}

pub fn write(out: &mut impl Write, run: &RosterRun, lang: Lang) -> io::Result<()> {
    let r = &run.report;
    let s = &r.summary;
    let pick = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    writeln!(out, "■ {}", pick("概要", "Summary"))?;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Ja => format!(
                "基準日 {}・プロファイル {}・読んだ行 {}・使った行 {}・使えなかった行 {}・定年を過ぎた在職者 {}",
                s.as_of, s.profile, s.read, s.used, s.skipped, s.past_retirement
            ),
            Lang::En => format!(
                "as of {}, profile {}: {} rows read, {} used, {} skipped, {} past retirement age",
                s.as_of, s.profile, s.read, s.used, s.skipped, s.past_retirement
            ),
        }
    )?;
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
            row.extend(counts.iter().map(u64::to_string));
            row.push(counts.iter().sum::<u64>().to_string());
            row
        })
        .collect();
    table(out, &header, &rows)?;

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
        header.extend(ml.grades.iter().map(|[_, g]| g.clone()));
        let rows: Vec<Vec<String>> = ml
            .fiscal_years
            .iter()
            .zip(&ml.table)
            .map(|(fy, counts)| {
                let mut row = vec![fy.to_string()];
                row.extend(counts.iter().map(u64::to_string));
                row
            })
            .collect();
        table(out, &header, &rows)?;
        people(out, &ml.listed, lang)?;
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
    people(out, &t.this_year, lang)?;
    writeln!(
        out,
        "{} {}",
        pick("来年度（再来年度に60歳）:", "Next year (60 the year after):"),
        t.next_year.len()
    )?;
    people(out, &t.next_year, lang)?;

    writeln!(
        out,
        "\n■ {}",
        pick("年齢構成（職種・職級 × 年齢）", "Age pyramid (series and grade × age)")
    )?;
    let py = &r.age_pyramid;
    let mut header = vec![pick("職級", "Grade")];
    header.extend(py.bands.iter().cloned());
    header.push(pick("計", "Total"));
    let rows: Vec<Vec<String>> = py
        .rows
        .iter()
        .map(|c| {
            let mut row = vec![format!("{} {}", c.series, c.grade)];
            row.extend(c.counts.iter().map(u64::to_string));
            row.push(c.total.to_string());
            row
        })
        .collect();
    table(out, &header, &rows)?;

    if !run.problems.is_empty() {
        writeln!(out, "\n■ {}", pick("使えなかった行", "Rows not used"))?;
        for (kind, n) in &run.problem_counts {
            writeln!(out, "  {kind}: {n}")?;
        }
        for p in run.problems.iter().take(SHOWN) {
            let column = p.column.as_deref().map(|c| format!("「{c}」")).unwrap_or_default();
            writeln!(
                out,
                "  {} {}{column}: {}",
                pick("行", "row"),
                p.row,
                p.reason.text(lang)
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
