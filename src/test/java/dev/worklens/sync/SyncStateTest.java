package dev.worklens.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Sync states")
class SyncStateTest {

    @Test
    @DisplayName("store and show exactly the codes API.md names")
    void codesAreTheContract() {
        assertThat(Arrays.stream(SyncState.values()).map(SyncState::code))
                .containsExactly("queued", "running", "succeeded", "failed", "cancelled", "skipped");
    }

    @Test
    @DisplayName("are written to JSON as their code")
    void jsonIsTheCode() {
        assertThat(JsonMapper.builder().build().writeValueAsString(SyncState.SUCCEEDED))
                .isEqualTo("\"succeeded\"");
    }

    @Test
    @DisplayName("read back from their code, and refuse a code that names no state")
    void readBack() {
        for (SyncState state : SyncState.values()) {
            assertThat(SyncState.of(state.code())).isEqualTo(state);
        }
        assertThatThrownBy(() -> SyncState.of("done")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("only queued and running are open")
    void open() {
        assertThat(Arrays.stream(SyncState.values()).filter(SyncState::open))
                .containsExactly(SyncState.QUEUED, SyncState.RUNNING);
    }
}
