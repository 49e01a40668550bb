//! Checking what the sources state (stated.csv) against the figures they rest on, taking into
//! account how rounded each figure was as printed. No I/O and no formatting.
//!
//! Each input figure becomes the interval its printed text allows (`published`), the interval
//! is carried through the calculation (`calc::Interval`), and the result is compared with the
//! interval the stated figure's own printing allows: `15,89 persen` is 15.885 to 15.895.

/// Kept at its old path.
pub use crate::analysis::workers;
pub use crate::analysis::workers as wf_label;
use crate::analysis::{denominators, is_percent, Fig, Filter, Index};
use crate::calc::Interval;
use crate::model::*;
use crate::published::{self, Published};

/// How a stated figure compares with the figures it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Some value the inputs allow rounds to the stated figure.
    Consistent,
    /// Only cutting off digits (not rounding) gives the stated figure.
    Truncated,
    /// No value the inputs allow gives the stated figure.
    Inconsistent,
    /// The data set lacks what the figure would be computed from; see [`Why`].
    NotCheckable,
}

impl Verdict {
    pub fn term(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Truncated => "consistent only if truncated",
            Verdict::Inconsistent => "inconsistent",
            Verdict::NotCheckable => "not checkable",
        }
    }
}

/// Why a stated figure cannot be checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// The source gives no period, so there is nothing to hold it against.
    NoPeriod,
    /// A figure it rests on is not in the data set.
    Missing { what: &'static str, period: Period },
    /// No workforce figure of this kind for the office, at any date.
    NoWorkforce { what: &'static str },
    /// No workforce figure counts this segment (construction or migrant workers).
    NoDenominator,
    /// A count in its own right (e.g. potential workers): nothing to recompute it from.
    NotDerived,
    /// The printed text of the stated figure (or an input) could not be read.
    Unreadable(String),
    /// The computation is undefined (a denominator that may be zero).
    Undefined,
    /// The `value` column says something other than the printed text: one of them is wrong.
    ValueMismatch { value: f64 },
}

/// A figure a stated one is computed from, with the range its printing allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub what: &'static str,
    pub period: Period,
    pub value: i64,
    pub published: String,
    pub source: String,
    pub range: Interval,
    /// The row is read one way of two: a verdict resting on it says so.
    pub uncertain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// a / b − 1, in percent.
    Growth,
    /// a − b.
    Difference,
    /// a / b, in percent.
    Ratio,
    /// a / (a + b), in percent.
    Share,
}

/// One way of recomputing a stated figure (a coverage figure without a stated denominator has
/// one per workforce survey).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub op: Op,
    pub inputs: Vec<Input>,
    /// From the printed ranges of the inputs.
    pub computed: Interval,
    /// From the inputs' values as given.
    pub point: f64,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow<'a> {
    pub stated: &'a Stated,
    pub printed: Option<Published>,
    /// The candidates, best verdict first; the first is the one shown.
    pub candidates: Vec<Candidate>,
    pub why: Option<Why>,
    pub verdict: Verdict,
}

impl AuditRow<'_> {
    pub fn best(&self) -> Option<&Candidate> {
        self.candidates.first()
    }
}

/// The range a figure's printing allows; a figure with no printed text is taken as exact.
/// Where the true value lies: the precision (or bound) its printed text gives, around the value
/// the user holds, so a corrected `value` is audited as corrected even if the text was left.
fn range_of(value: i64, printed: &str) -> Result<Interval, Why> {
    if printed.trim().is_empty() {
        return Ok(Interval::point(value as f64));
    }
    let p = published::parse(printed).map_err(|e| Why::Unreadable(e.0))?;
    let iv = p.interval();
    let shift = value as f64 - p.value;
    if shift == 0.0 {
        return Ok(iv);
    }
    Ok(Interval::new(iv.lo + shift, iv.hi + shift))
}

fn input(what: &'static str, period: Period, fig: &Fig) -> Result<Input, Why> {
    Ok(Input {
        what,
        period,
        value: fig.value,
        published: fig.published.clone(),
        source: fig.source.clone(),
        range: range_of(fig.value, &fig.published)?,
        uncertain: fig.uncertain,
    })
}

fn compute(op: Op, inputs: Vec<Input>, stated: &Published) -> Result<Candidate, Why> {
    let (a, b) = (&inputs[0], &inputs[1]);
    let (av, bv) = (a.value as f64, b.value as f64);
    let (computed, point) = match op {
        Op::Growth => (
            a.range.growth_pct(b.range),
            (bv > 0.0).then(|| (av / bv - 1.0) * 100.0),
        ),
        Op::Difference => (Some(a.range.minus(b.range)), Some(av - bv)),
        Op::Ratio => (
            a.range.ratio_pct(b.range),
            (bv > 0.0).then(|| av / bv * 100.0),
        ),
        Op::Share => (
            a.range.share_pct(b.range),
            (av + bv > 0.0).then(|| av / (av + bv) * 100.0),
        ),
    };
    let (Some(computed), Some(point)) = (computed, point) else {
        return Err(Why::Undefined);
    };
    let verdict = if computed.overlaps(stated.interval()) {
        Verdict::Consistent
    } else if stated.truncated().is_some_and(|t| computed.overlaps(t)) {
        Verdict::Truncated
    } else {
        Verdict::Inconsistent
    };
    Ok(Candidate {
        op,
        inputs,
        computed,
        point,
        verdict,
    })
}

/// The comparable stock a year before `p` (a year end may be written `2022` or `2022-12`).
fn active_before(ix: &Index, o: usize, p: Period, s: Segment) -> Option<(Period, Fig)> {
    ix.year_before(o, p, s, Measure::Active)
}

fn wf<'i>(ix: &'i Index, o: usize, p: Period, m: WorkforceMeasure) -> Option<&'i Fig> {
    ix.workforce.get(&(o, p, m))
}

/// A workforce input; a derived informal figure gets the range of employed − formal.
fn wf_input(ix: &Index, o: usize, p: Period, m: WorkforceMeasure) -> Option<Result<Input, Why>> {
    let fig = wf(ix, o, p, m)?;
    if fig.derived && m == WorkforceMeasure::Informal {
        let e = wf(ix, o, p, WorkforceMeasure::Employed)?;
        let f = wf(ix, o, p, WorkforceMeasure::Formal)?;
        let r = range_of(e.value, &e.published)
            .and_then(|er| range_of(f.value, &f.published).map(|fr| er.minus(fr)));
        return Some(r.map(|range| Input {
            what: workers(m),
            period: p,
            value: fig.value,
            published: String::new(),
            source: fig.source.clone(),
            range,
            uncertain: fig.uncertain,
        }));
    }
    Some(input(workers(m), p, fig))
}

/// Every stated figure the filter selects, checked.
pub fn audit<'a>(ix: &Index<'a>, f: &Filter) -> Vec<AuditRow<'a>> {
    let ds = ix.ds;
    ds.stated
        .iter()
        .filter(|s| {
            f.office_ok(ds, s.office)
                && f.segment_ok(s.segment)
                // A figure without a period belongs to no year: shown only when no year is asked.
                && s.period.map_or(f.from.is_none() && f.to.is_none(), |p| f.year_ok(p.year()))
        })
        .map(|s| audit_one(ix, s))
        .collect()
}

pub fn audit_one<'a>(ix: &Index<'a>, s: &'a Stated) -> AuditRow<'a> {
    let mut row = AuditRow {
        stated: s,
        printed: None,
        candidates: Vec::new(),
        why: None,
        verdict: Verdict::NotCheckable,
    };
    let printed = if s.prov.published.trim().is_empty() {
        // No printed text: the value as given, to its own decimals (a value column of 15.89
        // was printed to 0.01 at most as precisely as that).
        published::parse(&s.value.to_string()).map(|mut p| {
            p.percent = is_percent(s.metric);
            p.exact = p.exact && !p.percent;
            p
        })
    } else {
        published::parse(&s.prov.published)
    };
    let printed = match printed {
        Ok(p) => p,
        Err(e) => {
            row.why = Some(Why::Unreadable(e.0));
            return row;
        }
    };
    row.printed = Some(printed);
    if !printed.interval().overlaps(Interval::point(s.value)) {
        row.why = Some(Why::ValueMismatch { value: s.value });
        return row;
    }
    match candidates(ix, s, &printed) {
        Ok(mut c) => {
            c.sort_by_key(|c| c.verdict);
            row.verdict = c.first().map_or(Verdict::NotCheckable, |c| c.verdict);
            row.candidates = c;
        }
        Err(why) => row.why = Some(why),
    }
    row
}

const ACTIVE: &str = "active participants";

fn candidates(ix: &Index, s: &Stated, printed: &Published) -> Result<Vec<Candidate>, Why> {
    let o = s.office;
    let seg = s.segment;
    if s.metric == StatedMetric::PotentialWorkers {
        return Err(Why::NotDerived);
    }
    let Some(p) = s.period else {
        return Err(Why::NoPeriod);
    };
    let active = |p: Period| ix.participant(o, p, seg, Measure::Active);
    match s.metric {
        StatedMetric::ActiveGrowthPct | StatedMetric::ActiveChange => {
            let cur = active(p).ok_or(Why::Missing {
                what: ACTIVE,
                period: p,
            })?;
            let (bp, base) = active_before(ix, o, p, seg).ok_or(Why::Missing {
                what: ACTIVE,
                period: p.year_before(),
            })?;
            let op = if s.metric == StatedMetric::ActiveChange {
                Op::Difference
            } else {
                Op::Growth
            };
            let inputs = vec![input(ACTIVE, p, &cur)?, input(ACTIVE, bp, &base)?];
            Ok(vec![compute(op, inputs, printed)?])
        }
        StatedMetric::CoveragePct => coverage_candidates(ix, s, p, printed),
        StatedMetric::TargetChange => target_change(ix, s, p, printed),
        StatedMetric::FundsTargetGrowthPct => funds_growth(ix, s.office, p, printed),
        StatedMetric::FormalSharePct | StatedMetric::InformalSharePct => {
            let (part, other) = if s.metric == StatedMetric::FormalSharePct {
                (WorkforceMeasure::Formal, WorkforceMeasure::Informal)
            } else {
                (WorkforceMeasure::Informal, WorkforceMeasure::Formal)
            };
            let missing = |m| Why::Missing {
                what: workers(m),
                period: p,
            };
            // Informal derived as employed − formal would make the share circular; use the
            // employed where given, else the two parts as given.
            let part_fig = wf(ix, o, p, part).ok_or(missing(part))?;
            if part_fig.derived {
                return Err(missing(part));
            }
            let part_in = input(workers(part), p, part_fig)?;
            if let Some(e) = wf(ix, o, p, WorkforceMeasure::Employed).filter(|f| !f.derived) {
                let e_in = input(workers(WorkforceMeasure::Employed), p, e)?;
                return Ok(vec![compute(Op::Ratio, vec![part_in, e_in], printed)?]);
            }
            let other_fig = wf(ix, o, p, other)
                .filter(|f| !f.derived)
                .ok_or(missing(WorkforceMeasure::Employed))?;
            let other_in = input(workers(other), p, other_fig)?;
            Ok(vec![compute(Op::Share, vec![part_in, other_in], printed)?])
        }
        StatedMetric::PotentialWorkers => Err(Why::NotDerived),
    }
}

fn coverage_candidates(
    ix: &Index,
    s: &Stated,
    p: Period,
    printed: &Published,
) -> Result<Vec<Candidate>, Why> {
    let o = s.office;
    let seg = s.segment;
    let active = |p: Period| ix.participant(o, p, seg, Measure::Active);

    let cur = active(p).ok_or(Why::Missing {
        what: ACTIVE,
        period: p,
    })?;
    let dens = denominators(seg);
    if dens.is_empty() {
        return Err(Why::NoDenominator);
    }
    let mut surveys: Vec<(Period, WorkforceMeasure)> = dens
        .iter()
        .flat_map(|&m| ix.surveys(o, m).iter().map(move |&q| (q, m)))
        .collect();
    surveys.sort();
    if surveys.is_empty() {
        return Err(Why::NoWorkforce {
            what: workers(dens[0]),
        });
    }
    let num = input(ACTIVE, p, &cur)?;
    let mut out = Vec::new();
    for (q, m) in surveys {
        if let Some(den) = wf_input(ix, o, q, m) {
            out.push(compute(Op::Ratio, vec![num.clone(), den?], printed)?);
        }
    }
    Ok(out)
}

fn target_change(
    ix: &Index,
    s: &Stated,
    p: Period,
    printed: &Published,
) -> Result<Vec<Candidate>, Why> {
    let o = s.office;
    let seg = s.segment;
    let active = |p: Period| ix.participant(o, p, seg, Measure::Active);

    let y = p.year();
    let target = [Plan::Annual, Plan::Roadmap]
        .into_iter()
        .find_map(|plan| {
            ix.ds.targets.iter().find(|t| {
                t.office == o
                    && t.year == y
                    && t.plan == plan
                    && t.segment == seg
                    && t.measure == TargetMeasure::Active
                    && t.value.is_some()
            })
        })
        .ok_or(Why::Missing {
            what: "target",
            period: Period::Year(y),
        })?;
    let (bp, base) = [Period::Year(y - 1), Period::Month(y - 1, 12)]
        .into_iter()
        .find_map(|q| active(q).map(|f| (q, f)))
        .ok_or(Why::Missing {
            what: ACTIVE,
            period: Period::Year(y - 1),
        })?;
    let tv = target.value.expect("filtered");
    let t_in = Input {
        what: "target",
        period: Period::Year(y),
        value: tv,
        published: target.prov.published.clone(),
        source: target.prov.source.clone(),
        range: range_of(tv, &target.prov.published)?,
        uncertain: target.prov.uncertain,
    };
    Ok(vec![compute(
        Op::Difference,
        vec![t_in, input(ACTIVE, bp, &base)?],
        printed,
    )?])
}

fn funds_growth(
    ix: &Index,
    o: usize,
    p: Period,
    printed: &Published,
) -> Result<Vec<Candidate>, Why> {
    let y = p.year();
    let find = |plan: Plan, year: i32| {
        ix.ds.targets.iter().find(|t| {
            t.office == o
                && t.year == year
                && t.plan == plan
                && t.measure == TargetMeasure::FundsIdr
                && t.value.is_some()
        })
    };
    let (cur, base) = [Plan::Roadmap, Plan::Annual]
        .into_iter()
        .find_map(|plan| find(plan, y).zip(find(plan, y - 1)))
        .ok_or(Why::Missing {
            what: "funds under management",
            period: Period::Year(y - 1),
        })?;
    let mk = |t: &Target| -> Result<Input, Why> {
        let v = t.value.expect("filtered");
        Ok(Input {
            what: "funds under management",
            period: Period::Year(t.year),
            value: v,
            published: t.prov.published.clone(),
            source: t.prov.source.clone(),
            range: range_of(v, &t.prov.published)?,
            uncertain: t.prov.uncertain,
        })
    };
    Ok(vec![compute(
        Op::Growth,
        vec![mk(cur)?, mk(base)?],
        printed,
    )?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, ReadOptions};

    fn shipped() -> DataSet {
        load::load_strict(&load::DataSource::Embedded, ReadOptions::default()).unwrap()
    }

    fn row<'a>(
        rows: &'a [AuditRow],
        office: &str,
        period: Option<&str>,
        metric: &str,
        ds: &DataSet,
    ) -> &'a AuditRow<'a> {
        let hits: Vec<&AuditRow> = rows
            .iter()
            .filter(|r| {
                ds.offices[r.stated.office].code == office
                    && r.stated.period.map(|p| p.to_string()).as_deref() == period
                    && r.stated.metric.code() == metric
            })
            .collect();
        assert_eq!(hits.len(), 1, "{office} {period:?} {metric}");
        hits[0]
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn every_stated_figure_of_the_shipped_data() {
        let ds = shipped();
        let ix = Index::build(&ds);
        let rows = audit(&ix, &Filter::default());
        assert_eq!(rows.len(), ds.stated.len());

        // National growth 2023 (reports 000, 001), stated "15,89 persen" = 15.885..15.895.
        // Inputs 41,46 juta (41.455..41.465) and 35,86 juta (35.855..35.865):
        // 41.455 / 35.865 - 1 = 15.5862 %, 41.465 / 35.855 - 1 = 15.6464 %. Neither rounding
        // (15.885..15.895) nor truncation (15.89..15.90) reaches it: inconsistent.
        let r = row(&rows, "national", Some("2023"), "active_growth_pct", &ds);
        let c = r.best().unwrap();
        assert!(close(c.computed.lo, 15.5862, 0.0001) && close(c.computed.hi, 15.6464, 0.0001));
        // As given: 41.46 / 35.86 - 1 = 15.6163 %.
        assert!(close(c.point, 15.6163, 0.0001));
        assert_eq!(r.verdict, Verdict::Inconsistent);

        // "sekitar 5,60 juta" (5.595..5.605 million) against 41.455 - 35.865 = 5.590 to
        // 41.465 - 35.855 = 5.610 million: consistent.
        let r = row(&rows, "national", Some("2023"), "active_change", &ds);
        let c = r.best().unwrap();
        assert!(close(c.computed.lo, 5_590_000.0, 0.01) && close(c.computed.hi, 5_610_000.0, 0.01));
        assert_eq!(r.verdict, Verdict::Consistent);

        // Target change 2024: 53,86 juta target less 41,46 juta: 53.855 - 41.465 = 12.390 to
        // 53.865 - 41.455 = 12.410 million; "12,40 juta" is 12.395..12.405: consistent.
        let r = row(&rows, "national", Some("2024"), "target_change", &ds);
        let c = r.best().unwrap();
        assert!(
            close(c.computed.lo, 12_390_000.0, 0.01) && close(c.computed.hi, 12_410_000.0, 0.01)
        );
        assert_eq!(r.verdict, Verdict::Consistent);

        // Roadmap funds growth: 695.29 / 627.69 - 1 = 10.7696 %; with each +-0.005 tn:
        // 695.285 / 627.695 - 1 = 10.7680 %, 695.295 / 627.685 - 1 = 10.7713 %. Rounded,
        // "10,76" means 10.755..10.765: missed by 0.003. Truncated it means 10.76..10.77,
        // which 10.7680.. reaches: consistent only if truncated.
        let r = row(
            &rows,
            "national",
            Some("2023"),
            "funds_target_growth_pct",
            &ds,
        );
        let c = r.best().unwrap();
        assert!(close(c.computed.lo, 10.7680, 0.0001) && close(c.computed.hi, 10.7713, 0.0001));
        assert!(close(c.point, 10.7696, 0.0001));
        assert_eq!(r.verdict, Verdict::Truncated);

        // Bali growth 2023 (report 002): 1,027 juta (1,026,500..1,027,500) from 750 ribu, whose
        // trailing zero leaves it to the thousand or to ten thousand: the wider 745,000..755,000.
        // 1026.5 / 755 - 1 = 35.9603 %, 1027.5 / 745 - 1 = 37.9195 %; "36 persen" rounded is
        // 35.5..36.5: yes.
        let r = row(&rows, "bali", Some("2023"), "active_growth_pct", &ds);
        let c = r.best().unwrap();
        assert!(close(c.computed.lo, 35.9603, 0.0001) && close(c.computed.hi, 37.9195, 0.0001));
        assert_eq!(r.verdict, Verdict::Consistent);

        // Bali coverage 39,41 % (39.405..39.415), denominator not stated. Against each survey:
        //   employed 2022-08, 2.61 million: 1026.5 / 2615 = 39.2543 %, 1027.5 / 2605 = 39.4434 %
        //     -> consistent;
        //   employed 2023-08, 2.62 million: 1026.5 / 2625 = 39.1048 %, 1027.5 / 2615 = 39.2925 %
        //     -> inconsistent (and so for every other survey: labour force 2023-08 38.09-38.27,
        //     2022-08 37.40-37.57, 2020-08 39.86-40.06; 2019-08 41.62-41.66; employed 2019-08
        //     42.27-42.31).
        let r = row(&rows, "bali", Some("2023"), "coverage_pct", &ds);
        assert_eq!(r.verdict, Verdict::Consistent);
        let c = r.best().unwrap();
        assert_eq!(c.inputs[1].what, "employed");
        assert_eq!(c.inputs[1].period, Period::Month(2022, 8));
        assert!(close(c.computed.lo, 39.2543, 0.0001) && close(c.computed.hi, 39.4434, 0.0001));
        // Seven surveys: employed 2019, 2022, 2023; labour force 2019, 2020, 2022, 2023.
        assert_eq!(r.candidates.len(), 7);
        let consistent = r
            .candidates
            .iter()
            .filter(|c| c.verdict == Verdict::Consistent)
            .count();
        assert_eq!(consistent, 1);

        // BPS shares. 2019-08 exact counts: 1,219,297 / 2,428,679 = 50.2041 % (stated 50.20:
        // 50.195..50.205, consistent); 1,209,382 / 2,428,679 = 49.7959 % (49.80, consistent).
        let r = row(&rows, "bali", Some("2019-08"), "formal_share_pct", &ds);
        assert!(close(r.best().unwrap().computed.lo, 50.2041, 0.0001));
        assert_eq!(r.verdict, Verdict::Consistent);
        assert_eq!(
            row(&rows, "bali", Some("2019-08"), "informal_share_pct", &ds).verdict,
            Verdict::Consistent
        );
        // 2020-08, employed not given: formal 1.05 (1.045..1.055) of formal + informal 1.37
        // (1.365..1.375): 1.045 / 2.420 = 43.1818 % to 1.055 / 2.420 = 43.5950 %; 43.31
        // consistent. Informal: 1.365 / 2.420 = 56.4050 % to 1.375 / 2.420 = 56.8182 %; 56.69
        // consistent.
        let r = row(&rows, "bali", Some("2020-08"), "formal_share_pct", &ds);
        let c = r.best().unwrap();
        assert_eq!(c.op, Op::Share);
        assert!(close(c.computed.lo, 43.1818, 0.0001) && close(c.computed.hi, 43.5950, 0.0001));
        assert_eq!(r.verdict, Verdict::Consistent);
        let r = row(&rows, "bali", Some("2020-08"), "informal_share_pct", &ds);
        assert!(close(r.best().unwrap().computed.lo, 56.4050, 0.0001));
        assert_eq!(r.verdict, Verdict::Consistent);
        // 2022-08: 1.205 / 2.615 = 46.0803 % to 1.215 / 2.605 = 46.6411 %; 46.57 consistent.
        let r = row(&rows, "bali", Some("2022-08"), "formal_share_pct", &ds);
        assert!(close(r.best().unwrap().computed.lo, 46.0803, 0.0001));
        assert_eq!(r.verdict, Verdict::Consistent);
        // 2023-08: 1.245 / 2.625 = 47.4286 % to 1.255 / 2.615 = 47.9924 %; 47.65 consistent.
        assert_eq!(
            row(&rows, "bali", Some("2023-08"), "formal_share_pct", &ds).verdict,
            Verdict::Consistent
        );
        // National 2023-08: 57.175 / 139.855 = 40.8816 % to 57.185 / 139.845 = 40.8917 %;
        // 40.89 (40.885..40.895) consistent.
        let r = row(&rows, "national", Some("2023-08"), "formal_share_pct", &ds);
        assert!(close(r.best().unwrap().computed.lo, 40.8816, 0.0001));
        assert_eq!(r.verdict, Verdict::Consistent);

        // Not checkable, and why.
        let r = row(&rows, "bali", None, "informal_share_pct", &ds);
        assert_eq!(
            (r.verdict, r.why.clone()),
            (Verdict::NotCheckable, Some(Why::NoPeriod))
        );
        let r = row(&rows, "bali", None, "coverage_pct", &ds);
        assert_eq!(r.why, Some(Why::NoPeriod));
        let r = row(&rows, "bali", None, "potential_workers", &ds);
        assert_eq!(r.why, Some(Why::NotDerived));
        // Bali Denpasar PU and BPU coverage: no formal / informal workforce for the branch.
        let pu: Vec<&AuditRow> = rows
            .iter()
            .filter(|r| ds.offices[r.stated.office].code == "bali-denpasar")
            .collect();
        assert_eq!(pu.len(), 2);
        for r in pu {
            assert_eq!(r.verdict, Verdict::NotCheckable);
            assert!(
                matches!(r.why, Some(Why::NoWorkforce { .. })),
                "{:?}",
                r.why
            );
        }
    }
}
