package dev.worklens.demo;

import dev.worklens.system.DemoRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar worklens.jar demo}: starts stand-ins for Slack and GitHub serving a made-up
 * team, points Worklens at them and at its own database file {@code ./data/demo}, and lets the
 * {@link DemoLoader} sign the manager in, import the team and run a real sync. Nothing of the demo
 * reaches a real database unless {@code WORKLENS_DEMO_DATABASE_URL} names one on purpose.
 */
public final class DemoCommand {

    public static final String DEMO_FLAG = DemoRun.PROPERTY;

    /** Settings of real services the demo never reads, whatever the environment or .env holds. */
    static final List<String> REAL_SERVICE_SETTINGS = List.of(
            "NOTION_API_KEY",
            "NOTION_DEV_TRACK_DATABASE_ID",
            "NOTION_DEV_TRACK_VIEW_ID",
            "GOOGLE_SHEETS_CREDENTIALS_JSON",
            "DEV_TRACK_SHEET_ID",
            "ANTHROPIC_API_KEY",
            "SLACK_TEAM_ID",
            "WORKLENS_OPERATORS",
            "WORKLENS_OPERATOR_GROUPS",
            "WORKLENS_ADMINS");

    static final String DEMO_DATABASE =
            "jdbc:h2:file:./data/demo/worklens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0";

    private DemoCommand() {}

    /** The arguments the application is started with in demo mode; command-line values outrank the environment. */
    public static String[] arguments(String[] rest) {
        return start(rest).arguments();
    }

    /** A running demo's stand-ins and the application arguments that point at them. */
    public record Demo(String[] arguments, FakeSlackApi slack, FakeGitHubApi github) implements AutoCloseable {
        @Override
        public void close() {
            slack.close();
            github.close();
        }
    }

    /** Starts the stand-ins and returns them with the arguments; whoever embeds the demo closes them. */
    public static Demo start(String[] rest) {
        refuseProduction(rest);
        var workspace = SyntheticWorkspace.generate(SyntheticWorkspace.Spec.demo(LocalDate.now(ZoneOffset.UTC)));
        var slack = FakeSlackApi.start(workspace, Clock.systemUTC());
        var github = FakeGitHubApi.start(workspace, Clock.systemUTC());
        String database = System.getenv().getOrDefault("WORKLENS_DEMO_DATABASE_URL", DEMO_DATABASE);
        // a key of its own for every run: a real INTERNAL_API_KEY is never printed or used
        String key = "demo-" + randomHex();
        List<String> args = new ArrayList<>(List.of(
                "--" + DEMO_FLAG + "=" + DemoRun.begin(),
                "--DATABASE_URL=" + database,
                "--SLACK_BASE_URL=" + slack.baseUrl(),
                "--SLACK_CLIENT_ID=" + FakeSlackApi.CLIENT_ID,
                "--SLACK_CLIENT_SECRET=" + FakeSlackApi.CLIENT_SECRET,
                "--GITHUB_API_URL=" + github.baseUrl(),
                "--GITHUB_PAT=" + FakeGitHubApi.TOKEN,
                "--INTERNAL_API_KEY=" + key,
                "--BIND_ADDRESS=127.0.0.1",
                // SERVER_ADDRESS in the environment would outrank BIND_ADDRESS
                "--server.address=127.0.0.1",
                "--ENABLE_AI_EXTRACTION=false"));
        // every real service setting is blanked: the demo's dev track must never write to a real Sheet
        for (String real : REAL_SERVICE_SETTINGS) {
            args.add("--" + real + "=");
        }
        baseUrlForPort(rest).ifPresent(url -> args.add("--APP_BASE_URL=" + url));
        args.addAll(List.of(rest));
        System.out.println("Worklens demo: stand-in Slack at " + slack.baseUrl() + ", stand-in GitHub at "
                + github.baseUrl() + "; data in " + (database.equals(DEMO_DATABASE) ? "./data/demo" : database)
                + "; JSON API key for this run: " + key);
        return new Demo(args.toArray(String[]::new), slack, github);
    }

    /** The demo serves made-up people with stand-in credentials: never a production install. */
    static void refuseProduction(String[] rest) {
        boolean production = isProduction(System.getenv("APP_ENV"));
        for (String arg : rest) {
            if (arg.startsWith("--APP_ENV=")) {
                production = isProduction(arg.substring("--APP_ENV=".length()));
            }
        }
        if (production) {
            throw new IllegalStateException(
                    "The demo does not run with APP_ENV=production: start it without APP_ENV, on a laptop.");
        }
    }

    private static boolean isProduction(String env) {
        return env != null && env.strip().toLowerCase(java.util.Locale.ROOT).startsWith("prod");
    }

    /**
     * The stand-in Slack sends the browser back to {@code APP_BASE_URL}, whose default names port
     * 8080: a demo on another {@code PORT} without its own base URL would sign in to nowhere.
     */
    static Optional<String> baseUrlForPort(String[] rest) {
        String port = System.getenv("PORT");
        for (String arg : rest) {
            if (arg.startsWith("--APP_BASE_URL=")) {
                return Optional.empty();
            }
            if (arg.startsWith("--PORT=")) {
                port = arg.substring("--PORT=".length());
            }
        }
        boolean baseUrlSet = System.getenv("APP_BASE_URL") != null
                && !System.getenv("APP_BASE_URL").isBlank();
        if (baseUrlSet || dotEnvSetsBaseUrl() || port == null || !port.strip().matches("\\d{1,5}")) {
            return Optional.empty();
        }
        return Optional.of("http://localhost:" + port.strip());
    }

    private static boolean dotEnvSetsBaseUrl() {
        Path file = Path.of(System.getenv().getOrDefault("WORKLENS_ENV_FILE", ".env"));
        try {
            return Files.isRegularFile(file)
                    && Files.readAllLines(file).stream()
                            .anyMatch(line -> line.strip().matches("(export\\s+)?APP_BASE_URL\\s*=\\s*\\S.*"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
