package org.caseops.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 behind CaseOps, with its data directory under {@code CASEOPS_HOME/pgdata}.
 *
 * <p>One process owns a data directory: it holds {@code CASEOPS_HOME/caseops.lock} and writes the port it serves
 * on to {@code CASEOPS_HOME/postgres.port}. A second CaseOps process (a CLI command while the server runs) finds
 * the lock taken and joins the running database through that port instead of starting a second postmaster.
 * A postmaster orphaned by a JVM killed with -9 is found through {@code postmaster.pid} and stopped before start.
 *
 * <p>Nobody signs in without a password (docs/adr/005-application-database-role.md): at each start the owner process
 * makes sure the superuser {@code postgres} (the schema's owner, for migrations) and the application's login role
 * {@value DatabaseLogins#APP_ROLE} have the passwords kept in {@code CASEOPS_HOME/database.secrets} (0600, generated
 * on first start, also for a home made by an earlier CaseOps), and writes a {@code pg_hba.conf} that asks every
 * connection for its password (SCRAM). A joining process reads the same file.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration JOIN_WAIT = Duration.ofSeconds(60);

    /** Every connection, local or over loopback, signs in with its password. */
    static final String HBA = """
            # Written by CaseOps at each start (docs/operations.md): every connection signs in with its password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /** Only while the passwords are being set, on a data directory whose superuser password is not known. */
    private static final String BOOTSTRAP_HBA = """
            # Written by CaseOps while it sets the database passwords; replaced as soon as they are set.
            local   all   postgres                  trust
            host    all   postgres   127.0.0.1/32   trust
            host    all   postgres   ::1/128        trust
            """;

    /** The logins of the servers this JVM started or joined, by port (tests and tools in the same JVM). */
    private static final Map<Integer, DatabaseLogins> LOGINS = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path portFile;
    private final int port;
    private final DatabaseLogins logins;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, Path portFile,
            int port, DatabaseLogins logins) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.portFile = portFile;
        this.port = port;
        this.logins = logins;
        LOGINS.put(port, logins);
    }

    /** Starts the embedded database in {@code home}, or joins the one another CaseOps process runs there. */
    public static EmbeddedPostgresServer startOrJoin(Path home, int port) {
        try {
            Files.createDirectories(home);
            Path lockPath = home.resolve("caseops.lock");
            Path portFile = home.resolve("postgres.port");
            FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return join(home, portFile);
            }
            Path dataDir = home.resolve("pgdata");
            stopOrphanedPostmaster(dataDir);
            DatabaseSecrets.Loaded secrets = DatabaseSecrets.loadOrCreate(home);
            if (secrets.created() && Files.exists(dataDir.resolve("pg_hba.conf"))) {
                // a home without its secrets file: the superuser's password (if any) is unknown; set new ones
                Files.writeString(dataDir.resolve("pg_hba.conf"), BOOTSTRAP_HBA, StandardCharsets.UTF_8);
            }
            int chosen = port > 0 ? port : freePort();
            EmbeddedPostgres pg = builder(chosen, secrets.logins())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            provisionOrStop(pg, secrets.logins());
            Files.writeString(portFile, pg.getPort() + "\n" + ProcessHandle.current().pid() + "\n",
                    StandardCharsets.UTF_8);
            log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
            return new EmbeddedPostgresServer(pg, channel, lock, portFile, pg.getPort(), secrets.logins());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
        }
    }

    /** A throw-away database in a temporary folder, deleted at close (tests, benchmarks). */
    public static EmbeddedPostgresServer ephemeral() {
        try {
            DatabaseLogins logins = DatabaseSecrets.generate();
            // a throw-away folder has no crash worth surviving: zonky starts it without fsync (-F), and it needs no
            // full-page images in its WAL either (tests write less)
            EmbeddedPostgres pg = builder(0, logins).setCleanDataDirectory(true)
                    .setServerConfig("full_page_writes", "off")
                    .start();
            provisionOrStop(pg, logins);
            return new EmbeddedPostgresServer(pg, null, null, null, pg.getPort(), logins);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an ephemeral embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port, DatabaseLogins logins) {
        return EmbeddedPostgres.builder()
                .setPort(port)
                // how the library checks that the server is up: as the superuser, with its password once it has one
                .setConnectConfig("password", logins.owner().password())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
    }

    /**
     * Gives the superuser and the application's login role their passwords, makes sure the application's role is a
     * plain login (no superuser, no role or database creation, owns nothing by being created here), and asks every
     * connection for its password from now on.
     */
    private static void provisionOrStop(EmbeddedPostgres pg, DatabaseLogins logins) throws IOException {
        try {
            provision(pg.getPort(), logins);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    private static void provision(int port, DatabaseLogins logins) throws IOException {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, logins.owner().user(), logins.owner().password());
             Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.alterUserPassword(logins.owner().user(), logins.owner().password().toCharArray(), "scram-sha-256");
            String app = logins.app().user();
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + app + "') then "
                    + "create role " + app + "; end if; end $$");
            s.execute("alter role " + app + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
            pg.alterUserPassword(app, logins.app().password().toCharArray(), "scram-sha-256");
            Path hba;
            try (ResultSet rs = s.executeQuery("show hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            if (!Files.exists(hba) || !HBA.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
                Files.writeString(hba, HBA, StandardCharsets.UTF_8);
            }
            s.execute("select pg_reload_conf()");
            try (ResultSet rs = s.executeQuery("select count(*) from pg_hba_file_rules where error is not null")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException(hba + " has errors; PostgreSQL keeps its previous rules");
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not set the embedded database's logins on port " + port
                    + " (is CASEOPS_HOME/" + DatabaseSecrets.FILE + " from another installation?)", e);
        }
    }

    private static EmbeddedPostgresServer join(Path home, Path portFile) throws IOException {
        Path secrets = home.resolve(DatabaseSecrets.FILE);
        long deadline = System.nanoTime() + JOIN_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<List<String>> lines = Files.exists(portFile)
                    ? Optional.of(Files.readAllLines(portFile, StandardCharsets.UTF_8)) : Optional.empty();
            if (lines.isPresent() && !lines.get().isEmpty()) {
                int port = Integer.parseInt(lines.get().get(0).trim());
                String owner = lines.get().size() > 1 ? lines.get().get(1).trim() : "?";
                if (accepts(port)) {
                    log.info("CaseOps (pid {}) already runs the embedded database in {}; using it on port {}",
                            owner, home, port);
                    if (!Files.exists(secrets)) {
                        throw new IllegalStateException("CaseOps (pid " + owner + ") runs the database in " + home
                                + " without " + secrets + ": it is an older CaseOps; stop it and start again");
                    }
                    return new EmbeddedPostgresServer(null, null, null, null, port, DatabaseSecrets.read(secrets));
                }
            }
            sleep(250);
        }
        throw new IllegalStateException("Another CaseOps process holds " + home.resolve("caseops.lock")
                + " but its database did not answer within " + JOIN_WAIT.toSeconds() + " s. Stop it, or set "
                + "CASEOPS_HOME to another folder.");
    }

    /** Stops a postmaster left running by a JVM that was killed, so that the data directory can start again. */
    static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        boolean postgres = process.filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .map(cmd -> cmd.contains("postgres"))
                .orElse(false);
        if (!postgres) {
            log.warn("Removing stale {} (process {} is not running)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn("Stopping orphaned PostgreSQL (pid {}) left running on {} by a CaseOps that did not shut down",
                pid, dataDir);
        List<ProcessHandle> children = postmaster.children().toList();
        postmaster.destroy();
        if (!waitForExit(postmaster, Duration.ofSeconds(30))) {
            postmaster.destroyForcibly();
            waitForExit(postmaster, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : children) {
            if (!waitForExit(child, Duration.ofSeconds(10))) {
                child.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** The owner's and the application's sign-ins to this database. */
    public DatabaseLogins logins() {
        return logins;
    }

    /** A new connection to this database as the schema's owner (the superuser), for tools and tests. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), logins.owner().user(), logins.owner().password());
    }

    /**
     * The logins of an embedded database this JVM started or joined on {@code port}: tests and tools that run in the
     * same process as the application reach the owner through it, never through a password-less sign-in.
     */
    public static Optional<DatabaseLogins> loginsOf(int port) {
        return Optional.ofNullable(LOGINS.get(port));
    }

    /** Whether this process started the database (false: it joined another CaseOps process's database). */
    public boolean owner() {
        return postgres != null;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        LOGINS.remove(port, logins);
        try {
            postgres.close();
            if (portFile != null) {
                Files.deleteIfExists(portFile);
            }
            if (lock != null) {
                lock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            log.warn("While stopping the embedded PostgreSQL", e);
        }
    }
}
