package dev.worklens.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP server on loopback that stands in for a third-party API (the demo's Slack and
 * GitHub, and the benchmarks'). It counts calls per method, can add latency, and can enforce a
 * per-method rate limit the way the real APIs do: a 429 with {@code Retry-After}.
 */
public abstract class FakeApiServer implements AutoCloseable {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, Integer> limitsPerMinute = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Duration latency = Duration.ZERO;
    private volatile double rateLimitScale = 1.0;
    private volatile Faults faults = Faults.NONE;
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final AtomicLong burstLeft = new AtomicLong();
    private final java.util.Queue<Call> log = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<String, java.util.Queue<Fault>> scripted = new ConcurrentHashMap<>();
    private volatile long retryAfterSeconds = 1;

    /**
     * One answered call: when it arrived (on this server's clock), its status, and the
     * {@code Retry-After} seconds it asked for (0 when none), so tests can check every wait was kept.
     */
    public record Call(String method, long arrivedAtMillis, int status, long retryAfterSeconds) {}

    static {
        // without TCP_NODELAY the JDK server's small answers wait out the client's delayed ACK
        // (about 40 ms a call), which would dwarf the latency the fake is meant to simulate
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    protected FakeApiServer(Clock clock) {
        this.clock = clock;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            var t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
    }

    FakeApiServer listen() {
        server.start();
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every call waits this long before it is answered, like a real network round trip. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** Allows at most {@code perMinute} calls of a method per minute (scaled by {@link #timeScale}). */
    public void rateLimit(String method, int perMinute) {
        limitsPerMinute.put(method, perMinute);
    }

    /** Shrinks the rate-limit window (0.1 = a six-second "minute"), so benchmarks finish sooner. */
    public void timeScale(double scale) {
        this.rateLimitScale = scale;
    }

    /**
     * Injects faults into the answers, the way real networks and APIs misbehave; a seeded random
     * makes a run repeatable. Counts of what was injected are in {@link #injectedFaults()}.
     *
     * @param serverErrors share of calls answered 500/502/503
     * @param drops share of calls whose connection is closed without an answer
     * @param slow share of calls answered after {@code slowBy}
     * @param bursts share of calls that start a burst of {@code burstLength} rate-limited answers
     */
    public record Faults(
            double serverErrors,
            double drops,
            double slow,
            Duration slowBy,
            double bursts,
            int burstLength,
            long seed) {
        public static final Faults NONE = new Faults(0, 0, 0, Duration.ZERO, 0, 0, 1);
    }

    public void faults(Faults faults) {
        this.faults = faults;
        this.random = new java.util.Random(faults.seed());
    }

    /** A fault a test scripts for the next calls of one method, in order. */
    public enum Fault {
        RATE_LIMITED,
        SERVER_ERROR,
        DROP
    }

    /** The next calls of {@code method} fail in this order, before any other fault or limit applies. */
    public void script(String method, Fault... faults) {
        scripted.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                .addAll(java.util.List.of(faults));
    }

    /** The {@code Retry-After} that scripted and injected rate limits ask for (1 s unless set). */
    public void retryAfterSeconds(long seconds) {
        this.retryAfterSeconds = seconds;
    }

    /** Forgets scripted faults and injected-fault settings. */
    public void clearFaults() {
        scripted.clear();
        faults(Faults.NONE);
        burstLeft.set(0);
    }

    public Map<String, Long> injectedFaults() {
        Map<String, Long> copy = new LinkedHashMap<>();
        injected.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private java.util.Random random = new java.util.Random(1);

    private synchronized String drawFault(String method) {
        var queue = scripted.get(method);
        Fault next = queue == null ? null : queue.poll();
        if (next != null) {
            return switch (next) {
                case RATE_LIMITED -> "rate_limited";
                case SERVER_ERROR -> "server_error";
                case DROP -> "dropped";
            };
        }
        Faults f = faults;
        if (f == Faults.NONE) {
            return null;
        }
        if (burstLeft.get() > 0) {
            burstLeft.decrementAndGet();
            return "rate_limited";
        }
        double roll = random.nextDouble();
        if ((roll -= f.serverErrors()) < 0) {
            return "server_error";
        }
        if ((roll -= f.drops()) < 0) {
            return "dropped";
        }
        if ((roll -= f.slow()) < 0) {
            return "slow";
        }
        if ((roll -= f.bursts()) < 0) {
            burstLeft.set(Math.max(0, f.burstLength() - 1));
            return "rate_limited";
        }
        return null;
    }

    public long calls(String method) {
        LongAdder adder = calls.get(method);
        return adder == null ? 0 : adder.sum();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> callsByMethod() {
        Map<String, Long> copy = new LinkedHashMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Calls of a method answered "rate limited" by {@link #rateLimit} (they are in {@link #calls} too). */
    public long refusedCalls(String method) {
        LongAdder adder = refused.get(method);
        return adder == null ? 0 : adder.sum();
    }

    public void resetCounts() {
        calls.clear();
        log.clear();
        refused.clear();
    }

    /** Every call since the start or the last {@link #resetCounts()}, in the order they were answered. */
    public java.util.List<Call> callLog() {
        return java.util.List.copyOf(log);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The name calls are counted and limited under, e.g. {@code conversations.history}. */
    protected abstract String methodOf(HttpExchange exchange);

    protected abstract Answer answer(HttpExchange exchange, String method, Map<String, String> params)
            throws IOException;

    protected record Answer(int status, Map<String, String> headers, Object body) {
        /** Not an answer: the connection is closed unanswered, as a dropped network connection. */
        static final Answer DROPPED = new Answer(0, Map.of(), null);

        static Answer json(Object body) {
            return new Answer(200, Map.of(), body);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = methodOf(exchange);
            long arrived = clock.millis();
            exchange.setAttribute(CALL_ARRIVED, new Object[] {method, arrived});
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
            pause(latency);
            String fault = drawFault(method);
            if (fault != null) {
                injected.computeIfAbsent(fault, k -> new LongAdder()).increment();
                switch (fault) {
                    case "server_error" -> {
                        int status = new int[] {500, 502, 503}[(int) (calls(method) % 3)];
                        write(exchange, serverError(method, status));
                        return;
                    }
                    case "dropped" -> {
                        log.add(new Call(method, arrived, 0, 0));
                        return; // closing the exchange unanswered drops the connection
                    }
                    case "rate_limited" -> {
                        write(exchange, rateLimited(method, retryAfterSeconds));
                        return;
                    }
                    default -> pause(faults.slowBy());
                }
            }
            Integer limit = limitsPerMinute.get(method);
            if (limit != null) {
                long retryAfter =
                        windows.computeIfAbsent(method, m -> new Window()).admit(limit);
                if (retryAfter > 0) {
                    refused.computeIfAbsent(method, m -> new LongAdder()).increment();
                    write(exchange, rateLimited(method, retryAfter));
                    return;
                }
            }
            write(exchange, answer(exchange, method, params(exchange)));
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The answer an injected server error gets: the status alone unless the API says more. */
    protected Answer serverError(String method, int status) {
        return new Answer(status, Map.of(), null);
    }

    /** The answer a rate-limited call gets; Slack and GitHub each spell it their way. */
    protected abstract Answer rateLimited(String method, long retryAfterSeconds);

    private static final String CALL_ARRIVED = "worklens.fake.arrived";

    private void write(HttpExchange exchange, Answer answer) throws IOException {
        if (answer == Answer.DROPPED) {
            if (exchange.getAttribute(CALL_ARRIVED) instanceof Object[] arrival) {
                log.add(new Call((String) arrival[0], (Long) arrival[1], 0, 0));
            }
            return; // closing the exchange unanswered drops the connection
        }
        if (exchange.getAttribute(CALL_ARRIVED) instanceof Object[] arrival) {
            String retryAfter = answer.headers()
                    .getOrDefault("Retry-After", answer.headers().get("retry-after"));
            log.add(new Call(
                    (String) arrival[0],
                    (Long) arrival[1],
                    answer.status(),
                    retryAfter == null ? 0 : Long.parseLong(retryAfter)));
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (answer.status() == 302 || answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = answer.body() instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(answer.body());
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            parseForm(new String(body, StandardCharsets.UTF_8), params);
        } else if (body.length > 0) {
            params.put("__body", new String(body, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }

    /** A fixed one-minute window per method, as Slack documents its tiers. */
    private final class Window {
        private long windowStart;
        private final AtomicLong count = new AtomicLong();

        synchronized long admit(int limit) {
            long now = clock.millis();
            long length = Math.max(1, (long) (60_000 * rateLimitScale));
            if (now - windowStart >= length) {
                windowStart = now;
                count.set(0);
            }
            if (count.incrementAndGet() <= limit) {
                return 0;
            }
            long waitMillis = windowStart + length - now;
            return Math.max(1, (waitMillis + 999) / 1000);
        }
    }
}
