package org.caseops.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit trail in one streaming pass (constant memory) and names the first thing wrong (docs/audit.md,
 * "Checking the chain"): in position order, a missing position (deleted), a prev_hash that is not the previous
 * entry's hash (reordered or inserted), a hash that does not match the entry's content (edited), a head that is not
 * the last entry (deleted at the end); an entry neither chained nor queued (taken off the queue); and against signed
 * checkpoints — the local log's last, the database's newest and any given — an entry at a checkpoint's position with
 * another hash (rewritten) or a chain that no longer reaches it (truncated).
 */
@Service
public class AuditVerifier {

    /** A pending entry older than this is worth a note: the sequencer may not be running. */
    static final Duration STALE = Duration.ofSeconds(10);

    private final AuditRows rows;
    private final AuditCheckpoints checkpoints;

    AuditVerifier(AuditRows rows, AuditCheckpoints checkpoints) {
        this.rows = rows;
        this.checkpoints = checkpoints;
    }

    /** Checks the chain against this installation's own checkpoints. One snapshot: appends meanwhile do not disturb. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerifyResult verify() {
        return verify(List.of());
    }

    /**
     * Checks the chain against this installation's own checkpoints and {@code anchors} (kept by an auditor:
     * {@code audit verify --anchor FILE}). An anchor whose signature does not verify is itself a finding.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerifyResult verify(List<Checkpoint> anchors) {
        return check(0, AuditEntry.GENESIS, 1, anchors).result();
    }

    /**
     * One check and where it ended, to be kept ({@link AuditVerifications}): the chain read from
     * {@code fromPosition} to {@code lastPosition}, ending in {@code lastHash}, and the lowest seq not chained when
     * it was made ({@code unchainedFromSeq}: every entry below it was seen chained).
     */
    record Checked(VerifyResult result, long fromPosition, long lastPosition, String lastHash,
            long unchainedFromSeq) {
    }

    /**
     * Checks the chain after {@code afterPosition}, starting from {@code afterHash} (0 and the genesis hash: the whole
     * chain), and looks for entries neither chained nor queued from seq {@code unchainedFromSeq} on. The caller's
     * transaction gives the snapshot.
     */
    Checked check(long afterPosition, String afterHash, long unchainedFromSeq, List<Checkpoint> anchors) {
        List<AuditCheckpoints.Anchor> all = new ArrayList<>();
        for (Checkpoint given : anchors) {
            all.add(new AuditCheckpoints.Anchor(given, "given"));
        }
        all.addAll(checkpoints.anchors());
        List<String> notes = new ArrayList<>();
        List<AuditCheckpoints.Anchor> valid = new ArrayList<>();
        String forged = null;
        for (AuditCheckpoints.Anchor anchor : all) {
            if (anchor.checkpoint().verifies()) {
                valid.add(anchor);
            } else if (forged == null) {
                forged = anchor.describe() + ": its signature does not verify (forged or altered checkpoint)";
            }
        }
        long lowestUnchained = rows.lowestUnchained();
        Chain chain = new Chain(afterPosition, afterHash, valid);
        rows.chain(afterPosition + 1, chain::check);
        VerifyResult result = chain.end(rows.head());
        if (result.intact() && forged != null) {
            result = VerifyResult.broken(result.entries(), null, forged);
        }
        if (result.intact()) {
            AuditEntry lost = rows.firstUnchainable(unchainedFromSeq);
            if (lost != null) {
                result = VerifyResult.broken(result.entries(), null, "entry seq " + lost.seq() + " (recorded "
                        + Canonical.time(lost.recordedAt()) + ") is neither chained nor queued, so it would never "
                        + "be chained (taken off the queue)");
            }
        }
        for (AuditCheckpoints.Anchor anchor : valid) {
            if (anchor.checkpoint().position() <= chain.lastPosition()) {
                notes.add("checked against " + anchor.describe());
            }
        }
        if (valid.isEmpty()) {
            notes.add("no signed checkpoint to check against: a truncated or wholly recomputed chain would not be "
                    + "seen (caseops audit checkpoint makes one)");
        }
        AuditRows.Queue queue = rows.queue();
        if (queue.pending() > 0) {
            Duration age = Duration.between(queue.oldest(), queue.now());
            notes.add(queue.pending() + " entries pending (recorded, not chained yet), the oldest for "
                    + String.format("%.1f s", age.toMillis() / 1000.0)
                    + (age.compareTo(STALE) > 0 ? ": the sequencer may not be running" : ""));
        }
        return new Checked(result.with(queue.pending(), notes), afterPosition + 1, chain.lastPosition(),
                chain.lastHash(), lowestUnchained);
    }

    /**
     * The state of one pass in position order: the last good entry, and the first problem once found (later entries
     * only counted). Starts at the chain's beginning, or after a checkpoint's position and hash.
     */
    static final class Chain {
        private final Map<Long, List<AuditCheckpoints.Anchor>> anchors = new TreeMap<>();
        private long entries;
        private long lastPosition;
        private String lastHash;
        private Long brokenPosition;
        private String problem;

        Chain() {
            this(0, AuditEntry.GENESIS, List.of());
        }

        Chain(long afterPosition, String afterHash, List<AuditCheckpoints.Anchor> anchors) {
            this.lastPosition = afterPosition;
            this.lastHash = afterHash;
            for (AuditCheckpoints.Anchor a : anchors) {
                this.anchors.computeIfAbsent(a.checkpoint().position(), p -> new ArrayList<>()).add(a);
            }
        }

        long nextPosition() {
            return lastPosition + 1;
        }

        long lastPosition() {
            return lastPosition;
        }

        String lastHash() {
            return lastHash;
        }

        void check(AuditEntry e) {
            entries++;
            if (brokenPosition != null) {
                return;
            }
            long expected = lastPosition + 1;
            long position = e.position();
            if (position != expected) {
                if (position > expected) {
                    fail(expected, (position - 1 > expected ? "entries " + expected + " to " + (position - 1) + " are"
                            : "entry " + expected + " is") + " missing: after " + lastPosition + " comes " + position
                            + " (deleted)");
                } else {
                    fail(position, "entry " + position + " is out of order after " + lastPosition
                            + " (reordered or inserted)");
                }
            } else if (!e.prevHash().equals(lastHash)) {
                fail(position, "entry " + position + "'s prev_hash is not the hash of "
                        + (lastPosition == 0 ? "the chain's start" : "entry " + lastPosition)
                        + " (reordered or inserted)");
            } else if (!Canonical.hash(e).equals(e.hash())) {
                fail(position, "entry " + position + "'s content does not match its hash (edited)");
            } else {
                for (AuditCheckpoints.Anchor a : anchors.getOrDefault(position, List.of())) {
                    if (!a.checkpoint().hash().equals(e.hash())) {
                        fail(position, "entry " + position + "'s hash is not the one " + a.describe()
                                + " signed: the chain up to here was rewritten (rewritten)");
                        break;
                    }
                }
            }
            lastPosition = position;
            lastHash = e.hash();
        }

        VerifyResult end(AuditRows.Head head) {
            if (brokenPosition == null) {
                checkHead(head);
            }
            if (brokenPosition == null) {
                checkReach();
            }
            return brokenPosition == null ? VerifyResult.intact(entries)
                    : VerifyResult.broken(entries, brokenPosition, problem);
        }

        private void checkHead(AuditRows.Head head) {
            if (head.position() > lastPosition) {
                fail(lastPosition + 1, (head.position() > lastPosition + 1 ? "entries " + (lastPosition + 1) + " to "
                        + head.position() + " are" : "entry " + head.position() + " is")
                        + " missing at the end: the head is at " + head.position() + " (deleted)");
            } else if (head.position() < lastPosition) {
                fail(head.position() + 1, "entries after " + head.position() + " were not appended through the "
                        + "chain's head (inserted)");
            } else if (!head.hash().equals(lastHash)) {
                fail(lastPosition, "entry " + lastPosition + "'s hash is not the one the head recorded (edited)");
            }
        }

        /** Every checkpoint's position is still in the chain (position 0: the empty chain's hash). */
        private void checkReach() {
            for (List<AuditCheckpoints.Anchor> at : anchors.values()) {
                for (AuditCheckpoints.Anchor a : at) {
                    long p = a.checkpoint().position();
                    if (p == 0 && !a.checkpoint().hash().equals(AuditEntry.GENESIS)) {
                        fail(1, a.describe() + " signed an empty chain with a hash other than 64 zeros");
                        return;
                    }
                    if (p > lastPosition) {
                        fail(lastPosition + 1, (p > lastPosition + 1 ? "entries " + (lastPosition + 1) + " to " + p
                                + " are" : "entry " + p + " is") + " missing at the end: the chain ends at "
                                + lastPosition + " but " + a.describe() + " signed " + p + " entries (truncated)");
                        return;
                    }
                }
            }
        }

        private void fail(long position, String what) {
            brokenPosition = position;
            problem = what;
        }
    }
}
