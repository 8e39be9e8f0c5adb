package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class GetAuditVerifyTest {

    TestRestTemplate http;
    @Autowired
    void signIn(Api api) {
        http = api.as("auditor");
    }
    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reports_an_intact_chain_with_its_length() {
        AuditTrail.write(log, sequencer, jdbc, 3);
        long head = AuditTrail.headPosition(jdbc);

        ResponseEntity<JsonNode> response = http.getForEntity("/api/audit/verify", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getBody().path("intact").asBoolean()).isTrue();
        assertThat(response.getBody().path("entries").asLong()).isGreaterThanOrEqualTo(head);
        assertThat(response.getBody().path("pending").isNumber()).isTrue();
        assertThat(response.getBody().path("firstBrokenPosition").isNull()).isTrue();
        assertThat(response.getBody().path("problem").isNull()).isTrue();
        assertThat(response.getBody().path("notes").isArray()).isTrue();
    }

    @Test
    void reports_a_broken_chain_with_200_naming_the_entry() {
        AuditEntry victim = AuditTrail.write(log, sequencer, jdbc, 3).get(1);
        try (Database.Owner owner = AuditTrail.holdingTheSequencer(jdbc)) {
            owner.jdbc().sql("set session_replication_role = replica").update();
            owner.jdbc().sql("update audit_entry set purpose = 'curiosity' where seq = ?").param(victim.seq()).update();
            try {
                ResponseEntity<JsonNode> response = http.getForEntity("/api/audit/verify", JsonNode.class);

                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody().path("intact").asBoolean()).isFalse();
                assertThat(response.getBody().path("firstBrokenPosition").asLong()).isEqualTo(victim.position());
                assertThat(response.getBody().path("problem").asText()).endsWith("(edited)");
            } finally {
                owner.jdbc().sql("update audit_entry set purpose = ? where seq = ?")
                        .params(victim.purpose(), victim.seq()).update();
            }
        }
        assertThat(http.getForEntity("/api/audit/verify", JsonNode.class).getBody().path("intact").asBoolean())
                .isTrue();
    }
}
