//! A drawn table (box lines, or a markdown table) written line by line from column widths
//! measured in a pass before, so its rows need not be held. The layout is tabled's (sharp
//! and markdown styles, one space of padding, top-aligned cells, words kept when a cell
//! wraps), byte for byte: the tests hold the two side by side.

use std::io::{self, Write};

use tabled::grid::util::string::{get_line_width, get_lines};
use tabled::settings::width::Wrap;

/// The widths text wraps at, widest first: a table on a narrow terminal tries each in turn.
pub fn levels(widest: usize, narrowest: usize, step: usize) -> Vec<usize> {
    let mut out = vec![widest];
    let mut w = widest;
    while w > narrowest {
        w = w.saturating_sub(step).max(narrowest);
        out.push(w);
    }
    out
}

/// The display width of one line (escape sequences take none).
fn line_width(s: &str) -> usize {
    if s.bytes().all(|b| b < 0x80 && b != 0x1b) {
        s.len()
    } else {
        get_line_width(s)
    }
}

/// The display width of a cell's text: its widest line.
pub fn text_width(s: &str) -> usize {
    if !s.contains('\n') {
        return line_width(s);
    }
    get_lines(s).map(|l| line_width(&l)).max().unwrap_or(0)
}

/// `s` wrapped at `width`, words kept whole where they fit, as tabled wraps a cell; text
/// no wider than `width` comes back as it is.
pub fn wrap(s: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if text_width(s) > width {
        std::borrow::Cow::Owned(Wrap::wrap(s, width, true))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// What one column of a section holds, gathered row by row.
#[derive(Debug, Clone, Default)]
pub struct ColStats {
    /// Some cell holds a number: the column is aligned right and never wrapped.
    pub numeric: bool,
    /// Some cell is not empty: the column is shown.
    pub filled: bool,
    /// Some cell is a percentage, which may draw a bar.
    pub pct: bool,
    /// The longest text in characters (whether the column wraps at a width).
    pub chars: usize,
    /// The longest word in characters (a narrow wrap never breaks one).
    pub word: usize,
    /// The widest text, heading included.
    pub width: usize,
    /// The widest text wrapped at each level's width, heading included (`None`: not measured).
    pub wrapped: Vec<Option<usize>>,
    /// The widest bar.
    pub bar: usize,
}

impl ColStats {
    pub fn new(levels: usize) -> Self {
        ColStats {
            wrapped: vec![None; levels],
            ..ColStats::default()
        }
    }

    /// What this column and `other` hold together: the same as if one had measured the
    /// other's cells too.
    pub fn merge(&mut self, other: &ColStats) {
        self.numeric |= other.numeric;
        self.filled |= other.filled;
        self.pct |= other.pct;
        self.chars = self.chars.max(other.chars);
        self.word = self.word.max(other.word);
        self.width = self.width.max(other.width);
        self.bar = self.bar.max(other.bar);
        for (a, b) in self.wrapped.iter_mut().zip(&other.wrapped) {
            *a = match (*a, *b) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
        }
    }

    /// Takes in a figure `w` wide: it makes the column numeric, which never wraps, so no
    /// wrapped width is measured.
    pub fn figure(&mut self, w: usize) {
        self.numeric = true;
        self.filled = true;
        self.width = self.width.max(w);
    }

    /// Takes in a cell's shown text at each level in `at` (level index, width it wraps at).
    pub fn text(&mut self, shown: &str, at: &[(usize, usize)]) {
        let w = text_width(shown);
        self.width = self.width.max(w);
        for &(k, width) in at {
            let wrapped = if w > width {
                text_width(&Wrap::wrap(shown, width, true))
            } else {
                w
            };
            let slot = &mut self.wrapped[k];
            *slot = Some(slot.map_or(wrapped, |s| s.max(wrapped)));
        }
    }
}

/// One drawn column: its width, alignment and the width its text wraps at.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub width: usize,
    pub right: bool,
    pub wrap: Option<usize>,
}

/// The box lines of a table, or markdown's pipes.
#[derive(Debug, Clone, Copy)]
pub struct Lines {
    pub markdown: bool,
}

/// The width a table of these columns takes: each column with a space either side, and a
/// line between and around them.
pub fn total_width(cols: &[Drawn]) -> usize {
    if cols.is_empty() {
        return 0;
    }
    cols.iter().map(|c| c.width + 3).sum::<usize>() + 1
}

impl Lines {
    fn vertical(self) -> &'static str {
        if self.markdown {
            "|"
        } else {
            "│"
        }
    }

    fn rule(
        self,
        cols: &[Drawn],
        ends: [&str; 3],
        markdown: bool,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        if cols.is_empty() {
            return Ok(());
        }
        let mut s = String::from(ends[0]);
        let dash = if markdown { "-" } else { "─" };
        for (k, c) in cols.iter().enumerate() {
            if k > 0 {
                s.push_str(ends[1]);
            }
            if markdown && c.right {
                s.push_str(&dash.repeat(c.width + 1));
                s.push(':');
            } else {
                s.push_str(&dash.repeat(c.width + 2));
            }
        }
        s.push_str(ends[2]);
        s.push('\n');
        w.write_all(s.as_bytes())
    }

    /// The line above the heading (none in markdown).
    pub fn top(self, cols: &[Drawn], w: &mut dyn Write) -> io::Result<()> {
        if self.markdown {
            return Ok(());
        }
        self.rule(cols, ["┌", "┬", "┐"], false, w)
    }

    /// The line under the heading: in markdown the delimiter row, `--:` where numbers align
    /// right.
    pub fn under_heading(self, cols: &[Drawn], w: &mut dyn Write) -> io::Result<()> {
        if self.markdown {
            self.rule(cols, ["|", "|", "|"], true, w)
        } else {
            self.rule(cols, ["├", "┼", "┤"], false, w)
        }
    }

    /// The line under the last row (none in markdown).
    pub fn bottom(self, cols: &[Drawn], w: &mut dyn Write) -> io::Result<()> {
        if self.markdown {
            return Ok(());
        }
        self.rule(cols, ["└", "┴", "┘"], false, w)
    }

    /// One row, `texts` already wrapped: as many lines as its tallest cell, each cell's
    /// lines at the top. `buf` is reused from row to row.
    pub fn row<T: AsRef<str>>(
        self,
        cols: &[Drawn],
        texts: &[T],
        buf: &mut String,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        let lines = texts.iter().any(|t| t.as_ref().contains('\n'));
        self.row_in(cols, texts, lines, buf, w)
    }

    /// [`Lines::row`] for texts known to hold a line feed somewhere (`lines`) or nowhere.
    pub fn row_in<T: AsRef<str>>(
        self,
        cols: &[Drawn],
        texts: &[T],
        lines: bool,
        buf: &mut String,
        w: &mut dyn Write,
    ) -> io::Result<()> {
        if cols.is_empty() {
            return Ok(());
        }
        let bar = self.vertical();
        buf.clear();
        let s = buf;
        if !lines {
            s.push_str(bar);
            for (c, t) in cols.iter().zip(texts) {
                cell_line(s, c, t.as_ref());
                s.push_str(bar);
            }
            s.push('\n');
            return w.write_all(s.as_bytes());
        }
        let lines: Vec<Vec<_>> = texts
            .iter()
            .map(|t| get_lines(t.as_ref()).collect())
            .collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            s.push_str(bar);
            for (c, l) in cols.iter().zip(&lines) {
                cell_line(s, c, l.get(k).map_or("", |l| l));
                s.push_str(bar);
            }
            s.push('\n');
        }
        w.write_all(s.as_bytes())
    }
}

/// One line of a cell, padded to the column's width on the side its alignment leaves.
fn cell_line(s: &mut String, c: &Drawn, line: &str) {
    let pad = c.width.saturating_sub(line_width(line));
    s.push(' ');
    if c.right {
        spaces(s, pad);
        s.push_str(line);
    } else {
        s.push_str(line);
        spaces(s, pad);
    }
    s.push(' ');
}

/// `n` spaces onto the end of `s`.
fn spaces(s: &mut String, mut n: usize) {
    const SPACES: &str = "                                                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        s.push_str(&SPACES[..k]);
        n -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_step_down_to_the_narrowest() {
        assert_eq!(levels(44, 12, 4), [44, 40, 36, 32, 28, 24, 20, 16, 12]);
        assert_eq!(levels(14, 12, 4), [14, 12]);
    }

    #[test]
    fn widths_count_what_a_terminal_shows() {
        assert_eq!(text_width("abc"), 3);
        // A wide character takes two cells, an escape sequence none.
        assert_eq!(text_width("日本"), 4);
        assert_eq!(text_width("\x1b[36m██\x1b[0m"), 2);
        assert_eq!(text_width("ab\nabcd\n"), 4);
    }

    #[test]
    fn a_row_of_cells_padded_and_aligned() {
        let cols = [
            Drawn {
                width: 5,
                right: false,
                wrap: None,
            },
            Drawn {
                width: 3,
                right: true,
                wrap: None,
            },
        ];
        let mut out = Vec::new();
        let l = Lines { markdown: false };
        l.top(&cols, &mut out).unwrap();
        l.row(&cols, &["ab\nc", "1"], &mut String::new(), &mut out)
            .unwrap();
        l.bottom(&cols, &mut out).unwrap();
        // 5 + 2 padding = 7 dashes, 3 + 2 = 5.
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "┌───────┬─────┐\n│ ab    │   1 │\n│ c     │     │\n└───────┴─────┘\n"
        );
        let mut out = Vec::new();
        Lines { markdown: true }
            .under_heading(&cols, &mut out)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "|-------|----:|\n");
    }
}
