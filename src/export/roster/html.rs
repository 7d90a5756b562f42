//! The roster report as one HTML file for A4 landscape: CSS and SVG charts inside, no
//! script, no network. Charts: the retirement wave by fiscal year (bars stacked by series,
//! the years with none shown as 0 with the age in force under them) and the age pyramid
//! (horizontal bars by five-year band, oldest at the top), then the succession gap per
//! management grade (`succession_chart`). Every value is escaped.

use std::fmt::Write as _;

use super::{RosterTables, Section};
use crate::engine::roster::RosterReport;
use crate::export::html::escape;
use crate::i18n::Lang;

/// Fills for the series, in order (distinct in grey print too).
const FILLS: [&str; 6] = ["#1f4e79", "#7fa7d1", "#c55a11", "#f4b183", "#548235", "#a9d18e"];

pub fn to_html(tables: &RosterTables, report: &RosterReport, lang: Lang) -> String {
    let pick = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(pick("ja", "en"));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    out.push_str(&escape(&tables.title));
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<h1>");
    out.push_str(&escape(&tables.title));
    out.push_str("</h1>\n");
    let mut sections = tables.sections.iter();
    if let Some(summary) = sections.next() {
        write_table(&mut out, summary);
    }
    out.push_str("<section class=\"charts\">\n<div class=\"chart\">\n<h2>");
    out.push_str(pick("定年退職の波（年度別）", "Retirement wave by fiscal year"));
    out.push_str("</h2>\n");
    retirement_wave(&mut out, report, lang);
    out.push_str("</div>\n<div class=\"chart\">\n<h2>");
    out.push_str(pick("年齢構成（5歳階級）", "Age pyramid (five-year bands)"));
    out.push_str("</h2>\n");
    age_pyramid(&mut out, report);
    out.push_str("</div>\n");
    legend(&mut out, &report.retirements.series);
    out.push_str("</section>\n");
    super::succession_chart::succession_gap(&mut out, &report.succession, lang);
    for section in sections {
        write_table(&mut out, section);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Text for SVG: escaped, on one line.
fn svg_text(text: &str) -> String {
    escape(&text.replace(['\n', '\r'], " "))
}

fn fill(series: usize) -> &'static str {
    FILLS.get(series % FILLS.len()).copied().unwrap_or("#777")
}

fn legend(out: &mut String, series: &[String]) {
    out.push_str("<p class=\"legend\">");
    for (i, name) in series.iter().enumerate() {
        let _ = write!(
            out,
            "<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"{}\"/></svg> {}</span> ",
            fill(i),
            escape(name)
        );
    }
    out.push_str("</p>\n");
}

/// Vertical bars per fiscal year, stacked by series; every year labelled with its total.
fn retirement_wave(out: &mut String, report: &RosterReport, lang: Lang) {
    let ret = &report.retirements;
    let (width, height, left, top, bottom) = (640.0_f64, 260.0_f64, 8.0, 18.0, 40.0);
    let totals: Vec<u64> = ret.counts.iter().map(|c| c.iter().sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let years = ret.fiscal_years.len().max(1);
    let slot = (width - 2.0 * left) / years as f64;
    let bar = (slot * 0.7).max(1.0);
    let plot = height - top - bottom;
    // Label every year when they fit, else every second or fifth.
    let every = if slot >= 24.0 {
        1
    } else if slot >= 12.0 {
        2
    } else {
        5
    };
    let _ = writeln!(
        out,
        "<svg class=\"wave\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        lang.pick("定年退職の波", "Retirement wave")
    );
    let base = top + plot;
    let _ = writeln!(
        out,
        "<line x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#000\" stroke-width=\"0.8\"/>",
        width - left
    );
    for (i, ((fy, counts), age)) in ret
        .fiscal_years
        .iter()
        .zip(&ret.counts)
        .zip(&ret.age_in_force)
        .enumerate()
    {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut y = base;
        for (s, n) in counts.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let h = plot * (*n as f64) / max;
            y -= h;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"{}\"/>",
                fill(s)
            );
        }
        let total = totals.get(i).copied().unwrap_or(0);
        let cx = x + bar / 2.0;
        let class = if total == 0 { " class=\"zero\"" } else { "" };
        let _ = writeln!(
            out,
            "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\"{class}>{total}</text>",
            y - 3.0
        );
        if i % every == 0 {
            let _ = writeln!(
                out,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{fy}</text>\n<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#555\">{}{age}</text>",
                base + 14.0,
                base + 27.0,
                lang.pick("定年", "age "),
            );
        }
    }
    out.push_str("</svg>\n");
}

/// Horizontal bars per age band (oldest at the top), stacked by series.
fn age_pyramid(out: &mut String, report: &RosterReport) {
    let py = &report.age_pyramid;
    let series = &report.retirements.series;
    let bands = py.bands.len();
    // counts[band][series]
    let mut counts = vec![vec![0_u64; series.len()]; bands];
    for row in &py.rows {
        let s = series.iter().position(|x| *x == row.series).unwrap_or(0);
        for (b, n) in row.counts.iter().enumerate() {
            if let Some(cell) = counts.get_mut(b).and_then(|c| c.get_mut(s)) {
                *cell += n;
            }
        }
    }
    let totals: Vec<u64> = counts.iter().map(|c| c.iter().sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let (width, row_h, label, right) = (460.0_f64, 20.0_f64, 52.0_f64, 44.0_f64);
    let height = row_h * bands as f64 + 8.0;
    let plot = width - label - right;
    let _ = writeln!(
        out,
        "<svg class=\"pyramid\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"age pyramid\">"
    );
    for (row, b) in (0..bands).rev().enumerate() {
        let y = 4.0 + row_h * row as f64;
        let name = py.bands.get(b).map(String::as_str).unwrap_or("");
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"9\">{}</text>",
            label - 4.0,
            y + row_h * 0.65,
            svg_text(name)
        );
        let mut x = label;
        for (s, n) in counts.get(b).into_iter().flatten().enumerate() {
            if *n == 0 {
                continue;
            }
            let w = plot * (*n as f64) / max;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                y + 2.0,
                row_h - 4.0,
                fill(s)
            );
            x += w;
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{}</text>",
            x + 3.0,
            y + row_h * 0.65,
            totals.get(b).copied().unwrap_or(0)
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{label}\" y1=\"2\" x2=\"{label}\" y2=\"{:.1}\" stroke=\"#000\" stroke-width=\"0.8\"/>",
        height - 2.0
    );
    out.push_str("</svg>\n");
}

fn write_table(out: &mut String, section: &Section) {
    let table = &section.table;
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&table.heading));
    if table.rows.is_empty() {
        out.push_str("<p class=\"none\">—</p>\n</section>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for c in &table.columns {
        let _ = write!(out, "<th>{}</th>", escape(c));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let numeric = i >= section.counts_from && cell.bytes().all(|b| b.is_ascii_digit());
            let class = if numeric { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

const CSS: &str = r#"@page { size: A4 landscape; margin: 10mm; }
html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; font-size: 8.5pt; color: #000; }
body { margin: 0; }
h1 { font-size: 14pt; margin: 0 0 3mm; }
h2 { font-size: 10.5pt; margin: 3mm 0 1.5mm; break-after: avoid; }
table { border-collapse: collapse; }
th, td { border: 0.6pt solid #444; padding: 0.6mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: break-word; max-width: 70mm; }
th { background: #eee; font-weight: bold; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section.charts { display: flex; flex-wrap: wrap; gap: 4mm; break-inside: avoid; }
.chart { flex: 1 1 120mm; }
.chart svg { width: 100%; height: auto; font-family: inherit; }
.chart svg text.zero { font-weight: bold; }
p.legend { flex-basis: 100%; margin: 0; }
p.legend span { margin-right: 4mm; white-space: nowrap; }
p.none { margin: 0; color: #555; }
section.succession { break-before: page; page-break-before: always; }
section.succession .lead { break-after: avoid; page-break-after: avoid; }
section.succession p.note { margin: 0 0 1mm; }
section.succession p.legend { margin-bottom: 2mm; }
.posts { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 5mm; }
figure.post { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.post figcaption { margin-bottom: 0.5mm; }
figure.post svg { width: 100%; height: auto; font-family: inherit; }
"#;
