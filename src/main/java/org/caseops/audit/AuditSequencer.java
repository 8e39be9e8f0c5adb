package org.caseops.audit;

import java.time.Duration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Chains recorded entries: the one step of the audit trail that is serialized, and it runs after the recording
 * transactions have committed, never inside them (docs/adr/006-audit-sequencer.md). Each batch is one call of the
 * database function {@code audit_sequence} in its own transaction, under an advisory lock, so that however many
 * CaseOps processes share the database only one sequences at a time. {@link AuditBackground} runs it every
 * {@code caseops.audit.sequencer-interval}; commands and tests that need every committed entry chained now call
 * {@link #drain}.
 */
@Service
public class AuditSequencer {

    /** Returned by {@code audit_sequence} when another sequencer holds the lock. */
    static final int BUSY = -1;

    private final AuditRows rows;
    private final int batch;

    AuditSequencer(AuditRows rows, AuditProperties properties) {
        this.rows = rows;
        this.batch = properties.sequencerBatch();
    }

    /**
     * One batch, unless another sequencer is at work.
     *
     * @return entries taken off the queue (0: the queue was empty), or {@link #BUSY}
     */
    int sequenceOnce() {
        outsideTransactions();
        return rows.sequence(batch, false);
    }

    /**
     * Chains everything queued, batch after batch, until the queue is empty or {@code timeout} has passed (another
     * sequencer's batch is waited for).
     *
     * @return true when the queue was found empty: every entry committed before the call is chained
     * @throws IllegalStateException when called inside a transaction: a batch must commit on its own, and must not
     *                               take a second connection while the caller holds one
     */
    public boolean drain(Duration timeout) {
        outsideTransactions();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int taken = rows.sequence(batch, false);
            if (taken == 0) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            if (taken == BUSY) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static void outsideTransactions() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the audit sequencer runs in its own transactions, not inside a caller's");
        }
    }
}
