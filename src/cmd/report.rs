//! `coverage report --branch NAME`: one office's whole picture as one long table, each
//! figure with its source. People see it in sections; machines get one table with a stable
//! metric code per row.

use std::io::Write;

use anyhow::Result;

use super::{against, Ctx};
use crate::analysis::{self, Filter, Index};
use crate::cli::ReportArgs;
use crate::model::{DataSet, TargetMeasure};
use crate::output::{col, group_thousands, Cell, Table};
use crate::resolve::resolve;
use crate::Outcome;

/// One line of the report.
struct Line<'s> {
    period: String,
    segment: &'s str,
    /// Claims only.
    program: &'s str,
    metric: &'s str,
    label: String,
    value: Cell,
    unit: &'s str,
    basis: String,
    source: &'s str,
}

struct Long<'a> {
    t: Table,
    ds: &'a DataSet,
    office: usize,
}

impl Long<'_> {
    fn add(&mut self, section: &str, l: Line) {
        let code = self.ds.offices[self.office].code.clone();
        self.t.push(vec![
            Cell::text(section),
            Cell::text(code),
            Cell::text(l.period),
            Cell::text(l.segment),
            Cell::text(l.program),
            Cell::text(l.metric),
            Cell::text(l.label),
            l.value,
            Cell::text(l.unit),
            Cell::text(l.basis),
            Cell::text(l.source),
        ]);
    }
}

fn published(p: &str) -> String {
    if p.is_empty() {
        String::new()
    } else {
        format!("published as \"{p}\"")
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
        col("program", "Program"),
        col("metric", "Metric"),
        col("label", "Figure"),
        col("value", "Value"),
        col("unit", "Unit"),
        col("basis", "Basis"),
        col("source", "Source"),
    ]);
    t.group = Some(0);
    for hidden in ["office", "program", "metric", "unit"] {
        t.hide(hidden);
    }
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
        let unit = if r.measure.code().starts_with("employers") {
            "employers"
        } else {
            "persons"
        };
        let label = if r.measure.is_flow() {
            format!("{} ({})", r.measure.label(), r.period.span())
        } else {
            r.measure.label().to_string()
        };
        let period = r.period.to_string();
        let segment = r.segment.code();
        l.add(
            P,
            Line {
                period: period.clone(),
                segment,
                program: "",
                metric: r.measure.code(),
                label,
                value: Cell::Int(r.value.value),
                unit,
                basis: published(&r.value.published),
                source: &r.value.source,
            },
        );
        if let (Some((bp, b)), Some(c)) = (&r.base, r.change) {
            let basis = format!("vs {bp}: {}", group_thousands(b.value));
            l.add(
                P,
                Line {
                    period: period.clone(),
                    segment,
                    program: "",
                    metric: "change",
                    label: format!("change in {}", r.measure.label()),
                    value: Cell::Delta(c.abs),
                    unit,
                    basis: basis.clone(),
                    source: &b.source,
                },
            );
            if let Some(pct) = c.pct {
                l.add(
                    P,
                    Line {
                        period: period.clone(),
                        segment,
                        program: "",
                        metric: "change_pct",
                        label: format!("change in {} %", r.measure.label()),
                        value: Cell::PctDelta(pct),
                        unit: "percent",
                        basis,
                        source: &b.source,
                    },
                );
            }
        }
        if let Some((since, g)) = r.cagr {
            l.add(
                P,
                Line {
                    period,
                    segment,
                    program: "",
                    metric: "cagr_pct",
                    label: "compound growth per year".into(),
                    value: Cell::PctDelta(g),
                    unit: "percent",
                    basis: format!("since {since}"),
                    source: "",
                },
            );
        }
    }

    const C: &str = "Coverage";
    for r in analysis::coverage(&ix, &f, against(a.against)) {
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
        let source = r.workforce.as_ref().map_or("", |(_, w)| w.source.as_str());
        l.add(
            C,
            Line {
                period: r.period.to_string(),
                segment: r.segment.code(),
                program: "",
                metric: "coverage_pct",
                label: format!(
                    "coverage of {} workers",
                    r.denominator.code().replace('_', " ")
                ),
                value: Cell::opt(r.pct, Cell::Pct),
                unit: "percent",
                basis,
                source,
            },
        );
    }

    const T: &str = "Targets";
    for r in analysis::targets(&ix, &f) {
        let tg = r.target;
        let money = tg.measure == TargetMeasure::FundsIdr;
        let num = |v: i64| if money { Cell::Idr(v) } else { Cell::Int(v) };
        let delta = |v: i64| {
            if money {
                Cell::IdrDelta(v)
            } else {
                Cell::Delta(v)
            }
        };
        let unit = if money { "idr" } else { "persons" };
        let year = tg.year.to_string();
        let segment = tg.segment.code();
        let what = match tg.measure {
            TargetMeasure::Active => "active participants",
            TargetMeasure::New => "new participants",
            TargetMeasure::FundsIdr => "funds under management",
        };
        let line = |metric, label: String, value, unit, basis: String, source| Line {
            period: year.clone(),
            segment,
            program: "",
            metric,
            label,
            value,
            unit,
            basis,
            source,
        };
        l.add(
            T,
            line(
                "target",
                format!("target: {what} ({} plan)", tg.plan),
                Cell::opt(tg.value, num),
                unit,
                published(&tg.prov.published),
                &tg.prov.source,
            ),
        );
        if let Some((p, a)) = &r.actual {
            l.add(
                T,
                line(
                    "actual",
                    "actual".into(),
                    num(a.value),
                    unit,
                    format!("at {p}"),
                    &a.source,
                ),
            );
        }
        if let Some(g) = r.gap {
            l.add(
                T,
                line(
                    "gap",
                    "gap to target".into(),
                    delta(g.gap),
                    unit,
                    "target − actual".into(),
                    "",
                ),
            );
            if let Some(p) = g.achieved_pct {
                l.add(
                    T,
                    line(
                        "achieved_pct",
                        "achieved".into(),
                        Cell::Pct(p),
                        "percent",
                        "actual / target".into(),
                        "",
                    ),
                );
            }
        }
        if let (Some((bp, b)), Some(c)) = (&r.base, r.required) {
            let basis = format!("from {bp}: {}", group_thousands(b.value));
            l.add(
                T,
                line(
                    "required_change",
                    "change needed".into(),
                    delta(c.abs),
                    unit,
                    basis.clone(),
                    &b.source,
                ),
            );
            if let Some(p) = c.pct {
                l.add(
                    T,
                    line(
                        "required_change_pct",
                        "change needed %".into(),
                        Cell::PctDelta(p),
                        "percent",
                        basis,
                        &b.source,
                    ),
                );
            }
        }
        if let Some(p) = r.pace {
            l.add(
                T,
                line(
                    "pace_per_month",
                    "pace so far per month".into(),
                    Cell::Float(p.so_far),
                    unit,
                    String::new(),
                    "",
                ),
            );
            if let Some(n) = p.needed {
                l.add(
                    T,
                    line(
                        "needed_per_month",
                        "pace needed per month".into(),
                        Cell::Float(n),
                        unit,
                        String::new(),
                        "",
                    ),
                );
            }
            let verdict = if p.on_track {
                "on track"
            } else {
                "short of target"
            };
            l.add(
                T,
                line(
                    "projected",
                    "projected year end".into(),
                    Cell::Float(p.projected),
                    unit,
                    verdict.into(),
                    "",
                ),
            );
        }
        if let Some(m) = r.reach_month {
            l.add(
                T,
                line(
                    "reach_month",
                    "month the target is reached at this pace".into(),
                    Cell::Month(tg.year, m),
                    "month",
                    String::new(),
                    "",
                ),
            );
        }
        l.add(
            T,
            line(
                "status",
                "status".into(),
                Cell::Term(r.status.term()),
                "",
                String::new(),
                "",
            ),
        );
        if !r.note.is_empty() {
            l.add(
                T,
                line("note", "note".into(), Cell::Empty, "", r.note.clone(), ""),
            );
        }
    }

    const K: &str = "Claims";
    let (claims, _) = analysis::claims(&ds, &f);
    for r in &claims {
        let prog = super::claims::line_code(r.line);
        let paid = format!("paid {}", r.period.span());
        let line = |metric, label: String, value, unit, basis: String, source| Line {
            period: r.period.to_string(),
            segment: r.segment.code(),
            program: prog,
            metric,
            label,
            value,
            unit,
            basis,
            source,
        };
        let name = match r.line {
            analysis::ClaimLine::Program(p) => p.code().to_uppercase(),
            analysis::ClaimLine::Other => "other programs".into(),
            analysis::ClaimLine::Total => "all programs".into(),
        };
        if let Some(c) = r.cases {
            l.add(
                K,
                line(
                    "cases",
                    format!("{name}: cases"),
                    Cell::Int(c),
                    "cases",
                    paid.clone(),
                    &r.source,
                ),
            );
        }
        if let Some(a) = r.amount {
            let basis = match published(&r.published) {
                p if p.is_empty() => paid.clone(),
                p => format!("{paid}; {p}"),
            };
            l.add(
                K,
                line(
                    "amount_idr",
                    format!("{name}: amount"),
                    Cell::Idr(a),
                    "idr",
                    basis,
                    &r.source,
                ),
            );
        }
        if r.line != analysis::ClaimLine::Total {
            if let Some(s) = r.share_cases {
                l.add(
                    K,
                    line(
                        "share_cases_pct",
                        format!("{name}: share of cases"),
                        Cell::Pct(s),
                        "percent",
                        "of all programs".into(),
                        "",
                    ),
                );
            }
            if let Some(s) = r.share_amount {
                l.add(
                    K,
                    line(
                        "share_amount_pct",
                        format!("{name}: share of amount"),
                        Cell::Pct(s),
                        "percent",
                        "of all programs".into(),
                        "",
                    ),
                );
            }
        }
        if let Some(p) = r.per_case {
            l.add(
                K,
                line(
                    "idr_per_case",
                    format!("{name}: amount per case"),
                    Cell::IdrF(p),
                    "idr",
                    "amount / cases".into(),
                    "",
                ),
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
        l.add(
            S,
            Line {
                period: s
                    .period
                    .map_or_else(|| "not given".into(), |p| p.to_string()),
                segment: s.segment.code(),
                program: "",
                metric: s.metric.code(),
                label: s.metric.label().into(),
                value,
                unit: if pct { "percent" } else { "persons" },
                basis: published(&s.prov.published),
                source: &s.prov.source,
            },
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
