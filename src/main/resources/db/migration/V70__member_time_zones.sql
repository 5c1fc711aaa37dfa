-- team: each member's IANA time zone, from Slack's users.list `tz` on import and sync, editable on
-- the Team page. tz_manual marks a zone a manager set by hand, which a Slack sync leaves alone.
ALTER TABLE members ADD COLUMN tz VARCHAR(64);
ALTER TABLE members ADD COLUMN tz_manual BOOLEAN NOT NULL DEFAULT FALSE;
