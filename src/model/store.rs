//! Participant figures held compactly. A data set of monthly rows runs to millions of rows, so
//! figures are kept per series (office, segment, measure) and year in thirteen slots (the
//! months and the whole year) with bitmaps saying which are present: memory grows with
//! offices x segments x measures x years, not with rows, and a duplicate key is a bit already set.

use std::collections::HashMap;

use super::codes::{Measure, Period, Program, Provenance, Segment};

/// The slot key is `((program * offices + office) * SEGMENTS + segment) * MEASURES + measure`:
/// one slot per code, so a code added to an enum widens the key instead of sharing the next
/// office's slots. Program `all` comes first, so a file without programs keeps the key (and
/// the memory) it had before programs were counted.
const SEGMENTS: usize = Segment::ALL.len();
const MEASURES: usize = Measure::ALL.len();
const PROGRAMS: usize = Program::ALL.len();

/// The place of a program in the key: `all` first, then the programs in code order.
const fn program_slot(p: Program) -> usize {
    (p as usize + 1) % PROGRAMS
}

// Each code's discriminant must be its place in `ALL`, below the count the key multiplies by.
const _: () = {
    let mut i = 0;
    while i < SEGMENTS {
        assert!(Segment::ALL[i] as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < MEASURES {
        assert!(Measure::ALL[i] as usize == i);
        i += 1;
    }
    // Program `all` is the last code, so its slot is 0 and every program has its own slot.
    let mut i = 0;
    while i < PROGRAMS {
        assert!(Program::ALL[i] as usize == i);
        assert!(program_slot(Program::ALL[i]) == (i + 1) % PROGRAMS);
        i += 1;
    }
    assert!(program_slot(Program::All) == 0);
};

/// The slots of one year: the twelve months (slots 0-11), then the whole year.
pub const SLOTS: usize = 13;
/// Slot of a whole-year figure.
pub const YEAR_SLOT: usize = SLOTS - 1;

// The slot bitmaps are u16.
const _: () = assert!(SLOTS <= u16::BITS as usize);

/// The slots of one series in one year. Values that do not fit in 32 bits, or whose provenance
/// differs from the year's first, live in [`Participants::wide`] (flagged in `wide`).
#[derive(Debug, Clone, Default)]
struct Year {
    /// A row was read for the slot (its value may be unknown).
    seen: u16,
    /// The slot's value is known.
    known: u16,
    wide: u16,
    prov: u32,
    vals: [u32; SLOTS],
}

/// The slot of a period within its year.
pub fn slot(p: Period) -> usize {
    match p {
        Period::Month(_, m) => usize::from(m) - 1,
        Period::Year(_) => YEAR_SLOT,
    }
}

/// The period of slot `slot` of year `year`.
pub fn period(year: i32, slot: usize) -> Period {
    if slot == YEAR_SLOT {
        Period::Year(year)
    } else {
        Period::Month(year, slot as u8 + 1)
    }
}

/// Which office, program, segment and measure a series is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesKey {
    pub office: usize,
    pub segment: Segment,
    pub measure: Measure,
    pub program: Program,
}

/// Every participant figure of a data set (or every derived one, for an index).
///
/// Slots are laid out year by year, each year a block indexed by series: rows arrive month by
/// month for every office in turn, so the loader walks each block in order instead of jumping
/// between per-series allocations (measured: the difference between fitting the cache or not).
#[derive(Debug, Clone, Default)]
pub struct Participants {
    provs: Vec<Provenance>,
    prov_ix: HashMap<Provenance, u32>,
    series: Vec<SeriesKey>,
    /// The key of a series (see [`SEGMENTS`]) -> series index + 1 (0: none yet).
    by_key: Vec<u32>,
    /// Offices the key is laid out for (every office index is below it).
    offices: usize,
    first_year: i32,
    /// `blocks[y - first_year][series]`.
    blocks: Vec<Vec<Year>>,
    /// By series: bit `i` set when year `first_year + i` has a known value, so a series'
    /// years are read without visiting every year's block. Kept while the years span at most
    /// 64 ([`Participants::years_known_exact`]).
    years_known: Vec<u64>,
    /// The bits of `years_known` are the years (else they are unused).
    years_known_exact: bool,
    wide: HashMap<(u32, Period), (i64, u32)>,
    /// Lines of the figures a roll-up is checked against (offices with children, segment all)
    /// and of those with a published text, which `validate` checks the value against.
    lines: HashMap<(u32, Period), u64>,
    /// The 1-based column of `value` in the file read (0: not read from a file).
    pub value_column: usize,
    /// Rows read, including those with an unknown value.
    pub rows: usize,
    /// Series a year's block is made with room for (see [`Participants::expect_series`]).
    room: usize,
}

/// Why a figure could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate;

impl Participants {
    pub fn new(offices: usize) -> Self {
        Participants {
            by_key: vec![0; offices * SEGMENTS * MEASURES],
            offices,
            years_known_exact: true,
            ..Participants::default()
        }
    }

    /// The id of a provenance, the same for equal ones.
    pub fn intern(&mut self, p: Provenance) -> u32 {
        if let Some(&i) = self.prov_ix.get(&p) {
            return i;
        }
        let i = self.provs.len() as u32;
        self.provs.push(p.clone());
        self.prov_ix.insert(p, i);
        i
    }

    /// True when some row is read one way of two.
    pub fn any_uncertain(&self) -> bool {
        self.provs.iter().any(|p| p.uncertain)
    }

    pub fn provenance(&self, id: u32) -> &Provenance {
        &self.provs[id as usize]
    }

    /// Every distinct provenance, by id.
    pub fn provenances(&self) -> &[Provenance] {
        &self.provs
    }

    fn key(&self, office: usize, pr: Program, s: Segment, m: Measure) -> usize {
        ((program_slot(pr) * self.offices + office) * SEGMENTS + s as usize) * MEASURES + m as usize
    }

    fn series_id(&self, office: usize, pr: Program, s: Segment, m: Measure) -> Option<u32> {
        match self.by_key.get(self.key(office, pr, s, m)) {
            Some(&id) if id > 0 => Some(id - 1),
            _ => None,
        }
    }

    #[inline]
    fn year(&self, id: u32, y: i32) -> Option<&Year> {
        let i = usize::try_from(y.checked_sub(self.first_year)?).ok()?;
        self.blocks.get(i)?.get(id as usize)
    }

    #[inline]
    fn year_mut(&mut self, id: u32, y: i32) -> &mut Year {
        // Mostly the block is there and holds the series already.
        let i = y.wrapping_sub(self.first_year) as usize;
        if y >= self.first_year && i < self.blocks.len() && (id as usize) < self.blocks[i].len() {
            return &mut self.blocks[i][id as usize];
        }
        self.year_mut_new(id, y)
    }

    /// [`Participants::year_mut`] where the year's block or the series' place in it is new.
    #[cold]
    #[inline(never)]
    fn year_mut_new(&mut self, id: u32, y: i32) -> &mut Year {
        let series = self.series.len();
        let room = self.room;
        let block = self.block_mut(y);
        if block.is_empty() {
            block.reserve_exact(room);
        }
        if block.len() <= id as usize {
            // Every series known so far: most will have this year too.
            block.resize(series.max(id as usize + 1), Year::default());
        }
        &mut block[id as usize]
    }

    /// The block of year `y`, the years kept widened to hold it.
    fn block_mut(&mut self, y: i32) -> &mut Vec<Year> {
        if self.blocks.is_empty() {
            self.first_year = y;
        } else if y < self.first_year {
            let add = (self.first_year - y) as usize;
            self.years_known_exact &= self.blocks.len() + add <= 64;
            if self.years_known_exact {
                for bits in &mut self.years_known {
                    *bits <<= add;
                }
            }
            self.blocks
                .splice(0..0, std::iter::repeat_n(Vec::new(), add));
            self.first_year = y;
        }
        let i = (y - self.first_year) as usize;
        if i >= self.blocks.len() {
            self.blocks.resize(i + 1, Vec::new());
            self.years_known_exact &= self.blocks.len() <= 64;
        }
        &mut self.blocks[i]
    }

    /// Makes each year's block with room for `n` series: a store whose series are made one
    /// at a time and that knows about how many it will hold then holds no more room than
    /// that, where its blocks would otherwise grow by doubling. A guess: more series still fit.
    pub fn expect_series(&mut self, n: usize) {
        self.room = n;
    }

    /// The id of a series, made when it is new.
    #[inline]
    fn series_id_or_new(&mut self, key: SeriesKey) -> u32 {
        let k = self.key(key.office, key.program, key.segment, key.measure);
        match self.by_key.get(k) {
            Some(&id) if id > 0 => id - 1,
            _ => self.new_series(k, key),
        }
    }

    /// [`Participants::series_id_or_new`] for a series not seen before.
    #[cold]
    #[inline(never)]
    fn new_series(&mut self, k: usize, key: SeriesKey) -> u32 {
        if k >= self.by_key.len() {
            self.by_key.resize(k + 1, 0);
        }
        self.series.push(key);
        self.years_known.push(0);
        self.by_key[k] = self.series.len() as u32;
        self.by_key[k] - 1
    }

    /// The id of a series, made when it is new: for a reader that keeps the ids it has
    /// looked up, with [`Participants::insert_id`].
    #[inline]
    pub fn series_for(&mut self, office: usize, program: Program, s: Segment, m: Measure) -> u32 {
        self.series_id_or_new(SeriesKey {
            office,
            segment: s,
            measure: m,
            program,
        })
    }

    /// Stores `vals` in the slots of year `y` of series `id` that `slots` names, all with
    /// provenance `prov`, as one write for the year: what [`Participants::insert_id`] would
    /// do slot by slot. False, and nothing stored, when the series has a row in that year.
    pub fn insert_year(
        &mut self,
        id: u32,
        y: i32,
        slots: u16,
        vals: &[Option<i64>; SLOTS],
        prov: u32,
    ) -> bool {
        let rec = self.year_mut(id, y);
        if rec.seen != 0 {
            return false;
        }
        let mut known = 0u16;
        let mut wide = 0u16;
        rec.prov = prov;
        for (b, v) in vals.iter().enumerate() {
            let bit = 1u16 << b;
            let Some(v) = v.filter(|_| slots & bit != 0) else {
                continue;
            };
            known |= bit;
            match u32::try_from(v) {
                Ok(small) => rec.vals[b] = small,
                Err(_) => wide |= bit,
            }
        }
        rec.seen = known;
        rec.known = known;
        rec.wide = wide;
        self.rows += known.count_ones() as usize;
        if known != 0 {
            self.mark_year(id, y);
        }
        for b in (0..SLOTS).filter(|b| wide & (1 << b) != 0) {
            if let Some(v) = vals[b] {
                self.wide.insert((id, period(y, b)), (v, prov));
            }
        }
        true
    }

    /// How many series have been made, with or without a known figure: at least as many as
    /// [`Participants::series`] gives.
    pub fn series_made(&self) -> usize {
        self.series.len()
    }

    /// Every series of program `all` with at least one known figure.
    pub fn series(&self) -> impl Iterator<Item = SeriesKey> + '_ {
        self.series_any().filter(|k| k.program == Program::All)
    }

    /// Every series of a program other than `all` with at least one known figure.
    pub fn program_series(&self) -> impl Iterator<Item = SeriesKey> + '_ {
        self.series_any().filter(|k| k.program != Program::All)
    }

    fn series_any(&self) -> impl Iterator<Item = SeriesKey> + '_ {
        self.series
            .iter()
            .enumerate()
            .filter(|&(id, _)| {
                self.blocks
                    .iter()
                    .any(|b| b.get(id).is_some_and(|y| y.known != 0))
            })
            .map(|(_, k)| *k)
    }

    /// Adds one row's figure; `Err` when a row with the same key was added before.
    #[allow(clippy::too_many_arguments)]
    pub fn insert(
        &mut self,
        office: usize,
        p: Period,
        s: Segment,
        m: Measure,
        value: Option<i64>,
        prov: u32,
        line: Option<u64>,
    ) -> Result<(), Duplicate> {
        self.insert_in(Program::All, office, p, s, m, value, prov, line)
    }

    /// [`Participants::insert`] for one program.
    #[allow(clippy::too_many_arguments)]
    pub fn insert_in(
        &mut self,
        pr: Program,
        office: usize,
        p: Period,
        s: Segment,
        m: Measure,
        value: Option<i64>,
        prov: u32,
        line: Option<u64>,
    ) -> Result<(), Duplicate> {
        let id = self.series_id_or_new(SeriesKey {
            office,
            segment: s,
            measure: m,
            program: pr,
        });
        self.insert_id(id, p, value, prov, line)
    }

    /// [`Participants::insert_in`] into the series `id` from [`Participants::series_for`].
    #[inline(always)]
    pub fn insert_id(
        &mut self,
        id: u32,
        p: Period,
        value: Option<i64>,
        prov: u32,
        line: Option<u64>,
    ) -> Result<(), Duplicate> {
        let bit = 1u16 << slot(p);
        let y = self.year_mut(id, p.year());
        if y.seen & bit != 0 {
            return Err(Duplicate);
        }
        if y.seen == 0 {
            y.prov = prov;
        }
        y.seen |= bit;
        let mut wide = None;
        let first_known = value.is_some() && y.known == 0;
        if let Some(v) = value {
            y.known |= bit;
            match u32::try_from(v) {
                Ok(small) if prov == y.prov => y.vals[slot(p)] = small,
                _ => {
                    y.wide |= bit;
                    wide = Some(v);
                }
            }
        }
        self.rows += 1;
        if first_known {
            self.mark_year(id, p.year());
        }
        if let Some(v) = wide {
            self.wide.insert((id, p), (v, prov));
        }
        if let Some(l) = line {
            self.lines.insert((id, p), l);
        }
        Ok(())
    }

    /// Notes that series `id` has a known value in year `y`, whose block is there.
    #[inline]
    fn mark_year(&mut self, id: u32, y: i32) {
        if self.years_known_exact {
            self.years_known[id as usize] |= 1 << (y - self.first_year);
        }
    }

    /// Gives back what the years' blocks hold beyond their series: the first year's grows a
    /// series at a time, to as much as twice its size.
    pub fn shrink(&mut self) {
        for b in &mut self.blocks {
            b.shrink_to_fit();
        }
    }

    /// Numbers the series anew in the order of their offices' `rank` (then program, segment
    /// and measure), moving each year's slots to match: whatever order a file's rows named
    /// the offices in, an office's series then lie side by side, and offices in hierarchy
    /// order follow one another in memory, so a walk down the hierarchy reads each year's
    /// block from start to end instead of leaping across it. The figures, lines and
    /// provenances stay as they are; the years' blocks are moved on up to `threads` threads.
    pub fn reorder(&mut self, rank: &[usize], threads: usize) {
        let n = self.series.len();
        let place = |k: &SeriesKey| {
            (
                rank.get(k.office).copied().unwrap_or(usize::MAX),
                program_slot(k.program),
                k.segment as usize,
                k.measure as usize,
            )
        };
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&i| place(&self.series[i as usize]));
        if order.iter().enumerate().all(|(i, &o)| i as u32 == o) {
            return;
        }
        let mut new_of = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        self.series = order.iter().map(|&o| self.series[o as usize]).collect();
        self.years_known = order
            .iter()
            .map(|&o| self.years_known[o as usize])
            .collect();
        for id in self.by_key.iter_mut().filter(|id| **id > 0) {
            *id = new_of[*id as usize - 1] + 1;
        }
        // Moved in place, cycle by cycle (`order[new]` is the old place): no second copy of
        // the block, whose pages would have to be found and zeroed first.
        let gather = |block: &mut Vec<Year>| {
            if block.is_empty() {
                return;
            }
            block.resize(n, Year::default());
            let mut done = vec![false; n];
            for start in 0..n {
                if done[start] {
                    continue;
                }
                let held = std::mem::take(&mut block[start]);
                let mut j = start;
                loop {
                    done[j] = true;
                    let k = order[j] as usize;
                    if k == start {
                        block[j] = held;
                        break;
                    }
                    block[j] = std::mem::take(&mut block[k]);
                    j = k;
                }
            }
            // A block holds the series up to its last with a row, as one filled in turn would.
            let used = block.iter().rposition(|y| y.seen != 0).map_or(0, |i| i + 1);
            block.truncate(used);
        };
        let per = self.blocks.len().div_ceil(threads.max(1)).max(1);
        std::thread::scope(|s| {
            let mut chunks = self.blocks.chunks_mut(per);
            let first = chunks.next();
            for chunk in chunks {
                s.spawn(|| chunk.iter_mut().for_each(gather));
            }
            if let Some(chunk) = first {
                chunk.iter_mut().for_each(gather);
            }
        });
        fn renumber<V>(m: &mut HashMap<(u32, Period), V>, new_of: &[u32]) {
            *m = std::mem::take(m)
                .into_iter()
                .map(|((id, p), v)| ((new_of[id as usize], p), v))
                .collect();
        }
        renumber(&mut self.wide, &new_of);
        renumber(&mut self.lines, &new_of);
    }

    /// Adds the figures of `later`, read from rows that follow this store's, as if each of
    /// its rows had been inserted here in turn: where both hold a slot the earlier figure
    /// stays and `dup` is told the key. `later`'s lines are counted from `offset`.
    pub fn absorb(
        &mut self,
        mut later: Participants,
        offset: u64,
        mut dup: impl FnMut(SeriesKey, Period),
    ) {
        let provs: Vec<u32> = later.provs.iter().map(|p| self.intern(p.clone())).collect();
        let ids: Vec<u32> = later
            .series
            .iter()
            .map(|&k| self.series_id_or_new(k))
            .collect();
        // Parts of one file mostly name the same series and sources in the same order: then a
        // year that only `later` has moves over whole.
        let same_ids = ids.iter().enumerate().all(|(i, &id)| i as u32 == id)
            && provs.iter().enumerate().all(|(i, &id)| i as u32 == id);
        let mut dups = 0;
        let first_year = later.first_year;
        for (i, block) in std::mem::take(&mut later.blocks).into_iter().enumerate() {
            let y = first_year + i as i32;
            if same_ids && self.block_mut(y).is_empty() {
                for (id, rec) in block.iter().enumerate() {
                    if rec.known != 0 {
                        self.mark_year(id as u32, y);
                    }
                }
                *self.block_mut(y) = block;
                continue;
            }
            for (sid, rec) in block.into_iter().enumerate().filter(|(_, r)| r.seen != 0) {
                let id = ids[sid];
                let here = self.year_mut(id, y);
                if here.seen == 0 {
                    let known = rec.known != 0;
                    *here = Year {
                        prov: provs[rec.prov as usize],
                        ..rec
                    };
                    if known {
                        self.mark_year(id, y);
                    }
                    continue;
                }
                if here.seen & rec.seen == 0
                    && rec.wide == 0
                    && here.prov == provs[rec.prov as usize]
                {
                    // Other slots of the same year from the same source: what a slot by slot
                    // insert would store, at once (a wide slot of `here` stays as it is).
                    let first_known = here.known == 0 && rec.known != 0;
                    for b in (0..SLOTS).filter(|b| rec.known & (1 << b) != 0) {
                        here.vals[b] = rec.vals[b];
                    }
                    here.seen |= rec.seen;
                    here.known |= rec.known;
                    if first_known {
                        self.mark_year(id, y);
                    }
                    continue;
                }
                for b in (0..SLOTS).filter(|b| rec.seen & (1 << b) != 0) {
                    let p = period(y, b);
                    let bit = 1u16 << b;
                    let wide = (rec.wide & bit != 0).then(|| later.wide.remove(&(sid as u32, p)));
                    let (value, prov) = match wide.flatten() {
                        Some((v, pr)) => (Some(v), pr),
                        None => (
                            (rec.known & bit != 0).then_some(rec.vals[b].into()),
                            rec.prov,
                        ),
                    };
                    if self
                        .insert_id(id, p, value, provs[prov as usize], None)
                        .is_err()
                    {
                        dup(later.series[sid], p);
                        dups += 1;
                    } else {
                        self.rows -= 1;
                    }
                }
            }
        }
        // What is left of `later.wide` belongs to years moved or copied whole.
        for ((sid, p), (v, pr)) in later.wide {
            self.wide
                .insert((ids[sid as usize], p), (v, provs[pr as usize]));
        }
        for ((sid, p), l) in later.lines {
            // A duplicate keeps the earlier line.
            self.lines
                .entry((ids[sid as usize], p))
                .or_insert(l + offset);
        }
        self.rows += later.rows - dups;
    }

    /// Which slots of year `y` have a known value (bit 0 January ... bit 12 the whole year).
    pub fn known(&self, office: usize, s: Segment, m: Measure, y: i32) -> u16 {
        self.known_in(Program::All, office, s, m, y)
    }

    /// [`Participants::known`] for one program.
    pub fn known_in(&self, pr: Program, office: usize, s: Segment, m: Measure, y: i32) -> u16 {
        self.known_of(self.series_id(office, pr, s, m), y)
    }

    /// The id of a series of program `all`, where it has been made: for a reader of many
    /// years of one series, which then looks its key up once (the `_of` readers below).
    pub fn id(&self, office: usize, s: Segment, m: Measure) -> Option<u32> {
        self.series_id(office, Program::All, s, m)
    }

    /// [`Participants::known`] of the series `id` (`None`: a series not made, so nothing).
    #[inline]
    pub fn known_of(&self, id: Option<u32>, y: i32) -> u16 {
        id.and_then(|id| self.year(id, y)).map_or(0, |y| y.known)
    }

    /// The years with a known value in the series, in order.
    pub fn years(&self, office: usize, s: Segment, m: Measure) -> Vec<i32> {
        self.years_in(Program::All, office, s, m)
    }

    /// [`Participants::years`] for one program.
    pub fn years_in(&self, pr: Program, office: usize, s: Segment, m: Measure) -> Vec<i32> {
        let mut years = Vec::new();
        self.add_years(pr, office, s, m, &mut years);
        years
    }

    /// The years of [`Participants::years_in`], in order, added to the end of `years`.
    pub fn add_years(
        &self,
        pr: Program,
        office: usize,
        s: Segment,
        m: Measure,
        years: &mut Vec<i32>,
    ) {
        self.add_years_of(self.series_id(office, pr, s, m), years);
    }

    /// [`Participants::add_years`] of the series `id`.
    pub fn add_years_of(&self, id: Option<u32>, years: &mut Vec<i32>) {
        let Some(id) = id else {
            return;
        };
        if self.years_known_exact {
            let mut bits = self.years_known[id as usize];
            years.reserve(bits.count_ones() as usize);
            while bits != 0 {
                years.push(self.first_year + bits.trailing_zeros() as i32);
                bits &= bits - 1;
            }
            return;
        }
        years.extend(
            (0..self.blocks.len())
                .filter(|&i| {
                    self.blocks[i]
                        .get(id as usize)
                        .is_some_and(|y| y.known != 0)
                })
                .map(|i| self.first_year + i as i32),
        );
    }

    /// A known figure and its provenance id.
    pub fn get(&self, office: usize, p: Period, s: Segment, m: Measure) -> Option<(i64, u32)> {
        self.get_in(Program::All, office, p, s, m)
    }

    /// [`Participants::get`] for one program.
    pub fn get_in(
        &self,
        pr: Program,
        office: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<(i64, u32)> {
        let id = self.series_id(office, pr, s, m)?;
        let y = self.year(id, p.year())?;
        let bit = 1u16 << slot(p);
        if y.known & bit == 0 {
            None
        } else if y.wide & bit != 0 {
            self.wide.get(&(id, p)).copied()
        } else {
            Some((i64::from(y.vals[slot(p)]), y.prov))
        }
    }

    /// The known values of one series' year, slot by slot, as [`Participants::get`] gives
    /// them: one look-up for the thirteen.
    pub fn year_values(
        &self,
        office: usize,
        s: Segment,
        m: Measure,
        y: i32,
    ) -> [Option<i64>; SLOTS] {
        self.year_values_of(self.series_id(office, Program::All, s, m), y)
    }

    /// [`Participants::year_values`] of the series `id`.
    pub fn year_values_of(&self, id: Option<u32>, y: i32) -> [Option<i64>; SLOTS] {
        let mut out = [None; SLOTS];
        let Some(id) = id else {
            return out;
        };
        let Some(rec) = self.year(id, y) else {
            return out;
        };
        for (b, v) in out.iter_mut().enumerate() {
            let bit = 1u16 << b;
            if rec.known & bit == 0 {
                continue;
            }
            *v = if rec.wide & bit != 0 {
                self.wide.get(&(id, period(y, b))).map(|w| w.0)
            } else {
                Some(i64::from(rec.vals[b]))
            };
        }
        out
    }

    /// One series' year as it is held: which slots are known, which of those are held apart
    /// (`wide`), and the values of the others, for reading many years quickly.
    #[inline]
    pub fn year_slots_of(&self, id: Option<u32>, y: i32) -> (u16, u16, Option<&[u32; SLOTS]>) {
        match id.and_then(|id| self.year(id, y)) {
            Some(rec) => (rec.known, rec.wide, Some(&rec.vals)),
            None => (0, 0, None),
        }
    }

    /// The line a figure was read on, kept for offices with children, for segment `all` and
    /// for a figure with a published text.
    pub fn line(&self, office: usize, p: Period, s: Segment, m: Measure) -> Option<u64> {
        self.line_in(Program::All, office, p, s, m)
    }

    /// [`Participants::line`] for one program.
    pub fn line_in(
        &self,
        pr: Program,
        office: usize,
        p: Period,
        s: Segment,
        m: Measure,
    ) -> Option<u64> {
        let id = self.series_id(office, pr, s, m)?;
        self.lines.get(&(id, p)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_keep_values_provenance_and_duplicates() {
        let mut p = Participants::new(2);
        let a = p.intern(Provenance {
            source: "a".into(),
            ..Provenance::default()
        });
        let b = p.intern(Provenance {
            source: "b".into(),
            ..Provenance::default()
        });
        let (pu, act) = (Segment::Pu, Measure::Active);
        assert_eq!(
            p.insert(1, Period::Month(2023, 8), pu, act, Some(7), a, None),
            Ok(())
        );
        // Ten billion does not fit in 32 bits; a second source differs from the year's first.
        let big = 10_000_000_000;
        p.insert(1, Period::Year(2023), pu, act, Some(big), a, Some(9))
            .unwrap();
        p.insert(1, Period::Month(2023, 9), pu, act, Some(8), b, None)
            .unwrap();
        p.insert(1, Period::Month(2021, 1), pu, act, None, a, None)
            .unwrap();
        assert_eq!(
            p.insert(1, Period::Month(2023, 8), pu, act, Some(1), a, None),
            Err(Duplicate)
        );
        assert_eq!(p.get(1, Period::Month(2023, 8), pu, act), Some((7, a)));
        assert_eq!(p.get(1, Period::Year(2023), pu, act), Some((big, a)));
        assert_eq!(p.get(1, Period::Month(2023, 9), pu, act), Some((8, b)));
        assert_eq!(p.get(1, Period::Month(2021, 1), pu, act), None);
        assert_eq!(p.get(0, Period::Month(2023, 8), pu, act), None);
        assert_eq!(p.line(1, Period::Year(2023), pu, act), Some(9));
        assert_eq!(p.rows, 4);
        assert_eq!(p.years(1, pu, act), [2023]);
        assert_eq!(p.known(1, pu, act, 2023), 1 << 7 | 1 << 8 | 1 << 12);
        assert_eq!(p.known(1, pu, act, 2021), 0);
        assert_eq!(p.series().count(), 1);
    }

    #[test]
    fn programs_have_their_own_slots() {
        let mut p = Participants::new(2);
        let (pu, act, y) = (Segment::Pu, Measure::Active, Period::Year(2023));
        let before = p.by_key.len();
        p.insert(1, y, pu, act, Some(10), 0, None).unwrap();
        assert_eq!(
            p.by_key.len(),
            before,
            "program all keeps the layout without programs"
        );
        p.insert_in(Program::Jkp, 1, y, pu, act, Some(4), 0, None)
            .unwrap();
        p.insert_in(Program::Jht, 0, y, pu, act, Some(3), 0, None)
            .unwrap();
        assert_eq!(
            p.insert_in(Program::Jkp, 1, y, pu, act, Some(5), 0, None),
            Err(Duplicate)
        );
        assert_eq!(p.get(1, y, pu, act), Some((10, 0)));
        assert_eq!(p.get_in(Program::Jkp, 1, y, pu, act), Some((4, 0)));
        assert_eq!(p.get_in(Program::Jht, 1, y, pu, act), None);
        assert_eq!(p.get_in(Program::Jht, 0, y, pu, act), Some((3, 0)));
        assert_eq!(p.get(0, y, pu, act), None);
        assert_eq!(p.series().count(), 1);
        assert_eq!(p.program_series().count(), 2);
    }

    #[test]
    fn years_are_listed_in_order_however_they_arrive() {
        let (pu, act) = (Segment::Pu, Measure::Active);
        let mut p = Participants::new(1);
        // An unknown value has no year; earlier years widen the blocks in front.
        p.insert(0, Period::Month(2020, 3), pu, act, None, 0, None)
            .unwrap();
        assert_eq!(p.years(0, pu, act), Vec::<i32>::new());
        for y in [2020, 2010, 2030, 2010] {
            let _ = p.insert(0, Period::Year(y), pu, act, Some(1), 0, None);
        }
        assert_eq!(p.years(0, pu, act), vec![2010, 2020, 2030]);
        // A span of more than 64 years, at each end.
        p.insert(0, Period::Year(1950), pu, act, Some(1), 0, None)
            .unwrap();
        p.insert(0, Period::Year(2099), pu, act, Some(1), 0, None)
            .unwrap();
        assert_eq!(p.years(0, pu, act), vec![1950, 2010, 2020, 2030, 2099]);
        // Years moved over from a later part keep their place.
        let mut q = Participants::new(1);
        q.insert(0, Period::Year(2024), pu, act, Some(1), 0, None)
            .unwrap();
        let mut later = Participants::new(1);
        later
            .insert(0, Period::Year(2022), pu, act, Some(2), 0, None)
            .unwrap();
        later
            .insert(0, Period::Year(2026), pu, act, Some(3), 0, None)
            .unwrap();
        q.absorb(later, 0, |_, _| panic!("no duplicate"));
        assert_eq!(q.years(0, pu, act), vec![2022, 2024, 2026]);
        assert_eq!(q.get(0, Period::Year(2026), pu, act), Some((3, 0)));
    }
    #[test]
    fn reordered_series_keep_their_figures_lines_and_years() {
        let (pu, bpu, act, new) = (Segment::Pu, Segment::Bpu, Measure::Active, Measure::New);
        // Three offices whose rows come in the order 2, 0, 1; the hierarchy ranks them 0, 1, 2.
        let mut p = Participants::new(3);
        let feb = Period::Month(2021, 2);
        p.insert(2, feb, pu, act, Some(30), 0, Some(2)).unwrap();
        p.insert(0, feb, bpu, new, Some(5_000_000_000), 0, Some(3))
            .unwrap();
        p.insert(0, feb, pu, act, Some(10), 0, None).unwrap();
        p.insert(1, Period::Year(2019), pu, act, Some(20), 0, Some(5))
            .unwrap();
        p.insert_in(Program::Jht, 2, feb, pu, act, Some(7), 0, None)
            .unwrap();
        let before = p.series_made();
        p.reorder(&[0, 1, 2], 2);
        assert_eq!(p.series_made(), before);
        // By office, then program (`all` first), segment and measure.
        let keys: Vec<(usize, Program, Segment, Measure)> = p
            .series
            .iter()
            .map(|k| (k.office, k.program, k.segment, k.measure))
            .collect();
        assert_eq!(
            keys,
            vec![
                (0, Program::All, pu, act),
                (0, Program::All, bpu, new),
                (1, Program::All, pu, act),
                (2, Program::All, pu, act),
                (2, Program::Jht, pu, act),
            ]
        );
        assert_eq!(p.get(2, feb, pu, act), Some((30, 0)));
        assert_eq!(p.get(0, feb, bpu, new), Some((5_000_000_000, 0)));
        assert_eq!(p.get(0, feb, pu, act), Some((10, 0)));
        assert_eq!(p.get(1, Period::Year(2019), pu, act), Some((20, 0)));
        assert_eq!(p.get_in(Program::Jht, 2, feb, pu, act), Some((7, 0)));
        assert_eq!(p.line(2, feb, pu, act), Some(2));
        assert_eq!(p.line(0, feb, bpu, new), Some(3));
        assert_eq!(p.line(1, Period::Year(2019), pu, act), Some(5));
        assert_eq!(p.line(0, feb, pu, act), None);
        assert_eq!(p.years(1, pu, act), vec![2019]);
        assert_eq!(p.years(0, pu, act), vec![2021]);
        // A duplicate is still found after the move, and a new series still has a place.
        assert!(p.insert(2, feb, pu, act, Some(1), 0, None).is_err());
        p.insert(1, feb, bpu, act, Some(4), 0, None).unwrap();
        assert_eq!(p.get(1, feb, bpu, act), Some((4, 0)));
    }
}
