package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.worklens.devtrack.FakeNotion.block;
import static dev.worklens.devtrack.FakeNotion.blocks;
import static dev.worklens.devtrack.FakeNotion.heading;
import static dev.worklens.devtrack.FakeNotion.todo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;

/**
 * The fixture the app-level tests share: a Notion dev-track database of four developers and a Sheet
 * with their tabs, both served by one local fake.
 */
final class DevTrackScenario {

    static final FakeGoogle.Tab LEGEND =
            new FakeGoogle.Tab(1, "Legend", List.of(List.of("Colours", "", "green = vetted")));
    static final FakeGoogle.Tab DON = new FakeGoogle.Tab(
            11,
            "Don Vo",
            List.of(
                    List.of("Level", "Title", "Technical skills", "Soft skills"),
                    List.of("1", "Junior", "Unit testing|ffffff", "Communication"),
                    List.of("", "", "Code review|9fc5e8|old note"),
                    List.of("2", "Mid", "Design docs|b4a7d6")));
    static final FakeGoogle.Tab DON_EDITED = new FakeGoogle.Tab(
            11,
            "Don Vo",
            List.of(
                    List.of("Level", "Title", "Technical skills", "Soft skills"),
                    List.of("1", "Junior", "Unit testing|b6d7a8", "Communication"),
                    List.of("", "", "Code review|9fc5e8|old note"),
                    List.of("2", "Mid", "Design docs|b4a7d6")));
    static final FakeGoogle.Tab LAN = new FakeGoogle.Tab(12, "Lan Tran", List.of(List.of("1", "Junior", "Testing")));
    static final FakeGoogle.Tab MINH_LE = new FakeGoogle.Tab(13, "Minh Le", List.of(List.of("1", "Junior", "Go")));
    static final FakeGoogle.Tab MINH_PHAM =
            new FakeGoogle.Tab(14, "Minh Pham", List.of(List.of("1", "Junior", "Rust")));

    private DevTrackScenario() {}

    static void stub(WireMockServer fake) {
        fake.resetAll();
        FakeGoogle.stubToken(fake);
        FakeGoogle.stubSpreadsheet(fake, LEGEND, DON, LAN, MINH_LE, MINH_PHAM);
        FakeGoogle.stubBatchUpdate(fake);
        fake.stubFor(
                get(urlPathEqualTo("/v1/databases/db1"))
                        .willReturn(
                                okJson(
                                        "{\"object\":\"database\",\"id\":\"db1\",\"data_sources\":[{\"id\":\"ds1\",\"name\":\"Track\"}]}")));
        fake.stubFor(post(urlPathEqualTo("/v1/data_sources/ds1/query"))
                .willReturn(okJson(FakeNotion.list(
                        List.of(
                                FakeNotion.page("p-don", "Don Vo <> Mia Manager"),
                                FakeNotion.page("p-lan", "Lan Tran <> Mia Manager"),
                                FakeNotion.page("p-ghost", "Ghost Writer <> Mia Manager"),
                                FakeNotion.page("p-minh", "Minh <> Mia Manager")),
                        null))));
        children(
                fake,
                "p-don",
                heading("h-skills", "heading_2", "Skills Development", false, false),
                heading("h-l1", "heading_3", "Level 1 — Junior", false, false),
                block("s-unit", "toggle", "Unit testing", true),
                block("s-review", "bulleted_list_item", "Code review", true),
                block("k-soft", "paragraph", "Soft skills", false),
                block("s-comm", "bulleted_list_item", "Communication", true),
                heading("h-l2", "heading_3", "Level 2 — Mid", false, false),
                block("s-obs", "bulleted_list_item", "Observability", true),
                heading("h-focus", "heading_2", "Focus Areas", false, false),
                block("f-review", "bulleted_list_item", "Code review", false),
                block("f-person", "bulleted_list_item", "Ask Mia about the conference budget", false));
        children(
                fake,
                "s-unit",
                todo("o1", "Writing tests before code", false),
                block("n1", "bulleted_list_item", "Pairs with Lan", false));
        children(fake, "s-review", todo("o2", "Review three PRs a week", true));
        children(fake, "s-comm", todo("o3", "New objective: demo at the all-hands", false));
        children(fake, "s-obs", todo("o4", "Spring metrics dashboards", false));
        children(
                fake,
                "p-lan",
                heading("h2", "heading_2", "Skills Development", false, false),
                heading("h3", "heading_3", "Level 1", false, false),
                block("s-test", "bulleted_list_item", "Testing", true));
        children(fake, "s-test", todo("o5", "Learning JUnit 5", false));
        fake.stubFor(patch(urlPathEqualTo("/v1/blocks/p-don/children"))
                .willReturn(
                        okJson(blocks(List.of(block("new-1", "bulleted_list_item", "Unit testing", false)), null))));
        fake.stubFor(delete(urlPathEqualTo("/v1/blocks/f-review"))
                .willReturn(okJson("{\"object\":\"block\",\"id\":\"f-review\",\"in_trash\":true}")));
    }

    private static void children(WireMockServer fake, String id, String... blockJson) {
        fake.stubFor(get(urlPathEqualTo("/v1/blocks/" + id + "/children"))
                .willReturn(okJson(blocks(List.of(blockJson), null))));
    }
}
