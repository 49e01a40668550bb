//! Workbooks (.xlsx, .xlsm, .xls, .ods) read as the CSV the loader already checks: each sheet
//! becomes comma-separated text, a line per row, with a map from its lines and fields back to
//! the sheet's rows and columns, so every check and message is the CSV reader's own.

use std::io::{Cursor, Read};

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};

use super::files::ReadOptions;
use super::problem::Problem;
use crate::said::Said;

/// The most a workbook file may take: calamine reads it whole, and every workbook of a data
/// set is a few megabytes.
pub const MAX_WORKBOOK: u64 = 256 << 20;

/// The file name endings read as workbooks.
pub const WORKBOOK_ENDINGS: [&str; 4] = [".xlsx", ".xlsm", ".xls", ".ods"];

/// Whether a file is named as a workbook.
pub fn is_workbook_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    WORKBOOK_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// A zip archive (xlsx, xlsm, ods) or an OLE compound file (xls) begins with these bytes.
pub fn is_workbook_signature(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A workbook's sheets by name, read once.
pub(super) struct Book {
    /// How the workbook is named in messages.
    pub(super) name: String,
    sheets: Vec<(String, Range<Data>)>,
}

impl Book {
    /// Reads every sheet of the workbook whose bytes `r` yields.
    pub(super) fn read(name: String, r: impl Read) -> Result<Book, Problem> {
        let mut bytes = Vec::new();
        let read = r.take(MAX_WORKBOOK + 1).read_to_end(&mut bytes);
        // Each message a glossary key; what the system or the workbook library said stays
        // as it said it.
        let fail = |key: &'static str, args: Vec<String>| {
            Problem::file(name.clone(), String::new()).said(Said::new(key, args))
        };
        if let Err(e) = read {
            return Err(fail("cannot be read: {}", vec![e.to_string()]));
        }
        if bytes.len() as u64 > MAX_WORKBOOK {
            return Err(fail(
                "a workbook larger than {} MiB: it is not read",
                vec![(MAX_WORKBOOK >> 20).to_string()],
            ));
        }
        let mut wb = match open_workbook_auto_from_rs(Cursor::new(&bytes[..])) {
            Ok(wb) => wb,
            Err(_) => {
                // The automatic reader tells only that no format fitted; the format the file
                // claims, read alone, tells why.
                let why = why_unreadable(&bytes, &name);
                let p = fail(why.book_key(), why.detail());
                return Err(match why {
                    Why::Password => {
                        p.with_hint("save a copy without the password, or export the sheet as CSV")
                    }
                    _ => p.with_hint("save it again as .xlsx or .ods, or export the sheet as CSV"),
                });
            }
        };
        let mut sheets = Vec::new();
        for sheet in wb.sheet_names() {
            match wb.worksheet_range(&sheet) {
                Ok(r) => sheets.push((sheet, r)),
                Err(e) => {
                    let why = Why::of(&e);
                    let mut args = vec![format!("{sheet:?}")];
                    args.extend(why.detail());
                    return Err(fail(why.sheet_key(), args));
                }
            }
        }
        Ok(Book { name, sheets })
    }

    pub(super) fn sheet_names(&self) -> Vec<&str> {
        self.sheets.iter().map(|(n, _)| n.as_str()).collect()
    }

    /// The sheet named `kind` (in any case), or with `first` the first sheet when none is.
    pub(super) fn take(&mut self, kind: &str, first: bool, opts: ReadOptions) -> Option<Sheet> {
        let at = self
            .sheets
            .iter()
            .position(|(n, _)| n.trim().eq_ignore_ascii_case(kind))
            .or((first && !self.sheets.is_empty()).then_some(0))?;
        let (name, range) = self.sheets.remove(at);
        Some(Sheet::new(format!("{} [{name}]", self.name), &range, opts))
    }
}

/// Why a workbook or a sheet cannot be read, in words of this program's glossary: the workbook
/// library's own text is kept only as English detail of a damaged part.
#[derive(Debug)]
enum Why {
    /// Encrypted: Excel writes a password-protected .xlsx as an OLE file holding the package.
    Password,
    /// The zip archive of an .xlsx, .xlsm or .ods is damaged or cut short.
    Archive,
    /// The format fits but a part is damaged or missing; the library's words as detail.
    Damaged(String),
    /// Neither a zip archive nor an OLE file of a workbook.
    NoFormat,
}

impl Why {
    fn of(e: &calamine::Error) -> Why {
        use calamine::{Error, OdsError, XlsError, XlsxError};
        match e {
            Error::Xlsx(XlsxError::Password)
            | Error::Xls(XlsError::Password)
            | Error::Ods(OdsError::Password) => Why::Password,
            Error::Xlsx(XlsxError::Zip(_)) | Error::Ods(OdsError::Zip(_)) => Why::Archive,
            Error::Msg(_) => Why::NoFormat,
            other => Why::Damaged(other.to_string()),
        }
    }

    fn book_key(&self) -> &'static str {
        match self {
            Why::Password => "not a workbook that can be read: it is protected by a password",
            Why::Archive => {
                "not a workbook that can be read: its zip archive is damaged or cut short"
            }
            Why::Damaged(_) => {
                "not a workbook that can be read: a part of it is damaged or missing ({})"
            }
            Why::NoFormat => {
                "not a workbook that can be read: its bytes are none of xlsx, xlsm, xls, ods"
            }
        }
    }

    fn sheet_key(&self) -> &'static str {
        match self {
            Why::Password => "sheet {} cannot be read: it is protected by a password",
            Why::Archive => "sheet {} cannot be read: the zip archive is damaged or cut short",
            Why::Damaged(_) | Why::NoFormat => {
                "sheet {} cannot be read: a part of it is damaged or missing ({})"
            }
        }
    }

    /// The library's words, the one slot an English message keeps for them.
    fn detail(&self) -> Vec<String> {
        match self {
            Why::Damaged(d) => vec![d.clone()],
            _ => Vec::new(),
        }
    }
}

/// Reads the bytes as the one format they claim (by signature, then by name), for its reason.
fn why_unreadable(bytes: &[u8], name: &str) -> Why {
    use calamine::{open_workbook_from_rs, Ods, Xls, Xlsx};
    let cur = || Cursor::new(bytes);
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An encrypted package names its stream in UTF-16.
        let encrypted: Vec<u8> = "EncryptedPackage".bytes().flat_map(|b| [b, 0]).collect();
        if memchr::memmem::find(bytes, &encrypted).is_some() {
            return Why::Password;
        }
        return match open_workbook_from_rs::<Xls<_>, _>(cur()) {
            Ok(_) => Why::NoFormat,
            Err(e) => Why::of(&calamine::Error::Xls(e)),
        };
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let e = if lower.ends_with(".ods") {
            open_workbook_from_rs::<Ods<_>, _>(cur())
                .err()
                .map(calamine::Error::Ods)
        } else {
            open_workbook_from_rs::<Xlsx<_>, _>(cur())
                .err()
                .map(calamine::Error::Xlsx)
        };
        return e.as_ref().map_or(Why::NoFormat, Why::of);
    }
    Why::NoFormat
}

/// One sheet as CSV, with the way back to its cells.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// `book.xlsx [participants]`: the path of the sheet's problems.
    pub(super) label: String,
    pub(super) csv: Vec<u8>,
    /// The sheet row (1-based) of each line of `csv`.
    rows: Vec<u32>,
    /// The sheet column (0-based) of the first field.
    first_col: u32,
    /// Cells holding an error value; their rows are left out of `csv`.
    pub(super) errors: Vec<Problem>,
}

impl Sheet {
    fn new(label: String, range: &Range<Data>, opts: ReadOptions) -> Sheet {
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut sheet = Sheet {
            label,
            csv: Vec::new(),
            rows: Vec::new(),
            first_col,
            errors: Vec::new(),
        };
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut headers: Vec<String> = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let at = first_row + i as u32;
            let line = sheet.rows.len() as u64 + 1;
            let mut fields = Vec::with_capacity(row.len());
            let mut failed = false;
            for (c, cell) in row.iter().enumerate() {
                let column = headers.get(c).map_or("", String::as_str);
                match text(cell, column, opts) {
                    Ok(t) => fields.push(t),
                    Err(e) if i > 0 => {
                        sheet
                            .errors
                            .push(error_cell(&sheet.label, line, c, column, &e));
                        fields.push(String::new());
                        failed = true;
                    }
                    Err(e) => fields.push(e),
                }
            }
            if i == 0 {
                headers = fields.iter().map(|h| h.trim().to_lowercase()).collect();
            }
            // A row with an error value is left out as a row of empty cells, which the reader
            // passes over as it does a spreadsheet's, so the lines keep their rows.
            if failed {
                fields.iter_mut().for_each(String::clear);
            }
            let lines = 1 + fields
                .iter()
                .map(|f| f.matches('\n').count())
                .sum::<usize>();
            sheet.rows.extend(std::iter::repeat_n(at + 1, lines));
            w.write_record(&fields).ok();
        }
        sheet.csv = w.into_inner().unwrap_or_default();
        sheet
    }

    /// Puts a problem found in the sheet's CSV at its row and lettered column.
    pub(super) fn locate(&self, p: &mut Problem) {
        if p.path != self.label {
            return;
        }
        if let Some(line) = p.line {
            let row = self.rows.get(line as usize - 1).copied();
            p.line = row.map(u64::from).or(p.line);
        }
        if let Some((c, _)) = &mut p.column {
            *c += self.first_col as usize;
        }
    }
}

fn error_cell(label: &str, line: u64, c: usize, column: &str, found: &str) -> Problem {
    Problem {
        said: None,
        hint_said: None,
        found_said: None,
        path: label.to_string(),
        line: Some(line),
        column: Some((c + 1, column.to_string())),
        found: Some(found.to_string()),
        message: "a value, not a formula's error".into(),
        hint: Some(
            "the formula in this cell fails in the workbook: correct it there; the row is not read"
                .into(),
        ),
    }
}

/// A cell as the text the CSV reader reads. A number is written in the notation the reader
/// is set to (a decimal comma with --decimal-comma), so it reads as the number it is; a date
/// in a period column as the period it shows. `Err` holds an error value.
fn text(cell: &Data, column: &str, opts: ReadOptions) -> Result<String, String> {
    let number = |s: String| {
        if opts.decimal_comma {
            s.replace('.', ",")
        } else {
            s
        }
    };
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n").replace('\r', "\n"),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(f.to_string()),
        Data::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            date(column, &format!("{y:04}-{m:02}-{day:02}"))
        }
        Data::DateTime(d) => number(d.as_f64().to_string()),
        Data::DateTimeIso(s) => date(column, s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// A date `YYYY-MM-DD...` as the period a period column shows of it.
fn date(column: &str, iso: &str) -> String {
    let keep = match column {
        "period" => 7,
        "year" => 4,
        _ => 10,
    };
    iso.get(..keep).unwrap_or(iso).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_goes_back_to_its_row_and_column_past_a_cell_of_two_lines() {
        // Cells from B2: a header row, a row whose note spans two lines, then a third row.
        let mut range = Range::new((1, 1), (3, 2));
        range.set_value((1, 1), Data::String("value".into()));
        range.set_value((1, 2), Data::String("note".into()));
        range.set_value((2, 1), Data::Int(1));
        range.set_value((2, 2), Data::String("two\r\nlines".into()));
        range.set_value((3, 1), Data::String("x".into()));
        let sheet = Sheet::new("b.xlsx [s]".into(), &range, ReadOptions::default());
        assert_eq!(sheet.csv, b"value,note\n1,\"two\nlines\"\nx,\n");
        // The csv reader puts "x" on line 4, column 1: the sheet has it in B4.
        let mut p = Problem {
            said: None,
            hint_said: None,
            found_said: None,
            path: "b.xlsx [s]".into(),
            line: Some(4),
            column: Some((1, "value".into())),
            found: Some("x".into()),
            message: "a number".into(),
            hint: None,
        };
        sheet.locate(&mut p);
        assert_eq!(p.location(), "b.xlsx [s] B4 (value)");
        // Row 3's note, on lines 2 and 3 of the text, is row 3 of the sheet.
        assert_eq!(sheet.rows, [2, 3, 3, 4]);
    }

    #[test]
    fn numbers_follow_the_reader_and_dates_the_column() {
        let en = ReadOptions::default();
        let id = ReadOptions {
            decimal_comma: true,
            ..en
        };
        assert_eq!(
            text(&Data::Float(1027000.0), "value", en),
            Ok("1027000".into())
        );
        assert_eq!(text(&Data::Float(39.41), "value", en), Ok("39.41".into()));
        assert_eq!(text(&Data::Float(39.41), "value", id), Ok("39,41".into()));
        assert_eq!(text(&Data::Int(7), "value", id), Ok("7".into()));
        assert_eq!(date("period", "2023-08-31"), "2023-08");
        assert_eq!(date("year", "2023-12-31T00:00:00"), "2023");
        assert_eq!(date("note", "2023-12-31T00:00:00"), "2023-12-31");
        let e = Data::Error(calamine::CellErrorType::Ref);
        assert_eq!(text(&e, "value", en), Err("#REF!".into()));
    }
}
