package dev.worklens.slack;

import dev.worklens.support.PostgresInitializer;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Per-member Slack cleanup on PostgreSQL")
class MemberSlackCleanupPostgresTest extends MemberSlackCleanupTest {}
