package dev.worklens.report;

import dev.worklens.activity.UnitKind;
import dev.worklens.activity.WorkUnitDraft;
import dev.worklens.activity.WorkUnits;
import dev.worklens.github.GitHubTallies;
import dev.worklens.system.db.Rows;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data through the real storage paths: work units via {@link WorkUnits#store}, GitHub rows
 * by SQL into the tables the github module fills (then its day tallies refreshed, as after a bulk
 * load), members through the roster.
 */
class ReportFixtures {

    private static final AtomicLong REVIEW_IDS = new AtomicLong(1000);
    private static final AtomicLong MESSAGE_TS = new AtomicLong(1);

    private final JdbcClient jdbc;
    private final WorkUnits units;
    private final Operators operators;
    private final Roster roster;
    private final GitHubTallies tallies;

    static ReportFixtures of(org.springframework.context.ApplicationContext context) {
        return new ReportFixtures(
                context.getBean(JdbcClient.class),
                context.getBean(WorkUnits.class),
                context.getBean(Operators.class),
                context.getBean(Roster.class),
                context.getBean(GitHubTallies.class));
    }

    ReportFixtures(JdbcClient jdbc, WorkUnits units, Operators operators, Roster roster, GitHubTallies tallies) {
        this.jdbc = jdbc;
        this.units = units;
        this.operators = operators;
        this.roster = roster;
        this.tallies = tallies;
    }

    void clear() {
        for (String table : List.of("work_units", "github_reviews", "github_pull_requests")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        tallies.refreshAll();
        jdbc.sql("DELETE FROM members WHERE is_operator = FALSE").update();
    }

    Operator operator() {
        return operators.local();
    }

    Member member(String name, String githubLogin) {
        return roster.add(operator().id(), new MemberFields(null, name, null, null, githubLogin))
                .member();
    }

    Member memberOfAnotherOperator(String name) {
        jdbc.sql("INSERT INTO operators (slack_user_id, name, team_id, team_name, connected_at)"
                        + " VALUES ('UOTHER', 'Other', 'T2', 'Other', ?)")
                .param(Rows.utc(Instant.now()))
                .update();
        long id = jdbc.sql("SELECT id FROM operators WHERE slack_user_id = 'UOTHER'")
                .query(Long.class)
                .single();
        return roster.add(id, new MemberFields(null, name, null, null, null)).member();
    }

    void slack(Member m, String kind, String role, String channel, String at, String text) {
        String key =
                "slack:T1:" + channel + ":" + Instant.parse(at).getEpochSecond() + "." + MESSAGE_TS.incrementAndGet();
        units.store(List.of(new WorkUnitDraft(
                m.id(),
                "slack",
                UnitKind.of(kind),
                role,
                key,
                Instant.parse(at),
                text,
                text,
                "https://acme.slack.com/archives/C1/p" + Instant.parse(at).getEpochSecond(),
                channel,
                null)));
    }

    /** A Slack unit as extraction stores it since issue 12: the text as Slack markup, and its author. */
    void written(Member m, String kind, String role, String channel, String at, String markup, String author) {
        String key =
                "slack:T1:" + channel + ":" + Instant.parse(at).getEpochSecond() + "." + MESSAGE_TS.incrementAndGet();
        units.store(List.of(new WorkUnitDraft(
                m.id(),
                "slack",
                UnitKind.of(kind),
                role,
                key,
                Instant.parse(at),
                markup.lines().findFirst().orElse(""),
                markup,
                "https://acme.slack.com/archives/C1/p" + Instant.parse(at).getEpochSecond(),
                channel,
                null,
                author,
                false,
                null,
                null)));
    }

    void github(Member m, String kind, String key, String at, String title, String repo, String url) {
        units.store(List.of(new WorkUnitDraft(
                m.id(),
                "github",
                UnitKind.of(kind),
                "authored",
                key,
                Instant.parse(at),
                title,
                title,
                url,
                null,
                repo)));
    }

    void label(Member m, String titleLike, String category, String classifier) {
        // classified_hash = content_hash marks the label current, so a classifier leaves it alone
        jdbc.sql("UPDATE work_units SET category = ?, classifier = ?, classified_hash = content_hash"
                        + " WHERE member_id = ? AND title LIKE ?")
                .params(category, classifier, m.id(), titleLike)
                .update();
    }

    void pr(String repo, int number, String title, String author, String createdAt, String mergedAt) {
        String state = mergedAt != null ? "merged" : "open";
        jdbc.sql("INSERT INTO github_pull_requests (repo, number, title, url, author_login, author_key, state,"
                        + " created_at, merged_at, closed_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        repo,
                        number,
                        title,
                        "https://github.com/" + repo + "/pull/" + number,
                        author,
                        author.toLowerCase(),
                        state,
                        Rows.utc(Instant.parse(createdAt)),
                        mergedAt == null ? null : Rows.utc(Instant.parse(mergedAt)),
                        mergedAt == null ? null : Rows.utc(Instant.parse(mergedAt)),
                        Rows.utc(Instant.now()))
                .update();
        tallies.refreshAll();
    }

    void review(String repo, int number, String reviewer, String state, String submittedAt) {
        long id = REVIEW_IDS.incrementAndGet();
        jdbc.sql("INSERT INTO github_reviews (review_key, repo, pr_number, reviewer_login, reviewer_key, state,"
                        + " submitted_at, url, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        repo + "#" + number + ":" + id,
                        repo,
                        number,
                        reviewer,
                        reviewer.toLowerCase(),
                        state,
                        Rows.utc(Instant.parse(submittedAt)),
                        "https://github.com/" + repo + "/pull/" + number + "#pullrequestreview-" + id,
                        Rows.utc(Instant.now()))
                .update();
        tallies.refreshAll();
    }
}
