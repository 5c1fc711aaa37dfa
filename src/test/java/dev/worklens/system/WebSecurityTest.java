package dev.worklens.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@DisplayName("Web security")
class WebSecurityTest {

    @Nested
    @WorklensTest
    @TestPropertySource(properties = "CORS_ORIGINS=https://dash.example.com")
    @DisplayName("in local sign-in mode")
    class Local {

        @Autowired
        MockMvc mvc;

        @Test
        @DisplayName("forms without a CSRF token are refused and change nothing")
        void csrfEnforced() throws Exception {
            mvc.perform(post("/team/members").param("displayName", "Eve")).andExpect(status().isForbidden());
            mvc.perform(post("/team/members").param("displayName", "Eve").with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }

        @Test
        @DisplayName("pages render for the local operator")
        void pages() throws Exception {
            mvc.perform(get("/team")).andExpect(status().isOk());
            mvc.perform(get("/connect")).andExpect(status().isOk());
        }

        @Test
        @DisplayName("a Host that is not a loopback name (DNS rebinding) or a proxy header is refused")
        void loopbackOnly() throws Exception {
            mvc.perform(get("/team").header("Host", "rebind.attacker.example")).andExpect(status().isForbidden());
            mvc.perform(get("/api/health").header("Host", "rebind.attacker.example:8080"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/team").header("X-Forwarded-For", "203.0.113.9")).andExpect(status().isForbidden());
            mvc.perform(get("/team").header("Forwarded", "for=203.0.113.9")).andExpect(status().isForbidden());
            mvc.perform(get("/team").header("Host", "localhost:8080")).andExpect(status().isOk());
            mvc.perform(get("/team").header("Host", "127.0.0.1:8080")).andExpect(status().isOk());
            mvc.perform(get("/team").header("Host", "[::1]:8080")).andExpect(status().isOk());
        }

        @Test
        @DisplayName("CORS allows only the configured origins")
        void cors() throws Exception {
            mvc.perform(options("/api/members")
                            .header("Origin", "https://dash.example.com")
                            .header("Access-Control-Request-Method", "GET"))
                    .andExpect(header().string("Access-Control-Allow-Origin", "https://dash.example.com"));
            // a preflight from another origin is refused like any call without the key
            mvc.perform(options("/api/members")
                            .header("Origin", "https://evil.example.com")
                            .header("Access-Control-Request-Method", "GET"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        }
    }

    @Nested
    @WorklensTest
    @TestPropertySource(properties = {"SLACK_CLIENT_ID=1.2", "SLACK_CLIENT_SECRET=s", "BIND_ADDRESS=127.0.0.1"})
    @DisplayName("in Slack sign-in mode")
    class SlackMode {

        @Autowired
        MockMvc mvc;

        @Test
        @DisplayName("pages send an anonymous browser to Sign in with Slack")
        void anonymous() throws Exception {
            mvc.perform(get("/team"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/auth/slack/start"));
            mvc.perform(get("/reports")).andExpect(status().is3xxRedirection());
        }
    }
}
