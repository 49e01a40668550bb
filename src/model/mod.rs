//! The typed records of a data set and the small code types they are made of.
//!
//! `codes` holds the codes, `store` the compact participant figures built from them, and
//! this file the records and the data set that holds both: each file imports only the ones
//! before it, so the three form no circle.

mod codes;
pub mod store;

pub use codes::*;

use store::Participants;

/// Where a record came from: the file and the line it was read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Origin {
    pub line: u64,
    /// The 1-based column of the row's figure (`value`, `amount_idr`); 0 where it has none.
    pub column: usize,
}

/// An office or area. `parent` is an index into [`DataSet::offices`].
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<usize>,
    /// Only some of this office's children are listed, so it is never a sum of them.
    pub partial: bool,
    pub note: String,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRecord {
    pub office: usize,
    pub period: Period,
    pub segment: Segment,
    pub program: Program,
    pub cases: Option<i64>,
    pub amount_idr: Option<i64>,
    pub prov: Provenance,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub office: usize,
    pub year: i32,
    pub plan: Plan,
    pub measure: TargetMeasure,
    pub segment: Segment,
    pub value: Option<i64>,
    pub prov: Provenance,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Workforce {
    pub office: usize,
    pub period: Period,
    pub measure: WorkforceMeasure,
    pub value: Option<i64>,
    pub prov: Provenance,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    pub office: usize,
    pub period: Option<Period>,
    pub segment: Segment,
    pub metric: StatedMetric,
    pub value: f64,
    pub prov: Provenance,
    pub origin: Origin,
}

/// A whole data set, validated: every office index is in range and every key unique.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    /// Where the files were read from (`embedded` for the shipped data).
    pub root: String,
    pub offices: Vec<Office>,
    pub participants: Participants,
    pub claims: Vec<ClaimRecord>,
    pub targets: Vec<Target>,
    pub workforce: Vec<Workforce>,
    pub stated: Vec<Stated>,
}

/// Each office's children, by office index: the one place the hierarchy is turned around.
pub fn child_lists(offices: &[Office]) -> Vec<Vec<usize>> {
    let mut k = vec![Vec::new(); offices.len()];
    for (i, o) in offices.iter().enumerate() {
        if let Some(p) = o.parent {
            k[p].push(i);
        }
    }
    k
}

/// [`DataSet::tree`] of a list of offices.
pub fn tree(offices: &[Office]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(offices.len());
    let mut roots: Vec<usize> = (0..offices.len())
        .filter(|&i| offices[i].parent.is_none())
        .collect();
    roots.sort_by(|&a, &b| offices[a].code.cmp(&offices[b].code));
    // An explicit stack: a 10,000-deep chain must not overflow the call stack.
    let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    let kids = child_lists(offices);
    while let Some((i, depth)) = stack.pop() {
        out.push((i, depth));
        let mut k = kids[i].clone();
        k.sort_by(|&a, &b| {
            (offices[a].level, &offices[a].code).cmp(&(offices[b].level, &offices[b].code))
        });
        for c in k.into_iter().rev() {
            stack.push((c, depth + 1));
        }
    }
    out
}

impl DataSet {
    pub fn office(&self, idx: usize) -> &Office {
        &self.offices[idx]
    }

    /// Office indices in hierarchy order (depth first, children by code), with their depth.
    pub fn tree(&self) -> Vec<(usize, usize)> {
        tree(&self.offices)
    }
}
