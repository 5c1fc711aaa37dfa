package dev.worklens.devtrack.notion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the dev-track database: its pages (through the database's data sources, or through a view
 * so the view's filter and sort apply) and each page's block tree.
 */
public class NotionReader {

    static final int PAGE_SIZE = 100;
    static final int MAX_VIEW_RESTARTS = 3;

    private final NotionClient client;

    public NotionReader(NotionClient client) {
        this.client = client;
    }

    public List<NotionPage> pages(String databaseId, String viewId) {
        return viewId == null || viewId.isBlank() ? databasePages(databaseId) : viewPages(viewId);
    }

    /** Since API 2025-09-03 a database holds data sources, and queries go to a data source. */
    List<NotionPage> databasePages(String databaseId) {
        JsonNode database = client.get("/v1/databases/" + databaseId);
        List<NotionPage> pages = new ArrayList<>();
        for (JsonNode source : database.path("data_sources")) {
            String cursor = null;
            do {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("page_size", PAGE_SIZE);
                if (cursor != null) {
                    body.put("start_cursor", cursor);
                }
                JsonNode answer =
                        client.post("/v1/data_sources/" + source.path("id").asString() + "/query", body);
                for (JsonNode page : answer.path("results")) {
                    if ("page".equals(page.path("object").asString())) {
                        pages.add(page(page));
                    }
                }
                cursor = next(answer);
            } while (cursor != null);
        }
        return pages;
    }

    /**
     * A view query caches its results on Notion's side for 15 minutes and answers 404 once expired;
     * then the query is created again and paging restarts, skipping pages already read.
     */
    List<NotionPage> viewPages(String viewId) {
        Map<String, NotionPage> pages = new LinkedHashMap<>();
        for (int restart = 0; ; restart++) {
            try {
                JsonNode answer = client.post("/v1/views/" + viewId + "/queries", Map.of("page_size", PAGE_SIZE));
                String queryId = answer.path("id").asString();
                collectRefs(answer, pages);
                String cursor = next(answer);
                while (cursor != null) {
                    answer = client.get("/v1/views/" + viewId + "/queries/" + queryId + "?page_size=" + PAGE_SIZE
                            + "&start_cursor=" + encode(cursor));
                    collectRefs(answer, pages);
                    cursor = next(answer);
                }
                break;
            } catch (NotionApiException e) {
                if (e.status() != 404 || restart >= MAX_VIEW_RESTARTS) {
                    throw e;
                }
            }
        }
        List<NotionPage> result = new ArrayList<>();
        for (var entry : pages.entrySet()) {
            result.add(entry.getValue() != null ? entry.getValue() : page(client.get("/v1/pages/" + entry.getKey())));
        }
        return result;
    }

    private void collectRefs(JsonNode answer, Map<String, NotionPage> pages) {
        for (JsonNode ref : answer.path("results")) {
            String id = ref.path("id").asString();
            if (id.isEmpty() || pages.containsKey(id)) {
                continue;
            }
            // view queries answer page references; a full page object carries its properties already
            pages.put(id, ref.has("properties") ? page(ref) : null);
        }
    }

    /** The page's blocks, with every child list fetched to the end. */
    public List<NotionBlock> blocks(String blockId) {
        List<NotionBlock> blocks = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode answer = client.get("/v1/blocks/" + blockId + "/children?page_size=" + PAGE_SIZE
                    + (cursor == null ? "" : "&start_cursor=" + encode(cursor)));
            for (JsonNode block : answer.path("results")) {
                String type = block.path("type").asString();
                JsonNode content = block.path(type);
                List<NotionBlock> children = block.path("has_children").asBoolean(false)
                        ? blocks(block.path("id").asString())
                        : List.of();
                blocks.add(new NotionBlock(
                        block.path("id").asString(),
                        type,
                        plainText(content.path("rich_text")),
                        content.path("checked").asBoolean(false),
                        content.path("is_toggleable").asBoolean(false),
                        children));
            }
            cursor = next(answer);
        } while (cursor != null);
        return blocks;
    }

    /** Adds bulleted items under {@code parentId}: after {@code afterBlockId}, or first when it is null. */
    public List<String> appendBullets(String parentId, String afterBlockId, List<String> texts) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (String text : texts) {
            children.add(Map.of(
                    "object", "block",
                    "type", "bulleted_list_item",
                    "bulleted_list_item",
                            Map.of("rich_text", List.of(Map.of("type", "text", "text", Map.of("content", text))))));
        }
        Map<String, Object> position = afterBlockId == null
                ? Map.of("type", "start")
                : Map.of("type", "after_block", "after_block", Map.of("id", afterBlockId));
        JsonNode answer = client.patch(
                "/v1/blocks/" + parentId + "/children", Map.of("children", children, "position", position));
        List<String> ids = new ArrayList<>();
        answer.path("results").forEach(b -> ids.add(b.path("id").asString()));
        return ids;
    }

    public void deleteBlock(String blockId) {
        client.delete("/v1/blocks/" + blockId);
    }

    static NotionPage page(JsonNode page) {
        String title = "";
        for (JsonNode property : page.path("properties")) {
            if ("title".equals(property.path("type").asString())) {
                title = plainText(property.path("title"));
                break;
            }
        }
        return new NotionPage(
                page.path("id").asString(), title, page.path("url").asString(""));
    }

    static String plainText(JsonNode richText) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : richText) {
            text.append(part.path("plain_text")
                    .asString(part.path("text").path("content").asString("")));
        }
        return text.toString();
    }

    private static String encode(String cursor) {
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static String next(JsonNode answer) {
        if (!answer.path("has_more").asBoolean(false)) {
            return null;
        }
        String cursor = answer.path("next_cursor").asString("");
        return cursor.isEmpty() ? null : cursor;
    }
}
