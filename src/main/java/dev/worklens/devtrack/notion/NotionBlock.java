package dev.worklens.devtrack.notion;

import java.util.List;

/**
 * A block with the parts the dev-track parser reads: type, plain text, to-do state, whether a
 * heading is a toggle, and its children (already fetched).
 */
public record NotionBlock(
        String id, String type, String text, boolean checked, boolean toggleable, List<NotionBlock> children) {

    public boolean isHeading() {
        return type.startsWith("heading_");
    }

    public boolean isItem() {
        return type.equals("toggle") || type.equals("bulleted_list_item") || type.equals("numbered_list_item");
    }
}
