package dev.worklens.sync.schedule;

import dev.worklens.sync.engine.SyncRequests;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Operator;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Validates a schedule as the API and the Sync page send it, with messages a person can act on. */
@Component
public class ScheduleForm {

    public static final int DEFAULT_RANGE_DAYS = 90;
    public static final int MAX_RANGE_DAYS = 730;
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d");
    private static final Pattern OFFSET = Pattern.compile("(?i)(UTC|GMT|UT)?[+-].*");

    private final Schedules schedules;
    private final SyncRequests requests;

    ScheduleForm(Schedules schedules, SyncRequests requests) {
        this.schedules = schedules;
        this.requests = requests;
    }

    public Schedule create(
            Operator operator,
            Object members,
            Object sources,
            String githubMode,
            List<String> days,
            String time,
            String timezone,
            Integer rangeDays) {
        var who = requests.who(operator, members == null ? "all" : members);
        return schedules.create(
                operator.id(),
                who.spec(),
                requests.sources(sources),
                requests.githubMode(githubMode),
                days(days),
                time(time),
                zone(timezone),
                rangeDays(rangeDays));
    }

    static Set<DayOfWeek> days(List<String> days) {
        if (days == null || days.isEmpty()) {
            throw ApiException.invalid(
                    "days", "Pick at least one weekday, e.g. [\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"].");
        }
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days) {
            set.add(day(day));
        }
        return set;
    }

    private static DayOfWeek day(String value) {
        String d = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (d.length() >= 3 && day.name().startsWith(d) || day.name().equals(d)) {
                return day;
            }
        }
        throw ApiException.invalid(
                "days", "'" + value + "' is not a weekday; use MON, TUE, WED, THU, FRI, SAT or SUN.");
    }

    static LocalTime time(String value) {
        if (value == null || !TIME.matcher(value.strip()).matches()) {
            throw ApiException.invalid(
                    "time", "'time' must be a local time as HH:mm, e.g. 07:30, not '" + value + "'.");
        }
        String[] parts = value.strip().split(":");
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    static ZoneId zone(String value) {
        String hint = " Use an IANA time zone such as Asia/Ho_Chi_Minh, Europe/Berlin or UTC.";
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("timezone", "'timezone' is required." + hint);
        }
        if (OFFSET.matcher(value.strip()).matches()) {
            throw ApiException.invalid(
                    "timezone", "'" + value + "' is a fixed offset, which ignores daylight saving time." + hint);
        }
        try {
            ZoneId zone = ZoneId.of(value.strip());
            if (zone instanceof ZoneOffset && !"Z".equals(zone.getId())) {
                throw ApiException.invalid("timezone", "'" + value + "' is a fixed offset." + hint);
            }
            return zone instanceof ZoneOffset ? ZoneId.of("UTC") : zone;
        } catch (java.time.DateTimeException e) {
            throw ApiException.invalid("timezone", "'" + value + "' is not a time zone." + hint);
        }
    }

    static int rangeDays(Integer value) {
        int days = value == null ? DEFAULT_RANGE_DAYS : value;
        if (days < 1 || days > MAX_RANGE_DAYS) {
            throw ApiException.invalid(
                    "range_days", "'range_days' must be between 1 and " + MAX_RANGE_DAYS + " days, not " + days + ".");
        }
        return days;
    }
}
