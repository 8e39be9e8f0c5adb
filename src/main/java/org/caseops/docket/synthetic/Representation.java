package org.caseops.docket.synthetic;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which synthetic cases had counsel ({@code E_28_DATE}, {@code ATTY_NBR}), by case kind, with a share of its own for
 * family leads. Each case draws from a random stream of its own, seeded from the scenario's seed and its IDNCASE, so
 * representation is deterministic by seed and changes none of the values the scenario's other streams give.
 */
final class Representation {

    private final long seed;
    private final double[] leadShare = new double[CaseKind.values().length];
    private final double[] otherShare = new double[CaseKind.values().length];
    private final Weighted<Integer> attorneys;

    private Representation(long seed, Map<CaseKind, Double> others, double inAbsentiaLeads,
            Weighted<Integer> attorneys) {
        this.seed = seed;
        for (CaseKind kind : CaseKind.values()) {
            otherShare[kind.ordinal()] = others.getOrDefault(kind, 0.0);
            leadShare[kind.ordinal()] = otherShare[kind.ordinal()];
        }
        leadShare[CaseKind.IN_ABSENTIA_REMOVAL.ordinal()] = inAbsentiaLeads;
        this.attorneys = attorneys;
    }

    /**
     * The family operation: about 150 family leads had counsel before their in-absentia order ({@code
     * inAbsentiaLeads} of the in-absentia leads: the "McAleenan alternative" of 2019 targets them); every other case
     * with an in-absentia order is unrepresented, and a few cases with other outcomes are represented.
     */
    static Representation familyOp2019(long seed, double inAbsentiaLeads) {
        return new Representation(seed, shares(
                CaseKind.REMOVAL_APPEAL_WAIVED, 0.10, CaseKind.REMOVAL_APPEAL_DISMISSED, 0.80,
                CaseKind.APPEAL_PENDING, 0.80, CaseKind.APPEAL_WINDOW_OPEN, 0.50,
                CaseKind.VOLUNTARY_DEPARTURE_RUNNING, 0.30, CaseKind.VOLUNTARY_DEPARTURE_OVERSTAYED, 0.20,
                CaseKind.TERMINATED, 0.40, CaseKind.RELIEF_GRANTED, 0.80, CaseKind.PENDING, 0.20,
                CaseKind.NEWER_PROCEEDING_PENDING, 0.30), inAbsentiaLeads,
                new Weighted<>(Choices.weights(1, 80, 2, 20)));
    }

    /**
     * A national docket, about a third represented: counsel is rare behind in-absentia orders and usual behind
     * appeals, relief and motions to reopen (whose counsel appears after the order).
     */
    static Representation national(long seed) {
        Map<CaseKind, Double> shares = shares(
                CaseKind.IN_ABSENTIA_REMOVAL, 0.10, CaseKind.REMOVAL_APPEAL_WAIVED, 0.20,
                CaseKind.REMOVAL_APPEAL_DISMISSED, 0.85, CaseKind.APPEAL_PENDING, 0.85,
                CaseKind.APPEAL_WINDOW_OPEN, 0.60, CaseKind.MOTION_TO_REOPEN_PENDING, 0.70,
                CaseKind.MOTION_TO_REOPEN_GRANTED, 0.80, CaseKind.MOTION_DENIED, 0.60, CaseKind.STAY_GRANTED, 0.80,
                CaseKind.VOLUNTARY_DEPARTURE_RUNNING, 0.50, CaseKind.VOLUNTARY_DEPARTURE_OVERSTAYED, 0.40,
                CaseKind.TERMINATED, 0.50, CaseKind.RELIEF_GRANTED, 0.85, CaseKind.PENDING, 0.25,
                CaseKind.NEWER_PROCEEDING_PENDING, 0.50, CaseKind.CITIZENSHIP_CLAIM_OPEN, 0.30);
        return new Representation(seed, shares, shares.get(CaseKind.IN_ABSENTIA_REMOVAL),
                new Weighted<>(Choices.weights(1, 75, 2, 20, 3, 5)));
    }

    private static Map<CaseKind, Double> shares(Object... pairs) {
        Map<CaseKind, Double> map = new java.util.EnumMap<>(CaseKind.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((CaseKind) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    /** The seed of a case's own counsel stream. */
    long seedFor(long idnCase) {
        long z = seed * 0x9E3779B97F4A7C15L + idnCase;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Whether the case had counsel and when, from the first draw of its stream; {@code familyLead} for a family's
     * lead case, which may have a share of its own.
     */
    Counsel decide(CaseKind kind, boolean familyLead, long counselSeed) {
        double share = (familyLead ? leadShare : otherShare)[kind.ordinal()];
        if (share <= 0 || new SplittableRandom(counselSeed).nextDouble() >= share) {
            return Counsel.NONE;
        }
        return Counsel.of(kind);
    }

    /** ATTY_NBR of a represented case. */
    int attorneys(SplittableRandom counsel) {
        return attorneys.pick(counsel);
    }
}
