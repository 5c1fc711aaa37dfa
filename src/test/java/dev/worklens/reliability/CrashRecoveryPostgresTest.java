package dev.worklens.reliability;

import dev.worklens.support.PostgresServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Crash recovery on PostgreSQL")
class CrashRecoveryPostgresTest extends CrashRecoveryContract {

    @Override
    String databaseUrl() {
        return PostgresServer.newDatabaseUrl();
    }
}
