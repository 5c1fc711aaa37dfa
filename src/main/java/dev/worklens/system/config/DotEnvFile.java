package dev.worklens.system.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code NAME=value} lines, optional {@code export}, {@code #}
 * comments, and single- or double-quoted values (double quotes understand {@code \n}).
 */
final class DotEnvFile {

    private DotEnvFile() {}

    static Map<String, Object> read(Path file) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSettingsException("the settings file " + file.getFileName() + " cannot be read ("
                    + e.getClass().getSimpleName() + "): fix its permissions or remove it");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = eq > 0 ? line.substring(0, eq).strip() : "";
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidSettingsException(
                        "line " + (i + 1) + " of " + file.getFileName() + " is not NAME=value: fix or remove it");
            }
            values.put(name, unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1)
                    .replace("\\n", "\n")
                    .replace("\\\"", "\"")
                    .replace("\\\\", "\\");
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }
}
