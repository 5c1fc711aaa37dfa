-- issue 15: a member's Slack data removed from a channel they left stays removed. Later syncs and
-- re-extractions of that channel skip the member's units from messages up to `removed_through` (the time of
-- the cleanup); what they write after rejoining counts again.
CREATE TABLE slack_left_channels (
    member_id   BIGINT                   NOT NULL,
    team_id     VARCHAR(64)              NOT NULL,
    channel_id  VARCHAR(64)              NOT NULL,
    removed_through TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (member_id, team_id, channel_id)
);
