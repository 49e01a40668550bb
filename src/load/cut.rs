//! Where a regular file may be cut into parts that threads read at once: only after a line
//! end, so every part holds whole lines, and only in files without a quote (checked by the
//! reader of each part), where no line end can lie inside a cell.

#![cfg_attr(not(unix), allow(unused))]

use std::fs::File;
#[cfg(unix)]
use std::io::Read;

#[cfg(unix)]
use super::source::file_part;

/// The least a part holds: below this, starting a thread costs more than it saves.
pub(super) const MIN_PART: u64 = 64 << 10;
/// How far a cut looks for a line end, and how far back for the line before a part: a
/// longer line is left to the careful reader anyway.
const REACH: u64 = 1 << 20;
/// The first window looked at for a line end.
const FIRST_LOOK: u64 = 4 << 10;

#[cfg(not(unix))]
pub(super) fn parts(_: &File, _: u64, _: usize, _: usize) -> Option<Vec<(u64, u64)>> {
    None
}

#[cfg(not(unix))]
pub(super) fn line_before(_: &File, _: u64, _: u64) -> Option<Vec<u8>> {
    None
}

/// The byte ranges of at most `threads` parts of the rows of a file of `len` bytes whose
/// header line (with its line end made LF) takes `header_len` bytes, each but the last ending
/// with a line end; `None` when one part is all there is.
#[cfg(unix)]
pub(super) fn parts(
    file: &File,
    len: u64,
    header_len: usize,
    threads: usize,
) -> Option<Vec<(u64, u64)>> {
    let header_len = header_len as u64;
    // The header's line end as written: LF, CRLF or CR.
    let end = read_at(file, header_len - 1, 2)?;
    let start = match end.as_slice() {
        [b'\n', ..] => header_len,
        [b'\r', b'\n'] => header_len + 1,
        [b'\r', ..] => header_len,
        _ => return None,
    };
    let body = len.checked_sub(start)?;
    let n = (threads as u64).min(body / MIN_PART);
    if n < 2 {
        return None;
    }
    let mut cuts = vec![start];
    for k in 1..n {
        let at = start + body * k / n;
        // The first place at or after `at` that follows a line end.
        let Some(i) = next_line_end(file, at - 1)? else {
            continue;
        };
        let cut = at + i;
        if cut > *cuts.last()? && cut < len {
            cuts.push(cut);
        }
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(len);
    Some(cuts.windows(2).map(|w| (w[0], w[1])).collect())
}

/// The last line before `at` (which follows a line end) as the reader of the file sees it,
/// its line end left out; `None` when it is longer than the reach.
#[cfg(unix)]
pub(super) fn line_before(file: &File, at: u64, from: u64) -> Option<Vec<u8>> {
    // Windows that grow from a page to the reach: a line is mostly short, and a small read
    // keeps a large buffer from being made and freed on every cut.
    let mut back = (at - from).min(FIRST_LOOK);
    loop {
        let mut bytes = Vec::new();
        file_part(file, at - back, at)
            .read_to_end(&mut bytes)
            .ok()?;
        // The bytes end with the line end, made LF.
        let body = bytes.strip_suffix(b"\n")?;
        match memchr::memrchr(b'\n', body) {
            Some(i) => return Some(body[i + 1..].to_vec()),
            None if back == at - from => return Some(body.to_vec()),
            None if back >= REACH => return None,
            None => back = (back * 2).min(REACH).min(at - from),
        }
    }
}

/// The place of the first LF at or after `at`, counted from `at`: `Some(None)` when there is
/// none within the reach.
#[cfg(unix)]
fn next_line_end(file: &File, at: u64) -> Option<Option<u64>> {
    let mut look = FIRST_LOOK;
    loop {
        let window = read_at(file, at, look)?;
        if let Some(i) = memchr::memchr(b'\n', &window) {
            return Some(Some(i as u64));
        }
        if look >= REACH || (window.len() as u64) < look {
            return Some(None);
        }
        look = (look * 2).min(REACH);
    }
}

/// Up to `n` bytes of `file` from `at`, as they are.
#[cfg(unix)]
fn read_at(file: &File, at: u64, n: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        match file.read_at(&mut buf[got..], at + got as u64) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    buf.truncate(got);
    Some(buf)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;

    /// A file of `lines`, each ended by LF.
    fn file_of(lines: &[Vec<u8>]) -> File {
        let mut f = tempfile::tempfile().expect("a temporary file");
        for l in lines {
            f.write_all(l)
                .and_then(|()| f.write_all(b"\n"))
                .expect("written");
        }
        f
    }

    #[test]
    fn the_line_before_is_found_past_the_first_window() {
        // Lines of 10, 3 and 9,000 bytes, then one of 20 bytes: the line before the last
        // is longer than the first window looked at.
        let long = vec![b'x'; 9_000];
        let lines = [vec![b'a'; 10], vec![b'b'; 3], long.clone(), vec![b'c'; 20]];
        let f = file_of(&lines);
        let last = 11 + 4 + 9_001;
        assert_eq!(line_before(&f, last, 0), Some(long));
        assert_eq!(line_before(&f, 11 + 4, 0), Some(vec![b'b'; 3]));
        // From the start of the rows: the first line is the whole of what is looked at.
        assert_eq!(line_before(&f, 11, 0), Some(vec![b'a'; 10]));
        assert_eq!(line_before(&f, 11 + 4, 11), Some(vec![b'b'; 3]));
    }

    #[test]
    fn a_line_longer_than_the_reach_is_not_taken() {
        let lines = [
            vec![b'a'; 5],
            vec![b'y'; (REACH + 10) as usize],
            vec![b'c'; 5],
        ];
        let f = file_of(&lines);
        assert_eq!(line_before(&f, 6 + REACH + 11, 0), None);
    }

    #[test]
    fn a_cut_follows_the_next_line_end_however_far() {
        // Lines of 100, 9,000, 200,000 and 30,000 bytes, the first standing for the header:
        // its line end is byte 100, the others' 9,101, 209,102 and 239,103.
        let lines: Vec<Vec<u8>> = [100usize, 9_000, 200_000, 30_000]
            .iter()
            .enumerate()
            .map(|(i, &n)| vec![b'a' + i as u8; n])
            .collect();
        let f = file_of(&lines);
        let len = 239_104;
        assert_eq!(next_line_end(&f, 4_101), Some(Some(5_000)));
        assert_eq!(next_line_end(&f, len - 5), Some(Some(4)));
        assert_eq!(next_line_end(&f, len), Some(None));
        // The middle of the rows (101 + 239,003 / 2 = 119,602) falls 89,500 bytes before the
        // end of the third line: the cut is at the start of the fourth.
        assert_eq!(
            parts(&f, len, 101, 2),
            Some(vec![(101, 209_103), (209_103, len)])
        );
    }
}
