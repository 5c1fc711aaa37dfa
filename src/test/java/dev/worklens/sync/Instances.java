package dev.worklens.sync;

import dev.worklens.WorklensApplication;
import dev.worklens.activity.WorkUnits;
import dev.worklens.sync.engine.JobRequest;
import dev.worklens.sync.engine.SyncJobs;
import dev.worklens.sync.engine.SyncRequests;
import dev.worklens.sync.engine.SyncStarter;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whole Worklens instances started by a test on a database it chooses, as separate servers would be. */
final class Instances {

    private Instances() {}

    static ConfigurableApplicationContext start(String url, String user, String password, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--worklens.sync.progress-interval=50ms"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(WorklensApplication.class, TestSources.class)
                .run(args.toArray(String[]::new));
    }

    static String h2File(java.nio.file.Path dir) {
        return "jdbc:h2:file:" + dir.resolve("worklens")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    static ScriptedSource slack(ConfigurableApplicationContext c) {
        return c.getBean("scriptedSlack", ScriptedSource.class);
    }

    static ScriptedSource github(ConfigurableApplicationContext c) {
        return c.getBean("scriptedGithub", ScriptedSource.class);
    }

    static JdbcClient jdbc(ConfigurableApplicationContext c) {
        return c.getBean(JdbcClient.class);
    }

    static SyncJobs jobs(ConfigurableApplicationContext c) {
        return c.getBean(SyncJobs.class);
    }

    /** Makes the local operator with {@code n} members on this instance's database. */
    static void team(ConfigurableApplicationContext c, int n) {
        new SyncFixture(null, jdbc(c), c.getBean(Operators.class), c.getBean(Roster.class)).team(n);
    }

    static long start(ConfigurableApplicationContext c, String members, String... sources) {
        var operator = c.getBean(Operators.class).local();
        JobRequest request = c.getBean(SyncRequests.class)
                .request(operator, members, Stream.of(sources).toList(), null, null, null);
        return c.getBean(SyncStarter.class).start(request);
    }

    static String state(ConfigurableApplicationContext c, long job) {
        return jdbc(c).sql("SELECT state FROM sync_jobs WHERE id = ?")
                .param(job)
                .query(String.class)
                .single();
    }

    static long workUnits(ConfigurableApplicationContext c) {
        return jdbc(c).sql("SELECT COUNT(*) FROM work_units").query(Long.class).single();
    }

    static WorkUnits units(ConfigurableApplicationContext c) {
        return c.getBean(WorkUnits.class);
    }
}
