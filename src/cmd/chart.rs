//! `coverage chart`: one office's figures drawn as an SVG for a slide or a report.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};

use super::{against, Ctx};
use crate::analysis::Index;
use crate::chart;
use crate::cli::{ChartArgs, Metric};
use crate::load::DataSource;
use crate::output::svg;
use crate::resolve::resolve;
use crate::sink;
use crate::Outcome;

/// `-` is standard output; anything else must be an `.svg` file in an existing directory.
/// The inputs are `.csv` files, so an `.svg` destination can never be one of them.
fn check_destination(out: &Path) -> Result<Option<&Path>> {
    if out.as_os_str() == "-" {
        return Ok(None);
    }
    let is_svg = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if !is_svg {
        bail!(
            "--out {}: the chart is an SVG, so the file name must end in .svg\n  hint: --out chart.svg, or --out - for standard output",
            out.display()
        );
    }
    if out.is_dir() {
        bail!("--out {}: is a directory, not a file name", out.display());
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            bail!(
                "--out {}: no such directory {}\n  hint: create it first, or write to the current directory",
                out.display(),
                dir.display()
            );
        }
    }
    Ok(Some(out))
}

pub fn run(ctx: &Ctx, a: &ChartArgs, out: &mut dyn Write) -> Result<Outcome> {
    let dest = check_destination(&a.out)?;
    let ds = ctx.load()?;
    let office = resolve(&ds, &a.branch)?;
    let ix = Index::build(&ds);
    let lang = ctx.render.lang;
    let c = match a.metric {
        Metric::Participants => chart::participants(&ix, office, a.year, lang),
        Metric::Coverage => chart::coverage(&ix, office, a.year, against(a.against), lang),
        Metric::Claims => chart::claims(&ix, office, a.year, lang),
    }?;
    let doc = svg::render(&c)?;
    match dest {
        None => out.write_all(doc.as_bytes())?,
        Some(path) => {
            let data = match &ctx.source {
                DataSource::Dir(d) => Some(d.as_path()),
                DataSource::Embedded | DataSource::Memory(_) => None,
            };
            sink::refuse_input(path, data)?;
            let mut file = sink::AtomicFile::create(path)?;
            file.write_all(doc.as_bytes())?;
            file.commit()?;
        }
    }
    Ok(Outcome::Ok)
}
