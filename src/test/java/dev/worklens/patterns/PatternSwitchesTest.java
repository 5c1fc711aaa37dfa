package dev.worklens.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@TestPropertySource(properties = {"ENABLE_BURNOUT_DETECTION=false", "ENABLE_ORG_ANALYTICS=false"})
@DisplayName("ENABLE_BURNOUT_DETECTION and ENABLE_ORG_ANALYTICS off")
class PatternSwitchesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MemberRhythms rhythms;

    @Test
    @DisplayName("no rhythm anywhere, and the team health page and API are not there")
    void off() throws Exception {
        var fx = new RhythmFixtures(context);
        fx.clear();
        Member kiri = fx.member("Kiri", "kiri", "Pacific/Kiritimati");
        fx.event(kiri, "discussion", "2026-11-04T12:30:00Z");
        assertThat(rhythms.enabled()).isFalse();
        String page = mvc.perform(get("/reports/" + kiri.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("Working rhythm");
        assertThat(mvc.perform(get("/reports")).andReturn().getResponse().getContentAsString())
                .doesNotContain("Team health");
        mvc.perform(get("/reports/health")).andExpect(status().isNotFound());
        mvc.perform(get("/reports/health.csv")).andExpect(status().isNotFound());
        var api = new ApiClient(mvc);
        api.get("/api/team/health").andExpect(status().isNotFound());
        api.get("/api/reports/{id}", kiri.id())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.patterns").isEmpty());
    }
}
