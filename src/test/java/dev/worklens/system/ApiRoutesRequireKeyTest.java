package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.worklens.support.WorklensTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enumerates every /api route the application maps, so a route added later cannot slip past the
 * key check unnoticed.
 */
@DisplayName("Every /api route needs X-Internal-Key")
class ApiRoutesRequireKeyTest {

    record Route(HttpMethod method, String path) {}

    static List<Route> apiRoutes(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.equals("/api/health")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, path));
                }
                for (RequestMethod m : methods) {
                    routes.add(new Route(HttpMethod.valueOf(m.name()), path));
                }
            }
        });
        return routes;
    }

    static void assertAllRefused(MockMvc mvc, List<Route> routes, String key) throws Exception {
        for (Route route : routes) {
            var builder = request(route.method(), route.path())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}");
            if (key != null) {
                builder.header("X-Internal-Key", key);
            }
            int status = mvc.perform(builder).andReturn().getResponse().getStatus();
            assertThat(status).as(route.method() + " " + route.path()).isEqualTo(401);
        }
    }

    @Nested
    @WorklensTest
    @DisplayName("with a key configured")
    class Configured {

        @Autowired
        MockMvc mvc;

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mapping;

        @Test
        @DisplayName("refuses a missing or wrong key on every route")
        void refused() throws Exception {
            List<Route> routes = apiRoutes(mapping);
            assertThat(routes).extracting(Route::path).contains("/api/members", "/api/operators");
            assertAllRefused(mvc, routes, null);
            assertAllRefused(mvc, routes, "wrong-key-of-some-length");
            assertAllRefused(mvc, routes, "test-internal-key-012"); // a prefix of the real key
        }
    }

    @Nested
    @WorklensTest
    @TestPropertySource(properties = "INTERNAL_API_KEY=")
    @DisplayName("with no key configured")
    class Unset {

        @Autowired
        MockMvc mvc;

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping mapping;

        @Test
        @DisplayName("refuses every call, whatever key is sent")
        void refusedAll() throws Exception {
            List<Route> routes = apiRoutes(mapping);
            assertAllRefused(mvc, routes, null);
            assertAllRefused(mvc, routes, "");
            assertAllRefused(mvc, routes, "test-internal-key-0123");
        }
    }
}
