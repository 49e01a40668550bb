//! `coverage targets`: each target, the distance to it and the pace needed.

use std::io::Write;

use anyhow::Result;

use super::common::{
    filter, path_cells, reading_code, status_cell, target_note, vs_roadmap_cell, Amount, Ctx,
};
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
        col("vs_roadmap", "vs roadmap"),
        col("vs_roadmap_words", "vs roadmap"),
        col("vs_roadmap_reading", "Reading"),
        col("actual_period", "Actual at"),
        col("actual", "Actual"),
        col("gap", "Gap"),
        col("achieved_pct", "Achieved"),
        col("status", "Status"),
        col("status_words", "Status"),
        col("reading", "Reading"),
        col("base_period", "Base"),
        col("base_value", "Base value"),
        col("base_at_least", "Base at least"),
        col("required_change", "Needed"),
        col("required_pct", "Needed %"),
        col("pace_per_month", "Pace/month"),
        col("needed_per_month", "Needed/month"),
        col("avg_needed_per_month", "Needed/month on average"),
        col("plan_before_year", "Previous plan"),
        col("plan_before", "Previous plan figure"),
        col("plan_change", "Plan change"),
        col("plan_change_words", "Plan change"),
        col("plan_change_pct", "Plan change %"),
        col("plan_change_pct_words", "Plan change %"),
        col("plan_change_reading", "Reading"),
        col("projected", "Projected"),
        col("on_track", "On track"),
        col("reach_month", "Reached in month"),
        col("reached_in", "Reached in"),
        col("note", "Note"),
        col("source", "Source"),
    ]);
    for r in rows {
        let tg = r.target;
        let (status, uncertain) = status_cell(r);
        let amount = Amount::of(tg.measure);
        let num = |v| amount.num(v);
        let delta = |v| amount.delta(v);
        let (vs_road, vs_road_uncertain) = vs_roadmap_cell(r);
        let (path_abs, path_pct, path_uncertain) = path_cells(r);
        let step = r.path.as_ref();
        t.push(vec![
            Cell::text(&ds.offices[tg.office].code),
            Cell::text(&ds.offices[tg.office].name),
            Cell::Plain(i64::from(tg.year)),
            Cell::Term(tg.plan.code()),
            Cell::Term(tg.measure.code()),
            Cell::segment(tg.segment),
            Cell::opt(tg.value, num),
            Cell::opt(r.vs_roadmap, delta),
            vs_road,
            Cell::opt(r.vs_roadmap, |_| reading_code(vs_road_uncertain)),
            Cell::opt(r.actual.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.actual.as_ref(), |(_, f)| num(f.value)),
            Cell::opt(r.gap, |g| delta(g.gap)),
            Cell::opt(r.gap.and_then(|g| g.achieved_pct), Cell::Pct),
            Cell::Term(r.status.term()),
            status,
            reading_code(uncertain || r.partial_base.as_ref().is_some_and(|p| p.uncertain)),
            Cell::opt(r.base.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.base.as_ref(), |(_, f)| num(f.value)),
            Cell::opt(r.partial_base.as_ref(), |pb| num(pb.sum)),
            Cell::opt(r.required, |c| delta(c.abs)),
            Cell::opt(r.required.and_then(|c| c.pct), Cell::PctDelta),
            Cell::opt(r.pace, |p| Cell::Float(p.so_far)),
            Cell::opt(r.pace.and_then(|p| p.needed), Cell::Float),
            Cell::opt(r.avg_needed_per_month, Cell::Float),
            Cell::opt(step, |s| Cell::Plain(i64::from(s.before.year))),
            Cell::opt(step.and_then(|s| s.before.value), num),
            Cell::opt(step, |s| delta(s.change.abs)),
            path_abs,
            Cell::opt(step.and_then(|s| s.change.pct), Cell::PctDelta),
            path_pct,
            Cell::opt(step, |_| reading_code(path_uncertain)),
            Cell::opt(r.pace, |p| Cell::Float(p.projected)),
            Cell::opt(r.pace, |p| Cell::Bool(p.on_track)),
            Cell::opt(r.reach_month, |m| Cell::Int(i64::from(m))),
            Cell::opt(r.reach_month, |m| Cell::Month(tg.year, m)),
            target_note(r),
            Cell::source(&tg.prov.source),
        ]);
    }
    t.hide("office");
    t.hide("status");
    t.hide("base_at_least");
    t.hide("reading");
    for c in ["vs_roadmap", "plan_change", "plan_change_pct"] {
        t.hide(c);
        t.human(&format!("{c}_words"));
    }
    t.hide("vs_roadmap_reading");
    t.hide("plan_change_reading");
    t.human("status_words");
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
