package dev.worklens.devtrack.notion;

/** A page of the dev-track database, titled {@code Developer <> Manager}. */
public record NotionPage(String id, String title, String url) {

    /** The developer part of the title: what stands before {@code <>}. */
    public String developer() {
        int split = title.indexOf("<>");
        return (split >= 0 ? title.substring(0, split) : title).strip();
    }
}
