//! `coverage check`: hold one office to thresholds, for scripts and CI. Exit 0 when every
//! threshold holds, 1 when one fails, 2 when one has no figure to be held against.

use std::io::Write;

use anyhow::Result;

use super::common::{
    basis_phrase, bound_code, if_read, missing_cell, raw_value, reading_code, result_open,
    value_cell, Ctx,
};
use crate::analysis::Index;
use crate::cli::CheckArgs;
use crate::model::Segment;
use crate::output::{cell_human, col, Cell, Table};
use crate::resolve::resolve;
use crate::said::{Said, Told};
use crate::standing::{standing, By, Missing, Standing};
use crate::Outcome;

pub fn run(ctx: &Ctx, a: &CheckArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let office = resolve(&ds, &a.branch)?;
    let segment = a.segment.unwrap_or(Segment::All);
    let ix = Index::build(&ds);
    let mut t = Table::new(vec![
        col("office", "Office"),
        col("segment", "Segment"),
        col("threshold", "Threshold"),
        col("minimum", "Minimum"),
        col("value", "Value"),
        col("value_words", "Value"),
        col("value_bound", "Bound"),
        col("reading", "Reading"),
        col("period", "Period"),
        col("basis", "Basis"),
        col("result", "Result"),
        col("result_words", "Result"),
        col("reason", "Reason"),
    ]);
    let code = &ds.offices[office].code;
    let name = &ds.offices[office].name;
    t.title = Some(format!("{name} ({code})"));
    let lang = ctx.render.lang;
    let mut failed = false;
    let mut no_data: Vec<(&str, Missing)> = Vec::new();
    for (flag, b, min) in [
        ("--min-coverage", By::Coverage, a.min_coverage),
        ("--min-growth", By::Growth, a.min_growth),
        ("--min-achievement", By::Achievement, a.min_achievement),
    ] {
        let Some(min) = min else { continue };
        let s = standing(&ix, b, office, segment, a.year);
        let result = match &s {
            Ok(s) if s.value >= min => "pass",
            Ok(_) => {
                failed = true;
                "fail"
            }
            Err(m) => {
                no_data.push((flag, m.clone()));
                "no data"
            }
        };
        let s = s.as_ref();
        t.push(vec![
            Cell::text(code),
            Cell::segment(segment),
            Cell::Term(b.term()),
            Cell::PctStated(min),
            Cell::opt(s.ok(), |s| raw_value(b, s)),
            // The rows read one way of two are named on the verdict, which rests on them.
            Cell::opt(s.ok(), |s| {
                let plain = Standing {
                    doubts: Vec::new(),
                    ..s.clone()
                };
                value_cell(b, &plain)
            }),
            Cell::opt(s.ok(), |s| bound_code(s.bound)),
            Cell::opt(s.ok(), |s| reading_code(s.uncertain)),
            Cell::opt(s.ok(), |s| Cell::Period(s.period)),
            Cell::opt(s.ok(), basis_phrase),
            Cell::Term(result),
            match &s {
                Ok(st) => {
                    let verdict = if result_open(st, min) {
                        Cell::Template(
                            "{}, though the figure is a bound and may lie on the other side",
                            vec![Cell::Term(result)],
                        )
                    } else {
                        Cell::Term(result)
                    };
                    let doubts: Vec<&str> = st.doubts.iter().map(String::as_str).collect();
                    if_read(verdict, None, &doubts)
                }
                _ => Cell::Term(result),
            },
            Cell::opt(s.err(), |m| missing_cell(m, &ds)),
        ]);
    }
    for name in ["office", "value", "value_bound", "reading", "result"] {
        t.hide(name);
    }
    t.human("value_words");
    t.human("result_words");
    ctx.emit(&t, out)?;
    if !no_data.is_empty() {
        out.flush()?;
        // Only a segment that has the figure a flag asked for is worth pointing at: one
        // that lacks it too would fail the same way.
        let mut segs: Vec<Segment> = no_data
            .iter()
            .filter_map(|(_, m)| match m {
                Missing::OtherSegments { shows: Ok(s), .. } => Some(*s),
                _ => None,
            })
            .collect();
        segs.sort();
        segs.dedup();
        let hint = if !segs.is_empty() && !segs.contains(&segment) {
            let codes: Vec<&str> = segs.iter().map(|s| s.code()).collect();
            Said::new(
                "{} has the figure asked for with --segment {}",
                vec![code.clone(), codes.join(", ")],
            )
        } else {
            Said::new(
                "`coverage report --branch {}` lists the figures there are",
                vec![code.clone()],
            )
        };
        // The reasons are cells, said in the reader's language as the table says them.
        let reasons: Vec<String> = no_data
            .iter()
            .map(|(flag, m)| format!("{flag}: {}", cell_human(&missing_cell(m, &ds), lang)))
            .collect();
        return Err(Told::new(Said::new(
            if segment == Segment::All {
                "no figure to hold the threshold against for {} (all segments): {}"
            } else {
                "no figure to hold the threshold against for {} ({} segment): {}"
            },
            // Segments as BPS writes them: PU, BPU.
            if segment == Segment::All {
                vec![code.clone(), reasons.join("; ")]
            } else {
                vec![
                    code.clone(),
                    segment.code().to_uppercase(),
                    reasons.join("; "),
                ]
            },
        ))
        .hint(hint)
        .into());
    }
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
