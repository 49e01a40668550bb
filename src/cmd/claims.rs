//! `coverage claims`: claims paid per program.

use std::io::Write;

use anyhow::Result;

use super::common::{filter, line_code, Ctx};
use crate::analysis::{claims, ClaimRow};
use crate::cli::Select;
use crate::model::DataSet;
use crate::output::{col, Cell, Table};
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
        col("share_cases_pct", "% of cases"),
        col("share_amount_pct", "% of amount"),
        col("idr_per_case", "Per case"),
        col("source", "Source"),
        col("published", "As published"),
    ]);
    for r in rows {
        t.push(vec![
            Cell::text(&ds.offices[r.office].code),
            Cell::text(&ds.offices[r.office].name),
            Cell::Period(r.period),
            Cell::Span(r.period),
            Cell::segment(r.segment),
            Cell::Term(line_code(r.line)),
            Cell::opt(r.cases, Cell::Int),
            Cell::opt(r.amount, Cell::Idr),
            Cell::opt(r.share_cases, Cell::Pct),
            Cell::opt(r.share_amount, Cell::Pct),
            Cell::opt(r.per_case, Cell::IdrF),
            Cell::source(&r.source),
            Cell::text(&r.published),
        ]);
    }
    t.hide("office");
    t.hide("period");
    t.bar("share_amount_pct");
    t
}

pub fn run(ctx: &Ctx, a: &Select, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let f = filter(&ds, a)?;
    let (rows, _) = claims(&ds, &f);
    ctx.emit(&table(&ds, &rows), out)?;
    Ok(Outcome::Ok)
}
