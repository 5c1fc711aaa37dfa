package dev.worklens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads which tables Java source names in its SQL, and which tables the migrations create. Spring
 * Modulith sees imports, not SQL; this is how the module test sees the SQL.
 *
 * <p>SQL is taken from string literals and text blocks only (comments are skipped). The literals of
 * a file are read as one text, so a query split over {@code "... FROM" + " work_units ..."} is
 * still seen. A table counts as named after FROM, JOIN, INTO, UPDATE, TABLE or USING (upper case,
 * as our SQL is written; also each further table of a comma list), as the first argument of
 * {@code dialect.upsert("table", …)}, or, in a file that builds SQL around a table held elsewhere
 * ({@code "DELETE FROM " + table}), as a literal that is exactly a table name.
 */
final class SqlTables {

    private static final Pattern CREATE =
            Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern AFTER_KEYWORD =
            Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\\s+([a-z_][a-z0-9_]*)");
    // ", other_table" after "FROM t" or "FROM t alias"
    private static final Pattern NEXT_IN_LIST =
            Pattern.compile("\\G(?:\\s+(?:AS\\s+)?[a-z_][a-z0-9_]*)?\\s*,\\s*([a-z_][a-z0-9_]*)");
    // "DELETE FROM " + table: the table name is held elsewhere
    private static final Pattern DANGLING_KEYWORD = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s*$");
    private static final Pattern UPSERT = Pattern.compile("\\bupsert\\(\\s*\"([a-z_][a-z0-9_]*)\"");

    private SqlTables() {}

    /** The tables the migrations under {@code dir} create, in file order. */
    static Set<String> created(Path dir) {
        Set<String> tables = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".sql")).sorted().forEach(f -> {
                Matcher m = CREATE.matcher(read(f).replaceAll("--[^\\n]*", ""));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** The known tables that this Java source names in its SQL. */
    static Set<String> named(String javaSource, Set<String> known) {
        List<String> literals = literals(javaSource);
        Set<String> found = new LinkedHashSet<>();
        if (literals.stream().anyMatch(l -> DANGLING_KEYWORD.matcher(l).find())) {
            literals.stream().filter(known::contains).forEach(found::add);
        }
        Matcher upsert = UPSERT.matcher(javaSource);
        while (upsert.find()) {
            addIfKnown(found, upsert.group(1), known);
        }
        String text = String.join(" ", literals);
        Matcher m = AFTER_KEYWORD.matcher(text);
        while (m.find()) {
            addIfKnown(found, m.group(1), known);
            Matcher next = NEXT_IN_LIST.matcher(text);
            int at = m.end();
            while (next.find(at) && next.start() == at) {
                addIfKnown(found, next.group(1), known);
                at = next.end();
            }
        }
        return found;
    }

    private static void addIfKnown(Set<String> found, String table, Set<String> known) {
        if (known.contains(table)) {
            found.add(table);
        }
    }

    /** The contents of the string literals and text blocks of a Java source, comments skipped. */
    static List<String> literals(String src) {
        List<String> result = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                i = src.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                i = src.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '\'') {
                i = skipQuoted(src, i, '\'');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                while (end > 0 && src.charAt(end - 1) == '\\') {
                    end = src.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                result.add(src.substring(i + 3, end));
                i = end + 3;
            } else if (c == '"') {
                int end = skipQuoted(src, i, '"');
                result.add(src.substring(i + 1, Math.max(i + 1, end - 1)).replace("\\\"", "\""));
                i = end;
            } else {
                i++;
            }
        }
        return result;
    }

    // index just after the closing quote
    private static int skipQuoted(String src, int open, char quote) {
        int i = open + 1;
        while (i < src.length() && src.charAt(i) != quote) {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(src.length(), i + 1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
