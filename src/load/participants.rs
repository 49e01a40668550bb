//! participants.csv: read row by row into the compact store.

use std::collections::{HashMap, HashSet};
use std::fs::File;

use super::cut;
use super::files::{ReadOptions, PARTICIPANTS};
use super::offices::OfficeIndex;
use super::problem::duplicate_problem;
use super::problem::Problem;
use super::problem::{Keep, Problems};
use super::reader::{
    next_row, open_fast, open_from, plain_count, prov, same_bytes, small, Ctx, Opened, Shape,
};
use super::source::{file_part, Again, DataSource};
use crate::model::*;
use crate::store::Participants;

/// Where the columns of participants.csv are.
struct ParticipantCols {
    office: usize,
    period: usize,
    segment: usize,
    measure: usize,
    value: usize,
    source: usize,
    published: Option<usize>,
    note: Option<usize>,
    program: Option<usize>,
    bound: Option<usize>,
    reading: Option<usize>,
}

impl ParticipantCols {
    fn new(ctx: &Ctx) -> Self {
        let opt = |n: &str| ctx.headers.iter().position(|h| h == n);
        ParticipantCols {
            office: ctx.col("office"),
            period: ctx.col("period"),
            segment: ctx.col("segment"),
            measure: ctx.col("measure"),
            value: ctx.col("value"),
            source: ctx.col("source"),
            published: opt("published"),
            note: opt("note"),
            program: opt("program"),
            bound: opt("bound"),
            reading: opt("reading"),
        }
    }
}

type PKey = (usize, Period, Segment, Measure, Program);

/// Office cells already resolved, as written: rows come in runs of one office, so the last
/// one is tried before the map.
#[derive(Default)]
struct KnownOffices {
    last: Option<(Vec<u8>, usize)>,
    seen: HashMap<Vec<u8>, usize>,
}

/// One participants row's key and value, checked like every other file's cells.
fn participant(
    ctx: &mut Ctx,
    line: u64,
    rec: &csv::ByteRecord,
    cols: &ParticipantCols,
    index: &OfficeIndex,
    known: &mut KnownOffices,
) -> Result<(PKey, Option<i64>), ()> {
    // `next_row` has checked that every field is UTF-8.
    let field = |i: usize| std::str::from_utf8(&rec[i]).unwrap_or_default();
    // Codes and numbers are first read the quick way; anything else takes the checked
    // path, which gives the same value or records the same problem.
    let raw = &rec[cols.office];
    let office = match known.last.as_ref().filter(|(b, _)| same_bytes(b, raw)) {
        Some(&(_, o)) => Ok(o),
        None => match known.seen.get(raw) {
            Some(&o) => Ok(o),
            None => index.resolve(ctx, line, field(cols.office)),
        },
    };
    if let Ok(o) = office {
        if known.last.as_ref().is_none_or(|(_, l)| *l != o) {
            known.seen.entry(raw.to_vec()).or_insert(o);
            known.last = Some((raw.to_vec(), o));
        }
    }
    let period = match parse_period(&rec[cols.period]) {
        Some(p) => Ok(p),
        None => ctx.period(line, "period", field(cols.period)),
    };
    let raw = field(cols.segment);
    let exact = Segment::ALL
        .iter()
        .find(|s| same_bytes(s.code().as_bytes(), raw.as_bytes()));
    let segment = match exact {
        Some(&s) => Ok(s),
        None => ctx.code::<Segment>(line, "segment", raw),
    };
    let raw = field(cols.measure);
    let exact = Measure::ALL
        .iter()
        .find(|m| same_bytes(m.code().as_bytes(), raw.as_bytes()));
    let measure = match exact {
        Some(&m) => Ok(m),
        None => ctx.code::<Measure>(line, "measure", raw),
    };
    let value = match plain_count(&rec[cols.value]) {
        Some(v) => Ok(Some(v)),
        None => ctx.count(line, "value", field(cols.value)),
    };
    let program = program(ctx, line, rec, cols);
    Ok(((office?, period?, segment?, measure?, program?), value?))
}

/// The row's program: `all` when the column is absent or the cell empty.
fn program(
    ctx: &mut Ctx,
    line: u64,
    rec: &csv::ByteRecord,
    cols: &ParticipantCols,
) -> Result<Program, ()> {
    let Some(c) = cols.program else {
        return Ok(Program::All);
    };
    let raw = std::str::from_utf8(&rec[c]).unwrap_or_default();
    if raw.trim().is_empty() {
        return Ok(Program::All);
    }
    ctx.code::<Program>(line, "program", raw)
}

/// The columns two rows may not share, as the duplicate message names them.
fn participant_key(cols: &ParticipantCols) -> &'static str {
    match cols.program {
        Some(_) => "office, period, segment, measure and program",
        None => "office, period, segment and measure",
    }
}

/// Reads participants.csv row by row into the compact store. Rows are checked as every other
/// file's are, with the same messages, but cells are read from one reused byte record and no
/// row is kept: a national monthly history runs to millions of rows. A file in the usual
/// layout is read by [`read_fast`] first; it gives up on any row it does not read exactly as
/// this reader does, and the file is then read again here from its start.
pub(super) fn read_participants(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
    index: &OfficeIndex,
    offices: &[Office],
) -> (Participants, Problems) {
    // Lines are kept only for the figures a roll-up may find wrong.
    let has_children: Vec<bool> = crate::model::child_lists(offices)
        .iter()
        .map(|k| !k.is_empty())
        .collect();
    let (rdr, ctx) = match open_fast(src, PARTICIPANTS, opts, keep, PARTICIPANTS.required) {
        Ok(Opened::Careful(rdr, ctx)) => (rdr, ctx),
        Ok(Opened::Fast(raw)) => {
            let restart = raw.restart;
            let mut fast = Fast::new(raw.ctx, offices.len(), SIX_KEY);
            let on = On {
                index,
                has_children: &has_children,
                delimiter: raw.delimiter,
            };
            let parts = match &restart {
                Again::Handle(file, len, _) if opts.threads > 1 => {
                    cut::parts(file, *len, raw.header_len, opts.threads).map(|p| (file, p))
                }
                _ => None,
            };
            let read = match parts {
                Some((file, parts)) => read_parts(file, &parts, &on, offices.len(), &mut fast),
                None => read_fast(raw.bytes, raw.header_len, 1, None, &mut fast, &on).map(|_| ()),
            };
            match read {
                Ok(()) => return finish(src, opts, index, fast),
                Err(GiveUp) => match open_from(src, PARTICIPANTS, opts, keep, Some(restart)) {
                    Ok((rdr, mut ctx)) => {
                        // Kept for finding the first line of a duplicate.
                        ctx.again = fast.ctx.again;
                        (rdr, ctx)
                    }
                    Err(problems) => return (Participants::new(offices.len()), problems),
                },
            }
        }
        Err(problems) => return (Participants::new(offices.len()), problems),
    };
    let fast = read_careful(rdr, ctx, index, offices.len(), &has_children);
    finish(src, opts, index, fast)
}

/// What a reader has read: the store, the problems, and the duplicates whose first line is
/// still to be found.
struct Fast {
    ctx: Ctx,
    store: Participants,
    dups: Vec<(usize, u64, PKey)>,
    /// The columns two rows may not share, as the duplicate message names them.
    key_name: &'static str,
    /// Keys whose first line is looked for, and the lines found.
    watch: Option<(HashSet<PKey>, HashMap<PKey, u64>)>,
}

impl Fast {
    fn new(ctx: Ctx, offices: usize, key_name: &'static str) -> Fast {
        Fast {
            ctx,
            store: Participants::new(offices),
            dups: Vec::new(),
            key_name,
            watch: None,
        }
    }

    /// Adds one row's figure, recording a duplicate.
    #[inline(always)]
    fn add(
        &mut self,
        line: u64,
        (office, period, segment, measure, program): PKey,
        value: Option<i64>,
        prov: u32,
        keep_line: bool,
    ) {
        let id = self.store.series_for(office, program, segment, measure);
        if let Some((wanted, found)) = &mut self.watch {
            let key = (office, period, segment, measure, program);
            if wanted.contains(&key) {
                found.entry(key).or_insert(line);
            }
        }
        let added = self
            .store
            .insert_id(id, period, value, prov, keep_line.then_some(line));
        if added.is_err() {
            let ctx = &mut self.ctx;
            // The first line is found by reading the file again: keeping every row's line
            // would cost memory in proportion to the rows.
            if ctx.problems.kept.len() < ctx.problems.limit {
                self.dups.push((
                    ctx.problems.kept.len(),
                    line,
                    (office, period, segment, measure, program),
                ));
            }
            ctx.problems
                .push(duplicate_problem(&ctx.path, line, self.key_name, None));
        }
    }
}

/// Fills in the first line of each duplicate.
fn finish(
    src: &DataSource,
    opts: ReadOptions,
    index: &OfficeIndex,
    r: Fast,
) -> (Participants, Problems) {
    let Fast {
        mut ctx,
        mut store,
        dups,
        key_name,
        ..
    } = r;
    store.shrink();
    if !dups.is_empty() {
        let wanted: HashSet<PKey> = dups.iter().map(|d| d.2).collect();
        let again = std::mem::replace(&mut ctx.again, Again::Never);
        let first = first_lines(src, opts, index, &wanted, again);
        for (kept, line, key) in dups {
            let first = first.get(&key).copied();
            ctx.problems.kept[kept] = duplicate_problem(&ctx.path, line, key_name, first);
        }
    }
    (store, ctx.problems)
}

/// The careful reader: every row through the csv crate and the checked cell readers.
fn read_careful(
    mut rdr: super::reader::Reader,
    ctx: Ctx,
    index: &OfficeIndex,
    offices: usize,
    has_children: &[bool],
) -> Fast {
    let cols = ParticipantCols::new(&ctx);
    let mut r = Fast::new(ctx, offices, participant_key(&cols));
    r.store.value_column = cols.value + 1;
    let shape = Shape::new(&r.ctx);
    let mut known = KnownOffices::default();
    let mut last_prov: Option<([Vec<u8>; 5], u32)> = None;
    let mut rec = csv::ByteRecord::new();
    while let Some(next) = next_row(&mut rdr, &mut r.ctx, &shape, &mut rec) {
        let Some(line) = next else { continue };
        let ctx = &mut r.ctx;
        let Ok((key, value)) = participant(ctx, line, &rec, &cols, index, &mut known) else {
            continue;
        };
        // Rows mostly share their provenance with the row before: compare bytes, not strings.
        let prov_cols = [
            Some(cols.source),
            cols.published,
            cols.note,
            cols.bound,
            cols.reading,
        ];
        let raw = |c: Option<usize>| c.map_or(&[][..], |c| &rec[c]);
        let same = last_prov.as_ref().is_some_and(|(last, _)| {
            last.iter()
                .zip(prov_cols)
                .all(|(l, c)| same_bytes(l, raw(c)))
        });
        if !same {
            let text = |c: Option<usize>| String::from_utf8_lossy(raw(c)).into_owned();
            let [source, published, note, bound, reading] = prov_cols.map(text);
            // Checked once per run of rows sharing it, as it is interned once.
            ctx.provenance(line, &source, &published, &note);
            let (Ok(bound), Ok(uncertain)) = (ctx.bound(line, &bound), ctx.reading(line, &reading))
            else {
                continue;
            };
            let id = r.store.intern(Provenance {
                bound,
                uncertain,
                ..prov(source, published, note)
            });
            last_prov = Some((prov_cols.map(|c| raw(c).to_vec()), id));
        }
        let prov = last_prov.as_ref().map_or(0, |p| p.1);
        // A published text that is the value itself ("424.997") cannot rule it out; only a
        // figure written otherwise ("41,46 juta") keeps its line for `validate`, so a large
        // export that repeats its values as text keeps no line per row.
        let keep_line = has_children[key.0]
            || key.2 == Segment::All
            || value.is_some_and(|v| !written_as(raw(cols.published), v));
        r.add(line, key, value, prov, keep_line);
    }
    r
}

/// Whether a published cell is just the figure itself, in either number writing.
fn written_as(published: &[u8], v: i64) -> bool {
    let Ok(text) = std::str::from_utf8(published) else {
        return false;
    };
    let text = text.trim();
    text.is_empty()
        || [false, true]
            .into_iter()
            .any(|comma| crate::number::parse_count(text, comma).is_ok_and(|p| p == v))
}

/// The first line on which each of `wanted` is read (as a valid row) in participants.csv,
/// read again through `again`: never opened a second time by its name.
fn first_lines(
    src: &DataSource,
    opts: ReadOptions,
    index: &OfficeIndex,
    wanted: &HashSet<PKey>,
    again: Again,
) -> HashMap<PKey, u64> {
    let mut first = HashMap::new();
    let Ok((mut rdr, mut ctx)) = open_from(
        src,
        PARTICIPANTS,
        opts,
        Keep {
            limit: 0,
            findings: false,
        },
        Some(again),
    ) else {
        return first;
    };
    let cols = ParticipantCols::new(&ctx);
    let shape = Shape::new(&ctx);
    let mut known = KnownOffices::default();
    let mut rec = csv::ByteRecord::new();
    while let Some(next) = next_row(&mut rdr, &mut ctx, &shape, &mut rec) {
        let Some(line) = next else { continue };
        if let Ok((key, _)) = participant(&mut ctx, line, &rec, &cols, index, &mut known) {
            if wanted.contains(&key) {
                first.entry(key).or_insert(line);
            }
        }
        if first.len() == wanted.len() {
            break;
        }
    }
    first
}

/// The fast reader met a row it does not read exactly as the careful one would.
struct GiveUp;

/// Bytes read at a time; a line longer than this is left to the careful reader.
const BLOCK: usize = 1 << 20;

/// A cell of up to fifteen bytes as one number, its length in the top byte ("b1" and
/// "b1\0" differ), so an office code is looked up without following a pointer.
#[inline]
fn pack(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let (lo, hi) = match n {
        0..=8 => (small(b), 0),
        9..=15 => (super::reader::word8(b, 0), small(&b[8..])),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120)
}

/// A bit for each delimiter and line end among the 64 bytes of `c`, byte 0 lowest, found
/// eight bytes at a time: word `k` gives the top bit of each of its bytes that is a cut,
/// moved down to bit `k` of the byte, so that bit `8i + k` tells of byte `8k + i`; the
/// eight by eight matrix of bits, transposed, is the mask.
#[inline]
fn cut_mask(c: &[u8], delimiter: u64) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let nl = u64::from_le_bytes([b'\n'; 8]);
    let m = c.chunks_exact(8).enumerate().fold(0u64, |m, (k, w)| {
        let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        let (x, y) = (w ^ delimiter, w ^ nl);
        // The top bit of each byte that is not zero (exactly: no carry crosses a byte).
        let (x, y) = (((x & LOW) + LOW) | x, ((y & LOW) + LOW) | y);
        m | !((x & y) | LOW) >> (7 - k)
    });
    transpose(m)
}

/// The eight by eight matrix of bits in `x`, a row to a byte, transposed.
#[inline]
fn transpose(x: u64) -> u64 {
    let t = (x ^ (x >> 7)) & 0x00aa_00aa_00aa_00aa;
    let x = x ^ t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_cccc_0000_cccc;
    let x = x ^ t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_f0f0_f0f0;
    x ^ t ^ (t << 28)
}

/// The places of the delimiters and line ends of a block, in order, found 64 bytes at a
/// time: a bit for each in one word, eight bytes looked at at once.
struct Cuts<'a> {
    b: &'a [u8],
    /// The first byte of the 64 the mask covers.
    base: usize,
    mask: u64,
    delimiter: u64,
}

impl<'a> Cuts<'a> {
    fn new(b: &'a [u8], delimiter: u8) -> Self {
        let mut c = Cuts {
            b,
            base: 0,
            mask: 0,
            delimiter: u64::from_le_bytes([delimiter; 8]),
        };
        c.fill();
        c
    }

    #[inline(never)]
    fn fill(&mut self) {
        let masks = |c: &[u8]| cut_mask(c, self.delimiter);
        self.mask = match self.b.get(self.base..self.base + 64) {
            Some(c) => masks(c),
            None => {
                // The block's last bytes, zeros after them: a zero is never a cut here, as
                // the last line end comes before.
                let mut c = [0u8; 64];
                let rest = self.b.get(self.base..).unwrap_or_default();
                c[..rest.len()].copy_from_slice(rest);
                masks(&c)
            }
        };
    }

    /// The next delimiter or line end.
    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.base += 64;
            if self.base >= self.b.len() {
                return None;
            }
            self.fill();
        }
        let at = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(at)
    }

    /// The six fields of the line that starts at `from`, whose cuts are next, and where the
    /// next line starts; `None` when the line has another number of fields.
    #[inline(always)]
    fn row(&mut self, from: usize) -> Option<([&'a [u8]; 6], usize)> {
        let b = self.b;
        let mut f = [&[][..]; 6];
        let mut from = from;
        for (k, cell) in f.iter_mut().enumerate() {
            let at = self.next()?;
            if (b[at] == b'\n') != (k == 5) {
                return None;
            }
            *cell = &b[from..at];
            from = at + 1;
        }
        Some((f, from))
    }
}

/// What every reader of one file's rows shares.
struct On<'a> {
    index: &'a OfficeIndex,
    has_children: &'a [bool],
    delimiter: u8,
}

/// The key of a six-column file's rows, as the duplicate message names it.
const SIX_KEY: &str = "office, period, segment and measure";

/// The codes of a closed set, found by their exact bytes: a table by length and first byte
/// names the one code that may be meant, compared then; where two codes share both, or a
/// cell is longer than the table holds, the codes are compared in turn.
struct Codes<T> {
    codes: Vec<(&'static [u8], T)>,
    /// By `length << 8 | first byte`: 0 for no code, [`Codes::SHARED`] for several, or one
    /// more than the code's place.
    first: Vec<u8>,
}

impl<T: Copy> Codes<T> {
    /// Cells up to this long are looked up in the table.
    const LONGEST: usize = 31;
    const SHARED: u8 = u8::MAX;

    fn new(all: impl Iterator<Item = (&'static str, T)>) -> Self {
        let codes: Vec<(&'static [u8], T)> = all.map(|(c, t)| (c.as_bytes(), t)).collect();
        let mut first = vec![0u8; (Self::LONGEST + 1) << 8];
        for (i, (c, _)) in codes.iter().enumerate() {
            let slot = match c.first() {
                Some(&b) if c.len() <= Self::LONGEST => &mut first[c.len() << 8 | usize::from(b)],
                _ => continue,
            };
            *slot = match *slot {
                0 if i + 1 < usize::from(Self::SHARED) => i as u8 + 1,
                _ => Self::SHARED,
            };
        }
        Codes { codes, first }
    }

    /// The code written `b`, byte for byte.
    #[inline]
    fn find(&self, b: &[u8]) -> Option<T> {
        let at = match b.first() {
            Some(&f) if b.len() <= Self::LONGEST => self.first[b.len() << 8 | usize::from(f)],
            _ => Self::SHARED,
        };
        match at {
            0 => None,
            Self::SHARED => self.codes.iter().find(|c| same_bytes(c.0, b)).map(|c| c.1),
            i => {
                let (code, t) = self.codes[usize::from(i) - 1];
                same_bytes(code, b).then_some(t)
            }
        }
    }
}

/// What the fast reader carries from row to row.
struct FastRows<'a> {
    index: &'a OfficeIndex,
    has_children: &'a [bool],
    delimiter: u8,
    segments: Codes<Segment>,
    measures: Codes<Measure>,
    /// The last row's office cell and office (`usize::MAX`: none yet).
    last_office: (Vec<u8>, usize),
    /// Office cells resolved, as written: those of up to fifteen bytes packed.
    short_offices: rustc_hash::FxHashMap<u128, usize>,
    offices: rustc_hash::FxHashMap<Vec<u8>, usize>,
    /// By office: its cell as packed when first resolved (0: none), and the office that came
    /// after it last time (`usize::MAX`: none). Offices mostly come in the same order month
    /// after month, so the next one is mostly known without a look-up.
    packed_of: Vec<u128>,
    follow: Vec<usize>,
    /// The last row's period cell and period (`None`: none yet).
    last_period: (Vec<u8>, Option<Period>),
    /// The last row's source and its id (`None`: checked in the part before, not yet interned).
    last_source: Option<(Vec<u8>, Option<u32>)>,
}

impl FastRows<'_> {
    /// One line's six fields, read as [`participant`] reads them.
    fn row(&mut self, r: &mut Fast, line: u64, f: [&[u8]; 6]) -> Result<(), GiveUp> {
        if !same_bytes(&self.last_office.0, f[0]) || self.last_office.1 == usize::MAX {
            let packed = pack(f[0]);
            let last = self.last_office.1;
            let guess = self.follow.get(last).copied().unwrap_or(usize::MAX);
            let known = match packed {
                Some(k) if k != 0 && self.packed_of.get(guess) == Some(&k) => Some(&guess),
                Some(k) => self.short_offices.get(&k),
                None => self.offices.get(f[0]),
            };
            let o = match known {
                Some(&o) => o,
                None => {
                    let raw = std::str::from_utf8(f[0]).map_err(|_| GiveUp)?;
                    let o = self
                        .index
                        .resolve(&mut r.ctx, line, raw)
                        .map_err(|()| GiveUp)?;
                    match packed {
                        Some(k) => {
                            if self.packed_of.len() <= o {
                                self.packed_of.resize(o + 1, 0);
                            }
                            if self.packed_of[o] == 0 {
                                self.packed_of[o] = k;
                            }
                            self.short_offices.insert(k, o)
                        }
                        None => self.offices.insert(f[0].to_vec(), o),
                    };
                    o
                }
            };
            if last != usize::MAX {
                if self.follow.len() <= last {
                    self.follow.resize(last + 1, usize::MAX);
                }
                self.follow[last] = o;
            }
            self.last_office.0.clear();
            self.last_office.0.extend_from_slice(f[0]);
            self.last_office.1 = o;
        }
        let office = self.last_office.1;
        let period = match self.last_period.1 {
            Some(p) if same_bytes(&self.last_period.0, f[1]) => p,
            _ => {
                let p = parse_period(f[1]).ok_or(GiveUp)?;
                self.last_period.0.clear();
                self.last_period.0.extend_from_slice(f[1]);
                self.last_period.1 = Some(p);
                p
            }
        };
        let segment = self.segments.find(f[2]).ok_or(GiveUp)?;
        let measure = self.measures.find(f[3]).ok_or(GiveUp)?;
        let value = match f[4] {
            [] => None,
            v => Some(plain_count(v).ok_or(GiveUp)?),
        };
        let prov = match &mut self.last_source {
            Some((b, Some(id))) if same_bytes(b, f[5]) => *id,
            Some((b, id @ None)) if same_bytes(b, f[5]) => {
                // The row before this part's first had this source, and it was checked there.
                let source = std::str::from_utf8(f[5]).map_err(|_| GiveUp)?;
                let i = r
                    .store
                    .intern(prov(source.to_string(), String::new(), String::new()));
                *id = Some(i);
                i
            }
            _ => {
                let source = std::str::from_utf8(f[5]).map_err(|_| GiveUp)?;
                r.ctx.provenance(line, source, "", "");
                let id = r
                    .store
                    .intern(prov(source.to_string(), String::new(), String::new()));
                self.last_source = Some((f[5].to_vec(), Some(id)));
                id
            }
        };
        let keep_line = self.has_children[office] || segment == Segment::All;
        let key = (office, period, segment, measure, Program::All);
        r.add(line, key, value, prov, keep_line);
        Ok(())
    }
}

/// Reads a file whose header is exactly the required columns in large blocks, a row at a
/// time without allocating, into `r`. Gives up on a quote anywhere, a line longer than a
/// block, a blank line, and any row [`FastRows::row`] does not take: the careful reader then reads the
/// file again from its start, so every message is its own.
///
/// Lines are numbered from `line` (the header's, or the line before a part); `source` is the
/// source of the row before, already checked. Returns the number of the last line read.
fn read_fast(
    mut bytes: impl std::io::Read,
    header_len: usize,
    mut line: u64,
    source: Option<Vec<u8>>,
    r: &mut Fast,
    on: &On,
) -> Result<u64, GiveUp> {
    let mut rows = FastRows {
        index: on.index,
        has_children: on.has_children,
        delimiter: on.delimiter,
        segments: Codes::new(Segment::ALL.iter().map(|&s| (s.code(), s))),
        measures: Codes::new(Measure::ALL.iter().map(|&m| (m.code(), m))),
        last_office: (Vec::new(), usize::MAX),
        short_offices: Default::default(),
        offices: Default::default(),
        packed_of: Vec::new(),
        follow: Vec::new(),
        last_period: (Vec::new(), None),
        last_source: source.map(|s| (s, None)),
    };
    let mut buf = vec![0u8; BLOCK];
    let (mut filled, mut start, mut eof, mut skip) = (0, 0, false, header_len);
    loop {
        buf.copy_within(start..filled, 0);
        filled -= start;
        start = 0;
        while filled < buf.len() && !eof {
            match bytes.read(&mut buf[filled..]) {
                Ok(0) => eof = true,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return Err(GiveUp),
            }
        }
        if skip > 0 {
            // The header line, checked already.
            if skip > filled {
                return Err(GiveUp);
            }
            (start, skip) = (skip, 0);
        }
        if eof && filled > start && buf[filled - 1] != b'\n' {
            // The last line has no line end: it is read as if it had one, as the careful
            // reader reads it.
            if filled == buf.len() {
                buf.push(0);
            }
            buf[filled] = b'\n';
            filled += 1;
        }
        let data = &buf[start..filled];
        let end = match memchr::memrchr(b'\n', data) {
            Some(k) => k + 1,
            None if eof => 0,
            None => return Err(GiveUp),
        };
        let block = &data[..end];
        if memchr::memchr(b'"', block).is_some() {
            return Err(GiveUp);
        }
        let mut cuts = Cuts::new(block, rows.delimiter);
        let mut from = 0;
        while from < block.len() {
            line += 1;
            // A blank line has one field: the careful reader numbers the lines after it its
            // own way.
            let (f, next) = cuts.row(from).ok_or(GiveUp)?;
            rows.row(r, line, f)?;
            from = next;
        }
        start += end;
        if eof && start >= filled {
            return Ok(line);
        }
    }
}

/// One part of a file, read on its own thread: the rows, and the number of lines in it.
type PartRead = Result<(Fast, u64), GiveUp>;

/// Reads the rows of `file` in `parts` (whole lines, in file order), each on a thread of its
/// own into a store of its own, then merges the stores and the problems in file order into
/// `r`, which holds the first part's context: the same figures, problems and messages, in the
/// same order, as one reader over the whole file would give.
fn read_parts(
    file: &File,
    parts: &[(u64, u64)],
    on: &On,
    offices: usize,
    r: &mut Fast,
) -> Result<(), GiveUp> {
    let start = parts[0].0;
    let blank = |r: &Fast| Ctx {
        path: r.ctx.path.clone(),
        opts: r.ctx.opts,
        headers: r.ctx.headers.clone(),
        problems: r.ctx.problems.keep().problems(),
        rejected: Vec::new(),
        again: Again::Never,
    };
    let read = |(from, to): (u64, u64), ctx: Ctx| -> PartRead {
        let mut fast = Fast::new(ctx, offices, SIX_KEY);
        // Lines are counted from the part's start; the first part's follow the header.
        let (line, source) = if from == start {
            (1, None)
        } else {
            let line = cut::line_before(file, from, start).ok_or(GiveUp)?;
            let source = line
                .rsplit(|&b| b == on.delimiter)
                .next()
                .map(<[u8]>::to_vec);
            (0, source)
        };
        let last = read_fast(file_part(file, from, to), 0, line, source, &mut fast, on)?;
        fast.store.shrink();
        Ok((fast, last - line))
    };
    let ctxs: Vec<Ctx> = parts[1..].iter().map(|_| blank(r)).collect();
    let placeholder = blank(r);
    let first_ctx = std::mem::replace(&mut r.ctx, placeholder);
    let (first, rest) = std::thread::scope(|s| {
        let handles: Vec<_> = parts[1..]
            .iter()
            .zip(ctxs)
            .map(|(&p, ctx)| s.spawn(move || read(p, ctx)))
            .collect();
        let first = read(parts[0], first_ctx);
        let rest: Vec<PartRead> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Err(GiveUp)))
            .collect();
        (first, rest)
    });
    let (merged, mut line) = first?;
    *r = merged;
    // The first part's lines follow the header's.
    line += 1;
    for (&part, read) in parts[1..].iter().zip(rest) {
        let (later, lines) = read?;
        let offset = line;
        let mut cross = HashSet::new();
        r.store.absorb(later.store, offset, |k, p| {
            cross.insert((k.office, p, k.segment, k.measure, k.program));
        });
        // A duplicate of a row in an earlier part: its line is found by reading the part again.
        let mut twice: Vec<(u64, PKey)> = Vec::new();
        if !cross.is_empty() {
            let mut again = Fast::new(blank(r), offices, SIX_KEY);
            again.watch = Some((cross, HashMap::new()));
            let line = cut::line_before(file, part.0, start).ok_or(GiveUp)?;
            let source = line
                .rsplit(|&b| b == on.delimiter)
                .next()
                .map(<[u8]>::to_vec);
            read_fast(
                file_part(file, part.0, part.1),
                0,
                0,
                source,
                &mut again,
                on,
            )?;
            let found = again.watch.map(|w| w.1).unwrap_or_default();
            twice = found.into_iter().map(|(k, l)| (l + offset, k)).collect();
            twice.sort_unstable_by_key(|t| t.0);
        }
        merge_problems(r, later.ctx.problems, later.dups, &twice, offset);
        line = offset + lines;
    }
    Ok(())
}

/// Adds the problems of a later part (its lines counted from `offset`) and the duplicates of
/// rows in earlier parts (`twice`, in line order) after those of `r`, in line order: as if
/// one reader had pushed them one by one.
fn merge_problems(
    r: &mut Fast,
    later: super::problem::Problems,
    dups: Vec<(usize, u64, PKey)>,
    twice: &[(u64, PKey)],
    offset: u64,
) {
    let mut keys: Vec<Option<PKey>> = vec![None; later.kept.len()];
    for (i, _, key) in dups {
        keys[i] = Some(key);
    }
    let mut own = later.kept.into_iter().zip(keys).map(|(mut p, k)| {
        p.line = p.line.map(|l| l + offset);
        (p, k)
    });
    let crossed = twice.len();
    let mut twice = twice.iter().peekable();
    let path = r.ctx.path.clone();
    let mut next_own = own.next();
    loop {
        // A row's own problems come before its duplicate's.
        let take_own = match (&next_own, twice.peek()) {
            (Some((p, _)), Some(&&(l, _))) => p.line.unwrap_or(0) <= l,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let (p, key): (Problem, Option<PKey>) = if take_own {
            let next = next_own.take().expect("checked above");
            next_own = own.next();
            next
        } else {
            let &(l, key) = twice.next().expect("checked above");
            (duplicate_problem(&path, l, SIX_KEY, None), Some(key))
        };
        let problems = &mut r.ctx.problems;
        if problems.kept.len() < problems.limit {
            if let Some(key) = key {
                r.dups.push((problems.kept.len(), p.line.unwrap_or(0), key));
            }
            problems.kept.push(p);
        }
    }
    r.ctx.problems.total += later.total + crossed;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a row of [`Cuts`] must be: a plain split.
    fn plain(l: &[u8], d: u8) -> Option<Vec<&[u8]>> {
        let f: Vec<&[u8]> = l.split(|&b| b == d).collect();
        (f.len() == 6).then_some(f)
    }

    #[test]
    fn packed_cells_keep_their_bytes_and_length() {
        // Every length that packs, each byte changed in turn, and a zero byte after.
        for n in 0..=15usize {
            let a: Vec<u8> = (0..n).map(|i| b'a' + i as u8).collect();
            let p = pack(&a).unwrap();
            assert_eq!((p >> 120) as usize, n);
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 0x20;
                assert_ne!(pack(&b), Some(p), "length {n}, byte {i}");
            }
            let zero: Vec<u8> = a.iter().copied().chain([0]).collect();
            assert_ne!(pack(&zero), Some(p));
        }
        assert_eq!(
            pack(b"b00001"),
            Some(u128::from(u64::from_le_bytes(*b"b00001\0\0")) | 6 << 120)
        );
        assert_eq!(pack(&[b'x'; 16]), None);
    }

    #[test]
    fn cut_masks_are_the_cuts() {
        // Every byte value at every place, beside delimiters and line ends.
        for d in [b',', b';', b'\t', b'|'] {
            let delimiter = u64::from_le_bytes([d; 8]);
            for x in 0..=255u8 {
                for at in 0..64 {
                    let mut c = [x ^ 0x80; 64];
                    c[at] = x;
                    c[(at * 7 + 3) % 64] = d;
                    c[(at * 13 + 5) % 64] = b'\n';
                    let want = c
                        .iter()
                        .enumerate()
                        .filter(|&(_, &b)| b == d || b == b'\n')
                        .fold(0u64, |m, (i, _)| m | 1 << i);
                    assert_eq!(cut_mask(&c, delimiter), want, "{x} at {at}");
                }
            }
        }
    }

    #[test]
    fn cuts_are_a_plain_split() {
        // Delimiters at every place in a word, next to bytes one above and below the
        // delimiter ('-' and '+' beside ','), lines of every length up to 40, and blocks of
        // many lines, so rows cross the 64 bytes a mask covers at every place.
        let alphabet = b",,-+a0;\t";
        let mut seed = 7u64;
        let mut random = |len: usize| -> Vec<u8> {
            (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect()
        };
        for round in 0..3000 {
            let lines: Vec<Vec<u8>> = (0..1 + round % 9)
                .map(|k| random((round + 7 * k) % 41))
                .collect();
            let block: Vec<u8> = lines
                .iter()
                .flat_map(|l| l.iter().chain(b"\n"))
                .copied()
                .collect();
            for d in [b',', b';', b'\t'] {
                let mut cuts = Cuts::new(&block, d);
                let mut from = 0;
                for l in &lines {
                    let got = cuts.row(from);
                    let want = plain(l, d);
                    assert_eq!(
                        got.map(|g| g.0.to_vec()),
                        want,
                        "{:?} split at {d}",
                        String::from_utf8_lossy(l)
                    );
                    let Some((_, next)) = got else { break };
                    from += l.len() + 1;
                    assert_eq!(next, from);
                }
            }
        }
        let row = b"b00001,2010-01,pu,active,19643,synthetic\n";
        let (f, next) = Cuts::new(row, b',').row(0).unwrap();
        assert_eq!(next, row.len());
        assert_eq!(f[0], b"b00001");
        assert_eq!(f[5], b"synthetic");
    }
}
