package dev.worklens.github.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GitHub's pagination: {@code <url>; rel="next", <url>; rel="last"}. The end is a missing next. */
final class LinkHeader {

    private static final Pattern PART = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"([^\"]+)\"");

    private LinkHeader() {}

    static String next(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = PART.matcher(header);
        while (m.find()) {
            for (String rel : m.group(2).split("\\s+")) {
                if (rel.equals("next")) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
