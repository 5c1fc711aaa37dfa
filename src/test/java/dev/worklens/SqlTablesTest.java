package dev.worklens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading table names from the SQL in Java source")
class SqlTablesTest {

    private static final Set<String> KNOWN =
            Set.of("work_units", "members", "insights", "slack_mentions", "github_reviews");

    @Test
    @DisplayName("finds tables after FROM, JOIN, INTO, UPDATE and DELETE FROM, across concatenated literals")
    void findsTablesInQueries() {
        String src = """
                class X {
                    String a = "SELECT w.id FROM" + " work_units w JOIN members m ON m.id = w.member_id";
                    String b = "UPDATE insights SET summary = ?";
                    String c = \"""
                        DELETE FROM github_reviews
                        WHERE id = ?\""";
                }
                """;

        assertThat(SqlTables.named(src, KNOWN))
                .containsExactlyInAnyOrder("work_units", "members", "insights", "github_reviews");
    }

    @Test
    @DisplayName("finds every table of a comma list, an upsert's table and a table name held in a literal of its own")
    void findsCommaListsAndBareNames() {
        String src = """
                class X {
                    String a = "SELECT 1 FROM work_units w, members m WHERE w.member_id = m.id";
                    List<String> tables = List.of("slack_mentions");
                    void run(String t) { jdbc.sql("DELETE FROM " + t); }
                    String upsert = dialect.upsert("insights", KEYS, COLUMNS);
                }
                """;

        assertThat(SqlTables.named(src, KNOWN))
                .containsExactlyInAnyOrder("work_units", "members", "slack_mentions", "insights");
    }

    @Test
    @DisplayName("ignores comments, prose, column names and words that only look like tables")
    void ignoresWhatIsNotSql() {
        String src = """
                // SELECT * FROM work_units
                /* DELETE FROM members */
                class X {
                    String message = "Removed from members: " + n;
                    String column = "SELECT member_id, insights_count FROM other_table";
                    String model = "insights";
                    long n = rs.getLong("slack_mentions");
                    char quote = '"';
                    String escaped = "say \\"FROM\\" members";
                }
                """;

        assertThat(SqlTables.named(src, KNOWN)).isEmpty();
    }

    @Test
    @DisplayName("reads the tables the migrations create")
    void readsMigrations() {
        assertThat(SqlTables.created(ModularityTest.MIGRATIONS))
                .contains("work_units", "members", "github_pull_requests", "insights", "sync_jobs");
    }
}
