package org.caseops.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar days an instant falls on in the United States as the INA defines it (8 U.S.C. 1101(a)(38): the
 * States, the District of Columbia, Puerto Rico, Guam, the U.S. Virgin Islands and the Northern Mariana Islands):
 * from Hawaii's day (UTC−10, no daylight saving time), the westernmost, to Guam's and the Northern Mariana Islands'
 * (UTC+10, none either), the easternmost. Between them lie at most two days: one from 10:00 to 14:00 UTC, two the
 * rest of the day.
 *
 * <p>The dates the legal gate reads (a stay's end, an appeal period's last day, a voluntary departure's deadline, a
 * grant) were written by courts, the BIA and officers in their own time zones, and the San Francisco field office
 * alone reaches from Hawaii to Guam. An act at an instant (an arrest, a custody change) is therefore lawful only if
 * the order is executable on <b>every</b> day the instant falls on somewhere in the United States: the day taken in
 * UTC (as CaseOps did until 2026-12-04) let an arrest at 19:00 in Los Angeles count as the next day, when a stay
 * ending that day still held there (docs/legal-rules.md, "Which day an instant is"). Minority, a protection too, is
 * judged on the {@link #first() first} of the days: a person who is a minor anywhere in the United States at that
 * instant is treated as one.
 *
 * @param first the westernmost day (Hawaii's)
 * @param last  the easternmost day (Guam's); {@code first} or the day after it
 */
public record LegalDays(LocalDate first, LocalDate last) {

    /** UTC−10 all year. */
    public static final ZoneId WESTERNMOST = ZoneId.of("Pacific/Honolulu");
    /** UTC+10 all year (Chamorro Time, Guam and the Northern Mariana Islands). */
    public static final ZoneId EASTERNMOST = ZoneId.of("Pacific/Guam");

    public LegalDays {
        if (first.isAfter(last) || first.plusDays(1).isBefore(last)) {
            throw new IllegalArgumentException("legal days " + first + " to " + last);
        }
    }

    /** The days {@code at} falls on in the United States. */
    public static LegalDays of(Instant at) {
        return new LegalDays(LocalDate.ofInstant(at, WESTERNMOST), LocalDate.ofInstant(at, EASTERNMOST));
    }

    /** The days it is now somewhere in the United States. */
    public static LegalDays now() {
        return of(Instant.now());
    }

    /** True when the instant falls on one day everywhere in the United States. */
    public boolean oneDay() {
        return first.equals(last);
    }

    /** {@code 2019-06-24}, or {@code 2019-06-24/2019-06-25} when the instant falls on two days. */
    @Override
    public String toString() {
        return oneDay() ? first.toString() : first + "/" + last;
    }
}
