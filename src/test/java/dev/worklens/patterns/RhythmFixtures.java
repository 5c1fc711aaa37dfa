package dev.worklens.patterns;

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
        for (String table : List.of("work_units", "github_reviews", "github_pull_requests", "patterns_work_weeks")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("DELETE FROM members WHERE is_operator = FALSE").update();
    }

    long operatorId() {
        return operators.local().id();
    }

    Member member(String name, String login, String tz) {
        Member m = roster.add(operatorId(), new MemberFields(null, name, null, null, login))
                .member();
        return tz == null ? m : roster.setTimeZone(m, tz);
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
                kind,
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
