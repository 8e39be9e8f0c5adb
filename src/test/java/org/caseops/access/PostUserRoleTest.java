package org.caseops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.caseops.fixtures.TestUsers;
import org.caseops.system.Conflict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/users/{username}/role}, and what keeps CaseOps administrable: an administrator neither disables
 * nor re-roles themselves, the last enabled administrator stays one, and a token is revoked once (409 after).
 */
@CaseOpsTest
class PostUserRoleTest {

    @Autowired
    Api api;
    @Autowired
    Users users;
    @Autowired
    Tokens tokens;
    @Autowired
    UserAdministration administration;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private static Map<String, Object> place(String role, String office) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("fieldOffice", office);
        return body;
    }

    private ResponseEntity<JsonNode> change(String as, String username, Map<String, Object> body) {
        return api.as(as).postForEntity("/api/users/" + username + "/role", body, JsonNode.class);
    }

    @Test
    void an_administrator_moves_an_officer_to_supervisor_in_chicago_and_it_is_audited() {
        String user = TestUsers.ensure(users, "role.moved", Role.OFFICER, "HOU");

        ResponseEntity<JsonNode> response = change("admin", user, place("SUPERVISOR", "chi"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(users.find(user).orElseThrow().fieldOffice()).isEqualTo("CHI");
        assertThat(jdbc.sql("select detail from audit_entry where action = 'USER_CHANGED' and subject_id = ? "
                + "order by seq desc limit 1").param(user).query(String.class).single())
                .contains("OFFICER -> SUPERVISOR", "HOU -> CHI");
    }

    @Test
    void bad_places_are_400s_naming_the_field_in_plain_english() {
        String user = TestUsers.ensure(users, "role.bad", Role.OFFICER, "HOU");

        ResponseEntity<JsonNode> noOffice = change("admin", user, place("OFFICER", null));
        Problems.assertBadInput(noOffice, "fieldOffice");
        assertThat(noOffice.getBody().path("detail").asText()).contains("an officer belongs to a field office");
        Problems.assertBadInput(change("admin", user, place("SHERIFF", "HOU")), "role");
        Problems.assertBadInput(change("admin", user, place("OFFICER", "XXX")), "fieldOffice");
        Problems.assertBadInput(change("admin", user, Map.of()), "role");
        assertThat(change("admin", "nobody.here", place("OFFICER", "HOU")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void only_an_administrator_changes_roles_and_never_their_own() {
        String user = TestUsers.ensure(users, "role.other", Role.OFFICER, "HOU");

        assertThat(change("director", user, place("SUPERVISOR", "HOU")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(change("admin", "admin", place("AUDITOR", null)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(users.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void an_administrator_does_not_disable_themselves() {
        ResponseEntity<JsonNode> response = api.as("admin").postForEntity("/api/users/admin/disable", null,
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().path("detail").asText()).contains("do not disable themselves");
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void the_last_enabled_administrator_is_neither_disabled_nor_given_another_role() {
        String last = TestUsers.ensure(users, "admin.last", Role.ADMIN, null);
        // the others disabled inside a transaction that is rolled back: the demo administrator outlives this test
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and username <> ?").param(last).update();
            var context = SecurityContextHolder.getContext();
            context.setAuthentication(new ActorAuthentication(users.actor("officer").orElseThrow()));
            try {
                assertThatThrownBy(() -> administration.setEnabled(last, false)).isInstanceOf(Conflict.class)
                        .hasMessageContaining("the last enabled administrator");
                assertThatThrownBy(() -> administration.change(last, Role.AUDITOR, null, null))
                        .isInstanceOf(Conflict.class).hasMessageContaining("the last enabled administrator");
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void revoking_a_token_twice_says_it_is_already_revoked() {
        String user = TestUsers.ensure(users, "role.tokens", Role.OFFICER, "HOU");
        long id = tokens.issue(user, Tokens.Kind.PERSONAL, "twice", Duration.ofDays(1)).id();

        assertThat(api.as("admin").postForEntity("/api/tokens/" + id + "/revoke", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> again = api.as("admin").postForEntity("/api/tokens/" + id + "/revoke", null,
                JsonNode.class);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).contains("token " + id + " is already revoked, since ");
        assertThat(api.as("admin").postForEntity("/api/tokens/999999999/revoke", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
