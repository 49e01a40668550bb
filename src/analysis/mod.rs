//! Figures derived from a data set: roll-ups, growth series, coverage, target gaps and claims.
//! No I/O and no formatting: commands turn these rows into tables.

pub mod bound;
mod claims;
mod coverage;
mod growth;
mod held;
mod index;
mod programs;
mod targets;

pub mod audit;
pub mod published;
pub mod standing;

pub use claims::*;
pub use coverage::*;
pub use growth::*;
pub use held::outside_published;
pub use index::*;
pub use programs::*;
pub use targets::*;

use std::collections::BTreeMap;

use crate::model::*;

/// A figure with where it comes from: a source as the data gives it, or how it was derived.
#[derive(Debug, Clone, PartialEq)]
pub struct Fig {
    pub value: i64,
    /// The source as the data names it; for a derived figure, the English of `how`.
    pub source: String,
    pub published: String,
    pub derived: bool,
    /// How a derived figure was made, for each language to say.
    pub how: Option<Derivation>,
    /// The row is read one way of two (its `reading` column says `uncertain`).
    pub uncertain: bool,
    /// The `bound` column where the row has one.
    pub bound_column: Option<Bound>,
    /// The published texts of the rows read one way of two that the figure rests on (its own,
    /// or those of the rows a sum was made of), joined by ` / `; empty when it rests on none.
    pub doubt: String,
}

impl Fig {
    fn given(value: i64, prov: &Provenance) -> Self {
        Fig {
            value,
            source: prov.source.clone(),
            published: prov.published.clone(),
            derived: prov.derived.is_some(),
            how: prov.derived,
            uncertain: prov.uncertain,
            bound_column: prov.bound,
            doubt: if prov.uncertain {
                prov.published.clone()
            } else {
                String::new()
            },
        }
    }

    fn derived(value: i64, how: Derivation) -> Self {
        Fig {
            value,
            source: how.english(),
            published: String::new(),
            derived: true,
            how: Some(how),
            uncertain: false,
            bound_column: None,
            doubt: String::new(),
        }
    }

    /// How certain the figure is: its `bound` column, else its published words.
    pub fn bound(&self) -> Bound {
        self.bound_column
            .unwrap_or_else(|| bound::from_text(&self.published))
    }

    /// The provenance the figure's words are read from.
    pub fn prov(&self) -> Provenance {
        Provenance {
            source: self.source.clone(),
            derived: self.how,
            published: self.published.clone(),
            note: String::new(),
            bound: self.bound_column,
            uncertain: self.uncertain,
        }
    }

    /// A derived figure as its store holds it: the provenance carries the derivation.
    /// A sum is uncertain when one of the figures it was made of is, and names them.
    fn from_store(value: i64, prov: &Provenance) -> Self {
        match prov.derived {
            Some(d) => {
                let mut f = Fig::derived(value, d);
                // A sum of bounds is itself one (set where the sum is made).
                f.bound_column = prov.bound;
                f.uncertain = prov.uncertain;
                if prov.uncertain {
                    f.doubt = prov.note.clone();
                }
                f
            }
            None => Fig::given(value, prov),
        }
    }
}

/// A note as a sentence with slots: the English template (looked up as a whole for other
/// languages) and the values for its `{}` slots, so each can be written in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub template: &'static str,
    pub args: Vec<String>,
    /// Indices of the args that are terms (a measure's name), not names or periods.
    pub terms: Vec<usize>,
}

impl Note {
    pub(crate) fn new(template: &'static str, args: Vec<String>) -> Self {
        Note {
            template,
            args,
            terms: Vec::new(),
        }
    }

    pub(crate) fn term_at(mut self, i: usize) -> Self {
        self.terms.push(i);
        self
    }

    fn terms_at(mut self, i: &[usize]) -> Self {
        self.terms.extend_from_slice(i);
        self
    }
}

/// What an office does have of one measure, to say beside a figure it lacks: which segments,
/// in which periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Have {
    pub measure: Measure,
    pub segments: Vec<Segment>,
    /// Every period any of those segments has a figure for, in order.
    pub periods: Vec<Period>,
}

/// What office `o` has of measure `m` beside segment `skip` (`None`: every segment).
pub fn have(ix: &Index, o: usize, m: Measure, skip: Option<Segment>) -> Option<Have> {
    let segments: Vec<Segment> = Segment::ALL
        .iter()
        .copied()
        .filter(|&s| Some(s) != skip && !ix.periods(o, s, m).is_empty())
        .collect();
    if segments.is_empty() {
        return None;
    }
    let mut periods: Vec<Period> = segments.iter().flat_map(|&s| ix.periods(o, s, m)).collect();
    periods.sort();
    periods.dedup();
    Some(Have {
        measure: m,
        segments,
        periods,
    })
}

/// The offices given a workforce figure of measure `m`, in data-set order (found once per
/// run: a reason per row asks it again).
pub fn offices_with(ix: &Index, m: WorkforceMeasure) -> std::sync::Arc<[usize]> {
    ix.offices_with(m)
}

/// Whether a stated figure is a percentage (its code ends in `_pct`).
pub fn is_percent(m: StatedMetric) -> bool {
    m.code().ends_with("_pct")
}

/// Something the data says that does not add up, found while deriving figures: a glossary
/// template with its slots, so the renderer says it in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub file: &'static str,
    pub line: u64,
    /// The 1-based column of the figure and its header, where the finding is about one cell.
    pub column: Option<(usize, &'static str)>,
    pub message: Note,
}

/// What the commands are asked to cover.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this office (and, for roll-ups, its figures); `None`: every office.
    pub office: Option<usize>,
    pub level: Option<Level>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub segment: Option<Segment>,
    /// Every period, not only each year's latest.
    pub monthly: bool,
    /// Which programs' figures: `all` only unless a command asks for more.
    pub programs: Programs,
}

impl Filter {
    pub fn office_ok(&self, ds: &DataSet, o: usize) -> bool {
        self.office.is_none_or(|x| x == o) && self.level.is_none_or(|l| ds.offices[o].level == l)
    }

    pub fn year_ok(&self, y: i32) -> bool {
        self.from.is_none_or(|f| y >= f) && self.to.is_none_or(|t| y <= t)
    }

    pub fn segment_ok(&self, s: Segment) -> bool {
        self.segment.is_none_or(|x| x == s)
    }
}

/// Order of offices in output: hierarchy order.
fn office_rank(ds: &DataSet) -> Vec<usize> {
    let mut rank = vec![0; ds.offices.len()];
    for (pos, (i, _)) in ds.tree().into_iter().enumerate() {
        rank[i] = pos;
    }
    rank
}

/// Keeps, per group, only the latest period of each year unless every period is wanted.
fn select_periods<K: Ord + Clone>(
    keys: impl Iterator<Item = (K, Period)>,
    monthly: bool,
) -> Vec<(K, Period)> {
    let mut latest: BTreeMap<(K, i32), Period> = BTreeMap::new();
    let mut all = Vec::new();
    for (k, p) in keys {
        if monthly {
            all.push((k, p));
        } else {
            let e = latest.entry((k, p.year())).or_insert(p);
            if p > *e {
                *e = p;
            }
        }
    }
    if monthly {
        all
    } else {
        latest.into_iter().map(|((k, _), p)| (k, p)).collect()
    }
}

/// The provenance a derived store interns for a derivation.
fn derivation(d: Derivation) -> Provenance {
    Provenance {
        source: d.english(),
        derived: Some(d),
        ..Provenance::default()
    }
}

/// The English term for `n` offices of a level: `district`, `districts`.
fn level_word(l: Level, n: usize) -> &'static str {
    l.word(n)
}
