package org.caseops.audit;

/**
 * The outcome of recomputing the audit chain.
 *
 * @param intact         every entry matches its hash, follows the one before, and the head is the last entry
 * @param entries        how many entries were read
 * @param firstBrokenSeq the first entry found wrong (for a deletion: the first missing seq); null when intact
 * @param problem        what is wrong with it, ending in the likely cause: (edited), (deleted), (reordered or
 *                       inserted); null when intact
 */
public record VerifyResult(boolean intact, long entries, Long firstBrokenSeq, String problem) {

    static VerifyResult intact(long entries) {
        return new VerifyResult(true, entries, null, null);
    }

    static VerifyResult broken(long entries, long seq, String problem) {
        return new VerifyResult(false, entries, seq, problem);
    }
}
