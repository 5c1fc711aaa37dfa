package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.sync.schedule.Schedules;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operator;
import dev.worklens.team.OperatorScope;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API route the application maps, called by operator Alice with the ids of
 * operator Bob's member, sync, schedule and dev-track preview: each answers 403 or 404 and shows
 * nothing of Bob's. Routes are read from Spring's handler mapping, so a route added later is
 * checked without changing this test.
 */
@WorklensTest
@TestPropertySource(
        properties = {
            "SLACK_CLIENT_ID=1.2",
            "SLACK_CLIENT_SECRET=s",
            "BIND_ADDRESS=127.0.0.1",
            "WORKLENS_OPERATORS=U0ALICE, U0BOB, U0CARA",
            "WORKLENS_ADMINS=U0CARA"
        })
@DisplayName("A second operator's ids reach nothing")
class SecondOperatorRoutesTest {

    static final String BOB_SECRET = "Zebulon Bobsroster";
    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        FakeSlackFor.properties(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    Schedules schedules;

    @Autowired
    OperatorScope scope;

    @Autowired
    JdbcClient jdbc;

    Operator alice;
    Operator bob;
    Operator cara;
    Member bobMember;
    long bobJob;
    long bobSchedule;
    String bobPreview;

    @BeforeEach
    void setUp() {
        alice = operator("U0ALICE", "Alice");
        bob = operator("U0BOB", "Bob");
        cara = operator("U0CARA", "Cara");
        roster.add(alice.id(), new MemberFields("U0ALICEREPORT", "Amy", null, null, null));
        bobMember = roster.add(bob.id(), new MemberFields("U0BOBREPORT", BOB_SECRET, BOB_SECRET, null, null))
                .member();
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sync_jobs (operator_id, state, members_spec, sources, range_from, range_to,"
                        + " github_mode, created_at) VALUES (?, 'running', 'team', 'slack', ?, ?, 'overview', ?)")
                .params(
                        bob.id(),
                        java.time.LocalDate.parse("2026-11-01"),
                        java.time.LocalDate.parse("2026-11-20"),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        bobJob = key.getKeyAs(Long.class);
        bobSchedule = schedules
                .create(
                        bob.id(),
                        "team",
                        List.of("slack"),
                        "overview",
                        Set.of(DayOfWeek.MONDAY),
                        LocalTime.of(7, 30),
                        ZoneId.of("UTC"),
                        7)
                .id();
        bobPreview = java.util.UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO devtrack_previews (id, operator_id, created_at, payload) VALUES (?, ?, ?, ?)")
                .params(
                        bobPreview,
                        bob.id(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        "{\"id\":\"" + bobPreview + "\",\"created_at\":\"2026-11-20T12:00:00Z\",\"developers\":[]}")
                .update();
    }

    Operator operator(String id, String name) {
        return operators.signedIn(
                new Operators.SlackIdentity(id, name, name, id.toLowerCase() + "@acme.test", "T1", "Acme"),
                dev.worklens.demo.FakeSlackApi.TOKEN,
                "channels:history");
    }

    @Test
    @DisplayName("every route with an id of Bob's answers 403 or 404 to Alice, on pages and on the API")
    void everyRouteWithAnId() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!VARIABLE.matcher(pattern).find() || pattern.startsWith("/auth/")) {
                    continue;
                }
                for (HttpMethod method : methods(info)) {
                    String path = substitute(pattern);
                    var result = mvc.perform(asAlice(request(method, path), path))
                            .andReturn()
                            .getResponse();
                    checked.add(method + " " + path + " → " + result.getStatus());
                    if ((result.getStatus() != 403 && result.getStatus() != 404)
                            || result.getContentAsString().contains(BOB_SECRET)) {
                        leaks.add(method + " " + pattern + " answered " + result.getStatus());
                    }
                }
            }
        }
        assertThat(checked).as("routes with ids exist").hasSizeGreaterThan(10);
        assertThat(leaks)
                .as("routes that let Alice reach Bob's data; checked: %s", checked)
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM members WHERE id = ?")
                        .param(bobMember.id())
                        .query(Long.class)
                        .single())
                .as("Bob's member is still there")
                .isEqualTo(1);
        assertThat(schedules.find(bobSchedule)).isPresent();
    }

    @Test
    @DisplayName("every page and API list Alice reads names nothing of Bob's")
    void everyListWithoutAnId() throws Exception {
        List<String> leaks = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (VARIABLE.matcher(pattern).find()
                        || pattern.startsWith("/auth/")
                        || pattern.startsWith("/error")
                        // the workspace's people as Slack lists them to Alice: no stored data of anyone
                        || pattern.equals("/api/slack/users")
                        || !methods(info).contains(HttpMethod.GET)) {
                    continue;
                }
                var result = mvc.perform(asAlice(request(HttpMethod.GET, pattern), pattern))
                        .andReturn()
                        .getResponse();
                checked.add(pattern + " → " + result.getStatus());
                if (result.getContentAsString().contains(BOB_SECRET) || result.getStatus() >= 500) {
                    leaks.add("GET " + pattern + " answered " + result.getStatus());
                }
            }
        }
        assertThat(checked).anyMatch(c -> c.startsWith("/reports →")).anyMatch(c -> c.startsWith("/api/members →"));
        assertThat(checked)
                .anyMatch(c -> c.startsWith("/sync →"))
                .anyMatch(c -> c.startsWith("/team →"))
                .anyMatch(c -> c.startsWith("/connect →"));
        assertThat(leaks).as("checked: %s", checked).isEmpty();
    }

    @Test
    @DisplayName("ids of Bob's inside a request body are refused too")
    void idsInBodies() throws Exception {
        var api = new ApiClient(mvc);
        assertThat(api.post(
                                "/api/syncs",
                                "{\"operator\":\"U0ALICE\",\"members\":[" + bobMember.id()
                                        + "],\"sources\":[\"slack\"]}")
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isBetween(400, 404);
        assertThat(api.post("/api/devtrack/apply", "{\"operator\":\"U0ALICE\",\"preview_id\":\"" + bobPreview + "\"}")
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(404, 409);
        assertThat(api.post(
                                "/api/schedules",
                                "{\"operator\":\"U0ALICE\",\"members\":[" + bobMember.id()
                                        + "],\"sources\":[\"slack\"],\"days\":[\"MON\"],\"time\":\"07:30\","
                                        + "\"timezone\":\"UTC\",\"range_days\":7}")
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isBetween(400, 404);
        for (String what : List.of("left_channels", "old_logins", "all_slack", "all_github")) {
            for (String dryRun : List.of("true", "false")) {
                assertThat(api.post(
                                        "/api/cleanup/member",
                                        "{\"operator\":\"U0ALICE\",\"member_id\":" + bobMember.id() + ",\"what\":\""
                                                + what + "\",\"dry_run\":" + dryRun + "}")
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as("POST /api/cleanup/member %s dry_run %s", what, dryRun)
                        .isEqualTo(404);
            }
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
                var page = mvc.perform(asAlice(
                                request(method, "/sync/cleanup/member")
                                        .param("member", String.valueOf(bobMember.id()))
                                        .param("what", what),
                                "/sync/cleanup/member"))
                        .andReturn()
                        .getResponse();
                assertThat(page.getStatus())
                        .as("%s /sync/cleanup/member %s", method, what)
                        .isEqualTo(404);
                assertThat(page.getContentAsString()).doesNotContain(BOB_SECRET);
            }
        }
        assertThat(api.post("/api/cleanup/ignored-channels", "{\"operator\":\"U0ALICE\",\"workspace\":true}")
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("Alice cannot set the time zone of Bob's member: 404 as for an unknown id, and the zone stays")
    void timeZoneOfAnotherRoster() throws Exception {
        var api = new ApiClient(mvc);
        api.patch("/api/members/{id}?operator=U0ALICE", "{\"tz\":\"Pacific/Kiritimati\"}", bobMember.id())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.error")
                        .value("not_found"));
        assertThat(roster.find(bobMember.id()).orElseThrow().tz()).isNull();
        api.patch("/api/members/{id}?operator=U0BOB", "{\"tz\":\"Pacific/Kiritimati\"}", bobMember.id())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
        assertThat(roster.find(bobMember.id()).orElseThrow().tz()).isEqualTo("Pacific/Kiritimati");
    }

    @Test
    @DisplayName("an operator named in WORKLENS_ADMINS reaches every roster")
    void adminReachesEveryone() throws Exception {
        assertThat(scope.isAdmin(cara)).isTrue();
        assertThat(scope.isAdmin(alice)).isFalse();
        assertThat(scope.mayActOn(cara, bobMember)).isTrue();
        assertThat(scope.mayActOn(alice, bobMember)).isFalse();
        var api = new ApiClient(mvc);
        assertThat(api.get("/api/reports/{id}?operator=U0CARA&from=2026-11-01&to=2026-11-20", bobMember.id())
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(asOperator(request(HttpMethod.GET, "/reports/" + bobMember.id()), "/reports/x", cara))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    Set<HttpMethod> methods(RequestMappingInfo info) {
        var declared = info.getMethodsCondition().getMethods();
        Set<HttpMethod> out = new java.util.LinkedHashSet<>();
        if (declared.isEmpty()) {
            out.add(HttpMethod.GET);
        }
        declared.forEach(m -> out.add(HttpMethod.valueOf(m.name())));
        return out;
    }

    /** Bob's id for each kind of thing a route names; member ids for anything else. */
    String substitute(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        var out = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start());
            String id;
            if (before.contains("sync") && !before.contains("schedules")) {
                id = String.valueOf(bobJob);
            } else if (before.contains("schedules")) {
                id = String.valueOf(bobSchedule);
            } else if (before.contains("devtrack")) {
                id = bobPreview;
            } else {
                id = String.valueOf(bobMember.id());
            }
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }

    MockHttpServletRequestBuilder asAlice(MockHttpServletRequestBuilder builder, String path) {
        return asOperator(builder, path, alice);
    }

    MockHttpServletRequestBuilder asOperator(MockHttpServletRequestBuilder builder, String path, Operator operator) {
        if (path.startsWith("/api/")) {
            builder.param("from", "2026-11-01").param("to", "2026-11-20");
            return builder.header("X-Internal-Key", ApiClient.KEY)
                    .param("operator", operator.slackUserId())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"operator\":\"" + operator.slackUserId() + "\"}");
        }
        // the dates pages and reports ask for, so a route answers on the id, not on a missing parameter
        builder.param("from", "2026-11-01").param("to", "2026-11-20");
        return builder.with(csrf())
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                        new OperatorPrincipal(operator.id(), operator.slackUserId(), operator.name()),
                        null,
                        List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")))));
    }
}
