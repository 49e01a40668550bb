//! The only place that reads CSV. Every file goes through [`reader::open`], which matches
//! columns by name and turns each problem into a [`Problem`] naming the file, line and column.
//!
//! Each file is read by its own reader into its own records and its own [`Problems`]; `load`
//! merges the problems in file order, so a file could be read on a thread of its own.
//!
//! The files below import one another, never this one: `files` (the table of the files)
//! and `problem` first, then `text`, `source`, `reader`, `offices` and the other readers.

// A Problem is built once per bad cell, never on the happy path: its size does not matter.
#![allow(clippy::result_large_err)]

use std::fmt;
use std::path::Path;

mod claims;
mod files;
mod offices;
mod participants;
mod problem;
mod reader;
mod source;
mod stated;
mod targets;
mod text;
mod workforce;

pub use files::{FileSpec, ReadOptions, EMBEDDED, FILES, TABLE};
pub use problem::{quote, Problem, Problems};
pub use source::DataSource;

use crate::model::DataSet;

/// Reads and validates a whole data set, collecting every problem (up to `problems.limit` kept).
pub fn load(src: &DataSource, opts: ReadOptions, problems: &mut Problems) -> DataSet {
    let keep = problems.keep();
    let (offices, index, p) = offices::read_offices(src, opts, keep);
    problems.merge(p);
    let (participants, p) = participants::read_participants(src, opts, keep, &index, &offices);
    problems.merge(p);
    let (claims, p) = claims::read_claims(src, opts, keep, &index);
    problems.merge(p);
    let (targets, p) = targets::read_targets(src, opts, keep, &index);
    problems.merge(p);
    let (workforce, p) = workforce::read_workforce(src, opts, keep, &index);
    problems.merge(p);
    let (stated, p) = stated::read_stated(src, opts, keep, &index);
    problems.merge(p);
    DataSet {
        root: match src {
            DataSource::Embedded => "embedded".into(),
            DataSource::Dir(d) => d.display().to_string(),
            DataSource::Memory(_) => "memory".into(),
        },
        offices,
        participants,
        claims,
        targets,
        workforce,
        stated,
    }
}

/// Reads the data set and fails with every problem (bounded) when there is any.
pub fn load_strict(src: &DataSource, opts: ReadOptions) -> Result<DataSet, InputError> {
    let mut problems = Problems::errors_only(20);
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
