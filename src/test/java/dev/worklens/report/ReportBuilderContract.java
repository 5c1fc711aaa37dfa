package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.github.PullRequests;
import dev.worklens.report.core.ActivityFeed;
import dev.worklens.report.core.ActivityFilter;
import dev.worklens.report.core.ActivityItem;
import dev.worklens.report.core.Report;
import dev.worklens.report.core.ReportBuilder;
import dev.worklens.report.core.ReportPeriod;
import dev.worklens.report.core.TeamOverview;
import dev.worklens.system.web.ApiException;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The report builder on stored rows; run on H2 and on PostgreSQL by its subclasses. */
abstract class ReportBuilderContract {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ReportPeriod NOVEMBER = period("2026-11-01", "2026-11-30", UTC);

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportBuilder builder;

    @Autowired
    ActivityFeed feed;

    @Autowired
    TeamOverview overview;

    ReportFixtures fx;
    Member don;

    @BeforeEach
    void setUp() {
        fx = ReportFixtures.of(context);
        fx.clear();
        don = fx.member("Don Vo", "DonVo");
    }

    static ReportPeriod period(String from, String to, ZoneId zone) {
        return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to), zone);
    }

    // nested classes would not inherit the subclasses' Spring configuration, so groups are by name
    void pulls() {
        // created and merged in range: in both groups, once each
        fx.pr("acme/api", 1, "Add billing export", "DONVO", "2026-11-02T09:00:00Z", "2026-11-03T19:00:00Z");
        // created before the range, merged in it: merged only
        fx.pr("acme/api", 2, "Old refactor", "donvo", "2026-10-20T09:00:00Z", "2026-11-05T09:00:00Z");
        // created in range, still open: created only
        fx.pr("acme/web", 3, "Draft dashboard", "DonVo", "2026-11-10T09:00:00Z", null);
        // outside the range entirely
        fx.pr("acme/web", 4, "Ancient", "donvo", "2026-09-01T09:00:00Z", "2026-09-02T09:00:00Z");
        // someone else's, reviewed twice by Don in range (logins in other cases)
        fx.pr("acme/api", 10, "Fix flaky test", "Ana", "2026-11-04T08:00:00Z", null);
        fx.review("acme/api", 10, "donvo", "COMMENTED", "2026-11-04T10:00:00Z");
        fx.review("acme/api", 10, "DONVO", "APPROVED", "2026-11-06T10:00:00Z");
        fx.review("acme/api", 10, "ana", "COMMENTED", "2026-11-06T11:00:00Z");
        // Don's review on his own pull request does not count as reviewing
        fx.review("acme/api", 1, "DonVo", "COMMENTED", "2026-11-02T12:00:00Z");
        // a review before the range does not count
        fx.pr("acme/api", 11, "Earlier work", "bo", "2026-10-01T08:00:00Z", null);
        fx.review("acme/api", 11, "donvo", "APPROVED", "2026-10-30T23:59:59Z");
        // reviewed in range, pull request created earlier: turnaround from its creation to Don's first review
        fx.pr("acme/web", 12, "Cache headers", "bo", "2026-10-31T08:00:00Z", null);
        fx.review("acme/web", 12, "donvo", "CHANGES_REQUESTED", "2026-10-31T12:00:00Z");
        fx.review("acme/web", 12, "donvo", "APPROVED", "2026-11-01T00:00:00Z");
    }

    @Test
    @DisplayName("created, merged and reviewed are each deduplicated and follow the overview's rules")
    void groups() {
        pulls();
        PullRequests prs = builder.build(don, NOVEMBER).pullRequests();
        assertThat(prs.created()).extracting(PullRequests.Authored::number).containsExactly(3, 1);
        assertThat(prs.merged()).extracting(PullRequests.Authored::number).containsExactly(2, 1);
        assertThat(prs.reviewed()).extracting(PullRequests.Reviewed::number).containsExactly(10, 12);
        var fix = prs.reviewed().get(0);
        assertThat(fix.reviewedAt()).isEqualTo(Instant.parse("2026-11-06T10:00:00Z"));
        assertThat(fix.reviewStates()).containsExactly("approved", "commented");
        assertThat(fix.url()).isEqualTo("https://github.com/acme/api/pull/10");
        assertThat(fix.title()).isEqualTo("Fix flaky test");
        assertThat(prs.reviewed().get(1).reviewStates()).containsExactly("approved");
        var first = prs.created().get(1);
        assertThat(first.repo()).isEqualTo("acme/api");
        assertThat(first.url()).isEqualTo("https://github.com/acme/api/pull/1");
        assertThat(first.mergedAt()).isEqualTo(Instant.parse("2026-11-03T19:00:00Z"));
    }

    @Test
    @DisplayName("medians: cycle time over merged pull requests, turnaround to the member's first review")
    void medians() {
        pulls();
        Report r = builder.build(don, NOVEMBER);
        // merged: #1 34 h, #2 384 h → median 209 h
        assertThat(r.cycleTimeHoursMedian()).isEqualTo(209.0);
        // reviewed: #10 2 h, #12 4 h (first review was before the range) → 3 h
        assertThat(r.reviewTurnaroundHoursMedian()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("a member without a GitHub login has no pull requests and no medians")
    void noLogin() {
        Member ana = fx.member("Ana", null);
        Report r = builder.build(ana, NOVEMBER);
        assertThat(r.pullRequests().isEmpty()).isTrue();
        assertThat(r.cycleTimeHoursMedian()).isNull();
    }

    @Test
    @DisplayName("Asia/Ho_Chi_Minh: one day is 17:00 UTC the day before to 17:00 UTC")
    void hoChiMinh() {
        ZoneId hcm = ZoneId.of("Asia/Ho_Chi_Minh");
        fx.slack(don, "discussion", "authored", "eng", "2026-10-31T16:59:59Z", "before");
        fx.slack(don, "discussion", "authored", "eng", "2026-10-31T17:00:00Z", "first minute");
        fx.slack(don, "discussion", "authored", "eng", "2026-11-01T16:59:59Z", "last second");
        fx.slack(don, "discussion", "authored", "eng", "2026-11-01T17:00:00Z", "after");
        fx.pr("acme/api", 5, "Late night merge", "donvo", "2026-10-20T00:00:00Z", "2026-10-31T17:30:00Z");
        Report r = builder.build(don, period("2026-11-01", "2026-11-01", hcm));
        assertThat(r.numbers().slack().authored()).isEqualTo(2);
        assertThat(r.activity().items()).extracting(ActivityItem::title).containsExactly("last second", "first minute");
        assertThat(r.pullRequests().merged()).hasSize(1);
        assertThat(builder.build(don, period("2026-11-01", "2026-11-01", UTC))
                        .pullRequests()
                        .merged())
                .isEmpty();
    }

    @Test
    @DisplayName("America/Los_Angeles: the day clocks fall back has 25 hours, all of them counted")
    void losAngeles() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        fx.slack(don, "standup", "authored", "standup", "2026-11-01T06:59:59Z", "Oct 31, 23:59 PDT");
        fx.slack(don, "standup", "authored", "standup", "2026-11-01T07:00:00Z", "Nov 1, 00:00 PDT");
        fx.slack(don, "standup", "authored", "standup", "2026-11-02T07:59:59Z", "Nov 1, 23:59 PST");
        fx.slack(don, "standup", "authored", "standup", "2026-11-02T08:00:00Z", "Nov 2, 00:00 PST");
        var day = period("2026-11-01", "2026-11-01", la);
        assertThat(day.end().getEpochSecond() - day.start().getEpochSecond()).isEqualTo(25 * 3600);
        Report r = builder.build(don, day);
        assertThat(r.numbers().slack().standups()).isEqualTo(2);
        assertThat(r.numbers().weeks()).containsExactly(LocalDate.parse("2026-10-26"));
        assertThat(r.numbers().perWeek().get("slack")).containsExactly(2L);
    }

    @Test
    @DisplayName("Slack and GitHub counts follow the shared vocabulary")
    void counts() {
        fx.slack(don, "discussion", "authored", "eng", "2026-11-02T09:00:00Z", "design question");
        fx.slack(don, "discussion", "authored", "eng", "2026-11-02T10:00:00Z", "follow up");
        fx.slack(don, "thread_reply", "authored", "eng", "2026-11-02T11:00:00Z", "reply");
        fx.slack(don, "thread_reply", "authored", "ops", "2026-11-09T11:00:00Z", "ops reply");
        fx.slack(don, "standup", "authored", "standup", "2026-11-03T02:00:00Z", "Yesterday: billing");
        fx.slack(don, "discussion", "mentioned", "eng", "2026-11-03T03:00:00Z", "@Don can you look");
        fx.slack(don, "discussion", "channel", "eng", "2026-11-03T04:00:00Z", "someone else");
        fx.github(don, "commit", "github:commit:acme/api@abc", "2026-11-04T01:00:00Z", "fix", "acme/api", null);
        fx.github(don, "issue", "github:issue:acme/api#7", "2026-11-04T02:00:00Z", "bug", "acme/api", null);
        fx.github(don, "review", "github:review:acme/api#10:1", "2026-11-04T03:00:00Z", "review", "acme/api", null);
        fx.github(don, "review", "github:review:acme/api#10:2", "2026-11-04T04:00:00Z", "review", "acme/api", null);
        fx.label(don, "design%", "architecture", "offline");
        fx.label(don, "fix", "bug_fix", "claude-sonnet-4-6");
        fx.label(don, "bug", "bug_fix", "claude-sonnet-4-6");

        var n = builder.build(don, NOVEMBER).numbers();
        assertThat(n.slack().authored()).isEqualTo(4);
        assertThat(n.slack().threadReplies()).isEqualTo(2);
        assertThat(n.slack().standups()).isEqualTo(1);
        assertThat(n.slack().mentioned()).isEqualTo(1);
        assertThat(n.slack().byChannel())
                .containsExactly(java.util.Map.entry("eng", 3L), java.util.Map.entry("ops", 1L));
        assertThat(n.github().commits()).isEqualTo(1);
        assertThat(n.github().issues()).isEqualTo(1);
        assertThat(n.github().reviews()).isEqualTo(2);
        assertThat(n.categories())
                .containsEntry("bug_fix", 2L)
                .containsEntry("architecture", 1L)
                .hasSize(10);
        // what other units are labelled depends on the classifier at work; the mix covers every own unit
        assertThat(n.categories().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(9);
        assertThat(n.classifiers().get("claude-sonnet-4-6")).isEqualTo(2);
        assertThat(n.total()).isEqualTo(11);
        // the mention and the channel message are context, not the member's own work
        assertThat(n.perWeek().get("slack").stream().mapToLong(Long::longValue).sum())
                .isEqualTo(5);
        assertThat(n.perWeek().get("github").stream().mapToLong(Long::longValue).sum())
                .isEqualTo(4);
    }

    void units() {
        for (int i = 0; i < 100; i++) {
            fx.slack(
                    don,
                    i % 3 == 0 ? "thread_reply" : "discussion",
                    "authored",
                    "eng",
                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i).toString(),
                    "message " + i);
        }
        // ties on the same instant across a page boundary
        for (int i = 0; i < 20; i++) {
            fx.github(
                    don,
                    "commit",
                    "github:commit:acme/api@" + i,
                    "2026-11-20T00:00:00Z",
                    "commit " + i,
                    "acme/api",
                    "https://github.com/acme/api/commit/" + i);
        }
        fx.label(don, "commit 1%", "bug_fix", "offline");
    }

    @Test
    @DisplayName("pages of 50, newest first, with no unit twice or missed, ties included")
    void keyset() {
        units();
        List<ActivityItem> all = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var page = feed.page(don.id(), NOVEMBER, ActivityFilter.ANY, after);
            assertThat(page.items().size()).isLessThanOrEqualTo(ActivityFeed.PAGE_SIZE);
            all.addAll(page.items());
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(120);
        assertThat(new HashSet<>(all.stream().map(ActivityItem::id).toList())).hasSize(120);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i - 1).at()).isAfterOrEqualTo(all.get(i).at());
        }
        assertThat(all.get(0).source()).isEqualTo("github");
    }

    @Test
    @DisplayName("filters by source, type and category")
    void filters() {
        units();
        assertThat(feed.page(don.id(), NOVEMBER, ActivityFilter.parse("github", null, null), null)
                        .items())
                .hasSize(20);
        var replies = feed.page(don.id(), NOVEMBER, ActivityFilter.parse("slack", "thread_reply", null), null);
        assertThat(replies.items()).hasSize(34).allMatch(i -> i.type().equals("thread_reply"));
        assertThat(replies.next()).isNull();
        assertThat(feed.page(don.id(), NOVEMBER, ActivityFilter.parse(null, null, "bug_fix"), null)
                        .items())
                .extracting(ActivityItem::title)
                .containsExactlyInAnyOrder(
                        "commit 1",
                        "commit 10",
                        "commit 11",
                        "commit 12",
                        "commit 13",
                        "commit 14",
                        "commit 15",
                        "commit 16",
                        "commit 17",
                        "commit 18",
                        "commit 19");
    }

    @Test
    @DisplayName("refuses a forged cursor and unknown filter values with words")
    void refuses() {
        assertThatThrownBy(() -> feed.page(don.id(), NOVEMBER, ActivityFilter.ANY, "not-a-cursor"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> ActivityFilter.parse("jira", null, null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("slack, github");
    }

    @Test
    @DisplayName("team overview counts every member in two grouped queries")
    void teamOverview() {
        Member ana = fx.member("Ana", "ana");
        fx.slack(don, "discussion", "authored", "eng", "2026-11-02T09:00:00Z", "one");
        fx.slack(don, "standup", "authored", "standup", "2026-11-03T09:00:00Z", "standup");
        fx.slack(ana, "thread_reply", "authored", "eng", "2026-11-04T09:00:00Z", "two");
        fx.slack(ana, "discussion", "mentioned", "eng", "2026-11-05T09:00:00Z", "@ana");
        fx.pr("acme/api", 1, "A", "donvo", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z");
        fx.pr("acme/api", 2, "B", "Ana", "2026-11-02T09:00:00Z", null);
        fx.review("acme/api", 2, "DonVo", "APPROVED", "2026-11-02T10:00:00Z");
        fx.review("acme/api", 2, "donvo", "COMMENTED", "2026-11-02T11:00:00Z");
        fx.review("acme/api", 2, "ana", "COMMENTED", "2026-11-02T12:00:00Z");

        var members = List.of(don, ana);
        var rows = overview.rows(fx.operator().id(), members, NOVEMBER);
        var d = rows.get(0);
        assertThat(d.member().id()).isEqualTo(don.id());
        assertThat(List.of(d.prsCreated(), d.prsMerged(), d.prsReviewed(), d.slackMessages(), d.standups()))
                .containsExactly(1L, 1L, 1L, 1L, 1L);
        assertThat(d.lastActivity()).isEqualTo(Instant.parse("2026-11-03T09:00:00Z"));
        var a = rows.get(1);
        assertThat(List.of(a.prsCreated(), a.prsMerged(), a.prsReviewed(), a.slackMessages(), a.standups()))
                .containsExactly(1L, 0L, 0L, 1L, 0L);
    }
}
