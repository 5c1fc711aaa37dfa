package dev.worklens.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.system.security.OperatorPrincipal;
import dev.worklens.system.security.SignedInOperators;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A Slack sign-in install behind a TLS-terminating load balancer, with an operator allowlist. */
@WorklensTest
@TestPropertySource(
        properties = {
            "SLACK_CLIENT_ID=1.2",
            "SLACK_CLIENT_SECRET=s",
            "BIND_ADDRESS=127.0.0.1",
            "APP_BASE_URL=https://worklens.example.com",
            "CORS_ORIGINS=https://dash.example.com",
            "WORKLENS_OPERATORS=U0ALLOWED"
        })
@DisplayName("Hardening of a Slack sign-in install")
class HardeningTest {

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry registry) {
        FakeSlackFor.properties(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    long sessionRows() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
    }

    @Test
    @DisplayName(
            "plain HTTP from the load balancer with X-Forwarded-Proto: https gets HSTS and a Secure, HttpOnly, SameSite=Lax cookie")
    void forwardedHttps() throws Exception {
        var response = mvc.perform(get("http://worklens.example.com/auth/slack/start")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "worklens.example.com"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().exists("Strict-Transport-Security"))
                .andReturn()
                .getResponse();
        List<String> cookies = response.getHeaders("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c)
                        .startsWith("SESSION=")
                        .contains("Secure")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        // the same request without the header is plain HTTP: no HSTS on it
        mvc.perform(get("http://worklens.example.com/auth/signed-out"))
                .andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    @DisplayName("10,000 anonymous requests store no session")
    void anonymousRequestsStoreNoSession() throws Exception {
        long before = sessionRows();
        String[] paths = {"/", "/team", "/reports/1", "/sync", "/auth/signed-out", "/api/health", "/css/worklens.css"};
        for (int i = 0; i < 10_000; i++) {
            var response = mvc.perform(get(paths[i % paths.length])).andReturn().getResponse();
            assertThat(response.getHeaders("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        }
        assertThat(sessionRows()).isEqualTo(before);
    }

    /** Stores a session filled by {@code fill}; Spring Session's own session type is not public. */
    static <S extends Session> String store(
            SessionRepository<S> repository, java.util.function.Consumer<Session> fill) {
        S session = repository.createSession();
        fill.accept(session);
        repository.save(session);
        return session.getId();
    }

    @Test
    @DisplayName("expired sessions are purged by the scheduled clean-up")
    void expiredSessionsPurged() {
        store(sessions, session -> {
            session.setMaxInactiveInterval(java.time.Duration.ofSeconds(1));
            session.setLastAccessedTime(Instant.now().minus(1, ChronoUnit.HOURS));
        });
        long before = sessionRows();
        sessions.cleanUpExpiredSessions();
        assertThat(sessionRows()).isEqualTo(before - 1);
    }

    @Test
    @DisplayName("OPTIONS on /api is answered only as a CORS preflight from an allowed origin")
    void optionsOnlyAsPreflight() throws Exception {
        mvc.perform(options("/api/members")
                        .header("Origin", "https://dash.example.com")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://dash.example.com"));
        mvc.perform(options("/api/members")).andExpect(status().isUnauthorized());
        mvc.perform(options("/api/members")
                        .header("Origin", "https://evil.example.com")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("far-away report dates answer 400 with words, not 500")
    void outOfRangeDates() throws Exception {
        var api = new ApiClient(mvc);
        for (String query : List.of(
                "from=2026-01-01&to=+999999999-12-31",
                "from=-999999999-01-01&to=2026-01-01",
                "from=9999-12-01&to=9999-12-31")) {
            api.get("/api/reports/1?" + query).andExpect(status().isBadRequest());
        }
    }

    @Test
    @DisplayName(
            "an operator no longer in WORKLENS_OPERATORS, or signed in 30 days ago, is signed out at the next request")
    void signedOutWhenNoLongerAllowed() throws Exception {
        Operator removed = signedIn("U0REMOVED");
        Operator allowed = signedIn("U0ALLOWED");
        mvc.perform(get("/reports").cookie(session(removed, Instant.now())))
                .andExpect(redirectedUrl("/auth/signed-out?reason=not_admitted"));
        mvc.perform(get("/reports").cookie(session(allowed, Instant.now()))).andExpect(status().isOk());
        mvc.perform(get("/reports").cookie(session(allowed, Instant.now().minus(31, ChronoUnit.DAYS))))
                .andExpect(redirectedUrl("/auth/signed-out?reason=expired"));
        operators.markTokenRevoked(allowed.id());
        mvc.perform(get("/reports").cookie(session(allowed, Instant.now())))
                .andExpect(redirectedUrl("/auth/signed-out?reason=revoked"));
        mvc.perform(get("/auth/signed-out").param("reason", "Call +1 555 0100 now"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("555"))));
    }

    Operator signedIn(String slackId) {
        return operators.signedIn(
                new Operators.SlackIdentity(slackId, slackId, slackId, null, "T1", "Acme"),
                dev.worklens.demo.FakeSlackApi.TOKEN,
                "");
    }

    /** A stored session as Sign in with Slack leaves it, sent back by its cookie. */
    jakarta.servlet.http.Cookie session(Operator operator, Instant signedInAt) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                new OperatorPrincipal(operator.id(), operator.slackUserId(), operator.name()),
                null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
        String id = store(sessions, session -> {
            session.setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(auth));
            session.setAttribute(SignedInOperators.SIGNED_IN_AT, signedInAt);
        });
        return new jakarta.servlet.http.Cookie(
                "SESSION",
                java.util.Base64.getEncoder().encodeToString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
