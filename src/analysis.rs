//! Figures derived from a data set: roll-ups, growth series, coverage, target gaps and claims.
//! No I/O and no formatting: commands turn these rows into tables.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::calc::{self, Change, Gap, Pace};
use crate::model::*;
use crate::store::{self, Participants};

/// A figure with where it comes from: a source as the data gives it, or how it was derived.
#[derive(Debug, Clone, PartialEq)]
pub struct Fig {
    pub value: i64,
    pub source: String,
    pub published: String,
    pub derived: bool,
}

impl Fig {
    fn given(value: i64, prov: &Provenance) -> Self {
        Fig {
            value,
            source: prov.source.clone(),
            published: prov.published.clone(),
            derived: false,
        }
    }

    fn derived(value: i64, how: String) -> Self {
        Fig {
            value,
            source: how,
            published: String::new(),
            derived: true,
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
    fn new(template: &'static str, args: Vec<String>) -> Self {
        Note {
            template,
            args,
            terms: Vec::new(),
        }
    }

    fn term_at(mut self, i: usize) -> Self {
        self.terms.push(i);
        self
    }

    /// The English sentence.
    pub fn english(&self) -> String {
        fill(self.template, self.args.iter().map(String::as_str))
    }
}

/// Fills the `{}` slots of a template in order.
pub fn fill<'a>(template: &str, mut args: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Something the data says that does not add up, found while deriving figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub file: &'static str,
    pub line: u64,
    pub message: String,
}

type WKey = (usize, Period, WorkforceMeasure);

/// Every participant and workforce figure, given or derived, looked up by key.
pub struct Index<'a> {
    pub ds: &'a DataSet,
    /// Figures derived here (roll-ups, segment sums); the given ones stay in the data set.
    pub derived: Participants,
    pub workforce: HashMap<WKey, Fig>,
    pub findings: Vec<Finding>,
}

/// Every slot of a year: the twelve months and the whole year.
const ALL_SLOTS: u16 = 0x1fff;
/// The workforce keys of each office, by office index.
struct OfficeKeys {
    w: Vec<BTreeSet<(Period, WorkforceMeasure)>>,
}

/// Offices with every child before its parent.
fn post_order(ds: &DataSet) -> Vec<usize> {
    let mut order: Vec<usize> = ds.tree().into_iter().map(|(i, _)| i).collect();
    order.reverse();
    order
}

const SEGMENTS: [Segment; 4] = [Segment::Pu, Segment::Bpu, Segment::Jakon, Segment::Pmi];

fn level_name(l: Level, n: usize) -> String {
    let (one, many) = match l {
        Level::National => ("national office", "national offices"),
        Level::Region => ("region", "regions"),
        Level::Province => ("province", "provinces"),
        Level::Branch => ("branch", "branches"),
        Level::District => ("district", "districts"),
    };
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl<'a> Index<'a> {
    pub fn build(ds: &'a DataSet) -> Self {
        let mut ix = Index {
            ds,
            derived: Participants::new(ds.offices.len()),
            workforce: HashMap::new(),
            findings: Vec::new(),
        };
        let mut w_line: HashMap<WKey, u64> = HashMap::new();
        for r in &ds.workforce {
            if let Some(v) = r.value {
                let k = (r.office, r.period, r.measure);
                ix.workforce.insert(k, Fig::given(v, &r.prov));
                w_line.insert(k, r.origin.line);
            }
        }
        let kids: Vec<Vec<usize>> = {
            let mut k = vec![Vec::new(); ds.offices.len()];
            for (i, o) in ds.offices.iter().enumerate() {
                if let Some(p) = o.parent {
                    k[p].push(i);
                }
            }
            k
        };
        // Each office's keys, kept beside the maps so a roll-up looks at its children's keys
        // only: scanning the whole map per office made 10,000 offices take minutes.
        let mut keys = OfficeKeys {
            w: vec![BTreeSet::new(); ds.offices.len()],
        };
        for k in ix.workforce.keys() {
            keys.w[k.0].insert((k.1, k.2));
        }
        for o in post_order(ds) {
            ix.roll_up_participants(o, &kids[o]);
            ix.sum_segments(o);
            ix.roll_up_workforce(o, &kids[o], &w_line, &mut keys);
            ix.derive_informal(o, &w_line, &mut keys);
        }
        ix
    }

    /// A figure's value, given or derived.
    fn value(&self, o: usize, p: Period, s: Segment, m: Measure) -> Option<i64> {
        self.ds
            .participants
            .get(o, p, s, m)
            .or_else(|| self.derived.get(o, p, s, m))
            .map(|(v, _)| v)
    }

    /// Slots of year `y` with a figure, given or derived.
    fn known(&self, o: usize, s: Segment, m: Measure, y: i32) -> u16 {
        self.ds.participants.known(o, s, m, y) | self.derived.known(o, s, m, y)
    }

    fn years(&self, o: usize, s: Segment, m: Measure) -> BTreeSet<i32> {
        let mut y: BTreeSet<i32> = self.ds.participants.years(o, s, m).into_iter().collect();
        y.extend(self.derived.years(o, s, m));
        y
    }

    /// Every period with a figure for the series, in order.
    pub fn periods(&self, o: usize, s: Segment, m: Measure) -> Vec<Period> {
        let mut out = Vec::new();
        for y in self.years(o, s, m) {
            let known = self.known(o, s, m, y);
            out.extend(
                (0..13)
                    .filter(|b| known & (1 << b) != 0)
                    .map(|b| store::period(y, b)),
            );
        }
        out
    }

    /// Every participant figure, given or derived, with its key (office, period, segment, measure).
    pub fn participant_figs(&self) -> Vec<((usize, Period, Segment, Measure), Fig)> {
        let mut out = Vec::new();
        for (o, s, m) in self.series() {
            for p in self.periods(o, s, m) {
                if let Some(f) = self.participant(o, p, s, m) {
                    out.push(((o, p, s, m), f));
                }
            }
        }
        out
    }

    /// Every participant key, given or derived: (office, period, segment, measure).
    pub fn participant_keys(&self) -> Vec<(usize, Period, Segment, Measure)> {
        let mut out = Vec::new();
        for (o, s, m) in self.series() {
            out.extend(self.periods(o, s, m).into_iter().map(|p| (o, p, s, m)));
        }
        out
    }

    /// Every series with a figure: (office, segment, measure).
    pub fn series(&self) -> BTreeSet<(usize, Segment, Measure)> {
        self.ds
            .participants
            .series()
            .chain(self.derived.series())
            .map(|x| (x.office, x.segment, x.measure))
            .collect()
    }

    /// Stores a derived figure unless the key has one, given or derived; a given figure that
    /// differs is returned for a finding as (given, line).
    fn derive(
        &mut self,
        (o, p, s, m): (usize, Period, Segment, Measure),
        sum: i64,
        how: u32,
    ) -> Option<(i64, u64)> {
        match self.ds.participants.get(o, p, s, m) {
            Some((given, _)) if given != sum => {
                Some((given, self.ds.participants.line(o, p, s, m).unwrap_or(0)))
            }
            Some(_) => None,
            None => {
                if self.derived.get(o, p, s, m).is_none() {
                    // Derived keys are new to the derived store, so this cannot be a duplicate.
                    let _ = self.derived.insert(o, p, s, m, Some(sum), how, None);
                }
                None
            }
        }
    }

    /// A parent's figure is the sum of its children of the next level down, when every one
    /// of them has it; where the parent's own figure exists too, the two must agree.
    fn roll_up_participants(&mut self, o: usize, kids: &[usize]) {
        let Some(level) = self.ds.offices[o].level.child_level() else {
            return;
        };
        if self.ds.offices[o].partial {
            return;
        }
        let kids: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&k| self.ds.offices[k].level == level)
            .collect();
        if kids.is_empty() {
            return;
        }
        let how = self.derived.intern(Provenance {
            source: format!("sum of {}", level_name(level, kids.len())),
            ..Provenance::default()
        });
        let mut found = Vec::new();
        for &s in Segment::ALL {
            for &m in Measure::ALL {
                let years: BTreeSet<i32> = kids.iter().flat_map(|&k| self.years(k, s, m)).collect();
                for y in years {
                    let mask = kids
                        .iter()
                        .fold(ALL_SLOTS, |a, &k| a & self.known(k, s, m, y));
                    for b in (0..13).filter(|b| mask & (1 << b) != 0) {
                        let p = store::period(y, b);
                        let vals = kids.iter().map(|&k| self.value(k, p, s, m).unwrap_or(0));
                        let Some(sum) = calc::checked_sum(vals) else {
                            continue;
                        };
                        if let Some((given, line)) = self.derive((o, p, s, m), sum, how) {
                            found.push((
                                (p, s, m),
                                Finding {
                                    file: "participants.csv",
                                    line,
                                    message: format!(
                                        "{} {p} {s} {m} is {given}, but its {} add up to {sum}",
                                        self.ds.offices[o].code,
                                        level_name(level, kids.len()),
                                    ),
                                },
                            ));
                        }
                    }
                }
            }
        }
        found.sort_by_key(|f| f.0);
        self.findings.extend(found.into_iter().map(|f| f.1));
    }

    /// `all` is the sum of the four segments when all four are known.
    fn sum_segments(&mut self, o: usize) {
        let how = self.derived.intern(Provenance {
            source: "sum of pu, bpu, jakon and pmi".into(),
            ..Provenance::default()
        });
        let mut found = Vec::new();
        for &m in Measure::ALL {
            let years: BTreeSet<i32> = SEGMENTS.iter().flat_map(|&s| self.years(o, s, m)).collect();
            for y in years {
                let mask = SEGMENTS
                    .iter()
                    .fold(ALL_SLOTS, |a, &s| a & self.known(o, s, m, y));
                for b in (0..13).filter(|b| mask & (1 << b) != 0) {
                    let p = store::period(y, b);
                    let vals = SEGMENTS
                        .iter()
                        .map(|&s| self.value(o, p, s, m).unwrap_or(0));
                    let Some(sum) = calc::checked_sum(vals) else {
                        continue;
                    };
                    if let Some((given, line)) = self.derive((o, p, Segment::All, m), sum, how) {
                        found.push(((p, m), Finding {
                            file: "participants.csv",
                            line,
                            message: format!(
                                "{} {p} {m}: all segments is {given}, but pu + bpu + jakon + pmi = {sum}",
                                self.ds.offices[o].code
                            ),
                        }));
                    }
                }
            }
        }
        found.sort_by_key(|f| f.0);
        self.findings.extend(found.into_iter().map(|f| f.1));
    }

    /// A branch's workforce is the sum of its districts, a region's that of its provinces
    /// (or else its branches), the nation's that of its regions, when not given directly.
    fn roll_up_workforce(
        &mut self,
        o: usize,
        kids: &[usize],
        lines: &HashMap<WKey, u64>,
        okeys: &mut OfficeKeys,
    ) {
        let levels: &[Level] = match self.ds.offices[o].level {
            Level::Branch => &[Level::District],
            Level::Region => &[Level::Province, Level::Branch],
            Level::National => &[Level::Region],
            Level::Province | Level::District => &[],
        };
        if self.ds.offices[o].partial {
            return;
        }
        let mut done: BTreeSet<(Period, WorkforceMeasure)> = BTreeSet::new();
        for &level in levels {
            let kids: Vec<usize> = kids
                .iter()
                .copied()
                .filter(|&k| self.ds.offices[k].level == level)
                .collect();
            if kids.is_empty() {
                continue;
            }
            let keys: BTreeSet<(Period, WorkforceMeasure)> = kids
                .iter()
                .flat_map(|&k| okeys.w[k].iter().copied())
                .collect();
            for (period, measure) in keys {
                if done.contains(&(period, measure)) {
                    continue;
                }
                let vals: Option<Vec<i64>> = kids
                    .iter()
                    .map(|&k| self.workforce.get(&(k, period, measure)).map(|f| f.value))
                    .collect();
                let Some(sum) = vals.and_then(calc::checked_sum) else {
                    continue;
                };
                done.insert((period, measure));
                let key = (o, period, measure);
                match self.workforce.get(&key) {
                    Some(given) if !given.derived && given.value != sum => {
                        self.findings.push(Finding {
                            file: "workforce.csv",
                            line: lines.get(&key).copied().unwrap_or(0),
                            message: format!(
                                "{} {period} {measure} is {}, but its {} add up to {sum}",
                                self.ds.offices[o].code,
                                given.value,
                                level_name(level, kids.len())
                            ),
                        })
                    }
                    Some(_) => {}
                    None => {
                        self.workforce.insert(
                            key,
                            Fig::derived(sum, format!("sum of {}", level_name(level, kids.len()))),
                        );
                        okeys.w[o].insert((period, measure));
                    }
                }
            }
        }
    }

    /// informal = employed − formal where both are known and informal is not given.
    fn derive_informal(&mut self, o: usize, lines: &HashMap<WKey, u64>, okeys: &mut OfficeKeys) {
        let periods: BTreeSet<Period> = okeys.w[o].iter().map(|k| k.0).collect();
        for p in periods {
            let emp = self
                .workforce
                .get(&(o, p, WorkforceMeasure::Employed))
                .map(|f| f.value);
            let formal = self
                .workforce
                .get(&(o, p, WorkforceMeasure::Formal))
                .map(|f| f.value);
            let (Some(emp), Some(formal)) = (emp, formal) else {
                continue;
            };
            let key = (o, p, WorkforceMeasure::Informal);
            if formal > emp {
                self.findings.push(Finding {
                    file: "workforce.csv",
                    line: lines
                        .get(&(o, p, WorkforceMeasure::Formal))
                        .copied()
                        .unwrap_or(0),
                    message: format!(
                        "{} {p}: formal workers ({formal}) exceed the employed ({emp})",
                        self.ds.offices[o].code
                    ),
                });
                continue;
            }
            match self.workforce.get(&key) {
                Some(given) if !given.derived && given.value + formal != emp => {
                    self.findings.push(Finding {
                        file: "workforce.csv",
                        line: lines.get(&key).copied().unwrap_or(0),
                        message: format!(
                            "{} {p}: formal {formal} + informal {} does not equal employed {emp}",
                            self.ds.offices[o].code, given.value
                        ),
                    })
                }
                Some(_) => {}
                None => {
                    self.workforce
                        .insert(key, Fig::derived(emp - formal, "employed − formal".into()));
                    okeys.w[o].insert((p, WorkforceMeasure::Informal));
                }
            }
        }
    }

    pub fn participant(&self, o: usize, p: Period, s: Segment, m: Measure) -> Option<Fig> {
        if let Some((v, id)) = self.ds.participants.get(o, p, s, m) {
            return Some(Fig::given(v, self.ds.participants.provenance(id)));
        }
        self.derived
            .get(o, p, s, m)
            .map(|(v, id)| Fig::derived(v, self.derived.provenance(id).source.clone()))
    }

    /// The comparable period one year before `p` with a figure (a year end may be written
    /// `2022` or `2022-12`), and its value.
    fn year_before_value(
        &self,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<(Period, i64)> {
        let before = p.year_before();
        let alt = match before {
            Period::Year(y) => Some(Period::Month(y, 12)),
            Period::Month(y, 12) => Some(Period::Year(y)),
            Period::Month(..) => None,
        };
        std::iter::once(before)
            .chain(alt)
            .find_map(|q| self.value(o, q, s, m).map(|v| (q, v)))
    }

    /// The comparable figure one year before `p`.
    pub fn year_before(
        &self,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<(Period, Fig)> {
        let (q, _) = self.year_before_value(o, p, s, m)?;
        self.participant(o, q, s, m).map(|f| (q, f))
    }
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

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthRow {
    pub office: usize,
    pub segment: Segment,
    pub measure: Measure,
    pub period: Period,
    pub value: Fig,
    pub base: Option<(Period, Fig)>,
    pub change: Option<Change>,
    /// Compound annual growth since the series' first comparable period, over 2+ years.
    pub cagr: Option<(Period, f64)>,
}

/// Growth of every series: each year's latest period (or every period) against the same
/// period a year earlier.
pub fn growth(ix: &Index, f: &Filter) -> Vec<GrowthRow> {
    let mut rows = Vec::new();
    growth_each(ix, f, |r| {
        rows.push(r);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|e| match e {});
    rows
}

/// [`growth`], one row at a time in output order (office in hierarchy order, measure, segment,
/// period), so a national monthly history is never held as rows.
pub fn growth_each<E>(
    ix: &Index,
    f: &Filter,
    mut emit: impl FnMut(GrowthRow) -> Result<(), E>,
) -> Result<(), E> {
    let ds = ix.ds;
    for (o, _) in ds.tree() {
        if !f.office_ok(ds, o) {
            continue;
        }
        for &m in Measure::ALL {
            for &s in Segment::ALL.iter().filter(|&&s| f.segment_ok(s)) {
                let periods: Vec<Period> = ix
                    .periods(o, s, m)
                    .into_iter()
                    .filter(|p| f.year_ok(p.year()))
                    .collect();
                for (i, &p) in periods.iter().enumerate() {
                    // Periods are in order: the year's latest is the last one of its year.
                    let latest = periods.get(i + 1).is_none_or(|n| n.year() != p.year());
                    if f.monthly || latest {
                        emit(growth_row(ix, f, (o, s, m), p))?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn growth_row(
    ix: &Index,
    f: &Filter,
    (o, s, m): (usize, Segment, Measure),
    p: Period,
) -> GrowthRow {
    let value = ix.participant(o, p, s, m).expect("listed by the index");
    // The base may lie before --from/--year: a 2023 row still compares with 2022.
    let base = ix.year_before(o, p, s, m);
    let change = base
        .as_ref()
        .and_then(|(_, b)| calc::change(b.value, value.value));
    // The earliest period of the same month of year, for a compound rate over 2+ years.
    let mut first = None;
    let mut q = p;
    for _ in 0..1000 {
        let Some((prev, v)) = ix.year_before_value(o, q, s, m) else {
            break;
        };
        if f.from.is_some_and(|from| prev.year() < from) {
            break;
        }
        first = Some((prev, v));
        q = prev;
    }
    let cagr = first.and_then(|(fp, fv)| {
        let years = p.year() - fp.year();
        (years >= 2)
            .then(|| calc::cagr_pct(fv, value.value, f64::from(years)))
            .flatten()
            .map(|g| (fp, g))
    });
    GrowthRow {
        office: o,
        segment: s,
        measure: m,
        period: p,
        value,
        base,
        change,
        cagr,
    }
}

/// Which workforce figure a segment is held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Against {
    #[default]
    Employed,
    LabourForce,
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
    /// The survey used and its figure; `None` with a reason in `note`.
    pub workforce: Option<(Period, Fig)>,
    pub pct: Option<f64>,
    /// Participants and workforce are counted at different dates.
    pub periods_differ: bool,
    pub note: String,
    /// `note` with its slots, for other languages.
    pub note_parts: Option<Note>,
}

/// Active participants against the workforce: the latest survey at or before the
/// participants' period, else the earliest after it (flagged either way when they differ).
pub fn coverage(ix: &Index, f: &Filter, against: Against) -> Vec<CoverageRow> {
    let ds = ix.ds;
    let keys: Vec<((usize, Segment), Period)> = ix
        .series()
        .into_iter()
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
    let rank = office_rank(ds);
    let mut rows: Vec<CoverageRow> = selected
        .into_iter()
        .map(|((o, s), p)| {
            let participants = ix.participant(o, p, s, Measure::Active).expect("selected");
            let den = denominator(s, against).expect("filtered");
            let mut surveys: Vec<(Period, &Fig)> = ix
                .workforce
                .iter()
                .filter(|(k, _)| k.0 == o && k.2 == den)
                .map(|(k, v)| (k.1, v))
                .collect();
            surveys.sort_by_key(|(q, _)| *q);
            let chosen = surveys
                .iter()
                .rev()
                .find(|(q, _)| *q <= p)
                .or_else(|| surveys.first())
                .map(|(q, fig)| (*q, (*fig).clone()));
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
                note: note.as_ref().map(Note::english).unwrap_or_default(),
                note_parts: note,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (rank[a.office], a.segment, a.period).cmp(&(rank[b.office], b.segment, b.period))
    });
    rows
}

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
    pub note: String,
    /// `note` with its slots, for other languages.
    pub note_parts: Option<Note>,
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
            PaceStatus::YearComplete { met: true } => "year complete: target met",
            PaceStatus::YearComplete { met: false } => "year complete: target missed",
            PaceStatus::OnlyYearEnds => "only year ends known",
            PaceStatus::NotYet => "no figure for the year yet",
            PaceStatus::NoStart => "no previous year end to measure the pace from",
            PaceStatus::NoFigures => "no figures to compare",
        }
    }
}

pub fn targets<'a>(ix: &Index<'a>, f: &Filter) -> Vec<TargetRow<'a>> {
    let ds = ix.ds;
    let rank = office_rank(ds);
    let mut rows: Vec<TargetRow> = ds
        .targets
        .iter()
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
        note: String::new(),
        note_parts: None,
    };
    let Some(m) = measure else {
        row.note_parts = Some(Note::new(
            "no figures for funds under management in the data set",
            vec![],
        ));
        row.note = row
            .note_parts
            .as_ref()
            .map(Note::english)
            .unwrap_or_default();
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
                    row.reach_month = row
                        .pace
                        .and_then(|pc| calc::month_reaching(target, start, pc.so_far));
                    if row.status != PaceStatus::Reached {
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
    }
    row.note = row
        .note_parts
        .as_ref()
        .map(Note::english)
        .unwrap_or_default();
    row.actual = in_year;
    row.base = base;
    row
}

/// One line of a claims breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClaimLine {
    Program(Program),
    /// The stated total less the itemised programs.
    Other,
    Total,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub office: usize,
    pub period: Period,
    pub segment: Segment,
    pub line: ClaimLine,
    pub cases: Option<i64>,
    pub amount: Option<i64>,
    pub share_cases: Option<f64>,
    pub share_amount: Option<f64>,
    pub per_case: Option<f64>,
    pub source: String,
    pub published: String,
}

/// Claims per program with shares of the total: the stated total (`all`) where given, else the
/// sum of the programs. Programs that do not add up to a stated total leave an `Other` line;
/// programs exceeding it are a finding.
pub fn claims(ds: &DataSet, f: &Filter) -> (Vec<ClaimRow>, Vec<Finding>) {
    let rank = office_rank(ds);
    let mut groups: BTreeMap<(usize, Period, Segment), Vec<&ClaimRecord>> = BTreeMap::new();
    for c in &ds.claims {
        if f.office_ok(ds, c.office) && f.year_ok(c.period.year()) && f.segment_ok(c.segment) {
            groups
                .entry((rank[c.office], c.period, c.segment))
                .or_default()
                .push(c);
        }
    }
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    for ((_, period, segment), recs) in groups {
        let office = recs[0].office;
        let total = recs.iter().find(|r| r.program == Program::All);
        let mut programs: Vec<&&ClaimRecord> =
            recs.iter().filter(|r| r.program != Program::All).collect();
        programs.sort_by_key(|r| r.program);
        let sum = |get: fn(&ClaimRecord) -> Option<i64>| -> Option<i64> {
            let v: Option<Vec<i64>> = programs.iter().map(|r| get(r)).collect();
            v.filter(|v| !v.is_empty()).and_then(calc::checked_sum)
        };
        let sum_cases = sum(|r| r.cases);
        let sum_amount = sum(|r| r.amount_idr);
        let (t_cases, t_amount, t_source, t_pub) = match total {
            Some(t) => (
                t.cases,
                t.amount_idr,
                t.prov.source.clone(),
                t.prov.published.clone(),
            ),
            None => (
                sum_cases,
                sum_amount,
                "sum of programs".to_string(),
                String::new(),
            ),
        };
        let mk =
            |line, cases: Option<i64>, amount: Option<i64>, source: String, published: String| {
                ClaimRow {
                    office,
                    period,
                    segment,
                    line,
                    cases,
                    amount,
                    share_cases: cases.zip(t_cases).and_then(|(c, t)| calc::ratio_pct(c, t)),
                    share_amount: amount
                        .zip(t_amount)
                        .and_then(|(a, t)| calc::ratio_pct(a, t)),
                    per_case: amount.zip(cases).and_then(|(a, c)| calc::per_case(a, c)),
                    source,
                    published,
                }
            };
        for r in &programs {
            rows.push(mk(
                ClaimLine::Program(r.program),
                r.cases,
                r.amount_idr,
                r.prov.source.clone(),
                r.prov.published.clone(),
            ));
        }
        if let Some(t) = total {
            if !programs.is_empty() {
                // Itemised cases (or amounts) cannot exceed the stated total.
                let over = |s: Option<i64>, t: Option<i64>, what: &str| {
                    s.zip(t).filter(|(s, t)| s > t).map(|(s, t)| {
                        format!(
                            "{} {period} {segment}: the programs' {what} add up to {s}, more than the stated total {t}",
                            ds.offices[office].code
                        )
                    })
                };
                for msg in [
                    over(sum_cases, t_cases, "cases"),
                    over(sum_amount, t_amount, "amounts"),
                ]
                .into_iter()
                .flatten()
                {
                    findings.push(Finding {
                        file: "claims.csv",
                        line: t.origin.line,
                        message: msg,
                    });
                }
                let rest = |s: Option<i64>, t: Option<i64>| {
                    s.zip(t)
                        .and_then(|(s, t)| t.checked_sub(s))
                        .filter(|v| *v >= 0)
                };
                let (oc, oa) = (rest(sum_cases, t_cases), rest(sum_amount, t_amount));
                if oc.is_some_and(|v| v > 0) || oa.is_some_and(|v| v > 0) {
                    rows.push(mk(
                        ClaimLine::Other,
                        oc,
                        oa,
                        "total less itemised programs".into(),
                        String::new(),
                    ));
                }
            }
        }
        rows.push(mk(ClaimLine::Total, t_cases, t_amount, t_source, t_pub));
    }
    (rows, findings)
}

/// Every finding: roll-ups that disagree and claims that do not add up.
pub fn findings(ix: &Index) -> Vec<Finding> {
    let mut all = ix.findings.clone();
    all.extend(claims(ix.ds, &Filter::default()).1);
    all.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
    all.dedup();
    all
}
