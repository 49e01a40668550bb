//! `coverage validate`: every problem in a data set, as file:line.

use std::io::Write;

use anyhow::Result;

use super::common::Ctx;
use crate::analysis::{findings, outside_published, Finding, Index};
use crate::cli::ValidateArgs;
use crate::load::{load, Problems};
use crate::model::DataSet;
use crate::output::{col, Cell, Table};
use crate::said::Say;
use crate::Outcome;

pub fn run(ctx: &Ctx, a: &ValidateArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut problems = Problems::new(a.max.max(1));
    let ds = load(&ctx.source, ctx.read, &mut problems);
    // Figures that do not add up are only worth checking once the files read cleanly.
    let found = if problems.is_empty() {
        let mut f = findings(&Index::build(&ds));
        f.extend(outside_published(&ds));
        f.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
        f
    } else {
        Vec::new()
    };
    let total = problems.total + found.len();
    let mut t = Table::new(vec![
        col("file", "File"),
        col("line", "Line"),
        col("column", "Column"),
        col("header", "Header"),
        col("kind", "Kind"),
        col("message", "Problem"),
        col("found", "Found"),
        col("hint", "Hint"),
    ]);
    for p in &problems.kept {
        t.push(vec![
            Cell::text(&p.path),
            Cell::opt(p.line, |l| Cell::Int(l as i64)),
            Cell::opt(p.column.as_ref(), |(c, _)| Cell::Int(*c as i64)),
            Cell::opt(p.column.as_ref(), |(_, h)| Cell::text(h)),
            Cell::text("input"),
            Cell::text(match &p.found {
                Some(_) => format!("expected {}", p.message),
                None => p.message.clone(),
            }),
            Cell::opt(p.found.as_ref(), |f| Cell::text(crate::load::quote(f))),
            Cell::opt(p.hint.as_ref(), Cell::text),
        ]);
    }
    let room = a.max.saturating_sub(problems.kept.len());
    for f in found.iter().take(room) {
        t.push(vec![
            Cell::text(ctx.source.display(f.file)),
            Cell::opt((f.line > 0).then_some(f.line), |l| Cell::Int(l as i64)),
            Cell::opt(f.column, |(c, _)| Cell::Int(c as i64)),
            Cell::opt(f.column, |(_, h)| Cell::text(h)),
            Cell::text("finding"),
            Cell::note(Some(&f.message)),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    let shown = t.rows.len();
    if total > shown {
        t.notes.push(format!("... and {} more", total - shown));
    }
    t.lines = Some(lines(
        ctx,
        &ds,
        &problems,
        &found[..found.len().min(room)],
        total,
    ));
    ctx.emit(&t, out)?;
    Ok(if total == 0 {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// What people read: one line per problem, as a compiler writes them, then the count.
fn lines(
    ctx: &Ctx,
    ds: &DataSet,
    problems: &Problems,
    found: &[Finding],
    total: usize,
) -> Vec<Cell> {
    let lang = ctx.render.lang;
    let look = |k: &str| lang.term(k).to_string();
    let mut l: Vec<Cell> = problems
        .kept
        .iter()
        .map(|p| Cell::Text(p.say(&look)))
        .collect();
    for f in found {
        // Line 0: a figure the data set derives, on no line of its own.
        let at = crate::load::Problem {
            said: None,
            hint_said: None,
            found_said: None,
            path: ctx.source.display(f.file),
            line: (f.line > 0).then_some(f.line),
            column: f.column.map(|(c, h)| (c, h.to_string())),
            found: None,
            message: String::new(),
            hint: None,
        };
        let at = format!("{}: ", at.location());
        l.push(Cell::Phrase(vec![
            Cell::Text(at),
            Cell::note(Some(&f.message)),
        ]));
    }
    let shown = l.len();
    if total > shown {
        l.push(Cell::Template(
            "... and {} more",
            vec![Cell::Plain((total - shown) as i64)],
        ));
    }
    let n = |v: usize| Cell::Plain(v as i64);
    l.push(if total == 0 {
        Cell::Template(
            "ok: {} offices, {} participant, {} claim, {} target, {} workforce and {} stated rows; no problems",
            vec![
                n(ds.offices.len()),
                n(ds.participants.rows),
                n(ds.claims.len()),
                n(ds.targets.len()),
                n(ds.workforce.len()),
                n(ds.stated.len()),
            ],
        )
    } else if total == 1 {
        Cell::Template("{} problem found", vec![n(total)])
    } else {
        Cell::Template("{} problems found", vec![n(total)])
    });
    l
}
