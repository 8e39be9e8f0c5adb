package org.caseops.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Voluntary departure through the API: Jose Reyes (A 991000003) of the Houston docket, granted voluntary departure at
 * the end of proceedings on 2019-04-01 with appeal reserved (the gate: 60 days, to 2019-05-31); Ana Lopez
 * (A 991000001), ordered removed in absentia, has no departure period. Imported once.
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoluntaryDepartureTest {

    static final String JOSE = "991000003";
    static final String PATH = "/api/people/" + JOSE + "/voluntary-departures";

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        jdbc.sql("update court_motion set deleted = true where idncase = 1003").update();
        jdbc.sql("delete from appeal where idncase = 1003").update();
        jdbc.sql("update proceeding set dec_code = 'V', absentia = false, appeal_rsvd = 'A', comp_date = '2019-04-01' "
                + "where idnproceeding = 5003").update();
    }

    @BeforeEach
    void none() {
        try (Database.Owner owner = Database.owner(jdbc)) {
            owner.jdbc().sql("truncate departure_bond, voluntary_departure, departure_deadline restart identity").update();
        }
    }

    private ResponseEntity<JsonNode> grant(Map<String, Object> body) {
        return api.as("officer").postForEntity(PATH, body, JsonNode.class);
    }

    private static Map<String, Object> body(String grantedOn, Object bond) {
        Map<String, Object> b = new HashMap<>();
        b.put("grantedOn", grantedOn);
        b.put("bondAmount", bond);
        return b;
    }

    private String verdict(String asOf) {
        return api.as("attorney").getForObject("/api/cases/" + JOSE + "/executability?asOf=" + asOf, JsonNode.class)
                .path("verdict").asText();
    }

    @Test
    void the_gates_period_a_bond_due_in_five_business_days_and_a_verified_departure_close_the_case() {
        ResponseEntity<JsonNode> granted = grant(body("2019-04-01", 1500));

        assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode d = granted.getBody();
        assertThat(d.path("lastDay").asText()).as("60 days, the gate's").isEqualTo("2019-05-31");
        assertThat(d.path("bondDue").asText()).as("Monday + 5 business days").isEqualTo("2019-04-08");
        long id = d.path("id").asLong();

        JsonNode bonded = api.as("officer").postForEntity(PATH + "/" + id + "/bond", Map.of("postedOn", "2019-04-05",
                "reference", "bond receipt 19-0405 (synthetic)", "version", 0), JsonNode.class).getBody();
        assertThat(bonded.path("bondPostedOn").asText()).isEqualTo("2019-04-05");
        assertThat(bonded.path("bondLate").asBoolean()).isFalse();

        Map<String, Object> departure = Map.of("departedOn", "2019-05-20", "proofKind", "CONSULATE_VERIFICATION",
                "proofReference", "verification of the consulate in Tegucigalpa (synthetic)", "port", "Houston (IAH)",
                "version", 1);
        ResponseEntity<JsonNode> departed = api.as("officer").postForEntity(PATH + "/" + id + "/departure", departure,
                JsonNode.class);

        assertThat(departed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(departed.getBody().path("status").asText()).isEqualTo("DEPARTED");
        assertThat(api.as("officer").postForEntity(PATH + "/" + id + "/departure", departure, JsonNode.class)
                .getStatusCode()).as("once").isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select kind from case_event where idncase = 1003 and kind like 'VOLUNTARY%' or "
                + "idncase = 1003 and kind = 'CASE_CLOSED' order by id").query(String.class).list())
                .containsExactly("VOLUNTARY_DEPARTURE_GRANTED", "VOLUNTARY_DEPARTURE_BOND_POSTED",
                        "VOLUNTARY_DEPARTURE_VERIFIED", "CASE_CLOSED");
        assertThat(api.as("attorney").getForObject(PATH, JsonNode.class)).hasSize(1);
    }

    @Test
    void a_recorded_order_is_read_by_the_gate_and_an_overstay_opens_exactly_one_task() {
        Map<String, Object> b = body("2019-05-24", 2000);
        b.put("lastDay", "2019-06-14");
        b.put("source", "DHS_EXTENSION");
        b.put("reference", "ICE extension letter (synthetic)");

        JsonNode d = grant(b).getBody();

        assertThat(d.path("lastDay").asText()).isEqualTo("2019-06-14");
        assertThat(d.path("departureDeadlineId").isNumber()).isTrue();
        assertThat(d.path("bondDue").asText()).as("Memorial Day 2019-05-27 is not a business day")
                .isEqualTo("2019-06-03");
        assertThat(api.as("officer").postForEntity(PATH + "/" + d.path("id").asLong() + "/bond", Map.of("postedOn",
                "2019-05-31", "reference", "bond receipt 19-0531 (synthetic)", "version", 0), JsonNode.class)
                .getStatusCode()).as("posted in time: the whole period stands").isEqualTo(HttpStatus.OK);
        assertThat(verdict("2019-06-14")).isEqualTo("NOT_EXECUTABLE");
        assertThat(verdict("2019-06-15")).isEqualTo("EXECUTABLE");

        Map<String, Object> sweep = Map.of("fieldOffice", "HOU", "asOf", "2019-06-14");
        assertThat(api.as("officer").postForEntity("/api/voluntary-departures/overstays", sweep, JsonNode.class)
                .getBody()).as("the last day itself is not an overstay").isEmpty();
        Map<String, Object> after = Map.of("fieldOffice", "HOU", "asOf", "2019-06-17");
        JsonNode first = api.as("officer").postForEntity("/api/voluntary-departures/overstays", after, JsonNode.class)
                .getBody();
        JsonNode again = api.as("supervisor").postForEntity("/api/voluntary-departures/overstays", after,
                JsonNode.class).getBody();

        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("verdict").asText()).isEqualTo("EXECUTABLE");
        assertThat(again).isEmpty();
        assertThat(jdbc.sql("select count(*) from task where type = 'DEPARTURE_OVERSTAY' and subject_id = ?")
                .param(JOSE).query(Long.class).single()).isEqualTo(1);
        JsonNode now = api.as("officer").getForObject(PATH, JsonNode.class).get(0);
        assertThat(now.path("status").asText()).isEqualTo("OVERSTAYED");
        assertThat(now.path("overstayedOn").asText()).isEqualTo("2019-06-15");
    }

    @Test
    void a_bond_not_posted_within_five_business_days_vacates_the_grant_in_the_gate_8_CFR_1240_26_c_3() {
        long id = grant(body("2019-04-01", 1500)).getBody().path("id").asLong();
        assertThat(jdbc.sql("select due_on::text from departure_bond where voluntary_departure_id = ?").param(id)
                .query(String.class).single()).as("the bond the gate reads").isEqualTo("2019-04-08");

        assertThat(verdict("2019-04-08")).isEqualTo("NOT_EXECUTABLE");
        String explained = api.as("attorney").getForObject("/api/cases/" + JOSE + "/executability?asOf=2019-05-10",
                String.class);
        assertThat(verdict("2019-05-10")).as("inside the 60 days, but the bond was not posted: the alternate order")
                .isEqualTo("EXECUTABLE");
        assertThat(explained).contains("vacated automatically", "2019-04-08", "8 CFR 1240.26(c)(3)");

        JsonNode late = api.as("officer").postForEntity(PATH + "/" + id + "/bond", Map.of("postedOn", "2019-04-10",
                "reference", "bond receipt 19-0410 (synthetic)", "version", 0), JsonNode.class).getBody();
        assertThat(late.path("bondLate").asBoolean()).isTrue();
        assertThat(verdict("2019-05-10")).as("a bond posted late does not bring the grant back")
                .isEqualTo("EXECUTABLE");
        assertThat(jdbc.sql("select summary from case_event where idncase = 1003 and kind = "
                + "'VOLUNTARY_DEPARTURE_BOND_POSTED' order by id desc limit 1").query(String.class).single())
                .contains("vacated automatically on 2019-04-09", "8 CFR 1240.26(c)(3)");
    }

    @Test
    void no_period_no_grant_and_bad_input_names_the_field() {
        Map<String, Object> ana = body("2019-04-01", 1500);
        ana.put("lastDay", "2019-05-01");
        ana.put("source", "IJ_ORDER");
        ana.put("reference", "IJ order (synthetic)");
        ResponseEntity<JsonNode> none = api.as("officer").postForEntity("/api/people/991000001/voluntary-departures",
                ana, JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(none.getBody().path("detail").asText()).contains("no voluntary-departure period");
        assertThat(jdbc.sql("select count(*) from departure_deadline").query(Long.class).single())
                .as("the deadline recorded on the way is rolled back").isZero();

        Problems.assertBadInput(grant(body("2019-04-01", 499)), "bondAmount");
        Problems.assertBadInput(grant(body(null, 1500)), "grantedOn");
        Map<String, Object> noSource = body("2019-04-01", 1500);
        noSource.put("lastDay", "2019-05-01");
        Problems.assertBadInput(grant(noSource), "source");
        long id = grant(body("2019-04-01", 1500)).getBody().path("id").asLong();
        assertThat(grant(body("2019-04-01", 1500)).getStatusCode()).as("one open").isEqualTo(HttpStatus.CONFLICT);
        Problems.assertBadInput(api.as("officer").postForEntity(PATH + "/" + id + "/departure", Map.of("departedOn",
                "2019-05-20", "proofReference", "travel record", "version", 0), JsonNode.class), "proofKind");
        assertThat(api.as("attorney").postForEntity(PATH, body("2019-04-01", 1500), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThatThrownBy(() -> jdbc.sql("delete from voluntary_departure").update()).rootCause()
                .hasMessageContaining("permission denied");
        assertThat(VoluntaryDepartures.bondDue(LocalDate.parse("2019-12-20"))).as("Christmas Day skipped")
                .isEqualTo(LocalDate.parse("2019-12-30"));
    }
}
