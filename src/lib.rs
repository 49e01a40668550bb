//! `coverage`: social-security coverage statistics for BPJS Ketenagakerjaan offices.
//!
//! Data flows one way: CSV files -> [`load`] -> typed records ([`model`]) -> derived figures
//! ([`analysis`], built on the pure arithmetic of [`calc`]) -> a [`output::Table`] -> a renderer.

pub mod analysis;
pub mod calc;
pub mod chart;
pub mod cli;
pub mod cmd;
pub mod help;
pub mod load;
pub mod model;
pub mod number;
pub mod output;
pub mod quality;
pub mod resolve;
pub mod said;
pub mod sink;
pub mod usage;
pub use model::store;

// The audit, published figures and standings live beside the other figures; kept at their
// old paths too.
pub use analysis::{audit, published, standing};

use std::io::{self, Write};
use std::path::{Path, PathBuf};

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

/// Runs one parsed command line, writing to its one destination: `--output FILE`, a chart's
/// `--out FILE`, or else standard output.
pub fn run_to_output(mut cli: cli::Cli) -> anyhow::Result<Outcome> {
    cli.global.format = output::pick(cli.global.format, cli.global.output.as_deref())?;
    let target = destination(&cli)?;
    let inputs = sink::inputs(cli.global.data.as_deref(), &cli.global.files.picks());
    let mut sink = sink::Sink::open(target.as_deref(), &inputs)?;
    let outcome = run(cli, &mut sink)?;
    sink.finish()?;
    Ok(outcome)
}

/// The file the command writes, if any; `-` is standard output.
fn destination(cli: &cli::Cli) -> anyhow::Result<Option<PathBuf>> {
    let output = cli
        .global
        .output
        .as_deref()
        .filter(|p| p.as_os_str() != "-");
    match &cli.command {
        cli::Command::Chart(a) => cmd::chart::destination(a, output),
        _ => Ok(output.map(Path::to_path_buf)),
    }
}

/// An error as the reader is told it: `error: ` and the chain of causes, each in `lang`. English
/// is exactly `anyhow`'s `{:#}`; in another language each cause that is a glossary key with
/// slots ([`said::Say`]) is said in it, and any other is looked up whole.
pub fn error_text(e: &anyhow::Error, lang: output::Lang) -> String {
    use said::Say;
    if lang == output::Lang::En {
        return format!("error: {e:#}\n");
    }
    let look = |k: &str| lang.term(k).to_string();
    let parts: Vec<String> = e
        .chain()
        .map(|c| {
            if let Some(x) = c.downcast_ref::<load::InputError>() {
                x.say(&look)
            } else if let Some(x) = c.downcast_ref::<said::Told>() {
                x.say(&look)
            } else if let Some(x) = c.downcast_ref::<said::Said>() {
                x.say(&look)
            } else if let Some(x) = c.downcast_ref::<resolve::ResolveError>() {
                x.say(&look)
            } else if let Some(x) = c.downcast_ref::<said::Because>() {
                x.say(&look)
            } else if let Some(x) = c.downcast_ref::<io::Error>() {
                io_text(x, &look)
            } else {
                look(&c.to_string())
            }
        })
        .collect();
    said::fill(
        &look("error: {}\n"),
        std::iter::once(parts.join(": ").as_str()),
    )
}

/// An I/O error in the reader's language: the message it carries, or what the system said
/// (in its own words, with its number) under the glossary's name for the kind of failure.
fn io_text(e: &io::Error, look: said::Lookup) -> String {
    use said::Say;
    if let Some(b) = e.get_ref().and_then(|x| x.downcast_ref::<said::Because>()) {
        return b.say(look);
    }
    let key = match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory",
        io::ErrorKind::PermissionDenied => "permission denied",
        io::ErrorKind::AlreadyExists => "the file already exists",
        io::ErrorKind::StorageFull => "no space left on the device",
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only",
        io::ErrorKind::IsADirectory => "is a directory",
        io::ErrorKind::NotADirectory => "not a directory",
        _ => return look(&e.to_string()),
    };
    match e.raw_os_error() {
        Some(n) => format!("{} ({} {n})", look(key), look("system error")),
        None => look(key),
    }
}

/// True when the error is (or was caused by) writing into a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
