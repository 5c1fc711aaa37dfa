-- issue 17 item 8: the team overview counts each member's Slack messages, standups and last
-- activity from per-UTC-day tallies instead of every unit of the year; the partial first and last
-- day of a period in another zone are counted from the units. activity.UnitDays keeps the tally
-- exact through the ranges activity's writers record (activity_dirty_ranges, tally 'unit_days');
-- a member without a row in activity_tallied_members is counted in full at the next read, so an
-- upgrade fills it by itself.

-- utc_day: days since 1970-01-01 in UTC
CREATE TABLE activity_unit_days (
    member_id      BIGINT  NOT NULL,
    utc_day        INTEGER NOT NULL,
    slack_messages INTEGER NOT NULL,
    standups       INTEGER NOT NULL,
    last_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (member_id, utc_day)
);
CREATE INDEX activity_unit_days_counts_idx
    ON activity_unit_days (member_id, utc_day, slack_messages, standups, last_at);
