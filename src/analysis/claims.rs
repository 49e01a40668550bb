//! Claims paid per program, with shares of the total.

use std::collections::BTreeMap;

use super::bound;
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
    /// How a line no source gives was made (`other`, a total summed from its programs).
    pub how: Option<Derivation>,
    pub published: String,
    /// How certain each rupiah figure is; `None`: its inputs pull both ways, so the plain
    /// arithmetic above is no figure to print (a chart may still draw it), only the range.
    pub amount_bound: Option<Bound>,
    pub share_amount_bound: Option<Bound>,
    pub per_case_bound: Option<Bound>,
    /// Where the true figure lies if each bound is within one unit of its last published digit.
    pub amount_range: Option<(f64, f64)>,
    pub share_amount_range: Option<(f64, f64)>,
    pub per_case_range: Option<(f64, f64)>,
    /// The published texts of the rows read one way of two that the line's figures rest on:
    /// its own row; for a share, the total; for what the total leaves, the total and each
    /// program; for a total summed from its programs, each program.
    pub doubts: Vec<String>,
}

/// A rupiah figure with how certain it is and, for a bound, its range.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    value: Option<i64>,
    bound: Option<Bound>,
    range: Option<(f64, f64)>,
}

impl Amount {
    fn given(r: &ClaimRecord) -> Self {
        let value = r.amount_idr;
        let bound = bound::of(&r.prov);
        let range = value.and_then(|v| match bound {
            Bound::Exact => Some((v as f64, v as f64)),
            _ => bound::range(v as f64, &r.prov),
        });
        Amount {
            value,
            bound: Some(bound),
            range,
        }
    }

    /// The sum of `parts` (whose values add up to `sum`).
    fn total(parts: &[Amount], sum: Option<i64>) -> Self {
        let bound = parts
            .iter()
            .try_fold(Bound::Exact, |acc, p| bound::sum(acc, p.bound?));
        let range = parts.iter().try_fold((0.0, 0.0), |acc, p| {
            p.range.map(|r| (acc.0 + r.0, acc.1 + r.1))
        });
        Amount {
            value: sum,
            bound,
            range,
        }
    }

    /// This amount less the sum of `parts`: no figure when the bounds pull both ways.
    fn less(self, parts: &[Amount], sum: Option<i64>) -> Self {
        let s = Amount::total(parts, sum);
        let bound = s
            .bound
            .zip(self.bound)
            .and_then(|(s, t)| bound::difference(t, s));
        let range = s.range.zip(self.range).map(|(s, t)| (t.0 - s.1, t.1 - s.0));
        let value = sum
            .zip(self.value)
            .and_then(|(s, t)| t.checked_sub(s))
            .filter(|v| *v >= 0);
        Amount {
            value,
            bound,
            range,
        }
    }
}

/// `a` over `b` (a share in percent, or an average), with how certain it is and its range.
fn over(
    a: Amount,
    b_value: Option<f64>,
    b_bound: Option<Bound>,
    b_range: Option<(f64, f64)>,
    scale: f64,
) -> (Option<f64>, Option<Bound>, Option<(f64, f64)>) {
    let bound = a.bound.zip(b_bound).and_then(|(x, y)| bound::ratio(x, y));
    let value = a
        .value
        .zip(b_value)
        .filter(|(_, d)| *d > 0.0)
        .map(|(v, d)| v as f64 / d * scale);
    let range = a
        .range
        .zip(b_range)
        .filter(|(_, d)| d.0 > 0.0)
        .map(|(n, d)| (n.0 / d.1 * scale, n.1 / d.0 * scale));
    (value, bound, range.filter(|_| bound != Some(Bound::Exact)))
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
        group_rows(ds, period, segment, &recs, &mut rows, &mut findings);
    }
    (rows, findings)
}

/// The lines of one office, period and segment: each program, what the total leaves, the total.
fn group_rows(
    ds: &DataSet,
    period: Period,
    segment: Segment,
    recs: &[&ClaimRecord],
    rows: &mut Vec<ClaimRow>,
    findings: &mut Vec<Finding>,
) {
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
    // The same sums without a limit: past 64 bits they are still more than any total.
    let wide = |get: fn(&ClaimRecord) -> Option<i64>| -> Option<i128> {
        let v: Option<Vec<i64>> = programs.iter().map(|r| get(r)).collect();
        v.filter(|v| !v.is_empty())
            .map(|v| v.iter().map(|&x| i128::from(x)).sum())
    };
    let (wide_cases, wide_amount) = (wide(|r| r.cases), wide(|r| r.amount_idr));
    let past_limit = (sum_cases.is_none() && wide_cases.is_some())
        || (sum_amount.is_none() && wide_amount.is_some());
    let parts: Vec<Amount> = programs.iter().map(|r| Amount::given(r)).collect();
    let (t_cases, t_amount, t_source, t_pub) = match total {
        Some(t) => (
            t.cases,
            Amount::given(t),
            t.prov.source.clone(),
            t.prov.published.clone(),
        ),
        None => (
            sum_cases,
            Amount::total(&parts, sum_amount),
            if past_limit {
                Derivation::ProgramsPastLimit.english()
            } else {
                Derivation::Programs.english()
            },
            String::new(),
        ),
    };
    let t_how = match (total, past_limit) {
        (Some(_), _) => None,
        (None, true) => Some(Derivation::ProgramsPastLimit),
        (None, false) => Some(Derivation::Programs),
    };
    let t_value = t_amount.value.map(|v| v as f64);
    let doubt = |r: &ClaimRecord| {
        r.prov.uncertain.then(|| match r.prov.published.as_str() {
            "" => format!("claims.csv:{}", r.origin.line),
            p => p.to_string(),
        })
    };
    let program_doubts: Vec<String> = programs.iter().filter_map(|r| doubt(r)).collect();
    let total_doubt: Vec<String> = match total {
        Some(t) => doubt(t).into_iter().collect(),
        None => program_doubts.clone(),
    };
    let doubts_of = |line: ClaimLine, own: Option<String>| -> Vec<String> {
        let mut d: Vec<String> = match line {
            ClaimLine::Total => Vec::new(),
            ClaimLine::Other => program_doubts.clone(),
            ClaimLine::Program(_) => own.into_iter().collect(),
        };
        for t in &total_doubt {
            if !d.contains(t) {
                d.push(t.clone());
            }
        }
        d
    };
    let mk = |line,
              cases: Option<i64>,
              amount: Amount,
              source: String,
              published: String,
              doubts: Vec<String>| {
        let (share_amount, share_amount_bound, share_amount_range) = if line == ClaimLine::Total {
            // A total is all of itself, however uncertain the total is.
            (t_value.map(|_| 100.0), Some(Bound::Exact), None)
        } else {
            over(amount, t_value, t_amount.bound, t_amount.range, 100.0)
        };
        let c = cases.map(|c| c as f64);
        let crange = c.map(|c| (c, c));
        let (per_case, per_case_bound, per_case_range) =
            over(amount, c, Some(Bound::Exact), crange, 1.0);
        ClaimRow {
            office,
            period,
            segment,
            line,
            cases,
            amount: amount.value,
            share_cases: cases.zip(t_cases).and_then(|(c, t)| calc::ratio_pct(c, t)),
            share_amount,
            per_case,
            how: match line {
                ClaimLine::Total => t_how,
                ClaimLine::Other => Some(Derivation::TotalLessItemised),
                ClaimLine::Program(_) => None,
            },
            source,
            published,
            amount_bound: amount.bound,
            share_amount_bound,
            per_case_bound,
            amount_range: amount.range.filter(|_| amount.bound != Some(Bound::Exact)),
            share_amount_range,
            per_case_range,
            doubts,
        }
    };
    for (r, a) in programs.iter().zip(&parts) {
        let (source, published) = (r.prov.source.clone(), r.prov.published.clone());
        let line = ClaimLine::Program(r.program);
        let doubts = doubts_of(line, doubt(r));
        rows.push(mk(line, r.cases, *a, source, published, doubts));
    }
    if let Some(t) = total.filter(|_| !programs.is_empty()) {
        // Itemised cases (or amounts) cannot exceed the stated total.
        let over = |s: Option<i128>, t: Option<i64>, template: &'static str| {
            s.zip(t).filter(|(s, t)| *s > i128::from(*t)).map(|(s, t)| {
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
                wide_cases,
                t_cases,
                "{} {} {}: the programs' cases add up to {}, more than the stated total {}",
            ),
            over(
                wide_amount,
                t.amount_idr,
                "{} {} {}: the programs' amounts add up to {}, more than the stated total {}",
            ),
        ]
        .into_iter()
        .flatten()
        {
            findings.push(Finding {
                file: "claims.csv",
                column: None,
                line: t.origin.line,
                message: msg,
            });
        }
        let oc = sum_cases
            .zip(t_cases)
            .and_then(|(s, t)| t.checked_sub(s))
            .filter(|v| *v >= 0);
        let oa = t_amount.less(&parts, sum_amount);
        let fits = oa.value.is_some_and(|v| v > 0) || oa.range.is_some_and(|r| r.1 > 0.0);
        if oc.is_some_and(|v| v > 0) || fits {
            let how = Derivation::TotalLessItemised.english();
            let doubts = doubts_of(ClaimLine::Other, None);
            rows.push(mk(ClaimLine::Other, oc, oa, how, String::new(), doubts));
        }
    }
    let doubts = doubts_of(ClaimLine::Total, None);
    rows.push(mk(
        ClaimLine::Total,
        t_cases,
        t_amount,
        t_source,
        t_pub,
        doubts,
    ));
}

/// Every finding: roll-ups that disagree and claims that do not add up.
pub fn findings(ix: &Index) -> Vec<Finding> {
    let mut all = ix.findings.clone();
    all.extend(claims(ix.ds, &Filter::default()).1);
    all.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
    all.dedup();
    all
}
