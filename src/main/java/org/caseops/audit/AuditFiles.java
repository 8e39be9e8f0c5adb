package org.caseops.audit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caseops.system.CaseOpsProperties;
import org.springframework.stereotype.Component;

/**
 * Where the audit trail keeps what must not be in the database (the signing key, the local checkpoint log):
 * {@code CASEOPS_HOME/audit}. With an ephemeral database (tests) a throw-away folder per application context,
 * deleted at exit: tests never write keys into the user's home, and two contexts with two databases never share a
 * checkpoint log.
 */
@Component
class AuditFiles {

    private final Path directory;

    AuditFiles(CaseOpsProperties caseops) {
        if (!caseops.embedded().ephemeral() || caseops.db().external()) {
            directory = caseops.home().resolve("audit");
        } else {
            try {
                directory = Files.createTempDirectory("caseops-audit");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                File[] files = directory.toFile().listFiles();
                if (files != null) {
                    for (File f : files) {
                        f.delete();
                    }
                }
                directory.toFile().delete();
            }, "caseops-audit-cleanup"));
        }
    }

    Path directory() {
        return directory;
    }
}
