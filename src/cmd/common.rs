//! What several commands share: the context they run in, the arguments they turn into a
//! filter and the cells they write alike, so no command imports another or cmd/mod.rs.

use std::io::Write;

use anyhow::Result;

use crate::analysis::{workers, Against, ClaimLine, Filter, Programs};
use crate::cli::{AgainstArg, ByArg, Select};
use crate::load::{self, ReadOptions};
use crate::model::{DataSet, Program, TargetMeasure};
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
        } => vec![
            Cell::Term("target"),
            t(&format!(" {year}: ")),
            Cell::Int(*value),
            t(" ("),
            Cell::Term(plan.code()),
            t(", "),
            Cell::Term(measure.code()),
            t(")"),
        ],
    })
}

/// The figure as people read it: growth with its sign, the others as a plain percentage.
pub fn value_cell(by: By, v: f64) -> Cell {
    match by {
        By::Growth => Cell::PctDelta(v),
        By::Coverage | By::Achievement => Cell::Pct(v),
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
