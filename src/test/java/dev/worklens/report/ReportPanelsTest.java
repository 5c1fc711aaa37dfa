package dev.worklens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.classify.MemberInsights;
import dev.worklens.support.WorklensTest;
import dev.worklens.team.Member;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The panels other modules fill: a Dev track lookup (the devtrack module's boundary, faked here)
 * and insights that fail. The report renders either way.
 */
@WorklensTest
@DisplayName("Report panels from other modules")
class ReportPanelsTest {

    @TestConfiguration
    static class FakeDevTrack {
        @Bean
        @org.springframework.context.annotation.Primary // stands in for the devtrack module's panel
        DevTrackLookup devTrackLookup() {
            return member -> switch (member.displayName()) {
                case "Don Vo" ->
                    new DevTrackView(
                            "Don Vo",
                            3,
                            "Senior <Engineer>",
                            null,
                            List.of(
                                    new DevTrackView.Skill(
                                            "Owns incidents",
                                            "technical",
                                            3,
                                            "focus",
                                            "- Led two <b>P1</b> reviews\n+ wrote the postmortem"),
                                    new DevTrackView.Skill("Mentors juniors", "soft", 3, "vetted", null),
                                    new DevTrackView.Skill("System design", "technical", 3, "in_progress", "")));
                case "Bo" -> DevTrackView.error("No tab matches Bo: rename a tab to include their name.");
                default -> throw new IllegalStateException("Sheets API answered 403");
            };
        }
    }

    @MockitoBean
    MemberInsights insights;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    ReportFixtures fx;

    @BeforeEach
    void setUp() {
        fx = ReportFixtures.of(context);
        fx.clear();
        // the report hands the insights the units and pull requests it has read for its own counts
        when(insights.insights(any(), any(), any(), any(), any(), any()))
                .thenThrow(new IllegalStateException("Claude is down"));
    }

    @Test
    @DisplayName(
            "shows the working level, levels with vetted progress, notes as nested bullets, escaped; insights failing in words")
    void devTrack() throws Exception {
        Member don = fx.member("Don Vo", "donvo");
        String html = mvc.perform(get("/reports/{id}?from=2026-11-01&to=2026-11-30", don.id()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Level 3").contains("Senior &lt;Engineer&gt;");
        assertThat(html).contains("Led two &lt;b&gt;P1&lt;/b&gt; reviews");
        assertThat(html)
                .containsPattern(
                        "(?s)<li><span>Led two &lt;b&gt;P1&lt;/b&gt; reviews</span>\\s*<ul><li>wrote the postmortem</li></ul>");
        assertThat(html).contains("1 of 3 vetted").contains("1 focus").contains("1 in progress");
        assertThat(html.indexOf("System design")).isLessThan(html.indexOf("1 vetted skill(s)"));
        assertThat(html.indexOf("1 vetted skill(s)")).isLessThan(html.indexOf("Mentors juniors"));
        assertThat(html).contains("Insights could not be produced").contains("written by <span>unavailable</span>");
    }

    @Test
    @DisplayName("a lookup error or failure is shown in words, and the JSON carries it")
    void errors() throws Exception {
        Member bo = fx.member("Bo", null);
        Member cy = fx.member("Cy", null);
        mvc.perform(get("/reports/{id}", bo.id()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("rename a tab")));
        new dev.worklens.support.ApiClient(mvc)
                .get("/api/reports/{id}", cy.id())
                .andExpect(status().isOk())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.dev_track.error")
                                .value("The Dev track could not be read: Sheets API answered 403"))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.insights.summary")
                                .value(org.hamcrest.Matchers.containsString("could not be produced")));
    }
}
