//! Coverage: active participants against the workforce that segment is held against.

use super::index::Index;
use super::{select_periods, Fig, Filter, Note};
use crate::calc::{self};
use crate::model::*;

/// Which workforce figure a segment is held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Against {
    #[default]
    Employed,
    LabourForce,
}

/// How a workforce measure is named for people.
pub fn workers(m: WorkforceMeasure) -> &'static str {
    match m {
        WorkforceMeasure::LabourForce => "labour force",
        WorkforceMeasure::Employed => "employed",
        WorkforceMeasure::Formal => "formal",
        WorkforceMeasure::Informal => "informal",
    }
}

/// The same workers as the object of a sentence ("as % of the employed").
pub fn workers_whom(m: WorkforceMeasure) -> &'static str {
    match m {
        WorkforceMeasure::LabourForce => "the labour force",
        WorkforceMeasure::Employed => "the employed",
        WorkforceMeasure::Formal => "formal workers",
        WorkforceMeasure::Informal => "informal workers",
    }
}

/// The workforce figures a segment can be held against, whichever `--against` is asked.
pub fn denominators(s: Segment) -> Vec<WorkforceMeasure> {
    let mut d: Vec<WorkforceMeasure> = [Against::Employed, Against::LabourForce]
        .into_iter()
        .filter_map(|a| denominator(s, a))
        .collect();
    d.dedup();
    d
}

pub fn denominator(s: Segment, against: Against) -> Option<WorkforceMeasure> {
    match s {
        Segment::Pu => Some(WorkforceMeasure::Formal),
        Segment::Bpu => Some(WorkforceMeasure::Informal),
        Segment::All => Some(match against {
            Against::Employed => WorkforceMeasure::Employed,
            Against::LabourForce => WorkforceMeasure::LabourForce,
        }),
        Segment::Jakon | Segment::Pmi => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub office: usize,
    pub segment: Segment,
    pub period: Period,
    pub participants: Fig,
    pub denominator: WorkforceMeasure,
    /// The survey used and its figure; `None` with a reason in `note_parts`.
    pub workforce: Option<(Period, Fig)>,
    pub pct: Option<f64>,
    /// Participants and workforce are counted at different dates.
    pub periods_differ: bool,
    /// Why the ratio is missing or what to bear in mind, as a glossary template with slots.
    pub note_parts: Option<Note>,
}

/// Active participants against the workforce: the latest survey at or before the
/// participants' period, else the earliest after it (flagged either way when they differ).
pub fn coverage(ix: &Index, f: &Filter, against: Against) -> Vec<CoverageRow> {
    let ds = ix.ds;
    let keys: Vec<((usize, Segment), Period)> = ix
        .series_of(f.office)
        .iter()
        .copied()
        .filter(|&(o, s, m)| {
            m == Measure::Active
                && f.office_ok(ds, o)
                && f.segment_ok(s)
                && denominator(s, against).is_some()
        })
        .flat_map(|(o, s, m)| ix.periods(o, s, m).into_iter().map(move |p| ((o, s), p)))
        .filter(|(_, p)| f.year_ok(p.year()))
        .collect();
    let keys = keys.into_iter();
    let selected = select_periods(keys, f.monthly);
    let rank = ix.rank();
    let mut rows: Vec<CoverageRow> = selected
        .into_iter()
        .map(|((o, s), p)| {
            let participants = ix.participant(o, p, s, Measure::Active).expect("selected");
            let den = denominator(s, against).expect("filtered");
            let surveys = ix.surveys(o, den);
            let chosen = surveys
                .iter()
                .rev()
                .find(|q| **q <= p)
                .or_else(|| surveys.first())
                .map(|&q| (q, ix.workforce[&(o, q, den)].clone()));
            let (pct, periods_differ, note) = match &chosen {
                Some((q, w)) => {
                    let differ = q.key() != p.key()
                        && !(p.is_year_end() && *q == Period::Month(p.year(), 12));
                    let note = differ.then(|| {
                        Note::new(
                            "dates differ: participants {}, survey {}",
                            vec![p.to_string(), q.to_string()],
                        )
                    });
                    (calc::ratio_pct(participants.value, w.value), differ, note)
                }
                None => (
                    None,
                    false,
                    Some(Note::new(
                        match ds.offices[o].level {
                            Level::Branch => {
                                "no {} workforce figure for {} or all of its districts"
                            }
                            Level::Region => {
                                "no {} workforce figure for {} or all of its provinces or branches"
                            }
                            Level::National => {
                                "no {} workforce figure for {} or all of its regions"
                            }
                            _ => "no {} workforce figure for {}",
                        },
                        vec![den.code().replace('_', " "), ds.offices[o].code.clone()],
                    )
                    .term_at(0)),
                ),
            };
            CoverageRow {
                office: o,
                segment: s,
                period: p,
                participants,
                denominator: den,
                workforce: chosen,
                pct,
                periods_differ,
                note_parts: note,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (rank[a.office], a.segment, a.period).cmp(&(rank[b.office], b.segment, b.period))
    });
    rows
}
