package org.caseops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseops.fixtures.ChildJvm;
import org.caseops.fixtures.EoirFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads or changes person-level data writes an audit entry with the operating-system user as
 * actor (issue 13): {@code import}, {@code screen}, {@code audit export}. Before, the trail never showed them.
 */
class CommandAuditTest {

    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void import_screen_and_audit_export_are_audited_as_the_operating_system_user() throws Exception {
        EoirFiles docket = EoirFiles.houstonFamilies();
        Path zip = docket.writeZip(files.resolve("eoir.zip"));
        Path persons = docket.writePersons(files.resolve("persons.csv"));

        Run imported = caseops("import", "--eoir", zip.toString(), "--persons", persons.toString());
        assertThat(imported.exit).as(imported.output).isZero();
        Run screened = caseops("screen", "--as-of", "2019-06-23");
        assertThat(screened.exit).as(screened.output).isZero();
        Path first = home.resolve("first.ndjson");
        assertThat(caseops("audit", "export", "--out", first.toString()).exit).isZero();
        Path second = home.resolve("second.ndjson");
        assertThat(caseops("audit", "export", "--out", second.toString()).exit).isZero();

        String operator = "cli:" + System.getProperty("user.name");
        List<JsonNode> entries = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(second, StandardCharsets.UTF_8)) {
            entries.add(json.readTree(line));
        }
        assertThat(entries).extracting(e -> e.path("action").asText())
                .containsSubsequence("DOCKET_IMPORTED", "SCREENING_RUN", "AUDIT_EXPORTED");
        for (JsonNode entry : entries) {
            if (List.of("DOCKET_IMPORTED", "SCREENING_RUN", "AUDIT_EXPORTED").contains(entry.path("action").asText())) {
                assertThat(entry.path("actor").asText()).as(entry.toString()).isEqualTo(operator);
                assertThat(entry.path("role").asText()).isEqualTo("CLI");
            }
        }
        assertThat(entries.stream().filter(e -> e.path("action").asText().equals("AUDIT_EXPORTED")).findFirst()
                .orElseThrow().path("detail").asText()).contains(first.toString());
    }

    record Run(int exit, String output) {
    }

    private Run caseops(String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(Main.class, Map.of("CASEOPS_HOME", home.toString()), args)) {
            int exit = child.waitFor(Duration.ofMinutes(3));
            return new Run(exit, child.output());
        }
    }
}
