package dev.worklens.github;

import dev.worklens.activity.MemberUnitRemoval;
import dev.worklens.github.ingest.DayTallies;
import dev.worklens.sync.MemberCleanupKind;
import dev.worklens.sync.MemberCleanupPlan;
import dev.worklens.sync.MemberDataCleanup;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Roster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GitHub's part of a per-member cleanup. Each of the member's GitHub work units came from a stored
 * pull request, review, commit or issue, and that row names the login it was recorded under; units
 * under a login that is not the member's now are "old login" data. No GitHub call is needed.
 *
 * <p>The stored rows behind the deleted units go too, but only for a login no member on any roster
 * holds now (else they are that member's data), and a pull request stays while someone else's review
 * points at it (its title is their review's title). With those rows go the overview cursors of that
 * login, so a member who takes the login later is read afresh. Rows under the member's current login
 * stay on a purge: they are what a later sync converts again without asking GitHub.
 */
@Component
class MemberGitHubCleanup implements MemberDataCleanup {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final MemberUnitRemoval units;
    private final Roster roster;
    private final DayTallies tallies;
    private final TransactionTemplate transaction;

    MemberGitHubCleanup(
            JdbcClient jdbc,
            MemberUnitRemoval units,
            Roster roster,
            DayTallies tallies,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.units = units;
        this.roster = roster;
        this.tallies = tallies;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String source() {
        return "github";
    }

    /** A stored row behind a unit: its table, how to find it, and the login it was recorded under. */
    private record Row(String unitKey, String table, String repo, String id, String login) {}

    @Override
    public MemberCleanupPlan run(Operator operator, Member member, MemberCleanupKind kind, boolean dryRun) {
        String current = member.githubLogin() == null ? null : key(member.githubLogin());
        List<String> unitKeys = units.of(member.id(), "github").stream()
                .map(MemberUnitRemoval.Ref::sourceKey)
                .toList();
        Map<String, Row> rows = rows(unitKeys);

        Map<String, List<Row>> byLogin = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (String unitKey : unitKeys) {
            Row row = rows.get(unitKey);
            if (row == null || row.login() == null) {
                unknown.add(unitKey);
            } else if (kind == MemberCleanupKind.ALL_GITHUB || !key(row.login()).equals(current)) {
                byLogin.computeIfAbsent(key(row.login()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        List<String> notes = new ArrayList<>();
        if (kind == MemberCleanupKind.OLD_LOGINS && !unknown.isEmpty()) {
            notes.add(unknown.size() + " GitHub work unit(s) whose stored row is gone were left: the login they"
                    + " were recorded under cannot be told.");
        }

        List<MemberCleanupPlan.Group> groups = new ArrayList<>();
        Map<String, List<Row>> rowsToDelete = new LinkedHashMap<>();
        for (var entry : byLogin.entrySet()) {
            List<Row> loginRows = entry.getValue();
            boolean heldByOthers = roster.loginHolders(entry.getKey()).stream().anyMatch(id -> id != member.id());
            boolean keepRows = heldByOthers || entry.getKey().equals(current);
            List<Row> deletable = keepRows ? List.of() : deletable(entry.getKey(), loginRows);
            rowsToDelete.put(entry.getKey(), deletable);
            groups.add(new MemberCleanupPlan.Group("@" + loginRows.get(0).login(), loginRows.size(), deletable.size()));
            if (heldByOthers) {
                notes.add("@" + loginRows.get(0).login()
                        + " is another member's login now: its stored GitHub rows stay, only "
                        + member.displayName() + "'s work units go.");
            }
        }
        if (kind == MemberCleanupKind.ALL_GITHUB && !unknown.isEmpty()) {
            groups.add(new MemberCleanupPlan.Group("(stored row gone)", unknown.size(), 0));
        }
        if (!dryRun) {
            transaction.executeWithoutResult(status -> {
                List<String> keys = new ArrayList<>();
                byLogin.values().forEach(list -> list.forEach(r -> keys.add(r.unitKey())));
                if (kind == MemberCleanupKind.ALL_GITHUB) {
                    keys.addAll(unknown);
                }
                units.delete(member.id(), keys);
                rowsToDelete.forEach((login, list) -> {
                    if (!list.isEmpty()) {
                        list.forEach(this::deleteRow);
                        jdbc.sql("DELETE FROM source_cursors WHERE source = 'github' AND scope LIKE ?")
                                .param("overview:" + login.replace("%", "") + ":%")
                                .update();
                    }
                });
                // the deleted pull requests and reviews leave the tallies of the logins they were under
                tallies.refresh(rowsToDelete.entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty())
                        .map(e -> e.getKey().strip())
                        .toList());
            });
        }
        return new MemberCleanupPlan(groups, notes);
    }

    /** The rows of this login that may go: all but pull requests someone else reviewed. */
    private List<Row> deletable(String loginKey, List<Row> loginRows) {
        Set<String> reviewedByOthers = new HashSet<>();
        List<Row> pulls = loginRows.stream().filter(r -> r.table().equals("pr")).toList();
        chunks(
                pulls,
                chunk -> jdbc.sql("SELECT DISTINCT repo, pr_number FROM github_reviews WHERE reviewer_key <> :login"
                                + " AND pr_number IN (:numbers) AND repo IN (:repos)")
                        .param("login", loginKey)
                        .param(
                                "numbers",
                                chunk.stream()
                                        .map(r -> Integer.parseInt(r.id()))
                                        .toList())
                        .param("repos", chunk.stream().map(Row::repo).distinct().toList())
                        .query(rs -> {
                            reviewedByOthers.add(rs.getString("repo") + "#" + rs.getInt("pr_number"));
                        }));
        return loginRows.stream()
                .filter(r -> !r.table().equals("pr") || !reviewedByOthers.contains(r.repo() + "#" + r.id()))
                .toList();
    }

    private void deleteRow(Row row) {
        switch (row.table()) {
            case "pr" ->
                jdbc.sql("DELETE FROM github_pull_requests WHERE repo = ? AND number = ?")
                        .params(row.repo(), Integer.parseInt(row.id()))
                        .update();
            case "issue" ->
                jdbc.sql("DELETE FROM github_issues WHERE repo = ? AND number = ?")
                        .params(row.repo(), Integer.parseInt(row.id()))
                        .update();
            case "commit" ->
                jdbc.sql("DELETE FROM github_commits WHERE repo = ? AND sha = ?")
                        .params(row.repo(), row.id())
                        .update();
            case "review" ->
                jdbc.sql("DELETE FROM github_reviews WHERE review_key = ?")
                        .param(row.id())
                        .update();
            default -> throw new IllegalStateException(row.table());
        }
    }

    /**
     * The stored row behind each unit key, as {@code WorkUnitConversion} wrote the keys:
     * {@code github:pr:repo#n}, {@code github:review:<review_key>}, {@code github:commit:repo@sha},
     * {@code github:issue:repo#n}.
     */
    private Map<String, Row> rows(List<String> unitKeys) {
        Map<String, Row> wanted = new HashMap<>();
        for (String k : unitKeys) {
            Row r = parse(k);
            if (r != null) {
                wanted.put(k, r);
            }
        }
        Map<String, String> logins = new HashMap<>(); // table|repo|id → login
        for (String table : List.of("pr", "issue")) {
            List<Row> numbered = wanted.values().stream()
                    .filter(r -> r.table().equals(table))
                    .toList();
            String sql = table.equals("pr")
                    ? "SELECT repo, number, author_login FROM github_pull_requests WHERE number IN (:ids) AND repo IN (:repos)"
                    : "SELECT repo, number, author_login FROM github_issues WHERE number IN (:ids) AND repo IN (:repos)";
            chunks(
                    numbered,
                    chunk -> jdbc.sql(sql)
                            .param(
                                    "ids",
                                    chunk.stream()
                                            .map(r -> Integer.parseInt(r.id()))
                                            .toList())
                            .param(
                                    "repos",
                                    chunk.stream().map(Row::repo).distinct().toList())
                            .query(rs -> {
                                logins.put(
                                        table + "|" + rs.getString("repo") + "|" + rs.getInt("number"),
                                        rs.getString("author_login"));
                            }));
        }
        List<Row> commits =
                wanted.values().stream().filter(r -> r.table().equals("commit")).toList();
        chunks(
                commits,
                chunk -> jdbc.sql(
                                "SELECT repo, sha, author_login FROM github_commits WHERE sha IN (:ids) AND repo IN (:repos)")
                        .param("ids", chunk.stream().map(Row::id).toList())
                        .param("repos", chunk.stream().map(Row::repo).distinct().toList())
                        .query(rs -> {
                            logins.put(
                                    "commit|" + rs.getString("repo") + "|" + rs.getString("sha"),
                                    rs.getString("author_login"));
                        }));
        List<Row> reviews =
                wanted.values().stream().filter(r -> r.table().equals("review")).toList();
        chunks(
                reviews,
                chunk -> jdbc.sql("SELECT review_key, reviewer_login FROM github_reviews WHERE review_key IN (:ids)")
                        .param("ids", chunk.stream().map(Row::id).toList())
                        .query(rs -> {
                            logins.put("review||" + rs.getString("review_key"), rs.getString("reviewer_login"));
                        }));
        Map<String, Row> found = new HashMap<>();
        wanted.forEach((k, r) -> {
            String login = logins.get(r.table() + "|" + (r.repo() == null ? "" : r.repo()) + "|" + r.id());
            if (login != null) {
                found.put(k, new Row(k, r.table(), r.repo(), r.id(), login));
            }
        });
        return found;
    }

    static Row parse(String unitKey) {
        String[] parts = unitKey.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("github")) {
            return null;
        }
        String rest = parts[2];
        return switch (parts[1]) {
            case "pr", "issue" -> {
                int hash = rest.lastIndexOf('#');
                yield hash < 0 || !rest.substring(hash + 1).matches("\\d{1,9}")
                        ? null
                        : new Row(unitKey, parts[1], rest.substring(0, hash), rest.substring(hash + 1), null);
            }
            case "commit" -> {
                int at = rest.lastIndexOf('@');
                yield at < 0 ? null : new Row(unitKey, "commit", rest.substring(0, at), rest.substring(at + 1), null);
            }
            case "review" -> new Row(unitKey, "review", null, rest, null);
            default -> null;
        };
    }

    private static <T> void chunks(List<T> list, Consumer<List<T>> each) {
        for (int i = 0; i < list.size(); i += CHUNK) {
            each.accept(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }
}
