//! `coverage offices`: the hierarchy of offices and areas.

use std::io::Write;

use anyhow::Result;

use super::common::Ctx;
use crate::output::{col, Cell, Table};
use crate::Outcome;

const MAX_INDENT: usize = 12;

pub fn run(ctx: &Ctx, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let mut t = Table::new(vec![
        col("code", "Code"),
        col("name", "Name"),
        col("level", "Level"),
        col("parent", "Parent"),
        col("depth", "Depth"),
        col("partial", "Partial"),
        col("note", "Note"),
    ]);
    let human = matches!(
        ctx.render.format,
        crate::output::Format::Table | crate::output::Format::Markdown
    );
    for (i, depth) in ds.tree() {
        let o = &ds.offices[i];
        // People see the hierarchy as indentation; machines get it as a depth column.
        // Past MAX_INDENT levels the depth is written out: indenting a 10,000-deep chain
        // would print 100 MB of spaces.
        let name = if human && depth > MAX_INDENT {
            format!("{}({depth}) {}", "  ".repeat(MAX_INDENT), o.name)
        } else if human {
            format!("{}{}", "  ".repeat(depth), o.name)
        } else {
            o.name.clone()
        };
        t.push(vec![
            Cell::text(&o.code),
            Cell::text(name),
            Cell::Term(o.level.code()),
            Cell::opt(o.parent, |p| Cell::text(&ds.offices[p].code)),
            Cell::Int(depth as i64),
            Cell::Bool(o.partial),
            Cell::text(&o.note),
        ]);
    }
    t.hide("depth");
    if human {
        t.hide("note");
        t.notes.push("partial: only some of the office's children are listed, so its figures are never summed from them. `--format csv` adds each office's note.".into());
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
