package dev.worklens.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Work unit kinds")
class UnitKindTest {

    @Test
    @DisplayName("store exactly the codes work_units held before the enum, in the activity filter's order")
    void codesAreTheStoredValues() {
        assertThat(Arrays.stream(UnitKind.values()).map(UnitKind::code))
                .containsExactly("standup", "discussion", "thread_reply", "pull_request", "review", "commit", "issue");
    }

    @Test
    @DisplayName("read back from their code, and refuse a code that names no kind")
    void readBack() {
        for (UnitKind kind : UnitKind.values()) {
            assertThat(UnitKind.of(kind.code())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> UnitKind.of("message")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("leave the content hash as it was, so no stored label looks stale")
    void contentHashUnchanged() throws Exception {
        var draft = new WorkUnitDraft(
                1,
                "github",
                UnitKind.PULL_REQUEST,
                "authored",
                "github:pr:a/b#1",
                Instant.EPOCH,
                "Fix",
                "body",
                null,
                null,
                "a/b");

        var digest = MessageDigest.getInstance("SHA-256");
        for (String part : new String[] {"github", "pull_request", "authored", "Fix", "body", "", "a/b"}) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        assertThat(WorkUnits.contentHash(draft)).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }
}
