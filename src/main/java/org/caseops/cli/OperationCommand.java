package org.caseops.cli;

import java.util.concurrent.Callable;
import org.caseops.audit.AuditEvent;
import org.caseops.audit.AuditLog;
import org.caseops.operation.DryRun;
import org.caseops.operation.Operation;
import org.caseops.operation.Operations;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "operation", mixinStandardHelpOptions = true,
        description = "Operations (docs/operations-planning.md).", subcommands = {OperationCommand.DryRunCommand.class})
final class OperationCommand implements Runnable {

    /** Exit code of {@code operation dry-run} when it finds conflicts. */
    static final int CONFLICTS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "dry-run", mixinStandardHelpOptions = true, description = "Replay an operation's plan day by day "
            + "as of its dates and list every conflict. Exit 0 when there is none, 4 when there are, 2 when there "
            + "is no such operation.")
    static final class DryRunCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "the operation's id")
        long id;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
                Operation op = context.getBean(Operations.class).find(id).orElse(null);
                if (op == null) {
                    System.err.println("No operation " + id);
                    return 2;
                }
                DryRun.Report report = context.getBean(DryRun.class).run(op);
                context.getBean(AuditLog.class).record(new AuditEvent(UserCommand.operator(), "CLI", null,
                        "OPERATION_DRY_RUN", "OPERATION", String.valueOf(id), null, null,
                        report.conflicts().size() + " conflicts " + report.byKind()));
                System.out.printf("Operation %d \"%s\" (%s), %s to %s: %d visits planned%n", op.id(), op.name(),
                        op.state(), op.windowStart(), op.windowEnd(), report.visits());
                for (DryRun.Day day : report.days()) {
                    System.out.printf("%s  %3d visits  %s%n", day.day(), day.visits(),
                            day.conflicts().isEmpty() ? "no conflict" : day.conflicts().size() + " conflicts");
                    for (DryRun.Conflict c : day.conflicts()) {
                        System.out.printf("    %-32s %s%n", c.kind(), c.detail());
                    }
                }
                report.conflicts().stream().filter(c -> c.day() == null)
                        .forEach(c -> System.out.printf("(any day)  %-32s %s%n", c.kind(), c.detail()));
                System.out.println(report.conflicts().isEmpty() ? "No conflict."
                        : report.conflicts().size() + " conflicts: " + report.byKind());
                return report.conflicts().isEmpty() ? 0 : CONFLICTS;
            }
        }
    }
}
