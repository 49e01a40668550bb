//! What several commands share: the context they run in, the arguments they turn into a
//! filter and the cells they write alike, so no command imports another or cmd/mod.rs.

use std::io::Write;

use anyhow::Result;

use crate::analysis::bound::{self, Wording};
use crate::analysis::{
    offices_with, workers, Against, ClaimLine, CoverageRow, Filter, Index, PaceStatus, Part,
    PartialBase, Programs, TargetRow, Unmade,
};
use crate::cli::{AgainstArg, ByArg, Select};
use crate::load::{self, ReadOptions};
use crate::model::{
    Bound, DataSet, Derivation, Period, Program, Provenance, Segment, Target, TargetMeasure,
};
use crate::output::{self, Cell, RenderOptions, Table};
use crate::resolve::resolve;
use crate::standing::{Basis, By, Missing, Standing};

/// What every command gets: where the data is and how to read and print it.
pub struct Ctx {
    pub source: load::DataSource,
    pub read: ReadOptions,
    pub render: RenderOptions,
}

impl Ctx {
    pub fn load(&self) -> Result<DataSet> {
        Ok(load::load_strict(&self.source, self.read)?)
    }

    pub fn emit(&self, table: &Table, out: &mut dyn Write) -> Result<()> {
        output::renderer(self.render).render(table, out)?;
        Ok(())
    }
}

/// Turns `--branch/--year/--from/--to/--segment` into a filter, resolving the office name.
pub fn filter(ds: &DataSet, s: &Select) -> Result<Filter> {
    if let (Some(f), Some(t)) = (s.from, s.to) {
        if f > t {
            return Err(crate::said::Said::new(
                "--from {} is after --to {}",
                vec![f.to_string(), t.to_string()],
            )
            .into());
        }
    }
    Ok(Filter {
        office: s.branch.as_deref().map(|b| resolve(ds, b)).transpose()?,
        level: None,
        from: s.year.or(s.from),
        to: s.year.or(s.to),
        segment: s.segment,
        monthly: false,
        programs: Programs::default(),
    })
}

/// The workforce asked for with `--against`; without it, each program as the ILO holds it.
pub fn against(a: Option<AgainstArg>) -> Against {
    match a {
        None => Against::Ilo,
        Some(AgainstArg::Employed) => Against::Employed,
        Some(AgainstArg::LabourForce) => Against::LabourForce,
        Some(AgainstArg::Formal) => Against::Formal,
    }
}

/// The programs asked for with `--program`; without it, `fallback`.
pub fn programs(a: Option<Program>, fallback: Programs) -> Programs {
    a.map_or(fallback, Programs::One)
}

pub fn by(b: ByArg) -> By {
    match b {
        ByArg::Coverage => By::Coverage,
        ByArg::Growth => By::Growth,
        ByArg::Achievement => By::Achievement,
    }
}

/// What a figure rests on besides its own period: `employed 2023-08`, `vs 2023-06`,
/// `target 150,000 (annual, active)`.
pub fn basis_phrase(s: &Standing) -> Cell {
    let t = |s: &str| Cell::Text(s.to_string());
    Cell::Phrase(match &s.against {
        Basis::Survey {
            measure,
            period,
            after,
        } => {
            let mut p = vec![Cell::Term(workers(*measure)), t(" "), Cell::Period(*period)];
            if *after {
                p.push(t("; "));
                p.push(Cell::Term("resting on a survey taken after the figure"));
            }
            p
        }
        Basis::Base { period } => vec![Cell::Term("vs"), t(" "), Cell::Period(*period)],
        Basis::Target {
            year,
            plan,
            measure,
            value,
            prov,
        } => vec![
            Cell::Term("target"),
            t(&format!(" {year}: ")),
            as_published(*value as f64, prov, *measure == TargetMeasure::FundsIdr),
            t(" ("),
            Cell::Term(plan.code()),
            t(", "),
            Cell::Term(measure.code()),
            t(")"),
        ],
    })
}

/// The figure for csv and json: the number itself, whatever its bound.
pub fn raw_value(by: By, s: &Standing) -> Cell {
    match by {
        By::Growth => Cell::PctDelta(s.value),
        By::Coverage | By::Achievement => Cell::Pct(s.value),
    }
}

/// The figure as people read it: growth with its sign, the others as a plain percentage, with
/// its bound in words where it has one.
pub fn value_cell(by: By, s: &Standing) -> Cell {
    let v = s.value;
    let figure = match by {
        By::Growth => Cell::PctDelta(v),
        By::Coverage | By::Achievement => Cell::Pct(v),
    };
    let figure = with_bound(figure, s.bound);
    if s.doubts.is_empty() {
        return figure;
    }
    let doubts: Vec<&str> = s.doubts.iter().map(String::as_str).collect();
    if_read(figure, None, &doubts)
}

/// Whether a threshold's result could go the other way within the figure's bound: a figure of
/// at most 85.7% passes a minimum of 80% only if it is not far below what it shows.
pub fn result_open(s: &Standing, min: f64) -> bool {
    match s.bound {
        Some(Bound::Exact) => false,
        Some(Bound::AtMost) => s.value >= min,
        Some(Bound::AtLeast) => s.value < min,
        // About, or a bound that is itself only about where the figure shows.
        Some(Bound::About | Bound::AtLeastAbout | Bound::AtMostAbout) | None => true,
    }
}

pub fn line_code(l: ClaimLine) -> &'static str {
    match l {
        ClaimLine::Program(p) => p.code(),
        ClaimLine::Other => "other",
        ClaimLine::Total => "all",
    }
}

/// How a target's figures are written: rupiah for funds, plain counts otherwise.
#[derive(Clone, Copy)]
pub struct Amount {
    money: bool,
}

impl Amount {
    pub fn of(m: TargetMeasure) -> Self {
        Amount {
            money: m == TargetMeasure::FundsIdr,
        }
    }

    pub fn num(self, v: i64) -> Cell {
        if self.money {
            Cell::Idr(v)
        } else {
            Cell::Int(v)
        }
    }

    pub fn delta(self, v: i64) -> Cell {
        if self.money {
            Cell::IdrDelta(v)
        } else {
            Cell::Delta(v)
        }
    }

    /// The unit code the long report gives the figure.
    pub fn unit(self) -> &'static str {
        if self.money {
            "idr"
        } else {
            "persons"
        }
    }
}

/// A figure with its bound in words (`more than Rp281 billion`, `above 80%`, `about 12%`);
/// an exact figure is just itself.
pub fn qualified(b: Bound, figure: Cell, percent: bool) -> Cell {
    let template = match b {
        Bound::Exact => return figure,
        Bound::AtLeast if percent => "above {}",
        Bound::AtLeast => "more than {}",
        Bound::AtMost => "at most {}",
        Bound::About => "about {}",
        Bound::AtLeastAbout => "at least about {}",
        Bound::AtMostAbout => "at most about {}",
    };
    Cell::Template(template, vec![figure])
}

/// A figure with its bound in the words given (`at least Rp781.77 trillion`, `just under 2.9
/// million`, `about 12%`); an exact figure is just itself.
pub fn worded(w: Wording, figure: Cell) -> Cell {
    let template = match w {
        Wording::Exact => return figure,
        Wording::AtLeast => "at least {}",
        Wording::MoreThan => "more than {}",
        Wording::Above => "above {}",
        Wording::JustUnder => "just under {}",
        Wording::LessThan => "less than {}",
        Wording::AtMost => "at most {}",
        Wording::About => "about {}",
        Wording::AtLeastAbout => "at least about {}",
        Wording::AtMostAbout => "at most about {}",
    };
    Cell::Template(template, vec![figure])
}

/// A derived figure with its bound in words, or `fallback` shown as it is where exact.
pub fn derived(b: Option<Bound>, figure: Cell) -> Cell {
    match b {
        Some(b) => worded(bound::derived_wording(b), figure),
        None => Cell::Term("no figure: its inputs are bounds that pull both ways"),
    }
}

/// A derived figure for people: itself where exact, else with its bound in words.
pub fn with_bound(figure: Cell, b: Option<Bound>) -> Cell {
    if b == Some(Bound::Exact) {
        figure
    } else {
        derived(b, figure)
    }
}

/// Why a sum is not made: `no sum: its parts are bounded both ways (Branch C more than 40
/// thousand and Branch D just under 30 thousand)`, each part by its office's name or its
/// segment, with its figure as published.
pub fn unmade_cell(ds: &DataSet, u: &Unmade) -> Cell {
    let parts = |list: &[(Part, crate::analysis::Fig)]| {
        let mut out = Vec::new();
        for (i, (part, f)) in list.iter().enumerate() {
            if i > 0 {
                out.push(Cell::Text(", ".into()));
            }
            out.push(match *part {
                Part::Office(o) => Cell::text(&ds.offices[o].name),
                Part::Segment(s) => Cell::segment(s),
                Part::Workforce(m) => Cell::Term(crate::analysis::workers(m)),
            });
            out.push(Cell::Text(" ".into()));
            out.push(fig_words(f));
        }
        Cell::Phrase(out)
    };
    if u.past_limit {
        return Cell::Template("no sum: its parts add up past the 64-bit limit", Vec::new());
    }
    Cell::Template(
        if u.how == Derivation::EmployedLessFormal {
            "no figure: employed less formal, whose bounds pull it both ways ({} and {})"
        } else {
            "no sum: its parts are bounded both ways ({} and {})"
        },
        vec![parts(&u.lower), parts(&u.upper)],
    )
}

/// A participant or workforce figure for people: as published where it was (`750 ribu`: 750
/// thousand), else the count itself (a sum the tool made).
pub fn fig_words(f: &crate::analysis::Fig) -> Cell {
    if f.published.is_empty() && f.bound_column.is_none() {
        Cell::Int(f.value)
    } else {
        as_published_or(f.value as f64, &f.prov(), false, Cell::Int(f.value))
    }
}

/// A given figure as its source printed it: the value held, to the digits and in the scale
/// word of its published text (`hampir 2,9 juta`: just under 2.9 million, `750 ribu`: 750
/// thousand, `tembus Rp781,77 triliun`: at least Rp781.77 trillion). Without a readable text,
/// the plain figure, qualified by a `bound` column if it has one.
pub fn as_published(value: f64, prov: &Provenance, money: bool) -> Cell {
    let plain = if money {
        Cell::Idr(value.round() as i64)
    } else if value.fract() == 0.0 && value.abs() < 9e15 {
        Cell::Int(value as i64)
    } else {
        Cell::Float(value)
    };
    as_published_or(value, prov, money, plain)
}

/// [`as_published`], with `plain` for a figure whose text gives no readable figure.
pub fn as_published_or(value: f64, prov: &Provenance, money: bool, plain: Cell) -> Cell {
    let plain = || plain.clone();
    let figure = match crate::analysis::published::parse(&prov.published) {
        Err(_) => plain(),
        Ok(p) if p.percent => {
            let (_, dp) = p.written();
            Cell::Phrase(vec![Cell::Dec(value, dp), Cell::Text("%".into())])
        }
        Ok(_) if money => idr_as_published(value.round() as i64, &prov.published),
        Ok(p) => {
            let (scale, dp) = p.written();
            let template = if scale >= 1e12 {
                "{} trillion"
            } else if scale >= 1e9 {
                "{} billion"
            } else if scale >= 1e6 {
                "{} million"
            } else if scale >= 1e3 {
                "{} thousand"
            } else {
                ""
            };
            if template.is_empty() {
                plain()
            } else {
                Cell::Template(template, vec![Cell::Dec(value / scale, dp)])
            }
        }
    };
    worded(bound::wording(prov), figure)
}

/// Rupiah with the decimals its published text has (`Rp 281 miliar lebih`: Rp281 billion, not
/// Rp281.00 billion); the usual two decimals where the text gives none, zeros left off.
pub fn idr_as_published(v: i64, published: &str) -> Cell {
    let Ok(p) = crate::analysis::published::parse(published) else {
        return Cell::Idr(v);
    };
    let a = v.unsigned_abs() as f64;
    let (scale, template) = if a >= 1e12 {
        (1e12, "Rp{} trillion")
    } else if a >= 1e9 {
        (1e9, "Rp{} billion")
    } else if a >= 1e6 {
        (1e6, "Rp{} million")
    } else {
        return Cell::Idr(v);
    };
    Cell::Template(template, vec![Cell::Dec(v as f64 / scale, p.decimals())])
}

/// A figure that is not known, only the range it lies in: `between Rp60 and Rp62 billion`.
pub fn between(lo: Cell, hi: Cell) -> Cell {
    Cell::Template("between {} and {}", vec![lo, hi])
}

/// What a derived figure's bound is called in csv and json: its code, or `none` when its
/// inputs pull both ways and there is no figure.
pub fn bound_code(b: Option<Bound>) -> Cell {
    Cell::text(b.map_or("none", Bound::code))
}

/// The remark under a table that shows a range computed from bounds.
pub const RANGE_REMARK: &str = "A range takes each bound as within one unit of its last published digit (\"Rp 342 miliar lebih\": Rp342 to 343 billion)";

/// A verdict or status that rests on rows read one way of two says so: `target missed, if
/// 35,93 juta is the 2022 roadmap target`. `target` is the target row when it is the uncertain
/// one; `others` are the published texts of the other uncertain rows.
pub fn if_read(verdict: Cell, target: Option<&Target>, others: &[&str]) -> Cell {
    let verdict = match target {
        Some(t) => Cell::Template(
            "{}, if {} is the {} {} target",
            vec![
                verdict,
                Cell::text(&t.prov.published),
                Cell::Plain(i64::from(t.year)),
                Cell::Term(t.plan.code()),
            ],
        ),
        None => verdict,
    };
    if others.is_empty() {
        return verdict;
    }
    Cell::Template(
        "{}, if {} is read as its note says",
        vec![verdict, Cell::text(others.join(" / "))],
    )
}

/// For a target read one way of two, that it is: `read as the 2022 roadmap target, one
/// reading of two` (its note says what the other reading is).
pub fn one_reading(t: &Target) -> Option<Cell> {
    t.prov.uncertain.then(|| {
        Cell::Template(
            "read as the {} {} target, one reading of two",
            vec![Cell::Plain(i64::from(t.year)), Cell::Term(t.plan.code())],
        )
    })
}

/// A comparison between targets says so for each of them read one way of two: `+7,990,000, if
/// 35,93 juta is the 2022 roadmap target`. Returns the cell and whether any is uncertain.
pub fn if_targets(cell: Cell, targets: &[&Target]) -> (Cell, bool) {
    let mut uncertain = false;
    let mut cell = cell;
    for t in targets.iter().filter(|t| t.prov.uncertain) {
        cell = if_read(cell, Some(t), &[]);
        uncertain = true;
    }
    (cell, uncertain)
}

/// An annual target against the roadmap's for the same year, in words and as a reading.
pub fn vs_roadmap_cell(r: &TargetRow) -> (Cell, bool) {
    match (r.vs_roadmap, r.roadmap) {
        (Some(v), Some(road)) => if_targets(
            with_bound(Amount::of(r.target.measure).delta(v), r.bounds.vs_roadmap),
            &[road, r.target],
        ),
        _ => (Cell::Empty, false),
    }
}

/// The change from the same plan's target a year earlier, in words and as a reading.
pub fn path_cells(r: &TargetRow) -> (Cell, Cell, bool) {
    let Some(step) = &r.path else {
        return (Cell::Empty, Cell::Empty, false);
    };
    let rows = [step.before, r.target];
    let b = r.bounds.path;
    let abs = with_bound(Amount::of(r.target.measure).delta(step.change.abs), b);
    let (abs, uncertain) = if_targets(abs, &rows);
    let pct = Cell::opt(step.change.pct, |p| {
        if_targets(with_bound(Cell::PctDelta(p), b), &rows).0
    });
    (abs, pct, uncertain)
}

/// For people, the rows read one way of two that a figure rests on: "if 207.010 is read as its
/// note says"; empty when it rests on none.
pub fn rests_on(doubts: &[&str]) -> Cell {
    if doubts.is_empty() {
        return Cell::Empty;
    }
    Cell::Template(
        "if {} is read as its note says",
        vec![Cell::text(doubts.join(" / "))],
    )
}

/// The `reading` column of machine formats: `uncertain` when any row a figure rests on is.
pub fn reading_code(uncertain: bool) -> Cell {
    Cell::Text(if uncertain { "uncertain" } else { "certain" }.into())
}

/// The status in words, with the rows read one way of two it rests on, and whether any is.
pub fn status_cell(r: &TargetRow) -> (Cell, bool) {
    let tg = r.target;
    // Only a verdict rests on the figures; "no figures to compare" says nothing of them.
    let verdict = matches!(
        r.status,
        PaceStatus::OnTrack
            | PaceStatus::Behind
            | PaceStatus::Reached
            | PaceStatus::AboveFalling
            | PaceStatus::YearComplete { .. }
    );
    if !verdict {
        // No verdict, but the target itself may be read one way of two: say so beside it.
        return match one_reading(tg) {
            Some(doubt) => (
                Cell::Phrase(vec![
                    Cell::Term(r.status.term()),
                    Cell::Text("; ".into()),
                    doubt,
                ]),
                true,
            ),
            None => (Cell::Term(r.status.term()), false),
        };
    }
    let target = tg.prov.uncertain.then_some(tg);
    let others: Vec<&str> = [r.actual.as_ref(), r.base.as_ref()]
        .into_iter()
        .flatten()
        .filter(|(_, f)| f.uncertain)
        .map(|(_, f)| f.doubt.as_str())
        .collect();
    let uncertain = target.is_some() || !others.is_empty();
    let mut status = Cell::Term(r.status.term());
    if r.bounds.verdict_open {
        // A verdict on a bounded target could go either way within the bound: say against what.
        let money = tg.measure == TargetMeasure::FundsIdr;
        let figure = as_published(tg.value.unwrap_or(0) as f64, &tg.prov, money);
        status = Cell::Template("{}, against a target of {}", vec![status, figure]);
    }
    (if_read(status, target, &others), uncertain)
}

/// For a count: "1,200 known for PU, BPU at 2023, at least the total: at most +300 to go
/// (missing: JAKON, PMI)". For additions, a year's flow against the next year's target, which
/// no progress in the target year changes: "401,220 known for PU, BPU in 2023, at least the
/// total: the target is at most +31,780 above it (missing: JAKON, PMI)".
pub fn partial_note(pb: &PartialBase, target: Option<i64>, flow: bool) -> Cell {
    let codes = |v: &[Segment]| {
        let c: Vec<String> = v.iter().map(|s| s.code().to_uppercase()).collect();
        Cell::text(c.join(", "))
    };
    let note = Cell::Template(
        if flow {
            "{} known for {} in {}, at least the total: the target is at most {} above it (missing: {})"
        } else {
            "{} known for {} in {}, at least the total: at most {} to go (missing: {})"
        },
        vec![
            Cell::Int(pb.sum),
            codes(&pb.known),
            Cell::Period(pb.period),
            Cell::opt(target.map(|t| t.saturating_sub(pb.sum)), Cell::Delta),
            codes(&pb.missing),
        ],
    );
    if pb.uncertain {
        Cell::Template(
            "{}, if the known figures are read as their notes say",
            vec![note],
        )
    } else {
        note
    }
}

/// Why an office has no figure, saying what is there (which segments, which periods, which
/// measure) and which flag shows it: "no active participants figure for all segments: PU + BPU
/// given for Aug 2023, at least 75,000 together; see --segment pu".
/// [`missing_cell`] in a ranking, which has no `--branch`: the offices with the figure are
/// shown by `--level`, at the level of the first of them.
pub fn missing_cell_ranked(m: &Missing, ds: &DataSet) -> Cell {
    missing_in(m, ds, true)
}

pub fn missing_cell(m: &Missing, ds: &DataSet) -> Cell {
    missing_in(m, ds, false)
}

fn missing_in(m: &Missing, ds: &DataSet, ranked: bool) -> Cell {
    if let (true, Missing::NoWorkforce { measure, offices }) = (ranked, m) {
        if let Some(&first) = offices.first() {
            return Cell::Template(
                "no {} figure for this office: given for {}; see --level {}",
                vec![
                    Cell::Term(workers(*measure)),
                    offices_cell(ds, offices),
                    Cell::text(ds.offices[first].level.code()),
                ],
            );
        }
    }
    let t = |k: &'static str, v: Vec<Cell>| Cell::Template(k, v);
    match m {
        Missing::NoActive { have: None } => Cell::Term(m.term()),
        Missing::NoActive { have: Some(h) } => t(
            "no active participants figure: {} given for {} in {}; see coverage growth",
            vec![
                Cell::Term(h.measure.label()),
                segments_cell(&h.segments),
                periods_cell(&h.periods),
            ],
        ),
        Missing::OtherSegments {
            asked,
            have,
            at_least,
            shows: Err((s, why)),
        } => {
            // No segment given has the figure either: what the first one lacks, so the flag is
            // not followed to another empty answer.
            let asked = segments_cell(&[*asked]);
            let given = match at_least {
                Some((sum, p)) if have.periods == [*p] => t(
                    "no active participants figure for {}: {} given for {}, at least {} together",
                    vec![
                        asked,
                        segments_cell(&have.segments),
                        Cell::Period(*p),
                        Cell::Int(*sum),
                    ],
                ),
                Some((sum, p)) => t(
                    "no active participants figure for {}: {} given for {}, at least {} together in {}",
                    vec![
                        asked,
                        segments_cell(&have.segments),
                        periods_cell(&have.periods),
                        Cell::Int(*sum),
                        Cell::Period(*p),
                    ],
                ),
                None => t(
                    "no active participants figure for {}: {} given for {}",
                    vec![
                        asked,
                        segments_cell(&have.segments),
                        periods_cell(&have.periods),
                    ],
                ),
            };
            match &**why {
                // A ranking by growth: the segment's figure is there, and growth lists it.
                Missing::NoBase { periods } if ranked && !periods.is_empty() => t(
                    "{}; nor for {}: no figure a year earlier to compare with: active participants given for {} only; see coverage growth --segment {}",
                    vec![
                        given,
                        segments_cell(&[*s]),
                        periods_cell(periods),
                        Cell::text(s.code()),
                    ],
                ),
                _ => t(
                    "{}; nor for {}: {}",
                    vec![given, segments_cell(&[*s]), missing_in(why, ds, ranked)],
                ),
            }
        }
        Missing::OtherSegments {
            asked,
            have,
            at_least,
            shows: Ok(flag),
        } => {
            let asked = segments_cell(&[*asked]);
            let flag = Cell::text(flag.code());
            match at_least {
                Some((sum, p)) if have.periods == [*p] => t(
                    "no active participants figure for {}: {} given for {}, at least {} together; see --segment {}",
                    vec![
                        asked,
                        segments_cell(&have.segments),
                        Cell::Period(*p),
                        Cell::Int(*sum),
                        flag,
                    ],
                ),
                Some((sum, p)) => t(
                    "no active participants figure for {}: {} given for {}, at least {} together in {}; see --segment {}",
                    vec![
                        asked,
                        segments_cell(&have.segments),
                        periods_cell(&have.periods),
                        Cell::Int(*sum),
                        Cell::Period(*p),
                        flag,
                    ],
                ),
                None => t(
                    "no active participants figure for {}: {} given for {}; see --segment {}",
                    vec![
                        asked,
                        segments_cell(&have.segments),
                        periods_cell(&have.periods),
                        flag,
                    ],
                ),
            }
        }
        Missing::NoWorkforce { measure, offices } => match offices.first() {
            Some(&first) => t(
                "no {} figure for this office: given for {}; see --branch {}",
                vec![
                    Cell::Term(workers(*measure)),
                    offices_cell(ds, offices),
                    Cell::text(&ds.offices[first].code),
                ],
            ),
            None => t(
                "no {} figure in the data set",
                vec![Cell::Term(workers(*measure))],
            ),
        },
        Missing::UnmadeWorkforce {
            measure,
            period,
            why,
        } => t(
            "no {} workforce figure at {}: {}",
            vec![
                Cell::Term(workers(*measure)),
                Cell::Period(*period),
                unmade_cell(ds, why),
            ],
        ),
        Missing::NoBase { periods } if ranked && !periods.is_empty() => t(
            "no figure a year earlier to compare with: active participants given for {} only; see coverage growth",
            vec![periods_cell(periods)],
        ),
        Missing::NoBase { periods } if !periods.is_empty() => t(
            "no figure a year earlier to compare with: active participants given for {} only",
            vec![periods_cell(periods)],
        ),
        Missing::NoBase { .. } => Cell::Term(m.term()),
        Missing::Unmade { period, why } => Cell::Phrase(vec![
            Cell::Period(*period),
            Cell::Text(": ".into()),
            unmade_cell(ds, why),
        ]),
        Missing::NoTarget { year, years } => match (year, years.last()) {
            (Some(y), Some(&last)) => t(
                "no target for {}: targets given for {}; see --year {}",
                vec![
                    Cell::Plain(i64::from(*y)),
                    years_cell(years),
                    Cell::Plain(i64::from(last)),
                ],
            ),
            _ => Cell::Term("no target for this office"),
        },
        Missing::NoActual {
            year,
            have,
            other_year,
        } => {
            let mut c = t("no figure for {} yet", vec![Cell::Plain(i64::from(*year))]);
            if let Some(h) = have {
                c = t(
                    "{}: {} given for {} in {}",
                    vec![
                        c,
                        Cell::Term(h.measure.label()),
                        segments_cell(&h.segments),
                        periods_cell(&h.periods),
                    ],
                );
            }
            match other_year {
                Some(y) => t("{}; see --year {}", vec![c, Cell::Plain(i64::from(*y))]),
                // No year has an actual: `targets` lists the target, the base it is set
                // against and what is known of it.
                None => t("{}; see coverage targets", vec![c]),
            }
        }
    }
}

/// A target's note: the partial sum it is set against, or why a figure is missing with what
/// the office does have of it.
pub fn target_note(ds: &DataSet, r: &TargetRow) -> Cell {
    if let Some(pb) = &r.partial_base {
        let flow = r.target.measure == TargetMeasure::New;
        return partial_note(pb, r.target.value, flow);
    }
    let note = Cell::note(r.note_parts.as_ref());
    // The figure that is not there because its parts pull both ways: why.
    let note = match &r.unmade {
        Some((p, why)) => Cell::Phrase(vec![
            note,
            Cell::Text("; ".into()),
            Cell::Period(*p),
            Cell::Text(": ".into()),
            unmade_cell(ds, why),
        ]),
        None => note,
    };
    match &r.have {
        Some(h) => Cell::Template(
            "{}: {} given for {} in {}; see coverage growth",
            vec![
                note,
                Cell::Term(h.measure.label()),
                segments_cell(&h.segments),
                periods_cell(&h.periods),
            ],
        ),
        None => note,
    }
}

/// A coverage row's note; with no survey for the office, which offices have one and the flag
/// that shows theirs.
pub fn coverage_note(ix: &Index, r: &CoverageRow) -> Cell {
    let note = Cell::note(r.note_parts.as_ref());
    if r.workforce.is_some() {
        return note;
    }
    if let Some((q, why)) = &r.workforce_unmade {
        return Cell::Template(
            "no {} workforce figure for {} at {}: {}",
            vec![
                Cell::Term(crate::analysis::workers(r.denominator)),
                Cell::text(&ix.ds.offices[r.office].code),
                Cell::Period(*q),
                unmade_cell(ix.ds, why),
            ],
        );
    }
    let offices = offices_with(ix, r.denominator);
    match offices.first() {
        Some(&first) => Cell::Template(
            "{}; given for {}: see --branch {}",
            vec![
                note,
                offices_cell(ix.ds, &offices),
                Cell::text(&ix.ds.offices[first].code),
            ],
        ),
        None => note,
    }
}

/// Why an office's table of targets or claims is empty, and what shows them: its own years
/// (`--year`), else the offices that have them (`--branch`). `with` holds each record's office
/// and year; `None` when no office was asked for or the table has rows.
pub fn empty_remark(
    ds: &DataSet,
    f: &crate::analysis::Filter,
    kind: Kind,
    with: impl Iterator<Item = (usize, i32)>,
) -> Option<Cell> {
    let o = f.office?;
    let with: Vec<(usize, i32)> = with.collect();
    let code = Cell::text(&ds.offices[o].code);
    let mut years: Vec<i32> = with.iter().filter(|r| r.0 == o).map(|r| r.1).collect();
    years.sort_unstable();
    years.dedup();
    if let Some(&last) = years.last() {
        return Some(Cell::Template(
            match kind {
                Kind::Targets => {
                    "no targets for {} among those asked; targets given for {}; see --year {}"
                }
                Kind::Claims => {
                    "no claims for {} among those asked; claims given for {}; see --year {}"
                }
            },
            vec![code, years_cell(&years), Cell::Plain(i64::from(last))],
        ));
    }
    let mut offices: Vec<usize> = with.iter().map(|r| r.0).collect();
    let rank = {
        let order: Vec<usize> = ds.tree().into_iter().map(|(i, _)| i).collect();
        let mut rank = vec![0; ds.offices.len()];
        for (pos, &i) in order.iter().enumerate() {
            rank[i] = pos;
        }
        rank
    };
    offices.sort_by_key(|&i| rank[i]);
    offices.dedup();
    Some(match offices.first() {
        Some(&first) => Cell::Template(
            match kind {
                Kind::Targets => {
                    "no targets for {} in the data set; offices with targets: {}; see --branch {}"
                }
                Kind::Claims => {
                    "no claims for {} in the data set; offices with claims: {}; see --branch {}"
                }
            },
            vec![
                code,
                offices_cell(ds, &offices),
                Cell::text(&ds.offices[first].code),
            ],
        ),
        None => Cell::Term(match kind {
            Kind::Targets => "no targets in the data set",
            Kind::Claims => "no claims in the data set",
        }),
    })
}

/// What an empty table would have listed.
#[derive(Clone, Copy)]
pub enum Kind {
    Targets,
    Claims,
}

/// `none` (why an office has no figure), with the offices that have participant figures and
/// the flag that shows one.
pub fn with_figures(ds: &DataSet, none: Cell, with: &[usize]) -> Cell {
    match with.first() {
        Some(&first) => Cell::Template(
            "{}; offices with participant figures: {}; see --branch {}",
            vec![
                none,
                offices_cell(ds, with),
                Cell::text(&ds.offices[first].code),
            ],
        ),
        None => none,
    }
}

/// Segments as BPS writes them: `PU + BPU`, or `all segments`.
pub fn segments_cell(segs: &[Segment]) -> Cell {
    joined(segs.iter().map(|s| match s {
        Segment::All => Cell::Term("all segments"),
        s => Cell::text(s.code().to_uppercase()),
    }))
    .unwrap_or(Cell::Empty)
}

/// Periods in order: up to three named, a longer run as its first and last.
pub fn periods_cell(periods: &[Period]) -> Cell {
    match periods {
        [] => Cell::Empty,
        [first, .., last] if periods.len() > 3 => {
            Cell::Template("{} to {}", vec![Cell::Period(*first), Cell::Period(*last)])
        }
        _ => joined(periods.iter().map(|p| Cell::Period(*p))).unwrap_or(Cell::Empty),
    }
}

fn years_cell(years: &[i32]) -> Cell {
    joined(years.iter().map(|y| Cell::Plain(i64::from(*y)))).unwrap_or(Cell::Empty)
}

/// Office codes, the first three named and the rest counted.
/// An office for people in a list whose codes a flag takes: `Bali Denpasar (bali-denpasar)`,
/// the code alone where the name is the same.
fn office_and_code(ds: &DataSet, o: usize) -> Cell {
    let office = &ds.offices[o];
    if office.name == office.code {
        Cell::text(&office.code)
    } else {
        Cell::text(format!("{} ({})", office.name, office.code))
    }
}

pub fn offices_cell(ds: &DataSet, offices: &[usize]) -> Cell {
    const SHOWN: usize = 3;
    let mut c =
        joined(offices.iter().take(SHOWN).map(|&o| office_and_code(ds, o))).unwrap_or(Cell::Empty);
    if offices.len() > SHOWN {
        c = Cell::Template(
            "{} and {} more",
            vec![c, Cell::Plain((offices.len() - SHOWN) as i64)],
        );
    }
    c
}

/// Cells joined by `, ` (`+` between segments reads as a sum, which a list is not).
pub fn joined(cells: impl Iterator<Item = Cell>) -> Option<Cell> {
    let mut out = Vec::new();
    for c in cells {
        if !out.is_empty() {
            out.push(Cell::Text(", ".into()));
        }
        out.push(c);
    }
    (!out.is_empty()).then_some(Cell::Phrase(out))
}
