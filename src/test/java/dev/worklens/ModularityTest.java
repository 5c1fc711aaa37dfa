package dev.worklens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

@DisplayName("Module boundaries")
class ModularityTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MAIN = Path.of("src/main/java/dev/worklens");

    /**
     * SQL that still names another module's table, as "file: table". The list only shrinks: a new
     * entry means a module reads or writes a table it does not own (ask the owner for a published
     * query or an event instead), and an entry that no longer applies must be removed.
     */
    private static final Set<String> NOT_YET_MOVED = Set.of();

    private static final ApplicationModules MODULES = ApplicationModules.of(WorklensApplication.class);

    @Test
    @DisplayName(
            "no module reaches into another module's internals or beyond its allowed dependencies, and there are no cycles")
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    @DisplayName("the module diagram in docs/modules is written from the code")
    void writesTheModuleDiagram() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<Path> diagrams = sortLines(Path.of("docs/modules"));

        assertThat(diagrams)
                .extracting(p -> p.getFileName().toString())
                .contains("components.puml", "module-report.puml");
    }

    // the Documenter writes modules and relations in hash order; sorted, an unchanged design
    // leaves the files unchanged
    private static List<Path> sortLines(Path dir) throws IOException {
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(dir)) {
            diagrams =
                    files.filter(f -> f.toString().endsWith(".puml")).sorted().toList();
        }
        for (Path diagram : diagrams) {
            List<String> lines = new ArrayList<>();
            List<String> run = new ArrayList<>();
            for (String line : Files.readAllLines(diagram)) {
                if (line.strip().startsWith("Rel(") || line.strip().startsWith("Component(")) {
                    run.add(line);
                    continue;
                }
                run.sort(null);
                lines.addAll(run);
                run.clear();
                lines.add(line);
            }
            run.sort(null);
            lines.addAll(run);
            Files.write(diagram, lines);
        }
        return diagrams;
    }

    @Nested
    @DisplayName("Each module's tables are its own")
    class Tables {

        @Test
        @DisplayName("every table the migrations create has an owning module")
        void everyTableHasAnOwner() {
            List<String> unowned = SqlTables.created(MIGRATIONS).stream()
                    .filter(t -> TableOwners.owner(t).isEmpty())
                    .toList();

            assertThat(unowned)
                    .as("tables without an owner: name them <module>_… or list them in TableOwners")
                    .isEmpty();
        }

        @Test
        @DisplayName("no module's SQL names another module's table")
        void sqlNamesOnlyTheModulesOwnTables() throws IOException {
            Set<String> tables = SqlTables.created(MIGRATIONS);
            Set<String> foreign = new TreeSet<>();
            Set<String> seen = new TreeSet<>();
            for (Path file : javaFiles()) {
                String path = MAIN.relativize(file).toString().replace('\\', '/');
                String module = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
                for (String table : SqlTables.named(SqlTables.read(file), tables)) {
                    seen.add(path + ": " + table);
                    if (!TableOwners.owner(table).orElseThrow().equals(module)) {
                        foreign.add(path + ": " + table);
                    }
                }
            }

            // a reader that finds nothing would pass everything
            assertThat(seen)
                    .as("table references found in main code")
                    .contains("activity/WorkUnits.java: work_units", "github/PullRequestQueries.java: github_reviews")
                    .hasSizeGreaterThan(30);
            assertThat(new TreeSet<>(foreign))
                    .as("SQL naming another module's table: read it through the owner's published"
                            + " query, or change it through the owner's call or event")
                    .isSubsetOf(NOT_YET_MOVED);
            assertThat(new TreeSet<>(NOT_YET_MOVED))
                    .as("moved already: remove these from NOT_YET_MOVED")
                    .isSubsetOf(foreign);
        }

        private List<Path> javaFiles() throws IOException {
            try (Stream<Path> files = Files.walk(MAIN)) {
                return new ArrayList<>(files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList());
            }
        }
    }
}
