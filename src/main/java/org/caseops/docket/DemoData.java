package org.caseops.docket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code serve --demo}): when the docket is empty, generates the synthetic family-op-2019 scenario and
 * imports it through the ordinary importer, before the server reports itself ready. Synthetic people only.
 */
@Component
@ConditionalOnProperty(name = "caseops.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final long SEED = 2019;

    private final JdbcClient jdbc;
    private final DocketImporter importer;

    DemoData(JdbcClient jdbc, DocketImporter importer) {
        this.jdbc = jdbc;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from eoir_case)").query(Boolean.class).single()) {
            log.info("Demo mode: the docket already holds cases; nothing loaded");
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("caseops-demo");
            SyntheticDocketGenerator.generate(Scenario.FAMILY_OP_2019, 0, SEED, dir);
            ImportReport report = importer.importFiles(dir, dir.resolve("persons.csv"), "demo", ImportProgress.NONE);
            log.info("Demo mode: loaded the synthetic family-op-2019 scenario (seed {}): {} cases, {} people",
                    SEED, report.table("A_TblCase").inserted(), report.table("persons").inserted());
        } catch (IOException e) {
            throw new UncheckedIOException("could not load demo data", e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete {}", dir, e);
        }
    }
}
