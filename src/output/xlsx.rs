//! A typed workbook: every number a number cell (with a display format, full precision kept in
//! the cell), every text a string cell (never a formula), one sheet per report section.
//!
//! Columns and values are the csv's: the machine column names as a frozen bold header row, and
//! the English terms, so a workbook and a csv file of the same output hold the same figures.

use std::io::{self, Write};

use rust_xlsxwriter::{Format as XFormat, Workbook, Worksheet, XlsxError};

use super::{Cell, Render, Table};

pub struct Xlsx;

/// Excel's limits: rows per sheet, characters in a sheet name.
const MAX_ROWS: usize = 1_048_576;
const MAX_SHEET_NAME: usize = 31;
/// The widest a column gets when fitted to its contents, in pixels (long notes wrap nowhere).
const MAX_WIDTH_PX: u32 = 480;

/// The display formats of the number cells, made once per workbook.
struct Formats {
    header: XFormat,
    count: XFormat,
    plain: XFormat,
    decimal: XFormat,
    pct: XFormat,
    stated: XFormat,
}

impl Formats {
    fn new() -> Self {
        Formats {
            header: XFormat::new().set_bold(),
            count: XFormat::new().set_num_format("#,##0"),
            plain: XFormat::new().set_num_format("0"),
            decimal: XFormat::new().set_num_format("#,##0.00"),
            pct: XFormat::new().set_num_format("0.00"),
            stated: XFormat::new().set_num_format("General"),
        }
    }

    fn fixed(dp: u8) -> XFormat {
        let dp = usize::from(dp.min(15));
        let frac = if dp == 0 {
            String::new()
        } else {
            format!(".{}", "0".repeat(dp))
        };
        XFormat::new().set_num_format(format!("#,##0{frac}"))
    }
}

fn xerr(e: XlsxError) -> io::Error {
    io::Error::other(format!("cannot write the workbook: {e}"))
}

/// Writes one cell; an empty cell or a figure that is not finite stays blank.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    c: &Cell,
    f: &Formats,
) -> Result<(), XlsxError> {
    let num = |ws: &mut Worksheet, v: f64, fmt: &XFormat| -> Result<(), XlsxError> {
        if v.is_finite() {
            ws.write_number_with_format(row, col, v, fmt)?;
        }
        Ok(())
    };
    match c {
        Cell::Empty => {}
        Cell::Int(v) | Cell::Delta(v) | Cell::Idr(v) | Cell::IdrDelta(v) => {
            num(ws, *v as f64, &f.count)?
        }
        Cell::Plain(v) => num(ws, *v as f64, &f.plain)?,
        Cell::IdrF(v) | Cell::Float(v) => num(ws, *v, &f.decimal)?,
        Cell::Pct(v) | Cell::PctDelta(v) => num(ws, *v, &f.pct)?,
        Cell::PctStated(v) => num(ws, *v, &f.stated)?,
        Cell::Dec(v, dp) => num(ws, *v, &Formats::fixed(*dp))?,
        Cell::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
        }
        other => {
            let s = super::csv::cell_raw(other);
            if !s.is_empty() {
                ws.write_string(row, col, s)?;
            }
        }
    }
    Ok(())
}

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook.
fn sheet_name(raw: &str, taken: &[String]) -> String {
    let clean: String = raw
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let base: String = if clean.is_empty() { "Sheet" } else { clean }
        .chars()
        .take(MAX_SHEET_NAME)
        .collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        let keep = MAX_SHEET_NAME - suffix.len();
        name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
        n += 1;
    }
    name
}

/// The rows of each sheet: one sheet per value of the group column (a report's sections, in
/// the order they come), else one sheet of every row.
fn sheets(t: &Table) -> Vec<(String, Vec<&Vec<Cell>>)> {
    let Some(g) = t.group else {
        let name = t.title.clone().unwrap_or_else(|| "coverage".into());
        return vec![(name, t.rows.iter().collect())];
    };
    let mut out: Vec<(String, Vec<&Vec<Cell>>)> = Vec::new();
    for r in &t.rows {
        let key = super::csv::cell_raw(&r[g]);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rows)) => rows.push(r),
            None => out.push((key, vec![r])),
        }
    }
    if out.is_empty() {
        out.push(("coverage".into(), Vec::new()));
    }
    out
}

fn write_sheet(
    ws: &mut Worksheet,
    t: &Table,
    rows: &[&Vec<Cell>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let cols: Vec<usize> = t.machine_columns().collect();
    for (j, &i) in cols.iter().enumerate() {
        ws.write_string_with_format(0, j as u16, t.columns[i].name, &f.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (j, &i) in cols.iter().enumerate() {
            write_cell(ws, r as u32 + 1, j as u16, &row[i], f)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if !cols.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, cols.len() as u16 - 1)?;
    }
    ws.set_autofit_max_width(MAX_WIDTH_PX);
    ws.autofit();
    Ok(())
}

impl Render for Xlsx {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        let f = Formats::new();
        let mut book = Workbook::new();
        let mut taken = Vec::new();
        for (key, rows) in sheets(t) {
            if rows.len() >= MAX_ROWS {
                return Err(io::Error::other(format!(
                    "{} rows do not fit in a worksheet (at most {})\n  hint: use --format csv",
                    rows.len(),
                    MAX_ROWS - 1
                )));
            }
            let name = sheet_name(&key, &taken);
            let ws = book.add_worksheet();
            ws.set_name(&name).map_err(xerr)?;
            taken.push(name);
            write_sheet(ws, t, &rows, &f).map_err(xerr)?;
        }
        let bytes = book.save_to_buffer().map_err(xerr)?;
        w.write_all(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_cleaned_shortened_and_unique() {
        let mut taken = vec![];
        let a = sheet_name("claims: by program [2023]", &taken);
        assert_eq!(a, "claims_ by program _2023_");
        taken.push(a);
        let long = "a".repeat(40);
        let b = sheet_name(&long, &taken);
        assert_eq!(b.chars().count(), 31);
        taken.push(b);
        let c = sheet_name(&long, &taken);
        assert_eq!(c, format!("{} (2)", "a".repeat(27)));
        assert_eq!(sheet_name("", &[]), "Sheet");
    }
}
