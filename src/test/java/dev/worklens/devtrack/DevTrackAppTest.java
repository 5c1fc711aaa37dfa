package dev.worklens.devtrack;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.worklens.devtrack.sheet.SheetsGateway;
import dev.worklens.report.DevTrackLookup;
import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application against one fake Notion and Google server, shared by the dev-track app tests so
 * they share one Spring context. U0ADMIN is named in WORKLENS_ADMINS.
 */
@WorklensTest
@Import(FakeServicesServer.NoWaiting.class)
abstract class DevTrackAppTest {

    static final WireMockServer FAKE = FakeServicesServer.started();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FakeServicesServer.register(registry, FAKE);
        registry.add("REPORT_TIMEZONE", () -> "Asia/Ho_Chi_Minh");
        registry.add("WORKLENS_ADMINS", () -> "U0ADMIN");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    DevTrackLookup lookup;

    @Autowired
    SheetsGateway sheets;

    ApiClient api;
    Member don;
    long operatorId;

    @BeforeEach
    void setUp() {
        DevTrackScenario.stub(FAKE);
        sheets.freshBook(); // the panel reads through the minute-long cache: start each test from this fixture
        api = new ApiClient(mvc);
        jdbc.sql("DELETE FROM devtrack_previews").update();
        jdbc.sql("DELETE FROM members").update();
        jdbc.sql("DELETE FROM operators").update();
        var operator = operators.signedIn(
                new Operators.SlackIdentity("U0MANAGER", "Mia Manager", "Mia Manager", "mia@example.com", "T1", "Acme"),
                "xoxp-token",
                "channels:history");
        operatorId = operator.id();
        don = roster.add(operatorId, new MemberFields(null, "Don", "Don Vo", "don.vo@example.com", null))
                .member();
        roster.add(operatorId, new MemberFields(null, "Lan Tran", null, "lan@example.com", null));
    }

    String preview() throws Exception {
        String body = api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\"}")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    /** The operator web pages sign in as under AUTH_MODE=local, with Don and Lan on their roster. */
    long localOperatorWithTeam() {
        long local = operators.local().id();
        roster.add(local, new MemberFields(null, "Don", "Don Vo", "don.vo@example.com", null));
        roster.add(local, new MemberFields(null, "Lan Tran", null, "lan@example.com", null));
        return local;
    }
}
