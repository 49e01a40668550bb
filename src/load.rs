//! The only place that reads CSV. Every file goes through `open`, which matches columns by
//! name and turns each problem into a [`Problem`] naming the file, line and column.

// A Problem is built once per bad cell, never on the happy path: its size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::*;
use crate::number::{parse_count, parse_decimal_f64, NumError};
use crate::store::Participants;

/// The data set compiled into the binary.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("offices.csv", include_str!("../data/offices.csv")),
    ("participants.csv", include_str!("../data/participants.csv")),
    ("claims.csv", include_str!("../data/claims.csv")),
    ("targets.csv", include_str!("../data/targets.csv")),
    ("workforce.csv", include_str!("../data/workforce.csv")),
    ("stated.csv", include_str!("../data/stated.csv")),
];

/// How to read the files. The default detects each file's delimiter from its header line,
/// which is safe because the header names are known and never contain `,`, `;` or a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadOptions {
    /// `None`: detect from the header line.
    pub delimiter: Option<u8>,
    /// Read `1.027.000` and `39,41` the Indonesian way, with `Rp` and scale words.
    pub decimal_comma: bool,
}

/// Where the data set lives.
#[derive(Debug, Clone)]
pub enum DataSource {
    Embedded,
    Dir(PathBuf),
    /// Files held in memory, by file name (for embedding the loader and for fuzzing).
    Memory(Vec<(String, Vec<u8>)>),
}

impl DataSource {
    /// How a file is named in messages: `data/offices.csv` for the embedded set, the path otherwise.
    pub fn display(&self, file: &str) -> String {
        match self {
            DataSource::Embedded => format!("<embedded>/data/{file}"),
            DataSource::Dir(d) => d.join(file).display().to_string(),
            DataSource::Memory(_) => format!("<memory>/{file}"),
        }
    }

    /// The file as a stream with its line ends made LF, or `None` when it does not exist.
    fn read(&self, file: &str) -> Result<Option<Input>, Problem> {
        let err = |e: io::Error| Problem::file(self.display(file), io_message(&e));
        match self {
            DataSource::Embedded => EMBEDDED
                .iter()
                .find(|(n, _)| *n == file)
                .map(|(_, s)| Input::start(io::Cursor::new(s.as_bytes())).map_err(err))
                .transpose(),
            DataSource::Memory(files) => files
                .iter()
                .find(|(n, _)| n == file)
                .map(|(_, b)| Input::start(io::Cursor::new(b.clone())).map_err(err))
                .transpose(),
            DataSource::Dir(d) => {
                let path = d.join(file);
                match File::open(&path) {
                    Ok(f) => Input::start(f).map(Some).map_err(err),
                    Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                    Err(e) => Err(err(e)),
                }
            }
        }
    }
}

/// A file being read: its first bytes, enough to hold the header line and to tell a blank or
/// UTF-16 file (all of it when it is small), and the unread rest. Files are streamed, never
/// held whole, so memory does not grow with a file's size.
struct Input {
    head: Vec<u8>,
    rest: Option<LineEnds<Box<dyn Read>>>,
}

impl Input {
    fn start(r: impl Read + 'static) -> io::Result<Input> {
        let mut r = LineEnds {
            inner: Box::new(r) as Box<dyn Read>,
            cr: false,
        };
        let mut head = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match r.read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                return Ok(Input { head, rest: None });
            }
            head.extend_from_slice(&buf[..n]);
            if head.contains(&b'\n') && !head.iter().all(u8::is_ascii_whitespace) {
                return Ok(Input {
                    head,
                    rest: Some(r),
                });
            }
        }
    }

    fn into_reader(self) -> Box<dyn Read> {
        let head = io::Cursor::new(self.head);
        match self.rest {
            Some(r) => Box::new(head.chain(r)),
            None => Box::new(head),
        }
    }
}

/// Turns CRLF and bare CR line ends into LF as the bytes stream past, like
/// [`normalise_line_ends`] (a CRLF may be split between two reads).
struct LineEnds<R> {
    inner: R,
    /// The last byte passed on was a CR turned into LF.
    cr: bool,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            if !self.cr && !buf[..n].contains(&b'\r') {
                return Ok(n);
            }
            let mut w = 0;
            for r in 0..n {
                let b = buf[r];
                if b == b'\n' && self.cr {
                    self.cr = false;
                    continue;
                }
                self.cr = b == b'\r';
                buf[w] = if self.cr { b'\n' } else { b };
                w += 1;
            }
            if w > 0 {
                return Ok(w);
            }
        }
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory, not a CSV file".into(),
        _ => format!("cannot be read: {e}"),
    }
}

/// One thing wrong with the input, located as precisely as it can be.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub line: Option<u64>,
    /// 1-based column number and its header name.
    pub column: Option<(usize, String)>,
    pub found: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn file(path: String, message: String) -> Self {
        Problem {
            path,
            line: None,
            column: None,
            found: None,
            message,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `path:line:column (header)`, as far as known.
    pub fn location(&self) -> String {
        let mut s = self.path.clone();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
            if let Some((c, h)) = &self.column {
                s.push_str(&format!(":{c} ({h})"));
            }
        }
        s
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location())?;
        match &self.found {
            Some(found) => write!(f, "found {}, expected {}", quote(found), self.message)?,
            None => f.write_str(&self.message)?,
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

/// Quotes a found value for a message, shortened so a hostile 50 MB cell cannot flood the terminal.
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let head: String = s.chars().take(MAX).collect();
        format!("{head:?}... ({} bytes)", s.len())
    } else {
        format!("{s:?}")
    }
}

/// Problems found so far: all of them counted, the first `limit` kept.
#[derive(Debug, Clone)]
pub struct Problems {
    pub kept: Vec<Problem>,
    pub total: usize,
    pub limit: usize,
}

impl Problems {
    pub fn new(limit: usize) -> Self {
        Problems {
            kept: Vec::new(),
            total: 0,
            limit,
        }
    }

    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        if self.kept.len() < self.limit {
            self.kept.push(p);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// The column layout of one file: which columns must be there, which may.
struct Spec {
    file: &'static str,
    required: &'static [&'static str],
    optional: &'static [&'static str],
}

const OFFICES: Spec = Spec {
    file: "offices.csv",
    required: &["code", "name", "level", "parent"],
    optional: &["partial", "note"],
};
const PARTICIPANTS: Spec = Spec {
    file: "participants.csv",
    required: &["office", "period", "segment", "measure", "value", "source"],
    optional: &["published", "note"],
};
const CLAIMS: Spec = Spec {
    file: "claims.csv",
    required: &[
        "office",
        "period",
        "segment",
        "program",
        "cases",
        "amount_idr",
        "source",
    ],
    optional: &["published", "note"],
};
const TARGETS: Spec = Spec {
    file: "targets.csv",
    required: &["office", "year", "measure", "segment", "value", "source"],
    optional: &["plan", "published", "note"],
};
const WORKFORCE: Spec = Spec {
    file: "workforce.csv",
    required: &["office", "period", "measure", "value", "source"],
    optional: &["published", "note"],
};
const STATED: Spec = Spec {
    file: "stated.csv",
    required: &["office", "period", "segment", "metric", "value", "source"],
    optional: &["published", "note"],
};

/// The files of a data set, in the order they are read, with whether each must exist.
pub const FILES: &[(&str, bool)] = &[
    ("offices.csv", true),
    ("participants.csv", true),
    ("claims.csv", false),
    ("targets.csv", false),
    ("workforce.csv", false),
    ("stated.csv", false),
];

/// Reading context for one file: its display path, options and where problems go.
struct Ctx<'a> {
    path: String,
    opts: ReadOptions,
    headers: csv::StringRecord,
    problems: &'a mut Problems,
    /// Codes (lower case) of offices whose rows were refused, so rows naming them are not
    /// reported a second time as naming an unknown office.
    rejected: Vec<String>,
}

impl Ctx<'_> {
    fn problem(
        &mut self,
        line: u64,
        col: usize,
        found: &str,
        expected: String,
        hint: Option<String>,
    ) {
        let header = self.headers.get(col).unwrap_or("?").to_string();
        self.problems.push(Problem {
            path: self.path.clone(),
            line: Some(line),
            column: Some((col + 1, header)),
            found: Some(found.to_string()),
            message: expected,
            hint,
        });
    }

    fn col(&self, name: &str) -> usize {
        self.headers.iter().position(|h| h == name).unwrap_or(0)
    }

    fn count(&mut self, line: u64, name: &str, raw: &str) -> Result<Option<i64>, ()> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        match parse_count(raw, self.opts.decimal_comma) {
            Ok(v) => Ok(Some(v)),
            Err(NumError { expected, hint }) => {
                let c = self.col(name);
                self.problem(line, c, raw, expected, hint);
                Err(())
            }
        }
    }

    fn code<T: Code>(&mut self, line: u64, name: &str, raw: &str) -> Result<T, ()> {
        match T::parse_code(raw) {
            Some(v) => Ok(v),
            None => {
                let c = self.col(name);
                let hint = raw
                    .trim()
                    .is_empty()
                    .then(|| format!("the {name} column may not be empty"));
                self.problem(
                    line,
                    c,
                    raw,
                    format!("one of {}", T::expected_codes()),
                    hint,
                );
                Err(())
            }
        }
    }

    fn period(&mut self, line: u64, name: &str, raw: &str) -> Result<Period, ()> {
        match parse_period(raw.trim().as_bytes()) {
            Some(p) => Ok(p),
            None => {
                let c = self.col(name);
                self.problem(
                    line,
                    c,
                    raw,
                    "a period written YYYY (a year) or YYYY-MM (a month, 01-12)".into(),
                    Some("e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023".into()),
                );
                Err(())
            }
        }
    }

    fn office(&mut self, line: u64, raw: &str, index: &OfficeIndex) -> Result<usize, ()> {
        let key = raw.trim().to_ascii_lowercase();
        match index.codes.get(&key) {
            Some(&i) => Ok(i),
            // Already reported in offices.csv: one mistake, one message.
            None if index.unreadable || index.rejected.contains(&key) => Err(()),
            None => {
                let c = self.col("office");
                self.problem(
                    line,
                    c,
                    raw,
                    "the code of an office listed in offices.csv".into(),
                    Some("add the office to offices.csv, or correct the code".into()),
                );
                Err(())
            }
        }
    }
}

/// Normalises a header cell: no BOM, no surrounding spaces, lower case.
fn normalise_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}').trim().to_lowercase()
}

#[cfg(test)]
/// Turns CRLF and bare CR line ends into LF, in place. The csv reader numbers the rows of a
/// CRLF file one line short, and old Mac exports end lines with a bare CR.
fn normalise_line_ends(bytes: &mut Vec<u8>) {
    if !bytes.contains(&b'\r') {
        return;
    }
    let (mut r, mut w) = (0, 0);
    while r < bytes.len() {
        let b = bytes[r];
        if b == b'\r' {
            bytes[w] = b'\n';
            if bytes.get(r + 1) == Some(&b'\n') {
                r += 1;
            }
        } else {
            bytes[w] = b;
        }
        r += 1;
        w += 1;
    }
    bytes.truncate(w);
}

/// Picks the delimiter from the header line when asked to detect it.
fn detect_delimiter(path: &str, bytes: &[u8]) -> Result<u8, Problem> {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let count = |d: u8| {
        // Count outside quotes only: a quoted header may contain any of them.
        let mut n = 0;
        let mut quoted = false;
        for &b in first {
            if b == b'"' {
                quoted = !quoted;
            } else if b == d && !quoted {
                n += 1;
            }
        }
        n
    };
    let found: Vec<(u8, usize)> = [b',', b';', b'\t']
        .into_iter()
        .map(|d| (d, count(d)))
        .filter(|&(_, n)| n > 0)
        .collect();
    match found.as_slice() {
        [(d, _)] => Ok(*d),
        [] => Err(Problem {
            path: path.to_string(),
            line: Some(1),
            column: None,
            found: None,
            message: "cannot detect the delimiter: the header line has no ',', ';' or tab".into(),
            hint: Some("name it with --delimiter ',' (or ';' or '\\t')".into()),
        }),
        _ => Err(Problem {
            path: path.to_string(),
            line: Some(1),
            column: None,
            found: None,
            message: format!(
                "cannot detect the delimiter: the header line contains {}",
                found
                    .iter()
                    .map(|(d, n)| format!("{n} × {}", delim_name(*d)))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            hint: Some("name it with --delimiter".into()),
        }),
    }
}

/// How to write the delimiter on a command line.
fn delim_arg(d: u8) -> &'static str {
    match d {
        b',' => "','",
        b';' => "';'",
        _ => "tab",
    }
}

fn delim_name(d: u8) -> &'static str {
    match d {
        b',' => "','",
        b';' => "';'",
        b'\t' => "tab",
        _ => "?",
    }
}

/// Opens one file as a CSV reader with its header checked against `spec`.
/// Returns `None` (after recording a problem) when the file cannot be read at all.
fn open<'p>(
    src: &DataSource,
    spec: &Spec,
    opts: ReadOptions,
    problems: &'p mut Problems,
    required: bool,
) -> Option<(csv::Reader<Box<dyn Read>>, Ctx<'p>)> {
    let path = src.display(spec.file);
    let input = match src.read(spec.file) {
        Ok(Some(b)) => b,
        Ok(None) => {
            if required {
                problems.push(
                    Problem::file(path, "required file not found".into()).with_hint(match src {
                        DataSource::Embedded => "the embedded data set is incomplete".to_string(),
                        DataSource::Dir(_) | DataSource::Memory(_) => format!(
                            "a data directory holds {} ({} optional)",
                            FILES
                                .iter()
                                .filter(|f| f.1)
                                .map(|f| f.0)
                                .collect::<Vec<_>>()
                                .join(" and "),
                            FILES
                                .iter()
                                .filter(|f| !f.1)
                                .map(|f| f.0)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    }),
                );
            }
            return None;
        }
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let bytes = &input.head;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        problems.push(
            Problem::file(
                path,
                "the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8".into(),
            )
            .with_hint(UTF8_HINT),
        );
        return None;
    }
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if content.iter().all(|b| b.is_ascii_whitespace()) {
        problems.push(
            Problem::file(path, "the file is empty: expected a header row".into())
                .with_hint(format!("the header row is: {}", spec.required.join(","))),
        );
        return None;
    }
    let delimiter = match opts.delimiter {
        Some(d) => d,
        None => match detect_delimiter(&path, bytes) {
            Ok(d) => d,
            Err(p) => {
                problems.push(p);
                return None;
            }
        },
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .buffer_capacity(256 * 1024)
        .from_reader(input.into_reader());
    let raw_headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(Problem::file(
                path,
                format!("cannot read the header row: {e}"),
            ));
            return None;
        }
    };
    let mut headers = csv::StringRecord::new();
    for (i, h) in raw_headers.iter().enumerate() {
        match std::str::from_utf8(h) {
            Ok(s) => headers.push_field(&normalise_header(s)),
            Err(_) => {
                problems.push(not_utf8(
                    &path,
                    1,
                    Some((i + 1, format!("column {}", i + 1))),
                    h,
                ));
                return None;
            }
        }
    }
    // One column holding the whole header: the file uses another delimiter. Say so once,
    // rather than once per missing column.
    if let [only] = headers.iter().collect::<Vec<_>>()[..] {
        if let Some(&d) = [b',', b';', b'\t']
            .iter()
            .find(|&&d| d != delimiter && only.contains(char::from(d)))
        {
            problems.push(Problem {
                path,
                line: Some(1),
                column: None,
                found: Some(only.to_string()),
                message: format!(
                    "a header row separated by {}, the delimiter asked for",
                    delim_name(delimiter)
                ),
                hint: Some(format!(
                    "the file looks {}-separated: try --delimiter {} or --delimiter auto",
                    delim_name(d),
                    delim_arg(d)
                )),
            });
            return None;
        }
    }
    let mut ok = true;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        // Spreadsheets export columns once touched as unnamed, empty ones: each_row checks
        // that they stay empty.
        if h.is_empty() {
            continue;
        }
        let known = spec.required.contains(&h) || spec.optional.contains(&h);
        let mut p = Problem {
            path: path.clone(),
            line: Some(1),
            column: Some((i + 1, h.to_string())),
            found: Some(h.to_string()),
            message: String::new(),
            hint: None,
        };
        if let Some(first) = seen.insert(h, i) {
            p.message = format!("a column name used once (it is also column {})", first + 1);
            p.hint = Some("remove or rename one of the two columns".into());
            problems.push(p);
            ok = false;
        } else if !known {
            p.message = format!(
                "one of the columns {}",
                crate::model::one_of(&[spec.required, spec.optional].concat())
            );
            p.hint = Some(if delimiter != b';' && h.contains(';') {
                "the file looks ';'-separated: try --delimiter ';' or --delimiter auto".into()
            } else if delimiter != b'\t' && h.contains('\t') {
                "the file looks tab-separated: try --delimiter '\\t' or --delimiter auto".into()
            } else {
                format!(
                    "{} does not have this column; remove it or correct its name",
                    spec.file
                )
            });
            problems.push(p);
            ok = false;
        }
    }
    for r in spec.required {
        if !headers.iter().any(|h| h == *r) {
            problems.push(
                Problem {
                    path: path.clone(),
                    line: Some(1),
                    column: None,
                    found: None,
                    message: format!("missing column {r:?}"),
                    hint: None,
                }
                .with_hint(format!(
                    "the header row must name {}",
                    spec.required.join(",")
                )),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    Some((
        rdr,
        Ctx {
            path,
            opts,
            headers,
            problems,
            rejected: Vec::new(),
        },
    ))
}

/// A cell that is not UTF-8, shown with the bytes it could not read as U+FFFD.
fn not_utf8(path: &str, line: u64, column: Option<(usize, String)>, cell: &[u8]) -> Problem {
    Problem {
        path: path.to_string(),
        line: Some(line),
        column,
        found: Some(String::from_utf8_lossy(cell).into_owned()),
        message: "text in UTF-8".into(),
        hint: Some(UTF8_HINT.into()),
    }
}

const UTF8_HINT: &str = "re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set Unicode (UTF-8))";

/// What every row of a file is checked against before its cells are read.
struct Shape {
    width: usize,
    /// The column holding an offices row's code, so a refused row can be remembered.
    code_col: Option<usize>,
    /// Columns whose header cell is empty.
    unnamed: Vec<usize>,
}

impl Shape {
    fn new(ctx: &Ctx) -> Self {
        let width = ctx.headers.len();
        Shape {
            width,
            code_col: ctx.headers.iter().position(|h| h == "code"),
            unnamed: (0..width)
                .filter(|&i| ctx.headers.get(i).is_some_and(str::is_empty))
                .collect(),
        }
    }
}

/// Reads the next row that carries something, recording problems with its shape or encoding.
/// `None` at the end of the file; `Some(None)` for a row that was refused; else the row's line.
fn next_row(
    rdr: &mut csv::Reader<Box<dyn Read>>,
    ctx: &mut Ctx,
    shape: &Shape,
    rec: &mut csv::ByteRecord,
) -> Option<Option<u64>> {
    // A refused offices row still names its code, so rows pointing at it are not reported again.
    let refuse = |ctx: &mut Ctx, rec: &csv::ByteRecord| {
        if let Some(code) = shape.code_col.and_then(|i| rec.get(i)) {
            ctx.rejected
                .push(String::from_utf8_lossy(code).trim().to_ascii_lowercase());
        }
    };
    let width = shape.width;
    match rdr.read_byte_record(rec) {
        Ok(false) => return None,
        Ok(true) => {}
        Err(e) => {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            ctx.problems.push(Problem {
                path: ctx.path.clone(),
                line: Some(line),
                column: None,
                found: None,
                message: format!("unreadable CSV: {}", e.kind_text()),
                hint: None,
            });
            return None;
        }
    }
    let line = rec.position().map(|p| p.line()).unwrap_or(0);
    // A blank line (or a spreadsheet's row of empty cells) carries nothing.
    if rec
        .iter()
        .all(|f| f.iter().all(|b| b.is_ascii_whitespace()))
    {
        return Some(None);
    }
    if rec.len() != width {
        let unclosed = rec.len() < width && rec.iter().any(|f| f.contains(&b'\n'));
        ctx.problems.push(Problem {
            path: ctx.path.clone(),
            line: Some(line),
            column: None,
            found: Some(format!("{} fields", rec.len())),
            message: format!("{width} fields, one per header column"),
            hint: Some(if unclosed {
                "a quote opened on this row is not closed, so the lines after it were read as part of one cell".into()
            } else if rec.len() > width {
                "a value containing the delimiter must be quoted: \"1,027,000\"".into()
            } else {
                "every row needs a cell for every column, even if empty".into()
            }),
        });
        refuse(ctx, rec);
        return Some(None);
    }
    // Plain ASCII, the common case, is UTF-8 without looking at each field.
    if !rec.as_slice().is_ascii() {
        if let Some(i) = rec.iter().position(|f| std::str::from_utf8(f).is_err()) {
            let header = ctx.headers.get(i).unwrap_or("?").to_string();
            ctx.problems
                .push(not_utf8(&ctx.path, line, Some((i + 1, header)), &rec[i]));
            refuse(ctx, rec);
            return Some(None);
        }
    }
    if let Some(i) = shape
        .unnamed
        .iter()
        .copied()
        .find(|&i| !rec[i].iter().all(|b| b.is_ascii_whitespace()))
    {
        ctx.problems.push(Problem {
            path: ctx.path.clone(),
            line: Some(line),
            column: Some((i + 1, format!("column {}", i + 1))),
            found: Some(String::from_utf8_lossy(&rec[i]).into_owned()),
            message: "an empty cell: the column has no name in the header row".into(),
            hint: Some("name the column in the header row if it belongs there, or move the value to its column".into()),
        });
        refuse(ctx, rec);
        return Some(None);
    }
    Some(Some(line))
}

/// Reads every row of an open file into `T` through serde, calling `row` on each.
/// Problems with the row's shape or encoding are recorded; `row` records its own.
fn each_row<'de, T, F>(rdr: &mut csv::Reader<Box<dyn Read>>, ctx: &mut Ctx, mut row: F)
where
    T: for<'a> Deserialize<'a>,
    F: FnMut(&mut Ctx, u64, T),
{
    let mut rec = csv::ByteRecord::new();
    let shape = Shape::new(ctx);
    let hdr = csv::ByteRecord::from(ctx.headers.clone());
    while let Some(next) = next_row(rdr, ctx, &shape, &mut rec) {
        let Some(line) = next else { continue };
        match rec.deserialize::<T>(Some(&hdr)) {
            Ok(v) => row(ctx, line, v),
            Err(e) => {
                // Fields are all strings, so this only happens for malformed input we cannot map.
                ctx.problems.push(Problem {
                    path: ctx.path.clone(),
                    line: Some(line),
                    column: None,
                    found: None,
                    message: format!("unreadable row: {e}"),
                    hint: None,
                });
            }
        }
    }
}

trait KindText {
    fn kind_text(&self) -> String;
}

impl KindText for csv::Error {
    fn kind_text(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Io(e) => e.to_string(),
            _ => self.to_string(),
        }
    }
}

#[derive(Deserialize)]
struct RawOffice {
    code: String,
    name: String,
    level: String,
    parent: String,
    #[serde(default)]
    partial: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct RawClaim {
    office: String,
    period: String,
    segment: String,
    program: String,
    cases: String,
    amount_idr: String,
    source: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct RawTarget {
    office: String,
    year: String,
    #[serde(default)]
    plan: String,
    measure: String,
    segment: String,
    value: String,
    source: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct RawWorkforce {
    office: String,
    period: String,
    measure: String,
    value: String,
    source: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct RawStated {
    office: String,
    period: String,
    segment: String,
    metric: String,
    value: String,
    source: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    note: String,
}

/// Trims in place: a note may be 50 MB, and a copy of it would be another 50.
fn trimmed(mut s: String) -> String {
    s.truncate(s.trim_end().len());
    let start = s.len() - s.trim_start().len();
    s.drain(..start);
    s
}

fn prov(source: String, published: String, note: String) -> Provenance {
    Provenance {
        source: trimmed(source),
        published: trimmed(published),
        note: trimmed(note),
    }
}

fn duplicate_problem(path: &str, line: u64, what: &str, first: u64) -> Problem {
    Problem {
        path: path.to_string(),
        line: Some(line),
        column: None,
        found: None,
        message: format!("the same {what} twice (first on line {first})"),
        hint: Some("keep one row per key; correct or remove one of them".into()),
    }
}

/// Records a second row with a key already seen.
fn duplicate<K: std::hash::Hash + Eq>(
    ctx: &mut Ctx,
    seen: &mut HashMap<K, u64>,
    key: K,
    line: u64,
    what: &str,
) -> bool {
    if let Some(&first) = seen.get(&key) {
        ctx.problems
            .push(duplicate_problem(&ctx.path, line, what, first));
        true
    } else {
        seen.insert(key, line);
        false
    }
}

/// Reads and validates a whole data set, collecting every problem (up to `problems.limit` kept).
pub fn load(src: &DataSource, opts: ReadOptions, problems: &mut Problems) -> DataSet {
    let mut ds = DataSet {
        root: match src {
            DataSource::Embedded => "embedded".into(),
            DataSource::Dir(d) => d.display().to_string(),
            DataSource::Memory(_) => "memory".into(),
        },
        ..DataSet::default()
    };
    let index = read_offices(src, opts, problems, &mut ds);
    read_participants(src, opts, problems, &index, &mut ds);
    read_claims(src, opts, problems, &index, &mut ds);
    read_targets(src, opts, problems, &index, &mut ds);
    read_workforce(src, opts, problems, &index, &mut ds);
    read_stated(src, opts, problems, &index, &mut ds);
    ds
}

/// The offices read, by lower-cased code, and what is known of those that could not be read.
struct OfficeIndex {
    codes: HashMap<String, usize>,
    rejected: HashSet<String>,
    /// offices.csv itself could not be read.
    unreadable: bool,
}

/// Reads offices.csv, resolving parents.
fn read_offices(
    src: &DataSource,
    opts: ReadOptions,
    problems: &mut Problems,
    ds: &mut DataSet,
) -> OfficeIndex {
    let mut index = HashMap::new();
    let Some((mut rdr, mut ctx)) = open(src, &OFFICES, opts, problems, true) else {
        return OfficeIndex {
            codes: index,
            rejected: HashSet::new(),
            unreadable: true,
        };
    };
    let mut parents: Vec<(String, u64)> = Vec::new();
    let mut names: HashMap<String, u64> = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawOffice| {
        let code = r.code.trim().to_string();
        // Counted as refused until the row is accepted at the end.
        ctx.rejected.push(code.to_ascii_lowercase());
        if code.is_empty() {
            let c = ctx.col("code");
            ctx.problem(
                line,
                c,
                &r.code,
                "an office code".into(),
                Some("every office needs a code".into()),
            );
            return;
        }
        let Ok(level) = ctx.code::<Level>(line, "level", &r.level) else {
            return;
        };
        let key = code.to_ascii_lowercase();
        if let Some(&first) = index.get(&key) {
            let first_line = ds.offices[first].origin.line;
            let c = ctx.col("code");
            ctx.problem(
                line,
                c,
                &r.code,
                format!("a code not used before (it is also on line {first_line})"),
                Some("office codes are unique, compared without case".into()),
            );
            return;
        }
        let partial = match r.partial.trim().to_ascii_lowercase().as_str() {
            "" | "no" | "false" => false,
            "yes" | "true" => true,
            _ => {
                let c = ctx.col("partial");
                ctx.problem(
                    line,
                    c,
                    &r.partial,
                    "yes, no or empty".into(),
                    Some("yes: only some of the office's children are listed".into()),
                );
                return;
            }
        };
        let name = r.name.trim().to_string();
        if name.is_empty() {
            let c = ctx.col("name");
            ctx.problem(line, c, &r.name, "an office name".into(), None);
            return;
        }
        if duplicate(ctx, &mut names, name.to_lowercase(), line, "office name") {
            return;
        }
        index.insert(key, ds.offices.len());
        ctx.rejected.pop();
        parents.push((r.parent.trim().to_string(), line));
        ds.offices.push(Office {
            code,
            name,
            level,
            parent: None,
            partial,
            note: trimmed(r.note),
            origin: Origin { line },
        });
    });
    let rejected: HashSet<String> = std::mem::take(&mut ctx.rejected)
        .into_iter()
        .filter(|c| !index.contains_key(c))
        .collect();
    let parent_col = ctx.col("parent");
    for (i, (parent, line)) in parents.iter().enumerate() {
        if parent.is_empty() {
            continue;
        }
        let key = parent.to_ascii_lowercase();
        match index.get(&key) {
            Some(&p) => ds.offices[i].parent = Some(p),
            None if rejected.contains(&key) => {}
            None => ctx.problem(
                *line,
                parent_col,
                parent,
                "the code of another office in this file, or empty for the top".into(),
                Some("the parent office must be listed in offices.csv too".into()),
            ),
        }
    }
    // Cycles: follow each chain with a colouring so the whole check is linear.
    let n = ds.offices.len();
    let mut state = vec![0u8; n]; // 0 unvisited, 1 on the current chain, 2 done
    for start in 0..n {
        let mut chain: Vec<usize> = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match state[i] {
                2 => break,
                1 => {
                    let members: Vec<&str> = chain
                        .iter()
                        .skip_while(|&&j| j != i)
                        .map(|&j| ds.offices[j].code.as_str())
                        .collect();
                    let shown = if members.len() > 6 {
                        format!(
                            "{} ... ({} offices)",
                            members[..6].join(" -> "),
                            members.len()
                        )
                    } else {
                        format!("{} -> {}", members.join(" -> "), ds.offices[i].code)
                    };
                    let o = &ds.offices[i];
                    ctx.problem(
                        o.origin.line,
                        parent_col,
                        &ds.offices[i]
                            .parent
                            .map(|p| ds.offices[p].code.clone())
                            .unwrap_or_default(),
                        "a parent that leads up to the top office".into(),
                        Some(format!("the parents form a cycle: {shown}")),
                    );
                    ds.offices[i].parent = None; // break it so later walks terminate
                    break;
                }
                _ => {
                    state[i] = 1;
                    chain.push(i);
                    cur = ds.offices[i].parent;
                }
            }
        }
        for j in chain {
            state[j] = 2;
        }
    }
    OfficeIndex {
        codes: index,
        rejected,
        unreadable: false,
    }
}

/// Where the columns of participants.csv are.
struct ParticipantCols {
    office: usize,
    period: usize,
    segment: usize,
    measure: usize,
    value: usize,
    source: usize,
    published: Option<usize>,
    note: Option<usize>,
}

impl ParticipantCols {
    fn new(ctx: &Ctx) -> Self {
        let opt = |n: &str| ctx.headers.iter().position(|h| h == n);
        ParticipantCols {
            office: ctx.col("office"),
            period: ctx.col("period"),
            segment: ctx.col("segment"),
            measure: ctx.col("measure"),
            value: ctx.col("value"),
            source: ctx.col("source"),
            published: opt("published"),
            note: opt("note"),
        }
    }
}

type PKey = (usize, Period, Segment, Measure);

/// Office cells already resolved, as written: rows come in runs of one office, so the last
/// one is tried before the map.
#[derive(Default)]
struct KnownOffices {
    last: Option<(Vec<u8>, usize)>,
    seen: HashMap<Vec<u8>, usize>,
}

/// One participants row's key and value, checked like every other file's cells.
fn participant(
    ctx: &mut Ctx,
    line: u64,
    rec: &csv::ByteRecord,
    cols: &ParticipantCols,
    index: &OfficeIndex,
    known: &mut KnownOffices,
) -> Result<(PKey, Option<i64>), ()> {
    // `next_row` has checked that every field is UTF-8.
    let field = |i: usize| std::str::from_utf8(&rec[i]).unwrap_or_default();
    // Codes and numbers are first read the quick way; anything else takes the checked
    // path, which gives the same value or records the same problem.
    let raw = &rec[cols.office];
    let office = match known.last.as_ref().filter(|(b, _)| same_bytes(b, raw)) {
        Some(&(_, o)) => Ok(o),
        None => match known.seen.get(raw) {
            Some(&o) => Ok(o),
            None => ctx.office(line, field(cols.office), index),
        },
    };
    if let Ok(o) = office {
        if known.last.as_ref().is_none_or(|(_, l)| *l != o) {
            known.seen.entry(raw.to_vec()).or_insert(o);
            known.last = Some((raw.to_vec(), o));
        }
    }
    let period = match parse_period(&rec[cols.period]) {
        Some(p) => Ok(p),
        None => ctx.period(line, "period", field(cols.period)),
    };
    let raw = field(cols.segment);
    let exact = Segment::ALL
        .iter()
        .find(|s| same_bytes(s.code().as_bytes(), raw.as_bytes()));
    let segment = match exact.copied().or_else(|| Segment::parse(raw)) {
        Some(s) => Ok(s),
        None => ctx.code::<Segment>(line, "segment", raw),
    };
    let raw = field(cols.measure);
    let exact = Measure::ALL
        .iter()
        .find(|m| same_bytes(m.code().as_bytes(), raw.as_bytes()));
    let measure = match exact.copied().or_else(|| Measure::parse(raw)) {
        Some(m) => Ok(m),
        None => ctx.code::<Measure>(line, "measure", raw),
    };
    let value = match plain_count(&rec[cols.value]) {
        Some(v) => Ok(Some(v)),
        None => ctx.count(line, "value", field(cols.value)),
    };
    Ok(((office?, period?, segment?, measure?), value?))
}

/// A count written as 1 to 18 plain digits, which every number format reads the same way.
fn plain_count(b: &[u8]) -> Option<i64> {
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    b.iter().try_fold(0i64, |v, &d| {
        d.is_ascii_digit().then(|| v * 10 + i64::from(d - b'0'))
    })
}

/// Byte equality without a call into libc: for cells of a few bytes, compared once per row,
/// the call costs more than the comparison (measured: most of the loader's time).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(true, |same, (x, y)| same & (x == y))
}

const PARTICIPANT_KEY: &str = "office, period, segment and measure";

/// Reads participants.csv row by row into the compact store. Rows are checked as every other
/// file's are, with the same messages, but cells are read from one reused byte record and no
/// row is kept: a national monthly history runs to millions of rows.
fn read_participants(
    src: &DataSource,
    opts: ReadOptions,
    problems: &mut Problems,
    index: &OfficeIndex,
    ds: &mut DataSet,
) {
    ds.participants = Participants::new(ds.offices.len());
    let Some((mut rdr, mut ctx)) = open(src, &PARTICIPANTS, opts, problems, true) else {
        return;
    };
    // Lines are kept only for the figures a roll-up may find wrong.
    let mut has_children = vec![false; ds.offices.len()];
    for o in &ds.offices {
        if let Some(p) = o.parent {
            has_children[p] = true;
        }
    }
    let cols = ParticipantCols::new(&ctx);
    let shape = Shape::new(&ctx);
    let mut known = KnownOffices::default();
    let mut last_prov: Option<([Vec<u8>; 3], u32)> = None;
    let mut dups: Vec<(usize, u64, PKey)> = Vec::new();
    let mut rec = csv::ByteRecord::new();
    while let Some(next) = next_row(&mut rdr, &mut ctx, &shape, &mut rec) {
        let Some(line) = next else { continue };
        let Ok(((office, period, segment, measure), value)) =
            participant(&mut ctx, line, &rec, &cols, index, &mut known)
        else {
            continue;
        };
        // Rows mostly share their provenance with the row before: compare bytes, not strings.
        let prov_cols = [Some(cols.source), cols.published, cols.note];
        let raw = |c: Option<usize>| c.map_or(&[][..], |c| &rec[c]);
        let same = last_prov.as_ref().is_some_and(|(last, _)| {
            last.iter()
                .zip(prov_cols)
                .all(|(l, c)| same_bytes(l, raw(c)))
        });
        if !same {
            let text = |c: Option<usize>| String::from_utf8_lossy(raw(c)).into_owned();
            let id = ds.participants.intern(prov(
                text(prov_cols[0]),
                text(prov_cols[1]),
                text(prov_cols[2]),
            ));
            last_prov = Some((prov_cols.map(|c| raw(c).to_vec()), id));
        }
        let prov = last_prov.as_ref().map_or(0, |p| p.1);
        let keep_line = has_children[office] || segment == Segment::All;
        let added = ds.participants.insert(
            office,
            period,
            segment,
            measure,
            value,
            prov,
            keep_line.then_some(line),
        );
        if added.is_err() {
            // The first line is found by reading the file again: keeping every row's line
            // would cost memory in proportion to the rows.
            if ctx.problems.kept.len() < ctx.problems.limit {
                dups.push((
                    ctx.problems.kept.len(),
                    line,
                    (office, period, segment, measure),
                ));
            }
            ctx.problems
                .push(duplicate_problem(&ctx.path, line, PARTICIPANT_KEY, 0));
        }
    }
    let path = ctx.path.clone();
    if dups.is_empty() {
        return;
    }
    let wanted: HashSet<PKey> = dups.iter().map(|d| d.2).collect();
    let first = first_lines(src, opts, index, &wanted);
    for (kept, line, key) in dups {
        let first = first.get(&key).copied().unwrap_or(0);
        problems.kept[kept] = duplicate_problem(&path, line, PARTICIPANT_KEY, first);
    }
}

/// The first line on which each of `wanted` is read (as a valid row) in participants.csv.
fn first_lines(
    src: &DataSource,
    opts: ReadOptions,
    index: &OfficeIndex,
    wanted: &HashSet<PKey>,
) -> HashMap<PKey, u64> {
    let mut first = HashMap::new();
    let mut scratch = Problems::new(0);
    let Some((mut rdr, mut ctx)) = open(src, &PARTICIPANTS, opts, &mut scratch, true) else {
        return first;
    };
    let cols = ParticipantCols::new(&ctx);
    let shape = Shape::new(&ctx);
    let mut known = KnownOffices::default();
    let mut rec = csv::ByteRecord::new();
    while let Some(next) = next_row(&mut rdr, &mut ctx, &shape, &mut rec) {
        let Some(line) = next else { continue };
        if let Ok((key, _)) = participant(&mut ctx, line, &rec, &cols, index, &mut known) {
            if wanted.contains(&key) {
                first.entry(key).or_insert(line);
            }
        }
        if first.len() == wanted.len() {
            break;
        }
    }
    first
}

fn read_claims(
    src: &DataSource,
    opts: ReadOptions,
    problems: &mut Problems,
    index: &OfficeIndex,
    ds: &mut DataSet,
) {
    let Some((mut rdr, mut ctx)) = open(src, &CLAIMS, opts, problems, false) else {
        return;
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawClaim| {
        let office = ctx.office(line, &r.office, index);
        let period = ctx.period(line, "period", &r.period);
        let segment = ctx.code::<Segment>(line, "segment", &r.segment);
        let program = ctx.code::<Program>(line, "program", &r.program);
        let cases = ctx.count(line, "cases", &r.cases);
        let amount = ctx.count(line, "amount_idr", &r.amount_idr);
        let (Ok(office), Ok(period), Ok(segment), Ok(program), Ok(cases), Ok(amount_idr)) =
            (office, period, segment, program, cases, amount)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, period, segment, program),
            line,
            "office, period, segment and program",
        ) {
            return;
        }
        ds.claims.push(ClaimRecord {
            office,
            period,
            segment,
            program,
            cases,
            amount_idr,
            prov: prov(r.source, r.published, r.note),
            origin: Origin { line },
        });
    });
}

fn read_targets(
    src: &DataSource,
    opts: ReadOptions,
    problems: &mut Problems,
    index: &OfficeIndex,
    ds: &mut DataSet,
) {
    let Some((mut rdr, mut ctx)) = open(src, &TARGETS, opts, problems, false) else {
        return;
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawTarget| {
        let office = ctx.office(line, &r.office, index);
        let year = match ctx.period(line, "year", &r.year) {
            Ok(Period::Year(y)) => Ok(y),
            Ok(Period::Month(..)) => {
                let c = ctx.col("year");
                ctx.problem(
                    line,
                    c,
                    &r.year,
                    "a year written YYYY".into(),
                    Some("targets are set per year".into()),
                );
                Err(())
            }
            Err(()) => Err(()),
        };
        let plan = if r.plan.trim().is_empty() {
            Ok(Plan::Annual)
        } else {
            ctx.code::<Plan>(line, "plan", &r.plan)
        };
        let measure = ctx.code::<TargetMeasure>(line, "measure", &r.measure);
        let segment = ctx.code::<Segment>(line, "segment", &r.segment);
        let value = ctx.count(line, "value", &r.value);
        let (Ok(office), Ok(year), Ok(plan), Ok(measure), Ok(segment), Ok(value)) =
            (office, year, plan, measure, segment, value)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, year, plan, measure, segment),
            line,
            "office, year, plan, measure and segment",
        ) {
            return;
        }
        ds.targets.push(Target {
            office,
            year,
            plan,
            measure,
            segment,
            value,
            prov: prov(r.source, r.published, r.note),
            origin: Origin { line },
        });
    });
}

fn read_workforce(
    src: &DataSource,
    opts: ReadOptions,
    problems: &mut Problems,
    index: &OfficeIndex,
    ds: &mut DataSet,
) {
    let Some((mut rdr, mut ctx)) = open(src, &WORKFORCE, opts, problems, false) else {
        return;
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawWorkforce| {
        let office = ctx.office(line, &r.office, index);
        let period = ctx.period(line, "period", &r.period);
        let measure = ctx.code::<WorkforceMeasure>(line, "measure", &r.measure);
        let value = ctx.count(line, "value", &r.value);
        let (Ok(office), Ok(period), Ok(measure), Ok(value)) = (office, period, measure, value)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, period, measure),
            line,
            "office, period and measure",
        ) {
            return;
        }
        ds.workforce.push(Workforce {
            office,
            period,
            measure,
            value,
            prov: prov(r.source, r.published, r.note),
            origin: Origin { line },
        });
    });
}

fn read_stated(
    src: &DataSource,
    opts: ReadOptions,
    problems: &mut Problems,
    index: &OfficeIndex,
    ds: &mut DataSet,
) {
    let Some((mut rdr, mut ctx)) = open(src, &STATED, opts, problems, false) else {
        return;
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawStated| {
        let office = ctx.office(line, &r.office, index);
        // A stated figure may come without a period when the source gives none.
        let period = if r.period.trim().is_empty() {
            Ok(None)
        } else {
            ctx.period(line, "period", &r.period).map(Some)
        };
        let segment = ctx.code::<Segment>(line, "segment", &r.segment);
        let metric = ctx.code::<StatedMetric>(line, "metric", &r.metric);
        let value = match parse_decimal_f64(&r.value, ctx.opts.decimal_comma) {
            Ok(v) => Ok(v),
            Err(e) => {
                let c = ctx.col("value");
                ctx.problem(line, c, &r.value, e.expected, e.hint);
                Err(())
            }
        };
        let (Ok(office), Ok(period), Ok(segment), Ok(metric), Ok(value)) =
            (office, period, segment, metric, value)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, period, segment, metric, r.source.trim().to_string()),
            line,
            "office, period, segment, metric and source",
        ) {
            return;
        }
        ds.stated.push(Stated {
            office,
            period,
            segment,
            metric,
            value,
            prov: prov(r.source, r.published, r.note),
            origin: Origin { line },
        });
    });
}

/// Reads the data set and fails with every problem (bounded) when there is any.
pub fn load_strict(src: &DataSource, opts: ReadOptions) -> Result<DataSet, InputError> {
    let mut problems = Problems::new(20);
    let ds = load(src, opts, &mut problems);
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(InputError(problems))
    }
}

/// The data set could not be read; carries what was wrong.
#[derive(Debug)]
pub struct InputError(pub Problems);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.0;
        for (i, problem) in p.kept.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        if p.total > p.kept.len() {
            write!(
                f,
                "\n... and {} more problems (run `coverage validate` to list them all)",
                p.total - p.kept.len()
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// Resolves `--data DIR`: it must be an existing directory.
pub fn data_source(dir: Option<&Path>) -> Result<DataSource, InputError> {
    match dir {
        None => Ok(DataSource::Embedded),
        Some(d) if d.is_dir() => Ok(DataSource::Dir(d.to_path_buf())),
        Some(d) => {
            let mut p = Problems::new(1);
            p.push(
                Problem::file(
                    d.display().to_string(),
                    if d.exists() {
                        "is not a directory".into()
                    } else {
                        "no such directory".into()
                    },
                )
                .with_hint("--data names a directory holding offices.csv, participants.csv, ..."),
            );
            Err(InputError(p))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_in_place() {
        assert_eq!(trimmed("  a b \t".into()), "a b");
        assert_eq!(trimmed("ab".into()), "ab");
        assert_eq!(trimmed(" \u{a0}é ".into()), "é");
        assert_eq!(trimmed("   ".into()), "");
    }

    #[test]
    fn line_ends_become_lf_as_they_stream() {
        // One byte per read splits every CRLF between two reads.
        struct Dribble(Vec<u8>, usize);
        impl Read for Dribble {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if self.1 == self.0.len() || buf.is_empty() {
                    return Ok(0);
                }
                buf[0] = self.0[self.1];
                self.1 += 1;
                Ok(1)
            }
        }
        let text = b"a\r\nb\rc\n\"d\r\ne\"\r\r\n\n".to_vec();
        let mut want = text.clone();
        normalise_line_ends(&mut want);
        for whole in [false, true] {
            let mut got = Vec::new();
            let inner: Box<dyn Read> = if whole {
                Box::new(io::Cursor::new(text.clone()))
            } else {
                Box::new(Dribble(text.clone(), 0))
            };
            LineEnds { inner, cr: false }.read_to_end(&mut got).unwrap();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn line_ends_become_lf() {
        let mut b = b"a\r\nb\rc\n\"d\r\ne\"\r".to_vec();
        normalise_line_ends(&mut b);
        assert_eq!(b, b"a\nb\nc\n\"d\ne\"\n");
    }
}
