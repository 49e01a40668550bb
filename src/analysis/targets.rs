//! Targets: the distance to each, the pace so far and the pace needed.

use super::index::{Index, Unmade};
use super::{Fig, Filter, Note};
use crate::calc::{self, Change, Gap, Pace};
use crate::model::*;

#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow<'a> {
    pub target: &'a Target,
    /// The latest figure within the target year.
    pub actual: Option<(Period, Fig)>,
    pub gap: Option<Gap>,
    /// The previous year's figure: the year-end stock, or the previous year's total flow.
    pub base: Option<(Period, Fig)>,
    /// From the base to the target.
    pub required: Option<Change>,
    pub pace: Option<Pace>,
    /// Month in which the pace so far reaches the target.
    pub reach_month: Option<u8>,
    pub status: PaceStatus,
    /// Why a figure is missing, as a glossary template with its slots.
    pub note_parts: Option<Note>,
    /// With only year ends known: the change needed spread evenly over the twelve months, an
    /// average, not a pace anyone measured.
    pub avg_needed_per_month: Option<f64>,
    /// An annual target less the roadmap's figure for the same year, measure and segment.
    pub vs_roadmap: Option<i64>,
    /// The roadmap row `vs_roadmap` is measured against.
    pub roadmap: Option<&'a Target>,
    /// The same plan's figure for the year before and the change from it: the plan's own path
    /// (roadmap participants 35,93 -> 43,92 juta, funds Rp627,69 -> 695,29 triliun).
    pub path: Option<PlanStep<'a>>,
    /// For a target over all segments with no total the year before: the segments that do have
    /// a figure then, summed (a lower bound of the total), and the segments missing.
    pub partial_base: Option<PartialBase>,
    /// With no figure in the year or the year before, what the office does have of the
    /// measure (other segments, other periods), or of another measure.
    pub have: Option<super::Have>,
    /// With no figure in the year (or none the year before), the sum that would be it and
    /// was not made because its parts' bounds pull both ways.
    pub unmade: Option<(Period, Unmade)>,
    /// How certain each figure of the row is, from the bounds of the figures it rests on.
    pub bounds: TargetBounds,
}

/// One step of a plan's path: the same plan's target a year earlier and the change to this one.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep<'a> {
    pub before: &'a Target,
    pub change: Change,
}

/// The bound of a target row's figures: `None` where the inputs pull both ways and there is
/// no figure (a lower-bound target less a lower-bound actual).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetBounds {
    pub target: Bound,
    /// Gap and the pace needed per month (target − actual).
    pub gap: Option<Bound>,
    /// actual ÷ target.
    pub achieved: Option<Bound>,
    /// The change needed from the base, its percentage and its monthly average.
    pub required: Option<Bound>,
    pub vs_roadmap: Option<Bound>,
    /// The change along the plan's path, from the same plan's target a year earlier.
    pub path: Option<Bound>,
    /// The verdict could go either way within the target's bound.
    pub verdict_open: bool,
}

impl TargetBounds {
    const EXACT: TargetBounds = TargetBounds {
        target: Bound::Exact,
        gap: Some(Bound::Exact),
        achieved: Some(Bound::Exact),
        required: Some(Bound::Exact),
        vs_roadmap: Some(Bound::Exact),
        path: Some(Bound::Exact),
        verdict_open: false,
    };

    fn of(row: &TargetRow, roadmap: Option<Bound>) -> Self {
        let target = super::bound::of(&row.target.prov);
        let actual = row.actual.as_ref().map(|(_, f)| f.bound());
        let base = row.base.as_ref().map(|(_, f)| f.bound());
        let gap = actual.and_then(|a| super::bound::difference(target, a));
        // A verdict stands when the gap cannot change sign within the bound: a gap of at
        // least +70,000 is still to go whatever the target, one of at least -10 is not known.
        let verdict_open = match (gap, row.gap) {
            (Some(Bound::Exact), _) | (_, None) => false,
            (Some(Bound::AtLeast), Some(g)) => g.gap <= 0,
            (Some(Bound::AtMost), Some(g)) => g.gap > 0,
            (Some(Bound::About | Bound::AtLeastAbout | Bound::AtMostAbout) | None, Some(_)) => true,
        };
        TargetBounds {
            target,
            gap,
            achieved: actual.and_then(|a| super::bound::ratio(a, target)),
            required: base.and_then(|b| super::bound::difference(target, b)),
            vs_roadmap: roadmap.and_then(|r| super::bound::difference(target, r)),
            path: row
                .path
                .as_ref()
                .and_then(|p| super::bound::difference(target, super::bound::of(&p.before.prov))),
            verdict_open,
        }
    }
}

/// A sum of the segments known, which is at least the total.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialBase {
    pub period: Period,
    pub sum: i64,
    pub known: Vec<Segment>,
    pub missing: Vec<Segment>,
    /// Any of the known figures is read one way of two.
    pub uncertain: bool,
}

/// The segments of `o` with a figure for `p`, summed, when some but not all have one: at
/// least the total, so only where each part is exact or itself a lower bound.
pub fn partial_base(ix: &Index, o: usize, p: Period, m: Measure) -> Option<PartialBase> {
    let mut out = PartialBase {
        period: p,
        sum: 0,
        known: Vec::new(),
        missing: Vec::new(),
        uncertain: false,
    };
    for &s in Segment::ALL.iter().filter(|s| **s != Segment::All) {
        match ix.participant(o, p, s, m) {
            Some(f) => {
                // A part at most or about what it shows leaves the sum no lower bound.
                if !matches!(f.bound(), Bound::Exact | Bound::AtLeast) {
                    return None;
                }
                out.sum = out.sum.checked_add(f.value)?;
                out.uncertain |= f.uncertain;
                out.known.push(s);
            }
            None => out.missing.push(s),
        }
    }
    (!out.known.is_empty()).then_some(out)
}

/// Where an office stands against a target, in words a reader can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaceStatus {
    /// Within the year, the pace so far reaches the target by the year end.
    OnTrack,
    /// Within the year, the pace so far falls short by the year end.
    Behind,
    /// Within the year, the target is already reached.
    Reached,
    /// Within the year, a count of participants (a stock, not a sum of the year's flow) is at
    /// or above its target, but the pace so far takes it below by the year end.
    AboveFalling,
    /// The year's final figure is known.
    YearComplete { met: bool },
    /// No figure for the target year yet, and the series has only year-end figures: nothing
    /// tells how the year is going, and no month is invented to say so.
    OnlyYearEnds,
    /// No figure for the target year yet (the series does have months in other years).
    NotYet,
    /// A month of the target year is known but not the previous year end to measure from.
    NoStart,
    /// Nothing to compare the target with (e.g. funds under management).
    NoFigures,
}

impl PaceStatus {
    pub fn term(self) -> &'static str {
        match self {
            PaceStatus::OnTrack => "on track",
            PaceStatus::Behind => "behind",
            PaceStatus::Reached => "target reached",
            PaceStatus::AboveFalling => {
                "at or above the target so far, but below it by the year end at this pace"
            }
            PaceStatus::YearComplete { met: true } => "year complete: target met",
            PaceStatus::YearComplete { met: false } => "year complete: target missed",
            PaceStatus::OnlyYearEnds => "only year ends known",
            PaceStatus::NotYet => "no figure for the year yet",
            PaceStatus::NoStart => "no previous year end to measure the pace from",
            PaceStatus::NoFigures => "no actual figure to compare with",
        }
    }
}

pub fn targets<'a>(ix: &Index<'a>, f: &Filter) -> Vec<TargetRow<'a>> {
    let ds = ix.ds;
    let rank = ix.rank();
    let mut rows: Vec<TargetRow> = ix
        .targets_of(f.office)
        .into_iter()
        .filter(|t| {
            t.value.is_some()
                && f.office_ok(ds, t.office)
                && f.year_ok(t.year)
                && f.segment_ok(t.segment)
        })
        .map(|t| target_row(ix, t))
        .collect();
    rows.sort_by(|a, b| {
        let ka = (
            rank[a.target.office],
            a.target.year,
            a.target.plan,
            a.target.measure,
            a.target.segment,
        );
        let kb = (
            rank[b.target.office],
            b.target.year,
            b.target.plan,
            b.target.measure,
            b.target.segment,
        );
        ka.cmp(&kb)
    });
    rows
}

fn target_row<'a>(ix: &Index<'a>, t: &'a Target) -> TargetRow<'a> {
    let target = t.value.expect("filtered");
    let measure = match t.measure {
        TargetMeasure::Active => Some(Measure::Active),
        TargetMeasure::New => Some(Measure::New),
        TargetMeasure::FundsIdr => None,
    };
    let mut row = TargetRow {
        target: t,
        actual: None,
        gap: None,
        base: None,
        required: None,
        pace: None,
        reach_month: None,
        status: PaceStatus::NoFigures,
        note_parts: None,
        avg_needed_per_month: None,
        vs_roadmap: None,
        roadmap: None,
        path: None,
        partial_base: None,
        have: None,
        unmade: None,
        bounds: TargetBounds::EXACT,
    };
    let same = |year: i32, plan: Plan| {
        ix.ds.targets.iter().find(|r| {
            r.value.is_some()
                && (r.office, r.year, r.plan, r.measure, r.segment)
                    == (t.office, year, plan, t.measure, t.segment)
        })
    };
    if t.plan == Plan::Annual {
        row.roadmap = same(t.year, Plan::Roadmap);
        row.vs_roadmap = row
            .roadmap
            .and_then(|r| r.value)
            .and_then(|r| target.checked_sub(r));
    }
    row.path = same(t.year - 1, t.plan).and_then(|before| {
        Some(PlanStep {
            before,
            change: calc::change(before.value?, target)?,
        })
    });
    let roadmap = row.roadmap.map(|r| super::bound::of(&r.prov));
    let Some(m) = measure else {
        funds_row(&mut row);
        row.bounds = TargetBounds::of(&row, roadmap);
        return row;
    };
    let o = t.office;
    let find = |p: Period| ix.participant(o, p, t.segment, m).map(|f| (p, f));
    let in_year = std::iter::once(Period::Year(t.year))
        .chain((1..=12).rev().map(|mo| Period::Month(t.year, mo)))
        .find_map(find);
    let base = [Period::Year(t.year - 1), Period::Month(t.year - 1, 12)]
        .into_iter()
        .find_map(find);
    row.required = base
        .as_ref()
        .and_then(|(_, b)| calc::change(b.value, target));
    if let Some((p, a)) = &in_year {
        row.gap = calc::target_gap(target, a.value);
        if p.is_year_end() {
            row.status = PaceStatus::YearComplete {
                met: a.value >= target,
            };
        } else if a.value >= target {
            row.status = PaceStatus::Reached;
        } else {
            row.status = PaceStatus::NoStart;
        }
        if !p.is_year_end() {
            let start = if m.is_flow() {
                Some(0)
            } else {
                base.as_ref().map(|(_, b)| b.value)
            };
            match start {
                Some(start) => {
                    row.pace = calc::pace(target, start, a.value, p.months());
                    // A month of reaching only where the pace gets there: a series that started
                    // above its target and fell below it did not reach it in January.
                    row.reach_month = row
                        .pace
                        .filter(|_| start < target)
                        .and_then(|pc| calc::month_reaching(target, start, pc.so_far));
                    if let Some(pc) = row.pace.as_mut().filter(|pc| pc.projected < 0.0) {
                        pc.projected = 0.0;
                        row.note_parts = Some(Note::new(
                            "at the pace so far the series falls to zero before the year end",
                            vec![],
                        ));
                    }
                    if row.status == PaceStatus::Reached && !m.is_flow() {
                        // A count reached mid-year can be lost again: only the pace tells.
                        if row.pace.is_some_and(|pc| !pc.on_track) {
                            row.status = PaceStatus::AboveFalling;
                        }
                    } else if row.status != PaceStatus::Reached {
                        row.status = match row.pace {
                            Some(pc) if pc.on_track => PaceStatus::OnTrack,
                            Some(_) => PaceStatus::Behind,
                            None => PaceStatus::NoStart,
                        };
                    }
                }
                None => {
                    row.note_parts = Some(Note::new(
                        "no {} year-end figure to measure the pace from",
                        vec![(t.year - 1).to_string()],
                    ));
                }
            }
        }
    } else {
        let series: Vec<Period> = ix.periods(o, t.segment, m);
        row.status = if series.is_empty() {
            PaceStatus::NoFigures
        } else if series.iter().all(|p| p.is_year_end()) {
            PaceStatus::OnlyYearEnds
        } else {
            PaceStatus::NotYet
        };
        row.note_parts = Some(match &base {
            Some((bp, _)) => Note::new(
                "no {} figure yet; change needed is from {}",
                vec![t.year.to_string(), bp.to_string()],
            ),
            None => Note::new(
                "no figure for {} or the year before",
                vec![t.year.to_string()],
            ),
        });
        if base.is_none() && t.segment == Segment::All {
            row.partial_base = [Period::Year(t.year - 1), Period::Month(t.year - 1, 12)]
                .into_iter()
                .find_map(|p| partial_base(ix, o, p, m));
            if row.partial_base.is_some() {
                row.status = PaceStatus::OnlyYearEnds;
            }
        }
        if base.is_none() && row.partial_base.is_none() {
            row.have = super::have(ix, o, m, None).or_else(|| {
                Measure::ALL.iter().find_map(|&other| {
                    (other != m)
                        .then(|| super::have(ix, o, other, None))
                        .flatten()
                })
            });
        }
    }
    if row.status == PaceStatus::OnlyYearEnds && !m.is_flow() {
        row.avg_needed_per_month = row.required.map(|c| c.abs as f64 / 12.0);
    }
    let not_made = |p: Period| ix.unmade(o, p, t.segment, m).map(|u| (p, u.clone()));
    if in_year.is_none() {
        row.unmade = std::iter::once(Period::Year(t.year))
            .chain((1..=12).rev().map(|mo| Period::Month(t.year, mo)))
            .find_map(not_made);
    }
    if row.unmade.is_none() && base.is_none() {
        row.unmade = [Period::Year(t.year - 1), Period::Month(t.year - 1, 12)]
            .into_iter()
            .find_map(not_made);
    }
    row.actual = in_year;
    row.base = base;
    row.bounds = TargetBounds::of(&row, roadmap);
    row
}

/// Funds under management: no outcome in the data set, so the target is set only against the
/// same plan's figure for the year before (the row's `path`).
fn funds_row(row: &mut TargetRow) {
    row.note_parts = Some(Note::new(
        "no figures for funds under management in the data set",
        vec![],
    ));
}
