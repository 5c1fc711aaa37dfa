package dev.worklens.slack;

import dev.worklens.demo.FakeSlackApi;
import dev.worklens.sync.Source;
import dev.worklens.sync.SyncRange;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Slack tests that run the application: the fake Slack, virtual time and the movable
 * clock, declared once here so every such class shares one Spring context per database.
 */
@Import(SlackTestSupport.Beans.class)
abstract class SlackSpringTest {

    static final FakeSlackApi fake = SlackTestSupport.FAKE;

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        SlackTestSupport.properties(registry);
    }

    @Autowired
    List<Source> sources;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    JdbcClient jdbc;

    Source slack() {
        return sources.stream().filter(s -> s.id().equals("slack")).findFirst().orElseThrow();
    }

    Operator signedInOperator() {
        return operators.signedIn(
                new Operators.SlackIdentity("U0OLIVIA", "olivia", "Olivia Op", null, "T1", "Acme"),
                FakeSlackApi.TOKEN,
                "channels:history");
    }

    Member member(Operator operator, String slackId, String display, String real) {
        return roster.add(operator.id(), new MemberFields(slackId, display, real, null, null))
                .member();
    }

    TestSourceRun sync(Operator operator, SyncRange range, Member... members) throws Exception {
        var run = new TestSourceRun(operators.find(operator.id()).orElseThrow(), range, List.of(members));
        slack().run(run);
        return run;
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
