package dev.worklens.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Working hours {@code [start, end)} on working days ({@code WORK_HOURS}, {@code WORK_DAYS}). An
 * event is after hours on a day outside {@code days}, or before {@code start} or at/after {@code end}.
 */
public record WorkWeek(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    public static final WorkWeek DEFAULT = new WorkWeek(LocalTime.of(9, 0), LocalTime.of(18, 0), weekdays());

    public WorkWeek {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    public boolean afterHours(LocalDateTime local) {
        return !days.contains(local.getDayOfWeek()) || !withinHours(local.toLocalTime());
    }

    public boolean withinHours(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }

    public boolean workingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek());
    }

    public String hoursText() {
        return start + "-" + end;
    }

    /** MON-FRI or SUN-THU when the days are one run (the week wraps), else a list such as MON,WED,FRI. */
    public String daysText() {
        for (DayOfWeek first : days) {
            if (days.size() < 2 || days.size() == 7 || days.contains(first.minus(1))) {
                continue;
            }
            DayOfWeek last = first;
            while (days.contains(last.plus(1)) && last.plus(1) != first) {
                last = last.plus(1);
            }
            if (last.getValue() - first.getValue() + (last.compareTo(first) < 0 ? 7 : 0) == days.size() - 1) {
                return abbreviation(first) + "-" + abbreviation(last);
            }
        }
        return days.size() == 7
                ? "MON-SUN"
                : days.stream().sorted().map(WorkWeek::abbreviation).collect(Collectors.joining(","));
    }

    /** Parses both settings; the problems list says in words what is wrong, empty when both are fine. */
    public static WorkWeek parse(String hours, String days, List<String> problems) {
        LocalTime start = DEFAULT.start;
        LocalTime end = DEFAULT.end;
        String[] parts = hours == null ? new String[0] : hours.strip().split("\\s*-\\s*");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("two times", hours == null ? "" : hours, 0);
            }
            start = LocalTime.parse(pad(parts[0]));
            end = LocalTime.parse(pad(parts[1]));
            if (!start.isBefore(end)) {
                problems.add("WORK_HOURS must end after it starts, e.g. 09:00-18:00 (it is '" + hours + "')");
                start = DEFAULT.start;
                end = DEFAULT.end;
            }
        } catch (DateTimeParseException e) {
            problems.add("WORK_HOURS must be two times like 09:00-18:00 (it is '" + hours + "')");
        }
        Set<DayOfWeek> set = parseDays(days, problems);
        return new WorkWeek(start, end, set == null ? DEFAULT.days : set);
    }

    private static Set<DayOfWeek> parseDays(String text, List<String> problems) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        String value = text == null ? "" : text.strip();
        List<String> bad = new ArrayList<>();
        for (String item : value.split("\\s*,\\s*")) {
            if (item.isEmpty()) {
                continue;
            }
            String[] range = item.split("\\s*-\\s*");
            DayOfWeek first = day(range[0]);
            DayOfWeek last = range.length == 2 ? day(range[1]) : first;
            if (first == null || last == null || range.length > 2) {
                bad.add(item);
                continue;
            }
            // a range may wrap the week: SUN-THU
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                set.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        if (!bad.isEmpty() || set.isEmpty()) {
            problems.add("WORK_DAYS must name days like MON-FRI or SUN,MON,TUE (it is '" + value + "')");
            return null;
        }
        return set;
    }

    private static DayOfWeek day(String s) {
        String key = s.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (key.length() >= 3 && d.name().startsWith(key)) {
                return d;
            }
        }
        return null;
    }

    private static String pad(String time) {
        return time.matches("\\d:\\d\\d(:\\d\\d)?") ? "0" + time : time;
    }

    private static String abbreviation(DayOfWeek d) {
        return d.name().substring(0, 3);
    }

    private static Set<DayOfWeek> weekdays() {
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }
}
