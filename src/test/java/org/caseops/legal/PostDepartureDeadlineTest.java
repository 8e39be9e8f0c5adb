package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST and GET /api/cases/{aNumber}/departure-deadlines: a recorded deadline governs the departure period. */
@CaseOpsTest
class PostDepartureDeadlineTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docketWithVoluntaryDeparture() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        // Jose Reyes (case 1003): voluntary departure at the end of proceedings, appeal reserved, 2019-04-01.
        jdbc.sql("update court_motion set deleted = true where idncase = 1003").update();
        jdbc.sql("delete from appeal where idncase = 1003").update();
        jdbc.sql("update proceeding set dec_code = 'V', absentia = false, appeal_rsvd = 'A', comp_date = '2019-04-01' "
                + "where idnproceeding = 5003").update();
    }

    private ResponseEntity<JsonNode> record(Map<String, Object> body) {
        return http.postForEntity("/api/cases/991000003/departure-deadlines", body, JsonNode.class);
    }

    private String verdict(String asOf) {
        return http.getForObject("/api/cases/991000003/executability?asOf=" + asOf, JsonNode.class).path("verdict")
                .asText();
    }

    @Test
    void a_recorded_bia_deadline_governs() {
        assertThat(verdict("2019-05-31")).isEqualTo("NOT_EXECUTABLE"); // 60 days: to 2019-05-31
        assertThat(verdict("2019-06-01")).isEqualTo("EXECUTABLE");

        ResponseEntity<JsonNode> response = record(Map.of("lastDay", "2019-06-15", "source", "DHS_EXTENSION",
                "orderedOn", "2019-05-20", "reference", "ICE extension letter (synthetic)"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(verdict("2019-06-15")).isEqualTo("NOT_EXECUTABLE");
        assertThat(verdict("2019-06-16")).isEqualTo("EXECUTABLE");
        assertThat(http.getForObject("/api/cases/991000003/departure-deadlines", JsonNode.class)
                .findValuesAsText("source")).containsExactly("DHS_EXTENSION");
        assertThat(jdbc.sql("select count(*) from case_event where idncase = 1003 and kind = "
                + "'DEPARTURE_DEADLINE_RECORDED'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_deadline_before_its_order_is_a_400_naming_last_day() {
        Problems.assertBadInput(record(Map.of("lastDay", "2019-03-01", "source", "IJ_ORDER", "orderedOn",
                "2019-04-01", "reference", "x")), "lastDay");
    }

    @Test
    void a_deadline_without_its_source_is_a_400_naming_source() {
        Problems.assertBadInput(record(Map.of("lastDay", "2019-06-01", "orderedOn", "2019-04-01", "reference", "x")),
                "source");
    }

    @Test
    void an_officer_may_read_but_not_record() {
        assertThat(api.as("officer").postForEntity("/api/cases/991000003/departure-deadlines", Map.of("lastDay",
                "2019-06-01", "source", "IJ_ORDER", "orderedOn", "2019-04-01", "reference", "x"), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.as("officer").getForEntity("/api/cases/991000003/departure-deadlines", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(http.getForEntity("/api/cases/999999999/departure-deadlines", JsonNode.class),
                "999999999");
    }
}
