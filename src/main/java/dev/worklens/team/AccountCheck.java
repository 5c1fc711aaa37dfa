package dev.worklens.team;

import java.util.List;

/**
 * One connection shown on the Connect accounts page (Slack, GitHub, Google, Notion, Claude).
 * Each integration module contributes its own, so the page knows none of them.
 */
public interface AccountCheck {

    /** Sort order on the page. */
    int order();

    AccountStatus check(Operator operator);

    /**
     * @param formUrl a second action that changes something, sent as a POST form (e.g. Disconnect); may be null
     */
    record AccountStatus(
            String title,
            boolean ok,
            String summary,
            List<String> details,
            String actionUrl,
            String actionLabel,
            String formUrl,
            String formLabel) {

        public AccountStatus(
                String title, boolean ok, String summary, List<String> details, String actionUrl, String actionLabel) {
            this(title, ok, summary, details, actionUrl, actionLabel, null, null);
        }

        public static AccountStatus of(String title, boolean ok, String summary, List<String> details) {
            return new AccountStatus(title, ok, summary, details, null, null);
        }
    }
}
