//! `coverage man`: the manual page, generated from the clap definitions so it cannot drift, with
//! the ENVIRONMENT, EXIT STATUS and FILES sections a reader looks for.

use std::io::Write;

use anyhow::Result;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;

use clap::CommandFactory;

use crate::cli::{Cli, ManArgs};
use crate::said::{Because, Said, Told};
use crate::Outcome;

/// (name, what it does), in the order a reader looks them up.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("COVERAGE_DATA", "The data directory, as --data gives it; --data overrides it."),
    (
        "COVERAGE_LANG",
        "The language of table and markdown output: en or id; --lang overrides it.",
    ),
    (
        "COVERAGE_CSV_LOCALE",
        "The spreadsheet settings csv output is written for: en or id; --csv-locale overrides it.",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "Without --lang or COVERAGE_LANG, the first of these that is set picks the language: a value beginning id_ID (or id) means Indonesian, any other English.",
    ),
    (
        "NO_COLOR",
        "Set to any non-empty value, no colour is used, even on a terminal.",
    ),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "A check found problems: audit found an inconsistent figure, check a threshold that fails, validate a problem in the data.",
    ),
    (
        "2",
        "A usage or input error, named on standard error with the file, line and column.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "DIR/offices.csv",
        "code,name,level,parent[,partial,note]: the offices and areas; level is national, region, province, branch or district.",
    ),
    (
        "DIR/participants.csv",
        "office,period,segment,measure,value,source[,published,note]: participant counts; period is YYYY or YYYY-MM.",
    ),
    (
        "DIR/claims.csv",
        "office,period,segment,program,cases,amount_idr,source[,published,note]: claims paid per program.",
    ),
    (
        "DIR/targets.csv",
        "office,year,measure,segment,value,source[,plan,published,note]: targets of a year.",
    ),
    (
        "DIR/workforce.csv",
        "office,period,measure,value,source[,published,note]: BPS Sakernas workforce figures.",
    ),
    (
        "DIR/stated.csv",
        "office,period,segment,metric,value,source[,published,note]: figures the sources state, checked by audit.",
    ),
];

/// A section of `.TP` entries: a bold tag, then its text.
fn section(roff: &mut Roff, title: &str, entries: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (tag, text) in entries {
        roff.control("TP", []);
        roff.text([bold(*tag)]);
        roff.text([roman(*text)]);
    }
}

/// The commands of a single page, named without a page reference: their own pages exist only
/// once `--dir` writes them.
fn commands(roff: &mut Roff, cmd: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        roff.control("TP", []);
        roff.text([bold(format!("{} {}", cmd.get_name(), sub.get_name()))]);
        if let Some(about) = sub.get_about() {
            roff.text([roman(about.to_string())]);
        }
    }
    roff.control("PP", []);
    roff.text([roman(
        "coverage COMMAND --help shows a command's options; coverage man --dir DIR writes a page per command.",
    )]);
}

/// The main page: clap's sections, the commands (as page references when `pages` are written
/// beside it), then ENVIRONMENT, EXIT STATUS and FILES.
fn page(cmd: clap::Command, pages: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let man = Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    if pages {
        man.render_subcommands_section(out)?;
    } else {
        let mut roff = Roff::new();
        commands(&mut roff, &cmd);
        roff.to_writer(out)?;
    }
    man.render_extra_section(out)?;
    let mut roff = Roff::new();
    section(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    section(&mut roff, "EXIT STATUS", EXIT_STATUS);
    section(&mut roff, "FILES", FILES);
    roff.control("PP", []);
    roff.text([roman(
        "Fields are separated by , ; or a tab (detected from the header line, or --delimiter); numbers are written plainly (1027000, 39.41), or the Indonesian way with --decimal-comma.",
    )]);
    roff.to_writer(out)?;
    man.render_version_section(out)
}

pub fn run(a: &ManArgs, out: &mut dyn Write) -> Result<Outcome> {
    // `help` is not a page of its own.
    let mut cmd = crate::cli::for_docs(Cli::command().disable_help_subcommand(true));
    cmd.build();
    match &a.dir {
        None => page(cmd, false, out)?,
        Some(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Told::new(Said::new(
                    "--dir {}: not a directory",
                    vec![dir.display().to_string()],
                ))
                .hint(Said::new(
                    "name a directory for the pages, not a file",
                    vec![],
                ))
                .into());
            }
            if !dir.is_dir() {
                return Err(Told::new(Said::new(
                    "--dir {}: no such directory",
                    vec![dir.display().to_string()],
                ))
                .hint(Said::new(
                    "create it first (mkdir -p {})",
                    vec![dir.display().to_string()],
                ))
                .into());
            }
            let ctx = |e: std::io::Error| {
                let said = Said::new(
                    "cannot write the manual pages into {}",
                    vec![dir.display().to_string()],
                );
                anyhow::Error::from(Because::new(said, e))
            };
            clap_mangen::generate_to(cmd.clone(), dir).map_err(ctx)?;
            let main = dir.join(Man::new(cmd.clone()).get_filename());
            let mut file = std::fs::File::create(&main).map_err(ctx)?;
            page(cmd, true, &mut file).map_err(ctx)?;
            file.flush().map_err(ctx)?;
        }
    }
    Ok(Outcome::Ok)
}
