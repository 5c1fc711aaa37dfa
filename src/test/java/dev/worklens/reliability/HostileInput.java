package dev.worklens.reliability;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of the input an attacker or a careless script sends: wrong types, odd text, bad dates. */
final class HostileInput {

    private HostileInput() {}

    static final List<String> NASTY_STRINGS = List.of(
            "",
            " ",
            "'; DROP TABLE members; --",
            "\" OR 1=1 --",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "<img src=x onerror=alert(1)>",
            "${7*7}",
            "#{7*7}",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
            "../../etc/passwd",
            "%00",
            "\u0000",
            "😀🚀 ünïcødé 漢字 العربية",
            "\u202Egnp.exe",
            "null",
            "NaN",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "true",
            "[]",
            "{}",
            "0000-01-01",
            "2026-02-30",
            "2026-13-01",
            "9999-12-31",
            "-0001-01-01",
            "20261201",
            "Mars/Olympus_Mons",
            "UTC+25");

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of(NASTY_STRINGS),
                Arbitraries.strings().all().ofMaxLength(64),
                Arbitraries.strings()
                        .withChars('a', 'Z', '<', '>', '\'', '"', ';')
                        .ofMinLength(5000)
                        .ofMaxLength(20000));
    }

    /** A JSON value of any type, so fields meet types they do not expect. */
    static Arbitrary<String> jsonValues() {
        return Arbitraries.oneOf(
                strings().map(HostileInput::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of(
                        "true", "false", "null", "1.5e308", "-0", "[]", "{}", "[1,\"x\",null]", "{\"a\":{\"b\":[]}}"),
                strings()
                        .list()
                        .ofMaxSize(3)
                        .map(l -> "["
                                + String.join(
                                        ",", l.stream().map(HostileInput::quote).toList()) + "]"));
    }

    static final List<String> FIELDS = List.of(
            "operator",
            "members",
            "slack_user_ids",
            "display_name",
            "real_name",
            "email",
            "github_login",
            "sources",
            "from",
            "to",
            "github_mode",
            "days",
            "time",
            "timezone",
            "range_days",
            "dry_run",
            "preview_id",
            "developers",
            "format",
            "limit");

    /** A body that is JSON of the wrong shape, or not JSON at all. */
    static Arbitrary<String> bodies() {
        Arbitrary<String> objects = Combinators.combine(
                        Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(6).uniqueElements(),
                        jsonValues().list().ofSize(6))
                .as((names, values) -> {
                    var json = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        if (i > 0) {
                            json.append(',');
                        }
                        json.append(quote(names.get(i))).append(':').append(values.get(i));
                    }
                    return json.append('}').toString();
                });
        return Arbitraries.oneOf(
                objects,
                jsonValues(),
                Arbitraries.of("", "{", "{\"a\":", "not json", "<xml/>", "{\"operator\":\"x\"}{}", "\u0000"));
    }

    static String quote(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
