package dev.worklens.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.worklens.patterns.TeamHealth.ReviewCount;
import dev.worklens.patterns.TeamHealth.SingleOwnerRepo;
import dev.worklens.team.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The team half against hand-worked answers; run on H2 and on PostgreSQL by its subclasses. */
abstract class TeamHealthContract {

    static final Span NOVEMBER =
            new Span(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), ZoneId.of("UTC"));

    @Autowired
    ApplicationContext context;

    @Autowired
    TeamHealthBuilder builder;

    RhythmFixtures fx;
    Member ana;
    Member bo;
    Member cy;
    Member dee;

    @BeforeEach
    void setUp() {
        fx = new RhythmFixtures(context);
        fx.clear();
        ana = fx.member("Ana", "Ana", "UTC");
        bo = fx.member("Bo", "BO", "UTC");
        cy = fx.member("Cy", "cy", "UTC");
        dee = fx.member("Dee", null, "UTC");
        // the team's pull requests opened in November
        fx.pr("acme/api", 1, "ana", "2026-11-02T10:00:00Z");
        fx.pr("acme/api", 2, "ana", "2026-11-03T10:00:00Z");
        fx.pr("acme/api", 3, "bo", "2026-11-04T10:00:00Z");
        fx.pr("acme/api", 4, "ana", "2026-11-05T10:00:00Z");
        fx.pr("acme/web", 10, "cy", "2026-11-06T10:00:00Z");
        for (int n = 31; n <= 34; n++) {
            fx.pr("acme/lib", n, "ana", "2026-11-10T10:00:00Z");
        }
        fx.pr("acme/lib", 35, "cy", "2026-11-10T10:00:00Z");
        // opened before the range, and one by someone outside the team
        fx.pr("acme/ops", 20, "bo", "2026-10-20T10:00:00Z");
        fx.pr("acme/api", 5, "outsider", "2026-11-02T10:00:00Z");

        fx.review("acme/api", 1, "bo", "COMMENTED", "2026-11-02T12:00:00Z");
        fx.review("acme/api", 1, "Bo", "APPROVED", "2026-11-02T13:00:00Z"); // same pull request: counted once
        fx.review("acme/api", 2, "bo", "APPROVED", "2026-11-03T12:00:00Z");
        fx.review("acme/api", 4, "bo", "APPROVED", "2026-11-05T12:00:00Z");
        fx.review("acme/api", 3, "cy", "APPROVED", "2026-11-04T12:00:00Z");
        fx.review("acme/web", 10, "bo", "APPROVED", "2026-11-06T12:00:00Z");
        fx.review("acme/api", 1, "ana", "COMMENTED", "2026-11-02T12:30:00Z"); // own pull request: not reviewing
        fx.review("acme/api", 5, "bo", "APPROVED", "2026-11-02T12:00:00Z"); // author not on the team
        fx.review("acme/ops", 20, "ana", "APPROVED", "2026-11-07T12:00:00Z"); // older PR, review in range
        fx.review("acme/api", 2, "cy", "COMMENTED", "2026-10-31T23:59:59Z"); // review before the range
    }

    @Test
    @DisplayName("the operator's own row is left out until a sync has covered them; the other members stay")
    void operatorNeverSyncedIsNotOnTheTeam() {
        Member operator = fx.operatorMember();
        List<Member> roster = List.of(operator, ana, bo, cy, dee);

        assertThat(builder.build(fx.operatorId(), roster, NOVEMBER).members())
                .extracting(m -> m.member().id())
                .containsExactly(ana.id(), bo.id(), cy.id(), dee.id());

        fx.synced(operator, "2026-09-01", "2026-09-30", "failed");
        assertThat(builder.build(fx.operatorId(), roster, NOVEMBER).members()).hasSize(4);

        fx.synced(operator, "2026-11-01", "2026-11-30");
        assertThat(builder.build(fx.operatorId(), roster, NOVEMBER).members())
                .extracting(m -> m.member().id())
                .containsExactly(operator.id(), ana.id(), bo.id(), cy.id(), dee.id());
    }

    @Test
    @DisplayName("who reviews whom: pull requests per reviewer and author, own and outside pull requests left out")
    void matrix() {
        TeamHealth h = builder.build(fx.operatorId(), List.of(ana, bo, cy, dee), NOVEMBER);
        assertThat(h.reviews())
                .extracting(ReviewCount::reviewerId, ReviewCount::authorId, ReviewCount::count)
                .containsExactlyInAnyOrder(
                        tuple(bo.id(), ana.id(), 3L),
                        tuple(bo.id(), cy.id(), 1L),
                        tuple(cy.id(), bo.id(), 1L),
                        tuple(ana.id(), bo.id(), 1L));
        assertThat(h.members())
                .extracting(
                        m -> m.member().displayName(),
                        TeamHealth.MemberHealth::reviewsGiven,
                        TeamHealth.MemberHealth::reviewsReceived)
                .containsExactly(tuple("Ana", 1L, 3L), tuple("Bo", 4L, 2L), tuple("Cy", 1L, 1L), tuple("Dee", 0L, 0L));
    }

    @Test
    @DisplayName("review concentration: Bo did 4 of 6 (0.667); Gini of 1, 4, 1 is 0.333")
    void concentration() {
        var c = builder.build(fx.operatorId(), List.of(ana, bo, cy, dee), NOVEMBER)
                .concentration();
        assertThat(c.total()).isEqualTo(6);
        assertThat(c.busiestReviewerId()).isEqualTo(bo.id());
        assertThat(c.busiestShare()).isEqualTo(0.667);
        // Σ|xi − xj| over ordered pairs = 12; 12 / (2 · 3² · 2) = 0.333
        assertThat(c.gini()).isEqualTo(0.333);
    }

    @Test
    @DisplayName("single-owner repositories: 80 % is enough, 75 % is not; a one-PR repository has two owners")
    void silos() {
        TeamHealth h = builder.build(fx.operatorId(), List.of(ana, bo, cy, dee), NOVEMBER);
        // lib: Ana authored 4 of 5 = 0.8. api: Bo authored #3 and reviewed #1, #2, #4 = 4 of 4, Ana 3 of 4,
        // Cy 2 of 4 (#3 and #2: participation counts reviews at any time). web: Cy authored, Bo reviewed.
        assertThat(h.singleOwnerRepos())
                .extracting(
                        SingleOwnerRepo::repo,
                        SingleOwnerRepo::memberId,
                        SingleOwnerRepo::share,
                        SingleOwnerRepo::pullRequests,
                        SingleOwnerRepo::teamPullRequests)
                .containsExactly(
                        tuple("acme/lib", ana.id(), 0.8, 4L, 5L),
                        tuple("acme/api", bo.id(), 1.0, 4L, 4L),
                        tuple("acme/web", bo.id(), 1.0, 1L, 1L),
                        tuple("acme/web", cy.id(), 1.0, 1L, 1L));
    }

    @Test
    @DisplayName("the weekly after-hours trend adds up the members' own weeks")
    void weeklyTrend() {
        fx.event(ana, "discussion", "2026-11-02T20:00:00Z"); // Mon 20:00 after
        fx.event(bo, "standup", "2026-11-03T10:00:00Z"); // Tue 10:00 within
        fx.event(dee, "discussion", "2026-11-28T10:00:00Z"); // Sat after
        TeamHealth h = builder.build(fx.operatorId(), List.of(ana, bo, cy, dee), NOVEMBER);
        assertThat(h.weeklyAfterHours())
                .extracting(TeamHealth.WeekTrend::week, TeamHealth.WeekTrend::events, TeamHealth.WeekTrend::afterHours)
                .containsExactly(
                        tuple(LocalDate.parse("2026-10-26"), 0L, 0L),
                        tuple(LocalDate.parse("2026-11-02"), 2L, 1L),
                        tuple(LocalDate.parse("2026-11-09"), 0L, 0L),
                        tuple(LocalDate.parse("2026-11-16"), 0L, 0L),
                        tuple(LocalDate.parse("2026-11-23"), 1L, 1L),
                        tuple(LocalDate.parse("2026-11-30"), 0L, 0L));
    }

    @Test
    @DisplayName("Gini: 0 when all equal, (n−1)/n when one person does everything")
    void gini() {
        assertThat(TeamHealthBuilder.gini(List.of(3L, 3L, 3L))).isZero();
        assertThat(TeamHealthBuilder.gini(List.of(0L, 0L, 0L, 8L))).isEqualTo(0.75);
        assertThat(TeamHealthBuilder.gini(List.of())).isZero();
    }
}
