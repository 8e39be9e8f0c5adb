package org.caseops.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.caseops.legal.Screening;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Compute and store the verdict of every case as of a date; print counts by verdict, reason "
                + "and field office. A stored verdict is a report: every action re-checks the gate on its own date.")
final class ScreenCommand implements Callable<Integer> {

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "the date to judge on")
    LocalDate asOf;

    @Option(names = "--aor", paramLabel = "CODE", description = "only this field office (area of responsibility)")
    String aor;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
            Screening.Report report = context.getBean(Screening.class)
                    .screen(asOf, aor == null ? null : aor.toUpperCase(java.util.Locale.ROOT),
                            Operator.name());
            // The screening commits in its own transaction; its audit entry follows it (as POST /api/screenings)
            Operator.audit(context, "SCREENING_RUN", "SCREENING", String.valueOf(report.screeningId()),
                    "as of " + asOf + (report.fieldOffice() == null ? "" : " in " + report.fieldOffice()));
            System.out.printf("Screening %d as of %s%s: %d cases in %.1f s (%d verdicts changed, %d unchanged; "
                    + "%d judged, %d reused: same facts, same rules; facts of %d cases read)%n",
                    report.screeningId(), report.asOf(), report.fieldOffice() == null ? "" : " in " + report.fieldOffice(),
                    report.cases(), report.millis() / 1000.0, report.changed(), report.unchanged(),
                    report.cases() - report.reused(), report.reused(), report.read());
            System.out.printf("  phases: select cases %.1f s, stream and judge %.1f s, store changed %.1f s%n",
                    report.phases().selectMillis() / 1000.0, report.phases().evaluateMillis() / 1000.0,
                    report.phases().storeMillis() / 1000.0);
            System.out.printf("  EXECUTABLE %d   NOT_EXECUTABLE %d   FROZEN %d%n", report.verdicts().executable(),
                    report.verdicts().notExecutable(), report.verdicts().frozen());
            System.out.println("By deciding rule:");
            report.reasons().forEach(r -> System.out.printf("  %-40s %-15s %8d%n", r.reason(), r.verdict(), r.cases()));
            System.out.println("By field office:            executable  not executable  frozen");
            report.fieldOffices().forEach(o -> System.out.printf("  %-24s %10d %15d %7d%n", o.fieldOffice(),
                    o.executable(), o.notExecutable(), o.frozen()));
            return 0;
        }
    }
}
