package dev.worklens;

import dev.worklens.sync.SyncDueCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class WorklensApplication {

    public static void main(String[] args) {
        if (args.length > 0 && SyncDueCommand.NAME.equals(args[0])) {
            // a one-shot command for an external cron: no web server, exits with the outcome
            System.exit(SyncDueCommand.run(
                    new SpringApplicationBuilder(WorklensApplication.class),
                    System.out,
                    System.err,
                    Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(WorklensApplication.class, args);
    }
}
