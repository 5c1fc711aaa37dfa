package dev.worklens.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.support.PostgresServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

@DisplayName("Statements planned for their own values on PostgreSQL")
class CustomPlansPostgresTest {

    SingleConnectionDataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        dataSource = new SingleConnectionDataSource(PostgresServer.newDatabaseUrl(), "postgres", "postgres", true);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE units (id BIGINT PRIMARY KEY, member_id BIGINT NOT NULL)");
        jdbc.execute("INSERT INTO units SELECT g, g % 3 FROM generate_series(1, 30) g");
    }

    @AfterEach
    void tearDown() {
        dataSource.destroy();
    }

    @Test
    @DisplayName("run more often than the driver's threshold, it never becomes a server-side prepared statement")
    void neverPreparedOnTheServer() {
        String sql = "SELECT id FROM units WHERE member_id = ? ORDER BY id DESC LIMIT 2";
        for (int i = 0; i < 10; i++) {
            assertThat(jdbc.query(CustomPlans.statement(sql, List.of(1L)), (rs, row) -> rs.getLong(1)))
                    .containsExactly(28L, 25L);
        }
        assertThat(prepared(sql)).isZero();

        // the same statement run the usual way is prepared on the server from its fifth execution
        for (int i = 0; i < 10; i++) {
            jdbc.queryForList(sql, Long.class, 1L);
        }
        assertThat(prepared(sql)).isOne();
    }

    private int prepared(String sql) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement = ?",
                Integer.class,
                sql.replace("?", "$1"));
    }
}
