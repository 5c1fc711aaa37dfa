package dev.worklens.devtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.devtrack.preview.Preview;
import dev.worklens.devtrack.preview.Previews;
import dev.worklens.report.DevTrackLookup;
import dev.worklens.support.ApiClient;
import dev.worklens.support.PostgresInitializer;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import dev.worklens.team.Operators;
import dev.worklens.team.Roster;
import java.time.Instant;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** Without Notion or Google settings; on a real PostgreSQL so the previews table is checked there too. */
@WorklensTest
@ContextConfiguration(initializers = PostgresInitializer.class)
@DisplayName("Dev track without settings, on PostgreSQL")
class DevTrackNotConfiguredTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Operators operators;

    @Autowired
    Roster roster;

    @Autowired
    DevTrackLookup lookup;

    @Autowired
    Previews previews;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("the page, the API and the report panel say which settings to set")
    void saysWhatToSet() throws Exception {
        mvc.perform(get("/devtrack"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("set NOTION_API_KEY and NOTION_DEV_TRACK_DATABASE_ID")))
                .andExpect(content()
                        .string(Matchers.containsString("set GOOGLE_SHEETS_CREDENTIALS_JSON and DEV_TRACK_SHEET_ID")));
        mvc.perform(post("/devtrack/preview").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flashError", Matchers.containsString("not configured")));
        new ApiClient(mvc)
                .post("/api/devtrack/preview", "{\"operator\":\"local\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("not_configured"))
                .andExpect(jsonPath("$.message").value(Matchers.containsString("NOTION_API_KEY")));
        Member me = roster.members(operators.local().id()).get(0);
        assertThat(lookup.lookup(me).error())
                .isEqualTo("Dev track is not configured: set GOOGLE_SHEETS_CREDENTIALS_JSON and DEV_TRACK_SHEET_ID.");
    }

    @Test
    @DisplayName("previews are stored per operator and read back whole; the latest one is found")
    void previewsRoundTrip() {
        jdbc.sql("DELETE FROM devtrack_previews").update();
        long operator = operators.local().id();
        var older = new Preview("a", Instant.parse("2026-11-20T10:00:00Z"), "all", 0, List.of());
        var dev = new Preview.Developer(
                "p1",
                "Don",
                "Don Vo",
                3L,
                "Don",
                Preview.OK,
                null,
                List.of(),
                List.of("X"),
                List.of(),
                11,
                "fp",
                null,
                null,
                "no Focus Areas heading");
        var newer = new Preview("b", Instant.parse("2026-11-20T11:00:00Z"), "12,13", 2, List.of(dev));
        previews.save(operator, older);
        previews.save(operator, newer);
        assertThat(previews.latest(operator).orElseThrow()).isEqualTo(newer);
        assertThat(previews.find(operator, "a").orElseThrow()).isEqualTo(older);
        assertThat(previews.find(operator + 1, "a")).isEmpty();
    }
}
