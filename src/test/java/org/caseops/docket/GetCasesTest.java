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
class GetCasesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies().withRepresentation();
        files.counsel(1003, "2018-10-02 00:00:00.000", "2");
        files.aCase(1004, "ES");
        files.pendingProceeding(5004, 1004);
        files.respondent(1004, "991000004", "Luis", "Diaz", "1979-07-07", "LEAD");
        Dockets.freshlyImported(files, importer, jdbc);
    }

    private JsonNode get(String query) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/cases" + query, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void filters_by_field_office_order_type_absentia_nationality_and_family() {
        assertThat(get("?fieldOffice=HOU").path("total").asLong()).isEqualTo(4);
        assertThat(get("?fieldOffice=CHI").path("total").asLong()).isZero();
        assertThat(get("?orderType=REMOVAL_ORDERED&inAbsentia=true").path("items").findValuesAsText("idncase"))
                .containsExactly("1001", "1002", "1003");
        assertThat(get("?orderType=pending").path("items").findValuesAsText("aNumber")).containsExactly("991000004");
        assertThat(get("?nationality=HO").path("items").findValuesAsText("idncase")).containsExactly("1003");
        assertThat(get("?family=1001").path("items").findValuesAsText("idncase")).containsExactly("1001", "1002");
        assertThat(get("?hearingLocation=HOU").path("total").asLong()).isEqualTo(4);
    }

    @Test
    void filters_by_representation_and_shows_counsel_in_each_case() {
        JsonNode represented = get("?represented=true");
        JsonNode unrepresented = get("?represented=false&orderType=REMOVAL_ORDERED");

        assertThat(represented.path("items").findValuesAsText("idncase")).containsExactly("1003");
        JsonNode counsel = represented.path("items").get(0);
        assertThat(counsel.path("represented").asBoolean()).isTrue();
        assertThat(counsel.path("counselAppearedOn").asText()).isEqualTo("2018-10-02");
        assertThat(counsel.path("attorneyCount").asInt()).isEqualTo(2);
        assertThat(unrepresented.path("items").findValuesAsText("idncase")).containsExactly("1001", "1002");
        JsonNode none = unrepresented.path("items").get(0);
        assertThat(none.path("represented").asBoolean()).isFalse();
        assertThat(none.path("counselAppearedOn").isNull()).isTrue();
        assertThat(none.path("attorneyCount").isNull()).isTrue();
    }

    @Test
    void a_non_boolean_represented_is_a_400_naming_the_field() {
        Problems.assertBadInput(http.getForEntity("/api/cases?represented=perhaps", JsonNode.class), "represented");
    }

    @Test
    void pages_through_the_cases_in_order() {
        JsonNode first = get("?size=3");
        JsonNode second = get("?size=3&page=1");

        assertThat(first.path("total").asLong()).isEqualTo(4);
        assertThat(first.path("items").findValuesAsText("idncase")).containsExactly("1001", "1002", "1003");
        assertThat(second.path("items").findValuesAsText("idncase")).containsExactly("1004");
    }

    @Test
    void an_unknown_order_type_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/cases?orderType=DEPORTED", JsonNode.class);

        Problems.assertBadInput(response, "orderType");
    }

    @Test
    void a_non_boolean_in_absentia_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/cases?inAbsentia=maybe", JsonNode.class);

        Problems.assertBadInput(response, "inAbsentia");
    }

    @Test
    void a_page_size_out_of_range_is_a_400() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/cases?size=0", JsonNode.class);

        Problems.assertBadInput(response, "size");
    }
}
