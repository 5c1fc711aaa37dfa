package dev.worklens.github;

import dev.worklens.support.PostgresInitializer;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("the same, on PostgreSQL")
class OverviewSyncPostgresTest extends OverviewSyncTest {}
