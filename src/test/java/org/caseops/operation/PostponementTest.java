package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.LegalVersions;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 2019 case: an operation postponed two weeks is judged again for its new days, and what changed is shown. */
@CaseOpsTest
class PostponementTest {

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
    }

    @Test
    void resuming_with_a_new_window_rechecks_every_unit_drops_the_old_plan_and_reports_what_changed() {
        long id = ops.houstonOperation();
        String path = "/api/operations/" + id;
        ok(ops.post("supervisor", path + "/targets", Map.of("familyId", 1001)), HttpStatus.CREATED);
        ok(ops.post("supervisor", path + "/plan", Map.of("seconds", 2)), HttpStatus.OK);
        ok(ops.post("supervisor", path + "/submit", Map.of()), HttpStatus.OK);
        ok(ops.post("attorney", path + "/legal-review/clear", Map.of()), HttpStatus.OK);
        // a stay granted from 1 July: it does not touch the first window, only the new one
        ok(api.as("attorney").postForEntity("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind", "JUDICIAL",
                "from", "2019-07-01", "reference", "5th Cir. stay order (synthetic)"),
                        LegalVersions.stays(api.as("attorney"), "991000001")), JsonNode.class),
                HttpStatus.CREATED);

        JsonNode postponed = ok(ops.post("director", path + "/postpone",
                Map.of("reason", "local police declined to assist; news coverage")), HttpStatus.OK);
        assertThat(postponed.path("operation").path("state").asText()).isEqualTo("POSTPONED");
        assertThat(postponed.path("operation").path("legalClearedBy").isNull()).isTrue();

        JsonNode resumed = ok(ops.post("supervisor", path + "/resume", Map.of("windowStart", "2019-07-07",
                "windowEnd", "2019-07-09", "to", "DRAFT")), HttpStatus.OK);

        assertThat(resumed.path("operation").path("state").asText()).isEqualTo("DRAFT");
        assertThat(resumed.path("operation").path("windowStart").asText()).isEqualTo("2019-07-07");
        assertThat(resumed.path("visitsDropped").asInt()).isEqualTo(1);
        assertThat(resumed.path("changes").size()).isEqualTo(1);
        assertThat(resumed.path("changes").get(0).path("after").asText()).startsWith("EXCLUDED")
                .contains("STAY");
        assertThat(ops.get("supervisor", path + "/targets").get(0).path("status").asText()).isEqualTo("EXCLUDED");
        assertThat(ops.get("supervisor", path + "/events").findValuesAsText("kind"))
                .containsSubsequence("POSTPONED", "RESUMED");
    }

    @Test
    void a_draft_cannot_be_postponed() {
        long id = ops.houstonOperation();

        assertThat(ops.post("supervisor", "/api/operations/" + id + "/postpone", Map.of("reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }
}
