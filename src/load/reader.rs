//! The CSV reader every file goes through: opening, header checks, delimiter detection,
//! row shape checks and the cell readers of [`Ctx`].

use std::collections::HashMap;
use std::io::Read;

use serde::Deserialize;

use super::files::{FileSpec, ReadOptions};
use super::problem::{duplicate_problem, not_utf8, Keep, Problem, Problems, UTF8_HINT};
use super::source::{Again, DataSource, FinalLineEnd, Guard, Input, Refusal};
use super::text::{check_code, check_text};
use crate::model::*;
use crate::number::{parse_count, NumError};
use crate::said::Said;

pub(super) type Reader = csv::Reader<Box<dyn Read>>;

/// Reading context for one file: its display path, options and the problems found in it.
pub(super) struct Ctx {
    pub(super) path: String,
    pub(super) opts: ReadOptions,
    pub(super) headers: csv::StringRecord,
    pub(super) problems: Problems,
    /// Codes (lower case) of offices whose rows were refused, so rows naming them are not
    /// reported a second time as naming an unknown office.
    pub(super) rejected: Vec<String>,
    /// How to read the file again from its start.
    pub(super) again: Again,
}

impl Ctx {
    pub(super) fn problem(
        &mut self,
        line: u64,
        col: usize,
        found: &str,
        expected: String,
        hint: Option<String>,
    ) {
        let header = self.headers.get(col).unwrap_or("?").to_string();
        self.problems.push(Problem {
            said: None,
            hint_said: None,
            found_said: None,
            path: self.path.clone(),
            line: Some(line),
            column: Some((col + 1, header)),
            found: Some(found.to_string()),
            message: expected,
            hint,
        });
    }

    /// [`Ctx::problem`] with the expected value and the hint as glossary keys with slots.
    pub(super) fn problem_said(
        &mut self,
        line: u64,
        col: usize,
        found: &str,
        expected: Said,
        hint: Option<Said>,
    ) {
        self.problem(line, col, found, String::new(), None);
        if let Some(p) = self
            .problems
            .kept
            .last_mut()
            .filter(|p| p.line == Some(line))
        {
            *p = std::mem::replace(p, Problem::file(String::new(), String::new())).said(expected);
            if let Some(h) = hint {
                *p = std::mem::replace(p, Problem::file(String::new(), String::new())).hint_said(h);
            }
        }
    }

    pub(super) fn col(&self, name: &str) -> usize {
        self.headers.iter().position(|h| h == name).unwrap_or(0)
    }

    pub(super) fn count(&mut self, line: u64, name: &str, raw: &str) -> Result<Option<i64>, ()> {
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

    pub(super) fn code<T: Code>(&mut self, line: u64, name: &str, raw: &str) -> Result<T, ()> {
        if let Some(bad) = check_code(raw) {
            let c = self.col(name);
            self.problem(line, c, raw, bad.expected, Some(bad.hint));
            return Err(());
        }
        match T::parse_code(raw) {
            Some(v) => Ok(v),
            None => {
                let c = self.col(name);
                let hint = raw
                    .trim()
                    .is_empty()
                    .then(|| Said::new("the {} column may not be empty", vec![name.to_string()]));
                self.problem_said(
                    line,
                    c,
                    raw,
                    one_of_said("one of {} or {}", "one of {}", &T::expected_codes()),
                    hint,
                );
                Err(())
            }
        }
    }

    /// Records a finding for a name or free-text cell that hides control or invisible
    /// characters; the row is still read.
    pub(super) fn text(&mut self, line: u64, name: &str, raw: &str, free_text: bool) {
        if !self.problems.findings {
            return;
        }
        if let Some(bad) = check_text(raw, free_text) {
            let c = self.col(name);
            self.problem(line, c, raw, bad.expected, Some(bad.hint));
        }
    }

    /// [`Ctx::text`] for the source, published and note cells.
    pub(super) fn provenance(&mut self, line: u64, source: &str, published: &str, note: &str) {
        self.text(line, "source", source, true);
        if self.headers.iter().any(|h| h == "published") {
            self.text(line, "published", published, true);
        }
        if self.headers.iter().any(|h| h == "note") {
            self.text(line, "note", note, true);
        }
    }

    /// The optional `reading` cell: true when it says `uncertain`.
    pub(super) fn reading(&mut self, line: u64, raw: &str) -> Result<bool, ()> {
        if raw.trim().is_empty() {
            return Ok(false);
        }
        self.code::<Reading>(line, "reading", raw)
            .map(|r| r == Reading::Uncertain)
    }

    /// The optional `bound` cell: `None` when empty (the published text then says).
    pub(super) fn bound(&mut self, line: u64, raw: &str) -> Result<Option<Bound>, ()> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        self.code::<Bound>(line, "bound", raw).map(Some)
    }

    /// A record's provenance from its five cells, checked: the text cells for invisible
    /// characters, `bound` and `reading` for their codes (an `Err` has been reported).
    pub(super) fn record_provenance(
        &mut self,
        line: u64,
        [source, published, note]: [String; 3],
        bound: &str,
        reading: &str,
    ) -> Result<Provenance, ()> {
        self.provenance(line, &source, &published, &note);
        let bound = self.bound(line, bound)?;
        let uncertain = self.reading(line, reading)?;
        Ok(Provenance {
            bound,
            uncertain,
            ..prov(source, published, note)
        })
    }

    pub(super) fn period(&mut self, line: u64, name: &str, raw: &str) -> Result<Period, ()> {
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
}

/// Normalises a header cell: no BOM, no surrounding spaces, lower case.
pub(super) fn normalise_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}').trim().to_lowercase()
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
            said: None,
            hint_said: None,
            found_said: None,
            path: path.to_string(),
            line: Some(1),
            column: None,
            found: None,
            message: "cannot detect the delimiter: the header line has no ',', ';' or tab".into(),
            hint: Some("name it with --delimiter ',' (or ';' or '\\t')".into()),
        }),
        _ => {
            // `4 × ','` for each, the last joined by the language's "and".
            let mut each: Vec<String> = found
                .iter()
                .map(|(d, n)| format!("{n} × {}", delim_name(*d)))
                .collect();
            let last = each.pop().unwrap_or_default();
            let said = Said::new(
                "cannot detect the delimiter: the header line contains {} and {}",
                vec![each.join(", "), last],
            );
            Err(Problem {
                message: said.english(),
                said: Some(said),
                hint_said: None,
                found_said: None,
                path: path.to_string(),
                line: Some(1),
                column: None,
                found: None,
                hint: Some("name it with --delimiter".into()),
            })
        }
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

/// Opens one file as a CSV reader with its header checked against `spec`. Problems go into a
/// list of the file's own, kept up to `limit`; `Err` holds them when the file cannot be read.
pub(super) fn open(
    src: &DataSource,
    spec: &FileSpec,
    opts: ReadOptions,
    keep: Keep,
) -> Result<(Reader, Ctx), Problems> {
    open_from(src, spec, opts, keep, None)
}

/// [`open`], or with `again` the file once more through [`DataSource::read_again`].
pub(super) fn open_from(
    src: &DataSource,
    spec: &FileSpec,
    opts: ReadOptions,
    keep: Keep,
    again: Option<Again>,
) -> Result<(Reader, Ctx), Problems> {
    let path = src.display(spec.name);
    let problems = keep.problems();
    let refused = |mut problems: Problems, p: Option<Problem>| {
        problems.extend(p);
        problems
    };
    let (input, again) = match read_input(src, spec, &path, again) {
        Ok(mut i) => {
            let again = std::mem::replace(&mut i.again, Again::Never);
            (i, again)
        }
        Err(p) => return Err(refused(problems, p)),
    };
    let delimiter = match input.delimiter.or(opts.delimiter) {
        Some(d) => d,
        None => match detect_delimiter(&path, &input.head) {
            Ok(d) => d,
            Err(p) => return Err(refused(problems, Some(p))),
        },
    };
    open_careful(input, again, delimiter, spec, path, opts, problems)
}

/// The file, open at last: its header read and checked, rows ready for [`next_row`].
fn open_careful(
    input: Input,
    again: Again,
    delimiter: u8,
    spec: &FileSpec,
    path: String,
    opts: ReadOptions,
    mut problems: Problems,
) -> Result<(Reader, Ctx), Problems> {
    let refused = |mut problems: Problems, p: Option<Problem>| {
        problems.extend(p);
        problems
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .buffer_capacity(256 * 1024)
        .from_reader(Box::new(FinalLineEnd::new(Guard::new(
            input.into_reader(),
            delimiter,
        ))) as Box<dyn Read>);
    let headers = match read_headers(&mut rdr, &path, delimiter) {
        Ok(h) => h,
        Err(p) => return Err(refused(problems, Some(p))),
    };
    if !check_headers(spec, &headers, delimiter, &path, &mut problems) {
        return Err(problems);
    }
    Ok((
        rdr,
        Ctx {
            path,
            opts,
            headers,
            problems,
            rejected: Vec::new(),
            again,
        },
    ))
}

/// A file opened for a fast reader: its header line is exactly `header`, so the header checks
/// have nothing to say, and it can be read once more from its start.
pub(super) struct Raw {
    /// The file's bytes with LF line ends, the header line included.
    pub(super) bytes: Box<dyn Read>,
    /// The header line's length with its line end.
    pub(super) header_len: usize,
    pub(super) delimiter: u8,
    pub(super) ctx: Ctx,
    /// To read the file again with [`open_from`] when the fast reader gives it up.
    pub(super) restart: Again,
}

/// How a file was opened by [`open_fast`].
pub(super) enum Opened {
    Careful(Reader, Ctx),
    Fast(Raw),
}

/// [`open`], or, when the header line is exactly `header` and the file can be read again,
/// the raw bytes for a fast reader that gives up (and restarts with [`open_from`]) on any
/// row it does not read exactly as the careful path would.
pub(super) fn open_fast(
    src: &DataSource,
    spec: &FileSpec,
    opts: ReadOptions,
    keep: Keep,
    header: &[&str],
) -> Result<Opened, Problems> {
    let path = src.display(spec.name);
    let mut problems = keep.problems();
    let (mut input, again) = match read_input(src, spec, &path, None) {
        Ok(mut i) => {
            let again = std::mem::replace(&mut i.again, Again::Never);
            (i, again)
        }
        Err(p) => {
            problems.extend(p);
            return Err(problems);
        }
    };
    let delimiter = match input.delimiter.or(opts.delimiter) {
        Some(d) => d,
        None => match detect_delimiter(&path, &input.head) {
            Ok(d) => d,
            Err(p) => {
                problems.extend(Some(p));
                return Err(problems);
            }
        },
    };
    let line = input.head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let exact = header.join(&char::from(delimiter).to_string());
    let restart = match &again {
        _ if line != exact.as_bytes() || line.len() == input.head.len() => None,
        Again::Source => Some(Again::Source),
        Again::Handle(f, len, modified) => f
            .try_clone()
            .ok()
            .map(|f| Again::Handle(f, *len, *modified)),
        Again::Never => None,
    };
    let Some(restart) = restart else {
        return open_careful(input, again, delimiter, spec, path, opts, problems)
            .map(|(r, c)| Opened::Careful(r, c));
    };
    let header_len = line.len() + 1;
    input.again = Again::Never;
    Ok(Opened::Fast(Raw {
        bytes: input.into_reader(),
        header_len,
        delimiter,
        ctx: Ctx {
            path,
            opts,
            headers: csv::StringRecord::from(header.to_vec()),
            problems,
            rejected: Vec::new(),
            again,
        },
        restart,
    }))
}

/// The file's stream, or the problem that stops it being read (`None`: an optional file that
/// is not there).
fn read_input(
    src: &DataSource,
    spec: &FileSpec,
    path: &str,
    again: Option<Again>,
) -> Result<Input, Option<Problem>> {
    let read = match again {
        None => src.read(spec.name),
        Some(a) => Ok(src.read_again(spec.name, a)),
    };
    let input = match read {
        Ok(Some(b)) => b,
        Ok(None) if !spec.must_exist => return Err(None),
        Ok(None) => {
            let hint = src.missing_hint();
            return Err(Some(
                Problem::file(path.to_string(), "required file not found".into()).hint_said(hint),
            ));
        }
        Err(p) => return Err(Some(p)),
    };
    let bytes = &input.head;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Some(
            Problem::file(
                path.to_string(),
                "the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8".into(),
            )
            .with_hint(UTF8_HINT),
        ));
    }
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if content.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Some(
            Problem::file(
                path.to_string(),
                "the file is empty: expected a header row".into(),
            )
            .with_hint(format!("the header row is: {}", spec.required.join(","))),
        ));
    }
    Ok(input)
}

/// The header row, normalised, or why it cannot be used at all.
fn read_headers(rdr: &mut Reader, path: &str, delimiter: u8) -> Result<csv::StringRecord, Problem> {
    let raw_headers = match rdr.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(refused(path, &e, None).unwrap_or_else(|| {
                Problem::file(path.to_string(), format!("cannot read the header row: {e}"))
            }))
        }
    };
    let mut headers = csv::StringRecord::new();
    for (i, h) in raw_headers.iter().enumerate() {
        match std::str::from_utf8(h) {
            Ok(s) => headers.push_field(&normalise_header(s)),
            Err(_) => {
                return Err(not_utf8(
                    path,
                    1,
                    Some((i + 1, format!("column {}", i + 1))),
                    h,
                ))
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
            let said = Said::new(
                "a header row separated by {}, the delimiter asked for",
                vec![delim_name(delimiter).to_string()],
            );
            return Err(Problem {
                message: said.english(),
                said: Some(said),
                hint_said: None,
                found_said: None,
                path: path.to_string(),
                line: Some(1),
                column: None,
                found: Some(only.to_string()),
                hint: Some(format!(
                    "the file looks {}-separated: try --delimiter {} or --delimiter auto",
                    delim_name(d),
                    delim_arg(d)
                )),
            });
        }
    }
    Ok(headers)
}

/// The problem for a file the [`Guard`] stopped reading, located where the trouble began.
fn refused(path: &str, e: &csv::Error, headers: Option<&csv::StringRecord>) -> Option<Problem> {
    let csv::ErrorKind::Io(io) = e.kind() else {
        return None;
    };
    let r = Refusal::of(io)?;
    let header = |c: usize| {
        headers
            .and_then(|h| h.get(c - 1))
            .filter(|h| !h.is_empty())
            .map_or_else(|| format!("column {c}"), str::to_string)
    };
    let mut found = None;
    let (line, column, hint) = match r {
        Refusal::LongHeader => (Some(1), None, None),
        Refusal::WideRow { line, limit, .. } => {
            found = Some(Said::new("more than {} fields", vec![limit.to_string()]));
            (
                Some(line),
                None,
                Some("a value containing the delimiter must be quoted: \"1,027,000\""),
            )
        }
        Refusal::LongRow { line } => (
            Some(line),
            None,
            Some("a row this long is not a record of a data set; is a quote left open above it?"),
        ),
        Refusal::Unclosed { line, column } => (
            Some(line),
            Some((column, header(column))),
            Some("close the quote, or write a quote inside a quoted cell twice: \"\""),
        ),
    };
    let said = r.said();
    Some(Problem {
        message: said.english(),
        said: Some(said),
        hint_said: None,
        found: found.as_ref().map(Said::english),
        found_said: found,
        path: path.to_string(),
        line,
        column,
        hint: hint.map(str::to_string),
    })
}

/// Checks the header names against `spec`: each known and used once, every required one there.
fn check_headers(
    spec: &FileSpec,
    headers: &csv::StringRecord,
    delimiter: u8,
    path: &str,
    problems: &mut Problems,
) -> bool {
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
            said: None,
            hint_said: None,
            found_said: None,
            path: path.to_string(),
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
            p = p.said(one_of_said(
                "one of the columns {} or {}",
                "one of the columns {}",
                &crate::model::one_of(&[spec.required, spec.optional].concat()),
            ));
            if delimiter != b';' && h.contains(';') {
                p.hint = Some(
                    "the file looks ';'-separated: try --delimiter ';' or --delimiter auto".into(),
                );
            } else if delimiter != b'\t' && h.contains('\t') {
                p.hint = Some(
                    "the file looks tab-separated: try --delimiter '\\t' or --delimiter auto"
                        .into(),
                );
            } else {
                p = p.hint_said(Said::new(
                    "{} does not have this column; remove it or correct its name",
                    vec![spec.name.to_string()],
                ));
            }
            problems.push(p);
            ok = false;
        }
    }
    for r in spec.required {
        if !headers.iter().any(|h| h == *r) {
            problems.push(
                Problem {
                    said: None,
                    hint_said: None,
                    found_said: None,
                    path: path.to_string(),
                    line: Some(1),
                    column: None,
                    found: None,
                    message: String::new(),
                    hint: None,
                }
                .said(Said::new("missing column {}", vec![format!("{r:?}")]))
                .hint_said(Said::new(
                    "the header row must name {}",
                    vec![spec.required.join(",")],
                )),
            );
            ok = false;
        }
    }
    ok
}

/// What every row of a file is checked against before its cells are read.
pub(super) struct Shape {
    width: usize,
    /// The column holding an offices row's code, so a refused row can be remembered.
    code_col: Option<usize>,
    /// Columns whose header cell is empty.
    unnamed: Vec<usize>,
}

impl Shape {
    pub(super) fn new(ctx: &Ctx) -> Self {
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
pub(super) fn next_row(
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
            let p = refused(&ctx.path, &e, Some(&ctx.headers)).unwrap_or_else(|| {
                let said = Said::new("unreadable CSV: {}", vec![e.kind_text()]);
                Problem {
                    message: said.english(),
                    said: Some(said),
                    hint_said: None,
                    found_said: None,
                    path: ctx.path.clone(),
                    // An I/O error has no position: no line rather than a made-up one.
                    line: e.position().map(|p| p.line()),
                    column: None,
                    found: None,
                    hint: None,
                }
            });
            ctx.problems.push(p);
            return None;
        }
    }
    // The csv crate gives a row the line where its reading began, before any blank lines it
    // passed over. Every row ends with a line end (`FinalLineEnd`), so its first line is the
    // one before the reader's line, less the line ends inside its cells.
    let inner = memchr::memchr_iter(b'\n', rec.as_slice()).count() as u64;
    let begun = rec.position().map_or(0, |p| p.line());
    let line = rdr.position().line().saturating_sub(inner + 1).max(begun);
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
            said: None,
            hint_said: None,
            found_said: Some(Said::new("{} fields", vec![rec.len().to_string()])),
            path: ctx.path.clone(),
            line: Some(line),
            column: None,
            found: Some(format!("{} fields", rec.len())),
            message: String::new(),
            hint: Some(if unclosed {
                "a quote opened on this row is not closed, so the lines after it were read as part of one cell".into()
            } else if rec.len() > width {
                "a value containing the delimiter must be quoted: \"1,027,000\"".into()
            } else {
                "every row needs a cell for every column, even if empty".into()
            }),
        }
        .said(Said::new(
            "{} fields, one per header column",
            vec![width.to_string()],
        )));
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
            said: None,
            hint_said: None,
            found_said: None,
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
pub(super) fn each_row<'de, T, F>(rdr: &mut csv::Reader<Box<dyn Read>>, ctx: &mut Ctx, mut row: F)
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
                let said = Said::new("unreadable row: {}", vec![e.to_string()]);
                ctx.problems.push(Problem {
                    message: said.english(),
                    said: Some(said),
                    hint_said: None,
                    found_said: None,
                    path: ctx.path.clone(),
                    line: Some(line),
                    column: None,
                    found: None,
                    hint: None,
                });
            }
        }
    }
}

pub(super) trait KindText {
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

/// Trims in place: a note may be 50 MB, and a copy of it would be another 50.
pub(super) fn trimmed(mut s: String) -> String {
    s.truncate(s.trim_end().len());
    let start = s.len() - s.trim_start().len();
    s.drain(..start);
    s
}

/// "one of a, b or c" as a key with the list before its last item and that item, so each
/// language joins them its own way; a list of one as `one`.
fn one_of_said(two: &'static str, one: &'static str, list: &str) -> Said {
    match list.rsplit_once(" or ") {
        Some((head, last)) => Said::new(two, vec![head.to_string(), last.to_string()]),
        None => Said::new(one, vec![list.to_string()]),
    }
}

pub(super) fn prov(source: String, published: String, note: String) -> Provenance {
    Provenance {
        source: trimmed(source),
        derived: None,
        published: trimmed(published),
        note: trimmed(note),
        bound: None,
        uncertain: false,
    }
}

/// Records a second row with a key already seen.
pub(super) fn duplicate<K: std::hash::Hash + Eq>(
    ctx: &mut Ctx,
    seen: &mut HashMap<K, u64>,
    key: K,
    line: u64,
    what: &str,
) -> bool {
    if let Some(&first) = seen.get(&key) {
        ctx.problems
            .push(duplicate_problem(&ctx.path, line, what, Some(first)));
        true
    } else {
        seen.insert(key, line);
        false
    }
}

/// A count written as 1 to 18 plain digits, which every number format reads the same way.
#[inline]
pub(super) fn plain_count(b: &[u8]) -> Option<i64> {
    if (1..=8).contains(&b.len()) {
        return short_count(b);
    }
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    b.iter().try_fold(0i64, |v, &d| {
        d.is_ascii_digit().then(|| v * 10 + i64::from(d - b'0'))
    })
}

/// [`plain_count`] of one to eight bytes, read as one word: the digits are checked and
/// summed eight at a time, the word first filled with leading zeros.
#[inline]
fn short_count(b: &[u8]) -> Option<i64> {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const HIGH: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    let n = b.len();
    // The first byte lowest: the cell in the top bytes, '0's below it.
    let w = (small(b) << (8 * (8 - n))) | ((ZEROS >> (8 * n - 1)) >> 1);
    // Each byte '0'..='9': high half 3, and still 3 with six added (no carry crosses).
    if (w & HIGH) != ZEROS || (w.wrapping_add(0x0606_0606_0606_0606) & HIGH) != ZEROS {
        return None;
    }
    let d = w - ZEROS;
    // Pairs of digits, then fours, then all eight.
    let d = d.wrapping_mul(10).wrapping_add(d >> 8);
    let lo = (d & 0x0000_00ff_0000_00ff).wrapping_mul(100 + (1_000_000 << 32));
    let hi = ((d >> 16) & 0x0000_00ff_0000_00ff).wrapping_mul(1 + (10_000 << 32));
    Some((lo.wrapping_add(hi) >> 32) as i64)
}

/// Up to eight bytes as one number, byte 0 lowest, zeros above: each byte read once where
/// reads overlap.
#[inline]
pub(super) fn small(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u64::from(word4(b, 0)) | u64::from(word4(b, n - 4)) << (8 * (n - 4)),
        _ => word8(b, 0),
    }
}

/// Byte equality without a call into libc: for cells of a few bytes, compared once per row,
/// the call costs more than the comparison (measured: most of the loader's time). Up to 16
/// bytes are compared as two words that overlap where the cell is shorter than both.
#[inline]
pub(super) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => a == b,
    }
}

/// The four bytes of `b` from `at`.
#[inline]
pub(super) fn word4(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

/// The eight bytes of `b` from `at`.
#[inline]
pub(super) fn word8(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_is_equality() {
        // Every length up to 40, a difference at every place, and lengths that differ.
        for n in 0..40usize {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same_bytes(&a, &a.clone()));
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 0x20;
                assert!(!same_bytes(&a, &b), "length {n}, differs at {i}");
            }
            let longer: Vec<u8> = a.iter().copied().chain(*b"z").collect();
            assert!(!same_bytes(&a, &longer));
        }
    }

    #[test]
    fn short_counts_read_as_the_plain_loop() {
        let plain = |b: &[u8]| -> Option<i64> {
            if b.is_empty() || b.len() > 18 {
                return None;
            }
            b.iter().try_fold(0i64, |v, &d| {
                d.is_ascii_digit().then(|| v * 10 + i64::from(d - b'0'))
            })
        };
        // Every length, every byte at every place among digits, and random digit strings.
        let mut seed = 11u64;
        for n in 1..=18usize {
            for round in 0..300 {
                let cell: Vec<u8> = (0..n)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        b'0' + ((seed >> 33) % 10) as u8
                    })
                    .collect();
                assert_eq!(plain_count(&cell), plain(&cell));
                let at = round % n;
                for x in 0..=255u8 {
                    let mut c = cell.clone();
                    c[at] = x;
                    assert_eq!(plain_count(&c), plain(&c), "{c:?}");
                }
            }
        }
        assert_eq!(plain_count(b""), None);
        assert_eq!(plain_count(b"99999999"), Some(99_999_999));
        assert_eq!(plain_count(b"00000000"), Some(0));
        assert_eq!(plain_count(b"19643"), Some(19643));
    }

    #[test]
    fn trimmed_in_place() {
        assert_eq!(trimmed("  a b \t".into()), "a b");
        assert_eq!(trimmed("ab".into()), "ab");
        assert_eq!(trimmed(" \u{a0}é ".into()), "é");
        assert_eq!(trimmed("   ".into()), "");
    }
}
