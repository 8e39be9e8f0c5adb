package org.caseops.docket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.caseops.fixtures.Api;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/imports} against hostile uploads (issue 13): the file names a client gives are never used as
 * paths ({@code .}, {@code ..}, {@code /}: with {@code ..} the server once tried to delete the system's temporary
 * folder); a corrupt zip, a zip whose entries climb out with {@code ..} or start at {@code /}, and a zip bomb are each
 * a 400 naming {@code eoir}, with nothing stored; an upload over the limit is a 413 problem detail.
 */
@CaseOpsTest
class UploadHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void empty() {
        Database.clearDocket(jdbc);
    }

    record Part(String name, String filename, byte[] content) {
    }

    HttpResponse<String> upload(Part... parts) throws Exception {
        String boundary = "caseops-test-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name()
                    + "\"; filename=\"" + part.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(part.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + api.token("attorney"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long imports() {
        return jdbc.sql("select count(*) from import_run").query(Long.class).single();
    }

    static void assertBadInput(HttpResponse<String> response, String field, String detailContains) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("detail").asText()).contains(detailContains);
    }

    @Test
    void upload_file_names_are_never_used_as_paths() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Path canary = Files.writeString(Files.createTempFile("caseops-canary", ".txt"), "still here");
        byte[] persons = EoirFiles.houstonFamilies().content("persons", StandardCharsets.UTF_8);
        byte[] zip = Files.readAllBytes(EoirFiles.houstonFamilies().writeZip(
                Files.createTempDirectory("upload").resolve("eoir.zip")));

        for (String name : new String[] {".", "..", "/", "../../etc/passwd", "..\\\\..\\\\x", "/tmp", ""}) {
            HttpResponse<String> response = upload(new Part("eoir", name, zip), new Part("persons", name, persons));
            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(201);
        }
        assertThat(temp).isDirectory();
        assertThat(Files.readString(canary)).isEqualTo("still here");
        Files.delete(canary);
    }

    @Test
    void a_corrupt_zip_is_a_400_naming_eoir_and_nothing_is_stored() throws Exception {
        byte[] zip = Files.readAllBytes(EoirFiles.houstonFamilies().writeZip(
                Files.createTempDirectory("upload").resolve("eoir.zip")));
        byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
        assertBadInput(upload(new Part("eoir", "eoir.zip", truncated)), "eoir", "not a readable zip");

        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        assertThat(upload(new Part("eoir", "eoir.zip", garbage)).statusCode()).isEqualTo(400);

        // a central directory that is fine around entry data that is not
        byte[] corruptData = zip.clone();
        for (int i = 60; i < Math.min(corruptData.length / 2, 400); i++) {
            corruptData[i] ^= 0x5a;
        }
        HttpResponse<String> corrupt = upload(new Part("eoir", "eoir.zip", corruptData));
        assertThat(corrupt.statusCode()).as(corrupt.body()).isEqualTo(400);
        assertThat(imports()).isZero();
    }

    @Test
    void zip_entries_that_climb_out_or_start_at_the_root_are_refused() throws Exception {
        for (String entry : new String[] {"../A_TblCase.csv", "eoir/../../A_TblCase.csv", "/A_TblCase.csv",
                "..\\A_TblCase.csv", "C:/A_TblCase.csv"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(EoirFiles.houstonFamilies().content("A_TblCase", StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            assertBadInput(upload(new Part("eoir", "eoir.zip", bytes.toByteArray())), "eoir", "unsafe name");
        }
        assertThat(imports()).isZero();
    }

    @Test
    void a_zip_bomb_stops_with_a_clear_error_and_nothing_stored() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("A_TblCase.csv"));
            zip.write(EoirFiles.houstonFamilies().content("A_TblCase", StandardCharsets.UTF_8));
            byte[] blank = new byte[1 << 20];
            java.util.Arrays.fill(blank, (byte) '\n');
            for (int i = 0; i < 100; i++) { // 100 MB of empty lines, a few hundred KB zipped
                zip.write(blank);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(1 << 20);

        assertBadInput(upload(new Part("eoir", "eoir.zip", bytes.toByteArray())), "eoir", "zip bomb");
        assertThat(imports()).isZero();
        assertThat(jdbc.sql("select count(*) from eoir_case").query(Long.class).single()).isZero();
    }

    @Test
    void an_upload_over_the_limit_is_a_413_problem_detail() throws Exception {
        // the test configuration allows 8 MB (application-test.properties)
        byte[] large = new byte[9 << 20];
        HttpResponse<String> response = upload(new Part("persons", "persons.csv", large));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(imports()).isZero();
    }
}
