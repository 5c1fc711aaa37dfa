package dev.worklens.classify;

/** What a classifier sees of a stored work unit. */
record UnitText(
        long id,
        String contentHash,
        String source,
        String kind,
        String role,
        String title,
        String body,
        String channel,
        String repo) {}
