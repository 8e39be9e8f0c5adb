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

        Path first = home.resolve("first.ndjson");
        Path second = home.resolve("second.ndjson");
        // the four commands one after another in one JVM (Commands), each with its own context and database start
        List<Commands.Run> runs = Commands.run(Map.of("CASEOPS_HOME", home.toString()), Duration.ofMinutes(3),
                List.of("import", "--eoir", zip.toString(), "--persons", persons.toString()),
                List.of("screen", "--as-of", "2019-06-23"),
                List.of("audit", "export", "--out", first.toString()),
                List.of("audit", "export", "--out", second.toString()));
        Commands.Run imported = runs.get(0);
        assertThat(imported.exit()).as(imported.output()).isZero();
        Commands.Run screened = runs.get(1);
        assertThat(screened.exit()).as(screened.output()).isZero();
        assertThat(runs.get(2).exit()).as(runs.get(2).output()).isZero();
        assertThat(runs.get(3).exit()).as(runs.get(3).output()).isZero();

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
}
