//! Growth of each participant series against the same period a year earlier.

use super::bound;
use super::index::{Index, Unmade};
use super::{Fig, Filter};
use crate::calc::{self, Change};
use crate::model::*;

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthRow {
    pub office: usize,
    pub program: Program,
    pub segment: Segment,
    pub measure: Measure,
    pub period: Period,
    pub value: Fig,
    pub base: Option<(Period, Fig)>,
    pub change: Option<Change>,
    /// Compound annual growth since the series' first comparable period, over 2+ years.
    pub cagr: Option<(Period, f64)>,
    /// The figure the compound rate starts from.
    pub cagr_from: Option<Fig>,
}

impl GrowthRow {
    /// The published texts of the rows read one way of two that the row rests on: its value,
    /// its base and the figure its compound rate starts from.
    pub fn doubts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = std::iter::once(&self.value)
            .chain(self.base.as_ref().map(|(_, b)| b))
            .chain(self.cagr.and(self.cagr_from.as_ref()))
            .filter(|f| f.uncertain)
            .map(|f| f.doubt.as_str())
            .collect();
        out.dedup();
        out
    }

    /// How certain the change and its percentage are: value less base, value over base.
    /// `None`: the two are bounds that pull both ways.
    pub fn change_bound(&self) -> Option<Bound> {
        let (_, b) = self.base.as_ref()?;
        bound::difference(self.value.bound(), b.bound())
    }

    /// How certain the compound rate is: it rises with its last figure and falls with its
    /// first, as a ratio of the two does.
    pub fn cagr_bound(&self) -> Option<Bound> {
        let first = self.cagr_from.as_ref()?;
        bound::ratio(self.value.bound(), first.bound())
    }
}

/// The place of a sum not made because its parts' bounds pull both ways: where its growth row
/// would be, and why it is not.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmadeRow {
    pub office: usize,
    pub program: Program,
    pub segment: Segment,
    pub measure: Measure,
    pub period: Period,
    pub why: Unmade,
}

/// A growth row, or the place of a sum not made. Rows go out one at a time and far outnumber
/// the sums not made, so a row is not boxed to save the rare one's space.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum GrowthItem {
    Row(GrowthRow),
    Unmade(UnmadeRow),
}

/// Whether any participant row is a bound or about (by its `bound` column or its words), so
/// growth and coverage must say how certain each derived figure is.
pub fn any_bounded(ix: &Index) -> bool {
    let bounded = |p: &Provenance| bound::of(p) != Bound::Exact;
    ix.ds.participants.provenances().iter().any(bounded)
        || ix.derived.provenances().iter().any(bounded)
        || ix.workforce.values().any(|f| f.bound() != Bound::Exact)
}

/// Growth of every series: each year's latest period (or every period) against the same
/// period a year earlier.
pub fn growth(ix: &Index, f: &Filter) -> Vec<GrowthRow> {
    growth_items(ix, f)
        .into_iter()
        .filter_map(|i| match i {
            GrowthItem::Row(r) => Some(r),
            GrowthItem::Unmade(_) => None,
        })
        .collect()
}

/// [`growth`], with the places of the sums not made because their parts pull both ways.
pub fn growth_items(ix: &Index, f: &Filter) -> Vec<GrowthItem> {
    let mut rows = Vec::new();
    growth_each(ix, f, |r| {
        rows.push(r);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|e| match e {});
    rows
}

/// [`growth`], one row at a time in output order (office in hierarchy order, measure, segment,
/// program, period), so a national monthly history is never held as rows. A sum not made
/// because its parts pull both ways comes where its row would be.
pub fn growth_each<E>(
    ix: &Index,
    f: &Filter,
    emit: impl FnMut(GrowthItem) -> Result<(), E>,
) -> Result<(), E> {
    growth_each_in(ix, f, &growth_offices(ix, f), emit)
}

/// [`growth_each`] for `offices` (some of [`growth_offices`], in its order): the rows of
/// each office depend on no other's, so batches of offices can be made apart.
pub fn growth_each_in<E>(
    ix: &Index,
    f: &Filter,
    offices: &[usize],
    mut emit: impl FnMut(GrowthItem) -> Result<(), E>,
) -> Result<(), E> {
    let programs = growth_programs(ix, f);
    let mut firsts = Firsts::default();
    each_key(ix, f, offices, programs, true, |(o, pr, s, m), p| {
        if let Some(why) = ix.unmade_in(pr, o, p, s, m) {
            return emit(GrowthItem::Unmade(UnmadeRow {
                office: o,
                program: pr,
                segment: s,
                measure: m,
                period: p,
                why: why.clone(),
            }));
        }
        emit(GrowthItem::Row(growth_row(
            ix,
            f,
            &mut firsts,
            (o, pr, s, m),
            p,
        )))
    })
}

/// The offices growth rows are written for, in output order: the one asked for, else every
/// office the filter takes, in hierarchy order.
pub fn growth_offices(ix: &Index, f: &Filter) -> Vec<usize> {
    let one = f.office.map(|o| [o]);
    let offices = match &one {
        Some(one) => &one[..],
        None => ix.order(),
    };
    offices
        .iter()
        .copied()
        .filter(|&o| f.office_ok(ix.ds, o))
        .collect()
}

/// Every series and period a growth row is written for, in output order; with `unmade`, the
/// periods of sums not made too.
fn each_key<E>(
    ix: &Index,
    f: &Filter,
    offices: &[usize],
    programs: &[Program],
    unmade: bool,
    mut emit: impl FnMut((usize, Program, Segment, Measure), Period) -> Result<(), E>,
) -> Result<(), E> {
    for &o in offices {
        for &m in Measure::ALL {
            for &s in Segment::ALL.iter().filter(|&&s| f.segment_ok(s)) {
                for &pr in programs {
                    if !f.monthly
                        && pr == Program::All
                        && (!unmade || ix.unmade_periods(o, s, m).is_empty())
                    {
                        // Each year's latest period, found without listing the others.
                        for p in ix.latest_periods(o, s, m) {
                            if f.year_ok(p.year()) {
                                emit((o, pr, s, m), p)?;
                            }
                        }
                        continue;
                    }
                    let mut periods: Vec<Period> = ix
                        .periods_in(pr, o, s, m)
                        .into_iter()
                        .filter(|p| f.year_ok(p.year()))
                        .collect();
                    if unmade {
                        let not_made = ix.unmade_periods_in(pr, o, s, m);
                        if !not_made.is_empty() {
                            periods.extend(not_made.into_iter().filter(|p| f.year_ok(p.year())));
                            periods.sort();
                            periods.dedup();
                        }
                    }
                    for (i, &p) in periods.iter().enumerate() {
                        // Periods are in order: the year's latest is the last one of its year.
                        let latest = periods.get(i + 1).is_none_or(|n| n.year() != p.year());
                        if f.monthly || latest {
                            emit((o, pr, s, m), p)?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// The last of the steps back a year at a time from a period, each to a comparable figure,
/// remembered for the series the rows are of: rows come period by period, so each step is
/// looked up once instead of once for every later year.
#[derive(Default)]
struct Firsts {
    series: Option<(usize, Program, Segment, Measure)>,
    memo: rustc_hash::FxHashMap<Period, Option<(Period, i64)>>,
}

/// Steps back further than this are taken one by one, unremembered (as they always were).
const MAX_STEPS: usize = 1000;

impl Firsts {
    fn first(
        &mut self,
        series: (usize, Program, Segment, Measure),
        p: Period,
        step: impl Fn(Period) -> Option<(Period, i64)>,
    ) -> Option<(Period, i64)> {
        if self.series != Some(series) {
            self.series = Some(series);
            self.memo.clear();
        }
        let mut chain = Vec::new();
        let mut q = p;
        let mut found = loop {
            if let Some(&hit) = self.memo.get(&q) {
                break hit;
            }
            if chain.len() == MAX_STEPS {
                return chain.last().map(|&(_, s)| s);
            }
            match step(q) {
                Some(prev) => {
                    chain.push((q, prev));
                    q = prev.0;
                }
                None => break None,
            }
        };
        // The first step of a period is the first of the period it steps to, or that period.
        for &(q, prev) in chain.iter().rev() {
            found = found.or(Some(prev));
            self.memo.insert(q, found);
        }
        found
    }
}

/// The programs asked for; only `all` (if asked) when the data set has no other.
fn growth_programs<'a>(ix: &Index, f: &'a Filter) -> &'a [Program] {
    let list = f.programs.list();
    if ix.programs.any() || list.first() != Some(&Program::All) {
        list
    } else {
        &list[..1]
    }
}

fn growth_row(
    ix: &Index,
    f: &Filter,
    firsts: &mut Firsts,
    (o, pr, s, m): (usize, Program, Segment, Measure),
    p: Period,
) -> GrowthRow {
    let value = ix
        .participant_in(pr, o, p, s, m)
        .expect("listed by the index");
    // The base may lie before --from/--year: a 2023 row still compares with 2022.
    let base = ix.year_before_in(pr, o, p, s, m);
    let change = base
        .as_ref()
        .and_then(|(_, b)| calc::change(b.value, value.value));
    // The earliest period of the same month of year, for a compound rate over 2+ years.
    let first = firsts.first((o, pr, s, m), p, |q| {
        ix.year_before_value_in(pr, o, q, s, m)
            .filter(|(prev, _)| f.from.is_none_or(|from| prev.year() >= from))
    });
    let cagr = first.and_then(|(fp, fv)| {
        let years = p.year() - fp.year();
        (years >= 2)
            .then(|| calc::cagr_pct(fv, value.value, f64::from(years)))
            .flatten()
            .map(|g| (fp, g))
    });
    let cagr_from = cagr.and_then(|(fp, _)| ix.participant_in(pr, o, fp, s, m));
    GrowthRow {
        office: o,
        program: pr,
        segment: s,
        measure: m,
        period: p,
        value,
        base,
        change,
        cagr,
        cagr_from,
    }
}

/// A growth row by reference: the figures of a [`GrowthRow`] and the source of its value,
/// borrowed from the index, for a writer that needs nothing else (csv of a national history).
#[derive(Debug, Clone, Copy)]
pub struct GrowthLine<'a> {
    pub office: usize,
    pub segment: Segment,
    pub measure: Measure,
    pub period: Period,
    pub value: i64,
    pub source: &'a str,
    pub base: Option<(Period, i64)>,
    pub change: Option<Change>,
    pub cagr: Option<(Period, f64)>,
    /// The value or its base rests on a row read one way of two.
    pub uncertain: bool,
}

/// [`growth_each`] for program `all` alone (what a data set without programs shows), without
/// a copy of any text per row: the same rows in the same order, for `offices` (some of
/// [`growth_offices`], in its order).
pub fn growth_lines<'a, E>(
    ix: &'a Index,
    f: &Filter,
    offices: &[usize],
    mut emit: impl FnMut(&GrowthLine<'a>) -> Result<(), E>,
) -> Result<(), E> {
    let mut firsts = Firsts::default();
    // Only a data set with bounds has sums not made, and it never comes here.
    each_key(ix, f, offices, &[Program::All], false, |(o, _, s, m), p| {
        emit(&growth_line(ix, f, &mut firsts, (o, s, m), p))
    })
}

fn growth_line<'a>(
    ix: &'a Index,
    f: &Filter,
    firsts: &mut Firsts,
    (o, s, m): (usize, Segment, Measure),
    p: Period,
) -> GrowthLine<'a> {
    let (value, source) = ix.participant_ref(o, p, s, m).expect("listed by the index");
    // The base may lie before --from/--year: a 2023 row still compares with 2022.
    let base = ix.year_before_value(o, p, s, m);
    let change = base.and_then(|(_, b)| calc::change(b, value));
    // The earliest period of the same month of year, for a compound rate over 2+ years.
    let first = firsts.first((o, Program::All, s, m), p, |q| {
        ix.year_before_value(o, q, s, m)
            .filter(|(prev, _)| f.from.is_none_or(|from| prev.year() >= from))
    });
    let cagr = first.and_then(|(fp, fv)| {
        let years = p.year() - fp.year();
        (years >= 2)
            .then(|| calc::cagr_pct(fv, value, f64::from(years)))
            .flatten()
            .map(|g| (fp, g))
    });
    GrowthLine {
        office: o,
        segment: s,
        measure: m,
        period: p,
        value,
        source,
        base,
        change,
        cagr,
        uncertain: ix.uncertain_at(o, p, s, m)
            || base.is_some_and(|(bp, _)| ix.uncertain_at(o, bp, s, m)),
    }
}
