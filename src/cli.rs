//! Every command-line definition, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{Level, Segment};
use crate::output::Format;

const AFTER_HELP: &str = "\
Examples:
  coverage report --branch denpasar
  coverage growth --format csv > growth.csv
  coverage --data ./my-office coverage --year 2023
  coverage validate --data ./my-office
  coverage --data ./export --decimal-comma growth --format csv --bom -o growth.csv

Exit codes: 0 ok, 1 a check found problems, 2 usage or input error.";

/// Social-security coverage statistics for BPJS Ketenagakerjaan offices: growth, coverage
/// ratios against the workforce, gaps to targets and claims, from CSV records.
#[derive(Debug, Parser)]
#[command(name = "coverage", version, about, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Read the CSV files from DIR instead of the embedded data set
    #[arg(long, global = true, value_name = "DIR", env = "COVERAGE_DATA")]
    pub data: Option<PathBuf>,

    /// Output format
    #[arg(long, short = 'f', global = true, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Field delimiter of the input files: ',', ';', '\t' (or tab), or auto to detect it from
    /// each file's header line (refusing a header that could be read more than one way)
    #[arg(
        long,
        global = true,
        value_name = "CHAR",
        default_value = "auto",
        value_parser = parse_delimiter
    )]
    pub delimiter: Delimiter,

    /// Read numbers the Indonesian way: 1.027.000, 39,41, Rp342 miliar, 41,46 juta
    #[arg(long, global = true)]
    pub decimal_comma: bool,

    /// Write the output to FILE (replaced whole, only once the output is complete)
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Start csv output with a UTF-8 byte order mark, so Excel reads it as UTF-8
    #[arg(long, global = true)]
    pub bom: bool,

    /// Leave csv text cells beginning with = + - @ tab or CR as they are (by default they get a
    /// leading ' so a spreadsheet does not run them as formulas)
    #[arg(long, global = true)]
    pub no_sanitize: bool,
}

/// `--delimiter`: a byte, or `None` to detect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiter(pub Option<u8>);

fn parse_delimiter(s: &str) -> Result<Delimiter, String> {
    match s {
        "auto" => Ok(Delimiter(None)),
        "," | "comma" => Ok(Delimiter(Some(b','))),
        ";" | "semicolon" => Ok(Delimiter(Some(b';'))),
        "\\t" | "\t" | "tab" => Ok(Delimiter(Some(b'\t'))),
        _ => Err("expected ',', ';', '\\t' (or tab) or auto".into()),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the offices and areas as a hierarchy
    #[command(after_help = "Example:\n  coverage offices\n  coverage offices --format csv")]
    Offices,

    /// One office's whole picture: participants, growth, coverage, targets, claims
    #[command(
        after_help = "Examples:\n  coverage report --branch denpasar\n  coverage report --branch national --year 2023 --format csv"
    )]
    Report(ReportArgs),

    /// Change of each figure against the same period a year earlier
    #[command(
        after_help = "Examples:\n  coverage growth\n  coverage growth --branch national --segment all\n  coverage growth --level region --format csv"
    )]
    Growth(GrowthArgs),

    /// Active participants as a share of the workforce (BPS Sakernas)
    #[command(
        after_help = "Examples:\n  coverage coverage --branch bali\n  coverage coverage --against labour-force --format json"
    )]
    Coverage(CoverageArgs),

    /// Targets, the distance to them and the pace needed
    #[command(
        after_help = "Examples:\n  coverage targets\n  coverage targets --branch denpasar --year 2024"
    )]
    Targets(Select),

    /// Claims paid per program: cases, amounts, shares and average per case
    #[command(
        after_help = "Examples:\n  coverage claims --branch denpasar\n  coverage claims --format csv"
    )]
    Claims(Select),

    /// Check the data set and list every problem; exit 1 when there is any
    #[command(
        after_help = "Examples:\n  coverage validate\n  coverage validate --data ./my-office"
    )]
    Validate(ValidateArgs),
}

/// Which office, years and segment a command covers.
#[derive(Debug, Args, Clone, Default)]
pub struct Select {
    /// An office code or name, matched case-insensitively by word (`denpasar`, `bali-denpasar`);
    /// every office when omitted
    #[arg(long, short = 'b', visible_alias = "office", value_name = "NAME")]
    pub branch: Option<String>,

    /// Only this year (same as --from Y --to Y)
    #[arg(long, short = 'y', value_name = "YEAR", conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,

    /// From this year on
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,

    /// Up to this year
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,

    /// Only this segment: pu, bpu, jakon, pmi or all
    #[arg(long, short = 's', value_name = "SEGMENT", value_parser = parse_segment)]
    pub segment: Option<Segment>,
}

fn parse_segment(s: &str) -> Result<Segment, String> {
    s.parse()
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse()
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// An office code or name, matched case-insensitively by word
    #[arg(
        long,
        short = 'b',
        visible_alias = "office",
        value_name = "NAME",
        required = true
    )]
    pub branch: String,

    /// Only this year
    #[arg(long, short = 'y', value_name = "YEAR")]
    pub year: Option<i32>,

    /// Coverage of all segments against: employed (default) or labour-force
    #[arg(long, value_enum, default_value_t = AgainstArg::Employed)]
    pub against: AgainstArg,
}

#[derive(Debug, Args)]
pub struct GrowthArgs {
    #[command(flatten)]
    pub select: Select,

    /// Only offices at this level: national, region, province, branch or district
    #[arg(long, value_name = "LEVEL", value_parser = parse_level)]
    pub level: Option<Level>,

    /// Every period, not only each year's latest
    #[arg(long)]
    pub monthly: bool,
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub select: Select,

    /// Hold all segments against: employed (default) or labour-force
    #[arg(long, value_enum, default_value_t = AgainstArg::Employed)]
    pub against: AgainstArg,

    /// Every period, not only each year's latest
    #[arg(long)]
    pub monthly: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Problems to list before summarising the rest
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub max: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgainstArg {
    /// the employed (bekerja)
    Employed,
    /// the labour force (angkatan kerja)
    LabourForce,
}
