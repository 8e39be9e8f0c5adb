package org.caseops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caseops.fixtures.CaseOpsTest;
import org.caseops.fixtures.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documented offline procedure on a real export: tools/verify-audit-export.py (Python standard library only)
 * accepts what CaseOps exported and finds an edited, deleted or reordered line; with a signed checkpoint CaseOps
 * issued, also a cut-off tail and a chain rewritten with every hash recomputed; and it refuses a forged checkpoint.
 */
@CaseOpsTest
class OfflineVerificationTest {

    static final Path TOOL = Path.of("tools/verify-audit-export.py");

    @Autowired
    AuditLog log;
    @Autowired
    AuditSequencer sequencer;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @TempDir
    Path tmp;

    Path export;
    List<String> lines;
    Path checkpoint;

    @BeforeAll
    static void python() {
        assumeTrue(available(), "python3 is not installed on this machine");
    }

    @BeforeEach
    void export() throws IOException {
        AuditTrail.write(log, sequencer, jdbc, 5);
        log.record(new AuditEvent("auditor", "AUDITOR", null, "SEARCH", null, null, null, null,
                "ünïcödé, \"quotes\", tab\there, newline\nthere, separator \u001F and emoji \uD83D\uDE00"));
        AuditTrail.chainAll(sequencer);
        Checkpoint signed = checkpoints.issue();
        checkpoint = tmp.resolve("checkpoint.json");
        Files.writeString(checkpoint, signed.toJson() + "\n");
        export = tmp.resolve("audit.ndjson");
        try (OutputStream out = Files.newOutputStream(export)) {
            log.export(out);
        }
        lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) signed.position());
    }

    @Test
    void accepts_an_untouched_export_and_its_signed_checkpoint() throws Exception {
        Result result = run(export, "--anchor", checkpoint.toString(), "--key", checkpoints.publicKey());

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("intact: " + lines.size() + " entries")
                .contains("checked against the checkpoint of").contains("(key " + checkpoints.keyId() + ")");
    }

    @Test
    void accepts_the_documented_example_and_its_hash() throws Exception {
        Path example = tmp.resolve("example.ndjson");
        Files.writeString(example, "{\"position\":1,\"seq\":7,\"recorded_at\":\"2026-11-05T14:03:07.120500Z\","
                + "\"actor\":\"officer\",\"role\":\"OFFICER\",\"field_office\":\"HOU\",\"action\":\"PERSON_READ\","
                + "\"subject_type\":\"PERSON\",\"subject_id\":\"991000001\",\"purpose\":null,\"request_id\":\"req-1\","
                + "\"detail\":\"café ✓\",\"prev_hash\":\"" + AuditEntry.GENESIS + "\",\"hash\":"
                + "\"5a6620044fdbaca7cc558667b29bf1041d001ca4ce8e1824a524388721ade3af\"}\n", StandardCharsets.UTF_8);

        Result result = run(example);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("intact: 1 entries");
    }

    @Test
    void counts_entries_not_chained_yet_without_checking_them() throws Exception {
        Path withPending = tmp.resolve("pending.ndjson");
        try (Database.Owner holder = AuditTrail.holdingTheSequencer(jdbc);
             OutputStream out = Files.newOutputStream(withPending)) {
            log.record(AuditTrail.aPersonRead("991000123"));
            log.export(out);
        }

        Result result = run(withPending);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("and 1 pending");
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
    void with_the_signed_checkpoint_finds_a_cut_off_tail() throws Exception {
        lines.remove(lines.size() - 1);
        lines.remove(lines.size() - 1);
        Path cut = write("cut");
        assertThat(run(cut).exit).as("the chain alone cannot see it").isZero();

        Result result = run(cut, "--anchor", checkpoint.toString());

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.output).contains("BROKEN at entry " + (lines.size() + 1) + ":").contains("(truncated)");
    }

    @Test
    void with_the_signed_checkpoint_finds_a_chain_rewritten_with_every_hash_recomputed() throws Exception {
        rewriteFrom(1, "\"officer\"", "\"someone else\"");
        Path rewritten = write("rewritten");
        assertThat(run(rewritten).exit).as("the chain alone cannot see it").isZero();

        Result result = run(rewritten, "--anchor", checkpoint.toString());

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.output).contains("BROKEN at entry " + lines.size() + ":").contains("(rewritten)");
    }

    @Test
    void refuses_a_forged_checkpoint_and_one_signed_with_another_key() throws Exception {
        String signed = Files.readString(checkpoint).strip();
        String signature = signed.replaceAll(".*\"signature\":\"([0-9a-f]{128})\".*", "$1");
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        Path forged = tmp.resolve("forged.json");
        Files.writeString(forged, signed.replace(signature, flipped));

        Result result = run(export, "--anchor", forged.toString());
        Result otherKey = run(export, "--anchor", checkpoint.toString(), "--key", "1".repeat(64));

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.output).contains("signature does not verify");
        assertThat(otherKey.exit).isEqualTo(3);
        assertThat(otherKey.output).contains("is not signed with the key");
    }

    @Test
    void with_an_anchor_written_down_by_hand_finds_a_chain_rewritten_from_the_start() throws Exception {
        String anchor = "1:" + lines.get(0).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(run(export, "--anchor", anchor).exit).isZero();

        Result rewritten = run(export, "--anchor", "1:" + "f".repeat(64));

        assertThat(rewritten.exit).isEqualTo(3);
        assertThat(rewritten.output).contains("BROKEN at entry 1:").contains("(rewritten)");
    }

    @Test
    void still_reads_an_export_made_before_the_sequencer() throws Exception {
        List<String> old = new ArrayList<>();
        for (String line : lines) {
            old.add(line.replaceFirst("^\\{\"position\":(\\d+),\"seq\":\\d+,", "{\"seq\":$1,"));
        }
        lines = old;
        Result result = run(write("v1"));

        assertThat(old.get(0)).startsWith("{\"seq\":1,\"recorded_at\"");
        assertThat(result.exit).as(result.output).isZero();
    }

    /** Edits the first line containing {@code from} at or after {@code line} and recomputes every hash after it. */
    private void rewriteFrom(int line, String from, String to) throws IOException {
        String prev = null;
        boolean edited = false;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = (ObjectNode) json.readTree(lines.get(i));
            if (!edited && i >= line && lines.get(i).contains(from)) {
                node = (ObjectNode) json.readTree(lines.get(i).replace(from, to));
                edited = true;
            }
            if (prev != null) {
                node.put("prev_hash", prev);
            }
            if (edited) {
                AuditEntry e = new AuditEntry(node.path("seq").asLong(), node.path("position").asLong(),
                        Instant.from(Canonical.TIME.parse(node.path("recorded_at").asText())), text(node, "actor"),
                        text(node, "role"), text(node, "field_office"), text(node, "action"),
                        text(node, "subject_type"), text(node, "subject_id"), text(node, "purpose"),
                        text(node, "request_id"), text(node, "detail"), text(node, "prev_hash"), null);
                node.put("hash", Canonical.hash(e));
                prev = node.path("hash").asText();
                lines.set(i, json.writeValueAsString(node));
            }
        }
        assertThat(edited).isTrue();
    }

    private static String text(ObjectNode node, String field) {
        return node.path(field).isNull() ? null : node.path(field).asText();
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
