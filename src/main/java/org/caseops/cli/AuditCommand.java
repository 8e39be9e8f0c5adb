package org.caseops.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.caseops.audit.AuditCheckpoints;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.audit.AuditSequencer;
import org.caseops.audit.AuditVerifier;
import org.caseops.audit.Checkpoint;
import org.caseops.audit.VerifyResult;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the hash-chained audit trail, sign a checkpoint of it, or export it for offline "
                + "checking (docs/audit.md).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Checkpoint_.class})
final class AuditCommand implements Runnable {

    /** Exit code of {@code audit verify} when the trail is broken, and of {@code audit checkpoint} when refused. */
    static final int BROKEN = 3;

    /** How long a command waits for queued entries to be chained before it reads the chain. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the whole chain and compare it with the signed checkpoints: this "
                    + "installation's own and any --anchor. Names the first broken entry. Exit 0 when intact, "
                    + "3 when broken, 2 when an anchor file cannot be read.")
    static final class Verify implements Callable<Integer> {

        @Option(names = "--anchor", paramLabel = "FILE",
                description = "signed checkpoints kept from before (from `audit checkpoint`, the API or "
                        + "CASEOPS_HOME/audit/checkpoints.ndjson); the chain must still hold each. Repeatable.")
        List<Path> anchors = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            List<Checkpoint> given = new ArrayList<>();
            for (Path file : anchors) {
                try {
                    List<Checkpoint> read = Checkpoint.read(file);
                    if (read.isEmpty()) {
                        System.err.println("No checkpoint in " + file);
                        return 2;
                    }
                    given.addAll(read);
                } catch (IllegalArgumentException | IOException e) {
                    System.err.println("Cannot read the checkpoints in " + file + ": " + e.getMessage());
                    return 2;
                }
            }
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                context.getBean(AuditSequencer.class).drain(DRAIN);
                VerifyResult result = context.getBean(AuditVerifier.class).verify(given);
                if (result.intact()) {
                    System.out.printf("Audit trail intact: %d entries%n", result.entries());
                } else {
                    System.out.printf("Audit trail BROKEN%s: %s (%d entries read)%n",
                            result.firstBrokenPosition() == null ? "" : " at entry " + result.firstBrokenPosition(),
                            result.problem(), result.entries());
                }
                result.notes().forEach(note -> System.out.println("  " + note));
                return result.intact() ? 0 : BROKEN;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the whole trail as NDJSON (one entry per line, with position, prev_hash and hash) "
                    + "for tools/verify-audit-export.py or any reimplementation of docs/audit.md.")
    static final class Export implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write (replaced)")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path absolute = out.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                context.getBean(AuditLog.class).record(new AuditEvent(Operator.name(), "CLI", null,
                        "AUDIT_EXPORTED", null, null, null, null, "to " + absolute));
                context.getBean(AuditSequencer.class).drain(DRAIN);
                long entries;
                try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    entries = context.getBean(AuditLog.class).export(stream);
                }
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.out.printf("Exported %d audit entries to %s%n", entries, absolute);
                return 0;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign a checkpoint of the chain now (position, hash, time; Ed25519, with the key outside "
                    + "the database), append it to CASEOPS_HOME/audit/checkpoints.ndjson and print it. Keep it "
                    + "where CaseOps's operators cannot change it: `audit verify --anchor FILE` and "
                    + "tools/verify-audit-export.py --anchor FILE then find a truncated or rewritten chain. "
                    + "Exit 3 when refused: the chain does not extend the last checkpoint.")
    static final class Checkpoint_ implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "FILE", description = "also write the checkpoint to FILE (replaced)")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                AuditCheckpoints checkpoints = context.getBean(AuditCheckpoints.class);
                Checkpoint made;
                try {
                    made = checkpoints.issue();
                } catch (AuditCheckpoints.Refused refused) {
                    System.out.println("Checkpoint REFUSED: " + refused.getMessage());
                    return BROKEN;
                }
                context.getBean(AuditLog.class).record(new AuditEvent(Operator.name(), "CLI", null,
                        "AUDIT_CHECKPOINT", null, null, null, null, "position " + made.position()));
                if (out != null) {
                    Path absolute = out.toAbsolutePath();
                    Files.createDirectories(absolute.getParent());
                    Files.writeString(absolute, made.toJson() + "\n", StandardCharsets.UTF_8);
                }
                System.out.println(made.toJson());
                System.out.printf("Checkpoint at position %d signed with key %s; appended to %s%s%n",
                        made.position(), made.keyId(), checkpoints.log(),
                        out == null ? "" : " and written to " + out.toAbsolutePath());
                return 0;
            }
        }
    }
}
