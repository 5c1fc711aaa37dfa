package dev.worklens.devtrack;

import java.util.ArrayList;
import java.util.List;

/** JSON in the Notion API's documented shapes, for the fake server. */
public final class FakeNotion {

    private FakeNotion() {}

    public static String page(String id, String title) {
        return """
                {"object":"page","id":"%s","url":"https://www.notion.so/%s","in_trash":false,
                 "properties":{"Status":{"id":"s1","type":"status","status":null},
                   "Name":{"id":"title","type":"title","title":[{"type":"text","text":{"content":"%s"},"plain_text":"%s"}]}}}""".formatted(id, id, title, title);
    }

    public static String list(List<String> results, String nextCursor) {
        return "{\"object\":\"list\",\"results\":[" + String.join(",", results) + "],\"next_cursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + ",\"has_more\":" + (nextCursor != null)
                + ",\"type\":\"page_or_data_source\"}";
    }

    public static String blocks(List<String> results, String nextCursor) {
        return "{\"object\":\"list\",\"results\":[" + String.join(",", results) + "],\"next_cursor\":"
                + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + ",\"has_more\":" + (nextCursor != null)
                + ",\"type\":\"block\",\"block\":{}}";
    }

    public static String block(String id, String type, String text, boolean hasChildren) {
        return block(id, type, text, hasChildren, "");
    }

    public static String heading(String id, String type, String text, boolean toggleable, boolean hasChildren) {
        return block(id, type, text, hasChildren, ",\"is_toggleable\":" + toggleable + ",\"color\":\"default\"");
    }

    public static String todo(String id, String text, boolean checked) {
        return block(id, "to_do", text, false, ",\"checked\":" + checked);
    }

    private static String block(String id, String type, String text, boolean hasChildren, String extra) {
        return """
                {"object":"block","id":"%s","type":"%s","has_children":%s,"in_trash":false,
                 "%s":{"rich_text":[{"type":"text","text":{"content":"%s","link":null},"plain_text":"%s",
                 "annotations":{"bold":false}}]%s}}""".formatted(id, type, hasChildren, type, text, text, extra);
    }

    /** A whole developer page as the (id → children JSON) pairs the fake serves. */
    public static final class PageTree {
        public final List<String[]> children = new ArrayList<>();

        public PageTree add(String parentId, String... blockJson) {
            children.add(new String[] {parentId, blocks(List.of(blockJson), null)});
            return this;
        }
    }
}
