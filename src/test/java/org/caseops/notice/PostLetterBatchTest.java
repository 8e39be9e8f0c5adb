package org.caseops.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.caseops.docket.DocketImporter;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Dockets;
import org.caseops.fixtures.EoirFiles;
import org.caseops.fixtures.LegalVersions;
import org.caseops.fixtures.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/letter-batches and the letters it prints: Ana Lopez (executable) with her rider daughter Sofia and her
 * U.S.-citizen son Mateo (no case); Jose Reyes, whose pending motion to reopen (filed 2019-03-01) stays his removal.
 */
@CaseOpsTest
class PostLetterBatchTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Api api;
    @Autowired
    DocketImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void docket() throws Exception {
        Dockets.freshlyImported(EoirFiles.houstonFamilies(), importer, jdbc);
    }

    private static ResponseEntity<JsonNode> print(TestRestTemplate as, Map<String, Object> body) {
        return as.postForEntity("/api/letter-batches", body, JsonNode.class);
    }

    private static Map<String, Object> houston() {
        return Map.of("fieldOffice", "HOU", "printDate", "2019-05-20", "reportBy", "2019-06-10");
    }

    private long letters() {
        return jdbc.sql("select count(*) from letter").query(Long.class).single();
    }

    private long printedAudits() {
        return jdbc.sql("select count(*) from audit_entry where action = 'CALL_IN_LETTERS_PRINTED'")
                .query(Long.class).single();
    }

    private List<String> named() {
        return jdbc.sql("select p.given_name from letter_member m join person p on p.id = m.person_id order by 1")
                .query(String.class).list();
    }

    @Test
    void prints_one_letter_for_the_executable_family_naming_its_members_with_a_case_and_nobody_else() {
        long audited = printedAudits();
        ResponseEntity<JsonNode> response = print(api.as("supervisor"), houston());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode batch = response.getBody();
        assertThat(batch.path("letters")).hasSize(1);
        JsonNode letter = batch.path("letters").get(0);
        assertThat(letter.path("reference").asText()).isEqualTo("CL-HOU-20190520-000001");
        assertThat(letter.path("familyId").asLong()).isEqualTo(1001L);
        assertThat(letter.path("templateLanguage").asText()).isEqualTo("SPANISH");
        assertThat(letter.path("interpreter").asBoolean()).isFalse();
        assertThat(letter.path("status").asText()).isEqualTo("PRINTED");
        assertThat(letter.path("concerned").toString()).isEqualTo("[\"991000001\",\"991000002\"]");
        assertThat(named()).as("never the U.S.-citizen son, never Jose (stayed by his motion)")
                .containsExactly("Ana", "Sofia");
        assertThat(batch.path("skipped").findValuesAsText("familyId")).containsExactly("1003");
        assertThat(jdbc.sql("select count(*) from case_event where kind = 'CALL_IN_LETTER_PRINTED'")
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(printedAudits()).isEqualTo(audited + 1);
    }

    @Test
    void a_member_not_executable_on_the_report_by_date_gets_no_letter_and_the_family_letter_names_only_the_others()
            throws Exception {
        // counsel places a legal hold on Sofia's case from 2019-06-01: executable when printed, not by the deadline
        assertThat(http.postForEntity("/api/cases/991000002/holds", LegalVersions.with(Map.of("reason",
                "Pending SIJ petition", "placedOn", "2019-06-01"), LegalVersions.holds(http, "991000002")),
                JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();

        JsonNode batch = print(api.as("supervisor"), houston()).getBody();

        assertThat(named()).containsExactly("Ana");
        byte[] pdf = api.as("supervisor").getForObject("/api/letters/CL-HOU-20190520-000001/pdf", byte[].class);
        String text = LetterRendererTest.text(pdf);
        assertThat(text).contains("Ana Lopez, número A A-991-000-001").doesNotContain("Sofia").doesNotContain("Mateo")
                .contains("Aviso para presentarse").contains("2019-06-10");
        assertThat(batch.path("letters")).hasSize(1);
    }

    @Test
    void a_family_with_no_member_executable_gets_no_letter_at_all() {
        for (String a : new String[] {"991000001", "991000002"}) {
            http.postForEntity("/api/cases/" + a + "/holds", LegalVersions.with(Map.of("reason", "Pending U visa",
                    "placedOn", "2019-05-01"), LegalVersions.holds(http, a)), JsonNode.class);
        }

        JsonNode batch = print(api.as("supervisor"), houston()).getBody();

        assertThat(batch.path("letters")).isEmpty();
        assertThat(letters()).isZero();
        assertThat(batch.path("skipped").findValuesAsText("familyId")).containsExactlyInAnyOrder("1001", "1003");
    }

    @Test
    void a_language_without_a_template_gets_the_spanish_letter_with_an_interpreter_and_the_language_recorded()
            throws Exception {
        jdbc.sql("update case_index set lang = 'QUI' where idncase = 1001").update();

        print(api.as("supervisor"), houston());

        JsonNode letter = http.getForObject("/api/letters/CL-HOU-20190520-000001", JsonNode.class);
        assertThat(letter.path("eoirLanguage").asText()).isEqualTo("QUI");
        assertThat(letter.path("templateLanguage").asText()).isEqualTo("SPANISH");
        assertThat(letter.path("interpreter").asBoolean()).isTrue();
        String text = LetterRendererTest.text(api.as("supervisor")
                .getForObject("/api/letters/CL-HOU-20190520-000001/pdf", byte[].class));
        assertThat(text).contains("intérprete en su idioma (QUICHE (QUI))");
    }

    @Test
    void the_batch_prints_as_one_pdf_and_a_csv_for_the_mail_house() throws Exception {
        long id = print(api.as("supervisor"), houston()).getBody().path("id").asLong();

        ResponseEntity<byte[]> pdf = api.as("officer").getForEntity("/api/letter-batches/" + id + "/pdf",
                byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(LetterRendererTest.text(pdf.getBody())).contains("CL-HOU-20190520-000001");
        String csv = api.as("officer").getForObject("/api/letter-batches/" + id + "/csv", String.class);
        assertThat(csv.split("\r\n")).containsExactly(
                "reference,addressee,address_line,city_line,language,interpreter",
                "\"CL-HOU-20190520-000001\",\"Ana Lopez\",\"12 Elm St, Apt 4\",\"Houston, TX 77002\",\"SPANISH\",no");
    }

    @Test
    void a_second_batch_for_the_same_office_and_day_is_a_409() {
        print(api.as("supervisor"), houston());

        assertThat(print(api.as("director"), houston()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(letters()).isEqualTo(1L);
    }

    @Test
    void bad_input_is_a_400_naming_the_field() {
        TestRestTemplate supervisor = api.as("supervisor");
        Problems.assertBadInput(print(supervisor, Map.of("printDate", "2019-05-20", "reportBy", "2019-06-10")),
                "fieldOffice");
        Problems.assertBadInput(print(supervisor, Map.of("fieldOffice", "XXX", "printDate", "2019-05-20",
                "reportBy", "2019-06-10")), "fieldOffice");
        Problems.assertBadInput(print(supervisor, Map.of("fieldOffice", "HOU", "reportBy", "2019-06-10")),
                "printDate");
        Problems.assertBadInput(print(supervisor, Map.of("fieldOffice", "HOU", "printDate", "2019-05-20",
                "reportBy", "2019-05-20")), "reportBy");
        assertThat(letters()).isZero();
    }

    @Test
    void only_a_supervisor_or_director_of_the_field_office_prints_its_letters() {
        assertThat(print(api.as("supervisor"), Map.of("fieldOffice", "CHI", "printDate", "2019-05-20",
                "reportBy", "2019-06-10")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String user : new String[] {"officer", "attorney", "auditor", "admin", "partner"}) {
            assertThat(print(api.as(user), houston()).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(print(api.anonymous(), houston()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(letters()).isZero();
    }
}
