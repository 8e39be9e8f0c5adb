package org.caseops.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CustodyVersions;
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

/**
 * A day of the Houston operation, end to end: the family arrested with the son at day care, a collateral neighbour
 * enrolled on ATD, the family staged and transported; then the oversight funnel, the detainee locator, and a
 * release on ATD with its conditions.
 */
@CaseOpsTest
class OperationDayTest {

    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.core.env.Environment environment;
    TestRestTemplate officer;
    long operation;
    long sofia;
    long mateo;

    /** A custody move as the officer, who reads the custody version first (docs/custody.md). */
    private ResponseEntity<JsonNode> move(String path, Map<String, ?> body) {
        return officer.postForEntity(path, CustodyVersions.read(officer, path, body), JsonNode.class);
    }

    @BeforeEach
    void day() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
        sofia = jdbc.sql("select id from person where given_name = 'Sofia'").query(Long.class).single();
        mateo = jdbc.sql("select id from person where given_name = 'Mateo'").query(Long.class).single();
        operation = new LaunchedOperation(api).houstonFamily1001(mateo);
        officer = api.as("officer");
        Map<String, Object> screening = Map.of("minorChildren", true, "otherDependants", false, "soleCaregiver", true,
                "pregnantOrNursing", false, "children", List.of(
                        Map.of("personId", sofia, "name", "Sofia", "location", "PRESENT"),
                        Map.of("personId", mateo, "name", "Mateo", "location", "DAY_CARE",
                                "caregiverName", "Day-care director (synthetic)")));
        JsonNode recorded = officer.postForEntity("/api/encounters", Map.of("operationId", operation, "familyId", 1001,
                "occurredAt", "2019-06-24T07:00:00Z", "place", "address of record", "custodySite", "Houston FO",
                "people", List.of(
                        Map.of("aNumber", "991000001", "kind", "TARGET", "outcome", "ARRESTED", "screening", screening),
                        Map.of("aNumber", "991000002", "kind", "TARGET", "outcome", "ARRESTED"),
                        Map.of("describedAs", "neighbour (synthetic)", "kind", "COLLATERAL", "outcome",
                                "ENROLLED_ATD", "legalBasisKind", "OTHER_AUTHORITY", "legalBasis",
                                "INA 287(a)(2)", "screening", Map.of("minorChildren", false, "otherDependants",
                                        false, "soleCaregiver", false, "pregnantOrNursing", false)))),
                JsonNode.class).getBody();
        assertThat(recorded.size()).as(String.valueOf(recorded)).isEqualTo(3);
        move("/api/families/1001/custody/stage", Map.of("site", "Hotel A",
                "at", "2019-06-24T09:00:00Z"));
    }

    @Test
    void the_funnel_counts_the_day_from_the_record() {
        move("/api/families/1001/custody/transport", Map.of("destination", "Dilley FRC",
                "at", "2019-06-24T18:00:00Z"));

        JsonNode funnel = api.as("auditor").getForObject("/api/operations/" + operation + "/funnel", JsonNode.class);

        JsonNode total = funnel.path("total");
        assertThat(total.path("targeted").asLong()).isEqualTo(2);
        assertThat(total.path("encountered").asLong()).isEqualTo(3);
        assertThat(total.path("arrestedTargets").asLong()).isEqualTo(2);
        assertThat(total.path("arrestedCollateral").asLong()).isZero();
        assertThat(total.path("onAtd").asLong()).isEqualTo(1);
        assertThat(total.path("transported").asLong()).isEqualTo(2);
        assertThat(funnel.path("cities").findValuesAsText("fieldOffice")).contains("HOU");

        // the dashboard: the same numbers as a chart's data and in the table beside it, and its CSV
        org.caseops.fixtures.FormSession auditor = org.caseops.fixtures.FormSession.signIn(environment, "auditor");
        String page = auditor.get("/operations/" + operation + "/funnel").body();
        assertThat(page).contains("Funnel of operation " + operation, "data-values=\"[2,3,2,0,0,1,2,0,0]\"");
        assertThat(auditor.get("/operations/" + operation + "/funnel?format=csv").body().lines())
                .contains("HOU,2,3,0,2,0,0,0,1,2,0,0", "All field offices,2,3,0,2,0,0,0,1,2,0,0");
        assertThat(org.caseops.fixtures.FormSession.signIn(environment, "officer")
                .get("/operations/" + operation + "/funnel").statusCode()).isEqualTo(403);

        // the family removed together by its removal record (docs/removal.md): the funnel counts it from the record
        JsonNode removal = api.as("supervisor").postForEntity("/api/families/1001/removals", Map.of("country",
                "Guatemala", "consulate", "Consulate General of Guatemala, Houston", "requestedOn", "2019-06-25",
                "accompanying", List.of(mateo)), JsonNode.class).getBody();
        String at = "/api/families/1001/removals/" + removal.path("id").asLong();
        int version = 0;
        for (JsonNode m : removal.path("members")) {
            version = officer.postForEntity(at + "/travel-documents", Map.of("personId", m.path("personId").asLong(),
                    "status", "ISSUED", "on", "2019-06-26", "reference", "TD (synthetic)", "version", version),
                    JsonNode.class).getBody().path("version").asInt();
        }
        version = officer.postForEntity(at + "/itinerary", Map.of("mode", "CHARTER", "date", "2019-06-28", "port",
                "Alexandria, LA (AEX)", "version", version), JsonNode.class).getBody().path("version").asInt();
        assertThat(officer.postForEntity(at + "/departure", Map.of("departedOn", "2019-06-28", "port",
                "Alexandria, LA (AEX)", "escort", "two officers (synthetic)", "version", version), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode after = api.as("auditor").getForObject("/api/operations/" + operation + "/funnel", JsonNode.class);
        assertThat(after.path("total").path("removed").asLong()).as("Ana and Sofia; Mateo accompanied them")
                .isEqualTo(2);
        assertThat(after.path("total").path("departedVoluntarily").asLong()).isZero();
    }

    @Test
    void the_locator_finds_a_person_held_by_exact_a_number_and_country_and_no_one_else() {
        JsonNode found = api.anonymous().getForObject("/api/locator?aNumber=991000001&countryOfBirth=GT",
                JsonNode.class);

        assertThat(found.path("location").asText()).isEqualTo("Hotel A");
        assertThat(found.path("publicationLagSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(api.anonymous().getForEntity("/api/locator?aNumber=991000001&countryOfBirth=HO", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.anonymous().getForEntity("/api/locator?aNumber=991000003&countryOfBirth=HO", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_release_on_atd_records_its_conditions_and_a_device_is_for_adults_only() {
        Problems.assertBadInput(move("/api/people/991000001/custody/release", Map.of("reason", "ATD",
                "at", "2019-06-24T10:00:00Z")), "conditions");
        Problems.assertBadInput(move("/api/people/991000002/custody/release", Map.of("reason", "ATD",
                "at", "2019-06-24T10:00:00Z", "conditions", Map.of("program", "ATD", "technology",
                        "GPS_ANKLE_MONITOR", "checkInEveryDays", 7, "firstCheckIn", "2019-07-01",
                        "reportingOffice", "Houston"))), "conditions.technology");

        // the daughter alone cannot be released while her mother is held and no one else cares for her
        assertThat(move("/api/people/991000002/custody/release", Map.of("reason", "HUMANITARIAN",
                "at", "2019-06-24T10:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode released = move("/api/families/1001/custody/release", Map.of("reason", "ATD",
                "at", "2019-06-24T10:00:00Z", "conditions", Map.of("program", "ATD", "technology",
                        "SMARTPHONE_CHECK_IN", "checkInEveryDays", 7, "firstCheckIn", "2019-07-01",
                        "reportingOffice", "Houston field office"))).getBody();

        assertThat(released.findValuesAsText("state")).containsExactly("RELEASED", "RELEASED");
        assertThat(jdbc.sql("select p.given_name || ' ' || r.technology from release_condition r "
                + "join person p on p.id = r.person_id").query(String.class).list())
                .containsExactly("Ana SMARTPHONE_CHECK_IN");
        JsonNode funnel = api.as("auditor").getForObject("/api/operations/" + operation + "/funnel", JsonNode.class);
        assertThat(funnel.path("total").path("released").path("ATD").asLong()).isEqualTo(2);
        assertThat(funnel.path("total").path("onAtd").asLong()).isEqualTo(3);
    }
}
