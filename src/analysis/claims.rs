//! Claims paid per program, with shares of the total.

use std::collections::BTreeMap;

use super::index::Index;
use super::{office_rank, Filter, Finding, Note};
use crate::calc::{self};
use crate::model::*;

/// One line of a claims breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClaimLine {
    Program(Program),
    /// The stated total less the itemised programs.
    Other,
    Total,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub office: usize,
    pub period: Period,
    pub segment: Segment,
    pub line: ClaimLine,
    pub cases: Option<i64>,
    pub amount: Option<i64>,
    pub share_cases: Option<f64>,
    pub share_amount: Option<f64>,
    pub per_case: Option<f64>,
    pub source: String,
    pub published: String,
}

/// Claims per program with shares of the total: the stated total (`all`) where given, else the
/// sum of the programs. Programs that do not add up to a stated total leave an `Other` line;
/// programs exceeding it are a finding.
pub fn claims(ds: &DataSet, f: &Filter) -> (Vec<ClaimRow>, Vec<Finding>) {
    let rank = office_rank(ds);
    let mut groups: BTreeMap<(usize, Period, Segment), Vec<&ClaimRecord>> = BTreeMap::new();
    for c in &ds.claims {
        if f.office_ok(ds, c.office) && f.year_ok(c.period.year()) && f.segment_ok(c.segment) {
            groups
                .entry((rank[c.office], c.period, c.segment))
                .or_default()
                .push(c);
        }
    }
    let mut rows = Vec::new();
    let mut findings = Vec::new();
    for ((_, period, segment), recs) in groups {
        let office = recs[0].office;
        let total = recs.iter().find(|r| r.program == Program::All);
        let mut programs: Vec<&&ClaimRecord> =
            recs.iter().filter(|r| r.program != Program::All).collect();
        programs.sort_by_key(|r| r.program);
        let sum = |get: fn(&ClaimRecord) -> Option<i64>| -> Option<i64> {
            let v: Option<Vec<i64>> = programs.iter().map(|r| get(r)).collect();
            v.filter(|v| !v.is_empty()).and_then(calc::checked_sum)
        };
        let sum_cases = sum(|r| r.cases);
        let sum_amount = sum(|r| r.amount_idr);
        let (t_cases, t_amount, t_source, t_pub) = match total {
            Some(t) => (
                t.cases,
                t.amount_idr,
                t.prov.source.clone(),
                t.prov.published.clone(),
            ),
            None => (
                sum_cases,
                sum_amount,
                "sum of programs".to_string(),
                String::new(),
            ),
        };
        let mk =
            |line, cases: Option<i64>, amount: Option<i64>, source: String, published: String| {
                ClaimRow {
                    office,
                    period,
                    segment,
                    line,
                    cases,
                    amount,
                    share_cases: cases.zip(t_cases).and_then(|(c, t)| calc::ratio_pct(c, t)),
                    share_amount: amount
                        .zip(t_amount)
                        .and_then(|(a, t)| calc::ratio_pct(a, t)),
                    per_case: amount.zip(cases).and_then(|(a, c)| calc::per_case(a, c)),
                    source,
                    published,
                }
            };
        for r in &programs {
            rows.push(mk(
                ClaimLine::Program(r.program),
                r.cases,
                r.amount_idr,
                r.prov.source.clone(),
                r.prov.published.clone(),
            ));
        }
        if let Some(t) = total {
            if !programs.is_empty() {
                // Itemised cases (or amounts) cannot exceed the stated total.
                let over = |s: Option<i64>, t: Option<i64>, template: &'static str| {
                    s.zip(t).filter(|(s, t)| s > t).map(|(s, t)| {
                        let args = vec![
                            ds.offices[office].code.clone(),
                            period.to_string(),
                            segment.to_string(),
                            s.to_string(),
                            t.to_string(),
                        ];
                        Note::new(template, args).term_at(2)
                    })
                };
                for msg in [
                    over(
                        sum_cases,
                        t_cases,
                        "{} {} {}: the programs' cases add up to {}, more than the stated total {}",
                    ),
                    over(
                        sum_amount,
                        t_amount,
                        "{} {} {}: the programs' amounts add up to {}, more than the stated total {}",
                    ),
                ]
                .into_iter()
                .flatten()
                {
                    findings.push(Finding {
                        file: "claims.csv",
                        line: t.origin.line,
                        message: msg,
                    });
                }
                let rest = |s: Option<i64>, t: Option<i64>| {
                    s.zip(t)
                        .and_then(|(s, t)| t.checked_sub(s))
                        .filter(|v| *v >= 0)
                };
                let (oc, oa) = (rest(sum_cases, t_cases), rest(sum_amount, t_amount));
                if oc.is_some_and(|v| v > 0) || oa.is_some_and(|v| v > 0) {
                    rows.push(mk(
                        ClaimLine::Other,
                        oc,
                        oa,
                        "total less itemised programs".into(),
                        String::new(),
                    ));
                }
            }
        }
        rows.push(mk(ClaimLine::Total, t_cases, t_amount, t_source, t_pub));
    }
    (rows, findings)
}

/// Every finding: roll-ups that disagree and claims that do not add up.
pub fn findings(ix: &Index) -> Vec<Finding> {
    let mut all = ix.findings.clone();
    all.extend(claims(ix.ds, &Filter::default()).1);
    all.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
    all.dedup();
    all
}
