//! The sheet as CSV for Excel in Japan: UTF-8 with a BOM and CRLF line ends, one section
//! after another (a heading row, the columns, the rows, a blank row). A cell that begins
//! with `=`, `+`, `-`, `@`, a tab or a CR is neutralised with a leading `'` (OWASP's rule
//! against CSV injection), so no value runs as a formula.

use super::Sheet;

pub fn to_csv(sheet: &Sheet) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        let mut record = |cells: Vec<String>| {
            // Writing to memory cannot fail.
            let _ = w.write_record(cells.iter().map(|c| inert(c)));
        };
        record(vec![sheet.title.clone()]);
        for (label, value) in &sheet.header {
            record(vec![label.clone(), value.clone()]);
        }
        for table in sheet.tables.iter().chain(&sheet.self_report) {
            record(vec![]);
            record(vec![table.heading.clone()]);
            record(table.columns.clone());
            for row in &table.rows {
                record(row.clone());
            }
        }
        if !sheet.legend.is_empty() {
            record(vec![]);
            for line in &sheet.legend {
                record(vec![line.clone()]);
            }
        }
        let _ = w.flush();
    }
    out
}

/// A cell that cannot start a formula, without control characters other than line ends.
fn inert(cell: &str) -> String {
    let clean: String = cell.chars().filter(|c| !c.is_control() || *c == '\n').collect();
    match clean.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{clean}"),
        _ => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn a_formula_is_made_text() {
        assert_eq!(inert("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(inert("-1+2"), "'-1+2");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("窓口"), "窓口");
    }
}
