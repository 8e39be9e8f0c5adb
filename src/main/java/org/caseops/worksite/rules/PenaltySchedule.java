package org.caseops.worksite.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of the civil penalty schedule for Form I-9 paperwork violations (8 U.S.C. 1324a(e)(5), adjusted for
 * inflation by 28 CFR 85.5): it applies to penalties assessed after {@code assessedAfter}, within {@code min} and
 * {@code max} per violation, and gives the base amount per violation by error rate ({@link Band}).
 */
public record PenaltySchedule(int id, LocalDate assessedAfter, BigDecimal min, BigDecimal max, String source,
        List<Band> bands) {

    /** From this error rate (percent, inclusive) on, the base amount per violation is {@code baseAmount}. */
    public record Band(int fromRatePercent, BigDecimal baseAmount) {
    }

    public PenaltySchedule {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("schedule " + id + ": minimum above maximum");
        }
        bands = bands.stream().sorted(Comparator.comparingInt(Band::fromRatePercent)).toList();
        if (bands.isEmpty() || bands.get(0).fromRatePercent() != 0) {
            throw new IllegalArgumentException("schedule " + id + ": its bands start at 0 %");
        }
    }

    /** The band of an error rate: the last whose lower bound the rate reaches. */
    public Band band(BigDecimal ratePercent) {
        Band found = bands.get(0);
        for (Band b : bands) {
            if (ratePercent.compareTo(BigDecimal.valueOf(b.fromRatePercent())) >= 0) {
                found = b;
            }
        }
        return found;
    }

    /**
     * The schedule in force for a penalty assessed on {@code date}: the latest that applies to penalties assessed
     * after a day before it. Empty before the first.
     */
    public static Optional<PenaltySchedule> inForceOn(List<PenaltySchedule> schedules, LocalDate date) {
        return schedules.stream().filter(s -> s.assessedAfter().isBefore(date))
                .max(Comparator.comparing(PenaltySchedule::assessedAfter));
    }
}
