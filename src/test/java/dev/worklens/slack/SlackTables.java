package dev.worklens.slack;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties what the Slack tests write, so each test starts from nothing. */
final class SlackTables {

    private SlackTables() {}

    static void clear(JdbcClient jdbc) {
        for (String table : new String[] {
            "work_units",
            "slack_mentions",
            "slack_messages",
            "slack_channel_cursors",
            "slack_channels",
            "slack_users",
            "slack_usergroups",
            "app_settings",
            "members",
            "operators"
        }) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
