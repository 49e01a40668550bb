//! Every command-line definition, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{Level, Program, Segment};
use crate::output::{CsvLocale, Format, Lang};

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

/// The command line as completion scripts and manual pages describe it. `completions` and `man`
/// read no data and draw no table, so the global options for data and tables are left out of
/// their completions and their manual pages (`--output` still applies to them).
pub fn for_docs(mut cmd: clap::Command) -> clap::Command {
    // Global options reach the subcommands when the command is built.
    cmd.build();
    for sub in ["completions", "man"] {
        cmd = cmd.mut_subcommand(sub, |mut c| {
            let globals: Vec<clap::Id> = c
                .get_arguments()
                .filter(|a| a.is_global_set() && a.get_id() != "output")
                .map(|a| a.get_id().clone())
                .collect();
            for id in globals {
                c = c.mut_arg(id, |a| a.hide(true));
            }
            c
        });
    }
    cmd
}

/// Options every command takes; `--help` lists them after the command's own, under their heading.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Read the data set from DIR (each file as .csv, .csv.gz, .xlsx, .xlsm, .xls or .ods), or
    /// from a workbook with a sheet per file, instead of the embedded data set
    #[arg(long, global = true, value_name = "DIR", env = "COVERAGE_DATA")]
    pub data: Option<PathBuf>,

    #[command(flatten)]
    pub files: FileArgs,

    /// Output format (any case); without it, the extension of --output picks it (.csv, .json,
    /// .md, .xlsx), else table
    #[arg(long, short = 'f', global = true, value_enum, ignore_case = true)]
    pub format: Option<Format>,

    /// Draw tables at their full width, every column shown, even when wider than the terminal
    #[arg(long, global = true)]
    pub wide: bool,

    /// Write csv for spreadsheets with these settings: en (`,` and a decimal point, the machine
    /// format) or id (`;` and a decimal comma, for Indonesian Excel and LibreOffice)
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LOCALE",
        default_value_t = CsvLocale::En,
        env = "COVERAGE_CSV_LOCALE",
        ignore_case = true
    )]
    pub csv_locale: CsvLocale,

    /// Language of table and markdown output (csv and json never change); without it,
    /// COVERAGE_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG: `id_ID...` means Indonesian)
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LANG",
        env = "COVERAGE_LANG"
    )]
    pub lang: Option<Lang>,
    /// Field delimiter of the input files: ',', ';', '\t' (or tab), or auto to detect it from
    /// each file's header line (refusing a header that could be read more than one way)
    #[arg(
        long,
        global = true,
        value_name = "CHAR",
        default_value = "auto",
        value_parser = delimiters(),
        hide_possible_values = true
    )]
    pub delimiter: Delimiter,

    /// Read numbers the Indonesian way: 1.027.000, 39,41, Rp342 miliar, 41,46 juta
    #[arg(long, global = true)]
    pub decimal_comma: bool,

    /// Read a large participants file on N threads (default: COVERAGE_THREADS, else the cores
    /// available); the output is the same whatever N
    #[arg(long, global = true, value_name = "N", value_parser = thread_count)]
    pub threads: Option<usize>,

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

/// One file of the data set named on its own, in place of the data set's (`-`: standard input).
#[derive(Debug, Args)]
pub struct FileArgs {
    /// Read offices from FILE (csv, csv.gz or a workbook; - for standard input)
    #[arg(long, global = true, value_name = "FILE")]
    pub offices: Option<PathBuf>,
    /// Read participants from FILE (as --offices)
    #[arg(long, global = true, value_name = "FILE")]
    pub participants: Option<PathBuf>,
    /// Read claims from FILE (as --offices)
    #[arg(long, global = true, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// Read targets from FILE (as --offices)
    #[arg(long, global = true, value_name = "FILE")]
    pub targets: Option<PathBuf>,
    /// Read workforce from FILE (as --offices)
    #[arg(long, global = true, value_name = "FILE")]
    pub workforce: Option<PathBuf>,
    /// Read stated figures from FILE (as --offices)
    #[arg(long, global = true, value_name = "FILE")]
    pub stated: Option<PathBuf>,
}

impl FileArgs {
    /// The files named, by the name of the file of the data set they replace.
    pub fn picks(&self) -> Vec<(&'static str, PathBuf)> {
        [
            ("offices.csv", &self.offices),
            ("participants.csv", &self.participants),
            ("claims.csv", &self.claims),
            ("targets.csv", &self.targets),
            ("workforce.csv", &self.workforce),
            ("stated.csv", &self.stated),
        ]
        .into_iter()
        .filter_map(|(n, p)| Some((n, p.clone()?)))
        .collect()
    }
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
        after_help = "Examples:\n  coverage coverage --branch bali\n  coverage coverage --against labour-force --format json\n  coverage coverage --program jkk\n\nEach program is held against the workforce ILO SDG 1.3.1 uses: JKK, JKM the employed; JHT, JP\nthe labour force; JKP formal workers (only wage earners may join, PP 37/2021)."
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

    /// Recompute every figure the sources state, allowing for rounding; exit 1 when one is
    /// inconsistent
    #[command(after_help = AUDIT_HELP)]
    Audit(AuditArgs),

    /// Offices side by side, best first, by coverage, growth or target achievement
    #[command(after_help = RANK_HELP)]
    Rank(RankArgs),

    /// Hold one office to thresholds (for scripts and CI): exit 1 when one fails
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),

    /// Check the data set and list every problem; exit 1 when there is any
    #[command(
        after_help = "Examples:\n  coverage validate\n  coverage validate --data ./my-office"
    )]
    Validate(ValidateArgs),

    /// Check whether the figures can be trusted: gaps, outliers, stock against flow, rules;
    /// exit 1 when there is a finding
    #[command(after_help = QUALITY_HELP)]
    Quality(QualityArgs),

    /// Draw one office's figures as an SVG chart, sized for a slide
    #[command(
        after_help = "Examples:\n  coverage chart --branch bali --out bali.svg\n  coverage chart --branch denpasar --metric claims --out denpasar-claims.svg\n  coverage chart --branch national --metric coverage > national.svg"
    )]
    Chart(ChartArgs),

    /// Print a shell completion script: bash, zsh, fish or powershell
    #[command(
        after_help = "Examples:\n  coverage completions bash > ~/.local/share/bash-completion/completions/coverage\n  coverage completions zsh > ~/.zfunc/_coverage\n  coverage completions fish > ~/.config/fish/completions/coverage.fish"
    )]
    Completions(CompletionsArgs),

    /// Print the manual page in roff, for `man`
    #[command(
        after_help = "Examples:\n  coverage man > coverage.1 && man ./coverage.1\n  coverage man --dir ~/.local/share/man/man1"
    )]
    Man(ManArgs),
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
    #[arg(long, short = 's', value_name = "SEGMENT", value_parser = segments(), hide_possible_values = true)]
    pub segment: Option<Segment>,
}

fn parse_segment(s: &str) -> Result<Segment, String> {
    s.parse()
}

fn parse_program(s: &str) -> Result<Program, String> {
    s.parse()
}

fn parse_level(s: &str) -> Result<Level, String> {
    s.parse()
}

/// A value parser that parses with `parse` (its messages and leniency unchanged) and tells
/// shell completions the fixed values `codes`.
#[derive(Clone)]
struct Codes<T: Clone> {
    parse: fn(&str) -> Result<T, String>,
    codes: &'static [&'static str],
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Codes<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.codes
                .iter()
                .map(|c| clap::builder::PossibleValue::new(*c)),
        ))
    }
}

fn segments() -> Codes<Segment> {
    Codes {
        parse: parse_segment,
        codes: &["pu", "bpu", "jakon", "pmi", "all"],
    }
}

fn programs() -> Codes<Program> {
    Codes {
        parse: parse_program,
        codes: &["jht", "jkk", "jkm", "jp", "jkp", "all"],
    }
}

fn levels() -> Codes<Level> {
    Codes {
        parse: parse_level,
        codes: &["national", "region", "province", "branch", "district"],
    }
}

/// What `--threads` and `COVERAGE_THREADS` take.
const THREADS_EXPECTED: &str = "a whole number of threads, 1 or more";

fn thread_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(THREADS_EXPECTED.into()),
    }
}

impl Global {
    /// The threads to read with: `--threads`, else `COVERAGE_THREADS`, else the cores
    /// available (one when that cannot be told).
    pub fn threads(&self) -> Result<usize, String> {
        if let Some(n) = self.threads {
            return Ok(n);
        }
        match std::env::var_os("COVERAGE_THREADS") {
            Some(v) => {
                let text = v.to_string_lossy();
                thread_count(&text).map_err(|e| format!("COVERAGE_THREADS={text:?} is not {e}"))
            }
            None => Ok(std::thread::available_parallelism().map_or(1, usize::from)),
        }
    }
}

fn delimiters() -> Codes<Delimiter> {
    Codes {
        parse: parse_delimiter,
        codes: &["auto", ",", ";", "tab"],
    }
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

    /// Coverage of all segments against: employed (default), labour-force or formal; without
    /// it, each program is held against the workforce the ILO holds it against
    #[arg(long, value_enum)]
    pub against: Option<AgainstArg>,

    /// Only this program: jht, jkk, jkm, jp, jkp or all; every program with figures when omitted
    #[arg(long, short = 'p', value_name = "PROGRAM", value_parser = programs(), hide_possible_values = true)]
    pub program: Option<Program>,
}

#[derive(Debug, Args)]
pub struct GrowthArgs {
    #[command(flatten)]
    pub select: Select,

    /// Only offices at this level: national, region, province, branch or district
    #[arg(long, value_name = "LEVEL", value_parser = levels(), hide_possible_values = true)]
    pub level: Option<Level>,

    /// Only this program: jht, jkk, jkm, jp, jkp or all; every program with figures when omitted
    #[arg(long, short = 'p', value_name = "PROGRAM", value_parser = programs(), hide_possible_values = true)]
    pub program: Option<Program>,

    /// Every period, not only each year's latest
    #[arg(long)]
    pub monthly: bool,
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub select: Select,

    /// Hold all segments against: employed (default), labour-force or formal; without it, each
    /// program is held against the workforce the ILO holds it against (JKK, JKM: employed; JHT,
    /// JP: labour force; JKP: formal)
    #[arg(long, value_enum)]
    pub against: Option<AgainstArg>,

    /// Only this program: jht, jkk, jkm, jp, jkp or all; every program with figures when omitted
    #[arg(long, short = 'p', value_name = "PROGRAM", value_parser = programs(), hide_possible_values = true)]
    pub program: Option<Program>,

    /// Every period, not only each year's latest
    #[arg(long)]
    pub monthly: bool,
}

const AUDIT_HELP: &str = "\
Each figure in stated.csv (a growth, a coverage, a difference, a share) is recomputed from the
figures it rests on. Every figure counts as the range its printing allows: \"41,46 juta\" is
41,455,000 to 41,465,000, \"di atas 80 persen\" is 80 or more, \"424.997\" is exact. The stated
figure is then consistent (its rounding range meets the computed range), consistent only if
truncated (only cutting off its digits would give it), inconsistent, or not checkable (with the
reason). A coverage figure that does not say what it is of is tried against every survey.

Examples:
  coverage audit
  coverage audit --branch national --format csv
  coverage audit --strict      # also exit 1 when a figure is only consistent if truncated

Exit codes: 0 nothing inconsistent, 1 a figure is inconsistent, 2 usage or input error.";

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub select: Select,

    /// Also fail (exit 1) on figures that are consistent only if truncated
    #[arg(long)]
    pub strict: bool,
}

const RANK_HELP: &str = "\
Each office's figure rests on its latest period (or the latest within --year), shown beside it:
coverage against the employed (BPS), growth of active participants against the same period a
year earlier, achievement of the year's target (annual plan before roadmap, active participants
before additions). Offices without the figure are listed after the ranked ones, with the reason.
Equal figures share a rank.

Examples:
  coverage rank --by growth --level province
  coverage rank --by coverage --level branch --year 2023
  coverage rank --by achievement --format csv";

#[derive(Debug, Args)]
pub struct RankArgs {
    /// The figure to rank by
    #[arg(long, value_enum)]
    pub by: ByArg,

    /// Offices at this level: national, region, province, branch or district
    #[arg(long, value_name = "LEVEL", value_parser = levels(), hide_possible_values = true, default_value = "branch")]
    pub level: Level,

    /// Only figures of this year (each office's latest within it)
    #[arg(long, short = 'y', value_name = "YEAR")]
    pub year: Option<i32>,

    /// Segment: pu, bpu, jakon, pmi or all (default)
    #[arg(long, short = 's', value_name = "SEGMENT", value_parser = segments(), hide_possible_values = true)]
    pub segment: Option<Segment>,

    /// Program: jht, jkk, jkm, jp, jkp or all (default); coverage holds a program against the
    /// workforce the ILO holds it against
    #[arg(long, short = 'p', value_name = "PROGRAM", value_parser = programs(), hide_possible_values = true)]
    pub program: Option<Program>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// active participants as a share of the employed
    Coverage,
    /// change of active participants against a year earlier
    Growth,
    /// actual as a share of the target
    Achievement,
}

const CHECK_HELP: &str = "\
Prints each threshold with the value held against it and the period it rests on (each figure as
`coverage rank` computes it; percentages compared at full precision).

Examples:
  coverage check --branch bali --min-coverage 35 --min-growth 5
  coverage check --branch national --min-growth 10 --format json

Exit codes: 0 every threshold holds, 1 one fails, 2 a threshold has no figure to be held against
(named on standard error) or a usage or input error.";

#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("thresholds")
        .required(true)
        .multiple(true)
        .args(["min_coverage", "min_growth", "min_achievement"])
))]
pub struct CheckArgs {
    /// An office code or name, matched case-insensitively by word
    #[arg(long, short = 'b', visible_alias = "office", value_name = "NAME")]
    pub branch: String,

    /// Segment: pu, bpu, jakon, pmi or all (default)
    #[arg(long, short = 's', value_name = "SEGMENT", value_parser = segments(), hide_possible_values = true)]
    pub segment: Option<Segment>,

    /// Figures of this year (the latest within it); the latest there is when omitted
    #[arg(long, short = 'y', value_name = "YEAR")]
    pub year: Option<i32>,

    /// Minimum coverage in percent (active participants / employed)
    #[arg(long, value_name = "P", value_parser = parse_percent)]
    pub min_coverage: Option<f64>,

    /// Minimum growth of active participants in percent (may be negative)
    #[arg(long, value_name = "P", value_parser = parse_percent, allow_negative_numbers = true)]
    pub min_growth: Option<f64>,

    /// Minimum achievement of the target in percent
    #[arg(long, value_name = "P", value_parser = parse_percent)]
    pub min_achievement: Option<f64>,
}

/// A percentage as typed: `5`, `39.4`, `39,4` or `5%`.
fn parse_percent(s: &str) -> Result<f64, String> {
    let t = s.trim().trim_end_matches('%').trim().replace(',', ".");
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{s:?} is not a percentage (write it like 5 or 39.4)"))
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Problems to list before summarising the rest
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub max: usize,
}

const QUALITY_HELP: &str = "\
Checks the participant figures as given (parent-versus-children sums are `coverage validate`'s,
counted under the table when there are any):
- missing month: a month without a figure between a series' first and last monthly figure;
- reporting rate: months with any figure / months expected, per office and year, below 100%;
- stops while siblings report, reports while siblings stop (two or more of them);
- outlier: a month-on-month change whose modified z-score 0.6745 (x - median) / MAD
  (Iglewicz and Hoaglin) exceeds --threshold; with a MAD of zero, (x - median) / (1.253314
  mean absolute deviation), as IBM SPSS does. A series with fewer than 6 changes is too short to
  judge, one whose changes are all equal is flat: both are said (importance info);
- rise beyond additions: active participants rising by more than the new participants (year to
  date) between two figures;
- rule broken: a rule of rules.csv in the data folder (name,left,operator,right,importance, e.g.
  `pu-within-all,active.pu,<=,active.all,high`) failing at an office and period.

Examples:
  coverage quality
  coverage quality --data ./my-office --branch denpasar --from 2023 --format csv

Exit codes: 0 no finding, 1 a finding (rows of importance info are not findings), 2 usage or
input error (a malformed rules.csv names its line and column).";

#[derive(Debug, Args)]
pub struct QualityArgs {
    /// Only findings of this office (code or name, matched by word)
    #[arg(long, short = 'b', visible_alias = "office", value_name = "NAME")]
    pub branch: Option<String>,

    /// Only figures from this year on
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,

    /// Only figures up to this year
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,

    /// Modified z-score above which a change is an outlier (3.5, as Iglewicz and Hoaglin
    /// recommend)
    #[arg(long, value_name = "Z", default_value_t = 3.5, value_parser = parse_threshold)]
    pub threshold: f64,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0)
        .ok_or_else(|| format!("{s:?} is not a positive number (write it like 3.5 or 3,5)"))
}

#[derive(Debug, Args)]
pub struct ChartArgs {
    /// An office code or name, matched case-insensitively by word
    #[arg(
        long,
        short = 'b',
        visible_alias = "office",
        value_name = "NAME",
        required = true
    )]
    pub branch: String,

    /// What to draw
    #[arg(long, short = 'm', value_enum, default_value_t = Metric::Participants)]
    pub metric: Metric,

    /// Only this year
    #[arg(long, short = 'y', value_name = "YEAR")]
    pub year: Option<i32>,

    /// Coverage of all segments against: employed (default), labour-force or formal; without
    /// it, each program is held against the workforce the ILO holds it against
    #[arg(long, value_enum)]
    pub against: Option<AgainstArg>,

    /// Where to write the SVG, written whole or not at all; `-` (or leaving it out when the
    /// output is piped or goes to --output) writes it to the output
    #[arg(long, value_name = "FILE.svg")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Metric {
    /// active and new participants by segment over time, targets marked
    Participants,
    /// active participants as a share of the workforce, by segment over time
    Coverage,
    /// claims paid by program: amounts and cases
    Claims,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write coverage.1 and a page per subcommand (coverage-chart.1, ...) into DIR instead
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgainstArg {
    /// the employed (bekerja)
    Employed,
    /// the labour force (angkatan kerja)
    LabourForce,
    /// formal workers (pekerja formal)
    Formal,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn fixed_values_are_offered_to_completions() {
        let cmd = super::Cli::command();
        let values = |sub: &str, arg: &str| -> Vec<String> {
            let c = if sub.is_empty() {
                &cmd
            } else {
                cmd.find_subcommand(sub).unwrap()
            };
            let a = c.get_arguments().find(|a| a.get_id() == arg).unwrap();
            a.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect()
        };
        // The codes as model.rs defines them.
        let segments: Vec<String> = crate::model::Segment::ALL
            .iter()
            .map(|s| s.code().to_string())
            .collect();
        let levels: Vec<String> = crate::model::Level::ALL
            .iter()
            .map(|s| s.code().to_string())
            .collect();
        assert_eq!(values("growth", "segment"), segments);
        assert_eq!(values("rank", "segment"), segments);
        assert_eq!(values("growth", "level"), levels);
        assert_eq!(values("rank", "level"), levels);
        assert_eq!(values("rank", "by"), ["coverage", "growth", "achievement"]);
        let programs: Vec<String> = crate::model::Program::ALL
            .iter()
            .map(|s| s.code().to_string())
            .collect();
        for sub in ["coverage", "growth", "rank", "report"] {
            assert_eq!(values(sub, "program"), programs, "{sub}");
        }
        assert_eq!(values("", "delimiter"), ["auto", ",", ";", "tab"]);
        assert_eq!(
            values("", "format"),
            ["table", "csv", "json", "markdown", "xlsx"]
        );
        assert_eq!(values("", "lang"), ["en", "id"]);
        assert_eq!(values("", "csv_locale"), ["en", "id"]);
    }

    #[test]
    fn definitions_are_consistent() {
        // Catches clashing names and short flags between global and subcommand options.
        super::Cli::command().debug_assert();
    }
}
