-- chronograph schema, version 7: indexes that no query reads, dropped.
--
-- `claims_valid` and `claims_stated` index the raw time columns, but every
-- claim query filters and sorts on coalesce(valid, stated, published),
-- which no column index can serve. `events_kind` was read only where the
-- time index or the ids serve the same filter better (the planner chose it
-- for `kind = ?` and then sorted every event of that kind by time), and
-- the timeline snapshot applies the kind filter itself. At 10^6 synthetic
-- claims the three held 70 MB (6 % of the file), and a bulk ingest sorted
-- every row again for each of them.
DROP INDEX IF EXISTS claims_valid;
DROP INDEX IF EXISTS claims_stated;
DROP INDEX IF EXISTS events_kind;
