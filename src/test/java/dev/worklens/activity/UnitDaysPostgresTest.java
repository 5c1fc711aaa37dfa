package dev.worklens.activity;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Day tallies of the team overview's unit counts on PostgreSQL")
class UnitDaysPostgresTest extends UnitDaysContract {}
