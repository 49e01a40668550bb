//! `coverage report --branch NAME`: one office's whole picture as one long table, each
//! figure with its source. People see it in sections; machines get one table.

use std::io::Write;

use anyhow::Result;

use super::{against, Ctx};
use crate::analysis::{self, Filter, Index};
use crate::cli::ReportArgs;
use crate::model::{DataSet, TargetMeasure};
use crate::output::{col, group_thousands, Cell, Table};
use crate::resolve::resolve;
use crate::Outcome;

type CellOf = fn(i64) -> Cell;

struct Long<'a> {
    t: Table,
    ds: &'a DataSet,
    office: usize,
}

impl Long<'_> {
    #[allow(clippy::too_many_arguments)]
    fn row(
        &mut self,
        section: &str,
        period: String,
        segment: &str,
        metric: &str,
        value: Cell,
        unit: &str,
        basis: String,
        source: &str,
    ) {
        let code = self.ds.offices[self.office].code.clone();
        self.t.push(vec![
            Cell::text(section),
            Cell::text(code),
            Cell::text(period),
            Cell::text(segment),
            Cell::text(metric),
            value,
            Cell::text(unit),
            Cell::text(basis),
            Cell::text(source),
        ]);
    }
}

pub fn run(ctx: &Ctx, a: &ReportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let ds = ctx.load()?;
    let office = resolve(&ds, &a.branch)?;
    let f = Filter {
        office: Some(office),
        from: a.year,
        to: a.year,
        monthly: true,
        ..Filter::default()
    };
    let ix = Index::build(&ds);
    let mut t = Table::new(vec![
        col("section", "Section"),
        col("office", "Office"),
        col("period", "Period"),
        col("segment", "Segment"),
        col("metric", "Figure"),
        col("value", "Value"),
        col("unit", "Unit"),
        col("basis", "Basis"),
        col("source", "Source"),
    ]);
    t.group = Some(0);
    t.hide("office");
    t.hide("unit");
    let o = &ds.offices[office];
    t.title = Some(format!(
        "{}: {}{}; data set: {}",
        o.name,
        o.level,
        o.parent
            .map(|p| format!(" under {}", ds.offices[p].name))
            .unwrap_or_default(),
        ds.root
    ));
    let mut l = Long { t, ds: &ds, office };

    const P: &str = "Participants";
    for r in analysis::growth(&ix, &f) {
        let seg = r.segment.code();
        let unit = "persons";
        let unit = if r.measure.code().starts_with("employers") {
            "employers"
        } else {
            unit
        };
        let what = if r.measure.is_flow() {
            format!("{} ({})", r.measure.label(), r.period.span())
        } else {
            r.measure.label().to_string()
        };
        let basis = if r.value.published.is_empty() {
            String::new()
        } else {
            format!("published as \"{}\"", r.value.published)
        };
        l.row(
            P,
            r.period.to_string(),
            seg,
            &what,
            Cell::Int(r.value.value),
            unit,
            basis,
            &r.value.source,
        );
        if let (Some((bp, b)), Some(c)) = (&r.base, r.change) {
            let basis = format!("vs {bp}: {}", group_thousands(b.value));
            l.row(
                P,
                r.period.to_string(),
                seg,
                "change",
                Cell::Delta(c.abs),
                unit,
                basis.clone(),
                &b.source,
            );
            if let Some(pct) = c.pct {
                l.row(
                    P,
                    r.period.to_string(),
                    seg,
                    "change %",
                    Cell::PctDelta(pct),
                    "percent",
                    basis,
                    &b.source,
                );
            }
        }
        if let Some((since, g)) = r.cagr {
            l.row(
                P,
                r.period.to_string(),
                seg,
                "compound growth per year",
                Cell::PctDelta(g),
                "percent",
                format!("since {since}"),
                "",
            );
        }
    }

    const C: &str = "Coverage";
    let cov_filter = Filter {
        monthly: true,
        ..f.clone()
    };
    for r in analysis::coverage(&ix, &cov_filter, against(a.against)) {
        let basis = match &r.workforce {
            Some((q, w)) => format!(
                "{} / {} {} (survey {q}){}",
                group_thousands(r.participants.value),
                group_thousands(w.value),
                r.denominator.code().replace('_', " "),
                if r.periods_differ {
                    "; dates differ"
                } else {
                    ""
                }
            ),
            None => r.note.clone(),
        };
        let src = r
            .workforce
            .as_ref()
            .map(|(_, w)| w.source.as_str())
            .unwrap_or("");
        l.row(
            C,
            r.period.to_string(),
            r.segment.code(),
            "coverage",
            Cell::opt(r.pct, Cell::Pct),
            "percent",
            basis,
            src,
        );
    }

    const T: &str = "Targets";
    for r in analysis::targets(&ix, &f) {
        let tg = r.target;
        let money = tg.measure == TargetMeasure::FundsIdr;
        let (num, delta, unit): (CellOf, CellOf, &str) = if money {
            (Cell::Idr, Cell::IdrDelta, "idr")
        } else {
            (Cell::Int, Cell::Delta, "persons")
        };
        let year = tg.year.to_string();
        let seg = tg.segment.code();
        let name = format!(
            "{} target ({})",
            tg.measure.code().replace('_', " "),
            tg.plan
        );
        l.row(
            T,
            year.clone(),
            seg,
            &name,
            Cell::opt(tg.value, num),
            unit,
            String::new(),
            &tg.prov.source,
        );
        if let Some((p, a)) = &r.actual {
            l.row(
                T,
                year.clone(),
                seg,
                "actual",
                num(a.value),
                unit,
                format!("at {p}"),
                &a.source,
            );
        }
        if let Some(g) = r.gap {
            l.row(
                T,
                year.clone(),
                seg,
                "gap to target",
                delta(g.gap),
                unit,
                "target − actual".into(),
                "",
            );
            if let Some(p) = g.achieved_pct {
                l.row(
                    T,
                    year.clone(),
                    seg,
                    "achieved",
                    Cell::Pct(p),
                    "percent",
                    "actual / target".into(),
                    "",
                );
            }
        }
        if let (Some((bp, b)), Some(c)) = (&r.base, r.required) {
            let basis = format!("from {bp}: {}", group_thousands(b.value));
            l.row(
                T,
                year.clone(),
                seg,
                "change needed",
                delta(c.abs),
                unit,
                basis.clone(),
                &b.source,
            );
            if let Some(p) = c.pct {
                l.row(
                    T,
                    year.clone(),
                    seg,
                    "change needed %",
                    Cell::PctDelta(p),
                    "percent",
                    basis,
                    &b.source,
                );
            }
        }
        if let Some(p) = r.pace {
            l.row(
                T,
                year.clone(),
                seg,
                "pace so far per month",
                Cell::Float(p.so_far),
                unit,
                String::new(),
                "",
            );
            if let Some(n) = p.needed {
                l.row(
                    T,
                    year.clone(),
                    seg,
                    "pace needed per month",
                    Cell::Float(n),
                    unit,
                    String::new(),
                    "",
                );
            }
            l.row(
                T,
                year.clone(),
                seg,
                "projected year end",
                Cell::Float(p.projected),
                unit,
                if p.on_track {
                    "on track"
                } else {
                    "short of target"
                }
                .into(),
                "",
            );
        }
        if !r.note.is_empty() {
            l.row(T, year, seg, "note", Cell::Empty, "", r.note.clone(), "");
        }
    }

    const K: &str = "Claims";
    let (claims, _) = analysis::claims(&ds, &f);
    for r in claims {
        let prog = super::claims::line_code(r.line);
        let period = r.period.to_string();
        let seg = r.segment.code();
        let paid = format!("paid {}", r.period.span());
        if let Some(c) = r.cases {
            let basis = r
                .share_cases
                .map(|s| format!("{s:.1}% of cases; {paid}"))
                .unwrap_or(paid.clone());
            l.row(
                K,
                period.clone(),
                seg,
                &format!("{prog} cases"),
                Cell::Int(c),
                "cases",
                basis,
                &r.source,
            );
        }
        if let Some(a) = r.amount {
            let basis = r
                .share_amount
                .map(|s| format!("{s:.1}% of amount; {paid}"))
                .unwrap_or(paid.clone());
            let basis = if r.published.is_empty() {
                basis
            } else {
                format!("{basis}; published as \"{}\"", r.published)
            };
            l.row(
                K,
                period.clone(),
                seg,
                &format!("{prog} amount"),
                Cell::Idr(a),
                "idr",
                basis,
                &r.source,
            );
        }
        if let Some(p) = r.per_case {
            l.row(
                K,
                period,
                seg,
                &format!("{prog} amount per case"),
                Cell::IdrF(p),
                "idr",
                String::new(),
                "",
            );
        }
    }

    const S: &str = "Stated by the source";
    let mut stated: Vec<_> = ds
        .stated
        .iter()
        .filter(|s| s.office == office && s.period.is_none_or(|p| f.year_ok(p.year())))
        .collect();
    stated.sort_by_key(|s| (s.period, s.metric, s.segment));
    for s in stated {
        let pct = s.metric.code().ends_with("_pct");
        let value = if pct {
            Cell::PctStated(s.value)
        } else if s.value.fract() == 0.0 && s.value.abs() < 9e15 {
            Cell::Int(s.value as i64)
        } else {
            Cell::Float(s.value)
        };
        let basis = if s.prov.published.is_empty() {
            String::new()
        } else {
            format!("published as \"{}\"", s.prov.published)
        };
        l.row(
            S,
            s.period
                .map(|p| p.to_string())
                .unwrap_or_else(|| "not given".into()),
            s.segment.code(),
            s.metric.code(),
            value,
            if pct { "percent" } else { "persons" },
            basis,
            &s.prov.source,
        );
    }

    let mut t = l.t;
    if t.rows.is_empty() {
        t.notes.push(format!(
            "no figures for {} in the data set",
            ds.offices[office].code
        ));
    }
    ctx.emit(&t, out)?;
    Ok(Outcome::Ok)
}
