//! What several commands share: the context they run in, the arguments they turn into a
//! filter and the cells they write alike, so no command imports another or cmd/mod.rs.

use std::io::Write;

use anyhow::Result;

use crate::analysis::bound::{self, Wording};
use crate::analysis::{
    workers, Against, ClaimLine, Filter, PaceStatus, PartialBase, Programs, TargetRow,
};
use crate::cli::{AgainstArg, ByArg, Select};
use crate::load::{self, ReadOptions};
use crate::model::{Bound, DataSet, Program, Provenance, Segment, Target, TargetMeasure};
use crate::output::{self, Cell, RenderOptions, Table};
use crate::resolve::resolve;
use crate::standing::{Basis, By, Standing};

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
            anyhow::bail!("--from {f} is after --to {t}");
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
        Basis::Survey { measure, period } => {
            vec![Cell::Term(workers(*measure)), t(" "), Cell::Period(*period)]
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
        Some(Bound::About) | None => true,
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
/// Rp281.00 billion); the usual two decimals where the text gives none.
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
            | PaceStatus::YearComplete { .. }
    );
    if !verdict {
        return (Cell::Term(r.status.term()), false);
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

/// "401,220 known for PU, BPU in 2023, at least the total: at most +31,780 to go (missing:
/// JAKON, PMI)".
pub fn partial_note(pb: &PartialBase, target: Option<i64>) -> Cell {
    let codes = |v: &[Segment]| {
        let c: Vec<String> = v.iter().map(|s| s.code().to_uppercase()).collect();
        Cell::text(c.join(", "))
    };
    let note = Cell::Template(
        "{} known for {} in {}, at least the total: at most {} to go (missing: {})",
        vec![
            Cell::Int(pb.sum),
            codes(&pb.known),
            Cell::text(pb.period.to_string()),
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

/// Why an office has no figure, saying what is there and which flag shows it: "no active
/// participants figure for this segment; PU, BPU given: try --segment pu".
pub fn missing_cell(m: crate::standing::Missing) -> Cell {
    let segs = m.segments();
    let Some(first) = segs.first() else {
        return Cell::Term(m.term());
    };
    let names: Vec<String> = segs.iter().map(|s| s.code().to_uppercase()).collect();
    let names = Cell::text(names.join(" + "));
    let flag = Cell::text(first.code());
    match m {
        crate::standing::Missing::OtherSegments(_, Some((sum, p))) => Cell::Template(
            "{}; {} given, at least {} in {}: try --segment {}",
            vec![
                Cell::Term(m.term()),
                names,
                Cell::Int(sum),
                Cell::Period(p),
                flag,
            ],
        ),
        _ => Cell::Template(
            "{}; {} given: try --segment {}",
            vec![Cell::Term(m.term()), names, flag],
        ),
    }
}
