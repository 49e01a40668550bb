//! CSV for spreadsheets and scripts: one header row, plain numbers at full precision.

use std::io::{self, Write};

use super::{Cell, Column, Render, RowSink, Table};

pub struct Csv {
    pub sanitize: bool,
}

/// The raw value of a cell as machines want it: no separators, no rounding, empty when unknown.
pub fn cell_raw(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Int(v) | Cell::Plain(v) | Cell::Delta(v) | Cell::Idr(v) | Cell::IdrDelta(v) => {
            v.to_string()
        }
        Cell::IdrF(v) | Cell::Float(v) | Cell::Pct(v) | Cell::PctDelta(v) | Cell::PctStated(v) => {
            if v.is_finite() {
                v.to_string()
            } else {
                String::new()
            }
        }
        Cell::Bool(b) => b.to_string(),
    }
}

/// Text that a spreadsheet would run as a formula; it gets a leading apostrophe.
/// Numbers are never touched: a negative gap stays a number.
fn formula_like(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// CSV written row by row as rows are produced, so a long result is never held whole.
pub struct CsvStream<'w> {
    wtr: csv::Writer<&'w mut dyn Write>,
    sanitize: bool,
    buf: String,
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<'w> CsvStream<'w> {
    /// Starts the output with the header row.
    pub fn new(columns: &[Column], sanitize: bool, w: &'w mut dyn Write) -> io::Result<Self> {
        let mut wtr = csv::Writer::from_writer(w);
        wtr.write_record(columns.iter().map(|c| c.name))
            .map_err(io_err)?;
        Ok(CsvStream {
            wtr,
            sanitize,
            buf: String::new(),
        })
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.wtr.flush()
    }
}

impl RowSink for CsvStream<'_> {
    fn row(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        use std::fmt::Write as _;
        for c in &cells {
            // Numbers are formatted into one reused buffer: a million-row result would
            // otherwise allocate a string per number.
            self.buf.clear();
            let field: &str = match c {
                Cell::Empty => "",
                Cell::Text(s) if self.sanitize && formula_like(s) => {
                    self.buf.push('\'');
                    self.buf.push_str(s);
                    &self.buf
                }
                Cell::Text(s) => s,
                Cell::Int(v) | Cell::Delta(v) | Cell::Idr(v) | Cell::IdrDelta(v) => {
                    let _ = write!(self.buf, "{v}");
                    &self.buf
                }
                other => {
                    self.buf = cell_raw(other);
                    &self.buf
                }
            };
            self.wtr.write_field(field).map_err(io_err)?;
        }
        self.wtr.write_record(None::<&[u8]>).map_err(io_err)
    }
}

impl Render for Csv {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        let mut out = CsvStream::new(&t.columns, self.sanitize, w)?;
        for r in &t.rows {
            out.row(r.clone())?;
        }
        out.finish()
    }
}
