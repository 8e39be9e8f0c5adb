package org.caseops.audit;

import java.util.List;

/**
 * The outcome of checking the audit trail.
 *
 * @param intact              every chained entry matches its hash and follows the one before, the head is the last,
 *                            every entry is chained or queued, and the chain still holds every checkpoint checked
 * @param entries             how many chained entries were read
 * @param pending             how many entries were recorded and are not chained yet (not a fault: the sequencer
 *                            chains them within about a second)
 * @param firstBrokenPosition the first position found wrong (for a deletion or truncation: the first missing one);
 *                            null when intact, or when the finding is not about a position (an entry taken off the
 *                            queue, a forged checkpoint)
 * @param problem             what is wrong, ending in the likely cause: (edited), (deleted), (reordered or inserted),
 *                            (rewritten), (truncated), …; null when intact
 * @param notes               what else was seen: the checkpoints checked against, pending entries
 */
public record VerifyResult(boolean intact, long entries, long pending, Long firstBrokenPosition, String problem,
        List<String> notes) {

    static VerifyResult intact(long entries) {
        return new VerifyResult(true, entries, 0, null, null, List.of());
    }

    static VerifyResult broken(long entries, Long position, String problem) {
        return new VerifyResult(false, entries, 0, position, problem, List.of());
    }

    VerifyResult with(long pending, List<String> notes) {
        return new VerifyResult(intact, entries, pending, firstBrokenPosition, problem, List.copyOf(notes));
    }
}
