package dev.worklens.slack;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Standups and messages as written, on PostgreSQL")
class WrittenMessagesPostgresTest extends WrittenMessagesContract {}
