package dev.worklens.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code java -jar worklens.jar demo}: starts stand-ins for Slack and GitHub serving a made-up
 * team, points Worklens at them and at its own database file {@code ./data/demo}, and lets the
 * {@link DemoLoader} sign the manager in, import the team and run a real sync. Nothing of the demo
 * reaches a real database unless {@code WORKLENS_DEMO_DATABASE_URL} names one on purpose.
 */
public final class DemoCommand {

    public static final String DEMO_FLAG = "worklens.demo";
    static final String DEMO_DATABASE =
            "jdbc:h2:file:./data/demo/worklens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0";

    private DemoCommand() {}

    /** The arguments the application is started with in demo mode; command-line values outrank the environment. */
    public static String[] arguments(String[] rest) {
        var workspace = SyntheticWorkspace.generate(SyntheticWorkspace.Spec.demo(LocalDate.now(ZoneOffset.UTC)));
        var slack = FakeSlackApi.start(workspace, Clock.systemUTC());
        var github = FakeGitHubApi.start(workspace, Clock.systemUTC());
        String database = System.getenv().getOrDefault("WORKLENS_DEMO_DATABASE_URL", DEMO_DATABASE);
        String key = System.getenv().getOrDefault("INTERNAL_API_KEY", "demo-" + randomHex());
        List<String> args = new ArrayList<>(List.of(
                "--" + DEMO_FLAG + "=true",
                "--DATABASE_URL=" + database,
                "--SLACK_BASE_URL=" + slack.baseUrl(),
                "--SLACK_CLIENT_ID=" + FakeSlackApi.CLIENT_ID,
                "--SLACK_CLIENT_SECRET=" + FakeSlackApi.CLIENT_SECRET,
                "--GITHUB_API_URL=" + github.baseUrl(),
                "--GITHUB_PAT=" + FakeGitHubApi.TOKEN,
                "--INTERNAL_API_KEY=" + key,
                "--APP_ENV=development",
                "--BIND_ADDRESS=127.0.0.1",
                "--ENABLE_AI_EXTRACTION=false"));
        args.addAll(List.of(rest));
        System.out.println("Worklens demo: stand-in Slack at " + slack.baseUrl() + ", stand-in GitHub at "
                + github.baseUrl() + "; data in " + (database.equals(DEMO_DATABASE) ? "./data/demo" : database)
                + "; JSON API key for this run: " + key);
        return args.toArray(String[]::new);
    }

    private static String randomHex() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
