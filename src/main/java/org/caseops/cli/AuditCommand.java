package org.caseops.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.caseops.audit.AuditLog;
import org.caseops.audit.AuditVerifier;
import org.caseops.audit.VerifyResult;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the hash-chained audit trail, or export it for offline checking (docs/audit.md).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {

    /** Exit code of {@code audit verify} when the chain is broken. */
    static final int BROKEN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the whole chain; name the first broken entry. Exit 0 when intact, 3 when broken.")
    static final class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                VerifyResult result = context.getBean(AuditVerifier.class).verify();
                if (result.intact()) {
                    System.out.printf("Audit trail intact: %d entries%n", result.entries());
                    return 0;
                }
                System.out.printf("Audit trail BROKEN at entry %d: %s (%d entries read)%n", result.firstBrokenSeq(),
                        result.problem(), result.entries());
                return BROKEN;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the whole trail as NDJSON (one entry per line, with prev_hash and hash) for "
                    + "tools/verify-audit-export.py or any reimplementation of docs/audit.md.")
    static final class Export implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "file to write (replaced)")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path absolute = out.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                long entries;
                try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    entries = context.getBean(AuditLog.class).export(stream);
                }
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                // after the export, so that the file holds the trail as it was; the next export shows this entry
                Operator.audit(context, "AUDIT_EXPORTED", "AUDIT", null, entries + " entries to " + absolute);
                System.out.printf("Exported %d audit entries to %s%n", entries, absolute);
                return 0;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
