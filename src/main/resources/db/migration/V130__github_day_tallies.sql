-- issue 17 item 8: the team overview counts pull requests created, merged and (others') reviewed
-- per login from per-UTC-day tallies instead of every pull request and review of the year; the
-- partial first and last day of a period in another zone are counted from the rows themselves.
-- github.ingest.DayTallies keeps these tables exact whenever pull requests and reviews are written
-- or deleted; the statements below are its own, run here once over the rows stored before.

-- pull requests per author and UTC day: opened (created_at) and merged (merged_at) that day
CREATE TABLE github_pull_request_days (
    login_key    VARCHAR(39) NOT NULL,
    utc_day      DATE        NOT NULL,
    created      INTEGER     NOT NULL,
    merged       INTEGER     NOT NULL,
    PRIMARY KEY (login_key, utc_day)
);
CREATE INDEX github_pull_request_days_counts_idx ON github_pull_request_days (login_key, utc_day, created, merged);

-- others' pull requests a login reviewed on a UTC day, grouped by the day of that login's previous
-- review of the same pull request (NULL: none before). The pull requests reviewed in [S, E) are
-- those reviewed on a day in [S, E) whose previous review day is NULL or before S, once each.
CREATE TABLE github_review_days (
    login_key    VARCHAR(39) NOT NULL,
    utc_day      DATE        NOT NULL,
    prev_utc_day DATE,
    pulls        INTEGER     NOT NULL
);
CREATE INDEX github_review_days_idx ON github_review_days (login_key, utc_day, prev_utc_day, pulls);

-- one row per login whose tallies are being recomputed: a refresh locks it, so two writers of the
-- same login's rows never interleave their delete and insert
CREATE TABLE github_day_tally_locks (
    login_key VARCHAR(39) PRIMARY KEY
);

INSERT INTO github_pull_request_days (login_key, utc_day, created, merged)
SELECT login_key, utc_day, SUM(created), SUM(merged) FROM (
    SELECT author_key AS login_key, CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS utc_day, 1 AS created, 0 AS merged
    FROM github_pull_requests WHERE author_key IS NOT NULL
    UNION ALL
    SELECT author_key AS login_key, CAST(merged_at AT TIME ZONE 'UTC' AS DATE) AS utc_day, 0 AS created, 1 AS merged
    FROM github_pull_requests WHERE author_key IS NOT NULL AND merged_at IS NOT NULL
) x GROUP BY login_key, utc_day;

INSERT INTO github_review_days (login_key, utc_day, prev_utc_day, pulls)
SELECT login_key, utc_day, prev_utc_day, COUNT(*) FROM (
    SELECT login_key, utc_day, LAG(utc_day) OVER (PARTITION BY login_key, repo, pr_number ORDER BY utc_day) AS prev_utc_day FROM (
        SELECT DISTINCT r.reviewer_key AS login_key, r.repo, r.pr_number,
            CAST(r.submitted_at AT TIME ZONE 'UTC' AS DATE) AS utc_day
        FROM github_reviews r
        WHERE NOT EXISTS (SELECT 1 FROM github_pull_requests p WHERE p.repo = r.repo AND p.number = r.pr_number
            AND p.author_key = r.reviewer_key)
    ) g
) l GROUP BY login_key, utc_day, prev_utc_day;
