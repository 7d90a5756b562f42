//! The sheet as one HTML file for A4 portrait: its CSS inside, no script, no network. Every
//! value is escaped; tables repeat their header on each page and never split a row; the
//! 自己申告 starts a page of its own marked 取扱注意; signature and date boxes close it.

use super::{Sheet, Table};

pub fn to_html(sheet: &Sheet, lang: crate::i18n::Lang) -> String {
    let pick = |ja: &'static str, en: &'static str| lang.pick(ja, en);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    out.push_str(pick("ja", "en"));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    out.push_str(&escape(&sheet.title));
    out.push_str("</title>\n<style>\n");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n<h1>");
    out.push_str(&escape(&sheet.title));
    out.push_str("</h1>\n<table class=\"header\"><tbody>\n");
    for (label, value) in &sheet.header {
        out.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            escape(label),
            escape(value)
        ));
    }
    out.push_str("</tbody></table>\n");
    for table in &sheet.tables {
        write_table(&mut out, table, "");
    }
    if !sheet.legend.is_empty() {
        out.push_str("<ul class=\"legend\">\n");
        for line in &sheet.legend {
            out.push_str(&format!("<li>{}</li>\n", escape(line)));
        }
        out.push_str("</ul>\n");
    }
    if sheet.signatures {
        out.push_str("<table class=\"signatures\"><tbody><tr>\n");
        for who in [pick("本人", "Employee"), pick("評価者", "Evaluator")] {
            out.push_str(&format!(
                "<td><div class=\"who\">{} {}</div><div class=\"box\"></div><div class=\"date\">{}</div></td>\n",
                escape(who),
                pick("署名", "signature"),
                pick("日付　　年　　月　　日", "Date"),
            ));
        }
        out.push_str("</tr></tbody></table>\n");
    }
    if let Some(table) = &sheet.self_report {
        write_table(&mut out, table, "confidential");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn write_table(out: &mut String, table: &Table, class: &str) {
    out.push_str(&format!(
        "<section class=\"{class}\">\n<h2>{}</h2>\n",
        escape(&table.heading)
    ));
    if table.rows.is_empty() {
        out.push_str("<p class=\"none\">—</p>\n</section>\n");
        return;
    }
    // A column left blank in every row is room to write in (a worksheet's, or a column no
    // row has filled yet): it takes a share of the width, and its rows are tall enough for a
    // hand-written line. A column whose every value is short (levels, dates, marks) is kept
    // on one line; the long ones (descriptions, evidence) take the rest of the width.
    // A blank column under a header of a few characters (a box to tick, like a score) stays
    // narrow.
    let blank: Vec<bool> = (0..table.columns.len())
        .map(|i| {
            table.columns.get(i).is_some_and(|h| h.chars().count() > 3)
                && table.rows.iter().all(|r| r.get(i).is_none_or(|c| c.trim().is_empty()))
        })
        .collect();
    let short: Vec<bool> = (0..table.columns.len())
        .map(|i| {
            !blank.get(i).copied().unwrap_or(false)
                && table
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .chain(table.columns.get(i))
                    .all(|c| c.chars().count() <= 12)
        })
        .collect();
    let class = |i: usize| {
        if blank.get(i).copied().unwrap_or(false) {
            " class=\"write\""
        } else if short.get(i).copied().unwrap_or(false) {
            " class=\"short\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, c) in table.columns.iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(i), escape(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(i), escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// HTML text: `& < > " '` escaped, line ends as `<br>`, other control characters dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"@page { size: A4 portrait; margin: 12mm 10mm; }
html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif; font-size: 9pt; color: #000; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #444; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; font-weight: bold; }
th.short, td.short { white-space: nowrap; width: 1%; }
th.write, td.write { width: 22%; }
td.write { height: 11mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.header th { width: 22%; }
ul.legend { font-size: 7.5pt; color: #333; padding-left: 4mm; margin: 2mm 0; }
table.signatures { margin-top: 6mm; break-inside: avoid; }
table.signatures td { width: 50%; border: none; padding: 0 3mm 0 0; }
.signatures .box { border: 0.6pt solid #444; height: 14mm; margin: 1mm 0; }
.signatures .date { font-size: 8pt; }
section.confidential { break-before: page; }
section.confidential h2::after { content: ""; }
p.none { margin: 0; color: #555; }
"#;
