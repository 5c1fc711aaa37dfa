package dev.worklens.patterns;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Working rhythm on PostgreSQL")
class RhythmPostgresTest extends RhythmContract {}
