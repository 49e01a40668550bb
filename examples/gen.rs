//! Writes a synthetic national data set in the tool's own format, for benchmarks.
//!
//! `cargo run --release --example gen -- --rows 10000000 --out target/bench/10m`
//! `cargo run --release --example gen -- --branches 20000 --years 2 --out target/bench/20k`
//!
//! offices.csv: `national`, 11 regions (`r01`..`r11`) and enough branches (`b00001`..) to make
//! `--rows` monthly rows over `--years` years, or `--branches` of them (every month of each,
//! unless `--rows` stops the file sooner); branches are dealt to the regions in turn.
//! participants.csv: one row per branch, month, segment (pu, bpu, jakon, pmi) and measure,
//! in period order as monthly batches are appended. `active` is the stock at the month's end;
//! `new` is year to date through the month (it restarts each January), as the format defines.
//! The file stops after exactly `--rows` rows, so the last month may be incomplete: its
//! region and national roll-ups are then missing, as they would be for a half-filed month.
//! The same arguments always give the same bytes.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const REGIONS: usize = 11;
const SEGMENTS: [&str; 4] = ["pu", "bpu", "jakon", "pmi"];

struct Args {
    rows: u64,
    branches: u64,
    years: u64,
    start: u64,
    seed: u64,
    out: PathBuf,
}

const USAGE: &str = "usage: gen (--rows N | --branches B [--rows N]) --out DIR [--years Y (15)] \
     [--start YEAR (2010)] [--seed S (1)]";

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        rows: 0,
        branches: 0,
        years: 15,
        start: 2010,
        seed: 1,
        out: PathBuf::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let num = |v: String| {
            v.replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{flag}: {v:?} is not a whole number"))
        };
        match flag.as_str() {
            "--rows" => a.rows = num(value()?)?,
            "--branches" => a.branches = num(value()?)?,
            "--years" => a.years = num(value()?)?,
            "--start" => a.start = num(value()?)?,
            "--seed" => a.seed = num(value()?)?,
            "--out" => a.out = PathBuf::from(value()?),
            "-h" | "--help" => return Err(USAGE.into()),
            _ => return Err(format!("unknown argument {flag:?}\n{USAGE}")),
        }
    }
    if (a.rows == 0 && a.branches == 0) || a.out.as_os_str().is_empty() {
        return Err(USAGE.into());
    }
    if a.years == 0 || !(1900..=2900).contains(&a.start) {
        return Err("--years must be 1 or more and --start a year 1900-2900".into());
    }
    Ok(a)
}

/// splitmix64: tiny, fast and the same everywhere, which is all a benchmark needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi` (hi > lo).
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo)
    }
}

fn run(a: &Args) -> std::io::Result<()> {
    let per_month = 8u64; // 4 segments x 2 measures, per branch
    let months = a.years * 12;
    let (branches, rows) = match a.branches {
        0 => (a.rows.div_ceil(months * per_month), a.rows),
        b => {
            let all = b * months * per_month;
            (b, if a.rows == 0 { all } else { a.rows.min(all) })
        }
    };
    let branches = branches.max(REGIONS as u64) as usize;
    fs::create_dir_all(&a.out)?;

    let mut off = BufWriter::new(File::create(a.out.join("offices.csv"))?);
    writeln!(off, "code,name,level,parent,partial,note")?;
    writeln!(off, "national,National,national,,,synthetic")?;
    for r in 1..=REGIONS {
        writeln!(off, "r{r:02},Region {r:02},region,national,,synthetic")?;
    }
    for b in 1..=branches {
        let region = (b - 1) % REGIONS + 1;
        writeln!(off, "b{b:05},Branch {b:05},branch,r{region:02},,synthetic")?;
    }
    off.flush()?;

    let mut rng = Rng(a.seed);
    // Per branch and segment: the active stock and this year's new participants so far.
    let mut stock: Vec<u64> = (0..branches * 4).map(|_| rng.range(500, 60_000)).collect();
    let mut ytd: Vec<u64> = vec![0; branches * 4];
    let mut w = BufWriter::with_capacity(1 << 20, File::create(a.out.join("participants.csv"))?);
    writeln!(w, "office,period,segment,measure,value,source")?;
    let mut left = rows;
    let mut line = String::with_capacity(64);
    'months: for m in 0..months {
        let (year, month) = (a.start + m / 12, m % 12 + 1);
        if month == 1 {
            ytd.iter_mut().for_each(|v| *v = 0);
        }
        for b in 0..branches {
            for (s, seg) in SEGMENTS.iter().enumerate() {
                let i = b * 4 + s;
                // Joiners 0-4% of the stock, leavers 0-3%: stocks drift up, as they have.
                let joined = stock[i] * rng.range(0, 400) / 10_000;
                let left_ = stock[i] * rng.range(0, 300) / 10_000;
                stock[i] = (stock[i] + joined).saturating_sub(left_);
                ytd[i] += joined;
                for (measure, value) in [("active", stock[i]), ("new", ytd[i])] {
                    if left == 0 {
                        break 'months;
                    }
                    line.clear();
                    use std::fmt::Write as _;
                    let _ = writeln!(
                        line,
                        "b{:05},{year}-{month:02},{seg},{measure},{value},synthetic",
                        b + 1
                    );
                    w.write_all(line.as_bytes())?;
                    left -= 1;
                }
            }
        }
    }
    w.flush()?;
    eprintln!(
        "{}: {} rows, {} branches in {REGIONS} regions, {}-{}",
        a.out.display(),
        rows - left,
        branches,
        a.start,
        a.start + a.years - 1
    );
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
