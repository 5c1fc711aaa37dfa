package dev.worklens.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.worklens.WorklensApplication;
import dev.worklens.demo.FakeSlackApi;
import dev.worklens.demo.SyntheticWorkspace;
import dev.worklens.system.Settings;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import dev.worklens.team.WorkspaceDirectory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The child process of {@link SlackHeapBenchmark}: the whole application in a JVM of its own
 * (started with {@code -Xmx512m}), syncing the manager and their team from a stand-in Slack served
 * by the parent. It prints what the heap held, from the collector's own before/after figures.
 *
 * <p>Arguments: Slack base URL, JDBC URL, manager user id, manager name, from, to.
 */
final class SlackHeapProbe {

    private SlackHeapProbe() {}

    /** Heap in use just before each collection (the true peaks) and just after it (what stayed live). */
    static final AtomicLong peakBeforeGc = new AtomicLong();

    static final AtomicLong peakAfterGc = new AtomicLong();

    public static void main(String[] args) throws Exception {
        watchCollections();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(WorklensApplication.class)
                .run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--SLACK_BASE_URL=" + args[0],
                        "--spring.datasource.url=" + args[1],
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--logging.level.root=WARN");
        Operator op = app.getBean(Operators.class)
                .signedIn(
                        new Operators.SlackIdentity(
                                args[2],
                                args[3],
                                args[3],
                                null,
                                SyntheticWorkspace.TEAM_ID,
                                SyntheticWorkspace.TEAM_NAME),
                        FakeSlackApi.TOKEN,
                        "channels:history,channels:read,groups:history,groups:read,users:read,usergroups:read");
        app.getBean(Roster.class)
                .importPeople(op.id(), app.getBean(WorkspaceDirectory.class).people(op));
        System.gc();
        long baseline = heapUsed();
        peakBeforeGc.set(0);
        peakAfterGc.set(0);
        pools().forEach(MemoryPoolMXBean::resetPeakUsage);

        String base = "http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        String key = app.getBean(Settings.class).app().internalApiKey();
        var http = HttpClient.newHttpClient();
        String body = SlackWorkspaceBench.JSON.writeValueAsString(Map.of(
                "operator", args[2], "members", "all", "sources", List.of("slack"), "from", args[4], "to", args[5]));
        long t0 = System.nanoTime();
        JsonNode job = send(
                http,
                key,
                HttpRequest.newBuilder(URI.create(base + "/api/syncs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        long id = job.path("id").asLong();
        String state;
        long items;
        do {
            Thread.sleep(200);
            job = send(
                    http,
                    key,
                    HttpRequest.newBuilder(URI.create(base + "/api/syncs/" + id))
                            .GET());
            state = job.path("state").asString();
            items = 0;
            for (JsonNode task : job.path("tasks").values()) {
                items += task.path("items").asLong();
            }
        } while (state.equals("queued") || state.equals("running"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        var jdbc = app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        long messages = jdbc.sql("SELECT COUNT(*) FROM slack_messages")
                .query(Long.class)
                .single();
        long units =
                jdbc.sql("SELECT COUNT(*) FROM work_units").query(Long.class).single();
        long poolPeaks =
                pools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "PROBE state=%s seconds=%.1f items=%d messages=%d units=%d max_heap_mb=%d baseline_mb=%d"
                        + " peak_before_gc_mb=%d peak_after_gc_mb=%d pool_peaks_sum_mb=%d gcs=%d%n",
                state,
                seconds,
                items,
                messages,
                units,
                Runtime.getRuntime().maxMemory() >> 20,
                baseline >> 20,
                peakBeforeGc.get() >> 20,
                peakAfterGc.get() >> 20,
                poolPeaks >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                        .sum());
        app.close();
        System.exit(state.equals("succeeded") ? 0 : 2);
    }

    private static JsonNode send(HttpClient http, String key, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                http.send(request.header("X-Internal-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("the API answered " + response.statusCode() + ": " + response.body());
        }
        return SlackWorkspaceBench.JSON.readTree(response.body());
    }

    private static List<MemoryPoolMXBean> pools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void watchCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                peakBeforeGc.accumulateAndGet(
                                        sum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
                                peakAfterGc.accumulateAndGet(
                                        sum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
                            },
                            null,
                            null);
        }
    }

    /** Heap pools only (G1 Eden, Survivor, Old Gen); Metaspace and code cache are not heap. */
    private static long sum(Map<String, MemoryUsage> usage) {
        List<String> heap = pools().stream().map(MemoryPoolMXBean::getName).toList();
        return usage.entrySet().stream()
                .filter(e -> heap.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed())
                .sum();
    }
}
