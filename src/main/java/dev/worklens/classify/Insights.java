package dev.worklens.classify;

import java.util.List;

/**
 * What the report shows under "Insights" for one member and range.
 *
 * @param generator who wrote it: the Claude model id, or {@code computed} for the honest summary
 *     built from the numbers when Claude is not in use
 */
public record Insights(
        String summary, List<String> highlights, List<String> watchItems, String alignment, String generator) {}
