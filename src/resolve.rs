//! Finding the office a user means by `--branch NAME`.

use std::fmt;

use crate::model::{DataSet, Level};
use crate::said::{fill, Lookup, Say};

#[derive(Debug, Clone, PartialEq)]
pub enum ResolveError {
    Unknown {
        query: String,
        suggestions: Vec<String>,
    },
    Ambiguous {
        query: String,
        /// Each office the query matches equally well: its code and name.
        candidates: Vec<(String, String)>,
        /// Their level, the same for all (the preferred one among the matches).
        level: Level,
    },
}

impl ResolveError {
    /// `kc-x (Kota Baru, branch), kc-y (Kota Lama, branch)`, the level as `level` says it.
    fn listed(candidates: &[(String, String)], level: &str) -> String {
        candidates
            .iter()
            .map(|(code, name)| format!("{code} ({name}, {level})"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Unknown { query, suggestions } => {
                write!(f, "no office matches {query:?}")?;
                if !suggestions.is_empty() {
                    write!(f, "\n  hint: offices include {}", suggestions.join(", "))?;
                }
                write!(f, "\n  hint: `coverage offices` lists every office")
            }
            ResolveError::Ambiguous {
                query,
                candidates,
                level,
            } => {
                write!(
                    f,
                    "{query:?} matches several offices: {}",
                    Self::listed(candidates, level.code())
                )?;
                write!(
                    f,
                    "\n  hint: give the code, e.g. --branch {}",
                    candidates.first().map_or("", |c| c.0.as_str())
                )
            }
        }
    }
}

impl std::error::Error for ResolveError {}

impl Say for ResolveError {
    /// As `Display`, in the reader's language.
    fn say(&self, look: Lookup) -> String {
        let hint = |h: String| fill(&look("\n  hint: {}"), std::iter::once(h.as_str()));
        let one = |k: &str, a: &str| fill(&look(k), std::iter::once(a));
        match self {
            ResolveError::Unknown { query, suggestions } => {
                let mut s = one("no office matches {}", &format!("{query:?}"));
                if !suggestions.is_empty() {
                    s.push_str(&hint(one("offices include {}", &suggestions.join(", "))));
                }
                s.push_str(&hint(look("`coverage offices` lists every office")));
                s
            }
            ResolveError::Ambiguous {
                query,
                candidates,
                level,
            } => {
                let q = format!("{query:?}");
                let list = Self::listed(candidates, &look(level.code()));
                let mut s = fill(
                    &look("{} matches several offices: {}"),
                    [q.as_str(), list.as_str()].into_iter(),
                );
                let code = candidates.first().map_or("", |c| c.0.as_str());
                s.push_str(&hint(one("give the code, e.g. --branch {}", code)));
                s
            }
        }
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Preference among offices a query matches equally well: branches first, districts last.
fn preference(l: Level) -> u8 {
    match l {
        Level::Branch => 0,
        Level::Region => 1,
        Level::Province => 2,
        Level::National => 3,
        Level::District => 4,
    }
}

/// Matches a code or a name, case-insensitively: an exact code or name wins; otherwise every
/// word of the query must be a word of the name (or code), and a branch is preferred over a
/// region, province, the national office or a district.
pub fn resolve(ds: &DataSet, query: &str) -> Result<usize, ResolveError> {
    let q = query.trim();
    let ql = q.to_lowercase();
    if let Some(i) = ds.offices.iter().position(|o| o.code.to_lowercase() == ql) {
        return Ok(i);
    }
    let exact: Vec<usize> = (0..ds.offices.len())
        .filter(|&i| ds.offices[i].name.to_lowercase() == ql)
        .collect();
    if exact.len() == 1 {
        return Ok(exact[0]);
    }
    let qw = words(q);
    let matches: Vec<usize> = (0..ds.offices.len())
        .filter(|&i| {
            let o = &ds.offices[i];
            let mut w = words(&o.name);
            w.extend(words(&o.code));
            !qw.is_empty() && qw.iter().all(|x| w.contains(x))
        })
        .collect();
    if matches.is_empty() {
        let mut suggestions: Vec<String> = (0..ds.offices.len())
            .filter(|&i| ds.offices[i].level == Level::Branch)
            .map(|i| ds.offices[i].code.clone())
            .collect();
        suggestions.sort();
        suggestions.truncate(8);
        return Err(ResolveError::Unknown {
            query: q.to_string(),
            suggestions,
        });
    }
    let best = matches
        .iter()
        .map(|&i| preference(ds.offices[i].level))
        .min()
        .unwrap_or(0);
    let top: Vec<usize> = matches
        .iter()
        .copied()
        .filter(|&i| preference(ds.offices[i].level) == best)
        .collect();
    if top.len() == 1 {
        Ok(top[0])
    } else {
        let mut candidates: Vec<(String, String)> = top
            .iter()
            .map(|&i| (ds.offices[i].code.clone(), ds.offices[i].name.clone()))
            .collect();
        candidates.sort();
        Err(ResolveError::Ambiguous {
            query: q.to_string(),
            candidates,
            level: ds.offices[top[0]].level,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Office, Origin};

    fn ds() -> DataSet {
        let mk = |code: &str, name: &str, level, parent| Office {
            code: code.into(),
            name: name.into(),
            level,
            parent,
            partial: false,
            note: String::new(),
            origin: Origin::default(),
        };
        DataSet {
            offices: vec![
                mk("national", "National", Level::National, None),
                mk("banuspa", "Banuspa", Level::Region, Some(0)),
                mk("bali-denpasar", "Bali Denpasar", Level::Branch, Some(1)),
                mk("kota-denpasar", "Kota Denpasar", Level::District, Some(2)),
                mk("bali", "Bali", Level::Province, Some(1)),
                mk("kc-tabanan", "Tabanan", Level::Branch, Some(1)),
                mk("tabanan", "Kabupaten Tabanan", Level::District, Some(2)),
                mk("kc-x", "Kota Baru", Level::Branch, Some(1)),
                mk("kc-y", "Kota Lama", Level::Branch, Some(1)),
            ],
            ..DataSet::default()
        }
    }

    #[test]
    fn a_word_prefers_the_branch() {
        let d = ds();
        assert_eq!(resolve(&d, "denpasar"), Ok(2));
        assert_eq!(resolve(&d, "DENPASAR"), Ok(2));
        assert_eq!(resolve(&d, "kota denpasar"), Ok(3));
    }

    #[test]
    fn exact_code_wins() {
        let d = ds();
        assert_eq!(resolve(&d, "bali"), Ok(4));
        assert_eq!(resolve(&d, "tabanan"), Ok(6));
        assert_eq!(resolve(&d, "Tabanan "), Ok(6));
        assert_eq!(resolve(&d, "kc-tabanan"), Ok(5));
    }

    #[test]
    fn unknown_and_ambiguous() {
        let d = ds();
        assert!(matches!(
            resolve(&d, "surabaya"),
            Err(ResolveError::Unknown { .. })
        ));
        assert!(matches!(resolve(&d, ""), Err(ResolveError::Unknown { .. })));
        match resolve(&d, "kota") {
            Err(ResolveError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 2),
            other => panic!("{other:?}"),
        }
    }
}
