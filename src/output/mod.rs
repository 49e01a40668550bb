//! One table model, four renderers: `table` and `markdown` for people, `csv` and `json` for
//! machines. Commands build a [`Table`] of typed cells; only renderers decide how numbers look.

use std::borrow::Cow;
use std::io::{self, Write};

pub mod chart;
mod csv;
mod draw;
mod human;
mod json;
pub mod lang;
mod pick;
pub mod svg;
mod xlsx;

pub use csv::{CsvLike, CsvLocale, CsvStream};
pub use human::{bar, cell_human, fixed, group, group_thousands, idr, idr_human};
pub use lang::Lang;
pub use pick::pick;

/// True for what must never reach a terminal or a document raw: C0 controls, DEL, C1
/// controls, and the bidirectional overrides and isolates that reorder what is shown.
fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text shown to people (a table, markdown, an SVG, an error message) with each control
/// character written visibly as `\u{1b}`; `keep_newlines` lets line feeds through, for
/// messages laid out on several lines. Ordinary text comes back borrowed, unchanged.
pub fn visible(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let shown = |c: char| !hidden(c) || (keep_newlines && c == '\n');
    if s.bytes().all(|b| (b' '..0x7f).contains(&b)) || s.chars().all(shown) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if shown(c) {
            out.push(c);
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// A typed cell. Machine formats print the raw value at full precision; people get separators,
/// units and rounding.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// Text many rows repeat (an office's code and name), made once and shared: cloned
    /// without copying. Rendered as [`Cell::Text`] is.
    Shared(std::sync::Arc<str>),
    /// A count of people, employers or cases.
    Int(i64),
    /// An integer that is not a quantity (a year): never grouped.
    Plain(i64),
    /// A signed change of a count (shown with its sign).
    Delta(i64),
    /// Whole rupiah.
    Idr(i64),
    /// A signed change in rupiah.
    IdrDelta(i64),
    /// A decimal rupiah figure such as an average per case.
    IdrF(f64),
    /// A decimal count such as a monthly pace.
    Float(f64),
    /// A percentage (39.41 means 39.41 %).
    Pct(f64),
    /// A signed percentage change.
    PctDelta(f64),
    /// A percentage as a source stated it: shown with all its digits, not rounded.
    PctStated(f64),
    Bool(bool),
    /// A fixed English term (a verdict, a section name) that people see in their language;
    /// machine formats keep the English.
    Term(&'static str),
    /// A decimal shown to a fixed number of decimal places (e.g. a computed range's ends).
    Dec(f64, u8),
    /// A month of a year (`2024-10`), named for people (`Oct 2024`, `Okt 2024`).
    Month(i32, u8),
    /// What a flow over a period covers (`Jan-Aug 2023`, `Jan-Agu 2023`); machines get the
    /// English.
    Span(crate::model::Period),
    /// A range to a fixed number of decimal places (`39,254–39,443`), or one value where both
    /// ends round alike: an exact computation is one value, not a range of one.
    Range(f64, f64, u8),
    /// A name indented by its depth in a hierarchy, for people; machines get the name.
    Indented(usize, String),
    /// A figure quoted as its source printed it; Indonesian readers get Indonesian number
    /// writing when the source wrote it the English way (see [`lang::quote`]).
    Quote(String),
    /// A period of the data (`2023`, `2023-08`); people reading Indonesian get `Agustus 2023`.
    Period(crate::model::Period),
    /// A sentence with `{}` slots (looked up whole in the glossary) and the cells that fill them.
    Template(&'static str, Vec<Cell>),
    /// A phrase mixing text, terms and numbers, each written in the reader's language.
    /// Machine formats get the English rendering.
    Phrase(Vec<Cell>),
}

impl Cell {
    /// [`Cell::text`] for text many rows repeat.
    pub fn shared(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Shared(s.into())
        }
    }

    /// The same cell with its text, if any, made [`Cell::Shared`]: for a cell many rows repeat.
    pub fn into_shared(self) -> Cell {
        match self {
            Cell::Text(s) => Cell::Shared(s.into()),
            c => c,
        }
    }

    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// A period cell, or text when `s` is no period (an empty cell when it is empty).
    pub fn period_str(s: &str) -> Cell {
        match s.parse::<crate::model::Period>() {
            Ok(p) if s.len() >= 4 => Cell::Period(p),
            _ => Cell::text(s),
        }
    }

    /// A source as the data names it.
    pub fn source(s: &str) -> Cell {
        Cell::text(s)
    }

    /// A quoted figure; empty when there is none.
    pub fn quote(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Quote(s.to_string())
        }
    }

    /// A segment code (`all`, `pu`): machines get the code, people the glossary's word.
    pub fn segment(s: crate::model::Segment) -> Cell {
        Cell::Term(s.code())
    }

    /// A note from the analysis, in the reader's language; empty when there is none. A slot
    /// holding a month (`2023-08`) is written as a period.
    pub fn note(n: Option<&crate::analysis::Note>) -> Cell {
        n.map_or(Cell::Empty, |n| {
            let arg = |(i, a): (usize, &String)| match term_of(a) {
                Some(t) if n.terms.contains(&i) => Cell::Term(t),
                _ if a.len() == 7 && a.as_bytes()[4] == b'-' => Cell::period_str(a),
                _ => Cell::text(a),
            };
            Cell::Template(n.template, n.args.iter().enumerate().map(arg).collect())
        })
    }

    pub fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Cell) -> Cell {
        v.map_or(Cell::Empty, f)
    }

    /// A figure written in digits, a sign, separators and a `%` alone: no word, no scale, nothing
    /// a table escapes or wraps.
    fn is_plain_figure(&self) -> bool {
        matches!(
            self,
            Cell::Int(_)
                | Cell::Plain(_)
                | Cell::Delta(_)
                | Cell::Pct(_)
                | Cell::PctDelta(_)
                | Cell::Dec(..)
        )
    }

    fn is_numeric(&self) -> bool {
        if let Cell::Template(t, _) = self {
            // A figure said in words (`at least Rp781.77 trillion`, `53.86 million`) lines up
            // with the numbers beside it.
            return FIGURE_TEMPLATES.contains(t);
        }
        !matches!(
            self,
            Cell::Text(_)
                | Cell::Shared(_)
                | Cell::Empty
                | Cell::Bool(_)
                | Cell::Term(_)
                | Cell::Phrase(_)
                | Cell::Template(..)
                | Cell::Month(..)
                | Cell::Span(_)
                | Cell::Period(_)
                | Cell::Quote(_)
                | Cell::Indented(..)
                | Cell::Range(..)
        )
    }
}

/// The templates that say one figure: a qualifier or a scale word around a number.
const FIGURE_TEMPLATES: &[&str] = &[
    "Rp{} billion",
    "Rp{} million",
    "Rp{} trillion",
    "about {}",
    "above {}",
    "at least {}",
    "at most {}",
    "between {} and {}",
    "just under {}",
    "less than {}",
    "more than {}",
    "{} billion",
    "{} million",
    "{} thousand",
    "{} trillion",
];

#[derive(Debug, Clone)]
pub struct Column {
    /// Stable machine name (csv header, json key).
    pub name: &'static str,
    /// Heading for people.
    pub title: &'static str,
}

/// How a derived figure was made, in the reader's language (`sum of 5 districts`, `jumlah 5
/// kabupaten/kota`); csv and json get the English.
pub fn derivation(d: crate::model::Derivation) -> Cell {
    use crate::model::Derivation;
    match d {
        Derivation::SumOf { n, level } => Cell::Template(
            "sum of {} {}",
            vec![Cell::Plain(n as i64), Cell::Term(level.word(n))],
        ),
        d => Cell::Term(d.key()),
    }
}

/// A figure's source: as the data names it, or how it was derived.
pub fn fig_source(source: &str, how: Option<crate::model::Derivation>) -> Cell {
    match how {
        Some(d) => derivation(d),
        None => Cell::source(source),
    }
}

/// The glossary's own copy of an English term, so a term made at run time can be a `Term`.
pub fn term_of(en: &str) -> Option<&'static str> {
    lang::GLOSSARY
        .iter()
        .find(|(k, _)| *k == en)
        .map(|(k, _)| *k)
}

pub const fn col(name: &'static str, title: &'static str) -> Column {
    Column { name, title }
}

/// One table. `group` names a column whose values split the human rendering into sections
/// (a report); machine formats keep it as an ordinary column.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub group: Option<usize>,
    /// Columns people do not need to see (e.g. the unit, already in the value).
    pub machine_only: Vec<usize>,
    /// Lines printed under the table for people (machine formats carry the same facts in columns).
    pub notes: Vec<String>,
    /// Heading printed above the table for people.
    pub title: Option<String>,
    /// A heading with figures or terms in it, written in the reader's language; printed
    /// instead of `title` when set.
    pub heading: Option<Cell>,
    /// Columns only people see (e.g. a range written as one phrase whose ends machines get as
    /// two columns).
    pub human_only: Vec<usize>,
    /// Notes with figures or terms in them, written in the reader's language, after `notes`.
    pub remarks: Vec<Cell>,
    /// Percentage columns drawn as a bar beside their figure in the terminal table only.
    pub bars: Vec<usize>,
    /// For people, these lines instead of the table (compiler-style `file:line: message`
    /// lines, which read better than a table of long messages); machines get the table.
    pub lines: Option<Vec<Cell>>,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
            group: None,
            machine_only: Vec::new(),
            notes: Vec::new(),
            title: None,
            heading: None,
            human_only: Vec::new(),
            remarks: Vec::new(),
            bars: Vec::new(),
            lines: None,
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// Draws a bar beside the percentage column `name` in the terminal table.
    pub fn bar(&mut self, name: &str) {
        if let Some(i) = self.columns.iter().position(|c| c.name == name) {
            self.bars.push(i);
        }
    }

    pub fn hide(&mut self, name: &str) {
        if let Some(i) = self.columns.iter().position(|c| c.name == name) {
            self.machine_only.push(i);
        }
    }

    /// Keeps a column out of csv and json.
    pub fn human(&mut self, name: &str) {
        if let Some(i) = self.columns.iter().position(|c| c.name == name) {
            self.human_only.push(i);
        }
    }

    /// Indices of the columns machine formats write.
    pub fn machine_columns(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|i| !self.human_only.contains(i))
    }
}

/// Takes rows one at a time: a [`Table`] collects them, a stream writes them out at once.
pub trait RowSink {
    fn row(&mut self, cells: Vec<Cell>) -> io::Result<()>;

    /// [`RowSink::row`] for cells the maker keeps (and reuses for the next row): a sink that
    /// only reads them copies nothing.
    fn row_of(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.row(cells.to_vec())
    }
}

impl RowSink for Table {
    fn row(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        self.push(cells);
        Ok(())
    }
}

/// Rows a renderer may read more than once: a drawn table measures its columns in one pass
/// and writes them in the next, so no row need be held.
pub trait Rows {
    fn each(&self, f: &mut dyn FnMut(&[Cell]) -> io::Result<()>) -> io::Result<()>;
}

impl Rows for Vec<Vec<Cell>> {
    fn each(&self, f: &mut dyn FnMut(&[Cell]) -> io::Result<()>) -> io::Result<()> {
        self.iter().try_for_each(|r| f(r))
    }
}

/// The rows `fill` makes, made afresh for each pass.
struct Replay<F>(F);

impl<F: Fn(&mut dyn RowSink) -> io::Result<()>> Rows for Replay<F> {
    fn each(&self, f: &mut dyn FnMut(&[Cell]) -> io::Result<()>) -> io::Result<()> {
        (self.0)(&mut Each(f))
    }
}

/// Hands each row to a pass, holding none.
struct Each<'a>(&'a mut dyn FnMut(&[Cell]) -> io::Result<()>);

impl RowSink for Each<'_> {
    fn row(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        (self.0)(&cells)
    }

    fn row_of(&mut self, cells: &[Cell]) -> io::Result<()> {
        (self.0)(cells)
    }
}

/// Rows made in parts whose rows do not depend on one another (a command's offices, in
/// batches), in part order: a renderer may make several parts at once, one a thread, and
/// still write the bytes it would write for the parts one after another.
pub struct Parts<'a> {
    /// How many parts there are.
    pub count: usize,
    /// How many parts may be made at once.
    pub threads: usize,
    /// Makes part `k`'s rows.
    pub fill: &'a (dyn Fn(usize, &mut dyn RowSink) -> io::Result<()> + Sync),
}

impl Parts<'_> {
    /// Part `k`'s rows, to be read as often as a pass needs.
    pub fn part(&self, k: usize) -> impl Rows + '_ {
        Replay(move |sink: &mut dyn RowSink| (self.fill)(k, sink))
    }

    /// [`in_rounds`] over these parts.
    pub fn rounds<T: Send>(
        &self,
        work: impl Fn(usize) -> io::Result<T> + Sync,
        take: impl FnMut(T) -> io::Result<()>,
    ) -> io::Result<()> {
        in_rounds(self.count, self.threads, work, take)
    }
}

/// The room the byte buffers of parts are made with: the largest part so far, and an eighth
/// more. Parts of one output are mostly alike in size, so a buffer made with this room is
/// mostly not grown, and no part leaves behind the buffers a doubling one would.
#[derive(Default)]
pub struct PartRoom(std::sync::atomic::AtomicUsize);

impl PartRoom {
    /// An empty buffer with the room.
    pub fn buffer(&self) -> Vec<u8> {
        Vec::with_capacity(self.0.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Notes the bytes one part took.
    pub fn took(&self, len: usize) {
        self.0
            .fetch_max(len + len / 8, std::sync::atomic::Ordering::Relaxed);
    }
}

/// `work` done on each of `count` parts, `threads` parts at a time, and `take` given the
/// results in part order. A round's results are all that is held at once.
pub fn in_rounds<T: Send>(
    count: usize,
    threads: usize,
    work: impl Fn(usize) -> io::Result<T> + Sync,
    mut take: impl FnMut(T) -> io::Result<()>,
) -> io::Result<()> {
    let threads = threads.max(1);
    let work = &work;
    let mut k = 0;
    while k < count {
        let end = (k + threads).min(count);
        let done: Vec<io::Result<T>> = if end - k == 1 {
            vec![work(k)]
        } else {
            std::thread::scope(|s| {
                let others: Vec<_> = (k + 1..end).map(|j| s.spawn(move || work(j))).collect();
                let mut all = vec![work(k)];
                all.extend(
                    others
                        .into_iter()
                        .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
                );
                all
            })
        };
        for d in done {
            take(d?)?;
        }
        k = end;
    }
    Ok(())
}

impl Rows for Parts<'_> {
    fn each(&self, f: &mut dyn FnMut(&[Cell]) -> io::Result<()>) -> io::Result<()> {
        (0..self.count).try_for_each(|k| (self.fill)(k, &mut Each(&mut *f)))
    }
}

/// [`render_rows`] for rows made in [`Parts`]: csv, json, a table and markdown make several
/// parts at once; the bytes are those of the parts made one after another.
pub fn render_parts(
    opts: RenderOptions,
    mut head: Table,
    w: &mut dyn Write,
    parts: &Parts,
) -> io::Result<()> {
    match opts.format {
        Format::Csv => {
            let mut s = csv::CsvStream::new(&head, &csv::Csv::from(opts), w)?;
            let like = s.like();
            let room = PartRoom::default();
            parts.rounds(
                |k| {
                    let mut bytes = room.buffer();
                    let mut part = like.stream(&mut bytes);
                    (parts.fill)(k, &mut part)?;
                    part.finish()?;
                    room.took(bytes.len());
                    Ok(bytes)
                },
                |bytes| s.written(&bytes),
            )?;
            s.finish()
        }
        Format::Table | Format::Markdown => human(opts).stream_parts(&head, parts, w),
        Format::Json => json::stream_parts(&head, parts, w),
        Format::Xlsx => {
            for k in 0..parts.count {
                (parts.fill)(k, &mut head)?;
            }
            renderer(opts).render(&head, w)
        }
    }
}

/// Renders the rows `fill` produces under `head`'s columns, holding none of them: csv and
/// json are written as the rows come; a table or markdown calls `fill` twice, once to
/// measure its columns and once to write. Only a workbook collects the rows first.
pub fn render_rows(
    opts: RenderOptions,
    mut head: Table,
    w: &mut dyn Write,
    fill: impl Fn(&mut dyn RowSink) -> io::Result<()>,
) -> io::Result<()> {
    match opts.format {
        Format::Csv => {
            let mut s = csv::CsvStream::new(&head, &csv::Csv::from(opts), w)?;
            fill(&mut s)?;
            s.finish()
        }
        Format::Table | Format::Markdown => human(opts).stream(&head, &Replay(fill), w),
        Format::Json => json::stream(&head, &Replay(fill), w),
        Format::Xlsx => {
            fill(&mut head)?;
            renderer(opts).render(&head, w)
        }
    }
}

/// Csv output written field by field by `fill`, for a command whose rows are too many to
/// build as cells; `None` when the format is not csv.
pub fn csv_rows(
    opts: RenderOptions,
    head: &Table,
    w: &mut dyn Write,
    fill: impl FnOnce(&mut CsvStream) -> io::Result<()>,
) -> Option<io::Result<()>> {
    if opts.format != Format::Csv {
        return None;
    }
    Some((|| {
        let mut s = CsvStream::new(head, &csv::Csv::from(opts), w)?;
        fill(&mut s)?;
        s.finish()
    })())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// aligned text for reading
    #[default]
    Table,
    /// comma-separated values, one header row, full precision
    Csv,
    /// an array of objects, full precision
    Json,
    /// a GitHub-flavoured markdown table
    Markdown,
    /// an Excel workbook of typed cells, a sheet per report section (to a file or a pipe)
    Xlsx,
}

/// True when output may be coloured: `NO_COLOR` (any non-empty value, no-color.org) is not set
/// and standard output is a terminal.
/// The width tables fit in: standard output's terminal's (COLUMNS when set, as shells keep
/// it), or `None` when standard output is not a terminal, so pipes and files never change.
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
}

pub fn color_wanted() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}

/// Settings every renderer may use.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub format: Format,
    /// Neutralise formula-like text cells in csv output.
    pub sanitize: bool,
    /// Language of table and markdown output.
    pub lang: Lang,
    /// Start csv output with a UTF-8 byte order mark (Excel needs it to read UTF-8).
    pub bom: bool,
    /// Colour is allowed: standard output is a terminal and NO_COLOR is not set.
    pub color: bool,
    /// Spreadsheet settings csv output is written for.
    pub csv_locale: CsvLocale,
    /// The terminal's width tables fit in; `None` off a terminal or with --wide.
    pub width: Option<usize>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            format: Format::Table,
            sanitize: true,
            lang: Lang::En,
            bom: false,
            color: false,
            csv_locale: CsvLocale::En,
            width: None,
        }
    }
}

/// A renderer writes a table in one format.
pub trait Render {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()>;
}

/// The renderer of `table` or `markdown` (the other formats get a table renderer too).
fn human(opts: RenderOptions) -> human::Human {
    let markdown = opts.format == Format::Markdown;
    human::Human {
        markdown,
        lang: opts.lang,
        color: opts.color && !markdown,
        width: opts.width.filter(|_| !markdown),
    }
}

pub fn renderer(opts: RenderOptions) -> Box<dyn Render> {
    match opts.format {
        Format::Table | Format::Markdown => Box::new(human(opts)),
        Format::Csv => Box::new(csv::Csv::from(opts)),
        Format::Json => Box::new(json::Json),
        Format::Xlsx => Box::new(xlsx::Xlsx),
    }
}

#[cfg(test)]
mod visible_tests {
    use super::visible;

    #[test]
    fn controls_are_written_visibly_and_plain_text_is_borrowed() {
        assert!(matches!(
            visible("Kota Denpasar", false),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(visible("a\x1b[2Jb\x07", false), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(visible("C1\u{9b}; DEL\x7f", false), "C1\\u{9b}; DEL\\u{7f}");
        assert_eq!(visible("bidi\u{202e}x", false), "bidi\\u{202e}x");
        assert_eq!(visible("two\nlines\t", false), "two\\u{a}lines\\u{9}");
        assert_eq!(visible("two\nlines", true), "two\nlines");
    }
}
