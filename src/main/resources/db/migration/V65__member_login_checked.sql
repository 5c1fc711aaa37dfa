-- Whether GitHub confirmed the member's login when it was set (GET /users/{login}); false for
-- logins stored without a token to check them, and for every login set before this column.
ALTER TABLE members ADD COLUMN github_login_checked BOOLEAN NOT NULL DEFAULT FALSE;
