//! The index: every participant and workforce figure, given or derived (roll-ups and
//! segment sums), looked up by key.

use std::collections::{BTreeSet, HashMap};

use super::programs::ProgramFigures;
use super::{bound, derivation, level_word, Fig, Finding, Note};
use crate::calc::{self};
use crate::model::*;
use crate::store::{self, Participants};

type WKey = (usize, Period, WorkforceMeasure);

/// Every participant and workforce figure, given or derived, looked up by key.
pub struct Index<'a> {
    pub ds: &'a DataSet,
    /// Figures derived here (roll-ups, segment sums); the given ones stay in the data set.
    pub derived: Participants,
    pub workforce: HashMap<WKey, Fig>,
    pub findings: Vec<Finding>,
    /// The figures of the programs other than `all`.
    pub programs: ProgramFigures,
    /// Some participant row is read one way of two, so sums must look for it.
    doubtful: bool,
    /// Some participant row is a bound, so sums must carry it.
    bounded: bool,
    /// Sums not made because their parts' bounds pull both ways, by (office, segment,
    /// measure, period), so the figure's place can say why it is empty.
    unmade: std::collections::BTreeMap<(usize, Segment, Measure, Period), Unmade>,
    /// Workforce sums not made because their parts' bounds pull both ways, by (office,
    /// measure, survey), so a ratio that would rest on one can say why it is missing.
    unmade_workforce: std::collections::BTreeMap<(usize, WorkforceMeasure, Period), Unmade>,
    /// Looked up once after the figures are final, so a question about one office costs
    /// that office's share of the work, not the whole data set's.
    cache: Cache,
}

/// What the per-office questions would otherwise rebuild from the whole data set each time.
#[derive(Default)]
struct Cache {
    /// Offices in hierarchy order, and each office's position in it.
    order: Vec<usize>,
    rank: Vec<usize>,
    /// Every series with a figure, sorted, so one office's series are one run of it.
    series: Vec<(usize, Segment, Measure)>,
    /// The survey periods of each office and workforce measure, in order.
    surveys: HashMap<(usize, WorkforceMeasure), Vec<Period>>,
    /// Indices into the data set's targets, by office.
    targets: Vec<Vec<usize>>,
    /// The offices given a workforce figure of each measure, in data-set order.
    with_workforce: HashMap<WorkforceMeasure, std::sync::Arc<[usize]>>,
}

/// One part of a sum: a child office, or a segment of the office's own figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Office(usize),
    Segment(Segment),
    /// A workforce figure of the office itself (employed, formal), for informal workers
    /// derived as their difference.
    Workforce(WorkforceMeasure),
}

/// A sum not made: its parts' bounds pull both ways (some bound it from below, at least, some
/// from above, at most, so it can be any number), or its parts add up past the 64-bit limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmade {
    /// How the sum would have been made (`sum of 2 branches`, `sum of segments`).
    pub how: Derivation,
    /// The parts that are lower bounds, and those that are upper bounds, with their figures.
    pub lower: Vec<(Part, Fig)>,
    pub upper: Vec<(Part, Fig)>,
    /// The parts (or a sum not made beneath it) add up past the 64-bit limit.
    pub past_limit: bool,
}

impl Unmade {
    /// A sum not made because of how its parts' bounds pull, still to be told which.
    pub fn new(how: Derivation) -> Unmade {
        Unmade {
            how,
            lower: Vec::new(),
            upper: Vec::new(),
            past_limit: false,
        }
    }

    /// A sum not made because its parts add up past the 64-bit limit.
    pub fn past_limit(how: Derivation) -> Unmade {
        Unmade {
            past_limit: true,
            ..Unmade::new(how)
        }
    }
}

/// Every slot of a year in the store's layout: the twelve months and the whole year.
const ALL_SLOTS: u16 = ((1u32 << store::SLOTS) - 1) as u16;
/// Where one series is held: its id in the given store and in the derived one (`None`: not
/// made there), looked up once for all its years.
#[derive(Debug, Clone, Copy)]
struct Held {
    given: Option<u32>,
    derived: Option<u32>,
}

/// The workforce keys of each office, by office index.
struct OfficeKeys {
    w: Vec<BTreeSet<(Period, WorkforceMeasure)>>,
}

/// About how many series the roll-ups derive: segment `all` for each office and measure
/// with a segment's figures, and each segment and measure for each office with children
/// (an upper bound there: only those its children have are made).
fn derived_series(ds: &DataSet, kids: &[Vec<usize>]) -> usize {
    let mut all = vec![false; ds.offices.len() * Measure::ALL.len()];
    for k in ds.participants.series() {
        if k.segment != Segment::All {
            all[k.office * Measure::ALL.len() + k.measure as usize] = true;
        }
    }
    let parents = kids.iter().filter(|k| !k.is_empty()).count();
    all.iter().filter(|&&b| b).count() + parents * Segment::ALL.len() * Measure::ALL.len()
}

/// Offices with every child before its parent.
fn post_order(ds: &DataSet) -> Vec<usize> {
    let mut order: Vec<usize> = ds.tree().into_iter().map(|(i, _)| i).collect();
    order.reverse();
    order
}

impl<'a> Index<'a> {
    pub fn build(ds: &'a DataSet) -> Self {
        let mut ix = Index {
            ds,
            derived: Participants::new(ds.offices.len()),
            workforce: HashMap::new(),
            findings: Vec::new(),
            programs: ProgramFigures::build(ds),
            doubtful: ds.participants.any_uncertain(),
            bounded: ds
                .participants
                .provenances()
                .iter()
                .any(|p| bound::of(p) != Bound::Exact),
            unmade: std::collections::BTreeMap::new(),
            unmade_workforce: std::collections::BTreeMap::new(),
            cache: Cache::default(),
        };
        let mut w_line: HashMap<WKey, u64> = HashMap::new();
        for r in &ds.workforce {
            if let Some(v) = r.value {
                let k = (r.office, r.period, r.measure);
                ix.workforce.insert(k, Fig::given(v, &r.prov));
                w_line.insert(k, r.origin.line);
            }
        }
        let kids = child_lists(&ds.offices);
        ix.derived.expect_series(derived_series(ds, &kids));
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
        let program_findings = std::mem::take(&mut ix.programs.findings);
        ix.findings.extend(program_findings);
        ix.cache = ix.build_cache();
        ix
    }

    fn build_cache(&self) -> Cache {
        let ds = self.ds;
        let order: Vec<usize> = ds.tree().into_iter().map(|(i, _)| i).collect();
        let mut rank = vec![0; ds.offices.len()];
        for (pos, &i) in order.iter().enumerate() {
            rank[i] = pos;
        }
        // Sorted in place: a tree of every series would hold more than the list at the
        // moment memory is fullest.
        let mut series: Vec<(usize, Segment, Measure)> =
            Vec::with_capacity(ds.participants.series_made() + self.derived.series_made());
        series.extend(
            ds.participants
                .series()
                .chain(self.derived.series())
                .map(|x| (x.office, x.segment, x.measure)),
        );
        series.sort_unstable();
        series.dedup();
        let mut surveys: HashMap<(usize, WorkforceMeasure), Vec<Period>> = HashMap::new();
        for &(o, p, m) in self.workforce.keys() {
            surveys.entry((o, m)).or_default().push(p);
        }
        for v in surveys.values_mut() {
            v.sort();
        }
        let mut targets = vec![Vec::new(); ds.offices.len()];
        for (i, t) in ds.targets.iter().enumerate() {
            targets[t.office].push(i);
        }
        let mut with: HashMap<WorkforceMeasure, BTreeSet<usize>> = HashMap::new();
        for w in ds.workforce.iter().filter(|w| w.value.is_some()) {
            with.entry(w.measure).or_default().insert(w.office);
        }
        let with_workforce = with
            .into_iter()
            .map(|(m, o)| (m, o.into_iter().collect()))
            .collect();
        Cache {
            order,
            rank,
            series,
            surveys,
            targets,
            with_workforce,
        }
    }

    /// Offices in hierarchy order.
    pub fn order(&self) -> &[usize] {
        &self.cache.order
    }

    /// Each office's position in hierarchy order, by office index.
    pub fn rank(&self) -> &[usize] {
        &self.cache.rank
    }

    /// The series with a figure of one office, or of every office.
    pub fn series_of(&self, office: Option<usize>) -> &[(usize, Segment, Measure)] {
        let all = &self.cache.series[..];
        match office {
            None => all,
            Some(o) => {
                let a = all.partition_point(|x| x.0 < o);
                let b = all.partition_point(|x| x.0 <= o);
                &all[a..b]
            }
        }
    }

    /// The periods of an office's surveys of one workforce measure, in order.
    /// The offices given a workforce figure of measure `m`, in data-set order.
    pub fn offices_with(&self, m: WorkforceMeasure) -> std::sync::Arc<[usize]> {
        self.cache
            .with_workforce
            .get(&m)
            .cloned()
            .unwrap_or_else(|| std::sync::Arc::from(Vec::new()))
    }

    pub fn surveys(&self, o: usize, m: WorkforceMeasure) -> &[Period] {
        self.cache.surveys.get(&(o, m)).map_or(&[], Vec::as_slice)
    }

    /// The targets of one office, or of every office, in data set order.
    pub fn targets_of(&self, office: Option<usize>) -> Vec<&'a Target> {
        let ds = self.ds;
        match office {
            None => ds.targets.iter().collect(),
            Some(o) => self.cache.targets[o]
                .iter()
                .map(|&i| &ds.targets[i])
                .collect(),
        }
    }

    /// A figure's value, given or derived.
    fn value(&self, o: usize, p: Period, s: Segment, m: Measure) -> Option<i64> {
        self.ds
            .participants
            .get(o, p, s, m)
            .or_else(|| self.derived.get(o, p, s, m))
            .map(|(v, _)| v)
    }

    /// Where the series is held, in the given store and the derived one.
    fn held(&self, o: usize, s: Segment, m: Measure) -> Held {
        Held {
            given: self.ds.participants.id(o, s, m),
            derived: self.derived.id(o, s, m),
        }
    }

    /// [`Index::value`] for every slot of one year of a series: given where given, else
    /// derived.
    fn year_values(&self, h: Held, y: i32) -> [Option<i64>; store::SLOTS] {
        let given = self.ds.participants.year_values_of(h.given, y);
        let derived = self.derived.year_values_of(h.derived, y);
        std::array::from_fn(|b| given[b].or(derived[b]))
    }

    /// Slots of year `y` with a figure, given or derived.
    fn known(&self, o: usize, s: Segment, m: Measure, y: i32) -> u16 {
        self.ds.participants.known(o, s, m, y) | self.derived.known(o, s, m, y)
    }

    /// The years with a figure, given or derived, in order.
    fn years(&self, o: usize, s: Segment, m: Measure) -> Vec<i32> {
        let mut years = Vec::new();
        self.years_of(&[self.held(o, s, m)], &mut years);
        years
    }

    /// The years in which any of `parts` has a figure, given or derived, in order, into
    /// `years` (emptied first): one list for all of them, sorted once.
    fn years_of(&self, parts: &[Held], years: &mut Vec<i32>) {
        years.clear();
        for h in parts {
            self.ds.participants.add_years_of(h.given, years);
            self.derived.add_years_of(h.derived, years);
        }
        years.sort_unstable();
        years.dedup();
    }

    /// Every period with a figure for the series, in order.
    pub fn periods(&self, o: usize, s: Segment, m: Measure) -> Vec<Period> {
        let mut out = Vec::new();
        for y in self.years(o, s, m) {
            let known = self.known(o, s, m, y);
            out.extend(
                (0..store::SLOTS)
                    .filter(|b| known & (1 << b) != 0)
                    .map(|b| store::period(y, b)),
            );
        }
        out
    }

    /// The latest period of each year with a figure for the series, in order: the last of
    /// each year's periods in [`Index::periods`].
    pub fn latest_periods(&self, o: usize, s: Segment, m: Measure) -> Vec<Period> {
        self.years(o, s, m)
            .into_iter()
            .filter_map(|y| {
                let known = self.known(o, s, m, y);
                (known != 0).then(|| store::period(y, 15 - known.leading_zeros() as usize))
            })
            .collect()
    }

    /// Every participant figure, given or derived, with its key (office, period, segment, measure).
    pub fn participant_figs(&self) -> Vec<((usize, Period, Segment, Measure), Fig)> {
        let mut out = Vec::new();
        for &(o, s, m) in self.series_of(None) {
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
        for &(o, s, m) in self.series_of(None) {
            out.extend(self.periods(o, s, m).into_iter().map(|p| (o, p, s, m)));
        }
        out
    }

    /// Every series with a figure: (office, segment, measure).
    pub fn series(&self) -> BTreeSet<(usize, Segment, Measure)> {
        self.cache.series.iter().copied().collect()
    }

    /// The published text of the row read one way of two a figure is, or the texts a sum of
    /// such rows names; `None` when it rests on none.
    fn doubt(&self, k: (usize, Period, Segment, Measure)) -> Option<String> {
        let (pr, given) = self.prov_at(k)?;
        pr.uncertain
            .then(|| if given { &pr.published } else { &pr.note }.clone())
    }

    /// The provenance of the figure at a key, and whether it is given (not derived here).
    fn prov_at(
        &self,
        (o, p, s, m): (usize, Period, Segment, Measure),
    ) -> Option<(&Provenance, bool)> {
        if let Some((_, id)) = self.ds.participants.get(o, p, s, m) {
            return Some((self.ds.participants.provenance(id), true));
        }
        let (_, id) = self.derived.get(o, p, s, m)?;
        Some((self.derived.provenance(id), false))
    }

    /// Whether the figure at a key rests on a row read one way of two.
    pub fn uncertain_at(&self, o: usize, p: Period, s: Segment, m: Measure) -> bool {
        self.doubtful && self.doubt((o, p, s, m)).is_some()
    }

    /// The bound of the figure at a key, given or derived.
    fn bound_at(&self, k: (usize, Period, Segment, Measure)) -> Bound {
        self.prov_at(k)
            .map_or(Bound::Exact, |(pr, _)| bound::of(pr))
    }

    /// The provenance of a sum: `how`, or, when some of its parts are read one way of two or
    /// are bounds, a copy whose note names the doubtful parts and whose bound is theirs
    /// combined (a sum of lower bounds is a lower bound). `None` when the parts' bounds pull
    /// both ways (a lower bound plus an upper bound): such a sum is no figure.
    fn how_of(
        &mut self,
        how: u32,
        parts: impl Iterator<Item = (usize, Period, Segment, Measure)> + Clone,
    ) -> Option<u32> {
        if !self.doubtful && !self.bounded {
            return Some(how);
        }
        let mut b = Bound::Exact;
        if self.bounded {
            for k in parts.clone() {
                b = bound::sum(b, self.bound_at(k))?;
            }
        }
        let doubts: Vec<String> = if self.doubtful {
            parts.filter_map(|k| self.doubt(k)).collect()
        } else {
            Vec::new()
        };
        if doubts.is_empty() && b == Bound::Exact {
            return Some(how);
        }
        let mut p = self.derived.provenance(how).clone();
        if !doubts.is_empty() {
            p.uncertain = true;
            p.note = doubts.join(" / ");
        }
        if b != Bound::Exact {
            p.bound = Some(b);
        }
        Some(self.derived.intern(p))
    }

    /// Notes a sum not made because its parts pull both ways, where the key has no figure of
    /// its own (a given one stands as it is).
    fn not_made(
        &mut self,
        (o, p, s, m): (usize, Period, Segment, Measure),
        how: Derivation,
        parts: impl Iterator<Item = (Part, (usize, Period, Segment, Measure))>,
    ) {
        if self.ds.participants.get(o, p, s, m).is_some() || self.derived.get(o, p, s, m).is_some()
        {
            return;
        }
        let mut why = Unmade::new(how);
        for (part, (ko, kp, ks, km)) in parts {
            let Some(f) = self.participant(ko, kp, ks, km) else {
                continue;
            };
            match f.bound() {
                Bound::AtLeast | Bound::AtLeastAbout => why.lower.push((part, f)),
                Bound::AtMost | Bound::AtMostAbout => why.upper.push((part, f)),
                Bound::Exact | Bound::About => {}
            }
        }
        self.unmade.insert((o, s, m, p), why);
    }

    /// Notes a sum not made because its parts add up past the 64-bit limit, where the key has
    /// no figure of its own.
    fn not_made_past_limit(
        &mut self,
        (o, p, s, m): (usize, Period, Segment, Measure),
        how: Derivation,
    ) {
        if self.ds.participants.get(o, p, s, m).is_none() && self.derived.get(o, p, s, m).is_none()
        {
            self.unmade.insert((o, s, m, p), Unmade::past_limit(how));
        }
    }

    /// A sum one of whose parts is itself a sum not made (its own parts pulling both ways),
    /// the others known, is not made either: it keeps the bounds beneath it, those of the sum
    /// not made and of the other parts, so its place can say why. `mask` holds the slots of
    /// year `y` every part has a figure for.
    fn unmade_above(
        &mut self,
        (o, s, m, y): (usize, Segment, Measure, i32),
        parts: &[(Part, usize, Segment)],
        mask: u16,
        how: Derivation,
    ) {
        for b in (0..store::SLOTS).filter(|b| mask & (1 << b) == 0) {
            let p = store::period(y, b);
            if self.ds.participants.get(o, p, s, m).is_some()
                || self.derived.get(o, p, s, m).is_some()
                || self.unmade(o, p, s, m).is_some()
            {
                continue;
            }
            let mut why = Unmade::new(how);
            let mut below = false;
            let mut complete = true;
            for &(part, k, ks) in parts {
                if let Some(u) = self.unmade(k, p, ks, m) {
                    below = true;
                    why.past_limit |= u.past_limit;
                    why.lower.extend(u.lower.iter().cloned());
                    why.upper.extend(u.upper.iter().cloned());
                    continue;
                }
                match self.participant(k, p, ks, m) {
                    Some(f) => match f.bound() {
                        Bound::AtLeast | Bound::AtLeastAbout => why.lower.push((part, f)),
                        Bound::AtMost | Bound::AtMostAbout => why.upper.push((part, f)),
                        Bound::Exact | Bound::About => {}
                    },
                    None => complete = false,
                }
            }
            if below && complete {
                self.unmade.insert((o, s, m, p), why);
            }
        }
    }

    /// The surveys of an office's workforce measure whose sums were not made because their
    /// parts' bounds pull both ways, in order, with why.
    pub fn unmade_surveys(&self, o: usize, m: WorkforceMeasure) -> Vec<(Period, &Unmade)> {
        // `Month(MIN, 0)` sorts before every period.
        self.unmade_workforce
            .range((o, m, Period::Month(i32::MIN, 0))..)
            .take_while(|(k, _)| (k.0, k.1) == (o, m))
            .map(|(k, u)| (k.2, u))
            .collect()
    }

    /// Why a figure of program `all` is empty, where it is a sum whose parts pull both ways.
    pub fn unmade(&self, o: usize, p: Period, s: Segment, m: Measure) -> Option<&Unmade> {
        self.unmade.get(&(o, s, m, p))
    }

    /// [`Index::unmade`] for any program: `all`'s here, the others' in their own figures.
    pub fn unmade_in(
        &self,
        pr: Program,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<&Unmade> {
        match pr {
            Program::All => self.unmade(o, p, s, m),
            _ => self.programs.unmade.get(&(o, pr, s, m, p)),
        }
    }

    /// [`Index::unmade_periods`] for any program.
    pub fn unmade_periods_in(&self, pr: Program, o: usize, s: Segment, m: Measure) -> Vec<Period> {
        match pr {
            Program::All => self.unmade_periods(o, s, m),
            _ => self
                .programs
                .unmade
                .range((o, pr, s, m, Period::Month(i32::MIN, 0))..)
                .take_while(|(k, _)| (k.0, k.1, k.2, k.3) == (o, pr, s, m))
                .map(|(k, _)| k.4)
                .collect(),
        }
    }

    /// Every sum not made because its parts pull both ways, of every program, by (office,
    /// program, segment, measure, period).
    pub fn unmade_all(
        &self,
    ) -> impl Iterator<Item = ((usize, Program, Segment, Measure, Period), &Unmade)> + '_ {
        let all = self
            .unmade
            .iter()
            .map(|(&(o, s, m, p), u)| ((o, Program::All, s, m, p), u));
        all.chain(self.programs.unmade.iter().map(|(&k, u)| (k, u)))
    }

    /// The periods of a series whose sums were not made because their parts pull both ways.
    pub fn unmade_periods(&self, o: usize, s: Segment, m: Measure) -> Vec<Period> {
        // `Month(MIN, 0)` sorts before every period.
        self.unmade
            .range((o, s, m, Period::Month(i32::MIN, 0))..)
            .take_while(|(k, _)| (k.0, k.1, k.2) == (o, s, m))
            .map(|(k, _)| k.3)
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
            Some((given, id)) if given != sum => {
                if self.bounded {
                    let gb = bound::of(self.ds.participants.provenance(id));
                    let sb = bound::of(self.derived.provenance(how));
                    if overlap((given, gb), (sum, sb)) {
                        return None;
                    }
                }
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

    /// The given figure of a key whose parts add up past 64 bits, with its line and the sum
    /// in 128 bits, so the comparison is made all the same (they cannot be equal).
    fn wide_sum(
        &self,
        (o, p, s, m): (usize, Period, Segment, Measure),
        vals: impl Iterator<Item = i64>,
    ) -> Option<(i64, u64, i128)> {
        let (given, _) = self.ds.participants.get(o, p, s, m)?;
        let sum: i128 = vals.map(i128::from).sum();
        (i128::from(given) != sum).then(|| {
            (
                given,
                self.ds.participants.line(o, p, s, m).unwrap_or(0),
                sum,
            )
        })
    }

    /// The slots of year `y` that every one of `parts` has a figure for (given or derived), and
    /// their sums (`None`: past 64 bits), each part's year read once.
    ///
    /// Figures held in 32 bits are added in 64-bit lanes that cannot overflow (there are
    /// fewer than 2^32 parts, as series ids are 32-bit), the others, held apart, with a check;
    /// no figure is negative (the readers refuse them), so a sum passes 64 bits in this order
    /// exactly when it would added in the parts' order.
    fn year_sums(&self, parts: &[Held], y: i32) -> (u16, [Option<i64>; store::SLOTS]) {
        let mut mask = ALL_SLOTS;
        // Every slot is added, held or not: only those of the mask are read at the end. A
        // slot whose sum passes 64 bits is marked in `past` and stays so.
        let mut narrow = [0u64; store::SLOTS];
        let mut sums = [0i64; store::SLOTS];
        let mut past = 0u16;
        for &h in parts {
            let (gk, gw, gv) = self.ds.participants.year_slots_of(h.given, y);
            let (dk, dw, dv) = self.derived.year_slots_of(h.derived, y);
            mask &= gk | dk;
            if mask == 0 {
                break;
            }
            if gw | dw != 0 {
                // A value held apart: read slot by slot.
                let vals = self.year_values(h, y);
                for (b, v) in vals.into_iter().enumerate() {
                    if let Some(v) = v {
                        let (sum, over) = sums[b].overflowing_add(v);
                        sums[b] = sum;
                        past |= u16::from(over) << b;
                    }
                }
                continue;
            }
            // A given figure first, as `year_values` takes it.
            match (gv, dv) {
                (Some(g), None) => (0..store::SLOTS).for_each(|b| narrow[b] += u64::from(g[b])),
                (None, Some(d)) => (0..store::SLOTS).for_each(|b| narrow[b] += u64::from(d[b])),
                (Some(g), Some(d)) => (0..store::SLOTS).for_each(|b| {
                    let v = if gk & (1 << b) != 0 { g[b] } else { d[b] };
                    narrow[b] += u64::from(v);
                }),
                (None, None) => {}
            }
        }
        let mut out = [None; store::SLOTS];
        for (b, o) in out.iter_mut().enumerate() {
            if past & (1 << b) == 0 {
                *o = i64::try_from(narrow[b])
                    .ok()
                    .and_then(|n| sums[b].checked_add(n));
            }
        }
        (mask, out)
    }

    /// Stores the sums of a year at once where nothing is to be checked or kept apart: no
    /// row is read one way of two or bounded, the key has no figure of its own in that year,
    /// given or derived, and no sum passes 64 bits. False when the year needs the slot by
    /// slot path.
    fn store_sums(
        &mut self,
        (o, s, m, y): (usize, Segment, Measure, i32),
        mask: u16,
        sums: &[Option<i64>; store::SLOTS],
        how: u32,
    ) -> bool {
        let plain = !self.doubtful
            && !self.bounded
            && self.ds.participants.known(o, s, m, y) == 0
            && self.derived.known(o, s, m, y) == 0
            && (0..store::SLOTS).all(|b| mask & (1 << b) == 0 || sums[b].is_some());
        if !plain {
            return false;
        }
        let id = self.derived.series_for(o, Program::All, s, m);
        if !self.derived.insert_year(id, y, mask, sums, how) {
            for b in (0..store::SLOTS).filter(|b| mask & (1 << b) != 0) {
                // The key has no derived figure in the year, so none is a duplicate.
                let _ = self
                    .derived
                    .insert_id(id, store::period(y, b), sums[b], how, None);
            }
        }
        true
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
        let how = self.derived.intern(derivation(Derivation::SumOf {
            n: kids.len(),
            level,
        }));
        let mut found = Vec::new();
        let mut years = Vec::new();
        for &s in Segment::ALL {
            for &m in Measure::ALL {
                let held: Vec<Held> = kids.iter().map(|&k| self.held(k, s, m)).collect();
                self.years_of(&held, &mut years);
                for &y in &years {
                    let (mask, sums) = self.year_sums(&held, y);
                    if !self.unmade.is_empty() && mask != ALL_SLOTS {
                        let parts: Vec<(Part, usize, Segment)> =
                            kids.iter().map(|&k| (Part::Office(k), k, s)).collect();
                        let how = Derivation::SumOf {
                            n: kids.len(),
                            level,
                        };
                        self.unmade_above((o, s, m, y), &parts, mask, how);
                    }
                    if mask == 0 || self.store_sums((o, s, m, y), mask, &sums, how) {
                        continue;
                    }
                    // Each child's year read once, not once a slot.
                    let kid_years: Vec<[Option<i64>; store::SLOTS]> =
                        held.iter().map(|&h| self.year_values(h, y)).collect();
                    for b in (0..store::SLOTS).filter(|b| mask & (1 << b) != 0) {
                        let p = store::period(y, b);
                        // A given figure that its children's sum contradicts.
                        let disagrees = |line, given: String, sum: String| Finding {
                            file: "participants.csv",
                            column: None,
                            line,
                            message: Note::new(
                                "{} {} {} {} is {}, but its {} {} add up to {}",
                                vec![
                                    self.ds.offices[o].code.clone(),
                                    p.to_string(),
                                    s.to_string(),
                                    m.to_string(),
                                    given,
                                    kids.len().to_string(),
                                    level_word(level, kids.len()).into(),
                                    sum,
                                ],
                            )
                            .terms_at(&[2, 3, 6]),
                        };
                        let vals = kid_years.iter().map(|v| v[b].unwrap_or(0));
                        let Some(sum) = calc::checked_sum(vals.clone()) else {
                            if let Some((given, line, sum)) = self.wide_sum((o, p, s, m), vals) {
                                found.push((
                                    (p, s, m),
                                    disagrees(line, given.to_string(), sum.to_string()),
                                ));
                                continue;
                            }
                            found.push((
                                (p, s, m),
                                Finding {
                                    file: "participants.csv",
                                    column: None,
                                    line: self.ds.participants.line(o, p, s, m).unwrap_or(0),
                                    message: Note::new(
                                        "{} {} {} {}: its {} {} add up past the 64-bit limit, so no sum is made",
                                        vec![
                                            self.ds.offices[o].code.clone(),
                                            p.to_string(),
                                            s.to_string(),
                                            m.to_string(),
                                            kids.len().to_string(),
                                            level_word(level, kids.len()).into(),
                                        ],
                                    )
                                    .terms_at(&[2, 3, 5]),
                                },
                            ));
                            let why = Derivation::SumOf {
                                n: kids.len(),
                                level,
                            };
                            self.not_made_past_limit((o, p, s, m), why);
                            continue;
                        };
                        let parts = kids.iter().map(|&k| (k, p, s, m));
                        let Some(how) = self.how_of(how, parts.clone()) else {
                            let why = Derivation::SumOf {
                                n: kids.len(),
                                level,
                            };
                            self.not_made((o, p, s, m), why, parts.map(|k| (Part::Office(k.0), k)));
                            continue;
                        };
                        if let Some((given, line)) = self.derive((o, p, s, m), sum, how) {
                            found.push((
                                (p, s, m),
                                disagrees(line, given.to_string(), sum.to_string()),
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
        let how = self.derived.intern(derivation(Derivation::Segments));
        let mut found = Vec::new();
        let mut years = Vec::new();
        for &m in Measure::ALL {
            let held: Vec<Held> = Segment::PARTS.iter().map(|&s| self.held(o, s, m)).collect();
            self.years_of(&held, &mut years);
            for &y in &years {
                let (mask, sums) = self.year_sums(&held, y);
                if !self.unmade.is_empty() && mask != ALL_SLOTS {
                    let parts: Vec<(Part, usize, Segment)> = Segment::PARTS
                        .iter()
                        .map(|&s| (Part::Segment(s), o, s))
                        .collect();
                    self.unmade_above((o, Segment::All, m, y), &parts, mask, Derivation::Segments);
                }
                if mask == 0 || self.store_sums((o, Segment::All, m, y), mask, &sums, how) {
                    continue;
                }
                // Each segment's year read once, not once a slot.
                let parts: Vec<[Option<i64>; store::SLOTS]> =
                    held.iter().map(|&h| self.year_values(h, y)).collect();
                for b in (0..store::SLOTS).filter(|b| mask & (1 << b) != 0) {
                    let p = store::period(y, b);
                    // A given `all` figure that the sum of its segments contradicts.
                    let disagrees = |line, given: String, sum: String| Finding {
                        file: "participants.csv",
                        column: None,
                        line,
                        message: Note::new(
                            "{} {} {}: all segments is {}, but pu + bpu + jakon + pmi = {}",
                            vec![
                                self.ds.offices[o].code.clone(),
                                p.to_string(),
                                m.to_string(),
                                given,
                                sum,
                            ],
                        )
                        .term_at(2),
                    };
                    let vals = parts.iter().map(|v| v[b].unwrap_or(0));
                    let Some(sum) = calc::checked_sum(vals.clone()) else {
                        let key = (o, p, Segment::All, m);
                        if let Some((given, line, sum)) = self.wide_sum(key, vals) {
                            found.push((
                                (p, m),
                                disagrees(line, given.to_string(), sum.to_string()),
                            ));
                            continue;
                        }
                        found.push(((p, m), Finding {
                            file: "participants.csv",
                            column: None,
                            line: self.ds.participants.line(o, p, Segment::All, m).unwrap_or(0),
                            message: Note::new(
                                "{} {} {}: pu + bpu + jakon + pmi add up past the 64-bit limit, so no sum is made",
                                vec![self.ds.offices[o].code.clone(), p.to_string(), m.to_string()],
                            )
                            .term_at(2),
                        }));
                        self.not_made_past_limit((o, p, Segment::All, m), Derivation::Segments);
                        continue;
                    };
                    let parts = Segment::PARTS.iter().map(|&s| (o, p, s, m));
                    let Some(how) = self.how_of(how, parts.clone()) else {
                        let parts = parts.map(|k| (Part::Segment(k.2), k));
                        self.not_made((o, p, Segment::All, m), Derivation::Segments, parts);
                        continue;
                    };
                    if let Some((given, line)) = self.derive((o, p, Segment::All, m), sum, how) {
                        found.push(((p, m), disagrees(line, given.to_string(), sum.to_string())));
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
                let figs: Option<Vec<&Fig>> = kids
                    .iter()
                    .map(|&k| self.workforce.get(&(k, period, measure)))
                    .collect();
                let Some(figs) = figs else {
                    continue;
                };
                let key = (o, period, measure);
                let Some(sum) = calc::checked_sum(figs.iter().map(|f| f.value)) else {
                    if !self.workforce.contains_key(&key) {
                        let how = Derivation::SumOf {
                            n: kids.len(),
                            level,
                        };
                        self.unmade_workforce
                            .entry((o, measure, period))
                            .or_insert(Unmade::past_limit(how));
                    }
                    continue;
                };
                // A sum of bounds is a bound; one of a lower and an upper bound is no figure.
                let bound = figs
                    .iter()
                    .try_fold(Bound::Exact, |b, f| bound::sum(b, f.bound()));
                let Some(bound) = bound else {
                    // No figure, but kept with its parts so a ratio resting on it says why;
                    // a given figure stands as it is.
                    if !self.workforce.contains_key(&key) {
                        let mut why = Unmade::new(Derivation::SumOf {
                            n: kids.len(),
                            level,
                        });
                        for (&k, f) in kids.iter().zip(&figs) {
                            match f.bound() {
                                Bound::AtLeast | Bound::AtLeastAbout => {
                                    why.lower.push((Part::Office(k), (*f).clone()))
                                }
                                Bound::AtMost | Bound::AtMostAbout => {
                                    why.upper.push((Part::Office(k), (*f).clone()))
                                }
                                Bound::Exact | Bound::About => {}
                            }
                        }
                        self.unmade_workforce
                            .entry((o, measure, period))
                            .or_insert(why);
                    }
                    continue;
                };
                done.insert((period, measure));
                // A sum made from the next level down replaces one not made from this one.
                self.unmade_workforce.remove(&(o, measure, period));
                match self.workforce.get(&key) {
                    Some(given)
                        if !given.derived
                            && given.value != sum
                            && !overlap((given.value, given.bound()), (sum, bound)) =>
                    {
                        self.findings.push(Finding {
                            file: "workforce.csv",
                            column: None,
                            line: lines.get(&key).copied().unwrap_or(0),
                            message: Note::new(
                                "{} {} {} is {}, but its {} {} add up to {}",
                                vec![
                                    self.ds.offices[o].code.clone(),
                                    period.to_string(),
                                    measure.to_string(),
                                    given.value.to_string(),
                                    kids.len().to_string(),
                                    level_word(level, kids.len()).into(),
                                    sum.to_string(),
                                ],
                            )
                            .terms_at(&[2, 5]),
                        })
                    }
                    Some(_) => {}
                    None => {
                        let mut f = Fig::derived(
                            sum,
                            Derivation::SumOf {
                                n: kids.len(),
                                level,
                            },
                        );
                        f.bound_column = (bound != Bound::Exact).then_some(bound);
                        self.workforce.insert(key, f);
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
            let get = |m| self.workforce.get(&(o, p, m)).map(|f| (f.value, f.bound()));
            let (Some((emp, eb)), Some((formal, fb))) = (
                get(WorkforceMeasure::Employed),
                get(WorkforceMeasure::Formal),
            ) else {
                continue;
            };
            let key = (o, p, WorkforceMeasure::Informal);
            // Formal workers cannot outnumber the employed: named only where the bounds leave
            // no way for them not to.
            if formal > emp && !overlap((formal, fb), (emp, eb)) {
                self.findings.push(Finding {
                    file: "workforce.csv",
                    column: None,
                    line: lines
                        .get(&(o, p, WorkforceMeasure::Formal))
                        .copied()
                        .unwrap_or(0),
                    message: Note::new(
                        "{} {}: formal workers ({}) exceed the employed ({})",
                        vec![
                            self.ds.offices[o].code.clone(),
                            p.to_string(),
                            formal.to_string(),
                            emp.to_string(),
                        ],
                    ),
                });
                continue;
            }
            // employed - formal: a bound as a difference of bounds are, or no figure.
            let bound = bound::difference(eb, fb);
            match self.workforce.get(&key) {
                // Bounded figures need not add up to the digit: named only where all are exact.
                Some(given)
                    if !given.derived
                        && given.value + formal != emp
                        && [eb, fb, given.bound()].iter().all(|&b| b == Bound::Exact) =>
                {
                    self.findings.push(Finding {
                        file: "workforce.csv",
                        column: None,
                        line: lines.get(&key).copied().unwrap_or(0),
                        message: Note::new(
                            "{} {}: formal {} + informal {} does not equal employed {}",
                            vec![
                                self.ds.offices[o].code.clone(),
                                p.to_string(),
                                formal.to_string(),
                                given.value.to_string(),
                                emp.to_string(),
                            ],
                        ),
                    })
                }
                Some(_) => {}
                None => {
                    let Some(bound) = bound else {
                        // Kept with what pulls each way, so a ratio resting on it says why:
                        // employed pulls the difference as it is bounded, formal the other way.
                        let e = self.workforce[&(o, p, WorkforceMeasure::Employed)].clone();
                        let fm = self.workforce[&(o, p, WorkforceMeasure::Formal)].clone();
                        let mut why = Unmade::new(Derivation::EmployedLessFormal);
                        let lower = |b: Bound| matches!(b, Bound::AtLeast | Bound::AtLeastAbout);
                        let upper = |b: Bound| matches!(b, Bound::AtMost | Bound::AtMostAbout);
                        let part = |m| Part::Workforce(m);
                        if lower(eb) {
                            why.lower.push((part(WorkforceMeasure::Employed), e));
                        } else if upper(eb) {
                            why.upper.push((part(WorkforceMeasure::Employed), e));
                        }
                        if upper(fb) {
                            why.lower.push((part(WorkforceMeasure::Formal), fm));
                        } else if lower(fb) {
                            why.upper.push((part(WorkforceMeasure::Formal), fm));
                        }
                        self.unmade_workforce
                            .entry((o, WorkforceMeasure::Informal, p))
                            .or_insert(why);
                        continue;
                    };
                    let mut f = Fig::derived(emp - formal, Derivation::EmployedLessFormal);
                    f.bound_column = (bound != Bound::Exact).then_some(bound);
                    self.workforce.insert(key, f);
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
            .map(|(v, id)| Fig::from_store(v, self.derived.provenance(id)))
    }

    /// [`Index::participant`]'s value and source, borrowed.
    pub fn participant_ref(
        &self,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<(i64, &str)> {
        if let Some((v, id)) = self.ds.participants.get(o, p, s, m) {
            return Some((v, &self.ds.participants.provenance(id).source));
        }
        self.derived
            .get(o, p, s, m)
            .map(|(v, id)| (v, self.derived.provenance(id).source.as_str()))
    }

    /// The comparable period one year before `p` with a figure (a year end may be written
    /// `2022` or `2022-12`), and its value.
    pub(super) fn year_before_value(
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

impl Index<'_> {
    /// A figure of any program, given or derived.
    pub fn participant_in(
        &self,
        pr: Program,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<Fig> {
        match pr {
            Program::All => self.participant(o, p, s, m),
            _ => self.programs.fig(self.ds, (o, pr, p, s, m)),
        }
    }

    /// Every period with a figure for a series of any program.
    pub fn periods_in(&self, pr: Program, o: usize, s: Segment, m: Measure) -> Vec<Period> {
        match pr {
            Program::All => self.periods(o, s, m),
            _ => self.programs.periods(self.ds, o, pr, s, m),
        }
    }

    /// The comparable period one year before `p` with a figure, and its value, in any program.
    pub fn year_before_value_in(
        &self,
        pr: Program,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<(Period, i64)> {
        if pr == Program::All {
            return self.year_before_value(o, p, s, m);
        }
        let before = p.year_before();
        let alt = match before {
            Period::Year(y) => Some(Period::Month(y, 12)),
            Period::Month(y, 12) => Some(Period::Year(y)),
            Period::Month(..) => None,
        };
        std::iter::once(before).chain(alt).find_map(|q| {
            self.programs
                .value(self.ds, (o, pr, q, s, m))
                .map(|v| (q, v))
        })
    }

    /// The comparable figure one year before `p`, in any program.
    pub fn year_before_in(
        &self,
        pr: Program,
        o: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<(Period, Fig)> {
        let (q, _) = self.year_before_value_in(pr, o, p, s, m)?;
        self.participant_in(pr, o, q, s, m).map(|f| (q, f))
    }
}

/// Whether two figures, each with its bound, can be the same number: a given total of "lebih
/// dari 500 ribu" is not contradicted by parts that add up to 505,000, nor a sum of lower
/// bounds by a total above it. An approximate figure (an approximate bound too) contradicts
/// nothing.
pub(super) fn overlap((a, ab): (i64, Bound), (b, bb): (i64, Bound)) -> bool {
    let span = |v: i64, k: Bound| match k {
        Bound::Exact => (Some(v), Some(v)),
        Bound::AtLeast => (Some(v), None),
        Bound::AtMost => (None, Some(v)),
        Bound::About | Bound::AtLeastAbout | Bound::AtMostAbout => (None, None),
    };
    let ((alo, ahi), (blo, bhi)) = (span(a, ab), span(b, bb));
    let lo = alo.max(blo);
    let hi = match (ahi, bhi) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match (lo, hi) {
        (Some(l), Some(h)) => l <= h,
        _ => true,
    }
}
