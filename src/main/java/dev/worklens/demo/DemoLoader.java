package dev.worklens.demo;

import dev.worklens.demo.SyntheticWorkspace.Person;
import dev.worklens.sync.SyncState;
import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import dev.worklens.team.WorkspaceDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the demo database the way a manager would: signs the demo manager in, imports the team
 * from the (stand-in) Slack workspace, links GitHub logins, and starts a sync of the last 90 days
 * through the JSON API, so every byte goes through the real clients, storage and classification.
 */
@Component
@ConditionalOnProperty(DemoCommand.DEMO_FLAG)
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Operators operators;
    private final Roster roster;
    private final WorkspaceDirectory directory;
    private final Settings settings;
    private final Environment environment;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoLoader(
            Operators operators,
            Roster roster,
            WorkspaceDirectory directory,
            Settings settings,
            Environment environment) {
        this.operators = operators;
        this.roster = roster;
        this.directory = directory;
        this.settings = settings;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        var thread = new Thread(this::loadQuietly, "demo-loader");
        thread.setDaemon(true);
        thread.start();
    }

    private void loadQuietly() {
        try {
            long job = prepareAndSync();
            String state = await(job);
            System.out.println("Worklens demo is ready (" + state + "): open "
                    + settings.app().baseUrl() + "/reports and sign in with the stand-in Slack.");
        } catch (Exception e) {
            log.warn("The demo could not be loaded: {}", e.getMessage());
        }
    }

    long prepareAndSync() throws Exception {
        var workspace = SyntheticWorkspace.generate(SyntheticWorkspace.Spec.demo(LocalDate.now(ZoneOffset.UTC)));
        Person manager = workspace.manager();
        Operator operator = operators.signedIn(
                new Operators.SlackIdentity(
                        manager.userId(),
                        manager.realName(),
                        manager.realName(),
                        manager.email(),
                        SyntheticWorkspace.TEAM_ID,
                        SyntheticWorkspace.TEAM_NAME),
                FakeSlackApi.TOKEN,
                "channels:history,channels:read,groups:history,groups:read,users:read,users:read.email,usergroups:read");
        roster.importPeople(operator.id(), directory.people(operator));
        Map<String, Person> bySlackId =
                workspace.people().stream().collect(Collectors.toMap(Person::userId, Function.identity()));
        for (Member member : roster.members(operator.id())) {
            Person person = bySlackId.get(member.slackUserId());
            if (person != null && !member.hasGithubLogin()) {
                roster.update(member, new MemberFields(null, null, null, null, person.githubLogin()), List.of());
            }
        }
        String body = JSON.writeValueAsString(Map.of(
                "operator", manager.userId(),
                "members", "all",
                "sources", List.of("slack", "github"),
                "from", LocalDate.now(ZoneOffset.UTC).minusDays(89).toString(),
                "to", LocalDate.now(ZoneOffset.UTC).toString(),
                "github_mode", "overview"));
        JsonNode started = call(HttpRequest.newBuilder(api("/api/syncs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return started.path("id").asLong();
    }

    private String await(long job) throws Exception {
        String last = "";
        while (true) {
            JsonNode state =
                    call(HttpRequest.newBuilder(api("/api/syncs/" + job)).GET());
            SyncState now = SyncState.of(state.path("state").asString());
            long done = 0;
            long items = 0;
            for (JsonNode task : state.path("tasks").values()) {
                done += SyncState.of(task.path("state").asString()).open() ? 0 : 1;
                items += task.path("items").asLong();
            }
            String line = "demo sync " + job + ": " + now.code() + ", " + done + "/"
                    + state.path("tasks").size() + " tasks done, " + items + " items stored";
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (!now.open()) {
                return now.code();
            }
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
    }

    private URI api(String path) {
        String port = environment.getProperty(
                "local.server.port", String.valueOf(settings.app().port()));
        String scheme = settings.app().tlsCertFile() != null ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + port + path);
    }

    private JsonNode call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(
                request.header("X-Internal-Key", settings.app().internalApiKey())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("the API answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
