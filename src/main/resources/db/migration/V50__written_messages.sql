-- issue 12: reports show what people wrote.
-- A Slack unit's body is now Slack markup with names resolved; these say who wrote it, whether it
-- is a thread reply (standups included, which the kind alone cannot say), the first line of the
-- thread's parent, and the files attached ("name<TAB>url" per line).
ALTER TABLE work_units ADD COLUMN author VARCHAR(200);
ALTER TABLE work_units ADD COLUMN thread_reply BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE work_units ADD COLUMN parent_title VARCHAR(300);
ALTER TABLE work_units ADD COLUMN files VARCHAR;

-- the report's covering index gains thread_reply, which the thread_replies count reads
DROP INDEX work_units_report_idx;
CREATE INDEX work_units_report_idx ON work_units (member_id, occurred_at, source, kind, role, category, classifier, channel, thread_reply);

-- which version of the Slack extraction rules produced the stored work units; a start-up whose
-- rules are newer re-extracts from the raw payloads (one row, id 1)
CREATE TABLE slack_extraction (
    id             INTEGER     NOT NULL PRIMARY KEY,
    rules_version  INTEGER     NOT NULL,
    extracted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    messages       BIGINT      NOT NULL DEFAULT 0,
    work_units     BIGINT      NOT NULL DEFAULT 0,
    seconds        DOUBLE PRECISION
);
