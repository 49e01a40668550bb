//! participants.csv: read row by row into the compact store.

use std::collections::{HashMap, HashSet};

use super::files::{ReadOptions, PARTICIPANTS};
use super::offices::OfficeIndex;
use super::problem::duplicate_problem;
use super::problem::{Keep, Problems};
use super::reader::{
    next_row, open_fast, open_from, plain_count, prov, same_bytes, Ctx, Opened, Shape,
};
use super::source::{Again, DataSource};
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
            let mut fast = Fast {
                ctx: raw.ctx,
                store: Participants::new(offices.len()),
                dups: Vec::new(),
                key_name: "office, period, segment and measure",
            };
            match read_fast(
                raw.bytes,
                raw.header_len,
                raw.delimiter,
                &mut fast,
                index,
                &has_children,
            ) {
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
}

impl Fast {
    /// Adds one row's figure, recording a duplicate.
    fn add(
        &mut self,
        line: u64,
        (office, period, segment, measure, program): PKey,
        value: Option<i64>,
        prov: u32,
        keep_line: bool,
    ) {
        let added = self.store.insert_in(
            program,
            office,
            period,
            segment,
            measure,
            value,
            prov,
            keep_line.then_some(line),
        );
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
        store,
        dups,
        key_name,
    } = r;
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
    let mut r = Fast {
        ctx,
        store: Participants::new(offices),
        dups: Vec::new(),
        key_name: participant_key(&cols),
    };
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

/// A code of up to eight bytes as one number, so a cell is matched by one comparison.
fn pack(b: &[u8]) -> Option<u64> {
    (b.len() < 8).then(|| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        // The length goes in the last byte: "pu" and "pu\0" differ.
        w[7] = b.len() as u8;
        u64::from_le_bytes(w)
    })
}

/// What the fast reader carries from row to row.
struct FastRows<'a> {
    index: &'a OfficeIndex,
    has_children: &'a [bool],
    delimiter: u8,
    segments: Vec<(u64, Segment)>,
    measures: Vec<(u64, Measure)>,
    last_office: Option<(Vec<u8>, usize)>,
    offices: rustc_hash::FxHashMap<Vec<u8>, usize>,
    last_source: Option<(Vec<u8>, u32)>,
}

impl FastRows<'_> {
    /// One line (without its line end) of six fields, read as [`participant`] reads it.
    fn row(&mut self, r: &mut Fast, line: u64, l: &[u8]) -> Result<(), GiveUp> {
        // Cells are a few bytes long: one pass over the line costs less than a search per cell.
        let mut f = [&[][..]; 6];
        let (mut n, mut from) = (0, 0);
        for (i, &b) in l.iter().enumerate() {
            if b == self.delimiter {
                *f.get_mut(n).filter(|_| n < 5).ok_or(GiveUp)? = &l[from..i];
                n += 1;
                from = i + 1;
            }
        }
        if n != 5 {
            return Err(GiveUp);
        }
        f[5] = &l[from..];
        let office = match &self.last_office {
            Some((b, o)) if same_bytes(b, f[0]) => *o,
            _ => {
                let o = match self.offices.get(f[0]) {
                    Some(&o) => o,
                    None => {
                        let raw = std::str::from_utf8(f[0]).map_err(|_| GiveUp)?;
                        let o = self
                            .index
                            .resolve(&mut r.ctx, line, raw)
                            .map_err(|()| GiveUp)?;
                        self.offices.insert(f[0].to_vec(), o);
                        o
                    }
                };
                self.last_office = Some((f[0].to_vec(), o));
                o
            }
        };
        let period = parse_period(f[1]).ok_or(GiveUp)?;
        let code = |b: &[u8]| pack(b).ok_or(GiveUp);
        let (s, m) = (code(f[2])?, code(f[3])?);
        let segment = self.segments.iter().find(|c| c.0 == s).ok_or(GiveUp)?.1;
        let measure = self.measures.iter().find(|c| c.0 == m).ok_or(GiveUp)?.1;
        let value = match f[4] {
            [] => None,
            v => Some(plain_count(v).ok_or(GiveUp)?),
        };
        let prov = match &self.last_source {
            Some((b, id)) if same_bytes(b, f[5]) => *id,
            _ => {
                let source = std::str::from_utf8(f[5]).map_err(|_| GiveUp)?;
                r.ctx.provenance(line, source, "", "");
                let id = r
                    .store
                    .intern(prov(source.to_string(), String::new(), String::new()));
                self.last_source = Some((f[5].to_vec(), id));
                id
            }
        };
        let keep_line = self.has_children[office] || segment == Segment::All;
        r.add(
            line,
            (office, period, segment, measure, Program::All),
            value,
            prov,
            keep_line,
        );
        Ok(())
    }
}

/// Reads a file whose header is exactly the required columns in large blocks, a row at a
/// time without allocating, into `r`. Gives up on a quote anywhere, a line longer than a
/// block, a blank line, and any row [`FastRows::row`] does not take: the careful reader then reads the
/// file again from its start, so every message is its own.
fn read_fast(
    mut bytes: Box<dyn std::io::Read>,
    header_len: usize,
    delimiter: u8,
    r: &mut Fast,
    index: &OfficeIndex,
    has_children: &[bool],
) -> Result<(), GiveUp> {
    let mut rows = FastRows {
        index,
        has_children,
        delimiter,
        segments: Segment::ALL
            .iter()
            .filter_map(|&s| Some((pack(s.code().as_bytes())?, s)))
            .collect(),
        measures: Measure::ALL
            .iter()
            .filter_map(|&m| Some((pack(m.code().as_bytes())?, m)))
            .collect(),
        last_office: None,
        offices: Default::default(),
        last_source: None,
    };
    let mut buf = vec![0u8; BLOCK];
    let (mut filled, mut start, mut eof, mut skip) = (0, 0, false, header_len);
    let mut line = 1u64;
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
        let data = &buf[start..filled];
        let end = match memchr::memrchr(b'\n', data) {
            Some(k) => k + 1,
            None if eof => data.len(),
            None => return Err(GiveUp),
        };
        let block = &data[..end];
        if memchr::memchr(b'"', block).is_some() {
            return Err(GiveUp);
        }
        let last = (end > 0 && block[end - 1] != b'\n').then_some(end);
        let mut from = 0;
        for nl in memchr::memchr_iter(b'\n', block).chain(last) {
            line += 1;
            let l = &block[from..nl];
            from = nl + 1;
            // The careful reader numbers the lines after a blank one its own way.
            if l.is_empty() {
                return Err(GiveUp);
            }
            rows.row(r, line, l)?;
        }
        start += end;
        if eof && start >= filled {
            return Ok(());
        }
    }
}
