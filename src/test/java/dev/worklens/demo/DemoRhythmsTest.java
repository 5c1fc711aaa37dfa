package dev.worklens.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.demo.SyntheticWorkspace.Message;
import dev.worklens.demo.SyntheticWorkspace.PullRequest;
import dev.worklens.demo.SyntheticWorkspace.Review;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's steady person is never after hours, on Slack or on GitHub")
class DemoRhythmsTest {

    final SyntheticWorkspace workspace =
            SyntheticWorkspace.generate(SyntheticWorkspace.Spec.demo(LocalDate.of(2026, 11, 30)));
    final SyntheticWorkspace.Person steady = workspace.people().get(SyntheticWorkspace.STEADY);

    @Test
    @DisplayName("every pull request they open and every review they submit falls on a weekday 09:00–16:59 in UTC")
    void gitHubInWorkingHours() {
        List<Instant> events = new ArrayList<>();
        for (PullRequest pr : workspace.pullRequests()) {
            if (pr.authorLogin().equals(steady.githubLogin())) {
                events.add(pr.createdAt());
                assertThat(pr.mergedAt() == null || !pr.mergedAt().isBefore(pr.createdAt()))
                        .as("merged after it opened")
                        .isTrue();
            }
            for (Review r : pr.reviews()) {
                if (r.reviewerLogin().equals(steady.githubLogin())) {
                    events.add(r.submittedAt());
                    assertThat(r.submittedAt()).isAfter(pr.createdAt());
                }
            }
        }
        assertThat(events).hasSizeGreaterThan(20).allSatisfy(DemoRhythmsTest::inWorkingHours);
    }

    @Test
    @DisplayName("every Slack message they write, and every standup posted under their name, is in working hours")
    void slackInWorkingHours() {
        List<Instant> events = new ArrayList<>();
        for (var channel : workspace.channels()) {
            for (Message m : channel.messages()) {
                collect(m, events);
            }
        }
        assertThat(events).hasSizeGreaterThan(20).allSatisfy(DemoRhythmsTest::inWorkingHours);
    }

    private void collect(Message m, List<Instant> events) {
        if (steady.userId().equals(m.userId())
                || (m.botUsername() != null && m.botUsername().equalsIgnoreCase(steady.realName()))) {
            events.add(Instant.ofEpochSecond(new BigDecimal(m.ts()).longValue()));
        }
        m.replies().forEach(r -> collect(r, events));
    }

    @Test
    @DisplayName("moving an instant into working hours keeps it when it is already inside, and goes the asked way")
    void workingHoursFrom() {
        Instant inside = Instant.parse("2026-11-25T10:30:00Z"); // a Wednesday
        assertThat(SyntheticWorkspace.workingHoursFrom(inside, 1)).isEqualTo(inside);
        assertThat(SyntheticWorkspace.workingHoursFrom(Instant.parse("2026-11-25T07:10:00Z"), 1))
                .isEqualTo("2026-11-25T09:10:00Z");
        assertThat(SyntheticWorkspace.workingHoursFrom(Instant.parse("2026-11-27T18:10:00Z"), 1))
                .as("Friday evening → Monday")
                .isEqualTo("2026-11-30T09:10:00Z");
        assertThat(SyntheticWorkspace.workingHoursFrom(Instant.parse("2026-11-29T12:10:00Z"), -1))
                .as("Sunday → Friday")
                .isEqualTo("2026-11-27T16:10:00Z");
        assertThat(SyntheticWorkspace.workingHoursFrom(Instant.parse("2026-11-25T17:00:00Z"), -1))
                .isEqualTo("2026-11-25T16:00:00Z");
    }

    private static void inWorkingHours(Instant at) {
        var t = at.atZone(ZoneOffset.UTC);
        assertThat(t.getDayOfWeek().getValue()).as("%s on a weekday", at).isLessThanOrEqualTo(5);
        assertThat(t.getHour()).as("%s inside 09:00–16:59", at).isBetween(9, 16);
    }
}
