-- github_pull_requests.raw was never written: the GitHub client hands ingest its own records
-- (search items and GraphQL nodes read once), and the work units are converted again from this
-- table, never from a stored payload. A column nobody writes or reads only suggests a raw layer
-- that does not exist.
ALTER TABLE github_pull_requests DROP COLUMN raw;
