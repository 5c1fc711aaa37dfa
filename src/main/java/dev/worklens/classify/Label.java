package dev.worklens.classify;

/**
 * A category given to a unit's text.
 *
 * @param classifier the Claude model id, or {@code offline}
 * @param shortTitle Claude's few-word title, or null from the offline classifier
 */
record Label(Category category, double confidence, String shortTitle, String classifier, String promptVersion) {}
