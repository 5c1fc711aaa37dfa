-- issue 17 item 8: the insights now count the units the report has already read for its own
-- counts, and they count GitHub units per repository. The report's covering index gains repo, so
-- that one read stays index-only on PostgreSQL (repo is NULL on Slack units, which are most).
DROP INDEX work_units_report_idx;
CREATE INDEX work_units_report_idx ON work_units (member_id, occurred_at, source, kind, role, category, classifier, channel, thread_reply, repo);
