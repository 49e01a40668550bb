//! Tables for people: thousands separators, rupiah with units, percentages to one decimal.

use std::io::{self, Write};

use std::borrow::Cow;

use super::draw::{self, ColStats, Drawn, Lines};
use super::lang::{month_full, month_name};
use super::{Cell, Lang, Parts, Render, Rows, Table};
use crate::model::Period;

#[cfg(test)]
mod reference;

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
    let mut out = String::with_capacity(26);
    push_group(v, lang, &mut out);
    out
}

/// [`group`] written onto the end of `out`.
fn push_group(v: i64, lang: Lang, out: &mut String) {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(v.unsigned_abs());
    let sep = lang.thousands_sep();
    if v < 0 {
        out.push('-');
    }
    // The digits before the first separator, then each group of three after one.
    let head = match digits.len() % 3 {
        0 => 3,
        n => n,
    };
    out.push_str(&digits[..head]);
    for at in (head..digits.len()).step_by(3) {
        out.push(sep);
        out.push_str(&digits[at..at + 3]);
    }
}

/// How many digits `n` has.
fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// The width [`push_group`] writes `v` in: its digits, a separator per three, its sign.
fn group_width(v: i64) -> usize {
    let d = digits(v.unsigned_abs());
    d + (d - 1) / 3 + usize::from(v < 0)
}

/// The display width of a whole-number figure as [`push_human`] writes it, without writing
/// it: digits, separators and signs are one column each. `None` for any other cell.
fn figure_width(c: &Cell) -> Option<usize> {
    match c {
        Cell::Int(v) => Some(group_width(*v)),
        Cell::Delta(v) => Some(usize::from(*v > 0) + group_width(*v)),
        Cell::Plain(v) => Some(digits(v.unsigned_abs()) + usize::from(*v < 0)),
        _ => None,
    }
}

/// A decimal to `dp` places, grouped, in the language's writing: `1,234.57` or `1.234,57`.
pub fn fixed(v: f64, dp: u8, lang: Lang) -> String {
    let mut out = String::with_capacity(24);
    push_fixed(v, dp, lang, &mut out);
    out
}

/// [`fixed`] written onto the end of `out`. A value whose rounding cannot be in doubt is
/// rounded in integers; one within a hair of a half, or too large, goes through `format!`,
/// which rounds the exact binary value, so both give the same digits.
fn push_fixed(v: f64, dp: u8, lang: Lang, out: &mut String) {
    if v.is_finite() && dp <= 6 {
        let p = 10u64.pow(u32::from(dp));
        // Exact: every power of ten up to 10^22 is a double.
        let scaled = v.abs() * p as f64;
        // Under 10^9 the product is within 2^-23 of the exact one, so a fraction more than
        // 10^-6 away from a half rounds the same way either way.
        if scaled < 1e9 && (scaled.fract() - 0.5).abs() > 1e-6 {
            let n = scaled.round() as u64;
            if v < 0.0 && n != 0 {
                out.push('-');
            }
            push_group((n / p) as i64, lang, out);
            if dp > 0 {
                out.push(lang.decimal_sep());
                let mut buf = itoa::Buffer::new();
                let frac = buf.format(n % p);
                out.extend(std::iter::repeat_n('0', usize::from(dp) - frac.len()));
                out.push_str(frac);
            }
            return;
        }
    }
    out.push_str(&fixed_formatted(v, dp, lang));
}

/// [`fixed`] through `format!`, for any value.
fn fixed_formatted(v: f64, dp: u8, lang: Lang) -> String {
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

/// Rupiah with a unit: `Rp695.29 trillion`, `Rp342 billion`, `Rp17.18 million`, `Rp950,000`.
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
    // A whole number of units is written whole in both languages, as BPS writes it: two
    // zero decimals would claim a precision the figure does not have.
    let zeros = format!("{}00", lang.decimal_sep());
    if let Some(whole) = n.strip_suffix(zeros.as_str()) {
        n = whole.to_string();
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
fn push_period(p: Period, lang: Lang, out: &mut String) {
    let mut buf = itoa::Buffer::new();
    match (p, lang) {
        (Period::Month(y, m), Lang::Id) => {
            out.push_str(month_full(lang, m));
            out.push(' ');
            out.push_str(buf.format(y));
        }
        (Period::Month(y, m), Lang::En) => {
            out.push_str(buf.format(y));
            out.push('-');
            out.push(char::from(b'0' + m / 10));
            out.push(char::from(b'0' + m % 10));
        }
        (Period::Year(y), _) => out.push_str(buf.format(y)),
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
    let mut out = String::new();
    push_human(c, lang, &mut out);
    out
}

/// [`cell_human`] written onto the end of `out`, so a table can reuse one buffer for its
/// cells.
pub fn push_human(c: &Cell, lang: Lang, out: &mut String) {
    match c {
        Cell::Empty => out.push('-'),
        Cell::Text(s) => out.push_str(s),
        Cell::Shared(s) => out.push_str(s),
        Cell::Int(v) => push_group(*v, lang, out),
        Cell::Plain(v) => out.push_str(itoa::Buffer::new().format(*v)),
        Cell::Delta(v) => {
            out.push_str(plus(*v > 0));
            push_group(*v, lang, out);
        }
        Cell::Idr(v) => out.push_str(&idr(*v as f64, lang)),
        Cell::IdrDelta(v) => {
            out.push_str(plus(*v > 0));
            out.push_str(&idr(*v as f64, lang));
        }
        Cell::IdrF(v) => out.push_str(&idr(*v, lang)),
        Cell::Float(v) => out.push_str(&float_human(*v, lang)),
        Cell::Pct(v) => {
            push_fixed(*v, 1, lang, out);
            out.push('%');
        }
        Cell::PctStated(v) => out.push_str(&stated_pct(*v, lang)),
        Cell::PctDelta(v) => {
            out.push_str(plus(*v > 0.0));
            push_fixed(*v, 1, lang, out);
            out.push('%');
        }
        Cell::Bool(b) => out.push_str(lang.term(if *b { "yes" } else { "no" })),
        Cell::Term(t) => out.push_str(lang.term(t)),
        Cell::Quote(s) => out.push_str(&super::lang::quote(s, lang)),
        Cell::Indented(depth, name) => out.push_str(&indented(*depth, name)),
        Cell::Range(lo, hi, dp) => {
            let scale = 10f64.powi(i32::from(*dp));
            push_fixed(*lo, *dp, lang, out);
            if (lo * scale).round() != (hi * scale).round() {
                out.push('–');
                push_fixed(*hi, *dp, lang, out);
            }
        }
        Cell::Dec(v, dp) => push_fixed(*v, *dp, lang, out),
        Cell::Month(y, m) => {
            let name = match lang {
                Lang::En => month_name(lang, *m),
                Lang::Id => month_full(lang, *m),
            };
            out.push_str(name);
            out.push(' ');
            out.push_str(itoa::Buffer::new().format(*y));
        }
        Cell::Span(p) => out.push_str(&span(*p, lang)),
        Cell::Period(p) => push_period(*p, lang, out),
        Cell::Phrase(parts) => parts.iter().for_each(|p| push_human(p, lang, out)),
        Cell::Template(t, args) => {
            let args: Vec<String> = args.iter().map(|a| cell_human(a, lang)).collect();
            out.push_str(&super::lang::fill(
                lang.term(t),
                args.iter().map(String::as_str),
            ));
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

    /// [`Human::shown`] without a copy where nothing changes.
    fn shown_cow<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if self.markdown && s.bytes().any(|b| matches!(b, b'|' | b'<' | b'>' | b'&')) {
            Cow::Owned(self.shown(s))
        } else {
            super::visible(s, false)
        }
    }

    /// The columns a section may show: not the group's, not a machine's only.
    fn candidates(t: &Table) -> Vec<usize> {
        (0..t.columns.len())
            .filter(|i| Some(*i) != t.group && !t.machine_only.contains(i))
            .collect()
    }

    /// Measures every section's columns in one pass over the rows: at the widest wrap
    /// (`narrow` false), or at every narrower one, each never narrower than the column's
    /// longest word, which the first pass found.
    fn measure(
        &self,
        t: &Table,
        rows: &dyn Rows,
        levels: &[usize],
        sections: &mut Vec<Section>,
        narrow: bool,
    ) -> io::Result<()> {
        let cols = Self::candidates(t);
        let mut cur = Cursor::default();
        // For each column, the (level, width) pairs it is measured at in this pass.
        let mut at: Vec<Vec<(usize, usize)>> = vec![Vec::new(); t.columns.len()];
        // A cell like the one above it changes nothing: an office's name, a segment or a
        // source repeats down many rows.
        let mut above: Vec<Option<Cell>> = vec![None; t.columns.len()];
        // One buffer for every cell's text.
        let mut text = String::new();
        rows.each(&mut |r| {
            if cur.step(t.group, r) {
                above.iter_mut().for_each(|a| *a = None);
                if !narrow {
                    sections.push(Section::new(t, r, levels.len()));
                }
                let s = &mut sections[cur.n - 1];
                for &i in &cols {
                    let c = &s.cols[i];
                    at[i] = if narrow {
                        (1..levels.len())
                            .filter(|&k| !c.numeric && c.chars > levels[k])
                            .map(|k| (k, levels[k].max(c.word)))
                            .collect()
                    } else {
                        vec![(0, levels[0])]
                    };
                    let title = self.lang.term(t.columns[i].title);
                    s.cols[i].text(title, &at[i]);
                }
            }
            let s = &mut sections[cur.n - 1];
            for &i in &cols {
                let c = &mut s.cols[i];
                let cell = &r[i];
                if narrow && at[i].is_empty() {
                    continue;
                }
                if cell.is_plain_figure() {
                    // Digits, a sign and separators: no escaping, no words, and one cell
                    // seldom repeats the one above, so none is kept to compare. A figure
                    // never wraps, so its width is all the column takes in.
                    let w = figure_width(cell).unwrap_or_else(|| {
                        text.clear();
                        push_human(cell, self.lang, &mut text);
                        draw::text_width(&text)
                    });
                    c.figure(w);
                    // A percentage is a figure: only here can it draw a bar.
                    if !narrow {
                        if let (true, Cell::Pct(v)) = (t.bars.contains(&i), cell) {
                            c.pct = true;
                            c.bar = c.bar.max(draw::text_width(&bar(*v)));
                        }
                    }
                    continue;
                }
                if above[i].as_ref() == Some(cell) {
                    continue;
                }
                above[i] = Some(cell.clone());
                text.clear();
                push_human(cell, self.lang, &mut text);
                if !narrow {
                    c.numeric |= cell.is_numeric();
                    c.filled |= !matches!(cell, Cell::Empty);
                    // A number never wraps: its length and words do not matter.
                    if !cell.is_numeric() {
                        c.chars = c.chars.max(chars(&text));
                        let word = text.split_whitespace().map(chars).max();
                        c.word = c.word.max(word.unwrap_or(0));
                    }
                }
                c.text(&self.shown_cow(&text), &at[i]);
            }
            Ok(())
        })
    }

    /// The drawn columns of `shown` with text wrapped at level `k`.
    fn drawn(
        &self,
        t: &Table,
        s: &Section,
        shown: &[usize],
        levels: &[usize],
        k: usize,
    ) -> Vec<Drawn> {
        let mut out = Vec::with_capacity(shown.len() + t.bars.len());
        for &i in shown {
            let c = &s.cols[i];
            let wraps = !self.markdown && !c.numeric && c.chars > levels[k];
            // Never narrower than the column's longest word, so no word is broken.
            let at = if k > 0 {
                levels[k].max(c.word)
            } else {
                levels[k]
            };
            out.push(Drawn {
                width: if wraps {
                    c.wrapped[k].unwrap_or(c.width)
                } else {
                    c.width
                },
                right: c.numeric,
                wrap: wraps.then_some(at),
            });
            if self.with_bar(t, c, i) {
                out.push(Drawn {
                    width: c.bar,
                    right: false,
                    wrap: None,
                });
            }
        }
        out
    }

    /// How a measured section is laid out: on a terminal, text wraps narrower first; then
    /// the columns that matter least go, one at a time; a table still too wide is folded
    /// into one block of lines per row.
    fn fit(&self, t: &Table, s: &Section, levels: &[usize]) -> Plan {
        let mut shown: Vec<usize> = Self::candidates(t)
            .into_iter()
            .filter(|&i| s.cols[i].filled)
            .collect();
        let mut k = 0;
        let mut drawn = self.drawn(t, s, &shown, levels, k);
        let mut left_out = Vec::new();
        let mut fold = false;
        if let (Some(max), false) = (self.width, self.markdown) {
            while draw::total_width(&drawn) > max {
                if k + 1 < levels.len() {
                    k += 1;
                } else if let Some(j) = least(t, &shown) {
                    left_out.push(shown.remove(j));
                } else {
                    fold = true;
                    break;
                }
                drawn = self.drawn(t, s, &shown, levels, k);
            }
        }
        left_out.sort_unstable();
        Plan {
            shown,
            drawn,
            left_out,
            fold,
        }
    }

    /// Whether column `i` draws a bar beside its percentages.
    fn with_bar(&self, t: &Table, c: &ColStats, i: usize) -> bool {
        !self.markdown && t.bars.contains(&i) && c.pct
    }

    /// The sections of the table measured and laid out: a first pass over the rows, and
    /// on a terminal too narrow for some section, a second at the narrower wraps.
    fn plan(&self, t: &Table, rows: &dyn Rows) -> io::Result<Vec<(Section, Plan)>> {
        let levels = draw::levels(WRAP, MIN_WRAP, 4);
        let mut sections = Vec::new();
        self.measure(t, rows, &levels, &mut sections, false)?;
        let too_wide = |s: &Section| {
            let shown: Vec<usize> = Self::candidates(t)
                .into_iter()
                .filter(|&i| s.cols[i].filled)
                .collect();
            let drawn = self.drawn(t, s, &shown, &levels, 0);
            self.width
                .is_some_and(|max| draw::total_width(&drawn) > max)
        };
        if !self.markdown && sections.iter().any(too_wide) {
            self.measure(t, rows, &levels, &mut sections, true)?;
        }
        Ok(sections
            .into_iter()
            .map(|s| {
                let p = self.fit(t, &s, &levels);
                (s, p)
            })
            .collect())
    }

    /// The heading of a section: its group's key, then the table's heading row.
    fn begin(&self, t: &Table, s: &Section, p: &Plan, w: &mut dyn Write) -> io::Result<()> {
        if let Some(key) = &s.key {
            if self.markdown {
                writeln!(w, "## {}\n", self.notes(&cell_human(key, self.lang)))?;
            } else {
                writeln!(w, "{}", self.notes(&cell_human(key, self.lang)))?;
            }
        }
        if p.fold {
            return Ok(());
        }
        if p.drawn.is_empty() {
            // A table of no columns is an empty line.
            return writeln!(w);
        }
        let lines = Lines {
            markdown: self.markdown,
        };
        lines.top(&p.drawn, w)?;
        let mut texts: Vec<Cow<'_, str>> = Vec::with_capacity(p.drawn.len());
        for &i in &p.shown {
            let title = self.lang.term(t.columns[i].title);
            let d = &p.drawn[texts.len()];
            texts.push(
                d.wrap
                    .map_or(Cow::Borrowed(title), |at| draw::wrap(title, at)),
            );
            if self.with_bar(t, &s.cols[i], i) {
                texts.push(Cow::Borrowed(""));
            }
        }
        let texts: Vec<&str> = texts.iter().map(|c| c.as_ref()).collect();
        lines.row(&p.drawn, &texts, &mut String::new(), w)?;
        lines.under_heading(&p.drawn, w)
    }

    /// One row of a section: a table row, or a block of lines when the section is folded.
    /// `above` holds each drawn column's last cell and its text, reused while a column
    /// repeats.
    fn row(
        &self,
        t: &Table,
        (s, p): &(Section, Plan),
        r: &[Cell],
        above: &mut Vec<Shown>,
        line: &mut String,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        if p.fold {
            return self.record(t, r, &p.shown, self.width.unwrap_or(80), w);
        }
        above.resize_with(p.drawn.len(), Shown::default);
        let mut k = 0;
        for &i in &p.shown {
            let d = &p.drawn[k];
            // A figure is written as it is, never wrapped or escaped, and seldom repeats the
            // one above: it is not kept to compare.
            let figure = r[i].is_plain_figure();
            if figure || above[k].cell.as_ref() != Some(&r[i]) {
                let Shown {
                    cell,
                    text: out,
                    lines,
                } = &mut above[k];
                out.clear();
                push_human(&r[i], self.lang, out);
                if figure {
                    *cell = None;
                    *lines = false;
                } else {
                    let shown = self.shown_cow(out);
                    let drawn = match d.wrap {
                        Some(at) => match draw::wrap(&shown, at) {
                            Cow::Borrowed(_) => None,
                            Cow::Owned(w) => Some(w),
                        },
                        None => None,
                    };
                    // The text as it stands unless showing or wrapping changed it.
                    match (drawn, shown) {
                        (Some(w), _) => *out = w,
                        (None, Cow::Owned(s)) => *out = s,
                        (None, Cow::Borrowed(_)) => {}
                    }
                    *lines = out.contains('\n');
                    *cell = Some(r[i].clone());
                }
            }
            k += 1;
            if self.with_bar(t, &s.cols[i], i) {
                above[k].lines = false;
                above[k].text = match &r[i] {
                    Cell::Pct(v) => {
                        let b = bar(*v);
                        if self.color && !b.is_empty() {
                            format!("\x1b[36m{b}\x1b[0m")
                        } else {
                            b
                        }
                    }
                    _ => String::new(),
                };
                k += 1;
            }
        }
        let lines = above.iter().any(|a| a.lines);
        Lines {
            markdown: self.markdown,
        }
        .row_in(&p.drawn, above, lines, line, w)
    }

    /// What ends a section: the line under a table, and the note of columns left out.
    fn end(&self, t: &Table, p: &Plan, w: &mut dyn Write) -> io::Result<()> {
        if self.markdown {
            return Ok(());
        }
        if p.fold {
            if !p.left_out.is_empty() {
                writeln!(w)?;
            }
        } else {
            Lines { markdown: false }.bottom(&p.drawn, w)?;
        }
        if let (Some(max), false) = (self.width, p.left_out.is_empty()) {
            let names: Vec<&str> = p
                .left_out
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

    /// A row as a block of `Title  value` lines, values wrapped to `width`.
    fn record(
        &self,
        t: &Table,
        r: &[Cell],
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
        for (&i, title) in shown.iter().zip(&titles) {
            let value = self.shown(&cell_human(&r[i], self.lang));
            for (k, line) in wrap_words(&value, room).iter().enumerate() {
                let head = if k == 0 { *title } else { "" };
                writeln!(w, "{head:<label$}  {line}")?;
            }
        }
        Ok(())
    }

    /// The table drawn from `rows`, read twice: once to measure, once to write.
    pub fn stream(&self, t: &Table, rows: &dyn Rows, w: &mut dyn Write) -> io::Result<()> {
        if let Some(lines) = &t.lines {
            for l in lines {
                writeln!(w, "{}", cell_human(l, self.lang))?;
            }
            return Ok(());
        }
        self.title(t, w)?;
        let plans = self.plan(t, rows)?;
        let mut cur = Cursor::default();
        let mut above = Vec::new();
        let mut line = String::new();
        rows.each(&mut |r| {
            let plan = &plans[cur.n.saturating_sub(1)];
            if cur.step(t.group, r) {
                let k = cur.n - 1;
                if k > 0 {
                    self.end(t, &plan.1, w)?;
                    writeln!(w)?;
                }
                self.begin(t, &plans[k].0, &plans[k].1, w)?;
                above.clear();
            } else if plan.1.fold {
                // Folded rows are blocks of lines, a blank line between them.
                writeln!(w)?;
            }
            self.row(t, &plans[cur.n - 1], r, &mut above, &mut line, w)
        })?;
        self.close(t, plans.last().map(|(_, p)| p), w)
    }

    /// The table drawn from rows made in parts, several parts at once: each part measured
    /// on a thread and the measures joined, then each part's lines written on a thread
    /// and added in order. The same bytes as [`Human::stream`], which a table of sections
    /// or one fitted to a terminal still takes.
    pub fn stream_parts(&self, t: &Table, parts: &Parts, w: &mut dyn Write) -> io::Result<()> {
        if t.lines.is_some() || t.group.is_some() || self.width.is_some() || parts.threads < 2 {
            return self.stream(t, parts, w);
        }
        self.title(t, w)?;
        let levels = draw::levels(WRAP, MIN_WRAP, 4);
        let mut joined: Option<Section> = None;
        parts.rounds(
            |k| {
                let mut sections = Vec::new();
                self.measure(t, &parts.part(k), &levels, &mut sections, false)?;
                Ok(sections.pop())
            },
            |s| {
                if let Some(s) = s {
                    match &mut joined {
                        Some(j) => j.cols.iter_mut().zip(&s.cols).for_each(|(a, b)| a.merge(b)),
                        None => joined = Some(s),
                    }
                }
                Ok(())
            },
        )?;
        let Some(section) = joined else {
            return self.close(t, None, w);
        };
        let plan = self.fit(t, &section, &levels);
        let drawn = (section, plan);
        self.begin(t, &drawn.0, &drawn.1, w)?;
        let room = super::PartRoom::default();
        parts.rounds(
            |k| {
                let mut bytes = room.buffer();
                let (mut above, mut line) = (Vec::new(), String::new());
                parts
                    .part(k)
                    .each(&mut |r| self.row(t, &drawn, r, &mut above, &mut line, &mut bytes))?;
                room.took(bytes.len());
                Ok(bytes)
            },
            |bytes| w.write_all(&bytes),
        )?;
        self.close(t, Some(&drawn.1), w)
    }

    /// The table's title above its rows.
    fn title(&self, t: &Table, w: &mut dyn Write) -> io::Result<()> {
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
        Ok(())
    }

    /// What closes the table: the end of its last section (or a line saying it has no
    /// rows), then its notes.
    fn close(&self, t: &Table, last: Option<&Plan>, w: &mut dyn Write) -> io::Result<()> {
        match last {
            Some(p) => self.end(t, p, w)?,
            None => writeln!(w, "{}", self.lang.term("(no figures)"))?,
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

/// A drawn column's last cell and its text as drawn, reused while the column repeats.
#[derive(Default)]
struct Shown {
    cell: Option<Cell>,
    text: String,
    /// The text has more than one line.
    lines: bool,
}

impl AsRef<str> for Shown {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// The length of `s` in characters.
fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// One section of a table (a group's rows, or all of them) as measured.
struct Section {
    /// The group's key, printed above its rows.
    key: Option<Cell>,
    /// By column of the table.
    cols: Vec<ColStats>,
}

impl Section {
    fn new(t: &Table, first: &[Cell], levels: usize) -> Self {
        Section {
            key: t.group.map(|g| first[g].clone()),
            cols: vec![ColStats::new(levels); t.columns.len()],
        }
    }
}

/// How a section is drawn.
struct Plan {
    shown: Vec<usize>,
    drawn: Vec<Drawn>,
    left_out: Vec<usize>,
    fold: bool,
}

/// Where the rows are: a new section starts with each change of the group's key.
#[derive(Default)]
struct Cursor {
    key: Option<Cell>,
    /// Sections begun so far.
    n: usize,
}

impl Cursor {
    /// Takes in a row; true when it begins a section.
    fn step(&mut self, group: Option<usize>, r: &[Cell]) -> bool {
        let new = match group {
            None => self.n == 0,
            Some(g) => self.key.as_ref() != Some(&r[g]),
        };
        if new {
            self.key = group.map(|g| r[g].clone());
            self.n += 1;
        }
        new
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
        self.stream(t, &t.rows, w)
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
        // 342,000,000,000 is 342 billion exactly: no decimals it does not have.
        assert_eq!(idr_human(342_000_000_000.0), "Rp342 billion");
        // 342,500,000,000 / 10^9 = 342.50.
        assert_eq!(idr_human(342_500_000_000.0), "Rp342.50 billion");
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
    fn fixed_rounds_as_format_does_near_halves() {
        // Each is written in binary a hair below or above its half: 0.15 is
        // 0.1499999999999999944..., so "0.1"; 0.25 is exact, so "0.2" (half to even).
        for (v, dp, want) in [
            (0.15, 1, "0.1"),
            (0.25, 1, "0.2"),
            (0.35, 1, "0.3"),
            (2.675, 2, "2.67"),
            (1.005, 2, "1.00"),
            (9.95, 1, "9.9"),
            (99.95, 1, "100.0"),
            (-0.04, 1, "0.0"),
            (-0.05, 1, "-0.1"),
            (-0.0, 1, "0.0"),
            (1234567.891, 2, "1,234,567.89"),
            (5e9, 1, "5,000,000,000.0"),
            (12.0, 0, "12"),
        ] {
            assert_eq!(fixed(v, dp, Lang::En), want, "{v} to {dp}");
            assert_eq!(fixed(v, dp, Lang::En), fixed_formatted(v, dp, Lang::En));
        }
        assert_eq!(fixed(-1234.56, 1, Lang::Id), "-1.234,6");
    }

    use proptest::prelude::*;

    proptest! {
        /// The integer rounding of [`fixed`] gives the digits `format!` gives.
        #[test]
        fn fixed_is_format_rounded(v in any::<f64>(), dp in 0u8..=7, lang: bool) {
            let lang = if lang { Lang::Id } else { Lang::En };
            prop_assert_eq!(fixed(v, dp, lang), fixed_formatted(v, dp, lang));
        }

        /// Values at and around the halves of the last place, where rounding is closest.
        #[test]
        fn fixed_is_format_rounded_at_halves(
            k in -10_000_000_000i64..10_000_000_000,
            dp in 0u8..=6,
            nudge in -3i32..=3,
        ) {
            let half = (k as f64 + 0.5) / 10f64.powi(i32::from(dp));
            let v = half + f64::from(nudge) * half.abs().max(1e-300) * f64::EPSILON;
            prop_assert_eq!(fixed(v, dp, Lang::En), fixed_formatted(v, dp, Lang::En));
        }
    }

    #[test]
    fn a_whole_figure_is_as_wide_as_it_is_written() {
        // "1,234,567" nine; "-1,000" six; "+12" three; "0" one; a year four.
        assert_eq!(figure_width(&Cell::Int(1_234_567)), Some(9));
        assert_eq!(figure_width(&Cell::Int(-1_000)), Some(6));
        assert_eq!(figure_width(&Cell::Delta(12)), Some(3));
        assert_eq!(figure_width(&Cell::Delta(0)), Some(1));
        assert_eq!(figure_width(&Cell::Plain(2024)), Some(4));
        // i64::MIN: 19 digits, 6 separators and a sign.
        assert_eq!(figure_width(&Cell::Int(i64::MIN)), Some(26));
        assert_eq!(figure_width(&Cell::Pct(1.0)), None);
    }

    proptest! {
        /// [`figure_width`] is the width of what [`push_human`] writes, in either language.
        #[test]
        fn figure_width_is_the_written_width(v in any::<i64>(), kind in 0u8..3, lang: bool) {
            let lang = if lang { Lang::Id } else { Lang::En };
            let c = match kind {
                0 => Cell::Int(v),
                1 => Cell::Delta(v),
                _ => Cell::Plain(v),
            };
            let mut s = String::new();
            push_human(&c, lang, &mut s);
            prop_assert_eq!(figure_width(&c), Some(draw::text_width(&s)));
        }
    }

    fn any_cell() -> impl Strategy<Value = Cell> {
        let word = prop_oneof![
            Just("Denpasar"),
            Just("sumber"),
            Just("日本語"),
            Just("a|b"),
            Just("x\u{1b}y"),
            Just("supercalifragilisticexpialidocious"),
            Just("é"),
            Just("<&>"),
        ];
        prop_oneof![
            Just(Cell::Empty),
            (-2_000_000i64..2_000_000).prop_map(Cell::Int),
            (-150.0f64..150.0).prop_map(Cell::Pct),
            "[a-z ]{0,12}".prop_map(Cell::text),
            proptest::collection::vec(word, 0..14).prop_map(|w| Cell::text(w.join(" "))),
            Just(Cell::Term("active")),
        ]
    }

    fn any_table() -> impl Strategy<Value = Table> {
        // Names the fitting gives up first, and titles from the glossary.
        const COLS: [(&str, &str); 6] = [
            ("office", "Office"),
            ("source", "Source"),
            ("value", "Value"),
            ("note", "Note"),
            ("change_pct", "Change %"),
            ("base_value", "Base value"),
        ];
        (1usize..=6, 0usize..7).prop_flat_map(|(n, rows)| {
            let row = proptest::collection::vec(any_cell(), n);
            (
                proptest::collection::vec(row, rows),
                prop_oneof![Just(None), Just(Some(0))],
                any::<bool>(),
                any::<bool>(),
            )
                .prop_map(move |(rows, group, bars, hide)| {
                    let mut t = Table::new(
                        COLS[..n]
                            .iter()
                            .map(|&(a, b)| super::super::col(a, b))
                            .collect(),
                    );
                    t.group = group;
                    for r in rows {
                        t.push(r);
                    }
                    if bars {
                        t.bar("change_pct");
                        t.bar("value");
                    }
                    if hide {
                        t.hide("note");
                    }
                    t
                })
        })
    }

    proptest! {
        /// The line-by-line writer draws what tabled drew, at any terminal width.
        #[test]
        fn drawn_as_tabled_drew_it(
            t in any_table(),
            markdown: bool,
            color: bool,
            id: bool,
            width in prop_oneof![Just(None), (8usize..160).prop_map(Some)],
        ) {
            let h = Human {
                markdown,
                color: color && !markdown,
                lang: if id { Lang::Id } else { Lang::En },
                width: width.filter(|_| !markdown),
            };
            let (mut got, mut want) = (Vec::new(), Vec::new());
            h.render(&t, &mut got).unwrap();
            h.reference(&t, &mut want).unwrap();
            prop_assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
        }
    }
}
