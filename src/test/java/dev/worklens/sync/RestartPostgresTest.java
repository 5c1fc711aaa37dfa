package dev.worklens.sync;

import dev.worklens.support.PostgresServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Restart mid-job on PostgreSQL")
class RestartPostgresTest extends RestartContract {

    private final String url = PostgresServer.newDatabaseUrl();

    @Override
    String url() {
        return url;
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return "postgres";
    }
}
