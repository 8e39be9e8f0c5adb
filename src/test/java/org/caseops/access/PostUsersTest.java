package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class PostUsersTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    private static Map<String, Object> user(String username, String role, String office) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("role", role);
        body.put("fieldOffice", office);
        body.put("password", "a-long-enough-password");
        return body;
    }

    @Test
    void an_administrator_adds_a_user_who_can_then_sign_in_and_the_change_is_audited() {
        ResponseEntity<JsonNode> response = api.as("admin").postForEntity("/api/users",
                user("supervisor.denver", "SUPERVISOR", "DEN"), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("fieldOffice").asText()).isEqualTo("DEN");
        assertThat(response.getBody().has("password")).isFalse();
        assertThat(api.anonymous().postForEntity("/api/auth/token", Map.of("username", "supervisor.denver",
                "password", "a-long-enough-password"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.sql("select actor from audit_entry where action = 'USER_ADDED' and subject_id = ?")
                .param("supervisor.denver").query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void only_an_administrator_adds_users() {
        assertThat(api.as("director").postForEntity("/api/users", user("x.director", "OFFICER", "HOU"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.anonymous().postForEntity("/api/users", user("x.anon", "OFFICER", "HOU"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_field_office_role_without_a_field_office_is_a_400_naming_the_field() {
        Problems.assertBadInput(api.as("admin").postForEntity("/api/users", user("x.nooffice", "OFFICER", null),
                JsonNode.class), "fieldOffice");
    }

    @Test
    void an_unknown_role_is_a_400_naming_the_field() {
        Problems.assertBadInput(api.as("admin").postForEntity("/api/users", user("x.badrole", "SHERIFF", "HOU"),
                JsonNode.class), "role");
    }

    @Test
    void a_short_password_is_a_400_naming_the_field() {
        Map<String, Object> body = user("x.short", "OFFICER", "HOU");
        body.put("password", "short");
        Problems.assertBadInput(api.as("admin").postForEntity("/api/users", body, JsonNode.class), "password");
    }

    @Test
    void an_existing_user_name_is_a_409() {
        assertThat(api.as("admin").postForEntity("/api/users", user("officer", "OFFICER", "HOU"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
