package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.CaseOpsTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The documented offline procedure on a real export: tools/verify-audit-export.py (Python standard library only)
 * accepts what CaseOps exported and finds an edited, deleted or reordered line, or a rewritten chain.
 */
@CaseOpsTest
class OfflineVerificationTest {

    static final Path TOOL = Path.of("tools/verify-audit-export.py");

    @Autowired
    AuditLog log;
    @TempDir
    Path tmp;

    Path export;
    List<String> lines;

    @BeforeAll
    static void python() {
        assumeTrue(available(), "python3 is not installed on this machine");
    }

    @BeforeEach
    void export() throws IOException {
        AuditTrail.write(log, 5);
        log.record(new AuditEvent("auditor", "AUDITOR", null, "SEARCH", null, null, null, null,
                "ünïcödé, \"quotes\", tab\there, newline\nthere, separator \u001F and emoji \uD83D\uDE00"));
        export = tmp.resolve("audit.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            log.export(out);
        }
        lines = Files.readAllLines(export, StandardCharsets.UTF_8);
    }

    @Test
    void accepts_an_untouched_export() throws Exception {
        Result result = run(export);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("intact: " + lines.size() + " entries");
    }

    @Test
    void finds_an_edited_line() throws Exception {
        int i = lines.size() - 3;
        lines.set(i, lines.get(i).replace("\"officer\"", "\"someone\""));
        Path edited = write("edited");

        Result result = run(edited);

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.output).contains("BROKEN at entry " + (i + 1) + ":").contains("(edited)");
    }

    @Test
    void finds_a_deleted_line() throws Exception {
        lines.remove(2);
        Result result = run(write("deleted"));

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.output).contains("BROKEN at entry 3:").contains("(deleted)");
    }

    @Test
    void finds_two_swapped_lines() throws Exception {
        String second = lines.get(1);
        lines.set(1, lines.get(3));
        lines.set(3, second);
        Result result = run(write("swapped"));

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.output).contains("BROKEN at entry 2:");
    }

    @Test
    void with_an_anchor_finds_a_chain_rewritten_from_the_start() throws Exception {
        String anchor = "1:" + lines.get(0).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(run(export, "--anchor", anchor).exit).isZero();

        Result rewritten = run(export, "--anchor", "1:" + "f".repeat(64));

        assertThat(rewritten.exit).isEqualTo(3);
        assertThat(rewritten.output).contains("BROKEN at entry 1:").contains("anchor");
    }

    private Path write(String name) throws IOException {
        Path file = tmp.resolve(name + ".ndjson");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path file, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", TOOL.toString(), file.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
