//! `coverage targets`: each target, the distance to it and the pace needed.

use std::io::Write;

use anyhow::Result;

use super::common::{
    as_published, bound_code, empty_remark, filter, path_cells, reading_code, status_cell,
    target_note, vs_roadmap_cell, with_bound as words, Amount, Ctx, Kind,
};
use crate::analysis::{targets, Index, TargetRow};
use crate::cli::Select;
use crate::model::{Bound, DataSet};
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
        col("target_words", "Target"),
        col("target_bound", "Bound"),
        col("vs_roadmap", "vs roadmap"),
        col("vs_roadmap_words", "vs roadmap"),
        col("vs_roadmap_bound", "Bound"),
        col("vs_roadmap_reading", "Reading"),
        col("actual_period", "Actual at"),
        col("actual", "Actual"),
        col("actual_words", "Actual"),
        col("gap", "Gap"),
        col("gap_words", "Gap"),
        col("gap_bound", "Bound"),
        col("achieved_pct", "Achieved"),
        col("achieved", "Achieved"),
        col("achieved_bound", "Bound"),
        col("status", "Status"),
        col("status_words", "Status"),
        col("reading", "Reading"),
        col("base_period", "Base"),
        col("base_value", "Base value"),
        col("base_words", "Base value"),
        col("base_at_least", "Base at least"),
        col("required_change", "Needed"),
        col("required", "Needed"),
        col("required_pct", "Needed %"),
        col("required_pct_words", "Needed %"),
        col("required_bound", "Bound"),
        col("pace_per_month", "Pace/month"),
        col("needed_per_month", "Needed/month"),
        col("needed", "Needed/month"),
        col("avg_needed_per_month", "Needed/month on average"),
        col("avg_needed", "Needed/month on average"),
        col("plan_before_year", "Previous plan"),
        col("plan_before", "Previous plan figure"),
        col("plan_before_words", "Previous plan figure"),
        col("plan_change", "Plan change"),
        col("plan_change_words", "Plan change"),
        col("plan_change_bound", "Bound"),
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
        let b = &r.bounds;
        let money = amount.unit() == "idr";
        let given = |f: &crate::analysis::Fig| as_published(f.value as f64, &f.prov(), money);
        t.push(vec![
            Cell::text(&ds.offices[tg.office].code),
            Cell::text(&ds.offices[tg.office].name),
            Cell::Plain(i64::from(tg.year)),
            Cell::Term(tg.plan.code()),
            Cell::Term(tg.measure.code()),
            Cell::segment(tg.segment),
            Cell::opt(tg.value, num),
            Cell::opt(tg.value, |v| as_published(v as f64, &tg.prov, money)),
            Cell::text(b.target.code()),
            Cell::opt(r.vs_roadmap, delta),
            vs_road,
            opt_code(r.vs_roadmap.is_some(), b.vs_roadmap),
            Cell::opt(r.vs_roadmap, |_| reading_code(vs_road_uncertain)),
            Cell::opt(r.actual.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.actual.as_ref(), |(_, f)| num(f.value)),
            Cell::opt(r.actual.as_ref(), |(_, f)| given(f)),
            Cell::opt(r.gap, |g| delta(g.gap)),
            Cell::opt(r.gap, |g| words(delta(g.gap), b.gap)),
            opt_code(r.gap.is_some(), b.gap),
            Cell::opt(r.gap.and_then(|g| g.achieved_pct), Cell::Pct),
            Cell::opt(r.gap.and_then(|g| g.achieved_pct), |p| {
                words(Cell::Pct(p), b.achieved)
            }),
            opt_code(r.gap.is_some_and(|g| g.achieved_pct.is_some()), b.achieved),
            Cell::Term(r.status.term()),
            status,
            reading_code(uncertain || r.partial_base.as_ref().is_some_and(|p| p.uncertain)),
            Cell::opt(r.base.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.base.as_ref(), |(_, f)| num(f.value)),
            Cell::opt(r.base.as_ref(), |(_, f)| given(f)),
            Cell::opt(r.partial_base.as_ref(), |pb| num(pb.sum)),
            Cell::opt(r.required, |c| delta(c.abs)),
            Cell::opt(r.required, |c| words(delta(c.abs), b.required)),
            Cell::opt(r.required.and_then(|c| c.pct), Cell::PctDelta),
            Cell::opt(r.required.and_then(|c| c.pct), |p| {
                words(Cell::PctDelta(p), b.required)
            }),
            opt_code(r.required.is_some(), b.required),
            Cell::opt(r.pace, |p| Cell::Float(p.so_far)),
            Cell::opt(r.pace.and_then(|p| p.needed), Cell::Float),
            Cell::opt(r.pace.and_then(|p| p.needed), |v| {
                words(Cell::Float(v), b.gap)
            }),
            Cell::opt(r.avg_needed_per_month, Cell::Float),
            Cell::opt(r.avg_needed_per_month, |v| {
                words(Cell::Float(v), b.required)
            }),
            Cell::opt(step, |s| Cell::Plain(i64::from(s.before.year))),
            Cell::opt(step.and_then(|s| s.before.value), num),
            Cell::opt(
                step.and_then(|s| s.before.value.map(|v| (v, s))),
                |(v, s)| as_published(v as f64, &s.before.prov, money),
            ),
            Cell::opt(step, |s| delta(s.change.abs)),
            path_abs,
            opt_code(step.is_some(), b.path),
            Cell::opt(step.and_then(|s| s.change.pct), Cell::PctDelta),
            path_pct,
            Cell::opt(step, |_| reading_code(path_uncertain)),
            Cell::opt(r.pace, |p| Cell::Float(p.projected)),
            Cell::opt(r.pace, |p| Cell::Bool(p.on_track)),
            Cell::opt(r.reach_month, |m| Cell::Int(i64::from(m))),
            Cell::opt(r.reach_month, |m| Cell::Month(tg.year, m)),
            target_note(ds, r),
            Cell::source(&tg.prov.source),
        ]);
    }
    for name in [
        "office",
        "status",
        "base_at_least",
        "reading",
        "reach_month",
        "target",
        "target_bound",
        "vs_roadmap",
        "vs_roadmap_bound",
        "actual",
        "gap",
        "gap_bound",
        "achieved_pct",
        "achieved_bound",
        "base_value",
        "required_change",
        "required_pct",
        "required_bound",
        "avg_needed_per_month",
        "needed_per_month",
        "vs_roadmap_reading",
        "plan_before",
        "plan_change",
        "plan_change_bound",
        "plan_change_pct",
        "plan_change_reading",
    ] {
        t.hide(name);
    }
    for name in [
        "status_words",
        "reached_in",
        "target_words",
        "vs_roadmap_words",
        "actual_words",
        "gap_words",
        "achieved",
        "base_words",
        "required",
        "required_pct_words",
        "avg_needed",
        "needed",
        "plan_before_words",
        "plan_change_words",
        "plan_change_pct_words",
    ] {
        t.human(name);
    }
    t.bar("achieved");
    t
}

/// A derived figure's bound code for csv and json, empty where there is no figure.
fn opt_code(has: bool, b: Option<Bound>) -> Cell {
    if has {
        bound_code(b)
    } else {
        Cell::Empty
    }
}

pub fn run(ctx: &Ctx, a: &Select, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let f = filter(&ds, a)?;
    let ix = Index::build(&ds);
    let rows = targets(&ix, &f);
    let mut t = table(&ds, &rows);
    if rows.is_empty() {
        let with = ds.targets.iter().map(|r| (r.office, r.year));
        t.remarks.extend(empty_remark(&ds, &f, Kind::Targets, with));
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
