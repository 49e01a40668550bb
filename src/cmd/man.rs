//! `coverage man`: the manual page, generated from the clap definitions so it cannot drift.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::Outcome;

pub fn run(out: &mut dyn Write) -> Result<Outcome> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Outcome::Ok)
}
