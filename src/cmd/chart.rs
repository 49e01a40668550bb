//! `coverage chart`: one office's figures drawn as an SVG for a slide or a report.

use std::io::{IsTerminal, Write};
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
fn check_destination<'a>(out: &'a Path, flag: &str) -> Result<Option<&'a Path>> {
    if out.as_os_str() == "-" {
        return Ok(None);
    }
    let is_svg = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    if !is_svg {
        bail!(
            "{flag} {}: the chart is an SVG, so the file name must end in .svg\n  hint: {flag} chart.svg, or --out - for standard output",
            out.display()
        );
    }
    if out.is_dir() {
        bail!("{flag} {}: is a directory, not a file name", out.display());
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            bail!(
                "{flag} {}: no such directory {}\n  hint: create it first, or write to the current directory",
                out.display(),
                dir.display()
            );
        }
    }
    Ok(Some(out))
}

/// `output`: the file `--output` names, when the output goes there.
pub fn run(
    ctx: &Ctx,
    a: &ChartArgs,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let dest = match (&a.out, output) {
        (Some(path), _) => check_destination(path, "--out")?,
        // Without --out the SVG goes to the output, unless that is a terminal it would flood.
        (None, Some(file)) => {
            check_destination(file, "--output")?;
            None
        }
        (None, None) if !std::io::stdout().is_terminal() => None,
        (None, None) => bail!(
            "chart needs a file to draw into\n  hint: --out chart.svg, or --out - to write the SVG to standard output"
        ),
    };
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
