package org.caseops.jurisdiction;

import org.caseops.fixtures.CaseOpsTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CaseOpsTest
class GetFieldOfficeTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void shows_a_field_office_with_its_areas_and_hearing_locations() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/field-offices/SND", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode office = response.getBody();
        assertThat(office.path("code").asText()).isEqualTo("SND");
        assertThat(office.path("city").asText()).isEqualTo("San Diego");
        assertThat(office.path("areas").findValuesAsText("county")).containsExactlyInAnyOrder("San Diego", "Imperial");
        assertThat(office.path("hearingLocations").findValuesAsText("code")).contains("ELC", "OTY", "SND")
                .doesNotContain("IRN");
    }

    @Test
    void an_unknown_code_is_a_404_problem_naming_the_code() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/field-offices/XYZ", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asText()).contains("XYZ");
    }
}
