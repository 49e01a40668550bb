//! `coverage coverage`: active participants as a share of the workforce.

use std::io::Write;

use anyhow::Result;

use super::common::{
    against, bound_code, coverage_note, fig_words, filter, programs, reading_code, rests_on,
    unmade_cell, with_bound, with_figures, Ctx,
};
use crate::analysis::{
    any_bounded, coverage, program_denominator, Against, CoverageRow, Index, Programs, Unmade,
};
use crate::cli::CoverageArgs;
use crate::model::{Measure, Period, Program, Segment};
use crate::output::{col, fig_source, Cell, Table};
use crate::Outcome;

/// A sum of active participants not made because its parts pull both ways, where a coverage
/// row would be: (office, program, segment, period) and why.
type UnmadeKey<'a> = ((usize, Program, Segment, Period), &'a Unmade);

/// Where a row sorts: the office's place, then program `all` first, segment and period.
type RowKey = (usize, bool, Program, Segment, Period);

pub fn table(ix: &Index, rows: &[CoverageRow], unmade: &[UnmadeKey], asked: Against) -> Table {
    let ds = ix.ds;
    // The program columns only where a program other than `all` is shown, so a data set
    // without programs prints what it always has.
    let programs = rows.iter().any(|r| r.program != Program::All)
        || unmade.iter().any(|((_, pr, _, _), _)| *pr != Program::All);
    let mut columns = vec![
        col("office", "Office"),
        col("office_name", "Name"),
        col("segment", "Segment"),
        col("period", "Period"),
        col("active", "Active"),
        col("active_words", "Active"),
        col("denominator", "Against"),
        col("workforce_period", "Survey"),
        col("workforce", "Workforce"),
        col("workforce_words", "Workforce"),
        col("coverage_pct", "Coverage"),
        col("periods_differ", "Dates differ"),
        col("survey_after", "Survey after the figure"),
        col("note", "Note"),
        col("active_source", "Participants source"),
        col("workforce_source", "Workforce source"),
        col("reading", "Reading"),
    ];
    // Bounds only for a data set with them, so one without prints what it always has.
    let bounded = any_bounded(ix);
    if bounded {
        columns.insert(11, col("coverage_words", "Coverage"));
        for (k, name) in ["active_bound", "workforce_bound", "coverage_bound"]
            .into_iter()
            .enumerate()
        {
            columns.insert(18 + k, col(name, "Bound"));
        }
    }
    if programs {
        columns.insert(2, col("program", "Program"));
        columns.insert(8, col("definition", "Definition"));
    }
    let mut t = Table::new(columns);
    let rank = ix.rank();
    let mut keyed: Vec<(RowKey, Vec<Cell>)> = Vec::new();
    for &((o, pr, s, p), why) in unmade {
        let (den, definition) = program_denominator(pr, s, asked).expect("filtered");
        // No figure, and the reason where its note would be, so csv and json carry it too.
        let mut cells = vec![
            Cell::text(&ds.offices[o].code),
            Cell::text(&ds.offices[o].name),
            Cell::segment(s),
            Cell::Period(p),
            Cell::Empty,
            Cell::Empty,
            Cell::Term(den.code()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Bool(false),
            Cell::Bool(false),
            unmade_cell(ds, why),
            fig_source(&why.how.english(), Some(why.how)),
            Cell::Empty,
            reading_code(false),
        ];
        if bounded {
            cells.insert(11, Cell::Empty);
            cells.insert(18, bound_code(None));
            cells.insert(19, Cell::Empty);
            cells.insert(20, Cell::Empty);
        }
        if programs {
            cells.insert(2, Cell::Term(pr.code()));
            cells.insert(8, Cell::opt(definition, Cell::Term));
        }
        keyed.push(((rank[o], pr != Program::All, pr, s, p), cells));
    }
    for r in rows {
        let mut cells = vec![
            Cell::text(&ds.offices[r.office].code),
            Cell::text(&ds.offices[r.office].name),
            Cell::segment(r.segment),
            Cell::Period(r.period),
            Cell::Int(r.participants.value),
            fig_words(&r.participants),
            Cell::Term(r.denominator.code()),
            Cell::opt(r.workforce.as_ref(), |(p, _)| Cell::Period(*p)),
            Cell::opt(r.workforce.as_ref(), |(_, f)| Cell::Int(f.value)),
            Cell::opt(r.workforce.as_ref(), |(_, f)| fig_words(f)),
            Cell::opt(r.pct, Cell::Pct),
            Cell::Bool(r.periods_differ),
            Cell::Bool(r.survey_after),
            note_cell(ix, r),
            fig_source(&r.participants.source, r.participants.how),
            Cell::opt(r.workforce.as_ref(), |(_, f)| fig_source(&f.source, f.how)),
            reading_code(!doubts(r).is_empty()),
        ];
        if bounded {
            let w = r.workforce.as_ref().map(|(_, f)| f.bound());
            let b = r.bound();
            cells.insert(11, Cell::opt(r.pct, |p| with_bound(Cell::Pct(p), b)));
            cells.insert(18, Cell::text(r.participants.bound().code()));
            cells.insert(19, Cell::opt(w, |w| Cell::text(w.code())));
            cells.insert(20, Cell::opt(r.pct, |_| bound_code(b)));
        }
        if programs {
            cells.insert(2, Cell::Term(r.program.code()));
            cells.insert(8, Cell::opt(r.definition, Cell::Term));
        }
        let key = (
            rank[r.office],
            r.program != Program::All,
            r.program,
            r.segment,
            r.period,
        );
        keyed.push((key, cells));
    }
    // Stable: the rows keep their order, each sum not made in its place among them.
    keyed.sort_by_key(|(k, _)| *k);
    for (_, cells) in keyed {
        t.push(cells);
    }
    t.hide("office");
    t.hide("active");
    t.hide("workforce");
    t.human("active_words");
    t.human("workforce_words");
    t.hide("periods_differ");
    t.hide("survey_after");
    // Sources make the table too wide to read; csv and json carry them, `report` shows them.
    t.hide("active_source");
    t.hide("workforce_source");
    t.hide("reading");
    if bounded {
        // A bounded ratio draws no bar: its length would say more than is known.
        for name in [
            "coverage_pct",
            "active_bound",
            "workforce_bound",
            "coverage_bound",
        ] {
            t.hide(name);
        }
        t.human("coverage_words");
        t.bar("coverage_words");
    } else {
        t.bar("coverage_pct");
    }
    t
}

/// The published texts of the rows read one way of two that a ratio rests on.
fn doubts(r: &CoverageRow) -> Vec<&str> {
    std::iter::once(&r.participants)
        .chain(r.workforce.as_ref().map(|(_, f)| f))
        .filter(|f| f.uncertain)
        .map(|f| f.doubt.as_str())
        .collect()
}

/// The row's note, and for people the uncertain rows it rests on.
fn note_cell(ix: &Index, r: &CoverageRow) -> Cell {
    let note = coverage_note(ix, r);
    match (note, rests_on(&doubts(r))) {
        (n, Cell::Empty) => n,
        (Cell::Empty, d) => d,
        (n, d) => Cell::Phrase(vec![n, Cell::Text("; ".into()), d]),
    }
}

pub fn run(ctx: &Ctx, a: &CoverageArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let mut f = filter(&ds, &a.select)?;
    f.monthly = a.monthly;
    f.programs = programs(a.program, Programs::Each);
    let ix = Index::build(&ds);
    let asked = against(a.against);
    let rows = coverage(&ix, &f, asked);
    // A sum of active participants not made because its parts pull both ways is a row of
    // its own, saying why, in every format.
    let unmade: Vec<UnmadeKey> = ix
        .unmade_all()
        .filter(|&((o, pr, s, m, p), _)| {
            m == Measure::Active
                && f.office_ok(&ds, o)
                && f.segment_ok(s)
                && f.year_ok(p.year())
                && f.programs.list().contains(&pr)
                && program_denominator(pr, s, asked).is_some()
        })
        .map(|((o, pr, s, _, p), why)| ((o, pr, s, p), why))
        .collect();
    let mut t = table(&ix, &rows, &unmade, asked);
    // An office with no active participants: which offices have them.
    if let (Some(o), true) = (f.office, t.rows.is_empty()) {
        let mut with: Vec<usize> = ix
            .series_of(None)
            .iter()
            .filter(|&&(_, _, m)| m == Measure::Active)
            .map(|&(o, _, _)| o)
            .collect();
        with.dedup();
        let none = Cell::Template(
            "no active participants figure for {} in the data set",
            vec![Cell::text(&ds.offices[o].code)],
        );
        t.remarks.push(with_figures(&ds, none, &with));
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
