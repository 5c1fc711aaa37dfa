package dev.worklens.github.fake;

import java.time.Instant;

/** The search qualifiers Worklens uses, understood the way GitHub documents them. */
record SearchQuery(
        String author,
        Instant createdFrom,
        Instant createdTo,
        Instant mergedFrom,
        Instant mergedTo,
        Instant updatedFrom) {

    static SearchQuery parse(String q) {
        String author = null;
        Instant[] created = null;
        Instant[] merged = null;
        Instant updated = null;
        for (String token : q.trim().split("\\s+")) {
            if (token.startsWith("author:")) {
                author = token.substring(7);
            } else if (token.startsWith("created:")) {
                created = range(token.substring(8));
            } else if (token.startsWith("merged:")) {
                merged = range(token.substring(7));
            } else if (token.startsWith("updated:>=")) {
                updated = time(token.substring(10));
            } else if (!token.equals("is:pr")) {
                throw new IllegalArgumentException("the fake does not know " + token);
            }
        }
        return new SearchQuery(
                author,
                created == null ? null : created[0],
                created == null ? null : created[1],
                merged == null ? null : merged[0],
                merged == null ? null : merged[1],
                updated);
    }

    /** a..b, both ends inclusive, to the second. */
    private static Instant[] range(String value) {
        String[] ends = value.split("\\.\\.");
        return new Instant[] {time(ends[0]), time(ends[1])};
    }

    /** GitHub documents {@code YYYY-MM-DDTHH:MM:SS+00:00}; anything else is a bug in the client. */
    private static Instant time(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("not a documented search time: " + value);
        }
        return java.time.OffsetDateTime.parse(value).toInstant();
    }

    boolean matches(FakeData.Pull p) {
        if (author != null && !author.equalsIgnoreCase(p.author())) {
            return false;
        }
        if (createdFrom != null
                && (p.createdAt().isBefore(createdFrom) || p.createdAt().isAfter(createdTo))) {
            return false;
        }
        if (mergedFrom != null
                && (p.mergedAt() == null
                        || p.mergedAt().isBefore(mergedFrom)
                        || p.mergedAt().isAfter(mergedTo))) {
            return false;
        }
        return updatedFrom == null || !p.updatedAt().isBefore(updatedFrom);
    }
}
