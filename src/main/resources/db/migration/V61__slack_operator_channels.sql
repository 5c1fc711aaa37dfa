-- Which operator's Slack token is a member of which channel, as their last sync listed it: an
-- operator's cleanup only ever touches channels they are in (PRODUCT.md §6), and its preview
-- names no channel of another manager.
CREATE TABLE slack_operator_channels (
    operator_id  BIGINT      NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    team_id      VARCHAR(64) NOT NULL,
    channel_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (operator_id, team_id, channel_id)
);
CREATE INDEX slack_operator_channels_channel_idx ON slack_operator_channels (team_id, channel_id);
