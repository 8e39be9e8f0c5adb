package org.caseops.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * An online physical backup of the database and its restore (issue 19, docs/deployment.md "Backup and restore";
 * ADR 010): PostgreSQL's own low-level API, which the embedded binaries (only {@code initdb}, {@code pg_ctl},
 * {@code postgres}) allow without {@code pg_basebackup} or {@code pg_dump}:
 * <ol>
 *   <li>a manifest of what the backup must hold: each table's row count, read before the backup starts, and whether
 *   it is history (the application may add rows but never delete them: it can only have grown by the end);</li>
 *   <li>a physical replication slot that keeps the WAL from now on, then {@code pg_backup_start(label, fast)};</li>
 *   <li>a copy of the data directory as it is (pages may change while copied: the WAL repairs them);</li>
 *   <li>{@code pg_backup_stop()}, whose {@code backup_label} goes into the copy, then the WAL the slot kept, up to
 *   and including the backup's end, and the slot dropped.</li>
 * </ol>
 * A restore is the copy put in place: the server started on it replays the WAL from the label's checkpoint to the
 * backup's end and opens as of that moment. The caller then compares it with the manifest ({@link #check}).
 * The backup reads the data directory, so it runs on the database's machine (the embedded database, or a local one).
 */
@Component
public class PhysicalBackup {

    public static final String MANIFEST = "manifest.json";
    static final String SLOT = "caseops_backup";
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "backup_label.old", "tablespace_map", "tablespace_map.old", "postgresql.auto.conf.tmp");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** A table as the manifest holds it: its rows before the backup started, and whether they can only grow. */
    public record TableCount(long rows, boolean appendOnly) {
    }

    public record Manifest(String label, Instant startedAt, Instant finishedAt, String serverVersion,
            String startLsn, String stopLsn, long bytes, int walFiles, Map<String, TableCount> tables) {
    }

    /** A table whose restored rows do not agree with the manifest. */
    public record Difference(String table, long before, long restored, boolean appendOnly) {
        public boolean loss() {
            return appendOnly && restored < before;
        }
    }

    private final DatabaseConfig.DatabaseServer server;

    PhysicalBackup(DatabaseConfig.DatabaseServer server) {
        this.server = server;
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.logins().owner().user(),
                server.logins().owner().password());
    }

    /** Takes a backup into {@code to} (created; must be empty), with its manifest; the running database stays up. */
    public Manifest backup(Path to) {
        try {
            Files.createDirectories(to);
            try (var listing = Files.list(to)) {
                if (listing.findAny().isPresent()) {
                    throw new BadInput("to", to + " is not empty: a backup goes into a new folder");
                }
            }
            try (Connection c = owner()) {
                return backup(c, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the backup into " + to + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("the backup into " + to + " failed: " + e.getMessage(), e);
        }
    }

    private Manifest backup(Connection c, Path to) throws SQLException, IOException {
        Instant started = Instant.now();
        Path dataDir = Path.of(one(c, "show data_directory"));
        if (!Files.isReadable(dataDir.resolve("PG_VERSION"))) {
            throw new IllegalStateException("the database's data directory " + dataDir + " is not readable here: "
                    + "a physical backup runs on the database's machine");
        }
        String version = one(c, "show server_version");
        Map<String, TableCount> tables = counts(c, server.logins().app().user());
        String label = "caseops " + started;
        run(c, "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '" + SLOT
                + "'");
        run(c, "select pg_create_physical_replication_slot('" + SLOT + "', true)");
        try {
            String startLsn = one(c, "select pg_backup_start('" + label.replace("'", "''") + "', true)::text");
            Path copy = to.resolve("pgdata");
            long bytes = copyTree(dataDir, copy, true);
            String stopLsn;
            String labelFile;
            String mapFile;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(false)")) {
                rs.next();
                stopLsn = rs.getString(1);
                labelFile = rs.getString(2);
                mapFile = rs.getString(3);
            }
            Files.writeString(copy.resolve("backup_label"), labelFile, StandardCharsets.UTF_8);
            if (mapFile != null && !mapFile.isEmpty()) {
                Files.writeString(copy.resolve("tablespace_map"), mapFile, StandardCharsets.UTF_8);
            }
            // the segment holding the backup's end is complete only once a new one begins
            run(c, "select pg_switch_wal()");
            String lastSegment = one(c, "select pg_walfile_name('" + stopLsn + "'::pg_lsn)");
            int walFiles = copyWal(dataDir.resolve("pg_wal"), copy.resolve("pg_wal"));
            if (!Files.exists(copy.resolve("pg_wal").resolve(lastSegment))) {
                throw new IllegalStateException("the WAL segment " + lastSegment + " that ends the backup was not "
                        + "copied");
            }
            Manifest manifest = new Manifest(label, started, Instant.now(), version, startLsn, stopLsn, bytes,
                    walFiles, tables);
            JSON.writeValue(to.resolve(MANIFEST).toFile(), manifest);
            return manifest;
        } finally {
            run(c, "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '"
                    + SLOT + "'");
        }
    }

    /** Every table of the schema with its rows, and whether the application role may delete from it. */
    private static Map<String, TableCount> counts(Connection c, String app) throws SQLException {
        List<String[]> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname, has_table_privilege('%1$s', c.oid, 'INSERT')
                       and not has_table_privilege('%1$s', c.oid, 'DELETE')
                       and not has_table_privilege('%1$s', c.oid, 'TRUNCATE')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname"""
                .formatted(app.replace("'", "''")))) {
            while (rs.next()) {
                names.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Map<String, TableCount> counts = new TreeMap<>();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement s = c.createStatement()) {
            for (String[] name : names) {
                try (ResultSet rs = s.executeQuery("select count(*) from public.\"" + name[0].replace("\"", "\"\"")
                        + "\"")) {
                    rs.next();
                    counts.put(name[0], new TableCount(rs.getLong(1), "t".equals(name[1])));
                }
            }
            c.commit();
        } finally {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(auto);
        }
        return counts;
    }

    /** The restored database against the manifest: the tables whose rows differ (none when nothing was written). */
    public List<Difference> check(Manifest manifest) {
        try (Connection c = owner()) {
            Map<String, TableCount> now = counts(c, server.logins().app().user());
            List<Difference> differences = new ArrayList<>();
            manifest.tables().forEach((table, before) -> {
                TableCount restored = now.get(table);
                long rows = restored == null ? -1 : restored.rows();
                if (rows != before.rows()) {
                    differences.add(new Difference(table, before.rows(), rows, before.appendOnly()));
                }
            });
            return differences;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the restored database: " + e.getMessage(), e);
        }
    }

    public static Manifest readManifest(Path backup) {
        try {
            return JSON.readValue(backup.resolve(MANIFEST).toFile(), Manifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("no readable " + MANIFEST + " in " + backup, e);
        }
    }

    /**
     * Puts a backup in place as {@code home}'s data directory, before anything starts there: {@code home} must have
     * no data directory yet. The files beside the database ({@code database.secrets}, the {@code audit} folder with
     * the signing key and the checkpoint log) are copied too when the backup has them.
     */
    public static void restoreFiles(Path backup, Path home) {
        try {
            readManifest(backup);
            Path dataDir = home.resolve("pgdata");
            if (Files.exists(dataDir)) {
                throw new BadInput("home", home + " has a database already (" + dataDir + "): restore into a new "
                        + "home");
            }
            Files.createDirectories(home);
            copyTree(backup.resolve("pgdata"), dataDir);
            Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString(
                    "rwx------"));
            for (String beside : List.of("database.secrets", "audit")) {
                if (Files.exists(backup.resolve(beside))) {
                    copyTree(backup.resolve(beside), home.resolve(beside));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the restore from " + backup + " into " + home + " failed", e);
        }
    }

    /** Copies the files of a home that are not in the database (secrets, audit key and log) into the backup. */
    public static void copyBeside(Path home, Path backup) {
        try {
            for (String beside : List.of("database.secrets", "audit")) {
                if (Files.exists(home.resolve(beside))) {
                    copyTree(home.resolve(beside), backup.resolve(beside));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + home + "'s files into the backup", e);
        }
    }

    /** Copies a tree (a file or a folder) whole; returns the bytes copied. */
    static long copyTree(Path from, Path to) throws IOException {
        return copyTree(from, to, false);
    }

    /**
     * Copies a tree (a file or a folder); {@code dataDirectory}: leaving out what a backup of a live data directory
     * must not hold (the server's pid file, its WAL and temporary state, an old label); returns the bytes copied.
     */
    static long copyTree(Path from, Path to, boolean dataDirectory) throws IOException {
        long[] bytes = new long[1];
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(to);
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                return dataDirectory && dir.getParent() != null && dir.getParent().equals(from)
                        && EMPTIED.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (dataDirectory && file.getParent().equals(from) && SKIPPED.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    bytes[0] += attrs.size();
                } catch (NoSuchFileException gone) {
                    // removed while copied (a dropped relation's file, a temporary file): the WAL knows
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return bytes[0];
    }

    /** The WAL segments (and timeline history files) kept now, into the copy's empty {@code pg_wal}. */
    private static int copyWal(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("archive_status"));
        int copied = 0;
        try (var files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                } catch (NoSuchFileException gone) {
                    // recycled before the slot's time: not one the backup needs
                }
            }
        }
        return copied;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** How long the backup took, for the command's report. */
    public static Duration took(Manifest manifest) {
        return Duration.between(manifest.startedAt(), manifest.finishedAt());
    }
}
