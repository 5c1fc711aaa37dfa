package dev.worklens.report.core;

import dev.worklens.slack.SlackMarkup;
import java.time.Instant;
import org.springframework.web.util.HtmlUtils;

/**
 * One work unit in the activity feed. {@code type} is the unit's kind; {@code body} is as its source
 * stored it (Slack markup for Slack units, plain text for GitHub).
 */
public record ActivityItem(
        long id,
        String type,
        String source,
        String role,
        Instant at,
        String title,
        String url,
        String category,
        String classifier,
        String channel,
        String repo,
        String author,
        String body) {

    /** The full text as plain text, for JSON, CSV and copying. */
    public String text() {
        if (body == null) {
            return null;
        }
        return "slack".equals(source) ? SlackMarkup.plain(body) : body;
    }

    /** The full text as safe HTML: Slack markup rendered and sanitized, anything else escaped. */
    public String html() {
        if (body == null || body.isBlank()) {
            return "";
        }
        return "slack".equals(source)
                ? SlackMarkup.html(body)
                : "<p>" + HtmlUtils.htmlEscape(body).replace("\n", "<br>") + "</p>";
    }
}
