package org.caseops.operation.schedule;

/**
 * Weights of the soft constraints (0 switches one off). Only their ratios matter.
 *
 * @param dayLoad     per (visits of a field office on a day)², summed over offices and days
 * @param teamLoad    per (visits of a team)², summed over teams
 * @param travelPerKm per kilometre a team travels on a day (straight line, from its home to its first visit, then
 *                    visit to visit)
 * @param minorWindow per avoid window that the slot of a unit with a minor overlaps
 */
public record SoftWeights(long dayLoad, long teamLoad, long travelPerKm, long minorWindow) {

    public static final SoftWeights DEFAULT = new SoftWeights(10, 10, 1, 30);

    public SoftWeights {
        if (dayLoad < 0 || teamLoad < 0 || travelPerKm < 0 || minorWindow < 0) {
            throw new IllegalArgumentException("soft weights must be >= 0, were dayLoad=" + dayLoad + ", teamLoad="
                    + teamLoad + ", travelPerKm=" + travelPerKm + ", minorWindow=" + minorWindow);
        }
    }
}
