//! participants.csv: read row by row into the compact store.

use std::collections::{HashMap, HashSet};

use super::files::{ReadOptions, PARTICIPANTS};
use super::offices::OfficeIndex;
use super::problem::duplicate_problem;
use super::problem::{Keep, Problems};
use super::reader::{next_row, open, open_from, plain_count, prov, same_bytes, Ctx, Shape};
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
/// row is kept: a national monthly history runs to millions of rows.
pub(super) fn read_participants(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
    index: &OfficeIndex,
    offices: &[Office],
) -> (Participants, Problems) {
    let mut store = Participants::new(offices.len());
    let (mut rdr, mut ctx) = match open(src, PARTICIPANTS, opts, keep) {
        Ok(o) => o,
        Err(problems) => return (store, problems),
    };
    // Lines are kept only for the figures a roll-up may find wrong.
    let has_children: Vec<bool> = crate::model::child_lists(offices)
        .iter()
        .map(|k| !k.is_empty())
        .collect();
    let cols = ParticipantCols::new(&ctx);
    let shape = Shape::new(&ctx);
    let mut known = KnownOffices::default();
    let mut last_prov: Option<([Vec<u8>; 3], u32)> = None;
    let mut dups: Vec<(usize, u64, PKey)> = Vec::new();
    let mut rec = csv::ByteRecord::new();
    while let Some(next) = next_row(&mut rdr, &mut ctx, &shape, &mut rec) {
        let Some(line) = next else { continue };
        let Ok(((office, period, segment, measure, program), value)) =
            participant(&mut ctx, line, &rec, &cols, index, &mut known)
        else {
            continue;
        };
        // Rows mostly share their provenance with the row before: compare bytes, not strings.
        let prov_cols = [Some(cols.source), cols.published, cols.note];
        let raw = |c: Option<usize>| c.map_or(&[][..], |c| &rec[c]);
        let same = last_prov.as_ref().is_some_and(|(last, _)| {
            last.iter()
                .zip(prov_cols)
                .all(|(l, c)| same_bytes(l, raw(c)))
        });
        if !same {
            let text = |c: Option<usize>| String::from_utf8_lossy(raw(c)).into_owned();
            let [source, published, note] = prov_cols.map(text);
            // Checked once per run of rows sharing it, as it is interned once.
            ctx.provenance(line, &source, &published, &note);
            let id = store.intern(prov(source, published, note));
            last_prov = Some((prov_cols.map(|c| raw(c).to_vec()), id));
        }
        let prov = last_prov.as_ref().map_or(0, |p| p.1);
        let keep_line = has_children[office] || segment == Segment::All;
        let added = store.insert_in(
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
            // The first line is found by reading the file again: keeping every row's line
            // would cost memory in proportion to the rows.
            if ctx.problems.kept.len() < ctx.problems.limit {
                dups.push((
                    ctx.problems.kept.len(),
                    line,
                    (office, period, segment, measure, program),
                ));
            }
            let key = participant_key(&cols);
            ctx.problems
                .push(duplicate_problem(&ctx.path, line, key, None));
        }
    }
    if !dups.is_empty() {
        let wanted: HashSet<PKey> = dups.iter().map(|d| d.2).collect();
        let again = std::mem::replace(&mut ctx.again, Again::Never);
        let first = first_lines(src, opts, index, &wanted, again);
        for (kept, line, key) in dups {
            let first = first.get(&key).copied();
            let key = participant_key(&cols);
            ctx.problems.kept[kept] = duplicate_problem(&ctx.path, line, key, first);
        }
    }
    (store, ctx.problems)
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
