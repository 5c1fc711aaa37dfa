package dev.worklens;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorklensApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorklensApplication.class, args);
    }
}
