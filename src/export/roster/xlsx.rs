//! The roster report as an Excel workbook: one worksheet per section, A4 landscape fit to
//! one page wide, the header row bold, frozen and repeated on every printed page. Counts are
//! numbers (to sum and chart in Excel); every other value is text, so none runs as a formula.

use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

use super::RosterTables;

pub fn to_xlsx(tables: &RosterTables) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_font_size(12);
    let head = Format::new()
        .set_bold()
        .set_background_color("#EEEEEE")
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let cell = Format::new().set_border(FormatBorder::Thin);
    for section in &tables.sections {
        let sheet = book.add_worksheet();
        sheet.set_name(&section.sheet)?;
        sheet.set_paper_size(9);
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(1, 1)?;
        sheet.set_freeze_panes(2, 0)?;
        let table = &section.table;
        sheet.write_string_with_format(0, 0, &table.heading, &bold)?;
        let mut widths: Vec<f64> = Vec::new();
        for (col, name) in table.columns.iter().enumerate() {
            sheet.write_string_with_format(1, column(col), name, &head)?;
            grow(&mut widths, col, name);
        }
        for (i, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(i + 2).unwrap_or(u32::MAX);
            for (col, value) in row.iter().enumerate() {
                match value.parse::<u64>() {
                    Ok(n) if col >= section.counts_from => {
                        sheet.write_number_with_format(r, column(col), n as f64, &cell)?;
                    }
                    _ => {
                        sheet.write_string_with_format(r, column(col), value, &cell)?;
                    }
                }
                grow(&mut widths, col, value);
            }
        }
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(column(col), *width)?;
        }
    }
    book.save_to_buffer()
}

fn column(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

/// Widths grow to fit text (a full-width character counts two), up to a cap.
fn grow(widths: &mut Vec<f64>, col: usize, text: &str) {
    if widths.len() <= col {
        widths.resize(col + 1, 6.0);
    }
    let wide = crate::text::width(text) as f64 + 2.0;
    if let Some(w) = widths.get_mut(col) {
        *w = w.max(wide.min(60.0));
    }
}
