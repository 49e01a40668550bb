"""The growth query in Polars (lazy): usage growth_polars.py DIR OUT [LEVEL]."""
import sys

import polars as pl

data, out = sys.argv[1], sys.argv[2]
level = sys.argv[3] if len(sys.argv) > 3 else ""

o = pl.scan_csv(f"{data}/offices.csv", infer_schema=False).select("code", "level", "parent")
kids = o.group_by("parent").agg(pl.len().alias("n"))
p = (
    pl.scan_csv(
        f"{data}/participants.csv",
        schema_overrides={"value": pl.Int64},
        infer_schema=False,
    )
    .select("office", "period", "segment", "measure", "value")
    .drop_nulls("value")
)
keys = ["office", "period", "segment", "measure"]
all_seg = (
    p.group_by("office", "period", "measure")
    .agg(pl.col("value").sum(), pl.len().alias("n"))
    .filter(pl.col("n") == 4)
    .select("office", "period", pl.lit("all").alias("segment"), "measure", "value")
)
br = pl.concat([p, all_seg]).cache()


def roll_up(lower, child_level):
    """A parent is the sum of its children when every one of them has the figure."""
    return (
        lower.join(o.filter(pl.col("level") == child_level), left_on="office", right_on="code")
        .group_by("parent", "period", "segment", "measure")
        .agg(pl.col("value").sum(), pl.len().alias("c"))
        .join(kids, on="parent")
        .filter(pl.col("c") == pl.col("n"))
        .select(pl.col("parent").alias("office"), "period", "segment", "measure", "value")
    )


reg = roll_up(br, "branch").cache()
nat = roll_up(reg, "region")
fig = pl.concat([br, reg, nat]).cache()
latest = fig.group_by("office", "segment", "measure", pl.col("period").str.slice(0, 4).alias("y")).agg(
    pl.col("period").max()
)
base = fig.select(
    "office",
    "segment",
    "measure",
    ((pl.col("period").str.slice(0, 4).cast(pl.Int32) + 1).cast(pl.String) + pl.col("period").str.slice(4)).alias(
        "period"
    ),
    pl.col("value").alias("base_value"),
)
res = (
    latest.join(fig, on=keys)
    .join(base, on=keys, how="left")
    .with_columns((pl.col("value") - pl.col("base_value")).alias("change"))
    .with_columns(
        pl.when(pl.col("base_value") > 0)
        .then(pl.col("change") * 100.0 / pl.col("base_value"))
        .alias("change_pct")
    )
)
if level:
    res = res.join(o.filter(pl.col("level") == level).select(pl.col("code").alias("office")), on="office")
res.select("office", "segment", "measure", "period", "value", "base_value", "change", "change_pct").sink_csv(out)
