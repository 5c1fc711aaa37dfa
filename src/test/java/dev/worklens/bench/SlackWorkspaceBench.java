package dev.worklens.bench;

import dev.worklens.WorklensApplication;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.demo.SyntheticWorkspace;
import dev.worklens.demo.SyntheticWorkspace.Channel;
import dev.worklens.demo.SyntheticWorkspace.Message;
import dev.worklens.demo.SyntheticWorkspace.Person;
import dev.worklens.support.PostgresServer;
import dev.worklens.system.Settings;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import dev.worklens.team.WorkspaceDirectory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application pointed at the stand-in Slack ({@link FakeSlackApi} over a
 * {@link SyntheticWorkspace}): the manager signed in, the team imported from the workspace, and
 * syncs started and awaited through {@code POST /api/syncs} like a manager's browser would. Shared
 * by the Slack benchmarks and their untimed smoke test.
 */
final class SlackWorkspaceBench implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> LIST_METHODS = List.of("conversations.list", "users.list", "usergroups.list");

    final SyntheticWorkspace workspace;
    final FakeSlackApi fake;
    final ConfigurableApplicationContext app;
    final String database;
    final Operator operator;
    final List<Long> team;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String key;

    private SlackWorkspaceBench(SyntheticWorkspace workspace, boolean postgres) {
        this.workspace = workspace;
        this.fake = FakeSlackApi.start(workspace, Clock.systemUTC());
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--server.port=0",
                "--SLACK_BASE_URL=" + fake.baseUrl(),
                "--logging.level.dev.worklens=WARN"));
        if (postgres) {
            args.add("--spring.datasource.url=" + PostgresServer.newDatabaseUrl());
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=postgres");
            database = "PostgreSQL 17 (embedded)";
        } else {
            args.add("--spring.datasource.url=jdbc:h2:mem:slackbench-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            database = "H2 (in memory)";
        }
        this.app = new SpringApplicationBuilder(WorklensApplication.class).run(args.toArray(String[]::new));
        this.base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        this.key = app.getBean(Settings.class).app().internalApiKey();
        Person manager = workspace.manager();
        Operator op = app.getBean(Operators.class)
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
        roster.importPeople(op.id(), app.getBean(WorkspaceDirectory.class).people(op));
        Map<String, Long> bySlackId = new LinkedHashMap<>();
        roster.members(op.id()).stream()
                .filter(m -> !m.isOperator())
                .forEach(m -> bySlackId.put(m.slackUserId(), m.id()));
        // the team in the workspace's order, so "the first N" is the same people in every run
        this.team = workspace.people().stream()
                .map(p -> bySlackId.get(p.userId()))
                .filter(java.util.Objects::nonNull)
                .toList();
        this.operator = op;
        fake.resetCounts();
    }

    static SlackWorkspaceBench start(SyntheticWorkspace.Spec spec, boolean postgres) {
        return new SlackWorkspaceBench(SyntheticWorkspace.generate(spec), postgres);
    }

    /** A workspace whose last day is yesterday, so a sync range ending there is wholly in the past. */
    static SyntheticWorkspace.Spec spec(
            int members, int channels, int days, double perMemberDay, int threadEvery, long seed) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        return new SyntheticWorkspace.Spec(members, channels, days, yesterday, seed, perMemberDay, threadEvery);
    }

    LocalDate lastDay() {
        return workspace.spec().lastDay();
    }

    /** What one job reported: its state, the engine's start and end, and items stored. */
    record Job(String state, Instant startedAt, Instant finishedAt, long items, long wallMillis, String errors) {
        double seconds() {
            return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        }
    }

    Job sync(List<Long> members, LocalDate from, LocalDate to) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "operator", workspace.manager().userId(),
                "members", members,
                "sources", List.of("slack"),
                "from", from.toString(),
                "to", to.toString()));
        long t0 = System.nanoTime();
        JsonNode started = call(HttpRequest.newBuilder(URI.create(base + "/api/syncs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        long id = started.path("id").asLong();
        var last = new java.util.concurrent.atomic.AtomicReference<JsonNode>();
        // polled like the Sync page polls; a long run under rate limits takes minutes
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode job = call(HttpRequest.newBuilder(URI.create(base + "/api/syncs/" + id))
                            .GET());
                    last.set(job);
                    String state = job.path("state").asString();
                    return !state.equals("queued") && !state.equals("running");
                });
        long wall = (System.nanoTime() - t0) / 1_000_000;
        JsonNode job = last.get();
        long items = 0;
        StringBuilder errors = new StringBuilder();
        for (JsonNode task : job.path("tasks").values()) {
            items += task.path("items").asLong();
            if (!task.path("error").isNull() && !task.path("error").asString().isBlank()) {
                errors.append(task.path("error").asString()).append(' ');
            }
        }
        return new Job(
                job.path("state").asString(),
                OffsetDateTime.parse(job.path("started_at").asString()).toInstant(),
                OffsetDateTime.parse(job.path("finished_at").asString()).toInstant(),
                items,
                wall,
                errors.toString().strip());
    }

    private JsonNode call(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                http.send(request.header("X-Internal-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("the API answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Forgets everything read from Slack, so the next sync starts from scratch. */
    void forgetSlackData() {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        for (String table : List.of("work_units", "slack_mentions", "slack_messages", "slack_channel_cursors")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    long rows(String table) {
        return app.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    long listCalls() {
        return LIST_METHODS.stream().mapToLong(fake::calls).sum();
    }

    /** Channels a sync reads: the workspace's, minus the default ignored patterns. */
    List<Channel> syncedChannels() {
        List<Pattern> ignored = app.getBean(Settings.class).slack().ignoredChannels().stream()
                .map(g -> Pattern.compile(
                        Pattern.quote(g.strip()).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q")))
                .toList();
        return workspace.channels().stream()
                .filter(c -> ignored.stream().noneMatch(p -> p.matcher(c.name()).matches()))
                .toList();
    }

    /**
     * What a perfect client needs for a range, counted from the workspace itself: history pages at
     * the largest page (999) over the range and its thread look-back, one replies call per thread
     * with a reply in the range, and one page of each list.
     */
    record Minimum(int channels, long historyPages, long threads, long listPages, long threadsReplyAfterRange) {
        long total() {
            return historyPages + threads + listPages;
        }
    }

    Minimum minimum(LocalDate from, LocalDate to) {
        int lookback = app.getBean(Settings.class).slack().threadLookbackDays();
        BigDecimal windowStart = ts(from.minusDays(lookback));
        BigDecimal rangeStart = ts(from);
        BigDecimal end = ts(to.plusDays(1));
        List<Channel> channels = syncedChannels();
        long pages = 0;
        long threads = 0;
        long after = 0;
        for (Channel c : channels) {
            long top = 0;
            for (Message m : c.messages()) {
                BigDecimal at = new BigDecimal(m.ts());
                if (at.compareTo(windowStart) <= 0 || at.compareTo(end) >= 0) {
                    continue;
                }
                top++;
                boolean replyInRange = m.replies().stream()
                        .map(r -> new BigDecimal(r.ts()))
                        .anyMatch(r -> r.compareTo(rangeStart) >= 0 && r.compareTo(end) < 0);
                threads += replyInRange ? 1 : 0;
                // replies only after the range: a client sees latest_reply past the range, not when the others were
                boolean onlyAfter =
                        !replyInRange && !m.replies().isEmpty() && new BigDecimal(m.latestReply()).compareTo(end) >= 0;
                after += onlyAfter ? 1 : 0;
            }
            pages += Math.max(1, (top + 998) / 999);
        }
        long users = workspace.people().size() + 3L; // + Slackbot, a bot user and a deactivated one
        return new Minimum(channels.size(), pages, threads, 1 + (users + 998) / 999 + 1, after);
    }

    private static BigDecimal ts(LocalDate day) {
        return BigDecimal.valueOf(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
    }

    List<Member> members() {
        return app.getBean(Roster.class).members(operator.id());
    }

    @Override
    public void close() {
        app.close();
        fake.close();
    }
}
