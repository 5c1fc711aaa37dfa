package dev.worklens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorklensApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            SpringApplication.run(
                    WorklensApplication.class,
                    dev.worklens.demo.DemoCommand.arguments(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        SpringApplication.run(WorklensApplication.class, args);
    }
}
