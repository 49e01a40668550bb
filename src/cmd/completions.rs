//! `coverage completions SHELL`: a completion script generated from the clap definitions.

use std::io::Write;

use anyhow::Result;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::Outcome;

pub fn run(a: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut cmd = crate::cli::for_docs(Cli::command());
    let name = cmd.get_name().to_string();
    // Generated whole first: clap_complete panics on a failed write (a closed pipe, a full
    // disk), where a write here returns the error to report.
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, name, &mut script);
    out.write_all(&script)?;
    Ok(Outcome::Ok)
}
