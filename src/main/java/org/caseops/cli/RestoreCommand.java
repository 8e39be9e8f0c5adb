package org.caseops.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caseops.audit.AuditSequencer;
import org.caseops.audit.AuditVerifier;
import org.caseops.audit.VerifyResult;
import org.caseops.system.PhysicalBackup;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caseops restore --from DIR}: puts a backup in place as a new home's database, starts it (PostgreSQL replays
 * the WAL to the backup's end), verifies the audit chain against the signed checkpoints, and compares every table's
 * rows with the backup's manifest. Exit 0 when the chain is intact and no table lost rows it cannot lose; 3 otherwise.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup into a new home (CASEOPS_HOME, or --home), then verify the audit chain and "
                + "compare every table's rows with the backup's manifest.")
final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "a folder `caseops backup` wrote")
    Path from;

    @Option(names = "--home", paramLabel = "DIR",
            description = "the home to restore into; it must have no database yet (default: CASEOPS_HOME or ~/.caseops)")
    Path home;

    @Override
    public Integer call() {
        Path target = home != null ? home.toAbsolutePath() : defaultHome();
        Path backup = from.toAbsolutePath();
        PhysicalBackup.Manifest manifest = PhysicalBackup.readManifest(backup);
        PhysicalBackup.restoreFiles(backup, target);
        System.out.printf("Restored the files of %s into %s; starting the database (it replays the WAL)%n",
                manifest.label(), target);
        try (ConfigurableApplicationContext context = Spring.start(WebApplicationType.NONE, Map.of(
                "caseops.home", target, "logging.level.root", "WARN", "logging.level.org.caseops", "INFO"))) {
            context.getBean(AuditSequencer.class).drain(AuditCommand.DRAIN);
            VerifyResult chain = context.getBean(AuditVerifier.class).verify(List.of());
            List<PhysicalBackup.Difference> differences = context.getBean(PhysicalBackup.class).check(manifest);
            Operator.audit(context, "DATABASE_RESTORED", null, null, "from " + backup + " (" + manifest.label()
                    + "): audit chain " + (chain.intact() ? "intact" : "BROKEN") + ", " + differences.size()
                    + " tables differ from the manifest");
            System.out.printf("Audit trail %s: %d entries%n", chain.intact() ? "intact" : "BROKEN", chain.entries());
            chain.notes().forEach(note -> System.out.println("  " + note));
            boolean lost = false;
            for (PhysicalBackup.Difference d : differences) {
                lost |= d.loss();
                System.out.printf("  %s: %d rows before the backup, %d restored%s%n", d.table(), d.before(),
                        d.restored(), d.loss() ? " — LOST rows of a table nothing may delete from"
                                : " (written while the backup ran)");
            }
            System.out.printf("%d of %d tables as the manifest counted them%n",
                    manifest.tables().size() - differences.size(), manifest.tables().size());
            return chain.intact() && !lost ? 0 : AuditCommand.BROKEN;
        }
    }

    private static Path defaultHome() {
        String given = System.getProperty("caseops.home", System.getenv("CASEOPS_HOME"));
        return given != null && !given.isBlank() ? Path.of(given).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".caseops");
    }
}
