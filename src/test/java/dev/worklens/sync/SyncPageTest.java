package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import dev.worklens.team.Operator;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@Import({TestSources.class, SyncPageTest.Panels.class})
@DisplayName("Sync page")
class SyncPageTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Panels {
        @Bean
        SyncPagePanel greetingPanel() {
            return new SyncPagePanel() {
                public int order() {
                    return 10;
                }

                public String template() {
                    return "sync/test-panel";
                }

                public Map<String, Object> values(Operator operator) {
                    return Map.of("greeting", "hello " + operator.name());
                }
            };
        }
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
    @Qualifier("scriptedSlack")
    ScriptedSource slack;

    @Autowired
    @Qualifier("scriptedGithub")
    ScriptedSource github;

    SyncFixture fx;
    List<Member> members;

    @BeforeEach
    void setUp() {
        fx = new SyncFixture(new ApiClient(mvc), jdbc, operators, roster);
        members = fx.team(2);
        slack.reset(ScriptedSource.Mode.FAST, 2);
        github.reset(ScriptedSource.Mode.FAST, 2);
    }

    @AfterEach
    void release() {
        slack.release(100);
    }

    @Test
    @DisplayName("shows the form, members to pick, other modules' panels, schedules and cleanup")
    void renders() throws Exception {
        mvc.perform(get("/sync"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Start a sync")))
                .andExpect(content().string(containsString("Engineer 1")))
                .andExpect(content().string(containsString("Panel says hello Local operator")))
                .andExpect(content().string(containsString("Scheduled syncs")))
                .andExpect(content().string(containsString("Clean up data of removed members")))
                .andExpect(content().string(containsString("No syncs yet")));
    }

    @Test
    @DisplayName("starts a sync for picked members; the job list polls while it runs and stops when it ends")
    void startWatchCancel() throws Exception {
        slack.reset(ScriptedSource.Mode.GATED, 2);
        long picked = members.get(1).id();
        mvc.perform(post("/sync/jobs")
                        .with(csrf())
                        .param("who", "pick")
                        .param("memberIds", String.valueOf(picked))
                        .param("rangeKind", "last")
                        .param("days", "14")
                        .param("sources", "slack")
                        .param("githubMode", "overview"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("started")));
        long id = jdbc.sql("SELECT id FROM sync_jobs").query(Long.class).single();
        fx.awaitJob(id, j -> j.get("state").asString().equals("running"));
        mvc.perform(get("/sync/jobs"))
                .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
                .andExpect(content().string(containsString(members.get(1).displayName())))
                .andExpect(content().string(containsString("Cancel")));
        mvc.perform(post("/sync/jobs/{id}/cancel", id).with(csrf()))
                .andExpect(flash().attribute("flash", containsString("Cancelling")));
        assertThat(fx.awaitEnded(id).get("state").asString()).isEqualTo("cancelled");
        mvc.perform(get("/sync/jobs"))
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString("cancelled")));
        mvc.perform(get("/sync")).andExpect(content().string(containsString("Sync " + id)));
    }

    @Test
    @DisplayName("a bad range comes back as a message, not an error page")
    void badRange() throws Exception {
        mvc.perform(post("/sync/jobs")
                        .with(csrf())
                        .param("who", "all")
                        .param("rangeKind", "custom")
                        .param("from", "2026-11-20")
                        .param("to", "2026-11-01")
                        .param("sources", "slack"))
                .andExpect(flash().attribute("flashError", containsString("before")));
        mvc.perform(post("/sync/jobs").with(csrf()).param("who", "pick").param("sources", "slack"))
                .andExpect(flash().attribute("flashError", containsString("empty")));
    }

    @Test
    @DisplayName("creates and deletes a schedule")
    void schedules() throws Exception {
        mvc.perform(post("/sync/schedules")
                        .with(csrf())
                        .param("who", "team")
                        .param("time", "07:30")
                        .param("timezone", "Asia/Ho_Chi_Minh")
                        .param("rangeDays", "7")
                        .param("days", "MON", "FRI")
                        .param("sources", "slack", "github"))
                .andExpect(flash().attribute("flash", containsString("first runs at")));
        mvc.perform(get("/sync")).andExpect(content().string(containsString("Asia/Ho_Chi_Minh")));
        long id = jdbc.sql("SELECT id FROM sync_schedules").query(Long.class).single();
        mvc.perform(post("/sync/schedules")
                        .with(csrf())
                        .param("time", "07:30")
                        .param("timezone", "Nowhere/Land")
                        .param("sources", "slack")
                        .param("days", "MON"))
                .andExpect(flash().attribute("flashError", containsString("not a time zone")));
        mvc.perform(post("/sync/schedules/{id}/delete", id).with(csrf()))
                .andExpect(flash().attribute("flash", "Schedule deleted."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sync_schedules")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("schedules chosen members from the page, and the list names who each schedule covers")
    void scheduleForChosenMembers() throws Exception {
        Member picked = members.get(1);
        mvc.perform(post("/sync/schedules")
                        .with(csrf())
                        .param("who", "pick")
                        .param("memberIds", String.valueOf(picked.id()))
                        .param("time", "07:30")
                        .param("timezone", "UTC")
                        .param("rangeDays", "7")
                        .param("days", "MON")
                        .param("sources", "slack"))
                .andExpect(flash().attribute("flash", containsString("first runs at")));
        mvc.perform(post("/sync/schedules")
                        .with(csrf())
                        .param("who", "all")
                        .param("time", "08:00")
                        .param("timezone", "UTC")
                        .param("days", "TUE")
                        .param("sources", "github"))
                .andExpect(flash().attribute("flash", containsString("first runs at")));
        assertThat(jdbc.sql("SELECT members_spec FROM sync_schedules ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly(String.valueOf(picked.id()), "all");
        String other = members.get(0).displayName();
        String page = mvc.perform(get("/sync")).andReturn().getResponse().getContentAsString();
        String table = page.substring(page.indexOf("id=\"schedules\""), page.indexOf("Add a schedule"));
        assertThat(table).contains("<td>" + picked.displayName() + "</td>", "<td>Everyone</td>");
        assertThat(table).doesNotContain(">" + other + "<");

        mvc.perform(post("/sync/schedules")
                        .with(csrf())
                        .param("who", "pick")
                        .param("time", "07:30")
                        .param("timezone", "UTC")
                        .param("days", "MON")
                        .param("sources", "slack"))
                .andExpect(flash().attribute("flashError", containsString("empty")));
        roster.remove(picked);
        mvc.perform(get("/sync")).andExpect(content().string(containsString("nobody (1 removed since)")));
    }

    @Test
    @DisplayName("cleanup of removed members previews counts, then deletes only their data on confirmation")
    void staleMemberCleanup() throws Exception {
        fx.awaitEnded(fx.start("{\"members\":\"all\",\"sources\":[\"slack\"]}"));
        Member gone = members.get(1);
        roster.remove(gone);
        jdbc.sql(
                        "INSERT INTO insights (member_id, range_from, range_to, units_hash, generator, prompt_version, summary,"
                                + " highlights, watch_items, alignment, created_at) VALUES (?, DATE '2026-11-01',"
                                + " DATE '2026-11-20', 'h', 'offline', 'v1', 's', '[]', '[]', 'a', CURRENT_TIMESTAMP)")
                .param(gone.id())
                .update();

        fx.api()
                .post("/api/cleanup/stale-members", "{\"dry_run\":true}")
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.members[0].member_id")
                        .value(gone.id()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.members[0].display_name")
                        .value(gone.displayName()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.members[0].work_units")
                        .value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.members[0].insights")
                        .value(1));
        assertThat(fx.workUnits()).isEqualTo(6);

        mvc.perform(post("/sync/cleanup/stale-members").with(csrf()))
                .andExpect(flash().attribute("stalePreview", org.hamcrest.Matchers.hasSize(1)))
                .andExpect(flash().attribute(
                                "stalePreview",
                                org.hamcrest.Matchers.contains(org.hamcrest.Matchers.hasToString(
                                        containsString("name=" + gone.displayName())))));
        mvc.perform(post("/sync/cleanup/stale-members").with(csrf()).param("confirm", "true"))
                .andExpect(flash().attribute("flash", "Deleted 2 work units and 1 insights of 1 removed member(s)."));
        assertThat(fx.workUnits()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_units WHERE member_id = ?")
                        .param(members.get(0).id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        fx.api()
                .post("/api/cleanup/stale-members", "{\"dry_run\":false}")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.work_units")
                        .value(0));
    }

    @Test
    @DisplayName("a requested source no bean provides ends skipped with its reason")
    void missingSourceIsSkipped(
            @Autowired dev.worklens.sync.engine.SyncJobs jobs,
            @Autowired dev.worklens.sync.engine.SyncRequests requests,
            @Autowired dev.worklens.sync.engine.JobRunner runner) {
        var request = requests.request(fx.operator(), "me", List.of("github"), null, null, null);
        long id = jobs.create(request, source -> false);
        runner.run(id);
        var job = jobs.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(SyncState.SUCCEEDED);
        assertThat(job.tasks()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(SyncState.SKIPPED);
            assertThat(t.error()).isEqualTo("No github source is installed on this server, so github was not synced.");
        });
    }
}
