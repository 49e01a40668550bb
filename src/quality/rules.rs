//! The optional `rules.csv` of a data folder: `name,left,operator,right,importance`, each side
//! a sum or difference of figures written `measure.segment[.program]`.

use crate::said::Said;
use std::fs::File;
use std::io::{self, Read};

use crate::load::{DataSource, InputError, Problem, Problems};
use crate::model::{Measure, Program, Segment};

use super::Importance;

pub const FILE: &str = "rules.csv";
const COLUMNS: [&str; 5] = ["name", "left", "operator", "right", "importance"];

/// One figure of a side, with its sign.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub sign: i64,
    pub measure: Measure,
    pub segment: Segment,
    pub program: Program,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Lt,
    Le,
    Eq,
    Ne,
    Ge,
    Gt,
}

impl Op {
    fn parse(s: &str) -> Option<Op> {
        Some(match s {
            "<" => Op::Lt,
            "<=" => Op::Le,
            "==" => Op::Eq,
            "!=" => Op::Ne,
            ">=" => Op::Ge,
            ">" => Op::Gt,
            _ => return None,
        })
    }

    pub fn holds(self, l: i128, r: i128) -> bool {
        match self {
            Op::Lt => l < r,
            Op::Le => l <= r,
            Op::Eq => l == r,
            Op::Ne => l != r,
            Op::Ge => l >= r,
            Op::Gt => l > r,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub name: String,
    pub left: Expr,
    pub op: Op,
    pub right: Expr,
    pub importance: Importance,
}

/// Why a side could not be read: what was found, what was expected, at which character.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub at: usize,
    pub found: String,
    /// What was expected, and at which character.
    pub expected: Said,
}

fn term(word: &str, sign: i64, at: usize) -> Result<Term, ExprError> {
    let err = |found: &str, key: &'static str, list: Option<String>| ExprError {
        at,
        found: found.to_string(),
        // The list's last item apart, so each language says its own "or".
        expected: Said::new(
            key,
            list.iter()
                .flat_map(|l| {
                    let (head, last) = l.rsplit_once(" or ").unwrap_or((l, ""));
                    [head.to_string(), last.to_string()]
                })
                .chain([at.to_string()])
                .collect(),
        ),
    };
    let parts: Vec<&str> = word.split('.').collect();
    if !(2..=3).contains(&parts.len()) {
        return Err(err(word, A_FIGURE, None));
    }
    let measure = Measure::parse(parts[0]).ok_or_else(|| {
        err(
            parts[0],
            "a measure: {} or {} (at character {})",
            Some(Measure::expected()),
        )
    })?;
    let segment = Segment::parse(parts[1]).ok_or_else(|| {
        err(
            parts[1],
            "a segment: {} or {} (at character {})",
            Some(Segment::expected()),
        )
    })?;
    let program = match parts.get(2) {
        None => Program::All,
        Some(p) => Program::parse(p).ok_or_else(|| {
            err(
                p,
                "a program: {} or {} (at character {})",
                Some(Program::expected()),
            )
        })?,
    };
    Ok(Term {
        sign,
        measure,
        segment,
        program,
    })
}

/// Reads `active.pu + active.bpu - new.pu`: figures joined by `+` or `-`.
const A_FIGURE: &str = "a figure written measure.segment[.program] (at character {})";

pub fn parse_expr(s: &str) -> Result<Expr, ExprError> {
    let mut terms = Vec::new();
    let mut sign = 1;
    let mut expect_term = true;
    let mut chars = s.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '+' || c == '-' {
            if expect_term {
                return Err(ExprError {
                    at: i + 1,
                    found: c.to_string(),
                    expected: Said::new(A_FIGURE, vec![(i + 1).to_string()]),
                });
            }
            sign = if c == '-' { -1 } else { 1 };
            expect_term = true;
            chars.next();
        } else {
            let start = i;
            let mut end = s.len();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_whitespace() || d == '+' || d == '-' {
                    end = j;
                    break;
                }
                chars.next();
            }
            if !expect_term {
                return Err(ExprError {
                    at: start + 1,
                    found: s[start..end].to_string(),
                    expected: Said::new(
                        "+ or - between figures (at character {})",
                        vec![(start + 1).to_string()],
                    ),
                });
            }
            terms.push(term(&s[start..end], sign, start + 1)?);
            expect_term = false;
        }
    }
    if expect_term {
        return Err(ExprError {
            at: s.len() + 1,
            found: s.trim().to_string(),
            expected: Said::new(A_FIGURE, vec![(s.len() + 1).to_string()]),
        });
    }
    Ok(Expr { terms })
}

fn importance(s: &str) -> Option<Importance> {
    match s.to_ascii_lowercase().as_str() {
        "high" => Some(Importance::High),
        "medium" => Some(Importance::Medium),
        "low" => Some(Importance::Low),
        _ => None,
    }
}

/// The rules file as a stream, or `None` when there is none (the embedded data set has none).
fn open(src: &DataSource) -> io::Result<Option<Box<dyn Read>>> {
    match src {
        DataSource::Embedded => Ok(None),
        DataSource::Memory(files) => Ok(files
            .iter()
            .find(|(n, _)| n == FILE)
            .map(|(_, b)| Box::new(io::Cursor::new(b.clone())) as Box<dyn Read>)),
        DataSource::Picked(p) => p.base().map_or(Ok(None), open),
        DataSource::Dir(d) => match File::open(d.join(FILE)) {
            Ok(f) => Ok(Some(Box::new(f))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        },
    }
}

/// The line and (1-based) column where a quoted cell opens that is still open at the end, read
/// as the csv crate reads quotes: one opens a cell only at its start, `""` inside is a quote.
fn unclosed_quote(bytes: &[u8], delim: u8) -> Option<(u64, usize)> {
    let (mut line, mut field, mut start, mut quoted) = (1u64, 0usize, true, false);
    let mut opened = (0, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if quoted {
            if b == b'"' && bytes.get(i) == Some(&b'"') {
                i += 1;
            } else if b == b'"' {
                quoted = false;
            } else if b == b'\n' {
                line += 1;
            }
            continue;
        }
        if b == b'"' && start {
            quoted = true;
            opened = (line, field + 1);
        } else if b == delim || b == b'\n' {
            if b == b'\n' {
                (line, field) = (line + 1, 0);
            } else {
                field += 1;
            }
            start = true;
            continue;
        }
        start = false;
    }
    quoted.then_some(opened)
}

/// Reads the rules; every malformed cell is a problem naming file, line and column.
pub fn read(src: &DataSource, delimiter: Option<u8>) -> Result<Vec<Rule>, InputError> {
    let path = src.display(FILE);
    let mut problems = Problems::new(20);
    let fail = |p: Problem| {
        let mut ps = Problems::new(1);
        ps.push(p);
        InputError(ps)
    };
    let Some(mut r) = open(src).map_err(|e| fail(Problem::file(path.clone(), e.to_string())))?
    else {
        return Ok(Vec::new());
    };
    let mut bytes = Vec::new();
    // Rules are a handful of lines: a file past a megabyte is not a rules file.
    const MAX: u64 = 1 << 20;
    (&mut r)
        .take(MAX + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(Problem::file(path.clone(), e.to_string())))?;
    if bytes.len() as u64 > MAX {
        return Err(fail(
            Problem::file(path, "is larger than 1 MB".into())
                .with_hint("rules.csv holds one rule a line: name,left,operator,right,importance"),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(
            Problem::file(
                path,
                "the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8".into(),
            )
            .with_hint(
                "re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: \
                 Character set Unicode (UTF-8))",
            ),
        ));
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delim = delimiter.unwrap_or_else(|| {
        [b';', b'\t']
            .into_iter()
            .find(|d| first.contains(d) && !first.contains(&b','))
            .unwrap_or(b',')
    });
    if let Some((line, field)) = unclosed_quote(&bytes, delim) {
        let header = String::from_utf8_lossy(first);
        let name = header.split(delim as char).nth(field - 1);
        let mut p = Problem::file(
            path,
            "a quote opened here is never closed: the rest of the file would be read as one cell"
                .into(),
        );
        p.line = Some(line);
        p.column = Some((field, name.unwrap_or_default().trim().to_string()));
        return Err(fail(p.with_hint(
            "close the quote, or write a quote inside a quoted cell twice: \"\"",
        )));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let header: Vec<String> = match rdr.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => return Err(fail(Problem::file(path, e.to_string()))),
    };
    let mut at = [0usize; 5];
    for (k, name) in COLUMNS.iter().enumerate() {
        match header.iter().position(|h| h == name) {
            Some(i) => at[k] = i,
            None => {
                let mut p = Problem::file(path, format!("no column \"{name}\""))
                    .said(Said::new("no column {}", vec![format!("\"{name}\"")]));
                p.line = Some(1);
                return Err(fail(
                    p.with_hint("the header is name,left,operator,right,importance"),
                ));
            }
        }
    }
    let mut rules = Vec::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let mut p = Problem::file(path.clone(), e.to_string());
                p.line = e.position().map(|pos| pos.line());
                problems.push(p);
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |k: usize| rec.get(at[k]).unwrap_or("").trim();
        let problem = |k: usize, found: &str, expected: String| Problem {
            said: None,
            hint_said: None,
            found_said: None,
            path: path.clone(),
            line: Some(line),
            column: Some((at[k] + 1, COLUMNS[k].to_string())),
            found: Some(found.to_string()),
            message: expected,
            hint: None,
        };
        let name = cell(0);
        if name.is_empty() {
            problems.push(problem(0, name, "a name for the rule".into()));
        }
        let mut side = |k: usize| match parse_expr(cell(k)) {
            Ok(e) => Some(e),
            Err(e) => {
                let mut p = problem(k, &e.found, e.expected.english());
                p.said = Some(e.expected);
                problems.push(p);
                None
            }
        };
        let left = side(1);
        let right = side(3);
        let op = Op::parse(cell(2));
        if op.is_none() {
            problems.push(problem(2, cell(2), "one of <, <=, ==, !=, >= or >".into()));
        }
        let imp = importance(cell(4));
        if imp.is_none() {
            problems.push(problem(4, cell(4), "high, medium or low".into()));
        }
        if let (false, Some(left), Some(op), Some(right), Some(importance)) =
            (name.is_empty(), left, op, right, imp)
        {
            rules.push(Rule {
                name: name.to_string(),
                left,
                op,
                right,
                importance,
            });
        }
    }
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(InputError(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_read_as_signed_figures() {
        let e = parse_expr("active.pu + active.bpu - new.pu.jht").unwrap();
        assert_eq!(e.terms.len(), 3);
        assert_eq!(e.terms[0].sign, 1);
        assert_eq!(e.terms[1].segment, Segment::Bpu);
        assert_eq!(e.terms[2].sign, -1);
        assert_eq!(e.terms[2].measure, Measure::New);
        assert_eq!(e.terms[2].program, Program::Jht);
        assert_eq!(
            parse_expr("active.all").unwrap().terms[0].program,
            Program::All
        );
    }

    #[test]
    fn bad_sides_say_where() {
        let e = parse_expr("active.pu + actve.bpu").unwrap_err();
        assert_eq!((e.at, e.found.as_str()), (13, "actve"));
        let e = parse_expr("active.pu active.bpu").unwrap_err();
        assert_eq!((e.at, e.found.as_str()), (11, "active.bpu"));
        let e = parse_expr("active.pu +").unwrap_err();
        assert_eq!(e.at, 12);
        let e = parse_expr("active").unwrap_err();
        assert_eq!(e.at, 1);
        assert!(parse_expr("").is_err());
    }

    #[test]
    fn operators() {
        assert!(Op::parse("<=").unwrap().holds(3, 3));
        assert!(!Op::parse("<").unwrap().holds(3, 3));
        assert!(Op::parse("!=").unwrap().holds(3, 4));
        assert!(Op::parse("=<").is_none());
    }
}
