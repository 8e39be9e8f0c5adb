package org.caseops.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the whole audit chain in one streaming pass (constant memory) and names the first entry that is wrong:
 * a missing seq (deleted), a prev_hash that is not the previous entry's hash (reordered or inserted), a hash that
 * does not match the entry's content (edited), or a head that is not the last entry (newest entries deleted).
 */
@Service
public class AuditVerifier {

    private final AuditRows rows;

    AuditVerifier(AuditRows rows) {
        this.rows = rows;
    }

    /** Entries and head are read in one snapshot, so appends running meanwhile do not disturb the check. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public VerifyResult verify() {
        Chain chain = new Chain();
        rows.each(chain::check);
        return chain.end(rows.head());
    }

    /** The state of one pass: the last good entry, and the first problem once found (later entries only counted). */
    static final class Chain {
        private long entries;
        private long lastSeq;
        private String lastHash = AuditEntry.GENESIS;
        private Long brokenSeq;
        private String problem;

        void check(AuditEntry e) {
            entries++;
            if (brokenSeq != null) {
                return;
            }
            long expected = lastSeq + 1;
            if (e.seq() != expected) {
                if (e.seq() > expected) {
                    fail(expected, (e.seq() - 1 > expected ? "entries " + expected + " to " + (e.seq() - 1) + " are"
                            : "entry " + expected + " is") + " missing: after " + lastSeq + " comes " + e.seq()
                            + " (deleted)");
                } else {
                    fail(e.seq(), "entry " + e.seq() + " is out of order after " + lastSeq + " (reordered or inserted)");
                }
            } else if (!e.prevHash().equals(lastHash)) {
                fail(e.seq(), "entry " + e.seq() + "'s prev_hash is not the hash of "
                        + (lastSeq == 0 ? "the chain's start" : "entry " + lastSeq) + " (reordered or inserted)");
            } else if (!Canonical.hash(e).equals(e.hash())) {
                fail(e.seq(), "entry " + e.seq() + "'s content does not match its hash (edited)");
            }
            lastSeq = e.seq();
            lastHash = e.hash();
        }

        VerifyResult end(AuditRows.Head head) {
            if (brokenSeq == null) {
                checkHead(head);
            }
            return brokenSeq == null ? VerifyResult.intact(entries)
                    : VerifyResult.broken(entries, brokenSeq, problem);
        }

        private void checkHead(AuditRows.Head head) {
            if (head.seq() > lastSeq) {
                fail(lastSeq + 1, (head.seq() > lastSeq + 1 ? "entries " + (lastSeq + 1) + " to " + head.seq() + " are"
                        : "entry " + head.seq() + " is") + " missing at the end: the head is at " + head.seq()
                        + " (deleted)");
            } else if (head.seq() < lastSeq) {
                fail(head.seq() + 1, "entries after " + head.seq() + " were not appended through the chain's head "
                        + "(inserted)");
            } else if (!head.hash().equals(lastHash)) {
                fail(lastSeq, "entry " + lastSeq + "'s hash is not the one the head recorded (edited)");
            }
        }

        private void fail(long seq, String what) {
            brokenSeq = seq;
            problem = what;
        }
    }
}
