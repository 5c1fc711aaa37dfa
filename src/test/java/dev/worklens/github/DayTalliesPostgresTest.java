package dev.worklens.github;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("GitHub's day tallies on PostgreSQL")
class DayTalliesPostgresTest extends DayTalliesContract {}
