package org.caseops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.caseops.docket.DocketImporter;
import org.caseops.docket.ImportHistory;
import org.caseops.docket.ImportProgress;
import org.caseops.docket.ImportRejected;
import org.caseops.docket.ImportReport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import EOIR case-data tables (folder or zip) and/or a person file. Bad rows are quarantined "
                + "with their line and reason; the same files twice change nothing.")
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--eoir", paramLabel = "DIR|ZIP", description = "EOIR tables: A_TblCase, B_TblProceeding, ...")
    Path eoir;

    @Option(names = "--persons", paramLabel = "FILE", description = "The person file (CSV)")
    Path persons;

    @Option(names = "--as-of-release", paramLabel = "YYYY-MM-DD",
            description = "The release date of the EOIR snapshot, as its publisher gives it (default: the newest date "
                    + "in the files of something that happened)")
    java.time.LocalDate asOfRelease;

    @Option(names = "--show-quarantine", paramLabel = "N", defaultValue = "20",
            description = "Print up to N quarantined rows (default ${DEFAULT-VALUE})")
    int showQuarantine;

    @Override
    public Integer call() {
        if (eoir == null && persons == null) {
            System.err.println("Give --eoir, --persons, or both.");
            return 2;
        }
        for (Path path : new Path[] {eoir, persons}) {
            if (path != null && !Files.exists(path)) {
                System.err.println("No such file or folder: " + path);
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = Spring.startWithoutWeb()) {
            DocketImporter importer = context.getBean(DocketImporter.class);
            ImportReport report;
            try (Bar bar = new Bar()) {
                report = importer.importFiles(eoir, persons, Operator.name(), bar, asOfRelease);
            } catch (ImportRejected e) {
                Operator.audit(context, "DOCKET_IMPORT_REJECTED", "IMPORT", null, sources() + ": " + e.getMessage());
                System.err.println("Import rejected, nothing was written: " + e.getMessage());
                return 2;
            }
            // The import commits in its own transaction; its audit entry follows it (as POST /api/imports does)
            Operator.audit(context, "DOCKET_IMPORTED", "IMPORT", String.valueOf(report.importId()), sources() + ": "
                    + report.tables().stream().map(t -> t.table() + " +" + t.inserted() + " ~" + t.updated() + " !"
                    + t.quarantined()).reduce((a, b) -> a + ", " + b).orElse(""));
            print(report);
            if (showQuarantine > 0 && report.total(ImportReport.TableReport::quarantined) > 0) {
                var page = context.getBean(ImportHistory.class).quarantine(report.importId(), 0, showQuarantine);
                Operator.audit(context, "QUARANTINE_READ", "IMPORT", String.valueOf(report.importId()),
                        "first " + page.rows().size() + " rows printed");
                System.out.printf("%nQuarantined rows (%d; all of them: GET /api/imports/%d/quarantine):%n",
                        page.total(), report.importId());
                for (var row : page.rows()) {
                    System.out.printf("  %s line %d%s: %s%n", row.file(), row.line(),
                            row.column() == null ? "" : " [" + row.column() + "]", row.reason());
                }
            }
            return 0;
        }
    }

    private String sources() {
        return (eoir == null ? "" : "--eoir " + eoir.toAbsolutePath()) + (eoir != null && persons != null ? " " : "")
                + (persons == null ? "" : "--persons " + persons.toAbsolutePath());
    }

    static void print(ImportReport report) {
        System.out.printf("Import %d, release date %s%s%n", report.importId(),
                report.releaseDate() == null ? "not known" : report.releaseDate(),
                report.releaseDateSource() == null ? "" : " (" + report.releaseDateSource() + ")");
        String format = "%-20s %-26s %10s %10s %9s %10s %12s %9s %9s %9s %9s%n";
        System.out.printf(format, "table", "file", "rows", "inserted", "updated", "unchanged", "quarantined",
                "warnings", "read s", "check s", "merge s");
        for (ImportReport.TableReport t : report.tables()) {
            System.out.printf(format, t.table(), abbreviate(t.file()), t.rows(), t.inserted(), t.updated(),
                    t.unchanged(), t.quarantined(), t.warnings(), seconds(t.stagingMillis()),
                    seconds(t.checkMillis()), seconds(t.mergeMillis()));
        }
        System.out.printf(format, "total", "", report.total(ImportReport.TableReport::rows),
                report.total(ImportReport.TableReport::inserted), report.total(ImportReport.TableReport::updated),
                report.total(ImportReport.TableReport::unchanged), report.total(ImportReport.TableReport::quarantined),
                report.warnings(),
                seconds(report.total(ImportReport.TableReport::stagingMillis)),
                seconds(report.total(ImportReport.TableReport::checkMillis)),
                seconds(report.total(ImportReport.TableReport::mergeMillis)));
        if (!report.ignoredFiles().isEmpty()) {
            System.out.println("Ignored (not a table CaseOps reads): " + String.join(", ", report.ignoredFiles()));
        }
        if (!report.warningSummary().isEmpty()) {
            System.out.printf("%nRows kept with a warning (%d; each row: GET /api/imports/%d/warnings):%n",
                    report.warnings(), report.importId());
            report.warningSummary().stream().limit(20).forEach(w -> System.out.printf("  %s %s '%s': %d rows, first "
                    + "on line %d: %s%n", w.table(), w.column(), w.value(), w.rows(), w.firstLine(), w.reason()));
        }
    }

    private static String seconds(long millis) {
        return String.format("%.1f", millis / 1000.0);
    }

    private static String abbreviate(String file) {
        return file.length() <= 26 ? file : "…" + file.substring(file.length() - 25);
    }

    /** A progress bar on a terminal; plain step lines otherwise. */
    private static final class Bar implements ImportProgress, AutoCloseable {
        private ProgressBar bar;
        private final boolean terminal = System.console() != null;

        @Override
        public void start(long totalBytes) {
            if (terminal) {
                bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(totalBytes)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1 << 20).showSpeed().build();
            }
        }

        @Override
        public void step(String what) {
            if (bar != null) {
                bar.setExtraMessage(what);
            } else {
                System.err.println("Reading " + what);
            }
        }

        @Override
        public void advance(long bytes) {
            if (bar != null) {
                bar.stepBy(bytes);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
