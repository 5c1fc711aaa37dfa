package dev.worklens.classify;

import dev.worklens.classify.claude.ClaudeLedger;
import dev.worklens.system.db.Rows;
import dev.worklens.system.db.SqlDialect;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Claude ledger in the database, so every instance sees one month's spend and one problem. */
@Repository
class StoredClaudeLedger implements ClaudeLedger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String upsertBlocker;

    StoredClaudeLedger(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.upsertBlocker = dialect.upsert("classify_claude_blocker", "id", "id, kind, words, since");
    }

    @Override
    public void used(String model, long inputTokens, long outputTokens) {
        jdbc.sql("INSERT INTO classify_claude_usage (usage_day, model, input_tokens, output_tokens, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(today(), model, inputTokens, outputTokens, Rows.utc(clock.instant()))
                .update();
    }

    @Override
    public long tokensThisMonth() {
        LocalDate first = today().withDayOfMonth(1);
        return jdbc.sql("SELECT COALESCE(SUM(input_tokens + output_tokens), 0) FROM classify_claude_usage"
                        + " WHERE usage_day >= ?")
                .param(first)
                .query(Long.class)
                .single();
    }

    /** Tokens of one day (UTC), input plus output. */
    long tokensOn(LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(input_tokens + output_tokens), 0) FROM classify_claude_usage"
                        + " WHERE usage_day = ?")
                .param(day)
                .query(Long.class)
                .single();
    }

    @Override
    public void blocked(Blocker blocker) {
        jdbc.sql(upsertBlocker)
                .params(1, blocker.kind().name(), blocker.words(), Rows.utc(blocker.since()))
                .update();
    }

    @Override
    public void cleared(Blocker.Kind... kinds) {
        if (kinds.length == 0) {
            jdbc.sql("DELETE FROM classify_claude_blocker").update();
            return;
        }
        jdbc.sql("DELETE FROM classify_claude_blocker WHERE kind IN (:kinds)")
                .param("kinds", Arrays.stream(kinds).map(Enum::name).toList())
                .update();
    }

    @Override
    public Optional<Blocker> blocker() {
        return jdbc.sql("SELECT kind, words, since FROM classify_claude_blocker WHERE id = 1")
                .query((rs, row) -> new Blocker(
                        Blocker.Kind.valueOf(rs.getString("kind")), rs.getString("words"), Rows.instant(rs, "since")))
                .optional();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
