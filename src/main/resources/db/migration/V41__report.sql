-- report: covering indexes, so a report and the team overview read index pages only (an
-- index-only scan on PostgreSQL) instead of one heap page per unit: a member's units are spread
-- over the whole table because syncs write many members' rows together.
-- The counts and charts need these columns of a member's units in a time range:
CREATE INDEX work_units_report_idx ON work_units (member_id, occurred_at, source, kind, role, category, classifier, channel);
-- the reviewed group and the overview's reviewed count group reviews by pull request:
CREATE INDEX github_reviews_report_idx ON github_reviews (reviewer_key, submitted_at, repo, pr_number, state);
