"""The branches-only query of bench/peers/branches.sql in Polars: usage branches_polars.py DIR OUT.

Per branch, segment and year: December's active stock, the sum of the `new` rows, and the change
and percentage change of the December stock on the year before. No roll-ups, no `all` segment.
Segments and measures are read as enums.
"""
import sys

import polars as pl

data, out = sys.argv[1], sys.argv[2]
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
is_new = pl.col("measure") == "new"
dec_active = (pl.col("measure") == "active") & (pl.col("period").str.slice(5, 2) == "12")
prev = pl.col("dec_active").shift(1).over("office", "segment")
(
    pl.scan_csv(f"{data}/participants.csv", schema=SCHEMA)
    .group_by("office", "segment", pl.col("period").str.slice(0, 4).cast(pl.Int32).alias("year"))
    .agg(
        dec_active=pl.col("value").filter(dec_active).max(),
        # SQL's sum over no rows is NULL, Polars' is 0.
        new_sum=pl.when(is_new.any()).then(pl.col("value").filter(is_new).sum()),
    )
    .sort("office", "segment", "year")
    .with_columns(change=pl.col("dec_active") - prev, pct=100.0 * (pl.col("dec_active") - prev) / prev)
    .sink_csv(out)
)
