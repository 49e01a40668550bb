//! Where an office stands on one figure (coverage, growth or target achievement), for ranking
//! offices and for holding one office to thresholds. No I/O and no formatting.

use crate::analysis::{self, have, Against, Fig, Filter, Have, Index, Programs, Unmade};
use crate::model::*;

/// The figure offices are ranked by or held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// Active participants as a percentage of the workforce.
    Coverage,
    /// Change of active participants against a year earlier, in percent.
    Growth,
    /// Actual as a percentage of the target.
    Achievement,
}

impl By {
    pub fn term(self) -> &'static str {
        match self {
            By::Coverage => "coverage",
            By::Growth => "growth",
            By::Achievement => "achievement",
        }
    }
}

/// Why an office has no figure to stand on, with what it does have and which flag shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// No active figure for any segment: `have` is another measure it has (new participants),
    /// or `None` when it has no participant figure at all.
    NoActive { have: Option<Have> },
    /// No active figure for the segment asked, but for others; for `all`, their sum at the
    /// latest period they share: at least the total.
    OtherSegments {
        asked: Segment,
        have: Have,
        at_least: Option<(i64, Period)>,
        /// The first of those segments that has the figure asked for (`--segment` shows it);
        /// when none has, the first segment and why it has none.
        shows: Result<Segment, (Segment, Box<Missing>)>,
    },
    /// No workforce figure of `measure`; the offices that have one.
    NoWorkforce {
        measure: WorkforceMeasure,
        offices: std::sync::Arc<[usize]>,
    },
    /// The workforce of `measure` at the survey `period` would be a sum (or a difference) not
    /// made because its parts' bounds pull both ways.
    UnmadeWorkforce {
        measure: WorkforceMeasure,
        period: Period,
        why: Unmade,
    },
    /// No figure a year before any of these periods of the segment's active participants.
    NoBase { periods: Vec<Period> },
    /// No target (for `year` when one was asked); the years the office has targets for.
    NoTarget { year: Option<i32>, years: Vec<i32> },
    /// The figure of `period` would be a sum, not made because its parts' bounds pull both
    /// ways (a lower bound and an upper bound).
    Unmade { period: Period, why: Unmade },
    /// A target for `year` but no figure in that year yet; what the office has of the
    /// measure, and a year whose achievement can be given (`--year`).
    NoActual {
        year: i32,
        have: Option<Have>,
        other_year: Option<i32>,
    },
}

impl Missing {
    pub fn term(&self) -> &'static str {
        match self {
            Missing::NoActive { have: None } => "no participant figures for this office",
            Missing::NoActive { .. } => "no active participants figure",
            Missing::OtherSegments { .. } => "no active participants figure for this segment",
            Missing::NoWorkforce { .. } | Missing::UnmadeWorkforce { .. } => {
                "no workforce figure to hold it against"
            }
            Missing::NoBase { .. } => "no figure a year earlier to compare with",
            Missing::NoTarget { .. } => "no target",
            Missing::NoActual { .. } => "no figure for the target year yet",
            Missing::Unmade { why, .. } if why.past_limit => {
                "no sum: its parts add up past the 64-bit limit"
            }
            Missing::Unmade { .. } => "no sum: its parts are bounded both ways",
        }
    }
}

/// One office's figure and what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub value: f64,
    /// The period the figure describes (for achievement, that of the actual).
    pub period: Period,
    /// What it was computed against: a survey, a base period or a target.
    pub against: Basis,
    /// How certain the figure is, from the bounds of what it rests on; `None`: no figure,
    /// its inputs pull both ways.
    pub bound: Option<Bound>,
    /// It rests on a row read one way of two.
    pub uncertain: bool,
    /// The published texts of those rows.
    pub doubts: Vec<String>,
}

/// The published texts of the rows read one way of two among `figs`.
fn doubts<'f>(figs: impl IntoIterator<Item = &'f Fig>) -> Vec<String> {
    figs.into_iter()
        .filter(|f| f.uncertain)
        .map(|f| f.doubt.clone())
        .collect()
}

/// What a figure was computed against.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    Survey {
        measure: WorkforceMeasure,
        period: Period,
        /// The survey was taken after the figure (the only one there is).
        after: bool,
    },
    Base {
        period: Period,
    },
    Target {
        year: i32,
        plan: Plan,
        measure: TargetMeasure,
        value: i64,
        /// The target's published text and bound, so it is said as published.
        prov: Provenance,
    },
}

fn filter(o: usize, segment: Segment, year: Option<i32>) -> Filter {
    Filter {
        office: Some(o),
        segment: Some(segment),
        from: year,
        to: year,
        ..Filter::default()
    }
}

/// Why there is no active figure: none at all, or only for other segments (which `--segment`
/// shows), or only of another measure.
fn no_active(ix: &Index, o: usize, segment: Segment) -> Missing {
    let Some(have) = have(ix, o, Measure::Active, Some(segment)) else {
        let other = Measure::ALL.iter().find_map(|&m| {
            (m != Measure::Active)
                .then(|| have(ix, o, m, None))
                .flatten()
        });
        return Missing::NoActive { have: other };
    };
    let mut at_least = None;
    if segment == Segment::All {
        let segs = &have.segments;
        let shared = have.periods.iter().rev().copied().find(|&p| {
            segs.iter()
                .all(|&s| ix.participant(o, p, s, Measure::Active).is_some())
        });
        at_least = shared.and_then(|p| {
            let figs: Vec<Fig> = segs
                .iter()
                .filter_map(|&s| ix.participant(o, p, s, Measure::Active))
                .collect();
            // A part that is at most or about what it shows leaves the sum no lower bound.
            let firm = figs
                .iter()
                .all(|f| matches!(f.bound(), Bound::Exact | Bound::AtLeast));
            let sum = crate::calc::checked_sum(figs.iter().map(|f| f.value))?;
            firm.then_some((sum, p))
        });
    }
    let shows = Ok(have.segments[0]);
    Missing::OtherSegments {
        asked: segment,
        have,
        at_least,
        shows,
    }
}

/// [`no_active`], with the segment `--segment` would show the figure for: the first of the
/// segments given whose own figure `by` can be computed.
fn no_active_by(
    ix: &Index,
    o: usize,
    (segment, program): (Segment, Program),
    year: Option<i32>,
    by: By,
) -> Missing {
    let mut m = no_active(ix, o, segment);
    if let Missing::OtherSegments { have, shows, .. } = &mut m {
        let mut first = None;
        for &s in &have.segments {
            match standing_in(ix, by, o, (s, program), year) {
                Ok(_) => {
                    *shows = Ok(s);
                    return m;
                }
                Err(why) => {
                    first.get_or_insert((s, Box::new(why)));
                }
            }
        }
        if let Some(f) = first {
            *shows = Err(f);
        }
    }
    m
}

/// The latest active figure of a series within `year` (or any year) that is a sum not made,
/// its parts pulling both ways.
fn unmade(
    ix: &Index,
    o: usize,
    (segment, program): (Segment, Program),
    year: Option<i32>,
) -> Option<Missing> {
    let period = ix
        .unmade_periods_in(program, o, segment, Measure::Active)
        .into_iter()
        .rfind(|p| year.is_none_or(|y| p.year() == y))?;
    let why = ix
        .unmade_in(program, o, period, segment, Measure::Active)?
        .clone();
    Some(Missing::Unmade { period, why })
}

/// The office's coverage of `program` in `year` (or its latest), against the employed (a
/// program other than `all`: against the workforce the ILO holds it against).
pub fn coverage(
    ix: &Index,
    o: usize,
    (segment, program): (Segment, Program),
    year: Option<i32>,
) -> Result<Standing, Missing> {
    let mut f = filter(o, segment, year);
    f.programs = Programs::One(program);
    let rows = analysis::coverage(ix, &f, Against::Ilo);
    // A later figure not made says why, rather than an earlier ratio standing for it.
    let later = |m: &Missing| match m {
        Missing::Unmade { period, .. } => rows.last().is_none_or(|r| r.period < *period),
        _ => false,
    };
    if let Some(m) = unmade(ix, o, (segment, program), year).filter(later) {
        return Err(m);
    }
    if rows.is_empty() {
        return Err(no_active_by(ix, o, (segment, program), year, By::Coverage));
    }
    rows.iter()
        .rev()
        .find_map(|r| {
            let (q, w) = r.workforce.as_ref()?;
            Some(Standing {
                value: r.pct?,
                period: r.period,
                against: Basis::Survey {
                    measure: r.denominator,
                    period: *q,
                    after: r.survey_after,
                },
                bound: r.bound(),
                uncertain: r.participants.uncertain || w.uncertain,
                doubts: doubts([&r.participants, w]),
            })
        })
        .ok_or_else(|| {
            // The survey the latest ratio would rest on is a sum not made: say why.
            if let Some(r) = rows.last() {
                if let Some((q, why)) = &r.workforce_unmade {
                    return Missing::UnmadeWorkforce {
                        measure: r.denominator,
                        period: *q,
                        why: why.clone(),
                    };
                }
            }
            let measure = rows
                .last()
                .map_or(WorkforceMeasure::Employed, |r| r.denominator);
            Missing::NoWorkforce {
                measure,
                offices: analysis::offices_with(ix, measure),
            }
        })
}

/// The office's growth of active participants in `year` (or its latest), against the same
/// period a year earlier.
pub fn growth(
    ix: &Index,
    o: usize,
    (segment, program): (Segment, Program),
    year: Option<i32>,
) -> Result<Standing, Missing> {
    let mut f = filter(o, segment, year);
    f.programs = Programs::One(program);
    // Every period: a year's latest month may have no base when an earlier one does not.
    f.monthly = true;
    let rows: Vec<_> = analysis::growth(ix, &f)
        .into_iter()
        .filter(|r| r.measure == Measure::Active)
        .collect();
    // A later figure not made says why, rather than an earlier change standing for it.
    let later = |m: &Missing| match m {
        Missing::Unmade { period, .. } => rows.last().is_none_or(|r| r.period < *period),
        _ => false,
    };
    if let Some(m) = unmade(ix, o, (segment, program), year).filter(later) {
        return Err(m);
    }
    if rows.is_empty() {
        return Err(no_active_by(ix, o, (segment, program), year, By::Growth));
    }
    rows.iter()
        .filter_map(|r| {
            let (bp, b) = r.base.as_ref()?;
            Some(Standing {
                value: r.change?.pct?,
                period: r.period,
                against: Basis::Base { period: *bp },
                bound: super::bound::ratio(r.value.bound(), b.bound()),
                uncertain: r.value.uncertain || b.uncertain,
                doubts: doubts([&r.value, b]),
            })
        })
        .max_by_key(|s| s.period)
        .ok_or_else(|| {
            // The latest figure's base is a sum not made: say why.
            let base = rows.last().map(|r| r.period.year_before());
            let why = base.and_then(|p| {
                let why = ix.unmade_in(program, o, p, segment, Measure::Active)?;
                Some(Missing::Unmade {
                    period: p,
                    why: why.clone(),
                })
            });
            why.unwrap_or_else(|| Missing::NoBase {
                periods: ix.periods_in(program, o, segment, Measure::Active),
            })
        })
}

/// The office's achievement of its target for `year` (or the latest year it has one): the
/// annual plan before the roadmap, active participants before additions; the first of those
/// with an actual figure.
pub fn achievement(
    ix: &Index,
    o: usize,
    segment: Segment,
    year: Option<i32>,
) -> Result<Standing, Missing> {
    let mut years: Vec<i32> = ix
        .targets_of(Some(o))
        .into_iter()
        .filter(|t| {
            t.segment == segment && t.value.is_some() && t.measure != TargetMeasure::FundsIdr
        })
        .map(|t| t.year)
        .collect();
    years.sort();
    years.dedup();
    let no_target = || Missing::NoTarget {
        year,
        years: years.clone(),
    };
    let year = match year {
        Some(y) => y,
        None => *years.last().ok_or_else(no_target)?,
    };
    let (rows, found) = achieved(ix, o, segment, year);
    let Some(first) = rows.first() else {
        return Err(no_target());
    };
    found.ok_or_else(|| {
        // The actual is a sum not made, its parts pulling both ways: say why.
        if let Some((period, why)) = rows.iter().find_map(|r| r.unmade.clone()) {
            return Missing::Unmade { period, why };
        }
        let measure = match first.target.measure {
            TargetMeasure::New => Measure::New,
            _ => Measure::Active,
        };
        Missing::NoActual {
            year,
            have: have(ix, o, measure, None),
            other_year: years
                .iter()
                .rev()
                .copied()
                .find(|&y| y != year && achieved(ix, o, segment, y).1.is_some()),
        }
    })
}

/// The targets of `year` (annual before roadmap, active before additions) and the first
/// achievement among them that has an actual figure.
fn achieved<'a>(
    ix: &Index<'a>,
    o: usize,
    segment: Segment,
    year: i32,
) -> (Vec<analysis::TargetRow<'a>>, Option<Standing>) {
    let mut rows: Vec<_> = analysis::targets(ix, &filter(o, segment, Some(year)))
        .into_iter()
        .filter(|r| r.target.measure != TargetMeasure::FundsIdr)
        .collect();
    rows.sort_by_key(|r| (r.target.plan, r.target.measure));
    let found = rows.iter().find_map(|r| {
        let (p, a) = r.actual.as_ref()?;
        Some(Standing {
            value: r.gap?.achieved_pct?,
            period: *p,
            against: Basis::Target {
                year: r.target.year,
                plan: r.target.plan,
                measure: r.target.measure,
                value: r.target.value?,
                prov: r.target.prov.clone(),
            },
            bound: r.bounds.achieved,
            uncertain: r.target.prov.uncertain || a.uncertain,
            doubts: r
                .target
                .prov
                .uncertain
                .then(|| r.target.prov.published.clone())
                .into_iter()
                .chain(doubts([a]))
                .collect(),
        })
    });
    (rows, found)
}

pub fn standing(
    ix: &Index,
    by: By,
    o: usize,
    segment: Segment,
    year: Option<i32>,
) -> Result<Standing, Missing> {
    standing_in(ix, by, o, (segment, Program::All), year)
}

/// [`standing`] on one program's figures; targets are set for program `all` only.
fn standing_in(
    ix: &Index,
    by: By,
    o: usize,
    (segment, program): (Segment, Program),
    year: Option<i32>,
) -> Result<Standing, Missing> {
    match by {
        By::Coverage => coverage(ix, o, (segment, program), year),
        By::Growth => growth(ix, o, (segment, program), year),
        By::Achievement if program != Program::All => Err(Missing::NoTarget {
            year,
            years: Vec::new(),
        }),
        By::Achievement => achievement(ix, o, segment, year),
    }
}

/// One office in a ranking: ranked ones first, best first, then the rest with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub office: usize,
    /// 1 for the best; offices with equal figures share a rank (1, 2, 2, 4).
    pub rank: Option<usize>,
    pub standing: Result<Standing, Missing>,
}

/// Every office at `level`, ranked by `by`, best first.
/// The levels at which some office has the figure, for a hint when the asked level has none.
pub fn levels_ranked(
    ix: &Index,
    by: By,
    series: (Segment, Program),
    year: Option<i32>,
) -> Vec<Level> {
    Level::ALL
        .iter()
        .copied()
        .filter(|&l| {
            rank(ix, by, l, series, year)
                .iter()
                .any(|r| r.rank.is_some())
        })
        .collect()
}

pub fn rank(
    ix: &Index,
    by: By,
    level: Level,
    series: (Segment, Program),
    year: Option<i32>,
) -> Vec<RankRow> {
    let ds = ix.ds;
    let mut rows: Vec<RankRow> = (0..ds.offices.len())
        .filter(|&o| ds.offices[o].level == level)
        .map(|o| RankRow {
            office: o,
            rank: None,
            standing: standing_in(ix, by, o, series, year),
        })
        .collect();
    rows.sort_by(|a, b| {
        let va = a.standing.as_ref().ok().map(|s| s.value);
        let vb = b.standing.as_ref().ok().map(|s| s.value);
        match (va, vb) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| ds.offices[a.office].code.cmp(&ds.offices[b.office].code))
    });
    let mut prev: Option<f64> = None;
    let mut prev_rank = 0;
    for (i, r) in rows.iter_mut().enumerate() {
        if let Ok(s) = &r.standing {
            let rank = if prev == Some(s.value) {
                prev_rank
            } else {
                i + 1
            };
            r.rank = Some(rank);
            prev = Some(s.value);
            prev_rank = rank;
        }
    }
    rows
}
