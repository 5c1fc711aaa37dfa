package dev.worklens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.team.Member;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Classification and insights on PostgreSQL")
class ClassificationPostgresTest extends ClaudeActiveTest {

    @Autowired
    MemberInsights insights;

    @BeforeEach
    void settle() {
        awaitIdle();
        fake.reset();
    }

    @Test
    @DisplayName("offline at once, Claude once, cached for a second pass, insights stored and reused")
    void endToEnd() {
        long id = newMember();
        workUnits.store(pullRequests(id, 22, Instant.parse("2026-10-06T09:00:00Z")));
        assertThat(rows(id))
                .hasSize(22)
                .allSatisfy(row -> assertThat(row.current()).isTrue());

        classification.classifyPending(List.of(id));
        awaitIdle();
        assertThat(rows(id))
                .hasSize(22)
                .allSatisfy(row -> assertThat(row.classifier()).isEqualTo(MODEL));
        assertThat(fake.callCount()).isEqualTo(1);

        workUnits.store(pullRequests(id, 22, Instant.parse("2026-10-06T09:00:00Z")));
        assertThat(classification.classifyPending(List.of(id)).claudeRequests()).isZero();
        awaitIdle();
        assertThat(fake.callCount()).isEqualTo(1);

        var member = new Member(id, 1, null, "Duc", null, null, "duc", false);
        var from = LocalDate.parse("2026-10-01");
        var to = LocalDate.parse("2026-10-31");
        Insights first = insights.insights(member, from, to, ZoneId.of("Europe/Berlin"));
        assertThat(first.generator()).isEqualTo(MODEL);
        assertThat(insights.insights(member, from, to, ZoneId.of("Europe/Berlin")))
                .isEqualTo(first);
        assertThat(fake.callsOf("record_insights")).isEqualTo(1);
    }
}
