//! `coverage quality`: whether the figures themselves can be trusted, one finding per row.

use std::io::Write;

use anyhow::Result;

use super::{filter, Ctx};
use crate::analysis::{findings, Index};
use crate::cli::{QualityArgs, Select};
use crate::model::{DataSet, Period, Program};
use crate::output::{col, Cell, Table};
use crate::quality::{self, rules, Finding, Options};
use crate::Outcome;

/// The table's head; a program column only for a data set with programs, so one without prints
/// what it always has.
fn head(programs: bool) -> Table {
    let mut columns = vec![
        col("office", "Office"),
        col("period", "Period"),
        col("since", "Since"),
        col("segment", "Segment"),
        col("measure", "Measure"),
        col("kind", "Kind"),
        col("figure", "number\u{4}Figure"),
        col("against", "Against"),
        col("score", "Score"),
        col("rate_pct", "Reporting rate"),
        col("importance", "Importance"),
        col("rule", "Rule"),
    ];
    if programs {
        columns.insert(5, col("program", "Program"));
    }
    let mut t = Table::new(columns);
    t.title = Some("Data quality".into());
    t
}

/// A period as every table writes one (`Agustus 2023` for people reading Indonesian).
fn period(p: Option<Period>) -> Cell {
    Cell::opt(p, Cell::Period)
}

fn cells(ds: &DataSet, f: &Finding, programs: bool) -> Vec<Cell> {
    let mut cells = vec![
        Cell::opt(f.office, |o| Cell::text(&ds.offices[o].code)),
        period(f.period),
        period(f.since),
        Cell::opt(f.segment, Cell::segment),
        Cell::opt(f.measure, |m| Cell::Term(m.code())),
        Cell::Term(f.kind.term()),
        Cell::opt(f.figure, Cell::Int),
        // A median may fall between two whole changes.
        Cell::opt(f.against, |v| {
            if v.fract() == 0.0 && v.abs() < 9e15 {
                Cell::Int(v as i64)
            } else {
                Cell::Dec(v, 1)
            }
        }),
        Cell::opt(f.score, |z| Cell::Dec(z, 2)),
        Cell::opt(f.rate, Cell::Pct),
        Cell::Term(f.importance.term()),
        Cell::opt(f.rule.as_ref(), Cell::text),
    ];
    if programs {
        // Only a finding on one series has a program; `all` where it is that of every program.
        let program = f.segment.map(|_| f.program.unwrap_or(Program::All).code());
        cells.insert(5, Cell::opt(program, Cell::Term));
    }
    cells
}

pub fn run(ctx: &Ctx, a: &QualityArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let rules = rules::read(&ctx.source, ctx.read.delimiter)?;
    let select = Select {
        branch: a.branch.clone(),
        from: a.from,
        to: a.to,
        ..Select::default()
    };
    let f = filter(&ds, &select)?;
    let ix = Index::build(&ds);
    let opts = Options {
        threshold: a.threshold,
        from: f.from,
        to: f.to,
    };
    let found: Vec<Finding> = quality::check(&ix, &rules, &opts)
        .into_iter()
        .filter(|q| f.office.is_none() || q.office.is_none() || q.office == f.office)
        .collect();
    let programs = ix.programs.any();
    let mut t = head(programs);
    for q in &found {
        t.push(cells(&ds, q, programs));
    }
    if !found.iter().any(Finding::is_finding) {
        t.remarks.push(Cell::Term("No findings."));
    }
    // Sums that disagree with their parts are validate's to list; people are told to look.
    let sums = findings(&ix).len();
    if sums > 0 {
        t.remarks.push(Cell::Template(
            "Sums that disagree with their parts: {} (run coverage validate)",
            vec![Cell::Int(sums as i64)],
        ));
    }
    ctx.emit(&t, out)?;
    Ok(if found.iter().any(Finding::is_finding) {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
