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
import org.caseops.fixtures.Database;
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
    AuditSequencer sequencer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void streams_every_entry_as_one_json_line_with_every_field_and_both_hashes() throws Exception {
        long recorded = log.record(new AuditEvent("auditor", "AUDITOR", null, "SEARCH", null, null,
                "quarterly review", "req-export", "name=\"Lopez\"\nfield office: HOU ✓")).seq();
        AuditTrail.chainAll(sequencer);
        AuditEntry last = AuditTrail.chained(jdbc, recorded);

        // the background sequencer may chain more while the export runs: the head read before it is a lower bound
        long head = AuditTrail.headPosition(jdbc);
        List<JsonNode> lines = export();

        assertThat(lines.stream().filter(l -> !l.path("position").isNull())).hasSizeGreaterThanOrEqualTo((int) head);
        JsonNode first = lines.get(0);
        assertThat(first.path("position").asLong()).isEqualTo(1);
        assertThat(first.path("prev_hash").asText()).isEqualTo(AuditEntry.GENESIS);
        JsonNode mine = lines.get((int) (last.position() - 1));
        assertThat(fieldNames(mine)).containsExactly("position", "seq", "recorded_at", "actor", "role",
                "field_office", "action", "subject_type", "subject_id", "purpose", "request_id", "detail",
                "prev_hash", "hash");
        assertThat(mine.path("position").asLong()).isEqualTo(last.position());
        assertThat(mine.path("seq").asLong()).isEqualTo(last.seq());
        assertThat(mine.path("recorded_at").asText()).isEqualTo(Canonical.time(last.recordedAt()))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(mine.path("field_office").isNull()).isTrue();
        assertThat(mine.path("detail").asText()).isEqualTo("name=\"Lopez\"\nfield office: HOU ✓");
        assertThat(mine.path("prev_hash").asText()).isEqualTo(last.prevHash());
        assertThat(mine.path("hash").asText()).isEqualTo(last.hash());
        JsonNode export = lines.get(lines.size() - 1);
        assertThat(export.path("action").asText()).isEqualTo("AUDIT_EXPORTED");
        assertThat(export.path("actor").asText()).isEqualTo("auditor");
    }

    @Test
    void shows_entries_not_chained_yet_at_the_end_with_no_position_or_hashes() throws Exception {
        long pending;
        List<JsonNode> lines;
        try (Database.Owner holder = AuditTrail.holdingTheSequencer(jdbc)) {
            pending = log.record(AuditTrail.aPersonRead("991000077")).seq();
            lines = export();
        }

        JsonNode read = lines.stream().filter(l -> l.path("seq").asLong() == pending).findFirst().orElseThrow();
        assertThat(read.path("position").isNull()).isTrue();
        assertThat(read.path("prev_hash").isNull()).isTrue();
        assertThat(read.path("hash").isNull()).isTrue();
        assertThat(read.path("subject_id").asText()).isEqualTo("991000077");
        assertThat(lines.indexOf(read)).isGreaterThan(lines.size() - 3);
        assertThat(lines.get(lines.size() - 1).path("action").asText()).isEqualTo("AUDIT_EXPORTED");
        assertThat(lines.get(lines.size() - 1).path("position").isNull()).isTrue();
    }

    private List<JsonNode> export() throws Exception {
        ResponseEntity<byte[]> response = http.getForEntity("/api/audit/export", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/x-ndjson");
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
