package dev.worklens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.demo.SyntheticWorkspace;
import dev.worklens.support.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, figure 7: the peak heap of a sync of about 400,000 Slack messages, measured in a child
 * JVM started with {@code -Xmx512m} (the whole application, on PostgreSQL), against a stand-in
 * Slack served from this process, so the fake's data is not on the measured heap.
 *
 * <pre>
 * ./mvnw -o -Pbench test -Dtest=SlackHeapBenchmark -Dbench.heap.messages=400000 -Dbench.heap.xmx=512m
 * </pre>
 */
@Tag("benchmark")
@DisplayName("Slack sync heap benchmark (child JVM, -Xmx512m)")
class SlackHeapBenchmark {

    static final int MESSAGES = Integer.getInteger("bench.heap.messages", 400_000);
    static final String XMX = System.getProperty("bench.heap.xmx", "512m");
    static final int DAYS = 120;
    static final int MEMBERS = 20;
    static final int THREAD_EVERY = 50;

    @Test
    @DisplayName("a sync of 400,000 messages succeeds in 512 MB of heap; peak heap printed")
    void peakHeap() throws Exception {
        // 7 discussion channels get perMemberDay x people / 7 messages a weekday; threads are rare so
        // the messages are mostly history pages (the heavy path) rather than replies calls
        double weekdays = DAYS * 5 / 7.0;
        double perMemberDay = MESSAGES / (weekdays * 7 * (MEMBERS + 1) / 7.0 * 1.08);
        var spec = SlackWorkspaceBench.spec(MEMBERS, 8, DAYS, perMemberDay, THREAD_EVERY, 11);
        var workspace = SyntheticWorkspace.generate(spec);
        LocalDate to = spec.lastDay();
        LocalDate from = to.minusDays(DAYS - 15L); // + the 14-day thread look-back = all the data
        try (var fake = FakeSlackApi.start(workspace, Clock.systemUTC())) {
            String url = PostgresServer.newDatabaseUrl();
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + XMX,
                    "-XX:+UseG1GC",
                    "-cp",
                    classpath,
                    SlackHeapProbe.class.getName(),
                    fake.baseUrl().toString(),
                    url,
                    workspace.manager().userId(),
                    workspace.manager().realName(),
                    from.toString(),
                    to.toString()));
            System.out.printf(
                    "%nheap benchmark: %,d messages in %d channels (threads: one message in %d), range %s..%s,"
                            + " child JVM -Xmx%s syncing the manager + %d members on PostgreSQL%n",
                    workspace.messageCount(), workspace.channels().size(), THREAD_EVERY, from, to, XMX, MEMBERS);
            Process child =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String probe = null;
            try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("PROBE ")) {
                        probe = line;
                    } else if (line.contains("OutOfMemoryError") || line.contains("ERROR")) {
                        System.out.println("child: " + line);
                    }
                }
            }
            assertThat(child.waitFor(30, TimeUnit.MINUTES)).isTrue();
            System.out.println("child: " + probe);
            System.out.printf(
                    "fake Slack calls: %s; child exit %d (0 = the sync succeeded within -Xmx%s; target peak <= 512 MB)%n",
                    fake.callsByMethod(), child.exitValue(), XMX);
            assertThat(probe).isNotNull().contains("state=succeeded");
            assertThat(child.exitValue()).isZero();
        }
    }
}
