//! The succession gap in the HTML report: for each management grade, paired bars by fiscal
//! year — the posts its holders leave (dark) against the staff eligible in the grades below
//! (light, outlined) — with the shortfall outlined in dashes above the eligible bar, and the
//! counts in rows under the axis so the chart reads in grey print. Eligibility that rests
//! on illustrative or assumed years is marked `*`, and a year with staff whose eligibility
//! is unknown `?`.

use std::fmt::Write as _;

use crate::engine::roster::{MinYearsBasis, Succession, SuccessionPost, SuccessionYear};
use crate::export::html::escape;
use crate::i18n::Lang;

const VACANT_FILL: &str = "#1f3b5c";
const ELIGIBLE_FILL: &str = "#dbe4ee";
/// Fiscal years side by side in one band of a grade's chart.
const YEARS_PER_BAND: usize = 20;

/// The chart section: a heading, Michi's assumption, the legend and one figure per grade.
pub(super) fn succession_gap(out: &mut String, succession: &Succession, lang: Lang) {
    let pick = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    out.push_str("<section class=\"succession\">\n<div class=\"lead\">\n<h2>");
    out.push_str(pick(
        "後継者の見込み（管理職の職級 × 年度: 空席と有資格者）",
        "Succession gap (management grade × fiscal year: vacancies and eligible staff)",
    ));
    out.push_str("</h2>\n");
    if succession.posts.is_empty() {
        out.push_str("<p class=\"none\">");
        out.push_str(pick(
            "プロファイルに役職定年の対象となる職級がありません",
            "The profile names no grade the limit applies to",
        ));
        out.push_str("</p>\n</div>\n</section>\n");
        return;
    }
    out.push_str("<p class=\"note\">");
    out.push_str(&escape(crate::describe::roster::no_promotions(lang)));
    out.push_str(lang.pick("", " "));
    out.push_str(&escape(crate::describe::roster::succession_terms(lang)));
    out.push_str("</p>\n");
    legend(out, lang);
    out.push_str("</div>\n<div class=\"posts\">\n");
    for post in &succession.posts {
        figure(out, post, lang);
    }
    out.push_str("</div>\n</section>\n");
}

fn legend(out: &mut String, lang: Lang) {
    let swatch = |fill: &str, stroke: &str, dash: &str| {
        format!(
            "<svg width=\"12\" height=\"10\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"11\" height=\"9\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"0.8\"{dash}/></svg>"
        )
    };
    let items = [
        (swatch(VACANT_FILL, "#000", ""), lang.pick("空席", "Vacant")),
        (swatch(ELIGIBLE_FILL, "#000", ""), lang.pick("有資格", "Eligible")),
        (
            swatch("none", "#000", " stroke-dasharray=\"2 1.5\""),
            lang.pick(
                "不足（空席に対して有資格者が足りない分。軸の下に −人数）",
                "Shortfall (eligible staff fewer than vacancies; −N under the axis)",
            ),
        ),
        (
            "*".to_string(),
            lang.pick(
                "有資格は例示または仮定の在級年数による",
                "eligibility rests on illustrative or assumed years",
            ),
        ),
        (
            "?".to_string(),
            lang.pick(
                "在級年数の定めがない・職級発令日がないため有資格か不明の人がいる（数は後継者の表）",
                "some staff's eligibility is unknown: no years stated or no grade date (counts in the succession table)",
            ),
        ),
        (
            String::new(),
            lang.pick("縦の目盛りは職級ごと", "each grade has its own scale"),
        ),
    ];
    out.push_str("<p class=\"legend\">");
    for (mark, words) in items {
        let _ = write!(out, "<span>{mark} {}</span> ", escape(words));
    }
    out.push_str("</p>\n");
}

/// One grade: its title, the grades below, and the paired bars with the counts beneath.
fn figure(out: &mut String, post: &SuccessionPost, lang: Lang) {
    let title = format!("{} {}", post.series, post.grade);
    let _ = write!(
        out,
        "<figure class=\"post\">\n<figcaption><b>{}</b> — {}{}",
        escape(&title),
        lang.pick("下の職級 ", "from "),
        escape(&crate::describe::roster::grades_below_text(post, lang))
    );
    if post.past_limit > 0 {
        let past = crate::describe::roster::past_limit_text(post.past_limit, lang);
        out.push_str(lang.pick("。", ". "));
        out.push_str(&escape(&past));
    }
    out.push_str("</figcaption>\n");
    // Eligibility that rests on years the document does not state as such.
    let assumed = post
        .grades_below
        .iter()
        .any(|b| b.min_years.is_some() && b.basis != MinYearsBasis::Stated);

    // Up to YEARS_PER_BAND years side by side; a longer run wraps into bands one under the
    // other, so the counts stay legible whatever `--years` is.
    let per_band = post.years.len().clamp(1, YEARS_PER_BAND);
    let bands = post.years.len().div_ceil(per_band).max(1);
    let (width, left, right, top, plot) = (560.0_f64, 52.0_f64, 4.0_f64, 6.0_f64, 96.0_f64);
    let band_height = top + plot + 57.0;
    let height = band_height * bands as f64;
    let slot = (width - left - right) / per_band as f64;
    let bar = slot * 0.36;
    let font = (slot / 3.6).min(10.0);
    let max = post
        .years
        .iter()
        .map(|y| y.vacancies.max(y.eligible))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let _ = writeln!(
        out,
        "<svg class=\"gap\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(&title)
    );
    let _ = writeln!(
        out,
        "<g class=\"post\" data-series=\"{}\" data-grade=\"{}\">",
        escape(&post.series),
        escape(&post.grade)
    );
    for band in 0..bands {
        let base = band_height * band as f64 + top + plot;
        let rows = [base + 13.0, base + 26.0, base + 39.0, base + 52.0];
        for (label, y) in [
            (lang.pick("年度", "FY"), rows[0]),
            (lang.pick("空席", "Vacant"), rows[1]),
            (lang.pick("有資格", "Eligible"), rows[2]),
            (lang.pick("不足", "Short"), rows[3]),
        ] {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"end\" font-size=\"9\">{label}</text>",
                left - 4.0
            );
        }
        let _ = writeln!(
            out,
            "<line x1=\"{left}\" y1=\"{base}\" x2=\"{:.1}\" y2=\"{base}\" stroke=\"#000\" stroke-width=\"0.8\"/>",
            width - right
        );
        let years = post.years.iter().skip(band * per_band).take(per_band);
        for (i, y) in years.enumerate() {
            let x0 = left + slot * i as f64 + (slot - 2.0 * bar) / 2.0;
            let cx = left + slot * (i as f64 + 0.5);
            year(
                out,
                y,
                Bars {
                    x0,
                    cx,
                    bar,
                    base,
                    plot,
                    max,
                    font,
                    rows,
                    assumed,
                },
            );
        }
    }
    out.push_str("</g>\n</svg>\n</figure>\n");
}

/// Where one fiscal year's bars and counts go.
struct Bars {
    x0: f64,
    cx: f64,
    bar: f64,
    base: f64,
    plot: f64,
    max: f64,
    font: f64,
    rows: [f64; 4],
    /// Eligibility rests on illustrative or assumed years.
    assumed: bool,
}

/// One fiscal year: the vacancy bar, the eligible bar, the shortfall outlined above it, and
/// the counts under the axis.
fn year(out: &mut String, y: &SuccessionYear, at: Bars) {
    let Bars {
        x0,
        cx,
        bar,
        base,
        plot,
        max,
        font,
        rows,
        assumed,
    } = at;
    let h = |n: u64| plot * n as f64 / max;
    let _ = writeln!(
        out,
        "<g class=\"fy\" data-fy=\"{}\" data-vacancies=\"{}\" data-eligible=\"{}\">",
        y.fy, y.vacancies, y.eligible
    );
    if y.vacancies > 0 {
        let _ = writeln!(
            out,
            "<rect class=\"vacant\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{VACANT_FILL}\"/>",
            base - h(y.vacancies),
            h(y.vacancies)
        );
    }
    let x1 = x0 + bar;
    if y.eligible > 0 {
        let _ = writeln!(
            out,
            "<rect class=\"eligible\" x=\"{x1:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"{ELIGIBLE_FILL}\" stroke=\"#000\" stroke-width=\"0.6\"/>",
            base - h(y.eligible),
            h(y.eligible)
        );
    }
    let short = y.shortfall();
    if short > 0 {
        let _ = writeln!(
            out,
            "<rect class=\"short\" x=\"{x1:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.8\" stroke-dasharray=\"2 1.5\"/>",
            base - h(y.vacancies),
            h(short)
        );
    }
    let unknown = y.unknown() > 0;
    let marks = format!("{}{}", if assumed { "*" } else { "" }, if unknown { "?" } else { "" });
    let short_text = if short > 0 {
        format!("−{short}")
    } else {
        String::new()
    };
    for (text, row, bold) in [
        (y.fy.to_string(), rows[0], false),
        (y.vacancies.to_string(), rows[1], false),
        (format!("{}{marks}", y.eligible), rows[2], false),
        (short_text, rows[3], true),
    ] {
        if text.is_empty() {
            continue;
        }
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            out,
            "<text x=\"{cx:.1}\" y=\"{row:.1}\" text-anchor=\"middle\" font-size=\"{font:.1}\"{weight}>{text}</text>"
        );
    }
    out.push_str("</g>\n");
}
