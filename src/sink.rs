//! Where output goes: standard output, `--output FILE` or a chart's `--out FILE`, all through
//! one [`Sink`]. A regular file is replaced whole and only once the output is complete, so a
//! failure or a signal never leaves a half-written or emptied file; a device or a FIFO is
//! written directly and never replaced; a symbolic link is written through, and stays a link.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use anyhow::Result;

use crate::said::{Because, Said, Told};

use crate::load::FILES;

/// The one destination of a command's output.
pub enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A regular file (or one to create), replaced on [`Sink::finish`].
    Replace(AtomicFile),
    /// A device or a FIFO: what is written goes straight to it.
    Direct {
        shown: String,
        file: BufWriter<File>,
    },
}

impl Sink {
    /// Standard output when `target` is `None`; `inputs` are the files the run may read (see
    /// [`inputs`]), never written.
    pub fn open(target: Option<&Path>, inputs: &[PathBuf]) -> Result<Sink> {
        let Some(target) = target else {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout().lock())));
        };
        let shown = target.display().to_string();
        if names_a_directory(target) {
            return Err(Told::new(Said::new(
                "{}: ends in /, so it names a directory, not a file to write",
                vec![shown],
            ))
            .hint(Said::new("drop the trailing /", vec![]))
            .into());
        }
        let meta = match fs::symlink_metadata(target) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                refuse_input(target, inputs)?;
                return Ok(Sink::Replace(AtomicFile::create(target)?));
            }
            Err(e) => return Err(cannot_write(&shown, e)),
        };
        let link = meta.file_type().is_symlink();
        let meta = if link {
            match fs::metadata(target) {
                Ok(m) => m,
                Err(_) => {
                    let to = fs::read_link(target).unwrap_or_default();
                    return Err(Told::new(Said::new(
                        "{}: is a symbolic link to {}, which does not exist",
                        vec![shown, to.display().to_string()],
                    ))
                    .hint(Said::new(
                        "create the file it points to, or name another file",
                        vec![],
                    ))
                    .into());
                }
            }
        } else {
            meta
        };
        if meta.is_dir() {
            return Err(is_a_directory(&shown));
        }
        // `/dev/stdout` (a link to this process's standard output) is standard output, even
        // when that is a file the shell opened: replacing the file would undo a `>>`.
        if link && is_stdout(&meta) {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout().lock())));
        }
        if meta.is_file() {
            // Through a link the file it points to is replaced, so the link stays a link.
            let real = match target.canonicalize() {
                Ok(real) if link => real,
                _ => target.to_path_buf(),
            };
            refuse_input(&real, inputs)?;
            return Ok(Sink::Replace(AtomicFile::create_shown(&real, shown)?));
        }
        // A device, FIFO or socket is written in place: replacing it would destroy it.
        let file = OpenOptions::new()
            .write(true)
            .open(target)
            .map_err(|e| cannot_write(&shown, e))?;
        Ok(Sink::Direct {
            shown,
            file: BufWriter::new(file),
        })
    }

    /// Completes the output: flushes it, and puts a replaced file in place.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut out) => Ok(out.flush().map_err(|e| named(e, "to standard output"))?),
            Sink::Replace(file) => file.commit(),
            Sink::Direct { shown, mut file } => Ok(file.flush().map_err(|e| named(e, &shown))?),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf).map_err(|e| named(e, "to standard output")),
            Sink::Replace(file) => file.write(buf),
            Sink::Direct { shown, file } => file.write(buf).map_err(|e| named(e, shown)),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush().map_err(|e| named(e, "to standard output")),
            Sink::Replace(file) => file.flush(),
            Sink::Direct { shown, file } => file.flush().map_err(|e| named(e, shown)),
        }
    }
}

/// True when `meta` is of the file standard output is open on.
#[cfg(unix)]
fn is_stdout(meta: &fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
}

#[cfg(not(unix))]
fn is_stdout(_: &fs::Metadata) -> bool {
    false
}

/// `out.csv/` names a directory: the file system would refuse the rename only at the end.
fn names_a_directory(p: &Path) -> bool {
    let bytes = p.as_os_str().as_encoded_bytes();
    bytes.ends_with(b"/") || bytes.ends_with(std::path::MAIN_SEPARATOR_STR.as_bytes())
}

/// Temporary files not yet renamed into place, removed if a signal ends the run.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// On SIGTERM, SIGINT or SIGHUP, removes the pending temporary files, then ends the run as the
/// signal would have (the old file stays as it was).
fn clean_up_on_signals() {
    static WATCH: Once = Once::new();
    WATCH.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                // Held until the end, so no commit renames a file while it is removed.
                let files = pending();
                for f in files.iter() {
                    let _ = fs::remove_file(f);
                }
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
    });
}

/// A file written under a temporary name beside its destination and renamed into place by
/// [`AtomicFile::commit`]; dropped uncommitted (an error, a failed commit), it removes the
/// temporary file.
pub struct AtomicFile {
    target: PathBuf,
    /// The name the user gave, for messages (a link's target is replaced under its own name).
    shown: String,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
    done: bool,
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<Self> {
        Self::create_shown(target, target.display().to_string())
    }

    fn create_shown(target: &Path, shown: String) -> Result<Self> {
        let name = target
            .file_name()
            .ok_or_else(|| Said::new("{}: not a file name", vec![shown.clone()]))?;
        if target.is_dir() {
            return Err(is_a_directory(&shown));
        }
        clean_up_on_signals();
        // Beside the target, so the rename stays on one file system and is atomic.
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut n = 0u32;
        loop {
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".{}.{n}.tmp", std::process::id()));
            let tmp = dir.join(tmp_name);
            // Created and listed under the lock, so a signal cannot come between the two.
            let mut files = pending();
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(f) => {
                    files.push(tmp.clone());
                    return Ok(AtomicFile {
                        target: target.to_path_buf(),
                        shown,
                        tmp,
                        file: Some(BufWriter::new(f)),
                        done: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(cannot_write(&shown, e)),
            }
        }
    }

    /// Flushes, syncs and renames the temporary file over the target.
    pub fn commit(mut self) -> Result<()> {
        let shown = self.shown.clone();
        let ctx = |e: io::Error| cannot_write(&shown, e);
        let file = self.file.take().expect("committed once");
        let file = file.into_inner().map_err(|e| ctx(e.into_error()))?;
        file.sync_all().map_err(ctx)?;
        // Replacing a file keeps its permissions; a new one gets the usual ones.
        if let Ok(meta) = fs::metadata(&self.target) {
            fs::set_permissions(&self.tmp, meta.permissions()).map_err(ctx)?;
        }
        let mut files = pending();
        fs::rename(&self.tmp, &self.target).map_err(ctx)?;
        files.retain(|f| f != &self.tmp);
        self.done = true;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.file.as_mut().expect("not committed").write(buf);
        r.map_err(|e| named(e, &self.shown))
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.file.as_mut().expect("not committed").flush();
        r.map_err(|e| named(e, &self.shown))
    }
}

/// The error, keeping its kind (a broken pipe must stay recognisable), naming the destination.
fn named(e: io::Error, what: &str) -> io::Error {
    let kind = e.kind();
    io::Error::new(kind, Because::new(cannot_write_said(what), e))
}

fn cannot_write_said(what: &str) -> Said {
    if what == "to standard output" {
        Said::new("cannot write to standard output", vec![])
    } else {
        Said::new("cannot write {}", vec![what.to_string()])
    }
}

/// `cannot write FILE`, followed by what the system said.
fn cannot_write(shown: &str, e: io::Error) -> anyhow::Error {
    Because::new(cannot_write_said(shown), e).into()
}

fn is_a_directory(shown: &str) -> anyhow::Error {
    Said::new(
        "{}: is a directory, not a file to write",
        vec![shown.to_string()],
    )
    .into()
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.done {
            self.file.take();
            let mut files = pending();
            let _ = fs::remove_file(&self.tmp);
            files.retain(|f| f != &self.tmp);
        }
    }
}

/// Every file a run may read: the workbook `--data` names, or each file of its folder in
/// every form the loader takes (`participants.csv`, `.csv.gz`, `.xlsx`, ...) and its
/// `rules.csv`; and each file named on its own (`--participants FILE`).
pub fn inputs(data: Option<&Path>, picks: &[(&str, PathBuf)]) -> Vec<PathBuf> {
    const ENDINGS: [&str; 6] = [".csv", ".csv.gz", ".xlsx", ".xlsm", ".xls", ".ods"];
    let mut all: Vec<PathBuf> = picks
        .iter()
        .map(|(_, p)| p.clone())
        .filter(|p| p.as_os_str() != "-")
        .collect();
    match data {
        Some(dir) if dir.is_dir() => {
            for (file, _) in FILES {
                let stem = file.strip_suffix(".csv").unwrap_or(file);
                all.extend(ENDINGS.iter().map(|e| dir.join(format!("{stem}{e}"))));
            }
            all.push(dir.join(crate::quality::rules::FILE));
        }
        Some(book) => all.push(book.to_path_buf()),
        None => {}
    }
    all
}

/// Refuses an output path that is one of the run's input files.
pub fn refuse_input(target: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Some(out) = canonical(target) else {
        return Ok(());
    };
    for input in inputs {
        if canonical(input).is_some_and(|i| i == out) {
            return Err(Told::new(Said::new(
                "{}: is the input file {}; coverage never writes to its input files",
                vec![target.display().to_string(), input.display().to_string()],
            ))
            .hint(Said::new("name another file with --output", vec![]))
            .into());
        }
    }
    Ok(())
}

/// The absolute path a file has or would have once created.
fn canonical(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = p.canonicalize() {
        return Some(c);
    }
    let parent = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(p.file_name()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_leaves_the_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        fs::write(&target, "old\n").unwrap();

        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temp file removed"
        );

        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"new\n").unwrap();
        f.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn inputs_are_refused_by_any_spelling() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("offices.csv"), "x").unwrap();
        let spelled = dir.path().join(".").join("offices.csv");
        let read = inputs(Some(dir.path()), &[]);
        assert!(refuse_input(&spelled, &read).is_err());
        assert!(refuse_input(&dir.path().join("out.csv"), &read).is_ok());
        assert!(refuse_input(&spelled, &[]).is_ok());
    }
}
