//! `coverage coverage`: active participants as a share of the workforce.

use std::io::Write;

use anyhow::Result;

use super::common::{against, coverage_note, filter, programs, Ctx};
use crate::analysis::{coverage, CoverageRow, Index, Programs};
use crate::cli::CoverageArgs;
use crate::model::Program;
use crate::output::{col, fig_source, Cell, Table};
use crate::Outcome;

pub fn table(ix: &Index, rows: &[CoverageRow]) -> Table {
    let ds = ix.ds;
    // The program columns only where a program other than `all` is shown, so a data set
    // without programs prints what it always has.
    let programs = rows.iter().any(|r| r.program != Program::All);
    let mut columns = vec![
        col("office", "Office"),
        col("office_name", "Name"),
        col("segment", "Segment"),
        col("period", "Period"),
        col("active", "Active"),
        col("denominator", "Against"),
        col("workforce_period", "Survey"),
        col("workforce", "Workforce"),
        col("coverage_pct", "Coverage"),
        col("periods_differ", "Dates differ"),
        col("survey_after", "Survey after the figure"),
        col("note", "Note"),
        col("active_source", "Participants source"),
        col("workforce_source", "Workforce source"),
    ];
    if programs {
        columns.insert(2, col("program", "Program"));
        columns.insert(7, col("definition", "Definition"));
    }
    let mut t = Table::new(columns);
    for r in rows {
        let mut cells = vec![
            Cell::text(&ds.offices[r.office].code),
            Cell::text(&ds.offices[r.office].name),
            Cell::segment(r.segment),
            Cell::Period(r.period),
            Cell::Int(r.participants.value),
            Cell::Term(r.denominator.code()),
            Cell::opt(r.workforce.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.workforce.as_ref(), |(_, f)| Cell::Int(f.value)),
            Cell::opt(r.pct, Cell::Pct),
            Cell::Bool(r.periods_differ),
            Cell::Bool(r.survey_after),
            coverage_note(ix, r),
            fig_source(&r.participants.source, r.participants.how),
            Cell::opt(r.workforce.as_ref(), |(_, f)| fig_source(&f.source, f.how)),
        ];
        if programs {
            cells.insert(2, Cell::Term(r.program.code()));
            cells.insert(7, Cell::opt(r.definition, Cell::Term));
        }
        t.push(cells);
    }
    t.hide("office");
    t.hide("periods_differ");
    t.hide("survey_after");
    // Sources make the table too wide to read; csv and json carry them, `report` shows them.
    t.hide("active_source");
    t.hide("workforce_source");
    t.bar("coverage_pct");
    t
}

pub fn run(ctx: &Ctx, a: &CoverageArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let mut f = filter(&ds, &a.select)?;
    f.monthly = a.monthly;
    f.programs = programs(a.program, Programs::Each);
    let ix = Index::build(&ds);
    let rows = coverage(&ix, &f, against(a.against));
    ctx.emit(&table(&ix, &rows), out)?;
    Ok(Outcome::Ok)
}
