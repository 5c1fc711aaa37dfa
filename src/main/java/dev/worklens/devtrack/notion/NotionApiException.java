package dev.worklens.devtrack.notion;

/** Notion refused a request; carries Notion's own error code and words. */
public class NotionApiException extends RuntimeException {

    private final int status;
    private final String code;

    NotionApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
