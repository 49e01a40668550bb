//! `coverage audit`: every figure a source states, recomputed from the figures it rests on,
//! allowing for how rounded they were as printed. Exit 1 when one is inconsistent.

use std::io::Write;

use anyhow::Result;

use super::common::{as_published_or, filter, if_read, offices_cell, reading_code, Ctx};
use crate::analysis::Index;
use crate::audit::{audit, AuditRow, Candidate, Input, Op, Verdict, Why};
use crate::cli::AuditArgs;
use crate::model::DataSet;
use crate::output::{col, Cell, Table};
use crate::Outcome;

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// `active participants 2023 ("41,46 juta")`.
fn input_phrase(i: &Input, out: &mut Vec<Cell>) {
    out.push(Cell::Term(i.what));
    out.push(t(" "));
    out.push(Cell::Period(i.period));
    out.push(t(" ("));
    // A value the user corrected and whose text was left: the figure computed from is the
    // value, and the text is named as what was published.
    let corrected = crate::analysis::published::parse(&i.published)
        .is_ok_and(|p| !p.percent && (p.value - i.value as f64).abs() >= 0.5);
    if i.published.is_empty() {
        out.push(Cell::Int(i.value));
    } else if corrected {
        out.push(Cell::Int(i.value));
        out.push(t(", "));
        out.push(Cell::Term("published as"));
        out.push(t(" \""));
        out.push(Cell::quote(&i.published));
        out.push(t("\""));
    } else {
        out.push(t("\""));
        out.push(Cell::quote(&i.published));
        out.push(t("\""));
    }
    out.push(t(")"));
}

fn basis(c: &Candidate) -> Cell {
    let mut p = Vec::new();
    let (a, b) = (&c.inputs[0], &c.inputs[1]);
    if c.op == Op::Share {
        input_phrase(a, &mut p);
        p.push(t(" / ("));
        input_phrase(a, &mut p);
        p.push(t(" + "));
        input_phrase(b, &mut p);
        p.push(t(")"));
        return Cell::Phrase(p);
    }
    input_phrase(a, &mut p);
    p.push(t(match c.op {
        Op::Difference => " − ",
        _ => " / ",
    }));
    input_phrase(b, &mut p);
    if c.op == Op::Growth {
        p.push(t(" − 1"));
    }
    Cell::Phrase(p)
}

fn why(ds: &DataSet, r: &AuditRow, w: &Why) -> Cell {
    Cell::Phrase(match w {
        Why::NoPeriod => vec![Cell::Term("no period given")],
        Why::Missing { what, period } => vec![
            Cell::Term("no figure for"),
            t(" "),
            Cell::Term(what),
            t(" "),
            Cell::Period(*period),
        ],
        Why::NoWorkforce { what } => {
            let none = Cell::Phrase(vec![
                Cell::Term("no workforce figure"),
                t(" ("),
                Cell::Term(what),
                t(&format!("): {}", ds.offices[r.stated.office].code)),
            ]);
            // The offices that have that workforce, and the flag that shows them.
            let mut with: Vec<usize> = ds
                .workforce
                .iter()
                .filter(|w| w.value.is_some() && crate::analysis::workers(w.measure) == *what)
                .map(|w| w.office)
                .collect();
            with.sort_unstable();
            with.dedup();
            match with.first() {
                Some(&first) => vec![Cell::Template(
                    "{}; given for {}: see --branch {}",
                    vec![
                        none,
                        offices_cell(ds, &with),
                        Cell::text(&ds.offices[first].code),
                    ],
                )],
                None => vec![none],
            }
        }
        Why::NotDerived => vec![Cell::Term(
            "a count in its own right: nothing to recompute it from",
        )],
        Why::Unreadable(m) => vec![t(m)],
        Why::Undefined => vec![Cell::Term("a denominator may be zero")],
        Why::NoDenominator => vec![Cell::Term(
            "no workforce figure counts construction or migrant workers",
        )],
        Why::ValueMismatch { value } => vec![Cell::Template(
            "the value column ({}) does not match the printed text",
            vec![as_given(*value)],
        )],
    })
}

/// A number with exactly the digits it was given with.
fn as_given(v: f64) -> Cell {
    let shown = v.to_string();
    match shown.split_once('.') {
        Some((_, frac)) => Cell::Dec(v, frac.len().min(12) as u8),
        None if v.abs() < 9e15 => Cell::Int(v as i64),
        None => Cell::Text(shown),
    }
}

/// The range a candidate allows, written like the stated figure.
fn range(c: &Candidate, dp: u8, pct: bool) -> Cell {
    let mut p = vec![Cell::Range(c.computed.lo, c.computed.hi, dp)];
    if pct {
        p.push(t("%"));
    }
    Cell::Phrase(p)
}

/// The note of an audit row: why it could not be checked, inputs read the wider way, and the
/// other denominators tried.
fn note_cells(ds: &DataSet, r: &AuditRow, dp: u8, pct: bool) -> Vec<Cell> {
    let best = r.best();
    let mut note = Vec::new();
    if let Some(w) = &r.why {
        note.push(why(ds, r, w));
    }
    // Inputs whose trailing zeros leave their precision open: say the wider reading is used.
    for i in best.iter().flat_map(|c| &c.inputs) {
        let Ok(p) = crate::analysis::published::parse(&i.published) else {
            continue;
        };
        if p.widened {
            if !note.is_empty() {
                note.push(t("; "));
            }
            note.push(Cell::Template(
                "{} read to the nearest {}: its trailing zeros leave the precision open, so the wider reading",
                vec![Cell::text(&i.published), Cell::Int(p.unit as i64)],
            ));
        }
    }
    // Other denominators tried (a coverage figure that does not say what it is of).
    let others: Vec<&Candidate> = r.candidates.iter().skip(1).collect();
    if !others.is_empty() {
        note.push(Cell::Term("also tried"));
        note.push(t(": "));
        for (i, c) in others.iter().enumerate() {
            if i > 0 {
                note.push(t("; "));
            }
            let den = &c.inputs[1];
            note.push(Cell::Term(den.what));
            note.push(t(" "));
            note.push(Cell::Period(den.period));
            note.push(t(" "));
            note.push(range(c, dp, pct));
            note.push(t(" "));
            note.push(Cell::Term(c.verdict.term()));
        }
    }
    note
}

/// The verdict in words, naming the one denominator a percentage fits, and whether it rests on a
/// reading that is uncertain.
fn verdict_cell(r: &AuditRow) -> (Cell, bool) {
    let s = r.stated;
    let best = r.best();
    // The stated row, and the inputs of the verdict, read one way of two.
    let mut doubtful: Vec<&str> = Vec::new();
    if s.prov.uncertain && r.verdict != Verdict::NotCheckable {
        doubtful.push(&s.prov.published);
    }
    if let Some(c) = best {
        doubtful.extend(
            c.inputs
                .iter()
                .filter(|i| i.uncertain)
                .map(|i| i.published.as_str()),
        );
    }
    // A percentage of an unnamed denominator that fits only one of those tried names it.
    let fitting: Vec<&Candidate> = r
        .candidates
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Consistent | Verdict::Truncated))
        .collect();
    let verdict = match (r.candidates.len(), fitting.as_slice()) {
        (2.., [only]) => Cell::Template(
            "{} only against {} {}",
            vec![
                Cell::Term(r.verdict.term()),
                Cell::Term(only.inputs[1].what),
                Cell::Period(only.inputs[1].period),
            ],
        ),
        _ => Cell::Term(r.verdict.term()),
    };
    let verdict = if_read(verdict, None, &doubtful);
    (verdict, !doubtful.is_empty())
}

/// The count of stated figures by verdict, under the table.
fn summary(rows: &[AuditRow], counts: &[i64; 4]) -> Cell {
    let mut summary = vec![
        Cell::Int(rows.len() as i64),
        t(" "),
        Cell::Term("stated figures"),
        t(": "),
    ];
    for (i, v) in [
        Verdict::Consistent,
        Verdict::Truncated,
        Verdict::Inconsistent,
        Verdict::NotCheckable,
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            summary.push(t(", "));
        }
        summary.push(Cell::Int(counts[v as usize]));
        summary.push(t(" "));
        summary.push(Cell::Term(v.term()));
    }
    Cell::Phrase(summary)
}

pub fn table(ds: &DataSet, rows: &[AuditRow]) -> Table {
    let mut tb = Table::new(vec![
        col("office", "Office"),
        col("office_name", "Name"),
        col("period", "Period"),
        col("segment", "Segment"),
        col("metric", "Metric"),
        col("label", "Figure"),
        col("stated", "Stated"),
        col("stated_words", "Stated"),
        col("stated_bound", "Bound"),
        col("published", "As published"),
        col("stated_lo", "Stated from"),
        col("stated_hi", "Stated to"),
        col("computed", "Computed"),
        col("computed_lo", "Computed low"),
        col("computed_hi", "Computed high"),
        col("computed_point", "Computed from values as given"),
        col("verdict", "Verdict"),
        col("verdict_words", "Verdict"),
        col("reading", "Reading"),
        col("basis", "Computed from"),
        col("note", "Note"),
        col("source", "Source"),
    ]);
    let mut counts = [0i64; 4];
    for r in rows {
        let s = r.stated;
        let pct = crate::analysis::is_percent(s.metric);
        let dp = r
            .printed
            .map_or(2, |p| if pct { (p.decimals() + 1).max(2) } else { 0 });
        let best = r.best();
        let note = note_cells(ds, r, dp, pct);
        counts[r.verdict as usize] += 1;
        let (verdict, doubtful) = verdict_cell(r);
        let stated = if pct {
            Cell::PctStated(s.value)
        } else {
            Cell::Float(s.value)
        };
        tb.push(vec![
            Cell::text(&ds.offices[s.office].code),
            Cell::text(&ds.offices[s.office].name),
            Cell::opt(s.period, Cell::Period),
            Cell::segment(s.segment),
            Cell::text(s.metric.code()),
            Cell::Term(s.metric.label()),
            stated.clone(),
            as_published_or(s.value, &s.prov, false, stated),
            Cell::text(crate::analysis::bound::of(&s.prov).code()),
            Cell::quote(&s.prov.published),
            Cell::opt(r.printed, |p| Cell::Float(p.interval().lo)),
            Cell::opt(r.printed, |p| Cell::Float(p.interval().hi)),
            Cell::opt(best, |c| range(c, dp, pct)),
            Cell::opt(best, |c| Cell::Float(c.computed.lo)),
            Cell::opt(best, |c| Cell::Float(c.computed.hi)),
            Cell::opt(best, |c| Cell::Float(c.point)),
            Cell::Term(r.verdict.term()),
            verdict,
            reading_code(doubtful),
            Cell::opt(best, basis),
            if note.is_empty() {
                Cell::Empty
            } else {
                Cell::Phrase(note)
            },
            Cell::source(&s.prov.source),
        ]);
    }
    for hidden in [
        "office",
        "metric",
        "stated",
        "stated_bound",
        "stated_lo",
        "stated_hi",
        "computed_lo",
        "computed_hi",
        "computed_point",
        "verdict",
        "reading",
    ] {
        tb.hide(hidden);
    }
    tb.human("verdict_words");
    tb.human("stated_words");
    tb.human("computed");
    tb.title = Some("Audit of stated figures".into());
    tb.remarks.push(summary(rows, &counts));
    tb.remarks.push(Cell::Term(
        "Ranges allow for the rounding of every figure as printed: 41,46 juta is 41,455,000 to 41,465,000.",
    ));
    tb
}

pub fn run(ctx: &Ctx, a: &AuditArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let f = filter(&ds, &a.select)?;
    let ix = Index::build(&ds);
    let rows = audit(&ix, &f);
    ctx.emit(&table(&ds, &rows), out)?;
    let fails = rows.iter().any(|r| {
        r.verdict == Verdict::Inconsistent || (a.strict && r.verdict == Verdict::Truncated)
    });
    Ok(if fails {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
