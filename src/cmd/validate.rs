//! `coverage validate`: every problem in a data set, as file:line.

use std::io::Write;

use anyhow::Result;

use super::common::Ctx;
use crate::analysis::{findings, outside_published, Index};
use crate::cli::ValidateArgs;
use crate::load::{load, Problems};
use crate::output::{col, Cell, Format, Table};
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
            Cell::Empty,
            Cell::Empty,
            Cell::text("finding"),
            Cell::text(&f.message),
            Cell::Empty,
            Cell::Empty,
        ]);
    }
    let shown = t.rows.len();
    match ctx.render.format {
        Format::Table | Format::Markdown => {
            // People get compiler-style lines rather than a table of long messages.
            for p in &problems.kept {
                writeln!(out, "{p}")?;
            }
            for f in found.iter().take(room) {
                // Line 0: a figure the data set derives, on no line of its own.
                let at = match f.line {
                    0 => String::new(),
                    l => format!("{l}:"),
                };
                writeln!(out, "{}:{at} {}", ctx.source.display(f.file), f.message)?;
            }
            if total > shown {
                writeln!(out, "... and {} more", total - shown)?;
            }
            if total == 0 {
                writeln!(
                    out,
                    "ok: {} offices, {} participant, {} claim, {} target, {} workforce and {} stated rows; no problems",
                    ds.offices.len(),
                    ds.participants.rows,
                    ds.claims.len(),
                    ds.targets.len(),
                    ds.workforce.len(),
                    ds.stated.len()
                )?;
            } else {
                writeln!(
                    out,
                    "{total} problem{} found",
                    if total == 1 { "" } else { "s" }
                )?;
            }
        }
        _ => {
            if total > shown {
                t.notes.push(format!("... and {} more", total - shown));
            }
            ctx.emit(&t, out)?;
        }
    }
    Ok(if total == 0 {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}
