//! Loader throughput (rows/s), the growth calculation and whole commands, on generated data.
//! `cargo bench --bench load`; compare runs with `-- --save-baseline NAME` / `--baseline NAME`.

use std::fmt::Write as _;
use std::path::Path;

use coverage::analysis::{growth, Filter, Index};
use coverage::load::{load_strict, DataSource, ReadOptions};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// `branches` branches in 11 regions, `years` years of monthly rows: 8 rows per branch and month.
fn write_data(dir: &Path, branches: usize, years: i32) -> u64 {
    let mut offices = String::from("code,name,level,parent\nnational,National,national,\n");
    for r in 1..=11 {
        writeln!(offices, "r{r:02},Region {r:02},region,national").unwrap();
    }
    for b in 1..=branches {
        writeln!(
            offices,
            "b{b:05},Branch {b:05},branch,r{:02}",
            (b - 1) % 11 + 1
        )
        .unwrap();
    }
    let mut p = String::from("office,period,segment,measure,value,source\n");
    let mut rows = 0;
    for y in 2010..2010 + years {
        for m in 1..=12 {
            for b in 1..=branches {
                for (s, seg) in ["pu", "bpu", "jakon", "pmi"].iter().enumerate() {
                    let active = 10_000 + b * 7 + s * 1_000 + ((y - 2010) * 12 + m) as usize * 13;
                    let new = m as usize * (b + s);
                    writeln!(p, "b{b:05},{y}-{m:02},{seg},active,{active},synthetic").unwrap();
                    writeln!(p, "b{b:05},{y}-{m:02},{seg},new,{new},synthetic").unwrap();
                    rows += 2;
                }
            }
        }
    }
    std::fs::write(dir.join("offices.csv"), offices).unwrap();
    std::fs::write(dir.join("participants.csv"), p).unwrap();
    rows
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    // 110 branches x 5 years x 12 months x 8 = 52,800 rows (2 MB).
    let rows = write_data(dir.path(), 110, 5);
    let src = DataSource::Dir(dir.path().to_path_buf());
    let opts = ReadOptions::default();

    let mut g = c.benchmark_group("load");
    g.throughput(Throughput::Elements(rows));
    g.sample_size(20);
    g.bench_function(BenchmarkId::new("participants", rows), |b| {
        b.iter(|| load_strict(&src, opts).unwrap())
    });
    g.finish();

    let ds = load_strict(&src, opts).unwrap();
    let mut g = c.benchmark_group("calc");
    g.throughput(Throughput::Elements(rows));
    g.sample_size(20);
    g.bench_function(BenchmarkId::new("index_and_growth", rows), |b| {
        b.iter(|| {
            let ix = Index::build(&ds);
            growth(&ix, &Filter::default()).len()
        })
    });
    g.finish();
}

/// Whole commands as a user runs them, output thrown away: the loader, the index and the
/// csv writer together.
fn commands(c: &mut Criterion) {
    use clap::Parser;
    let dir = tempfile::tempdir().unwrap();
    let rows = write_data(dir.path(), 110, 5);
    let data = dir.path().to_str().unwrap().to_string();
    let mut g = c.benchmark_group("command");
    g.throughput(Throughput::Elements(rows));
    g.sample_size(20);
    for args in [&["--format", "csv", "growth"][..], &["validate"][..]] {
        let name = args.join(" ");
        g.bench_function(BenchmarkId::new(name, rows), |b| {
            b.iter(|| {
                let argv = ["coverage", "--data", &data]
                    .into_iter()
                    .chain(args.iter().copied());
                let cli = coverage::cli::Cli::parse_from(argv);
                coverage::run(cli, &mut std::io::sink()).unwrap()
            })
        });
    }
    g.finish();
}

criterion_group!(load, benches, commands);
criterion_main!(load);
