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

fn field(c: &Cell, sanitize: bool, locale: CsvLocale) -> String {
    match c {
        Cell::Text(s) if sanitize => neutralise(s),
        // Phrases and sentences may begin with text from the input, such as an office name.
        Cell::Phrase(_) | Cell::Template(..) | Cell::Quote(_) | Cell::Indented(..) if sanitize => {
            neutralise(&cell_raw(c))
        }
        // Integers have no separator in either dialect; only a decimal point changes.
        Cell::IdrF(_)
        | Cell::Float(_)
        | Cell::Pct(_)
        | Cell::PctDelta(_)
        | Cell::PctStated(_)
        | Cell::Dec(..)
            if locale == CsvLocale::Id =>
        {
            cell_raw(c).replace('.', ",")
        }
        other => cell_raw(other),
    }
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// CSV written row by row as rows are produced, so a long result is never held whole. The
/// same bytes as [`Csv`] renders from the whole table.
pub struct CsvStream<'w> {
    wtr: csv::Writer<&'w mut dyn Write>,
    cols: Vec<usize>,
    sanitize: bool,
    locale: CsvLocale,
}

impl<'w> CsvStream<'w> {
    /// Starts the output: the byte order mark when asked, then the header row of `head`.
    pub fn new(head: &Table, opts: &Csv, w: &'w mut dyn Write) -> io::Result<Self> {
        if opts.bom {
            w.write_all("\u{feff}".as_bytes())?;
        }
        let mut wtr = csv::WriterBuilder::new()
            .delimiter(opts.locale.delimiter())
            .from_writer(w);
        let cols: Vec<usize> = head.machine_columns().collect();
        wtr.write_record(cols.iter().map(|&i| head.columns[i].name))
            .map_err(io_err)?;
        Ok(CsvStream {
            wtr,
            cols,
            sanitize: opts.sanitize,
            locale: opts.locale,
        })
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.wtr.flush()
    }
}

impl RowSink for CsvStream<'_> {
    fn row(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        let (sanitize, locale) = (self.sanitize, self.locale);
        self.wtr
            .write_record(
                self.cols
                    .iter()
                    .map(|&i| field(&cells[i], sanitize, locale)),
            )
            .map_err(io_err)
    }
}

impl Render for Csv {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        let mut s = CsvStream::new(t, self, w)?;
        for r in &t.rows {
            s.row(r.clone())?;
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
