package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.report.DevTrackView;
import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@DisplayName("Dev track preview and apply through the app, against fake Notion and Google")
class DevTrackApiTest extends DevTrackAppTest {

    @Test
    @DisplayName("preview: per developer the tab, roster member, status and diff; stored for apply")
    void previewShape() throws Exception {
        api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.created_at").isNotEmpty())
                .andExpect(jsonPath("$.developers.length()").value(2))
                .andExpect(jsonPath("$.developers[0].notion_page_id").value("p-don"))
                .andExpect(jsonPath("$.developers[0].developer").value("Don Vo"))
                .andExpect(jsonPath("$.developers[0].tab").value("Don Vo"))
                .andExpect(jsonPath("$.developers[0].member_id").value(don.id()))
                .andExpect(jsonPath("$.developers[0].status").value("ok"))
                .andExpect(jsonPath("$.developers[0].changes.length()").value(4))
                .andExpect(jsonPath("$.developers[0].changes[0].skill").value("Unit testing"))
                .andExpect(jsonPath("$.developers[0].changes[0].from_status").value("not_started"))
                .andExpect(jsonPath("$.developers[0].changes[0].to_status").value("in_progress"))
                .andExpect(jsonPath("$.developers[0].changes[0].to_note").value("- Writing tests before code"))
                .andExpect(jsonPath("$.developers[0].changes[1].skill").value("Code review"))
                .andExpect(jsonPath("$.developers[0].changes[1].to_status").value("not_started"))
                .andExpect(jsonPath("$.developers[0].changes[1].from_note").value("old note"))
                .andExpect(jsonPath("$.developers[0].changes[2].column").value("soft"))
                .andExpect(jsonPath("$.developers[0].changes[2].to_status").value("focus"))
                .andExpect(jsonPath("$.developers[0].changes[3].skill").value("Observability"))
                .andExpect(jsonPath("$.developers[0].changes[3].added").value(true))
                .andExpect(jsonPath("$.developers[0].changes[3].level").value(2))
                .andExpect(jsonPath("$.developers[0].focus_add[0]").value("Unit testing"))
                .andExpect(jsonPath("$.developers[0].focus_add[1]").value("Communication"))
                .andExpect(jsonPath("$.developers[0].focus_remove[0]").value("Code review"))
                .andExpect(jsonPath("$.developers[0].fingerprint").doesNotExist())
                .andExpect(jsonPath("$.developers[1].status").value("ok"))
                .andExpect(jsonPath("$.developers[1].warning").value(Matchers.containsString("no Focus Areas heading")))
                .andExpect(jsonPath("$.developers[0].warning").doesNotExist())
                .andExpect(jsonPath("$.sync_for").value("all"))
                .andExpect(jsonPath("$.left_out").value(2))
                .andExpect(jsonPath("$.summary.developers").value(2))
                .andExpect(jsonPath("$.summary.cells").value(5))
                .andExpect(jsonPath("$.summary.focus_add").value(2))
                .andExpect(jsonPath("$.summary.focus_remove").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM devtrack_previews")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        FAKE.verify(0, postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate")));
    }

    @Test
    @DisplayName(
            "apply: one atomic batchUpdate per member with the palette colours and notes, then Focus Areas in Notion")
    void apply() throws Exception {
        String id = preview();
        api.post("/api/devtrack/apply", "{\"operator\":\"U0MANAGER\",\"preview_id\":\"" + id + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[0].notion_page_id").value("p-don"))
                .andExpect(jsonPath("$.results[0].state").value("applied"))
                .andExpect(jsonPath("$.results[1].state").value("applied"));

        FAKE.verify(2, postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate")));
        FAKE.verify(postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate"))
                .withRequestBody(matchingJsonPath("$.requests.length()", equalTo("5")))
                .withRequestBody(matchingJsonPath("$.requests[0].updateCells.start.sheetId", equalTo("11")))
                .withRequestBody(matchingJsonPath(
                        "$.requests[0].updateCells.rows[0].values[0].note", equalTo("- Writing tests before code")))
                .withRequestBody(matchingJsonPath(
                        "$.requests[0].updateCells.rows[0].values[0].userEnteredFormat.backgroundColorStyle.rgbColor.red",
                        equalTo("0.7882353")))
                .withRequestBody(matchingJsonPath("$.requests[3].insertDimension.range.startIndex", equalTo("4")))
                .withRequestBody(matchingJsonPath(
                        "$.requests[4].updateCells.rows[0].values[0].userEnteredValue.stringValue",
                        equalTo("Observability"))));
        FAKE.verify(deleteRequestedFor(urlPathEqualTo("/v1/blocks/f-review")));
        FAKE.verify(0, deleteRequestedFor(urlPathEqualTo("/v1/blocks/f-person")));
        FAKE.verify(patchRequestedFor(urlPathEqualTo("/v1/blocks/p-don/children"))
                .withHeader("Notion-Version", equalTo("2026-03-11"))
                .withRequestBody(matchingJsonPath("$.position.after_block.id", equalTo("h-focus")))
                .withRequestBody(matchingJsonPath(
                        "$.children[0].bulleted_list_item.rich_text[0].text.content", equalTo("Unit testing")))
                .withRequestBody(matchingJsonPath(
                        "$.children[1].bulleted_list_item.rich_text[0].text.content", equalTo("Communication"))));
    }

    @Test
    @DisplayName("a tab edited since the preview is refused as stale and not written")
    void stale() throws Exception {
        String id = preview();
        FakeGoogle.stubSpreadsheet(FAKE, DevTrackScenario.LEGEND, DevTrackScenario.DON_EDITED, DevTrackScenario.LAN);
        api.post("/api/devtrack/apply", "{\"preview_id\":\"" + id + "\",\"developers\":[\"p-don\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].state").value("stale"))
                .andExpect(jsonPath("$.results[0].error").value(Matchers.containsString("preview again")));
        FAKE.verify(0, postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate")));
    }

    @Test
    @DisplayName(
            "one member's failed write is reported and does not block the others; non-ok and unknown pages are skipped")
    void partialFailure() throws Exception {
        FAKE.stubFor(
                post(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate"))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.requests[0].updateCells.start.sheetId", equalTo("12")))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"code\":400,\"message\":\"Invalid requests[0]: protected range\",\"status\":\"INVALID_ARGUMENT\"}}")));
        String id = preview();
        api.post(
                        "/api/devtrack/apply",
                        "{\"preview_id\":\"" + id + "\",\"developers\":[\"p-lan\",\"p-don\",\"p-ghost\",\"p-nope\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[?(@.notion_page_id=='p-nope')].state")
                        .value("skipped"))
                .andExpect(jsonPath("$.results[?(@.notion_page_id=='p-lan')].state")
                        .value("failed"))
                .andExpect(jsonPath("$.results[?(@.notion_page_id=='p-lan')].error")
                        .value(Matchers.hasItem(Matchers.containsString("protected range"))))
                .andExpect(jsonPath("$.results[?(@.notion_page_id=='p-don')].state")
                        .value("applied"))
                .andExpect(jsonPath("$.results[?(@.notion_page_id=='p-ghost')].state")
                        .value("skipped"));
    }

    @Test
    @DisplayName("bad apply input is a 4xx with words")
    void badApply() throws Exception {
        api.post("/api/devtrack/apply", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_preview_id"));
        api.post("/api/devtrack/apply", "{\"preview_id\":\"nope\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(Matchers.containsString("preview again")));
        mvc.perform(MockMvcRequestBuilders.post("/api/devtrack/preview")).andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("permission denied on the Sheet names the service account to share it with")
    void permissionDenied() throws Exception {
        FakeGoogle.stubSpreadsheetDenied(FAKE);
        api.post("/api/devtrack/preview", "{}")
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.message").value(Matchers.containsString(FakeGoogle.CLIENT_EMAIL)));
        assertThat(lookup.lookup(don).error()).contains("share it with the service account " + FakeGoogle.CLIENT_EMAIL);
    }

    @Test
    @DisplayName(
            "the report panel: latest working level, its title, levels, skills with status and notes; errors in words")
    void panel() {
        DevTrackView view = lookup.lookup(don);
        assertThat(view.error()).isNull();
        assertThat(view.tab()).isEqualTo("Don Vo");
        assertThat(view.level()).as("the highest level with a coloured skill").isEqualTo(2);
        assertThat(view.levelTitle()).isEqualTo("Mid");
        assertThat(view.levels())
                .containsExactly(new DevTrackView.Level(1, "Junior"), new DevTrackView.Level(2, "Mid"));
        assertThat(view.skills())
                .contains(new DevTrackView.Skill("Code review", "technical", 1, "in_progress", "old note"))
                .contains(new DevTrackView.Skill("Design docs", "technical", 2, "proposed", null));

        Member ghost = roster.add(operatorId, new MemberFields(null, "Ghost", null, "gw@example.com", null))
                .member();
        assertThat(lookup.lookup(ghost).error()).contains("rename their tab");
        Member minh = roster.add(operatorId, new MemberFields(null, "Minh", null, null, null))
                .member();
        assertThat(lookup.lookup(minh).error()).startsWith("Ambiguous").contains("'Minh Le', 'Minh Pham'");
        Member lanToo = roster.add(operatorId, new MemberFields(null, "Tran Thi", null, null, null))
                .member();
        assertThat(lookup.lookup(lanToo).error()).contains("tab 'Lan Tran' matches Tran Thi and Lan Tran");
    }

    @Test
    @DisplayName("the page previews, shows diffs with times in REPORT_TIMEZONE, and applies only ticked developers")
    void page() throws Exception {
        localOperatorWithTeam();
        mvc.perform(get("/devtrack"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Fetch &amp; preview")))
                .andExpect(content().string(Matchers.containsString(FakeGoogle.CLIENT_EMAIL)));
        String location = mvc.perform(
                        MockMvcRequestBuilders.post("/devtrack/preview").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/devtrack?preview=");
        String previewId = location.substring("/devtrack?preview=".length());
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Observability")))
                .andExpect(content().string(Matchers.containsString("Focus Areas, remove")))
                .andExpect(content()
                        .string(Matchers.matchesRegex(
                                "(?s).*of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\(Asia/Ho_Chi_Minh\\).*")))
                .andExpect(content().string(Matchers.containsString("cells to update")));
        mvc.perform(MockMvcRequestBuilders.post("/devtrack/apply")
                        .param("previewId", previewId)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "Tick at least one developer to apply."));
        FAKE.verify(0, postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate")));
        mvc.perform(MockMvcRequestBuilders.post("/devtrack/apply")
                        .param("previewId", previewId)
                        .param("developers", "p-lan")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flash", "1 of 1 developer(s) applied."));
        FAKE.verify(1, postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate")));
    }
}
