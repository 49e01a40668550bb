//! `coverage targets`: each target, the distance to it and the pace needed.

use std::io::Write;

use anyhow::Result;

use super::common::{filter, Amount, Ctx};
use crate::analysis::{targets, Index, TargetRow};
use crate::cli::Select;
use crate::model::DataSet;
use crate::output::{col, Cell, Table};
use crate::Outcome;

pub fn table(ds: &DataSet, rows: &[TargetRow]) -> Table {
    let mut t = Table::new(vec![
        col("office", "Office"),
        col("office_name", "Name"),
        col("year", "Year"),
        col("plan", "Plan"),
        col("measure", "Measure"),
        col("segment", "Segment"),
        col("target", "Target"),
        col("actual_period", "Actual at"),
        col("actual", "Actual"),
        col("gap", "Gap"),
        col("achieved_pct", "Achieved"),
        col("status", "Status"),
        col("base_period", "Base"),
        col("base_value", "Base value"),
        col("required_change", "Needed"),
        col("required_pct", "Needed %"),
        col("pace_per_month", "Pace/month"),
        col("needed_per_month", "Needed/month"),
        col("projected", "Projected"),
        col("on_track", "On track"),
        col("reach_month", "Reached in month"),
        col("reached_in", "Reached in"),
        col("note", "Note"),
        col("source", "Source"),
    ]);
    for r in rows {
        let tg = r.target;
        let amount = Amount::of(tg.measure);
        let num = |v| amount.num(v);
        let delta = |v| amount.delta(v);
        t.push(vec![
            Cell::text(&ds.offices[tg.office].code),
            Cell::text(&ds.offices[tg.office].name),
            Cell::Plain(i64::from(tg.year)),
            Cell::Term(tg.plan.code()),
            Cell::Term(tg.measure.code()),
            Cell::segment(tg.segment),
            Cell::opt(tg.value, num),
            Cell::opt(r.actual.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.actual.as_ref(), |(_, f)| num(f.value)),
            Cell::opt(r.gap, |g| delta(g.gap)),
            Cell::opt(r.gap.and_then(|g| g.achieved_pct), Cell::Pct),
            Cell::Term(r.status.term()),
            Cell::opt(r.base.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.base.as_ref(), |(_, f)| num(f.value)),
            Cell::opt(r.required, |c| delta(c.abs)),
            Cell::opt(r.required.and_then(|c| c.pct), Cell::PctDelta),
            Cell::opt(r.pace, |p| Cell::Float(p.so_far)),
            Cell::opt(r.pace.and_then(|p| p.needed), Cell::Float),
            Cell::opt(r.pace, |p| Cell::Float(p.projected)),
            Cell::opt(r.pace, |p| Cell::Bool(p.on_track)),
            Cell::opt(r.reach_month, |m| Cell::Int(i64::from(m))),
            Cell::opt(r.reach_month, |m| Cell::Month(tg.year, m)),
            Cell::note(r.note_parts.as_ref()),
            Cell::source(&tg.prov.source),
        ]);
    }
    t.hide("office");
    t.hide("reach_month");
    t.human("reached_in");
    t.bar("achieved_pct");
    t
}

pub fn run(ctx: &Ctx, a: &Select, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let f = filter(&ds, a)?;
    let ix = Index::build(&ds);
    let rows = targets(&ix, &f);
    ctx.emit(&table(&ds, &rows), out)?;
    Ok(Outcome::Ok)
}
