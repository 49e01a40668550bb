//! Participant figures of one program (JHT, JKK, JKM, JP, JKP), given or derived. A
//! participant is in several programs at once, so figures roll up within a program (children
//! to parent, segments to `all`) and never across programs: program `all` is never the sum of
//! the programs.

use std::collections::BTreeSet;

use super::index::{Part, Unmade};
use super::{bound, derivation, level_word};
use super::{Fig, Finding, Note};
use crate::calc;
use crate::model::*;
use crate::store::{self, Participants};

/// The programs other than `all`, in code order.
pub const PROGRAMS: [Program; 5] = [
    Program::Jht,
    Program::Jkk,
    Program::Jkm,
    Program::Jp,
    Program::Jkp,
];

/// Program `all`, then the others.
const TOTAL_FIRST: [Program; 6] = [
    Program::All,
    Program::Jht,
    Program::Jkk,
    Program::Jkm,
    Program::Jp,
    Program::Jkp,
];

const _: () = assert!(PROGRAMS.len() + 1 == Program::ALL.len());
const _: () = assert!(TOTAL_FIRST.len() == Program::ALL.len());

const ALL_SLOTS: u16 = ((1u32 << store::SLOTS) - 1) as u16;

/// Which programs a command covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Programs {
    /// Program `all` only: what a command without programs has always shown.
    #[default]
    Total,
    /// One program.
    One(Program),
    /// Program `all`, then every program with figures.
    Each,
}

impl Programs {
    /// The programs to go through, `all` first.
    pub fn list(self) -> &'static [Program] {
        match self {
            Programs::Total => &[Program::All],
            Programs::One(p) => {
                let i = TOTAL_FIRST.iter().position(|&x| x == p).unwrap_or(0);
                &TOTAL_FIRST[i..=i]
            }
            Programs::Each => &TOTAL_FIRST,
        }
    }
}

/// The figures of every program but `all` (which the [`Index`] holds).
#[derive(Debug, Default)]
pub struct ProgramFigures {
    pub derived: Participants,
    /// Every series with a figure, given or derived: (office, program, segment, measure).
    series: BTreeSet<(usize, Program, Segment, Measure)>,
    pub findings: Vec<Finding>,
    /// Some participant row is a bound, so sums must carry it.
    bounded: bool,
    /// Sums not made because their parts' bounds pull both ways, by (office, program,
    /// segment, measure, period).
    pub unmade: std::collections::BTreeMap<(usize, Program, Segment, Measure, Period), Unmade>,
}

/// One key of a program figure.
type Key = (usize, Program, Period, Segment, Measure);

impl ProgramFigures {
    /// Rolls up every program's figures; empty (and cheap) for a data set without programs.
    pub fn build(ds: &DataSet) -> Self {
        let given: Vec<store::SeriesKey> = ds.participants.program_series().collect();
        if given.is_empty() {
            // Nothing allocated: a data set without programs costs what it did before them.
            return ProgramFigures::default();
        }
        let mut pf = ProgramFigures {
            derived: Participants::new(ds.offices.len()),
            bounded: ds
                .participants
                .provenances()
                .iter()
                .any(|p| bound::of(p) != Bound::Exact),
            ..ProgramFigures::default()
        };
        pf.series = given
            .iter()
            .map(|k| (k.office, k.program, k.segment, k.measure))
            .collect();
        let kids = child_lists(&ds.offices);
        let mut order: Vec<usize> = ds.tree().into_iter().map(|(i, _)| i).collect();
        order.reverse();
        for o in order {
            for pr in PROGRAMS {
                pf.roll_up(ds, o, pr, &kids[o]);
                pf.sum_segments(ds, o, pr);
            }
        }
        pf
    }

    /// True when the data set has a figure for a program other than `all`.
    pub fn any(&self) -> bool {
        !self.series.is_empty()
    }

    pub fn value(&self, ds: &DataSet, (o, pr, p, s, m): Key) -> Option<i64> {
        ds.participants
            .get_in(pr, o, p, s, m)
            .or_else(|| self.derived.get_in(pr, o, p, s, m))
            .map(|(v, _)| v)
    }

    pub fn fig(&self, ds: &DataSet, (o, pr, p, s, m): Key) -> Option<Fig> {
        if let Some((v, id)) = ds.participants.get_in(pr, o, p, s, m) {
            return Some(Fig::given(v, ds.participants.provenance(id)));
        }
        self.derived
            .get_in(pr, o, p, s, m)
            .map(|(v, id)| Fig::from_store(v, self.derived.provenance(id)))
    }

    fn known(&self, ds: &DataSet, o: usize, pr: Program, s: Segment, m: Measure, y: i32) -> u16 {
        ds.participants.known_in(pr, o, s, m, y) | self.derived.known_in(pr, o, s, m, y)
    }

    fn years(&self, ds: &DataSet, o: usize, pr: Program, s: Segment, m: Measure) -> BTreeSet<i32> {
        let mut y: BTreeSet<i32> = ds.participants.years_in(pr, o, s, m).into_iter().collect();
        y.extend(self.derived.years_in(pr, o, s, m));
        y
    }

    /// Every period with a figure for the series, in order.
    pub fn periods(
        &self,
        ds: &DataSet,
        o: usize,
        pr: Program,
        s: Segment,
        m: Measure,
    ) -> Vec<Period> {
        let mut out = Vec::new();
        for y in self.years(ds, o, pr, s, m) {
            let known = self.known(ds, o, pr, s, m, y);
            out.extend(
                (0..13)
                    .filter(|b| known & (1 << b) != 0)
                    .map(|b| store::period(y, b)),
            );
        }
        out
    }

    /// The series of one office (or every office) with a figure: (office, program, segment,
    /// measure), in that order.
    pub fn series_of(
        &self,
        office: Option<usize>,
    ) -> impl Iterator<Item = (usize, Program, Segment, Measure)> + '_ {
        self.series
            .iter()
            .copied()
            .filter(move |k| office.is_none_or(|o| k.0 == o))
    }

    /// The provenance of a sum of these parts: `how`, or a copy carrying their bounds combined
    /// (a sum of lower bounds is a lower bound); `None` when they pull both ways and the sum
    /// is no figure.
    fn how_of(&mut self, ds: &DataSet, how: u32, parts: &[Key]) -> Option<u32> {
        if !self.bounded {
            return Some(how);
        }
        let mut b = Bound::Exact;
        for &k in parts {
            let part = self.fig(ds, k).map_or(Bound::Exact, |f| f.bound());
            b = bound::sum(b, part)?;
        }
        if b == Bound::Exact {
            return Some(how);
        }
        let mut p = self.derived.provenance(how).clone();
        p.bound = Some(b);
        Some(self.derived.intern(p))
    }

    /// Notes a sum not made because its parts pull both ways, where the key has no figure.
    fn not_made(
        &mut self,
        ds: &DataSet,
        (o, pr, p, s, m): Key,
        how: Derivation,
        parts: &[(Part, Key)],
    ) {
        if self.value(ds, (o, pr, p, s, m)).is_some() {
            return;
        }
        let mut why = Unmade::new(how);
        for &(part, k) in parts {
            let Some(f) = self.fig(ds, k) else {
                continue;
            };
            match f.bound() {
                Bound::AtLeast | Bound::AtLeastAbout => why.lower.push((part, f)),
                Bound::AtMost | Bound::AtMostAbout => why.upper.push((part, f)),
                Bound::Exact | Bound::About => {}
            }
        }
        self.unmade.insert((o, pr, s, m, p), why);
    }

    /// Notes a sum not made because its parts add up past the 64-bit limit, where the key has
    /// no figure.
    fn not_made_past_limit(&mut self, ds: &DataSet, (o, pr, p, s, m): Key, how: Derivation) {
        if self.value(ds, (o, pr, p, s, m)).is_none() {
            self.unmade
                .insert((o, pr, s, m, p), Unmade::past_limit(how));
        }
    }

    /// Stores a derived figure unless the key has one; a given figure that differs is returned
    /// as (given, line), unless the bounds of the two let them be the same number.
    fn derive(
        &mut self,
        ds: &DataSet,
        (o, pr, p, s, m): Key,
        sum: i64,
        how: u32,
    ) -> Option<(i64, u64)> {
        match ds.participants.get_in(pr, o, p, s, m) {
            Some((given, id)) if given != sum => {
                if self.bounded {
                    let gb = bound::of(ds.participants.provenance(id));
                    let sb = bound::of(self.derived.provenance(how));
                    if super::index::overlap((given, gb), (sum, sb)) {
                        return None;
                    }
                }
                Some((given, ds.participants.line_in(pr, o, p, s, m).unwrap_or(0)))
            }
            Some(_) => None,
            None => {
                if self.derived.get_in(pr, o, p, s, m).is_none() {
                    let _ = self.derived.insert_in(pr, o, p, s, m, Some(sum), how, None);
                    self.series.insert((o, pr, s, m));
                }
                None
            }
        }
    }

    /// A parent's program figure is the sum of its children's figures of the same program,
    /// when every child of the next level down has it.
    fn roll_up(&mut self, ds: &DataSet, o: usize, pr: Program, kids: &[usize]) {
        let Some(level) = ds.offices[o].level.child_level() else {
            return;
        };
        if ds.offices[o].partial {
            return;
        }
        let kids: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&k| ds.offices[k].level == level)
            .collect();
        if kids.is_empty()
            || !kids
                .iter()
                .any(|&k| self.series_of(Some(k)).any(|x| x.1 == pr))
        {
            return;
        }
        let how = self.derived.intern(derivation(Derivation::SumOf {
            n: kids.len(),
            level,
        }));
        for &s in Segment::ALL {
            for &m in Measure::ALL {
                let years: BTreeSet<i32> = kids
                    .iter()
                    .flat_map(|&k| self.years(ds, k, pr, s, m))
                    .collect();
                for y in years {
                    let mask = kids
                        .iter()
                        .fold(ALL_SLOTS, |a, &k| a & self.known(ds, k, pr, s, m, y));
                    for b in (0..13).filter(|b| mask & (1 << b) != 0) {
                        let p = store::period(y, b);
                        let vals = kids
                            .iter()
                            .map(|&k| self.value(ds, (k, pr, p, s, m)).unwrap_or(0));
                        let Some(sum) = calc::checked_sum(vals) else {
                            let why = Derivation::SumOf {
                                n: kids.len(),
                                level,
                            };
                            self.not_made_past_limit(ds, (o, pr, p, s, m), why);
                            continue;
                        };
                        let parts: Vec<Key> = kids.iter().map(|&k| (k, pr, p, s, m)).collect();
                        let Some(how) = self.how_of(ds, how, &parts) else {
                            let named: Vec<(Part, Key)> =
                                parts.iter().map(|&k| (Part::Office(k.0), k)).collect();
                            let why = Derivation::SumOf {
                                n: kids.len(),
                                level,
                            };
                            self.not_made(ds, (o, pr, p, s, m), why, &named);
                            continue;
                        };
                        if let Some((given, line)) = self.derive(ds, (o, pr, p, s, m), sum, how) {
                            self.findings.push(Finding {
                                file: "participants.csv",
                                column: None,
                                line,
                                message: Note::new(
                                    "{} {} {} {} {} is {}, but its {} {} add up to {}",
                                    vec![
                                        ds.offices[o].code.clone(),
                                        p.to_string(),
                                        s.to_string(),
                                        m.to_string(),
                                        pr.to_string(),
                                        given.to_string(),
                                        kids.len().to_string(),
                                        level_word(level, kids.len()).into(),
                                        sum.to_string(),
                                    ],
                                )
                                .term_at(2)
                                .term_at(3)
                                .term_at(4)
                                .term_at(7),
                            });
                        }
                    }
                }
            }
        }
    }

    /// A program's segment `all` is the sum of its four segments when all four are known.
    fn sum_segments(&mut self, ds: &DataSet, o: usize, pr: Program) {
        if !self.series_of(Some(o)).any(|x| x.1 == pr) {
            return;
        }
        let how = self.derived.intern(derivation(Derivation::Segments));
        for &m in Measure::ALL {
            let years: BTreeSet<i32> = Segment::PARTS
                .iter()
                .flat_map(|&s| self.years(ds, o, pr, s, m))
                .collect();
            for y in years {
                let mask = Segment::PARTS
                    .iter()
                    .fold(ALL_SLOTS, |a, &s| a & self.known(ds, o, pr, s, m, y));
                for b in (0..13).filter(|b| mask & (1 << b) != 0) {
                    let p = store::period(y, b);
                    let vals = Segment::PARTS
                        .iter()
                        .map(|&s| self.value(ds, (o, pr, p, s, m)).unwrap_or(0));
                    let Some(sum) = calc::checked_sum(vals) else {
                        let key = (o, pr, p, Segment::All, m);
                        self.not_made_past_limit(ds, key, Derivation::Segments);
                        continue;
                    };
                    let parts: Vec<Key> =
                        Segment::PARTS.iter().map(|&s| (o, pr, p, s, m)).collect();
                    let Some(how) = self.how_of(ds, how, &parts) else {
                        let named: Vec<(Part, Key)> =
                            parts.iter().map(|&k| (Part::Segment(k.3), k)).collect();
                        let key = (o, pr, p, Segment::All, m);
                        self.not_made(ds, key, Derivation::Segments, &named);
                        continue;
                    };
                    let key = (o, pr, p, Segment::All, m);
                    if let Some((given, line)) = self.derive(ds, key, sum, how) {
                        self.findings.push(Finding {
                            file: "participants.csv",
                            column: None,
                            line,
                            message: Note::new(
                                "{} {} {} {}: all segments is {}, but pu + bpu + jakon + pmi = {}",
                                vec![
                                    ds.offices[o].code.clone(),
                                    p.to_string(),
                                    m.to_string(),
                                    pr.to_string(),
                                    given.to_string(),
                                    sum.to_string(),
                                ],
                            )
                            .term_at(2)
                            .term_at(3),
                        });
                    }
                }
            }
        }
    }
}
