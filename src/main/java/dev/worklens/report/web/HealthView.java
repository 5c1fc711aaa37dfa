package dev.worklens.report.web;

import dev.worklens.patterns.Rhythm;
import dev.worklens.patterns.TeamHealth;
import dev.worklens.patterns.TeamHealth.MemberHealth;
import dev.worklens.patterns.TeamHealth.WeekTrend;
import dev.worklens.team.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What the team health page draws from {@link TeamHealth}: sparklines as SVG points, the matrix as rows. */
public record HealthView(TeamHealth health, List<Member> people) {

    /** The matrix's rows and columns: members with a GitHub login, since reviews are found by login. */
    static HealthView of(TeamHealth health) {
        return new HealthView(
                health,
                health.members().stream()
                        .map(MemberHealth::member)
                        .filter(Member::hasGithubLogin)
                        .toList());
    }

    public String name(long memberId) {
        return names().getOrDefault(memberId, "member " + memberId);
    }

    private Map<Long, String> names() {
        return health.members().stream()
                .map(MemberHealth::member)
                .collect(Collectors.toMap(Member::id, Member::displayName, (a, b) -> a));
    }

    public long given(long memberId) {
        return health.members().stream()
                .filter(m -> m.member().id() == memberId)
                .mapToLong(MemberHealth::reviewsGiven)
                .sum();
    }

    /** Points of an SVG polyline 120 × 24 for a member's weekly events. */
    /** How many people have no period before to compare with, because no sync covered it. */
    public long previousNotSynced() {
        return health.members().stream()
                .filter(m -> m.rhythm() != null && m.rhythm().previous() == null)
                .count();
    }

    public String sparkline(Rhythm r) {
        return points(r.weeklyEvents(), 120, 24);
    }

    public String afterHoursSparkline(Rhythm r) {
        return points(r.weeklyAfterHours(), 120, 24);
    }

    public String trendEvents() {
        return points(health.weeklyAfterHours().stream().map(WeekTrend::events).toList(), 600, 80);
    }

    public String trendAfterHours() {
        return points(
                health.weeklyAfterHours().stream().map(WeekTrend::afterHours).toList(), 600, 80);
    }

    /** Share of a week's events that were after hours, as a percentage text. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** Cell shade for the review matrix, proportional to the largest count. */
    public String matrixStyle(long count) {
        long max = health.reviews().stream()
                .mapToLong(TeamHealth.ReviewCount::count)
                .max()
                .orElse(1);
        return count == 0
                ? ""
                : String.format(Locale.ROOT, "background-color: rgba(1, 114, 173, %.2f)", 0.12 + 0.6 * count / max);
    }

    static String points(List<Long> values, int width, int height) {
        if (values.isEmpty()) {
            return "";
        }
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        List<String> pts = new ArrayList<>();
        int n = values.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? width / 2.0 : i * (double) width / (n - 1);
            double y = height - 1 - (height - 2) * values.get(i) / (double) max;
            pts.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return String.join(" ", pts);
    }
}
