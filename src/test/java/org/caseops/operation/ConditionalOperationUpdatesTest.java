package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.AllAtOnce;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes of an operation count the rows they change (issue 13, issue 11): counsel's clearance no longer ignores its
 * own version check, so of many clearances at once one happens and the rest are 409s naming the current state and
 * version; a target unit is excluded once, and only while the operation is a draft.
 */
@CaseOpsTest
class ConditionalOperationUpdatesTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    OperationsApi ops;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        ops = new OperationsApi(api);
        api.token("attorney");
    }

    private long events(long id, String kind) {
        return jdbc.sql("select count(*) from operation_event where operation_id = ? and kind = ?").params(id, kind)
                .query(Long.class).single();
    }

    private long inLegalReview() {
        long id = ops.houstonOperation();
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        ok(ops.post("supervisor", "/api/operations/" + id + "/submit", Map.of()), HttpStatus.OK);
        return id;
    }

    @Test
    void of_sixteen_clearances_at_once_one_clears_the_review_and_the_others_are_409s() throws Exception {
        long id = inLegalReview();

        List<ResponseEntity<JsonNode>> answers = AllAtOnce.run(16, () -> ops.post("attorney",
                "/api/operations/" + id + "/legal-review/clear", Map.of()));

        assertThat(answers).filteredOn(a -> a.getStatusCode().value() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.getStatusCode().value() != 200).allSatisfy(a -> {
            assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody())).isEqualTo(409);
            assertThat(a.getBody().path("detail").asText()).contains("version");
        });
        assertThat(events(id, "LEGAL_REVIEW_CLEARED")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OPERATION_LEGAL_REVIEW_CLEARED' "
                + "and subject_id = ?").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_second_clearance_after_the_first_is_a_409_naming_who_cleared_it() {
        long id = inLegalReview();
        ok(ops.post("attorney", "/api/operations/" + id + "/legal-review/clear", Map.of()), HttpStatus.OK);

        ResponseEntity<JsonNode> again = ops.post("attorney", "/api/operations/" + id + "/legal-review/clear", Map.of());

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).contains("cleared by attorney");
        assertThat(events(id, "LEGAL_REVIEW_CLEARED")).isEqualTo(1);
    }

    @Test
    void a_unit_is_excluded_once_and_a_second_exclusion_is_a_409_naming_its_status() {
        long id = ops.houstonOperation();
        String path = "/api/operations/" + id + "/targets/1001/exclude";
        ok(ops.post("supervisor", "/api/operations/" + id + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        ok(ops.post("supervisor", path, Map.of("reason", "stay granted")), HttpStatus.OK);

        ResponseEntity<JsonNode> again = ops.post("supervisor", path, Map.of("reason", "stay granted"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).contains("EXCLUDED");
        assertThat(events(id, "TARGET_EXCLUDED")).isEqualTo(1);
    }

    @Test
    void a_unit_is_not_excluded_once_the_operation_left_draft() {
        long id = inLegalReview();

        ResponseEntity<JsonNode> excluded = ops.post("supervisor", "/api/operations/" + id + "/targets/1001/exclude",
                Map.of("reason", "changed my mind"));

        assertThat(excluded.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(excluded.getBody().path("detail").asText()).contains("LEGAL_REVIEW");
        assertThat(jdbc.sql("select status from operation_target where operation_id = ? and family_id = 1001")
                .param(id).query(String.class).single()).isEqualTo("TARGET");
    }
}
