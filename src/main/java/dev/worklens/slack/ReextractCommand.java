package dev.worklens.slack;

import dev.worklens.slack.ingest.Reextraction;
import dev.worklens.system.HeadlessCommand;
import java.io.PrintStream;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code java -jar worklens.jar reextract}: derives Slack work units again from the stored raw
 * payloads, never calling Slack, and exits. Exit 0 when it ran, 1 when it failed, 2 when the
 * application could not start.
 */
public final class ReextractCommand {

    public static final String NAME = "reextract";

    private ReextractCommand() {}

    public static int run(SpringApplicationBuilder app, PrintStream out, PrintStream err, String... args) {
        // the command is the re-extraction: the start-up one would run it a second time
        String[] overrides = {"--worklens.reextract-on-start=false"};
        return HeadlessCommand.run(NAME, app, out, err, args, overrides, (context, o, e) -> {
            var result = context.getBean(Reextraction.class).run();
            o.printf(
                    "reextract: %d stored messages, %d work units, %.1f s (%.0f messages/s)%n",
                    result.messages(),
                    result.workUnits(),
                    result.seconds(),
                    result.seconds() > 0 ? result.messages() / result.seconds() : 0.0);
            return 0;
        });
    }
}
