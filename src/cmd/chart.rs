//! `coverage chart`: one office's figures drawn as an SVG for a slide or a report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::{against, Ctx};
use crate::analysis::Index;
use crate::chart;
use crate::cli::{ChartArgs, Metric};
use crate::output::svg;
use crate::resolve::resolve;
use crate::said::{Said, Told};
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
        return Err(Told::new(Said::new(
            "{} {}: the chart is an SVG, so the file name must end in .svg",
            vec![flag.to_string(), out.display().to_string()],
        ))
        .hint(Said::new(
            "{} chart.svg, or --out - for standard output",
            vec![flag.to_string()],
        ))
        .into());
    }
    if out.is_dir() {
        return Err(Said::new(
            "{} {}: is a directory, not a file name",
            vec![flag.to_string(), out.display().to_string()],
        )
        .into());
    }
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            return Err(Told::new(Said::new(
                "{} {}: no such directory {}",
                vec![
                    flag.to_string(),
                    out.display().to_string(),
                    dir.display().to_string(),
                ],
            ))
            .hint(Said::new(
                "create it first, or write to the current directory",
                vec![],
            ))
            .into());
        }
    }
    Ok(Some(out))
}

/// The file the chart goes to: `--out FILE`, or `--output FILE` (`-` is standard output).
/// Both naming a file is refused: one command writes one destination.
pub fn destination(a: &ChartArgs, output: Option<&Path>) -> Result<Option<PathBuf>> {
    let out = a.out.as_deref().filter(|p| p.as_os_str() != "-");
    match (out, output) {
        (Some(out), Some(file)) => Err(Told::new(Said::new(
            "chart --out {} and --output {}: two destinations for one chart",
            vec![out.display().to_string(), file.display().to_string()],
        ))
        .hint(Said::new(
            "give one of them, e.g. --out {}",
            vec![out.display().to_string()],
        ))
        .into()),
        (Some(out), None) => Ok(check_destination(out, "--out")?.map(Path::to_path_buf)),
        // `--out -` sends the SVG to the output, whatever its name.
        (None, Some(file)) if a.out.is_some() => Ok(Some(file.to_path_buf())),
        (None, Some(file)) => Ok(check_destination(file, "--output")?.map(Path::to_path_buf)),
        (None, None) => Ok(None),
    }
}

/// `output`: the file `--output` names, when the output goes there. `out` is the one
/// destination ([`destination`] chose it), so the SVG is written there and nowhere else.
pub fn run(
    ctx: &Ctx,
    a: &ChartArgs,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    // Without --out the SVG goes to the output, unless that is a terminal it would flood.
    if a.out.is_none() && output.is_none() && std::io::stdout().is_terminal() {
        return Err(
            Told::new(Said::new("chart needs a file to draw into", vec![]))
                .hint(Said::new(
                    "--out chart.svg, or --out - to write the SVG to standard output",
                    vec![],
                ))
                .into(),
        );
    }
    let ds = ctx.load()?;
    let office = resolve(&ds, &a.branch)?;
    let ix = Index::build(&ds);
    let lang = ctx.render.lang;
    let c = match a.metric {
        Metric::Participants => chart::participants(&ix, office, a.year, lang),
        Metric::Coverage => chart::coverage(&ix, office, a.year, against(a.against), lang),
        Metric::Claims => chart::claims(&ix, office, a.year, lang),
    }?;
    out.write_all(svg::render(&c)?.as_bytes())?;
    Ok(Outcome::Ok)
}
