//! `coverage audit`: every figure a source states, recomputed from the figures it rests on,
//! allowing for how rounded they were as printed. Exit 1 when one is inconsistent.

use std::io::Write;

use anyhow::Result;

use super::common::{filter, Ctx};
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
    if i.published.is_empty() {
        out.push(Cell::Int(i.value));
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
        Why::NoWorkforce { what } => vec![
            Cell::Term("no workforce figure"),
            t(" ("),
            Cell::Term(what),
            t(&format!("): {}", ds.offices[r.stated.office].code)),
        ],
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

pub fn table(ds: &DataSet, rows: &[AuditRow]) -> Table {
    let mut tb = Table::new(vec![
        col("office", "Office"),
        col("period", "Period"),
        col("segment", "Segment"),
        col("metric", "Metric"),
        col("label", "Figure"),
        col("stated", "Stated"),
        col("published", "As published"),
        col("stated_lo", "Stated from"),
        col("stated_hi", "Stated to"),
        col("computed", "Computed"),
        col("computed_lo", "Computed low"),
        col("computed_hi", "Computed high"),
        col("computed_point", "Computed from values as given"),
        col("verdict", "Verdict"),
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
        let mut note = Vec::new();
        if let Some(w) = &r.why {
            note.push(why(ds, r, w));
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
        counts[r.verdict as usize] += 1;
        tb.push(vec![
            Cell::text(&ds.offices[s.office].code),
            Cell::opt(s.period, Cell::Period),
            Cell::segment(s.segment),
            Cell::text(s.metric.code()),
            Cell::Term(s.metric.label()),
            if pct {
                Cell::PctStated(s.value)
            } else {
                Cell::Float(s.value)
            },
            Cell::quote(&s.prov.published),
            Cell::opt(r.printed, |p| Cell::Float(p.interval().lo)),
            Cell::opt(r.printed, |p| Cell::Float(p.interval().hi)),
            Cell::opt(best, |c| range(c, dp, pct)),
            Cell::opt(best, |c| Cell::Float(c.computed.lo)),
            Cell::opt(best, |c| Cell::Float(c.computed.hi)),
            Cell::opt(best, |c| Cell::Float(c.point)),
            Cell::Term(r.verdict.term()),
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
        "metric",
        "stated",
        "stated_lo",
        "stated_hi",
        "computed_lo",
        "computed_hi",
        "computed_point",
    ] {
        tb.hide(hidden);
    }
    tb.human("computed");
    tb.title = Some("Audit of stated figures".into());
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
    tb.remarks.push(Cell::Phrase(summary));
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
