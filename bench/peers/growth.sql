-- The full growth job in DuckDB: every office (branches, their regions, the nation) and the `all`
-- segment; each year's latest month against the same month a year earlier.
-- One pass folds the monthly rows into one row per office, segment, measure and year with a column per
-- month (a twelfth of the rows); the roll-ups and the growth rows then work on that small table, joined
-- on integer years, never on text periods. Segments and measures are read as enums: closed sets.
-- bench/peers.sh fills in @DIR@ and @OUT@.
CREATE TYPE segment AS ENUM ('pu', 'bpu', 'jakon', 'pmi', 'all');
CREATE TYPE measure AS ENUM ('active', 'new');
CREATE TEMP TABLE o AS
  SELECT code, level, parent FROM read_csv('@DIR@/offices.csv', header = true, all_varchar = true);
CREATE TEMP TABLE kids AS SELECT parent, count(*) AS n FROM o WHERE parent IS NOT NULL GROUP BY parent;
CREATE TEMP TABLE y AS
  SELECT office, segment, measure, year,
         max(value) FILTER (WHERE month = 1) AS m1,
         max(value) FILTER (WHERE month = 2) AS m2,
         max(value) FILTER (WHERE month = 3) AS m3,
         max(value) FILTER (WHERE month = 4) AS m4,
         max(value) FILTER (WHERE month = 5) AS m5,
         max(value) FILTER (WHERE month = 6) AS m6,
         max(value) FILTER (WHERE month = 7) AS m7,
         max(value) FILTER (WHERE month = 8) AS m8,
         max(value) FILTER (WHERE month = 9) AS m9,
         max(value) FILTER (WHERE month = 10) AS m10,
         max(value) FILTER (WHERE month = 11) AS m11,
         max(value) FILTER (WHERE month = 12) AS m12
  FROM (SELECT office, segment, measure, CAST(substr(period, 1, 4) AS SMALLINT) AS year,
               CAST(substr(period, 6, 2) AS TINYINT) AS month, value
        FROM read_csv('@DIR@/participants.csv', header = true, delim = ',', quote = '"',
             columns = {'office': 'VARCHAR', 'period': 'VARCHAR', 'segment': 'segment',
                        'measure': 'measure', 'value': 'BIGINT', 'source': 'VARCHAR'}))
  GROUP BY ALL;
-- `all` is the sum of the four segments, in a month where all four have the figure.
INSERT INTO y
  SELECT office, 'all', measure, year,
         CASE WHEN count(m1) = 4 THEN sum(m1) END,
         CASE WHEN count(m2) = 4 THEN sum(m2) END,
         CASE WHEN count(m3) = 4 THEN sum(m3) END,
         CASE WHEN count(m4) = 4 THEN sum(m4) END,
         CASE WHEN count(m5) = 4 THEN sum(m5) END,
         CASE WHEN count(m6) = 4 THEN sum(m6) END,
         CASE WHEN count(m7) = 4 THEN sum(m7) END,
         CASE WHEN count(m8) = 4 THEN sum(m8) END,
         CASE WHEN count(m9) = 4 THEN sum(m9) END,
         CASE WHEN count(m10) = 4 THEN sum(m10) END,
         CASE WHEN count(m11) = 4 THEN sum(m11) END,
         CASE WHEN count(m12) = 4 THEN sum(m12) END
  FROM y GROUP BY ALL;
-- A parent is the sum of its children, in a month where every one of them has the figure.
CREATE MACRO roll_up(lower, child_level) AS TABLE
  SELECT o.parent AS office, segment, measure, year,
         CASE WHEN count(m1) = max(k.n) THEN sum(m1) END AS m1,
         CASE WHEN count(m2) = max(k.n) THEN sum(m2) END AS m2,
         CASE WHEN count(m3) = max(k.n) THEN sum(m3) END AS m3,
         CASE WHEN count(m4) = max(k.n) THEN sum(m4) END AS m4,
         CASE WHEN count(m5) = max(k.n) THEN sum(m5) END AS m5,
         CASE WHEN count(m6) = max(k.n) THEN sum(m6) END AS m6,
         CASE WHEN count(m7) = max(k.n) THEN sum(m7) END AS m7,
         CASE WHEN count(m8) = max(k.n) THEN sum(m8) END AS m8,
         CASE WHEN count(m9) = max(k.n) THEN sum(m9) END AS m9,
         CASE WHEN count(m10) = max(k.n) THEN sum(m10) END AS m10,
         CASE WHEN count(m11) = max(k.n) THEN sum(m11) END AS m11,
         CASE WHEN count(m12) = max(k.n) THEN sum(m12) END AS m12
  FROM query_table(lower) AS t
  JOIN o ON o.code = t.office AND o.level = child_level
  JOIN kids AS k ON k.parent = o.parent
  GROUP BY ALL;
CREATE TEMP TABLE reg AS SELECT * FROM roll_up('y', 'branch');
CREATE TEMP TABLE f AS
  SELECT * FROM y UNION ALL SELECT * FROM reg UNION ALL SELECT * FROM roll_up('reg', 'region');
COPY (
  SELECT l.office, l.segment, l.measure, printf('%d-%02d', l.year, l.month) AS period, l.value,
         [b.m1, b.m2, b.m3, b.m4, b.m5, b.m6, b.m7, b.m8, b.m9, b.m10, b.m11, b.m12][l.month] AS base_value,
         l.value - base_value AS change,
         CASE WHEN base_value > 0 THEN change * 100 / base_value END AS change_pct
  FROM (SELECT *,
               greatest(CASE WHEN m1 IS NOT NULL THEN 1 END, CASE WHEN m2 IS NOT NULL THEN 2 END, CASE WHEN m3 IS NOT NULL THEN 3 END, CASE WHEN m4 IS NOT NULL THEN 4 END, CASE WHEN m5 IS NOT NULL THEN 5 END, CASE WHEN m6 IS NOT NULL THEN 6 END, CASE WHEN m7 IS NOT NULL THEN 7 END, CASE WHEN m8 IS NOT NULL THEN 8 END, CASE WHEN m9 IS NOT NULL THEN 9 END, CASE WHEN m10 IS NOT NULL THEN 10 END, CASE WHEN m11 IS NOT NULL THEN 11 END, CASE WHEN m12 IS NOT NULL THEN 12 END) AS month,
               coalesce(m12, m11, m10, m9, m8, m7, m6, m5, m4, m3, m2, m1) AS value
        FROM f) AS l
  LEFT JOIN f AS b
    ON b.office = l.office AND b.segment = l.segment AND b.measure = l.measure AND b.year = l.year - 1
  WHERE l.value IS NOT NULL
) TO '@OUT@' (HEADER, DELIMITER ',');
