//! stated.csv: figures the sources state, such as a coverage ratio, kept to check against.

use std::collections::HashMap;

use serde::Deserialize;

use super::files::{ReadOptions, STATED};
use super::offices::OfficeIndex;
use super::problem::{Keep, Problems};
use super::reader::{duplicate, each_row, open};
use super::source::DataSource;
use crate::model::*;
use crate::number::parse_decimal_f64;

#[derive(Deserialize)]
struct RawStated {
    office: String,
    period: String,
    segment: String,
    metric: String,
    value: String,
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

pub(super) fn read_stated(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
    index: &OfficeIndex,
) -> (Vec<Stated>, Problems) {
    let mut out = Vec::new();
    let (mut rdr, mut ctx) = match open(src, STATED, opts, keep) {
        Ok(o) => o,
        Err(problems) => return (out, problems),
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawStated| {
        let office = index.resolve(ctx, line, &r.office);
        // A stated figure may come without a period when the source gives none.
        let period = if r.period.trim().is_empty() {
            Ok(None)
        } else {
            ctx.period(line, "period", &r.period).map(Some)
        };
        let segment = ctx.code::<Segment>(line, "segment", &r.segment);
        let metric = ctx.code::<StatedMetric>(line, "metric", &r.metric);
        let value = match parse_decimal_f64(&r.value, ctx.opts.decimal_comma) {
            Ok(v) => Ok(v),
            Err(e) => {
                let c = ctx.col("value");
                ctx.problem(line, c, &r.value, e.expected, e.hint);
                Err(())
            }
        };
        let (Ok(office), Ok(period), Ok(segment), Ok(metric), Ok(value)) =
            (office, period, segment, metric, value)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, period, segment, metric, r.source.trim().to_string()),
            line,
            "office, period, segment, metric and source",
        ) {
            return;
        }
        let (bound, reading) = (r.bound, r.reading);
        let Ok(prov) =
            ctx.record_provenance(line, [r.source, r.published, r.note], &bound, &reading)
        else {
            return;
        };
        out.push(Stated {
            office,
            period,
            segment,
            metric,
            value,
            prov,
            origin: Origin {
                line,
                column: ctx.col("value") + 1,
            },
        });
    });
    (out, ctx.problems)
}
