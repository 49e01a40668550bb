//! The drawing the tables had when tabled laid them out, kept to hold the line-by-line
//! writer to the same bytes.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Modify, Style, Width};

use super::*;

impl Human {
    fn ref_section(&self, t: &Table, rows: &[&Vec<Cell>], w: &mut dyn Write) -> io::Result<()> {
        let mut shown: Vec<usize> = (0..t.columns.len())
            .filter(|i| Some(*i) != t.group && !t.machine_only.contains(i))
            .filter(|&i| rows.is_empty() || rows.iter().any(|r| r[i] != Cell::Empty))
            .collect();
        let mut table = self.ref_build(t, rows, &shown, WRAP);
        if self.markdown {
            let right: Vec<usize> = self
                .ref_positions(t, rows, &shown)
                .into_iter()
                .zip(&shown)
                .filter(|(_, &i)| rows.iter().any(|r| r[i].is_numeric()))
                .map(|(pos, _)| pos)
                .collect();
            return writeln!(w, "{}", markdown_align(&table.to_string(), &right));
        }
        let mut left_out = Vec::new();
        let mut fold = false;
        if let Some(max) = self.width {
            // Text wraps narrower first; then the columns that matter least go, one at a time;
            // a table still too wide is folded into one block of lines per row.
            let mut wrap = WRAP;
            while table.total_width() > max {
                if wrap > MIN_WRAP {
                    wrap = (wrap - 4).max(MIN_WRAP);
                } else if let Some(k) = least(t, &shown) {
                    left_out.push(shown.remove(k));
                } else {
                    fold = true;
                    break;
                }
                table = self.ref_build(t, rows, &shown, wrap);
            }
        }
        if fold {
            self.ref_records(t, rows, &shown, self.width.unwrap_or(80), w)?;
            if !left_out.is_empty() {
                writeln!(w)?;
            }
        } else {
            writeln!(w, "{table}")?;
        }
        if let (Some(max), false) = (self.width, left_out.is_empty()) {
            left_out.sort_unstable();
            let names: Vec<&str> = left_out
                .iter()
                .map(|&i| self.lang.term(t.columns[i].title))
                .collect();
            let template = self.lang.term(LEFT_OUT);
            let max = max.to_string();
            let names = names.join(", ");
            let note =
                crate::output::lang::fill(template, [max.as_str(), names.as_str()].into_iter());
            self.wrapped(&note, w)?;
        }
        Ok(())
    }

    /// Each row as a block of `Title  value` lines, values wrapped to `width`.
    fn ref_records(
        &self,
        t: &Table,
        rows: &[&Vec<Cell>],
        shown: &[usize],
        width: usize,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        let titles: Vec<&str> = shown
            .iter()
            .map(|&i| self.lang.term(t.columns[i].title))
            .collect();
        let label = titles.iter().map(|s| s.chars().count()).max().unwrap_or(0);
        let room = width.saturating_sub(label + 2).max(MIN_WRAP);
        for (n, r) in rows.iter().enumerate() {
            if n > 0 {
                writeln!(w)?;
            }
            for (&i, title) in shown.iter().zip(&titles) {
                let value = self.shown(&cell_human(&r[i], self.lang));
                for (k, line) in wrap_words(&value, room).iter().enumerate() {
                    let head = if k == 0 { *title } else { "" };
                    writeln!(w, "{head:<label$}  {line}")?;
                }
            }
        }
        Ok(())
    }

    /// Whether column `i` draws a bar beside its percentages.
    fn ref_with_bar(&self, t: &Table, rows: &[&Vec<Cell>], i: usize) -> bool {
        !self.markdown && t.bars.contains(&i) && rows.iter().any(|r| matches!(r[i], Cell::Pct(_)))
    }

    /// Where each shown column starts among the drawn columns (a bar takes one more).
    fn ref_positions(&self, t: &Table, rows: &[&Vec<Cell>], shown: &[usize]) -> Vec<usize> {
        let mut pos_of = Vec::with_capacity(shown.len());
        let mut next = 0;
        for &i in shown {
            pos_of.push(next);
            next += if self.ref_with_bar(t, rows, i) { 2 } else { 1 };
        }
        pos_of
    }

    /// The drawn table of the `shown` columns, text longer than `wrap` wrapped at words.
    fn ref_build(
        &self,
        t: &Table,
        rows: &[&Vec<Cell>],
        shown: &[usize],
        wrap: usize,
    ) -> tabled::Table {
        let with_bar = |i: usize| self.ref_with_bar(t, rows, i);
        let mut b = Builder::default();
        b.push_record(shown.iter().flat_map(|&i| {
            let title = self.lang.term(t.columns[i].title).to_string();
            std::iter::once(title).chain(with_bar(i).then(String::new))
        }));
        for r in rows {
            b.push_record(shown.iter().flat_map(|&i| {
                let s = self.shown(&cell_human(&r[i], self.lang));
                let drawn = with_bar(i).then(|| match &r[i] {
                    Cell::Pct(v) => {
                        let b = bar(*v);
                        if self.color && !b.is_empty() {
                            format!("\x1b[36m{b}\x1b[0m")
                        } else {
                            b
                        }
                    }
                    _ => String::new(),
                });
                std::iter::once(s).chain(drawn)
            }));
        }
        let pos_of = self.ref_positions(t, rows, shown);
        let mut table = b.build();
        if self.markdown {
            table.with(Style::markdown());
        } else {
            table.with(Style::sharp());
        }
        for (&pos, &i) in pos_of.iter().zip(shown) {
            if rows.iter().any(|r| r[i].is_numeric()) {
                table.modify(Columns::one(pos), Alignment::right());
            } else if !self.markdown
                && rows
                    .iter()
                    .any(|r| cell_human(&r[i], self.lang).chars().count() > wrap)
            {
                // Never narrower than the column's longest word, so no word is broken.
                let word = rows
                    .iter()
                    .flat_map(|r| {
                        let s = cell_human(&r[i], self.lang);
                        s.split_whitespace().map(|w| w.chars().count()).max()
                    })
                    .max()
                    .unwrap_or(0);
                let wrap = if wrap < WRAP { wrap.max(word) } else { wrap };
                table.with(Modify::new(Columns::one(pos)).with(Width::wrap(wrap).keep_words(true)));
            }
        }
        table
    }

    /// The table as tabled drew it.
    pub fn reference(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        if let Some(lines) = &t.lines {
            for l in lines {
                writeln!(w, "{}", cell_human(l, self.lang))?;
            }
            return Ok(());
        }
        self.title(t, w)?;
        match t.group {
            None => {
                if t.rows.is_empty() {
                    writeln!(w, "{}", self.lang.term("(no figures)"))?;
                } else {
                    let rows: Vec<&Vec<Cell>> = t.rows.iter().collect();
                    self.ref_section(t, &rows, w)?;
                }
            }
            Some(g) => {
                let mut start = 0;
                while start < t.rows.len() {
                    let key = &t.rows[start][g];
                    let end = t.rows[start..]
                        .iter()
                        .position(|r| &r[g] != key)
                        .map_or(t.rows.len(), |n| start + n);
                    if start > 0 {
                        writeln!(w)?;
                    }
                    if self.markdown {
                        writeln!(w, "## {}\n", self.notes(&cell_human(key, self.lang)))?;
                    } else {
                        writeln!(w, "{}", self.notes(&cell_human(key, self.lang)))?;
                    }
                    let rows: Vec<&Vec<Cell>> = t.rows[start..end].iter().collect();
                    self.ref_section(t, &rows, w)?;
                    start = end;
                }
                if t.rows.is_empty() {
                    writeln!(w, "{}", self.lang.term("(no figures)"))?;
                }
            }
        }
        if !t.notes.is_empty() || !t.remarks.is_empty() {
            writeln!(w)?;
            let bullet = if self.markdown { "- " } else { "" };
            for n in &t.notes {
                self.wrapped(&format!("{bullet}{}", self.notes(self.lang.term(n))), w)?;
            }
            for r in &t.remarks {
                self.wrapped(
                    &format!("{bullet}{}", self.notes(&cell_human(r, self.lang))),
                    w,
                )?;
            }
        }
        Ok(())
    }
}

/// Marks the columns at `right` as right-aligned (`---:`) in a markdown table's delimiter row,
/// so a markdown viewer lines numbers up by their last digit as the text already does.
fn markdown_align(table: &str, right: &[usize]) -> String {
    let mut lines: Vec<String> = table.lines().map(String::from).collect();
    if let Some(delim) = lines.get_mut(1) {
        let mut cells: Vec<String> = delim.split('|').map(String::from).collect();
        // The row starts and ends with `|`, so cell k is piece k + 1.
        for &k in right {
            if let Some(c) = cells.get_mut(k + 1) {
                if c.ends_with('-') {
                    c.pop();
                    c.push(':');
                }
            }
        }
        *delim = cells.join("|");
    }
    lines.join("\n")
}
