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
        let window = read_at(file, at - 1, REACH)?;
        let Some(i) = memchr::memchr(b'\n', &window) else {
            continue;
        };
        let cut = at + i as u64;
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
    let back = (at - from).min(REACH);
    let mut bytes = Vec::new();
    file_part(file, at - back, at)
        .read_to_end(&mut bytes)
        .ok()?;
    // The bytes end with the line end, made LF.
    let body = bytes.strip_suffix(b"\n")?;
    match memchr::memrchr(b'\n', body) {
        Some(i) => Some(body[i + 1..].to_vec()),
        None if back == at - from => Some(body.to_vec()),
        None => None,
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
