package dev.worklens.patterns;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Members and their events through the real storage paths: the roster and {@link WorkUnits#store}. */
final class RhythmFixtures {

    private static final AtomicLong KEYS = new AtomicLong();

    private final JdbcClient jdbc;
    private final WorkUnits units;
    private final Operators operators;
    private final Roster roster;

    RhythmFixtures(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.units = context.getBean(WorkUnits.class);
        this.operators = context.getBean(Operators.class);
        this.roster = context.getBean(Roster.class);
    }

    void clear() {
        for (String table :
                List.of("work_units", "github_reviews", "github_pull_requests", "patterns_work_weeks", "sync_jobs")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM members WHERE is_operator = FALSE").update();
    }

    long operatorId() {
        return operators.local().id();
    }

    /** A member whose data a succeeded sync covered from 2020 to 2030, so every period before is comparable. */
    Member member(String name, String login, String tz) {
        Member m = memberNeverSynced(name, login, tz);
        synced(m, "2020-01-01", "2030-12-31");
        return m;
    }

    /** The signed-in operator's own row on their roster, which a "team" sync never covers. */
    Member operatorMember() {
        return roster.members(operatorId()).stream()
                .filter(Member::isOperator)
                .findFirst()
                .orElseThrow();
    }

    Member memberNeverSynced(String name, String login, String tz) {
        Member m = roster.add(operatorId(), new MemberFields(null, name, null, null, login))
                .member();
        return tz == null ? m : roster.setTimeZone(m, tz);
    }

    /** A sync job over [from, to] whose Slack task for the member ended in {@code state}. */
    void synced(Member m, String from, String to, String state) {
        var now = Rows.utc(Instant.parse("2026-12-01T00:00:00Z"));
        jdbc.sql("INSERT INTO sync_jobs (operator_id, state, members_spec, sources, range_from, range_to, github_mode,"
                        + " created_at) VALUES (?, ?, 'team', 'slack', ?, ?, 'overview', ?)")
                .params(operatorId(), state, java.sql.Date.valueOf(from), java.sql.Date.valueOf(to), now)
                .update();
        long job = jdbc.sql("SELECT MAX(id) FROM sync_jobs").query(Long.class).single();
        jdbc.sql("INSERT INTO sync_tasks (job_id, member_id, source, state, updated_at) VALUES (?, ?, 'slack', ?, ?)")
                .params(job, m.id(), state, now)
                .update();
    }

    void synced(Member m, String from, String to) {
        synced(m, from, to, "succeeded");
    }

    /** An event of the member's own, of the given kind (discussion, standup, pull_request, review…). */
    void event(Member m, String kind, String at) {
        unit(m, kind, "authored", at);
    }

    void pr(String repo, int number, String author, String createdAt) {
        jdbc.sql("INSERT INTO github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                        + " created_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)")
                .params(
                        repo,
                        number,
                        "PR " + number,
                        "https://github.com/" + repo + "/pull/" + number,
                        author,
                        author.toLowerCase(),
                        Rows.utc(Instant.parse(createdAt)),
                        Rows.utc(Instant.now()))
                .update();
    }

    void review(String repo, int number, String reviewer, String state, String submittedAt) {
        long id = KEYS.incrementAndGet();
        jdbc.sql("INSERT INTO github_reviews (review_key, repo, pr_number, reviewer_login, reviewer_key, state,"
                        + " submitted_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        repo + "#" + number + ":" + id,
                        repo,
                        number,
                        reviewer,
                        reviewer.toLowerCase(),
                        state,
                        Rows.utc(Instant.parse(submittedAt)),
                        Rows.utc(Instant.now()))
                .update();
    }

    void unit(Member m, String kind, String role, String at) {
        String source =
                kind.equals("pull_request") || kind.equals("review") || kind.equals("commit") || kind.equals("issue")
                        ? "github"
                        : "slack";
        units.store(List.of(new WorkUnitDraft(
                m.id(),
                source,
                UnitKind.of(kind),
                role,
                source + ":" + kind + ":" + KEYS.incrementAndGet(),
                Instant.parse(at),
                "t",
                "t",
                null,
                null,
                null)));
    }
}
