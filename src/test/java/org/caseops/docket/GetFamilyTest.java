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
class GetFamilyTest {

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
    void shows_the_lead_riders_and_household_each_with_their_own_status() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/families/1001?asOf=2019-06-23", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode family = response.getBody();
        assertThat(family.path("fieldOffice").asText()).isEqualTo("HOU");
        assertThat(family.path("members").asInt()).isEqualTo(3);
        assertThat(family.path("minors").asInt()).isEqualTo(2);
        JsonNode people = family.path("people");
        assertThat(people.findValuesAsText("givenName")).containsExactly("Ana", "Sofia", "Mateo");
        assertThat(people.findValuesAsText("role")).containsExactly("LEAD", "RIDER", "HOUSEHOLD");
        assertThat(people.get(2).path("usCitizen").asBoolean()).isTrue();
        assertThat(people.get(2).path("orderType").asText()).isEqualTo("NOT_SUBJECT_TO_REMOVAL");
        assertThat(people.get(2).path("age").asInt()).isEqualTo(2);
        assertThat(people.get(1).path("orderType").asText()).isEqualTo("REMOVAL_ORDERED");
    }

    @Test
    void a_severed_rider_is_no_longer_in_the_family() throws Exception {
        EoirFiles severed = EoirFiles.standard();
        severed.raw("tbl_Lead_Rider", EoirFiles.tab(9001, 1001, 1002, "2019-05-01 00:00:00.000", "0"));
        importer.importFiles(severed.writeTo(java.nio.file.Files.createTempDirectory("sever")), null, "test",
                ImportProgress.NONE);

        JsonNode family = http.getForObject("/api/families/1001", JsonNode.class);
        JsonNode own = http.getForObject("/api/families/1002", JsonNode.class);

        assertThat(family.path("people").findValuesAsText("givenName")).containsExactly("Ana", "Mateo");
        assertThat(own.path("people").findValuesAsText("role")).containsExactly("LEAD");
    }

    @Test
    void a_non_numeric_id_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/families/lopez", JsonNode.class);

        Problems.assertBadInput(response, "id");
    }

    @Test
    void an_unknown_family_is_a_404() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/families/424242", JsonNode.class);

        Problems.assertNotFound(response, "424242");
    }
}
