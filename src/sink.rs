//! Where output goes: standard output, or `--output FILE`, which is replaced whole and only
//! once the output is complete, so a failure never leaves a half-written or emptied file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::load::FILES;

/// A file written under a temporary name beside its destination and renamed into place by
/// [`AtomicFile::commit`]; dropped uncommitted, it removes the temporary file.
pub struct AtomicFile {
    target: PathBuf,
    tmp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    pub fn create(target: &Path) -> Result<Self> {
        let name = target
            .file_name()
            .with_context(|| format!("{}: not a file name", target.display()))?;
        if target.is_dir() {
            bail!("{}: is a directory, not a file to write", target.display());
        }
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
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(f) => {
                    return Ok(AtomicFile {
                        target: target.to_path_buf(),
                        tmp,
                        file: Some(BufWriter::new(f)),
                    })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot write {}", target.display()))
                }
            }
        }
    }

    /// Flushes, syncs and renames the temporary file over the target.
    pub fn commit(mut self) -> Result<()> {
        let ctx = || format!("cannot write {}", self.target.display());
        let file = self.file.take().expect("committed once");
        let file = file
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(ctx)?;
        file.sync_all().with_context(ctx)?;
        // Replacing a file keeps its permissions; a new one gets the usual ones.
        if let Ok(meta) = fs::metadata(&self.target) {
            fs::set_permissions(&self.tmp, meta.permissions()).with_context(ctx)?;
        }
        fs::rename(&self.tmp, &self.target).with_context(ctx)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.file.as_mut().expect("not committed").write(buf);
        r.map_err(|e| named(e, &self.target.display().to_string()))
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.file.as_mut().expect("not committed").flush();
        r.map_err(|e| named(e, &self.target.display().to_string()))
    }
}

/// Standard output, buffered, with write errors that say where the write went.
pub struct Stdout<'a>(pub BufWriter<io::StdoutLock<'a>>);

impl Write for Stdout<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .write(buf)
            .map_err(|e| named(e, "to standard output"))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(|e| named(e, "to standard output"))
    }
}

/// The error, keeping its kind (a broken pipe must stay recognisable), naming the destination.
fn named(e: io::Error, what: &str) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write {what}: {e}"))
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// Refuses an output path that is one of the data set's input files.
pub fn refuse_input(target: &Path, data: Option<&Path>) -> Result<()> {
    let Some(dir) = data else {
        return Ok(());
    };
    let Some(out) = canonical(target) else {
        return Ok(());
    };
    for (file, _) in FILES {
        if canonical(&dir.join(file)).is_some_and(|input| input == out) {
            bail!(
                "{}: is the input file {}; coverage never writes to its input files\n  hint: name another file with --output",
                target.display(),
                dir.join(file).display()
            );
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
        assert!(refuse_input(&spelled, Some(dir.path())).is_err());
        assert!(refuse_input(&dir.path().join("out.csv"), Some(dir.path())).is_ok());
        assert!(refuse_input(&spelled, None).is_ok());
    }
}
