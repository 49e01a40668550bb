//! Data-quality checks on participant figures as given (roll-ups are `validate`'s): completeness
//! and reporting rates, outliers among month-on-month changes, stock against flow, and the
//! rules of an optional `rules.csv`. No I/O and no formatting: the command turns findings into
//! a table.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::Index;
use crate::model::{DataSet, Measure, Period, Program, Segment};

pub mod rules;

use rules::{Expr, Rule};

/// Iglewicz and Hoaglin's recommended cut-off for the modified z-score.
pub const DEFAULT_THRESHOLD: f64 = 3.5;

/// Fewest month-on-month changes a series needs before its outliers are judged: with fewer, one
/// change moves the median and the MAD so far that a score says little.
pub const MIN_CHANGES: usize = 6;

/// IBM SPSS's factor for the mean absolute deviation when the MAD is zero (sqrt(pi/2)).
const MEAN_AD_FACTOR: f64 = 1.253314;
/// 0.6745 makes the MAD comparable with a standard deviation under normality.
const MAD_FACTOR: f64 = 0.6745;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Importance {
    High,
    Medium,
    Low,
    /// A row saying what could not be judged: not a finding.
    Info,
}

impl Importance {
    pub fn term(self) -> &'static str {
        match self {
            Importance::High => "high",
            Importance::Medium => "medium",
            Importance::Low => "low",
            Importance::Info => "info",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    MissingMonth,
    ReportingRate,
    StopsAlone,
    ReportsAlone,
    Outlier,
    TooShort,
    Flat,
    StockFlow,
    Rule,
    RuleNotEvaluated,
}

impl Kind {
    pub fn term(self) -> &'static str {
        match self {
            Kind::MissingMonth => "missing month",
            Kind::ReportingRate => "reporting rate",
            Kind::StopsAlone => "stops while siblings report",
            Kind::ReportsAlone => "reports while siblings stop",
            Kind::Outlier => "outlier",
            Kind::TooShort => "too short to judge",
            Kind::Flat => "flat series",
            Kind::StockFlow => "rise beyond additions",
            Kind::Rule => "rule broken",
            Kind::RuleNotEvaluated => "rule not evaluated",
        }
    }
}

/// One row of the output. `figure` and `against` are the figures the finding rests on (see
/// each check); `score` is a modified z-score, `rate` a reporting rate in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub office: Option<usize>,
    pub period: Option<Period>,
    pub since: Option<Period>,
    pub segment: Option<Segment>,
    pub measure: Option<Measure>,
    /// The program of the series, for a program other than `all`.
    pub program: Option<Program>,
    pub kind: Kind,
    pub figure: Option<i64>,
    pub against: Option<f64>,
    pub score: Option<f64>,
    pub rate: Option<f64>,
    pub importance: Importance,
    pub rule: Option<String>,
}

impl Finding {
    fn new(office: usize, kind: Kind, importance: Importance) -> Self {
        Finding {
            office: Some(office),
            period: None,
            since: None,
            segment: None,
            measure: None,
            program: None,
            kind,
            figure: None,
            against: None,
            score: None,
            rate: None,
            importance,
            rule: None,
        }
    }

    fn series(mut self, pr: Program, s: Segment, m: Measure) -> Self {
        self.segment = Some(s);
        self.measure = Some(m);
        self.program = (pr != Program::All).then_some(pr);
        self
    }

    fn at(mut self, p: Period) -> Self {
        self.period = Some(p);
        self
    }

    /// True unless the row only says what could not be judged.
    pub fn is_finding(&self) -> bool {
        self.importance != Importance::Info
    }
}

/// What the checks cover.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub threshold: f64,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Options {
    fn year_ok(&self, y: i32) -> bool {
        self.from.is_none_or(|f| y >= f) && self.to.is_none_or(|t| y <= t)
    }
}

/// The median of values already sorted.
fn median_sorted(v: &[f64]) -> f64 {
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    median_sorted(&s)
}

/// How a series of changes was judged.
#[derive(Debug, Clone, PartialEq)]
pub enum Judgement {
    /// Fewer than [`MIN_CHANGES`] changes.
    TooShort,
    /// Every change equals the median: nothing can stand out.
    Flat,
    /// The median and each change's modified z-score, in order.
    Scored { median: f64, scores: Vec<f64> },
}

/// Modified z-scores (Iglewicz and Hoaglin 1993): 0.6745 (x - median) / MAD; where the MAD is
/// zero, (x - median) / (1.253314 MeanAD) as IBM SPSS does.
pub fn modified_z(xs: &[f64]) -> Judgement {
    if xs.len() < MIN_CHANGES {
        return Judgement::TooShort;
    }
    let med = median(xs);
    let dev: Vec<f64> = xs.iter().map(|x| (x - med).abs()).collect();
    let mad = median(&dev);
    let scores = if mad > 0.0 {
        xs.iter().map(|x| MAD_FACTOR * (x - med) / mad).collect()
    } else {
        let mean_ad = dev.iter().sum::<f64>() / dev.len() as f64;
        if mean_ad == 0.0 {
            return Judgement::Flat;
        }
        xs.iter()
            .map(|x| (x - med) / (MEAN_AD_FACTOR * mean_ad))
            .collect()
    };
    Judgement::Scored {
        median: med,
        scores,
    }
}

/// The months (1-12) of each year with a given monthly figure for the series.
fn months(
    ds: &DataSet,
    (o, pr): (usize, Program),
    s: Segment,
    m: Measure,
    opts: &Options,
) -> Vec<(i32, u8)> {
    let mut out = Vec::new();
    for y in ds.participants.years_in(pr, o, s, m) {
        if !opts.year_ok(y) {
            continue;
        }
        let known = ds.participants.known_in(pr, o, s, m, y);
        out.extend(
            (0..12u8)
                .filter(|b| known & (1 << b) != 0)
                .map(|b| (y, b + 1)),
        );
    }
    out
}

fn month_index((y, m): (i32, u8)) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

fn from_index(i: i64) -> (i32, u8) {
    ((i.div_euclid(12)) as i32, (i.rem_euclid(12) + 1) as u8)
}

/// Every series with a given figure, of every program, in office, program, segment, measure
/// order (program `all` last).
fn given_series(ds: &DataSet) -> BTreeSet<(usize, Program, Segment, Measure)> {
    ds.participants
        .series()
        .chain(ds.participants.program_series())
        .map(|k| (k.office, k.program, k.segment, k.measure))
        .collect()
}

/// Months missing between each series' first and last monthly figure.
pub fn missing_months(ds: &DataSet, opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    for (o, pr, s, m) in given_series(ds) {
        let have = months(ds, (o, pr), s, m, opts);
        let (Some(&first), Some(&last)) = (have.first(), have.last()) else {
            continue;
        };
        let set: BTreeSet<i64> = have.iter().map(|&k| month_index(k)).collect();
        for i in month_index(first)..month_index(last) {
            if !set.contains(&i) {
                let (y, mo) = from_index(i);
                out.push(
                    Finding::new(o, Kind::MissingMonth, Importance::Medium)
                        .series(pr, s, m)
                        .at(Period::Month(y, mo)),
                );
            }
        }
    }
    out
}

/// The months in which each office has any given monthly figure.
fn office_months(ds: &DataSet, opts: &Options) -> BTreeMap<usize, BTreeSet<i64>> {
    let mut out: BTreeMap<usize, BTreeSet<i64>> = BTreeMap::new();
    for (o, pr, s, m) in given_series(ds) {
        let have = months(ds, (o, pr), s, m, opts);
        if !have.is_empty() {
            out.entry(o)
                .or_default()
                .extend(have.into_iter().map(month_index));
        }
    }
    out
}

/// Per office and year, the months with a figure against the months between the office's first
/// and last monthly figure that fall in the year; only years below 100% are findings.
pub fn reporting_rates(ds: &DataSet, opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    for (o, have) in office_months(ds, opts) {
        let (Some(&first), Some(&last)) = (have.first(), have.last()) else {
            continue;
        };
        let mut years: BTreeMap<i32, (i64, i64)> = BTreeMap::new();
        for i in first..=last {
            let e = years.entry(from_index(i).0).or_default();
            e.1 += 1;
            if have.contains(&i) {
                e.0 += 1;
            }
        }
        for (y, (present, expected)) in years {
            if present < expected {
                let mut f =
                    Finding::new(o, Kind::ReportingRate, Importance::Low).at(Period::Year(y));
                f.figure = Some(present);
                f.against = Some(expected as f64);
                f.rate = Some(present as f64 * 100.0 / expected as f64);
                out.push(f);
            }
        }
    }
    out
}

/// An office that stops while every sibling reports, and one that reports while two or more
/// siblings, each of which reported before, all stop. With two siblings only the first is said,
/// since both name the same month. `figure` is the siblings reporting that month, `against` the
/// siblings.
pub fn siblings(ds: &DataSet, opts: &Options) -> Vec<Finding> {
    let months = office_months(ds, opts);
    let mut out = Vec::new();
    let mut parents: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &o in months.keys() {
        if let Some(p) = ds.offices[o].parent {
            parents.entry(p).or_default().push(o);
        }
    }
    for kids in parents.values().filter(|k| k.len() >= 2) {
        // Per month, how many of the children report and how many had reported before it.
        let mut tally: BTreeMap<i64, (usize, usize)> = BTreeMap::new();
        for k in kids {
            for &i in &months[k] {
                tally.entry(i).or_default().0 += 1;
            }
        }
        let firsts: Vec<i64> = kids
            .iter()
            .filter_map(|k| months[k].first().copied())
            .collect();
        for (i, t) in tally.iter_mut() {
            t.1 = firsts.iter().filter(|&&f| f < *i).count();
        }
        let others = kids.len() - 1;
        for (&i, &(reporting_all, started_all)) in &tally {
            for &c in kids {
                let mine = &months[&c];
                let reports = mine.contains(&i);
                let started = mine.first().is_some_and(|&f| f < i);
                let reporting = reporting_all - usize::from(reports);
                let others_started = started_all - usize::from(started);
                let kind = if !reports && started && reporting == others {
                    Kind::StopsAlone
                } else if reports && others >= 2 && reporting == 0 && others_started == others {
                    Kind::ReportsAlone
                } else {
                    continue;
                };
                let (y, m) = from_index(i);
                let mut f = Finding::new(c, kind, Importance::Medium).at(Period::Month(y, m));
                f.figure = Some(reporting as i64);
                f.against = Some(others as f64);
                out.push(f);
            }
        }
    }
    out
}

/// Month-on-month changes of a series: (month, the month before if the change is between two
/// figures, change). `new` is year to date, so January's change is January's figure.
fn changes(
    ds: &DataSet,
    (o, pr): (usize, Program),
    s: Segment,
    m: Measure,
    opts: &Options,
) -> Vec<(i64, Option<i64>, i64)> {
    let get = |i: i64| {
        let (y, mo) = from_index(i);
        ds.participants
            .get_in(pr, o, Period::Month(y, mo), s, m)
            .map(|(v, _)| v)
    };
    let mut out = Vec::new();
    for k in months(ds, (o, pr), s, m, opts) {
        let i = month_index(k);
        let Some(v) = get(i) else { continue };
        if m.is_flow() && k.1 == 1 {
            out.push((i, None, v));
        } else if let Some(before) = get(i - 1).filter(|_| opts.year_ok(from_index(i - 1).0)) {
            out.push((i, Some(i - 1), v - before));
        }
    }
    out
}

/// Outliers among each monthly series' month-on-month changes; `figure` is the change,
/// `against` the median change. A series too short or flat gets one `info` row.
pub fn outliers(ds: &DataSet, opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    let month = |i: i64| {
        let (y, m) = from_index(i);
        Period::Month(y, m)
    };
    for (o, pr, s, m) in given_series(ds) {
        if months(ds, (o, pr), s, m, opts).is_empty() {
            continue;
        }
        let ch = changes(ds, (o, pr), s, m, opts);
        let xs: Vec<f64> = ch.iter().map(|c| c.2 as f64).collect();
        let info = |kind| {
            let mut f = Finding::new(o, kind, Importance::Info).series(pr, s, m);
            f.figure = Some(xs.len() as i64);
            f
        };
        match modified_z(&xs) {
            Judgement::TooShort => {
                let mut f = info(Kind::TooShort);
                f.against = Some(MIN_CHANGES as f64);
                out.push(f);
            }
            Judgement::Flat => out.push(info(Kind::Flat)),
            Judgement::Scored { median, scores } => {
                for (c, z) in ch.iter().zip(scores) {
                    if z.abs() > opts.threshold {
                        let mut f = Finding::new(o, Kind::Outlier, Importance::Medium)
                            .series(pr, s, m)
                            .at(month(c.0));
                        f.since = c.1.map(month);
                        f.figure = Some(c.2);
                        f.against = Some(median);
                        f.score = Some(z);
                        out.push(f);
                    }
                }
            }
        }
    }
    out
}

/// New participants over (p1, p2], from year-to-date figures: within a year the difference of
/// the two; into the next year what was left of p1's year plus p2's figure. Wide, as that sum
/// may pass 64 bits.
fn additions(
    ds: &DataSet,
    (o, pr): (usize, Program),
    s: Segment,
    p1: Period,
    p2: Period,
) -> Option<i128> {
    let new = |p: Period| {
        ds.participants
            .get_in(pr, o, p, s, Measure::New)
            .map(|(v, _)| i128::from(v))
    };
    let year_end = |y: i32| new(Period::Year(y)).or_else(|| new(Period::Month(y, 12)));
    let (y1, y2) = (p1.year(), p2.year());
    if y1 == y2 {
        Some(new(p2)? - new(p1)?)
    } else if y2 == y1 + 1 {
        let rest = if p1.is_year_end() {
            0
        } else {
            year_end(y1)? - new(p1)?
        };
        Some(rest + new(p2)?)
    } else {
        None
    }
}

/// Active participants rising between two figures by more than the additions in between;
/// `figure` is the rise, `against` the additions.
pub fn stock_flow(ds: &DataSet, opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    for (o, pr, s, m) in given_series(ds) {
        if m != Measure::Active {
            continue;
        }
        let mut periods: Vec<Period> = Vec::new();
        for y in ds
            .participants
            .years_in(pr, o, s, m)
            .into_iter()
            .filter(|&y| opts.year_ok(y))
        {
            let known = ds.participants.known_in(pr, o, s, m, y);
            // `2023` and `2023-12` are the same moment for a stock: keep the month.
            let slots = if known & (1 << 11) != 0 { 12 } else { 13 };
            periods.extend(
                (0..slots)
                    .filter(|b| known & (1 << b) != 0)
                    .map(|b| crate::store::period(y, b)),
            );
        }
        for w in periods.windows(2) {
            let (p1, p2) = (w[0], w[1]);
            let value = |p| ds.participants.get_in(pr, o, p, s, m).map(|(v, _)| v);
            let (Some(a1), Some(a2), Some(add)) =
                (value(p1), value(p2), additions(ds, (o, pr), s, p1, p2))
            else {
                continue;
            };
            if i128::from(a2) - i128::from(a1) > add {
                let mut f = Finding::new(o, Kind::StockFlow, Importance::High)
                    .series(pr, s, m)
                    .at(p2);
                f.since = Some(p1);
                f.figure = Some(a2 - a1);
                f.against = Some(add as f64);
                out.push(f);
            }
        }
    }
    out
}

/// A side's value at one office and period, when every figure in it is there; wide, so a sum
/// past 64 bits is still compared.
fn side(ix: &Index, o: usize, p: Period, e: &Expr) -> Option<i128> {
    e.terms.iter().try_fold(0i128, |acc, t| {
        let v = ix
            .participant_in(t.program, o, p, t.segment, t.measure)?
            .value;
        Some(acc + i128::from(t.sign) * i128::from(v))
    })
}

/// Each rule at every office and period where both sides have figures (given or derived);
/// `figure` is the left side, `against` the right. A rule naming one program, on a data set
/// whose participants carry no program, is evaluated nowhere and gets one `info` row saying so.
pub fn check_rules(ix: &Index, rules: &[Rule], opts: &Options) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in rules {
        let terms = r.left.terms.iter().chain(&r.right.terms);
        if !ix.programs.any() && terms.clone().any(|t| t.program != Program::All) {
            out.push(Finding {
                office: None,
                rule: Some(r.name.clone()),
                ..Finding::new(0, Kind::RuleNotEvaluated, Importance::Info)
            });
            continue;
        }
        for o in 0..ix.ds.offices.len() {
            let mut periods: BTreeSet<(i32, u8, u8)> = BTreeSet::new();
            let mut by_key = BTreeMap::new();
            for t in terms.clone() {
                for p in ix.periods_in(t.program, o, t.segment, t.measure) {
                    if opts.year_ok(p.year()) {
                        periods.insert(p.key());
                        by_key.insert(p.key(), p);
                    }
                }
            }
            for k in periods {
                let p = by_key[&k];
                let (Some(l), Some(rv)) = (side(ix, o, p, &r.left), side(ix, o, p, &r.right))
                else {
                    continue;
                };
                if !r.op.holds(l, rv) {
                    let mut f = Finding::new(o, Kind::Rule, r.importance).at(p);
                    // A side too large for a count is left empty rather than written wrong.
                    f.figure = i64::try_from(l).ok();
                    f.against = i64::try_from(rv).ok().map(|v| v as f64);
                    f.rule = Some(r.name.clone());
                    out.push(f);
                }
            }
        }
    }
    out
}

/// Every check, findings in hierarchy order of office, then period, then kind.
pub fn check(ix: &Index, rules: &[Rule], opts: &Options) -> Vec<Finding> {
    let ds = ix.ds;
    let mut all = missing_months(ds, opts);
    all.extend(reporting_rates(ds, opts));
    all.extend(siblings(ds, opts));
    all.extend(outliers(ds, opts));
    all.extend(stock_flow(ds, opts));
    all.extend(check_rules(ix, rules, opts));
    let mut rank = vec![0; ds.offices.len()];
    for (pos, (i, _)) in ds.tree().into_iter().enumerate() {
        rank[i] = pos;
    }
    all.sort_by_key(|f| {
        (
            f.office.map(|o| rank[o]),
            f.period.map(Period::key),
            f.segment,
            f.measure,
            f.program,
            f.kind,
        )
    });
    all
}

#[cfg(test)]
mod tests;
