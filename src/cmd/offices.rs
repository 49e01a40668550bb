//! `coverage offices`: the hierarchy of offices and areas.

use std::io::Write;

use anyhow::Result;

use super::common::Ctx;
use crate::output::{col, Cell, Format, Table};
use crate::Outcome;

pub fn run(ctx: &Ctx, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    // csv and xlsx read back as an offices file: its columns only, partial as yes/no.
    let as_input = matches!(ctx.render.format, Format::Csv | Format::Xlsx);
    let mut columns = vec![
        col("code", "Code"),
        col("name", "Name"),
        col("level", "Level"),
        col("parent", "Parent"),
        col("depth", "Depth"),
        col("partial", "Partial"),
        col("note", "Note"),
    ];
    if as_input {
        columns.retain(|c| c.name != "depth");
    }
    let mut t = Table::new(columns);
    for (i, depth) in ds.tree() {
        let o = &ds.offices[i];
        // People see the hierarchy as indentation; machines get it as a depth column.
        let mut row = vec![
            Cell::text(&o.code),
            Cell::Indented(depth, o.name.clone()),
            Cell::Term(o.level.code()),
            Cell::opt(o.parent, |p| Cell::text(&ds.offices[p].code)),
            Cell::Int(depth as i64),
            Cell::Bool(o.partial),
            Cell::text(&o.note),
        ];
        if as_input {
            row.remove(4);
            row[4] = Cell::text(if o.partial { "yes" } else { "no" });
        }
        t.push(row);
    }
    t.hide("depth");
    t.hide("note");
    t.notes.push("partial: only some of the office's children are listed, so its figures are never summed from them. `--format csv` adds each office's note.".into());
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
