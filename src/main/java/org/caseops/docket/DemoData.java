package org.caseops.docket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.caseops.access.DefaultWorkingDate;
import org.caseops.docket.synthetic.Scenario;
import org.caseops.docket.synthetic.SyntheticDocketGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code serve --demo}): loads the synthetic family-op-2019 scenario through the ordinary importer, before
 * the server reports itself ready, and only when it is not loaded yet (issue 12, goal 6). Synthetic people only.
 *
 * <p>The demo data set is known by a fingerprint of what generates it: the scenario, the seed, the generator's classes
 * and the reference files it reads, and Datafaker's version ({@link #fingerprint()}; the generator writes the same
 * bytes for the same inputs). {@code demo_data_version} (V86) holds the fingerprint of the set last loaded:
 * <ul>
 *   <li>the same: nothing is generated or imported;</li>
 *   <li>another (a CaseOps whose generator changed): the scenario is generated and imported again; the import is
 *       idempotent, so unchanged rows stay as they are and only what the new generator writes differently changes;</li>
 *   <li>none, and the docket empty: the scenario is generated and imported;</li>
 *   <li>none, and the docket holds only what earlier demo starts imported (a home made before the fingerprint was
 *       recorded): imported again once, then recorded;</li>
 *   <li>none, and the docket holds other imports: nothing is loaded, as before — demo cases are never mixed into a
 *       docket someone imported.</li>
 * </ul>
 * It also makes the demo's pages work on the scenario's date until the user chooses another ({@link
 * DefaultWorkingDate}).
 */
@Component
@ConditionalOnProperty(name = "caseops.demo", havingValue = "true")
@org.springframework.core.annotation.Order(1)
class DemoData implements ApplicationRunner, DefaultWorkingDate {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final Scenario SCENARIO = Scenario.FAMILY_OP_2019;
    static final long SEED = 2019;
    static final String ACTOR = "demo";

    /** What a start did with the demo data. */
    enum Outcome { LOADED, ALREADY_LOADED, OTHER_DOCKET }

    private final JdbcClient jdbc;
    private final DocketImporter importer;
    private volatile Outcome outcome;

    DemoData(JdbcClient jdbc, DocketImporter importer) {
        this.jdbc = jdbc;
        this.importer = importer;
    }

    @Override
    public LocalDate workingDate() {
        return SCENARIO.asOf();
    }

    /** What the last run did (tests). */
    Outcome outcome() {
        return outcome;
    }

    @Override
    public void run(ApplicationArguments args) {
        outcome = load(fingerprint());
    }

    Outcome load(String fingerprint) {
        Optional<String> recorded = jdbc.sql("select fingerprint from demo_data_version where id = 1")
                .query(String.class).optional();
        if (recorded.filter(fingerprint::equals).isPresent()) {
            log.info("Demo mode: the {} data set {} (seed {}) is loaded already; nothing loaded", SCENARIO.label(),
                    fingerprint.substring(0, 12), SEED);
            return Outcome.ALREADY_LOADED;
        }
        if (recorded.isEmpty() && !onlyDemoImports()) {
            log.info("Demo mode: the docket holds cases imported by others; no demo data loaded");
            return Outcome.OTHER_DOCKET;
        }
        Path dir = null;
        try {
            long started = System.nanoTime();
            dir = Files.createTempDirectory("caseops-demo");
            SyntheticDocketGenerator.generate(SCENARIO, 0, SEED, dir);
            long generated = System.nanoTime();
            ImportReport report = importer.importFiles(dir, dir.resolve("persons.csv"), ACTOR, ImportProgress.NONE);
            jdbc.sql("""
                    insert into demo_data_version (id, scenario, seed, fingerprint, import_id, loaded_at)
                    values (1, ?, ?, ?, ?, now())
                    on conflict (id) do update set scenario = excluded.scenario, seed = excluded.seed,
                        fingerprint = excluded.fingerprint, import_id = excluded.import_id, loaded_at = now()
                    """).params(SCENARIO.label(), SEED, fingerprint, report.importId()).update();
            log.info("Demo mode: loaded the synthetic {} scenario (seed {}, data set {}{}): {} cases and {} people "
                    + "added; generated in {} ms, imported in {} ms", SCENARIO.label(), SEED,
                    fingerprint.substring(0, 12), recorded.map(r -> ", was " + r.substring(0, 12)).orElse(""),
                    report.table("A_TblCase").inserted(), report.table("persons").inserted(),
                    (generated - started) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
            return Outcome.LOADED;
        } catch (IOException e) {
            throw new UncheckedIOException("could not load demo data", e);
        } finally {
            delete(dir);
        }
    }

    /** True when the docket is empty, or everything in it came from demo mode. */
    private boolean onlyDemoImports() {
        return jdbc.sql("""
                select not exists (select 1 from import_run where actor <> ?)
                    or not exists (select 1 from eoir_case)""").param(ACTOR).query(Boolean.class).single();
    }

    /**
     * The demo data set's fingerprint: SHA-256 over the scenario and seed, the generator's classes
     * ({@code org.caseops.docket.synthetic}), the reference files it reads ({@code reference/eoir/}) and Datafaker's
     * version. A change to any of them may change what the generator writes, so it changes the fingerprint (a change
     * that does not, e.g. a comment, only costs one idempotent re-import).
     */
    static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, SCENARIO.label() + " seed " + SEED + " datafaker "
                    + net.datafaker.Faker.class.getPackage().getImplementationVersion());
            PathMatchingResourcePatternResolver resolver =
                    new PathMatchingResourcePatternResolver(DemoData.class.getClassLoader());
            for (String pattern : new String[] {"classpath*:org/caseops/docket/synthetic/*.class",
                    "classpath*:reference/eoir/*"}) {
                Resource[] resources = resolver.getResources(pattern);
                Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
                for (Resource resource : resources) {
                    if (!resource.isReadable()) {
                        continue;
                    }
                    update(digest, String.valueOf(resource.getFilename()));
                    try (InputStream in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read what generates the demo data", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
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
