//! `coverage`: social-security coverage statistics for BPJS Ketenagakerjaan offices.
//!
//! Data flows one way: CSV files -> [`load`] -> typed records ([`model`]) -> derived figures
//! ([`analysis`], built on the pure arithmetic of [`calc`]) -> a [`output::Table`] -> a renderer.

pub mod analysis;
pub mod calc;
pub mod chart;
pub mod cli;
pub mod cmd;
pub mod load;
pub mod model;
pub mod number;
pub mod output;
pub mod resolve;
pub mod sink;
pub mod store;

// The audit, published figures and standings live beside the other figures; kept at their
// old paths too.
pub use analysis::{audit, published, standing};

use std::io::{self, Write};

use anyhow::Context;

/// What a successful run found, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Ok,
    /// Exit 1: a check found problems.
    Problems,
}

/// Runs one parsed command line, writing its output to `out`.
pub fn run(cli: cli::Cli, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    cmd::dispatch(cli, out)
}

/// Runs one parsed command line, writing to `--output FILE` or else to standard output.
pub fn run_to_output(cli: cli::Cli) -> anyhow::Result<Outcome> {
    match cli.global.output.clone() {
        Some(path) if path.as_os_str() != "-" => {
            sink::refuse_input(&path, cli.global.data.as_deref())?;
            let mut file = sink::AtomicFile::create(&path)?;
            let outcome = run(cli, &mut file)?;
            file.commit()?;
            Ok(outcome)
        }
        _ => {
            let mut out = sink::Stdout(io::BufWriter::new(io::stdout().lock()));
            let outcome = run(cli, &mut out)?;
            out.flush()?;
            Ok(outcome)
        }
    }
}

/// True when the error is (or was caused by) writing into a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Writes `bytes` to standard output, flushing before returning.
pub fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(bytes)
        .context("cannot write to standard output")?;
    lock.flush().context("cannot write to standard output")
}
