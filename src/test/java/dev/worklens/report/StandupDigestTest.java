package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.report.core.StandupDigest;
import dev.worklens.report.core.StandupDigest.Standup;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Recent standups digest")
class StandupDigestTest {

    static Standup at(String instant, String markup) {
        return new Standup(Instant.parse(instant), markup);
    }

    @Test
    @DisplayName("five newest days, headers dropped, repeats once, lines cut at 200, sub-bullets one level")
    void exactText() {
        String longLine = "x".repeat(250);
        List<Standup> newestFirst = List.of(
                at("2026-11-09T16:00:00Z", "late addition\n• billing API"),
                at(
                        "2026-11-09T09:00:00Z",
                        "*Yesterday*\n• billing API\n    ◦ retries\n        ▪ deep one\n*Today*\n• invoices\n*Blockers*\nnone"),
                at("2026-11-06T09:00:00Z", "*Today:*\n- " + longLine),
                at("2026-11-05T09:00:00Z", "*Today*\n1. review <@U2|ben>'s PR :eyes:"),
                at("2026-11-04T09:00:00Z", "_deploy_ day"),
                at("2026-11-03T23:30:00Z", "in Berlin this is Nov 4"),
                at("2026-11-02T09:00:00Z", "the fifth day"),
                at("2026-11-01T09:00:00Z", "a sixth day, left out"));

        var digest = StandupDigest.of(newestFirst, ZoneId.of("Europe/Berlin"));

        assertThat(String.join("\n", digest.lines(false)))
                .isEqualTo(String.join(
                        "\n",
                        "Mon 2026-11-09:",
                        "• billing API",
                        "  ◦ retries",
                        "  ◦ deep one",
                        "• invoices",
                        "• none",
                        "• late addition",
                        "Fri 2026-11-06:",
                        "• " + "x".repeat(199) + "…",
                        "Thu 2026-11-05:",
                        "• review @ben's PR 👀",
                        "Wed 2026-11-04:",
                        "• in Berlin this is Nov 4",
                        "• deploy day",
                        "Mon 2026-11-02:",
                        "• the fifth day"));
        assertThat(digest.days()).hasSize(5);
    }

    @Test
    void markdownBullets() {
        var digest = StandupDigest.of(List.of(at("2026-11-09T09:00:00Z", "- a\n  - b")), ZoneId.of("UTC"));
        assertThat(digest.lines(true)).containsExactly("**Mon 2026-11-09**", "- a", "  - b");
    }

    @Test
    void sixDaysKeepFive() {
        var digest = StandupDigest.of(
                List.of(
                        at("2026-11-09T09:00:00Z", "9"),
                        at("2026-11-08T09:00:00Z", "8"),
                        at("2026-11-07T09:00:00Z", "7"),
                        at("2026-11-06T09:00:00Z", "6"),
                        at("2026-11-05T09:00:00Z", "5"),
                        at("2026-11-04T09:00:00Z", "4")),
                ZoneId.of("UTC"));
        assertThat(digest.days()).extracting(d -> d.date().getDayOfMonth()).containsExactly(9, 8, 7, 6, 5);
    }
}
