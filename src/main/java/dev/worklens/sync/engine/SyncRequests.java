package dev.worklens.sync.engine;

import dev.worklens.sync.SyncRange;
import dev.worklens.system.Settings;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns what a manager asked for (API body, Sync page form, schedule row) into a {@link
 * JobRequest}, or a 400 whose message says what to change.
 */
@Component
public class SyncRequests {

    public static final int DEFAULT_DAYS = 90;
    /** Ten years: a manager may read a team's whole history once; GitHub's windows split it anyway. */
    public static final int MAX_DAYS = 3650;

    public static final List<String> GITHUB_MODES = List.of("overview", "repos");

    private final Roster roster;
    private final Clock clock;
    private final ZoneId reportZone;

    SyncRequests(Roster roster, Clock clock, Settings settings) {
        this.roster = roster;
        this.clock = clock;
        this.reportZone = settings.app().reportTimezone();
    }

    public JobRequest request(
            Operator operator, Object members, Object sources, String from, String to, String githubMode) {
        Who who = who(operator, members);
        return new JobRequest(
                operator, who.spec(), who.members(), sources(sources), range(from, to), githubMode(githubMode), null);
    }

    /** Who a spec names: "me", "team", "all", or member ids of this operator. */
    public record Who(String spec, List<Member> members) {}

    public Who who(Operator operator, Object members) {
        List<Member> roster = this.roster.members(operator.id());
        if (members == null) {
            throw ApiException.invalid(
                    "members", "Say who to sync: \"me\", \"team\", \"all\", or a list of member ids.");
        }
        if (members instanceof String spec) {
            String s = spec.strip().toLowerCase(Locale.ROOT);
            List<Member> chosen = switch (s) {
                case "me" -> roster.stream().filter(Member::isOperator).toList();
                case "team" -> roster.stream().filter(m -> !m.isOperator()).toList();
                case "all" -> roster;
                default -> idList(spec, roster);
            };
            if (chosen.isEmpty()) {
                throw ApiException.invalid(
                        "members",
                        s.equals("team")
                                ? "Your team is empty: add members on the Team page first."
                                : "Nobody to sync: add members on the Team page first.");
            }
            return new Who(List.of("me", "team", "all").contains(s) ? s : ids(chosen), chosen);
        }
        if (members instanceof List<?> list) {
            List<Member> chosen = idList(list, roster);
            return new Who(ids(chosen), chosen);
        }
        throw ApiException.invalid("members", "'members' must be \"me\", \"team\", \"all\" or a list of member ids.");
    }

    /** Re-reads a stored spec; members removed since are simply left out. */
    public List<Member> storedMembers(Operator operator, String spec) {
        List<Member> roster = this.roster.members(operator.id());
        return switch (spec) {
            case "me" -> roster.stream().filter(Member::isOperator).toList();
            case "team" -> roster.stream().filter(m -> !m.isOperator()).toList();
            case "all" -> roster;
            default -> {
                Set<String> wanted = Set.of(spec.split(","));
                yield roster.stream()
                        .filter(m -> wanted.contains(String.valueOf(m.id())))
                        .toList();
            }
        };
    }

    private static List<Member> idList(String csv, List<Member> roster) {
        return idList(Arrays.stream(csv.split(",")).map(String::strip).toList(), roster);
    }

    private static List<Member> idList(List<?> values, List<Member> roster) {
        if (values.isEmpty()) {
            throw ApiException.invalid("members", "The member list is empty: pick at least one member.");
        }
        Map<Long, Member> byId = roster.stream().collect(Collectors.toMap(Member::id, Function.identity()));
        Set<Member> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (Object value : values) {
            Long id = asId(value);
            Member member = id == null ? null : byId.get(id);
            if (member == null) {
                unknown.add(String.valueOf(value));
            } else {
                chosen.add(member);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(
                    "members",
                    "Not members of your roster: " + String.join(", ", unknown) + ". GET /api/members lists them.");
        }
        return List.copyOf(chosen);
    }

    private static Long asId(Object value) {
        if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String ids(List<Member> members) {
        return members.stream().map(m -> String.valueOf(m.id())).collect(Collectors.joining(","));
    }

    public List<String> sources(Object sources) {
        if (sources == null) {
            return SyncSources.KNOWN;
        }
        List<?> list = sources instanceof List<?> l ? l : List.of(sources);
        Set<String> chosen = new LinkedHashSet<>();
        for (Object value : list) {
            String id = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
            if (!SyncSources.KNOWN.contains(id)) {
                throw ApiException.invalid(
                        "sources",
                        "'" + value + "' is not a source; use " + String.join(" and/or ", SyncSources.KNOWN) + ".");
            }
            chosen.add(id);
        }
        if (chosen.isEmpty()) {
            throw ApiException.invalid("sources", "Pick at least one source: slack, github.");
        }
        return List.copyOf(chosen);
    }

    public String githubMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return "overview";
        }
        String m = mode.strip().toLowerCase(Locale.ROOT);
        if (!GITHUB_MODES.contains(m)) {
            throw ApiException.invalid(
                    "github_mode", "github_mode must be \"overview\" or \"repos\", not '" + mode + "'.");
        }
        return m;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(reportZone));
    }

    /** Inclusive dates; both default to the last {@value #DEFAULT_DAYS} days ending today. */
    public SyncRange range(String from, String to) {
        LocalDate today = today();
        LocalDate end = blank(to) ? today : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
        if (end.isAfter(today)) {
            throw ApiException.invalid(
                    "to", "'to' (" + end + ") is in the future; the latest day is today, " + today + ".");
        }
        if (start.isAfter(today)) {
            throw ApiException.invalid("from", "'from' (" + start + ") is in the future; today is " + today + ".");
        }
        if (end.isBefore(start)) {
            throw ApiException.invalid("range", "'to' (" + end + ") is before 'from' (" + start + ").");
        }
        if (start.isBefore(end.minusDays(MAX_DAYS - 1L))) {
            throw ApiException.invalid(
                    "range",
                    "The range is longer than " + MAX_DAYS + " days; sync at most " + MAX_DAYS
                            + " days (about ten years) at a time.");
        }
        return new SyncRange(start, end, reportZone);
    }

    /** The last {@code days} days ending today in {@code zone} (a schedule's), as days of the report's zone. */
    public SyncRange lastDays(int days, ZoneId zone) {
        LocalDate end = LocalDate.now(clock.withZone(zone));
        return new SyncRange(end.minusDays(days - 1L), end, reportZone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "'" + field + "' must be a date as YYYY-MM-DD, not '" + value + "'.");
        }
    }
}
