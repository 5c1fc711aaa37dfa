package dev.worklens.slack.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Ignored-channel globs ({@code nimble*}, {@code *-activity}, {@code ic-?}), matched ignoring case. */
public record ChannelPatterns(List<String> globs) {

    public static ChannelPatterns parse(String text) {
        if (text == null || text.isBlank()) {
            return new ChannelPatterns(List.of());
        }
        return new ChannelPatterns(Arrays.stream(text.split("[,\\n]"))
                .map(String::strip)
                .map(s -> s.startsWith("#") ? s.substring(1) : s)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList());
    }

    public boolean matches(String channelName) {
        String name = channelName.toLowerCase(Locale.ROOT);
        return globs.stream().anyMatch(g -> regex(g).matcher(name).matches());
    }

    public String text() {
        return String.join(", ", globs);
    }

    private static Pattern regex(String glob) {
        var out = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> out.append(".*");
                case '?' -> out.append('.');
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString());
    }
}
