package dev.worklens.classify;

import dev.worklens.activity.UnitKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The numbers insights are made from, for one member and an inclusive range of dates in a zone.
 * Counts are of the member's own (authored) units unless named otherwise.
 *
 * @param weeks units per week, keyed by the Monday that starts the week, for every week the range touches
 * @param unitsHash changes whenever a unit, its label or a pull-request number changes
 */
record ActivityFacts(
        String memberName,
        LocalDate from,
        LocalDate to,
        ZoneId zone,
        boolean githubLinked,
        Map<String, Integer> byKind,
        int mentioned,
        Map<Category, Integer> byCategory,
        Map<String, Integer> byChannel,
        Map<String, Integer> byRepo,
        int prsCreated,
        int prsMerged,
        Double medianCycleHours,
        int prsOpenOverAWeek,
        int reviews,
        int prsReviewed,
        SortedMap<LocalDate, Integer> weeks,
        SortedSet<LocalDate> standupDays,
        SortedSet<LocalDate> githubDays,
        String unitsHash) {

    int total() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    int kind(UnitKind kind) {
        return byKind.getOrDefault(kind.code(), 0);
    }

    int slackMessages() {
        return kind(UnitKind.DISCUSSION) + kind(UnitKind.THREAD_REPLY);
    }
}
