package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class GetAuditExportTest {

    TestRestTemplate http;
    @Autowired
    void signIn(Api api) {
        http = api.as("auditor");
    }
    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void streams_every_entry_as_one_json_line_with_every_field_and_both_hashes() throws Exception {
        AuditEntry last = log.record(new AuditEvent("auditor", "AUDITOR", null, "SEARCH", null, null,
                "quarterly review", "req-export", "name=\"Lopez\"\nfield office: HOU ✓"));

        ResponseEntity<byte[]> response = http.getForEntity("/api/audit/export", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/x-ndjson");
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        String[] lines = body.split("\n");
        long head = jdbc.sql("select seq from audit_head").query(Long.class).single();
        assertThat(lines).hasSize((int) head);
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.path("seq").asLong()).isEqualTo(1);
        assertThat(first.path("prev_hash").asText()).isEqualTo(AuditEntry.GENESIS);
        JsonNode mine = json.readTree(lines[(int) last.seq() - 1]);
        assertThat(fieldNames(mine)).containsExactly("seq", "recorded_at", "actor", "role", "field_office", "action",
                "subject_type", "subject_id", "purpose", "request_id", "detail", "prev_hash", "hash");
        assertThat(mine.path("seq").asLong()).isEqualTo(last.seq());
        assertThat(mine.path("recorded_at").asText()).isEqualTo(Canonical.time(last.recordedAt()))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(mine.path("field_office").isNull()).isTrue();
        assertThat(mine.path("detail").asText()).isEqualTo("name=\"Lopez\"\nfield office: HOU ✓");
        assertThat(mine.path("prev_hash").asText()).isEqualTo(last.prevHash());
        assertThat(mine.path("hash").asText()).isEqualTo(last.hash());
        JsonNode export = json.readTree(lines[lines.length - 1]);
        assertThat(export.path("action").asText()).isEqualTo("AUDIT_EXPORTED");
        assertThat(export.path("actor").asText()).isEqualTo("auditor");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
