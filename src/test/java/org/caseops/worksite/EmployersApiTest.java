package org.caseops.worksite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.worksite.WorksiteApi.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Employers, sites and history over HTTP: created by their field office, seen by it, 400 naming the field. */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployersApiTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    WorksiteApi worksite;
    JsonNode houston;

    @BeforeAll
    void anEmployerInHouston() {
        worksite = new WorksiteApi(api);
        houston = worksite.employer("supervisor", "HOU", "Gulf Poultry Processing (synthetic)", 420);
    }

    private long id() {
        return houston.path("employer").path("id").asLong();
    }

    @Test
    void an_employer_is_created_with_its_first_site_and_its_size_class() {
        JsonNode employer = houston.path("employer");
        assertThat(employer.path("ein").asText()).startsWith("00-");
        assertThat(employer.path("size").asText()).isEqualTo("MEDIUM");
        assertThat(employer.path("fieldOffices").toString()).isEqualTo("[\"HOU\"]");
        assertThat(houston.path("sites").get(0).path("fieldOffice").asText()).isEqualTo("HOU");
        JsonNode events = ok(worksite.get("officer", "/api/employers/" + id() + "/events"), HttpStatus.OK);
        assertThat(events.get(0).path("kind").asText()).isEqualTo("CREATED");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'WORKSITE_EMPLOYER_CREATED' "
                + "and subject_id = ?").param(String.valueOf(id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bad_input_is_a_problem_naming_the_field() {
        Problems.assertBadInput(worksite.post("supervisor", "/api/employers", Map.of("name", "X (synthetic)",
                "ein", "123456789", "naics", "311615", "employees", 3)), "ein");
        Problems.assertBadInput(worksite.post("supervisor", "/api/employers", Map.of("name", "X (synthetic)",
                "ein", WorksiteApi.nextEin(), "naics", "poultry", "employees", 3)), "naics");
        Problems.assertBadInput(worksite.post("supervisor", "/api/employers", Map.of("name", "X (synthetic)",
                "ein", WorksiteApi.nextEin(), "naics", "311615", "employees", 3, "site", Map.of("name", "A",
                        "address", "1 Road", "city", "Town", "state", "TX", "fieldOffice", "NOPE"))),
                "site.fieldOffice");
        Problems.assertBadInput(worksite.post("supervisor", "/api/employers/" + id() + "/history",
                Map.of("occurredOn", "2019-01-01", "kind", "RUMOUR", "summary", "x")), "kind");
    }

    @Test
    void the_same_ein_twice_is_a_conflict() {
        String ein = houston.path("employer").path("ein").asText();
        ok(worksite.post("supervisor", "/api/employers", Map.of("name", "Copy (synthetic)", "ein", ein,
                "naics", "311615", "employees", 3, "site", Map.of("name", "A", "address", "1 Road", "city", "Town",
                        "state", "TX", "fieldOffice", "HOU"))), HttpStatus.CONFLICT);
    }

    @Test
    void another_field_office_neither_sees_nor_changes_the_employer() {
        Problems.assertNotFound(worksite.get("officer.chicago", "/api/employers/" + id()), "no employer " + id());
        assertThat(ok(worksite.get("officer.chicago", "/api/employers"), HttpStatus.OK).findValuesAsText("id"))
                .doesNotContain(String.valueOf(id()));
        assertThat(ok(worksite.get("auditor", "/api/employers"), HttpStatus.OK).findValuesAsText("ein"))
                .contains(houston.path("employer").path("ein").asText());
        // a site is recorded by its own field office
        assertThat(worksite.post("supervisor", "/api/employers/" + id() + "/sites", Map.of("name", "Chicago plant",
                "address", "1 Lake St", "city", "Chicago", "state", "IL", "fieldOffice", "CHI"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(worksite.post("partner", "/api/employers", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void history_is_recorded_and_a_stale_version_is_refused() {
        ok(worksite.post("supervisor", "/api/employers/" + id() + "/history", Map.of("occurredOn", "2016-05-02",
                "kind", "SETTLEMENT", "summary", "settled a 2015 notice of intent to fine", "amount", 12500)),
                HttpStatus.CREATED);
        JsonNode read = ok(worksite.get("officer", "/api/employers/" + id()), HttpStatus.OK);
        assertThat(read.path("history").findValuesAsText("kind")).contains("SETTLEMENT");
        int version = read.path("employer").path("version").asInt();
        ok(worksite.post("supervisor", "/api/employers/" + id() + "/sites", Map.of("name", "Plant 2",
                "address", "200 Synthetic Road", "city", "Testville", "state", "TX", "fieldOffice", "HOU",
                "version", version)), HttpStatus.CREATED);
        ok(worksite.post("supervisor", "/api/employers/" + id() + "/sites", Map.of("name", "Plant 3",
                "address", "300 Synthetic Road", "city", "Testville", "state", "TX", "fieldOffice", "HOU",
                "version", version)), HttpStatus.CONFLICT);
    }
}
