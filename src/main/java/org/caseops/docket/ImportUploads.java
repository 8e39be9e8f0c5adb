package org.caseops.docket;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.caseops.access.Access;
import org.caseops.system.BadInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Imports uploaded from the imports page (docs/web.md), run in the background so that the page can show their
 * progress: the same importer and the same audit entry ({@code DOCKET_IMPORTED}) as {@code POST /api/imports}, one
 * upload at a time (the importer takes its own lock as well). An upload is seen only by the user who sent it; a
 * finished one is forgotten after an hour (its import stays in the history).
 */
@Service
public class ImportUploads {

    private static final Logger LOG = LoggerFactory.getLogger(ImportUploads.class);
    private static final Duration KEPT = Duration.ofHours(1);

    /** Where an upload is. */
    public enum State { RUNNING, DONE, FAILED }

    /** An upload as its page shows it. */
    public record Upload(String id, String username, Instant startedAt, State state, long totalBytes, long readBytes,
            String step, Long importId, String problem, String problemField) {

        /** How much of the files has been read, 0–100 (100 while the last table is merged). */
        public int percent() {
            return totalBytes <= 0 ? (state == State.RUNNING ? 0 : 100)
                    : (int) Math.min(100, readBytes * 100 / totalBytes);
        }
    }

    private final DocketImporter importer;
    private final Access access;
    private final Map<String, Tracker> uploads = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "import-upload");
        thread.setDaemon(true);
        return thread;
    });

    ImportUploads(DocketImporter importer, Access access) {
        this.importer = importer;
        this.access = access;
    }

    /**
     * Saves the uploads under fixed names in a folder of their own and starts the import in the background, as the
     * signed-in user.
     *
     * @param eoir    a zip of EOIR tables, or {@code null}
     * @param persons a person file, or {@code null}
     * @throws ImportRejected naming {@code eoir} when neither is given or the EOIR upload is no zip
     */
    public String start(InputStream eoir, String eoirName, InputStream persons, LocalDate asOfRelease)
            throws IOException {
        if (eoir == null && persons == null) {
            throw new ImportRejected("choose a zip of EOIR tables, a person file, or both", "eoir");
        }
        forgetOld();
        String username = access.actor().username();
        Path work = Files.createTempDirectory("caseops-upload");
        Path eoirPath = eoir == null ? null : work.resolve("eoir.zip");
        Path personsPath = persons == null ? null : work.resolve("persons.csv");
        try {
            if (eoir != null) {
                Files.copy(eoir, eoirPath);
                if (!looksLikeZip(eoirPath)) {
                    throw new ImportRejected("the EOIR tables come as a zip file (" + shown(eoirName)
                            + " is not one)", "eoir");
                }
            }
            if (persons != null) {
                Files.copy(persons, personsPath);
            }
        } catch (IOException | RuntimeException e) {
            delete(work, eoirPath, personsPath);
            throw e;
        }
        Tracker tracker = new Tracker(UUID.randomUUID().toString(), username);
        uploads.put(tracker.id, tracker);
        worker.submit(new DelegatingSecurityContextRunnable(() -> run(tracker, work, eoirPath, personsPath,
                asOfRelease), SecurityContextHolder.getContext()));
        return tracker.id;
    }

    /** The signed-in user's upload of this id. */
    public Optional<Upload> find(String id) {
        Tracker tracker = id == null ? null : uploads.get(id);
        if (tracker == null || !tracker.username.equals(access.actor().username())) {
            return Optional.empty();
        }
        return Optional.of(tracker.upload());
    }

    private void run(Tracker tracker, Path work, Path eoir, Path persons, LocalDate asOfRelease) {
        try {
            ImportReport report = importer.importFiles(eoir, persons, tracker.username, tracker, asOfRelease);
            // the import commits in its own transaction; its audit entry follows it, as for POST /api/imports
            access.audit("DOCKET_IMPORTED", new Access.Subject("IMPORT", String.valueOf(report.importId()), null),
                    report.tables().stream().map(t -> t.table() + " +" + t.inserted() + " ~" + t.updated() + " !"
                            + t.quarantined()).reduce((a, b) -> a + ", " + b).orElse("") + " (uploaded from the page)");
            tracker.done(report.importId());
        } catch (BadInput e) {
            tracker.failed(e.getMessage(), e.field());
        } catch (RuntimeException e) {
            LOG.warn("Upload {} by {} failed", tracker.id, tracker.username, e);
            tracker.failed("the import failed: " + e.getMessage(), null);
        } finally {
            delete(work, eoir, persons);
        }
    }

    private void forgetOld() {
        Instant before = Instant.now().minus(KEPT);
        uploads.values().removeIf(t -> t.state != State.RUNNING && t.startedAt.isBefore(before));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private static void delete(Path work, Path eoir, Path persons) {
        try {
            if (eoir != null) {
                Files.deleteIfExists(eoir);
            }
            if (persons != null) {
                Files.deleteIfExists(persons);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            LOG.warn("Could not remove the upload folder {}", work, e);
        }
    }

    private static boolean looksLikeZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    private static String shown(String name) {
        if (name == null || name.isBlank()) {
            return "the upload";
        }
        String printable = name.replaceAll("[^\\p{Print}]", "?");
        return "'" + (printable.length() > 100 ? printable.substring(0, 100) + "…" : printable) + "'";
    }

    /** One upload's progress, told by the importer from the worker thread and read by the page's requests. */
    private static final class Tracker implements ImportProgress {
        final String id;
        final String username;
        final Instant startedAt = Instant.now();
        final AtomicLong read = new AtomicLong();
        volatile long total;
        volatile String step = "waiting for the importer";
        volatile State state = State.RUNNING;
        volatile Long importId;
        volatile String problem;
        volatile String problemField;

        Tracker(String id, String username) {
            this.id = id;
            this.username = username;
        }

        @Override
        public void start(long totalBytes) {
            total = totalBytes;
            step = "waiting for the importer (one import at a time)";
        }

        @Override
        public void step(String what) {
            step = what;
        }

        @Override
        public void advance(long bytes) {
            read.addAndGet(bytes);
        }

        void done(long id) {
            importId = id;
            step = "done";
            state = State.DONE;
        }

        void failed(String message, String field) {
            problem = message;
            problemField = field;
            state = State.FAILED;
        }

        Upload upload() {
            return new Upload(id, username, startedAt, state, total, read.get(), step, importId, problem,
                    problemField);
        }
    }
}
