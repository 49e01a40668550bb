-- The branches-only query of issue 12, as written there: per branch, segment and year, December's
-- active stock, the sum of the `new` rows, and the change of the December stock on the year before.
-- No roll-ups, no `all` segment. bench/peers.sh fills in @DIR@ and @OUT@.
COPY (
  WITH y AS (
    SELECT office, segment, CAST(substr(period, 1, 4) AS INTEGER) AS year,
           max(value) FILTER (WHERE measure = 'active' AND substr(period, 6, 2) = '12') AS dec_active,
           sum(value) FILTER (WHERE measure = 'new') AS new_sum
    FROM read_csv('@DIR@/participants.csv', types = {'period': 'VARCHAR', 'value': 'BIGINT'})
    GROUP BY ALL)
  SELECT office, segment, year, dec_active, new_sum,
         dec_active - lag(dec_active) OVER w AS change,
         100.0 * (dec_active - lag(dec_active) OVER w) / lag(dec_active) OVER w AS pct
  FROM y WINDOW w AS (PARTITION BY office, segment ORDER BY year)
  ORDER BY office, segment, year
) TO '@OUT@' (HEADER, DELIMITER ',');
