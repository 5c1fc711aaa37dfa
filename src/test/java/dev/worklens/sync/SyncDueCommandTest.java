package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.WorklensApplication;
import dev.worklens.sync.engine.SyncDueCommand;
import dev.worklens.system.db.Rows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code java -jar worklens.jar sync-due}, run in this JVM against its own database. */
@DisplayName("The sync-due command")
class SyncDueCommandTest {

    String url;
    JdbcClient jdbc;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void database() {
        url = "jdbc:h2:mem:syncdue-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, "sa", ""));
    }

    int run(String... extra) {
        out.reset();
        err.reset();
        String[] args = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("--spring.profiles.active=test", "--spring.datasource.url=" + url),
                        java.util.stream.Stream.of(extra))
                .toArray(String[]::new);
        return SyncDueCommand.run(
                new SpringApplicationBuilder(WorklensApplication.class, TestSources.class),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    long schedule(String members, Instant next) {
        long operator = jdbc.sql("SELECT id FROM operators").query(Long.class).single();
        jdbc.sql("INSERT INTO sync_schedules (operator_id, members_spec, sources, github_mode, days, local_time,"
                        + " timezone, range_days, next_run_at, created_at) VALUES (?, ?, 'slack,github', 'overview',"
                        + " 'MON,TUE,WED,THU,FRI,SAT,SUN', '07:30', 'Europe/Berlin', 7, ?, ?)")
                .params(operator, members, Rows.utc(next), Rows.utc(Instant.now()))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM sync_schedules").query(Long.class).single();
    }

    void operatorWithMembers() {
        var now = Rows.utc(Instant.now());
        jdbc.sql("INSERT INTO operators (slack_user_id, name, team_id, team_name, connected_at)"
                        + " VALUES ('local', 'Local operator', 'local', 'Local', ?)")
                .param(now)
                .update();
        long operator = jdbc.sql("SELECT id FROM operators").query(Long.class).single();
        for (String name : new String[] {"Ana", "Bo"}) {
            jdbc.sql("INSERT INTO members (operator_id, display_name, is_operator, created_at) VALUES (?, ?, ?, ?)")
                    .params(operator, name, name.equals("Ana"), now)
                    .update();
        }
    }

    @Test
    @DisplayName("prints one line 'nothing due' and exits 0 when nothing is due")
    void nothingDue() {
        assertThat(run()).isZero();
        assertThat(out().strip()).isEqualTo("nothing due");
        operatorWithMembers();
        schedule("all", Instant.now().plusSeconds(3600));
        assertThat(run()).isZero();
        assertThat(out().strip()).isEqualTo("nothing due");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_jobs").query(Long.class).single())
                .isZero();
    }

    @Test
    @DisplayName("runs a due schedule to the end, moves its next run forward and exits 0")
    void runsDue() {
        assertThat(run()).isZero(); // migrates the fresh database
        operatorWithMembers();
        long id = schedule("all", Instant.now().minusSeconds(60));

        assertThat(run()).as(err.toString(StandardCharsets.UTF_8)).isZero();

        var job = jdbc.sql("SELECT id, state FROM sync_jobs WHERE schedule_id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(job.get("state")).isEqualTo("succeeded");
        assertThat(out().strip()).isEqualTo("sync " + job.get("id") + ": succeeded");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_tasks WHERE job_id = ? AND state = 'succeeded'")
                        .param(job.get("id"))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        var row = jdbc.sql("SELECT last_run_at, next_run_at, last_job_id FROM sync_schedules WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("last_run_at")).isNotNull();
        assertThat(row.get("last_job_id")).isEqualTo(job.get("id"));
        assertThat(run()).isZero();
        assertThat(out().strip()).isEqualTo("nothing due");
    }

    @Test
    @DisplayName("exits 1 with a message when a due schedule cannot start")
    void scheduleCannotStart() {
        assertThat(run()).isZero();
        operatorWithMembers();
        schedule("424242", Instant.now().minusSeconds(60));
        assertThat(run()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nobody of this schedule is on the roster");
    }

    @Test
    @DisplayName("exits 2 with a message when the database is unreachable")
    void noDatabase() {
        url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("sync-due: the application could not start:");
    }
}
