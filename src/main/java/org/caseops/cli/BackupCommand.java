package org.caseops.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.caseops.system.CaseOpsProperties;
import org.caseops.system.PhysicalBackup;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caseops backup --to DIR}: an online physical backup of the database while CaseOps keeps running
 * ({@link PhysicalBackup}; docs/deployment.md "Backup and restore", ADR 010), with the home's secrets and audit key
 * beside it and a manifest of every table's rows.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the database online (PostgreSQL's pg_backup_start/pg_backup_stop, the data directory "
                + "and the WAL it needs) into a new folder, with the home's secrets and audit key and a manifest.")
final class BackupCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "a new or empty folder")
    Path to;

    @Override
    public Integer call() {
        Path target = to.toAbsolutePath();
        try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
            PhysicalBackup.Manifest manifest = context.getBean(PhysicalBackup.class).backup(target);
            PhysicalBackup.copyBeside(context.getBean(CaseOpsProperties.class).home(), target);
            Operator.audit(context, "DATABASE_BACKED_UP", null, null, "to " + target + " (" + manifest.label()
                    + ", WAL " + manifest.startLsn() + " to " + manifest.stopLsn() + ")");
            System.out.printf("Backed up %d tables (%,d bytes of data, %d WAL files) into %s in %d ms; WAL %s to %s%n",
                    manifest.tables().size(), manifest.bytes(), manifest.walFiles(), target,
                    PhysicalBackup.took(manifest).toMillis(), manifest.startLsn(), manifest.stopLsn());
            return 0;
        }
    }
}
