package dev.worklens.devtrack.notion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.worklens.devtrack.FakeNotion;
import dev.worklens.system.retry.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Notion reader against a local fake")
class NotionReaderTest {

    WireMockServer notion = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    VirtualTime time = new VirtualTime(Instant.parse("2026-11-20T12:00:00Z"));
    List<Duration> waits = time.waits;
    NotionReader reader;

    @BeforeEach
    void start() {
        notion.start();
        reader = new NotionReader(new NotionClient(
                URI.create(notion.baseUrl()), "secret_abc", JsonMapper.builder().build(), time));
    }

    @AfterEach
    void stop() {
        notion.stop();
    }

    @Test
    @DisplayName("queries each data source of the database, following next_cursor, with version and bearer headers")
    void databasePages() {
        notion.stubFor(
                get(urlPathEqualTo("/v1/databases/db1"))
                        .willReturn(
                                okJson(
                                        "{\"object\":\"database\",\"id\":\"db1\",\"data_sources\":[{\"id\":\"ds1\",\"name\":\"Track\"}]}")));
        notion.stubFor(post(urlPathEqualTo("/v1/data_sources/ds1/query"))
                .withRequestBody(equalToJson("{\"page_size\":100}"))
                .willReturn(okJson(FakeNotion.list(List.of(FakeNotion.page("p1", "Don Vo <> Mia")), "c2"))));
        notion.stubFor(post(urlPathEqualTo("/v1/data_sources/ds1/query"))
                .withRequestBody(equalToJson("{\"page_size\":100,\"start_cursor\":\"c2\"}"))
                .willReturn(okJson(FakeNotion.list(List.of(FakeNotion.page("p2", "Lan Tran<>Mia")), null))));

        List<NotionPage> pages = reader.pages("db1", null);

        assertThat(pages).extracting(NotionPage::developer).containsExactly("Don Vo", "Lan Tran");
        notion.verify(getRequestedFor(urlPathEqualTo("/v1/databases/db1"))
                .withHeader("Notion-Version", equalTo("2026-03-11"))
                .withHeader("Authorization", equalTo("Bearer secret_abc")));
    }

    @Test
    @DisplayName("through a view: creates the view query, pages its cached results, re-queries once it expired (404)")
    void viewPages() {
        notion.stubFor(post(urlPathEqualTo("/v1/views/v1/queries"))
                .inScenario("view")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        okJson(
                                "{\"object\":\"view_query\",\"id\":\"q1\",\"view_id\":\"v1\",\"expires_at\":\"2026-11-20T12:15:00Z\","
                                        + "\"total_count\":3,\"results\":[{\"object\":\"page\",\"id\":\"p1\"}],\"next_cursor\":\"c2\",\"has_more\":true}"))
                .willSetStateTo("expired"));
        notion.stubFor(
                get(urlPathEqualTo("/v1/views/v1/queries/q1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"object\":\"error\",\"status\":404,\"code\":\"object_not_found\",\"message\":\"Query expired\"}")));
        notion.stubFor(post(urlPathEqualTo("/v1/views/v1/queries"))
                .inScenario("view")
                .whenScenarioStateIs("expired")
                .willReturn(okJson(
                        "{\"object\":\"view_query\",\"id\":\"q2\",\"results\":[{\"object\":\"page\",\"id\":\"p1\"}],"
                                + "\"next_cursor\":\"c2\",\"has_more\":true}")));
        notion.stubFor(get(urlPathEqualTo("/v1/views/v1/queries/q2"))
                .withQueryParam("start_cursor", equalTo("c2"))
                .willReturn(okJson(
                        "{\"object\":\"list\",\"type\":\"page\",\"page\":{},\"results\":[{\"object\":\"page\",\"id\":\"p2\"}],"
                                + "\"next_cursor\":null,\"has_more\":false}")));
        notion.stubFor(get(urlPathEqualTo("/v1/pages/p1")).willReturn(okJson(FakeNotion.page("p1", "Don Vo <> Mia"))));
        notion.stubFor(get(urlPathEqualTo("/v1/pages/p2")).willReturn(okJson(FakeNotion.page("p2", "Lan <> Mia"))));

        assertThat(reader.pages("db1", "v1")).extracting(NotionPage::id).containsExactly("p1", "p2");
        notion.verify(2, postRequestedFor(urlPathEqualTo("/v1/views/v1/queries")));
    }

    @Test
    @DisplayName("block children: every page of has_more, and children of blocks with has_children")
    void blockTree() {
        notion.stubFor(get(urlPathEqualTo("/v1/blocks/p1/children"))
                .withQueryParam(
                        "start_cursor", equalTo("n2").or(com.github.tomakehurst.wiremock.client.WireMock.absent()))
                .atPriority(5)
                .willReturn(okJson(FakeNotion.blocks(
                        List.of(FakeNotion.heading("h1", "heading_2", "Skills Development", false, false)), "n2"))));
        notion.stubFor(get(urlPathEqualTo("/v1/blocks/p1/children"))
                .withQueryParam("start_cursor", equalTo("n2"))
                .atPriority(1)
                .willReturn(
                        okJson(FakeNotion.blocks(List.of(FakeNotion.block("s1", "toggle", "Testing", true)), null))));
        notion.stubFor(get(urlPathEqualTo("/v1/blocks/s1/children"))
                .willReturn(okJson(FakeNotion.blocks(List.of(FakeNotion.todo("t1", "Working on it", true)), null))));

        List<NotionBlock> blocks = reader.blocks("p1");

        assertThat(blocks).extracting(NotionBlock::text).containsExactly("Skills Development", "Testing");
        assertThat(blocks.get(1).children())
                .containsExactly(new NotionBlock("t1", "to_do", "Working on it", true, false, List.of()));
    }

    @Test
    @DisplayName("429 and 529 are waited out as Retry-After says; requests are paced about three a second")
    void rateLimits() {
        notion.stubFor(get(urlPathEqualTo("/v1/pages/p1"))
                .inScenario("limits")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "2")
                                .withBody(
                                        "{\"object\":\"error\",\"status\":429,\"code\":\"rate_limited\",\"message\":\"slow down\"}"))
                .willSetStateTo("overloaded"));
        notion.stubFor(get(urlPathEqualTo("/v1/pages/p1"))
                .inScenario("limits")
                .whenScenarioStateIs("overloaded")
                .willReturn(aResponse().withStatus(529).withHeader("Retry-After", "1"))
                .willSetStateTo("fine"));
        notion.stubFor(get(urlPathEqualTo("/v1/pages/p1"))
                .inScenario("limits")
                .whenScenarioStateIs("fine")
                .willReturn(okJson(FakeNotion.page("p1", "Don <> Mia"))));

        var client = new NotionClient(
                URI.create(notion.baseUrl()), "k", JsonMapper.builder().build(), time);
        assertThat(client.get("/v1/pages/p1").path("id").asString()).isEqualTo("p1");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));

        waits.clear();
        client.get("/v1/pages/p1");
        client.get("/v1/pages/p1");
        assertThat(waits).containsExactly(Duration.ofMillis(334), Duration.ofMillis(334));
    }

    @Test
    @DisplayName("appends bullets at a position and deletes blocks; Notion's error words come through")
    void writes() {
        notion.stubFor(patch(urlPathEqualTo("/v1/blocks/page1/children"))
                .willReturn(okJson(
                        FakeNotion.blocks(List.of(FakeNotion.block("new1", "bulleted_list_item", "A", false)), null))));
        notion.stubFor(delete(urlPathEqualTo("/v1/blocks/old1"))
                .willReturn(okJson("{\"object\":\"block\",\"id\":\"old1\",\"in_trash\":true}")));
        notion.stubFor(
                delete(urlPathEqualTo("/v1/blocks/gone"))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"object\":\"error\",\"status\":404,\"code\":\"object_not_found\",\"message\":\"Could not find block\"}")));

        assertThat(reader.appendBullets("page1", "h1", List.of("A", "B"))).containsExactly("new1");
        reader.appendBullets("page1", null, List.of("C"));
        reader.deleteBlock("old1");

        notion.verify(patchRequestedFor(urlPathEqualTo("/v1/blocks/page1/children"))
                .withRequestBody(matchingJsonPath("$.position.type", equalTo("after_block")))
                .withRequestBody(matchingJsonPath("$.position.after_block.id", equalTo("h1")))
                .withRequestBody(
                        matchingJsonPath("$.children[1].bulleted_list_item.rich_text[0].text.content", equalTo("B"))));
        notion.verify(patchRequestedFor(urlPathEqualTo("/v1/blocks/page1/children"))
                .withRequestBody(equalToJson("{\"position\":{\"type\":\"start\"}}", true, true)));
        notion.verify(deleteRequestedFor(urlPathEqualTo("/v1/blocks/old1")));
        assertThatThrownBy(() -> reader.deleteBlock("gone"))
                .isInstanceOf(NotionApiException.class)
                .hasMessage("Could not find block");
    }
}
