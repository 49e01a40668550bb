//! Where the files come from, and their bytes as a stream with LF line ends.

use crate::said::Said;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::files::{FileSpec, ReadOptions, EMBEDDED, FILES, TABLE};
use super::problem::{Problem, Problems};
use super::workbook::{is_workbook_name, is_workbook_signature, Book, Sheet};

/// Where the data set lives.
#[derive(Debug, Clone)]
pub enum DataSource {
    Embedded,
    Dir(PathBuf),
    /// Files held in memory, by file name (for embedding the loader and for fuzzing).
    Memory(Vec<(String, Vec<u8>)>),
    /// Files that are not all `NAME.csv` of one folder: a workbook, `.csv.gz` or workbook files
    /// in the folder, or files named one by one (`--participants FILE`).
    Picked(Box<Picked>),
}

/// Where each file of a [`DataSource::Picked`] comes from.
#[derive(Debug, Clone)]
pub struct Picked {
    /// Where a file not picked comes from; `None`: nowhere (a workbook holds the data set).
    base: Option<DataSource>,
    files: Vec<(&'static str, Origin)>,
    /// Workbooks (or a workbook's sheets) seen that hold no file by name, for the message
    /// about a file not found.
    seen: Vec<String>,
    /// How the data set is named: the workbook, or the folder.
    root: String,
}

#[derive(Debug, Clone)]
enum Origin {
    /// CSV text, gzip-compressed or not: the first bytes tell.
    File(PathBuf),
    /// Standard input, with the first bytes already read from it to tell what it holds.
    Stdin(Vec<u8>),
    Sheet(Arc<Sheet>),
    /// Not there: a workbook without the sheet.
    Absent,
}

impl Picked {
    pub fn base(&self) -> Option<&DataSource> {
        self.base.as_ref()
    }

    pub fn root(&self) -> &str {
        &self.root
    }

    fn origin(&self, file: &str) -> Option<&Origin> {
        self.files.iter().find(|(n, _)| *n == file).map(|(_, o)| o)
    }
}

impl DataSource {
    /// How a file is named in messages: `data/offices.csv` for the embedded set, the path otherwise.
    pub fn display(&self, file: &str) -> String {
        match self {
            DataSource::Embedded => format!("<embedded>/data/{file}"),
            DataSource::Dir(d) => d.join(file).display().to_string(),
            DataSource::Memory(_) => format!("<memory>/{file}"),
            DataSource::Picked(p) => match (p.origin(file), &p.base) {
                (Some(Origin::File(path)), _) => path.display().to_string(),
                (Some(Origin::Stdin(_)), _) => "<stdin>".into(),
                (Some(Origin::Sheet(s)), _) => s.label.clone(),
                (Some(Origin::Absent), _) | (None, None) => format!("{} [{}]", p.root, kind(file)),
                (None, Some(base)) => base.display(file),
            },
        }
    }

    /// The file as a stream with its line ends made LF, or `None` when it does not exist.
    pub(super) fn read(&self, file: &str) -> Result<Option<Input>, Problem> {
        let err = |e: io::Error| io_problem(self.display(file), &e);
        match self {
            DataSource::Embedded => EMBEDDED
                .iter()
                .find(|(n, _)| *n == file)
                .map(|(_, s)| {
                    Input::start(io::Cursor::new(s.as_bytes()), Again::Source).map_err(err)
                })
                .transpose(),
            DataSource::Memory(files) => files
                .iter()
                .find(|(n, _)| n == file)
                .map(|(_, b)| Input::start(io::Cursor::new(b.clone()), Again::Source).map_err(err))
                .transpose(),
            DataSource::Picked(p) => match (p.origin(file), &p.base) {
                (Some(Origin::File(path)), _) => open_file(path, &self.display(file)),
                (Some(Origin::Stdin(head)), _) => {
                    let r = io::Cursor::new(head.clone()).chain(io::stdin());
                    unpacked(head, r, Again::Never, &self.display(file)).map(Some)
                }
                (Some(Origin::Sheet(s)), _) => {
                    let mut i =
                        Input::start(io::Cursor::new(s.csv.clone()), Again::Source).map_err(err)?;
                    i.delimiter = Some(b',');
                    Ok(Some(i))
                }
                (Some(Origin::Absent), _) | (None, None) => Ok(None),
                (None, Some(base)) => base.read(file),
            },
            DataSource::Dir(d) => open_file(&d.join(file), &self.display(file)),
        }
    }
}

/// A file of a folder, or named on its own: refused when it is a device or a socket, looked at
/// before it is opened (opening a socket fails and a device may act).
fn open_file(path: &Path, shown: &str) -> Result<Option<Input>, Problem> {
    let err = |e: io::Error| io_problem(shown.to_string(), &e);
    let refuse = |what: &str| {
        let message = format!("is {what}, not a CSV file: it is not read");
        Problem::file(shown.to_string(), message)
            .with_hint("name a directory of regular files with --data")
    };
    if let Some(what) = std::fs::metadata(path)
        .ok()
        .and_then(|m| not_a_file(m.file_type()))
    {
        return Err(refuse(what));
    }
    match File::open(path) {
        Ok(f) => {
            let meta = f.metadata().map_err(err)?;
            if let Some(what) = not_a_file(meta.file_type()) {
                return Err(refuse(what));
            }
            // A FIFO can be read once only; a regular file again through the same
            // handle, so a file replaced meanwhile is never read in its place.
            let again = match f.try_clone() {
                Ok(h) if meta.is_file() => Again::Handle(h, meta.len(), meta.modified().ok()),
                _ => Again::Never,
            };
            let mut f = f;
            let head = first_bytes(&mut f).map_err(err)?;
            let r = io::Cursor::new(head.clone()).chain(f);
            unpacked(&head, r, again, shown).map(Some)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(err(e)),
    }
}

/// The first bytes of a stream, enough to tell gzip, a workbook or UTF-16 (fewer at its end).
fn first_bytes(r: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut head = vec![0u8; 4];
    let mut n = 0;
    while n < head.len() {
        match r.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    head.truncate(n);
    Ok(head)
}

/// The stream `r` (whose first bytes are `head`) as text to read: gzip is decompressed as it
/// streams, so the guard's bounds on the header and on each row hold for what it unpacks; a
/// workbook under another name is refused with the way to read it.
fn unpacked(
    head: &[u8],
    r: impl Read + 'static,
    again: Again,
    shown: &str,
) -> Result<Input, Problem> {
    let err = |e: io::Error| io_problem(shown.to_string(), &e);
    if head.starts_with(&[0x1F, 0x8B]) {
        return Input::start(flate2::read::MultiGzDecoder::new(r), Again::Never).map_err(err);
    }
    if is_workbook_signature(head) {
        return Err(Problem::file(
            shown.to_string(),
            "is a workbook (zip or xls), not CSV text".into(),
        )
        .with_hint("name it .xlsx, .xlsm, .xls or .ods, or give it with --data FILE"));
    }
    Input::start(r, again).map_err(err)
}

impl DataSource {
    /// The file once more from its start, as it was first read, or `None` when that cannot
    /// be: a FIFO, or a file changed since.
    pub(super) fn read_again(&self, file: &str, again: Again) -> Option<Input> {
        match again {
            Again::Source => self.read(file).ok().flatten(),
            Again::Handle(mut f, len, modified) => {
                let meta = f.metadata().ok()?;
                if meta.len() != len || meta.modified().ok() != modified {
                    return None;
                }
                f.seek(SeekFrom::Start(0)).ok()?;
                Input::start(f, Again::Never).ok()
            }
            Again::Never => None,
        }
    }
}

/// How a file can be read a second time.
#[derive(Debug)]
pub(super) enum Again {
    /// From where it came from: it is held in memory.
    Source,
    /// Through the handle it was first read by, if its length and time are unchanged.
    Handle(File, u64, Option<SystemTime>),
    Never,
}

/// A file being read: its first bytes, enough to hold the header line and to tell a blank or
/// UTF-16 file (all of it when it is small), and the unread rest. Files are streamed, never
/// held whole, so memory does not grow with a file's size.
pub(super) struct Input {
    pub(super) head: Vec<u8>,
    /// The delimiter of text made from a workbook's sheet, whatever --delimiter says.
    pub(super) delimiter: Option<u8>,
    rest: Option<LineEnds<Box<dyn Read>>>,
    pub(super) again: Again,
}

impl Input {
    fn start(r: impl Read + 'static, again: Again) -> io::Result<Input> {
        let mut r = LineEnds {
            inner: Box::new(r) as Box<dyn Read>,
            cr: false,
        };
        let mut head = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        // Each block is looked at once, so a header of any length costs linear time.
        let (mut line_end, mut text) = (false, false);
        loop {
            let n = match r.read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                return Ok(Input {
                    head,
                    delimiter: None,
                    rest: None,
                    again,
                });
            }
            let block = &buf[..n];
            line_end |= block.contains(&b'\n');
            text |= !block.iter().all(u8::is_ascii_whitespace);
            head.extend_from_slice(block);
            if line_end && text {
                return Ok(Input {
                    head,
                    delimiter: None,
                    rest: Some(r),
                    again,
                });
            }
            if head.len() > MAX_HEADER {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    Refusal::LongHeader,
                ));
            }
        }
    }

    pub(super) fn into_reader(self) -> Box<dyn Read> {
        let head = io::Cursor::new(self.head);
        match self.rest {
            Some(r) => Box::new(head.chain(r)),
            None => Box::new(head),
        }
    }
}

/// The most a header line may take before its end: every header of a data set is a few
/// dozen bytes, and a file without a line end (a link to `/dev/zero`) must not be read forever.
pub const MAX_HEADER: usize = 1 << 20;
/// The most one row may take: a note of tens of megabytes still loads.
pub const MAX_ROW: usize = 64 << 20;
/// How many fields past the header's a row may hold before the file is refused: each field
/// costs the reader 8 bytes beside its text, so a 64 MiB row of commas would take 512 MiB.
/// A row a little too wide is one problem among others; one this wide ends the file.
pub const MAX_EXTRA_FIELDS: usize = 1024;

/// What a file is when it is not something to read to its end: devices never end, or end
/// anywhere. FIFOs are read (once), as a regular file is.
#[cfg(unix)]
fn not_a_file(t: std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn not_a_file(_: std::fs::FileType) -> Option<&'static str> {
    None
}

/// Why the guard or the header reader stopped reading a file, carried inside an `io::Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    LongHeader,
    /// A row that runs past [`MAX_ROW`], from this line.
    LongRow {
        line: u64,
    },
    /// A quoted field still open at the end of the file, opened on this line and column.
    Unclosed {
        line: u64,
        column: usize,
    },
    /// A row with more than `limit` fields (the header's `width` and [`MAX_EXTRA_FIELDS`]),
    /// from this line.
    WideRow {
        line: u64,
        limit: usize,
        width: usize,
    },
}

impl Refusal {
    pub(super) fn of(e: &io::Error) -> Option<Refusal> {
        e.get_ref()?.downcast_ref::<Refusal>().copied()
    }
}

impl Refusal {
    /// The message as a glossary key with its slots.
    pub(super) fn said(&self) -> Said {
        match self {
            Refusal::LongHeader => Said::new(
                "the first line runs past {} MiB without a line end: not a CSV file of a data set",
                vec![(MAX_HEADER >> 20).to_string()],
            ),
            Refusal::LongRow { .. } => Said::new(
                "a row longer than {} MiB: rows are refused past that length",
                vec![(MAX_ROW >> 20).to_string()],
            ),
            Refusal::Unclosed { .. } => Said::new(
                "a quote opened here is never closed: the rest of the file would be read as one cell",
                vec![],
            ),
            Refusal::WideRow { width, .. } => {
                Said::new("{} fields, one per header column", vec![width.to_string()])
            }
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said().english())
    }
}

impl std::error::Error for Refusal {}

/// Follows the CSV quoting as the bytes stream past (as the csv crate reads it: a quote opens
/// a field only at its start, `""` inside is one quote), so a quote never closed and a row
/// past [`MAX_ROW`] end the file with an error naming where they began, in linear time.
pub(super) struct Guard<R> {
    inner: R,
    delimiter: u8,
    state: Quoting,
    line: u64,
    field: usize,
    row_line: u64,
    row_bytes: usize,
    opened: (u64, usize),
    /// The header row's fields, once its line end has passed.
    width: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Plain,
    Quoted,
    /// A quote inside a quoted field: closing it, or the first of `""`.
    QuoteInQuoted,
}

impl<R: Read> Guard<R> {
    pub(super) fn new(inner: R, delimiter: u8) -> Self {
        Guard {
            inner,
            delimiter,
            state: Quoting::FieldStart,
            line: 1,
            field: 0,
            row_line: 1,
            row_bytes: 0,
            opened: (0, 0),
            width: None,
        }
    }

    fn scan(&mut self, block: &[u8]) -> Result<(), Refusal> {
        use Quoting::*;
        if matches!(self.state, FieldStart | Plain) && !block.contains(&b'"') {
            return self.scan_unquoted(block);
        }
        for &b in block {
            self.row_bytes += 1;
            let end_of_row = match self.state {
                Quoted => {
                    if b == b'"' {
                        self.state = QuoteInQuoted;
                    }
                    false
                }
                _ if b == b'"' && self.state == FieldStart => {
                    self.state = Quoted;
                    self.opened = (self.line, self.field + 1);
                    false
                }
                QuoteInQuoted if b == b'"' => {
                    self.state = Quoted;
                    false
                }
                _ if b == self.delimiter => {
                    self.state = FieldStart;
                    self.field += 1;
                    false
                }
                _ if b == b'\n' => true,
                _ => {
                    self.state = Plain;
                    false
                }
            };
            if b == b'\n' {
                self.line += 1;
            }
            if end_of_row {
                self.width.get_or_insert(self.field + 1);
                self.state = FieldStart;
                self.field = 0;
                self.row_line = self.line;
                self.row_bytes = 0;
            } else if self.row_bytes > MAX_ROW {
                return Err(Refusal::LongRow {
                    line: self.row_line,
                });
            } else if b == self.delimiter {
                self.wide()?;
            }
        }
        Ok(())
    }
}

impl<R> Guard<R> {
    /// [`Guard::scan`] for a block without a quote, outside quotes: only line ends and
    /// delimiters matter, counted a block at a time (most files have no quote at all).
    fn scan_unquoted(&mut self, block: &[u8]) -> Result<(), Refusal> {
        let d = self.delimiter;
        let tail = match block.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                // The row still open ends at the block's first line end: count its fields
                // (or the header's). Rows wholly inside one block are bounded by its length.
                let first = block.iter().position(|&b| b == b'\n').unwrap_or(last);
                self.field += block[..first].iter().filter(|&&b| b == d).count();
                self.wide()?;
                self.width.get_or_insert(self.field + 1);
                self.line += block.iter().filter(|&&b| b == b'\n').count() as u64;
                self.row_line = self.line;
                self.row_bytes = 0;
                self.field = 0;
                self.state = Quoting::FieldStart;
                &block[last + 1..]
            }
            None => block,
        };
        self.row_bytes += tail.len();
        self.field += tail.iter().filter(|&&b| b == d).count();
        if let Some(&b) = tail.last() {
            self.state = if b == d {
                Quoting::FieldStart
            } else {
                Quoting::Plain
            };
        }
        if self.row_bytes > MAX_ROW {
            return Err(Refusal::LongRow {
                line: self.row_line,
            });
        }
        self.wide()
    }

    /// Refuses the row being read once it holds more fields than the header's and
    /// [`MAX_EXTRA_FIELDS`] (the header row itself is bounded by its length).
    fn wide(&self) -> Result<(), Refusal> {
        match self.width {
            Some(width) if self.field + 1 > width + MAX_EXTRA_FIELDS => Err(Refusal::WideRow {
                line: self.row_line,
                limit: width + MAX_EXTRA_FIELDS,
                width,
            }),
            _ => Ok(()),
        }
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let refused = if n == 0 && self.state == Quoting::Quoted {
            Err(Refusal::Unclosed {
                line: self.opened.0,
                column: self.opened.1,
            })
        } else {
            self.scan(&buf[..n])
        };
        refused.map_err(|r| io::Error::new(io::ErrorKind::InvalidData, r))?;
        Ok(n)
    }
}

/// Ends the text with a line end when its last line has none, so every row the csv crate
/// reads ends with one and its line can be told from where the reader stands after it.
pub(super) struct FinalLineEnd<R> {
    inner: R,
    /// The last byte passed on, `None` before any and once the line end is added.
    last: Option<u8>,
}

impl<R> FinalLineEnd<R> {
    pub(super) fn new(inner: R) -> Self {
        FinalLineEnd { inner, last: None }
    }
}

impl<R: Read> Read for FinalLineEnd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
            return Ok(n);
        }
        match self.last.take() {
            Some(b) if b != b'\n' => {
                buf[0] = b'\n';
                Ok(1)
            }
            _ => Ok(0),
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
            if !self.cr && memchr::memchr(b'\r', &buf[..n]).is_none() {
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

/// Bytes `from..to` of a regular file with their line ends made LF, read by position, so
/// several threads read parts of one handle at once.
#[cfg(unix)]
pub(super) fn file_part(file: &File, from: u64, to: u64) -> impl Read + '_ {
    struct Part<'a> {
        file: &'a File,
        at: u64,
        to: u64,
    }
    impl Read for Part<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            use std::os::unix::fs::FileExt;
            let want = buf
                .len()
                .min(usize::try_from(self.to - self.at).unwrap_or(usize::MAX));
            if want == 0 {
                return Ok(0);
            }
            let n = self.file.read_at(&mut buf[..want], self.at)?;
            self.at += n as u64;
            Ok(n)
        }
    }
    LineEnds {
        inner: Part { file, at: from, to },
        cr: false,
    }
}

/// Never called where parts are not cut (see `cut::parts`).
#[cfg(not(unix))]
pub(super) fn file_part(_: &File, _: u64, _: u64) -> impl Read + '_ {
    io::empty()
}

/// The kind of a file of a data set: `participants` for `participants.csv`.
fn kind(file: &str) -> &str {
    file.strip_suffix(".csv").unwrap_or(file)
}

/// The file name endings a file of a folder may have besides `.csv`.
const OTHER_ENDINGS: [&str; 5] = [".csv.gz", ".xlsx", ".xlsm", ".xls", ".ods"];

/// Resolves `--data` and the files named one by one (`--participants FILE`, `-` for standard
/// input) into where each file of the data set is read from.
pub(super) fn resolve(
    data: Option<&Path>,
    picks: &[(&'static str, PathBuf)],
    opts: ReadOptions,
) -> Result<DataSource, Problem> {
    let mut picked = match data {
        None => Picked::over(DataSource::Embedded),
        Some(d) if d.is_dir() => folder(d, picks, opts)?,
        Some(f) if f.is_file() && is_workbook(f) => whole_book(f, opts)?,
        Some(d) => {
            let message = if d.exists() {
                "is not a directory or a workbook"
            } else {
                "no such directory or workbook"
            };
            return Err(
                Problem::file(d.display().to_string(), message.into()).with_hint(
                    "--data names a directory holding offices.csv, participants.csv, ..., \
                 or a workbook (.xlsx, .xlsm, .xls, .ods) with a sheet for each",
                ),
            );
        }
    };
    if picks.iter().filter(|(_, p)| p.as_os_str() == "-").count() > 1 {
        return Err(Problem::file(
            "<stdin>".into(),
            "standard input (-) is given for more than one file".into(),
        )
        .with_hint("give one file as -, the others by name"));
    }
    for (name, path) in picks {
        let origin = pick(name, path, opts)?;
        picked.files.retain(|(n, _)| n != name);
        picked.files.push((name, origin));
    }
    if picked.files.is_empty() && picked.seen.is_empty() {
        if let Some(base) = picked.base {
            return Ok(base);
        }
    }
    Ok(DataSource::Picked(Box::new(picked)))
}

impl Picked {
    fn over(base: DataSource) -> Picked {
        let root = match &base {
            DataSource::Dir(d) => d.display().to_string(),
            _ => "embedded".into(),
        };
        Picked {
            base: Some(base),
            files: Vec::new(),
            seen: Vec::new(),
            root,
        }
    }
}

fn is_workbook(path: &Path) -> bool {
    is_workbook_name(&path.to_string_lossy())
        || File::open(path)
            .and_then(|mut f| first_bytes(&mut f))
            .is_ok_and(|h| is_workbook_signature(&h))
}

/// A folder: each file as `NAME.csv` or one of the other endings, never two of them.
fn folder(
    d: &Path,
    picks: &[(&'static str, PathBuf)],
    opts: ReadOptions,
) -> Result<Picked, Problem> {
    let mut picked = Picked::over(DataSource::Dir(d.to_path_buf()));
    // A file named on its own is read in place of the folder's, whatever the folder holds.
    for spec in TABLE
        .iter()
        .filter(|s| picks.iter().all(|(n, _)| *n != s.name))
    {
        let k = kind(spec.name);
        let present: Vec<String> = std::iter::once(".csv")
            .chain(OTHER_ENDINGS)
            .map(|e| format!("{k}{e}"))
            .filter(|n| d.join(n).exists())
            .collect();
        if let [first, second, ..] = &present[..] {
            return Err(Problem::file(
                d.join(second).display().to_string(),
                format!("a second file for {k}: {first} is there too"),
            )
            .with_hint(format!(
                "keep one of them, or name the one to read with --{k} FILE"
            )));
        }
        let Some(name) = present.first() else {
            continue;
        };
        let path = d.join(name);
        // A workbook saved under a CSV name is read as the workbook it is.
        if is_workbook_name(name) || (path.is_file() && is_workbook(&path)) {
            picked
                .files
                .push((spec.name, Origin::Sheet(one_sheet(&path, spec, opts)?)));
        } else if name.ends_with(".gz") {
            picked.files.push((spec.name, Origin::File(path)));
        }
    }
    if let Ok(entries) = std::fs::read_dir(d) {
        let taken = |n: &str| {
            TABLE
                .iter()
                .any(|s| n.starts_with(&format!("{}.", kind(s.name))))
        };
        let mut seen: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| is_workbook_name(n) && !taken(n))
            .collect();
        seen.sort();
        picked.seen = seen;
    }
    Ok(picked)
}

fn open_book(path: &Path, shown: String) -> Result<Book, Problem> {
    let f = File::open(path).map_err(|e| io_problem(shown.clone(), &e))?;
    Book::read(shown, f)
}

/// The sheet of a workbook holding one file: the sheet named after it, else the first.
fn one_sheet(path: &Path, spec: &FileSpec, opts: ReadOptions) -> Result<Arc<Sheet>, Problem> {
    let mut book = open_book(path, path.display().to_string())?;
    book.take(kind(spec.name), true, opts)
        .map(Arc::new)
        .ok_or_else(|| Problem::file(book.name.clone(), "a workbook without a sheet".into()))
}

/// `--data book.xlsx`: every file of the data set is the sheet named after it.
fn whole_book(path: &Path, opts: ReadOptions) -> Result<Picked, Problem> {
    let root = path.display().to_string();
    let mut book = open_book(path, root.clone())?;
    let files = TABLE
        .iter()
        .map(|spec| match book.take(kind(spec.name), false, opts) {
            Some(s) => (spec.name, Origin::Sheet(Arc::new(s))),
            None => (spec.name, Origin::Absent),
        })
        .collect();
    Ok(Picked {
        base: None,
        files,
        seen: book.sheet_names().iter().map(|s| s.to_string()).collect(),
        root,
    })
}

/// What to say before reading `file` from standard input that is a terminal, where the
/// command would otherwise wait without a word.
fn stdin_notice(file: &str, terminal: bool) -> Option<String> {
    terminal.then(|| {
        format!(
            "reading {} from standard input (end it with Ctrl-D)",
            kind(file)
        )
    })
}

/// One file named on its own: a workbook's sheet, or CSV text (perhaps gzip) read when asked.
fn pick(name: &'static str, path: &Path, opts: ReadOptions) -> Result<Origin, Problem> {
    let spec = TABLE
        .iter()
        .find(|s| s.name == name)
        .expect("a file of the table");
    if path.as_os_str() == "-" {
        let mut stdin = io::stdin();
        if let Some(notice) = stdin_notice(name, io::IsTerminal::is_terminal(&stdin)) {
            // A notice only: a closed standard error must not stop the reading.
            let _ = writeln!(io::stderr(), "{notice}");
        }
        let head = first_bytes(&mut stdin).map_err(|e| io_problem("<stdin>".into(), &e))?;
        if !is_workbook_signature(&head) {
            return Ok(Origin::Stdin(head));
        }
        let r = io::Cursor::new(head).chain(stdin);
        let mut book = Book::read("<stdin>".into(), r)?;
        return book
            .take(kind(name), true, opts)
            .map(|s| Origin::Sheet(Arc::new(s)))
            .ok_or_else(|| Problem::file("<stdin>".into(), "a workbook without a sheet".into()));
    }
    if !path.exists() {
        return Err(
            Problem::file(path.display().to_string(), "no such file".into()).with_hint(format!(
                "--{} names a file of {name}'s columns, or - for standard input",
                kind(name)
            )),
        );
    }
    if path.is_file() && is_workbook(path) {
        return Ok(Origin::Sheet(one_sheet(path, spec, opts)?));
    }
    Ok(Origin::File(path.to_path_buf()))
}

impl DataSource {
    /// How a data set is named: `embedded`, its folder or its workbook.
    pub(super) fn root(&self) -> String {
        match self {
            DataSource::Embedded => "embedded".into(),
            DataSource::Dir(d) => d.display().to_string(),
            DataSource::Memory(_) => "memory".into(),
            DataSource::Picked(p) => p.root.clone(),
        }
    }

    /// The hint for a required file that is not there.
    pub(super) fn missing_hint(&self) -> Said {
        let names = |must: bool| {
            FILES
                .iter()
                .filter(|f| f.1 == must)
                .map(|f| kind(f.0))
                .collect::<Vec<_>>()
        };
        // "a, b and c" as the list before its last item, and that item.
        let split = |v: Vec<String>| match v.split_last() {
            Some((last, head)) => (head.join(", "), last.clone()),
            None => (String::new(), String::new()),
        };
        let csv = |must| {
            names(must)
                .iter()
                .map(|k| format!("{k}.csv"))
                .collect::<Vec<_>>()
        };
        let folder = || {
            let (head, last) = split(csv(true));
            vec![head, last, csv(false).join(", ")]
        };
        match self {
            DataSource::Embedded => Said::new("the embedded data set is incomplete", vec![]),
            DataSource::Dir(_) | DataSource::Memory(_) => {
                Said::new("a data directory holds {} and {} ({} optional)", folder())
            }
            DataSource::Picked(p) => match &p.base {
                Some(base) if p.seen.is_empty() => base.missing_hint(),
                Some(_) => {
                    let mut args = folder();
                    args.push(p.seen.join(", "));
                    args.push(Path::new(&p.root).join(&p.seen[0]).display().to_string());
                    Said::new(
                        "a data directory holds {} and {} ({} optional); it holds the workbook {}: read a workbook with --data {}",
                        args,
                    )
                }
                None => {
                    let own = |v: Vec<&str>| v.iter().map(|s| s.to_string()).collect();
                    let (head, last) = split(own(names(true)));
                    Said::new(
                        "a workbook holds a sheet for each of {} and {} ({} optional); its sheets are: {}",
                        vec![head, last, names(false).join(", "), p.seen.join(", ")],
                    )
                }
            },
        }
    }

    /// Puts the problems found in `file` where they are in its workbook, if it is a sheet,
    /// after the error values found in the sheet's cells.
    pub(super) fn place(&self, file: &str, found: Problems) -> Problems {
        let DataSource::Picked(p) = self else {
            return found;
        };
        let Some(Origin::Sheet(sheet)) = p.origin(file) else {
            return found;
        };
        let mut all = Problems {
            kept: Vec::new(),
            total: 0,
            limit: found.limit,
            findings: found.findings,
        };
        all.extend(sheet.errors.iter().cloned());
        all.merge(found);
        all.kept
            .iter_mut()
            .for_each(|problem| sheet.locate(problem));
        all
    }
}

/// The problem of a file that cannot be read, in words each language says its own way (what
/// the system said kept as it said it).
fn io_problem(path: String, e: &io::Error) -> Problem {
    let said = match Refusal::of(e) {
        Some(r) => r.said(),
        None => match e.kind() {
            io::ErrorKind::PermissionDenied => {
                Said::new("cannot be read: permission denied", vec![])
            }
            io::ErrorKind::IsADirectory => Said::new("is a directory, not a CSV file", vec![]),
            _ => Said::new("cannot be read: {}", vec![e.to_string()]),
        },
    };
    Problem::file(path, String::new()).said(said)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(i: Input) -> Vec<u8> {
        let mut got = Vec::new();
        i.into_reader().read_to_end(&mut got).unwrap();
        got
    }

    /// What the guard makes of `text` read in blocks of `block` bytes.
    fn guarded(text: &[u8], block: usize) -> Result<Vec<u8>, Option<Refusal>> {
        struct Blocks<'a>(&'a [u8], usize);
        impl Read for Blocks<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut got = Vec::new();
        Guard::new(Blocks(text, block), b',')
            .read_to_end(&mut got)
            .map(|_| got)
            .map_err(|e| Refusal::of(&e))
    }

    #[test]
    fn guard_finds_the_quote_left_open_in_any_block_size() {
        let closed = b"a,b,c\n1,\"x\ny\",3\n4,5,\"say \"\"hi\"\"\"\n7,8\"9,\"\"\n".to_vec();
        let open = b"a,b,c\n1,2,3\n4,5,\"never\n7,8,9\n".to_vec();
        let late = b"a,b,c\n1,2,3\n4,\"\"\"x\n".to_vec();
        for block in [1, 2, 3, 7, 64 * 1024] {
            assert_eq!(guarded(&closed, block), Ok(closed.clone()), "{block}");
            let at = |line, column| Err(Some(Refusal::Unclosed { line, column }));
            assert_eq!(guarded(&open, block), at(3, 3), "{block}");
            assert_eq!(guarded(&late, block), at(3, 2), "{block}");
        }
    }

    #[test]
    fn read_again_keeps_to_the_file_first_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("participants.csv");
        std::fs::write(&path, "a,b\n1,2\n").unwrap();
        let src = DataSource::Dir(dir.path().to_path_buf());
        let mut first = src.read("participants.csv").unwrap().unwrap();
        let again = std::mem::replace(&mut first.again, Again::Never);
        assert_eq!(text(first), b"a,b\n1,2\n");
        // Replaced under the same name: the second read is still of the file first read.
        let other = dir.path().join("other.csv");
        std::fs::write(&other, "x,y\n9,9\n").unwrap();
        std::fs::rename(&other, &path).unwrap();
        let second = src.read_again("participants.csv", again).unwrap();
        assert_eq!(text(second), b"a,b\n1,2\n");
        // Changed in place since: not read again at all.
        let mut third = src.read("participants.csv").unwrap().unwrap();
        let again = std::mem::replace(&mut third.again, Again::Never);
        std::fs::write(&path, "x,y\n9,9\n8,8\n").unwrap();
        assert!(src.read_again("participants.csv", again).is_none());
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
    fn a_terminal_on_standard_input_is_told_what_is_read() {
        assert_eq!(
            stdin_notice("participants.csv", true).as_deref(),
            Some("reading participants from standard input (end it with Ctrl-D)")
        );
        assert_eq!(stdin_notice("participants.csv", false), None);
    }

    #[test]
    fn line_ends_become_lf() {
        let mut b = b"a\r\nb\rc\n\"d\r\ne\"\r".to_vec();
        normalise_line_ends(&mut b);
        assert_eq!(b, b"a\nb\nc\n\"d\ne\"\n");
    }
}
