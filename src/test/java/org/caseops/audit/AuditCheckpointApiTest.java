package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditor's API for checkpoints and entries: {@code POST /api/audit/checkpoints} signs one, {@code GET
 * .../checkpoints/latest} and {@code GET /api/audit/public-key} hand it and its key out, and {@code GET
 * /api/audit/entries} shows an entry from the moment it commits, marked pending until it is chained.
 */
@CaseOpsTest
class AuditCheckpointApiTest {

    @Autowired
    Api api;
    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_auditor_signs_a_checkpoint_on_demand_that_verifies_with_the_published_key() throws Exception {
        TestRestTemplate auditor = api.as("auditor");
        AuditTrail.write(log, sequencer, jdbc, 2);

        ResponseEntity<JsonNode> made = auditor.postForEntity("/api/audit/checkpoints", null, JsonNode.class);

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Checkpoint checkpoint = Checkpoint.parse(made.getBody().toString());
        assertThat(checkpoint.verifies()).isTrue();
        assertThat(checkpoint.position()).isGreaterThanOrEqualTo(2);
        assertThat(checkpoint.hash()).isEqualTo(AuditTrail.chained(jdbc, seqAt(checkpoint.position())).hash());
        JsonNode key = auditor.getForEntity("/api/audit/public-key", JsonNode.class).getBody();
        assertThat(key.path("key").asText()).isEqualTo(checkpoint.key());
        assertThat(key.path("keyId").asText()).isEqualTo(checkpoint.keyId());
        ResponseEntity<JsonNode> latest = auditor.getForEntity("/api/audit/checkpoints/latest", JsonNode.class);
        assertThat(latest.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Checkpoint.parse(latest.getBody().toString()).position())
                .isGreaterThanOrEqualTo(checkpoint.position());
        assertThat(Files.readString(checkpoints.log())).contains(checkpoint.toJson());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'AUDIT_CHECKPOINT' and actor = 'auditor'"
                + " and detail = ?").param("position " + checkpoint.position()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void only_oversight_signs_or_fetches_checkpoints() {
        assertThat(api.as("officer").postForEntity("/api/audit/checkpoints", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("officer").getForEntity("/api/audit/checkpoints/latest", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("admin").getForEntity("/api/audit/public-key", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.as("admin").getForEntity("/api/audit/entries", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void entries_show_a_pending_entry_as_soon_as_it_commits_and_chained_once_it_is() {
        TestRestTemplate auditor = api.as("auditor");
        String subject = String.format("99177%04d", System.nanoTime() % 10000);
        long seq;
        try (Database.Owner holder = AuditTrail.holdingTheSequencer(jdbc)) {
            seq = log.record(AuditTrail.aPersonRead(subject)).seq();

            List<JsonNode> pending = entries(auditor, subject);

            assertThat(pending).singleElement().satisfies(e -> {
                assertThat(e.path("seq").asLong()).isEqualTo(seq);
                assertThat(e.path("pending").asBoolean()).isTrue();
                assertThat(e.path("position").isNull()).isTrue();
                assertThat(e.path("hash").isNull()).isTrue();
                // a person-level entry, read without a case review: who and when, not whom
                assertThat(e.path("subjectType").asText()).isEqualTo("PERSON");
                assertThat(e.path("subjectId").isNull()).isTrue();
                assertThat(e.path("detail").asText()).startsWith("person-level: shown only from a case review");
            });
        }
        AuditTrail.chainAll(sequencer);

        assertThat(entries(auditor, subject)).singleElement().satisfies(e -> {
            assertThat(e.path("pending").asBoolean()).isFalse();
            assertThat(e.path("position").asLong()).isPositive();
            assertThat(e.path("hash").asText()).matches("[0-9a-f]{64}");
        });
        assertThat(auditor.getForEntity("/api/audit/entries?limit=0", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void entries_come_newest_first_and_page_by_seq() {
        TestRestTemplate auditor = api.as("auditor");
        List<AuditEntry> three = AuditTrail.write(log, sequencer, jdbc, 3);

        JsonNode page = auditor.getForEntity("/api/audit/entries?actor=officer&limit=2&before="
                + (three.get(2).seq() + 1), JsonNode.class).getBody();

        assertThat(page).hasSize(2);
        assertThat(page.get(0).path("seq").asLong()).isEqualTo(three.get(2).seq());
        assertThat(page.get(1).path("seq").asLong()).isEqualTo(three.get(1).seq());
    }

    private static List<JsonNode> entries(TestRestTemplate auditor, String subject) {
        ResponseEntity<JsonNode> response = auditor.getForEntity(
                "/api/audit/entries?subjectType=PERSON&subjectId=" + subject, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> all = new ArrayList<>();
        response.getBody().forEach(all::add);
        return all;
    }

    private long seqAt(long position) {
        return jdbc.sql("select seq from audit_chain where position = ?").param(position).query(Long.class).single();
    }
}
