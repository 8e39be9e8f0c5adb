package org.caseops.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema's migrations, run by Flyway as the schema's owner when the application context starts — but only when
 * something Flyway would look at changed (issue 12, goal 6). Building Flyway, scanning the migration files in the jar
 * and validating the history took several seconds of every start, also when there was nothing to migrate.
 *
 * <p>At each start this bean digests the migration files (their names and bytes, with Flyway's version and the
 * settings that decide what it applies) and every row of {@code flyway_schema_history}, and compares both digests
 * with the ones the last start that ran Flyway recorded in {@code migration_fingerprint} (V85). Both the same:
 * Flyway would find what it found then, so it is not built. Either different — a new, changed or removed file, a
 * history row added, changed or deleted by anyone, another Flyway, a database without the table — Flyway migrates
 * and validates as before, and the new digests are recorded once it succeeded.
 *
 * <p>It is the database initializer Spring Boot orders the {@code @DependsOnDatabaseInitialization} beans after
 * ({@link DatabaseMigrationsDetector}); Boot's own Flyway auto-configuration is switched off
 * ({@code application.properties}). The settings are Boot's names: {@code spring.flyway.locations} and
 * {@code spring.flyway.out-of-order}.
 */
public final class DatabaseMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);
    static final String TABLE = "migration_fingerprint";
    static final String HISTORY = "flyway_schema_history";

    /** What a start did: Flyway not run, or run. */
    enum Outcome { UP_TO_DATE, MIGRATED }

    /** The files' digest and how many there are. */
    record Files(String sha256, int count) {
    }

    /** What the table holds: the files' digest and the history's when they were recorded. */
    record Recorded(String files, String history) {
    }

    private final DataSource owner;
    private final List<String> locations;
    private final boolean outOfOrder;
    private final ClassLoader classLoader;
    private volatile Outcome outcome;

    DatabaseMigrations(DataSource owner, List<String> locations, boolean outOfOrder, ClassLoader classLoader) {
        this.owner = owner;
        this.locations = List.copyOf(locations);
        this.outOfOrder = outOfOrder;
        this.classLoader = classLoader;
    }

    @Override
    public void afterPropertiesSet() {
        outcome = migrate();
    }

    /** What the start did (tests, logs). */
    Outcome outcome() {
        return outcome;
    }

    /** Runs Flyway unless the files and the history are the ones recorded when it last ran. */
    Outcome migrate() {
        Files files = files();
        try (Connection c = owner.getConnection()) {
            Optional<Recorded> recorded = recorded(c);
            if (recorded.isPresent() && recorded.get().files().equals(files.sha256())
                    && recorded.get().history().equals(historyDigest(c))) {
                log.info("Database schema up to date ({} migration files, digest {}): Flyway not run",
                        files.count(), files.sha256().substring(0, 12));
                return Outcome.UP_TO_DATE;
            }
        } catch (SQLException e) {
            log.warn("Could not compare the migrations with the recorded ones ({}); running Flyway", e.toString());
        }
        long started = System.nanoTime();
        flyway().migrate();
        try (Connection c = owner.getConnection()) {
            record(c, files, historyDigest(c));
        } catch (SQLException e) {
            // the next start runs Flyway again, as every start did before this class
            log.warn("Could not record the migrations' digest ({}); the next start runs Flyway again", e.toString());
        }
        log.info("Database schema migrated and validated by Flyway in {} ms ({} migration files, digest {})",
                (System.nanoTime() - started) / 1_000_000, files.count(), files.sha256().substring(0, 12));
        return Outcome.MIGRATED;
    }

    Flyway flyway() {
        return Flyway.configure(classLoader)
                .dataSource(owner)
                .locations(locations.toArray(String[]::new))
                .outOfOrder(outOfOrder)
                .load();
    }

    /** The digest of every file under the locations, with Flyway's version and the settings that matter. */
    Files files() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "flyway " + Flyway.class.getPackage().getImplementationVersion() + " outOfOrder "
                    + outOfOrder + " locations " + locations);
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
            int count = 0;
            for (String location : locations) {
                if (!location.startsWith("classpath:")) {
                    throw new IllegalStateException("Only classpath: migration locations are supported, not "
                            + location);
                }
                String root = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
                Resource[] resources = resolver.getResources("classpath*:" + root + "/**/*");
                Arrays.sort(resources, Comparator.comparing(r -> name(r, root)));
                for (Resource resource : resources) {
                    if (!resource.isReadable() || name(resource, root).endsWith("/")) {
                        continue; // a folder
                    }
                    update(digest, name(resource, root));
                    try (InputStream in = resource.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                    count++;
                }
            }
            return new Files(HexFormat.of().formatHex(digest.digest()), count);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the migration files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Resource resource, String root) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf(root + "/");
            return at < 0 ? url : url.substring(at);
        } catch (IOException e) {
            return String.valueOf(resource.getFilename());
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    static Optional<Recorded> recorded(Connection c) throws SQLException {
        if (!exists(c, TABLE)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select files_sha256, history_md5 from " + TABLE + " where id = 1")) {
            return rs.next() ? Optional.of(new Recorded(rs.getString(1), rs.getString(2))) : Optional.empty();
        }
    }

    /** Every row of the history, in order: a row added, changed or deleted changes it. Empty without a history. */
    static String historyDigest(Connection c) throws SQLException {
        if (!exists(c, HISTORY)) {
            return "";
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', "
                     + "installed_rank, version, description, type, script, checksum, installed_by, installed_on, "
                     + "success), ',' order by installed_rank)), '') from " + HISTORY)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void record(Connection c, Files files, String history) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into " + TABLE
                + " (id, files_sha256, history_md5, migrations, recorded_at) values (1, ?, ?, ?, now()) "
                + "on conflict (id) do update set files_sha256 = excluded.files_sha256, "
                + "history_md5 = excluded.history_md5, migrations = excluded.migrations, recorded_at = now()")) {
            s.setString(1, files.sha256());
            s.setString(2, history);
            s.setInt(3, files.count());
            s.executeUpdate();
        }
    }
}
