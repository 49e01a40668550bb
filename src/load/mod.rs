//! The only place that reads CSV. Every file goes through [`reader::open`], which matches
//! columns by name and turns each problem into a [`Problem`] naming the file, line and column
//! (or a workbook's sheet and cell: a sheet is read as the CSV text it holds).
//!
//! Each file is read by its own reader into its own records and its own [`Problems`]; `load`
//! merges the problems in file order, so a file could be read on a thread of its own.
//!
//! The files below import one another, never this one: `files` (the table of the files)
//! and `problem` first, then `text`, `workbook` (a sheet as CSV text, with the way back to its
//! cells), `source`, `reader`, `offices` and the other readers.

// A Problem is built once per bad cell, never on the happy path: its size does not matter.
#![allow(clippy::result_large_err)]

use std::fmt;
use std::path::{Path, PathBuf};

mod claims;
mod cut;
mod files;
mod offices;
mod participants;
mod problem;
mod reader;
mod source;
mod stated;
mod targets;
mod text;
mod workbook;
mod workforce;

pub use files::{FileSpec, ReadOptions, EMBEDDED, FILES, TABLE};
pub use problem::{quote, Problem, Problems};
pub use source::{DataSource, Picked};

use crate::model::DataSet;
use crate::said::{fill, Lookup, Say};

/// Reads and validates a whole data set, collecting every problem (up to `problems.limit` kept).
pub fn load(src: &DataSource, opts: ReadOptions, problems: &mut Problems) -> DataSet {
    let keep = problems.keep();
    let mut merge = |spec: &FileSpec, p| problems.merge(src.place(spec.name, p));
    let (offices, index, p) = offices::read_offices(src, opts, keep);
    merge(files::OFFICES, p);
    let (mut participants, p) = participants::read_participants(src, opts, keep, &index, &offices);
    merge(files::PARTICIPANTS, p);
    let mut rank = vec![0; offices.len()];
    for (pos, (o, _)) in crate::model::tree(&offices).into_iter().enumerate() {
        rank[o] = pos;
    }
    participants.reorder(&rank, opts.threads);
    let (claims, p) = claims::read_claims(src, opts, keep, &index);
    merge(files::CLAIMS, p);
    let (targets, p) = targets::read_targets(src, opts, keep, &index);
    merge(files::TARGETS, p);
    let (workforce, p) = workforce::read_workforce(src, opts, keep, &index);
    merge(files::WORKFORCE, p);
    let (stated, p) = stated::read_stated(src, opts, keep, &index);
    merge(files::STATED, p);
    DataSet {
        root: src.root(),
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

impl Say for InputError {
    /// As `Display`, each problem in the reader's language.
    fn say(&self, look: Lookup) -> String {
        let p = &self.0;
        let mut lines: Vec<String> = p.kept.iter().map(|x| x.say(look)).collect();
        if p.total > p.kept.len() {
            lines.push(fill(
                &look("... and {} more problems (run `coverage validate` to list them all)"),
                std::iter::once((p.total - p.kept.len()).to_string().as_str()),
            ));
        }
        lines.join("\n")
    }
}

/// Resolves `--data` (a directory or a workbook) and the files named on their own
/// (`--participants FILE`, `-` for standard input) into where each file is read from.
pub fn data_source(
    data: Option<&Path>,
    picks: &[(&'static str, PathBuf)],
    opts: ReadOptions,
) -> Result<DataSource, InputError> {
    source::resolve(data, picks, opts).map_err(|p| {
        let mut ps = Problems::new(1);
        ps.push(p);
        InputError(ps)
    })
}
