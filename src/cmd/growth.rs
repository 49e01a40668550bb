//! `coverage growth`: each figure against the same period a year earlier.

use std::io::Write;

use anyhow::Result;

use super::common::{
    bound_code, fig_words, filter, programs, reading_code, rests_on, unmade_cell, with_bound, Ctx,
};
use crate::analysis::{
    any_bounded, growth_each_in, growth_lines, growth_offices, Filter, GrowthItem, GrowthLine,
    GrowthRow, Index, Programs, UnmadeRow,
};
use crate::cli::GrowthArgs;
use crate::model::{Bound, DataSet, Measure, Program, Segment};
use crate::output::{self, col, fig_source, Cell, CsvStream, Parts, RowSink, Table};
use crate::Outcome;

/// The head of the table; a program column only for a data set with programs, and the bound
/// columns only for one with bounds, so one without prints what it always has. [`cells`] and
/// [`unmade_cells`] push their cells in this order, under the same two conditions.
fn head(programs: bool, bounded: bool) -> Table {
    let mut columns = vec![col("office", "Office"), col("office_name", "Name")];
    if programs {
        columns.push(col("program", "Program"));
    }
    columns.extend([
        col("segment", "Segment"),
        col("measure", "Measure"),
        col("period", "Period"),
        col("value", "Value"),
        col("value_words", "Value"),
        col("base_period", "Base period"),
        col("base_value", "Base value"),
        col("base_words", "Base value"),
    ]);
    // Each derived figure for people with its bound in words, and the bound's code for
    // scripts, where the data set has bounds.
    let with_words = |columns: &mut Vec<output::Column>, name, words, heading| {
        columns.push(col(name, heading));
        if bounded {
            columns.push(col(words, heading));
        }
    };
    with_words(&mut columns, "change", "change_words", "Change");
    with_words(&mut columns, "change_pct", "change_pct_words", "Change %");
    columns.push(col("cagr_since", "CAGR since"));
    with_words(&mut columns, "cagr_pct", "cagr_words", "CAGR %/yr");
    if bounded {
        for name in ["value_bound", "base_bound", "change_bound", "cagr_bound"] {
            columns.push(col(name, "Bound"));
        }
    }
    columns.extend([
        col("source", "Source"),
        col("reading", "Reading"),
        col("note", "Note"),
    ]);
    if bounded {
        // For scripts, why a row has no value: a sum not made.
        columns.push(col("why_no_value", "Why no value"));
    }
    let mut t = Table::new(columns);
    for name in ["office", "reading", "value", "base_value"] {
        t.hide(name);
    }
    for name in ["note", "value_words", "base_words"] {
        t.human(name);
    }
    if bounded {
        for name in [
            "change",
            "change_pct",
            "cagr_pct",
            "value_bound",
            "base_bound",
            "change_bound",
            "cagr_bound",
            "why_no_value",
        ] {
            t.hide(name);
        }
        for name in ["change_words", "change_pct_words", "cagr_words"] {
            t.human(name);
        }
    }
    t
}

/// The cells a run of rows repeats, made once and shared: the last source's, the last
/// office's code and name, and the two readings; and the row itself, whose cells are
/// overwritten in place, so a shared cell the next row repeats is neither copied nor let go.
struct Repeats {
    source: Option<(String, Cell)>,
    office: Option<(usize, Cell, Cell)>,
    /// `reading` for a certain figure and for an uncertain one.
    reading: [Cell; 2],
    row: Vec<Cell>,
}

impl Default for Repeats {
    fn default() -> Repeats {
        Repeats {
            source: None,
            office: None,
            reading: [false, true].map(|u| reading_code(u).into_shared()),
            row: Vec::new(),
        }
    }
}

/// Writes a row's cells over the last row's, one after another.
struct Put<'a> {
    row: &'a mut Vec<Cell>,
    at: usize,
}

impl Put<'_> {
    fn cell(&mut self, c: Cell) {
        match self.row.get_mut(self.at) {
            Some(old) => *old = c,
            None => self.row.push(c),
        }
        self.at += 1;
    }

    /// A cell many rows share: left as it stands where the last row had the same one.
    fn shared(&mut self, c: &Cell) {
        let same = match (self.row.get(self.at), c) {
            (Some(Cell::Shared(a)), Cell::Shared(b)) => std::sync::Arc::ptr_eq(a, b),
            _ => false,
        };
        if same {
            self.at += 1;
        } else {
            self.cell(c.clone());
        }
    }

    fn done(self) {
        self.row.truncate(self.at);
    }
}

/// A row's cells, in `repeats.row`; `repeats` keeps the cells a run of rows shares.
fn cells<'r>(
    ds: &DataSet,
    r: &GrowthRow,
    (programs, bounded): (bool, bool),
    repeats: &'r mut Repeats,
) -> &'r [Cell] {
    let source = &mut repeats.source;
    if source.as_ref().is_none_or(|(s, _)| *s != r.value.source) {
        *source = Some((
            r.value.source.clone(),
            fig_source(&r.value.source, r.value.how).into_shared(),
        ));
    }
    if repeats.office.as_ref().is_none_or(|o| o.0 != r.office) {
        let o = &ds.offices[r.office];
        repeats.office = Some((r.office, Cell::shared(&o.code), Cell::shared(&o.name)));
    }
    let (_, code, name) = repeats.office.as_ref().expect("set above");
    // The bounds read each figure's published text: only for a data set with bounds.
    let (cb, gb) = if bounded {
        (r.change_bound(), r.cagr_bound())
    } else {
        (None, None)
    };
    let mut put = Put {
        row: &mut repeats.row,
        at: 0,
    };
    put.shared(code);
    put.shared(name);
    if programs {
        put.cell(Cell::Term(r.program.code()));
    }
    put.cell(Cell::segment(r.segment));
    put.cell(Cell::Term(r.measure.code()));
    put.cell(Cell::Period(r.period));
    put.cell(Cell::Int(r.value.value));
    put.cell(fig_words(&r.value));
    put.cell(Cell::opt(r.base.as_ref(), |(p, _)| Cell::Period(*p)));
    put.cell(Cell::opt(r.base.as_ref(), |(_, f)| Cell::Int(f.value)));
    put.cell(Cell::opt(r.base.as_ref(), |(_, f)| fig_words(f)));
    put.cell(Cell::opt(r.change, |c| Cell::Delta(c.abs)));
    if bounded {
        put.cell(Cell::opt(r.change, |c| with_bound(Cell::Delta(c.abs), cb)));
    }
    put.cell(Cell::opt(r.change.and_then(|c| c.pct), Cell::PctDelta));
    if bounded {
        put.cell(Cell::opt(r.change.and_then(|c| c.pct), |p| {
            with_bound(Cell::PctDelta(p), cb)
        }));
    }
    put.cell(Cell::opt(r.cagr, |(p, _)| Cell::Period(p)));
    put.cell(Cell::opt(r.cagr, |(_, g)| Cell::PctDelta(g)));
    if bounded {
        let code = |has: bool, b: Option<Bound>| if has { bound_code(b) } else { Cell::Empty };
        let base = r.base.as_ref().map(|(_, b)| b.bound());
        put.cell(Cell::opt(r.cagr, |(_, g)| {
            with_bound(Cell::PctDelta(g), gb)
        }));
        put.cell(Cell::text(r.value.bound().code()));
        put.cell(Cell::opt(base, |b| Cell::text(b.code())));
        put.cell(code(r.change.is_some(), cb));
        put.cell(code(r.cagr.is_some(), gb));
    }
    let doubts = r.doubts();
    put.shared(&repeats.source.as_ref().expect("set above").1);
    put.shared(&repeats.reading[usize::from(!doubts.is_empty())]);
    put.cell(rests_on(&doubts));
    if bounded {
        put.cell(Cell::Empty);
    }
    put.done();
    &repeats.row
}

/// The cells of a sum not made because its parts pull both ways: no value, its reason where
/// people read the value, and `none` as its bound.
fn unmade_cells(ds: &DataSet, r: &UnmadeRow, (programs, bounded): (bool, bool)) -> Vec<Cell> {
    let mut cells = vec![
        Cell::text(&ds.offices[r.office].code),
        Cell::text(&ds.offices[r.office].name),
    ];
    if programs {
        cells.push(Cell::Term(r.program.code()));
    }
    cells.extend([
        Cell::segment(r.segment),
        Cell::Term(r.measure.code()),
        Cell::Period(r.period),
        Cell::Empty,
        unmade_cell(ds, &r.why),
    ]);
    // Base period, value and words; change, change %, CAGR since and CAGR %, each with its
    // words where there are bounds.
    let empty = if bounded { 10 } else { 7 };
    cells.extend(std::iter::repeat_n(Cell::Empty, empty));
    if bounded {
        cells.push(bound_code(None));
        cells.extend(std::iter::repeat_n(Cell::Empty, 3));
    }
    cells.extend([
        fig_source(&r.why.how.english(), Some(r.why.how)),
        reading_code(false),
        Cell::Empty,
    ]);
    if bounded {
        cells.push(unmade_cell(ds, &r.why));
    }
    cells
}

/// The bytes of [`cells`] for csv, written straight out: the office's code and name and each
/// source are escaped once for all their rows.
struct CsvRows<'a> {
    ds: &'a DataSet,
    office: Option<(usize, Vec<u8>)>,
    source: Option<(&'a str, Vec<u8>)>,
    /// By code: `Segment::ALL[i] as usize == i`, and the same for measures.
    segments: Vec<Vec<u8>>,
    measures: Vec<Vec<u8>>,
    /// `certain` and `uncertain`, escaped.
    reading: [Vec<u8>; 2],
}

impl<'a> CsvRows<'a> {
    fn new(ds: &'a DataSet, w: &CsvStream) -> Self {
        CsvRows {
            ds,
            office: None,
            source: None,
            segments: Segment::ALL
                .iter()
                .map(|&s| w.escape_cell(&Cell::segment(s)))
                .collect(),
            measures: Measure::ALL
                .iter()
                .map(|&m| w.escape_cell(&Cell::Term(m.code())))
                .collect(),
            reading: [false, true].map(|u| w.escape_cell(&reading_code(u))),
        }
    }

    fn write(&mut self, w: &mut CsvStream, r: &GrowthLine<'a>) -> std::io::Result<()> {
        let ds = self.ds;
        if self.office.as_ref().is_none_or(|(o, _)| *o != r.office) {
            let o = &ds.offices[r.office];
            let mut b = w.escape_text(&o.code);
            b.push(w.delimiter());
            b.extend(w.escape_text(&o.name));
            self.office = Some((r.office, b));
        }
        if self.source.as_ref().is_none_or(|(s, _)| *s != r.source) {
            self.source = Some((r.source, w.escape_cell(&Cell::source(r.source))));
        }
        w.escaped(&self.office.as_ref().expect("set above").1);
        w.escaped(&self.segments[r.segment as usize]);
        w.escaped(&self.measures[r.measure as usize]);
        w.period(r.period);
        w.int(r.value);
        match r.base {
            Some((p, v)) => {
                w.period(p);
                w.int(v);
            }
            None => {
                w.empty();
                w.empty();
            }
        }
        match r.change {
            Some(c) => {
                w.int(c.abs);
                match c.pct {
                    Some(p) => w.float(p),
                    None => w.empty(),
                }
            }
            None => {
                w.empty();
                w.empty();
            }
        }
        match r.cagr {
            Some((p, g)) => {
                w.period(p);
                w.float(g);
            }
            None => {
                w.empty();
                w.empty();
            }
        }
        w.escaped(&self.source.as_ref().expect("set above").1);
        w.escaped(&self.reading[usize::from(r.uncertain)]);
        w.end()
    }
}

/// Offices whose rows one thread writes at a time.
const BATCH: usize = 32;

/// The csv rows of every office, in order. On more than one thread, batches of offices are
/// written at once, one a thread, each into a buffer of its own, and the buffers go out in
/// order: the same bytes, with as many rows held as the batches of one round have.
fn write_csv(
    ds: &DataSet,
    ix: &Index,
    f: &Filter,
    w: &mut CsvStream,
    threads: usize,
) -> std::io::Result<()> {
    let offices = growth_offices(ix, f);
    if threads < 2 || offices.len() <= BATCH {
        let mut rows = CsvRows::new(ds, w);
        return growth_lines(ix, f, &offices, |r| rows.write(w, r));
    }
    let like = w.like();
    let room = output::PartRoom::default();
    let batch = |offices: &[usize]| -> std::io::Result<Vec<u8>> {
        let mut bytes = room.buffer();
        let mut s = like.stream(&mut bytes);
        let mut rows = CsvRows::new(ds, &s);
        growth_lines(ix, f, offices, |r| rows.write(&mut s, r))?;
        s.finish()?;
        room.took(bytes.len());
        Ok(bytes)
    };
    let batches: Vec<&[usize]> = offices.chunks(BATCH).collect();
    output::in_rounds(
        batches.len(),
        threads,
        |k| batch(batches[k]),
        |bytes| w.written(&bytes),
    )
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
    // A sum not made (past the 64-bit limit) has no value and a reason: the bound columns,
    // whose note carries it, are shown as for any figure that is not exact.
    let bounded = any_bounded(&ix) || ix.unmade_all().next().is_some();
    let mut head = head(shown, bounded);
    // A sum past 64 bits is not made: its row says so, and validate names its parts.
    if ix
        .findings
        .iter()
        .any(|f| f.message.template.contains("64-bit limit"))
    {
        head.remarks.push(Cell::Term(
            "Some sums pass the 64-bit limit and are not made; their rows say so, and coverage validate lists them.",
        ));
    }
    // The fast writer knows no bounds: a data set with any goes the careful way.
    if !shown && !bounded {
        if let Some(done) = output::csv_rows(ctx.render, &head, out, |w| {
            write_csv(&ds, &ix, &f, w, ctx.read.threads)
        }) {
            done?;
            return Ok(Outcome::Ok);
        }
    }
    // Every other format: batches of offices made on the threads, written in order.
    let offices = growth_offices(&ix, &f);
    let batches: Vec<&[usize]> = offices.chunks(BATCH).collect();
    let fill = |k: usize, sink: &mut dyn RowSink| {
        let mut repeats = Repeats::default();
        growth_each_in(&ix, &f, batches[k], |item| match item {
            GrowthItem::Row(r) => sink.row_of(cells(&ds, &r, (shown, bounded), &mut repeats)),
            GrowthItem::Unmade(r) => sink.row(unmade_cells(&ds, &r, (shown, bounded))),
        })
    };
    let parts = Parts {
        count: batches.len(),
        threads: ctx.read.threads,
        fill: &fill,
    };
    output::render_parts(ctx.render, head, out, &parts)?;
    Ok(Outcome::Ok)
}
