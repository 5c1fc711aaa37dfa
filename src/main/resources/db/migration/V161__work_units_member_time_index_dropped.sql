-- work_units_report_idx begins with the same two columns (member_id, occurred_at), so every read
-- that used this index uses that one; keeping both cost every inserted unit one more index entry,
-- a tenth of a first re-extraction's time on PostgreSQL (docs/benchmarks.md, "re-extraction").
DROP INDEX work_units_member_time_idx;
