package org.caseops.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseops.system.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the audit chain (docs/audit.md, "Checkpoints"; {@link Checkpoint}). Each is signed with the
 * key kept outside the database ({@link AuditSigningKey}), appended to this installation's checkpoint log
 * ({@code CASEOPS_HOME/audit/checkpoints.ndjson}) and stored in the database for the API. Issued every
 * {@code caseops.audit.checkpoint-interval} when the chain has grown ({@link AuditBackground}), and on demand
 * ({@code caseops audit checkpoint}, {@code POST /api/audit/checkpoints}).
 *
 * <p>A checkpoint is only signed for a chain that extends the latest one: the entries after the latest
 * checkpoint's position must follow its hash and each match its own hash (the first checkpoint checks the whole
 * chain). So a rewritten or shortened chain is never signed, and the newest checkpoint vouches for all before it.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    /** How long issuing waits for queued entries to be chained before it signs the head as it is. */
    private static final Duration DRAIN = Duration.ofSeconds(2);
    /** How long an issue on demand waits while another instance signs one. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    /** A checkpoint is refused: the chain does not extend the latest one (409 through the API). */
    public static final class Refused extends Conflict {
        Refused(String message) {
            super(message);
        }
    }

    /** A checkpoint and where it was found, for verify's findings. */
    record Anchor(Checkpoint checkpoint, String source) {
        String describe() {
            return checkpoint.describe() + ", " + source;
        }
    }

    private final AuditRows rows;
    private final AuditSequencer sequencer;
    private final AuditSigningKey key;
    private final Path logFile;
    private final TransactionTemplate snapshot;

    AuditCheckpoints(AuditRows rows, AuditSequencer sequencer, AuditSigningKey key, AuditFiles files,
            AuditProperties properties, PlatformTransactionManager transactions) {
        this.rows = rows;
        this.sequencer = sequencer;
        this.key = key;
        this.logFile = properties.checkpointLog() != null ? properties.checkpointLog()
                : files.directory().resolve("checkpoints.ndjson");
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Chains what is queued (for up to 2 s), then signs the chain's head, stores the checkpoint and appends it to the
     * local log. Call it outside a transaction. Waits up to 10 s while another instance (or thread) signs one.
     *
     * @throws Refused when the chain does not extend the latest checkpoint (rewritten or shortened)
     */
    public synchronized Checkpoint issue() {
        sequencer.drain(DRAIN);
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            Optional<Optional<Checkpoint>> signed = sign(false);
            if (signed.isPresent()) {
                return signed.get().orElseThrow();
            }
            if (System.nanoTime() > deadline) {
                throw new Conflict("another checkpoint is being signed; try again in a moment");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to sign a checkpoint", e);
            }
        }
    }

    /**
     * Issues a checkpoint when the chain has grown since the latest one; what the schedule calls. On several instances
     * one signs it: a round that finds another instance signing skips (issue 19, ADR 008).
     */
    Optional<Checkpoint> issueIfGrown() {
        sequencer.drain(DRAIN);
        return sign(true).orElse(Optional.empty());
    }

    /**
     * One attempt in one repeatable-read transaction whose first statement takes the checkpoint lock without waiting
     * (so that what it reads is at least as new as the last checkpoint signed under the lock): empty when the lock is
     * taken; else the checkpoint signed, or none when {@code onlyIfGrown} and the chain has not grown.
     */
    private Optional<Optional<Checkpoint>> sign(boolean onlyIfGrown) {
        return snapshot.execute(status -> {
            if (!rows.tryCheckpointLock()) {
                return Optional.empty();
            }
            Checkpoint previous = latest().orElse(null);
            AuditRows.Head head = rows.head();
            if (onlyIfGrown && previous != null && head.position() <= previous.position()) {
                return Optional.of(Optional.empty());
            }
            String problem = extends_(previous, head);
            if (problem != null) {
                log.error("Audit checkpoint refused: {}", problem);
                throw new Refused("no checkpoint signed: " + problem);
            }
            Checkpoint made = Checkpoint.sign(head.position(), head.hash(), head.now(), key);
            rows.insertCheckpoint(made);
            append(made);
            return Optional.of(Optional.of(made));
        });
    }

    /**
     * The latest authentic checkpoint: the last line of the local log, or the newest one stored in the database
     * signed by this installation's key, whichever is further along; each only if its signature verifies.
     */
    public Optional<Checkpoint> latest() {
        Checkpoint best = null;
        for (Anchor anchor : anchors()) {
            if (anchor.checkpoint().verifies() && (best == null || anchor.checkpoint().position() > best.position())) {
                best = anchor.checkpoint();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A stored checkpoint checked: its signature against its own key ({@code signed}), whether that key is this
     * installation's ({@code ours}), and what the chain holds at its position now ({@code chain}: "holds it",
     * "rewritten: ...", "shorter: ...").
     */
    public record Checked(Checkpoint checkpoint, boolean signed, boolean ours, boolean holds, String chain) {
    }

    /** The stored checkpoints, newest first, one page, each checked against the chain as it is now. */
    public List<Checked> checked(long offset, int limit) {
        return rows.checkpointPage(offset, limit).stream().map(s -> {
            Checkpoint c = s.checkpoint();
            String chain;
            boolean holds;
            if (c.position() == 0) {
                holds = AuditEntry.GENESIS.equals(c.hash());
                chain = holds ? "an empty chain" : "not the hash of an empty chain";
            } else if (s.chainHash() == null) {
                holds = false;
                chain = "shorter: the chain has no entry at position " + c.position() + " (truncated)";
            } else {
                holds = s.chainHash().equals(c.hash());
                chain = holds ? "holds it" : "rewritten: the entry at position " + c.position()
                        + " has another hash now";
            }
            return new Checked(c, c.verifies(), key.publicKeyHex().equals(c.key()), holds, chain);
        }).toList();
    }

    /** How many checkpoints are stored. */
    public long count() {
        return rows.checkpointCount();
    }

    /** The public key checkpoints are signed with, 64 hex digits. */
    public String publicKey() {
        return key.publicKeyHex();
    }

    public String keyId() {
        return key.keyId();
    }

    /** This installation's checkpoint log. */
    public Path log() {
        return logFile;
    }

    /**
     * The checkpoints verify compares the chain with without being given any: the local log's last, and the
     * database's newest with this installation's key (signatures not checked here).
     */
    List<Anchor> anchors() {
        List<Anchor> anchors = new ArrayList<>();
        Checkpoint local = lastLocal();
        if (local != null) {
            anchors.add(new Anchor(local, "the last in the local checkpoint log " + logFile));
        }
        for (Checkpoint stored : rows.newestCheckpoints(key.publicKeyHex(), 1)) {
            anchors.add(new Anchor(stored, "the newest stored in the database"));
        }
        return anchors;
    }

    /** Why the chain as it is in this snapshot does not extend {@code previous}, or null when it does. */
    private String extends_(Checkpoint previous, AuditRows.Head head) {
        AuditVerifier.Chain chain;
        if (previous == null) {
            chain = new AuditVerifier.Chain();
        } else {
            if (head.position() < previous.position()) {
                return "the chain ends at position " + head.position() + " but " + previous.describe()
                        + " signed " + previous.position() + " entries (truncated)";
            }
            if (previous.position() == 0 && !previous.hash().equals(AuditEntry.GENESIS)) {
                return previous.describe() + " is not a checkpoint of an empty chain";
            }
            chain = new AuditVerifier.Chain(previous.position(), previous.hash(), List.of());
        }
        rows.chain(chain.nextPosition(), chain::check);
        VerifyResult result = chain.end(head);
        return result.intact() ? null : result.problem()
                + (previous == null ? "" : " (checked from " + previous.describe() + ")");
    }

    private void append(Checkpoint c) {
        try {
            Path dir = logFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try (FileChannel out = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap((c.toJson() + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the checkpoint to " + logFile, e);
        }
    }

    /** The last complete line of the local log, or null when there is none (or it cannot be read). */
    private Checkpoint lastLocal() {
        if (!Files.isRegularFile(logFile)) {
            return null;
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            int tail = (int) Math.min(length, 16_384);
            byte[] bytes = new byte[tail];
            file.seek(length - tail);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return Checkpoint.parse(lines[i]);
                }
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the last checkpoint of {}: {}", logFile, e.getMessage());
            return null;
        }
    }
}
