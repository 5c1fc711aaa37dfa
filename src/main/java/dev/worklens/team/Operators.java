package dev.worklens.team;

import dev.worklens.system.crypto.TokenCipher;
import dev.worklens.system.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Operators and their Slack tokens, which are only ever stored encrypted. */
@Repository
public class Operators {

    private static final String COLUMNS =
            "id, slack_user_id, name, team_id, team_name, github_login, token_revoked, token_ciphertext, connected_at";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final Clock clock;

    Operators(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    public List<Operator> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operators ORDER BY id")
                .query(Operators::map)
                .list();
    }

    public Optional<Operator> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operators WHERE id = ?")
                .param(id)
                .query(Operators::map)
                .optional();
    }

    public Optional<Operator> findBySlackUserId(String slackUserId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operators WHERE slack_user_id = ?")
                .param(slackUserId)
                .query(Operators::map)
                .optional();
    }

    /**
     * Records a Slack sign-in: creates the operator or replaces their token, and makes sure the
     * operator is on their own roster as a member ("me" in syncs).
     */
    @Transactional
    public Operator signedIn(SlackIdentity identity, String userToken, String scopes) {
        var existing = findBySlackUserId(identity.userId());
        if (existing.isPresent()) {
            jdbc.sql("UPDATE operators SET name = ?, email = ?, team_id = ?, team_name = ?, token_ciphertext = ?,"
                            + " token_scopes = ?, token_revoked = FALSE, connected_at = ? WHERE id = ?")
                    .params(
                            identity.name(),
                            identity.email(),
                            identity.teamId(),
                            identity.teamName(),
                            cipher.encrypt(
                                    userToken, tokenBinding(existing.get().id())),
                            scopes,
                            Rows.utc(clock.instant()),
                            existing.get().id())
                    .update();
        } else {
            jdbc.sql("INSERT INTO operators (slack_user_id, name, email, team_id, team_name, token_ciphertext,"
                            + " token_scopes, connected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            identity.userId(),
                            identity.name(),
                            identity.email(),
                            identity.teamId(),
                            identity.teamName(),
                            null,
                            scopes,
                            Rows.utc(clock.instant()))
                    .update();
            // the ciphertext is bound to the row, so it is sealed once the row has its id
            long id = findBySlackUserId(identity.userId()).orElseThrow().id();
            jdbc.sql("UPDATE operators SET token_ciphertext = ? WHERE id = ?")
                    .params(cipher.encrypt(userToken, tokenBinding(id)), id)
                    .update();
        }
        Operator operator = findBySlackUserId(identity.userId()).orElseThrow();
        ensureSelfMember(operator, identity);
        return operator;
    }

    /** The operator of AUTH_MODE=local, created on first use. */
    @Transactional
    public Operator local() {
        return findBySlackUserId(Operator.LOCAL_USER_ID).orElseGet(() -> {
            jdbc.sql("INSERT INTO operators (slack_user_id, name, team_id, team_name, connected_at)"
                            + " VALUES (?, 'Local operator', 'local', 'Local workspace', ?)")
                    .params(Operator.LOCAL_USER_ID, Rows.utc(clock.instant()))
                    .update();
            Operator created = findBySlackUserId(Operator.LOCAL_USER_ID).orElseThrow();
            ensureSelfMember(
                    created,
                    new SlackIdentity(
                            Operator.LOCAL_USER_ID, "Local operator", null, null, "local", "Local workspace"));
            return created;
        });
    }

    private void ensureSelfMember(Operator operator, SlackIdentity identity) {
        int updated = jdbc.sql("UPDATE members SET is_operator = TRUE WHERE operator_id = ? AND slack_user_id = ?")
                .params(operator.id(), identity.userId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO members (operator_id, slack_user_id, display_name, real_name, email, is_operator,"
                            + " created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)")
                    .params(
                            operator.id(),
                            identity.userId(),
                            identity.name(),
                            identity.realName(),
                            identity.email(),
                            Rows.utc(clock.instant()))
                    .update();
        }
    }

    /** The decrypted Slack user token, for the Slack client only. */
    public Optional<String> slackToken(long operatorId) {
        return jdbc.sql("SELECT token_ciphertext FROM operators WHERE id = ? AND token_revoked = FALSE")
                .param(operatorId)
                .query(String.class)
                .optional()
                .map(ciphertext -> cipher.decrypt(ciphertext, tokenBinding(operatorId)));
    }

    /** The associated data binding a token ciphertext to its operator row and column. */
    static String tokenBinding(long operatorId) {
        return "operators.token_ciphertext#" + operatorId;
    }

    /**
     * Seals again, bound to their row, the tokens stored before ciphertexts were bound. A value
     * the current key cannot read is left as it is: nothing is lost, and signing in replaces it.
     */
    @Transactional
    public int bindStoredTokens() {
        record Sealed(long id, String ciphertext) {}
        List<Sealed> unbound = jdbc.sql("SELECT id, token_ciphertext FROM operators WHERE token_ciphertext LIKE 'v1:%'")
                .query((rs, i) -> new Sealed(rs.getLong("id"), rs.getString("token_ciphertext")))
                .list();
        int bound = 0;
        for (Sealed row : unbound) {
            String plain;
            try {
                plain = cipher.decrypt(row.ciphertext());
            } catch (TokenCipher.TokenUnreadableException e) {
                continue;
            }
            jdbc.sql("UPDATE operators SET token_ciphertext = ? WHERE id = ? AND token_ciphertext = ?")
                    .params(cipher.encrypt(plain, tokenBinding(row.id())), row.id(), row.ciphertext())
                    .update();
            bound++;
        }
        return bound;
    }

    /** The email Slack gave at sign-in, for WORKLENS_OPERATORS and WORKLENS_ADMINS entries that are emails. */
    public Optional<String> email(long operatorId) {
        return jdbc.sql("SELECT email FROM operators WHERE id = ?")
                .param(operatorId)
                .query(String.class)
                .optional();
    }

    /**
     * Which user group admitted the operator at sign-in (its handle), or null when they were named
     * in WORKLENS_OPERATORS; an operator whose group leaves the settings is signed out.
     */
    public void recordAdmission(long operatorId, String groupHandle) {
        jdbc.sql("UPDATE operators SET admitted_by = ? WHERE id = ?")
                .params(groupHandle, operatorId)
                .update();
    }

    public Optional<String> admittedBy(long operatorId) {
        return jdbc.sql("SELECT admitted_by FROM operators WHERE id = ?")
                .param(operatorId)
                .query(String.class)
                .optional();
    }

    /** Disconnect: the stored token is deleted, not only marked; the roster and synced data stay. */
    public void forgetToken(long operatorId) {
        jdbc.sql("UPDATE operators SET token_ciphertext = NULL, token_scopes = NULL, token_revoked = TRUE WHERE id = ?")
                .param(operatorId)
                .update();
    }

    public void markTokenRevoked(long operatorId) {
        jdbc.sql("UPDATE operators SET token_revoked = TRUE WHERE id = ?")
                .param(operatorId)
                .update();
    }

    public void linkGithubLogin(long operatorId, String login, boolean checked) {
        jdbc.sql("UPDATE operators SET github_login = ? WHERE id = ?")
                .params(login, operatorId)
                .update();
        jdbc.sql("UPDATE members SET github_login = ?, github_login_checked = ? WHERE operator_id = ?"
                        + " AND is_operator = TRUE")
                .params(login, checked, operatorId)
                .update();
    }

    private static Operator map(ResultSet rs, int row) throws SQLException {
        return new Operator(
                rs.getLong("id"),
                rs.getString("slack_user_id"),
                rs.getString("name"),
                rs.getString("team_id"),
                rs.getString("team_name"),
                rs.getString("github_login"),
                rs.getBoolean("token_revoked"),
                rs.getString("token_ciphertext") != null,
                Rows.instant(rs, "connected_at"));
    }

    /** Who Slack says signed in. */
    public record SlackIdentity(
            String userId, String name, String realName, String email, String teamId, String teamName) {}
}
