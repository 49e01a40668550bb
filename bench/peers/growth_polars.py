"""The full growth job in Polars: usage growth_polars.py DIR OUT.

Every office (branches, their regions, the nation) and the `all` segment; each year's latest month
against the same month a year earlier. A lazy scan with typed columns folds the monthly rows into one
row per office, segment, measure and year with a column per month (a twelfth of the rows); the
roll-ups and the growth rows then work on that small table, joined on integer years.
Segments and measures are read as enums.
"""
import sys

import polars as pl

data, out = sys.argv[1], sys.argv[2]
MONTHS = [f"m{m}" for m in range(1, 13)]
# Segments and measures are closed sets: enums.
SEGMENT = pl.Enum(["pu", "bpu", "jakon", "pmi", "all"])
SCHEMA = {
    "office": pl.String,
    "period": pl.String,
    "segment": SEGMENT,
    "measure": pl.Enum(["active", "new"]),
    "value": pl.Int64,
    "source": pl.String,
}
KEYS = ["office", "segment", "measure", "year"]

y = (
    pl.scan_csv(f"{data}/participants.csv", schema=SCHEMA)
    .select(
        "office",
        "segment",
        "measure",
        "value",
        year=pl.col("period").str.slice(0, 4).cast(pl.Int16),
        month=pl.col("period").str.slice(5, 2).cast(pl.Int8),
    )
    .group_by(KEYS)
    .agg(pl.col("value").filter(pl.col("month") == m).max().alias(f"m{m}") for m in range(1, 13))
    .collect()
)
o = pl.read_csv(f"{data}/offices.csv", infer_schema=False, columns=["code", "level", "parent"])
kids = o.group_by("parent").len("n")


def complete_sum(n):
    """Each month's sum over the group, where all `n` members have the figure."""
    return [pl.when(pl.col(m).count() == n).then(pl.col(m).sum()).alias(m) for m in MONTHS]


def roll_up(lower, child_level):
    """A parent is the sum of its children, in a month where every one of them has the figure."""
    return (
        lower.join(o.filter(pl.col("level") == child_level), left_on="office", right_on="code")
        .join(kids, on="parent")
        .group_by(pl.col("parent").alias("office"), "segment", "measure", "year")
        .agg(complete_sum(pl.col("n").first()))
    )


y = pl.concat([y, y.group_by("office", "measure", "year").agg(complete_sum(4)).select(
    "office", pl.lit("all", SEGMENT).alias("segment"), "measure", "year", *MONTHS)])
reg = roll_up(y, "branch")
f = pl.concat([y, reg, roll_up(reg, "region")])

latest = pl.max_horizontal(pl.when(pl.col(m).is_not_null()).then(i) for i, m in enumerate(MONTHS, 1))
base = f.select("office", "segment", "measure", pl.col("year") + 1, pl.concat_list(MONTHS).alias("base"))
(
    f.lazy()
    .with_columns(month=latest, value=pl.coalesce(reversed(MONTHS)))
    .drop_nulls("value")
    .join(base.lazy(), on=KEYS, how="left")
    .select(
        "office",
        "segment",
        "measure",
        pl.format("{}-{}", "year", pl.col("month").cast(pl.String).str.zfill(2)).alias("period"),
        "value",
        base_value=pl.col("base").list.get(pl.col("month") - 1),
    )
    .with_columns(change=pl.col("value") - pl.col("base_value"))
    .with_columns(
        change_pct=pl.when(pl.col("base_value") > 0).then(pl.col("change") * 100 / pl.col("base_value"))
    )
    .sink_csv(out)
)
