package dev.worklens.github.client;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A successful answer: its JSON body and headers (Link, x-ratelimit-*, X-OAuth-Scopes). */
public record GitHubResponse(int status, HttpHeaders headers, JsonNode body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The rel="next" URL of the Link header, or null on the last page. */
    public String nextLink() {
        return LinkHeader.next(header("link"));
    }
}
