package dev.worklens.team;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Members API on PostgreSQL")
class MembersApiPostgresTest extends MembersApiContract {}
