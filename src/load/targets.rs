//! targets.csv: yearly targets, by office, measure and segment.

use std::collections::HashMap;

use serde::Deserialize;

use super::files::{ReadOptions, TARGETS};
use super::offices::OfficeIndex;
use super::problem::{Keep, Problems};
use super::reader::{duplicate, each_row, open};
use super::source::DataSource;
use crate::model::*;

#[derive(Deserialize)]
struct RawTarget {
    office: String,
    year: String,
    #[serde(default)]
    plan: String,
    measure: String,
    segment: String,
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

pub(super) fn read_targets(
    src: &DataSource,
    opts: ReadOptions,
    keep: Keep,
    index: &OfficeIndex,
) -> (Vec<Target>, Problems) {
    let mut out = Vec::new();
    let (mut rdr, mut ctx) = match open(src, TARGETS, opts, keep) {
        Ok(o) => o,
        Err(problems) => return (out, problems),
    };
    let mut seen = HashMap::new();
    each_row(&mut rdr, &mut ctx, |ctx, line, r: RawTarget| {
        let office = index.resolve(ctx, line, &r.office);
        let year = match ctx.period(line, "year", &r.year) {
            Ok(Period::Year(y)) => Ok(y),
            Ok(Period::Month(..)) => {
                let c = ctx.col("year");
                ctx.problem(
                    line,
                    c,
                    &r.year,
                    "a year written YYYY".into(),
                    Some("targets are set per year".into()),
                );
                Err(())
            }
            Err(()) => Err(()),
        };
        let plan = if r.plan.trim().is_empty() {
            Ok(Plan::Annual)
        } else {
            ctx.code::<Plan>(line, "plan", &r.plan)
        };
        let measure = ctx.code::<TargetMeasure>(line, "measure", &r.measure);
        let segment = ctx.code::<Segment>(line, "segment", &r.segment);
        let value = ctx.count(line, "value", &r.value);
        let (Ok(office), Ok(year), Ok(plan), Ok(measure), Ok(segment), Ok(value)) =
            (office, year, plan, measure, segment, value)
        else {
            return;
        };
        if duplicate(
            ctx,
            &mut seen,
            (office, year, plan, measure, segment),
            line,
            "office, year, plan, measure and segment",
        ) {
            return;
        }
        let (bound, reading) = (r.bound, r.reading);
        let Ok(prov) =
            ctx.record_provenance(line, [r.source, r.published, r.note], &bound, &reading)
        else {
            return;
        };
        out.push(Target {
            office,
            year,
            plan,
            measure,
            segment,
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
