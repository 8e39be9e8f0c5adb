package org.caseops.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.LegalVersions;
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

@CaseOpsTest
class GetCaseExecutabilityTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private JsonNode verdict(String aNumber, String asOf) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/cases/" + aNumber + "/executability?asOf=" + asOf,
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void an_in_absentia_order_is_executable_with_every_finding_named_and_cited() {
        JsonNode verdict = verdict("991000001", "2019-06-23");

        assertThat(verdict.path("verdict").asText()).isEqualTo("EXECUTABLE");
        assertThat(verdict.path("idncase").asLong()).isEqualTo(1001);
        JsonNode findings = verdict.path("findings");
        assertThat(findings.size()).isGreaterThan(3);
        findings.forEach(f -> {
            assertThat(f.path("ruleId").asText()).isNotBlank();
            assertThat(f.path("citation").asText()).isNotBlank();
            assertThat(f.path("detail").asText()).isNotBlank();
        });
        assertThat(findings.findValuesAsText("citation")).anyMatch(c -> c.contains("1003.23"));
    }

    @Test
    void a_pending_motion_to_reopen_an_in_absentia_order_stays_removal() {
        JsonNode verdict = verdict("991000003", "2019-06-23");

        assertThat(verdict.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        JsonNode blocking = verdict.path("findings");
        assertThat(blocking.findValues("holds").stream().anyMatch(JsonNode::asBoolean)).isTrue();
    }

    @Test
    void a_motion_eoir_marked_deleted_does_not_stay_removal() throws Exception {
        EoirFiles deleted = EoirFiles.standard();
        deleted.header("tbl_Court_Motions", EoirFiles.MOTION_HEADER + "\tBLNDELETED");
        deleted.raw("tbl_Court_Motions", EoirFiles.tab(7001, 5003, 1003, "M", "2019-03-01", "", "", "", "1"));
        importer.importFiles(deleted.writeTo(java.nio.file.Files.createTempDirectory("deleted")), null, "test",
                org.caseops.docket.ImportProgress.NONE);

        assertThat(verdict("991000003", "2019-06-23").path("verdict").asText()).isEqualTo("EXECUTABLE");
    }

    @Test
    void the_verdict_depends_on_the_date_asked() {
        assertThat(verdict("991000003", "2019-02-01").path("verdict").asText())
                .as("before the motion was filed").isEqualTo("EXECUTABLE");
        assertThat(verdict("991000003", "2019-03-02").path("verdict").asText())
                .as("after the motion was filed").isEqualTo("NOT_EXECUTABLE");
    }

    @Test
    void an_attorneys_legal_hold_makes_an_executable_order_not_executable() {
        http.postForEntity("/api/cases/991000001/holds", LegalVersions.with(Map.of("reason", "Pending T visa",
                "placedOn", "2019-06-01"), LegalVersions.holds(http, "991000001")),
                JsonNode.class);

        JsonNode verdict = verdict("991000001", "2019-06-23");

        assertThat(verdict.path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(verdict.path("findings").findValuesAsText("detail")).anyMatch(d -> d.contains("Pending T visa"));
        assertThat(verdict("991000001", "2019-05-31").path("verdict").asText()).isEqualTo("EXECUTABLE");
    }

    @Test
    void a_recorded_judicial_stay_blocks_while_in_force_and_no_longer_once_lifted() {
        long stay = http.postForObject("/api/cases/991000001/stays", LegalVersions.with(Map.of("kind", "JUDICIAL",
                "from", "2019-06-01",
                "reference", "Order of the Court of Appeals"), LegalVersions.stays(http, "991000001")),
                        JsonNode.class).path("id").asLong();

        assertThat(verdict("991000001", "2019-06-23").path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");

        http.postForEntity("/api/stays/" + stay + "/lift", Map.of("liftedOn", "2019-06-10", "version", 0),
                JsonNode.class);

        assertThat(verdict("991000001", "2019-06-05").path("verdict").asText()).isEqualTo("NOT_EXECUTABLE");
        assertThat(verdict("991000001", "2019-06-23").path("verdict").asText()).isEqualTo("EXECUTABLE");
    }

    @Test
    void a_bad_date_is_a_400_naming_as_of() {
        Problems.assertBadInput(http.getForEntity("/api/cases/991000001/executability?asOf=2019-02-30",
                JsonNode.class), "asOf");
    }

    @Test
    void an_unknown_person_is_a_404() {
        Problems.assertNotFound(http.getForEntity("/api/cases/999999999/executability", JsonNode.class), "999999999");
    }
}
