package dev.worklens.report.core;

import java.util.List;

/** A page of the feed, newest first; {@code next} is the opaque cursor of the following page, or null. */
public record ActivityPage(List<ActivityItem> items, String next) {}
