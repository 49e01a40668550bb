//! Tables for people: thousands separators, rupiah with units, percentages to one decimal.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::object::Columns;
use tabled::settings::{Alignment, Modify, Style, Width};

use super::lang::{month_full, month_name};
use super::{Cell, Lang, Render, Table};
use crate::model::Period;

const WRAP: usize = 44;

pub struct Human {
    pub markdown: bool,
    pub lang: Lang,
    pub color: bool,
    /// The terminal's width to fit a table in; `None` (off a terminal, or --wide): any width.
    pub width: Option<usize>,
}

/// Cells a full (100 %) bar takes.
const BAR_CELLS: usize = 10;

/// A percentage as a bar of `BAR_CELLS` cells, in eighths of a cell: `82.2` -> `████████▏`.
/// Above 100 the bar is full and ends in `▸`; below 0 or unknown it is empty.
pub fn bar(pct: f64) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if !pct.is_finite() || pct <= 0.0 {
        return String::new();
    }
    let full = BAR_CELLS * 8;
    let mut eighths = ((pct.min(100.0) / 100.0) * full as f64).round() as usize;
    if pct < 100.0 {
        // 99.8% rounds to a full bar; only 100% or more may draw one.
        eighths = eighths.min(full - 1);
    }
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(EIGHTHS[eighths % 8]);
    }
    if pct > 100.0 {
        s.push('▸');
    }
    s
}

/// `1027000` -> `1,027,000`.
pub fn group_thousands(v: i64) -> String {
    group(v, Lang::En)
}

/// Groups the digits in threes with the language's separator: `1,027,000` or `1.027.000`.
pub fn group(v: i64, lang: Lang) -> String {
    let digits = v.unsigned_abs().to_string();
    let sep = lang.thousands_sep();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A decimal to `dp` places, grouped, in the language's writing: `1,234.57` or `1.234,57`.
pub fn fixed(v: f64, dp: u8, lang: Lang) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "-".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let s = format!("{:.*}", usize::from(dp), v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let negative = v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let int = match int.parse::<i64>() {
        Ok(i) => group(i, lang),
        Err(_) => int.to_string(),
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&int);
    if !frac.is_empty() {
        out.push(lang.decimal_sep());
        out.push_str(frac);
    }
    out
}

/// Rupiah with a unit: `Rp695.29 trillion`, `Rp342.00 billion`, `Rp17.18 million`, `Rp950,000`.
pub fn idr_human(v: f64) -> String {
    idr(v, Lang::En)
}

/// The unit rupiah of this size are written in, as its divisor and word (` trillion`,
/// ` T`); none under a million. The one home of the rupiah units, for tables and charts.
pub fn idr_unit(v: f64, lang: Lang) -> Option<(f64, &'static str)> {
    let units = match lang {
        Lang::En => [" trillion", " billion", " million"],
        Lang::Id => [" triliun", " miliar", " juta"],
    };
    let a = v.abs();
    if a >= 1e12 {
        Some((1e12, units[0]))
    } else if a >= 1e9 {
        Some((1e9, units[1]))
    } else if a >= 1e6 {
        Some((1e6, units[2]))
    } else {
        None
    }
}

/// Rupiah with a unit in the language's writing. Indonesian follows BPS: `Rp695,29 triliun`,
/// `Rp342 miliar`, `Rp17,18 juta`, `Rp950.000`.
pub fn idr(v: f64, lang: Lang) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let Some((div, unit)) = idr_unit(a, lang) else {
        return format!("{sign}Rp{}", group(a.round() as i64, lang));
    };
    let mut n = fixed(a / div, 2, lang);
    if lang == Lang::Id {
        if let Some(whole) = n.strip_suffix(",00") {
            n = whole.to_string();
        }
    }
    format!("{sign}Rp{n}{unit}")
}

fn float_human(v: f64, lang: Lang) -> String {
    let r = v.round();
    if r.abs() < 9.0e18 {
        group(r as i64, lang)
    } else {
        format!("{v:.0}")
    }
}

/// A percentage as a source stated it, with all its digits.
fn stated_pct(v: f64, lang: Lang) -> String {
    let s = format!("{v}");
    match lang {
        Lang::En => format!("{s}%"),
        Lang::Id => format!("{}%", s.replace('.', ",")),
    }
}

fn plus(positive: bool) -> &'static str {
    if positive {
        "+"
    } else {
        ""
    }
}

/// Levels of a hierarchy shown as indentation; past this the depth is written out, as
/// indenting a 10,000-deep chain would print 100 MB of spaces.
const MAX_INDENT: usize = 12;

fn indented(depth: usize, name: &str) -> String {
    if depth > MAX_INDENT {
        format!("{}({depth}) {name}", "  ".repeat(MAX_INDENT))
    } else {
        format!("{}{name}", "  ".repeat(depth))
    }
}

/// A period for people: `2023-08` in English, `Agustus 2023` in Indonesian, as BPS writes it.
fn period(p: Period, lang: Lang) -> String {
    match (p, lang) {
        (Period::Month(y, m), Lang::Id) => format!("{} {y}", month_full(lang, m)),
        _ => p.to_string(),
    }
}

/// What a flow over a period covers: `Jan-Aug 2023`; `Januari–Agustus 2023` in Indonesian.
fn span(p: Period, lang: Lang) -> String {
    match p {
        Period::Year(y) => y.to_string(),
        Period::Month(y, 1) => format!("{} {y}", month_name(lang, 1)),
        Period::Month(y, m) => match lang {
            Lang::En => format!("{}-{} {y}", month_name(lang, 1), month_name(lang, m)),
            Lang::Id => format!("{}–{} {y}", month_full(lang, 1), month_full(lang, m)),
        },
    }
}

pub fn cell_human(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Empty => "-".into(),
        Cell::Text(s) => s.clone(),
        Cell::Int(v) => group(*v, lang),
        Cell::Plain(v) => v.to_string(),
        Cell::Delta(v) => format!("{}{}", plus(*v > 0), group(*v, lang)),
        Cell::Idr(v) => idr(*v as f64, lang),
        Cell::IdrDelta(v) => format!("{}{}", plus(*v > 0), idr(*v as f64, lang)),
        Cell::IdrF(v) => idr(*v, lang),
        Cell::Float(v) => float_human(*v, lang),
        Cell::Pct(v) => format!("{}%", fixed(*v, 1, lang)),
        Cell::PctStated(v) => stated_pct(*v, lang),
        Cell::PctDelta(v) => format!("{}{}%", plus(*v > 0.0), fixed(*v, 1, lang)),
        Cell::Bool(b) => lang.term(if *b { "yes" } else { "no" }).into(),
        Cell::Term(t) => lang.term(t).into(),
        Cell::Quote(s) => super::lang::quote(s, lang).into_owned(),
        Cell::Indented(depth, name) => indented(*depth, name),
        Cell::Range(lo, hi, dp) => {
            let scale = 10f64.powi(i32::from(*dp));
            if (lo * scale).round() == (hi * scale).round() {
                fixed(*lo, *dp, lang)
            } else {
                format!("{}–{}", fixed(*lo, *dp, lang), fixed(*hi, *dp, lang))
            }
        }
        Cell::Dec(v, dp) => fixed(*v, *dp, lang),
        Cell::Month(y, m) => match lang {
            Lang::En => format!("{} {y}", month_name(lang, *m)),
            Lang::Id => format!("{} {y}", month_full(lang, *m)),
        },
        Cell::Span(p) => span(*p, lang),
        Cell::Period(p) => period(*p, lang),
        Cell::Phrase(parts) => parts.iter().map(|p| cell_human(p, lang)).collect(),
        Cell::Template(t, args) => {
            let args: Vec<String> = args.iter().map(|a| cell_human(a, lang)).collect();
            super::lang::fill(lang.term(t), args.iter().map(String::as_str))
        }
    }
}

impl Human {
    /// A line outside the table (a title, a note): as [`Human::shown`], but a pipe is no cell's end there.
    fn notes(&self, s: &str) -> String {
        self.shown(s).replace("\\|", "|")
    }

    /// Text from the data as it may be shown: control characters written visibly (a newline
    /// would also add a phantom markdown row), and in markdown HTML escaped and a pipe, which
    /// would end the cell, escaped.
    fn shown(&self, s: &str) -> String {
        let s = super::visible(s, false);
        if !self.markdown {
            return s.into_owned();
        }
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                '|' => out.push_str("\\|"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
        }
        out
    }

    fn section(&self, t: &Table, rows: &[&Vec<Cell>], w: &mut dyn Write) -> io::Result<()> {
        let mut shown: Vec<usize> = (0..t.columns.len())
            .filter(|i| Some(*i) != t.group && !t.machine_only.contains(i))
            .filter(|&i| rows.is_empty() || rows.iter().any(|r| r[i] != Cell::Empty))
            .collect();
        let mut table = self.build(t, rows, &shown, WRAP);
        if self.markdown {
            let right: Vec<usize> = self
                .positions(t, rows, &shown)
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
                table = self.build(t, rows, &shown, wrap);
            }
        }
        if fold {
            self.records(t, rows, &shown, self.width.unwrap_or(80), w)?;
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
            let note = super::lang::fill(template, [max.as_str(), names.as_str()].into_iter());
            self.wrapped(&note, w)?;
        }
        Ok(())
    }

    /// A line of prose under a table, wrapped to the terminal's width when fitting it.
    fn wrapped(&self, s: &str, w: &mut dyn Write) -> io::Result<()> {
        match self.width {
            Some(width) if s.chars().count() > width => {
                for line in wrap_words(s, width) {
                    writeln!(w, "{line}")?;
                }
                Ok(())
            }
            _ => writeln!(w, "{s}"),
        }
    }

    /// Each row as a block of `Title  value` lines, values wrapped to `width`.
    fn records(
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
    fn with_bar(&self, t: &Table, rows: &[&Vec<Cell>], i: usize) -> bool {
        !self.markdown && t.bars.contains(&i) && rows.iter().any(|r| matches!(r[i], Cell::Pct(_)))
    }

    /// Where each shown column starts among the drawn columns (a bar takes one more).
    fn positions(&self, t: &Table, rows: &[&Vec<Cell>], shown: &[usize]) -> Vec<usize> {
        let mut pos_of = Vec::with_capacity(shown.len());
        let mut next = 0;
        for &i in shown {
            pos_of.push(next);
            next += if self.with_bar(t, rows, i) { 2 } else { 1 };
        }
        pos_of
    }

    /// The drawn table of the `shown` columns, text longer than `wrap` wrapped at words.
    fn build(&self, t: &Table, rows: &[&Vec<Cell>], shown: &[usize], wrap: usize) -> tabled::Table {
        let with_bar = |i: usize| self.with_bar(t, rows, i);
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
        let pos_of = self.positions(t, rows, shown);
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
}

/// `s` in lines of at most `width` characters, broken at spaces (a longer word keeps a line
/// of its own).
fn wrap_words(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// The narrowest text wraps to before columns are left out.
const MIN_WRAP: usize = 12;

/// The note under a table that left columns out to fit the terminal.
const LEFT_OUT: &str = "Left out to fit {} columns: {}. `--wide` shows every column.";

/// The columns a table too wide for the terminal gives up first, by name: provenance and
/// prose, then what can be worked out from the columns kept.
const LEAST: &[&str] = &[
    "source",
    "note",
    "basis",
    "computed_point",
    "reach_month",
    "needed_per_month",
    "pace_per_month",
    "required_pct",
    "required_change",
    "base_value",
    "base_period",
    "cagr_since",
    "cagr_pct",
    "change",
    "stated_lo",
    "stated_hi",
    "actual_period",
    "projected",
];

/// Which of the `shown` columns to leave out next: the first of [`LEAST`] still shown.
fn least(t: &Table, shown: &[usize]) -> Option<usize> {
    LEAST
        .iter()
        .find_map(|name| shown.iter().position(|&i| t.columns[i].name == *name))
}

impl Render for Human {
    fn render(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
        if let Some(lines) = &t.lines {
            for l in lines {
                writeln!(w, "{}", cell_human(l, self.lang))?;
            }
            return Ok(());
        }
        let title = match (&t.heading, &t.title) {
            (Some(h), _) => Some(self.notes(&cell_human(h, self.lang))),
            (None, Some(title)) => Some(self.notes(self.lang.term(title))),
            (None, None) => None,
        };
        if let Some(title) = title {
            if self.markdown {
                writeln!(w, "# {title}\n")?;
            } else {
                // On a narrow terminal the title wraps as the notes under a table do.
                self.wrapped(&title, w)?;
                writeln!(w)?;
            }
        }
        match t.group {
            None => {
                if t.rows.is_empty() {
                    writeln!(w, "{}", self.lang.term("(no figures)"))?;
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
                        writeln!(w, "## {}\n", self.notes(&cell_human(key, self.lang)))?;
                    } else {
                        writeln!(w, "{}", self.notes(&cell_human(key, self.lang)))?;
                    }
                    let rows: Vec<&Vec<Cell>> = t.rows[start..end].iter().collect();
                    self.section(t, &rows, w)?;
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
        assert_eq!(cell_human(&Cell::PctDelta(15.616), Lang::En), "+15.6%");
        assert_eq!(cell_human(&Cell::Delta(5_600_000), Lang::En), "+5,600,000");
    }

    #[test]
    fn indonesian_number_writing() {
        let id = Lang::Id;
        assert_eq!(cell_human(&Cell::Int(1_027_000), id), "1.027.000");
        assert_eq!(cell_human(&Cell::Delta(5_600_000), id), "+5.600.000");
        assert_eq!(cell_human(&Cell::Delta(-277_000), id), "-277.000");
        // 1,027,000 / 2,610,000 = 39.3487 % -> one decimal: 39,3%
        assert_eq!(cell_human(&Cell::Pct(39.3487), id), "39,3%");
        assert_eq!(cell_human(&Cell::Pct(39.41), id), "39,4%");
        assert_eq!(cell_human(&Cell::PctDelta(15.6163), id), "+15,6%");
        assert_eq!(cell_human(&Cell::PctStated(39.41), id), "39,41%");
        assert_eq!(
            cell_human(&Cell::Idr(695_290_000_000_000), id),
            "Rp695,29 triliun"
        );
        assert_eq!(cell_human(&Cell::Idr(342_000_000_000), id), "Rp342 miliar");
        // Rp281,000,000,000 / 16,355 cases = Rp17,181,290.13
        assert_eq!(cell_human(&Cell::IdrF(17_181_290.13), id), "Rp17,18 juta");
        assert_eq!(cell_human(&Cell::Idr(950_000), id), "Rp950.000");
        assert_eq!(cell_human(&Cell::Float(58_250.4), id), "58.250");
        assert_eq!(cell_human(&Cell::Dec(1234.5678, 2), id), "1.234,57");
        assert_eq!(cell_human(&Cell::Dec(-0.001, 2), id), "0,00");
        assert_eq!(cell_human(&Cell::Bool(true), id), "ya");
        let aug = Cell::Span(crate::model::Period::Month(2023, 8));
        assert_eq!(cell_human(&aug, id), "Januari–Agustus 2023");
        let p = Cell::Period(crate::model::Period::Month(2023, 8));
        assert_eq!(cell_human(&p, id), "Agustus 2023");
        assert_eq!(cell_human(&p, Lang::En), "2023-08");
        assert_eq!(super::super::csv::cell_raw(&p), "2023-08");
        // The English writing is the one machines get, and the one Period::span gives.
        assert_eq!(
            cell_human(&aug, Lang::En),
            crate::model::Period::Month(2023, 8).span()
        );
        assert_eq!(cell_human(&Cell::Term("Coverage"), id), "Cakupan");
        let p = Cell::Phrase(vec![
            Cell::Term("vs"),
            Cell::text(" 2022: "),
            Cell::Int(35_860_000),
        ]);
        assert_eq!(cell_human(&p, id), "dibanding 2022: 35.860.000");
        assert_eq!(cell_human(&p, Lang::En), "vs 2022: 35,860,000");
    }

    #[test]
    fn bars_are_coloured_only_when_allowed() {
        let mut t = Table::new(vec![super::super::col("share", "Share")]);
        t.push(vec![Cell::Pct(50.0)]);
        t.bar("share");
        let render = |color: bool, markdown: bool| {
            let mut out = Vec::new();
            Human {
                markdown,
                color,
                lang: Lang::En,
                width: None,
            }
            .render(&t, &mut out)
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        // 50% of 10 cells: 5 full cells.
        assert!(render(true, false).contains("\x1b[36m█████\x1b[0m"));
        assert!(render(false, false).contains("│ █████ │"));
        assert!(!render(false, false).contains('\x1b'));
        assert!(!render(true, true).contains('█'), "markdown never has bars");
    }

    #[test]
    fn bars_in_eighths() {
        // 82.2% of 10 cells = 8.22 cells = 65.76 eighths -> 66 = 8 full cells and 2/8.
        assert_eq!(bar(82.2), "████████▎");
        // 17.8% -> 14.24 eighths -> 14 = 1 full cell and 6/8.
        assert_eq!(bar(17.8), "█▊");
        assert_eq!(bar(100.0), "█".repeat(10));
        assert_eq!(bar(130.0), format!("{}▸", "█".repeat(10)));
        // 0.5% -> 0.4 eighths -> rounds to nothing.
        assert_eq!(bar(0.5), "");
        assert_eq!(bar(-3.0), "");
        assert_eq!(bar(f64::NAN), "");
    }

    #[test]
    fn markdown_numbers_align_right() {
        let md = "| a | b | c |\n|---|---|---|\n| x | 1 | 2 |";
        assert_eq!(
            markdown_align(md, &[1, 2]),
            "| a | b | c |\n|---|--:|--:|\n| x | 1 | 2 |"
        );
    }
}
