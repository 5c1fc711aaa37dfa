package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.worklens.devtrack.FakeNotion.block;
import static dev.worklens.devtrack.FakeNotion.heading;
import static dev.worklens.devtrack.FakeNotion.todo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.team.Member;
import dev.worklens.team.MemberFields;
import dev.worklens.team.Operators;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@DisplayName("Dev track: whose pages are read, who may apply, and tabs two people share")
class DevTrackAccessTest extends DevTrackAppTest {

    String previewFor(String operator, String members) throws Exception {
        String body = api.post(
                        "/api/devtrack/preview", "{\"operator\":\"" + operator + "\",\"members\":" + members + "}")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
    }

    @Nested
    @DisplayName("Sync for")
    class SyncFor {

        @Test
        @DisplayName("chosen members: only their pages are fetched and shown; the rest are counted as left out")
        void chosen() throws Exception {
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":[" + don.id() + "]}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sync_for").value(String.valueOf(don.id())))
                    .andExpect(jsonPath("$.developers.length()").value(1))
                    .andExpect(jsonPath("$.developers[0].notion_page_id").value("p-don"))
                    .andExpect(jsonPath("$.left_out").value(3));
            FAKE.verify(1, getRequestedFor(urlPathEqualTo("/v1/blocks/p-don/children")));
            FAKE.verify(0, getRequestedFor(urlPathEqualTo("/v1/blocks/p-lan/children")));
        }

        @Test
        @DisplayName("me: the operator's own page only (Mia has none)")
        void me() throws Exception {
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":\"me\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.developers.length()").value(0))
                    .andExpect(jsonPath("$.left_out").value(4));
        }

        @Test
        @DisplayName("bad choices are 4xx with words: everyone without admin, another roster's member, junk")
        void badChoices() throws Exception {
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":\"everyone\"}")
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.message").value(Matchers.containsString("WORKLENS_ADMINS")));
            long other = operators
                    .signedIn(
                            new Operators.SlackIdentity("U0OTHER", "Oscar", "Oscar", "o@example.com", "T1", "Acme"),
                            "xoxp-2",
                            "")
                    .id();
            Member outside = roster.add(other, new MemberFields(null, "Quinn", null, null, null))
                    .member();
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":[" + outside.id() + "]}")
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.message").value(Matchers.containsString("on your roster")));
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":\"somebody\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(Matchers.containsString("list of member ids")));
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":[]}")
                    .andExpect(status().isBadRequest());
        }

        @Test
        @DisplayName("an admin may preview everyone: every page, matched against every roster")
        void adminEveryone() throws Exception {
            operators.signedIn(
                    new Operators.SlackIdentity("U0ADMIN", "Ada Admin", "Ada Admin", "ada@example.com", "T1", "Acme"),
                    "xoxp-3",
                    "");
            api.post("/api/devtrack/preview", "{\"operator\":\"U0ADMIN\",\"members\":\"everyone\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.developers.length()").value(4))
                    .andExpect(jsonPath("$.developers[0].member_id").value(don.id()))
                    .andExpect(jsonPath("$.developers[0].status").value("ok"))
                    .andExpect(jsonPath("$.developers[2].status").value("no_tab"))
                    .andExpect(jsonPath("$.developers[3].status").value("ambiguous"))
                    .andExpect(jsonPath("$.developers[3].error").value(Matchers.containsString("Minh Le, Minh Pham")));
        }
    }

    @Nested
    @DisplayName("a tab named after two people")
    class SharedTab {

        Member nadia;

        void stubNadia() {
            FakeGoogle.stubSpreadsheet(
                    FAKE,
                    DevTrackScenario.LEGEND,
                    DevTrackScenario.DON,
                    DevTrackScenario.LAN,
                    new FakeGoogle.Tab(15, "Nadia & Nikolai", List.of(List.of("1", "Junior", "Testing|ffffff"))));
            FAKE.stubFor(post(urlPathEqualTo("/v1/data_sources/ds1/query"))
                    .willReturn(okJson(FakeNotion.list(
                            List.of(
                                    FakeNotion.page("p-don", "Don Vo <> Mia Manager"),
                                    FakeNotion.page("p-nadia", "Nadia Ivanova <> Mia Manager")),
                            null))));
            FAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            urlPathEqualTo("/v1/blocks/p-nadia/children"))
                    .willReturn(okJson(FakeNotion.blocks(
                            List.of(
                                    heading("n-h2", "heading_2", "Skills Development", false, false),
                                    heading("n-h3", "heading_3", "Level 1", false, false),
                                    block("n-s", "bulleted_list_item", "Testing", true)),
                            null))));
            FAKE.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v1/blocks/n-s/children"))
                    .willReturn(
                            okJson(FakeNotion.blocks(List.of(todo("n-o", "Working on flaky tests", false)), null))));
            nadia = roster.add(operatorId, new MemberFields(null, "Nadia Ivanova", null, "nadia@example.com", null))
                    .member();
            // on the roster, with no Notion page
            roster.add(operatorId, new MemberFields(null, "Nikolai Petrov", null, "nikolai@example.com", null));
        }

        @Test
        @DisplayName("the API shows it ambiguous naming both, and Apply skips it: nothing is written to the tab")
        void api() throws Exception {
            stubNadia();
            String id = previewFor("U0MANAGER", "\"all\"");
            api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\"}")
                    .andExpect(jsonPath("$.developers[1].notion_page_id").value("p-nadia"))
                    .andExpect(jsonPath("$.developers[1].status").value("ambiguous"))
                    .andExpect(jsonPath("$.developers[1].tab").value("Nadia & Nikolai"))
                    .andExpect(jsonPath("$.developers[1].error")
                            .value(Matchers.allOf(
                                    Matchers.containsString("Nadia Ivanova"),
                                    Matchers.containsString("Nikolai Petrov"))))
                    .andExpect(jsonPath("$.developers[1].changes.length()").value(0));
            api.post(
                            "/api/devtrack/apply",
                            "{\"operator\":\"U0MANAGER\",\"preview_id\":\"" + id + "\",\"developers\":[\"p-nadia\"]}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results[0].state").value("skipped"))
                    .andExpect(jsonPath("$.results[0].error").value(Matchers.containsString("ambiguous")));
            api.post("/api/devtrack/apply", "{\"operator\":\"U0MANAGER\",\"preview_id\":\"" + id + "\"}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.results.length()").value(1))
                    .andExpect(jsonPath("$.results[0].notion_page_id").value("p-don"));
            FAKE.verify(
                    0,
                    postRequestedFor(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate"))
                            .withRequestBody(
                                    matchingJsonPath("$.requests[*].updateCells.start.sheetId", equalTo("15"))));
        }

        @Test
        @DisplayName("the page shows it ambiguous naming both, with no box to tick")
        void page() throws Exception {
            stubNadia();
            long local = localOperatorWithTeam();
            roster.add(local, new MemberFields(null, "Nadia Ivanova", null, "nadia@example.com", null));
            roster.add(local, new MemberFields(null, "Nikolai Petrov", null, "nikolai@example.com", null));
            String location = mvc.perform(MockMvcRequestBuilders.post("/devtrack/preview")
                            .param("who", "all")
                            .with(csrf()))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            mvc.perform(get(location))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Tab &#39;Nadia &amp; Nikolai&#39; matches")))
                    .andExpect(content().string(Matchers.containsString("Nikolai Petrov")))
                    .andExpect(content()
                            .string(Matchers.matchesRegex(
                                    "(?s).*value=\"p-nadia\"[^>]*disabled.*|(?s).*disabled[^>]*value=\"p-nadia\".*")));
        }

        @Test
        @DisplayName("the report panel says the tab is ambiguous instead of showing the other person's track")
        void panel() {
            stubNadia();
            sheets.freshBook();
            assertThat(lookup.lookup(nadia).error()).startsWith("Ambiguous").contains("Nikolai Petrov");
        }
    }
}
