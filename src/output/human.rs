//! Tables for people: thousands separators, rupiah with units, percentages to one decimal.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Modify, Style, Width};

use super::{Cell, Render, Table};

const WRAP: usize = 44;

pub struct Human {
    pub markdown: bool,
}

/// `1027000` -> `1,027,000`.
pub fn group_thousands(v: i64) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Rupiah with a unit: `Rp695.29 trillion`, `Rp342.00 billion`, `Rp17.18 million`, `Rp950,000`.
pub fn idr_human(v: f64) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let (div, unit) = if a >= 1e12 {
        (1e12, " trillion")
    } else if a >= 1e9 {
        (1e9, " billion")
    } else if a >= 1e6 {
        (1e6, " million")
    } else {
        return format!("{sign}Rp{}", group_thousands(a.round() as i64));
    };
    format!("{sign}Rp{:.2}{unit}", a / div)
}

fn float_human(v: f64) -> String {
    let r = v.round();
    if r.abs() < 9.0e18 {
        group_thousands(r as i64)
    } else {
        format!("{v:.0}")
    }
}

pub fn cell_human(c: &Cell) -> String {
    match c {
        Cell::Empty => "-".into(),
        Cell::Text(s) => s.clone(),
        Cell::Int(v) => group_thousands(*v),
        Cell::Plain(v) => v.to_string(),
        Cell::Delta(v) => format!("{}{}", if *v > 0 { "+" } else { "" }, group_thousands(*v)),
        Cell::Idr(v) => idr_human(*v as f64),
        Cell::IdrDelta(v) => format!("{}{}", if *v > 0 { "+" } else { "" }, idr_human(*v as f64)),
        Cell::IdrF(v) => idr_human(*v),
        Cell::Float(v) => float_human(*v),
        Cell::Pct(v) => format!("{v:.1}%"),
        Cell::PctStated(v) => format!("{v}%"),
        Cell::PctDelta(v) => format!("{}{v:.1}%", if *v > 0.0 { "+" } else { "" }),
        Cell::Bool(b) => if *b { "yes" } else { "no" }.into(),
    }
}

impl Human {
    fn section(&self, t: &Table, rows: &[&Vec<Cell>], w: &mut dyn Write) -> io::Result<()> {
        // Columns with nothing in them only cost width; machine formats keep them.
        let shown: Vec<usize> = (0..t.columns.len())
            .filter(|i| Some(*i) != t.group && !t.machine_only.contains(i))
            .filter(|&i| rows.is_empty() || rows.iter().any(|r| r[i] != Cell::Empty))
            .collect();
        let mut b = Builder::default();
        b.push_record(shown.iter().map(|&i| t.columns[i].title.to_string()));
        for r in rows {
            b.push_record(shown.iter().map(|&i| {
                let s = cell_human(&r[i]);
                // A pipe inside a markdown cell would end the cell.
                if self.markdown {
                    s.replace('|', "\\|")
                } else {
                    s
                }
            }));
        }
        let mut table = b.build();
        if self.markdown {
            table.with(Style::markdown());
        } else {
            table.with(Style::sharp());
        }
        for (pos, &i) in shown.iter().enumerate() {
            if rows.iter().any(|r| r[i].is_numeric()) {
                table.modify(Columns::one(pos), Alignment::right());
            } else if !self.markdown
                && rows
                    .iter()
                    .any(|r| cell_human(&r[i]).chars().count() > WRAP)
            {
                // Long prose (sources, notes) wraps so the figures stay on one screen.
                table.with(Modify::new(Columns::one(pos)).with(Width::wrap(WRAP).keep_words(true)));
            }
        }
        writeln!(w, "{table}")
    }
}

impl Render for Human {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        if let Some(title) = &t.title {
            if self.markdown {
                writeln!(w, "# {title}\n")?;
            } else {
                writeln!(w, "{title}\n")?;
            }
        }
        match t.group {
            None => {
                if t.rows.is_empty() {
                    writeln!(w, "(no figures)")?;
                } else {
                    let rows: Vec<&Vec<Cell>> = t.rows.iter().collect();
                    self.section(t, &rows, w)?;
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
                        writeln!(w, "## {}\n", cell_human(key))?;
                    } else {
                        writeln!(w, "{}", cell_human(key))?;
                    }
                    let rows: Vec<&Vec<Cell>> = t.rows[start..end].iter().collect();
                    self.section(t, &rows, w)?;
                    start = end;
                }
                if t.rows.is_empty() {
                    writeln!(w, "(no figures)")?;
                }
            }
        }
        if !t.notes.is_empty() {
            writeln!(w)?;
            for n in &t.notes {
                writeln!(w, "{}{n}", if self.markdown { "- " } else { "" })?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_and_units() {
        assert_eq!(group_thousands(1_027_000), "1,027,000");
        assert_eq!(group_thousands(-5_600_000), "-5,600,000");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(idr_human(695_290_000_000_000.0), "Rp695.29 trillion");
        assert_eq!(idr_human(342_000_000_000.0), "Rp342.00 billion");
        assert_eq!(idr_human(17_181_290.13), "Rp17.18 million");
        assert_eq!(idr_human(950_000.0), "Rp950,000");
        assert_eq!(cell_human(&Cell::PctDelta(15.616)), "+15.6%");
        assert_eq!(cell_human(&Cell::Delta(5_600_000)), "+5,600,000");
    }
}
