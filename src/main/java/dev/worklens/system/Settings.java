package dev.worklens.system;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * Every setting Worklens reads, typed. Values come from the environment, then the {@code .env}
 * file, then the defaults in {@link dev.worklens.system.config.SettingsReader}.
 */
public record Settings(
        App app,
        Slack slack,
        GitHub github,
        Anthropic anthropic,
        Google google,
        Notion notion,
        Access access,
        Patterns patterns) {

    public enum Env {
        DEVELOPMENT,
        PRODUCTION;

        public boolean isProduction() {
            return this == PRODUCTION;
        }
    }

    public enum AuthMode {
        LOCAL,
        SLACK
    }

    public record App(
            Env env,
            URI baseUrl,
            String secretKey,
            String internalApiKey,
            List<String> corsOrigins,
            String tokenEncryptionKey,
            AuthMode authMode,
            String bindAddress,
            int port,
            ZoneId reportTimezone,
            String databaseUrl,
            String tlsCertFile,
            String tlsKeyFile) {

        public boolean apiKeyConfigured() {
            return internalApiKey != null && !internalApiKey.isBlank();
        }

        @Override
        public String toString() {
            // secrets and the database URL (which may hold a password) never reach a log line
            return "App[env=" + env + ", baseUrl=" + baseUrl + ", authMode=" + authMode + ", bindAddress="
                    + bindAddress + ", port=" + port + ", reportTimezone=" + reportTimezone + ", corsOrigins="
                    + corsOrigins + ", secretKey=" + set(secretKey) + ", internalApiKey=" + set(internalApiKey)
                    + ", tokenEncryptionKey=" + set(tokenEncryptionKey) + ", databaseUrl=" + set(databaseUrl) + "]";
        }
    }

    static String set(String secret) {
        return secret == null || secret.isBlank() ? "unset" : "set";
    }

    public record Slack(
            String clientId,
            String clientSecret,
            URI baseUrl,
            List<String> ignoredChannels,
            int threadLookbackDays,
            List<String> standupChannels) {

        public boolean appConfigured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        @Override
        public String toString() {
            return "Slack[clientId=" + clientId + ", clientSecret=" + set(clientSecret) + ", baseUrl=" + baseUrl
                    + ", ignoredChannels=" + ignoredChannels + "]";
        }

        /** The Web API root; the SDK appends method names to it. */
        public String apiUrl() {
            return baseUrl.toString().replaceAll("/+$", "") + "/api/";
        }
    }

    public record GitHub(String pat, URI apiUrl) {
        public boolean tokenConfigured() {
            return pat != null && !pat.isBlank();
        }

        @Override
        public String toString() {
            // the token must never reach a log line, even through a record's toString
            return "GitHub[apiUrl=" + apiUrl + ", pat=" + (tokenConfigured() ? "set" : "unset") + "]";
        }
    }

    /** @param monthlyTokenBudget input plus output tokens Claude may use per calendar month (UTC); 0 is no limit */
    public record Anthropic(String apiKey, String model, URI baseUrl, boolean enabled, long monthlyTokenBudget) {
        public Anthropic(String apiKey, String model, URI baseUrl, boolean enabled) {
            this(apiKey, model, baseUrl, enabled, 0);
        }

        public boolean active() {
            return enabled && apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "Anthropic[model=" + model + ", baseUrl=" + baseUrl + ", active=" + active() + "]";
        }
    }

    public record Google(String credentialsJson, String sheetId, URI sheetsApiUrl) {
        public boolean configured() {
            return credentialsJson != null && !credentialsJson.isBlank() && sheetId != null && !sheetId.isBlank();
        }

        @Override
        public String toString() {
            return "Google[sheetId=" + sheetId + ", sheetsApiUrl=" + sheetsApiUrl + "]";
        }
    }

    public record Notion(String apiKey, String databaseId, String viewId, URI apiUrl) {
        public boolean configured() {
            return apiKey != null && !apiKey.isBlank() && databaseId != null && !databaseId.isBlank();
        }

        @Override
        public String toString() {
            return "Notion[databaseId=" + databaseId + ", viewId=" + viewId + ", apiUrl=" + apiUrl + "]";
        }
    }

    /** Work patterns (PRODUCT.md §14): the default work week and the two switches. */
    public record Patterns(WorkWeek workWeek, boolean burnoutDetection, boolean orgAnalytics) {}

    /**
     * Who may sign in and who may act beyond their own roster. Entries are Slack user ids or
     * emails, compared ignoring case; {@code *} in either operator list admits everyone in the
     * workspace on purpose. With neither operator list set (development only) everyone is admitted.
     */
    public record Access(List<String> operators, List<String> operatorGroups, String slackTeamId, List<String> admins) {

        public static final String EVERYONE = "*";

        public boolean restricted() {
            return !(operators.contains(EVERYONE) || operatorGroups.contains(EVERYONE))
                    && (!operators.isEmpty() || !operatorGroups.isEmpty());
        }

        public boolean listsOperator(String slackUserId, String email) {
            return !restricted() || lists(operators, slackUserId, email);
        }

        public boolean listsAdmin(String slackUserId, String email) {
            return lists(admins, slackUserId, email);
        }

        /** User-group handles without their {@code @}, as {@code usergroups.list} spells them. */
        public List<String> groupHandles() {
            return operatorGroups.stream()
                    .filter(g -> !g.equals(EVERYONE))
                    .map(g -> g.startsWith("@") ? g.substring(1) : g)
                    .toList();
        }

        private static boolean lists(List<String> entries, String slackUserId, String email) {
            for (String entry : entries) {
                if (entry.equals(EVERYONE)
                        || (slackUserId != null && entry.equalsIgnoreCase(slackUserId))
                        || (email != null && entry.equalsIgnoreCase(email))) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public String toString() {
        return "Settings[env=" + app.env() + ", baseUrl=" + app.baseUrl() + "]";
    }
}
