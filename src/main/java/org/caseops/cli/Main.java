package org.caseops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code caseops} command line: {@code java -jar target/caseops.jar <command>}. */
@Command(name = "caseops", mixinStandardHelpOptions = true, version = "CaseOps 0.1",
        description = "Case management for executing final removal orders, with the law's safeguards enforced.",
        subcommands = {ServeCommand.class, ImportCommand.class, GenerateCommand.class, ScreenCommand.class,
                AuditCommand.class, UserCommand.class, OperationCommand.class, BackupCommand.class,
                RestoreCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        int exit = commandLine.execute(args);
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        boolean serving = exit == 0 && parsed != null && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
        if (!serving) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
