package dev.worklens.sync;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@Import(TestSources.class)
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Sync job lifecycle on PostgreSQL")
class SyncLifecyclePostgresTest extends SyncLifecycleContract {}
