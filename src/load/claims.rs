//! claims.csv: claims paid, by office, period, segment and program.

use std::collections::HashMap;

use serde::Deserialize;

use super::files::{ReadOptions, CLAIMS};
use super::offices::OfficeIndex;
use super::problem::{Keep, Problems};
use super::reader::{duplicate, each_row, open};
use super::source::DataSource;
use crate::model::*;

#[derive(Deserialize)]
struct RawClaim {
    office: String,
    period: String,
    segment: String,
    program: String,
    cases: String,
    amount_idr: String,
    source: String,
    #[serde(default)]
    published: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    bound: String,
    #[serde(default)]
    reading: String,
}

pub(super) fn read_claims(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
    index: &OfficeIndex,
) -> (Vec<ClaimRecord>, Problems) {
    let mut out = Vec::new();
    let (mut rdr, mut ctx) = match open(src, CLAIMS, opts, keep) {
        Ok(o) => o,
        Err(problems) => return (out, problems),
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawClaim| {
        let office = index.resolve(ctx, line, &r.office);
        let period = ctx.period(line, "period", &r.period);
        let segment = ctx.code::<Segment>(line, "segment", &r.segment);
        let program = ctx.code::<Program>(line, "program", &r.program);
        let cases = ctx.count(line, "cases", &r.cases);
        let amount = ctx.count(line, "amount_idr", &r.amount_idr);
        let (Ok(office), Ok(period), Ok(segment), Ok(program), Ok(cases), Ok(amount_idr)) =
            (office, period, segment, program, cases, amount)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, period, segment, program),
            line,
            "office, period, segment and program",
        ) {
            return;
        }
        let (bound, reading) = (r.bound, r.reading);
        let Ok(prov) =
            ctx.record_provenance(line, [r.source, r.published, r.note], &bound, &reading)
        else {
            return;
        };
        out.push(ClaimRecord {
            office,
            period,
            segment,
            program,
            cases,
            amount_idr,
            prov,
            origin: Origin {
                line,
                column: ctx.col("amount_idr") + 1,
            },
        });
    });
    (out, ctx.problems)
}
