//! Coverage: active participants against the workforce that segment is held against.

use std::collections::HashMap;

use super::index::{Index, Unmade};
use super::{select_periods, Fig, Filter, Note};
use crate::calc::{self};
use crate::model::*;

/// Which workforce figure segment `all` is held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Against {
    /// The employed, and each program as the ILO holds it ([`program_denominator`]).
    #[default]
    Ilo,
    Employed,
    LabourForce,
    Formal,
}

/// How a workforce measure is named for people.
pub fn workers(m: WorkforceMeasure) -> &'static str {
    match m {
        WorkforceMeasure::LabourForce => "labour force",
        WorkforceMeasure::Employed => "employed",
        WorkforceMeasure::Formal => "formal",
        WorkforceMeasure::Informal => "informal",
    }
}

/// The same workers as the object of a sentence ("as % of the employed").
pub fn workers_whom(m: WorkforceMeasure) -> &'static str {
    match m {
        WorkforceMeasure::LabourForce => "the labour force",
        WorkforceMeasure::Employed => "the employed",
        WorkforceMeasure::Formal => "formal workers",
        WorkforceMeasure::Informal => "informal workers",
    }
}

/// The workforce figures a segment can be held against, whichever `--against` is asked.
pub fn denominators(s: Segment) -> Vec<WorkforceMeasure> {
    let mut d: Vec<WorkforceMeasure> = [Against::Employed, Against::LabourForce]
        .into_iter()
        .filter_map(|a| denominator(s, a))
        .collect();
    d.dedup();
    d
}

pub fn denominator(s: Segment, against: Against) -> Option<WorkforceMeasure> {
    match s {
        Segment::Pu => Some(WorkforceMeasure::Formal),
        Segment::Bpu => Some(WorkforceMeasure::Informal),
        Segment::All => Some(match against {
            Against::Ilo | Against::Employed => WorkforceMeasure::Employed,
            Against::LabourForce => WorkforceMeasure::LabourForce,
            Against::Formal => WorkforceMeasure::Formal,
        }),
        Segment::Jakon | Segment::Pmi => None,
    }
}

/// The workforce a program's participants (segment `all`) are held against, as ILO SDG
/// indicator 1.3.1 measures each branch of social security: employment injury (JKK, and JKM,
/// which comes with it) against the employed; old age, contributors (JHT, JP) against the
/// labour force. JKP is open only to wage earners (PP 37/2021), so it is held against formal
/// workers. Segments keep their own workforce (PU formal, BPU informal).
pub fn program_denominator(
    pr: Program,
    s: Segment,
    against: Against,
) -> Option<(WorkforceMeasure, Option<&'static str>)> {
    if pr == Program::All || s != Segment::All {
        return denominator(s, against).map(|d| (d, None));
    }
    if against != Against::Ilo {
        return denominator(s, against).map(|d| (d, Some("as asked with --against")));
    }
    Some(match pr {
        Program::Jkk => (WorkforceMeasure::Employed, Some(JKK)),
        Program::Jkm => (WorkforceMeasure::Employed, Some(JKM)),
        Program::Jht => (WorkforceMeasure::LabourForce, Some(JHT)),
        Program::Jp => (WorkforceMeasure::LabourForce, Some(JP)),
        Program::Jkp | Program::All => (WorkforceMeasure::Formal, Some(JKP)),
    })
}

/// The definitions of coverage by program, with their sources (glossary terms).
const JKK: &str = "JKK work accident: share of the employed (ILO SDG 1.3.1)";
const JKM: &str = "JKM death: share of the employed (ILO SDG 1.3.1, as work accident)";
const JHT: &str = "JHT old age: contributors as share of the labour force (ILO SDG 1.3.1)";
const JP: &str = "JP pension: contributors as share of the labour force (ILO SDG 1.3.1)";
const JKP: &str = "JKP job loss: share of formal workers, as only wage earners join (PP 37/2021)";

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub office: usize,
    pub program: Program,
    pub segment: Segment,
    pub period: Period,
    pub participants: Fig,
    pub denominator: WorkforceMeasure,
    /// Why a program is held against this workforce (a glossary term), for programs only.
    pub definition: Option<&'static str>,
    /// The survey used and its figure; `None` with a reason in `note_parts`.
    pub workforce: Option<(Period, Fig)>,
    pub pct: Option<f64>,
    /// Participants and workforce are counted at different dates.
    pub periods_differ: bool,
    /// The only survey there is was taken after the participants' date.
    pub survey_after: bool,
    /// Other periods of the same series held against the same survey: between them the ratio
    /// moves with the participants alone.
    pub survey_shared_with: Vec<Period>,
    /// Why the ratio is missing or what to bear in mind, as a glossary template with slots.
    pub note_parts: Option<Note>,
    /// The survey the ratio would rest on where its workforce is a sum not made because its
    /// parts' bounds pull both ways, and why; the ratio is then missing.
    pub workforce_unmade: Option<(Period, Unmade)>,
}

impl CoverageRow {
    /// How certain the ratio is: participants over workforce, as a ratio of their bounds;
    /// `None` without a workforce figure, or where the two pull both ways.
    pub fn bound(&self) -> Option<Bound> {
        let (_, w) = self.workforce.as_ref()?;
        super::bound::ratio(self.participants.bound(), w.bound())
    }
}

/// Active participants against the workforce: the latest survey at or before the
/// participants' period, else the earliest after it (flagged either way when they differ).
/// Program `all` comes first, then each program `f.programs` asks for.
pub fn coverage(ix: &Index, f: &Filter, against: Against) -> Vec<CoverageRow> {
    let selected = select_periods(coverage_keys(ix, f, against).into_iter(), f.monthly);
    let rank = ix.rank();
    let mut rows: Vec<CoverageRow> = selected
        .into_iter()
        .map(|((o, pr, s), p)| coverage_row(ix, (o, pr, s, p), against))
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &CoverageRow| {
            let program = (r.program != Program::All, r.program);
            (rank[r.office], program, r.segment, r.period)
        };
        key(a).cmp(&key(b))
    });
    survey_dates(&mut rows);
    rows
}

type CoverageKey = ((usize, Program, Segment), Period);

/// The series of active participants with a workforce to be held against, and their periods.
fn coverage_keys(ix: &Index, f: &Filter, against: Against) -> Vec<CoverageKey> {
    let ds = ix.ds;
    let ok = |o: usize, pr: Program, s: Segment, m: Measure| {
        m == Measure::Active
            && f.office_ok(ds, o)
            && f.segment_ok(s)
            && f.programs.list().contains(&pr)
            && program_denominator(pr, s, against).is_some()
    };
    let all = ix
        .series_of(f.office)
        .iter()
        .map(|&(o, s, m)| (o, Program::All, s, m));
    let programs = ix.programs.series_of(f.office);
    all.chain(programs)
        .filter(|&(o, pr, s, m)| ok(o, pr, s, m))
        .flat_map(|(o, pr, s, m)| {
            ix.periods_in(pr, o, s, m)
                .into_iter()
                .map(move |p| ((o, pr, s), p))
        })
        .filter(|(_, p)| f.year_ok(p.year()))
        .collect()
}

fn coverage_row(
    ix: &Index,
    (o, pr, s, p): (usize, Program, Segment, Period),
    against: Against,
) -> CoverageRow {
    let ds = ix.ds;
    let participants = ix
        .participant_in(pr, o, p, s, Measure::Active)
        .expect("selected");
    let (den, definition) = program_denominator(pr, s, against).expect("filtered");
    // The surveys there are, and those whose sums were not made: the rule picks among both,
    // so a ratio is not quietly taken from another survey when the one it should rest on is
    // a sum not made.
    let unmade = ix.unmade_surveys(o, den);
    let mut surveys: Vec<(Period, Option<&Unmade>)> = ix
        .surveys(o, den)
        .iter()
        .map(|&q| (q, None))
        .chain(unmade.iter().map(|&(q, u)| (q, Some(u))))
        .collect();
    surveys.sort_by_key(|s| s.0);
    let pick = surveys
        .iter()
        .rev()
        .find(|q| q.0 <= p)
        .or_else(|| surveys.first());
    let workforce_unmade = pick.and_then(|&(q, u)| u.map(|u| (q, u.clone())));
    let chosen = pick
        .filter(|q| q.1.is_none())
        .map(|&(q, _)| (q, ix.workforce[&(o, q, den)].clone()));
    let (pct, periods_differ, note) = match &chosen {
        Some((q, w)) => {
            let differ =
                q.key() != p.key() && !(p.is_year_end() && *q == Period::Month(p.year(), 12));
            let note = differ.then(|| {
                Note::new(
                    "dates differ: participants {}, survey {}",
                    vec![p.to_string(), q.to_string()],
                )
            });
            (calc::ratio_pct(participants.value, w.value), differ, note)
        }
        None if workforce_unmade.is_some() => (None, false, None),
        None => (
            None,
            false,
            Some(
                Note::new(
                    match ds.offices[o].level {
                        Level::Branch => "no {} workforce figure for {} or all of its districts",
                        Level::Region => {
                            "no {} workforce figure for {} or all of its provinces or branches"
                        }
                        Level::National => "no {} workforce figure for {} or all of its regions",
                        _ => "no {} workforce figure for {}",
                    },
                    vec![den.code().replace('_', " "), ds.offices[o].code.clone()],
                )
                .term_at(0),
            ),
        ),
    };
    CoverageRow {
        office: o,
        program: pr,
        segment: s,
        period: p,
        participants,
        denominator: den,
        definition,
        workforce: chosen,
        pct,
        periods_differ,
        note_parts: note,
        workforce_unmade,
        survey_after: false,
        survey_shared_with: Vec::new(),
    }
}

/// Says plainly when a ratio rests on a survey taken after its figure (the README promises the
/// latest survey at or before it), and when one survey serves several periods of a series.
fn survey_dates(rows: &mut [CoverageRow]) {
    let key = |r: &CoverageRow| {
        r.workforce
            .as_ref()
            .map(|(q, _)| (r.office, r.program, r.segment, r.denominator, *q))
    };
    let keys: Vec<_> = rows.iter().map(key).collect();
    // The rows of each series and survey, in row order: a row is compared with its own
    // group only, so many offices cost in proportion to their rows.
    let mut groups: HashMap<_, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            groups.entry(*k).or_default().push(i);
        }
    }
    for i in 0..rows.len() {
        let Some(k) = keys[i] else { continue };
        let shared: Vec<Period> = groups[&k]
            .iter()
            // Months of one year against one survey are usual; across years it is reuse.
            .filter(|&&j| rows[j].period.year() != rows[i].period.year())
            .map(|&j| rows[j].period)
            .collect();
        let r = &mut rows[i];
        let q = k.4;
        r.survey_after = q.key() > r.period.key()
            && !(r.period.is_year_end() && q == Period::Month(r.period.year(), 12));
        let (p, qs) = (r.period.to_string(), q.to_string());
        let shared_s = shared
            .iter()
            .map(Period::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let note = match (r.survey_after, shared.is_empty(), r.periods_differ) {
            (true, true, _) => Some(Note::new(
                "resting on a survey taken after the figure: participants {}, survey {}",
                vec![p, qs],
            )),
            (true, false, _) => Some(Note::new(
                "resting on a survey taken after the figure: participants {}, survey {}; the same survey serves {}, so the ratio moves with participants alone",
                vec![p, qs, shared_s],
            )),
            (false, false, true) => Some(Note::new(
                "dates differ: participants {}, survey {}; the same survey serves {}, so the ratio moves with participants alone",
                vec![p, qs, shared_s],
            )),
            (false, false, false) => Some(Note::new(
                "the same survey serves {}, so the ratio moves with participants alone",
                vec![shared_s],
            )),
            (false, true, _) => None,
        };
        if let Some(n) = note {
            r.note_parts = Some(n);
        }
        r.survey_shared_with = shared;
    }
}
