package dev.worklens.system.config;

import dev.worklens.system.GlobList;
import dev.worklens.system.Settings;
import dev.worklens.system.Settings.AuthMode;
import dev.worklens.system.Settings.Env;
import dev.worklens.system.WorkWeek;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads {@link Settings} from a lookup (the Spring environment, or a map in tests) and collects
 * every problem before failing, so a person fixes their settings in one pass.
 */
public final class SettingsReader {

    // exact names too: busy social and request channels that say nothing about anyone's work
    public static final String DEFAULT_IGNORED_CHANNELS = "nimble*, *-activity, *-corner, ic-*, access-requests,"
            + " vn-community, cat-place, hardware-and-machinery, badminton, ios-rss, watercooler";

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Settings read(Function<String, String> lookup) {
        var reader = new SettingsReader(lookup);
        Settings settings = reader.build();
        if (!reader.problems.isEmpty()) {
            throw new InvalidSettingsException(reader.problems);
        }
        return settings;
    }

    private Settings build() {
        Env env = parseEnv();
        String slackClientId = text("SLACK_CLIENT_ID", null);
        AuthMode authMode = parseAuthMode(slackClientId);
        String bind = text("BIND_ADDRESS", authMode == AuthMode.LOCAL ? "127.0.0.1" : "0.0.0.0");
        var app = new Settings.App(
                env,
                url("APP_BASE_URL", "http://localhost:8080"),
                text("APP_SECRET_KEY", null),
                text("INTERNAL_API_KEY", null),
                list("CORS_ORIGINS", ""),
                text("TOKEN_ENCRYPTION_KEY", null),
                authMode,
                bind,
                integer("PORT", 8080, 1, 65535),
                zone("REPORT_TIMEZONE", "UTC"),
                text("DATABASE_URL", null),
                text("TLS_CERT_FILE", null),
                text("TLS_KEY_FILE", null));
        var slack = new Settings.Slack(
                slackClientId,
                text("SLACK_CLIENT_SECRET", null),
                url("SLACK_BASE_URL", "https://slack.com"),
                list("SLACK_IGNORED_CHANNELS", DEFAULT_IGNORED_CHANNELS),
                integer("SLACK_THREAD_LOOKBACK_DAYS", 14, 0, 365),
                list("SLACK_STANDUP_CHANNELS", ""));
        var github = new Settings.GitHub(text("GITHUB_PAT", null), url("GITHUB_API_URL", "https://api.github.com"));
        var anthropic = new Settings.Anthropic(
                text("ANTHROPIC_API_KEY", null),
                text("ANTHROPIC_MODEL", "claude-sonnet-4-6"),
                url("ANTHROPIC_BASE_URL", "https://api.anthropic.com"),
                bool("ENABLE_AI_EXTRACTION", true),
                integer("ANTHROPIC_MONTHLY_TOKEN_BUDGET", 0, 0, Integer.MAX_VALUE));
        var google = new Settings.Google(
                text("GOOGLE_SHEETS_CREDENTIALS_JSON", null),
                text("DEV_TRACK_SHEET_ID", null),
                url("GOOGLE_SHEETS_API_URL", "https://sheets.googleapis.com/"));
        var notion = new Settings.Notion(
                text("NOTION_API_KEY", null),
                text("NOTION_DEV_TRACK_DATABASE_ID", null),
                text("NOTION_DEV_TRACK_VIEW_ID", null),
                url("NOTION_API_URL", "https://api.notion.com"));
        var access = new Settings.Access(
                list("WORKLENS_OPERATORS", ""),
                list("WORKLENS_OPERATOR_GROUPS", ""),
                text("SLACK_TEAM_ID", null),
                list("WORKLENS_ADMINS", ""));
        checkCombinations(app, slack);
        checkAccess(app, access);
        var patterns = new Settings.Patterns(
                WorkWeek.parse(text("WORK_HOURS", "09:00-18:00"), text("WORK_DAYS", "MON-FRI"), problems),
                bool("ENABLE_BURNOUT_DETECTION", true),
                bool("ENABLE_ORG_ANALYTICS", true));
        return new Settings(app, slack, github, anthropic, google, notion, access, patterns);
    }

    private void checkCombinations(Settings.App app, Settings.Slack slack) {
        if (app.env().isProduction()) {
            if (app.secretKey() == null || app.secretKey().length() < 32) {
                problems.add("APP_SECRET_KEY must be at least 32 characters in production");
            }
            if (app.internalApiKey() == null || app.internalApiKey().length() < 16) {
                problems.add("INTERNAL_API_KEY must be at least 16 characters in production");
            }
            if (app.databaseUrl() == null || !DatabaseUrl.isPostgres(app.databaseUrl())) {
                problems.add("DATABASE_URL must point at PostgreSQL in production (the embedded database is for one"
                        + " person trying Worklens)");
            }
            if (app.baseUrl() != null && !"https".equalsIgnoreCase(app.baseUrl().getScheme())) {
                problems.add("APP_BASE_URL must start with https:// in production");
            }
            if (app.authMode() == AuthMode.LOCAL) {
                problems.add("AUTH_MODE=local is not allowed in production: set SLACK_CLIENT_ID and"
                        + " SLACK_CLIENT_SECRET so operators sign in with Slack");
            }
        }
        if (app.authMode() == AuthMode.LOCAL && !isLoopback(app.bindAddress())) {
            problems.add("AUTH_MODE=local signs anyone in, so it only works when BIND_ADDRESS is a loopback"
                    + " address such as 127.0.0.1 (it is " + app.bindAddress() + ")");
        }
        if (app.authMode() == AuthMode.SLACK && !slack.appConfigured()) {
            problems.add("AUTH_MODE=slack needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET");
        }
        try {
            GlobList.parse(String.join(",", slack.ignoredChannels()));
        } catch (GlobList.InvalidGlobsException e) {
            problems.add("SLACK_IGNORED_CHANNELS: " + String.join("; ", e.problems()));
        }
        if ((app.tlsCertFile() == null) != (app.tlsKeyFile() == null)) {
            problems.add("TLS_CERT_FILE and TLS_KEY_FILE go together: set both or neither");
        }
        if (app.tokenEncryptionKey() != null && app.tokenEncryptionKey().length() < 32) {
            problems.add("TOKEN_ENCRYPTION_KEY must be at least 32 characters when set");
        }
    }

    private void checkAccess(Settings.App app, Settings.Access access) {
        if (app.env().isProduction()
                && app.authMode() == AuthMode.SLACK
                && access.operators().isEmpty()
                && access.operatorGroups().isEmpty()) {
            problems.add("WORKLENS_OPERATORS or WORKLENS_OPERATOR_GROUPS must say who may sign in in production"
                    + " (Slack user ids, emails or user-group handles; '*' admits everyone in the workspace)");
        }
        if (access.slackTeamId() != null && !access.slackTeamId().matches("[A-Z0-9]{2,32}")) {
            problems.add("SLACK_TEAM_ID must be a Slack workspace id such as T0123ABCD (it is '" + access.slackTeamId()
                    + "')");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(address)) {
            return true;
        }
        try {
            // literal addresses only: no DNS lookup for a name at start
            if (!address.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
                return false;
            }
            return InetAddress.getByName(address.replace("[", "").replace("]", ""))
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private Env parseEnv() {
        String value = text("APP_ENV", "development").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "production", "prod" -> Env.PRODUCTION;
            case "development", "dev", "test", "local" -> Env.DEVELOPMENT;
            default -> {
                problems.add("APP_ENV must be development or production (it is '" + value + "')");
                yield Env.DEVELOPMENT;
            }
        };
    }

    private AuthMode parseAuthMode(String slackClientId) {
        String fallback = slackClientId == null ? "local" : "slack";
        String value = text("AUTH_MODE", fallback).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "local" -> AuthMode.LOCAL;
            case "slack" -> AuthMode.SLACK;
            default -> {
                problems.add("AUTH_MODE must be local or slack (it is '" + value + "')");
                yield AuthMode.LOCAL;
            }
        };
    }

    private String text(String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private int integer(String name, int fallback, int min, int max) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                problems.add(name + " must be between " + min + " and " + max + " (it is " + parsed + ")");
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number (it is '" + value + "')");
            return fallback;
        }
    }

    private boolean bool(String name, boolean fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> {
                problems.add(name + " must be true or false (it is '" + value + "')");
                yield fallback;
            }
        };
    }

    private URI url(String name, String fallback) {
        String value = text(name, fallback);
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                problems.add(name + " must be an http:// or https:// URL (it is '" + value + "')");
                return URI.create(fallback == null ? "http://localhost" : fallback);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            problems.add(name + " is not a valid URL (it is '" + value + "')");
            return URI.create(fallback == null ? "http://localhost" : fallback);
        }
    }

    private ZoneId zone(String name, String fallback) {
        String value = text(name, fallback);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            problems.add(name + " must be a time zone such as UTC or Europe/Berlin (it is '" + value + "')");
            return ZoneId.of(fallback);
        }
    }
}
