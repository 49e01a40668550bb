//! What is wrong with the input, located by file, line and column.

use std::fmt;

use crate::said::{fill, Lookup, Said, Say};

/// One thing wrong with the input, located as precisely as it can be.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: String,
    pub line: Option<u64>,
    /// 1-based column number and its header name.
    pub column: Option<(usize, String)>,
    pub found: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    /// The message as a glossary key with its slots, where it has slots; a message without
    /// is looked up whole.
    pub said: Option<Said>,
    /// The hint the same way.
    pub hint_said: Option<Said>,
    /// What was found the same way, where the program wrote it (`5 fields`), not the input.
    pub found_said: Option<Said>,
}

impl Problem {
    pub fn file(path: String, message: String) -> Self {
        Problem {
            said: None,
            hint_said: None,
            found_said: None,
            path,
            line: None,
            column: None,
            found: None,
            message,
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The message as a key with slots: its English is the message.
    pub fn said(mut self, s: Said) -> Self {
        self.message = s.english();
        self.said = Some(s);
        self
    }

    /// The hint as a key with slots.
    pub fn hint_said(mut self, s: Said) -> Self {
        self.hint = Some(s.english());
        self.hint_said = Some(s);
        self
    }

    /// `path:line:column (header)`, as far as known; in a workbook's sheet (a path
    /// `book.xlsx [sheet]`) the line is the row and the column is lettered:
    /// `book.xlsx [participants] E3 (value)`.
    pub fn location(&self) -> String {
        self.location_in(&|k: &str| k.to_string())
    }

    /// [`Problem::location`] in the reader's language (a sheet's `row`).
    fn location_in(&self, look: Lookup) -> String {
        if self.path.ends_with(']') && self.path.contains(" [") {
            return match (self.line, &self.column) {
                (Some(l), Some((c, h))) => format!("{} {}{l} ({h})", self.path, letters(*c)),
                (Some(l), None) => fill(
                    &look("{} row {}"),
                    [self.path.as_str(), l.to_string().as_str()].into_iter(),
                ),
                _ => self.path.clone(),
            };
        }
        let mut s = self.path.clone();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
            if let Some((c, h)) = &self.column {
                s.push_str(&format!(":{c} ({h})"));
            }
        }
        s
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location())?;
        match &self.found {
            Some(found) => write!(f, "found {}, expected {}", quote(found), self.message)?,
            None => f.write_str(&self.message)?,
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

impl Say for Problem {
    /// As [`Problem`]'s `Display`, each part in the reader's language.
    fn say(&self, look: Lookup) -> String {
        let message = match &self.said {
            Some(s) => s.say(look),
            None => look(&self.message),
        };
        let mut out = fill(
            &look("{}: "),
            std::iter::once(self.location_in(look).as_str()),
        );
        let found = match (&self.found_said, &self.found) {
            (Some(s), _) => Some(s.say(look)),
            (None, f) => f.clone(),
        };
        match found {
            Some(found) => out.push_str(&fill(
                &look("found {}, expected {}"),
                [quote(&found), message].iter().map(String::as_str),
            )),
            None => out.push_str(&message),
        }
        let hint = match (&self.hint_said, &self.hint) {
            (Some(s), _) => Some(s.say(look)),
            (None, Some(h)) => Some(look(h)),
            (None, None) => None,
        };
        if let Some(h) = hint {
            out.push_str(&fill(&look("\n  hint: {}"), std::iter::once(h.as_str())));
        }
        out
    }
}

/// The column letters of a 1-based column number: 1 is A, 27 is AA.
fn letters(mut n: usize) -> String {
    let mut s = Vec::new();
    while n > 0 {
        n -= 1;
        s.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Quotes a found value for a message, shortened so a hostile 50 MB cell cannot flood the terminal.
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() > MAX {
        let head: String = s.chars().take(MAX).collect();
        format!("{head:?}... ({} bytes)", s.len())
    } else {
        format!("{s:?}")
    }
}

/// Problems found so far: all of them counted, the first `limit` kept.
#[derive(Debug, Clone)]
pub struct Problems {
    pub kept: Vec<Problem>,
    pub total: usize,
    pub limit: usize,
    /// Also record findings: text that reads but hides control or invisible characters, and
    /// look-alike codes. `validate` lists them; the other commands still run.
    pub findings: bool,
}

/// How the problems of one file are kept: as many, and the same kinds, as the whole set's.
#[derive(Debug, Clone, Copy)]
pub(super) struct Keep {
    pub(super) limit: usize,
    pub(super) findings: bool,
}

impl Keep {
    pub(super) fn problems(self) -> Problems {
        Problems {
            findings: self.findings,
            ..Problems::new(self.limit)
        }
    }
}

impl Problems {
    pub fn new(limit: usize) -> Self {
        Problems {
            kept: Vec::new(),
            total: 0,
            limit,
            findings: true,
        }
    }

    /// Problems that stop a command, without the findings only `validate` lists.
    pub fn errors_only(limit: usize) -> Self {
        Problems {
            findings: false,
            ..Problems::new(limit)
        }
    }

    pub(super) fn keep(&self) -> Keep {
        Keep {
            limit: self.limit,
            findings: self.findings,
        }
    }

    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        if self.kept.len() < self.limit {
            self.kept.push(p);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    pub fn extend(&mut self, ps: impl IntoIterator<Item = Problem>) {
        for p in ps {
            self.push(p);
        }
    }

    /// Adds the problems of a file read after those already here, as if pushed one by one.
    pub fn merge(&mut self, other: Problems) {
        self.total += other.total;
        let room = self.limit.saturating_sub(self.kept.len());
        self.kept.extend(other.kept.into_iter().take(room));
    }
}

/// A cell that is not UTF-8, shown with the bytes it could not read as U+FFFD.
pub(super) fn not_utf8(
    path: &str,
    line: u64,
    column: Option<(usize, String)>,
    cell: &[u8],
) -> Problem {
    Problem {
        said: None,
        hint_said: None,
        found_said: None,
        path: path.to_string(),
        line: Some(line),
        column,
        found: Some(String::from_utf8_lossy(cell).into_owned()),
        message: "text in UTF-8".into(),
        hint: Some(UTF8_HINT.into()),
    }
}

pub(super) const UTF8_HINT: &str = "re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set Unicode (UTF-8))";

pub(super) fn duplicate_problem(path: &str, line: u64, what: &str, first: Option<u64>) -> Problem {
    // "office, period, segment and measure": the columns before the last, and the last, so
    // each language joins them its own way.
    let mut args: Vec<String> = match what.rsplit_once(" and ") {
        Some((head, last)) => vec![head.to_string(), last.to_string()],
        None => vec![what.to_string()],
    };
    let two = args.len() == 2;
    let key = match (first, two) {
        (Some(l), true) => {
            args.push(l.to_string());
            "the same {} and {} twice (first on line {})"
        }
        (Some(l), false) => {
            args.push(l.to_string());
            "the same {} twice (first on line {})"
        }
        // The file could not be read a second time (a FIFO) to find it.
        (None, true) => "the same {} and {} twice (first on an earlier line)",
        (None, false) => "the same {} twice (first on an earlier line)",
    };
    let said = Said::new(key, args);
    Problem {
        said: None,
        hint_said: None,
        found_said: None,
        path: path.to_string(),
        line: Some(line),
        column: None,
        found: None,
        message: String::new(),
        hint: Some("keep one row per key; correct or remove one of them".into()),
    }
    .said(said)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_count_like_a_spreadsheet() {
        assert_eq!(letters(1), "A");
        assert_eq!(letters(5), "E");
        assert_eq!(letters(26), "Z");
        assert_eq!(letters(27), "AA");
        assert_eq!(letters(52), "AZ");
        assert_eq!(letters(703), "AAA");
    }

    #[test]
    fn merged_in_file_order_as_if_pushed_one_by_one() {
        let p = |n: u64| Problem {
            said: None,
            hint_said: None,
            found_said: None,
            line: Some(n),
            ..Problem::file("f".into(), "m".into())
        };
        let mut all = Problems::new(3);
        let mut one = Problems::new(3);
        one.extend([p(1), p(2)]);
        let mut two = Problems::new(3);
        two.extend([p(3), p(4)]);
        all.merge(one);
        all.merge(two);
        assert_eq!(all.total, 4);
        let lines: Vec<_> = all.kept.iter().map(|k| k.line).collect();
        assert_eq!(lines, [Some(1), Some(2), Some(3)]);
    }
}
