package dev.worklens.report.core;

import java.time.Instant;

/** One work unit in the activity feed. {@code type} is the unit's kind. */
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
        String repo) {}
