package dev.worklens.devtrack.preview;

import dev.worklens.system.db.Rows;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Previews in {@code devtrack_previews}, the payload as JSON. */
@Repository
public class Previews {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Previews(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(long operatorId, Preview preview) {
        jdbc.sql("INSERT INTO devtrack_previews (id, operator_id, created_at, payload) VALUES (?, ?, ?, ?)")
                .params(preview.id(), operatorId, Rows.utc(preview.createdAt()), json.writeValueAsString(preview))
                .update();
    }

    public Optional<Preview> find(long operatorId, String id) {
        return jdbc.sql("SELECT payload FROM devtrack_previews WHERE id = ? AND operator_id = ?")
                .params(id, operatorId)
                .query(String.class)
                .optional()
                .map(p -> json.readValue(p, Preview.class));
    }

    public Optional<Preview> latest(long operatorId) {
        return jdbc.sql("SELECT payload FROM devtrack_previews WHERE operator_id = ? ORDER BY created_at DESC LIMIT 1")
                .param(operatorId)
                .query(String.class)
                .optional()
                .map(p -> json.readValue(p, Preview.class));
    }
}
