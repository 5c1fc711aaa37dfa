package dev.worklens.devtrack;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.worklens.devtrack.FakeNotion.block;
import static dev.worklens.devtrack.FakeNotion.heading;
import static dev.worklens.devtrack.FakeNotion.todo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Sheets and Notion clients against fakes that keep what Apply writes: a page shaped as
 * existing teams keep it (objectives with nested evidence, a skill name at two levels, a skill with
 * no objectives and a hand-written note, Focus Areas with a person's bullet) applies once and then
 * previews with nothing left to change.
 */
@DisplayName("Dev track round trip: apply, then preview again finds nothing to change")
class DevTrackRoundTripTest extends DevTrackAppTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> PALETTE = Set.of("#d9ead3", "#c9daf8", "#d9d2e9", "#fff2cc", "#ffffff");

    /** The tab as cells: row → column → {text, colour, note}. */
    final Map<Integer, Map<Integer, String[]>> sheet = new LinkedHashMap<>();
    /** The page's top-level blocks, as the fake serves them. */
    final List<String[]> pageBlocks = new ArrayList<>();

    int handled;

    void cell(int row, int column, String text, String colour, String note) {
        sheet.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, new String[] {text, colour, note});
    }

    void stubWorld() {
        cell(0, 0, "Level", null, null);
        cell(1, 0, "1", null, null);
        cell(1, 1, "Junior", null, null);
        cell(1, 2, "Code review", "b6d7a8", "kept by hand");
        cell(1, 3, "Communication", "9fc5e8", "- old objective");
        cell(2, 2, "Unit testing", "ffe599", "a person's note");
        cell(3, 0, "2", null, null);
        cell(3, 1, "Mid", null, null);
        cell(3, 2, "Code review.", null, null);
        serveSheet();
        FAKE.stubFor(post(urlPathEqualTo("/v4/spreadsheets/SHEET1:batchUpdate"))
                .willReturn(okJson("{\"spreadsheetId\":\"SHEET1\",\"replies\":[{}]}")));
        FAKE.stubFor(post(urlPathEqualTo("/v1/data_sources/ds1/query"))
                .willReturn(okJson(FakeNotion.list(List.of(FakeNotion.page("p-don", "Don Vo <> Mia Manager")), null))));
        page("h-skills", heading("h-skills", "heading_2", "Skills Development", false, false));
        page("h-l1", heading("h-l1", "heading_3", "Level 1 — Junior", false, false));
        page("s-review1", block("s-review1", "toggle", "Code review", true));
        page("k-soft", block("k-soft", "paragraph", "Soft skills", false));
        page("s-comm", block("s-comm", "bulleted_list_item", "Communication", true));
        page("k-tech", block("k-tech", "paragraph", "Technical skills", false));
        page("s-unit", block("s-unit", "bulleted_list_item", "Unit testing", true));
        page("h-l2", heading("h-l2", "heading_3", "Level 2 — Mid", false, false));
        page("s-review2", block("s-review2", "toggle", "code review", true));
        page("s-obs", block("s-obs", "toggle", "Observability", true));
        page("h-focus", heading("h-focus", "heading_2", "Focus Areas", false, false));
        page("f-unit", block("f-unit", "bulleted_list_item", "Unit testing", false));
        page("f-person", block("f-person", "bulleted_list_item", "Ask Mia about the budget", false));
        servePage();
        children("s-review1", todo("o1", "Reviewing three PRs a week", true));
        children(
                "s-comm",
                block("n-comm", "bulleted_list_item", "a working note, not in the cell", false),
                block("o2", "to_do", "In-progress objective: run the demo", true),
                todo("o3", "New objective: write the RFC", false));
        children(
                "o2",
                block("e1", "bulleted_list_item", "demo booked", true),
                block("e2", "paragraph", "slides", false));
        children("e1", block("e3", "numbered_list_item", "for Friday", false));
        children("s-unit", block("n-unit", "bulleted_list_item", "only a bullet, no objective", false));
        children("s-review2", todo("o4", "New objective: Leading the review guild", false));
        children("s-obs", todo("o5", "Spring metrics dashboards", false));
        FAKE.stubFor(patch(urlPathEqualTo("/v1/blocks/p-don/children"))
                .willReturn(okJson(FakeNotion.blocks(List.of(), null))));
        FAKE.stubFor(delete(urlPathEqualTo("/v1/blocks/f-unit")).willReturn(okJson("{\"object\":\"block\"}")));
    }

    void page(String id, String json) {
        pageBlocks.add(new String[] {id, json});
    }

    void servePage() {
        FAKE.stubFor(get(urlPathEqualTo("/v1/blocks/p-don/children"))
                .willReturn(okJson(
                        FakeNotion.blocks(pageBlocks.stream().map(b -> b[1]).toList(), null))));
    }

    void children(String id, String... blocks) {
        FAKE.stubFor(get(urlPathEqualTo("/v1/blocks/" + id + "/children"))
                .willReturn(okJson(FakeNotion.blocks(List.of(blocks), null))));
    }

    /** Serves the tab as {@code spreadsheets.get} answers, notes and colours included. */
    void serveSheet() {
        ObjectNode answer = JSON.createObjectNode().put("spreadsheetId", "SHEET1");
        ObjectNode tab = answer.putArray("sheets").addObject();
        tab.putObject("properties").put("sheetId", 11).put("title", "Don Vo").put("index", 0);
        ArrayNode rows = tab.putArray("data").addObject().putArray("rowData");
        int last = sheet.keySet().stream().mapToInt(i -> i).max().orElse(-1);
        for (int r = 0; r <= last; r++) {
            ArrayNode values = rows.addObject().putArray("values");
            Map<Integer, String[]> cells = sheet.getOrDefault(r, Map.of());
            for (int c = 0; c < 4; c++) {
                String[] cell = cells.get(c);
                ObjectNode json = values.addObject();
                if (cell == null) {
                    continue;
                }
                json.put("formattedValue", cell[0]);
                if (cell[2] != null) {
                    json.put("note", cell[2]);
                }
                if (cell[1] != null) {
                    int rgb = Integer.parseInt(cell[1], 16);
                    ObjectNode colour = json.putObject("effectiveFormat")
                            .putObject("backgroundColorStyle")
                            .putObject("rgbColor");
                    colour.put("red", ((rgb >> 16) & 0xFF) / 255.0);
                    colour.put("green", ((rgb >> 8) & 0xFF) / 255.0);
                    colour.put("blue", (rgb & 0xFF) / 255.0);
                }
            }
        }
        FAKE.stubFor(get(urlPathEqualTo("/v4/spreadsheets/SHEET1")).willReturn(okJson(answer.toString())));
    }

    /** Plays what Apply sent on the fakes' state: the Sheet's batchUpdate, Notion's appends and deletes. */
    List<String> replayWrites() {
        List<String> coloursWritten = new ArrayList<>();
        List<ServeEvent> events = new ArrayList<>(FAKE.getAllServeEvents());
        java.util.Collections.reverse(events); // oldest first
        for (ServeEvent event : events.subList(handled, events.size())) {
            String method = event.getRequest().getMethod().getName();
            String url = event.getRequest().getUrl();
            if (url.endsWith(":batchUpdate")) {
                for (JsonNode request :
                        JSON.readTree(event.getRequest().getBodyAsString()).path("requests")) {
                    coloursWritten.addAll(apply(request));
                }
            } else if (method.equals("PATCH") && url.startsWith("/v1/blocks/p-don/children")) {
                JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
                String after =
                        body.path("position").path("after_block").path("id").asString();
                int at = 0;
                for (int i = 0; i < pageBlocks.size(); i++) {
                    if (pageBlocks.get(i)[0].equals(after)) {
                        at = i + 1;
                    }
                }
                int n = 0;
                for (JsonNode child : body.path("children")) {
                    String text = child.path("bulleted_list_item")
                            .path("rich_text")
                            .get(0)
                            .path("text")
                            .path("content")
                            .asString();
                    String id = "added-" + handled + "-" + n++;
                    pageBlocks.add(at++, new String[] {id, block(id, "bulleted_list_item", text, false)});
                }
            } else if (method.equals("DELETE")) {
                String id = url.substring(url.lastIndexOf('/') + 1);
                pageBlocks.removeIf(b -> b[0].equals(id));
            }
        }
        handled = events.size();
        serveSheet();
        servePage();
        return coloursWritten;
    }

    private List<String> apply(JsonNode request) {
        List<String> colours = new ArrayList<>();
        if (request.has("insertDimension")) {
            JsonNode range = request.path("insertDimension").path("range");
            int start = range.path("startIndex").asInt();
            int count = range.path("endIndex").asInt() - start;
            Map<Integer, Map<Integer, String[]>> shifted = new LinkedHashMap<>();
            sheet.forEach((row, cells) -> shifted.put(row >= start ? row + count : row, cells));
            sheet.clear();
            sheet.putAll(shifted);
        }
        JsonNode update = request.path("updateCells");
        if (!update.isMissingNode()) {
            int row = update.path("start").path("rowIndex").asInt();
            int column = update.path("start").path("columnIndex").asInt();
            JsonNode value = update.path("rows").get(0).path("values").get(0);
            String fields = update.path("fields").asString();
            String[] cell = sheet.computeIfAbsent(row, r -> new LinkedHashMap<>())
                    .computeIfAbsent(column, c -> new String[] {"", null, null});
            if (fields.contains("userEnteredValue")) {
                cell[0] = value.path("userEnteredValue").path("stringValue").asString();
            }
            if (fields.contains("note")) {
                assertThat(value.path("note").asString(""))
                        .as("a write never clears a note")
                        .isNotBlank();
                cell[2] = value.path("note").asString();
            }
            if (fields.contains("backgroundColorStyle")) {
                JsonNode rgb = value.path("userEnteredFormat")
                        .path("backgroundColorStyle")
                        .path("rgbColor");
                String hex = String.format(
                        "%02x%02x%02x",
                        Math.round(rgb.path("red").asDouble() * 255),
                        Math.round(rgb.path("green").asDouble() * 255),
                        Math.round(rgb.path("blue").asDouble() * 255));
                cell[1] = hex;
                colours.add("#" + hex);
            }
        }
        assertThat(request.has("appendCells"))
                .as("no level block is new in this page")
                .isFalse();
        return colours;
    }

    @Test
    @DisplayName("the first preview changes notes, colours and Focus Areas; after Apply a second preview has none")
    void idempotent() throws Exception {
        FAKE.resetAll();
        DevTrackScenario.stub(FAKE);
        stubWorld();
        handled = FAKE.getAllServeEvents().size();
        sheets.freshBook();

        String first = preview();
        api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":[" + don.id() + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.developers[0].status").value("ok"))
                .andExpect(jsonPath("$.developers[0].changes[?(@.skill=='Communication')].to_note")
                        .value("- In-progress objective: run the demo\n+ demo booked\n+ for Friday\n+ slides\n\n"
                                + "- New objective: write the RFC"))
                .andExpect(jsonPath("$.developers[0].changes[?(@.skill=='Unit testing')]")
                        .isEmpty())
                .andExpect(jsonPath("$.developers[0].focus_add[0]").value("Communication"))
                .andExpect(jsonPath("$.developers[0].focus_remove[0]").value("Unit testing"));
        handled = FAKE.getAllServeEvents().size();
        api.post(
                        "/api/devtrack/apply",
                        "{\"operator\":\"U0MANAGER\",\"preview_id\":\"" + first + "\",\"developers\":[\"p-don\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].state").value("applied"));
        List<String> colours = replayWrites();

        assertThat(colours).isNotEmpty().allMatch(PALETTE::contains);
        assertThat(sheet.get(1).get(2))
                .as("a status that does not change keeps the cell's own shade")
                .containsExactly("Code review", "b6d7a8", "- Reviewing three PRs a week");
        assertThat(sheet.get(2).get(2))
                .as("no objectives: the hand-written note and the yellow stay")
                .containsExactly("Unit testing", "ffe599", "a person's note");
        assertThat(sheet.get(3).get(2)[1])
                .as("level 2's Code review, not level 1's")
                .isEqualTo("c9daf8");
        assertThat(sheet.get(4).get(2)).containsExactly("Observability", "ffffff", "- Spring metrics dashboards");

        api.post("/api/devtrack/preview", "{\"operator\":\"U0MANAGER\",\"members\":[" + don.id() + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.developers[0].status").value("ok"))
                .andExpect(jsonPath("$.developers[0].changes.length()").value(0))
                .andExpect(jsonPath("$.developers[0].focus_add.length()").value(0))
                .andExpect(jsonPath("$.developers[0].focus_remove.length()").value(0))
                .andExpect(jsonPath("$.summary.cells").value(0));
    }
}
