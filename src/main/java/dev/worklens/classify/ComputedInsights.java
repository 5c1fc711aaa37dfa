package dev.worklens.classify;

import dev.worklens.activity.UnitKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Insights written from the numbers alone, when Claude is off or fails. Every sentence states a
 * count from the stored data; nothing is inferred about quality or intent.
 */
final class ComputedInsights {

    static final String GENERATOR = "computed";

    private ComputedInsights() {}

    static Insights from(ActivityFacts facts) {
        return new Insights(summary(facts), highlights(facts), watchItems(facts), alignment(facts), GENERATOR);
    }

    private static String summary(ActivityFacts f) {
        if (f.total() == 0) {
            return "No recorded activity for " + f.memberName() + " between " + f.from() + " and " + f.to()
                    + ". If you expected some, sync this range.";
        }
        List<String> parts = new ArrayList<>();
        if (f.prsCreated() > 0 || f.prsMerged() > 0) {
            parts.add(count(f.prsCreated(), "pull request") + " opened and " + f.prsMerged() + " merged");
        }
        if (f.reviews() > 0) {
            parts.add(count(f.reviews(), "review") + " on " + count(f.prsReviewed(), "pull request") + " by others");
        }
        addIfAny(parts, f.kind(UnitKind.COMMIT), "commit");
        addIfAny(parts, f.kind(UnitKind.ISSUE), "issue");
        addIfAny(parts, f.kind(UnitKind.STANDUP), "standup");
        addIfAny(parts, f.slackMessages(), "Slack message");
        StringBuilder text = new StringBuilder()
                .append(f.memberName())
                .append(" has ")
                .append(count(f.total(), "recorded work item"))
                .append(" from ")
                .append(f.from())
                .append(" to ")
                .append(f.to());
        if (!parts.isEmpty()) {
            text.append(": ").append(String.join(", ", parts));
        }
        text.append('.');
        topCategory(f)
                .ifPresent(top -> text.append(" The largest share of categorised work is ")
                        .append(top.getKey().label().toLowerCase())
                        .append(" (")
                        .append(percent(top.getValue(), categorised(f)))
                        .append(")."));
        return text.toString();
    }

    private static List<String> highlights(ActivityFacts f) {
        List<String> candidates = new ArrayList<>();
        if (f.prsMerged() > 0) {
            String cycle = f.medianCycleHours() == null
                    ? ""
                    : ", a median of " + hours(f.medianCycleHours()) + " from open to merge";
            candidates.add(count(f.prsMerged(), "pull request") + " merged" + cycle + ".");
        }
        if (f.prsReviewed() > 0) {
            candidates.add("Reviewed " + count(f.prsReviewed(), "pull request") + " by others ("
                    + count(f.reviews(), "review") + ").");
        }
        busiestWeek(f)
                .ifPresent(week -> candidates.add("Busiest week: the week of " + week.getKey() + ", with "
                        + count(week.getValue(), "item") + "."));
        topCategory(f)
                .ifPresent(top -> candidates.add(top.getKey().label() + " is the largest category: " + top.getValue()
                        + " of " + categorised(f) + " categorised items."));
        top(f.byRepo())
                .ifPresent(repo -> candidates.add(
                        "Most GitHub activity in " + repo.getKey() + " (" + count(repo.getValue(), "item") + ")."));
        top(f.byChannel())
                .ifPresent(channel -> candidates.add("Most active Slack channel: #" + channel.getKey() + " ("
                        + count(channel.getValue(), "message") + ")."));
        return List.copyOf(candidates.subList(0, Math.min(3, candidates.size())));
    }

    private static List<String> watchItems(ActivityFacts f) {
        List<String> items = new ArrayList<>();
        if (f.total() == 0) {
            return items;
        }
        List<LocalDate> quiet = f.weeks().entrySet().stream()
                .filter(w -> !w.getKey().isBefore(f.from())
                        && !w.getKey().plusDays(6).isAfter(f.to())
                        && w.getValue() == 0)
                .map(Map.Entry::getKey)
                .toList();
        if (!quiet.isEmpty()) {
            List<String> shown =
                    quiet.stream().limit(5).map(LocalDate::toString).toList();
            items.add("No recorded activity in " + count(quiet.size(), "full week") + ": the week of "
                    + String.join(", ", shown) + (quiet.size() > shown.size() ? " and more" : "") + ".");
        }
        if (f.prsOpenOverAWeek() > 0) {
            items.add(count(f.prsOpenOverAWeek(), "pull request") + " opened in this range "
                    + (f.prsOpenOverAWeek() == 1 ? "has" : "have") + " been open for more than a week.");
        }
        long weekdays = weekdays(f.from(), f.to());
        int standupDays = f.standupDays().size();
        if (standupDays > 0 && standupDays * 2 < weekdays) {
            items.add("Standups on " + standupDays + " of " + weekdays + " weekdays.");
        }
        if (!f.githubLinked()) {
            items.add("No GitHub login is linked for " + f.memberName() + ", so GitHub work is missing here.");
        }
        return items;
    }

    private static String alignment(ActivityFacts f) {
        int standups = f.standupDays().size();
        int github = f.githubDays().size();
        if (!f.githubLinked()) {
            return standups == 0
                    ? "No standups recorded, and no GitHub login is linked to compare with."
                    : "Standups on " + count(standups, "day") + "; no GitHub login is linked to compare with.";
        }
        if (standups == 0 && github == 0) {
            return "No standups and no GitHub activity recorded in this range.";
        }
        if (standups == 0) {
            return "No standups recorded; GitHub activity on " + count(github, "day") + ".";
        }
        if (github == 0) {
            return "Standups on " + count(standups, "day") + "; no GitHub activity recorded.";
        }
        var both = new TreeSet<>(f.standupDays());
        both.retainAll(f.githubDays());
        return "Standups on " + count(standups, "day") + ", GitHub activity on " + count(github, "day") + "; "
                + both.size() + " days had both, " + (standups - both.size()) + " standup days had no GitHub activity"
                + " and " + (github - both.size()) + " GitHub days had no standup.";
    }

    private static Optional<Map.Entry<Category, Integer>> topCategory(ActivityFacts f) {
        return f.byCategory().entrySet().stream()
                .filter(e -> e.getKey() != Category.UNKNOWN && e.getValue() > 0)
                .max(Map.Entry.<Category, Integer>comparingByValue()
                        .thenComparing(e -> -e.getKey().ordinal()));
    }

    private static int categorised(ActivityFacts f) {
        return f.byCategory().entrySet().stream()
                .filter(e -> e.getKey() != Category.UNKNOWN)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    private static Optional<Map.Entry<LocalDate, Integer>> busiestWeek(ActivityFacts f) {
        return f.weeks().entrySet().stream()
                .filter(w -> w.getValue() > 0)
                .max(Map.Entry.<LocalDate, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
    }

    private static Optional<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
        // ties go to the first name in alphabetical order, so the text is stable
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
    }

    private static long weekdays(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .count();
    }

    private static void addIfAny(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(count(n, noun));
        }
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String percent(int part, int whole) {
        return Math.round(100.0 * part / whole) + "%";
    }

    private static String hours(double hours) {
        return hours < 48 ? Math.round(hours) + " hours" : Math.round(hours / 24) + " days";
    }
}
