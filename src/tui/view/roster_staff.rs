//! The roster screen's pages on the staff as they stand: the retirement wave as bars by
//! fiscal year (the zero years of the age steps kept and said), the age pyramid as bars per
//! band (all staff, or one series and grade with `f`), 役職定年 by year × grade with the
//! names, who gets the information and 意思確認 this and next year, and the rows that could
//! not be used. The figures are the report's, as `michi roster` prints them.

use ratatui::text::Span;

use super::roster::{Rows, number, number_label};
use crate::engine::national::Rule;
use crate::engine::retirement_age_in_force;
use crate::engine::roster::ListedPerson;
use crate::i18n::Lang;
use crate::tui::state::{RosterScreen, State};

pub(super) fn retirements(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let ret = &roster.run.report.retirements;
    let fy_w = ret
        .fiscal_years
        .iter()
        .map(|fy| theme.width(&state.fy(*fy)))
        .max()
        .unwrap_or(4)
        .max(theme.width(lang.pick("年度", "FY")));
    let age_w = 4;
    let count_w = 6;
    let room = out.columns.saturating_sub(fy_w + 2 + age_w + count_w + 2);
    let totals: Vec<u64> = ret.counts.iter().map(|c| c.iter().sum()).collect();
    let max = if roster.by_series {
        ret.counts.iter().flatten().copied().max().unwrap_or(0)
    } else {
        totals.iter().copied().max().unwrap_or(0)
    };
    out.line(
        &format!(
            "{}  {}{}",
            theme.cell(lang.pick("年度", "FY"), fy_w),
            theme.cell(lang.pick("定年", "Age"), age_w),
            number_label(lang.pick("人数", "Staff"), count_w)
        ),
        theme.title,
    );
    for (i, fy) in ret.fiscal_years.iter().enumerate() {
        let total = totals.get(i).copied().unwrap_or(0);
        let age = ret.age_in_force.get(i).copied().unwrap_or(0);
        let head = format!(
            "{}  {}{}  ",
            theme.cell(&state.fy(*fy), fy_w),
            theme.cell(&format!("{age}"), age_w),
            number(total, count_w)
        );
        let stepped = total == 0 && age > retirement_age_in_force(fy - 1);
        if stepped {
            let note = lang.pick("定年退職なし（定年の引上げの年）", "none (the age steps up this year)");
            out.spans(vec![
                Span::styled(head, theme.text),
                Span::styled(theme.cut(note, room), theme.dim),
            ]);
        } else if roster.by_series {
            out.line(&head, theme.text);
        } else {
            out.spans(vec![
                Span::styled(head, theme.text),
                Span::styled(out.bar(total, max, room), theme.bar_current),
            ]);
        }
        if roster.by_series && total > 0 {
            let counts = ret.counts.get(i).map(Vec::as_slice).unwrap_or(&[]);
            for (series, n) in ret.series.iter().zip(counts).filter(|(_, n)| **n > 0) {
                let label = theme.cell(&format!("  {series}"), fy_w + 2 + age_w);
                out.spans(vec![
                    Span::styled(format!("{label}{}  ", number(*n, count_w)), theme.text),
                    Span::styled(out.bar(*n, max, room), theme.bar_current),
                ]);
            }
        }
    }
    out.blank();
    let how = if roster.by_series {
        lang.pick("職種別（f で合計）", "by series (f: totals)")
    } else {
        lang.pick("合計（f で職種別）", "totals (f: by series)")
    };
    out.line(how, theme.dim);
    out.wrapped(
        &format!("{}: {}", Rule::RetirementAge.title(lang), Rule::RetirementAge.source()),
        theme.dim,
    );
    for special in &roster.run.report.retirements.special_ages {
        let label = lang.pick(
            "特例定年（プロファイルの条例による）",
            "特例定年 (the profile's ordinance)",
        );
        out.wrapped(&format!("{label}: {}", special.text(lang)), theme.text);
    }
}

pub(super) fn pyramid(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let py = &roster.run.report.age_pyramid;
    let chosen = roster.pyramid_row.and_then(|i| py.rows.get(i));
    let counts: Vec<u64> = match chosen {
        Some(row) => row.counts.clone(),
        None => (0..py.bands.len())
            .map(|b| py.rows.iter().filter_map(|r| r.counts.get(b)).sum())
            .collect(),
    };
    let total: u64 = counts.iter().sum();
    let what = match (chosen, lang) {
        (Some(row), Lang::Ja) => format!(
            "{} {}（{}/{}、f で次の職級）: {total} 人",
            row.series,
            row.grade,
            roster.pyramid_row.unwrap_or(0) + 1,
            py.rows.len()
        ),
        (Some(row), Lang::En) => format!(
            "{} {} ({}/{}; f: next grade): {total} staff",
            row.series,
            row.grade,
            roster.pyramid_row.unwrap_or(0) + 1,
            py.rows.len()
        ),
        (None, Lang::Ja) => format!("全職員（f で職級ごと）: {total} 人"),
        (None, Lang::En) => format!("All staff (f: grade by grade): {total} staff"),
    };
    out.line(&what, theme.title);
    let band_w = py.bands.iter().map(|b| theme.width(b)).max().unwrap_or(6).max(6);
    let count_w = 6;
    let room = out.columns.saturating_sub(band_w + count_w + 3);
    let max = counts.iter().copied().max().unwrap_or(0);
    // The oldest band on top, as a pyramid stands.
    for (band, n) in py.bands.iter().zip(&counts).rev() {
        out.spans(vec![
            Span::styled(
                format!("{}{}  ", theme.cell(band, band_w), number(*n, count_w)),
                theme.text,
            ),
            Span::styled(out.bar(*n, max, room), theme.bar_current),
        ]);
    }
    out.blank();
    out.line(
        lang.pick("職種・職級ごとの人数", "Staff by series and grade"),
        theme.title,
    );
    let name_w = out.columns.saturating_sub(count_w + 4).min(40);
    for (i, row) in py.rows.iter().enumerate() {
        let text = format!(
            "{}{}",
            theme.cell(&format!("{} {}", row.series, row.grade), name_w),
            number(row.total, count_w)
        );
        let style = if Some(i) == roster.pyramid_row {
            theme.accent
        } else {
            theme.text
        };
        out.line(&theme.marked(&text, Some(i) == roster.pyramid_row, out.columns), style);
    }
}

pub(super) fn management_limits(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let ml = &roster.run.report.management_limits;
    if ml.grades.is_empty() {
        out.wrapped(
            lang.pick(
                "プロファイルに役職定年の対象となる職級がありません",
                "The profile names no grade the limit applies to",
            ),
            theme.text,
        );
    } else {
        let fy_w = ml
            .fiscal_years
            .iter()
            .map(|fy| theme.width(&state.fy(*fy)))
            .max()
            .unwrap_or(4);
        let n = ml.grades.len();
        let col_w = (out.columns.saturating_sub(fy_w) / n.max(1)).clamp(4, 20);
        // Grades of several series can share a name (課長): their series goes above them.
        let several = ml
            .grades
            .iter()
            .any(|[series, _]| ml.grades.first().is_some_and(|[s, _]| s != series));
        if several {
            let mut series_line = " ".repeat(fy_w);
            for [series, _] in &ml.grades {
                series_line.push_str(&number_label(&theme.cut(series, col_w - 1), col_w));
            }
            out.line(&series_line, theme.title);
        }
        let mut header = theme.cell(lang.pick("年度", "FY"), fy_w);
        for [_, grade] in &ml.grades {
            header.push_str(&number_label(&theme.cut(grade, col_w - 1), col_w));
        }
        out.line(&header, theme.title);
        for (fy, counts) in ml.fiscal_years.iter().zip(&ml.table) {
            let mut row = theme.cell(&state.fy(*fy), fy_w);
            for c in counts {
                row.push_str(&number(*c, col_w));
            }
            out.line(&row, theme.text);
        }
        out.blank();
        out.line(
            &match lang {
                Lang::Ja => format!(
                    "役職定年を迎える人（{} 人、日付順）",
                    ml.listed.len() as u64 + ml.unlisted
                ),
                Lang::En => format!(
                    "Who reaches the limit ({}, by date)",
                    ml.listed.len() as u64 + ml.unlisted
                ),
            },
            theme.title,
        );
        people(out, &ml.listed, ml.unlisted, lang);
    }
    out.blank();
    for rule in [Rule::ManagementPostAge, Rule::ManagementPostExtension] {
        out.wrapped(&format!("{}: {}", rule.title(lang), rule.source()), theme.dim);
    }
}

fn people(out: &mut Rows, list: &[ListedPerson], unlisted: u64, lang: Lang) {
    let theme = out.theme;
    if list.is_empty() {
        out.line(lang.pick("  該当者なし", "  nobody"), theme.dim);
    }
    for p in list {
        let text = format!(
            "  {}  {}  {}  {}",
            p.date,
            theme.cell(&p.id, 10),
            theme.cell(&format!("{} {}", p.series, p.grade), 24),
            p.name
        );
        out.line(&text, theme.text);
    }
    if unlisted > 0 {
        out.line(
            &match lang {
                Lang::Ja => format!("  ほか {unlisted} 人（一覧は michi roster --format json で）"),
                Lang::En => format!("  and {unlisted} more (all with michi roster --format json)"),
            },
            theme.dim,
        );
    }
}

pub(super) fn turning_sixty(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let t = &roster.run.report.turning_60;
    let first = roster.run.report.summary.first_fy;
    for (offset, list) in [(0, &t.this_year), (1, &t.next_year)] {
        let (when, sixty) = (state.fy(first + offset), state.fy(first + offset + 1));
        out.line(
            &match lang {
                Lang::Ja => format!("{when}に情報提供・意思確認（{sixty}に60歳）: {} 人", list.len()),
                Lang::En => format!("Informed and asked in {when} (60 in {sixty}): {}", list.len()),
            },
            theme.title,
        );
        people(out, list, 0, lang);
        out.blank();
    }
    if t.unlisted > 0 {
        out.line(
            &match lang {
                Lang::Ja => format!("ほか {} 人（一覧は michi roster --format json で）", t.unlisted),
                Lang::En => format!("and {} more (all with michi roster --format json)", t.unlisted),
            },
            theme.dim,
        );
    }
    let rule = Rule::InformationAndIntent;
    out.wrapped(&format!("{}: {}", rule.title(lang), rule.source()), theme.dim);
}

pub(super) fn problems(state: &State, roster: &RosterScreen, out: &mut Rows) {
    let lang = state.lang();
    let theme = out.theme;
    let run = &roster.run;
    if run.problem_counts.is_empty() {
        out.line(
            lang.pick("使えなかった行はありません", "Every row was used"),
            theme.good,
        );
        return;
    }
    out.line(lang.pick("理由ごとの行数", "Rows by reason"), theme.title);
    for (kind, n) in &run.problem_counts {
        out.line(
            &format!(
                "  {}  {}",
                number(*n, 8),
                crate::store::roster::RowReason::kind_label(kind, lang)
            ),
            theme.text,
        );
    }
    out.blank();
    out.line(
        lang.pick(
            "行ごとの理由（行番号は見出しを1行目として）",
            "Row by row (the header is row 1)",
        ),
        theme.title,
    );
    for p in &run.problems {
        let column = p.column.as_deref().map(|c| format!("「{c}」")).unwrap_or_default();
        let prefix = match lang {
            Lang::Ja => format!("  行 {:>7} {column}: ", p.row),
            Lang::En => format!("  row {:>7} {column}: ", p.row),
        };
        let lines = crate::tui::view::hanging(&prefix, &p.reason.text(lang), out.columns, theme.text, theme);
        out.lines.extend(lines);
    }
    let listed = run.problems.len() as u64;
    if run.report.summary.skipped > listed {
        out.line(
            &match lang {
                Lang::Ja => format!(
                    "ほか {} 行（最初の {listed} 行を表示。すべての数は上の表のとおり）",
                    run.report.summary.skipped - listed
                ),
                Lang::En => format!(
                    "and {} more (the first {listed} listed; the counts above are for all)",
                    run.report.summary.skipped - listed
                ),
            },
            theme.dim,
        );
    }
}
