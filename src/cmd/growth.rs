//! `coverage growth`: each figure against the same period a year earlier.

use std::io::Write;

use anyhow::Result;

use super::common::{filter, programs, Ctx};
use crate::analysis::{growth_each, GrowthRow, Index, Programs};
use crate::cli::GrowthArgs;
use crate::model::{DataSet, Program};
use crate::output::{self, col, Cell, Table};
use crate::Outcome;

/// The head of the table; a program column only for a data set with programs, so one
/// without prints what it always has.
fn head(programs: bool) -> Table {
    let mut columns = vec![
        col("office", "Office"),
        col("office_name", "Name"),
        col("segment", "Segment"),
        col("measure", "Measure"),
        col("period", "Period"),
        col("value", "Value"),
        col("base_period", "Base period"),
        col("base_value", "Base value"),
        col("change", "Change"),
        col("change_pct", "Change %"),
        col("cagr_since", "CAGR since"),
        col("cagr_pct", "CAGR %/yr"),
        col("source", "Source"),
    ];
    if programs {
        columns.insert(2, col("program", "Program"));
    }
    let mut t = Table::new(columns);
    t.hide("office");
    t
}

fn cells(ds: &DataSet, r: &GrowthRow, programs: bool) -> Vec<Cell> {
    let mut cells = vec![
        Cell::text(&ds.offices[r.office].code),
        Cell::text(&ds.offices[r.office].name),
        Cell::segment(r.segment),
        Cell::Term(r.measure.code()),
        Cell::Period(r.period),
        Cell::Int(r.value.value),
        Cell::opt(r.base.as_ref(), |(p, _)| Cell::text(p.to_string())),
        Cell::opt(r.base.as_ref(), |(_, f)| Cell::Int(f.value)),
        Cell::opt(r.change, |c| Cell::Delta(c.abs)),
        Cell::opt(r.change.and_then(|c| c.pct), Cell::PctDelta),
        Cell::opt(r.cagr, |(p, _)| Cell::text(p.to_string())),
        Cell::opt(r.cagr, |(_, g)| Cell::PctDelta(g)),
        Cell::source(&r.value.source),
    ];
    if programs {
        cells.insert(2, Cell::Term(r.program.code()));
    }
    cells
}

pub fn run(ctx: &Ctx, a: &GrowthArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let mut f = filter(&ds, &a.select)?;
    f.level = a.level;
    f.monthly = a.monthly;
    f.programs = programs(a.program, Programs::Each);
    let ix = Index::build(&ds);
    let shown = ix.programs.any() || a.program.is_some_and(|p| p != Program::All);
    // Rows go out as they are computed: a national monthly history has a million of them.
    output::render_rows(ctx.render, head(shown), out, |sink| {
        growth_each(&ix, &f, |r| sink.row(cells(&ds, &r, shown)))
    })?;
    Ok(Outcome::Ok)
}
