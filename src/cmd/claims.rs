//! `coverage claims`: claims paid per program.

use std::io::Write;

use anyhow::Result;

use super::common::{
    between, bound_code, empty_remark, filter, idr_as_published, line_code, qualified,
    reading_code, rests_on, Ctx, Kind, RANGE_REMARK,
};
use crate::analysis::{claims, ClaimRow};
use crate::cli::Select;
use crate::model::{Bound, DataSet};
use crate::output::{col, fig_source, Cell, Table};
use crate::Outcome;

pub fn table(ds: &DataSet, rows: &[ClaimRow]) -> Table {
    let mut t = Table::new(vec![
        col("office", "Office"),
        col("office_name", "Name"),
        col("period", "Period"),
        col("span", "Paid in"),
        col("segment", "Segment"),
        col("program", "Program"),
        col("cases", "Cases"),
        col("amount_idr", "Amount"),
        col("amount", "Amount"),
        col("share_cases_pct", "% of cases"),
        col("share_amount_pct", "% of amount"),
        col("share_amount", "% of amount"),
        col("idr_per_case", "Per case"),
        col("per_case", "Per case"),
        col("source", "Source"),
        col("published", "As published"),
        col("amount_bound", "Bound"),
        col("amount_low_idr", "Low"),
        col("amount_high_idr", "High"),
        col("share_amount_bound", "Bound"),
        col("share_amount_low_pct", "Low"),
        col("share_amount_high_pct", "High"),
        col("per_case_bound", "Bound"),
        col("reading", "Reading"),
        col("note", "Note"),
    ]);
    let mut ranged = false;
    for r in rows {
        ranged |= (r.amount_bound.is_none() && r.amount_range.is_some())
            || (r.share_amount_bound.is_none() && r.share_amount_range.is_some());
        let amount = match (r.amount, r.amount_bound) {
            (Some(a), Some(b)) => qualified(b, idr_as_published(a, &r.published), false),
            _ => shown_range(r.amount_range, |v| Cell::Idr(v.round() as i64)),
        };
        let share = match (r.share_amount, r.share_amount_bound) {
            (Some(s), Some(Bound::Exact)) => Cell::Pct(s),
            (Some(s), Some(b)) => qualified(b, Cell::Pct(s), true),
            _ => shown_range(r.share_amount_range, Cell::Pct),
        };
        let per_case = match (r.per_case, r.per_case_bound) {
            (Some(p), Some(b)) => qualified(b, Cell::IdrF(p), false),
            _ => shown_range(r.per_case_range, Cell::IdrF),
        };
        let (alo, ahi) = r
            .amount_range
            .map_or((Cell::Empty, Cell::Empty), |(lo, hi)| {
                (Cell::Idr(lo.round() as i64), Cell::Idr(hi.round() as i64))
            });
        let (slo, shi) = r
            .share_amount_range
            .map_or((Cell::Empty, Cell::Empty), |(lo, hi)| {
                (Cell::Pct(lo), Cell::Pct(hi))
            });
        t.push(vec![
            Cell::text(&ds.offices[r.office].code),
            Cell::text(&ds.offices[r.office].name),
            Cell::Period(r.period),
            Cell::Span(r.period),
            Cell::segment(r.segment),
            Cell::Term(line_code(r.line)),
            Cell::opt(r.cases, Cell::Int),
            Cell::opt(r.amount.filter(|_| r.amount_bound.is_some()), Cell::Idr),
            amount,
            Cell::opt(r.share_cases, Cell::Pct),
            Cell::opt(
                r.share_amount.filter(|_| r.share_amount_bound.is_some()),
                Cell::Pct,
            ),
            share,
            Cell::opt(
                r.per_case.filter(|_| r.per_case_bound.is_some()),
                Cell::IdrF,
            ),
            per_case,
            fig_source(&r.source, r.how),
            Cell::text(&r.published),
            bound_code(r.amount_bound),
            alo,
            ahi,
            bound_code(r.share_amount_bound),
            slo,
            shi,
            bound_code(r.per_case_bound),
            reading_code(!r.doubts.is_empty()),
            rests_on(&r.doubts.iter().map(String::as_str).collect::<Vec<_>>()),
        ]);
    }
    for name in [
        "office",
        "period",
        "amount_idr",
        "share_amount_pct",
        "idr_per_case",
        "amount_bound",
        "amount_low_idr",
        "amount_high_idr",
        "share_amount_bound",
        "share_amount_low_pct",
        "share_amount_high_pct",
        "per_case_bound",
        "reading",
    ] {
        t.hide(name);
    }
    for name in ["amount", "share_amount", "per_case", "note"] {
        t.human(name);
    }
    t.bar("share_amount");
    if ranged {
        t.remarks.push(Cell::Term(RANGE_REMARK));
    }
    t
}

/// A range where the figure itself is not known; `-` where neither is.
fn shown_range(range: Option<(f64, f64)>, cell: impl Fn(f64) -> Cell) -> Cell {
    range.map_or(Cell::Empty, |(lo, hi)| between(cell(lo), cell(hi)))
}

pub fn run(ctx: &Ctx, a: &Select, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let f = filter(&ds, a)?;
    let (rows, _) = claims(&ds, &f);
    let mut t = table(&ds, &rows);
    if rows.is_empty() {
        let with = ds.claims.iter().map(|r| (r.office, r.period.year()));
        t.remarks.extend(empty_remark(&ds, &f, Kind::Claims, with));
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
