package dev.worklens.reliability;

import static org.awaitility.Awaitility.await;

import dev.worklens.WorklensApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Worklens as a real operating-system process on the test's class path, so a test can kill it the
 * way a crash, an OOM kill or a pulled plug does: no shutdown hook, no clean close, no last write.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path output;

    private ChildProcess(Process process, int port, Path output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    static ChildProcess start(List<String> arguments) {
        try {
            int port = freePort();
            Path output = Files.createTempFile("worklens-child-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    WorklensApplication.class.getName()));
            command.addAll(arguments);
            command.add("--server.port=" + port);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            var child = new ChildProcess(process, port, output);
            var api = child.api();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the Worklens process ended at start-up:\n" + child.log());
                        }
                        try {
                            return api.send("GET", "/api/health", null, null).status() == 200;
                        } catch (UncheckedIOException notYet) {
                            return false;
                        }
                    });
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SyncApi api() {
        return new SyncApi(port);
    }

    /** Kills the process at once (SIGKILL): nothing in it gets to run another line. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Worklens process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
