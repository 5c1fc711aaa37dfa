package dev.worklens.slack;

import dev.worklens.slack.ingest.Reextraction;
import java.io.PrintStream;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar worklens.jar reextract}: derives Slack work units again from the stored raw
 * payloads, never calling Slack, and exits. Exit 0 when it ran, 1 when it failed, 2 when the
 * application could not start.
 */
public final class ReextractCommand {

    public static final String NAME = "reextract";

    private ReextractCommand() {}

    public static int run(SpringApplicationBuilder app, PrintStream out, PrintStream err, String... args) {
        String[] withOverrides = Stream.concat(
                        Stream.of(args),
                        Stream.of(
                                "--spring.main.web-application-type=none",
                                "--db-scheduler.enabled=false",
                                "--worklens.reextract-on-start=false",
                                "--spring.main.log-startup-info=false",
                                "--logging.level.root=ERROR",
                                "--logging.level.dev.worklens=ERROR"))
                .toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = app.run(withOverrides);
        } catch (RuntimeException e) {
            err.println("reextract: the application could not start: " + e.getMessage());
            return 2;
        }
        try (context) {
            var result = context.getBean(Reextraction.class).run();
            out.printf(
                    "reextract: %d stored messages, %d work units, %.1f s (%.0f messages/s)%n",
                    result.messages(),
                    result.workUnits(),
                    result.seconds(),
                    result.seconds() > 0 ? result.messages() / result.seconds() : 0.0);
            return 0;
        } catch (RuntimeException e) {
            err.println("reextract: " + e.getMessage());
            return 1;
        }
    }
}
