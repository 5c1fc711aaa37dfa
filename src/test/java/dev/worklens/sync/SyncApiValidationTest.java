package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@Import(TestSources.class)
@DisplayName("Sync and schedule API validation")
class SyncApiValidationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    ApiClient api;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        api = new ApiClient(mvc);
        new SyncFixture(api, jdbc, operators, roster).team(2);
    }

    void refused(String path, String body, String code, String words) throws Exception {
        api.post(path, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(code))
                .andExpect(jsonPath("$.message").value(containsString(words)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_jobs").query(Long.class).single())
                .isZero();
    }

    @Nested
    @DisplayName("POST /api/syncs answers 400 with words")
    class Syncs {

        @Test
        @DisplayName("for member ids not on the roster, naming them")
        void unknownMembers() throws Exception {
            refused("/api/syncs", "{\"members\":[999999,\"x\"]}", "invalid_members", "999999, x");
        }

        @Test
        @DisplayName("for a members value that is no spec")
        void badMembers() throws Exception {
            refused("/api/syncs", "{\"members\":\"everybody\"}", "invalid_members", "Not members of your roster");
            refused("/api/syncs", "{\"members\":[]}", "invalid_members", "empty");
            refused("/api/syncs", "{\"members\":{\"a\":1}}", "invalid_members", "\"me\", \"team\", \"all\"");
            refused("/api/syncs", "{}", "invalid_members", "Say who to sync");
        }

        @Test
        @DisplayName("for 'to' before 'from', ranges over two years, future and malformed dates")
        void badRanges() throws Exception {
            refused(
                    "/api/syncs",
                    "{\"members\":\"all\",\"from\":\"" + today + "\",\"to\":\"" + today.minusDays(1) + "\"}",
                    "invalid_range",
                    "before");
            refused(
                    "/api/syncs",
                    "{\"members\":\"all\",\"from\":\"" + today.minusDays(3650) + "\"}",
                    "invalid_range",
                    "longer than 3650 days");
            refused(
                    "/api/syncs",
                    "{\"members\":\"all\",\"to\":\"" + today.plusDays(1) + "\"}",
                    "invalid_to",
                    "in the future");
            refused("/api/syncs", "{\"members\":\"all\",\"from\":\"2026-13-01\"}", "invalid_from", "YYYY-MM-DD");
            refused("/api/syncs", "{\"members\":\"all\",\"to\":\"yesterday\"}", "invalid_to", "YYYY-MM-DD");
        }

        @Test
        @DisplayName("for unknown sources and GitHub modes")
        void badSources() throws Exception {
            refused("/api/syncs", "{\"members\":\"all\",\"sources\":[\"jira\"]}", "invalid_sources", "'jira'");
            refused("/api/syncs", "{\"members\":\"all\",\"sources\":[]}", "invalid_sources", "at least one");
            refused("/api/syncs", "{\"members\":\"all\",\"github_mode\":\"all\"}", "invalid_github_mode", "overview");
        }

        @Test
        @DisplayName("defaults to the last 90 days ending today and both sources")
        void defaults() throws Exception {
            api.post("/api/syncs", "{\"members\":\"me\"}")
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.state").value("queued"));
            var job = jdbc.sql("SELECT range_from, range_to, sources, github_mode FROM sync_jobs")
                    .query()
                    .singleRow();
            assertThat(job.get("range_to").toString()).isEqualTo(today.toString());
            assertThat(job.get("range_from").toString())
                    .isEqualTo(today.minusDays(89).toString());
            assertThat(job.get("sources")).isEqualTo("slack,github");
            assertThat(job.get("github_mode")).isEqualTo("overview");
        }

        @Test
        @DisplayName("unknown jobs are 404 and limits are checked")
        void notFound() throws Exception {
            api.get("/api/syncs/{id}", 424242).andExpect(status().isNotFound());
            api.post("/api/syncs/{id}/cancel", "", 424242).andExpect(status().isNotFound());
            api.get("/api/syncs?limit=0").andExpect(status().isBadRequest());
            api.get("/api/syncs?limit=abc").andExpect(status().isBadRequest());
        }
    }

    @Nested
    @DisplayName("POST /api/schedules answers 400 with words")
    class Schedules {

        static final String OK = "\"members\":\"team\",\"sources\":[\"slack\"],\"range_days\":7";

        @Test
        @DisplayName("for zones that are not IANA zones or are fixed offsets")
        void badZones() throws Exception {
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[\"MON\"],\"time\":\"07:30\",\"timezone\":\"Mars/Olympus\"}",
                    "invalid_timezone",
                    "not a time zone");
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[\"MON\"],\"time\":\"07:30\",\"timezone\":\"+07:00\"}",
                    "invalid_timezone",
                    "fixed offset");
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[\"MON\"],\"time\":\"07:30\"}",
                    "invalid_timezone",
                    "required");
        }

        @Test
        @DisplayName("for bad times, days and ranges")
        void badFields() throws Exception {
            String zone = ",\"timezone\":\"Asia/Ho_Chi_Minh\"";
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[\"MON\"],\"time\":\"7.30\"" + zone + "}",
                    "invalid_time",
                    "HH:mm");
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[\"MON\"],\"time\":\"24:00\"" + zone + "}",
                    "invalid_time",
                    "HH:mm");
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[],\"time\":\"07:30\"" + zone + "}",
                    "invalid_days",
                    "at least one");
            refused(
                    "/api/schedules",
                    "{" + OK + ",\"days\":[\"FUNDAY\"],\"time\":\"07:30\"" + zone + "}",
                    "invalid_days",
                    "FUNDAY");
            refused(
                    "/api/schedules",
                    "{\"members\":\"all\",\"range_days\":0,\"days\":[\"MON\"],\"time\":\"07:30\"" + zone + "}",
                    "invalid_range_days",
                    "between 1 and 730");
        }

        @Test
        @DisplayName("stores a valid schedule with its next run, lists and deletes it")
        void crud() throws Exception {
            api.post(
                            "/api/schedules",
                            "{" + OK + ",\"days\":[\"MON\",\"tue\",\"Wednesday\"],\"time\":\"07:30\","
                                    + "\"timezone\":\"Asia/Ho_Chi_Minh\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.days[0]").value("MON"))
                    .andExpect(jsonPath("$.days[2]").value("WED"))
                    .andExpect(jsonPath("$.timezone").value("Asia/Ho_Chi_Minh"))
                    .andExpect(jsonPath("$.next_run_at").exists())
                    .andExpect(jsonPath("$.last_run_at").doesNotExist());
            long id =
                    jdbc.sql("SELECT id FROM sync_schedules").query(Long.class).single();
            api.get("/api/schedules").andExpect(jsonPath("$[0].id").value(id));
            api.delete("/api/schedules/{id}", id).andExpect(status().isNoContent());
            api.delete("/api/schedules/{id}", id).andExpect(status().isNotFound());
        }
    }

    @Test
    @DisplayName("stale-member cleanup needs an explicit dry_run")
    void cleanupNeedsDryRun() throws Exception {
        api.post("/api/cleanup/stale-members", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("dry_run")));
    }
}
