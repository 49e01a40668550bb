//! workforce.csv: the workforce figures coverage is measured against.

use std::collections::HashMap;

use serde::Deserialize;

use super::files::{ReadOptions, WORKFORCE};
use super::offices::OfficeIndex;
use super::problem::{Keep, Problems};
use super::reader::{duplicate, each_row, open};
use super::source::DataSource;
use crate::model::*;

#[derive(Deserialize)]
struct RawWorkforce {
    office: String,
    period: String,
    measure: String,
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

pub(super) fn read_workforce(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
    index: &OfficeIndex,
) -> (Vec<Workforce>, Problems) {
    let mut out = Vec::new();
    let (mut rdr, mut ctx) = match open(src, WORKFORCE, opts, keep) {
        Ok(o) => o,
        Err(problems) => return (out, problems),
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawWorkforce| {
        let office = index.resolve(ctx, line, &r.office);
        let period = ctx.period(line, "period", &r.period);
        let measure = ctx.code::<WorkforceMeasure>(line, "measure", &r.measure);
        let value = ctx.count(line, "value", &r.value);
        let (Ok(office), Ok(period), Ok(measure), Ok(value)) = (office, period, measure, value)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, period, measure),
            line,
            "office, period and measure",
        ) {
            return;
        }
        let (bound, reading) = (r.bound, r.reading);
        let Ok(prov) =
            ctx.record_provenance(line, [r.source, r.published, r.note], &bound, &reading)
        else {
            return;
        };
        out.push(Workforce {
            office,
            period,
            measure,
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
