package dev.worklens.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.WorklensTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WorklensTest
@DisplayName("API security")
class ApiSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("health is open and reports the database")
    void health() throws Exception {
        mvc.perform(get("/api/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ok"));
    }

    @Test
    @DisplayName("other routes need the internal key")
    void keyRequired() throws Exception {
        mvc.perform(get("/api/members"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(get("/api/members").header("X-Internal-Key", "wrong")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/openapi.json")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/openapi.json").header("X-Internal-Key", "test-internal-key-0123"))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("unknown API routes answer in the API's error shape")
    void unknownRoute() throws Exception {
        mvc.perform(get("/api/nope").header("X-Internal-Key", "test-internal-key-0123"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").exists())
                .andExpect(jsonPath("$.message").exists())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}
