//! The sheet as Markdown, for pasting into documents and mail.

use super::{Sheet, Table};

/// Markdown text: every cell escaped so no value can open a link, an image or HTML.
pub fn to_markdown(sheet: &Sheet) -> String {
    let mut out = format!("# {}\n\n", escape(&sheet.title));
    for (label, value) in &sheet.header {
        out.push_str(&format!("- **{}**: {}\n", escape(label), escape(value)));
    }
    for table in sheet.tables.iter().chain(&sheet.self_report) {
        out.push('\n');
        write_table(&mut out, table);
    }
    if !sheet.legend.is_empty() {
        out.push('\n');
        for line in &sheet.legend {
            out.push_str(&format!("> {}\n", escape(line)));
        }
    }
    out
}

fn write_table(out: &mut String, table: &Table) {
    out.push_str(&format!("## {}\n\n", escape(&table.heading)));
    if table.rows.is_empty() {
        out.push_str("—\n");
        return;
    }
    let row = |cells: &[String]| {
        format!(
            "| {} |\n",
            cells.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")
        )
    };
    out.push_str(&row(&table.columns));
    out.push_str(&format!("|{}\n", "---|".repeat(table.columns.len())));
    for r in &table.rows {
        out.push_str(&row(r));
    }
}

/// One line, with Markdown's and HTML's special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '|' | '!' | '<' | '>' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
