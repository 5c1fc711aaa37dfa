package dev.worklens.system.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JDBC connection taken from {@code DATABASE_URL}: a JDBC URL as it is, or the
 * {@code postgresql://user:password@host:port/database?ssl=require} form hosted databases hand
 * out (also with {@code +asyncpg} and the like), whose query parameters are kept.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    /**
     * WRITE_DELAY=0 writes each commit to the file before the commit returns: with H2's default
     * (500 ms) a killed process takes its last half second of committed work with it.
     */
    public static final String EMBEDDED = "jdbc:h2:file:./data/worklens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0";

    public static DatabaseUrl embedded() {
        return new DatabaseUrl(EMBEDDED, "sa", "");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public static boolean isPostgres(String databaseUrl) {
        try {
            return parse(databaseUrl).isPostgres();
        } catch (InvalidSettingsException e) {
            return false;
        }
    }

    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            return embedded();
        }
        String url = value.trim();
        if (url.startsWith("jdbc:")) {
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw invalid("only PostgreSQL and H2 JDBC URLs are supported");
            }
            return new DatabaseUrl(url, null, null);
        }
        String scheme =
                url.contains("://") ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (!(scheme.equals("postgres") || scheme.equals("postgresql") || scheme.startsWith("postgresql+"))) {
            throw invalid("expected postgresql://user:password@host:5432/database or a jdbc: URL");
        }
        URI uri;
        try {
            uri = new URI("postgresql" + url.substring(url.indexOf("://")));
        } catch (URISyntaxException e) {
            throw invalid("it is not a URL (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("the host is missing");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isBlank()) {
            throw invalid("the database name is missing");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = convertQuery(uri.getRawQuery());
        String jdbc =
                "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + path + (query.isEmpty() ? "" : "?" + query);
        return new DatabaseUrl(jdbc, user, password);
    }

    /** Keeps every parameter, renaming the ones Python drivers spell differently from pgJDBC. */
    private static String convertQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String key = kv[0];
            String val = kv.length > 1 ? kv[1] : "";
            if (key.equals("ssl")) {
                key = "sslmode";
                val = switch (val.toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> "require";
                    case "false", "0" -> "disable";
                    default -> val;
                };
            }
            out.add(key + "=" + val);
        }
        return String.join("&", out);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static InvalidSettingsException invalid(String why) {
        return new InvalidSettingsException("DATABASE_URL is not usable: " + why);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + "]";
    }
}
