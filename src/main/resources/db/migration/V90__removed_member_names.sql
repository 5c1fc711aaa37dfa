-- issue 15: a member removed from a roster keeps their name here, so the cleanup of their data
-- lists them by name; the data itself has only the member id.
CREATE TABLE team_removed_members (
    member_id     BIGINT       NOT NULL PRIMARY KEY,
    operator_id   BIGINT       NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    removed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
