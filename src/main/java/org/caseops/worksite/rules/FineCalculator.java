package org.caseops.worksite.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Form I-9 fine calculator (docs/legal-rules.md "I-9 fines"), a pure function: the forms reviewed and the
 * violations found, the date of the notice of intent to fine, each statutory factor's direction with its written
 * justification, and the penalty schedules → the fine per violation and in total, every step shown.
 *
 * <ol>
 *   <li>error rate = violations ÷ forms reviewed, in percent (two decimals, half up);</li>
 *   <li>the schedule in force on the notice's date (28 CFR 85.5: penalties assessed after its date), and the base
 *       amount of the rate's band;</li>
 *   <li>each of the five factors of 8 U.S.C. 1324a(e)(5) adds 5 %, nothing or −5 % of the base (so −25 % to +25 %);
 *   <li>the amount per violation is held within the schedule's minimum and maximum (the statute's bounds), to the
 *       cent; the total is that times the violations.</li>
 * </ol>
 */
public final class FineCalculator {

    /** The shortest written justification accepted for a factor. */
    public static final int MIN_JUSTIFICATION = 10;

    private FineCalculator() {
    }

    /** One factor's direction and why. */
    public record Adjustment(Factor factor, Direction direction, String justification) {
    }

    public record Input(LocalDate noticeDate, int formsReviewed, int violations, List<Adjustment> adjustments) {
    }

    /** The fine, with each step: {@code unbounded} is the adjusted amount before the schedule's bounds. */
    public record Fine(PenaltySchedule schedule, int formsReviewed, int violations, BigDecimal errorRatePercent,
            PenaltySchedule.Band band, int adjustmentPercent, BigDecimal unbounded, BigDecimal perViolation,
            Bound bound, BigDecimal total, List<Adjustment> adjustments) {
    }

    /** Whether the schedule's bounds changed the adjusted amount. */
    public enum Bound { WITHIN, RAISED_TO_MINIMUM, LOWERED_TO_MAXIMUM }

    /** Input the calculator cannot work with, naming the field at fault. */
    public static final class InvalidInput extends RuntimeException {
        private final String field;

        InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static Fine compute(Input in, List<PenaltySchedule> schedules) {
        if (in.noticeDate() == null) {
            throw new InvalidInput("noticeDate", "the date of the notice of intent to fine is required (yyyy-MM-dd)");
        }
        if (in.formsReviewed() <= 0) {
            throw new InvalidInput("formsReviewed", "at least one form must have been reviewed");
        }
        if (in.violations() < 0 || in.violations() > in.formsReviewed()) {
            throw new InvalidInput("violations", "violations are between 0 and the " + in.formsReviewed()
                    + " forms reviewed (one violation per form)");
        }
        Map<Factor, Adjustment> byFactor = new EnumMap<>(Factor.class);
        for (Adjustment a : in.adjustments() == null ? List.<Adjustment>of() : in.adjustments()) {
            if (a == null || a.factor() == null) {
                throw new InvalidInput("factors", "each factor is one of " + List.of(Factor.values()));
            }
            if (a.direction() == null) {
                throw new InvalidInput("factors", a.factor() + ": a direction is required: "
                        + List.of(Direction.values()));
            }
            if (a.justification() == null || a.justification().trim().length() < MIN_JUSTIFICATION) {
                throw new InvalidInput("factors", a.factor() + ": a written justification of at least "
                        + MIN_JUSTIFICATION + " characters is required, whatever the direction");
            }
            if (byFactor.put(a.factor(), new Adjustment(a.factor(), a.direction(), a.justification().trim()))
                    != null) {
                throw new InvalidInput("factors", a.factor() + " is given twice");
            }
        }
        if (byFactor.size() != Factor.values().length) {
            throw new InvalidInput("factors", "all five statutory factors (8 U.S.C. 1324a(e)(5)) must be weighed; "
                    + "missing: " + java.util.Arrays.stream(Factor.values()).filter(f -> !byFactor.containsKey(f))
                    .toList());
        }
        PenaltySchedule schedule = PenaltySchedule.inForceOn(schedules, in.noticeDate())
                .orElseThrow(() -> new InvalidInput("noticeDate", "no penalty schedule applies to a penalty assessed on "
                        + in.noticeDate() + " (the first applies after "
                        + schedules.stream().map(PenaltySchedule::assessedAfter).min(LocalDate::compareTo)
                                .map(Object::toString).orElse("none") + ")"));
        BigDecimal rate = BigDecimal.valueOf(in.violations()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(in.formsReviewed()), 2, RoundingMode.HALF_UP);
        PenaltySchedule.Band band = schedule.band(rate);
        int percent = byFactor.values().stream().mapToInt(a -> a.direction().percent()).sum();
        BigDecimal unbounded = band.baseAmount().multiply(BigDecimal.valueOf(100 + percent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal perViolation = unbounded;
        Bound bound = Bound.WITHIN;
        if (unbounded.compareTo(schedule.min()) < 0) {
            perViolation = schedule.min().setScale(2, RoundingMode.UNNECESSARY);
            bound = Bound.RAISED_TO_MINIMUM;
        } else if (unbounded.compareTo(schedule.max()) > 0) {
            perViolation = schedule.max().setScale(2, RoundingMode.UNNECESSARY);
            bound = Bound.LOWERED_TO_MAXIMUM;
        }
        BigDecimal total = perViolation.multiply(BigDecimal.valueOf(in.violations())).setScale(2, RoundingMode.UNNECESSARY);
        return new Fine(schedule, in.formsReviewed(), in.violations(), rate, band, percent, unbounded, perViolation,
                bound, total, List.copyOf(byFactor.values()));
    }
}
