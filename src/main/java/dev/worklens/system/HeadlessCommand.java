package dev.worklens.system;

import java.io.PrintStream;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the application for one command-line task ({@code sync-due}, {@code reextract}) and exits:
 * no web server and no job poller start, so the process takes no other instance's work, and
 * stdout carries the command's own lines only (errors still show). Exit 2 when the application
 * could not start (settings, database), 1 when the task threw, else what the task returns.
 */
public final class HeadlessCommand {

    /** The task itself, given the started application; returns the exit code. */
    @FunctionalInterface
    public interface Task {
        int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err);
    }

    private HeadlessCommand() {}

    /**
     * @param extraOverrides further {@code --key=value} settings the command needs on top of the
     *     headless ones
     */
    public static int run(
            String name,
            SpringApplicationBuilder app,
            PrintStream out,
            PrintStream err,
            String[] args,
            String[] extraOverrides,
            Task task) {
        String[] withOverrides = Stream.of(
                        Stream.of(args),
                        Stream.of(
                                "--spring.main.web-application-type=none",
                                "--db-scheduler.enabled=false",
                                "--spring.main.log-startup-info=false",
                                "--logging.level.root=ERROR",
                                "--logging.level.dev.worklens=ERROR"),
                        Stream.of(extraOverrides))
                .flatMap(s -> s)
                .toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = app.run(withOverrides);
        } catch (RuntimeException e) {
            err.println(name + ": the application could not start: " + rootMessage(e));
            return 2;
        }
        try (context) {
            return task.run(context, out, err);
        } catch (RuntimeException e) {
            err.println(name + ": " + rootMessage(e));
            return 1;
        }
    }

    /** The first line of the innermost cause: what a person can act on, without the wrapping. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
