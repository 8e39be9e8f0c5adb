package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@CaseOpsTest
class GetPersonTest {

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

    @Test
    void shows_a_person_with_their_case_and_field_office() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/991000001", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode person = response.getBody();
        assertThat(person.path("givenName").asText()).isEqualTo("Ana");
        assertThat(person.path("familyId").asLong()).isEqualTo(1001);
        assertThat(person.path("familyRole").asText()).isEqualTo("LEAD");
        assertThat(person.path("address").path("line").asText()).isEqualTo("12 Elm St, Apt 4");
        JsonNode removalCase = person.path("removalCase");
        assertThat(removalCase.path("idncase").asLong()).isEqualTo(1001);
        assertThat(removalCase.path("orderType").asText()).isEqualTo("REMOVAL_ORDERED");
        assertThat(removalCase.path("inAbsentia").asBoolean()).isTrue();
        assertThat(removalCase.path("orderDate").asText()).isEqualTo("2019-02-11");
        assertThat(removalCase.path("fieldOffice").asText()).isEqualTo("HOU");
    }

    @Test
    void computes_age_and_minority_as_of_the_date_asked() {
        JsonNode in2019 = http.getForObject("/api/people/A-991-000-002?asOf=2019-06-23", JsonNode.class);
        JsonNode in2031 = http.getForObject("/api/people/991000002?asOf=2031-01-01", JsonNode.class);

        assertThat(in2019.path("age").asInt()).isEqualTo(6);
        assertThat(in2019.path("minor").asBoolean()).isTrue();
        assertThat(in2031.path("age").asInt()).isEqualTo(18);
        assertThat(in2031.path("minor").asBoolean()).isFalse();
    }

    @Test
    void a_malformed_a_number_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/12345", JsonNode.class);

        Problems.assertBadInput(response, "aNumber");
    }

    @Test
    void a_bad_as_of_date_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/991000001?asOf=23/06/2019",
                JsonNode.class);

        Problems.assertBadInput(response, "asOf");
    }

    @Test
    void an_unknown_a_number_is_a_404_problem() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/people/999999999", JsonNode.class);

        Problems.assertNotFound(response, "999999999");
    }
}
