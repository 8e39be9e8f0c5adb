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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 behind CaseOps, with its data directory under {@code CASEOPS_HOME/pgdata}.
 *
 * <p>One process owns a data directory: it holds {@code CASEOPS_HOME/caseops.lock} and writes the port it serves
 * on to {@code CASEOPS_HOME/postgres.port}. A second CaseOps process (a CLI command while the server runs) finds
 * the lock taken and joins the running database through that port instead of starting a second postmaster.
 * A postmaster orphaned by a JVM killed with -9 is found through {@code postmaster.pid} and stopped before start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration JOIN_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path portFile;
    private final int port;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, Path portFile,
            int port) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.portFile = portFile;
        this.port = port;
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
            int chosen = port > 0 ? port : freePort();
            EmbeddedPostgres pg = builder(chosen)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            Files.writeString(portFile, pg.getPort() + "\n" + ProcessHandle.current().pid() + "\n",
                    StandardCharsets.UTF_8);
            log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir);
            return new EmbeddedPostgresServer(pg, channel, lock, portFile, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
        }
    }

    /** A throw-away database in a temporary folder, deleted at close (tests, benchmarks). */
    public static EmbeddedPostgresServer ephemeral() {
        try {
            EmbeddedPostgres pg = builder(0).setCleanDataDirectory(true).start();
            return new EmbeddedPostgresServer(pg, null, null, null, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an ephemeral embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8");
    }

    private static EmbeddedPostgresServer join(Path home, Path portFile) throws IOException {
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
                    return new EmbeddedPostgresServer(null, null, null, null, port);
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

    /** Whether this process started the database (false: it joined another CaseOps process's database). */
    public boolean owner() {
        return postgres != null;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
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
