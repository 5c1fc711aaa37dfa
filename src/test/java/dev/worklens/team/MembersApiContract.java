package dev.worklens.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklens.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The members API, run on H2 and on PostgreSQL by its subclasses. */
abstract class MembersApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    Operators operators;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(mvc);
        jdbc.sql("DELETE FROM members").update();
        jdbc.sql("DELETE FROM operators").update();
        operators.signedIn(
                new Operators.SlackIdentity("U0MANAGER", "Mia Manager", "Mia M", "mia@example.com", "T1", "Acme"),
                "xoxp-token",
                "channels:history");
    }

    @Test
    @DisplayName("a member's time zone: an IANA zone is stored and listed, anything else is a 400 that names the field")
    void timeZone() throws Exception {
        String body = api.post("/api/members", """
                        {"display_name":"Kiri"}""").andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        api.get("/api/members").andExpect(jsonPath("$[1].tz").doesNotExist());
        api.patch("/api/members/{id}", """
                        {"tz":"Pacific/Kiritimati"}""", id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tz").value("Pacific/Kiritimati"));
        api.patch("/api/members/{id}", """
                        {"tz":"Mars/Olympus_Mons","display_name":"Changed"}""", id)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_tz"));
        api.patch("/api/members/{id}", """
                        {"tz":"+02:00"}""", id).andExpect(status().isBadRequest());
        api.get("/api/members")
                .andExpect(jsonPath("$[1].tz").value("Pacific/Kiritimati"))
                .andExpect(jsonPath("$[1].display_name").value("Kiri"));
        api.patch("/api/members/{id}", """
                        {"tz":null}""", id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tz").doesNotExist());
    }

    @Test
    @DisplayName("lists the operator as a member, without naming the operator when there is only one")
    void operatorIsAMember() throws Exception {
        api.get("/api/members")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].slack_user_id").value("U0MANAGER"))
                .andExpect(jsonPath("$[0].is_operator").value(true));
        api.get("/api/operators")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].team_name").value("Acme"))
                .andExpect(jsonPath("$[0].connected_at").exists());
    }

    @Test
    @DisplayName("adds, edits and removes a member by hand")
    void lifecycle() throws Exception {
        String body = api.post("/api/members", """
                        {"display_name":"Don Vo","email":"don.vo@example.com","github_login":"DonVo"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].display_name").value("Don Vo"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        api.post("/api/members", """
                        {"display_name":"Don again","github_login":"donvo"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].display_name").value("Don Vo"));

        api.patch("/api/members/{id}", """
                        {"github_login":"don-vo","real_name":"Don Van Vo"}""", id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.github_login").value("don-vo"))
                .andExpect(jsonPath("$.real_name").value("Don Van Vo"))
                .andExpect(jsonPath("$.email").value("don.vo@example.com"));

        api.delete("/api/members/{id}", id).andExpect(status().isNoContent());
        api.get("/api/members").andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    @DisplayName("refuses bad fields with words and changes nothing")
    void validation() throws Exception {
        api.post("/api/members", """
                        {"display_name":"X","github_login":"-bad-"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_member"))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("GitHub login")));
        api.post("/api/members", """
                        {"display_name":"X","email":"not-an-email"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Email")));
        api.post("/api/members", "{\"display_name\": 12, ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_body"));
        api.patch("/api/members/{id}", "{\"is_operator\":true}", 1).andExpect(status().is4xxClientError());
        api.patch("/api/members/abc", "{}").andExpect(status().isBadRequest());
        api.delete("/api/members/999999")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM members").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("an unknown operator is a 404 with a hint")
    void unknownOperator() throws Exception {
        api.get("/api/members?operator=UNOPE")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("unknown_operator"));
    }
}
