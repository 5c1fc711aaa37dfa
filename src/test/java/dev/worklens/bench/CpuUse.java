package dev.worklens.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU seconds a benchmark step used, in this JVM and in the PostgreSQL server it talks to (every
 * process of that server, read from Linux's /proc). On a machine other work shares, wall time
 * varies from run to run while CPU time hardly does, so it shows whether a change made the work
 * smaller; on two cores a step cannot take less wall time than half its CPU time.
 */
final class CpuUse {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long serverPid;
    private final long jvmNanos;
    private final long serverTicks;

    private CpuUse(long serverPid) {
        this.serverPid = serverPid;
        this.jvmNanos = jvmNanos();
        this.serverTicks = serverTicks(serverPid);
    }

    /** Starts counting; the server is found from a connection's backend process. */
    static CpuUse start(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return new CpuUse(parent(rs.getLong(1)));
        }
    }

    void print() {
        double jvm = (jvmNanos() - jvmNanos) / 1e9;
        double server = serverPid < 0 ? Double.NaN : (serverTicks(serverPid) - serverTicks) / TICKS_PER_SECOND;
        System.out.printf(
                Locale.ROOT,
                "%-42s CPU: this JVM %.2f s, PostgreSQL %.2f s, together %.2f s%n",
                "",
                jvm,
                server,
                jvm + server);
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The postmaster: the backend's parent. -1 where /proc cannot tell (not Linux). */
    private static long parent(long pid) {
        String[] stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[1]);
    }

    /** User and system ticks of the server and every process it started, living now. */
    private static long serverTicks(long postmaster) {
        if (postmaster < 0) {
            return 0;
        }
        long ticks = ticks(stat(postmaster));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] stat = stat(Long.parseLong(name));
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        ticks += ticks(stat);
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    private static long ticks(String[] stat) {
        // fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
        return stat == null
                ? 0
                : Long.parseLong(stat[11])
                        + Long.parseLong(stat[12])
                        + Long.parseLong(stat[13])
                        + Long.parseLong(stat[14]);
    }

    /** /proc/PID/stat's fields after the command name, or null. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
