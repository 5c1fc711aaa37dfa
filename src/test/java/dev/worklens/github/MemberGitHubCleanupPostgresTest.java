package dev.worklens.github;

import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.ContextConfiguration;

@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Per-member GitHub cleanup on PostgreSQL")
class MemberGitHubCleanupPostgresTest extends MemberGitHubCleanupContract {}
