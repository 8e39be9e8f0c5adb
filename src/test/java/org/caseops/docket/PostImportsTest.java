package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Problems;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@CaseOpsTest
class PostImportsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        Database.clearDocket(jdbc);
    }

    private ResponseEntity<JsonNode> post(MultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity("/api/imports", new HttpEntity<>(parts, headers), JsonNode.class);
    }

    @Test
    void imports_a_zip_and_a_person_file_and_returns_the_report() throws Exception {
        Path dir = Files.createTempDirectory("post");
        EoirFiles files = EoirFiles.houstonFamilies();
        int bad = files.raw("persons", "1003,991000009,Jose,Reyes,not-a-date,M,HO,SP,N,N,N,,LEAD,,,,,");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("eoir", new FileSystemResource(files.writeZip(dir.resolve("eoir.zip"))));
        parts.add("persons", new FileSystemResource(files.writePersons(dir.resolve("persons.csv"))));

        ResponseEntity<JsonNode> response = post(parts);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = response.getBody().path("importId").asLong();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/imports/" + id);
        JsonNode tables = response.getBody().path("tables");
        assertThat(tables.findValuesAsText("table")).contains("A_TblCase", "persons");
        assertThat(tables.get(0).path("inserted").asLong()).isEqualTo(3);
        JsonNode persons = tables.get(tables.size() - 1);
        assertThat(persons.path("inserted").asLong()).isEqualTo(4);
        assertThat(persons.path("quarantined").asLong()).isEqualTo(1);
        JsonNode quarantine = http.getForObject("/api/imports/" + id + "/quarantine", JsonNode.class);
        assertThat(quarantine.path("items").get(0).path("line").asInt()).isEqualTo(bad);
        assertThat(quarantine.path("items").get(0).path("column").asText()).isEqualTo("BIRTH_DATE");
    }

    @Test
    void the_release_date_given_with_the_upload_is_recorded() throws Exception {
        Path dir = Files.createTempDirectory("post");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("eoir", new FileSystemResource(EoirFiles.houstonFamilies().writeZip(dir.resolve("eoir.zip"))));
        parts.add("asOfRelease", "2019-06-28");

        ResponseEntity<JsonNode> response = post(parts);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("releaseDate").asText()).isEqualTo("2019-06-28");
        assertThat(jdbc.sql("select release_date::text from import_run").query(String.class).single())
                .isEqualTo("2019-06-28");
    }

    @Test
    void a_release_date_in_the_future_is_a_400_and_nothing_is_written() throws Exception {
        Path dir = Files.createTempDirectory("post");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("eoir", new FileSystemResource(EoirFiles.houstonFamilies().writeZip(dir.resolve("eoir.zip"))));
        parts.add("asOfRelease", java.time.LocalDate.now().plusDays(2).toString());

        ResponseEntity<JsonNode> response = post(parts);

        Problems.assertBadInput(response, "asOfRelease");
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single()).isZero();
    }

    @Test
    void no_files_is_a_400_naming_the_field() {
        ResponseEntity<JsonNode> response = post(new LinkedMultiValueMap<>(java.util.Map.of("note",
                java.util.List.of("nothing"))));

        Problems.assertBadInput(response, "eoir");
    }

    @Test
    void an_eoir_part_that_is_not_a_zip_is_a_400_and_nothing_is_written() throws Exception {
        Path notZip = Files.writeString(Files.createTempDirectory("post").resolve("A_TblCase.csv"), "IDNCASE\n1\n");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("eoir", new FileSystemResource(notZip));

        ResponseEntity<JsonNode> response = post(parts);

        Problems.assertBadInput(response, "eoir");
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single()).isZero();
    }
}
