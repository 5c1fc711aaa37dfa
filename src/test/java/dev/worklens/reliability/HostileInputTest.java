package dev.worklens.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.worklens.WorklensApplication;
import dev.worklens.support.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Throws generated hostile input at every route the application maps — JSON API and web forms
 * alike, enumerated from the running application so new routes are covered without editing this
 * test. Whatever arrives, the answer is never a 500 and never carries a stack trace, and a refused
 * request leaves the stored rows as they were.
 */
class HostileInputTest {

    /** Tables that request handlers write directly; background syncs never change their contents. */
    private static final List<String> GUARDED_TABLES =
            List.of("operators", "members", "app_settings", "sync_schedules", "devtrack_previews");

    private static ConfigurableApplicationContext app;
    private static MockMvc mvc;
    private static JdbcTemplate jdbc;
    private static List<Route> routes;

    record Route(HttpMethod method, String pattern, boolean api) {}

    record Call(Route route, String pathValue, Map<String, String> query, String body) {}

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(WorklensApplication.class)
                .profiles("test")
                .properties("db-scheduler.enabled=false")
                .run();
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        jdbc = app.getBean(JdbcTemplate.class);
        routes = enumerate(app.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        seed();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 600)
    void apiRoutesAnswerHostileInputWithA4xxNeverA500(@ForAll("apiCalls") Call call) throws Exception {
        String before = fingerprint();
        MockHttpServletResponse response = perform(call);
        assertSafe(call, response);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .as(response.getStatus() + " " + describe(call))
                    .contains("\"error\"")
                    .contains("\"message\"");
            assertThat(fingerprint())
                    .as("rows changed by refused " + describe(call))
                    .isEqualTo(before);
        }
    }

    @Property(tries = 300)
    void formsAndPagesAnswerHostileInputWithoutA500(@ForAll("webCalls") Call call) throws Exception {
        String before = fingerprint();
        MockHttpServletResponse response = perform(call);
        assertSafe(call, response);
        if (response.getStatus() >= 400) {
            assertThat(fingerprint())
                    .as("rows changed by refused " + describe(call))
                    .isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Call> apiCalls() {
        return calls(routes.stream().filter(Route::api).toList());
    }

    @Provide
    Arbitrary<Call> webCalls() {
        return calls(routes.stream().filter(r -> !r.api()).toList());
    }

    private static Arbitrary<Call> calls(List<Route> candidates) {
        Arbitrary<String> pathValues = Arbitraries.oneOf(
                Arbitraries.of("1", "2", "0", "-1", "999999999", "99999999999999999999", "abc", "1.5", "%20", "null"),
                HostileInput.strings()
                        .map(s ->
                                URLEncoder.encode(s.length() > 200 ? s.substring(0, 200) : s, StandardCharsets.UTF_8)));
        Arbitrary<Map<String, String>> queries = Arbitraries.maps(
                        Arbitraries.of(HostileInput.FIELDS),
                        HostileInput.strings().map(s -> s.length() > 300 ? s.substring(0, 300) : s))
                .ofMaxSize(5);
        return Combinators.combine(Arbitraries.of(candidates), pathValues, queries, HostileInput.bodies())
                .as(Call::new);
    }

    private static MockHttpServletResponse perform(Call call) throws Exception {
        String path = call.route().pattern().replaceAll("\\{[^}]+}", call.pathValue());
        MockHttpServletRequestBuilder builder = request(call.route().method(), path);
        if (call.route().api()) {
            call.query().forEach(builder::queryParam);
            builder.header("X-Internal-Key", ApiClient.KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(call.body());
        } else {
            builder.with(csrf());
            // pages and forms read snake_case and camelCase names alike
            call.query().forEach((k, v) -> {
                builder.param(k, v);
                if (!camel(k).equals(k)) {
                    builder.param(camel(k), v);
                }
            });
        }
        return mvc.perform(builder).andReturn().getResponse();
    }

    private static void assertSafe(Call call, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(describe(call)).isLessThan(500);
        // a marker the request itself carried may come back quoted in a message; any other is a leak
        String sent = call.toString();
        for (String marker : List.of("Exception", "\tat ", "org.springframework.", "java.lang.")) {
            if (!sent.contains(marker)) {
                assertThat(body).as("no exception text in " + describe(call)).doesNotContain(marker);
            }
        }
        if (call.route().api() && response.getStatus() >= 400) {
            // error messages may quote what was sent; as JSON (never HTML) a browser does not run it
            assertThat(response.getContentType()).as(describe(call)).startsWith("application/json");
        } else if (!call.route().api()) {
            assertThat(body).as("escaped in " + describe(call)).doesNotContain("<script>alert(1)</script>");
        }
    }

    private static String fingerprint() {
        var parts = new TreeMap<String, Object>();
        for (String table : GUARDED_TABLES) {
            parts.put(
                    table,
                    jdbc.queryForList("SELECT * FROM " + table).stream()
                            .map(row -> new TreeMap<>(row).toString())
                            .sorted()
                            .toList());
        }
        parts.put("sync_jobs", jdbc.queryForObject("SELECT COUNT(*) FROM sync_jobs", Long.class));
        return parts.toString();
    }

    private static void seed() {
        // a member to edit, and one with a GitHub login, so id-bearing routes meet real rows too;
        // a first page view creates the local operator, which is not a change made by a refused request
        try {
            mvc.perform(request(HttpMethod.GET, "/team")).andReturn();
            mvc.perform(request(HttpMethod.POST, "/api/members")
                            .header("X-Internal-Key", ApiClient.KEY)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"display_name\":\"Ada Lovelace\",\"github_login\":\"ada\"}"))
                    .andReturn();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Route> enumerate(RequestMappingHandlerMapping mapping) {
        List<Route> found = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.startsWith("/auth/sign-out")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                List<RequestMethod> list = methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods);
                for (RequestMethod m : list) {
                    found.add(new Route(HttpMethod.valueOf(m.name()), pattern, pattern.startsWith("/api/")));
                }
            }
        });
        return found;
    }

    private static String camel(String snake) {
        var out = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static String describe(Call call) {
        String body = call.body().length() > 200 ? call.body().substring(0, 200) + "…" : call.body();
        return call.route().method() + " " + call.route().pattern() + " [" + call.pathValue() + "] " + call.query()
                + " " + body;
    }
}
