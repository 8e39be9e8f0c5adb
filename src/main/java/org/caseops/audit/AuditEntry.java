package org.caseops.audit;

import java.time.Instant;

/**
 * One entry of the audit trail as stored: its place in the chain ({@code seq}), when it was recorded (database
 * clock, microseconds), the event, the previous entry's hash and its own. docs/audit.md defines the hash.
 */
public record AuditEntry(long seq, Instant recordedAt, String actor, String role, String fieldOffice, String action,
        String subjectType, String subjectId, String purpose, String requestId, String detail, String prevHash,
        String hash) {

    /** The hash of the chain before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    static AuditEntry of(long seq, Instant recordedAt, AuditEvent e, String prevHash) {
        AuditEntry unhashed = new AuditEntry(seq, recordedAt, e.actor(), e.role(), e.fieldOffice(), e.action(),
                e.subjectType(), e.subjectId(), e.purpose(), e.requestId(), e.detail(), prevHash, null);
        return unhashed.withHash(Canonical.hash(unhashed));
    }

    private AuditEntry withHash(String hash) {
        return new AuditEntry(seq, recordedAt, actor, role, fieldOffice, action, subjectType, subjectId, purpose,
                requestId, detail, prevHash, hash);
    }
}
