//! `coverage man`: the manual page, generated from the clap definitions so it cannot drift.

use std::io::Write;

use anyhow::{bail, Context, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::Outcome;

pub fn run(a: &ManArgs, out: &mut dyn Write) -> Result<Outcome> {
    match &a.dir {
        None => clap_mangen::Man::new(Cli::command()).render(out)?,
        Some(dir) => {
            if !dir.is_dir() {
                bail!(
                    "--dir {}: no such directory\n  hint: create it first (mkdir -p {})",
                    dir.display(),
                    dir.display()
                );
            }
            clap_mangen::generate_to(Cli::command(), dir)
                .with_context(|| format!("cannot write the manual pages into {}", dir.display()))?;
        }
    }
    Ok(Outcome::Ok)
}
