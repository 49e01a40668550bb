//! `coverage rank`: offices side by side, best first, by coverage, growth or achievement.

use std::io::Write;

use anyhow::Result;

use super::common::{
    basis_phrase, bound_code, by, missing_cell_ranked, raw_value, reading_code, value_cell, Ctx,
};
use crate::analysis::Index;
use crate::cli::RankArgs;
use crate::model::{DataSet, Program, Segment};
use crate::output::{col, Cell, Table};
use crate::standing::{levels_ranked, rank, By, RankRow};
use crate::Outcome;

pub fn table(ds: &DataSet, by: By, rows: &[RankRow]) -> Table {
    let mut t = Table::new(vec![
        col("rank", "Rank"),
        col("office", "Office"),
        col("office_name", "Name"),
        col("by", "By"),
        col("value", "Value"),
        col("value_words", "Value"),
        col("value_bound", "Bound"),
        col("reading", "Reading"),
        col("period", "Period"),
        col("basis", "Basis"),
        col("reason", "Reason"),
    ]);
    for r in rows {
        let s = r.standing.as_ref();
        t.push(vec![
            Cell::opt(r.rank, |n| Cell::Int(n as i64)),
            Cell::text(&ds.offices[r.office].code),
            Cell::text(&ds.offices[r.office].name),
            Cell::Term(by.term()),
            Cell::opt(s.ok(), |s| raw_value(by, s)),
            Cell::opt(s.ok(), |s| value_cell(by, s)),
            Cell::opt(s.ok(), |s| bound_code(s.bound)),
            Cell::opt(s.ok(), |s| reading_code(s.uncertain)),
            Cell::opt(s.ok(), |s| Cell::Period(s.period)),
            Cell::opt(s.ok(), basis_phrase),
            Cell::opt(s.err(), |m| missing_cell_ranked(m, ds)),
        ]);
    }
    t.hide("by");
    t.hide("value");
    t.hide("value_bound");
    t.hide("reading");
    t.human("value_words");
    // Offices side by side compare best as bars (coverage and achievement; growth can be
    // negative and gets none); a bounded figure gets none either.
    t.bar("value_words");
    t
}

pub fn run(ctx: &Ctx, a: &RankArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let ix = Index::build(&ds);
    let by = by(a.by);
    let series = (
        a.segment.unwrap_or(Segment::All),
        a.program.unwrap_or(Program::All),
    );
    let rows = rank(&ix, by, a.level, series, a.year);
    let mut t = table(&ds, by, &rows);
    let mut periods: Vec<_> = rows
        .iter()
        .filter_map(|r| r.standing.as_ref().ok().map(|s| s.period))
        .collect();
    periods.sort();
    periods.dedup();
    if periods.len() > 1 {
        t.notes
            .push("The ranked figures rest on different periods: compare with care.".into());
    }
    if rows.iter().all(|r| r.rank.is_none()) {
        let levels: Vec<&str> = levels_ranked(&ix, by, series, a.year)
            .into_iter()
            .filter(|&l| l != a.level)
            .map(|l| l.code())
            .collect();
        if !levels.is_empty() {
            t.remarks.push(Cell::Phrase(vec![
                Cell::Term("No office at this level has the figure; try --level"),
                Cell::Text(format!(" {}", levels.join(", "))),
            ]));
        }
    }
    if rows.iter().any(|r| r.rank.is_none()) {
        t.notes.push(
            "Offices without the figure are listed after the ranked ones, with the reason.".into(),
        );
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
