package dev.worklens.github;

import dev.worklens.github.ingest.RepositoryCollector;
import dev.worklens.sync.SyncPagePanel;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import dev.worklens.team.Operator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the last per-repository sync could not attribute (commits whose e-mail is linked to no
 * GitHub account) or read, kept in source_cursors and shown on the Sync page, because a task's
 * progress row has no room for it and a manager should know the counts are partial.
 */
@Component
class GitHubSyncNotes implements SyncPagePanel {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String upsert;

    GitHubSyncNotes(JdbcTemplate jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.upsert = dialect.upsert("source_cursors", "source, scope", "source, scope, position, updated_at");
    }

    void record(long operatorId, long jobId, RepositoryCollector.Outcome outcome) {
        String position =
                "job=" + jobId + ";repositories=" + outcome.repositories() + ";unlinked=" + outcome.unlinkedCommits()
                        + ";unreadable=" + outcome.unreadable().size();
        jdbc.update(upsert, "github", scope(operatorId), position, Rows.utc(clock.instant()));
    }

    /** The last per-repository sync's counts: job, repositories, unlinked, unreadable. */
    Map<String, Long> last(long operatorId) {
        Map<String, Long> values = new LinkedHashMap<>();
        jdbc
                .query(
                        "SELECT position FROM source_cursors WHERE source = 'github' AND scope = ?",
                        (rs, n) -> rs.getString(1),
                        scope(operatorId))
                .stream()
                .findFirst()
                .ifPresent(position -> {
                    for (String part : position.split(";")) {
                        String[] kv = part.split("=", 2);
                        values.put(kv[0], Long.parseLong(kv[1]));
                    }
                });
        return values;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "github/sync-panel";
    }

    @Override
    public Map<String, Object> values(Operator operator) {
        return Map.of("last", last(operator.id()));
    }

    private static String scope(long operatorId) {
        return "repos-notes:operator:" + operatorId;
    }
}
