//! One module per subcommand. Each wires loader, analysis and renderer together; none does
//! arithmetic or formatting of its own.

use std::io::Write;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::load::{self, ReadOptions};
use crate::output::{self, Lang, RenderOptions};
use crate::Outcome;

pub mod audit;
pub mod chart;
pub mod check;
pub mod claims;
pub mod common;
pub mod completions;
pub mod coverage;
pub mod growth;
pub mod man;
pub mod offices;
pub mod quality;
pub mod rank;
pub mod report;
pub mod targets;
pub mod validate;

// Kept at the old path for the commands that read it from here.
pub use common::{against, filter, Ctx};

pub fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<Outcome> {
    // These read no data, so a bad --data or COVERAGE_DATA must not stop them.
    match &cli.command {
        Command::Completions(a) => return completions::run(a, out),
        Command::Man(a) => return man::run(a, out),
        _ => {}
    }
    let g = &cli.global;
    let format = g.format.unwrap_or_default();
    if g.bom && format != output::Format::Csv {
        anyhow::bail!("--bom applies to --format csv only");
    }
    let read = ReadOptions {
        delimiter: g.delimiter.0,
        decimal_comma: g.decimal_comma,
        threads: g.threads().map_err(anyhow::Error::msg)?,
    };
    let ctx = Ctx {
        source: load::data_source(g.data.as_deref(), &g.files.picks(), read)?,
        read,
        render: RenderOptions {
            format,
            lang: g.lang.unwrap_or_else(Lang::from_env),
            sanitize: !g.no_sanitize,
            bom: g.bom,
            color: output::color_wanted(),
            csv_locale: g.csv_locale,
            // Only a table drawn on the terminal is fitted to it.
            width: (format == output::Format::Table && g.output.is_none() && !g.wide)
                .then(output::terminal_width)
                .flatten(),
        },
    };
    let to_file = cli.global.output.clone();
    match cli.command {
        Command::Offices => offices::run(&ctx, out),
        Command::Report(a) => report::run(&ctx, &a, out),
        Command::Growth(a) => growth::run(&ctx, &a, out),
        Command::Coverage(a) => coverage::run(&ctx, &a, out),
        Command::Targets(a) => targets::run(&ctx, &a, out),
        Command::Claims(a) => claims::run(&ctx, &a, out),
        Command::Audit(a) => audit::run(&ctx, &a, out),
        Command::Rank(a) => rank::run(&ctx, &a, out),
        Command::Check(a) => check::run(&ctx, &a, out),
        Command::Validate(a) => validate::run(&ctx, &a, out),
        Command::Quality(a) => quality::run(&ctx, &a, out),
        Command::Chart(a) => chart::run(&ctx, &a, to_file.as_deref(), out),
        Command::Completions(_) | Command::Man(_) => unreachable!("handled above"),
    }
}
