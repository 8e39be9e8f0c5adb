package org.caseops.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.operation.OperationsApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/operations/{id}/targets/matching} considers every family whose lead case has an order that can
 * become executable — a removal order, or voluntary departure with its alternate order of removal — and lets the gate
 * judge each: voluntary departure overstayed before the window is a target; one still running is not added, with
 * the gate's reason counted. No case with an order is left out unseen.
 */
@CaseOpsTest
class PostTargetsMatchingTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        // Pedro Diaz: voluntary departure granted on 2019-01-02 (60 days), overstayed long before the window
        files.aCase(1004, "HO");
        files.raw("B_TblProceeding", EoirFiles.tab(5004, 1004, "2016-06-01 00:00:00.000", "HOU", "HOU", "RMV", "V",
                "C", "2019-01-02 00:00:00.000", "N", "", "", "N", "ABC"));
        files.respondent(1004, "991000004", "Pedro", "Diaz", "1984-03-03", "LEAD");
        // Luz Vega: voluntary departure granted on 2019-06-03, still running in the window
        files.aCase(1005, "HO");
        files.raw("B_TblProceeding", EoirFiles.tab(5005, 1005, "2016-06-01 00:00:00.000", "HOU", "HOU", "RMV", "V",
                "C", "2019-06-03 00:00:00.000", "N", "", "", "N", "ABC"));
        files.respondent(1005, "991000005", "Luz", "Vega", "1987-07-07", "LEAD");
        Dockets.freshlyImported(files, importer, jdbc);
    }

    @Test
    void a_voluntary_departure_case_is_judged_by_the_gate_not_skipped() {
        OperationsApi ops = new OperationsApi(api);
        long id = ops.houstonOperation();

        JsonNode added = ok(ops.post("supervisor", "/api/operations/" + id + "/targets/matching", Map.of()),
                HttpStatus.OK);

        assertThat(added.path("considered").asInt()).as(added.toString()).isEqualTo(4);
        assertThat(jdbc.sql("select family_id from operation_target where operation_id = ? and status = 'TARGET'")
                .param(id).query(Long.class).list()).as(added.toString()).contains(1004L).doesNotContain(1005L);
        assertThat(added.path("notAdded").path("VOLUNTARY_DEPARTURE").asInt()).as(added.toString()).isEqualTo(1);
    }
}
