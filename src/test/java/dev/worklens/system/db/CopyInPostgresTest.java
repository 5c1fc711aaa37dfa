package dev.worklens.system.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklens.support.PostgresServer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("COPY into a table on PostgreSQL")
class CopyInPostgresTest {

    SingleConnectionDataSource dataSource;
    JdbcClient jdbc;
    TransactionTemplate transaction;
    CopyIn copy;

    @BeforeEach
    void setUp() {
        dataSource = new SingleConnectionDataSource(PostgresServer.newDatabaseUrl(), "postgres", "postgres", true);
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.sql("CREATE TABLE copied (id BIGINT PRIMARY KEY, text VARCHAR, at TIMESTAMP WITH TIME ZONE,"
                        + " flag BOOLEAN, score DOUBLE PRECISION)")
                .update();
        copy = new CopyIn(dataSource, "copied", List.of("id", "text", "at", "flag", "score"));
    }

    @Test
    @DisplayName("values arrive as written: separators, backslashes, nulls, times on the minute, other scripts")
    void roundTrips() {
        String hostile = "tab\there\nnew line\r\\N back\\slash \\t é 🚀";
        Instant onTheMinute = Instant.parse("2026-11-10T09:00:00Z");
        Instant micros = Instant.parse("2026-11-10T09:00:01.000100Z");
        boolean inserted = transaction.execute(s -> copy.insert(
                List.of(
                        new Object[] {1L, hostile, onTheMinute, true, 0.5},
                        new Object[] {2L, null, micros.atOffset(ZoneOffset.UTC), false, null},
                        new Object[] {3L, "", null, null, 1e-7}),
                row -> row));

        assertThat(inserted).isTrue();
        assertThat(jdbc.sql("SELECT text FROM copied ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly(hostile, null, "");
        assertThat(jdbc.sql("SELECT at FROM copied WHERE id < 3 ORDER BY id")
                        .query((rs, i) -> Rows.instant(rs, "at"))
                        .list())
                .containsExactly(onTheMinute, micros);
        assertThat(jdbc.sql("SELECT score FROM copied WHERE id = 3")
                        .query(Double.class)
                        .single())
                .isEqualTo(1e-7);
    }

    @Test
    @DisplayName("texts far longer than the buffer a row is given arrive whole")
    void longTexts() {
        String line = "• ünïcode line with a tab\tand a backslash \\ 🚀\n";
        String longText = line.repeat(2_000);
        copy.insert(List.<Object[]>of(new Object[] {1L, longText, null, true, 2.5}), row -> row);

        assertThat(jdbc.sql("SELECT text FROM copied WHERE id = 1")
                        .query(String.class)
                        .single())
                .isEqualTo(longText);
    }

    @Test
    @DisplayName("a value of another type (an enum) is refused rather than written as its toString()")
    void refusesOtherTypes() {
        assertThatThrownBy(() -> copy.insert(
                        List.<Object[]>of(new Object[] {1L, Thread.State.NEW, null, null, null}), row -> row))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a row that collides with a key inserts nothing, answers false and leaves the transaction usable")
    void collision() {
        jdbc.sql("INSERT INTO copied (id, text) VALUES (2, 'stored before')").update();

        transaction.executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO copied (id, text) VALUES (9, 'same transaction')")
                    .update();
            assertThat(copy.insert(
                            List.of(new Object[] {1L, "a", null, null, null}, new Object[] {2L, "b", null, null, null}),
                            row -> row))
                    .isFalse();
            jdbc.sql("INSERT INTO copied (id, text) VALUES (1, 'after the collision')")
                    .update();
        });

        assertThat(jdbc.sql("SELECT id || ' ' || text FROM copied ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("1 after the collision", "2 stored before", "9 same transaction");
    }
}
