package org.caseops.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as stored (docs/audit.md). {@code seq} is the entry's number, given when it was
 * recorded: unique and increasing, with gaps where a transaction rolled back. {@code position}, {@code prevHash} and
 * {@code hash} are its place in the hash chain and are given by the sequencer shortly after the recording
 * transaction commits; until then they are {@code null} and the entry is {@linkplain #pending() pending}.
 */
public record AuditEntry(long seq, Long position, Instant recordedAt, String actor, String role, String fieldOffice,
        String action, String subjectType, String subjectId, String purpose, String requestId, String detail,
        String prevHash, String hash) {

    /** The hash of the chain before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Recorded, and not chained yet: no position, no hashes. */
    public boolean pending() {
        return position == null;
    }

    static AuditEntry pending(long seq, Instant recordedAt, AuditEvent e) {
        return new AuditEntry(seq, null, recordedAt, e.actor(), e.role(), e.fieldOffice(), e.action(),
                e.subjectType(), e.subjectId(), e.purpose(), e.requestId(), e.detail(), null, null);
    }

    /** This entry at {@code position} after {@code prevHash}, with its hash computed (docs/audit.md). */
    AuditEntry chained(long position, String prevHash) {
        AuditEntry unhashed = new AuditEntry(seq, position, recordedAt, actor, role, fieldOffice, action, subjectType,
                subjectId, purpose, requestId, detail, prevHash, null);
        return new AuditEntry(seq, position, recordedAt, actor, role, fieldOffice, action, subjectType, subjectId,
                purpose, requestId, detail, prevHash, Canonical.hash(unhashed));
    }
}
