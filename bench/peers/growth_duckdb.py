"""The growth query in DuckDB SQL: usage growth_duckdb.py DIR OUT [LEVEL]."""
import sys

import duckdb

data, out = sys.argv[1], sys.argv[2]
level = sys.argv[3] if len(sys.argv) > 3 else ""
con = duckdb.connect()
con.execute(f"""
CREATE TEMP VIEW o AS SELECT * FROM read_csv('{data}/offices.csv', header = true, all_varchar = true);
CREATE TEMP VIEW p AS
  SELECT office, period, segment, measure, value
  FROM read_csv('{data}/participants.csv', header = true,
       columns = {{'office': 'VARCHAR', 'period': 'VARCHAR', 'segment': 'VARCHAR',
                  'measure': 'VARCHAR', 'value': 'BIGINT', 'source': 'VARCHAR'}})
  WHERE value IS NOT NULL;
-- Branch figures, and their 'all' when all four segments are there.
CREATE TEMP TABLE br AS
  SELECT * FROM p
  UNION ALL
  SELECT office, period, 'all', measure, sum(value) FROM p
  GROUP BY office, period, measure HAVING count(*) = 4;
CREATE TEMP VIEW kids AS SELECT parent, count(*) AS n FROM o GROUP BY parent;
-- A region is the sum of its branches when every one of them has the figure; the nation likewise.
CREATE TEMP TABLE reg AS
  SELECT o.parent AS office, period, segment, measure, sum(value) AS value
  FROM br JOIN o ON br.office = o.code AND o.level = 'branch' JOIN kids ON kids.parent = o.parent
  GROUP BY o.parent, period, segment, measure, kids.n HAVING count(*) = kids.n;
CREATE TEMP TABLE nat AS
  SELECT o.parent AS office, period, segment, measure, sum(value) AS value
  FROM reg JOIN o ON reg.office = o.code AND o.level = 'region' JOIN kids ON kids.parent = o.parent
  GROUP BY o.parent, period, segment, measure, kids.n HAVING count(*) = kids.n;
CREATE TEMP TABLE fig AS SELECT * FROM br UNION ALL SELECT * FROM reg UNION ALL SELECT * FROM nat;
""")
con.execute(f"""
COPY (
  WITH latest AS (
    SELECT office, segment, measure, max(period) AS period FROM fig
    GROUP BY office, segment, measure, left(period, 4)
  )
  SELECT l.office, l.segment, l.measure, l.period, a.value, b.value AS base_value,
         a.value - b.value AS change,
         CASE WHEN b.value > 0 THEN (a.value - b.value) * 100.0 / b.value END AS change_pct
  FROM latest l
  JOIN fig a USING (office, segment, measure, period)
  LEFT JOIN fig b ON b.office = l.office AND b.segment = l.segment AND b.measure = l.measure
       AND b.period = CAST(CAST(left(l.period, 4) AS INT) - 1 AS VARCHAR) || substr(l.period, 5)
  WHERE '{level}' = '' OR l.office IN (SELECT code FROM o WHERE level = '{level}')
) TO '{out}' (HEADER, DELIMITER ',')
""")
