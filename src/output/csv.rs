//! CSV for spreadsheets and scripts: one header row, plain numbers at full precision.
//!
//! Two dialects. `en`, the default, is the machine format: `,` between fields and a decimal
//! point. `id` is for spreadsheets set to Indonesian: `;` between fields and a decimal comma.
//! Indonesian settings read `.` as the thousands separator, so `1.125` in an `en` file opens as
//! 1125; the `id` dialect writes `1,125` and no thousands separator at all.

use std::io::{self, Write};

use super::{Cell, Render, RowSink, Table};

pub struct Csv {
    pub sanitize: bool,
    pub bom: bool,
    pub locale: CsvLocale,
}

/// `--csv-locale`: which spreadsheet settings the csv is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CsvLocale {
    /// `,` between fields, decimal point: for scripts and English settings
    #[default]
    En,
    /// `;` between fields, decimal comma, no thousands separator: for Indonesian settings
    Id,
}

impl From<super::RenderOptions> for Csv {
    fn from(o: super::RenderOptions) -> Self {
        Csv {
            sanitize: o.sanitize,
            bom: o.bom,
            locale: o.csv_locale,
        }
    }
}

impl CsvLocale {
    fn delimiter(self) -> u8 {
        match self {
            CsvLocale::En => b',',
            CsvLocale::Id => b';',
        }
    }
}

/// The raw value of a cell as machines want it: no separators, no rounding, empty when unknown.
pub fn cell_raw(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Shared(s) => s.to_string(),
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
        Cell::Term(t) => super::lang::english(t).to_string(),
        Cell::Quote(s) | Cell::Indented(_, s) => s.clone(),
        Cell::Dec(v, _) => cell_raw(&Cell::Float(*v)),
        Cell::Month(y, m) => format!("{y}-{m:02}"),
        Cell::Period(p) => p.to_string(),
        Cell::Phrase(_) | Cell::Template(..) | Cell::Span(_) | Cell::Range(..) => {
            super::human::cell_human(c, super::Lang::En)
        }
    }
}

/// Text that a spreadsheet would run as a formula gets a leading apostrophe.
/// Numbers are never touched: a negative gap stays a number.
pub fn neutralise(s: &str) -> String {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// Writes `v` as Rust's `Display` writes it (shortest digits that read back, never an
/// exponent), through ryu where ryu writes the same digits: it is several times faster.
fn write_float(buf: &mut Vec<u8>, v: f64, decimal_comma: bool) {
    let mut r = ryu::Buffer::new();
    let s = r.format_finite(v);
    let start = buf.len();
    if s.contains('e') {
        use std::io::Write as _;
        let _ = write!(buf, "{v}");
    } else {
        buf.extend_from_slice(s.strip_suffix(".0").unwrap_or(s).as_bytes());
    }
    if decimal_comma {
        for b in &mut buf[start..] {
            if *b == b'.' {
                *b = b',';
            }
        }
    }
}

/// Where one written row begins in the buffer, and how many fields it has so far.
#[derive(Clone, Copy)]
struct RowStart {
    at: usize,
    fields: usize,
}

/// CSV written row by row as rows are produced, so a long result is never held whole; the one
/// writer of csv output, [`Csv`] renders a whole table through it. Fields are written straight
/// into one reused buffer: a row's cells may come as [`Cell`]s or, on a hot path, one by one
/// through [`CsvStream::text`], [`CsvStream::int`] and the like, with the same bytes.
/// Quoting is the csv crate's: a field holding the delimiter, a quote, CR or LF is quoted
/// with its quotes doubled, and a row of one empty field is written `""`.
pub struct CsvStream<'w> {
    w: &'w mut dyn Write,
    buf: Vec<u8>,
    row: RowStart,
    cols: Vec<usize>,
    delimiter: u8,
    sanitize: bool,
    locale: CsvLocale,
}

/// The settings of a [`CsvStream`], to make another that writes the same bytes.
#[derive(Debug, Clone)]
pub struct CsvLike {
    cols: Vec<usize>,
    delimiter: u8,
    sanitize: bool,
    locale: CsvLocale,
}

impl CsvLike {
    /// A stream into `w` that writes rows as the stream this was taken from does, with no
    /// header row.
    pub fn stream<'w>(&self, w: &'w mut dyn Write) -> CsvStream<'w> {
        CsvStream {
            w,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            row: RowStart { at: 0, fields: 0 },
            cols: self.cols.clone(),
            delimiter: self.delimiter,
            sanitize: self.sanitize,
            locale: self.locale,
        }
    }
}

/// Bytes held before they are written out.
const FLUSH_AT: usize = 64 * 1024;

impl<'w> CsvStream<'w> {
    /// Starts the output: the byte order mark when asked, then the header row of `head`.
    pub fn new(head: &Table, opts: &Csv, w: &'w mut dyn Write) -> io::Result<Self> {
        let cols: Vec<usize> = head.machine_columns().collect();
        let mut s = CsvStream {
            w,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            row: RowStart { at: 0, fields: 0 },
            cols,
            delimiter: opts.locale.delimiter(),
            sanitize: opts.sanitize,
            locale: opts.locale,
        };
        if opts.bom {
            s.buf.extend_from_slice("\u{feff}".as_bytes());
        }
        for i in 0..s.cols.len() {
            let name = head.columns[s.cols[i]].name;
            s.field_bytes(name.as_bytes());
        }
        s.end()?;
        Ok(s)
    }

    /// A stream with this one's settings into `w`, with no header row: for rows written apart
    /// (on another thread, say) and then added with [`CsvStream::written`].
    pub fn like(&self) -> CsvLike {
        CsvLike {
            cols: self.cols.clone(),
            delimiter: self.delimiter,
            sanitize: self.sanitize,
            locale: self.locale,
        }
    }

    /// Rows written by a stream made from [`CsvStream::like`], added after this one's.
    pub fn written(&mut self, rows: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(rows);
        self.row.at = self.buf.len();
        if self.buf.len() >= FLUSH_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
            self.row.at = 0;
        }
        Ok(())
    }

    /// The byte between fields.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    fn sep(&mut self) {
        if self.row.fields > 0 {
            self.buf.push(self.delimiter);
        }
        self.row.fields += 1;
    }

    fn needs_quotes(&self, b: &[u8]) -> bool {
        let d = self.delimiter;
        b.iter()
            .any(|&c| c == d || c == b'"' || c == b'\n' || c == b'\r')
    }

    /// One field, quoted if it must be.
    fn field_bytes(&mut self, b: &[u8]) {
        self.sep();
        self.escape_into(b);
    }

    fn escape_into(&mut self, b: &[u8]) {
        if !self.needs_quotes(b) {
            self.buf.extend_from_slice(b);
            return;
        }
        self.buf.push(b'"');
        for &c in b {
            if c == b'"' {
                self.buf.push(b'"');
            }
            self.buf.push(c);
        }
        self.buf.push(b'"');
    }

    /// A text field as a [`Cell::Text`] is written: a formula neutralised when asked.
    pub fn text(&mut self, s: &str) {
        self.sep();
        if self.sanitize && is_formula(s) {
            self.escape_into(neutralise(s).as_bytes());
        } else {
            self.escape_into(s.as_bytes());
        }
    }

    /// A fixed term, never neutralised.
    pub fn term(&mut self, s: &str) {
        self.field_bytes(s.as_bytes());
    }

    /// The bytes of [`CsvStream::text`] for `s`, to be written many times with
    /// [`CsvStream::escaped`]: e.g. an office's code and name on each of its rows.
    pub fn escape_text(&self, s: &str) -> Vec<u8> {
        self.escape_cell(&Cell::text(s))
    }

    /// The bytes of [`CsvStream::cell`] for `c`, to be written many times with
    /// [`CsvStream::escaped`].
    pub fn escape_cell(&self, c: &Cell) -> Vec<u8> {
        let mut tmp = CsvStream {
            w: &mut io::sink(),
            buf: Vec::new(),
            row: RowStart { at: 0, fields: 0 },
            cols: Vec::new(),
            delimiter: self.delimiter,
            sanitize: self.sanitize,
            locale: self.locale,
        };
        tmp.cell(c);
        std::mem::take(&mut tmp.buf)
    }

    /// A field already escaped by [`CsvStream::escape_text`] or [`CsvStream::escape_cell`].
    pub fn escaped(&mut self, b: &[u8]) {
        self.sep();
        self.buf.extend_from_slice(b);
    }

    pub fn empty(&mut self) {
        self.sep();
    }

    pub fn int(&mut self, v: i64) {
        self.sep();
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    /// A decimal figure at full precision; empty when it is not finite.
    pub fn float(&mut self, v: f64) {
        self.sep();
        if v.is_finite() {
            write_float(&mut self.buf, v, self.locale == CsvLocale::Id);
        }
    }

    /// A period as `2024` or `2024-10`.
    pub fn period(&mut self, p: crate::model::Period) {
        self.sep();
        let mut b = itoa::Buffer::new();
        match p {
            crate::model::Period::Year(y) => self.buf.extend_from_slice(b.format(y).as_bytes()),
            crate::model::Period::Month(y, m) => {
                self.buf.extend_from_slice(b.format(y).as_bytes());
                self.buf
                    .extend_from_slice(&[b'-', b'0' + m / 10, b'0' + m % 10]);
            }
        }
    }

    /// One cell as the renderers see it.
    pub fn cell(&mut self, c: &Cell) {
        match c {
            Cell::Empty => self.empty(),
            Cell::Text(s) => self.text(s),
            Cell::Shared(s) => self.text(s),
            Cell::Int(v) | Cell::Plain(v) | Cell::Delta(v) | Cell::Idr(v) | Cell::IdrDelta(v) => {
                self.int(*v)
            }
            Cell::IdrF(v)
            | Cell::Float(v)
            | Cell::Pct(v)
            | Cell::PctDelta(v)
            | Cell::PctStated(v)
            | Cell::Dec(v, _) => self.float(*v),
            // Phrases and sentences may begin with text from the input, such as an office name.
            Cell::Phrase(_) | Cell::Template(..) | Cell::Quote(_) | Cell::Indented(..) => {
                self.text(&cell_raw(c))
            }
            other => self.term(&cell_raw(other)),
        }
    }

    /// Ends the row; the buffer goes out once it holds enough.
    pub fn end(&mut self) -> io::Result<()> {
        // The csv format cannot tell one empty field from no row at all.
        if self.row.fields == 1 && self.buf.len() == self.row.at {
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.push(b'\n');
        self.row = RowStart {
            at: self.buf.len(),
            fields: 0,
        };
        if self.buf.len() >= FLUSH_AT {
            self.w.write_all(&self.buf)?;
            self.buf.clear();
            self.row.at = 0;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        self.w.flush()
    }
}

fn is_formula(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

impl RowSink for CsvStream<'_> {
    fn row(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        self.row_of(&cells)
    }

    fn row_of(&mut self, cells: &[Cell]) -> io::Result<()> {
        for i in 0..self.cols.len() {
            self.cell(&cells[self.cols[i]]);
        }
        self.end()
    }
}

impl Render for Csv {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        let mut s = CsvStream::new(t, self, w)?;
        for r in &t.rows {
            for i in 0..s.cols.len() {
                s.cell(&r[s.cols[i]]);
            }
            s.end()?;
        }
        s.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::col;

    fn render(t: &Table, sanitize: bool, bom: bool) -> String {
        let mut out = Vec::new();
        Csv {
            sanitize,
            bom,
            locale: CsvLocale::En,
        }
        .render(t, &mut out)
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formula_text_is_neutralised_and_numbers_are_not() {
        let mut t = Table::new(vec![col("name", "Name"), col("gap", "Gap")]);
        for s in [
            "=1+1", "+62", "-x", "@SUM(A1)", "\tTab", "\rCR", "Bali", "a=b",
        ] {
            t.push(vec![Cell::text(s), Cell::Delta(-5)]);
        }
        t.push(vec![Cell::text("-"), Cell::Pct(-6.5)]);
        t.push(vec![Cell::text("x"), Cell::IdrDelta(-342)]);
        assert_eq!(
            render(&t, true, false),
            "name,gap\n'=1+1,-5\n'+62,-5\n'-x,-5\n'@SUM(A1),-5\n'\tTab,-5\n\"'\rCR\",-5\nBali,-5\na=b,-5\n'-,-6.5\nx,-342\n"
        );
        assert_eq!(
            render(&t, false, false),
            "name,gap\n=1+1,-5\n+62,-5\n-x,-5\n@SUM(A1),-5\n\tTab,-5\n\"\rCR\",-5\nBali,-5\na=b,-5\n-,-6.5\nx,-342\n"
        );
    }

    #[test]
    fn phrases_beginning_with_input_text_are_neutralised() {
        let mut t = Table::new(vec![col("basis", "Basis")]);
        t.push(vec![Cell::Phrase(vec![
            Cell::text("=1+1"),
            Cell::text(" x"),
        ])]);
        t.push(vec![Cell::Template("{} x", vec![Cell::text("@A1")])]);
        let out = render(&t, true, false);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].starts_with("'=1+1"), "{out}");
        assert!(lines[2].starts_with("'@A1"), "{out}");
        assert!(render(&t, false, false)
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("=1+1"));
    }

    #[test]
    fn floats_are_written_as_display_writes_them() {
        let f = |v: f64, comma: bool| {
            let mut b = Vec::new();
            write_float(&mut b, v, comma);
            String::from_utf8(b).unwrap()
        };
        // ryu writes 1e16 and 1e-7; Display never uses an exponent.
        assert_eq!(f(1e16, false), "10000000000000000");
        assert_eq!(f(1e-7, false), "0.0000001");
        assert_eq!(f(3.0, false), "3");
        assert_eq!(f(-0.0, false), "-0");
        assert_eq!(f(6.022289639947839, false), "6.022289639947839");
        assert_eq!(f(-2.5, true), "-2,5");
        assert_eq!(f(0.1 + 0.2, false), "0.30000000000000004");
    }

    #[test]
    fn quoting_follows_the_csv_format() {
        let mut t = Table::new(vec![col("a", "A")]);
        t.push(vec![Cell::Empty]);
        t.push(vec![Cell::text("say \"hi\"")]);
        t.push(vec![Cell::text("two\nlines")]);
        // One empty field alone on a row is written as two quotes, or the row would vanish.
        assert_eq!(
            render(&t, false, false),
            "a\n\"\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n"
        );
    }

    #[test]
    fn bom_only_when_asked() {
        let t = Table::new(vec![col("a", "A")]);
        assert_eq!(render(&t, true, true), "\u{feff}a\n");
        assert_eq!(render(&t, true, false), "a\n");
    }

    #[test]
    fn indonesian_dialect_has_semicolons_and_decimal_commas() {
        let mut t = Table::new(vec![
            col("name", "Name"),
            col("active", "Active"),
            col("pct", "Pct"),
            col("avg", "Avg"),
        ]);
        t.push(vec![
            Cell::text("Bali; Nusa"),
            Cell::Int(1_027_000),
            Cell::Pct(1.125),
            Cell::IdrF(-0.5),
        ]);
        t.push(vec![
            Cell::text("x"),
            Cell::Delta(-1125),
            Cell::Dec(39.41, 2),
            Cell::Empty,
        ]);
        let mut out = Vec::new();
        let opts = Csv {
            sanitize: true,
            bom: false,
            locale: CsvLocale::Id,
        };
        opts.render(&t, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "name;active;pct;avg\n\"Bali; Nusa\";1027000;1,125;-0,5\nx;-1125;39,41;\n"
        );
    }
}
