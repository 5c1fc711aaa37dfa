package dev.worklens;

import dev.worklens.demo.DemoCommand;
import dev.worklens.sync.engine.SyncDueCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class WorklensApplication {

    public static void main(String[] args) {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (args.length > 0 && SyncDueCommand.NAME.equals(args[0])) {
            // a one-shot command for an external cron: no web server, exits with the outcome
            System.exit(SyncDueCommand.run(
                    new SpringApplicationBuilder(WorklensApplication.class), System.out, System.err, rest));
        }
        if (args.length > 0 && args[0].equals("demo")) {
            SpringApplication.run(WorklensApplication.class, DemoCommand.arguments(rest));
            return;
        }
        SpringApplication.run(WorklensApplication.class, args);
    }
}
