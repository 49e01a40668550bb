//! Where the files come from, and their bytes as a stream with LF line ends.

use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

use super::problem::Problem;
use super::EMBEDDED;

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
    pub(super) fn read(&self, file: &str) -> Result<Option<Input>, Problem> {
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
pub(super) struct Input {
    pub(super) head: Vec<u8>,
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

    pub(super) fn into_reader(self) -> Box<dyn Read> {
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
