//! The sheet as an Excel workbook: one worksheet 「面談シート」 (and 「自己申告（取扱注意）」 only
//! when asked for), A4 portrait fit to one page wide, each table's header row in bold and
//! repeated on every printed page, column widths for Japanese text. Values are written as
//! text, so none runs as a formula.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{Sheet, Table};

pub fn to_xlsx(sheet: &Sheet, lang: crate::i18n::Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let main = book.add_worksheet();
    main.set_name(lang.pick("面談シート", "Interview sheet"))?;
    setup(main)?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_background_color("#EEEEEE")
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let mut row: u32 = 0;
    main.write_string_with_format(row, 0, &sheet.title, &title)?;
    row += 2;
    for (label, value) in &sheet.header {
        main.write_string_with_format(row, 0, label, &head)?;
        main.write_string_with_format(row, 1, value, &cell)?;
        row += 1;
    }
    let mut widths = vec![10.0_f64; 8];
    let mut header_rows = Vec::new();
    for table in &sheet.tables {
        row += 1;
        row = write_table(main, row, table, &bold, &head, &cell, &mut widths, &mut header_rows)?;
    }
    row += 1;
    for line in &sheet.legend {
        main.write_string(row, 0, line)?;
        row += 1;
    }
    for (col, width) in widths.iter().enumerate() {
        main.set_column_width(u16::try_from(col).unwrap_or(0), *width)?;
    }
    // The competency table's header row repeats on every printed page.
    if let Some(&first) = header_rows.first() {
        main.set_repeat_rows(first, first)?;
    }
    if let Some(table) = &sheet.self_report {
        let confidential = book.add_worksheet();
        confidential.set_name(lang.pick("自己申告（取扱注意）", "Self-report (confidential)"))?;
        setup(confidential)?;
        let mut widths = vec![16.0_f64, 60.0];
        let mut rows = Vec::new();
        write_table(confidential, 0, table, &bold, &head, &cell, &mut widths, &mut rows)?;
        confidential.set_column_width(0, widths[0])?;
        confidential.set_column_width(1, widths[1])?;
    }
    book.save_to_buffer()
}

/// A4 portrait, fit to one page wide.
fn setup(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_paper_size(9);
    sheet.set_portrait();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Writes `table` from `row` down; returns the row after it. Widths grow to fit text
/// (a full-width character counts two), up to a cap that wraps long text.
#[allow(clippy::too_many_arguments)]
fn write_table(
    sheet: &mut Worksheet,
    mut row: u32,
    table: &Table,
    bold: &Format,
    head: &Format,
    cell: &Format,
    widths: &mut Vec<f64>,
    header_rows: &mut Vec<u32>,
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(row, 0, &table.heading, bold)?;
    row += 1;
    header_rows.push(row);
    for (col, name) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(row, u16::try_from(col).unwrap_or(0), name, head)?;
        grow(widths, col, name);
    }
    row += 1;
    for r in &table.rows {
        for (col, value) in r.iter().enumerate() {
            sheet.write_string_with_format(row, u16::try_from(col).unwrap_or(0), value, cell)?;
            grow(widths, col, value);
        }
        row += 1;
    }
    Ok(row)
}

fn grow(widths: &mut Vec<f64>, col: usize, text: &str) {
    if widths.len() <= col {
        widths.resize(col + 1, 10.0);
    }
    let wide = crate::text::width(text) as f64 + 2.0;
    if let Some(w) = widths.get_mut(col) {
        *w = w.max(wide.min(50.0));
    }
}
