package dev.worklens.reliability;

import dev.worklens.WorklensApplication;
import dev.worklens.demo.FakeGitHubApi;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.demo.SyntheticWorkspace;
import dev.worklens.demo.SyntheticWorkspace.Person;
import dev.worklens.system.retry.RetryClock;
import dev.worklens.system.retry.VirtualTime;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import dev.worklens.team.WorkspaceDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole product for a reliability test: one small synthetic team served by the demo's fake
 * Slack and GitHub (each on its own {@link VirtualTime}), and Worklens instances started on a
 * database the test chooses, exactly as a deployment would be configured.
 */
final class Product implements AutoCloseable {

    static final LocalDate LAST_DAY = LocalDate.parse("2026-11-20");
    static final LocalDate FIRST_DAY = LAST_DAY.minusDays(29);
    static final SyntheticWorkspace.Spec SPEC = new SyntheticWorkspace.Spec(5, 4, 30, LAST_DAY, 7, 1.5);

    /** Secrets with a shape nothing else in the logs has, so a scan for them cannot miss. */
    static final String ANTHROPIC_KEY = "sk-ant-reliability-sentinel-4f1c9b";

    static final String APP_SECRET_KEY = "reliability-app-secret-key-7d2e5a90b1c34f68";

    final SyntheticWorkspace workspace;
    final VirtualTime slackTime = new VirtualTime();
    final VirtualTime githubTime = new VirtualTime();
    final FakeSlackApi slack;
    final FakeGitHubApi github;

    Product() {
        this(SyntheticWorkspace.generate(SPEC));
    }

    Product(SyntheticWorkspace workspace) {
        this.workspace = workspace;
        this.slack = FakeSlackApi.start(workspace, slackTime.clock());
        this.github = FakeGitHubApi.start(workspace, githubTime.clock());
    }

    /** The arguments a Worklens process on {@code databaseUrl} is started with. */
    List<String> arguments(String databaseUrl, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + (databaseUrl.startsWith("jdbc:postgresql") ? "postgres" : "sa"),
                "--spring.datasource.password=" + (databaseUrl.startsWith("jdbc:postgresql") ? "postgres" : ""),
                "--SLACK_BASE_URL=" + slack.baseUrl(),
                "--SLACK_CLIENT_ID=" + FakeSlackApi.CLIENT_ID,
                "--SLACK_CLIENT_SECRET=" + FakeSlackApi.CLIENT_SECRET,
                "--GITHUB_API_URL=" + github.baseUrl(),
                "--GITHUB_PAT=" + FakeGitHubApi.TOKEN,
                "--ANTHROPIC_API_KEY=" + ANTHROPIC_KEY,
                "--ENABLE_AI_EXTRACTION=false",
                "--APP_SECRET_KEY=" + APP_SECRET_KEY,
                "--worklens.sync.progress-interval=50ms",
                "--logging.level.root=INFO"));
        args.addAll(List.of(extra));
        return args;
    }

    /** A Worklens instance in this JVM whose Slack and GitHub waits run on the virtual clocks. */
    ConfigurableApplicationContext start(String databaseUrl, String... extra) {
        return new SpringApplicationBuilder(WorklensApplication.class)
                .initializers(context -> {
                    var generic = (GenericApplicationContext) context;
                    // named after the clients' injection points, which Spring then prefers by name
                    generic.registerBean("slackRetryClock", RetryClock.class, () -> slackTime);
                    generic.registerBean("gitHubRetryClock", RetryClock.class, () -> githubTime);
                })
                .run(arguments(databaseUrl, extra).toArray(String[]::new));
    }

    /**
     * What a manager does before the first sync: signs in with Slack, imports the team from the
     * workspace directory and types each member's GitHub login.
     */
    static void prepareTeam(ConfigurableApplicationContext app, SyntheticWorkspace workspace) {
        Person manager = workspace.manager();
        Operator operator = app.getBean(Operators.class)
                .signedIn(
                        new Operators.SlackIdentity(
                                manager.userId(),
                                manager.realName(),
                                manager.realName(),
                                manager.email(),
                                SyntheticWorkspace.TEAM_ID,
                                SyntheticWorkspace.TEAM_NAME),
                        FakeSlackApi.TOKEN,
                        "channels:history,channels:read,groups:history,groups:read,users:read,users:read.email,"
                                + "usergroups:read");
        Roster roster = app.getBean(Roster.class);
        roster.importPeople(operator.id(), app.getBean(WorkspaceDirectory.class).people(operator));
        Map<String, Person> bySlackId =
                workspace.people().stream().collect(Collectors.toMap(Person::userId, Function.identity()));
        for (Member member : roster.members(operator.id())) {
            Person person = bySlackId.get(member.slackUserId());
            if (person != null && !member.hasGithubLogin()) {
                roster.update(member, new MemberFields(null, null, null, null, person.githubLogin()), List.of());
            }
        }
    }

    static JdbcClient jdbc(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class);
    }

    static String h2Memory() {
        return "jdbc:h2:mem:reliability-" + java.util.UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    @Override
    public void close() {
        slack.close();
        github.close();
    }
}
