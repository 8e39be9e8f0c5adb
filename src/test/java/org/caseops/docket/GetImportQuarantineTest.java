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
class GetImportQuarantineTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    long importId;
    int[] badLines;

    @BeforeEach
    void importWithBadRows() throws Exception {
        EoirFiles files = EoirFiles.houstonFamilies();
        badLines = new int[] {
            files.raw("A_TblCase", EoirFiles.tab("1x", "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "", "", "", "N", "")),
            files.raw("A_TblCase", EoirFiles.tab(2, "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "", "", "maybe", "N", "")),
            files.raw("A_TblCase", EoirFiles.tab(3, "GT", "SP", "X", "TX", "1", "RMV", "F", "0", "1999-13-01", "", "", "N", ""))
        };
        importId = Dockets.freshlyImported(files, importer, jdbc).importId();
    }

    @Test
    void lists_each_quarantined_row_with_file_line_column_and_reason() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/imports/" + importId + "/quarantine",
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode rows = response.getBody().path("items");
        assertThat(response.getBody().path("total").asLong()).isEqualTo(3);
        assertThat(rows.findValuesAsText("line")).containsExactly(String.valueOf(badLines[0]),
                String.valueOf(badLines[1]), String.valueOf(badLines[2]));
        assertThat(rows.findValuesAsText("column")).containsExactly("IDNCASE", "DATE_OF_ENTRY", "C_BIRTHDATE");
        assertThat(rows.findValuesAsText("file")).containsOnly("A_TblCase.csv");
        assertThat(rows.get(1).path("raw").asText()).contains("maybe");
    }

    @Test
    void pages_through_the_rows() {
        JsonNode second = http.getForObject("/api/imports/" + importId + "/quarantine?size=2&page=1", JsonNode.class);

        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("column").asText()).isEqualTo("C_BIRTHDATE");
    }

    @Test
    void an_unknown_import_is_a_404() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/imports/987654/quarantine", JsonNode.class);

        Problems.assertNotFound(response, "987654");
    }

    @Test
    void a_page_size_out_of_range_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/imports/" + importId + "/quarantine?size=5000",
                JsonNode.class);

        Problems.assertBadInput(response, "size");
    }
}
