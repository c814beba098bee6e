-- What the benchmark database's client backends are doing, every 0.2 s from this one session (ops/bench.sh runs it
-- with psql --csv until it is stopped). Rows (time, kind, class, application, count, query):
--   tick: one per sample; class 'statements' on the samples that also list statements (about one in ten)
--   wait: busy backends per class: CPU (active, waiting on nothing), a wait event (LWLock:WALWrite, Lock:tuple, ...)
--         or the state of a backend that is not active (idle in transaction: waiting for its client)
--   lock: backends waiting on a heavyweight lock, by lock type and statement
--   busy: every busy backend's statement, on the 'statements' samples only (ten times fewer rows)
WITH tick AS (
  SELECT round(extract(epoch FROM clock_timestamp()), 2) AS t,
         extract(epoch FROM clock_timestamp()) % 2 < 0.2 AS statements
), busy AS (
  SELECT application_name AS application,
         CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU') ELSE state END AS class,
         wait_event_type, wait_event, left(regexp_replace(query, '\s+', ' ', 'g'), 300) AS query
    FROM pg_stat_activity
   WHERE datname = current_database() AND backend_type = 'client backend' AND state <> 'idle'
     AND pid <> pg_backend_pid()
)
SELECT t, 'tick', CASE WHEN statements THEN 'statements' ELSE '' END, '', 0, '' FROM tick
UNION ALL
SELECT t, 'wait', class, '', count(*), '' FROM busy, tick GROUP BY t, class
UNION ALL
SELECT t, 'lock', wait_event, application, count(*), query FROM busy, tick
 WHERE wait_event_type = 'Lock' GROUP BY t, wait_event, application, query
UNION ALL
SELECT t, 'busy', class, application, count(*), query FROM busy, tick
 WHERE statements GROUP BY t, class, application, query
\watch 0.2
