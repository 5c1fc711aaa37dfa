package dev.worklens.team;

import dev.worklens.system.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** An operator's roster: the members they lead, and themselves. */
@Repository
public class Roster {

    private static final String COLUMNS =
            "id, operator_id, slack_user_id, display_name, real_name, email, github_login, is_operator, tz";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Roster(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public List<Member> members(long operatorId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE operator_id = ? ORDER BY is_operator DESC,"
                        + " LOWER(display_name), id")
                .param(operatorId)
                .query(Roster::map)
                .list();
    }

    /** Every member id on any roster: what a removed member's leftover data is told apart by. */
    public Set<Long> allIds() {
        return new java.util.HashSet<>(
                jdbc.sql("SELECT id FROM members").query(Long.class).list());
    }

    public Optional<Member> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE id = ?")
                .param(id)
                .query(Roster::map)
                .optional();
    }

    public List<Member> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(Roster::map)
                .list();
    }

    /** Adds a member by hand; an existing member with the same Slack id or GitHub login is returned unchanged. */
    @Transactional
    public Added add(long operatorId, MemberFields fields) {
        Optional<Member> existing = sameMember(operatorId, fields);
        if (existing.isPresent()) {
            return new Added(existing.get(), false);
        }
        long id = insert(operatorId, fields);
        return new Added(find(id).orElseThrow(), true);
    }

    /** Imports people from the workspace; people already on the roster are left as they are. */
    @Transactional
    public List<Added> importPeople(long operatorId, List<WorkspaceDirectory.WorkspacePerson> people) {
        Map<String, Member> bySlackId = members(operatorId).stream()
                .filter(m -> m.slackUserId() != null)
                .collect(Collectors.toMap(Member::slackUserId, Function.identity()));
        List<Added> result = new ArrayList<>();
        for (var person : people) {
            Member present = bySlackId.get(person.slackUserId());
            if (present != null) {
                refreshTimeZone(present.id(), person.tz());
                result.add(new Added(find(present.id()).orElseThrow(), false));
                continue;
            }
            String name = firstNonBlank(person.displayName(), person.realName(), person.slackUserId());
            var fields = new MemberFields(person.slackUserId(), name, person.realName(), person.email(), null);
            long id = insert(operatorId, fields);
            refreshTimeZone(id, person.tz());
            Member added = find(id).orElseThrow();
            bySlackId.put(added.slackUserId(), added);
            result.add(new Added(added, true));
        }
        return result;
    }

    /** Applies the given fields; a null field is left unchanged unless named in {@code cleared}. */
    @Transactional
    public Member update(Member member, MemberFields fields, Collection<String> cleared) {
        String displayName = fields.displayName() != null ? fields.displayName() : member.displayName();
        String realName = pick(fields.realName(), member.realName(), cleared.contains("real_name"));
        String email = pick(fields.email(), member.email(), cleared.contains("email"));
        String github = pick(fields.githubLogin(), member.githubLogin(), cleared.contains("github_login"));
        jdbc.sql("UPDATE members SET display_name = ?, real_name = ?, email = ?, github_login = ? WHERE id = ?")
                .params(displayName, realName, email, github, member.id())
                .update();
        if (member.isOperator()) {
            jdbc.sql("UPDATE operators SET github_login = ? WHERE id = ?")
                    .params(github, member.operatorId())
                    .update();
        }
        return find(member.id()).orElseThrow();
    }

    /**
     * Stores the zones Slack reports ({@code users.list} {@code tz}, by Slack user id) for this
     * operator's members, except zones a manager set by hand. Returns how many rows changed.
     */
    @Transactional
    public int refreshTimeZones(long operatorId, Map<String, String> tzBySlackUserId) {
        int changed = 0;
        for (Member m : members(operatorId)) {
            String tz = m.slackUserId() == null ? null : tzBySlackUserId.get(m.slackUserId());
            if (tz != null && !tz.equals(m.tz())) {
                changed += refreshTimeZone(m.id(), tz);
            }
        }
        return changed;
    }

    /**
     * Sets a member's zone by hand, checked with {@link MemberTimeZone#problem}; null or blank hands
     * the zone back to Slack, whose value the next sync stores.
     */
    @Transactional
    public Member setTimeZone(Member member, String tz) {
        String value = tz == null || tz.isBlank() ? null : tz.strip();
        MemberTimeZone.problem(value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        jdbc.sql("UPDATE members SET tz = ?, tz_manual = ? WHERE id = ?")
                .params(value, value != null, member.id())
                .update();
        return find(member.id()).orElseThrow();
    }

    private int refreshTimeZone(long memberId, String tz) {
        if (tz == null || MemberTimeZone.parse(tz).isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE members SET tz = ? WHERE id = ? AND tz_manual = FALSE")
                .params(tz, memberId)
                .update();
    }

    /** Records whether GitHub confirmed the member's current login. */
    public void recordLoginCheck(long memberId, boolean checked) {
        jdbc.sql("UPDATE members SET github_login_checked = ? WHERE id = ?")
                .params(checked, memberId)
                .update();
    }

    /** The name a removed member had on the roster, when they were removed after names were kept. */
    public Optional<String> removedName(long memberId) {
        return jdbc.sql("SELECT display_name FROM team_removed_members WHERE member_id = ?")
                .param(memberId)
                .query(String.class)
                .optional();
    }

    /** Ids of members on any roster whose GitHub login is this one (compared ignoring case). */
    public List<Long> loginHolders(String login) {
        return jdbc.sql("SELECT id FROM members WHERE LOWER(github_login) = ? ORDER BY id")
                .param(login.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class)
                .list();
    }

    /** Members of the roster whose GitHub login was stored without GitHub confirming it. */
    public Set<Long> uncheckedLogins(long operatorId) {
        return Set.copyOf(jdbc.sql("SELECT id FROM members WHERE operator_id = ? AND github_login IS NOT NULL"
                        + " AND github_login_checked = FALSE")
                .param(operatorId)
                .query(Long.class)
                .list());
    }

    /** Removes a member from the roster; their synced data stays until a cleanup. */
    @Transactional
    public void remove(Member member) {
        jdbc.sql("DELETE FROM team_removed_members WHERE member_id = ?")
                .param(member.id())
                .update();
        jdbc.sql("INSERT INTO team_removed_members (member_id, operator_id, display_name, removed_at)"
                        + " VALUES (?, ?, ?, ?)")
                .params(member.id(), member.operatorId(), member.displayName(), Rows.utc(clock.instant()))
                .update();
        jdbc.sql("DELETE FROM members WHERE id = ?").param(member.id()).update();
        events.publishEvent(new MemberRemoved(member.id(), member.operatorId()));
    }

    private Optional<Member> sameMember(long operatorId, MemberFields fields) {
        if (fields.slackUserId() != null) {
            var bySlack = jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE operator_id = ? AND slack_user_id = ?")
                    .params(operatorId, fields.slackUserId())
                    .query(Roster::map)
                    .optional();
            if (bySlack.isPresent()) {
                return bySlack;
            }
        }
        if (fields.githubKey() != null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM members WHERE operator_id = ? AND LOWER(github_login) = ?")
                    .params(operatorId, fields.githubKey())
                    .query(Roster::map)
                    .optional();
        }
        return Optional.empty();
    }

    private long insert(long operatorId, MemberFields fields) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO members (operator_id, slack_user_id, display_name, real_name, email, github_login,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        operatorId,
                        fields.slackUserId(),
                        fields.displayName(),
                        fields.realName(),
                        fields.email(),
                        fields.githubLogin(),
                        Rows.utc(clock.instant()))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private static String pick(String given, String current, boolean clear) {
        if (clear) {
            return null;
        }
        return given != null ? given : current;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getLong("id"),
                rs.getLong("operator_id"),
                rs.getString("slack_user_id"),
                rs.getString("display_name"),
                rs.getString("real_name"),
                rs.getString("email"),
                rs.getString("github_login"),
                rs.getBoolean("is_operator"),
                rs.getString("tz"));
    }

    public record Added(Member member, boolean created) {}
}
